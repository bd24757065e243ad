// The viewer as scripts and CI start it (--screenshot): it loads, draws, saves and exits 0. In
// the sanitized build (build-asan) LeakSanitizer turns any leak of the run into a failing exit
// status, so this is also where a leak in app/main.cpp shows.
#include "support/test_paths.h"

#include <QImage>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace borderlens::test;

namespace {

TEST(ViewerScriptedRun, LoadsDrawsSavesAndExitsCleanly) {
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString shot = dir.filePath(QStringLiteral("shot.png"));
    QProcess viewer;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
    viewer.setProcessEnvironment(env);
    viewer.start(viewerPath(),
                 {QStringLiteral("--no-bundled"), QStringLiteral("--window-size"),
                  QStringLiteral("800x600"), QStringLiteral("--screenshot"), shot,
                  QStringLiteral(BORDERLENS_TEST_DATA_DIR "/import/native_incidents.geojson")});
    ASSERT_TRUE(viewer.waitForFinished(120000));
    const QByteArray err = viewer.readAllStandardError();
    EXPECT_EQ(viewer.exitStatus(), QProcess::NormalExit) << err.toStdString();
    EXPECT_EQ(viewer.exitCode(), 0) << err.toStdString();
    const QImage image(shot);
    EXPECT_EQ(image.size(), QSize(800, 600));
}

} // namespace
