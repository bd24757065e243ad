#pragma once

#include <QStringList>
#include <QTextStream>

namespace borderlens::cli {

// Exit codes, the same for every sub-command.
enum ExitCode : int { Ok = 0, Failure = 1, Usage = 2 };

// Where a command writes: separate streams so tests and scripts can tell results from errors.
struct Io {
    QTextStream& out;
    QTextStream& err;
};

int runInfo(const QStringList& args, Io io);
int runGeocode(const QStringList& args, Io io);
int runImport(const QStringList& args, Io io);
int runExport(const QStringList& args, Io io);
int runFrames(const QStringList& args, Io io);
int runVideo(const QStringList& args, Io io);
int runBenchFrames(const QStringList& args, Io io);
int runSynth(const QStringList& args, Io io);
int runProject(const QStringList& args, Io io);
int runStore(const QStringList& args, Io io);
int runStats(const QStringList& args, Io io);
int runTable(const QStringList& args, Io io);

} // namespace borderlens::cli
