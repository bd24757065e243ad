// Help ▸ User Guide and Help ▸ Keyboard Shortcuts: the bundled manual is found where an installed
// program looks, names the main tasks, has no broken local links and is shown from disk, with web
// links handed to the browser; the shortcut list is read from the window's own actions.
#include "data/data_paths.h"
#include "help_dialog.h"
#include "main_window.h"
#include "shortcuts_dialog.h"

#include <QAction>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTreeWidget>
#include <gtest/gtest.h>

using namespace borderlens;

namespace {

QString readText(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

QString plainTextOf(const QString& html) {
    QTextDocument doc;
    doc.setHtml(html);
    return doc.toPlainText().simplified();
}

QAction* menuAction(const QMenuBar* bar, const QString& menu, const QString& text) {
    for (QAction* top : bar->actions()) {
        if (!top->menu() || top->text().remove(QLatin1Char('&')) != menu)
            continue;
        for (QAction* a : top->menu()->actions())
            if (a->text().remove(QLatin1Char('&')) == text)
                return a;
    }
    return nullptr;
}

TEST(UserGuide, IsFoundBesideTheDataAndItsIndexNamesTheMainTasks) {
    const QString dir = bundledManualDir();
    ASSERT_FALSE(dir.isEmpty()) << "no manual found (docs/manual in the source tree)";
    ASSERT_TRUE(QFileInfo(QDir(dir).filePath(QStringLiteral("index.html"))).isFile());
    const QString index = plainTextOf(readText(QDir(dir).filePath(QStringLiteral("index.html"))));
    for (const QString& task :
         {QStringLiteral("BorderLens User Guide"), QStringLiteral("Open maps and GIS data"),
          QStringLiteral("Import incidents (native, ACLED, UCDP)"),
          QStringLiteral("Move around the map"), QStringLiteral("density"),
          QStringLiteral("View ▸ Incidents As"), QStringLiteral("Choose a time window and play it"),
          QStringLiteral("Identify"), QStringLiteral("the table"),
          QStringLiteral("Layers and their properties"),
          QStringLiteral("Make a briefing map (PNG, PDF, SVG)"),
          QStringLiteral("Make frames for a video"), QStringLiteral("borderlens-cli"),
          QStringLiteral("Offline use and data sources"), QStringLiteral("Keyboard Shortcuts")})
        EXPECT_TRUE(index.contains(task))
            << "the index does not name \"" << task.toStdString() << "\"";
    // Every command of the CLI has its section.
    const QString cli = readText(QDir(dir).filePath(QStringLiteral("cli.html")));
    for (const char* command : {"info", "geocode", "import", "export", "frames", "synth", "bench"})
        EXPECT_TRUE(cli.contains(QStringLiteral("id=\"%1\"").arg(QLatin1String(command))))
            << command;
}

// Every page, image and anchor a page points to is in the manual; nothing is fetched from the
// web (images are local files), and the screenshots stay small.
TEST(UserGuide, EveryLocalLinkResolvesAndEveryImageIsLocalAndSmall) {
    const QDir dir(bundledManualDir());
    ASSERT_TRUE(dir.exists());
    const QRegularExpression ref(QStringLiteral(R"re((href|src)="([^"]*)")re"));
    int pages = 0, links = 0;
    QDirIterator it(dir.path(), {QStringLiteral("*.html")}, QDir::Files);
    while (it.hasNext()) {
        const QString page = it.next();
        ++pages;
        const QString html = readText(page);
        for (auto m = ref.globalMatch(html); m.hasNext();) {
            const auto match = m.next();
            const QString attr = match.captured(1), target = match.captured(2);
            SCOPED_TRACE(QFileInfo(page).fileName().toStdString() + ": " + target.toStdString());
            const bool web = target.startsWith(QLatin1String("http:")) ||
                             target.startsWith(QLatin1String("https:")) ||
                             target.startsWith(QLatin1String("mailto:"));
            if (attr == QLatin1String("src")) {
                EXPECT_FALSE(web) << "an image from the web";
            }
            if (web)
                continue;
            ++links;
            const QString file = target.section(QLatin1Char('#'), 0, 0);
            const QString anchor = target.section(QLatin1Char('#'), 1);
            const QString path = file.isEmpty() ? page : dir.filePath(file);
            ASSERT_TRUE(QFileInfo(path).isFile()) << "missing";
            EXPECT_TRUE(QDir::cleanPath(QFileInfo(path).absoluteFilePath())
                            .startsWith(QDir::cleanPath(dir.absolutePath())))
                << "outside the manual";
            if (!anchor.isEmpty()) {
                EXPECT_TRUE(readText(path).contains(QStringLiteral("id=\"%1\"").arg(anchor)))
                    << "no such anchor";
            }
        }
    }
    EXPECT_GE(pages, 5);
    EXPECT_GT(links, 20);
    qint64 bytes = 0;
    for (const QFileInfo& png : QDir(dir.filePath(QStringLiteral("images")))
                                    .entryInfoList({QStringLiteral("*.png")}, QDir::Files)) {
        EXPECT_FALSE(QImage(png.filePath()).isNull()) << png.fileName().toStdString();
        bytes += png.size();
    }
    EXPECT_GT(bytes, 0);
    EXPECT_LT(bytes, 600 * 1024) << "keep the screenshots small";
}

TEST(UserGuide, TheDialogShowsItFromDiskAndHandsWebLinksToTheBrowser) {
    HelpDialog dialog(bundledManualDir());
    QTextBrowser* browser = dialog.browser();
    EXPECT_EQ(QFileInfo(browser->source().toLocalFile()).fileName(), QStringLiteral("index.html"));
    EXPECT_EQ(browser->documentTitle(), QStringLiteral("BorderLens User Guide"));
    EXPECT_TRUE(browser->toPlainText().contains(QStringLiteral("The main tasks")));
    // Its screenshots load from disk.
    const QVariant image = browser->loadResource(QTextDocument::ImageResource,
                                                 QUrl(QStringLiteral("images/main-window.png")));
    EXPECT_FALSE(QImage::fromData(image.toByteArray()).isNull());

    std::vector<QUrl> opened;
    dialog.setExternalOpener([&](const QUrl& url) { opened.push_back(url); });
    // A page of the manual opens in the dialog.
    emit browser->anchorClicked(QUrl(QStringLiteral("export.html#fitting")));
    EXPECT_EQ(QFileInfo(browser->source().toLocalFile()).fileName(), QStringLiteral("export.html"));
    EXPECT_TRUE(browser->toPlainText().contains(QStringLiteral("When the legend is long")));
    // The web only outside, and only when clicked; anything else is refused.
    const QUrl shown = browser->source();
    emit browser->anchorClicked(QUrl(QStringLiteral("https://gadm.org")));
    ASSERT_EQ(opened.size(), 1u);
    EXPECT_EQ(opened.front(), QUrl(QStringLiteral("https://gadm.org")));
    emit browser->anchorClicked(QUrl(QStringLiteral("file:///etc/passwd")));
    emit browser->anchorClicked(QUrl(QStringLiteral("smb://server/share")));
    EXPECT_EQ(browser->source(), shown);
    EXPECT_EQ(opened.size(), 1u);

    // Without a manual it says where it looked.
    HelpDialog missing(QStringLiteral("/no/such/folder"));
    EXPECT_TRUE(
        missing.browser()->toPlainText().contains(QStringLiteral("share/borderlens/manual")));
}

TEST(KeyboardShortcuts, ListsTheMenusShortcutsAndTheMapAndTimeBarKeys) {
    MainWindow window;
    ShortcutsDialog dialog(window.menuBar(), &window);
    const auto has = [&](const QString& what, const QString& keys) {
        return std::any_of(dialog.entries().begin(), dialog.entries().end(),
                           [&](const ShortcutsDialog::Entry& e) {
                               return (what.isEmpty() || e.what == what) && e.keys == keys;
                           });
    };
    EXPECT_TRUE(has(QStringLiteral("File ▸ Export Map…"), QStringLiteral("Ctrl+E")));
    EXPECT_TRUE(has(QStringLiteral("File ▸ Import Incidents…"), QStringLiteral("Ctrl+I")));
    EXPECT_TRUE(has(QStringLiteral("Help ▸ User Guide"), QStringLiteral("F1")));
    EXPECT_TRUE(has({}, QStringLiteral("Space")));
    EXPECT_TRUE(has({}, QStringLiteral("Ctrl+Mouse wheel")));
    // What the user sees: the tree lists them.
    auto* tree = dialog.findChild<QTreeWidget*>(QStringLiteral("shortcuts"));
    ASSERT_NE(tree, nullptr);
    for (const QString& keys : {QStringLiteral("Ctrl+E"), QStringLiteral("Space")})
        EXPECT_FALSE(tree->findItems(keys, Qt::MatchExactly | Qt::MatchRecursive, 1).isEmpty())
            << keys.toStdString();

    // Read from the actions: a shortcut added to a menu is listed, so the list cannot go stale.
    QAction* extra =
        menuAction(window.menuBar(), QStringLiteral("View"), QStringLiteral("Zoom to Layer"));
    ASSERT_NE(extra, nullptr);
    extra->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    const auto again = ShortcutsDialog::actionShortcuts(window.menuBar(), &window);
    EXPECT_TRUE(std::any_of(again.begin(), again.end(), [](const ShortcutsDialog::Entry& e) {
        return e.what == QStringLiteral("View ▸ Zoom to Layer") &&
               e.keys == QStringLiteral("Ctrl+L");
    }));
}

TEST(KeyboardShortcuts, TheHelpMenuOpensBothDialogs) {
    MainWindow window;
    QAction* shortcuts =
        menuAction(window.menuBar(), QStringLiteral("Help"), QStringLiteral("Keyboard Shortcuts"));
    QAction* guide =
        menuAction(window.menuBar(), QStringLiteral("Help"), QStringLiteral("User Guide"));
    ASSERT_NE(shortcuts, nullptr);
    ASSERT_NE(guide, nullptr);
    shortcuts->trigger();
    guide->trigger();
    auto* s = window.findChild<ShortcutsDialog*>();
    auto* h = window.findChild<HelpDialog*>();
    ASSERT_NE(s, nullptr);
    ASSERT_NE(h, nullptr);
    EXPECT_TRUE(s->isVisible());
    EXPECT_TRUE(h->isVisible());
    EXPECT_EQ(h->browser()->documentTitle(), QStringLiteral("BorderLens User Guide"));
}

} // namespace
