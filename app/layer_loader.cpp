#include "layer_loader.h"

#include "incidents/import/bundled_place_resolver.h"
#include "incidents/import/incident_importer.h"
#include "incidents/import/source_kind.h"
#include "io/reader_registry.h"
#include "store/incident_database.h"
#include "store/store_report.h"

#include <QFileInfo>
#include <QFutureWatcher>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

namespace borderlens {

void LayerLoader::load(std::vector<LoadRequest> requests) {
    ++m_pending;
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    m_cancels.push_back(cancel);
    auto* watcher = new QFutureWatcher<std::vector<LoadOutcome>>(this);
    connect(watcher, &QFutureWatcher<std::vector<LoadOutcome>>::finished, this,
            [this, watcher, cancel] {
                --m_pending;
                std::erase(m_cancels, cancel);
                emit batchLoaded(watcher->result());
                watcher->deleteLater();
            });
    // Progress crosses to the GUI thread queued, and only when the percentage moves.
    const QPointer<LayerLoader> self(this);
    auto report = [self](const QString& text, int percent) {
        QMetaObject::invokeMethod(
            self.data(),
            [self, text, percent] {
                if (self)
                    emit self->progress(text, percent);
            },
            Qt::QueuedConnection);
    };
    watcher->setFuture(QtConcurrent::run([requests = std::move(requests), cancel, report] {
        const ReaderRegistry readers = ReaderRegistry::withDefaultReaders();
        std::shared_ptr<const PlaceResolver> resolver; // loaded once, if an import needs it
        std::vector<LoadOutcome> out;
        for (const LoadRequest& r : requests) {
            const QString name = QFileInfo(r.path).fileName();
            if (cancel->load()) {
                LoadOutcome o{r, Error{r.path, QStringLiteral("cancelled")}, std::nullopt};
                o.cancelled = true;
                out.push_back(std::move(o));
                continue;
            }
            if (IncidentDatabase::isConnectionString(r.path)) {
                // A shared store on PostgreSQL: asked for by the user, read through the store.
                report(QObject::tr("Reading %1…").arg(IncidentDatabase::displayLocation(r.path)), -1);
                LoadOutcome o{r, LayerList{}, readStoreReport(r.openWith.isEmpty() ? r.path : r.openWith)};
                out.push_back(std::move(o));
                continue;
            }
            LoadRequest::Kind kind = r.kind;
            if (kind == LoadRequest::Kind::Auto) {
                const auto identity = identifySource(r.path);
                kind = identity && identity.value().kind != SourceKind::Layers
                           ? LoadRequest::Kind::Incidents
                           : LoadRequest::Kind::Vector;
            }
            if (kind == LoadRequest::Kind::Vector) {
                report(QObject::tr("Reading %1…").arg(name), -1);
                LoadOutcome o{r, readers.read(r.path), std::nullopt};
                if (cancel->load()) {
                    o.layers = Error{r.path, QStringLiteral("cancelled")};
                    o.cancelled = true;
                }
                out.push_back(std::move(o));
                continue;
            }
            if (!resolver)
                resolver = bundledPlaceResolver(); // as `borderlens-cli import` and `export` do
            ImportOptions options;
            options.resolver = resolver.get();
            options.cancel = cancel.get();
            int lastPercent = -2;
            options.progress = [&](qint64 done, qint64 total) {
                const int percent = total > 0 ? int(done * 100 / total) : -1;
                if (percent != lastPercent) {
                    lastPercent = percent;
                    report(QObject::tr("Importing %1…").arg(name), percent);
                }
            };
            report(QObject::tr("Importing %1…").arg(name), 0);
            LoadOutcome o{r, LayerList{}, importIncidents(r.path, options)};
            o.cancelled = cancel->load() && !o.import->ok();
            out.push_back(std::move(o));
        }
        return out;
    }));
}

void LayerLoader::cancel() {
    for (const auto& c : m_cancels)
        c->store(true);
}

} // namespace borderlens
