// The importer against golden dumps: every fixture in tests/data/import/ (and the bundled samples)
// is imported and written out field by field in store order, and the text must equal the
// committed tests/data/import/golden/<fixture>.txt. The dumps were made by the row-based importer
// that the columnar one replaced, so they pin today's behaviour: which rows load, every value
// they load with, and which rows are rejected, at which line and why.
//
// To accept a deliberate change, run with BORDERLENS_UPDATE_GOLDEN=1 and review the diff.
#include "data/bundled_layers.h"
#include "data/data_paths.h"
#include "incidents/import/incident_importer.h"
#include "incidents/incident_store.h"

#include <QDir>
#include <QFile>
#include <QTextStream>

#include <gtest/gtest.h>

using namespace borderlens;

namespace {

QString goldenDir() { return QStringLiteral(BORDERLENS_TEST_DATA_DIR "/import/golden"); }

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

// The report as text: counts, rejected rows, then the incidents in store order.
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
        t << "rejected " << row.line << ": " << row.reason << "\n";
    const IncidentStore store(r.incidents);
    for (std::size_t i = 0; i < store.size(); ++i)
        t << dumpIncident(store.at(i));
    for (const Facility& f : r.facilities)
        t << dumpFacility(f);
    return s;
}

void check(const QString& name, const QString& path) {
    const QString actual = dump(importIncidents(path));
    const QString goldenPath = goldenDir() + QLatin1Char('/') + name + QStringLiteral(".txt");
    if (qEnvironmentVariableIsSet("BORDERLENS_UPDATE_GOLDEN")) {
        QFile out(goldenPath);
        ASSERT_TRUE(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        out.write(actual.toUtf8());
        return;
    }
    QFile in(goldenPath);
    ASSERT_TRUE(in.open(QIODevice::ReadOnly)) << goldenPath.toStdString() << " is missing";
    const QString expected = QString::fromUtf8(in.readAll());
    EXPECT_EQ(actual.toStdString(), expected.toStdString()) << "fixture " << name.toStdString();
}

class ImportGolden : public ::testing::TestWithParam<const char*> {};

TEST_P(ImportGolden, MatchesTheDumpOfTheRowImporter) {
    const QString file = QString::fromLatin1(GetParam());
    check(file, QStringLiteral(BORDERLENS_TEST_DATA_DIR "/import/") + file);
}

INSTANTIATE_TEST_SUITE_P(
    Fixtures, ImportGolden,
    ::testing::Values("acled_mixed.csv", "acled_long_dates.csv", "ucdp_ged.csv",
                      "native_ten_with_bad_rows.csv", "native_crlf_bom_quoted.csv",
                      "native_partial_dates.csv", "native_broken_quote.csv",
                      "native_text_after_quote.csv", "native_field_counts_and_duplicates.csv",
                      "native_incidents.geojson"),
    [](const ::testing::TestParamInfo<const char*>& param) {
        std::string n = param.param;
        for (char& c : n)
            if (!std::isalnum(static_cast<unsigned char>(c)))
                c = '_';
        return n;
    });

TEST(ImportGoldenBundled, SampleIncidentsAndOutposts) {
    for (const QString& file : {bundledIncidentsFile(), bundledFacilitiesFile()})
        check(file, bundledGeodataDir() + QLatin1Char('/') + file);
}

} // namespace
