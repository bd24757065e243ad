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

    // The height the whole legend needs in an area `width` wide at `pt` points, its rows set in
    // `columns` columns of equal width (kColumnGapMm apart) and balanced in height. Measured with
    // device-independent metrics (fonts are sized in pixels), so a layout computed before
    // painting matches what each output draws.
    double heightFor(double width, double dpi, double pt, int columns = 1) const;
    // How many rows draw() shows in `area`: all of them when heightFor() fits its height.
    int rowsShown(const QRectF& area, double dpi, double pt, int columns = 1) const;
    // Draws the rows that fit in `area`; when some do not, the last line of the last column says
    // how many are left out. Returns the number of rows drawn.
    int draw(QPainter& painter, const QRectF& area, double dpi, double pt, int columns = 1) const;

    static constexpr double kColumnGapMm = 4.0;
    // The width of one of `columns` columns in an area `width` wide.
    static double columnWidth(double width, double dpi, int columns);

private:
    // Where each row goes: its column and top, and where the "… n more" line goes if any.
    struct Placed {
        std::size_t row;
        int column;
        double y; // from the area's top
        double height;
    };
    struct Plan {
        std::vector<Placed> placed;
        int column = 0;    // of the "… n more" line
        double moreY = -1; // its top from the area's top; < 0: every row is shown
        double height = 0; // of the tallest column
    };
    // Balanced columns when the whole legend fits `height` (infinity: always), else columns
    // filled in turn with the last one ending in "… n more".
    Plan plan(double width, double height, double dpi, double pt, int columns) const;
    // The rows [begin, end) stacked in one column: their tops and heights, and the total.
    double stack(std::size_t begin, std::size_t end, double width, double dpi, double pt,
                 std::vector<double>* tops) const;

    std::vector<Row> m_rows;
};

} // namespace borderlens
