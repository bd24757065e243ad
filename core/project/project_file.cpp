#include "project/project_file.h"

#include "store/incident_database.h"

#include "project/layer_style_json.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <cmath>

namespace borderlens {
namespace {

const QString kFormatName = QStringLiteral("borderlens-project");

// Typed reads of one JSON object, each naming its key path in the first problem found, so a
// hand-edited project says "layers[2].visible: expected true or false" rather than failing
// somewhere later.
class Fields {
public:
    Fields(const QJsonObject& o, QString where, std::optional<Error>& error)
        : m_o(o), m_where(std::move(where)), m_error(error) {}

    QString at(const QString& key) const {
        return m_where.isEmpty() ? key : m_where + QLatin1Char('.') + key;
    }
    bool has(const QString& key) const { return m_o.contains(key); }
    void fail(const QString& key, const QString& why) {
        if (!m_error)
            m_error = Error{QString(), QStringLiteral("%1: %2").arg(at(key), why)};
    }
    std::optional<QString> text(const QString& key) {
        const QJsonValue v = m_o.value(key);
        if (v.isUndefined() || v.isNull())
            return std::nullopt;
        if (!v.isString()) {
            fail(key, QStringLiteral("expected text"));
            return std::nullopt;
        }
        return v.toString();
    }
    void flag(const QString& key, bool& out) {
        const QJsonValue v = m_o.value(key);
        if (v.isUndefined())
            return;
        if (!v.isBool())
            fail(key, QStringLiteral("expected true or false"));
        else
            out = v.toBool();
    }
    std::optional<QDate> date(const QString& key) {
        const auto t = text(key);
        if (!t)
            return std::nullopt;
        const QDate d = QDate::fromString(*t, Qt::ISODate);
        if (!d.isValid()) {
            fail(key, QStringLiteral("expected a date as YYYY-MM-DD, not '%1'").arg(*t));
            return std::nullopt;
        }
        return d;
    }
    std::optional<QJsonArray> array(const QString& key) {
        const QJsonValue v = m_o.value(key);
        if (v.isUndefined() || v.isNull())
            return std::nullopt;
        if (!v.isArray()) {
            fail(key, QStringLiteral("expected a list"));
            return std::nullopt;
        }
        return v.toArray();
    }
    std::optional<QJsonObject> object(const QString& key) {
        const QJsonValue v = m_o.value(key);
        if (v.isUndefined() || v.isNull())
            return std::nullopt;
        if (!v.isObject()) {
            fail(key, QStringLiteral("expected an object"));
            return std::nullopt;
        }
        return v.toObject();
    }
    // A list of `n` finite numbers.
    std::optional<std::vector<double>> numbers(const QString& key, qsizetype n) {
        const auto a = array(key);
        if (!a)
            return std::nullopt;
        std::vector<double> out;
        for (const QJsonValue& v : *a) {
            if (!v.isDouble() || !std::isfinite(v.toDouble())) {
                fail(key, QStringLiteral("expected %1 numbers").arg(n));
                return std::nullopt;
            }
            out.push_back(v.toDouble());
        }
        if (qsizetype(out.size()) != n) {
            fail(key, QStringLiteral("expected %1 numbers").arg(n));
            return std::nullopt;
        }
        return out;
    }

private:
    const QJsonObject& m_o;
    QString m_where;
    std::optional<Error>& m_error;
};

// 1-based line and column of a byte offset, for a parse error a user can find in an editor.
std::pair<int, int> lineAndColumn(const QByteArray& text, qsizetype offset) {
    int line = 1, column = 1;
    for (qsizetype i = 0; i < std::min(offset, text.size()); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++column; // count characters, not UTF-8 continuation bytes
        }
    }
    return {line, column};
}

QString storedPath(const QString& path, const QDir& projectDir) {
    // A shared store's connection is kept as it is, and never with its password (that goes to
    // the OS keyring).
    if (IncidentDatabase::isConnectionString(path))
        return IncidentDatabase::withoutPassword(path);
    if (path.isEmpty() || QFileInfo(path).isRelative())
        return path;
    // Relative where the two share a root (always on Linux; on Windows only on the same drive,
    // where relativeFilePath gives back the absolute path).
    return QDir::fromNativeSeparators(projectDir.relativeFilePath(path));
}

} // namespace

Result<ProjectFile> parseProject(const QByteArray& json, const QString& projectDir,
                                 const QString& name) {
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const auto [line, column] = lineAndColumn(json, parseError.offset);
        return Error{name, QStringLiteral("not a valid project file: %1 at line %2, column %3")
                               .arg(parseError.errorString())
                               .arg(line)
                               .arg(column)};
    }
    if (!doc.isObject())
        return Error{name, QStringLiteral("not a BorderLens project (the file is not a JSON "
                                          "object)")};
    const QJsonObject root = doc.object();
    if (root.value(QStringLiteral("format")).toString() != kFormatName)
        return Error{
            name,
            QStringLiteral("not a BorderLens project (\"format\" is not \"%1\")").arg(kFormatName)};
    const QJsonValue versionValue = root.value(QStringLiteral("version"));
    const double versionNumber = versionValue.toDouble(-1);
    if (!versionValue.isDouble() || versionNumber < 1 ||
        versionNumber != std::floor(versionNumber) || versionNumber > 1e6)
        return Error{name, QStringLiteral("version: expected a whole number from 1")};

    ProjectFile out;
    const int version = static_cast<int>(versionNumber);
    if (version > kProjectFormatVersion) {
        out.readOnly = true;
        out.warnings << QStringLiteral(
                            "written by a newer BorderLens (project format %1; this one reads %2): "
                            "opened read-only, and settings it does not know are left out")
                            .arg(version)
                            .arg(kProjectFormatVersion);
    }

    std::optional<Error> error;
    Project& p = out.project;
    Fields top(root, QString(), error);
    top.flag(QStringLiteral("bundled_map"), p.bundledMap);
    if (const auto hidden = top.array(QStringLiteral("hidden_bundled")))
        for (const QJsonValue& v : *hidden)
            if (v.isString())
                p.hiddenBundled << v.toString();

    const QDir dir(projectDir);
    if (const auto layers = top.array(QStringLiteral("layers"))) {
        for (qsizetype i = 0; i < layers->size() && !error; ++i) {
            const QString where = QStringLiteral("layers[%1]").arg(i);
            if (!(*layers)[i].isObject()) {
                error = Error{QString(), where + QStringLiteral(": expected an object")};
                break;
            }
            const QJsonObject o = (*layers)[i].toObject();
            Fields f(o, where, error);
            ProjectLayer layer;
            const auto path = f.text(QStringLiteral("path"));
            if (!path || path->trimmed().isEmpty()) {
                f.fail(QStringLiteral("path"),
                       QStringLiteral("a layer needs the path of its file"));
                break;
            }
            // A shared incident store (PG: connection): kept as given, without any password.
            const bool connection = IncidentDatabase::isConnectionString(*path);
            // Files only: a URL or a Qt resource (":/…") is not a layer a project can name (and
            // "http:/x" would come back from cleanPath as another path).
            if (!connection && (path->contains(QLatin1String("://")) || path->startsWith(QLatin1Char(':')))) {
                f.fail(QStringLiteral("path"),
                       QStringLiteral("'%1' is not a file path (a project names local files)")
                           .arg(*path));
                break;
            }
            layer.path = connection ? IncidentDatabase::withoutPassword(*path)
                                    : QDir::cleanPath(QFileInfo(*path).isRelative()
                                                          ? dir.absoluteFilePath(*path)
                                                          : *path);
            layer.title = f.text(QStringLiteral("title")).value_or(QString());
            const QString kind = f.text(QStringLiteral("kind")).value_or(QStringLiteral("map"));
            if (kind == QLatin1String("incidents"))
                layer.kind = ProjectLayer::Kind::Incidents;
            else if (kind != QLatin1String("map"))
                f.fail(QStringLiteral("kind"), QStringLiteral("expected \"map\" or \"incidents\""));
            f.flag(QStringLiteral("visible"), layer.visible);
            f.flag(QStringLiteral("districts"), layer.districts);
            layer.timeField = f.text(QStringLiteral("time_field")).value_or(QString());
            if (const auto style = f.object(QStringLiteral("style"))) {
                auto s = layerStyleFromJson(*style, f.at(QStringLiteral("style")));
                if (!s)
                    error = s.error();
                else
                    layer.style = s.value();
            }
            if (!connection && !QFileInfo::exists(layer.path))
                out.missingFiles << layer.path;
            p.layers.push_back(layer);
        }
    }

    if (const auto view = top.object(QStringLiteral("view"))) {
        Fields v(*view, QStringLiteral("view"), error);
        if (const auto crs = v.text(QStringLiteral("crs"))) {
            const Crs code = Crs::fromUserString(*crs);
            if (code.isValid())
                p.crs = code;
            else if (!crs->trimmed().isEmpty())
                p.crs = Crs(crs->trimmed());
            else
                v.fail(QStringLiteral("crs"), QStringLiteral("expected a CRS such as EPSG:32642"));
        }
        if (const auto e = v.numbers(QStringLiteral("extent"), 4)) {
            const auto& n = *e;
            if (n[0] < -180 || n[2] > 180 || n[1] < -90 || n[3] > 90 || n[0] >= n[2] ||
                n[1] >= n[3])
                v.fail(QStringLiteral("extent"),
                       QStringLiteral("expected min lon, min lat, max lon, max lat in degrees"));
            else
                p.lonLatExtent = Extent{n[0], n[1], n[2], n[3]};
        }
    }

    if (const auto time = top.object(QStringLiteral("time"))) {
        Fields t(*time, QStringLiteral("time"), error);
        const auto from = t.date(QStringLiteral("from"));
        const auto to = t.date(QStringLiteral("to"));
        if (from && to) {
            if (*from > *to)
                t.fail(QStringLiteral("from"), QStringLiteral("is after \"to\""));
            else
                p.window = TimeRange::fromInclusive(*from, *to);
        } else if (from || to) {
            t.fail(from ? QStringLiteral("to") : QStringLiteral("from"),
                   QStringLiteral("a window needs both \"from\" and \"to\""));
        }
        if (const auto w = t.text(QStringLiteral("window"))) {
            if (const auto spec = WindowSpec::parse(*w))
                p.windowSpec = *spec;
            else
                t.fail(QStringLiteral("window"),
                       QStringLiteral("expected e.g. \"30d\", \"cumulative\" or \"off\""));
        }
        if (const auto s = t.text(QStringLiteral("step"))) {
            if (const auto step = PlaybackStep::parse(*s))
                p.step = *step;
            else
                t.fail(QStringLiteral("step"),
                       QStringLiteral("expected e.g. \"1d\", \"1w\", \"1m\""));
        }
    }

    if (const auto briefing = top.object(QStringLiteral("briefing"))) {
        Fields b(*briefing, QStringLiteral("briefing"), error);
        ProjectExport& e = p.briefing;
        e.title = b.text(QStringLiteral("title")).value_or(QString());
        e.subtitle = b.text(QStringLiteral("subtitle")).value_or(QString());
        e.banner = b.text(QStringLiteral("banner")).value_or(QString());
        if (const auto size = b.numbers(QStringLiteral("size"), 2)) {
            const double w = (*size)[0], h = (*size)[1];
            if (w < 16 || h < 16 || w > 20000 || h > 20000 || w != std::floor(w) ||
                h != std::floor(h))
                b.fail(QStringLiteral("size"),
                       QStringLiteral("expected [width, height] in pixels, 16 to 20000"));
            else
                e.size = QSize(static_cast<int>(w), static_cast<int>(h));
        }
        b.flag(QStringLiteral("legend"), e.legend);
        b.flag(QStringLiteral("inset"), e.inset);
        b.flag(QStringLiteral("graticule"), e.graticule);
        b.flag(QStringLiteral("north_arrow"), e.northArrow);
        b.flag(QStringLiteral("scale_bar"), e.scaleBar);
        b.flag(QStringLiteral("attribution"), e.attribution);
        b.flag(QStringLiteral("labels"), e.labels);
    }

    // Added with issue 15; a project without them opens unfiltered, with the default trends.
    if (const auto filter = top.object(QStringLiteral("filter"))) {
        auto read = IncidentFilter::fromJson(*filter);
        if (read)
            p.filter = read.value();
        else
            top.fail(QStringLiteral("filter.") + read.error().source, read.error().message);
    }
    if (const auto trends = top.object(QStringLiteral("trends"))) {
        Fields t(*trends, QStringLiteral("trends"), error);
        const QJsonValue windows = trends->value(QStringLiteral("baseline_windows"));
        if (!windows.isUndefined()) {
            const double n = windows.toDouble(-1);
            if (!windows.isDouble() || n < 1 || n > 52 || n != std::floor(n))
                t.fail(QStringLiteral("baseline_windows"),
                       QStringLiteral("expected a whole number from 1 to 52"));
            else
                p.trends.baselineWindows = static_cast<int>(n);
        }
        for (const auto& [key, into] :
             {std::pair{QStringLiteral("low_baseline"), &p.trends.lowBaseline},
              std::pair{QStringLiteral("surge_pct"), &p.trends.surgePct}}) {
            const QJsonValue v = trends->value(key);
            if (v.isUndefined())
                continue;
            if (!v.isDouble() || !std::isfinite(v.toDouble()) || v.toDouble() < 0)
                t.fail(key, QStringLiteral("expected a number from 0"));
            else
                *into = v.toDouble();
        }
    }

    if (error)
        return Error{name, error->message};
    return out;
}

Result<ProjectFile> readProjectFile(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error{path, QStringLiteral("cannot open the project: %1").arg(f.errorString())};
    // A project is a few KB; anything this large is not one, and is not read whole.
    constexpr qint64 kMaxBytes = 16 * 1024 * 1024;
    if (f.size() > kMaxBytes)
        return Error{path, QStringLiteral("not a BorderLens project (larger than 16 MB)")};
    return parseProject(f.readAll(), QFileInfo(path).absolutePath(), path);
}

QByteArray serializeProject(const Project& p, const QString& projectDir) {
    const QDir dir(projectDir);
    QJsonObject root;
    root[QStringLiteral("format")] = kFormatName;
    root[QStringLiteral("version")] = kProjectFormatVersion;
    root[QStringLiteral("bundled_map")] = p.bundledMap;
    root[QStringLiteral("hidden_bundled")] = QJsonArray::fromStringList(p.hiddenBundled);
    QJsonArray layers;
    for (const ProjectLayer& l : p.layers) {
        QJsonObject o;
        o[QStringLiteral("path")] = storedPath(l.path, dir);
        if (!l.title.isEmpty())
            o[QStringLiteral("title")] = l.title;
        o[QStringLiteral("kind")] = l.kind == ProjectLayer::Kind::Incidents
                                        ? QStringLiteral("incidents")
                                        : QStringLiteral("map");
        o[QStringLiteral("visible")] = l.visible;
        if (l.districts)
            o[QStringLiteral("districts")] = true;
        if (!l.timeField.isEmpty())
            o[QStringLiteral("time_field")] = l.timeField;
        if (l.style)
            o[QStringLiteral("style")] = layerStyleToJson(*l.style);
        layers.append(o);
    }
    root[QStringLiteral("layers")] = layers;

    QJsonObject view;
    view[QStringLiteral("crs")] = p.crs.definition();
    if (p.lonLatExtent)
        view[QStringLiteral("extent")] = QJsonArray{p.lonLatExtent->xMin, p.lonLatExtent->yMin,
                                                    p.lonLatExtent->xMax, p.lonLatExtent->yMax};
    root[QStringLiteral("view")] = view;

    QJsonObject time;
    if (p.window && !p.window->isAll() && !p.window->isEmpty()) {
        time[QStringLiteral("from")] = p.window->beginDate().toString(Qt::ISODate);
        time[QStringLiteral("to")] = p.window->lastDate().toString(Qt::ISODate);
    }
    time[QStringLiteral("window")] = p.windowSpec.toString();
    time[QStringLiteral("step")] = p.step.toString();
    root[QStringLiteral("time")] = time;

    const ProjectExport& e = p.briefing;
    root[QStringLiteral("briefing")] =
        QJsonObject{{QStringLiteral("title"), e.title},
                    {QStringLiteral("subtitle"), e.subtitle},
                    {QStringLiteral("banner"), e.banner},
                    {QStringLiteral("size"), QJsonArray{e.size.width(), e.size.height()}},
                    {QStringLiteral("legend"), e.legend},
                    {QStringLiteral("inset"), e.inset},
                    {QStringLiteral("graticule"), e.graticule},
                    {QStringLiteral("north_arrow"), e.northArrow},
                    {QStringLiteral("scale_bar"), e.scaleBar},
                    {QStringLiteral("attribution"), e.attribution},
                    {QStringLiteral("labels"), e.labels}};
    if (!p.filter.isEmpty())
        root[QStringLiteral("filter")] = p.filter.toJson();
    if (p.trends != TrendOptions{})
        root[QStringLiteral("trends")] =
            QJsonObject{{QStringLiteral("baseline_windows"), p.trends.baselineWindows},
                        {QStringLiteral("low_baseline"), p.trends.lowBaseline},
                        {QStringLiteral("surge_pct"), p.trends.surgePct}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Result<QString> writeProjectFile(const Project& project, const QString& path) {
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QSaveFile f(absolute);
    if (!f.open(QIODevice::WriteOnly))
        return Error{path, QStringLiteral("cannot write the project: %1").arg(f.errorString())};
    const QByteArray bytes = serializeProject(project, QFileInfo(absolute).absolutePath());
    if (f.write(bytes) != bytes.size() || !f.commit())
        return Error{path, QStringLiteral("cannot write the project: %1").arg(f.errorString())};
    return absolute;
}

} // namespace borderlens
