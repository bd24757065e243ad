#include "geo/crs.h"

#include "geo/proj_handles.h"

#include <QRegularExpression>

namespace borderlens {

Crs::Crs(QString definition, QString name)
    : m_definition(std::move(definition)), m_name(std::move(name)) {}

Crs Crs::fromUserString(const QString& text) {
    QString t = text.simplified().remove(QLatin1Char(' ')).toUpper();
    static const QRegularExpression code(QStringLiteral("^(?:EPSG:)?(\\d{4,6})$"));
    const auto m = code.match(t);
    if (!m.hasMatch())
        return {};
    return Crs(QStringLiteral("EPSG:") + m.captured(1));
}

QString Crs::displayName() const {
    if (!m_name.isEmpty())
        return m_name;
    if (m_definition.size() <= 24)
        return m_definition;
    ProjPtr pj(proj_create(threadContext(), m_definition.toUtf8().constData()));
    if (pj) {
        if (const char* n = proj_get_name(pj.get()))
            return QString::fromUtf8(n);
    }
    return QStringLiteral("custom CRS");
}

bool Crs::isGeographic() const {
    if (m_definition == QLatin1String("EPSG:4326"))
        return true;
    ProjPtr pj(proj_create(threadContext(), m_definition.toUtf8().constData()));
    if (!pj)
        return false;
    const PJ_TYPE type = proj_get_type(pj.get());
    return type == PJ_TYPE_GEOGRAPHIC_2D_CRS || type == PJ_TYPE_GEOGRAPHIC_3D_CRS;
}

} // namespace borderlens
