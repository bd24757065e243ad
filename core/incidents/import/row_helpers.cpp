#include "incidents/import/row_helpers.h"

#include "time/date_precision.h"

#include <QLocale>

namespace borderlens::rowhelpers {

std::optional<QString> readCoordinates(const TableRow& row, const QString& lonColumn,
                                       const QString& latColumn, double& lon, double& lat,
                                       bool& missing) {
    const QString lonText = row.value(lonColumn);
    const QString latText = row.value(latColumn);
    missing = lonText.isEmpty() && latText.isEmpty();
    if (missing)
        return std::nullopt;
    if (lonText.isEmpty() || latText.isEmpty())
        return QStringLiteral("only one of %1/%2 given").arg(lonColumn, latColumn);
    bool okLon = false, okLat = false;
    const auto x = parseDouble(lonText, okLon);
    const auto y = parseDouble(latText, okLat);
    if (!okLat)
        return QStringLiteral("%1 '%2' is not a number").arg(latColumn, latText);
    if (!okLon)
        return QStringLiteral("%1 '%2' is not a number").arg(lonColumn, lonText);
    if (*y < -90.0 || *y > 90.0)
        return QStringLiteral("%1 %2 out of range (-90..90)").arg(latColumn, latText);
    if (*x < -180.0 || *x > 180.0)
        return QStringLiteral("%1 %2 out of range (-180..180)").arg(lonColumn, lonText);
    lon = *x;
    lat = *y;
    return std::nullopt;
}

std::optional<QString> readCount(const TableRow& row, const QString& column,
                                 std::optional<int>& out) {
    bool ok = false;
    const QString text = row.value(column);
    out = parseInt(text, ok);
    if (!ok || (out && *out < 0)) {
        out.reset();
        return QStringLiteral("%1 '%2' is not a whole number >= 0").arg(column, text);
    }
    return std::nullopt;
}

std::optional<QDate> parseFlexibleDate(const QString& text) {
    const QString t = text.trimmed();
    if (t.isEmpty())
        return std::nullopt;
    if (const auto iso = parseIsoDate(t); iso && !iso->impliedPrecision)
        return iso->date;
    const QLocale c = QLocale::c();
    // No numeric day/month forms: 07/05/2021 is May in Europe and July in the US, and guessing
    // would misdate every day up to the 12th without a word.
    for (const char* fmt : {"d MMMM yyyy", "d-MMMM-yyyy", "d MMM yyyy", "d-MMM-yyyy",
                            "MMMM d, yyyy"}) {
        const QDate d = c.toDate(t, QString::fromLatin1(fmt));
        if (d.isValid())
            return d;
    }
    return std::nullopt;
}

QString countryToIso2(const QString& nameOrCode) {
    const QString t = nameOrCode.trimmed();
    if (t.size() == 2 && t[0].isLetter() && t[1].isLetter())
        return t.toUpper();
    struct Entry {
        const char* iso2;
        const char* name;
        int numeric;
        int gw; // Gleditsch–Ward code, as UCDP uses
    };
    static const Entry table[] = {
        {"AF", "Afghanistan", 4, 700},  {"TJ", "Tajikistan", 762, 702},
        {"UZ", "Uzbekistan", 860, 704}, {"KG", "Kyrgyzstan", 417, 703},
        {"CN", "China", 156, 710},      {"PK", "Pakistan", 586, 770},
        {"IR", "Iran", 364, 630},       {"TM", "Turkmenistan", 795, 701},
        {"KZ", "Kazakhstan", 398, 705}, {"RU", "Russia", 643, 365},
    };
    bool isNumber = false;
    const int code = t.toInt(&isNumber);
    for (const Entry& e : table) {
        if (isNumber ? code == e.numeric
                     : t.compare(QLatin1String(e.name), Qt::CaseInsensitive) == 0)
            return QString::fromLatin1(e.iso2);
    }
    if (t.startsWith(QLatin1String("Iran"), Qt::CaseInsensitive))
        return QStringLiteral("IR");
    if (t.startsWith(QLatin1String("Russia"), Qt::CaseInsensitive))
        return QStringLiteral("RU");
    return {};
}

} // namespace borderlens::rowhelpers
