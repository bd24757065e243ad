#include "incident_chart.h"

#include "render/incident_symbols.h"

#include <QBarSet>
#include <QCategoryAxis>
#include <QCursor>
#include <QFontMetricsF>
#include <QGraphicsRectItem>
#include <QGraphicsSimpleTextItem>
#include <QLegend>
#include <QLocale>
#include <QPen>
#include <QStackedBarSeries>
#include <QToolTip>
#include <QValueAxis>
#include <array>
#include <cmath>

namespace borderlens {

namespace {

// Between the plot area's background and the grid, so the bars and grid lines draw over the
// band (Qt Charts stacks background 0, shades 1, grid 2, axes 3, series 4 and up).
constexpr double kBandZ = 1.5;
constexpr double kEdgeZ = 8;
const QColor kBandFill(0x00, 0x72, 0xb2, 46); // the time bar's window blue, translucent
const QColor kBandEdge(0x00, 0x72, 0xb2);

// Ticks on the count axis at 1, 2 or 5 × 10^k, about five of them, on whole incidents.
int niceStep(int most) {
    const double raw = most / 5.0;
    if (raw <= 1)
        return 1;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (m * magnitude >= raw)
            return static_cast<int>(m * magnitude);
    return static_cast<int>(10 * magnitude);
}

QString monthLabel(const QDate& d) {
    return QLocale::c().monthName(d.month(), QLocale::ShortFormat) + QLatin1Char(' ') +
           QString::number(d.year());
}

} // namespace

IncidentChart::IncidentChart(QGraphicsItem* parent) : QChart(parent) {
    setAnimationOptions(QChart::NoAnimation);
    setBackgroundRoundness(0);
    setMargins(QMargins(6, 6, 10, 6));
    legend()->setAlignment(Qt::AlignBottom);
    legend()->setMarkerShape(QLegend::MarkerShapeRectangle);
    QFont titleFont = font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    titleFont.setBold(true);
    setTitleFont(titleFont);

    m_band = new QGraphicsRectItem(this);
    m_band->setZValue(kBandZ);
    m_band->setBrush(kBandFill);
    m_band->setPen(Qt::NoPen);
    m_band->hide();
    // The band's two edges, drawn over the bars so a window inside one bar still shows.
    for (QGraphicsRectItem*& edge : m_bandEdges) {
        edge = new QGraphicsRectItem(this);
        edge->setZValue(kEdgeZ);
        edge->setBrush(kBandEdge);
        edge->setPen(Qt::NoPen);
        edge->hide();
    }
    m_noIncidents = new QGraphicsSimpleTextItem(tr("No incidents"), this);
    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    m_noIncidents->setFont(big);
    m_noIncidents->setBrush(QColor(0x70, 0x70, 0x70));
    m_noIncidents->setZValue(10);
    m_noIncidents->hide();

    connect(this, &QChart::plotAreaChanged, this, [this] {
        relabel();
        placeOverlays();
    });
    rebuild();
}

void IncidentChart::setHistogram(std::shared_ptr<const TypeHistogram> histogram,
                                 const QString& selection) {
    m_histogram = std::move(histogram);
    m_selection = selection;
    rebuild();
}

void IncidentChart::setWindow(const TimeRange& window) {
    if (window == m_window)
        return;
    m_window = window;
    setTitle(titleText());
    placeOverlays();
}

QString IncidentChart::titleText() const {
    const bool weeks = m_histogram && m_histogram->period == HistogramPeriod::Week;
    QString title = weeks ? tr("Incidents per week, by type") : tr("Incidents per month, by type");
    title += QStringLiteral(" — ") + (m_selection.isEmpty() ? tr("whole data") : m_selection);
    if (!m_window.isAll() && !m_window.isEmpty())
        title += QStringLiteral("<br><span style=\"font-weight:normal; font-size:small\">") +
                 tr("Time window (shaded): %1").arg(m_window.toDisplayString().toHtmlEscaped()) +
                 QStringLiteral("</span>");
    return title;
}

bool IncidentChart::showsNoIncidents() const {
    return m_noIncidents->isVisible();
}

void IncidentChart::rebuild() {
    removeAllSeries(); // deletes them and their sets
    for (QAbstractAxis* axis : axes()) {
        removeAxis(axis);
        delete axis;
    }
    m_series = nullptr;
    m_timeAxis = nullptr;
    m_countAxis = nullptr;
    m_sets.clear();
    m_labelledWidth = -1;
    setTitle(titleText());

    const TypeHistogram* h = m_histogram.get();
    if (!h || h->empty() || h->total == 0) {
        legend()->hide();
        m_noIncidents->show();
        placeOverlays();
        return;
    }
    m_noIncidents->hide();
    legend()->show();

    m_series = new QStackedBarSeries;
    m_series->setBarWidth(0.8);
    for (IncidentType t : kAllIncidentTypes) {
        QList<qreal> values;
        values.reserve(static_cast<qsizetype>(h->size()));
        int sum = 0;
        for (std::size_t p = 0; p < h->size(); ++p) {
            values.append(h->count(p, t));
            sum += h->count(p, t);
        }
        if (sum == 0)
            continue; // the legend names only the types drawn
        auto* set = new QBarSet(displayName(t));
        const QColor colour = symbolFor(t).colour;
        set->setColor(colour);
        set->setBorderColor(colour);
        set->append(values);
        m_series->append(set);
        m_sets.emplace_back(set, t);
        connect(set, &QBarSet::hovered, this, [this, t](bool on, int index) {
            if (on)
                QToolTip::showText(QCursor::pos(), tooltipText(index, t));
            else
                QToolTip::hideText();
        });
    }
    addSeries(m_series);

    m_timeAxis = new QCategoryAxis;
    m_timeAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    m_timeAxis->setGridLineVisible(false);
    m_timeAxis->setTitleText(h->period == HistogramPeriod::Week ? tr("Week (from Monday)")
                                                                : tr("Month"));
    addAxis(m_timeAxis, Qt::AlignBottom);
    m_series->attachAxis(m_timeAxis);
    m_timeAxis->setRange(-0.5, static_cast<double>(h->size()) - 0.5);

    m_countAxis = new QValueAxis;
    const int step = niceStep(h->maxPeriodTotal());
    const int top = std::max(step, (h->maxPeriodTotal() + step - 1) / step * step);
    m_countAxis->setRange(0, top);
    m_countAxis->setTickCount(top / step + 1);
    m_countAxis->setLabelFormat(QStringLiteral("%d"));
    m_countAxis->setTitleText(tr("Incidents"));
    addAxis(m_countAxis, Qt::AlignLeft);
    m_series->attachAxis(m_countAxis);
    placeLegend();
    relabel();
    placeOverlays();
}

void IncidentChart::resizeEvent(QGraphicsSceneResizeEvent* event) {
    QChart::resizeEvent(event);
    placeLegend();
}

// Below the plot when the types fit on one line (QLegend does not wrap), else down the right
// side: names cut short to "Attack on civ…" are no legend.
void IncidentChart::placeLegend() {
    const QFontMetricsF metrics(legend()->font());
    double needed = 0;
    for (const auto& [set, type] : m_sets)
        needed += metrics.horizontalAdvance(set->label()) + 2.5 * metrics.height();
    const Qt::Alignment side =
        needed <= size().width() - 2 * metrics.height() ? Qt::AlignBottom : Qt::AlignRight;
    if (legend()->alignment() != side)
        legend()->setAlignment(side);
}

QString IncidentChart::periodName(int period) const {
    const TimeRange& r = m_histogram->periods[static_cast<std::size_t>(period)];
    const QDate first = r.beginDate();
    if (m_histogram->period == HistogramPeriod::Month)
        return QLocale::c().monthName(first.month(), QLocale::LongFormat) + QLatin1Char(' ') +
               QString::number(first.year());
    return tr("Week of %1").arg(QLocale::c().toString(first, QStringLiteral("d MMM yyyy")));
}

QString IncidentChart::tooltipText(int period, IncidentType type) const {
    if (!m_histogram || period < 0 || period >= static_cast<int>(m_histogram->size()))
        return {};
    const auto p = static_cast<std::size_t>(period);
    return QStringLiteral("%1 — %2: %3 (total %4)")
        .arg(periodName(period), displayName(type))
        .arg(m_histogram->count(p, type))
        .arg(m_histogram->periodTotal(p));
}

double IncidentChart::xValueOfDay(std::int64_t day) const {
    const TypeHistogram& h = *m_histogram;
    const auto n = static_cast<double>(h.size());
    if (day <= h.periods.front().begin)
        return -0.5;
    if (day >= h.periods.back().end)
        return n - 0.5;
    const int p = h.periodOf(day);
    const TimeRange& r = h.periods[static_cast<std::size_t>(p)];
    return p - 0.5 + static_cast<double>(day - r.begin) / static_cast<double>(r.days());
}

// Labels that fit: every period when there is room, else every 2nd, 3rd… month, quarter or
// year, always at the start of a month or year so they read as dates.
void IncidentChart::relabel() {
    if (!m_timeAxis || !m_histogram)
        return;
    const double width = plotArea().width();
    if (width <= 0 || std::abs(width - m_labelledWidth) < 1)
        return;
    m_labelledWidth = width;
    const TypeHistogram& h = *m_histogram;
    const auto n = static_cast<double>(h.size());
    const double pxPerValue = width / n;
    const QFontMetricsF metrics(m_timeAxis->labelsFont());
    const double room = metrics.horizontalAdvance(QStringLiteral("M"));
    const auto fits = [&](const QString& sample, double values) {
        return values * pxPerValue >= metrics.horizontalAdvance(sample) + room;
    };

    std::vector<std::pair<double, QString>> labels;
    const bool weeks = h.period == HistogramPeriod::Week;
    // Weeks of one year leave the year to the axis title.
    const int firstYear = h.periods.front().beginDate().year();
    const bool oneYear = firstYear == h.periods.back().beginDate().year();
    const QString weekTitle = tr("Week (from Monday)");
    if (weeks && fits(oneYear ? QStringLiteral("30 Dec") : QStringLiteral("30 Dec 2024"), 1)) {
        m_timeAxis->setTitleText(oneYear ? weekTitle + QStringLiteral(", %1").arg(firstYear)
                                         : weekTitle);
        for (std::size_t p = 0; p < h.size(); ++p)
            labels.emplace_back(static_cast<double>(p),
                                QLocale::c().toString(h.periods[p].beginDate(),
                                                      oneYear ? QStringLiteral("d MMM")
                                                              : QStringLiteral("d MMM yyyy")));
    } else {
        // Months per label; a week chart labels the months' first days between its bars.
        if (weeks)
            m_timeAxis->setTitleText(weekTitle);
        const double valuesPerMonth = weeks ? 30.44 / 7.0 : 1.0;
        int every = 0;
        for (int m : {1, 2, 3, 6, 12, 24, 60, 120}) {
            const QString sample = m < 12 ? QStringLiteral("May 2025") : QStringLiteral("2025");
            if (fits(sample, m * valuesPerMonth)) {
                every = m;
                break;
            }
        }
        if (every == 0)
            every = 120;
        const QDate first = h.periods.front().beginDate();
        const QDate end = h.periods.back().endDate();
        for (QDate d(first.year(), first.month(), 1); d < end; d = d.addMonths(1)) {
            if (every < 12 ? (d.month() - 1) % every != 0
                           : d.month() != 1 || d.year() % (every / 12) != 0)
                continue;
            const double value = weeks ? xValueOfDay(d.toJulianDay())
                                       : static_cast<double>(h.periodOf(d.toJulianDay()));
            if (value < -0.5 || (weeks && d < first))
                continue;
            labels.emplace_back(value, every < 12 ? monthLabel(d) : QString::number(d.year()));
        }
    }
    for (const QString& old : m_timeAxis->categoriesLabels())
        m_timeAxis->remove(old);
    m_timeAxis->setStartValue(-0.5);
    // A label centred too near the right end would be cut off by the chart's edge.
    const double right = margins().right();
    for (const auto& [value, text] : labels)
        if ((n - 0.5 - value) * pxPerValue + right >= metrics.horizontalAdvance(text) / 2)
            m_timeAxis->append(text, value);
}

QStringList IncidentChart::timeLabels() const {
    return m_timeAxis ? m_timeAxis->categoriesLabels() : QStringList{};
}

void IncidentChart::placeOverlays() {
    const QRectF plot = plotArea();
    const QRectF text = m_noIncidents->boundingRect();
    m_noIncidents->setPos(plot.center() - text.center());

    const TypeHistogram* h = m_histogram.get();
    const auto hide = [this] {
        m_band->hide();
        for (QGraphicsRectItem* edge : m_bandEdges)
            edge->hide();
    };
    if (!m_series || !h || m_window.isAll() || m_window.isEmpty() || plot.isEmpty())
        return hide();
    const double v0 = xValueOfDay(m_window.begin);
    const double v1 = xValueOfDay(m_window.end);
    if (v1 <= v0)
        return hide();
    const double x0 = mapToPosition(QPointF(v0, 0), m_series).x();
    const double x1 = mapToPosition(QPointF(v1, 0), m_series).x();
    const QRectF band(QPointF(x0, plot.top()), QPointF(std::max(x1, x0 + 1), plot.bottom()));
    m_band->setRect(band);
    const double w = 2;
    m_bandEdges[0]->setRect(band.left() - w / 2, band.top(), w, band.height());
    m_bandEdges[1]->setRect(band.right() - w / 2, band.top(), w, band.height());
    m_band->show();
    for (QGraphicsRectItem* edge : m_bandEdges)
        edge->show();
}

QRectF IncidentChart::windowBand() const {
    return m_band->isVisible() ? m_band->rect() : QRectF();
}

QPointF IncidentChart::barCentre(int period) const {
    if (!m_series || !m_histogram || period < 0 || period >= static_cast<int>(m_histogram->size()))
        return {};
    const double half = m_histogram->periodTotal(static_cast<std::size_t>(period)) / 2.0;
    // QChart's mapping functions are not const, though they change nothing.
    return const_cast<IncidentChart*>(this)->mapToPosition(QPointF(period, half), m_series);
}

int IncidentChart::periodAt(QPointF chartPos) const {
    if (!m_series || !m_histogram || !plotArea().contains(chartPos))
        return -1;
    const double value = const_cast<IncidentChart*>(this)->mapToValue(chartPos, m_series).x();
    const auto p = static_cast<int>(std::lround(value));
    return p >= 0 && p < static_cast<int>(m_histogram->size()) ? p : -1;
}

QColor IncidentChart::bandColour() {
    // kBandFill composed over white.
    const double a = kBandFill.alphaF();
    return QColor::fromRgbF(static_cast<float>(1 - a + a * kBandFill.redF()),
                            static_cast<float>(1 - a + a * kBandFill.greenF()),
                            static_cast<float>(1 - a + a * kBandFill.blueF()));
}

} // namespace borderlens
