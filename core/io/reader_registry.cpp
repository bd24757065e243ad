#include "io/reader_registry.h"

#include "io/network_access.h"
#include "io/ogr_layer_reader.h"

namespace borderlens {

ReaderRegistry ReaderRegistry::withDefaultReaders() {
    ReaderRegistry r;
    // Specialised readers (incident CSVs, ...) go before GDAL, the catch-all.
    r.add(std::make_unique<OgrLayerReader>());
    return r;
}

void ReaderRegistry::add(std::unique_ptr<LayerReader> reader) {
    m_readers.push_back(std::move(reader));
}

Result<LayerList> ReaderRegistry::read(const QString& path) const {
    // Before any reader: no reader may reach the network unless the user allowed it.
    if (auto refused = refuseNetworkSource(path))
        return *refused;
    for (const auto& reader : m_readers) {
        if (reader->accepts(path))
            return reader->read(path);
    }
    return Error{path, QStringLiteral("no reader accepts this file")};
}

} // namespace borderlens
