#include "export/video_encoder.h"

#include "export/ffmpeg_handles.h"
#include "io/network_access.h"

extern "C" {
#include <libavutil/imgutils.h>
#include <libavutil/opt.h>
}

#include <QFileInfo>
#include <cmath>

namespace borderlens {

using namespace ffmpeg;

namespace {

constexpr int kGifTicksPerSecond = 100; // GIF delays are in hundredths of a second

Error ffmpegError(const QString& path, const QString& what, int code) {
    return Error{path, QStringLiteral("%1: %2").arg(what, errorText(code))};
}

} // namespace

struct VideoEncoder::State {
    QString path;
    VideoSettings settings;
    OutputFormat format;
    CodecContext codec;
    AVStream* stream = nullptr; // owned by `format`
    Frame frame;
    Packet packet;
    Sws sws;
    std::int64_t period = 0; // frame periods written so far (the next one's start)
    std::int64_t gifDuration = 0; // of the GIF frame just sent, in its time base
    bool finished = false;
};

std::optional<VideoFormat> VideoEncoder::formatForPath(const QString& path) {
    const QString s = QFileInfo(path).suffix().toLower();
    if (s == QLatin1String("mp4"))
        return VideoFormat::Mp4;
    if (s == QLatin1String("gif"))
        return VideoFormat::Gif;
    return std::nullopt;
}

QString VideoEncoder::suffix(VideoFormat format) {
    return format == VideoFormat::Gif ? QStringLiteral("gif") : QStringLiteral("mp4");
}

VideoEncoder::VideoEncoder(std::unique_ptr<State> state) : m_state(std::move(state)) {}

VideoEncoder::~VideoEncoder() {
    // FFmpeg 5.1's GIF muxer frees the frame it holds back only in its trailer (it has no deinit),
    // so an abandoned GIF (cancelled, failed) still gets one; the file is removed anyway.
    if (m_state && !m_state->finished && m_state->settings.format == VideoFormat::Gif &&
        m_state->format && m_state->format->pb)
        av_write_trailer(m_state->format.get());
}

Result<std::unique_ptr<VideoEncoder>> VideoEncoder::open(const QString& path,
                                                         const VideoSettings& settings) {
    if (networkReference(path))
        return Error{path, QStringLiteral("a video is written to a local file only")};
    const QSize size = settings.size;
    if (size.width() < 16 || size.height() < 16 || size.width() > 8192 || size.height() > 8192)
        return Error{path, QStringLiteral("a video frame of %1×%2 is outside 16…8192 pixels")
                               .arg(size.width())
                               .arg(size.height())};
    const bool gif = settings.format == VideoFormat::Gif;
    if (!gif && (size.width() % 2 || size.height() % 2))
        return Error{path, QStringLiteral("an MP4 needs an even width and height, not %1×%2")
                               .arg(size.width())
                               .arg(size.height())};
    if (!(settings.fps >= 1 && settings.fps <= 60))
        return Error{path, QStringLiteral("%1 frames per second is outside 1…60").arg(settings.fps)};
    if (gif && !settings.palette)
        return Error{path, QStringLiteral("a GIF needs a palette")};

    // Errors come back as values; FFmpeg's and x264's own reports (statistics, warnings) would
    // only clutter the CLI's output and the viewer's terminal.
    av_log_set_level(AV_LOG_ERROR);
    auto s = std::make_unique<State>();
    s->path = path;
    s->settings = settings;
    const QByteArray utf8 = QFileInfo(path).absoluteFilePath().toUtf8();
    const char* muxer = gif ? "gif" : "mp4";
    AVFormatContext* formatContext = nullptr;
    if (const int rc = avformat_alloc_output_context2(&formatContext, nullptr, muxer, utf8.constData());
        rc < 0 || !formatContext)
        return ffmpegError(path, QStringLiteral("cannot set up the %1 writer").arg(muxer), rc);
    s->format.reset(formatContext);

    const AVCodec* codec =
        gif ? avcodec_find_encoder(AV_CODEC_ID_GIF) : avcodec_find_encoder_by_name("libx264");
    if (!codec)
        return Error{path, gif ? QStringLiteral("FFmpeg has no GIF encoder")
                               : QStringLiteral("FFmpeg has no H.264 encoder (libx264)")};
    s->codec.reset(avcodec_alloc_context3(codec));
    s->frame.reset(av_frame_alloc());
    s->packet.reset(av_packet_alloc());
    if (!s->codec || !s->frame || !s->packet)
        return Error{path, QStringLiteral("out of memory")};
    AVCodecContext* c = s->codec.get();
    c->width = size.width();
    c->height = size.height();
    if (gif) {
        c->pix_fmt = AV_PIX_FMT_PAL8;
        c->time_base = AVRational{1, kGifTicksPerSecond};
    } else {
        c->pix_fmt = AV_PIX_FMT_YUV420P;
        const AVRational rate = av_d2q(settings.fps, 1001000);
        c->time_base = av_inv_q(rate);
        c->framerate = rate;
        // A key frame every two seconds: PowerPoint and browsers seek to the nearest one.
        c->gop_size = std::max(1, static_cast<int>(std::lround(settings.fps * 2)));
        c->color_range = AVCOL_RANGE_MPEG;
        c->colorspace = AVCOL_SPC_BT709;
        c->color_primaries = AVCOL_PRI_BT709;
        c->color_trc = AVCOL_TRC_BT709;
        c->thread_count = 0; // x264 picks (frame threads on every core)
        av_opt_set(c->priv_data, "preset", settings.preset.toUtf8().constData(), 0);
        av_opt_set(c->priv_data, "crf", QByteArray::number(settings.crf).constData(), 0);
        av_opt_set(c->priv_data, "profile", "high", 0);
    }
    if (s->format->oformat->flags & AVFMT_GLOBALHEADER)
        c->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    if (const int rc = avcodec_open2(c, codec, nullptr); rc < 0)
        return ffmpegError(path, QStringLiteral("cannot start the encoder"), rc);

    s->stream = avformat_new_stream(s->format.get(), nullptr);
    if (!s->stream)
        return Error{path, QStringLiteral("out of memory")};
    s->stream->time_base = c->time_base;
    if (!gif)
        s->stream->avg_frame_rate = c->framerate;
    if (const int rc = avcodec_parameters_from_context(s->stream->codecpar, c); rc < 0)
        return ffmpegError(path, QStringLiteral("cannot set up the stream"), rc);

    s->frame->format = c->pix_fmt;
    s->frame->width = c->width;
    s->frame->height = c->height;
    if (const int rc = av_frame_get_buffer(s->frame.get(), 0); rc < 0)
        return ffmpegError(path, QStringLiteral("out of memory"), rc);
    if (!gif) {
        s->sws.reset(sws_getContext(c->width, c->height, AV_PIX_FMT_RGB32, c->width, c->height,
                                    AV_PIX_FMT_YUV420P, SWS_BILINEAR | SWS_ACCURATE_RND, nullptr,
                                    nullptr, nullptr));
        if (!s->sws)
            return Error{path, QStringLiteral("cannot set up the colour conversion")};
        // The matrix the stream is tagged with (BT.709, limited range), so players convert back
        // with the one it was made with.
        const int* coefficients = sws_getCoefficients(SWS_CS_ITU709);
        sws_setColorspaceDetails(s->sws.get(), coefficients, 1, coefficients, 0, 0, 1 << 16,
                                 1 << 16);
    }

    // Only the file protocol: the path is local, and nothing in it can name another protocol.
    const QByteArray url = QByteArrayLiteral("file:") + utf8;
    if (const int rc = avio_open(&s->format->pb, url.constData(), AVIO_FLAG_WRITE); rc < 0)
        return ffmpegError(path, QStringLiteral("cannot write"), rc);
    AVDictionary* options = nullptr;
    if (!gif)
        av_dict_set(&options, "movflags", "+faststart", 0);
    const int rc = avformat_write_header(s->format.get(), &options);
    av_dict_free(&options);
    if (rc < 0)
        return ffmpegError(path, QStringLiteral("cannot write the header"), rc);
    return std::unique_ptr<VideoEncoder>(new VideoEncoder(std::move(s)));
}

Result<bool> VideoEncoder::send(bool flush) {
    State& s = *m_state;
    if (const int rc = avcodec_send_frame(s.codec.get(), flush ? nullptr : s.frame.get()); rc < 0)
        return ffmpegError(s.path, QStringLiteral("cannot encode a frame"), rc);
    for (;;) {
        const int rc = avcodec_receive_packet(s.codec.get(), s.packet.get());
        if (rc == AVERROR(EAGAIN) || rc == AVERROR_EOF)
            return true;
        if (rc < 0)
            return ffmpegError(s.path, QStringLiteral("cannot encode a frame"), rc);
        AVPacket* p = s.packet.get();
        if (s.settings.format == VideoFormat::Gif) {
            // The GIF encoder has no delay, so this packet is the frame just sent; the muxer
            // takes its delay from the next packet's pts, the last one's from its duration.
            p->pts = p->dts = s.frame->pts;
            p->duration = s.gifDuration;
        } else if (p->duration == 0) {
            p->duration = 1;
        }
        av_packet_rescale_ts(p, s.codec->time_base, s.stream->time_base);
        p->stream_index = s.stream->index;
        const int written = av_interleaved_write_frame(s.format.get(), p);
        av_packet_unref(p);
        if (written < 0)
            return ffmpegError(s.path, QStringLiteral("cannot write"), written);
    }
}

Result<bool> VideoEncoder::add(const QImage& image, int periods) {
    State& s = *m_state;
    if (image.size() != s.settings.size)
        return Error{s.path, QStringLiteral("a frame of %1×%2 in a video of %3×%4")
                                 .arg(image.width())
                                 .arg(image.height())
                                 .arg(s.settings.size.width())
                                 .arg(s.settings.size.height())};
    periods = std::max(1, periods);
    if (const int rc = av_frame_make_writable(s.frame.get()); rc < 0)
        return ffmpegError(s.path, QStringLiteral("out of memory"), rc);
    if (s.settings.format == VideoFormat::Gif) {
        s.settings.palette->map(image, s.frame->data[0], s.frame->linesize[0]);
        auto* palette = reinterpret_cast<std::uint32_t*>(s.frame->data[1]);
        const auto& colours = s.settings.palette->colours();
        for (std::size_t i = 0; i < 256; ++i)
            palette[i] = i < colours.size() ? colours[i] : 0xff000000u;
        auto tick = [&](std::int64_t period) {
            return static_cast<std::int64_t>(
                std::llround(static_cast<double>(period) * kGifTicksPerSecond / s.settings.fps));
        };
        s.frame->pts = tick(s.period);
        s.gifDuration = tick(s.period + periods) - s.frame->pts;
        s.period += periods;
        ++m_framesWritten;
        return send(false);
    }
    const QImage rgb = image.format() == QImage::Format_RGB32 ||
                               image.format() == QImage::Format_ARGB32
                           ? image
                           : image.convertToFormat(QImage::Format_RGB32);
    const std::uint8_t* source[1] = {rgb.constBits()};
    const int sourceStride[1] = {static_cast<int>(rgb.bytesPerLine())};
    sws_scale(s.sws.get(), source, sourceStride, 0, rgb.height(), s.frame->data,
              s.frame->linesize);
    for (int i = 0; i < periods; ++i) {
        if (i > 0) {
            // The encoder may still hold the previous send's buffer: hand it its own copy.
            if (const int rc = av_frame_make_writable(s.frame.get()); rc < 0)
                return ffmpegError(s.path, QStringLiteral("out of memory"), rc);
        }
        s.frame->pts = s.period++;
        ++m_framesWritten;
        if (auto sent = send(false); !sent)
            return sent;
    }
    return true;
}

Result<bool> VideoEncoder::finish() {
    State& s = *m_state;
    if (auto flushed = send(true); !flushed)
        return flushed;
    // The GIF muxer holds each frame back to take its delay from the next one's pts; the last
    // has no next, and FFmpeg 5.1 then repeats the delay before it unless told.
    if (s.settings.format == VideoFormat::Gif)
        av_opt_set_int(s.format->priv_data, "final_delay", s.gifDuration, 0);
    s.finished = true;
    if (const int rc = av_write_trailer(s.format.get()); rc < 0)
        return ffmpegError(s.path, QStringLiteral("cannot finish the file"), rc);
    if (const int rc = avio_closep(&s.format->pb); rc < 0)
        return ffmpegError(s.path, QStringLiteral("cannot close the file"), rc);
    return true;
}

} // namespace borderlens
