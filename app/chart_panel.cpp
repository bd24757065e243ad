#include "chart_panel.h"

#include "export/pending_file.h"
#include "export_path.h"
#include "incident_chart.h"

#include <QChartView>
#include <QComboBox>
#include <QFileInfo>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QHBoxLayout>
#include <QImageWriter>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QMouseEvent>
#include <QPainter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QTextDocumentFragment>
#include <QToolButton>
#include <QVBoxLayout>
#include <functional>
#include <optional>

namespace borderlens {

ChartPanel::ChartPanel(QWidget* parent)
    : QWidget(parent), m_histogram(std::make_shared<const TypeHistogram>()) {
    m_chart = new IncidentChart;
    m_view = new QChartView(m_chart, this); // takes the chart
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumSize(320, 200);
    m_view->viewport()->installEventFilter(this);
    m_view->setToolTip(tr("Click a bar to make its week or month the time window"));

    m_periodBox = new QComboBox(this);
    m_periodBox->addItem(tr("Automatic"), static_cast<int>(PeriodChoice::Automatic));
    m_periodBox->addItem(tr("Per week"), static_cast<int>(PeriodChoice::Week));
    m_periodBox->addItem(tr("Per month"), static_cast<int>(PeriodChoice::Month));
    m_periodBox->setToolTip(tr("Automatic: weeks when the data span less than six months, "
                               "else months"));
    connect(m_periodBox, &QComboBox::currentIndexChanged, this, [this] {
        setPeriodChoice(static_cast<PeriodChoice>(m_periodBox->currentData().toInt()));
    });

    auto* saveButton = new QToolButton(this);
    saveButton->setText(tr("Save Chart"));
    saveButton->setPopupMode(QToolButton::InstantPopup);
    auto* menu = new QMenu(saveButton);
    menu->addAction(tr("As PNG…"), this, [this] { saveFromDialog(QStringLiteral("png")); });
    menu->addAction(tr("As SVG…"), this, [this] { saveFromDialog(QStringLiteral("svg")); });
    saveButton->setMenu(menu);

    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Bars:"), this));
    bar->addWidget(m_periodBox);
    bar->addStretch(1);
    bar->addWidget(saveButton);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    recount();
}

ChartPanel::~ChartPanel() = default;

void ChartPanel::setData(std::shared_ptr<const IncidentStore> store,
                         std::span<const std::uint16_t> districtCodes) {
    m_store = std::move(store);
    m_codes.assign(districtCodes.begin(), districtCodes.end());
    recount();
}

void ChartPanel::setDistrictSelection(std::vector<std::uint16_t> codes, const QString& label) {
    m_selection = std::move(codes);
    m_selectionLabel = m_selection.empty() ? QString() : label;
    recount();
}

void ChartPanel::setWindow(const TimeRange& window) {
    m_window = window;
    m_chart->setWindow(window);
}

void ChartPanel::setPeriodChoice(PeriodChoice choice) {
    const int index = m_periodBox->findData(static_cast<int>(choice));
    if (m_periodBox->currentIndex() != index)
        m_periodBox->setCurrentIndex(index); // comes back here through the signal
    if (choice == m_choice)
        return;
    m_choice = choice;
    recount();
}

HistogramPeriod ChartPanel::period() const {
    switch (m_choice) {
    case PeriodChoice::Week:
        return HistogramPeriod::Week;
    case PeriodChoice::Month:
        return HistogramPeriod::Month;
    case PeriodChoice::Automatic:
        break;
    }
    if (!m_store || m_store->empty())
        return HistogramPeriod::Month;
    const auto begins = m_store->spanBegins();
    return begins.back() - begins.front() < kWeeksBelowDays ? HistogramPeriod::Week
                                                            : HistogramPeriod::Month;
}

void ChartPanel::recount() {
    m_stale = true;
    if (isVisible())
        ensureCounted();
}

void ChartPanel::showEvent(QShowEvent* event) {
    ensureCounted();
    QWidget::showEvent(event);
}

void ChartPanel::ensureCounted() const {
    if (!m_stale)
        return;
    m_stale = false;
    const IncidentStore none;
    const IncidentStore& store = m_store ? *m_store : none;
    const DistrictRestriction restriction{m_codes, m_selection};
    m_histogram = std::make_shared<const TypeHistogram>(countByPeriodAndType(
        store, period(), std::nullopt, m_selection.empty() ? nullptr : &restriction));
    m_chart->setHistogram(m_histogram, m_selectionLabel);
    m_chart->setWindow(m_window);
}

bool ChartPanel::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_view->viewport() && (event->type() == QEvent::MouseButtonPress ||
                                          event->type() == QEvent::MouseButtonRelease)) {
        const auto* mouse = static_cast<QMouseEvent*>(event);
        if (mouse->button() == Qt::LeftButton) {
            const QPointF scenePos = m_view->mapToScene(mouse->position().toPoint());
            ensureCounted();
            const int p = m_chart->periodAt(m_chart->mapFromScene(scenePos));
            if (event->type() == QEvent::MouseButtonPress) {
                m_pressedPeriod = p;
            } else {
                // Press and release on the same bar: a click, not the end of a drag.
                if (p >= 0 && p == m_pressedPeriod)
                    emit windowRequested(m_histogram->periods[static_cast<std::size_t>(p)]);
                m_pressedPeriod = -1;
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

std::unique_ptr<QGraphicsScene> ChartPanel::exportScene(QSizeF size) const {
    ensureCounted();
    auto scene = std::make_unique<QGraphicsScene>();
    auto* chart = new IncidentChart;
    chart->setHistogram(m_histogram, m_selectionLabel);
    chart->setWindow(m_window);
    scene->addItem(chart); // the scene owns it
    chart->setGeometry(QRectF(QPointF(0, 0), size));
    // Lay the chart out now, not when the event loop next runs.
    if (chart->layout())
        chart->layout()->activate();
    scene->setSceneRect(QRectF(QPointF(0, 0), size));
    return scene;
}

QImage ChartPanel::toImage(QSize size, double dpi) const {
    if (size.isEmpty() || dpi <= 0)
        return {};
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    if (image.isNull())
        return {};
    image.fill(Qt::white);
    const double dotsPerMetre = dpi / 0.0254;
    image.setDotsPerMeterX(qRound(dotsPerMetre));
    image.setDotsPerMeterY(qRound(dotsPerMetre));
    // Laid out at the size a screen of 96 DPI would show, then scaled: type grows with dpi.
    const QSizeF logical = QSizeF(size) * (96.0 / dpi);
    const auto scene = exportScene(logical);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    scene->render(&painter, QRectF(QPointF(0, 0), QSizeF(size)), scene->sceneRect());
    painter.end();
    return image;
}

namespace {

// Writes through QSaveFile: the target is replaced only by a complete file, so a failed or
// interrupted save leaves what was there. `draw` writes the content and says why it could not.
Result<bool> writeReplacing(const QString& path,
                            const std::function<std::optional<QString>(QIODevice&)>& draw) {
    if (auto ok = PendingFile(path).check(); !ok)
        return ok;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{path, QObject::tr("cannot write: %1").arg(file.errorString())};
    if (const auto why = draw(file)) {
        file.cancelWriting();
        return Error{path, *why};
    }
    if (!file.commit())
        return Error{path, QObject::tr("cannot write: %1").arg(file.errorString())};
    return true;
}

QString badSize(QSize size) {
    return QObject::tr("cannot draw a chart of %1×%2 pixels").arg(size.width()).arg(size.height());
}

} // namespace

Result<bool> ChartPanel::saveSvg(const QString& path, QSize size) const {
    return writeReplacing(path, [&](QIODevice& file) -> std::optional<QString> {
        if (size.isEmpty())
            return badSize(size);
        const auto scene = exportScene(QSizeF(size));
        QSvgGenerator svg;
        svg.setOutputDevice(&file);
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(0, 0), size));
        svg.setResolution(96);
        svg.setTitle(QTextDocumentFragment::fromHtml(m_chart->title()).toPlainText());
        svg.setDescription(tr("Incident chart written by BorderLens"));
        QPainter painter;
        if (!painter.begin(&svg))
            return tr("cannot start the SVG");
        scene->render(&painter, QRectF(QPointF(0, 0), QSizeF(size)), scene->sceneRect());
        if (!painter.end())
            return tr("cannot finish the SVG");
        return std::nullopt;
    });
}

Result<bool> ChartPanel::save(const QString& path, QSize size, double dpi) const {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("svg"))
        return saveSvg(path, size);
    if (suffix != QLatin1String("png"))
        return Error{path, tr("cannot save a chart as .%1: use .png or .svg").arg(suffix)};
    const QImage image = toImage(size, dpi);
    if (image.isNull())
        return Error{path, badSize(size)};
    return writeReplacing(path, [&](QIODevice& file) -> std::optional<QString> {
        QImageWriter writer(&file, "png");
        if (!writer.write(image))
            return writer.errorString();
        return std::nullopt;
    });
}

void ChartPanel::saveFromDialog(const QString& suffix) {
    const QString path = askExportPath(this, tr("Save Chart"), QStandardPaths::PicturesLocation,
                                       QStringLiteral("incident-chart"), suffix);
    if (path.isEmpty())
        return;
    if (auto r = save(path); !r)
        QMessageBox::warning(this, tr("Save Chart"), r.error().toString());
}

} // namespace borderlens
