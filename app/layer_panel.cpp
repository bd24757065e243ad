#include "layer_panel.h"

#include <QAbstractItemModel>
#include <QKeyEvent>
#include <QListWidget>
#include <QMenu>
#include <QStyle>
#include <QVBoxLayout>

#include <algorithm>

namespace borderlens {

namespace {
constexpr int IdRole = Qt::UserRole + 1;
}

LayerPanel::LayerPanel(QWidget* parent) : QWidget(parent), m_list(new QListWidget(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list);
    // A narrow dock elides long names (the whole name is in the tooltip) rather than scrolling
    // sideways or forcing the window wider.
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setTextElideMode(Qt::ElideRight);
    m_list->setDragDropMode(QAbstractItemView::InternalMove);
    m_list->setDefaultDropAction(Qt::MoveAction);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    m_list->installEventFilter(this);

    connect(m_list, &QListWidget::itemChanged, this, [this](QListWidgetItem* item) {
        emit visibilityChanged(item->data(IdRole).toString(), item->checkState() == Qt::Checked);
    });
    connect(m_list->model(), &QAbstractItemModel::rowsMoved, this,
            [this] { emit orderChanged(topFirstIds()); });
    connect(m_list, &QListWidget::customContextMenuRequested, this, &LayerPanel::showContextMenu);
    connect(m_list, &QListWidget::itemDoubleClicked, this,
            [this](QListWidgetItem* item) { emit zoomToRequested(item->data(IdRole).toString()); });
}

void LayerPanel::addLayer(const QString& id, const QString& name, const QString& tooltip,
                          bool hasWarning, bool visible, int row) {
    auto* item = new QListWidgetItem(name);
    item->setData(IdRole, id);
    // The whole name first: the list elides it in a narrow dock.
    item->setToolTip(tooltip.isEmpty() ? name : name + QLatin1Char('\n') + tooltip);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable |
                   Qt::ItemIsDragEnabled);
    if (hasWarning)
        item->setIcon(style()->standardIcon(QStyle::SP_MessageBoxWarning));
    const QSignalBlocker block(m_list);
    item->setCheckState(visible ? Qt::Checked : Qt::Unchecked);
    m_list->insertItem(std::clamp(row, 0, m_list->count()), item);
}

void LayerPanel::updateLayer(const QString& id, const QString& name, const QString& tooltip,
                             bool hasWarning) {
    QListWidgetItem* item = itemFor(id);
    if (!item)
        return;
    const QSignalBlocker block(m_list);
    item->setText(name);
    item->setToolTip(tooltip.isEmpty() ? name : name + QLatin1Char('\n') + tooltip);
    item->setIcon(hasWarning ? style()->standardIcon(QStyle::SP_MessageBoxWarning) : QIcon());
}

void LayerPanel::removeLayer(const QString& id) {
    delete itemFor(id);
}

void LayerPanel::setLayerVisible(const QString& id, bool visible) {
    if (QListWidgetItem* item = itemFor(id))
        item->setCheckState(visible ? Qt::Checked : Qt::Unchecked);
}

std::vector<QString> LayerPanel::topFirstIds() const {
    std::vector<QString> ids;
    for (int i = 0; i < m_list->count(); ++i)
        ids.push_back(m_list->item(i)->data(IdRole).toString());
    return ids;
}

QString LayerPanel::currentId() const {
    const QListWidgetItem* item = m_list->currentItem();
    return item ? item->data(IdRole).toString() : QString();
}

int LayerPanel::count() const { return m_list->count(); }

QListWidgetItem* LayerPanel::itemFor(const QString& id) const {
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->data(IdRole).toString() == id)
            return m_list->item(i);
    }
    return nullptr;
}

void LayerPanel::showContextMenu(const QPoint& pos) {
    QListWidgetItem* item = m_list->itemAt(pos);
    if (!item)
        return;
    const QString id = item->data(IdRole).toString();
    QMenu menu(this);
    menu.addAction(tr("Zoom to Layer"), this, [this, id] { emit zoomToRequested(id); });
    menu.addAction(tr("Properties…"), this, [this, id] { emit propertiesRequested(id); });
    menu.addSeparator();
    menu.addAction(tr("Remove Layer"), this, [this, id] { emit removeRequested(id); });
    menu.exec(m_list->viewport()->mapToGlobal(pos));
}

bool LayerPanel::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_list && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Delete && !currentId().isEmpty()) {
            emit removeRequested(currentId());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace borderlens
