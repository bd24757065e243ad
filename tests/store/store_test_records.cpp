#include "store_test_records.h"

namespace borderlens::test {

Incident morningIncident() {
    Incident i;
    i.startDate = QDate(2025, 11, 30);
    i.type = IncidentType::ArmedClash;
    i.place = QStringLiteral("Shamsiddin Shohin");
    i.lon = 70.048650;
    i.lat = 37.841370;
    i.geoPrecision = GeoPrecision::Near;
    i.country = QStringLiteral("TJ");
    i.province = QStringLiteral("Khatlon");
    i.district = QStringLiteral("Shamsiddin Shohin");
    i.killed = {2, 3, 5};
    i.injured = 1;
    i.actors = {QStringLiteral("Border guards"), QStringLiteral("Smugglers")};
    i.summary = QStringLiteral("Shoot-out with a group crossing the Panj, \"armed\"; 3 killed");
    i.sources = {{QStringLiteral("Clash on the border"), QStringLiteral("Asia-Plus"), QDate(2025, 11, 30),
                  QStringLiteral("https://asiaplustj.info/x")}};
    return i;
}

Facility newOutpost() {
    Facility f;
    f.name = QStringLiteral("Outpost Dashti Jum 4");
    f.kind = FacilityKind::BorderOutpost;
    f.lon = 70.25;
    f.lat = 38.02;
    f.opened = QDate(2025, 12, 24);
    f.country = QStringLiteral("TJ");
    f.notes = QStringLiteral("one of four opened that day");
    return f;
}

} // namespace borderlens::test
