#include "identify_panel.h"

#include <QDesktopServices>
#include <QLocale>
#include <QUrl>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace borderlens {

IdentifyPanel::IdentifyPanel(QWidget* parent) : QWidget(parent), m_view(new QTextBrowser(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    // Links are followed only when clicked, only for http(s), and only in the system browser:
    // imported data must not make the panel open file:, smb: or other schemes.
    m_view->setOpenLinks(false);
    connect(m_view, &QTextBrowser::anchorClicked, this, [](const QUrl& url) {
        if (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http"))
            QDesktopServices::openUrl(url);
    });
    m_view->setPlaceholderText(tr("Click a feature on the map to see its details."));
}

void IdentifyPanel::showResults(const std::vector<IdentifyResult>& results) {
    m_view->setHtml(results.empty() ? QString() : toHtml(results));
}

QString IdentifyPanel::currentText() const { return m_view->toPlainText(); }

QString IdentifyPanel::toHtml(const std::vector<IdentifyResult>& results) {
    QString html;
    for (const IdentifyResult& r : results) {
        html += QStringLiteral("<h3 style='margin-bottom:2px'>%1</h3>"
                               "<div style='color:#666'>%2</div><table cellspacing='2'>")
                    .arg(r.title.toHtmlEscaped(), r.layerName.toHtmlEscaped());
        for (const QString& w : r.layerWarnings)
            html += QStringLiteral("<div style='color:#9a5b00'>⚠ %1</div>").arg(w.toHtmlEscaped());
        for (const auto& [label, value] : r.fields) {
            if (value.isEmpty())
                continue;
            html += QStringLiteral("<tr><td valign='top'><b>%1</b></td><td>%2</td></tr>")
                        .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
        }
        html += QStringLiteral("</table>");
        if (!r.sources.empty()) {
            html += QStringLiteral("<p><b>Sources</b></p><ol>");
            for (const SourceRef& s : r.sources) {
                QString line = s.title.toHtmlEscaped();
                const QUrl url(s.url);
                const bool web = url.isValid() && (url.scheme() == QLatin1String("https") ||
                                                   url.scheme() == QLatin1String("http"));
                if (web)
                    line = QStringLiteral("<a href=\"%1\">%2</a>")
                               .arg(QString::fromUtf8(url.toEncoded()).toHtmlEscaped(),
                                    line.isEmpty() ? s.url.toHtmlEscaped() : line);
                else if (!s.url.isEmpty())
                    line += QStringLiteral(" (%1)").arg(s.url.toHtmlEscaped());
                if (!s.outlet.isEmpty())
                    line += QStringLiteral(" — %1").arg(s.outlet.toHtmlEscaped());
                if (s.date.isValid())
                    line += QStringLiteral(", %1").arg(
                        QLocale::c().toString(s.date, QStringLiteral("d MMM yyyy")));
                html += QStringLiteral("<li>%1</li>").arg(line);
            }
            html += QStringLiteral("</ol>");
        }
        html += QStringLiteral("<hr/>");
    }
    return html;
}

QString IdentifyPanel::tooltipHtml(const IdentifyResult& r) {
    QString html = QStringLiteral("<b>%1</b>").arg(r.title.toHtmlEscaped());
    int shown = 0;
    for (const auto& [label, value] : r.fields) {
        if (value.isEmpty() || label == QLatin1String("Summary") || label == QLatin1String("Id"))
            continue;
        html += QStringLiteral("<br/>%1: %2").arg(label.toHtmlEscaped(), value.toHtmlEscaped());
        if (++shown == 5)
            break;
    }
    return html;
}

} // namespace borderlens
