#include "export/svg_clip_composer.h"

#include <QBuffer>
#include <QRegularExpression>
#include <QSvgGenerator>
#include <cmath>

namespace borderlens {

namespace {

QByteArray num(double v) {
    return QByteArray::number(v, 'g', 10);
}

// The drawing inside a QSvgGenerator document: what follows </defs>, up to the closing </svg>.
QByteArray body(const QByteArray& svg) {
    const qsizetype defs = svg.indexOf("</defs>");
    const qsizetype start = defs >= 0 ? defs + 7 : svg.indexOf('>', svg.indexOf("<svg")) + 1;
    const qsizetype end = svg.lastIndexOf("</svg>");
    return end > start ? svg.mid(start, end - start) : QByteArray();
}

} // namespace

ClippedAreaPainter SvgClipComposer::painter() {
    return [this](QPainter& page, const QRectF& area, const AreaContent& content) {
        paintArea(page, area, content);
    };
}

void SvgClipComposer::paintArea(QPainter& page, const QRectF& area, const AreaContent& content) {
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QSvgGenerator svg;
        svg.setOutputDevice(&buffer);
        svg.setSize(area.size().toSize());
        svg.setViewBox(QRectF(QPointF(0, 0), area.size()));
        svg.setResolution(static_cast<int>(std::lround(m_dpi)));
        QPainter inner(&svg);
        content(inner);
    }
    const int index = static_cast<int>(m_areas.size()) + 1;
    const QByteArray id = "borderlens-clip-" + QByteArray::number(index);
    // Page coordinates: the placeholder is drawn with the page painter's transform, which the
    // layout leaves at identity at the top level; the transform is applied here explicitly.
    const QPointF origin = page.transform().map(area.topLeft());
    QByteArray fragment;
    fragment += "<clipPath id=\"" + id + "\"><rect x=\"0\" y=\"0\" width=\"" + num(area.width()) +
                "\" height=\"" + num(area.height()) + "\"/></clipPath>\n";
    fragment += "<g transform=\"translate(" + num(origin.x()) + "," + num(origin.y()) +
                ")\" clip-path=\"url(#" + id + ")\">" + body(buffer.data()) + "</g>\n";
    const QByteArray placeholder = "BORDERLENS_CLIPPED_AREA_" + QByteArray::number(index);
    m_areas.push_back({placeholder, fragment});
    // A text element marks the spot, so the area keeps its place in the drawing order.
    page.save();
    page.resetTransform();
    page.drawText(QPointF(0, 0), QString::fromLatin1(placeholder));
    page.restore();
}

QByteArray SvgClipComposer::compose(QByteArray page) const {
    for (const Area& a : m_areas) {
        const QRegularExpression text(
            QStringLiteral("<text[^>]*>%1</text>").arg(QString::fromLatin1(a.placeholder)));
        const QString s = QString::fromUtf8(page);
        const auto m = text.match(s);
        if (!m.hasMatch())
            continue;
        page = (s.left(m.capturedStart()) + QString::fromUtf8(a.fragment) + s.mid(m.capturedEnd()))
                   .toUtf8();
    }
    page.replace("version=\"1.2\" baseProfile=\"tiny\"", "version=\"1.1\"");
    return page;
}

} // namespace borderlens
