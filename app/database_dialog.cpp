#include "database_dialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>

namespace borderlens {

QString connectionValue(const QString& value) {
    if (!value.isEmpty() && !value.contains(QRegularExpression(QStringLiteral("[\\s'\\\\=]"))))
        return value;
    QString v = value;
    v.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    v.replace(QLatin1Char('\''), QStringLiteral("\\'"));
    return QLatin1Char('\'') + v + QLatin1Char('\'');
}

QString withPassword(const QString& connection, const QString& password) {
    return password.isEmpty() ? connection
                              : connection + QStringLiteral(" password=") + connectionValue(password);
}

DatabaseDialog::DatabaseDialog(QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Connect to a Shared Incident Store"));
    auto* form = new QFormLayout;
    m_host = new QLineEdit(QStringLiteral("localhost"), this);
    m_port = new QSpinBox(this);
    m_port->setRange(1, 65535);
    m_port->setValue(5432);
    m_database = new QLineEdit(this);
    m_database->setPlaceholderText(QStringLiteral("borderdesk"));
    m_user = new QLineEdit(this);
    m_password = new QLineEdit(this);
    m_password->setEchoMode(QLineEdit::Password);
    m_remember = new QCheckBox(tr("Remember the password in the system keyring"), this);
    form->addRow(tr("&Host"), m_host);
    form->addRow(tr("&Port"), m_port);
    form->addRow(tr("&Database"), m_database);
    form->addRow(tr("&User"), m_user);
    form->addRow(tr("Pass&word"), m_password);
    form->addRow(QString(), m_remember);
    auto* note = new QLabel(tr("BorderLens connects only to the server named here, when you "
                               "press Connect. The password is never written into the project "
                               "file."),
                            this);
    note->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Connect"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(buttons);
}

QString DatabaseDialog::connection() const {
    QStringList parts{QStringLiteral("host=") + connectionValue(m_host->text().trimmed()),
                      QStringLiteral("port=%1").arg(m_port->value()),
                      QStringLiteral("dbname=") + connectionValue(m_database->text().trimmed()),
                      // An unreachable server is reported after 10 s, not after minutes.
                      QStringLiteral("connect_timeout=10")};
    if (!m_user->text().trimmed().isEmpty())
        parts << QStringLiteral("user=") + connectionValue(m_user->text().trimmed());
    return QStringLiteral("PG:") + parts.join(QLatin1Char(' '));
}

QString DatabaseDialog::connectionWithPassword() const { return withPassword(connection(), password()); }
QString DatabaseDialog::password() const { return m_password->text(); }
bool DatabaseDialog::rememberPassword() const { return m_remember->isChecked(); }

void DatabaseDialog::setConnection(const QString& connection, const QString& password) {
    static const QRegularExpression pair(QStringLiteral("(\\w+)\\s*=\\s*('(?:[^'\\\\]|\\\\.)*'|\\S+)"));
    QString body = connection;
    body.remove(QRegularExpression(QStringLiteral("^PG:"), QRegularExpression::CaseInsensitiveOption));
    for (auto it = pair.globalMatch(body); it.hasNext();) {
        const auto m = it.next();
        QString value = m.captured(2);
        if (value.startsWith(QLatin1Char('\'')))
            value = value.mid(1, value.size() - 2).replace(QStringLiteral("\\'"), QStringLiteral("'"));
        const QString key = m.captured(1).toLower();
        if (key == QLatin1String("host"))
            m_host->setText(value);
        else if (key == QLatin1String("port"))
            m_port->setValue(value.toInt());
        else if (key == QLatin1String("dbname"))
            m_database->setText(value);
        else if (key == QLatin1String("user"))
            m_user->setText(value);
    }
    m_password->setText(password);
    m_remember->setChecked(!password.isEmpty());
}

} // namespace borderlens
