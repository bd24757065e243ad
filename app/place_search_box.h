#pragma once

#include "gazetteer/place_search.h"
#include "map/map_layer.h"

#include <QLineEdit>

#include <functional>
#include <memory>
#include <vector>

class QCompleter;
class QStandardItemModel;

namespace borderlens {

// The toolbar's find-a-place box (Ctrl+F): completes from the gazetteer and the loaded layers'
// names as the user types, and takes coordinates too (parseCoordinate). Choosing an answer
// emits chosen(); the window centres the map and says what the place is.
class PlaceSearchBox : public QLineEdit {
    Q_OBJECT
public:
    using LayersFn = std::function<std::vector<std::shared_ptr<const MapLayer>>()>;
    PlaceSearchBox(std::shared_ptr<const PlaceSearch> search, LayersFn layers,
                   QWidget* parent = nullptr);

    // The answers for `text`, as the completer lists them (for tests and Return).
    std::vector<PlaceHit> answers(const QString& text) const;

signals:
    void chosen(const borderlens::PlaceHit& hit);

private:
    void refresh(const QString& text);
    void choose(int row);

    std::shared_ptr<const PlaceSearch> m_search;
    LayersFn m_layers;
    QCompleter* m_completer;
    QStandardItemModel* m_model;
    std::vector<PlaceHit> m_hits; // what the model lists, row by row
};

} // namespace borderlens
