// SIGKILL during a burst of saves: the store stays readable and holds every incident whose
// save returned, with the edit that returned after it.
#include "store/incident_database.h"

#include <QProcess>
#include <QThread>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <random>
#include <set>

#include <signal.h>

using namespace borderlens;

namespace {

TEST(StoreKill, EverySaveThatReturnedSurvivesSigkill) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("burst.gpkg"));
    ASSERT_TRUE(IncidentDatabase::create(path));
    std::mt19937 random(20251130);
    QStringList reported;
    for (int round = 0; round < 6; ++round) {
        QProcess p;
        p.setProgram(QStringLiteral(BORDERLENS_STORE_BURST_PATH));
        p.setArguments({path});
        p.start();
        ASSERT_TRUE(p.waitForStarted(10000));
        const pid_t pid = static_cast<pid_t>(p.processId());
        ASSERT_GT(pid, 0);
        // Kill after a random number of reported saves, at a random moment inside the next.
        const int saves = std::uniform_int_distribution<int>(3, 25)(random);
        QStringList seen;
        while (seen.size() < saves && p.state() == QProcess::Running) {
            p.waitForReadyRead(200);
            while (p.canReadLine())
                seen << QString::fromUtf8(p.readLine()).trimmed();
        }
        ASSERT_GE(seen.size(), saves) << p.readAllStandardError().toStdString();
        QThread::usleep(std::uniform_int_distribution<int>(0, 20000)(random));
        ::kill(pid, SIGKILL);
        p.waitForFinished(10000);
        // Saves reported between our last read and the kill returned too.
        while (p.canReadLine())
            seen << QString::fromUtf8(p.readLine()).trimmed();
        seen.removeAll(QString());
        reported << seen;

        auto db = IncidentDatabase::open(path);
        ASSERT_TRUE(db) << db.error().toString().toStdString();
        auto incidents = db.value()->incidents();
        ASSERT_TRUE(incidents) << incidents.error().toString().toStdString();
        std::map<QString, std::int64_t> versions;
        for (const auto& s : incidents.value())
            versions[s.incident.id] = s.version;
        for (const QString& id : reported) {
            ASSERT_EQ(versions.count(id), 1u) << "round " << round << ": " << id.toStdString() << " lost";
            EXPECT_EQ(versions[id], 2) << id.toStdString();
        }
        // The log and the table agree: every stored incident has its addition logged.
        auto log = db.value()->log();
        ASSERT_TRUE(log);
        std::set<QString> logged;
        for (const auto& e : log.value()) {
            if (e.action == QLatin1String("add"))
                logged.insert(e.recordId);
        }
        for (const auto& [id, version] : versions)
            EXPECT_EQ(logged.count(id), 1u) << id.toStdString() << " stored without its log line";
    }
    EXPECT_GE(reported.size(), 18);
}

} // namespace
