#pragma once

#include "time/time_range.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;
class QToolButton;

namespace borderlens {

class DateField;
class TimeBar;
class TimeController;

// The time bar under the map: the slider (TimeBar) and its controls — play/pause, step back and
// forward, step size (day, week, month, next incident), speed, loop, the window (7/30/90 days,
// 1 year, custom, cumulative, all time), date fields to jump to a window, and Reset. It only
// talks to the TimeController; the map, table and legend follow the controller.
class TimePanel : public QWidget {
    Q_OBJECT
public:
    explicit TimePanel(TimeController* controller, QWidget* parent = nullptr);

    TimeBar* bar() const { return m_bar; }
    DateField* fromEdit() const { return m_from; }
    DateField* toEdit() const { return m_to; }
    QComboBox* windowCombo() const { return m_window; }
    QComboBox* stepCombo() const { return m_step; }
    QToolButton* playButton() const { return m_play; }
    QLabel* caption() const { return m_caption; }
    // Applies the dates in the From/To fields (inclusive) as the window.
    void applyTypedDates();
    // The window of the frame now on the map: the caption (and, while playing, the date fields)
    // show it, so that they never run ahead of the map.
    void showFrame(const TimeRange& shown);

signals:
    // Something the user should read, e.g. why a typed date was not applied.
    void message(const QString& text);

private:
    void syncFromController();
    void applyWindowChoice();

    TimeController* m_controller;
    TimeBar* m_bar;
    QToolButton* m_back;
    QToolButton* m_play;
    QToolButton* m_forward;
    QComboBox* m_step;
    QDoubleSpinBox* m_fps;
    QCheckBox* m_loop;
    QComboBox* m_window;
    QSpinBox* m_customDays;
    DateField* m_from;
    DateField* m_to;
    QToolButton* m_reset;
    QLabel* m_caption;
    bool m_syncing = false;
};

} // namespace borderlens
