#include "time_bar.h"

#include "time/time_controller.h"

#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace borderlens {

namespace {
constexpr double kMargin = 10;
constexpr double kAxisHeight = 16;
constexpr double kHandleGrab = 6;
} // namespace

TimeBar::TimeBar(TimeController* controller, QWidget* parent)
    : QWidget(parent), m_controller(controller) {
    setMinimumHeight(70);
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    connect(controller, &TimeController::rangeChanged, this, [this] { update(); });
    connect(controller, &TimeController::settingsChanged, this, [this] {
        if (m_view != m_controller->fullRange() && m_drag == Drag::None &&
            (m_view.isEmpty() || !m_controller->fullRange().overlaps(m_view))) {
            m_view = m_controller->fullRange();
            invalidateBins();
        }
        update();
    });
}

void TimeBar::setIncidents(std::vector<std::shared_ptr<const IncidentStore>> stores) {
    m_stores = std::move(stores);
    m_view = m_controller->fullRange();
    invalidateBins();
    update();
}

QRectF TimeBar::plotRect() const {
    return QRectF(kMargin, 4, width() - 2 * kMargin, height() - 4 - kAxisHeight);
}

double TimeBar::xOfDay(std::int64_t day) const {
    const QRectF r = plotRect();
    if (m_view.isEmpty())
        return r.left();
    return r.left() + r.width() * static_cast<double>(day - m_view.begin) /
                          static_cast<double>(m_view.days());
}

std::int64_t TimeBar::dayAtX(double x) const {
    const QRectF r = plotRect();
    const double f = std::clamp((x - r.left()) / std::max(1.0, r.width()), 0.0, 1.0);
    return m_view.begin + std::llround(f * static_cast<double>(m_view.days()));
}

TimeBar::BinUnit TimeBar::binUnit() const {
    const double pxPerDay = plotRect().width() / std::max<double>(1.0, double(m_view.days()));
    if (pxPerDay >= 4.0)
        return BinUnit::Day;
    if (pxPerDay >= 0.6)
        return BinUnit::Week;
    return BinUnit::Month;
}

std::int64_t TimeBar::binStart(std::int64_t day) const {
    const QDate d = QDate::fromJulianDay(day);
    switch (binUnit()) {
    case BinUnit::Day:
        return day;
    case BinUnit::Week:
        return day - (d.dayOfWeek() - 1); // weeks start on Monday (ISO 8601)
    case BinUnit::Month:
        return QDate(d.year(), d.month(), 1).toJulianDay();
    }
    return day;
}

std::int64_t TimeBar::nextBin(std::int64_t day) const {
    switch (binUnit()) {
    case BinUnit::Day:
        return day + 1;
    case BinUnit::Week:
        return day + 7;
    case BinUnit::Month:
        return QDate::fromJulianDay(day).addMonths(1).toJulianDay();
    }
    return day + 1;
}

void TimeBar::computeBins() const {
    m_binEdges.clear();
    m_counts.clear();
    if (m_view.isEmpty())
        return;
    for (std::int64_t d = binStart(m_view.begin); d < m_view.end; d = nextBin(d))
        m_binEdges.push_back(d);
    m_binEdges.push_back(nextBin(m_binEdges.back()));
    m_counts.assign(m_binEdges.size() - 1, 0);
    // Each incident counts once, in the bin where its span starts: one known only to "2022"
    // is one incident, not a year of weekly activity. The store is sorted by start, so a bin is
    // two binary searches even for a million incidents.
    for (const auto& store : m_stores) {
        const auto begins = store->spanBegins();
        for (std::size_t b = 0; b + 1 < m_binEdges.size(); ++b) {
            const auto lo = std::lower_bound(begins.begin(), begins.end(), m_binEdges[b]);
            const auto hi = std::lower_bound(lo, begins.end(), m_binEdges[b + 1]);
            m_counts[b] += static_cast<int>(hi - lo);
        }
    }
    m_binsValid = true;
}

const std::vector<int>& TimeBar::binCounts() const {
    if (!m_binsValid)
        computeBins();
    return m_counts;
}

void TimeBar::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    const QRectF plot = plotRect();
    if (m_view.isEmpty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter, tr("No time-aware data loaded"));
        return;
    }
    if (!m_binsValid)
        computeBins();
    const TimeRange window = m_controller->range();
    const TimeRange shown = window.isAll() ? m_view : window;

    // Histogram: bars inside the window in the accent colour, the rest grey.
    const int maxCount = m_counts.empty() ? 0 : *std::max_element(m_counts.begin(), m_counts.end());
    for (std::size_t b = 0; b < m_counts.size(); ++b) {
        if (m_counts[b] == 0 || maxCount == 0)
            continue;
        const double x0 = xOfDay(m_binEdges[b]);
        const double x1 = std::max(x0 + 1.0, xOfDay(m_binEdges[b + 1]) - 0.5);
        // Square-root scale: one incident is still visible next to a busy month.
        const double h = plot.height() * std::sqrt(double(m_counts[b]) / maxCount);
        const bool inside = shown.overlaps(m_binEdges[b], m_binEdges[b + 1]);
        p.fillRect(QRectF(x0, plot.bottom() - h, x1 - x0, h),
                   inside ? QColor(0xd5, 0x5e, 0x00) : QColor(0xb0, 0xb0, 0xb0));
    }

    // The window: a shaded band with handles.
    const double wx0 = std::max(plot.left(), xOfDay(shown.begin));
    const double wx1 = std::min(plot.right(), xOfDay(shown.end));
    p.fillRect(QRectF(wx0, plot.top(), std::max(1.0, wx1 - wx0), plot.height()),
               QColor(0x00, 0x72, 0xb2, 40));
    p.setPen(QPen(QColor(0x00, 0x72, 0xb2), 3));
    p.drawLine(QPointF(wx0, plot.top()), QPointF(wx0, plot.bottom()));
    p.drawLine(QPointF(wx1, plot.top()), QPointF(wx1, plot.bottom()));

    // Axis: year ticks, and month ticks when there is room.
    p.setPen(palette().color(QPalette::Text));
    QFont f = font();
    f.setPointSizeF(f.pointSizeF() * 0.85);
    p.setFont(f);
    const QDate first = QDate::fromJulianDay(m_view.begin);
    const double pxPerMonth = plot.width() / std::max(1.0, m_view.days() / 30.44);
    const QLocale c = QLocale::c();
    for (QDate d(first.year(), first.month(), 1); d.toJulianDay() < m_view.end; d = d.addMonths(1)) {
        const double x = xOfDay(d.toJulianDay());
        if (x < plot.left())
            continue;
        const bool year = d.month() == 1;
        if (!year && pxPerMonth < 12)
            continue;
        p.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + (year ? 6 : 3)));
        const QString label = year ? QString::number(d.year())
                                   : (pxPerMonth > 34 ? c.monthName(d.month(), QLocale::ShortFormat)
                                                      : QString());
        if (!label.isEmpty())
            p.drawText(QPointF(x + 2, height() - 3), label);
    }
    if (hasFocus()) {
        p.setPen(QPen(palette().color(QPalette::Highlight), 1, Qt::DotLine));
        p.setBrush(Qt::NoBrush);
        p.drawRect(rect().adjusted(0, 0, -1, -1));
    }
}

void TimeBar::mousePressEvent(QMouseEvent* e) {
    if (e->button() != Qt::LeftButton || m_view.isEmpty())
        return;
    setFocus();
    const TimeRange window = m_controller->range().isAll() ? m_view : m_controller->range();
    const double x = e->position().x();
    m_dragStart = window;
    const bool cumulative = m_controller->windowSpec().mode == WindowSpec::Mode::Cumulative;
    if (std::abs(x - xOfDay(window.end)) <= kHandleGrab)
        m_drag = Drag::End;
    else if (!cumulative && std::abs(x - xOfDay(window.begin)) <= kHandleGrab)
        m_drag = Drag::Begin;
    else if (x > xOfDay(window.begin) && x < xOfDay(window.end) && !cumulative)
        m_drag = Drag::Move;
    else {
        // Centre the window on the click (its end, in cumulative mode).
        const std::int64_t day = dayAtX(x);
        if (cumulative)
            m_controller->setRange(TimeRange{window.begin, std::max(window.begin + 1, day)});
        else
            m_controller->setRange(TimeRange{day - window.days() / 2,
                                             day - window.days() / 2 + window.days()});
        m_drag = Drag::Move;
        m_dragStart = m_controller->range();
    }
    m_dragOffset = dayAtX(x) - m_dragStart.begin;
}

void TimeBar::mouseMoveEvent(QMouseEvent* e) {
    const double x = e->position().x();
    if (m_drag == Drag::None) {
        const TimeRange w = m_controller->range();
        const bool onHandle = !w.isAll() && (std::abs(x - xOfDay(w.begin)) <= kHandleGrab ||
                                             std::abs(x - xOfDay(w.end)) <= kHandleGrab);
        setCursor(onHandle ? Qt::SizeHorCursor : Qt::ArrowCursor);
        return;
    }
    const std::int64_t day = dayAtX(x);
    TimeRange r = m_dragStart;
    switch (m_drag) {
    case Drag::Begin:
        r.begin = std::min(day, r.end - 1);
        break;
    case Drag::End:
        r.end = std::max(day, r.begin + 1);
        break;
    case Drag::Move: {
        const std::int64_t len = r.days();
        r.begin = day - m_dragOffset;
        r.end = r.begin + len;
        break;
    }
    case Drag::None:
        break;
    }
    m_controller->setRange(r);
}

void TimeBar::mouseReleaseEvent(QMouseEvent*) { m_drag = Drag::None; }

void TimeBar::wheelEvent(QWheelEvent* e) {
    const double steps = e->angleDelta().y() / 120.0;
    if (steps == 0 || m_view.isEmpty())
        return;
    if (e->modifiers() & Qt::ControlModifier) {
        // Zoom the bar about the cursor, never beyond the data's full range.
        const std::int64_t anchor = dayAtX(e->position().x());
        const double f = std::pow(0.8, steps);
        const TimeRange full = m_controller->fullRange();
        std::int64_t b = anchor - std::llround((anchor - m_view.begin) * f);
        std::int64_t en = anchor + std::llround((m_view.end - anchor) * f);
        b = std::max(b, full.begin);
        en = std::min(en, full.end);
        if (en - b >= 7) {
            m_view = {b, en};
            invalidateBins();
            update();
        }
    } else {
        // Resize the window, keeping its end (the "last N days" stay the last).
        const TimeRange w = m_controller->range().isAll() ? m_view : m_controller->range();
        const auto len = std::max<std::int64_t>(
            1, std::llround(double(w.days()) * std::pow(1.2, -steps)));
        if (m_controller->windowSpec().mode != WindowSpec::Mode::Cumulative)
            m_controller->setRange(TimeRange{w.end - len, w.end});
    }
    e->accept();
}

void TimeBar::resizeEvent(QResizeEvent*) { invalidateBins(); }

} // namespace borderlens
