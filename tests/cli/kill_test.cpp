// A writer killed with SIGKILL at random moments never costs the user the file it was
// replacing: after every kill the previous file is byte for byte what it was and still opens,
// and no partial file sits under the final name. Run with `ctest -L kill`.
#include "incidents/import/incident_importer.h"
#include "support/cli_runner.h"
#include "support/test_paths.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <functional>
#include <random>

#include <signal.h>

using namespace borderlens;
using namespace borderlens::test;

namespace {

constexpr int kKills = 8;
constexpr int kIncidents = 40000;

QByteArray contents(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

struct WriterRun {
    bool killed = false;
    int exitCode = -1;
    qint64 writingMs = 0; // from the start of writing to the end (or the kill)
};

// Runs borderlens-cli with `args` under BORDERLENS_TRACE=1; once `writingStarts` shows on its
// stderr (the phase that ends just before it opens its output: QSaveFile's temporary file has no
// name on Linux, O_TMPFILE, so there is nothing to watch in the folder), kills it with SIGKILL
// after `killAfterMs`, unless it ends first. A negative `killAfterMs` lets it finish.
WriterRun runAndKill(const QStringList& args, const QByteArray& writingStarts, int killAfterMs) {
    WriterRun run;
    QProcess p;
    p.setProgram(cliPath());
    p.setArguments(args);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("BORDERLENS_TRACE"), QStringLiteral("1"));
    p.setProcessEnvironment(env);
    p.setStandardOutputFile(QProcess::nullDevice());
    p.setReadChannel(QProcess::StandardError);
    p.start();
    EXPECT_TRUE(p.waitForStarted(10000));
    // Never 0: kill(0, ...) would signal this whole process group.
    const pid_t pid = static_cast<pid_t>(p.processId());
    EXPECT_GT(pid, 0);
    QByteArray trace;
    while (!trace.contains(writingStarts) && p.state() == QProcess::Running) {
        p.waitForReadyRead(1000); // woken by its output, not by polling
        trace += p.readAllStandardError();
    }
    EXPECT_EQ(p.state(), QProcess::Running) << "it ended before writing anything";
    QElapsedTimer clock;
    clock.start();
    // Until the process reaps it, the pid is this child's, even if it has just ended.
    if (killAfterMs >= 0 && pid > 0 && !p.waitForFinished(killAfterMs))
        ::kill(pid, SIGKILL);
    if (p.state() != QProcess::NotRunning) {
        EXPECT_TRUE(p.waitForFinished(120000));
    }
    run.writingMs = clock.elapsed();
    // It may have ended on its own between the wait and the kill.
    run.killed = p.exitStatus() == QProcess::CrashExit;
    run.exitCode = run.killed ? -1 : p.exitCode();
    return run;
}

class KilledWriter : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_dir = new QTemporaryDir;
        const CliRun synth =
            runCli({QStringLiteral("synth"), QStringLiteral("--count"),
                    QString::number(kIncidents), QStringLiteral("--seed"), QStringLiteral("7"),
                    QStringLiteral("--format"), QStringLiteral("native"), QStringLiteral("--out"),
                    s_dir->filePath(QStringLiteral("big.csv"))});
        ASSERT_EQ(synth.exitCode, 0) << synth.err.toStdString();
    }
    static void TearDownTestSuite() {
        delete s_dir;
        s_dir = nullptr;
    }
    static QString bigCsv() { return s_dir->filePath(QStringLiteral("big.csv")); }
    // Every incident on the map, so that drawing them takes a while.
    static QStringList exportArgs(const QString& out) {
        return {QStringLiteral("export"), QStringLiteral("--incidents"), bigCsv(),
                QStringLiteral("--from"), QStringLiteral("2000-01-01"), QStringLiteral("--to"),
                QStringLiteral("2030-12-31"), QStringLiteral("--out"), out};
    }

    // Writes `target` once in full, then kills the same command kKills times at moments spread
    // over its writing time (seeded), checking each time that the name holds a whole file
    // (`opens`): the previous one byte for byte, or the new one if the kill came after its rename.
    void killRepeatedly(const QStringList& args, const QString& target,
                        const QByteArray& writingStarts,
                        const std::function<bool(const QString&)>& opens, unsigned seed) {
        const WriterRun good = runAndKill(args, writingStarts, -1);
        ASSERT_EQ(good.exitCode, 0);
        ASSERT_TRUE(opens(target));
        QByteArray previous = contents(target);
        std::mt19937 rng(seed);
        std::uniform_real_distribution<double> within(0.0, 1.0);
        int keptPrevious = 0;
        for (int k = 0; k < kKills; ++k) {
            // One moment in each eighth of the writing time, so the kills cover all of it.
            const int at = static_cast<int>((k + within(rng)) / kKills * double(good.writingMs));
            const WriterRun run = runAndKill(args, writingStarts, at);
            SCOPED_TRACE(QStringLiteral("kill %1 at %2 ms of %3").arg(k).arg(at).arg(good.writingMs)
                             .toStdString());
            // Whatever the moment, the name holds a whole file: the previous one, or the new
            // one when the kill came after it was renamed into place (or the run had ended).
            ASSERT_TRUE(opens(target));
            const QByteArray now = contents(target);
            if (run.killed && now == previous)
                ++keptPrevious;
            else
                EXPECT_TRUE(run.killed || run.exitCode == 0);
            previous = now;
        }
        // Some kills must land before the rename, or the test proves nothing. Not "most": on a
        // loaded machine a run can be quicker than the timed one and finish before its kill.
        EXPECT_GE(keptPrevious, kKills / 2);
    }

    static QTemporaryDir* s_dir;
};

QTemporaryDir* KilledWriter::s_dir = nullptr;

TEST_F(KilledWriter, AnImportKilledMidWayLeavesThePreviousStoreIntact) {
    const QString store = s_dir->filePath(QStringLiteral("store.gpkg"));
    killRepeatedly(
        {QStringLiteral("import"), bigCsv(), QStringLiteral("--out"), store}, store,
        "import.csv (parse, store)",
        [](const QString& path) {
            const auto r = importIncidents(path);
            return r && r.value().store->size() == std::size_t(kIncidents);
        },
        12);
}

TEST_F(KilledWriter, APdfExportKilledMidWayLeavesThePreviousFileIntact) {
    const QString pdf = s_dir->filePath(QStringLiteral("brief.pdf"));
    killRepeatedly(
        exportArgs(pdf), pdf, "export.prepare",
        [](const QString& path) {
            const QByteArray b = contents(path);
            return b.startsWith("%PDF-") && b.trimmed().endsWith("%%EOF");
        },
        34);
}

TEST_F(KilledWriter, APngExportKilledMidWayLeavesThePreviousFileIntact) {
    const QString png = s_dir->filePath(QStringLiteral("brief.png"));
    killRepeatedly(
        exportArgs(png), png, "export.prepare",
        [](const QString& path) { return QImage(path).size() == QSize(1920, 1080); }, 56);
}

} // namespace
