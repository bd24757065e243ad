#include "time_panel.h"

#include "time/time_controller.h"
#include "time_bar.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDoubleSpinBox>
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
      m_window(new QComboBox(this)), m_customDays(new QSpinBox(this)),
      m_from(new QDateEdit(this)), m_to(new QDateEdit(this)), m_reset(new QToolButton(this)),
      m_caption(new QLabel(this)) {
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
    for (QDateEdit* e : {m_from, m_to}) {
        e->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        e->setCalendarPopup(true);
    }
    m_from->setToolTip(tr("First day of the window"));
    m_to->setToolTip(tr("Last day of the window (inclusive)"));
    m_reset->setText(tr("Reset"));
    m_reset->setToolTip(tr("Show the whole span of the data"));
    QFont bold = m_caption->font();
    bold.setBold(true);
    m_caption->setFont(bold);

    auto* controls = new QHBoxLayout;
    controls->setContentsMargins(0, 0, 0, 0);
    for (QWidget* w : std::initializer_list<QWidget*>{m_back, m_play, m_forward})
        controls->addWidget(w);
    controls->addWidget(new QLabel(tr("Step"), this));
    controls->addWidget(m_step);
    controls->addWidget(m_fps);
    controls->addWidget(m_loop);
    controls->addSpacing(12);
    controls->addWidget(new QLabel(tr("Window"), this));
    controls->addWidget(m_window);
    controls->addWidget(m_customDays);
    controls->addSpacing(12);
    controls->addWidget(new QLabel(tr("From"), this));
    controls->addWidget(m_from);
    controls->addWidget(new QLabel(tr("to"), this));
    controls->addWidget(m_to);
    controls->addWidget(m_reset);
    controls->addStretch(1);
    controls->addWidget(m_caption);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->addLayout(controls);
    layout->addWidget(m_bar, 1);

    connect(m_back, &QToolButton::clicked, controller, &TimeController::stepBackward);
    connect(m_forward, &QToolButton::clicked, controller, &TimeController::stepForward);
    connect(m_play, &QToolButton::clicked, controller, &TimeController::togglePlay);
    connect(m_reset, &QToolButton::clicked, controller, &TimeController::reset);
    connect(m_loop, &QCheckBox::toggled, controller, &TimeController::setLoop);
    connect(m_fps, &QDoubleSpinBox::valueChanged, controller,
            &TimeController::setFramesPerSecond);
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
    for (QDateEdit* e : {m_from, m_to})
        connect(e, &QDateEdit::editingFinished, this, &TimePanel::applyTypedDates);
    connect(controller, &TimeController::rangeChanged, this, &TimePanel::syncFromController);
    connect(controller, &TimeController::settingsChanged, this, &TimePanel::syncFromController);
    // The combo shows a week; make it so (the controller starts with a day).
    m_controller->setStep({PlaybackStep::Unit::Week, 1});
    connect(controller, &TimeController::playingChanged, this, [this](bool playing) {
        m_play->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause
                                                      : QStyle::SP_MediaPlay));
    });
    syncFromController();
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
    const TimeRange full = m_controller->fullRange();
    for (QDateEdit* e : {m_from, m_to}) {
        if (!full.isEmpty())
            e->setDateRange(full.beginDate().addYears(-5), full.lastDate().addYears(5));
    }
    const TimeRange r = m_controller->range();
    if (!r.isAll() && !r.isEmpty()) {
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
    m_caption->setText(r.isAll() ? tr("All time") : r.toDisplayString());
    m_syncing = false;
}

} // namespace borderlens
