#pragma once

#include <QWidget>

#include <vector>

class QListWidget;
class QListWidgetItem;

namespace borderlens {

// The layer list: top of the list is drawn on top. Check boxes toggle visibility, drag and drop
// reorders, the context menu (and Delete) removes or zooms to a layer. It only reports what the
// user did; MainWindow applies it to the LayerStack.
class LayerPanel : public QWidget {
    Q_OBJECT
public:
    explicit LayerPanel(QWidget* parent = nullptr);

    // Adds a row at `row`, counted from the top as the list shows the stack (0: on top), so
    // the list stays in the LayerStack's order when a layer is inserted by its kind.
    void addLayer(const QString& id, const QString& name, const QString& tooltip, bool hasWarning,
                  bool visible = true, int row = 0);
    void removeLayer(const QString& id);
    // A reloaded layer's row: new name, tooltip and warning; place and tick stay.
    void updateLayer(const QString& id, const QString& name, const QString& tooltip,
                     bool hasWarning);
    // Ticks or unticks a layer as if the user had (emits visibilityChanged).
    void setLayerVisible(const QString& id, bool visible);
    std::vector<QString> topFirstIds() const;
    QString currentId() const;
    int count() const;

signals:
    void visibilityChanged(const QString& id, bool visible);
    void orderChanged(const std::vector<QString>& topFirstIds);
    void removeRequested(const QString& id);
    void zoomToRequested(const QString& id);
    void propertiesRequested(const QString& id);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void showContextMenu(const QPoint& pos);
    QListWidgetItem* itemFor(const QString& id) const;

    QListWidget* m_list;
};

} // namespace borderlens
