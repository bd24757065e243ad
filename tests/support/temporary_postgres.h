#pragma once

#include <QString>

#include <memory>

namespace borderlens::test {

// A PostgreSQL server with PostGIS of the test's own: a new cluster (initdb) in a temporary
// folder, started with pg_ctl on a free loopback port, trust authentication, stopped and
// removed when the object goes. Run as root (CI containers), the server runs as the
// `postgres` account, as PostgreSQL refuses root.
class TemporaryPostgres {
public:
    // Why the server binaries cannot be used here (not installed), or empty: tests skip with it.
    static QString unavailableReason();
    // Starts a server; on failure null and `error` says what happened (a test failure, not a
    // skip: the binaries are there but did not work).
    static std::unique_ptr<TemporaryPostgres> start(QString& error);
    ~TemporaryPostgres();

    // Creates a database with the PostGIS extension; false and `error` on failure.
    bool createDatabase(const QString& name, QString& error);
    // "PG:host=127.0.0.1 port=N dbname=NAME user=borderlens"
    QString connectionString(const QString& database) const;
    int port() const { return m_port; }

private:
    TemporaryPostgres() = default;
    QString m_root;
    QString m_bin;
    int m_port = 0;
    bool m_asPostgresUser = false;
};

} // namespace borderlens::test
