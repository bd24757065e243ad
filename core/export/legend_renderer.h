#pragma once

#include "map/legend_entry.h"
#include "map/map_layer.h"
#include "time/time_range.h"

#include <QPainter>
#include <memory>
#include <vector>

namespace borderlens {

// The briefing legend: the visible layers' legend entries for the time window, the topmost layer
// first, each swatch drawn as the map draws it, with counts ("Armed clash / infiltration (3)").
class LegendRenderer {
public:
    struct Row {
        LegendEntry entry;
        bool groupStart = false; // a gap above: the first row of a layer
        bool note = false;       // a remark in italics ("none in this window"), no swatch
    };

    // `layers` bottom first, as in MapSettings; the legend lists them top first.
    LegendRenderer(const std::vector<std::shared_ptr<const MapLayer>>& layers,
                   const LegendContext& context);
    explicit LegendRenderer(std::vector<Row> rows) : m_rows(std::move(rows)) {}

    const std::vector<Row>& rows() const { return m_rows; }
    // "Armed clash / infiltration (3)", "Incidents (0)".
    static QString rowText(const Row& row);

    // The height the whole legend needs in a column `width` wide at `pt` points. Measured with
    // device-independent metrics (fonts are sized in pixels), so a layout computed before
    // painting matches what each output draws.
    double heightFor(double width, double dpi, double pt) const;
    // Draws the rows that fit in `area`; when some do not, the last line says how many are left
    // out. Returns the number of rows drawn.
    int draw(QPainter& painter, const QRectF& area, double dpi, double pt) const;

private:
    std::vector<Row> m_rows;
};

} // namespace borderlens
