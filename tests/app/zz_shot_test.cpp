#include "analysis_session.h"
#include "bundled_window_fixture.h"
#include "district_trends_panel.h"
#include "filter_panel.h"
#include "time/time_controller.h"
#include <QDockWidget>
#include <QScreen>
using namespace borderlens;
using namespace borderlens::test;
namespace { class Shot : public BundledWindowFixture {}; }
TEST_F(Shot, Take) {
    const char* out = getenv("SHOT_DIR");
    if (!out) GTEST_SKIP();
    window.resize(1600, 1000);
    for (QDockWidget* d : window.docks()) if (d->windowTitle() == "Filter" || d->windowTitle() == "District Trends") d->show();
    QSignalSpy busy(window.analysis(), &AnalysisSession::busyChanged);
    for (int i = 0; i < 100 && window.analysis()->busy(); ++i) busy.wait(200);
    window.timeController()->setRange(TimeRange::fromInclusive(QDate(2025, 12, 1), QDate(2025, 12, 31)));
    emit window.trendsPanel()->mapShownChanged(true);
    settle();
    window.grab().save(QString(out) + "/viewer_trends.png");
    for (QDockWidget* d : window.docks()) if (d->windowTitle() == "Filter") d->raise();
    IncidentFilter f; f.borderKmMax = 10;
    window.filterPanel()->setFilter(f);
    emit window.filterPanel()->filterChanged(f);
    for (int i = 0; i < 100 && window.analysis()->busy(); ++i) busy.wait(200);
    settle();
    window.grab().save(QString(out) + "/viewer_filter.png");
}
