#pragma once

#include "analysis/type_histogram.h"
#include "incidents/incident_store.h"
#include "time/time_range.h"
#include "util/result.h"

#include <QImage>
#include <QSize>
#include <QWidget>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

class QChartView;
class QComboBox;
class QGraphicsScene;

namespace borderlens {

class IncidentChart;

// The chart panel: incidents per week or month, stacked by type, for the whole data or the
// selected districts, with the time window shaded. It follows what it is given: the main window
// calls setData() with the filtered store whenever the filter or the data change, setWindow()
// on every time step (cheap: only the band moves) and setDistrictSelection() when the selection
// changes. Clicking a bar asks for that bar's period as the time window (windowRequested).
//
// Counting runs on the GUI thread: a million incidents take about 5 ms (borderlens_bench
// countPerPeriodAndType), far less than Qt Charts takes to rebuild the bars (about 25 ms by month,
// 50 ms by week: borderlens_chart_bench), and Qt Charts' items can only be built on the GUI
// thread anyway. Only data, filter, selection and period changes rebuild; a time step moves the
// band. While the panel is hidden, nothing is counted until it is shown or exported.
class ChartPanel : public QWidget {
    Q_OBJECT
public:
    enum class PeriodChoice { Automatic, Week, Month };
    // Automatic charts weeks when the data span less than this many days, else months.
    static constexpr std::int64_t kWeeksBelowDays = 183;
    static constexpr QSize kExportSize{1600, 900};

    explicit ChartPanel(QWidget* parent = nullptr);
    ~ChartPanel() override;

    // The incidents to chart (already filtered) and their district codes, row for row with
    // `store` (DerivedFacts::districts() of that store; copied). Empty codes: no district facts,
    // so a district selection counts nothing. Null store: no incidents.
    void setData(std::shared_ptr<const IncidentStore> store,
                 std::span<const std::uint16_t> districtCodes = {});
    // Only incidents in these districts count; `label` names them in the title ("Darvoz, Vanj").
    // Empty `codes`: the whole data.
    void setDistrictSelection(std::vector<std::uint16_t> codes, const QString& label);
    // The time window to shade.
    void setWindow(const TimeRange& window);

    void setPeriodChoice(PeriodChoice choice);
    PeriodChoice periodChoice() const { return m_choice; }
    // The period in effect (Automatic resolved).
    HistogramPeriod period() const;

    // What is drawn: the counts, the chart and its view (for tests and the main window).
    const TypeHistogram& histogram() const {
        ensureCounted();
        return *m_histogram;
    }
    IncidentChart* chart() const {
        ensureCounted();
        return m_chart;
    }
    QChartView* view() const { return m_view; }

    // The chart alone (title, axes, legend, band) as an image of `size` pixels; type and lines
    // scale with `dpi` (96: as on screen). Drawn from a chart of its own, never the one shown.
    QImage toImage(QSize size, double dpi = 96) const;
    Result<bool> saveSvg(const QString& path, QSize size = kExportSize) const;
    // PNG or SVG by the suffix, through QSaveFile (a temporary file renamed over `path` when
    // complete): a failed save leaves what was there.
    Result<bool> save(const QString& path, QSize size = kExportSize, double dpi = 96) const;
    // A chart like the one shown, laid out at `size`, in a scene of its own: what the exports
    // draw (and where a composite page can place it).
    std::unique_ptr<QGraphicsScene> exportScene(QSizeF size) const;

signals:
    // The user clicked period [begin, end) on the chart.
    void windowRequested(borderlens::TimeRange window);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    // Counts and rebuilds the bars now if visible, else when next shown or exported: a closed
    // dock costs nothing on filter changes.
    void recount();
    void ensureCounted() const;
    void saveFromDialog(const QString& suffix);

    std::shared_ptr<const IncidentStore> m_store;
    std::vector<std::uint16_t> m_codes;
    std::vector<std::uint16_t> m_selection;
    QString m_selectionLabel;
    TimeRange m_window = TimeRange::all();
    PeriodChoice m_choice = PeriodChoice::Automatic;
    mutable std::shared_ptr<const TypeHistogram> m_histogram;
    mutable bool m_stale = false;
    IncidentChart* m_chart = nullptr;
    QChartView* m_view = nullptr;
    QComboBox* m_periodBox = nullptr;
    int m_pressedPeriod = -1;
};

} // namespace borderlens
