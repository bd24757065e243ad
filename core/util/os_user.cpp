#include "util/os_user.h"

#include <QtGlobal>

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <unistd.h>
#endif

namespace borderlens {

QString osUserName() {
#ifdef Q_OS_UNIX
    // The account itself, not $USER: sudo and su keep $USER from the caller, while the log must
    // name the account whose rights wrote the row.
    if (const passwd* pw = ::getpwuid(::geteuid()); pw && pw->pw_name && *pw->pw_name)
        return QString::fromLocal8Bit(pw->pw_name);
#endif
    for (const char* var : {"USERNAME", "USER", "LOGNAME"}) {
        const QString v = qEnvironmentVariable(var);
        if (!v.isEmpty())
            return v;
    }
    return QStringLiteral("unknown");
}

} // namespace borderlens
