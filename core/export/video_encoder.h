#pragma once

#include "export/gif_palette.h"
#include "util/result.h"

#include <QImage>
#include <QSize>
#include <QString>
#include <memory>
#include <optional>

namespace borderlens {

enum class VideoFormat { Mp4, Gif };

struct VideoSettings {
    VideoFormat format = VideoFormat::Mp4;
    QSize size;       // MP4: both even (yuv420p halves the chroma), checked by open()
    double fps = 10;  // 1…60
    // x264: a quality level (lower is better; 18 looks lossless on maps, 23 is x264's default)
    // and how hard to search. veryfast keeps a 1080p frame near 10 ms on two cores.
    int crf = 20;
    QString preset = QStringLiteral("veryfast");
    // GIF: the palette every frame is mapped onto (required for GIF).
    std::shared_ptr<GifPalette> palette;
};

// Writes frames to an MP4 (H.264, yuv420p, BT.709, moov atom first so browsers and PowerPoint
// start playing before the whole file is read) or an animated GIF (one palette, looping), with
// Debian's FFmpeg libraries. The output is a local file only: the path is handed to FFmpeg as a
// file: URL, so no other protocol can be reached through it. Errors are values; a file left
// behind by a failed write is the caller's to remove (AnimationExporter writes to a temporary
// name).
class VideoEncoder {
public:
    static std::optional<VideoFormat> formatForPath(const QString& path);
    static QString suffix(VideoFormat format);

    static Result<std::unique_ptr<VideoEncoder>> open(const QString& path,
                                                      const VideoSettings& settings);
    ~VideoEncoder();
    VideoEncoder(const VideoEncoder&) = delete;
    VideoEncoder& operator=(const VideoEncoder&) = delete;

    // Adds `image` (settings.size) shown for `periods` frame periods: an MP4 repeats it (players
    // and PowerPoint expect a constant frame rate), a GIF shows it once for longer.
    Result<bool> add(const QImage& image, int periods = 1);
    // Flushes the encoder and writes the trailer; the file is complete after this.
    Result<bool> finish();

    // Frames in the file so far (MP4: periods; GIF: images).
    int framesWritten() const { return m_framesWritten; }

private:
    struct State;
    explicit VideoEncoder(std::unique_ptr<State> state);
    Result<bool> send(bool flush);

    std::unique_ptr<State> m_state;
    int m_framesWritten = 0;
};

} // namespace borderlens
