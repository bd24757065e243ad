#pragma once

#include <QDialog>
#include <QUrl>
#include <functional>

class QTextBrowser;

namespace borderlens {

// Help ▸ User Guide: the bundled HTML manual (bundledManualDir()) in a QTextBrowser, with back,
// forward and contents. Offline by construction: a QTextBrowser reads local files only, so the
// manual and its images come from disk; a link to the web opens in the user's browser, and only
// when clicked (as in the identify panel).
class HelpDialog : public QDialog {
    Q_OBJECT
public:
    // `manualDir` holds index.html; empty or without one, the dialog says where it looked.
    explicit HelpDialog(const QString& manualDir, QWidget* parent = nullptr);

    // Shows `page` of the manual ("export.html", "export.html#frames").
    void showPage(const QString& page);
    QTextBrowser* browser() const { return m_browser; }
    // What opens http(s) and mailto links; QDesktopServices::openUrl unless a test sets another.
    void setExternalOpener(std::function<void(const QUrl&)> opener) {
        m_openExternal = std::move(opener);
    }

private:
    void follow(const QUrl& link);

    QString m_dir;
    QTextBrowser* m_browser;
    std::function<void(const QUrl&)> m_openExternal;
};

} // namespace borderlens
