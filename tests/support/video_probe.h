#pragma once

#include <QImage>
#include <QString>
#include <optional>
#include <vector>

namespace borderlens::test {

// What ffprobe (Debian's ffmpeg package, a test tool only) says of a video's first stream.
struct VideoProbe {
    QString codec;
    QString pixelFormat;
    int width = 0;
    int height = 0;
    int frames = 0;        // counted by decoding every frame
    double duration = 0;   // seconds, the container's
};

// Empty when ffprobe is absent or cannot read the file (`why` says which).
std::optional<VideoProbe> probeVideo(const QString& path, QString* why = nullptr);
// Frame `index` (from 0) decoded by ffmpeg to RGB; null if ffmpeg is absent or fails.
QImage decodeVideoFrame(const QString& path, int index);
bool haveFfmpegTools();

// The delays of a GIF's frames in hundredths of a second, one per image, read from its graphic
// control extensions; empty if the bytes are not a GIF.
std::vector<int> gifFrameDelays(const QByteArray& gif);

// Peak signal-to-noise ratio of `b` against `a` over RGB, in dB (infinite when identical).
double psnr(const QImage& a, const QImage& b);

} // namespace borderlens::test
