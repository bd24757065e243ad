#include "help_dialog.h"

#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QPushButton>
#include <QTextBrowser>
#include <QToolButton>
#include <QVBoxLayout>

namespace borderlens {

HelpDialog::HelpDialog(const QString& manualDir, QWidget* parent)
    : QDialog(parent), m_dir(manualDir), m_browser(new QTextBrowser(this)),
      m_openExternal([](const QUrl& url) { QDesktopServices::openUrl(url); }) {
    setWindowTitle(tr("BorderLens User Guide"));
    // Every link goes through follow(): pages of the manual open here, the web only outside.
    m_browser->setOpenLinks(false);
    m_browser->setOpenExternalLinks(false);
    connect(m_browser, &QTextBrowser::anchorClicked, this, &HelpDialog::follow);

    auto* back = new QToolButton(this);
    back->setText(tr("Back"));
    back->setIcon(QIcon::fromTheme(QStringLiteral("go-previous")));
    back->setEnabled(false);
    auto* forward = new QToolButton(this);
    forward->setText(tr("Forward"));
    forward->setIcon(QIcon::fromTheme(QStringLiteral("go-next")));
    forward->setEnabled(false);
    auto* contents = new QToolButton(this);
    contents->setText(tr("Contents"));
    contents->setIcon(QIcon::fromTheme(QStringLiteral("go-home")));
    for (QToolButton* b : {back, forward, contents})
        b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    connect(back, &QToolButton::clicked, m_browser, &QTextBrowser::backward);
    connect(forward, &QToolButton::clicked, m_browser, &QTextBrowser::forward);
    connect(contents, &QToolButton::clicked, this,
            [this] { showPage(QStringLiteral("index.html")); });
    connect(m_browser, &QTextBrowser::backwardAvailable, back, &QToolButton::setEnabled);
    connect(m_browser, &QTextBrowser::forwardAvailable, forward, &QToolButton::setEnabled);
    connect(m_browser, &QTextBrowser::sourceChanged, this, [this] {
        const QString title = m_browser->documentTitle();
        setWindowTitle(title.isEmpty() ? tr("BorderLens User Guide") : title);
    });

    auto* bar = new QHBoxLayout;
    bar->addWidget(back);
    bar->addWidget(forward);
    bar->addWidget(contents);
    bar->addStretch(1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* root = new QVBoxLayout(this);
    root->addLayout(bar);
    root->addWidget(m_browser, 1);
    root->addWidget(buttons);
    resize(1000, 760);

    if (!m_dir.isEmpty() &&
        QFileInfo(QDir(m_dir).filePath(QStringLiteral("index.html"))).isFile()) {
        m_browser->setSearchPaths({m_dir});
        showPage(QStringLiteral("index.html"));
    } else {
        contents->setEnabled(false);
        m_browser->setHtml(tr("<h2>The user guide was not found</h2><p>BorderLens looks for it in "
                              "<code>share/borderlens/manual</code> beside the program (or in "
                              "<code>$BORDERLENS_DATA_DIR/manual</code>). The README and "
                              "<code>docs/</code> of the source tree say the same.</p>"));
    }
}

void HelpDialog::showPage(const QString& page) {
    if (m_dir.isEmpty())
        return;
    const QUrl base = QUrl::fromLocalFile(QDir(m_dir).filePath(QStringLiteral("index.html")));
    m_browser->setSource(base.resolved(QUrl(page)));
}

void HelpDialog::follow(const QUrl& link) {
    const QString scheme = link.scheme();
    if (scheme == QLatin1String("http") || scheme == QLatin1String("https") ||
        scheme == QLatin1String("mailto")) {
        m_openExternal(link);
        return;
    }
    // A page or anchor of the manual, relative to the page shown: nothing else is opened.
    const QUrl target = m_browser->source().resolved(link);
    if (!target.isLocalFile())
        return;
    const QString file = QDir::cleanPath(target.toLocalFile());
    if (!file.startsWith(QDir::cleanPath(m_dir) + QLatin1Char('/')) || !QFileInfo(file).isFile())
        return;
    m_browser->setSource(target);
}

} // namespace borderlens
