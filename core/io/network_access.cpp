#include "io/network_access.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSettings>

#include <array>

namespace borderlens {

namespace {

// GDAL's virtual file systems that read over the network (/vsizip/, /vsimem/, … are local).
constexpr std::array kNetworkVsi = {
    "/vsicurl/", "/vsicurl_streaming/", "/vsis3/", "/vsis3_streaming/", "/vsigs/",
    "/vsigs_streaming/", "/vsiaz/", "/vsiaz_streaming/", "/vsiadls/", "/vsioss/",
    "/vsioss_streaming/", "/vsiswift/", "/vsiswift_streaming/", "/vsihdfs/", "/vsiwebhdfs/"};

// Where a string names something on the network: the first network VSI or URL in it.
std::optional<QString> networkTarget(QStringView text) {
    for (const char* vsi : kNetworkVsi) {
        const qsizetype at = text.indexOf(QLatin1String(vsi), 0, Qt::CaseInsensitive);
        if (at >= 0)
            return text.mid(at, 120).toString();
    }
    static const QRegularExpression url(QStringLiteral(R"((?:https?|ftps?)://[^\s"'<>]*)"),
                                        QRegularExpression::CaseInsensitiveOption);
    const auto m = url.match(text);
    if (m.hasMatch())
        return m.captured().left(120);
    return std::nullopt;
}

// Connection strings GDAL drivers accept instead of a file name ("WMS:http://…", "PG:dbname=…").
std::optional<QString> connectionString(const QString& path) {
    static const QRegularExpression prefix(
        QStringLiteral("^(WMS|WMTS|WCS|WFS|OAPIF|OGCAPI|CSW|ES|Elasticsearch|CouchDB|Carto|"
                       "AmigoCloud|NGW|PLScenes|EEDA|EEDAI|DAAS|PG|PostgreSQL|MySQL|MSSQL|ODBC|OCI|"
                       "MongoDBv3|HANA|SAP HANA|GNMDatabase):"),
        QRegularExpression::CaseInsensitiveOption);
    const auto m = prefix.match(path);
    if (!m.hasMatch())
        return std::nullopt;
    const QString kind = m.captured(1).toUpper();
    if (kind == QLatin1String("PG") || kind == QLatin1String("POSTGRESQL") ||
        kind == QLatin1String("MYSQL") || kind == QLatin1String("MSSQL") ||
        kind == QLatin1String("ODBC") || kind == QLatin1String("OCI") ||
        kind.contains(QLatin1String("HANA")) || kind == QLatin1String("MONGODBV3") ||
        kind == QLatin1String("GNMDATABASE"))
        return QStringLiteral("is a database connection (%1:), not a file").arg(m.captured(1));
    return QStringLiteral("is a %1: web service connection, not a file").arg(m.captured(1));
}

// The first bytes of a file, enough to see its root element.
QByteArray head(QFile& f) {
    QByteArray bytes = f.peek(4096);
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    return bytes.trimmed();
}

// A local file that pulls its data from the network: a VRT whose sources are URLs or network
// paths, or a KML with a NetworkLink to a URL. Reads the file in blocks, so its size is no
// matter; only XML files are read past their first bytes.
std::optional<QString> referenceInside(const QString& path) {
    QFile f(path);
    if (!QFileInfo(path).isFile() || !f.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray start = head(f);
    if (!start.startsWith('<'))
        return std::nullopt;
    // GDAL's service descriptions (WMS, WMTS, WCS, WFS) exist only to read from a server.
    for (const char* service : {"<GDAL_WMS", "<GDAL_WMTS", "<WCS_GDAL", "<OGRWFSDataSource"}) {
        if (start.contains(service))
            return QStringLiteral("is a GDAL web service description (it reads from a server)");
    }
    const bool vrt = start.contains("<OGRVRTDataSource") || start.contains("<VRTDataset");
    const bool kml = start.contains("<kml") || start.contains(":kml");
    if (!vrt && !kml)
        return std::nullopt;
    // Whole elements may straddle a block boundary: keep the tail of the previous block.
    constexpr qint64 kBlock = 1 << 20;
    QByteArray carry;
    bool inNetworkLink = false;
    while (!f.atEnd()) {
        const QByteArray block = carry + f.read(kBlock);
        if (vrt) {
            for (const char* tag : {"<SrcDataSource", "<SourceFilename", "<SrcFile"}) {
                for (qsizetype at = block.indexOf(tag); at >= 0; at = block.indexOf(tag, at + 1)) {
                    const qsizetype end = block.indexOf('<', at + 1);
                    const QString source =
                        QString::fromUtf8(block.mid(at, end < 0 ? 2048 : end - at));
                    if (auto target = networkTarget(source))
                        return QStringLiteral("is a VRT whose source is on the network (%1)")
                            .arg(*target);
                }
            }
        } else {
            // A NetworkLink's <Link><href> (or an old <Url><href>) names where to fetch from.
            qsizetype at = 0;
            while (true) {
                const qsizetype open = block.indexOf("<NetworkLink", at);
                if (!inNetworkLink && open < 0)
                    break;
                const qsizetype from = inNetworkLink ? at : open;
                const qsizetype close = block.indexOf("</NetworkLink>", from);
                const QString link = QString::fromUtf8(
                    block.mid(from, close < 0 ? block.size() - from : close - from));
                if (auto target = networkTarget(link))
                    return QStringLiteral("is a KML whose NetworkLink is on the network (%1)")
                        .arg(*target);
                inNetworkLink = close < 0;
                if (close < 0)
                    break;
                at = close + 1;
            }
        }
        carry = block.right(4096);
    }
    return std::nullopt;
}

} // namespace

bool networkAccessAllowed() {
    // The viewer's settings file, whichever program reads it (the CLI has another name).
    static const bool allowed =
        QSettings(QStringLiteral("BorderLens"), QStringLiteral("BorderLens"))
            .value(QLatin1String(kAllowNetworkSettingKey), false)
            .toBool();
    return allowed;
}

std::optional<QString> networkReference(const QString& path) {
    if (auto connection = connectionString(path))
        return connection;
    if (auto target = networkTarget(path);
        target && (path.startsWith(QLatin1String("/vsi"), Qt::CaseInsensitive) ||
                   path.contains(QLatin1String("://"))))
        return QStringLiteral("is on the network (%1)").arg(*target);
    if (path.startsWith(QLatin1String("/vsi"), Qt::CaseInsensitive) &&
        !path.startsWith(QLatin1String("/vsizip/"), Qt::CaseInsensitive) &&
        !path.startsWith(QLatin1String("/vsigzip/"), Qt::CaseInsensitive) &&
        !path.startsWith(QLatin1String("/vsitar/"), Qt::CaseInsensitive) &&
        !path.startsWith(QLatin1String("/vsimem/"), Qt::CaseInsensitive))
        return QStringLiteral("is a GDAL virtual path that may reach the network");
    return referenceInside(path);
}

std::optional<Error> refuseNetworkSource(const QString& path) {
    if (networkAccessAllowed())
        return std::nullopt;
    const auto why = networkReference(path);
    if (!why)
        return std::nullopt;
    const QSettings settings(QStringLiteral("BorderLens"), QStringLiteral("BorderLens"));
    return Error{path, QStringLiteral("%1; BorderLens reads local files only and made no network "
                                      "connection. To allow network access, set %2=true in %3")
                           .arg(*why, QLatin1String(kAllowNetworkSettingKey),
                                settings.fileName())};
}

} // namespace borderlens
