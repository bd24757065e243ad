#pragma once

#include <QDateTime>
#include <QString>

#include <cstdint>

namespace borderlens {

// One line of a store's edit history: who changed what, when, from which value to which.
// An edit writes one entry per changed field; an addition or a deletion one entry holding the
// whole record as JSON (after, or before), so a deleted record can be read back from the log.
struct EditLogEntry {
    std::int64_t sequence = 0; // increasing in the order the edits were committed
    QDateTime at;              // UTC, to the second
    QString editor;            // the operating-system account (osUserName())
    QString action;            // "add", "edit", "delete"
    QString kind;              // "incident", "facility"
    QString recordId;
    QString field;             // the field an edit changed; empty for add and delete
    QString before;
    QString after;
    std::int64_t version = 0;  // the record's version this entry produced (0 for a deletion)
};

} // namespace borderlens
