#include "layer_loader.h"

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
        std::vector<LoadOutcome> out;
        for (const LoadRequest& r : requests)
            out.push_back({r, readers.read(r.path)});
        return out;
    }));
}

} // namespace borderlens
