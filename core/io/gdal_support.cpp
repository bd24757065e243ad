#include "io/gdal_support.h"

#include <cpl_error.h>
#include <cpl_conv.h>
#include <gdal.h>

#include <mutex>

namespace borderlens {

void ensureGdalInitialised() {
    static std::once_flag once;
    std::call_once(once, [] {
        CPLSetConfigOption("OGR_GEOJSON_MAX_OBJ_SIZE", "0");
        // Never reach out for remote resources (e.g. a .vrt or .prj pointing at a URL).
        CPLSetConfigOption("GDAL_HTTP_TIMEOUT", "1");
        CPLSetConfigOption("CPL_VSIL_CURL_ALLOWED_EXTENSIONS", "none.invalid");
        CPLSetConfigOption("GDAL_DISABLE_READDIR_ON_OPEN", "NO");
        GDALAllRegister();
    });
}

GdalErrorCollector::GdalErrorCollector() {
    CPLPushErrorHandlerEx(
        [](CPLErr errClass, CPLErrorNum errNo, const char* msg) {
            auto* self = static_cast<GdalErrorCollector*>(CPLGetErrorHandlerUserData());
            const QString text = QString::fromUtf8(msg).trimmed();
            if (errClass >= CE_Failure)
                self->m_failures << text;
            else if (errClass == CE_Warning)
                self->m_warnings << text;
            (void)errNo;
        },
        this);
}

GdalErrorCollector::~GdalErrorCollector() { CPLPopErrorHandler(); }

void GdalErrorCollector::clear() {
    m_failures.clear();
    m_warnings.clear();
    CPLErrorReset();
}

} // namespace borderlens
