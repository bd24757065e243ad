#pragma once

#include <QDialog>

class QCheckBox;
class QLineEdit;
class QSpinBox;

namespace borderlens {

// Connection to a desk's shared PostGIS incident store: host, port, database, user and
// password. The connection is kept (projects, recent list) without the password, which goes
// to the OS keyring if the user ticks "Remember".
class DatabaseDialog : public QDialog {
    Q_OBJECT
public:
    explicit DatabaseDialog(QWidget* parent = nullptr);

    // "PG:host=… port=… dbname=… user=…", without the password: what projects keep.
    QString connection() const;
    // The same with the password, to connect with.
    QString connectionWithPassword() const;
    QString password() const;
    bool rememberPassword() const;
    // Fills the fields from a kept connection (and the keyring's password for it).
    void setConnection(const QString& connection, const QString& password);

    QLineEdit* hostEdit() const { return m_host; }
    QSpinBox* portEdit() const { return m_port; }
    QLineEdit* databaseEdit() const { return m_database; }
    QLineEdit* userEdit() const { return m_user; }
    QLineEdit* passwordEdit() const { return m_password; }

private:
    QLineEdit* m_host;
    QSpinBox* m_port;
    QLineEdit* m_database;
    QLineEdit* m_user;
    QLineEdit* m_password;
    QCheckBox* m_remember;
};

// A libpq connection-string value, quoted when it needs to be.
QString connectionValue(const QString& value);
// Adds `password` to a kept connection string.
QString withPassword(const QString& connection, const QString& password);

} // namespace borderlens
