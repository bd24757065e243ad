// The incident CSV importer, as File > Import runs it: importIncidents() on a file, with the
// header deciding native, ACLED or UCDP GED, and rows without coordinates placed through the
// bundled gazetteer. Small stretches make every input cross the parallel reader's stretch
// boundaries, which a file of a few KB would otherwise never reach.
#include "fuzz_environment.h"

#include "gazetteer/gazetteer.h"
#include "incidents/import/gazetteer_place_resolver.h"
#include "incidents/import/incident_importer.h"

#include <QFile>
#include <QTemporaryDir>

#include <cstdint>
#include <memory>

using namespace borderlens;

namespace {
struct Setup {
    QTemporaryDir dir;
    QString path = dir.filePath(QStringLiteral("fuzz.csv"));
    std::unique_ptr<GazetteerPlaceResolver> resolver;
};
Setup* setup = nullptr;
} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    fuzz::quietEnvironment();
    setup = new Setup; // lives for the process, as libFuzzer's inputs do
    auto gazetteer = Gazetteer::loadBundled();
    if (gazetteer)
        setup->resolver = std::make_unique<GazetteerPlaceResolver>(
            std::make_shared<const Gazetteer>(std::move(gazetteer).value()));
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    {
        QFile f(setup->path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return 0;
        f.write(reinterpret_cast<const char*>(data), qint64(size));
    }
    ImportOptions options;
    options.resolver = setup->resolver.get();
    options.chunkBytes = 61;
    auto report = importIncidents(setup->path, options);
    if (report) {
        // Nothing dropped silently: every row read is kept or rejected with a reason.
        const ImportReport& r = report.value();
        fuzz::check(r.imported() + std::int64_t(r.rejected.size()) >= r.rowsRead);
        fuzz::check(r.store != nullptr);
    }
    return 0;
}
