#include "map_canvas.h"

#include "geo/coordinate_transform.h"
#include "geo/extent_transform.h"
#include "geo/geodesy.h"
#include "render/map_settings.h"
#include "render_scheduler.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QTimer>
#include <QWheelEvent>

#include <cmath>

namespace borderlens {

MapCanvas::MapCanvas(QWidget* parent)
    : QWidget(parent), m_scheduler(new RenderScheduler(this)), m_hoverTimer(new QTimer(this)),
      m_settleTimer(new QTimer(this)) {
    m_settleTimer->setSingleShot(true);
    m_settleTimer->setInterval(250);
    connect(m_settleTimer, &QTimer::timeout, this, [this] {
        if (!m_dragging)
            settle();
    });
    // A tooltip appears when the cursor rests, not on every mouse move.
    m_hoverTimer->setSingleShot(true);
    m_hoverTimer->setInterval(350);
    connect(m_hoverTimer, &QTimer::timeout, this,
            [this] { emit hovered(mapFromGlobal(QCursor::pos())); });
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setMinimumSize(200, 150);
    setAttribute(Qt::WA_OpaquePaintEvent);
    connect(m_scheduler, &RenderScheduler::frameReady, this, &MapCanvas::onFrameReady);
}

MapCanvas::~MapCanvas() = default;

void MapCanvas::setLayers(std::vector<std::shared_ptr<const MapLayer>> layers) {
    m_layers = std::move(layers);
    requestRender();
}

void MapCanvas::setPlaceNames(std::shared_ptr<const PlaceNames> names) {
    m_placeNames = std::move(names);
    requestRender();
}

void MapCanvas::setCrs(const Crs& crs) {
    if (crs == m_crs)
        return;
    // Keep looking at the same place: carry the visible extent across via lon/lat.
    const Extent lonLat = transformExtent(viewport().visibleExtent(), m_crs, Crs::wgs84());
    m_crs = crs;
    if (m_upp > 0 && !lonLat.isEmpty())
        zoomToLonLatExtent(lonLat);
    else
        viewChanged();
}

void MapCanvas::setTimeWindow(const TimeRange& window) {
    if (window == m_time)
        return;
    m_time = window;
    requestRender();
}

void MapCanvas::setAttribution(const QString& text) {
    m_attribution = text;
    update();
}

MapViewport MapCanvas::viewport() const {
    return MapViewport(m_cx, m_cy, m_upp > 0 ? m_upp : 1.0, QSizeF(size()));
}

void MapCanvas::zoomToLonLatExtent(const Extent& lonLat) {
    const Extent e = transformExtent(lonLat, Crs::wgs84(), m_crs);
    if (e.isEmpty())
        return;
    const MapViewport vp = MapViewport::fitting(e.buffered(0.03), QSizeF(size()));
    m_cx = vp.centerX();
    m_cy = vp.centerY();
    m_upp = vp.unitsPerPixel();
    viewChanged();
}

void MapCanvas::centerOnLonLat(double lon, double lat, double closestScale) {
    double x = lon, y = lat;
    auto t = TransformCache::get(Crs::wgs84(), m_crs);
    if (!t || !t.value()->transform(x, y) || m_upp <= 0)
        return;
    m_cx = x;
    m_cy = y;
    const double scale = scaleDenominator();
    if (closestScale > 0 && scale > closestScale)
        m_upp *= closestScale / scale;
    viewChanged();
}

void MapCanvas::addOverlay(Overlay overlay) {
    m_overlays.push_back(std::move(overlay));
    update();
}

void MapCanvas::zoomBy(double factor, QPointF aboutPixel) {
    if (m_upp <= 0 || factor <= 0)
        return;
    // The map point under the cursor stays under the cursor.
    const QPointF anchor = viewport().toMap(aboutPixel);
    m_upp /= factor;
    m_cx = anchor.x() - (aboutPixel.x() - width() / 2.0) * m_upp;
    m_cy = anchor.y() + (aboutPixel.y() - height() / 2.0) * m_upp;
    viewChanged();
}

void MapCanvas::panByPixels(QPointF delta) {
    if (m_upp <= 0)
        return;
    m_cx -= delta.x() * m_upp;
    m_cy += delta.y() * m_upp;
    m_interacting = true;
    m_settleTimer->start();
    viewChanged();
}

void MapCanvas::settle() {
    m_settleTimer->stop();
    if (!m_interacting)
        return;
    m_interacting = false;
    requestRender();
}

bool MapCanvas::isRendering() const { return m_scheduler->isBusy(); }

const MapSettings& MapCanvas::frameSettings() const { return m_scheduler->lastFrameSettings(); }

double MapCanvas::scaleDenominator() const {
    const auto s = borderlens::scaleDenominator(viewport(), m_crs, logicalDpiX());
    return s.value_or(0.0);
}

void MapCanvas::viewChanged() {
    update();
    requestRender();
    emit scaleChanged(scaleDenominator());
}

void MapCanvas::requestRender() {
    if (m_upp <= 0 || width() <= 0 || height() <= 0)
        return;
    const double dpr = devicePixelRatioF();
    MapSettings s;
    s.crs = m_crs;
    s.extent = viewport().visibleExtent();
    s.outputSize = QSize(qRound(width() * dpr), qRound(height() * dpr));
    s.dpi = logicalDpiX() * dpr;
    s.layers = m_layers;
    s.time = m_time;
    s.placeNames = m_placeNames;
    s.interacting = m_interacting;
    m_scheduler->request(std::move(s), dpr);
}

void MapCanvas::onFrameReady(const QImage& image, const MapViewport& vp, const Crs& crs,
                             const TimeRange& time) {
    m_frame = image;
    m_frameTime = time;
    m_frameExtent = vp.visibleExtent();
    m_frameCrs = crs;
    update();
    emit frameRendered();
}

void MapCanvas::paintEvent(QPaintEvent*) {
    QPainter p(this);
    bool covered = false;
    if (!m_frame.isNull() && m_frameCrs == m_crs && m_upp > 0) {
        // Draw the last frame where its extent falls in the current view: while a pan or zoom is
        // being rendered the user sees the old picture move with the mouse, not a blank.
        const MapViewport vp = viewport();
        const QPointF tl = vp.toPixel(m_frameExtent.xMin, m_frameExtent.yMax);
        const QPointF br = vp.toPixel(m_frameExtent.xMax, m_frameExtent.yMin);
        const QSizeF frameSize = QSizeF(m_frame.size()) / m_frame.devicePixelRatio();
        const bool inPlace = std::abs(tl.x()) < 0.01 && std::abs(tl.y()) < 0.01 &&
                             std::abs(br.x() - tl.x() - frameSize.width()) < 0.01 &&
                             std::abs(br.y() - tl.y() - frameSize.height()) < 0.01;
        if (inPlace) {
            // The frame of this very view (the usual case once a render is done): a plain copy,
            // not a smooth scaling of every pixel.
            p.drawImage(QPoint(0, 0), m_frame);
            covered = frameSize.width() >= width() && frameSize.height() >= height();
        } else {
            p.fillRect(rect(), QColor(0xf7, 0xf5, 0xf0));
            p.setRenderHint(QPainter::SmoothPixmapTransform, true);
            p.drawImage(QRectF(tl, br), m_frame);
        }
    }
    if (!covered && (m_frame.isNull() || m_frameCrs != m_crs || m_upp <= 0))
        p.fillRect(rect(), QColor(0xf7, 0xf5, 0xf0));
    if (m_upp > 0)
        for (const Overlay& overlay : m_overlays)
            overlay(p, viewport(), m_crs);
    if (m_zoomBand) {
        p.setPen(QPen(QColor(0x1f, 0x5f, 0xa8), 1, Qt::DashLine));
        p.setBrush(QColor(0x1f, 0x5f, 0xa8, 40));
        p.drawRect(*m_zoomBand);
        p.setBrush(Qt::NoBrush);
    }
    // The caption belongs to the frame shown, so while a render lags it never names a window
    // whose incidents are not yet on the map.
    const QString caption = m_frameTime.isAll() ? QString() : m_frameTime.toDisplayString();
    if (!caption.isEmpty()) {
        QFont f = font();
        f.setBold(true);
        p.setFont(f);
        const QRect text = p.fontMetrics().boundingRect(caption).adjusted(-6, -3, 6, 3);
        const QRect box = text.translated(8 - text.left(), 8 - text.top());
        p.fillRect(box, QColor(255, 255, 255, 215));
        p.setPen(QColor(0x22, 0x22, 0x22));
        p.drawText(box, Qt::AlignCenter, caption);
    }
    if (!m_attribution.isEmpty()) {
        // Bottom right, wrapping onto more lines rather than losing any credit.
        QFont f = font();
        f.setPointSizeF(f.pointSizeF() * 0.85);
        p.setFont(f);
        // Laid out once per text and width, not on every paint.
        const int maxWidth = std::max(100, width() - 16);
        if (m_attributionBoxFor != std::pair{m_attribution, maxWidth}) {
            m_attributionBox = p.fontMetrics().boundingRect(QRect(0, 0, maxWidth, 1000),
                                                            Qt::TextWordWrap, m_attribution);
            m_attributionBoxFor = {m_attribution, maxWidth};
        }
        const QRect text = m_attributionBox;
        const QRect box(width() - text.width() - 10, height() - text.height() - 6,
                        text.width() + 8, text.height() + 4);
        p.fillRect(box, QColor(255, 255, 255, 210));
        p.setPen(QColor(0x33, 0x33, 0x33));
        p.drawText(box.adjusted(4, 2, -4, -2), Qt::TextWordWrap | Qt::AlignRight, m_attribution);
    }
    if (m_dragging && m_moved && m_altDrag) {
        p.setRenderHint(QPainter::Antialiasing, true);
        p.setPen(QPen(QColor(0xc0, 0x10, 0x30), 1.5, Qt::DashLine));
        p.drawLine(m_pressPos, m_lastMouse);
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(QPointF(m_lastMouse), 6, 6);
    }
}

void MapCanvas::resizeEvent(QResizeEvent*) {
    requestRender();
    emit scaleChanged(scaleDenominator());
}

void MapCanvas::mousePressEvent(QMouseEvent* e) {
    if (e->button() == Qt::LeftButton && (e->modifiers() & Qt::ShiftModifier)) {
        m_bandStart = e->position().toPoint();
        m_zoomBand = QRect(m_bandStart, m_bandStart);
        return;
    }
    if (e->button() == Qt::LeftButton || e->button() == Qt::MiddleButton) {
        m_dragging = true;
        m_moved = false;
        m_altDrag = e->button() == Qt::LeftButton && (e->modifiers() & Qt::AltModifier);
        m_pressPos = m_lastMouse = e->position().toPoint();
    }
}

void MapCanvas::mouseMoveEvent(QMouseEvent* e) {
    const QPoint pos = e->position().toPoint();
    if (m_zoomBand) {
        m_zoomBand = QRect(m_bandStart, pos).normalized();
        update();
    } else if (m_dragging) {
        // A few pixels of jitter in a click must not pan the map.
        if (!m_moved && (pos - m_pressPos).manhattanLength() > 4) {
            m_moved = true;
            setCursor(m_altDrag ? Qt::DragMoveCursor : Qt::ClosedHandCursor);
        }
        if (m_moved && m_altDrag) {
            m_lastMouse = pos;
            update(); // the line from the record to where it will go
        } else if (m_moved) {
            panByPixels(pos - m_lastMouse);
            m_lastMouse = pos;
        }
    } else {
        m_hoverTimer->start();
    }
    if (m_upp > 0) {
        const QPointF m = viewport().toMap(pos);
        double x = m.x(), y = m.y();
        auto t = TransformCache::get(m_crs, Crs::wgs84());
        const bool ok = t && t.value()->transform(x, y);
        emit cursorLonLat(x, y, ok);
    }
}

void MapCanvas::mouseReleaseEvent(QMouseEvent* e) {
    if (m_zoomBand) {
        const QRect band = QRect(m_bandStart, e->position().toPoint()).normalized();
        m_zoomBand.reset();
        update();
        if (band.width() > 4 && band.height() > 4 && m_upp > 0) {
            const MapViewport vp = viewport();
            const QPointF a = vp.toMap(band.topLeft()), b = vp.toMap(band.bottomRight());
            const MapViewport fit = MapViewport::fitting(
                Extent::fromCorners(a.x(), a.y(), b.x(), b.y()), QSizeF(size()));
            m_cx = fit.centerX();
            m_cy = fit.centerY();
            m_upp = fit.unitsPerPixel();
            viewChanged();
        }
        return;
    }
    const bool click = m_dragging && !m_moved && e->button() == Qt::LeftButton;
    const bool moved = m_dragging && m_moved && m_altDrag;
    m_dragging = false;
    m_altDrag = false;
    unsetCursor();
    settle();
    if (click)
        emit clicked(e->position());
    if (moved) {
        update();
        emit modifierDragged(QPointF(m_pressPos), e->position());
    }
}

void MapCanvas::wheelEvent(QWheelEvent* e) {
    const double steps = e->angleDelta().y() / 120.0;
    if (steps != 0)
        zoomBy(std::pow(1.25, steps), e->position());
    e->accept();
}

void MapCanvas::keyPressEvent(QKeyEvent* e) {
    const double step = std::min(width(), height()) / 4.0;
    switch (e->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        break;
    case Qt::Key_Minus:
        zoomOut();
        break;
    // Plain ← and → step through time (the Time menu's shortcuts take them first); with Shift
    // they pan, as ↑ and ↓ do with or without it.
    case Qt::Key_Left:
        if (!(e->modifiers() & Qt::ShiftModifier))
            return QWidget::keyPressEvent(e);
        panByPixels({step, 0});
        break;
    case Qt::Key_Right:
        if (!(e->modifiers() & Qt::ShiftModifier))
            return QWidget::keyPressEvent(e);
        panByPixels({-step, 0});
        break;
    case Qt::Key_Up:
        panByPixels({0, step});
        break;
    case Qt::Key_Down:
        panByPixels({0, -step});
        break;
    case Qt::Key_Escape:
        emit escapePressed();
        break;
    default:
        QWidget::keyPressEvent(e);
    }
}

std::optional<QPointF> MapCanvas::lonLatAt(QPointF pixel) const {
    if (m_upp <= 0)
        return std::nullopt;
    const QPointF m = viewport().toMap(pixel);
    double x = m.x(), y = m.y();
    auto t = TransformCache::get(m_crs, Crs::wgs84());
    if (!t || !t.value()->transform(x, y))
        return std::nullopt;
    return QPointF(x, y);
}

} // namespace borderlens
