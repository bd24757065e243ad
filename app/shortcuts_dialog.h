#pragma once

#include <QDialog>
#include <QString>
#include <vector>

class QMenuBar;
class QWidget;

namespace borderlens {

// Help ▸ Keyboard Shortcuts. The menus' shortcuts are read from their QActions when the dialog
// opens, so the list follows the menus; the keys the map, the time bar and the layer list handle
// themselves (not actions) are listed after them.
class ShortcutsDialog : public QDialog {
    Q_OBJECT
public:
    struct Entry {
        QString section; // "Menus", "Map", "Time bar", …
        QString what;    // "File ▸ Export Map…", "Zoom in"
        QString keys;    // "Ctrl+E", "Space"
    };

    // Every action of `menuBar`'s menus (and submenus) that has a shortcut, in menu order, named
    // by its menu path; then any other action of `window` with a shortcut.
    static std::vector<Entry> actionShortcuts(const QMenuBar* menuBar, const QWidget* window);
    // The keys and mouse gestures of the map, the time bar, the layer list and the table.
    static std::vector<Entry> widgetKeys();

    explicit ShortcutsDialog(const QMenuBar* menuBar, QWidget* parent = nullptr);
    const std::vector<Entry>& entries() const { return m_entries; }

private:
    std::vector<Entry> m_entries;
};

} // namespace borderlens
