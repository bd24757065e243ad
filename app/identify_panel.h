#pragma once

#include "map/identify.h"

#include <QWidget>

class QTextBrowser;

namespace borderlens {

// Shows what the user clicked: every field of the nearest features, and their sources as links
// (opened in the browser only when clicked: BorderLens itself never goes online).
class IdentifyPanel : public QWidget {
    Q_OBJECT
public:
    explicit IdentifyPanel(QWidget* parent = nullptr);
    void showResults(const std::vector<IdentifyResult>& results);
    QString currentText() const;

    // The HTML for results, also used for hover tooltips (short form).
    static QString toHtml(const std::vector<IdentifyResult>& results);
    static QString tooltipHtml(const IdentifyResult& result);

private:
    QTextBrowser* m_view;
};

} // namespace borderlens
