#include "place_search_box.h"

#include "geo/coordinate_parser.h"
#include "map/layer_name_search.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QStandardItemModel>

namespace borderlens {

PlaceSearchBox::PlaceSearchBox(std::shared_ptr<const PlaceSearch> search, LayersFn layers,
                               QWidget* parent)
    : QLineEdit(parent), m_search(std::move(search)), m_layers(std::move(layers)),
      m_completer(new QCompleter(this)), m_model(new QStandardItemModel(this)) {
    setPlaceholderText(tr("Find a place or coordinates (Ctrl+F)"));
    setClearButtonEnabled(true);
    setMinimumWidth(260);
    // The list is ours (search() ranks across scripts); the completer only shows it.
    m_completer->setModel(m_model);
    m_completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_completer->setMaxVisibleItems(12);
    setCompleter(m_completer);
    connect(this, &QLineEdit::textEdited, this, &PlaceSearchBox::refresh);
    connect(m_completer, qOverload<const QModelIndex&>(&QCompleter::activated), this,
            [this](const QModelIndex& index) { choose(index.row()); });
    connect(this, &QLineEdit::returnPressed, this, [this] {
        if (m_completer->popup()->isVisible())
            return; // the popup's own activation chooses
        m_hits = answers(text());
        choose(0);
    });
}

std::vector<PlaceHit> PlaceSearchBox::answers(const QString& text) const {
    std::vector<PlaceHit> hits;
    if (const auto at = parseCoordinate(text)) {
        PlaceHit h;
        h.name = QStringLiteral("%1° %2, %3° %4")
                     .arg(std::abs(at->lat), 0, 'f', 5)
                     .arg(at->lat < 0 ? 'S' : 'N')
                     .arg(std::abs(at->lon), 0, 'f', 5)
                     .arg(at->lon < 0 ? 'W' : 'E');
        h.description = tr("Coordinates %1").arg(h.name);
        h.lon = at->lon;
        h.lat = at->lat;
        hits.push_back(h);
        return hits;
    }
    if (m_search)
        hits = m_search->search(text, 10);
    if (m_layers)
        for (PlaceHit& h : searchLayerNames(m_layers(), text, 5))
            hits.push_back(std::move(h));
    return hits;
}

void PlaceSearchBox::refresh(const QString& text) {
    m_hits = answers(text);
    m_model->clear();
    for (const PlaceHit& h : m_hits) {
        QString shown = h.description;
        if (!h.matched.isEmpty() && h.matched != h.name)
            shown += QStringLiteral(" (%1)").arg(h.matched);
        m_model->appendRow(new QStandardItem(shown));
    }
    m_completer->complete();
}

void PlaceSearchBox::choose(int row) {
    if (row < 0 || std::size_t(row) >= m_hits.size())
        return;
    const PlaceHit hit = m_hits[std::size_t(row)];
    setText(hit.name);
    emit chosen(hit);
}

} // namespace borderlens
