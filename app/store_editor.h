#pragma once

#include "store/incident_database.h"

#include <QObject>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <tuple>
#include <variant>

class QUndoStack;

namespace borderlens {

// A record of a store, either kind, as the editing commands carry it.
using StoreRecord = std::variant<Incident, Facility>;
QString recordId(const StoreRecord& record);

// Edits incident stores (GeoPackage files or PG: connections) for the viewer: every add, edit,
// move and delete is a command on one QUndoStack, saved at once as one transaction of the
// store, so undo and redo are saves too (and logged). A save that meets a newer version by
// someone else asks the user what to keep (askConflict).
class StoreEditor : public QObject {
    Q_OBJECT
public:
    explicit StoreEditor(QObject* parent = nullptr);
    ~StoreEditor() override;

    QUndoStack* undoStack() const { return m_undo; }

    // Whether `location` (a layer's source) is a store the viewer can edit; remembered per
    // location, since the answer opens the file.
    bool isStore(const QString& location);
    // The open store at `location` (opened on first use), or the error.
    Result<IncidentDatabase*> database(const QString& location);
    // A store that needs a password (PostGIS): `location` is what the project and the layer
    // keep, `openWith` the connection with the password, used to connect.
    void rememberConnection(const QString& location, const QString& openWith);
    // What to connect to for `location` (itself unless remembered otherwise).
    QString openWith(const QString& location) const;
    // The version the store holds of `id` now (0 when it is not there).
    std::int64_t currentVersion(const QString& location, RecordKind kind, const QString& id);

    // What to do when someone else saved the record first.
    enum class ConflictChoice { KeepMine, KeepTheirs };
    void setConflictQuestion(std::function<ConflictChoice(const EditConflict&)> ask) {
        m_askConflict = std::move(ask);
    }
    // Where errors go (a message box in the viewer, a list in tests).
    void setErrorReporter(std::function<void(const QString&)> report) { m_report = std::move(report); }

    // Each pushes a command (and so saves it at once). `text` names it in Edit ▸ Undo.
    void add(const QString& location, StoreRecord record);
    // `version` is the version the user loaded `before` at: a save over a newer one is a conflict.
    void edit(const QString& location, StoreRecord before, StoreRecord after, std::int64_t version,
              const QString& text = {});
    void remove(const QString& location, StoreRecord record, std::int64_t version);

    // Used by the commands: one save, from `from` to `to` (either may be absent: add, delete),
    // over the version of the record this session last loaded or saved (a newer one is
    // someone else's: a conflict). An addition writes the id it got into `to`. Returns false
    // when nothing was saved (an error, or a conflict the user settled by keeping theirs).
    bool apply(const QString& location, const std::optional<StoreRecord>& from,
               std::optional<StoreRecord>& to);
    void reportError(const QString& text) const;

signals:
    // A store's records changed (by a command, its undo or redo): its layers need reloading.
    void storeChanged(const QString& location);

private:
    QUndoStack* m_undo;
    std::map<QString, std::unique_ptr<IncidentDatabase>> m_open;
    std::map<QString, bool> m_isStore;
    std::map<QString, QString> m_openWith;
    // (location, id) → the version this session last loaded or saved. Kept here, not in each
    // command, because undoing a deletion re-adds the record at version 1 and the commands
    // before it must then save over that, not over the version they last wrote.
    std::map<std::tuple<QString, RecordKind, QString>, std::int64_t> m_known;
    std::function<ConflictChoice(const EditConflict&)> m_askConflict;
    std::function<void(const QString&)> m_report;
};

} // namespace borderlens
