// The GeoJSON and GeoPackage incident readers: the input goes to GDAL's in-memory file system
// under the extension this target is built for (BORDERLENS_FUZZ_EXTENSION) and is opened by
// importIncidents(), the path Add Layer and Import take for a file in the native schema.
#include "fuzz_environment.h"

#include "incidents/import/incident_importer.h"

#include <cpl_vsi.h>

#include <cstdint>

using namespace borderlens;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    fuzz::quietEnvironment();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const QString path = QStringLiteral("/vsimem/fuzz." BORDERLENS_FUZZ_EXTENSION);
    const QByteArray name = path.toUtf8();
    // GDAL reads the caller's buffer in place (no copy, not taken over).
    VSILFILE* f = VSIFileFromMemBuffer(name.constData(), const_cast<GByte*>(data), vsi_l_offset(size),
                                       FALSE);
    if (!f)
        return 0;
    VSIFCloseL(f);
    auto report = importIncidents(path, ImportOptions{});
    if (report) {
        const ImportReport& r = report.value();
        fuzz::check(r.imported() + std::int64_t(r.rejected.size()) >= r.rowsRead);
    }
    VSIUnlink(name.constData());
    return 0;
}
