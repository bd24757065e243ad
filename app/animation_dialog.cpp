#include "animation_dialog.h"

#include "export_path.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMetaObject>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace borderlens {

AnimationDialog::AnimationDialog(MapSettings map, BriefingLayout layout,
                                 AnimationExporter::Options initial, QWidget* parent)
    : QDialog(parent), m_map(std::move(map)), m_layout(std::move(layout)),
      m_range(initial.frames.range),
      m_previewWatcher(new QFutureWatcher<QImage>(this)),
      m_exportWatcher(new QFutureWatcher<Result<AnimationExporter::Report>>(this)) {
    setWindowTitle(tr("Export Animation"));
    buildUi(initial);
    m_previewTimer = new QTimer(this);
    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(250);
    connect(m_previewTimer, &QTimer::timeout, this, &AnimationDialog::renderPreview);
    connect(m_previewWatcher, &QFutureWatcher<QImage>::finished, this, [this] {
        if (m_previewPending) {
            m_previewPending = false;
            renderPreview();
            return;
        }
        m_preview = m_previewWatcher->result();
        const QSize area = m_previewLabel->size();
        m_previewLabel->setPixmap(QPixmap::fromImage(
            m_preview.scaled(area, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
        emit previewUpdated();
    });
    connect(m_exportWatcher, &QFutureWatcher<Result<AnimationExporter::Report>>::finished, this,
            [this, watcher = m_exportWatcher] {
                const Result<AnimationExporter::Report> r = watcher->result();
                const QString path = watcher->property("path").toString();
                m_progress->hide();
                updateState();
                if (!r) {
                    m_summary->setText(r.error().toString());
                    emit exportFinished(false, r.error().toString());
                } else if (r.value().cancelled) {
                    m_summary->setText(tr("Cancelled; nothing was written."));
                    emit exportFinished(false, tr("Animation export cancelled"));
                } else {
                    emit exportFinished(true, QDir::toNativeSeparators(path));
                    accept();
                }
            });
    updateState();
    m_previewTimer->start();
}

AnimationDialog::~AnimationDialog() {
    cancelExport();
    m_exportWatcher->waitForFinished();
    m_previewWatcher->waitForFinished();
}

void AnimationDialog::buildUi(const AnimationExporter::Options& initial) {
    auto* form = new QFormLayout;
    m_format = new QComboBox;
    m_format->addItem(tr("MP4 video (H.264)"), static_cast<int>(VideoFormat::Mp4));
    m_format->addItem(tr("Animated GIF"), static_cast<int>(VideoFormat::Gif));
    m_format->setCurrentIndex(initial.format == VideoFormat::Gif ? 1 : 0);
    form->addRow(tr("&Format:"), m_format);

    auto* size = new QHBoxLayout;
    m_width = new QSpinBox;
    m_height = new QSpinBox;
    for (QSpinBox* s : {m_width, m_height}) {
        s->setRange(160, 3840);
        s->setSuffix(tr(" px"));
    }
    const QSize page = initial.frames.page.sizePx();
    m_width->setValue(page.width());
    m_height->setValue(page.height());
    size->addWidget(m_width);
    size->addWidget(new QLabel(QStringLiteral("×")));
    size->addWidget(m_height);
    auto* sizeLabel = new QLabel(tr("&Size:"));
    sizeLabel->setBuddy(m_width);
    form->addRow(sizeLabel, size);

    m_fps = new QSpinBox;
    m_fps->setRange(1, 60);
    m_fps->setValue(static_cast<int>(std::lround(initial.fps)));
    m_fps->setSuffix(tr(" frames/s"));
    form->addRow(tr("&Rate:"), m_fps);
    m_step = new QLineEdit(initial.frames.step.toString());
    m_step->setObjectName(QStringLiteral("step"));
    m_step->setToolTip(tr("How far each frame moves: 1d, 7d, 2w, 1m"));
    form->addRow(tr("S&tep:"), m_step);
    m_window = new QLineEdit(initial.frames.window.toString());
    m_window->setObjectName(QStringLiteral("window"));
    m_window->setToolTip(tr("What each frame shows: 30d, 7d, 1y, cumulative"));
    form->addRow(tr("&Window:"), m_window);
    m_holdFirst = new QDoubleSpinBox;
    m_holdLast = new QDoubleSpinBox;
    for (QDoubleSpinBox* s : {m_holdFirst, m_holdLast}) {
        s->setRange(0, 60);
        s->setDecimals(1);
        s->setSingleStep(0.5);
        s->setSuffix(tr(" s"));
    }
    m_holdFirst->setValue(initial.holdFirstSeconds);
    m_holdLast->setValue(initial.holdLastSeconds);
    form->addRow(tr("Hold &first frame:"), m_holdFirst);
    form->addRow(tr("Hold &last frame:"), m_holdLast);
    m_summary = new QLabel;
    m_summary->setWordWrap(true);
    form->addRow(m_summary);

    m_previewLabel = new QLabel;
    m_previewLabel->setMinimumSize(480, 270);
    m_previewLabel->setAlignment(Qt::AlignCenter);
    m_previewLabel->setFrameShape(QFrame::StyledPanel);
    m_progress = new QProgressBar;
    m_progress->hide();

    auto* buttons = new QDialogButtonBox;
    m_exportButton = buttons->addButton(tr("&Export…"), QDialogButtonBox::AcceptRole);
    m_cancelButton = buttons->addButton(QDialogButtonBox::Cancel);
    connect(m_exportButton, &QPushButton::clicked, this, &AnimationDialog::chooseFileAndExport);
    connect(m_cancelButton, &QPushButton::clicked, this, [this] {
        if (isExporting())
            cancelExport();
        else
            reject();
    });

    auto* left = new QVBoxLayout;
    left->addLayout(form);
    left->addStretch();
    auto* right = new QVBoxLayout;
    right->addWidget(m_previewLabel, 1);
    right->addWidget(new QLabel(tr("First frame")), 0, Qt::AlignHCenter);
    auto* top = new QHBoxLayout;
    top->addLayout(left);
    top->addLayout(right, 1);
    auto* all = new QVBoxLayout(this);
    all->addLayout(top, 1);
    all->addWidget(m_progress);
    all->addWidget(buttons);

    const auto changed = [this] {
        updateState();
        m_previewTimer->start();
    };
    connect(m_format, &QComboBox::currentIndexChanged, this, changed);
    connect(m_width, &QSpinBox::valueChanged, this, changed);
    connect(m_height, &QSpinBox::valueChanged, this, changed);
    connect(m_step, &QLineEdit::textChanged, this, changed);
    connect(m_window, &QLineEdit::textChanged, this, changed);
    connect(m_fps, &QSpinBox::valueChanged, this, [this] { updateState(); });
    connect(m_holdFirst, &QDoubleSpinBox::valueChanged, this, [this] { updateState(); });
    connect(m_holdLast, &QDoubleSpinBox::valueChanged, this, [this] { updateState(); });
}

std::optional<AnimationExporter::Options> AnimationDialog::options() const {
    const auto step = PlaybackStep::parse(m_step->text().trimmed());
    const auto window = WindowSpec::parse(m_window->text().trimmed());
    if (!step || !window)
        return std::nullopt;
    AnimationExporter::Options o;
    const QSize size(m_width->value(), m_height->value());
    // Laid out as the CLI's --size is: like 1920×1080 at 150 dpi, scaled.
    o.frames.page = PageSetup::pixelSize(size, PageSetup::proportionalDpi(size));
    o.frames.range = m_range;
    o.frames.step = *step;
    o.frames.window = *window;
    o.format = static_cast<VideoFormat>(m_format->currentData().toInt());
    o.fps = m_fps->value();
    o.holdFirstSeconds = m_holdFirst->value();
    o.holdLastSeconds = m_holdLast->value();
    return o;
}

bool AnimationDialog::isExporting() const {
    return m_exportWatcher->isRunning();
}

void AnimationDialog::cancelExport() {
    if (m_cancel)
        *m_cancel = true;
}

void AnimationDialog::updateState() {
    const auto o = options();
    const bool busy = isExporting();
    m_exportButton->setEnabled(o && !busy && !m_range.isEmpty() && !m_range.isAll());
    for (QWidget* w : std::initializer_list<QWidget*>{m_format, m_width, m_height, m_fps, m_step,
                                                      m_window, m_holdFirst, m_holdLast})
        w->setEnabled(!busy);
    if (busy)
        return;
    if (!o) {
        m_summary->setText(tr("The step (e.g. 1d, 7d, 1m) or window (e.g. 30d, cumulative) "
                              "is not understood."));
        return;
    }
    const int frames = static_cast<int>(FrameSeries::windows(o->frames).size());
    const double seconds = (frames + AnimationExporter::holdPeriods(o->holdFirstSeconds, o->fps) +
                            AnimationExporter::holdPeriods(o->holdLastSeconds, o->fps)) /
                           o->fps;
    const QSize size = AnimationExporter::videoSize(*o);
    m_summary->setText(tr("%n frame(s), %1 s at %2×%3 px", nullptr, frames)
                           .arg(seconds, 0, 'f', 1)
                           .arg(size.width())
                           .arg(size.height()));
}

void AnimationDialog::renderPreview() {
    if (m_previewWatcher->isRunning()) {
        m_previewPending = true;
        return;
    }
    const auto o = options();
    if (!o)
        return;
    const MapSettings map = m_map;
    const BriefingLayout layout = m_layout;
    const AnimationExporter::Options options = *o;
    m_previewWatcher->setFuture(QtConcurrent::run(
        [options, map, layout] { return AnimationExporter::renderFrame(options, map, layout, 0); }));
}

void AnimationDialog::chooseFileAndExport() {
    const auto o = options();
    if (!o)
        return;
    const QString path =
        askExportPath(this, tr("Export Animation"), QStandardPaths::MoviesLocation,
                      QStringLiteral("playback"), VideoEncoder::suffix(o->format));
    if (!path.isEmpty())
        exportTo(path);
}

void AnimationDialog::exportTo(const QString& path) {
    const auto o = options();
    if (!o || isExporting())
        return;
    const int total = static_cast<int>(FrameSeries::windows(o->frames).size());
    m_progress->setRange(0, total);
    m_progress->setValue(0);
    m_progress->show();
    m_summary->setText(tr("Writing %1…").arg(QDir::toNativeSeparators(path)));
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    // Progress arrives on the worker; hop to this thread to touch the bar. The destructor
    // cancels and waits, so `this` outlives the worker; QPointer guards the queued calls.
    const QPointer<QProgressBar> bar = m_progress;
    auto progress = [bar](int done, int) {
        QMetaObject::invokeMethod(
            bar.data(),
            [bar, done] {
                if (bar)
                    bar->setValue(done);
            },
            Qt::QueuedConnection);
    };
    m_exportWatcher->setProperty("path", path);
    const MapSettings map = m_map;
    const BriefingLayout layout = m_layout;
    const AnimationExporter::Options options = *o;
    auto cancel = m_cancel;
    m_exportWatcher->setFuture(QtConcurrent::run([path, options, map, layout, progress, cancel] {
        return AnimationExporter::write(path, options, map, layout, progress, cancel.get());
    }));
    updateState();
}

} // namespace borderlens
