#include "io/gdal_support.h"

#include "io/network_access.h"

#include <cpl_error.h>
#include <cpl_conv.h>
#include <cpl_http.h>
#include <cpl_string.h>
#include <gdal.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <mutex>

namespace borderlens {

namespace {

// Every HTTP request any GDAL driver makes (a VRT or GeoJSON pointing at a URL, WFS, …) comes
// here and is refused: BorderLens makes no network connection, whatever a file asks for.
CPLHTTPResult* refuseHttp(const char* url, CSLConstList, GDALProgressFunc, void*,
                          CPLHTTPFetchWriteFunc, void*, void*) {
    auto* result = static_cast<CPLHTTPResult*>(CPLCalloc(1, sizeof(CPLHTTPResult)));
    result->nStatus = 1;
    result->pszErrBuf = CPLStrdup(
        CPLSPrintf("BorderLens works offline and did not fetch %s", url ? url : "a URL"));
    CPLError(CE_Failure, CPLE_AppDefined, "%s", result->pszErrBuf);
    return result;
}

} // namespace

void ensureGdalInitialised() {
    static std::once_flag once;
    std::call_once(once, [] {
        CPLSetConfigOption("OGR_GEOJSON_MAX_OBJ_SIZE", "0");
        if (!networkAccessAllowed()) {
            // Belt and braces behind refuseNetworkSource(), for references GDAL finds inside
            // files we did not look into: drivers that only talk to servers are not registered,
            // /vsicurl/ opens nothing (no extension is allowed), the GML driver keeps to local
            // schemas, and every HTTP request a driver makes goes to refuseHttp().
            CPLSetConfigOption("GDAL_SKIP",
                               "WMS WMTS WCS WFS OAPIF OGCAPI CSW Elasticsearch Carto "
                               "AmigoCloud NGW PLSCENES EEDA EEDAI DAAS HTTP PostgreSQL "
                               "PostGISRaster MySQL MSSQLSpatial ODBC");
            CPLSetConfigOption("CPL_VSIL_CURL_ALLOWED_EXTENSIONS", "none.invalid");
            CPLSetConfigOption("GDAL_HTTP_TIMEOUT", "1");
            CPLSetConfigOption("GDAL_HTTP_MAX_RETRY", "0");
            CPLSetConfigOption("GML_DOWNLOAD_WFS_SCHEMA", "NO");
            CPLSetConfigOption("GML_SKIP_RESOLVE_ELEMS", "ALL");
            CPLHTTPSetFetchCallback(refuseHttp, nullptr);
        }
        CPLSetConfigOption("GDAL_DISABLE_READDIR_ON_OPEN", "NO");
        GDALAllRegister();
    });
}

void enablePostgresDriver() {
    ensureGdalInitialised();
    static std::once_flag once;
    std::call_once(once, [] {
        if (!GetGDALDriverManager()->GetDriverByName("PostgreSQL"))
            RegisterOGRPG();
    });
}

QByteArray gdalPath(const QString& path) { return path.toUtf8(); }

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
