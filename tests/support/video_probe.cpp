#include "support/video_probe.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <cmath>
#include <limits>

namespace borderlens::test {

namespace {

QString run(const QString& program, const QStringList& args, bool* ok) {
    QProcess p;
    p.start(program, args);
    *ok = p.waitForFinished(120000) && p.exitStatus() == QProcess::NormalExit &&
          p.exitCode() == 0;
    return QString::fromUtf8(p.readAllStandardOutput());
}

} // namespace

bool haveFfmpegTools() {
    return !QStandardPaths::findExecutable(QStringLiteral("ffprobe")).isEmpty() &&
           !QStandardPaths::findExecutable(QStringLiteral("ffmpeg")).isEmpty();
}

std::optional<VideoProbe> probeVideo(const QString& path, QString* why) {
    const QString ffprobe = QStandardPaths::findExecutable(QStringLiteral("ffprobe"));
    if (ffprobe.isEmpty()) {
        if (why)
            *why = QStringLiteral("ffprobe is not installed");
        return std::nullopt;
    }
    bool ok = false;
    const QString text = run(ffprobe,
                             {QStringLiteral("-v"), QStringLiteral("error"),
                              QStringLiteral("-count_frames"), QStringLiteral("-select_streams"),
                              QStringLiteral("v:0"), QStringLiteral("-show_entries"),
                              QStringLiteral("stream=codec_name,pix_fmt,width,height,"
                                             "nb_read_frames:format=duration"),
                              QStringLiteral("-of"), QStringLiteral("default=nw=1"), path},
                             &ok);
    if (!ok) {
        if (why)
            *why = QStringLiteral("ffprobe cannot read ") + path;
        return std::nullopt;
    }
    VideoProbe probe;
    for (const QString& line : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QString key = line.section(QLatin1Char('='), 0, 0);
        const QString value = line.section(QLatin1Char('='), 1).trimmed();
        if (key == QLatin1String("codec_name"))
            probe.codec = value;
        else if (key == QLatin1String("pix_fmt"))
            probe.pixelFormat = value;
        else if (key == QLatin1String("width"))
            probe.width = value.toInt();
        else if (key == QLatin1String("height"))
            probe.height = value.toInt();
        else if (key == QLatin1String("nb_read_frames"))
            probe.frames = value.toInt();
        else if (key == QLatin1String("duration"))
            probe.duration = value.toDouble(); // QString reads "C" numbers under any locale
    }
    return probe;
}

QImage decodeVideoFrame(const QString& path, int index) {
    const QString ffmpeg = QStandardPaths::findExecutable(QStringLiteral("ffmpeg"));
    if (ffmpeg.isEmpty())
        return {};
    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("frame.png"));
    bool ok = false;
    run(ffmpeg,
        {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-i"), path,
         QStringLiteral("-vf"), QStringLiteral("select=eq(n\\,%1)").arg(index),
         QStringLiteral("-vsync"), QStringLiteral("0"), QStringLiteral("-frames:v"),
         QStringLiteral("1"), png},
        &ok);
    return ok ? QImage(png).convertToFormat(QImage::Format_RGB32) : QImage();
}

std::vector<int> gifFrameDelays(const QByteArray& gif) {
    const auto byte = [&](qsizetype i) -> int {
        return i < gif.size() ? static_cast<unsigned char>(gif[i]) : -1;
    };
    if (!gif.startsWith("GIF89a") && !gif.startsWith("GIF87a"))
        return {};
    qsizetype i = 13;
    if (byte(10) & 0x80)
        i += 3 * (1 << ((byte(10) & 0x07) + 1));
    const auto skipSubBlocks = [&] {
        while (byte(i) > 0)
            i += byte(i) + 1;
        ++i;
    };
    std::vector<int> delays;
    int pendingDelay = 0;
    while (i < gif.size()) {
        const int block = byte(i);
        if (block == 0x21) { // extension
            const int label = byte(i + 1);
            i += 2;
            if (label == 0xf9) // graphic control: size, flags, delay (LE), transparent index
                pendingDelay = byte(i + 2) | (byte(i + 3) << 8);
            skipSubBlocks();
        } else if (block == 0x2c) { // image
            const int flags = byte(i + 9);
            i += 10;
            if (flags & 0x80)
                i += 3 * (1 << ((flags & 0x07) + 1));
            ++i; // LZW minimum code size
            skipSubBlocks();
            delays.push_back(pendingDelay);
            pendingDelay = 0;
        } else if (block == 0x3b) { // trailer
            break;
        } else {
            return {};
        }
    }
    return delays;
}

double psnr(const QImage& a, const QImage& b) {
    const QImage x = a.convertToFormat(QImage::Format_RGB32);
    const QImage y = b.convertToFormat(QImage::Format_RGB32);
    if (x.size() != y.size() || x.isNull())
        return 0;
    double sum = 0;
    for (int row = 0; row < x.height(); ++row) {
        const auto* p = reinterpret_cast<const QRgb*>(x.constScanLine(row));
        const auto* q = reinterpret_cast<const QRgb*>(y.constScanLine(row));
        for (int col = 0; col < x.width(); ++col) {
            const double dr = qRed(p[col]) - qRed(q[col]);
            const double dg = qGreen(p[col]) - qGreen(q[col]);
            const double db = qBlue(p[col]) - qBlue(q[col]);
            sum += dr * dr + dg * dg + db * db;
        }
    }
    const double mse = sum / (3.0 * x.width() * x.height());
    if (mse == 0)
        return std::numeric_limits<double>::infinity();
    return 10.0 * std::log10(255.0 * 255.0 / mse);
}

} // namespace borderlens::test
