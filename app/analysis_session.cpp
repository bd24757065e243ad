#include "analysis_session.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace borderlens {
namespace {

// Runs `work` on the thread pool and `done` with its result on this object's thread (the
// GUI's), unless the object is gone by then.
template <typename Work, typename Done>
void onWorker(QObject* owner, Work work, Done done) {
    using Result = decltype(work());
    auto* watcher = new QFutureWatcher<Result>(owner);
    QObject::connect(watcher, &QFutureWatcher<Result>::finished, owner, [watcher, done] {
        done(watcher->result());
        watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run(std::move(work)));
}

} // namespace

AnalysisSession::AnalysisSession(QObject* parent) : QObject(parent) { rebuildInputs(); }

AnalysisSession::~AnalysisSession() = default;

void AnalysisSession::setDistricts(std::shared_ptr<const VectorLayer> districts) {
    if (districts == m_districtLayer)
        return;
    m_districtLayer = std::move(districts);
    rebuildInputs();
}

void AnalysisSession::setFacilities(std::shared_ptr<const FacilityStore> facilities) {
    if (facilities == m_facilities)
        return;
    m_facilities = std::move(facilities);
    rebuildInputs();
}

void AnalysisSession::rebuildInputs() {
    const quint64 generation = ++m_inputsGeneration;
    adjustPending(+1);
    onWorker(
        this,
        [districts = m_districtLayer, facilities = m_facilities] {
            return bundledAnalysisInputs(districts, {}, facilities);
        },
        [this, generation](const Result<AnalysisInputs>& inputs) {
            adjustPending(-1);
            if (generation != m_inputsGeneration)
                return; // the districts or outposts changed again meanwhile
            if (!inputs) {
                m_inputError = inputs.error().toString();
                m_inputs.reset();
            } else {
                m_inputError.clear();
                m_inputs = std::make_shared<const AnalysisInputs>(inputs.value());
            }
            QStringList names;
            if (m_inputs && m_inputs->areas)
                names = m_inputs->areas->districts().names();
            names << DerivedFacts::noDistrictName() << DerivedFacts::provinceLevelName();
            m_districtNames = names;
            emit districtNamesChanged(m_districtNames);
            // Facts depend on the districts and outposts: derive them again for every layer.
            for (auto& [id, source] : m_sources)
                source.facts.reset();
            for (const auto& [id, source] : std::map(m_sources))
                refresh(id);
        });
}

void AnalysisSession::setSource(const QString& layerId, std::shared_ptr<const IncidentStore> store) {
    Source& s = m_sources[layerId];
    s.store = std::move(store);
    s.facts.reset();
    // Until the facts are derived the layer shows what it loaded, unfiltered, rather than
    // nothing; with a filter set this lasts the second the facts take.
    s.shown = FilteredIncidents{s.store, nullptr, {}, false};
    refresh(layerId);
}

void AnalysisSession::removeSource(const QString& layerId) { m_sources.erase(layerId); }

void AnalysisSession::setFilter(const IncidentFilter& filter) {
    if (filter == m_filter)
        return;
    m_filter = filter;
    for (const auto& [id, source] : std::map(m_sources))
        refresh(id);
}

const FilteredIncidents* AnalysisSession::shown(const QString& layerId) const {
    const auto it = m_sources.find(layerId);
    return it == m_sources.end() ? nullptr : &it->second.shown;
}

std::shared_ptr<const IncidentStore> AnalysisSession::source(const QString& layerId) const {
    const auto it = m_sources.find(layerId);
    return it == m_sources.end() ? nullptr : it->second.store;
}

std::vector<QString> AnalysisSession::layerIds() const {
    std::vector<QString> ids;
    for (const auto& [id, source] : m_sources)
        ids.push_back(id);
    return ids;
}

void AnalysisSession::refresh(const QString& layerId) {
    const auto it = m_sources.find(layerId);
    if (it == m_sources.end() || !it->second.store)
        return;
    Source& s = it->second;
    const quint64 generation = m_nextGeneration++;
    s.generation = generation;
    if (!m_inputs) {
        // The inputs are still being read (or could not be): facts wait for them, but a
        // filter that needs none applies now.
        if (m_filter.needsDerivedFacts())
            return;
    }
    adjustPending(+1);
    onWorker(
        this,
        [store = s.store, facts = s.facts, inputs = m_inputs, filter = m_filter] {
            std::shared_ptr<const DerivedFacts> derived = facts;
            if (!derived && inputs)
                derived = deriveFacts(*store, *inputs);
            return std::pair{derived, filterIncidents(store, derived, filter)};
        },
        [this, layerId, generation, store = s.store, inputs = m_inputs](
            const std::pair<std::shared_ptr<const DerivedFacts>, FilteredIncidents>& done) {
            adjustPending(-1);
            const auto now = m_sources.find(layerId);
            if (now == m_sources.end())
                return; // removed meanwhile
            // Facts depend on the store and the inputs only: keep them even when the filter
            // changed meanwhile, so the next refresh does not derive them again.
            if (!now->second.facts && now->second.store == store && m_inputs == inputs)
                now->second.facts = done.first;
            if (now->second.generation != generation)
                return; // asked again meanwhile: that answer is the one to show
            now->second.facts = done.first;
            now->second.shown = done.second;
            emit shownChanged(layerId);
        });
}

void AnalysisSession::adjustPending(int delta) {
    const bool was = busy();
    m_pending += delta;
    if (busy() != was)
        emit busyChanged(busy());
}

} // namespace borderlens
