// The chart panel: its bars are the core counts, a click asks for that bar's period, a district
// selection narrows it, the window band shows in a PNG, the SVG holds the title, a failed save
// keeps the old file, and no incidents is a state, not a crash.
#include "chart_panel.h"
#include "incident_chart.h"
#include "support/image_checks.h"
#include "support/temp_files.h"

#include <QBarSet>
#include <QChartView>
#include <QDir>
#include <QFile>
#include <QGraphicsScene>
#include <QSignalSpy>
#include <QStackedBarSeries>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>
#include <gtest/gtest.h>

using namespace borderlens;

namespace {

std::int64_t jd(int y, int m, int d) {
    return QDate(y, m, d).toJulianDay();
}

// Incidents of 2025 with a known answer: per month, Jan–Jun, a few of each of three types; April
// is empty; district codes 1 (Darvoz) and 2 (Vanj) alternate by row id.
std::shared_ptr<const IncidentStore> sampleStore() {
    struct Row {
        int month;
        IncidentType type;
        int count;
    };
    const Row rows[] = {
        {1, IncidentType::ArmedClash, 3},  {1, IncidentType::DrugSeizure, 1},
        {2, IncidentType::ArmedClash, 2},  {2, IncidentType::Crossing, 4},
        {3, IncidentType::ArmedClash, 1},  {3, IncidentType::DrugSeizure, 2},
        {5, IncidentType::ArmedClash, 6},  {5, IncidentType::Crossing, 2},
        {6, IncidentType::DrugSeizure, 5}, {6, IncidentType::ArmedClash, 1},
    };
    std::vector<Incident> incidents;
    for (const Row& r : rows)
        for (int k = 0; k < r.count; ++k) {
            Incident i;
            i.id = QStringLiteral("C-%1").arg(incidents.size(), 3, 10, QLatin1Char('0'));
            i.startDate = QDate(2025, r.month, 3 + 2 * k);
            i.type = r.type;
            i.district = incidents.size() % 2 == 0 ? QStringLiteral("1") : QStringLiteral("2");
            incidents.push_back(i);
        }
    return std::make_shared<const IncidentStore>(incidents);
}

std::vector<std::uint16_t> codesOf(const IncidentStore& store) {
    std::vector<std::uint16_t> codes;
    for (std::size_t i = 0; i < store.size(); ++i)
        codes.push_back(static_cast<std::uint16_t>(store.district(i).toInt()));
    return codes;
}

QStackedBarSeries* seriesOf(const IncidentChart* chart) {
    const auto all = chart->series();
    return all.isEmpty() ? nullptr : qobject_cast<QStackedBarSeries*>(all.front());
}

IncidentChart* chartIn(const QGraphicsScene& scene) {
    for (QGraphicsItem* item : scene.items())
        if (auto* chart = dynamic_cast<IncidentChart*>(item))
            return chart;
    return nullptr;
}

// Pixels of `colour` in column x between the top and bottom of `plot`.
int colourInColumn(const QImage& image, int x, const QRectF& plot, QColor colour) {
    int n = 0;
    for (int y = qCeil(plot.top()) + 1; y < qFloor(plot.bottom()) - 1; ++y)
        n += test::hasColourNear(image, QPoint(x, y), colour, 0, 4) ? 1 : 0;
    return n;
}

class ChartPanelTest : public ::testing::Test {
protected:
    ChartPanelTest() {
        panel.setData(store, codesOf(*store));
        panel.setPeriodChoice(ChartPanel::PeriodChoice::Month);
    }
    std::shared_ptr<const IncidentStore> store = sampleStore();
    ChartPanel panel;
};

TEST_F(ChartPanelTest, TheBarsAreTheCoreCounts) {
    const TypeHistogram expected = countByPeriodAndType(*store, HistogramPeriod::Month);
    ASSERT_EQ(panel.histogram().counts, expected.counts);
    ASSERT_EQ(expected.size(), 6u);
    QStackedBarSeries* series = seriesOf(panel.chart());
    ASSERT_NE(series, nullptr);
    // One set per type present, coloured as on the map, each bar the count of its month.
    ASSERT_EQ(series->count(), 3);
    int drawn = 0;
    for (QBarSet* set : series->barSets()) {
        const auto type =
            std::find_if(kAllIncidentTypes.begin(), kAllIncidentTypes.end(),
                         [&](IncidentType t) { return displayName(t) == set->label(); });
        ASSERT_NE(type, kAllIncidentTypes.end()) << set->label().toStdString();
        ASSERT_EQ(set->count(), 6);
        for (int p = 0; p < 6; ++p) {
            EXPECT_EQ(set->at(p), expected.count(static_cast<std::size_t>(p), *type)) << p;
            drawn += static_cast<int>(set->at(p));
        }
    }
    EXPECT_EQ(drawn, 27);
    EXPECT_EQ(
        panel.chart()->tooltipText(2, IncidentType::DrugSeizure),
        QStringLiteral("March 2025 — %1: 2 (total 3)").arg(displayName(IncidentType::DrugSeizure)));
    // Six months of data: automatic takes weeks.
    panel.setPeriodChoice(ChartPanel::PeriodChoice::Automatic);
    EXPECT_EQ(panel.period(), HistogramPeriod::Week);
    EXPECT_EQ(panel.histogram().counts, countByPeriodAndType(*store, HistogramPeriod::Week).counts);
}

TEST_F(ChartPanelTest, ClickingABarAsksForItsPeriodAsTheWindow) {
    panel.resize(900, 520);
    panel.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&panel));
    QSignalSpy asked(&panel, &ChartPanel::windowRequested);
    const auto click = [&](QPointF chartPos) {
        const QPoint at = panel.view()->mapFromScene(panel.chart()->mapToScene(chartPos));
        QTest::mouseClick(panel.view()->viewport(), Qt::LeftButton, {}, at);
    };
    click(panel.chart()->barCentre(4)); // May
    ASSERT_EQ(asked.count(), 1);
    EXPECT_EQ(asked.takeFirst().at(0).value<TimeRange>(),
              (TimeRange{jd(2025, 5, 1), jd(2025, 6, 1)}));
    // April has no bar; its column still picks April.
    click(panel.chart()->barCentre(3) - QPointF(0, 40));
    ASSERT_EQ(asked.count(), 1);
    EXPECT_EQ(asked.takeFirst().at(0).value<TimeRange>(),
              (TimeRange{jd(2025, 4, 1), jd(2025, 5, 1)}));
    // Off the plot (on the title), nothing.
    click(QPointF(panel.chart()->plotArea().center().x(), 4));
    EXPECT_EQ(asked.count(), 0);
}

TEST_F(ChartPanelTest, ADistrictSelectionNarrowsTheCountsAndNamesItself) {
    const int whole = panel.histogram().total;
    EXPECT_EQ(whole, 27);
    EXPECT_TRUE(panel.chart()->title().contains(QStringLiteral("whole data")));
    panel.setDistrictSelection({1}, QStringLiteral("Darvoz"));
    const std::vector<std::uint16_t> codes = codesOf(*store);
    const std::vector<std::uint16_t> wanted = {1};
    const DistrictRestriction darvoz{codes, wanted};
    EXPECT_EQ(panel.histogram().counts,
              countByPeriodAndType(*store, HistogramPeriod::Month, {}, &darvoz).counts);
    EXPECT_EQ(panel.histogram().total, 14);
    EXPECT_TRUE(panel.chart()->title().contains(QStringLiteral("— Darvoz")));
    panel.setDistrictSelection({1, 2}, QStringLiteral("Darvoz, Vanj"));
    EXPECT_EQ(panel.histogram().total, whole);
    panel.setDistrictSelection({}, QString());
    EXPECT_EQ(panel.histogram().total, whole);
    EXPECT_TRUE(panel.chart()->title().contains(QStringLiteral("whole data")));
}

TEST_F(ChartPanelTest, TheWindowBandShowsInThePngOverItsBarsOnly) {
    panel.setWindow(TimeRange{jd(2025, 3, 1), jd(2025, 4, 1)}); // March
    const QSize size(1000, 600);
    const QImage image = panel.toImage(size);
    ASSERT_EQ(image.size(), size);
    // The export's own chart, laid out the same way, says where things are.
    const auto scene = panel.exportScene(QSizeF(size));
    const IncidentChart* chart = chartIn(*scene);
    ASSERT_NE(chart, nullptr);
    const QRectF plot = chart->plotArea();
    const QRectF band = chart->windowBand();
    ASSERT_FALSE(band.isEmpty());
    EXPECT_NEAR(band.center().x(), chart->barCentre(2).x(), 1.0);
    const QColor shade = IncidentChart::bandColour();
    // Above and between March's bars, the band; over January and June, none.
    EXPECT_GT(colourInColumn(image, qRound(band.center().x()), plot, shade), plot.height() / 3);
    EXPECT_GT(colourInColumn(image, qRound(band.left() + 3), plot, shade), plot.height() / 2);
    for (int p : {0, 5})
        EXPECT_EQ(colourInColumn(image, qRound(chart->barCentre(p).x()), plot, shade), 0) << p;
    // No window, no band.
    panel.setWindow(TimeRange::all());
    EXPECT_EQ(colourInColumn(panel.toImage(size), qRound(band.center().x()), plot, shade), 0);
}

TEST_F(ChartPanelTest, TheSvgIsWellFormedAndCarriesTheTitle) {
    panel.setDistrictSelection({2}, QStringLiteral("Vanj"));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("chart.svg"));
    const auto saved = panel.save(path);
    ASSERT_TRUE(saved) << saved.error().toString().toStdString();
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    QStringList texts;
    while (!xml.atEnd())
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == QLatin1String("text"))
            texts << xml.readElementText(QXmlStreamReader::IncludeChildElements);
    EXPECT_FALSE(xml.hasError()) << xml.errorString().toStdString();
    const QString drawn = texts.join(QLatin1Char('\n'));
    EXPECT_TRUE(drawn.contains(QStringLiteral("Incidents per month, by type — Vanj")))
        << drawn.toStdString();
    EXPECT_TRUE(drawn.contains(displayName(IncidentType::Crossing))); // the legend
    EXPECT_TRUE(drawn.contains(QStringLiteral("Incidents")));         // the count axis
}

TEST_F(ChartPanelTest, AFailedSaveLeavesThePreviousFile) {
    QTemporaryDir dir;
    const QString path = test::writeTempFile(dir, QStringLiteral("chart.png"), "yesterday's chart");
    EXPECT_FALSE(panel.save(path, QSize(0, 0)));
    EXPECT_FALSE(panel.save(dir.filePath(QStringLiteral("chart.bmp"))));
    EXPECT_FALSE(panel.save(dir.filePath(QStringLiteral("no/such/folder/chart.png"))));
    const auto failedSvg = panel.saveSvg(dir.filePath(QStringLiteral("chart.png")), QSize(0, 0));
    EXPECT_FALSE(failedSvg);
    QFile old(path);
    ASSERT_TRUE(old.open(QIODevice::ReadOnly));
    EXPECT_EQ(old.readAll(), QByteArray("yesterday's chart"));
    old.close();
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
              QStringList{QStringLiteral("chart.png")});
    // A good save replaces it, and leaves no temporary file behind.
    ASSERT_TRUE(panel.save(path, QSize(800, 450)));
    EXPECT_EQ(QImage(path).size(), QSize(800, 450));
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
              QStringList{QStringLiteral("chart.png")});
}

TEST_F(ChartPanelTest, ManyPeriodsGetFewerLabelsThatStillReadAsDates) {
    std::vector<Incident> incidents;
    for (int m = 0; m < 60; ++m) { // five years, a month each
        Incident i;
        i.id = QStringLiteral("Y-%1").arg(m, 2, 10, QLatin1Char('0'));
        i.startDate = QDate(2021, 1, 15).addMonths(m);
        incidents.push_back(i);
    }
    panel.setData(std::make_shared<const IncidentStore>(incidents));
    const auto narrow = panel.exportScene(QSizeF(600, 400));
    const QStringList few = chartIn(*narrow)->timeLabels();
    EXPECT_GE(few.size(), 3);
    EXPECT_LE(few.size(), 12) << few.join(QLatin1Char(',')).toStdString();
    for (const QString& label : few)
        EXPECT_TRUE(QDate::fromString(label, QStringLiteral("MMM yyyy")).isValid() ||
                    QDate::fromString(label, QStringLiteral("yyyy")).isValid())
            << label.toStdString();
    const auto wide = panel.exportScene(QSizeF(2400, 600));
    EXPECT_GT(chartIn(*wide)->timeLabels().size(), few.size());
    // A year of months on a wide chart: every month named.
    incidents.resize(12);
    panel.setData(std::make_shared<const IncidentStore>(incidents));
    const auto year = panel.exportScene(QSizeF(1600, 600));
    EXPECT_EQ(chartIn(*year)->timeLabels().size(), 12);
}

TEST(ChartPanelEmpty, NoIncidentsIsAStateNotACrash) {
    ChartPanel panel;
    panel.setWindow(TimeRange{jd(2025, 3, 1), jd(2025, 4, 1)});
    EXPECT_TRUE(panel.chart()->showsNoIncidents());
    EXPECT_TRUE(panel.histogram().empty());
    panel.setData(std::make_shared<const IncidentStore>());
    EXPECT_TRUE(panel.chart()->showsNoIncidents());
    EXPECT_FALSE(panel.toImage(QSize(640, 360)).isNull());
    QTemporaryDir dir;
    EXPECT_TRUE(panel.save(dir.filePath(QStringLiteral("empty.svg"))));
    // Incidents, but none in the selected district.
    panel.setData(sampleStore(), codesOf(*sampleStore()));
    EXPECT_FALSE(panel.chart()->showsNoIncidents());
    panel.setDistrictSelection({9}, QStringLiteral("Rushon"));
    EXPECT_TRUE(panel.chart()->showsNoIncidents());
    EXPECT_EQ(panel.chart()->barCentre(0), QPointF());
    EXPECT_EQ(panel.chart()->periodAt(QPointF(100, 100)), -1);
}

} // namespace
