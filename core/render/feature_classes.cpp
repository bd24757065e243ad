#include "render/feature_classes.h"

#include "render/classify_field.h"

#include <QHash>

#include <algorithm>

namespace borderlens {

FeatureClasses::FeatureClasses(const LayerStyle& style, const AttributeTable& attributes)
    : m_classOf(attributes.rowCount(), kNone) {
    const int field = style.classField;
    if (field < 0 || static_cast<std::size_t>(field) >= attributes.fieldCount())
        return;
    const std::vector<QVariant>& column = attributes.column(static_cast<std::size_t>(field));
    const std::size_t classes = std::min<std::size_t>(style.rendererClasses(), kNone);
    if (style.renderer == RendererKind::Categorised) {
        QHash<QString, std::uint16_t> byValue;
        std::uint16_t other = kNone;
        for (std::size_t k = classes; k-- > 0;) { // the first category with a value wins
            const StyleCategory& c = style.categories[k];
            if (c.other)
                other = static_cast<std::uint16_t>(k);
            else
                byValue.insert(c.value, static_cast<std::uint16_t>(k));
        }
        for (std::size_t f = 0; f < column.size(); ++f)
            m_classOf[f] = byValue.value(categoryKey(column[f]), other);
    } else if (style.renderer == RendererKind::Graduated) {
        for (std::size_t f = 0; f < column.size(); ++f) {
            bool ok = false;
            const double v = column[f].isNull() ? 0.0 : column[f].toDouble(&ok);
            if (!ok)
                continue;
            for (std::size_t k = 0; k < classes; ++k) {
                const StyleRange& r = style.ranges[k];
                if (r.lower <= v && v <= r.upper) {
                    m_classOf[f] = static_cast<std::uint16_t>(k);
                    break;
                }
            }
        }
    }
}

} // namespace borderlens
