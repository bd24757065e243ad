// A writer for the kill test: adds incidents to the store in argv[1] one save at a time,
// printing each id on stdout as soon as its save has returned (committed), until killed.
#include "store/incident_database.h"
#include "store_test_records.h"

#include <QCoreApplication>

#include <cstdio>

using namespace borderlens;

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    if (argc < 2)
        return 2;
    auto db = IncidentDatabase::open(QString::fromLocal8Bit(argv[1]));
    if (!db) {
        std::fprintf(stderr, "%s\n", qPrintable(db.error().toString()));
        return 1;
    }
    for (int n = 0;; ++n) {
        Incident i = test::morningIncident();
        i.summary = QStringLiteral("burst %1").arg(n);
        auto added = db.value()->add(i);
        if (!added) {
            std::fprintf(stderr, "%s\n", qPrintable(added.error().toString()));
            return 1;
        }
        // Edits too, so a kill can land inside an update's transaction as well as an insert's.
        Incident edited = added.value().incident;
        edited.summary += QStringLiteral(" (corrected)");
        if (!db.value()->update(edited, 1)) {
            std::fprintf(stderr, "update failed\n");
            return 1;
        }
        std::printf("%s\n", qPrintable(edited.id));
        std::fflush(stdout);
    }
}
