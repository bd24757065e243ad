#pragma once

#include <QDate>
#include <QWidget>

class QLineEdit;
class QToolButton;
class QCalendarWidget;

namespace borderlens {

// A date typed as yyyy-MM-dd, or picked from a calendar. Unlike QDateEdit, whose sections
// silently refuse a whole date typed over a selection (typing 2025-12-31 over 2024-12-31 left
// 2024-12-31), the field takes the text as typed and, when the user is done (Return, Tab, or
// leaving the field), either applies it or says what is wrong with it.
class DateField : public QWidget {
    Q_OBJECT
public:
    explicit DateField(QWidget* parent = nullptr);

    // The last date applied (typed, picked or set).
    QDate date() const { return m_date; }
    // Shows `date` without emitting dateEntered (the controller telling the field).
    void setDate(const QDate& date);
    QLineEdit* lineEdit() const { return m_edit; }
    // Why the text typed last is not a date; empty when it was one.
    const QString& error() const { return m_error; }

    // The text as a date, or an explanation of why it is not one.
    static QDate parse(const QString& text, QString* error);

signals:
    // The user typed or picked a date.
    void dateEntered(const QDate& date);
    // The user typed something that is not a date; `message` says what is wrong.
    void invalidEntry(const QString& message);

private:
    void commitText();
    void showError(const QString& message);

    QLineEdit* m_edit;
    QToolButton* m_pick;
    QCalendarWidget* m_calendar;
    QDate m_date;
    QString m_error;
};

} // namespace borderlens
