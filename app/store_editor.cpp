#include "store_editor.h"

#include <QMessageBox>
#include <QPushButton>
#include <QUndoCommand>
#include <QUndoStack>

namespace borderlens {

QString recordId(const StoreRecord& record) {
    return std::visit([](const auto& r) { return r.id; }, record);
}

namespace {

// Adds `record`, writing the id the store gave it back into it; the version it got.
Result<std::int64_t> addRecord(IncidentDatabase& db, StoreRecord& record) {
    return std::visit(
        [&](auto& r) -> Result<std::int64_t> {
            auto added = db.add(r);
            if (!added)
                return added.error();
            if constexpr (std::is_same_v<std::decay_t<decltype(r)>, Incident>)
                r = added.value().incident;
            else
                r = added.value().facility;
            return added.value().version;
        },
        record);
}

RecordKind kindOf(const StoreRecord& r) {
    return std::holds_alternative<Incident>(r) ? RecordKind::Incident : RecordKind::Facility;
}

QString describe(const StoreRecord& r) {
    if (const auto* i = std::get_if<Incident>(&r))
        return QObject::tr("%1 on %2").arg(displayName(i->type), i->startDate.toString(Qt::ISODate));
    return std::get<Facility>(r).name;
}

// One save and its inverse. Each saves over the version this session knows (StoreEditor), so
// an edit by someone else in between is a conflict, never silently overwritten.
class RecordCommand : public QUndoCommand {
public:
    RecordCommand(StoreEditor& editor, QString location, std::optional<StoreRecord> before,
                  std::optional<StoreRecord> after, const QString& text)
        : QUndoCommand(text), m_editor(editor), m_location(std::move(location)),
          m_before(std::move(before)), m_after(std::move(after)) {}

    void redo() override { run(m_before, m_after); }
    void undo() override { run(m_after, m_before); }

private:
    void run(const std::optional<StoreRecord>& from, const std::optional<StoreRecord>& to) {
        std::optional<StoreRecord> target = to;
        if (!m_failed && m_editor.apply(m_location, from, target)) {
            if (!m_before && m_after && recordId(*m_after).isEmpty())
                m_after = target; // the first save of an addition assigned the id: keep it
            emit m_editor.storeChanged(m_location);
            return;
        }
        // Not saved: the stack must not claim it was; this command can no longer be undone
        // or redone (QUndoStack drops an obsolete command).
        m_failed = true;
        setObsolete(true);
    }
    StoreEditor& m_editor;
    QString m_location;
    std::optional<StoreRecord> m_before;
    std::optional<StoreRecord> m_after;
    bool m_failed = false;
};

} // namespace

StoreEditor::StoreEditor(QObject* parent) : QObject(parent), m_undo(new QUndoStack(this)) {}

StoreEditor::~StoreEditor() = default;

bool StoreEditor::isStore(const QString& location) {
    if (location.isEmpty())
        return false;
    if (auto it = m_isStore.find(location); it != m_isStore.end())
        return it->second;
    const bool store = IncidentDatabase::isConnectionString(location) || IncidentDatabase::isStoreFile(location);
    m_isStore[location] = store;
    return store;
}

Result<IncidentDatabase*> StoreEditor::database(const QString& location) {
    if (auto it = m_open.find(location); it != m_open.end())
        return it->second.get();
    const QString with = openWith(location);
    auto db = IncidentDatabase::open(with.isEmpty() ? location : with);
    if (!db)
        return db.error();
    IncidentDatabase* raw = db.value().get();
    m_open[location] = std::move(db).value();
    m_isStore[location] = true;
    return raw;
}

void StoreEditor::rememberConnection(const QString& location, const QString& openWith) {
    m_openWith[location] = openWith;
    m_isStore[location] = true;
}

QString StoreEditor::openWith(const QString& location) const {
    const auto it = m_openWith.find(location);
    return it == m_openWith.end() ? QString() : it->second;
}

std::int64_t StoreEditor::currentVersion(const QString& location, RecordKind kind, const QString& id) {
    auto db = database(location);
    if (!db)
        return 0;
    if (kind == RecordKind::Incident) {
        auto r = db.value()->incident(id);
        return r && r.value() ? r.value()->version : 0;
    }
    auto r = db.value()->facility(id);
    return r && r.value() ? r.value()->version : 0;
}

void StoreEditor::reportError(const QString& text) const {
    if (m_report)
        m_report(text);
    else
        QMessageBox::warning(nullptr, tr("Incident store"), text);
}

bool StoreEditor::apply(const QString& location, const std::optional<StoreRecord>& from,
                        std::optional<StoreRecord>& to) {
    auto opened = database(location);
    if (!opened) {
        reportError(opened.error().toString());
        return false;
    }
    IncidentDatabase& db = *opened.value();
    if (!from && to) {
        // An addition, or the undo of a deletion (the same id comes back).
        auto added = addRecord(db, *to);
        if (!added) {
            reportError(added.error().toString());
            return false;
        }
        m_known[{location, kindOf(*to), recordId(*to)}] = added.value();
        return true;
    }
    const StoreRecord& subject = to ? *to : *from;
    const auto key = std::tuple{location, kindOf(subject), recordId(subject)};
    std::int64_t version = m_known.count(key) ? m_known[key] : currentVersion(location, kindOf(subject), recordId(subject));
    for (int attempt = 0; attempt < 2; ++attempt) {
        Result<SaveOutcome> saved =
            to ? std::visit([&](const auto& record) { return db.update(record, version); }, *to)
               : db.remove(kindOf(subject), recordId(subject), version);
        if (!saved) {
            reportError(saved.error().toString());
            return false;
        }
        if (!saved.value().conflict) {
            m_known[key] = saved.value().version;
            return true;
        }
        const EditConflict& c = *saved.value().conflict;
        ConflictChoice choice = ConflictChoice::KeepTheirs;
        if (m_askConflict) {
            choice = m_askConflict(c);
        } else {
            QMessageBox box(QMessageBox::Warning, tr("Someone else saved this first"),
                            tr("%1\n\nKeep your version (it replaces theirs), or keep theirs "
                               "(your change is dropped)?")
                                .arg(c.describe()));
            QPushButton* mine = box.addButton(tr("Keep Mine"), QMessageBox::AcceptRole);
            box.addButton(tr("Keep Theirs"), QMessageBox::RejectRole);
            box.exec();
            choice = box.clickedButton() == mine ? ConflictChoice::KeepMine : ConflictChoice::KeepTheirs;
        }
        if (choice == ConflictChoice::KeepTheirs || c.current == 0) {
            if (c.current == 0 && choice == ConflictChoice::KeepMine && to) {
                // Deleted by the other editor; keeping mine puts it back.
                if (auto back = addRecord(db, *to); back) {
                    m_known[key] = back.value();
                    return true;
                } else {
                    reportError(back.error().toString());
                }
            }
            // m_known stays at the version this session last saw: an undo of an older command
            // on this record then meets theirs as a conflict and asks again, never overwrites.
            emit storeChanged(location); // show theirs
            return false;
        }
        version = c.current; // keep mine: save again over their version
    }
    return false;
}

void StoreEditor::add(const QString& location, StoreRecord record) {
    const QString text = tr("Add %1").arg(describe(record));
    m_undo->push(new RecordCommand(*this, location, std::nullopt, std::move(record), text));
}

void StoreEditor::edit(const QString& location, StoreRecord before, StoreRecord after,
                       std::int64_t version, const QString& text) {
    m_known[{location, kindOf(before), recordId(before)}] = version; // what the user started from
    const QString name = text.isEmpty() ? tr("Edit %1").arg(describe(after)) : text;
    m_undo->push(new RecordCommand(*this, location, std::move(before), std::move(after), name));
}

void StoreEditor::remove(const QString& location, StoreRecord record, std::int64_t version) {
    m_known[{location, kindOf(record), recordId(record)}] = version;
    const QString text = tr("Delete %1").arg(describe(record));
    m_undo->push(new RecordCommand(*this, location, std::move(record), std::nullopt, text));
}

} // namespace borderlens
