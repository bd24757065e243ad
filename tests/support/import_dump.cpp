#include "support/import_dump.h"

#include <QDir>
#include <QTextStream>

namespace borderlens::test {

namespace {

QString optInt(const std::optional<int>& v) { return v ? QString::number(*v) : QStringLiteral("-"); }

QString dumpIncident(const Incident& i) {
    QString s;
    QTextStream t(&s);
    t << "incident " << i.id << "\n";
    t << "  start " << i.startDate.toString(Qt::ISODate) << " end "
      << (i.endDate ? i.endDate->toString(Qt::ISODate) : QStringLiteral("-")) << " precision "
      << toString(i.datePrecision) << " span " << i.span().begin << ".." << i.span().end << "\n";
    t << "  type " << toKey(i.type) << " place '" << i.place << "' at "
      << QString::number(i.lon, 'g', 17) << " " << QString::number(i.lat, 'g', 17) << " "
      << toString(i.geoPrecision) << "\n";
    t << "  country '" << i.country << "' province '" << i.province << "' district '"
      << i.district << "'\n";
    t << "  killed " << optInt(i.killed.low) << "/" << optInt(i.killed.best) << "/"
      << optInt(i.killed.high) << " injured " << optInt(i.injured) << "\n";
    t << "  actors [" << i.actors.join(QStringLiteral("|")) << "]\n";
    t << "  summary '" << i.summary << "'\n";
    for (const SourceRef& src : i.sources)
        t << "  source '" << src.title << "' '" << src.outlet << "' "
          << (src.date.isValid() ? src.date.toString(Qt::ISODate) : QStringLiteral("-")) << " '"
          << src.url << "'\n";
    return s;
}

QString dumpFacility(const Facility& f) {
    QString s;
    QTextStream t(&s);
    t << "facility " << f.id << " '" << f.name << "' " << toKey(f.kind) << " at "
      << QString::number(f.lon, 'g', 17) << " " << QString::number(f.lat, 'g', 17) << " "
      << toString(f.geoPrecision) << "\n";
    t << "  opened " << (f.opened ? f.opened->toString(Qt::ISODate) : QStringLiteral("-")) << " "
      << toString(f.openedPrecision) << " closed "
      << (f.closed ? f.closed->toString(Qt::ISODate) : QStringLiteral("-")) << "\n";
    t << "  country '" << f.country << "' province '" << f.province << "' district '"
      << f.district << "'\n";
    t << "  notes '" << f.notes << "'\n";
    for (const SourceRef& src : f.sources)
        t << "  source '" << src.title << "' '" << src.outlet << "' "
          << (src.date.isValid() ? src.date.toString(Qt::ISODate) : QStringLiteral("-")) << " '"
          << src.url << "'\n";
    return s;
}

} // namespace

QString dump(const Result<ImportReport>& result) {
    if (!result)
        return QStringLiteral("error: ") + result.error().message + QLatin1Char('\n');
    const ImportReport& r = result.value();
    QString s;
    QTextStream t(&s);
    t << "format " << r.format << " rows " << r.rowsRead << " geocoded " << r.geocoded << "\n";
    for (const QString& w : r.warnings)
        t << "warning " << QString(w).replace(QDir::separator(), QLatin1Char('/')) << "\n";
    for (const RejectedRow& row : r.rejected)
        t << "rejected " << r.rowUnit() << ' ' << row.line << ": " << row.reason << "\n";
    for (std::size_t i = 0; i < r.store->size(); ++i)
        t << dumpIncident(r.store->incident(i));
    for (const Facility& f : r.facilities)
        t << dumpFacility(f);
    return s;
}


} // namespace borderlens::test
