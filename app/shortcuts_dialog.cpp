#include "shortcuts_dialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QSet>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace borderlens {

namespace {

// "&Export Map…" → "Export Map…"; "Save && Quit" → "Save & Quit".
QString plainText(const QString& text) {
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] != QLatin1Char('&'))
            out += text[i];
        else if (i + 1 < text.size() && text[i + 1] == QLatin1Char('&'))
            out += text[++i]; // "&&" is a literal ampersand
    }
    return out;
}

QString keysOf(const QAction* action) {
    QStringList keys;
    for (const QKeySequence& k : action->shortcuts())
        if (!k.isEmpty())
            keys << k.toString(QKeySequence::NativeText);
    keys.removeDuplicates();
    return keys.join(QStringLiteral(", "));
}

void collect(const QMenu* menu, const QString& path, std::vector<ShortcutsDialog::Entry>& out,
             QSet<const QAction*>& seen) {
    for (const QAction* a : menu->actions()) {
        if (a->isSeparator())
            continue;
        const QString name = path + QStringLiteral(" ▸ ") + plainText(a->text());
        if (a->menu()) {
            collect(a->menu(), name, out, seen);
            continue;
        }
        seen.insert(a);
        if (const QString keys = keysOf(a); !keys.isEmpty())
            out.push_back({QObject::tr("Menus"), name, keys});
    }
}

} // namespace

std::vector<ShortcutsDialog::Entry> ShortcutsDialog::actionShortcuts(const QMenuBar* menuBar,
                                                                     const QWidget* window) {
    std::vector<Entry> out;
    QSet<const QAction*> seen;
    if (menuBar) {
        for (const QAction* a : menuBar->actions())
            if (a->menu())
                collect(a->menu(), plainText(a->text()), out, seen);
    }
    if (window) {
        for (const QAction* a : window->findChildren<QAction*>()) {
            if (seen.contains(a))
                continue;
            if (const QString keys = keysOf(a); !keys.isEmpty())
                out.push_back({tr("Other"), plainText(a->text()), keys});
        }
    }
    return out;
}

std::vector<ShortcutsDialog::Entry> ShortcutsDialog::widgetKeys() {
    // Kept beside MapCanvas::keyPressEvent/wheelEvent and TimeBar::wheelEvent; the time keys
    // (Space, ←, →, Home, End) are the Time menu's actions and listed with the menus.
    const QString map = tr("Map (click it first)");
    const QString time = tr("Time bar (click it first)");
    const QString layers = tr("Layers list");
    const QString table = tr("Incidents table");
    return {
        {map, tr("Zoom in"), QStringLiteral("+, =")},
        {map, tr("Zoom out"), QStringLiteral("−")},
        {map, tr("Pan"), QStringLiteral("Shift+← →, ↑ ↓")},
        {map, tr("Zoom about the cursor"), tr("Mouse wheel")},
        {map, tr("Pan"), tr("Drag")},
        {map, tr("Identify what is under the cursor"), tr("Click")},
        {map, tr("Tooltip of what is under the cursor"), tr("Hover")},
        {time, tr("Lengthen or shorten the window (its end stays)"), tr("Mouse wheel")},
        {time, tr("Zoom the bar about the cursor"), tr("Ctrl+Mouse wheel")},
        {time, tr("Move the window; drag an edge to resize it"), tr("Drag")},
        {layers, tr("Remove the selected layer"), tr("Delete")},
        {layers, tr("Zoom to the layer"), tr("Double-click")},
        {layers, tr("Reorder (top draws on top)"), tr("Drag")},
        {table, tr("Zoom to the incident"), tr("Double-click")},
    };
}

ShortcutsDialog::ShortcutsDialog(const QMenuBar* menuBar, QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Keyboard Shortcuts"));
    m_entries = actionShortcuts(menuBar, parent);
    for (Entry& e : widgetKeys())
        m_entries.push_back(std::move(e));

    auto* tree = new QTreeWidget(this);
    tree->setObjectName(QStringLiteral("shortcuts"));
    tree->setColumnCount(2);
    tree->setHeaderLabels({tr("Action"), tr("Keys")});
    tree->setRootIsDecorated(false);
    tree->setSelectionMode(QAbstractItemView::NoSelection);
    tree->setFocusPolicy(Qt::NoFocus);
    QTreeWidgetItem* section = nullptr;
    for (const Entry& e : m_entries) {
        if (!section || section->text(0) != e.section) {
            section = new QTreeWidgetItem(tree, {e.section});
            QFont bold = section->font(0);
            bold.setBold(true);
            section->setFont(0, bold);
            section->setFirstColumnSpanned(true);
        }
        new QTreeWidgetItem(section, {e.what, e.keys});
    }
    tree->expandAll();
    tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    tree->header()->setStretchLastSection(false);

    auto* note = new QLabel(
        tr("The map and the time bar take keys when they have the focus: click them first."), this);
    note->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* root = new QVBoxLayout(this);
    root->addWidget(tree, 1);
    root->addWidget(note);
    root->addWidget(buttons);
    resize(560, 640);
}

} // namespace borderlens
