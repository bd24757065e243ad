#include "date_field.h"

#include <QCalendarWidget>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QMenu>
#include <QRegularExpression>
#include <QToolButton>
#include <QWidgetAction>

namespace borderlens {

DateField::DateField(QWidget* parent)
    : QWidget(parent), m_edit(new QLineEdit(this)), m_pick(new QToolButton(this)),
      m_calendar(new QCalendarWidget(this)) {
    m_edit->setPlaceholderText(QStringLiteral("yyyy-mm-dd"));
    m_edit->setMaxLength(10);
    // Wide enough for the ten characters and no wider: the time controls share a laptop's row.
    m_edit->setFixedWidth(m_edit->fontMetrics().horizontalAdvance(QStringLiteral("0000-00-00")) +
                          16);
    // One arrow: the style's, not a text arrow beside the menu indicator.
    m_pick->setArrowType(Qt::DownArrow);
    m_pick->setStyleSheet(QStringLiteral("QToolButton::menu-indicator { image: none; }"));
    m_pick->setAutoRaise(true);
    m_pick->setToolTip(tr("Pick a date from a calendar"));
    m_pick->setPopupMode(QToolButton::InstantPopup);
    auto* menu = new QMenu(m_pick);
    auto* holder = new QWidgetAction(menu);
    m_calendar->setGridVisible(true);
    holder->setDefaultWidget(m_calendar);
    menu->addAction(holder);
    m_pick->setMenu(menu);
    connect(menu, &QMenu::aboutToShow, this, [this] {
        if (m_date.isValid())
            m_calendar->setSelectedDate(m_date);
    });
    connect(m_calendar, &QCalendarWidget::clicked, this, [this, menu](const QDate& d) {
        menu->close();
        setDate(d);
        emit dateEntered(d);
    });
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(0);
    row->addWidget(m_edit);
    row->addWidget(m_pick);
    setFocusProxy(m_edit);
    // editingFinished fires for Return and for leaving the field, but only for acceptable text;
    // with no validator every text is acceptable, so bad dates reach commitText and are named.
    connect(m_edit, &QLineEdit::editingFinished, this, &DateField::commitText);
    connect(m_edit, &QLineEdit::textEdited, this, [this] {
        if (!m_error.isEmpty())
            showError({}); // typing again clears the complaint until the next commit
    });
}

QDate DateField::parse(const QString& typed, QString* error) {
    const QString text = typed.trimmed();
    static const QRegularExpression shape(QStringLiteral("^(\\d{4})-(\\d{1,2})-(\\d{1,2})$"));
    const QRegularExpressionMatch m = shape.match(text);
    if (!m.hasMatch()) {
        if (error)
            *error = tr("“%1” is not a date: type it as yyyy-mm-dd, e.g. 2025-12-31").arg(text);
        return {};
    }
    const QDate d(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    if (!d.isValid() && error)
        *error = tr("%1 is not a day of the calendar").arg(text);
    return d;
}

void DateField::setDate(const QDate& date) {
    m_date = date;
    showError({});
    m_edit->setText(date.isValid() ? date.toString(Qt::ISODate) : QString());
}

void DateField::commitText() {
    QString error;
    const QDate d = parse(m_edit->text(), &error);
    if (!d.isValid()) {
        showError(error);
        emit invalidEntry(error);
        return;
    }
    if (d == m_date && m_error.isEmpty()) {
        m_edit->setText(d.toString(Qt::ISODate)); // normalise 2025-1-5 to 2025-01-05
        return;
    }
    setDate(d);
    emit dateEntered(d);
}

void DateField::showError(const QString& message) {
    m_error = message;
    // Red text and the reason on hover: the field keeps what was typed so it can be corrected.
    QPalette p = m_edit->palette();
    p.setColor(QPalette::Text, message.isEmpty() ? palette().color(QPalette::Text)
                                                 : QColor(0xc0, 0x1c, 0x1c));
    m_edit->setPalette(p);
    m_edit->setToolTip(message.isEmpty() ? toolTip() : message);
}

} // namespace borderlens
