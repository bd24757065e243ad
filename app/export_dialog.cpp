#include "export_dialog.h"

#include "export_path.h"
#include "map/layer_labels.h"
#include "map_clipboard.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>
#include <cmath>

namespace borderlens {

namespace {

constexpr int kPreviewDelayMs = 150; // typing a title re-renders once, not per keystroke
const char* const kGroup = "export";

QPageSize::PageSizeId paperAt(int index) {
    switch (index) {
    case 1:
        return QPageSize::A3;
    case 2:
        return QPageSize::Letter;
    default:
        return QPageSize::A4;
    }
}

} // namespace

ExportDialog::ExportDialog(std::function<MapSettings()> snapshot, bool cumulative, QWidget* parent)
    : QDialog(parent), m_snapshot(std::move(snapshot)), m_map(m_snapshot()),
      m_cumulative(cumulative) {
    setWindowTitle(tr("Export Map"));
    buildUi();
    loadSettings();
    updateEnabled();
    schedulePreview();
}

ExportDialog::~ExportDialog() {
    // A preview still rendering holds only copies (map snapshot, layout); stop it early.
    if (m_previewCancel)
        *m_previewCancel = true;
    if (m_previewWatcher)
        m_previewWatcher->waitForFinished();
    if (m_exportWatcher)
        m_exportWatcher->waitForFinished();
}

void ExportDialog::buildUi() {
    auto* form = new QFormLayout;
    m_format = new QComboBox(this);
    m_format->addItem(tr("PNG image"), static_cast<int>(ExportFormat::Png));
    m_format->addItem(tr("PDF document (vector)"), static_cast<int>(ExportFormat::Pdf));
    m_format->addItem(tr("SVG drawing (vector)"), static_cast<int>(ExportFormat::Svg));
    m_format->setObjectName(QStringLiteral("format"));
    form->addRow(tr("&Format:"), m_format);

    auto* sizeBox = new QGroupBox(tr("Size"), this);
    auto* sizeGrid = new QFormLayout(sizeBox);
    m_byPixels = new QRadioButton(tr("&Pixels"), sizeBox);
    m_byPaper = new QRadioButton(tr("P&aper"), sizeBox);
    m_width = new QSpinBox(sizeBox);
    m_height = new QSpinBox(sizeBox);
    for (QSpinBox* s : {m_width, m_height}) {
        s->setRange(16, 20000);
        s->setSuffix(tr(" px"));
    }
    m_width->setValue(1920);
    m_height->setValue(1080);
    m_byPixels->setObjectName(QStringLiteral("byPixels"));
    m_width->setObjectName(QStringLiteral("width"));
    m_height->setObjectName(QStringLiteral("height"));
    auto* pixelRow = new QHBoxLayout;
    pixelRow->addWidget(m_width);
    pixelRow->addWidget(new QLabel(QStringLiteral("×"), sizeBox));
    pixelRow->addWidget(m_height);
    sizeGrid->addRow(m_byPixels, pixelRow);
    m_paper = new QComboBox(sizeBox);
    m_paper->addItems({QStringLiteral("A4"), QStringLiteral("A3"), QStringLiteral("Letter")});
    m_orientation = new QComboBox(sizeBox);
    m_orientation->addItems({tr("Landscape"), tr("Portrait")});
    auto* paperRow = new QHBoxLayout;
    paperRow->addWidget(m_paper);
    paperRow->addWidget(m_orientation);
    sizeGrid->addRow(m_byPaper, paperRow);
    m_dpi = new QDoubleSpinBox(sizeBox);
    m_dpi->setRange(10, 2400);
    m_dpi->setDecimals(0);
    m_dpi->setValue(PageSetup::kDefaultPaperDpi);
    m_dpi->setSuffix(tr(" dpi"));
    m_dpi->setObjectName(QStringLiteral("dpi"));
    sizeGrid->addRow(tr("&Resolution:"), m_dpi);
    m_sizeNote = new QLabel(sizeBox);
    m_sizeNote->setWordWrap(true);
    sizeGrid->addRow(m_sizeNote);
    m_byPaper->setChecked(true);

    m_title = new QLineEdit(this);
    m_title->setObjectName(QStringLiteral("title"));
    m_title->setPlaceholderText(tr("Title of the briefing map"));
    m_subtitle = new QLineEdit(this);
    BriefingLayout derived;
    derived.cumulative = m_cumulative;
    m_subtitle->setPlaceholderText(derived.subtitleFor(m_map.time)); // what an empty field gives
    m_banner = new QLineEdit(this);
    m_banner->setPlaceholderText(tr("e.g. UNCLASSIFIED // FOR BRIEFING (top and bottom)"));

    auto* include = new QGroupBox(tr("Include"), this);
    auto* includeGrid = new QVBoxLayout(include);
    m_legend = new QCheckBox(tr("&Legend with counts"), include);
    m_inset = new QCheckBox(tr("Locator &inset"), include);
    m_inset->setObjectName(QStringLiteral("inset"));
    m_graticule = new QCheckBox(tr("Lon/lat &graticule"), include);
    m_northArrow = new QCheckBox(tr("&North arrow (true north)"), include);
    m_scaleBar = new QCheckBox(tr("&Scale bar"), include);
    m_attribution = new QCheckBox(tr("A&ttribution and date"), include);
    m_mapOnly = new QCheckBox(tr("&Map only (no layout)"), include);
    m_worldFile = new QCheckBox(tr("&World file (.pgw + .prj)"), include);
    // Off by default, as borderlens-cli --labels: names pile up where incidents cluster.
    m_labels = new QCheckBox(tr("Label incidents (place, &date) and facilities"), include);
    m_labels->setObjectName(QStringLiteral("labels"));
    m_mapOnly->setObjectName(QStringLiteral("mapOnly"));
    m_labels->setToolTip(tr("Names incidents by place and date and facilities by name on the "
                            "exported map (borderlens-cli --labels); the screen is unchanged."));
    for (QCheckBox* c : {m_legend, m_inset, m_graticule, m_northArrow, m_scaleBar, m_attribution,
                         m_labels, m_mapOnly, m_worldFile}) {
        c->setChecked(c != m_mapOnly && c != m_worldFile && c != m_labels);
        includeGrid->addWidget(c);
    }

    auto* left = new QVBoxLayout;
    left->addLayout(form);
    left->addWidget(sizeBox);
    auto* textForm = new QFormLayout;
    textForm->addRow(tr("&Title:"), m_title);
    textForm->addRow(tr("S&ubtitle:"), m_subtitle);
    textForm->addRow(tr("&Banner:"), m_banner);
    left->addLayout(textForm);
    left->addWidget(include);
    left->addStretch(1);

    m_previewLabel = new QLabel(this);
    m_previewLabel->setMinimumSize(480, 340);
    m_previewLabel->setAlignment(Qt::AlignCenter);
    m_previewLabel->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    m_previewLabel->setStyleSheet(QStringLiteral("background: #8a8a8a;"));
    m_previewLabel->setText(tr("Rendering preview…"));

    // What the layout had to leave out, beside the preview that shows it.
    m_layoutNote = new QLabel(this);
    m_layoutNote->setObjectName(QStringLiteral("layoutNote"));
    m_layoutNote->setWordWrap(true);
    m_layoutNote->setStyleSheet(QStringLiteral("color: #8a4b00;"));
    m_layoutNote->hide();
    auto* right = new QVBoxLayout;
    right->addWidget(m_previewLabel, 1);
    right->addWidget(m_layoutNote, 0);

    auto* columns = new QHBoxLayout;
    columns->addLayout(left, 0);
    columns->addLayout(right, 1);

    auto* buttons = new QDialogButtonBox(this);
    m_exportButton = buttons->addButton(tr("&Export…"), QDialogButtonBox::AcceptRole);
    QPushButton* copy = buttons->addButton(tr("&Copy to Clipboard"), QDialogButtonBox::ActionRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(m_exportButton, &QPushButton::clicked, this, &ExportDialog::chooseFileAndExport);
    connect(copy, &QPushButton::clicked, this, &ExportDialog::copyToClipboard);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* root = new QVBoxLayout(this);
    root->addLayout(columns, 1);
    root->addWidget(buttons);
    resize(1100, 640);

    m_previewTimer = new QTimer(this);
    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(kPreviewDelayMs);
    connect(m_previewTimer, &QTimer::timeout, this, &ExportDialog::renderPreview);
    m_previewWatcher = new QFutureWatcher<Preview>(this);
    connect(m_previewWatcher, &QFutureWatcher<Preview>::finished, this, [this] {
        const Preview preview = m_previewWatcher->result();
        if (!preview.image.isNull() && !m_previewPending) {
            m_preview = preview.image;
            m_previewLabel->setPixmap(QPixmap::fromImage(m_preview));
            m_notes = preview.notes;
            QStringList sentences;
            for (const QString& note : m_notes)
                sentences << note.left(1).toUpper() + note.mid(1) + QLatin1Char('.');
            m_layoutNote->setText(sentences.join(QLatin1Char(' ')));
            m_layoutNote->setVisible(!m_notes.isEmpty());
            emit previewUpdated();
        }
        if (m_previewPending) {
            m_previewPending = false;
            renderPreview();
        }
    });

    const auto changed = [this] {
        updateEnabled();
        schedulePreview();
    };
    connect(m_format, &QComboBox::currentIndexChanged, this, changed);
    connect(m_byPixels, &QRadioButton::toggled, this, changed);
    connect(m_width, &QSpinBox::valueChanged, this, changed);
    connect(m_height, &QSpinBox::valueChanged, this, changed);
    connect(m_paper, &QComboBox::currentIndexChanged, this, changed);
    connect(m_orientation, &QComboBox::currentIndexChanged, this, changed);
    connect(m_dpi, &QDoubleSpinBox::valueChanged, this, changed);
    for (QLineEdit* e : {m_title, m_subtitle, m_banner})
        connect(e, &QLineEdit::textChanged, this, changed);
    for (QCheckBox* c : {m_legend, m_inset, m_graticule, m_northArrow, m_scaleBar, m_attribution,
                         m_labels, m_mapOnly, m_worldFile})
        connect(c, &QCheckBox::toggled, this, changed);
}

ExportOptions ExportDialog::options() const {
    ExportOptions o;
    o.format = static_cast<ExportFormat>(m_format->currentData().toInt());
    if (m_byPaper->isChecked())
        o.page = PageSetup::paperSize(paperAt(m_paper->currentIndex()),
                                      m_orientation->currentIndex() == 0 ? QPageLayout::Landscape
                                                                         : QPageLayout::Portrait,
                                      m_dpi->value());
    else
        o.page = PageSetup::pixelSize(QSize(m_width->value(), m_height->value()), m_dpi->value());
    o.worldFile = m_worldFile->isEnabled() && m_worldFile->isChecked();
    return o;
}

BriefingLayout ExportDialog::layout() const {
    BriefingLayout b;
    b.title = m_title->text().trimmed();
    b.subtitle = m_subtitle->text().trimmed();
    b.cumulative = m_cumulative;
    b.banner = m_banner->text().trimmed();
    b.legend = m_legend->isChecked();
    b.inset = m_inset->isChecked();
    b.graticule = m_graticule->isChecked();
    b.northArrow = m_northArrow->isChecked();
    b.scaleBar = m_scaleBar->isChecked();
    b.attribution = m_attribution->isChecked();
    // A world file describes a page that is all map, so it implies map only.
    b.mapOnly = m_mapOnly->isChecked() || (m_worldFile->isEnabled() && m_worldFile->isChecked());
    return b;
}

MapSettings ExportDialog::mapToExport() const {
    MapSettings map = m_map;
    map.layers = withLabels(map.layers, m_labels->isChecked());
    return map;
}

void ExportDialog::updateEnabled() {
    const bool png =
        static_cast<ExportFormat>(m_format->currentData().toInt()) == ExportFormat::Png;
    m_width->setEnabled(m_byPixels->isChecked());
    m_height->setEnabled(m_byPixels->isChecked());
    m_paper->setEnabled(m_byPaper->isChecked());
    m_orientation->setEnabled(m_byPaper->isChecked());
    m_worldFile->setEnabled(png);
    const bool layoutShown = !layout().mapOnly;
    for (QCheckBox* c : {m_legend, m_inset, m_graticule, m_northArrow, m_scaleBar, m_attribution})
        c->setEnabled(layoutShown);
    m_title->setEnabled(layoutShown);
    m_subtitle->setEnabled(layoutShown);
    m_banner->setEnabled(layoutShown);
    const ExportOptions o = options();
    const QSizeF mm = o.page.sizeMm();
    const QSize px = o.page.sizePx();
    m_sizeNote->setText(
        png ? tr("%1 × %2 px, %3 × %4 mm")
                  .arg(px.width())
                  .arg(px.height())
                  .arg(mm.width(), 0, 'f', 0)
                  .arg(mm.height(), 0, 'f', 0)
            : tr("%1 × %2 mm").arg(mm.width(), 0, 'f', 0).arg(mm.height(), 0, 'f', 0));
    m_sizeNote->setStyleSheet(QString());
}

void ExportDialog::schedulePreview() {
    m_previewTimer->start();
}

void ExportDialog::renderPreview() {
    if (m_previewWatcher->isRunning()) {
        // Let the running one stop early; render again when it has.
        m_previewPending = true;
        if (m_previewCancel)
            *m_previewCancel = true;
        return;
    }
    const ExportOptions o = options();
    const QSize page = o.page.sizePx();
    const double dpr = devicePixelRatioF();
    const QSizeF area = QSizeF(m_previewLabel->size()) * dpr;
    if (page.isEmpty() || area.isEmpty())
        return;
    // The page scaled to the preview: the same layout at a proportionally lower DPI.
    const double scale = std::min(area.width() / page.width(), area.height() / page.height());
    const QSize previewSize(std::max(1, static_cast<int>(std::lround(page.width() * scale))),
                            std::max(1, static_cast<int>(std::lround(page.height() * scale))));
    const PageSetup previewPage = PageSetup::pixelSize(previewSize, o.page.dpi * scale);
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    m_previewCancel = cancel;
    const MapSettings map = mapToExport();
    const BriefingLayout b = layout();
    const PageSetup fullPage = o.page;
    m_previewWatcher->setFuture(QtConcurrent::run([previewPage, fullPage, map, b, cancel, dpr] {
        Preview preview;
        preview.image = MapExporter::renderImage(previewPage, map, b, cancel.get());
        if (cancel->load())
            return Preview();
        preview.image.setDevicePixelRatio(dpr);
        // The notes of the page itself: fonts round to whole pixels, so the small preview
        // can fit where the page does not, or the other way round.
        preview.notes =
            LayoutRenderer::layout(QSizeF(fullPage.sizePx()), fullPage.dpi, map, b).notes;
        return preview;
    }));
}

void ExportDialog::chooseFileAndExport() {
    const ExportOptions o = options();
    QString base = layout().title.isEmpty() ? QStringLiteral("borderlens-map") : layout().title;
    base.replace(QRegularExpression(QStringLiteral("[^\\w\\-]+")), QStringLiteral("_"));
    const QString path = askExportPath(this, tr("Export Map"), QStandardPaths::DocumentsLocation,
                                       base, MapExporter::suffix(o.format));
    if (!path.isEmpty())
        exportTo(path);
}

void ExportDialog::exportTo(const QString& path) {
    if (m_exportWatcher && m_exportWatcher->isRunning())
        return;
    m_map = m_snapshot(); // what the canvas shows now
    const ExportOptions o = options();
    const BriefingLayout b = layout();
    const MapSettings map = mapToExport();
    m_exportButton->setEnabled(false);
    m_sizeNote->setText(tr("Exporting…"));
    setCursor(Qt::BusyCursor);
    if (!m_exportWatcher)
        m_exportWatcher = new QFutureWatcher<Result<ExportResult>>(this);
    disconnect(m_exportWatcher, nullptr, this, nullptr);
    connect(m_exportWatcher, &QFutureWatcher<Result<ExportResult>>::finished, this, [this, path] {
        unsetCursor();
        m_exportButton->setEnabled(true);
        const Result<ExportResult> r = m_exportWatcher->result();
        if (!r) {
            // Shown in the dialog, which stays open: the user can pick another place.
            m_sizeNote->setText(r.error().toString());
            m_sizeNote->setStyleSheet(QStringLiteral("color: #b00020;"));
            emit exportFinished(false, r.error().toString());
            return;
        }
        m_written = path;
        saveSettings();
        emit exportFinished(true, tr("Wrote %1").arg(r.value().files.join(QStringLiteral(", "))));
        accept();
    });
    m_exportWatcher->setFuture(
        QtConcurrent::run([path, o, map, b] { return MapExporter::exportTo(path, o, map, b); }));
}

void ExportDialog::copyToClipboard() {
    m_map = m_snapshot();
    copyMapToClipboard(mapToExport(), layout());
    saveSettings();
}

void ExportDialog::loadSettings() {
    QSettings s;
    s.beginGroup(QString::fromLatin1(kGroup));
    if (!s.contains(QStringLiteral("format"))) {
        s.endGroup();
        return; // first use: the defaults set in buildUi()
    }
    m_format->setCurrentIndex(std::clamp(s.value(QStringLiteral("format")).toInt(), 0, 2));
    (s.value(QStringLiteral("byPaper"), true).toBool() ? m_byPaper : m_byPixels)->setChecked(true);
    m_width->setValue(s.value(QStringLiteral("width"), 1920).toInt());
    m_height->setValue(s.value(QStringLiteral("height"), 1080).toInt());
    m_paper->setCurrentIndex(std::clamp(s.value(QStringLiteral("paper")).toInt(), 0, 2));
    m_orientation->setCurrentIndex(
        std::clamp(s.value(QStringLiteral("orientation")).toInt(), 0, 1));
    m_dpi->setValue(s.value(QStringLiteral("dpi"), PageSetup::kDefaultPaperDpi).toDouble());
    m_title->setText(s.value(QStringLiteral("title")).toString());
    m_banner->setText(s.value(QStringLiteral("banner")).toString());
    const std::pair<QCheckBox*, const char*> boxes[] = {
        {m_legend, "legend"},         {m_inset, "inset"},         {m_graticule, "graticule"},
        {m_northArrow, "northArrow"}, {m_scaleBar, "scaleBar"},   {m_attribution, "attribution"},
        {m_mapOnly, "mapOnly"},       {m_worldFile, "worldFile"}, {m_labels, "labels"}};
    for (const auto& [box, key] : boxes)
        box->setChecked(s.value(QString::fromLatin1(key), box->isChecked()).toBool());
    s.endGroup();
}

ProjectExport ExportDialog::briefing() const {
    ProjectExport b;
    b.title = m_title->text();
    b.subtitle = m_subtitle->text();
    b.banner = m_banner->text();
    b.size = QSize(m_width->value(), m_height->value());
    b.legend = m_legend->isChecked();
    b.inset = m_inset->isChecked();
    b.graticule = m_graticule->isChecked();
    b.northArrow = m_northArrow->isChecked();
    b.scaleBar = m_scaleBar->isChecked();
    b.attribution = m_attribution->isChecked();
    b.labels = m_labels->isChecked();
    return b;
}

void ExportDialog::setBriefing(const ProjectExport& b) {
    m_title->setText(b.title);
    if (!b.subtitle.isEmpty())
        m_subtitle->setText(b.subtitle);
    m_banner->setText(b.banner);
    if (b.size.isValid()) {
        m_width->setValue(b.size.width());
        m_height->setValue(b.size.height());
    }
    m_legend->setChecked(b.legend);
    m_inset->setChecked(b.inset);
    m_graticule->setChecked(b.graticule);
    m_northArrow->setChecked(b.northArrow);
    m_scaleBar->setChecked(b.scaleBar);
    m_attribution->setChecked(b.attribution);
    m_labels->setChecked(b.labels);
    schedulePreview();
}

void ExportDialog::saveSettings() const {
    QSettings s;
    s.beginGroup(QString::fromLatin1(kGroup));
    s.setValue(QStringLiteral("format"), m_format->currentIndex());
    s.setValue(QStringLiteral("byPaper"), m_byPaper->isChecked());
    s.setValue(QStringLiteral("width"), m_width->value());
    s.setValue(QStringLiteral("height"), m_height->value());
    s.setValue(QStringLiteral("paper"), m_paper->currentIndex());
    s.setValue(QStringLiteral("orientation"), m_orientation->currentIndex());
    s.setValue(QStringLiteral("dpi"), m_dpi->value());
    // The title and banner carry over (a daily briefing keeps its name); the subtitle is the
    // time window's and is not remembered.
    s.setValue(QStringLiteral("title"), m_title->text());
    s.setValue(QStringLiteral("banner"), m_banner->text());
    s.setValue(QStringLiteral("legend"), m_legend->isChecked());
    s.setValue(QStringLiteral("inset"), m_inset->isChecked());
    s.setValue(QStringLiteral("graticule"), m_graticule->isChecked());
    s.setValue(QStringLiteral("northArrow"), m_northArrow->isChecked());
    s.setValue(QStringLiteral("scaleBar"), m_scaleBar->isChecked());
    s.setValue(QStringLiteral("attribution"), m_attribution->isChecked());
    s.setValue(QStringLiteral("mapOnly"), m_mapOnly->isChecked());
    s.setValue(QStringLiteral("worldFile"), m_worldFile->isChecked());
    s.setValue(QStringLiteral("labels"), m_labels->isChecked());
    s.endGroup();
}

} // namespace borderlens
