#include "import_summary_dialog.h"

#include <QLabel>
#include <QTableWidget>

#include <gtest/gtest.h>

using namespace borderlens;

namespace {

TEST(ImportSummaryDialog, ListsEveryRowTheGazetteerPlaced) {
    ImportReport report;
    report.path = QStringLiteral("/tmp/acled.csv");
    report.format = QStringLiteral("acled");
    report.rowsRead = 3;
    report.rejected.push_back({4, QStringLiteral("no coordinates, and no place 'Khorugh' in "
                                                 "Afghanistan; no district or province given")});
    GeocodedRow shighnan;
    shighnan.line = 2;
    shighnan.asked = {QStringLiteral("Shighnan"), QStringLiteral("AF"),
                      QStringLiteral("Badakhshan"), QStringLiteral("Shighnan")};
    shighnan.placed.id = QStringLiteral("af.district.shighnan");
    shighnan.placed.name = shighnan.placed.matchedName = QStringLiteral("Shighnan");
    shighnan.placed.kind = QStringLiteral("district");
    shighnan.placed.country = QStringLiteral("AF");
    shighnan.placed.precision = GeoPrecision::District;
    GeocodedRow fallback = shighnan;
    fallback.line = 3;
    fallback.asked.name = QStringLiteral("Unnamed ford");
    fallback.placed.fallback = QStringLiteral("no place 'Unnamed ford' in Shighnan, Badakhshan, "
                                              "Afghanistan, so the district");
    report.geocodedRows = {shighnan, fallback};
    report.geocoded = 2;

    const ImportSummaryDialog dialog(report);
    const auto* table = dialog.findChild<QTableWidget*>(QStringLiteral("geocodedRows"));
    ASSERT_TRUE(table);
    ASSERT_EQ(table->rowCount(), 2);
    ASSERT_EQ(table->columnCount(), 4);
    EXPECT_EQ(table->horizontalHeaderItem(1)->text(), QStringLiteral("Asked for"));
    EXPECT_EQ(table->item(0, 0)->text(), QStringLiteral("2"));
    EXPECT_EQ(table->item(0, 1)->text(), QStringLiteral("'Shighnan' (Shighnan, Badakhshan, AF)"));
    EXPECT_EQ(table->item(0, 2)->text(),
              QStringLiteral("Shighnan (af.district.shighnan, district, AF)"));
    EXPECT_EQ(table->item(0, 3)->text(), QStringLiteral("district"));
    EXPECT_TRUE(table->item(1, 2)->text().endsWith(QStringLiteral("so the district")));
    // The rejected rows keep their own table.
    const auto* rejected = dialog.findChild<QTableWidget*>(QStringLiteral("rejectedRows"));
    ASSERT_TRUE(rejected);
    EXPECT_EQ(rejected->rowCount(), 1);
    EXPECT_TRUE(ImportSummaryDialog::summaryText(report).contains(
        QStringLiteral("2 placed through the gazetteer")));
}

TEST(ImportSummaryDialog, NoTableOfPlacementsWhenNothingWasPlaced) {
    ImportReport report;
    report.path = QStringLiteral("/tmp/native.csv");
    const ImportSummaryDialog dialog(report);
    EXPECT_EQ(dialog.findChild<QTableWidget*>(QStringLiteral("geocodedRows")), nullptr);
}

} // namespace
