#include "layer_loader.h"

#include "incidents/import/bundled_place_resolver.h"
#include "incidents/import/incident_importer.h"
#include "incidents/import/source_kind.h"
#include "io/reader_registry.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace borderlens {

void LayerLoader::load(std::vector<LoadRequest> requests) {
    ++m_pending;
    auto* watcher = new QFutureWatcher<std::vector<LoadOutcome>>(this);
    connect(watcher, &QFutureWatcher<std::vector<LoadOutcome>>::finished, this, [this, watcher] {
        --m_pending;
        emit batchLoaded(watcher->result());
        watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run([requests = std::move(requests)] {
        const ReaderRegistry readers = ReaderRegistry::withDefaultReaders();
        std::shared_ptr<const PlaceResolver> resolver; // loaded once, if an import needs it
        std::vector<LoadOutcome> out;
        for (const LoadRequest& r : requests) {
            LoadRequest::Kind kind = r.kind;
            if (kind == LoadRequest::Kind::Auto) {
                const auto identity = identifySource(r.path);
                kind = identity && identity.value().kind != SourceKind::Layers
                           ? LoadRequest::Kind::Incidents
                           : LoadRequest::Kind::Vector;
            }
            if (kind == LoadRequest::Kind::Vector) {
                out.push_back({r, readers.read(r.path), std::nullopt});
                continue;
            }
            if (!resolver)
                resolver = bundledPlaceResolver(); // as `borderlens-cli import` and `export` do
            out.push_back({r, LayerList{}, importIncidents(r.path, IncidentFormat::Auto,
                                                           resolver.get())});
        }
        return out;
    }));
}

} // namespace borderlens
