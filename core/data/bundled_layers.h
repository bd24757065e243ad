#pragma once

#include "render/layer_style.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace borderlens {

// A base layer the viewer opens at start, bottom first, with its cartographic style.
struct BundledLayer {
    QString fileName; // relative to bundledGeodataDir()
    QString title;    // the name shown in the layer panel and legend
    LayerStyle style;
    QStringList attributions; // what the viewer and every export must credit (geodata/SOURCES.md)
};

std::vector<BundledLayer> bundledBaseLayers();
// The schematic districts among them, which official boundaries replace.
inline const QString kSchematicDistrictsFile = QStringLiteral("districts_schematic.shp");
// Official district boundaries (geoBoundaries, OCHA COD-AB, GADM), in the viewer and the CLI:
// a thin solid grey line, no fill, so incidents and the base map show through.
LayerStyle officialDistrictsStyle();

// The bundled sample data: incidents and facilities extracted from the source articles.
QString bundledIncidentsFile();  // geodata/sample_incidents.csv
QString bundledFacilitiesFile(); // geodata/sample_outposts.csv

} // namespace borderlens
