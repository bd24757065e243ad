#pragma once

#include "incidents/incident_store.h"
#include "time/time_range.h"

#include <QWidget>

#include <memory>
#include <vector>

namespace borderlens {

class TimeController;

// The time slider: a histogram of incidents per bin (day, week or month, whichever fits the
// bar's width; each incident in the bin where it starts) behind the current window, drawn as a shaded band with two handles.
// Drag a handle to resize the window, drag the band to move it, click elsewhere to centre it
// there; the wheel resizes it (keeping its end), Ctrl+wheel zooms the bar. Space plays or
// pauses, the arrow keys step.
class TimeBar : public QWidget {
    Q_OBJECT
public:
    explicit TimeBar(TimeController* controller, QWidget* parent = nullptr);

    void setIncidents(std::vector<std::shared_ptr<const IncidentStore>> stores);
    // The span the bar shows (defaults to the controller's full range).
    const TimeRange& viewSpan() const { return m_view; }
    enum class BinUnit { Day, Week, Month };
    BinUnit binUnit() const;
    // Counts per bin over the view span: what the histogram draws (for tests).
    const std::vector<int>& binCounts() const;

    double xOfDay(std::int64_t day) const;
    std::int64_t dayAtX(double x) const;

protected:
    void paintEvent(QPaintEvent*) override;
    void mousePressEvent(QMouseEvent*) override;
    void mouseMoveEvent(QMouseEvent*) override;
    void mouseReleaseEvent(QMouseEvent*) override;
    void wheelEvent(QWheelEvent*) override;
    void resizeEvent(QResizeEvent*) override;

private:
    QRectF plotRect() const;
    void invalidateBins() { m_binsValid = false; }
    void computeBins() const;
    std::int64_t binStart(std::int64_t day) const;
    std::int64_t nextBin(std::int64_t day) const;

    TimeController* m_controller;
    std::vector<std::shared_ptr<const IncidentStore>> m_stores;
    TimeRange m_view{0, 0};

    mutable bool m_binsValid = false;
    mutable std::vector<std::int64_t> m_binEdges; // n+1 edges
    mutable std::vector<int> m_counts;

    enum class Drag { None, Begin, End, Move };
    Drag m_drag = Drag::None;
    std::int64_t m_dragOffset = 0;
    TimeRange m_dragStart;
};

} // namespace borderlens
