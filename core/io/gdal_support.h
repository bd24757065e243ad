#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace borderlens {

// Registers GDAL's drivers once (thread-safe) and sets the process-wide options we rely on:
// no size limit on GeoJSON objects (OSM country polygons exceed the default 200 MB budget check)
// and, unless the user allowed it (networkAccessAllowed()), no network access from any driver or
// virtual file system.
void ensureGdalInitialised();

// Registers GDAL's PostgreSQL driver, which ensureGdalInitialised() leaves out while network
// access is off: called only when the user has asked for a database connection themselves (an
// incident store given as a PG: connection string), which is the explicit request the
// no-network rule allows.
void enablePostgresDriver();

// A path as GDAL wants it: UTF-8 on every platform (QFile::encodeName is the local 8-bit code
// page on Windows, which cannot hold a Cyrillic folder name there).
QByteArray gdalPath(const QString& path);

// Collects the errors and warnings GDAL reports on this thread while it lives, instead of
// letting them go to stderr. GDAL error handlers are per thread, so readers on worker threads
// do not see each other's messages.
class GdalErrorCollector {
public:
    GdalErrorCollector();
    ~GdalErrorCollector();
    GdalErrorCollector(const GdalErrorCollector&) = delete;
    GdalErrorCollector& operator=(const GdalErrorCollector&) = delete;

    const QStringList& failures() const { return m_failures; }
    const QStringList& warnings() const { return m_warnings; }
    // The most recent failure, or an empty string.
    QString lastFailure() const { return m_failures.isEmpty() ? QString() : m_failures.last(); }
    void clear();

private:
    QStringList m_failures;
    QStringList m_warnings;
};

} // namespace borderlens
