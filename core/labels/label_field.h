#pragma once

#include <QString>
#include <QStringList>

namespace borderlens {

// The field that most likely holds a feature's name, by the names boundary and gazetteer
// datasets give it (geoBoundaries shapeName, GADM NAME_2, OCHA ADM2_EN, OSM name...), so a
// district layer is labelled before the user picks a field. -1 when none looks like one.
int guessLabelField(const QStringList& fieldNames);

} // namespace borderlens
