#pragma once

#include "analysis/derived_facts.h"
#include "analysis/incident_filter.h"

#include <QObject>
#include <QString>

#include <map>
#include <memory>

namespace borderlens {

// The analysis state of a viewer session: for every incident layer, its incidents as loaded
// (the source), the facts derived from them (district, province, bank, border distance,
// nearest outpost), and what the session's one filter leaves of them. The main window shows the
// filtered store in the layer, and so in the map, table, histogram, legend, charts and exports,
// as QGIS shows a layer through its subset string.
//
// Facts take about a second for a million incidents, and filtering a few hundred
// milliseconds: both run on a worker thread. Results come back through shownChanged() in the
// order asked; a result for a source or inputs replaced since is dropped.
class AnalysisSession : public QObject {
    Q_OBJECT
public:
    explicit AnalysisSession(QObject* parent = nullptr);
    ~AnalysisSession() override;

    // The district layer incidents are attributed to (null: the bundled schematic districts),
    // and the outposts their nearest one is taken from. Facts are derived again for every source.
    void setDistricts(std::shared_ptr<const VectorLayer> districts);
    void setFacilities(std::shared_ptr<const FacilityStore> facilities);
    // A layer's incidents as loaded (again, after an edit or a reload).
    void setSource(const QString& layerId, std::shared_ptr<const IncidentStore> store);
    void removeSource(const QString& layerId);
    void setFilter(const IncidentFilter& filter);
    const IncidentFilter& filter() const { return m_filter; }

    // What layer `layerId` should show: the store (filtered or its source) and its facts (null
    // until derived). Null for an unknown layer.
    const FilteredIncidents* shown(const QString& layerId) const;
    // The layer's incidents as loaded (null for an unknown layer).
    std::shared_ptr<const IncidentStore> source(const QString& layerId) const;
    // The layers it knows.
    std::vector<QString> layerIds() const;
    // Whether facts or filters are being computed.
    bool busy() const { return m_pending > 0; }
    // The district names of the active district layer (empty until inputs are read).
    const QStringList& districtNames() const { return m_districtNames; }
    // Why the analysis inputs could not be read (empty when they were).
    const QString& inputError() const { return m_inputError; }

signals:
    // Layer `layerId` now shows shown(layerId).
    void shownChanged(const QString& layerId);
    void busyChanged(bool busy);
    void districtNamesChanged(const QStringList& names);

private:
    struct Source {
        std::shared_ptr<const IncidentStore> store;
        std::shared_ptr<const DerivedFacts> facts;
        FilteredIncidents shown;
        quint64 generation = 0; // of the latest request for this source
    };
    void rebuildInputs();
    // Derives facts (if the inputs are ready and facts are missing) and filters, on a worker.
    void refresh(const QString& layerId);
    void adjustPending(int delta);

    std::map<QString, Source> m_sources;
    std::shared_ptr<const VectorLayer> m_districtLayer;
    std::shared_ptr<const FacilityStore> m_facilities;
    std::shared_ptr<const AnalysisInputs> m_inputs;
    quint64 m_inputsGeneration = 0;
    quint64 m_nextGeneration = 1;
    IncidentFilter m_filter;
    QStringList m_districtNames;
    QString m_inputError;
    int m_pending = 0;
};

} // namespace borderlens
