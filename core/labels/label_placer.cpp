#include "labels/label_placer.h"

#include "labels/collision_grid.h"

#include <QFontMetricsF>
#include <QTextBoundaryFinder>
#include <QTransform>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <optional>

namespace borderlens {
namespace {

constexpr double kDegrees = 180.0 / std::numbers::pi;

// The text of one request measured in its font.
struct Measured {
    QString text;
    QFont font;
    double width = 0;
    double ascent = 0;
    double descent = 0;
};

Measured measure(const LabelRequest& r, double dpi) {
    Measured m;
    m.text = r.style.capitals ? r.text.toUpper() : r.text;
    m.font = labelFont(r.style, dpi);
    const QFontMetricsF fm(m.font);
    m.width = fm.horizontalAdvance(m.text);
    m.ascent = fm.ascent();
    m.descent = fm.descent();
    return m;
}

// A candidate: where its letters go and what they cover.
struct Candidate {
    std::vector<PlacedGlyph> glyphs;
    std::vector<QRectF> boxes;
    double cost = 0;
};

Candidate straightAt(const Measured& m, QPointF topLeft) {
    Candidate c;
    c.glyphs.push_back({QPointF(topLeft.x(), topLeft.y() + m.ascent), 0.0, m.text});
    c.boxes.push_back(QRectF(topLeft, QSizeF(m.width, m.ascent + m.descent)));
    return c;
}

// Eight positions around a point symbol, in the order cartographers prefer (Imhof; PAL's
// default order differs only in putting the corners first): right, upper right, lower right,
// left, upper left, lower left, above, below; then the same eight a little further out.
std::vector<Candidate> pointCandidates(const LabelRequest& r, const Measured& m, double gap) {
    const QPointF p = r.points.front();
    const double h = m.ascent + m.descent, w = m.width;
    std::vector<Candidate> out;
    // A second ring further out, for a place with an incident symbol drawn over it.
    for (const double extra : {0.0, 4 * gap}) {
        const double rad = r.symbolRadiusPx + gap + extra;
        const double diag = (r.symbolRadiusPx + extra) * 0.7 + gap;
        const QPointF tl[] = {
            {p.x() + rad, p.y() - h / 2},         {p.x() + diag, p.y() - diag - h},
            {p.x() + diag, p.y() + diag},         {p.x() - rad - w, p.y() - h / 2},
            {p.x() - diag - w, p.y() - diag - h}, {p.x() - diag - w, p.y() + diag},
            {p.x() - w / 2, p.y() - rad - h},     {p.x() - w / 2, p.y() + rad},
        };
        for (const QPointF& t : tl)
            out.push_back(straightAt(m, t));
    }
    return out;
}

std::vector<Candidate> areaCandidates(const LabelRequest& r, const Measured& m) {
    std::vector<Candidate> out;
    const double h = m.ascent + m.descent;
    for (const QPointF& a : r.points)
        out.push_back(straightAt(m, QPointF(a.x() - m.width / 2, a.y() - h / 2)));
    return out;
}

// A polyline measured along its length.
class Polyline {
public:
    explicit Polyline(std::vector<QPointF> pts) : m_pts(std::move(pts)) {
        m_at.push_back(0);
        for (std::size_t i = 1; i < m_pts.size(); ++i) {
            const QPointF d = m_pts[i] - m_pts[i - 1];
            m_at.push_back(m_at.back() + std::hypot(d.x(), d.y()));
        }
    }
    double length() const { return m_at.empty() ? 0 : m_at.back(); }
    QPointF pointAt(double d) const {
        const auto it = std::upper_bound(m_at.begin(), m_at.end(), d);
        const std::size_t i =
            std::clamp<std::size_t>(std::size_t(it - m_at.begin()), 1, m_pts.size() - 1);
        const double span = m_at[i] - m_at[i - 1];
        const double t = span > 0 ? std::clamp((d - m_at[i - 1]) / span, 0.0, 1.0) : 0.0;
        return m_pts[i - 1] + t * (m_pts[i] - m_pts[i - 1]);
    }
    Polyline reversed() const { return Polyline({m_pts.rbegin(), m_pts.rend()}); }

private:
    std::vector<QPointF> m_pts;
    std::vector<double> m_at;
};

struct Grapheme {
    QString text;
    double advance = 0;
};

std::vector<Grapheme> graphemes(const Measured& m) {
    const QFontMetricsF fm(m.font);
    std::vector<Grapheme> out;
    QTextBoundaryFinder finder(QTextBoundaryFinder::Grapheme, m.text);
    qsizetype start = 0;
    while (finder.toNextBoundary() >= 0) {
        const qsizetype end = finder.position();
        const QString g = m.text.mid(start, end - start);
        out.push_back({g, fm.horizontalAdvance(g)});
        start = end;
        if (end >= m.text.size())
            break;
    }
    return out;
}

// Letters from distance `s` along `line`, each turned to the line under it and standing just
// above it; empty when the line bends too sharply under the text to be read.
std::optional<Candidate> alongLine(const Polyline& line, double s,
                                   const std::vector<Grapheme>& letters, const Measured& m,
                                   double offset) {
    Candidate c;
    double d = s;
    double previous = 0;
    double turn = 0;
    for (std::size_t i = 0; i < letters.size(); ++i) {
        const Grapheme& g = letters[i];
        const QPointF a = line.pointAt(d);
        const QPointF b = line.pointAt(d + std::max(g.advance, 1.0));
        const double angle = std::atan2(b.y() - a.y(), b.x() - a.x());
        if (i > 0) {
            double delta = std::remainder(angle - previous, 2 * std::numbers::pi);
            if (std::abs(delta) > 35.0 / kDegrees)
                return std::nullopt;
            turn = std::max(turn, std::abs(delta));
        }
        previous = angle;
        const QPointF up(std::sin(angle), -std::cos(angle));
        const QPointF origin = a + up * offset;
        const QTransform t = QTransform().translate(origin.x(), origin.y()).rotateRadians(angle);
        c.glyphs.push_back({origin, angle * kDegrees, g.text});
        c.boxes.push_back(t.mapRect(QRectF(0, -m.ascent, g.advance, m.ascent + m.descent)));
        d += g.advance;
    }
    c.cost = turn;
    return c;
}

// Windows along a line, every few pixels, each read left to right (on the reversed line when the
// line runs leftwards there). Costs favour straight stretches, then the middle of the line.
std::vector<Candidate> lineCandidates(const LabelRequest& r, const Measured& m, double step,
                                      double offset, double from, double to) {
    std::vector<Candidate> out;
    const Polyline line(r.points);
    const Polyline back = line.reversed();
    const double length = line.length();
    if (m.width <= 0 || length < m.width * 1.15)
        return out;
    const std::vector<Grapheme> letters = graphemes(m);
    const double middle = (from + to) / 2;
    for (double s = from; s + m.width <= std::min(to + m.width, length); s += step) {
        const QPointF a = line.pointAt(s), b = line.pointAt(s + m.width);
        const bool leftwards = b.x() < a.x();
        auto c = leftwards ? alongLine(back, length - s - m.width, letters, m, offset)
                           : alongLine(line, s, letters, m, offset);
        if (!c)
            continue;
        c->cost += 0.3 * std::abs(s + m.width / 2 - middle) / std::max(1.0, to - from);
        out.push_back(std::move(*c));
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const Candidate& x, const Candidate& y) { return x.cost < y.cost; });
    return out;
}

PlacedLabel placed(const LabelRequest& r, const Measured& m, Candidate c, double dpi) {
    PlacedLabel l;
    l.text = m.text;
    l.shape = r.shape;
    l.font = m.font;
    l.colour = r.style.colour;
    l.haloColour = r.style.halo;
    l.haloPx = r.style.haloMm * dpi / 25.4;
    l.when = r.when;
    for (const QRectF& b : c.boxes)
        l.bounds = l.bounds.isNull() ? b : l.bounds.united(b);
    l.glyphs = std::move(c.glyphs);
    l.boxes = std::move(c.boxes);
    if (r.dot && r.shape == LabelShape::Point) {
        l.dot = r.points.front();
        l.dotRadiusPx = std::max(1.5, r.symbolRadiusPx * 0.8);
    }
    return l;
}

} // namespace

LabelPlacement placeLabels(LabelInputs inputs, const QRectF& frame, double dpi,
                           const std::atomic<bool>* cancel) {
    LabelPlacement out;
    const double mm = dpi / 25.4;
    const double pad = 0.35 * mm; // the halo and a hair of air around each label
    CollisionGrid taken(frame, 12 * mm);
    for (const QRectF& o : inputs.obstacles)
        taken.insert(o);
    std::vector<LabelRequest>& requests = inputs.requests;
    // Ties go by name and position, so the order layers are listed in does not move names.
    std::stable_sort(requests.begin(), requests.end(),
                     [](const LabelRequest& a, const LabelRequest& b) {
                         if (a.priority != b.priority)
                             return a.priority > b.priority;
                         if (a.text != b.text)
                             return a.text < b.text;
                         const QPointF pa = a.points.empty() ? QPointF() : a.points.front();
                         const QPointF pb = b.points.empty() ? QPointF() : b.points.front();
                         return std::pair(pa.x(), pa.y()) < std::pair(pb.x(), pb.y());
                     });
    const QRectF inside = frame.adjusted(pad, pad, -pad, -pad);
    auto fits = [&](const Candidate& c) {
        for (const QRectF& b : c.boxes) {
            if (!inside.contains(b) || taken.intersectsAny(b.adjusted(-pad, -pad, pad, pad)))
                return false;
        }
        return !c.boxes.empty();
    };
    auto take = [&](const LabelRequest& r, const Measured& m, Candidate c) {
        for (const QRectF& b : c.boxes)
            taken.insert(b.adjusted(-pad, -pad, pad, pad));
        out.labels.push_back(placed(r, m, std::move(c), dpi));
    };
    for (const LabelRequest& r : requests) {
        if (cancel && cancel->load(std::memory_order_relaxed))
            break;
        if (r.text.trimmed().isEmpty() || r.points.empty())
            continue;
        const Measured m = measure(r, dpi);
        bool any = false;
        if (r.shape == LabelShape::Line) {
            const double length = Polyline(r.points).length();
            const double stretch = r.repeatPx > m.width * 2 ? r.repeatPx : length;
            for (double from = 0; from < length; from += stretch) {
                for (Candidate& c : lineCandidates(r, m, std::max(2.0, m.width / 6), m.descent + 0.5 * mm,
                                                   from, std::min(length, from + stretch))) {
                    if (fits(c)) {
                        take(r, m, std::move(c));
                        any = true;
                        break;
                    }
                }
            }
        } else {
            std::vector<Candidate> candidates = r.shape == LabelShape::Point
                                                    ? pointCandidates(r, m, 0.6 * mm)
                                                    : areaCandidates(r, m);
            for (Candidate& c : candidates) {
                if (fits(c)) {
                    take(r, m, std::move(c));
                    any = true;
                    break;
                }
            }
        }
        out.omitted += any ? 0 : 1;
    }
    return out;
}

} // namespace borderlens
