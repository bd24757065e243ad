#pragma once

#include <QString>

namespace borderlens {

// The name of the operating-system account running the program, as the edit log records it
// ("who"): the login name on Unix, the user name on Windows; "unknown" when none can be found.
QString osUserName();

} // namespace borderlens
