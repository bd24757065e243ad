// borderlens-cli synth: reproducible synthetic incidents that the importer takes without a
// rejected row, with the precision mix and geography the generator promises.
#include "incidents/import/incident_importer.h"
#include "support/store_access.h"
#include "incidents/synthetic/border_geography.h"
#include "support/cli_runner.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <gtest/gtest.h>
#include <map>

using namespace borderlens;
using namespace borderlens::test;

namespace {

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

CliRun synth(const QString& out, const QString& format, int count, const QString& seed,
             const QStringList& extra = {}, const QMap<QString, QString>& env = {}) {
    return runCli(QStringList{QStringLiteral("synth"), QStringLiteral("--out"), out,
                              QStringLiteral("--count"), QString::number(count),
                              QStringLiteral("--seed"), seed, QStringLiteral("--format"), format} +
                      extra,
                  env);
}

const QStringList kFormats = {QStringLiteral("native"), QStringLiteral("acled"),
                              QStringLiteral("ucdp")};

TEST(SynthCli, SameSeedSameBytesWhateverTheLocale) {
    QTemporaryDir dir;
    for (const QString& format : kFormats) {
        const QString a = dir.filePath(format + QStringLiteral("_a.csv"));
        const QString b = dir.filePath(format + QStringLiteral("_b.csv"));
        const CliRun ra = synth(a, format, 3000, QStringLiteral("20251224"));
        ASSERT_EQ(ra.exitCode, 0) << ra.err.toStdString();
        EXPECT_TRUE(ra.out.contains(QStringLiteral("rows:   3000"))) << ra.out.toStdString();
        // The runner's de_DE locale for one, C for the other: decimal points either way.
        const CliRun rb = synth(b, format, 3000, QStringLiteral("20251224"), {},
                                {{QStringLiteral("LC_ALL"), QStringLiteral("C")},
                                 {QStringLiteral("LANG"), QStringLiteral("C")}});
        ASSERT_EQ(rb.exitCode, 0) << rb.err.toStdString();
        const QByteArray bytesA = readAll(a);
        EXPECT_GT(bytesA.size(), 3000 * 40) << format.toStdString();
        EXPECT_EQ(bytesA, readAll(b)) << format.toStdString();
        // Latitudes as 37.84137 (37.8414 in ACLED), never 37,84137.
        const QString text = QString::fromUtf8(bytesA);
        EXPECT_TRUE(text.contains(QRegularExpression(QStringLiteral(",3[6-9]\\.\\d{4,5},"))));
        EXPECT_FALSE(text.contains(QRegularExpression(QStringLiteral("\"3[6-9],\\d{4,5}\""))));
    }
}

TEST(SynthCli, RowsDependOnTheSeedNotOnTheCount) {
    QTemporaryDir dir;
    const QString a = dir.filePath(QStringLiteral("a.csv"));
    const QString b = dir.filePath(QStringLiteral("b.csv"));
    const QString c = dir.filePath(QStringLiteral("c.csv"));
    ASSERT_EQ(synth(a, QStringLiteral("native"), 500, QStringLiteral("1")).exitCode, 0);
    ASSERT_EQ(synth(b, QStringLiteral("native"), 500, QStringLiteral("2")).exitCode, 0);
    ASSERT_EQ(synth(c, QStringLiteral("native"), 200, QStringLiteral("1")).exitCode, 0);
    const QByteArray bytesA = readAll(a), bytesB = readAll(b), bytesC = readAll(c);
    EXPECT_NE(bytesA, bytesB);
    const QList<QByteArray> linesA = bytesA.split('\n'), linesB = bytesB.split('\n');
    int same = 0;
    for (int i = 1; i < 500; ++i)
        same += linesA[i] == linesB[i];
    EXPECT_LT(same, 5) << "another seed gives other rows, not a shifted copy";
    // Row i is drawn from (seed, i) alone: fewer rows are a prefix of more.
    EXPECT_TRUE(bytesA.startsWith(bytesC));
}

// The importer takes every row of every format: the expected count and nothing rejected.
TEST(SynthCli, EveryFormatImportsWithoutRejectedRows) {
    QTemporaryDir dir;
    const std::pair<QString, QStringList> runs[] = {
        {QStringLiteral("native"), {}},
        {QStringLiteral("native"), {QStringLiteral("--all-columns")}},
        {QStringLiteral("acled"), {}},
        {QStringLiteral("acled"), {QStringLiteral("--acled-dates"), QStringLiteral("long")}},
        {QStringLiteral("ucdp"), {}}};
    int n = 0;
    for (const auto& [format, extra] : runs) {
        const QString csv = dir.filePath(QStringLiteral("in%1.csv").arg(++n));
        const QString gpkg = dir.filePath(QStringLiteral("out%1.gpkg").arg(n));
        const CliRun made = synth(csv, format, 4000, QStringLiteral("7"), extra);
        ASSERT_EQ(made.exitCode, 0) << made.err.toStdString();
        const CliRun imported =
            runCli({QStringLiteral("import"), csv, QStringLiteral("--out"), gpkg});
        const std::string what =
            (format + QLatin1Char(' ') + extra.join(QLatin1Char(' '))).toStdString();
        EXPECT_EQ(imported.exitCode, 0) << what << imported.err.toStdString();
        EXPECT_TRUE(imported.out.contains(QStringLiteral("format:   ") + format)) << what;
        EXPECT_TRUE(imported.out.contains(QStringLiteral("read:     4000"))) << what;
        EXPECT_TRUE(imported.out.contains(QStringLiteral("imported: 4000 (4000 incidents")))
            << what;
        EXPECT_TRUE(imported.out.contains(QStringLiteral("rejected: 0"))) << what;
        EXPECT_TRUE(imported.out.contains(QStringLiteral("0 placed by gazetteer"))) << what;
        EXPECT_TRUE(imported.err.trimmed().isEmpty()) << what << ": " << imported.err.toStdString();
    }
}

struct Mix {
    std::map<DatePrecision, int> dates;
    std::map<GeoPrecision, int> places;
    std::map<IncidentType, int> types;
    int multiDay = 0;
};

Mix mixOf(const std::vector<Incident>& incidents) {
    Mix m;
    for (const Incident& i : incidents) {
        ++m.dates[i.datePrecision];
        ++m.places[i.geoPrecision];
        ++m.types[i.type];
        m.multiDay += i.datePrecision == DatePrecision::Day && i.endDate.has_value();
    }
    return m;
}

double share(int part, std::size_t whole) {
    return 100.0 * part / static_cast<double>(whole);
}

TEST(SynthCli, NativeRowsHaveThePrecisionMixAndStayOnTheirBank) {
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("mix.csv"));
    ASSERT_EQ(synth(csv, QStringLiteral("native"), 20000, QStringLiteral("3")).exitCode, 0);
    auto report = importIncidents(csv);
    ASSERT_TRUE(report) << report.error().toString().toStdString();
    const std::vector<Incident> incidents = test::allIncidents(*report.value().store);
    ASSERT_EQ(incidents.size(), 20000u);
    const Mix m = mixOf(incidents);
    const std::size_t n = incidents.size();
    EXPECT_NEAR(share(m.dates.at(DatePrecision::Day), n), 85.0, 1.5);
    EXPECT_NEAR(share(m.dates.at(DatePrecision::Week), n), 7.0, 1.0);
    EXPECT_NEAR(share(m.dates.at(DatePrecision::Month), n), 6.0, 1.0);
    EXPECT_NEAR(share(m.dates.at(DatePrecision::Year), n), 2.0, 0.6);
    EXPECT_NEAR(100.0 * m.multiDay / m.dates.at(DatePrecision::Day), 5.0, 1.0);
    EXPECT_NEAR(share(m.places.at(GeoPrecision::Exact), n), 70.0, 2.0);
    EXPECT_NEAR(share(m.places.at(GeoPrecision::Near), n), 15.0, 1.5);
    EXPECT_NEAR(share(m.places.at(GeoPrecision::District), n), 10.0, 1.5);
    EXPECT_NEAR(share(m.places.at(GeoPrecision::Region), n), 5.0, 1.0);
    EXPECT_EQ(m.types.size(), kIncidentTypeCount) << "every type of the taxonomy";

    auto geography = BorderGeography::loadBundled();
    ASSERT_TRUE(geography) << geography.error().toString().toStdString();
    const BorderGeography& geo = geography.value();
    const QDate first(2021, 1, 1), last(2025, 12, 31);
    int tajik = 0, killedNone = 0, killedMany = 0;
    std::map<QString, int> byDistrict;
    for (const Incident& i : incidents) {
        ASSERT_TRUE(i.country == QLatin1String("TJ") || i.country == QLatin1String("AF"));
        tajik += i.country == QLatin1String("TJ");
        // On the bank the country names, whatever the precision (seats, province points).
        const auto side = geo.sideAt(i.lon, i.lat);
        ASSERT_TRUE(side.has_value()) << i.id.toStdString();
        EXPECT_EQ(*side == BorderSide::Tajikistan, i.country == QLatin1String("TJ"))
            << i.id.toStdString();
        if (i.geoPrecision == GeoPrecision::Exact || i.geoPrecision == GeoPrecision::Near) {
            EXPECT_LE(geo.distanceKm(i.lon, i.lat), 40.0) << i.id.toStdString();
        }
        const TimeRange span = i.span();
        EXPECT_GE(span.begin, first.toJulianDay()) << i.id.toStdString();
        EXPECT_LE(span.end, last.toJulianDay() + 1) << i.id.toStdString();
        killedNone += i.killed.best.value_or(-1) == 0;
        killedMany += i.killed.best.value_or(0) >= 5;
        if (i.country == QLatin1String("TJ") && !i.district.isEmpty())
            ++byDistrict[i.district];
    }
    EXPECT_NEAR(share(tajik, n), 50.0, 10.0) << "both banks";
    EXPECT_GT(share(killedNone, n), 70.0) << "mostly no deaths";
    EXPECT_GT(killedMany, 50) << "but a long tail";
    // Hot spots: Shamsiddin Shohin and Darvoz far busier than a quiet district such as Qubodiyon.
    EXPECT_GT(byDistrict[QStringLiteral("Shamsiddin Shohin")],
              4 * byDistrict[QStringLiteral("Qubodiyon")]);
    EXPECT_GT(byDistrict[QStringLiteral("Darvoz")], 4 * byDistrict[QStringLiteral("Qubodiyon")]);
}

// The same seed gives the same incidents in every format, so ACLED's mapping can be checked
// against the native rows: types (ACLED has no crossing, filed as a statement), dates and places.
TEST(SynthCli, AcledAndUcdpCarryTheSameIncidentsAsNative) {
    QTemporaryDir dir;
    const QString native = dir.filePath(QStringLiteral("n.csv"));
    const QString acled = dir.filePath(QStringLiteral("a.csv"));
    const QString ucdp = dir.filePath(QStringLiteral("u.csv"));
    ASSERT_EQ(synth(native, QStringLiteral("native"), 3000, QStringLiteral("11")).exitCode, 0);
    ASSERT_EQ(synth(acled, QStringLiteral("acled"), 3000, QStringLiteral("11")).exitCode, 0);
    ASSERT_EQ(synth(ucdp, QStringLiteral("ucdp"), 3000, QStringLiteral("11")).exitCode, 0);
    auto n = importIncidents(native);
    auto a = importIncidents(acled);
    auto u = importIncidents(ucdp);
    ASSERT_TRUE(n && a && u);
    ASSERT_EQ(n.value().store->size(), 3000u);
    ASSERT_EQ(a.value().store->size(), 3000u);
    ASSERT_EQ(u.value().store->size(), 3000u);
    // Row k is S<k> in native, AFG<k> or TJK<k> in ACLED, UCDP-<499999 + k> in UCDP.
    auto byId = [](const ImportReport& r, const QString& id) -> std::optional<Incident> {
        const int i = r.store->indexOf(id);
        return i >= 0 ? std::optional(r.store->incident(std::size_t(i))) : std::nullopt;
    };
    for (int k = 1; k <= 3000; ++k) {
        const auto nFound = byId(n.value(), QStringLiteral("S%1").arg(k));
        auto aFound = byId(a.value(), QStringLiteral("AFG%1").arg(k));
        if (!aFound)
            aFound = byId(a.value(), QStringLiteral("TJK%1").arg(k));
        const auto uFound = byId(u.value(), QStringLiteral("UCDP-%1").arg(499999 + k));
        ASSERT_TRUE(nFound && aFound && uFound) << "row " << k;
        const Incident& ni = *nFound;
        const Incident& ai = *aFound;
        const Incident& ui = *uFound;
        const std::string id = ni.id.toStdString();
        const IncidentType expected =
            ni.type == IncidentType::Crossing ? IncidentType::Statement : ni.type;
        EXPECT_EQ(ai.type, expected) << id << " " << ai.summary.toStdString();
        EXPECT_EQ(ai.geoPrecision, ni.geoPrecision) << id;
        EXPECT_EQ(ai.country, ni.country) << id;
        EXPECT_NEAR(ai.lon, ni.lon, 1e-4) << id;
        EXPECT_NEAR(ai.lat, ni.lat, 1e-4) << id;
        if (ni.datePrecision == DatePrecision::Year) {
            EXPECT_EQ(ai.datePrecision, DatePrecision::Month) << id; // ACLED has no year
        } else {
            EXPECT_EQ(ai.datePrecision, ni.datePrecision) << id;
            EXPECT_EQ(ai.startDate, ni.startDate) << id;
        }
        EXPECT_EQ(ai.killed.best, ni.killed.best) << id;
        // UCDP: the same places and spans; only violent types, at least one death.
        EXPECT_TRUE(ui.type == IncidentType::ArmedClash ||
                    ui.type == IncidentType::AttackOnCivilians)
            << id;
        EXPECT_EQ(ui.geoPrecision, ni.geoPrecision) << id;
        EXPECT_EQ(ui.datePrecision, ni.datePrecision) << id;
        EXPECT_EQ(ui.span(), ni.span()) << id;
        EXPECT_NEAR(ui.lon, ni.lon, 1e-5) << id;
        EXPECT_GE(ui.killed.best.value_or(0), 1) << id;
        EXPECT_LE(ui.killed.low.value_or(0), ui.killed.best.value_or(0)) << id;
        EXPECT_GE(ui.killed.high.value_or(0), ui.killed.best.value_or(0)) << id;
    }
}

TEST(SynthCli, BadArgumentsExitTwoWithAMessage) {
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("x.csv"));
    const std::pair<QStringList, QString> cases[] = {
        {{QStringLiteral("synth")}, QStringLiteral("--out FILE is required")},
        {{QStringLiteral("synth"), QStringLiteral("--count"), QStringLiteral("ten"),
          QStringLiteral("--out"), out},
         QStringLiteral("--count must be a whole number")},
        {{QStringLiteral("synth"), QStringLiteral("--count"), QStringLiteral("-5"),
          QStringLiteral("--out"), out},
         QStringLiteral("--count must be a whole number")},
        {{QStringLiteral("synth"), QStringLiteral("--seed"), QStringLiteral("1.5"),
          QStringLiteral("--out"), out},
         QStringLiteral("--seed must be a whole number")},
        {{QStringLiteral("synth"), QStringLiteral("--format"), QStringLiteral("kml"),
          QStringLiteral("--out"), out},
         QStringLiteral("unknown format 'kml'")},
        {{QStringLiteral("synth"), QStringLiteral("--acled-dates"), QStringLiteral("long"),
          QStringLiteral("--out"), out},
         QStringLiteral("--acled-dates applies to --format acled only")},
        {{QStringLiteral("synth"), QStringLiteral("--format"), QStringLiteral("acled"),
          QStringLiteral("--acled-dates"), QStringLiteral("short"), QStringLiteral("--out"), out},
         QStringLiteral("--acled-dates is iso or long")},
        {{QStringLiteral("synth"), QStringLiteral("--out"), out, QStringLiteral("--colour")},
         QStringLiteral("unknown option --colour")},
        {{QStringLiteral("synth"), QStringLiteral("--out")}, QStringLiteral("--out needs a value")},
    };
    for (const auto& [args, message] : cases) {
        const CliRun r = runCli(args);
        EXPECT_EQ(r.exitCode, 2) << args.join(QLatin1Char(' ')).toStdString();
        EXPECT_TRUE(r.err.contains(message))
            << args.join(QLatin1Char(' ')).toStdString() << ": " << r.err.toStdString();
        EXPECT_TRUE(r.err.contains(QStringLiteral("usage: borderlens-cli synth")));
    }
    EXPECT_FALSE(QFileInfo::exists(out));
    const CliRun help = runCli({QStringLiteral("synth"), QStringLiteral("--help")});
    EXPECT_EQ(help.exitCode, 0);
    EXPECT_TRUE(help.out.contains(QStringLiteral("--format")));
    EXPECT_TRUE(runCli({QStringLiteral("--help")}).out.contains(QStringLiteral("synth --out")));
}

TEST(SynthCli, AnUnwritablePlaceExitsOneNamingItAndLeavesNothing) {
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("no/such/dir/x.csv"));
    const CliRun r = synth(out, QStringLiteral("native"), 10, QStringLiteral("1"));
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(out)) << r.err.toStdString();
    EXPECT_FALSE(QFileInfo::exists(out));
    // An existing file is replaced whole, never appended to.
    const QString existing = dir.filePath(QStringLiteral("old.csv"));
    QFile f(existing);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("stale\n");
    f.close();
    ASSERT_EQ(synth(existing, QStringLiteral("native"), 3, QStringLiteral("1")).exitCode, 0);
    const QByteArray bytes = readAll(existing);
    EXPECT_TRUE(bytes.startsWith("id,start_date,end_date,date_precision,type,"));
    EXPECT_EQ(bytes.count('\n'), 4);
}

} // namespace
