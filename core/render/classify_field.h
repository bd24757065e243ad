#pragma once

#include "layer/attribute_table.h"
#include "render/layer_style.h"

#include <vector>

namespace borderlens {

// Builds a style's categories or ranges from a layer's attributes, as QGIS's Classify button
// does.

// The text a categorised style matches a value by: the value as text, empty when it has none.
// Building categories and sorting features both go through it, so they always agree.
QString categoryKey(const QVariant& value);

// Whether a field holds numbers (what a graduated style can classify).
bool isNumericField(const Field& field);
// The numbers in `field`, leaving out features without one.
std::vector<double> numericValues(const AttributeTable& attributes, int field);

// Colour i of a qualitative palette (Tableau 10, then hues a golden angle apart), with `alpha`.
QColor qualitativeColour(int i, int alpha = 255);
// The colour a fraction t (0..1) of the way from `from` to `to`, alpha included.
QColor rampColour(const QColor& from, const QColor& to, double t);

// One category per distinct value of `field`, sorted (numbers by value, text alphabetically,
// features without a value last), coloured from the qualitative palette with `alpha`. When
// there are more than `maxCategories` values, the most frequent are listed and the rest share
// one "Other values" category.
std::vector<StyleCategory> categoriesFor(const AttributeTable& attributes, int field,
                                         int alpha = 255, int maxCategories = 50);

// Ranges over numeric `field` by `method` in (at most) `classes` classes, coloured along the
// ramp `from` → `to`, labelled "lower – upper" to the precision their widths need.
std::vector<StyleRange> rangesFor(const AttributeTable& attributes, int field,
                                  ClassificationMethod method, int classes, const QColor& from,
                                  const QColor& to);

} // namespace borderlens
