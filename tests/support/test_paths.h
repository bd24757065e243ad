#pragma once

#include <QString>

namespace borderlens::test {

// ../shared beside the repository, as CI provides it; empty if absent (a user's fresh clone).
QString sharedDir();
// ../shared/realdata/<relative>, or empty when ../shared is absent.
QString realData(const QString& relative);
QString cliPath();
QString viewerPath();

} // namespace borderlens::test

// Skips the current test with a clear message when ../shared/realdata is absent.
#define BORDERLENS_REQUIRE_REALDATA()                                                              \
    do {                                                                                           \
        if (::borderlens::test::sharedDir().isEmpty())                                             \
            GTEST_SKIP() << "../shared/realdata is absent (it is present in CI); skipping a "     \
                            "real-data test";                                                      \
    } while (0)
