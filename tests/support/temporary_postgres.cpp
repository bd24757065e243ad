#include "support/temporary_postgres.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QUuid>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

namespace borderlens::test {
namespace {

// The folder holding initdb and pg_ctl: Debian keeps them out of PATH, per major version.
QString serverBinDir() {
    const QString onPath = QStandardPaths::findExecutable(QStringLiteral("initdb"));
    if (!onPath.isEmpty())
        return QFileInfo(onPath).absolutePath();
    QDir versions(QStringLiteral("/usr/lib/postgresql"));
    const auto dirs = versions.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name | QDir::Reversed);
    for (const QString& v : dirs) {
        const QString bin = versions.filePath(v + QStringLiteral("/bin"));
        if (QFileInfo::exists(bin + QStringLiteral("/initdb")) && QFileInfo::exists(bin + QStringLiteral("/pg_ctl")))
            return bin;
    }
    return {};
}

// A port nothing listens on now: the kernel's choice for a socket bound to port 0.
int freePort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return 0;
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = 0;
    socklen_t len = sizeof a;
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) == 0)
        port = ntohs(a.sin_port);
    ::close(fd);
    return port;
}

bool run(const QString& program, const QStringList& args, bool asPostgres, QString& error,
         int timeoutMs = 120000) {
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    if (asPostgres)
        p.start(QStringLiteral("runuser"), QStringList{QStringLiteral("-u"), QStringLiteral("postgres"),
                                                      QStringLiteral("--"), program} + args);
    else
        p.start(program, args);
    if (!p.waitForFinished(timeoutMs) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        error = QStringLiteral("%1 %2 failed: %3")
                    .arg(program, args.join(QLatin1Char(' ')), QString::fromLocal8Bit(p.readAll()));
        return false;
    }
    return true;
}

} // namespace

QString TemporaryPostgres::unavailableReason() {
    const QString bin = serverBinDir();
    if (bin.isEmpty())
        return QStringLiteral("PostgreSQL server binaries (initdb, pg_ctl) are not installed; "
                              "install postgresql-15 and postgresql-15-postgis-3 to run this test");
    if (!QFileInfo::exists(bin + QStringLiteral("/psql")) && QStandardPaths::findExecutable(QStringLiteral("psql")).isEmpty())
        return QStringLiteral("psql is not installed (postgresql-client-15)");
    if (::geteuid() == 0 && !::getpwnam("postgres"))
        return QStringLiteral("running as root without a 'postgres' account to run the server as");
    return {};
}

std::unique_ptr<TemporaryPostgres> TemporaryPostgres::start(QString& error) {
    std::unique_ptr<TemporaryPostgres> pg(new TemporaryPostgres);
    pg->m_bin = serverBinDir();
    pg->m_asPostgresUser = ::geteuid() == 0;
    pg->m_root = QDir::tempPath() + QStringLiteral("/borderlens-pg-") +
                 QUuid::createUuid().toString(QUuid::Id128).left(12);
    if (!QDir().mkpath(pg->m_root)) {
        error = QStringLiteral("cannot create %1").arg(pg->m_root);
        return nullptr;
    }
    // The server's account must write here when it is not ours.
    QFile::setPermissions(pg->m_root, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                                          QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther |
                                          QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup);
    const QString data = pg->m_root + QStringLiteral("/data");
    if (!run(pg->m_bin + QStringLiteral("/initdb"),
             {QStringLiteral("-D"), data, QStringLiteral("-U"), QStringLiteral("borderlens"),
              QStringLiteral("--auth=trust"), QStringLiteral("-E"), QStringLiteral("UTF8"),
              QStringLiteral("--no-locale"), QStringLiteral("--no-sync")},
             pg->m_asPostgresUser, error))
        return nullptr;
    // A port can be taken between choosing and binding it: try a few.
    for (int attempt = 0; attempt < 5; ++attempt) {
        pg->m_port = freePort();
        QString why;
        if (run(pg->m_bin + QStringLiteral("/pg_ctl"),
                {QStringLiteral("-D"), data, QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("60"),
                 QStringLiteral("-l"), pg->m_root + QStringLiteral("/server.log"), QStringLiteral("-o"),
                 QStringLiteral("-p %1 -k %2 -c listen_addresses=127.0.0.1 -c fsync=off")
                     .arg(pg->m_port)
                     .arg(pg->m_root),
                 QStringLiteral("start")},
                pg->m_asPostgresUser, why))
            return pg;
        error = why;
        QFile log(pg->m_root + QStringLiteral("/server.log"));
        if (log.open(QIODevice::ReadOnly))
            error += QString::fromLocal8Bit(log.readAll().right(2000));
    }
    pg->m_port = 0;
    return nullptr;
}

TemporaryPostgres::~TemporaryPostgres() {
    if (m_port != 0) {
        QString ignored;
        run(m_bin + QStringLiteral("/pg_ctl"),
            {QStringLiteral("-D"), m_root + QStringLiteral("/data"), QStringLiteral("-m"),
             QStringLiteral("immediate"), QStringLiteral("-w"), QStringLiteral("stop")},
            m_asPostgresUser, ignored);
    }
    if (!m_root.isEmpty())
        QDir(m_root).removeRecursively();
}

bool TemporaryPostgres::createDatabase(const QString& name, QString& error) {
    QString psql = m_bin + QStringLiteral("/psql");
    if (!QFileInfo::exists(psql))
        psql = QStandardPaths::findExecutable(QStringLiteral("psql"));
    const QStringList connect{QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                              QString::number(m_port), QStringLiteral("-U"), QStringLiteral("borderlens"),
                              QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-q")};
    return run(psql, connect + QStringList{QStringLiteral("-d"), QStringLiteral("postgres"), QStringLiteral("-c"),
                                           QStringLiteral("CREATE DATABASE \"%1\"").arg(name)},
               false, error) &&
           run(psql, connect + QStringList{QStringLiteral("-d"), name, QStringLiteral("-c"),
                                           QStringLiteral("CREATE EXTENSION postgis")},
               false, error);
}

QString TemporaryPostgres::connectionString(const QString& database) const {
    return QStringLiteral("PG:host=127.0.0.1 port=%1 dbname=%2 user=borderlens").arg(m_port).arg(database);
}

} // namespace borderlens::test
