#include "export/gif_palette.h"

#include <algorithm>
#include <numeric>
#include <unordered_map>

namespace borderlens {

namespace {

// Colours this frequent get an entry of their own (exact); the rest share what is left.
constexpr int kExactColours = 96;

struct Counted {
    QRgb colour;
    std::uint64_t count;
};

int channel(QRgb c, int which) {
    return which == 0 ? qRed(c) : which == 1 ? qGreen(c) : qBlue(c);
}

std::uint64_t pixelsIn(const std::vector<Counted>& box) {
    return std::accumulate(box.begin(), box.end(), std::uint64_t{0},
                           [](std::uint64_t s, const Counted& c) { return s + c.count; });
}

// The count-weighted mean of a box of colours.
QRgb meanOf(const std::vector<Counted>& box) {
    double r = 0, g = 0, b = 0, n = 0;
    for (const Counted& c : box) {
        const double w = static_cast<double>(c.count);
        r += qRed(c.colour) * w;
        g += qGreen(c.colour) * w;
        b += qBlue(c.colour) * w;
        n += w;
    }
    if (n <= 0)
        return qRgb(0, 0, 0);
    return qRgb(static_cast<int>(r / n + 0.5), static_cast<int>(g / n + 0.5),
                static_cast<int>(b / n + 0.5));
}

// Median cut: splits the box with the widest channel range (weighted by its pixel count) at its
// weighted median along that channel until there are `boxes` boxes, each giving its mean.
std::vector<QRgb> medianCut(std::vector<Counted> colours, int boxes) {
    std::vector<std::vector<Counted>> parts;
    if (!colours.empty())
        parts.push_back(std::move(colours));
    auto spread = [](const std::vector<Counted>& box, int& widest) {
        int best = -1;
        for (int ch = 0; ch < 3; ++ch) {
            const auto [lo, hi] = std::minmax_element(box.begin(), box.end(), [ch](auto a, auto b) {
                return channel(a.colour, ch) < channel(b.colour, ch);
            });
            const int range = channel(hi->colour, ch) - channel(lo->colour, ch);
            if (range > best) {
                best = range;
                widest = ch;
            }
        }
        return best;
    };
    while (static_cast<int>(parts.size()) < boxes) {
        int pick = -1, pickChannel = 0;
        double pickScore = 0;
        for (std::size_t i = 0; i < parts.size(); ++i) {
            if (parts[i].size() < 2)
                continue;
            int ch = 0;
            const int range = spread(parts[i], ch);
            const double score =
                static_cast<double>(range) * static_cast<double>(pixelsIn(parts[i]));
            if (range > 0 && score > pickScore) {
                pickScore = score;
                pick = static_cast<int>(i);
                pickChannel = ch;
            }
        }
        if (pick < 0)
            break;
        std::vector<Counted>& box = parts[static_cast<std::size_t>(pick)];
        std::sort(box.begin(), box.end(), [pickChannel](auto a, auto b) {
            return channel(a.colour, pickChannel) < channel(b.colour, pickChannel);
        });
        const std::uint64_t total = pixelsIn(box);
        std::uint64_t seen = 0;
        std::size_t cut = 1;
        for (; cut < box.size(); ++cut) {
            seen += box[cut - 1].count;
            if (seen * 2 >= total)
                break;
        }
        cut = std::clamp<std::size_t>(cut, 1, box.size() - 1);
        std::vector<Counted> upper(box.begin() + static_cast<std::ptrdiff_t>(cut), box.end());
        box.resize(cut);
        parts.push_back(std::move(upper));
    }
    std::vector<QRgb> out;
    out.reserve(parts.size());
    for (const auto& box : parts)
        out.push_back(meanOf(box));
    return out;
}

} // namespace

GifPalette GifPalette::fromImages(const std::vector<QImage>& samples) {
    std::unordered_map<QRgb, std::uint64_t> histogram;
    for (const QImage& sample : samples) {
        const QImage image = sample.convertToFormat(QImage::Format_RGB32);
        for (int y = 0; y < image.height(); ++y) {
            const auto* row = reinterpret_cast<const QRgb*>(image.constScanLine(y));
            QRgb previous = 0;
            std::uint64_t* slot = nullptr;
            for (int x = 0; x < image.width(); ++x) {
                const QRgb c = row[x] | 0xff000000u;
                if (!slot || c != previous) { // runs of one colour are most of a map
                    slot = &histogram[c];
                    previous = c;
                }
                ++*slot;
            }
        }
    }
    std::vector<Counted> colours;
    colours.reserve(histogram.size());
    for (const auto& [colour, count] : histogram)
        colours.push_back({colour, count});
    std::sort(colours.begin(), colours.end(), [](const Counted& a, const Counted& b) {
        return a.count != b.count ? a.count > b.count : a.colour < b.colour;
    });
    GifPalette palette;
    if (static_cast<int>(colours.size()) <= kMaxColours) {
        for (const Counted& c : colours)
            palette.m_colours.push_back(c.colour);
        return palette;
    }
    for (int i = 0; i < kExactColours; ++i)
        palette.m_colours.push_back(colours[static_cast<std::size_t>(i)].colour);
    const std::vector<Counted> rest(colours.begin() + kExactColours, colours.end());
    for (QRgb c : medianCut(rest, kMaxColours - kExactColours))
        palette.m_colours.push_back(c);
    return palette;
}

std::uint8_t GifPalette::nearest(QRgb colour) const {
    int best = 0;
    long bestDistance = -1;
    for (std::size_t i = 0; i < m_colours.size(); ++i) {
        const QRgb p = m_colours[i];
        // Weighted as the eye sees differences (green most, blue least).
        const long dr = qRed(p) - qRed(colour), dg = qGreen(p) - qGreen(colour),
                   db = qBlue(p) - qBlue(colour);
        const long d = 3 * dr * dr + 4 * dg * dg + 2 * db * db;
        if (bestDistance < 0 || d < bestDistance) {
            bestDistance = d;
            best = static_cast<int>(i);
            if (d == 0)
                break;
        }
    }
    return static_cast<std::uint8_t>(best);
}

void GifPalette::map(const QImage& source, std::uint8_t* indices, int stride) {
    if (!m_lookup)
        m_lookup = std::make_shared<std::vector<std::uint16_t>>(std::size_t{1} << 24, kNotLooked);
    std::vector<std::uint16_t>& lookup = *m_lookup;
    const QImage image = source.format() == QImage::Format_RGB32 ||
                                 source.format() == QImage::Format_ARGB32
                             ? source
                             : source.convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < image.height(); ++y) {
        const auto* row = reinterpret_cast<const QRgb*>(image.constScanLine(y));
        std::uint8_t* out = indices + static_cast<std::ptrdiff_t>(y) * stride;
        QRgb previous = 0;
        std::uint8_t previousIndex = 0;
        bool havePrevious = false;
        for (int x = 0; x < image.width(); ++x) {
            const QRgb c = row[x] & 0xffffffu;
            if (!havePrevious || c != previous) {
                std::uint16_t& slot = lookup[c];
                if (slot == kNotLooked)
                    slot = nearest(c);
                previous = c;
                previousIndex = static_cast<std::uint8_t>(slot);
                havePrevious = true;
            }
            out[x] = previousIndex;
        }
    }
}

} // namespace borderlens
