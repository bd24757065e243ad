#pragma once

#include "analysis/type_histogram.h"
#include "time/time_range.h"

#include <QChart>
#include <QString>
#include <array>
#include <memory>
#include <vector>

class QBarSet;
class QCategoryAxis;
class QGraphicsRectItem;
class QGraphicsSimpleTextItem;
class QStackedBarSeries;
class QValueAxis;

namespace borderlens {

// A stacked bar chart of incidents per period by type, with the time window as a shaded band:
// what the chart panel shows and what it exports. The panel's view and each export build their
// own chart from the same counts, so an export never resizes or repaints the chart on screen.
class IncidentChart : public QChart {
    Q_OBJECT
public:
    explicit IncidentChart(QGraphicsItem* parent = nullptr);

    // The counts to draw; `selection` names what they cover ("Darvoz, Vanj"; empty: the whole
    // data). Null or no periods: the "No incidents" state.
    void setHistogram(std::shared_ptr<const TypeHistogram> histogram, const QString& selection);
    // The window to mark; TimeRange::all() or a window outside the periods marks none.
    void setWindow(const TimeRange& window);

    const TypeHistogram* histogram() const { return m_histogram.get(); }
    const QString& selection() const { return m_selection; }
    TimeRange window() const { return m_window; }

    // Where things are, in the chart's coordinates: the band (empty when none is shown), the
    // centre of period p's stack of bars, and the period under a point (-1 off the bars).
    QRectF windowBand() const;
    QPointF barCentre(int period) const;
    int periodAt(QPointF chartPos) const;
    // The band's fill, as it shows over the chart's white background.
    static QColor bandColour();
    // The labels on the time axis, in order (for tests).
    QStringList timeLabels() const;
    bool showsNoIncidents() const;
    // "March 2025 — Armed clash / infiltration: 12 (total 31)".
    QString tooltipText(int period, IncidentType type) const;

protected:
    void resizeEvent(QGraphicsSceneResizeEvent* event) override;

private:
    QString titleText() const;
    void placeLegend();
    void rebuild();
    void relabel();
    void placeOverlays();
    double xValueOfDay(std::int64_t day) const;
    QString periodName(int period) const;

    std::shared_ptr<const TypeHistogram> m_histogram;
    QString m_selection;
    TimeRange m_window = TimeRange::all();
    QStackedBarSeries* m_series = nullptr;
    QCategoryAxis* m_timeAxis = nullptr;
    QValueAxis* m_countAxis = nullptr;
    std::vector<std::pair<QBarSet*, IncidentType>> m_sets;
    QGraphicsRectItem* m_band = nullptr;
    std::array<QGraphicsRectItem*, 2> m_bandEdges{};
    QGraphicsSimpleTextItem* m_noIncidents = nullptr;
    double m_labelledWidth = -1;
};

} // namespace borderlens
