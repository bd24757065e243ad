#include "incidents/import/incident_importer.h"
#include "support/store_access.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace borderlens;

namespace {

QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& content) {
    const QString path = dir.filePath(name);
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(content);
    return path;
}

const QByteArray kAcledHeader =
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"
    "assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,"
    "country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,"
    "notes,fatalities,tags,timestamp\n";

TEST(AcledImport, ExactColumnLayoutWithPrecisionsAndFatalities) {
    QTemporaryDir dir;
    // Written here, in ACLED's 31-column layout: a day-precise clash with 5 dead, a
    // week-precise drone strike on civilians, a month-precise drug arrest, an event coded to a
    // province, and an older export's date format.
    const QByteArray csv =
        kAcledHeader +
        "TJK1001,2025-12-24,2025,1,Political violence,Battles,Armed clash,Military Forces of "
        "Tajikistan (1994-),,Military,Unidentified Armed Group (Afghanistan),,Rebel,12,,762,"
        "Caucasus and Central Asia,Tajikistan,Khatlon,Shamsiddin Shohin,,Shurobod,37.84137,"
        "70.04865,2,Asia-Plus; AKIPress,National,\"Militants crossed the Panj; 3 killed, 2 border "
        "guards killed.\",5,,1735000000\n"
        "TJK1002,2025-11-26,2025,2,Political violence,Explosions/Remote violence,Air/drone strike,"
        "Unidentified Armed Group (Afghanistan),,Rebel,Civilians (China),,Civilians,27,Civilian "
        "targeting,762,Caucasus and Central Asia,Tajikistan,Khatlon,Shamsiddin Shohin,,Shohin SM "
        "camp,37.65,69.95,2,Reuters,International,Drone attack on a mining camp.,3,,1735000001\n"
        "TJK1003,15 March 2022,2022,3,Strategic developments,Strategic developments,Arrests,Police "
        "Forces of Tajikistan (1994-),,State forces,,,,10,,762,Caucasus and Central Asia,"
        "Tajikistan,Khatlon,Panj,,Panj,37.2374,69.0998,1,Khovar,National,Heroin smugglers "
        "arrested with 40 kg of narcotics.,0,,1735000002\n"
        "AFG2001,05-July-2021,2021,1,Political violence,Battles,Non-state actor overtakes "
        "territory,Taliban,,Rebel,Military Forces of Afghanistan (2004-2021),,State,12,,4,Caucasus "
        "and Central Asia,Afghanistan,Badakhshan,,,Badakhshan,36.7347,70.8119,3,Pajhwok,National,"
        "Taliban take districts in Badakhshan.,,,1735000003\n";
    const QString path = writeFile(dir, QStringLiteral("acled.csv"), csv);
    auto r = importIncidents(path);
    ASSERT_TRUE(r) << r.error().toString().toStdString();
    const ImportReport& rep = r.value();
    EXPECT_EQ(rep.format, QStringLiteral("acled"));
    EXPECT_EQ(rep.rowsRead, 4);
    ASSERT_EQ(rep.store->size(), 4u) << (rep.rejected.empty() ? "" : rep.rejected[0].reason.toStdString());

    const Incident clash = test::incidentById(rep, QStringLiteral("TJK1001"));
    EXPECT_EQ(clash.id, QStringLiteral("TJK1001"));
    EXPECT_EQ(clash.startDate, QDate(2025, 12, 24));
    EXPECT_EQ(clash.datePrecision, DatePrecision::Day);
    EXPECT_EQ(clash.type, IncidentType::ArmedClash);
    EXPECT_EQ(clash.geoPrecision, GeoPrecision::Near);
    EXPECT_EQ(clash.killed.best, 5);
    EXPECT_DOUBLE_EQ(clash.lon, 70.04865);
    EXPECT_DOUBLE_EQ(clash.lat, 37.84137);
    EXPECT_EQ(clash.country, QStringLiteral("TJ"));
    EXPECT_EQ(clash.district, QStringLiteral("Shamsiddin Shohin"));
    EXPECT_EQ(clash.place, QStringLiteral("Shurobod"));
    EXPECT_EQ(clash.actors.size(), 2);
    EXPECT_EQ(clash.sources.at(0).outlet, QStringLiteral("Asia-Plus; AKIPress"));

    const Incident drone = test::incidentById(rep, QStringLiteral("TJK1002"));
    EXPECT_EQ(drone.type, IncidentType::AttackOnCivilians); // civilian-targeting rule
    EXPECT_EQ(drone.datePrecision, DatePrecision::Week);
    EXPECT_EQ(drone.span(), (TimeRange{QDate(2025, 11, 23).toJulianDay(),
                                       QDate(2025, 11, 30).toJulianDay()}));

    const Incident drugs = test::incidentById(rep, QStringLiteral("TJK1003"));
    EXPECT_EQ(drugs.type, IncidentType::DrugSeizure);
    EXPECT_EQ(drugs.datePrecision, DatePrecision::Month);
    EXPECT_EQ(drugs.startDate, QDate(2022, 3, 1));
    EXPECT_EQ(drugs.killed.best, 0);

    const Incident takeover = test::incidentById(rep, QStringLiteral("AFG2001"));
    EXPECT_EQ(takeover.startDate, QDate(2021, 7, 5));
    EXPECT_EQ(takeover.type, IncidentType::ArmedClash);
    EXPECT_EQ(takeover.geoPrecision, GeoPrecision::Region); // location == admin1
    EXPECT_EQ(takeover.country, QStringLiteral("AF"));
    EXPECT_FALSE(takeover.killed.best.has_value());
}

TEST(UcdpImport, GedColumnsWithLowBestHighAndTimestamps) {
    QTemporaryDir dir;
    const QByteArray csv =
        "id,relid,year,active_year,code_status,type_of_violence,conflict_dset_id,conflict_new_id,"
        "conflict_name,dyad_dset_id,dyad_new_id,dyad_name,side_a_dset_id,side_a_new_id,side_a,"
        "side_b_dset_id,side_b_new_id,side_b,number_of_sources,source_article,source_office,"
        "source_date,source_headline,source_original,where_prec,where_coordinates,"
        "where_description,adm_1,adm_2,latitude,longitude,geom_wkt,priogrid_gid,country,"
        "country_id,region,event_clarity,date_prec,date_start,date_end,deaths_a,deaths_b,"
        "deaths_civilians,deaths_unknown,best,high,low,gwnoa,gwnob\n"
        "412345,AFG-2021-1-333-1,2021,1,Clear,1,333,333,Afghanistan: Government,745,745,"
        "Government of Afghanistan - Taleban,130,130,Government of Afghanistan,303,303,Taleban,2,"
        "\"AFP,2021-06-22,Taliban capture border crossing\",,,,,2,Imam Sahib,Shir Khan Bandar "
        "port,Kunduz province,Imam Sahib district,37.18,68.60,POINT (68.6 37.18),1,Afghanistan,"
        "700,Asia,1,1,2021-06-22 00:00:00.000,2021-06-22 00:00:00.000,2,3,0,0,5,9,4,700,\n"
        "412346,TJK-2025-3-1-1,2025,1,Clear,3,1,1,Islamic State - Civilians,1,1,IS - Civilians,"
        "1,1,IS,1,1,Civilians,1,Reuters 2025-12-01,,,,,4,Khatlon,Khatlon province,Khatlon province,"
        ",37.90,69.80,POINT (69.8 37.9),1,Tajikistan,702,Europe,1,4,2025-11-01 00:00:00.000,"
        "2025-11-30 00:00:00.000,0,0,2,0,2,3,2,702,\n";
    const QString path = writeFile(dir, QStringLiteral("ged.csv"), csv);
    auto r = importIncidents(path);
    ASSERT_TRUE(r) << r.error().toString().toStdString();
    ASSERT_EQ(r.value().format, QStringLiteral("ucdp"));
    ASSERT_EQ(r.value().store->size(), 2u)
        << (r.value().rejected.empty() ? "" : r.value().rejected[0].reason.toStdString());
    const Incident a = test::incidentById(r.value(), QStringLiteral("UCDP-412345"));
    EXPECT_EQ(a.id, QStringLiteral("UCDP-412345"));
    EXPECT_EQ(a.startDate, QDate(2021, 6, 22));
    EXPECT_FALSE(a.endDate.has_value());
    EXPECT_EQ(a.datePrecision, DatePrecision::Day);
    EXPECT_EQ(a.geoPrecision, GeoPrecision::Near);
    EXPECT_EQ(a.killed.low, 4);
    EXPECT_EQ(a.killed.best, 5);
    EXPECT_EQ(a.killed.high, 9);
    EXPECT_EQ(a.country, QStringLiteral("AF"));
    EXPECT_EQ(a.province, QStringLiteral("Kunduz"));
    EXPECT_EQ(a.district, QStringLiteral("Imam Sahib"));
    EXPECT_DOUBLE_EQ(a.lon, 68.60);
    EXPECT_EQ(a.type, IncidentType::ArmedClash);
    const Incident b = test::incidentById(r.value(), QStringLiteral("UCDP-412346"));
    EXPECT_EQ(b.type, IncidentType::AttackOnCivilians);
    EXPECT_EQ(b.datePrecision, DatePrecision::Month);
    EXPECT_EQ(b.geoPrecision, GeoPrecision::Region);
    EXPECT_EQ(b.span().days(), 30); // 1..30 November inclusive
}

TEST(NativeImport, ThreeBadRowsOutOfTenAreReportedWithLineNumbers) {
    QTemporaryDir dir;
    QByteArray csv = "id,start_date,date_precision,type,place,lon,lat,geo_precision,killed_best\n";
    for (int i = 1; i <= 10; ++i) {
        QByteArray row = "X" + QByteArray::number(i) + ",2025-12-" +
                         QByteArray::number(10 + i) + ",day,armed_clash,Place " +
                         QByteArray::number(i) + ",70.1,37.8,exact,1\n";
        if (i == 3)
            row = "X3,2025-13-45,day,armed_clash,Bad date,70.1,37.8,exact,1\n";
        if (i == 6)
            row = "X6,2025-12-16,day,armed_clash,Bad lat,70.1,137.5,exact,1\n";
        if (i == 9)
            row = "X9,2025-12-19,day,armed_clash,Atlantis,,,exact,1\n";
        csv += row;
    }
    const QString path = writeFile(dir, QStringLiteral("ten.csv"), csv);
    auto r = importIncidents(path);
    ASSERT_TRUE(r) << r.error().toString().toStdString();
    const ImportReport& rep = r.value();
    EXPECT_EQ(rep.rowsRead, 10);
    EXPECT_EQ(rep.store->size(), 7u);
    ASSERT_EQ(rep.rejected.size(), 3u);
    // Lines count the header as line 1.
    EXPECT_EQ(rep.rejected[0].line, 4);
    EXPECT_TRUE(rep.rejected[0].reason.contains(QStringLiteral("start_date '2025-13-45'")));
    EXPECT_EQ(rep.rejected[1].line, 7);
    EXPECT_TRUE(rep.rejected[1].reason.contains(QStringLiteral("137.5 out of range")));
    EXPECT_EQ(rep.rejected[2].line, 10);
    EXPECT_TRUE(rep.rejected[2].reason.contains(QStringLiteral("Atlantis")));
}

class FakeResolver final : public PlaceResolver {
public:
    Result<ResolvedPlace> resolve(const PlaceQuery& query) const override {
        if (query.name.contains(QStringLiteral("Vanj"), Qt::CaseInsensitive)) {
            ResolvedPlace p;
            p.lon = 71.45474;
            p.lat = 38.37078;
            p.precision = GeoPrecision::District;
            p.matchedName = p.name = p.district = QStringLiteral("Vanj");
            p.country = QStringLiteral("TJ");
            p.province = QStringLiteral("Gorno-Badakhshan");
            return p;
        }
        return Error{{}, QStringLiteral("no place '%1'").arg(query.name)};
    }
};

TEST(NativeImport, RowsWithoutCoordinatesAreGeocodedAndTakeTheMatchPrecision) {
    QTemporaryDir dir;
    const QString path = writeFile(
        dir, QStringLiteral("geo.csv"),
        "id,start_date,type,place,lon,lat,geo_precision\n"
        "A,2023-04-26,armed_clash,Vanj district,,,exact\n"
        "B,2023-04-27,armed_clash,Nowhere,,,exact\n");
    FakeResolver resolver;
    auto r = importIncidents(path, IncidentFormat::Auto, &resolver);
    ASSERT_TRUE(r);
    ASSERT_EQ(r.value().store->size(), 1u);
    EXPECT_EQ(r.value().geocoded, 1);
    const Incident a = r.value().store->incident(0);
    EXPECT_DOUBLE_EQ(a.lon, 71.45474);
    EXPECT_EQ(a.geoPrecision, GeoPrecision::District); // coarser of row (exact) and match
    EXPECT_EQ(a.district, QStringLiteral("Vanj"));
    ASSERT_EQ(r.value().rejected.size(), 1u);
    EXPECT_EQ(r.value().rejected[0].line, 3);
}

TEST(NativeImport, DecimalPointsParseUnderADecimalCommaLocale) {
    // The test main sets de_DE (C and Qt). "37.84137" must still be 37.84137, not 3784137 or 37.
    EXPECT_EQ(QLocale().decimalPoint(), QStringLiteral(","));
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("dec.csv"),
                                   "id,start_date,type,lon,lat\nA,2025-12-24,armed_clash,"
                                   "70.04865,37.84137\n");
    auto r = importIncidents(path);
    ASSERT_TRUE(r);
    ASSERT_EQ(r.value().store->size(), 1u);
    EXPECT_DOUBLE_EQ(r.value().store->lats()[0], 37.84137);
    EXPECT_DOUBLE_EQ(r.value().store->lons()[0], 70.04865);
}

TEST(NativeImport, PartialDatesAndPrecisionRules) {
    QTemporaryDir dir;
    const QString path = writeFile(
        dir, QStringLiteral("partial.csv"),
        "id,start_date,end_date,date_precision,type,lon,lat\n"
        "A,2025-11,2025-12,,armed_clash,70,37.8\n"      // Nov to the end of December
        "B,2025-12-15,,month,armed_clash,70,37.8\n"     // a month must start on the 1st
        "C,2025-06-15,,year,armed_clash,70,37.8\n"      // a year on 1 January
        "D,2022-01-01,,year,drug_seizure,70,37.8\n");
    auto r = importIncidents(path);
    ASSERT_TRUE(r);
    ASSERT_EQ(r.value().store->size(), 2u);
    const Incident a = test::incidentById(r.value(), QStringLiteral("A"));
    EXPECT_EQ(a.endDate, QDate(2025, 12, 31));
    EXPECT_TRUE(a.span().overlaps(TimeRange::fromInclusive(QDate(2025, 12, 20), QDate(2025, 12, 31))));
    EXPECT_EQ(test::incidentById(r.value(), QStringLiteral("D")).span().days(), 365);
    ASSERT_EQ(r.value().rejected.size(), 2u);
    EXPECT_TRUE(r.value().rejected[0].reason.contains(QStringLiteral("must be the 1st")));
    EXPECT_TRUE(r.value().rejected[1].reason.contains(QStringLiteral("1 January")));
}

TEST(AcledImport, AmbiguousNumericDatesAreRejectedNotGuessed) {
    QTemporaryDir dir;
    QByteArray row = "TJK9,07/05/2021,2021,1,Political violence,Battles,Armed clash,A,,,B,,,,,762,"
                     "x,Tajikistan,Khatlon,Panj,,Panj,37.2,69.1,1,src,National,notes,1,,1\n";
    const QString path = writeFile(dir, QStringLiteral("us.csv"), kAcledHeader + row);
    auto r = importIncidents(path);
    ASSERT_TRUE(r);
    EXPECT_TRUE(r.value().store->empty());
    ASSERT_EQ(r.value().rejected.size(), 1u);
    EXPECT_TRUE(r.value().rejected[0].reason.contains(QStringLiteral("07/05/2021")));
}

TEST(Import, UnknownColumnsAndMissingFilesAreErrorsNamingTheFile) {
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("other.csv"), "a,b,c\n1,2,3\n");
    auto r = importIncidents(path);
    ASSERT_FALSE(r);
    EXPECT_TRUE(r.error().toString().contains(QStringLiteral("other.csv")));
    auto forced = importIncidents(path, IncidentFormat::Acled);
    ASSERT_FALSE(forced);
    EXPECT_TRUE(forced.error().message.contains(QStringLiteral("event_id_cnty")));
    EXPECT_FALSE(importIncidents(dir.filePath(QStringLiteral("missing.csv"))));
}

TEST(Import, BrokenQuotingIsReportedNotSwallowed) {
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("q.csv"),
                                   "id,start_date,type,lon,lat,summary\n"
                                   "A,2025-12-24,armed_clash,70,37.8,\"fine\"\n"
                                   "B,2025-12-25,armed_clash,70,37.8,\"never closed\n");
    auto r = importIncidents(path);
    ASSERT_TRUE(r);
    EXPECT_EQ(r.value().store->size(), 1u);
    ASSERT_EQ(r.value().rejected.size(), 1u);
    EXPECT_EQ(r.value().rejected[0].line, 3);
}

} // namespace
