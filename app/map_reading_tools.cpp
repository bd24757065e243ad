#include "map_reading_tools.h"

#include "data/border_reference.h"
#include "geo/coordinate_transform.h"
#include "map_canvas.h"
#include "measure_tool.h"
#include "place_search_box.h"

#include <QAction>
#include <QLabel>
#include <QMainWindow>
#include <QTimer>
#include <QToolBar>

namespace borderlens {

MapReadingTools::MapReadingTools(QMainWindow* window, MapCanvas* canvas,
                                 PlaceSearchBoxLayers layers)
    : QObject(window), m_canvas(canvas), m_toolBar(new QToolBar(tr("Map reading"), window)),
      m_measure(new MeasureTool(BorderReference::loadBundled(), this)),
      m_panel(new QLabel(canvas)), m_markTimer(new QTimer(this)) {
    m_toolBar->setObjectName(QStringLiteral("mapReadingToolBar"));
    auto gazetteer = Gazetteer::loadBundled();
    m_search = new PlaceSearchBox(
        gazetteer ? std::make_shared<const PlaceSearch>(
                        std::make_shared<const Gazetteer>(std::move(gazetteer.value())))
                  : nullptr,
        std::move(layers), m_toolBar);
    m_toolBar->addWidget(m_search);
    auto* find = new QAction(tr("Find a Place"), this);
    find->setShortcut(QKeySequence::Find);
    find->setShortcutContext(Qt::ApplicationShortcut);
    connect(find, &QAction::triggered, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    window->addAction(find);
    connect(m_search, &PlaceSearchBox::chosen, this, &MapReadingTools::goTo);

    QAction* measure = m_toolBar->addAction(tr("Measure"));
    measure->setCheckable(true);
    measure->setShortcut(QKeySequence(Qt::Key_M));
    measure->setToolTip(tr("Measure a path's geodesic length and bearings, or a shape's area "
                           "(M; Esc ends)"));
    QAction* border = m_toolBar->addAction(tr("Distance to Border"));
    border->setCheckable(true);
    border->setShortcut(QKeySequence(Qt::Key_B));
    border->setToolTip(tr("Click a point: its distance to the Tajik–Afghan border and its side "
                          "(B; Esc ends)"));
    connect(measure, &QAction::toggled, this, [this, border](bool on) {
        if (on)
            border->setChecked(false);
        if (on || m_measure->mode() == MeasureTool::Mode::Path)
            m_measure->start(on ? MeasureTool::Mode::Path : MeasureTool::Mode::Off);
    });
    connect(border, &QAction::toggled, this, [this, measure](bool on) {
        if (on)
            measure->setChecked(false);
        if (on || m_measure->mode() == MeasureTool::Mode::Border)
            m_measure->start(on ? MeasureTool::Mode::Border : MeasureTool::Mode::Off);
    });
    connect(canvas, &MapCanvas::escapePressed, this, [this, measure, border] {
        measure->setChecked(false);
        border->setChecked(false);
        m_measure->stop();
    });
    connect(m_measure, &MeasureTool::changed, this, &MapReadingTools::showMeasure);

    m_panel->setStyleSheet(QStringLiteral(
        "QLabel { background: rgba(255,255,255,225); border: 1px solid #999; padding: 4px; }"));
    m_panel->hide();
    m_markTimer->setSingleShot(true);
    connect(m_markTimer, &QTimer::timeout, this, [this] {
        m_mark.reset();
        m_canvas->update();
    });
    canvas->addOverlay([this](QPainter& p, const MapViewport& view, const Crs& crs) {
        m_measure->paint(p, view, crs);
        if (!m_mark)
            return;
        double x = m_mark->first, y = m_mark->second;
        auto t = TransformCache::get(Crs::wgs84(), crs);
        if (!t || !t.value()->transform(x, y))
            return;
        const QPointF at = view.toPixel(x, y);
        p.save();
        p.setRenderHint(QPainter::Antialiasing, true);
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(QColor(255, 255, 255, 230), 6));
        p.drawEllipse(at, 14, 14);
        p.setPen(QPen(QColor(0xd3, 0x2f, 0x2f), 3));
        p.drawEllipse(at, 14, 14);
        p.restore();
    });
}

bool MapReadingTools::takeClick(QPointF pixel) {
    return m_measure->click(pixel, m_canvas->viewport(), m_canvas->crs());
}

void MapReadingTools::goTo(const PlaceHit& hit) {
    // Close enough to see the place among its neighbours, never further out than the user was.
    m_canvas->centerOnLonLat(hit.lon, hit.lat, 1000000);
    m_mark = std::pair{hit.lon, hit.lat};
    m_markTimer->start(4000);
    m_canvas->update();
    emit message(hit.description, 15000);
}

void MapReadingTools::showMeasure() {
    const QString details = m_measure->details();
    if (m_measure->mode() == MeasureTool::Mode::Off || details.isEmpty()) {
        m_panel->hide();
    } else {
        m_panel->setText(details);
        m_panel->adjustSize();
        m_panel->move(m_canvas->width() - m_panel->width() - 10, 40);
        m_panel->show();
        m_panel->raise();
    }
    emit message(m_measure->summary(), 0);
    m_canvas->update();
}

} // namespace borderlens
