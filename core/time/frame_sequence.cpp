#include "time/frame_sequence.h"

#include <QDate>
#include <QRegularExpression>

#include <algorithm>

namespace borderlens {

std::optional<PlaybackStep> PlaybackStep::parse(const QString& text) {
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("day"))
        return PlaybackStep{Unit::Day, 1};
    if (t == QLatin1String("week"))
        return PlaybackStep{Unit::Week, 1};
    if (t == QLatin1String("month"))
        return PlaybackStep{Unit::Month, 1};
    static const QRegularExpression re(QStringLiteral("^(\\d{1,4})\\s*([dwm])$"));
    const auto m = re.match(t);
    if (!m.hasMatch())
        return std::nullopt;
    const int n = m.captured(1).toInt();
    if (n <= 0)
        return std::nullopt;
    const QChar u = m.captured(2).at(0);
    return PlaybackStep{u == QLatin1Char('d')   ? Unit::Day
                        : u == QLatin1Char('w') ? Unit::Week
                                                : Unit::Month,
                        n};
}

std::int64_t PlaybackStep::advance(std::int64_t day, int n) const {
    switch (unit) {
    case Unit::Day:
        return day + static_cast<std::int64_t>(count) * n;
    case Unit::Week:
        return day + 7LL * count * n;
    case Unit::Month:
        return QDate::fromJulianDay(day).addMonths(count * n).toJulianDay();
    }
    return day;
}

QString PlaybackStep::toString() const {
    const char u = unit == Unit::Day ? 'd' : unit == Unit::Week ? 'w' : 'm';
    return QString::number(count) + QLatin1Char(u);
}

QString WindowSpec::toString() const {
    switch (mode) {
    case Mode::Cumulative:
        return QStringLiteral("cumulative");
    case Mode::Off:
        return QStringLiteral("off");
    case Mode::Moving:
        break;
    }
    return QStringLiteral("%1d").arg(lengthDays);
}

std::optional<WindowSpec> WindowSpec::parse(const QString& text) {
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("cumulative"))
        return WindowSpec{Mode::Cumulative, 0};
    if (t == QLatin1String("off") || t == QLatin1String("all"))
        return WindowSpec{Mode::Off, 0};
    static const QRegularExpression re(QStringLiteral("^(\\d{1,5})\\s*([dwy])$"));
    const auto m = re.match(t);
    if (!m.hasMatch())
        return std::nullopt;
    const std::int64_t n = m.captured(1).toLongLong();
    if (n <= 0)
        return std::nullopt;
    const QChar u = m.captured(2).at(0);
    return WindowSpec{Mode::Moving, u == QLatin1Char('d')   ? n
                                    : u == QLatin1Char('w') ? 7 * n
                                                            : 365 * n};
}

TimeRange windowAt(std::int64_t nominalEnd, const TimeRange& range, const WindowSpec& window) {
    const std::int64_t end = std::min(nominalEnd, range.end);
    switch (window.mode) {
    case WindowSpec::Mode::Off:
        return TimeRange::all();
    case WindowSpec::Mode::Cumulative:
        return {range.begin, std::max(range.begin, end)};
    case WindowSpec::Mode::Moving:
        break;
    }
    std::int64_t begin = std::max(range.begin, nominalEnd - window.lengthDays);
    // A playhead far past the range end (a month step with a 7-day window) would put the window
    // wholly after `end`: keep the window's length, ending at the range end, rather than invert.
    if (begin >= end)
        begin = std::max(range.begin, end - window.lengthDays);
    return {begin, end};
}

std::vector<TimeRange> frameWindows(const TimeRange& range, const PlaybackStep& step,
                                    const WindowSpec& window) {
    std::vector<TimeRange> frames;
    if (range.isEmpty())
        return frames;
    for (int i = 0;; ++i) {
        const std::int64_t nominalEnd = step.advance(range.begin, i + 1);
        frames.push_back(windowAt(nominalEnd, range, window));
        if (nominalEnd >= range.end)
            break;
    }
    return frames;
}

} // namespace borderlens
