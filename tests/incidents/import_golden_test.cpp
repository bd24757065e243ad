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
#include "support/import_dump.h"

#include <QDir>
#include <QFile>
#include <QTextStream>

#include <gtest/gtest.h>

using namespace borderlens;

namespace {

QString goldenDir() { return QStringLiteral(BORDERLENS_TEST_DATA_DIR "/import/golden"); }

void check(const QString& name, const QString& path) {
    const QString actual = test::dump(importIncidents(path));
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
