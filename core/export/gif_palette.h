#pragma once

#include <QImage>
#include <QRgb>
#include <array>
#include <cstdint>
#include <memory>
#include <vector>

namespace borderlens {

// One palette for a whole GIF, made from sample frames, and the mapping of frames onto it.
//
// A briefing map is mostly flat colour (paper, land, water, the legend's swatches) with
// anti-aliased edges between. The most frequent colours therefore get entries of their own and
// come out exact; median cut shares the remaining entries among the rest (edges, text). No
// dithering: dither noise on flat areas costs file size and reads as grain on a projector.
// One palette for every frame keeps the frames comparable and lets the GIF encoder store only
// the pixels that changed.
class GifPalette {
public:
    // 255 colours: the GIF encoder needs one index free for pixels unchanged since the last frame.
    static constexpr int kMaxColours = 255;

    static GifPalette fromImages(const std::vector<QImage>& samples);

    // Opaque 0xffRRGGBB entries; at most kMaxColours.
    const std::vector<QRgb>& colours() const { return m_colours; }

    // Writes `image`'s palette indices into `indices` (rows `stride` bytes apart). Colours not in
    // the samples go to the nearest entry. Not thread-safe (it learns colours as it meets them).
    void map(const QImage& image, std::uint8_t* indices, int stride);

private:
    std::uint8_t nearest(QRgb colour) const;

    std::vector<QRgb> m_colours;
    // Every 24-bit colour's index once looked up, kNotLooked before: 32 MB, made on first use.
    static constexpr std::uint16_t kNotLooked = 0xffff;
    std::shared_ptr<std::vector<std::uint16_t>> m_lookup;
};

} // namespace borderlens
