#include "time_panel.h"

#include "date_field.h"
#include "flow_layout.h"
#include "time/time_controller.h"
#include "time_bar.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace borderlens {

namespace {
// Window choices: a length in days, or a special mode.
enum WindowChoice { Days7, Days30, Days90, Year1, Custom, Cumulative, Off };
} // namespace

TimePanel::TimePanel(TimeController* controller, QWidget* parent)
    : QWidget(parent), m_controller(controller), m_bar(new TimeBar(controller, this)),
      m_back(new QToolButton(this)), m_play(new QToolButton(this)),
      m_forward(new QToolButton(this)), m_step(new QComboBox(this)),
      m_fps(new QDoubleSpinBox(this)), m_loop(new QCheckBox(tr("Loop"), this)),
      m_window(new QComboBox(this)), m_customDays(new QSpinBox(this)), m_from(new DateField(this)),
      m_to(new DateField(this)), m_reset(new QToolButton(this)), m_caption(new QLabel(this)) {
    m_back->setIcon(style()->standardIcon(QStyle::SP_MediaSeekBackward));
    m_back->setToolTip(tr("Step back (←)"));
    m_play->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    m_play->setToolTip(tr("Play / pause (Space)"));
    m_forward->setIcon(style()->standardIcon(QStyle::SP_MediaSeekForward));
    m_forward->setToolTip(tr("Step forward (→)"));
    m_step->addItems({tr("Day"), tr("Week"), tr("Month"), tr("Next incident")});
    m_step->setCurrentIndex(1);
    m_step->setToolTip(tr("How far a step moves the window"));
    m_fps->setRange(0.2, 30);
    m_fps->setSingleStep(0.5);
    m_fps->setSuffix(tr(" fps"));
    m_fps->setValue(controller->framesPerSecond());
    m_fps->setToolTip(tr("Playback speed, frames per second"));
    m_window->addItems({tr("7 days"), tr("30 days"), tr("90 days"), tr("1 year"), tr("Custom"),
                        tr("Cumulative"), tr("All time (off)")});
    m_customDays->setRange(1, 100000);
    m_customDays->setSuffix(tr(" days"));
    m_from->setToolTip(tr("First day of the window"));
    m_to->setToolTip(tr("Last day of the window (inclusive)"));
    m_reset->setText(tr("Reset"));
    m_reset->setToolTip(tr("Show the whole span of the data"));
    QFont bold = m_caption->font();
    bold.setBold(true);
    m_caption->setFont(bold);
    // A fixed size for the longest caption: a label whose size follows its text makes every
    // step relayout the panel and the window around it (3 repaints of the whole window a step).
    m_caption->setFixedSize(QFontMetrics(bold).horizontalAdvance(
                                QStringLiteral("30 Sep 2025 – 30 Sep 2025 (99,999 days)")) +
                                8,
                            m_caption->sizeHint().height());

    // The controls come in groups that wrap as a whole (FlowLayout): one row on a wide screen,
    // two on a laptop, never a window wider than the screen.
    auto* controls = new FlowLayout(nullptr, 10);
    const auto group = [this, controls](std::initializer_list<QWidget*> widgets) {
        auto* box = new QWidget(this);
        auto* row = new QHBoxLayout(box);
        row->setContentsMargins(0, 0, 0, 0);
        row->setSpacing(4);
        for (QWidget* w : widgets)
            row->addWidget(w);
        controls->addWidget(box);
    };
    group({m_back, m_play, m_forward});
    group({new QLabel(tr("Step"), this), m_step, m_fps, m_loop});
    group({new QLabel(tr("Window"), this), m_window, m_customDays});
    group({new QLabel(tr("From"), this), m_from, new QLabel(tr("to"), this), m_to, m_reset});
    group({m_caption});
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->addLayout(controls);
    layout->addWidget(m_bar, 1);

    connect(m_back, &QToolButton::clicked, controller, &TimeController::stepBackward);
    connect(m_forward, &QToolButton::clicked, controller, &TimeController::stepForward);
    connect(m_play, &QToolButton::clicked, controller, &TimeController::togglePlay);
    connect(m_reset, &QToolButton::clicked, controller, &TimeController::reset);
    connect(m_loop, &QCheckBox::toggled, controller, &TimeController::setLoop);
    connect(m_fps, &QDoubleSpinBox::valueChanged, controller, &TimeController::setFramesPerSecond);
    connect(m_step, &QComboBox::currentIndexChanged, this, [this](int i) {
        if (m_syncing)
            return;
        static const PlaybackStep steps[] = {{PlaybackStep::Unit::Day, 1},
                                             {PlaybackStep::Unit::Week, 1},
                                             {PlaybackStep::Unit::Month, 1}};
        if (i < 3)
            m_controller->setStep(steps[i]);
        else
            m_controller->setStepKind(TimeController::StepKind::NextEvent);
    });
    connect(m_window, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_syncing)
            applyWindowChoice();
    });
    connect(m_customDays, &QSpinBox::editingFinished, this, [this] {
        if (!m_syncing)
            applyWindowChoice();
    });
    for (DateField* e : {m_from, m_to}) {
        connect(e, &DateField::dateEntered, this, &TimePanel::applyTypedDates);
        connect(e, &DateField::invalidEntry, this, &TimePanel::message);
    }
    connect(controller, &TimeController::rangeChanged, this, &TimePanel::syncFromController);
    connect(controller, &TimeController::settingsChanged, this, &TimePanel::syncFromController);
    // The combo shows a week; make it so (the controller starts with a day).
    m_controller->setStep({PlaybackStep::Unit::Week, 1});
    connect(controller, &TimeController::playingChanged, this, [this](bool playing) {
        m_play->setIcon(
            style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    });
    syncFromController();
    showFrame(m_controller->range());
}

void TimePanel::applyTypedDates() {
    if (m_syncing)
        return;
    QDate from = m_from->date();
    QDate to = m_to->date();
    if (to < from)
        std::swap(from, to);
    if (m_window->currentIndex() == Cumulative) {
        m_controller->jumpTo(to.toJulianDay());
        return;
    }
    m_controller->setRange(TimeRange::fromInclusive(from, to));
}

void TimePanel::applyWindowChoice() {
    const int choice = m_window->currentIndex();
    m_customDays->setEnabled(choice == Custom);
    switch (choice) {
    case Cumulative:
        m_controller->setWindowSpec({WindowSpec::Mode::Cumulative, 0});
        return;
    case Off:
        m_controller->setWindowSpec({WindowSpec::Mode::Off, 0});
        return;
    default:
        break;
    }
    static const std::int64_t lengths[] = {7, 30, 90, 365};
    const std::int64_t days = choice == Custom ? m_customDays->value() : lengths[choice];
    m_controller->setWindowSpec({WindowSpec::Mode::Moving, days});
}

void TimePanel::syncFromController() {
    m_syncing = true;
    const WindowSpec spec = m_controller->windowSpec();
    int choice = Custom;
    if (spec.mode == WindowSpec::Mode::Cumulative)
        choice = Cumulative;
    else if (spec.mode == WindowSpec::Mode::Off)
        choice = Off;
    else if (spec.lengthDays == 7)
        choice = Days7;
    else if (spec.lengthDays == 30)
        choice = Days30;
    else if (spec.lengthDays == 90)
        choice = Days90;
    else if (spec.lengthDays == 365)
        choice = Year1;
    m_window->setCurrentIndex(choice);
    m_customDays->setEnabled(choice == Custom);
    if (spec.mode == WindowSpec::Mode::Moving)
        m_customDays->setValue(static_cast<int>(std::min<std::int64_t>(spec.lengthDays, 100000)));
    const TimeRange r = m_controller->range();
    // While playing, the fields follow the frames shown (showFrame), not the frames asked for.
    if (!r.isAll() && !r.isEmpty() && !m_controller->isPlaying()) {
        m_from->setDate(r.beginDate());
        m_to->setDate(r.lastDate());
    }
    m_from->setEnabled(spec.mode == WindowSpec::Mode::Moving);
    m_to->setEnabled(spec.mode != WindowSpec::Mode::Off);
    if (m_controller->stepKind() == TimeController::StepKind::NextEvent) {
        m_step->setCurrentIndex(3);
    } else if (m_controller->step().count == 1) {
        const auto unit = m_controller->step().unit;
        m_step->setCurrentIndex(unit == PlaybackStep::Unit::Day    ? 0
                                : unit == PlaybackStep::Unit::Week ? 1
                                                                   : 2);
    }
    m_syncing = false;
}

void TimePanel::showFrame(const TimeRange& shown) {
    // The caption says what the map shows, not what was last asked for: at 10 fps the two differ
    // by a frame or two, and a caption ahead of its map would misdate what the analyst sees.
    m_caption->setText(shown.isAll() ? tr("All time") : shown.toDisplayString());
    if (m_controller->isPlaying() && !shown.isAll() && !shown.isEmpty()) {
        m_syncing = true;
        m_from->setDate(shown.beginDate());
        m_to->setDate(shown.lastDate());
        m_syncing = false;
    }
}

} // namespace borderlens
