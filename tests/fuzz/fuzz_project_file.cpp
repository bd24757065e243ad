// The .blproj parser (project/project_file.h) on arbitrary bytes: it gives a project or an error
// naming the file, never a crash; and a project it accepts, written back and read again, is the
// same project (what the viewer saves is what it opened).
#include "fuzz_environment.h"

#include "project/project_file.h"

#include <QByteArray>
#include <QDir>

#include <cstdint>

using namespace borderlens;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const bool quiet = (fuzz::quietEnvironment(), true);
    (void)quiet;
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const QString dir = QStringLiteral("/nonexistent/projects");
    const auto read = parseProject(bytes, dir, QStringLiteral("fuzz.blproj"));
    if (!read) {
        fuzz::check(read.error().source == QLatin1String("fuzz.blproj"));
        fuzz::check(!read.error().message.isEmpty());
        return 0;
    }
    const Project& p = read.value().project;
    const auto again = parseProject(serializeProject(p, dir), dir, QStringLiteral("again"));
    fuzz::check(again.ok());
    fuzz::check(again.value().project == p);
    return 0;
}
