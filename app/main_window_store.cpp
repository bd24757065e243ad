// The viewer's side of the incident store: File ▸ New / Open Incident Store and Connect to
// Shared Store, Edit ▸ Add Incident / Add Outpost / Edit / Delete / Undo / Redo, Alt+drag to
// move, and reloading a store's layers after each save. The store itself is core
// (store/incident_database.h); the commands and undo stack are StoreEditor.
#include "database_dialog.h"
#include "facility_form.h"
#include "incident_form.h"
#include "layer_panel.h"
#include "main_window.h"
#include "map/facility_map_layer.h"
#include "map_canvas.h"
#include "password_keyring.h"
#include "place_field.h"
#include "store_editor.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QPointer>
#include <QStatusBar>
#include <QUndoStack>

namespace borderlens {

QString MainWindow::layerSource(const QString& layerId) const {
    const auto it = m_layerSource.find(layerId);
    return it == m_layerSource.end() ? QString() : it->second;
}

void MainWindow::createStoreActions(QMenu* file, QAction* fileBefore, QMenu* edit) {
    m_storeEditor = new StoreEditor(this);
    m_storeEditor->setErrorReporter([this](const QString& text) { reportError(tr("Incident store"), text); });
    connect(m_storeEditor, &StoreEditor::storeChanged, this, &MainWindow::reloadStore);

    // File entries go before `fileBefore` (Quit), in the order made here.
    auto fileAction = [&](const QString& text, auto slot) {
        auto* a = new QAction(text, this);
        connect(a, &QAction::triggered, this, slot);
        file->insertAction(fileBefore, a);
        return a;
    };
    fileAction(tr("New &Incident Store…"), [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("New Incident Store"), QString(),
                                                          tr("Incident store (*.gpkg)"));
        if (!path.isEmpty())
            newIncidentStore(path.endsWith(QLatin1String(".gpkg"), Qt::CaseInsensitive)
                                 ? path
                                 : path + QStringLiteral(".gpkg"));
    });
    fileAction(tr("Open Incident S&tore…"), [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open Incident Store"), QString(),
                                                          tr("Incident store (*.gpkg)"));
        if (!path.isEmpty())
            openIncidentStore(path);
    });
    fileAction(tr("Connect to Shared &Store…"), [this] {
        DatabaseDialog dialog(this);
        if (dialog.exec() != QDialog::Accepted)
            return;
        const QString connection = dialog.connection();
        // A database without a store yet gets one, after asking.
        auto opened = IncidentDatabase::open(dialog.connectionWithPassword());
        if (!opened && opened.error().message.contains(QStringLiteral("is not a BorderLens incident store")) &&
            QMessageBox::question(this, tr("Connect to Shared Store"),
                                  tr("%1 holds no incident store yet. Create one there?")
                                      .arg(IncidentDatabase::displayLocation(connection))) == QMessageBox::Yes) {
            auto created = IncidentDatabase::create(dialog.connectionWithPassword());
            if (!created) {
                reportError(tr("Connect to Shared Store"), created.error().toString());
                return;
            }
        } else if (!opened) {
            reportError(tr("Connect to Shared Store"), opened.error().toString());
            return;
        }
        // Kept only once it has worked: a mistyped password is not remembered.
        if (dialog.rememberPassword() && !dialog.password().isEmpty()) {
            QString why;
            if (!keyring::storePassword(connection, dialog.password(), &why))
                statusBar()->showMessage(
                    tr("The password could not be kept in a system keyring (%1); you will be asked "
                       "again next time.")
                        .arg(why),
                    15000);
        }
        openIncidentStore(connection, dialog.connectionWithPassword());
    });
    file->insertSeparator(fileBefore);

    QUndoStack* undo = m_storeEditor->undoStack();
    QAction* undoAction = undo->createUndoAction(this, tr("&Undo"));
    undoAction->setShortcut(QKeySequence::Undo);
    QAction* redoAction = undo->createRedoAction(this, tr("&Redo"));
    redoAction->setShortcut(QKeySequence::Redo);
    edit->addAction(undoAction);
    edit->addAction(redoAction);
    edit->addSeparator();
    QAction* addIncident = edit->addAction(tr("Add &Incident…"), this, [this] { openIncidentForm(); });
    addIncident->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    edit->addAction(tr("Add &Outpost or Facility…"), this, [this] { openFacilityForm(); });
    m_editRecord = edit->addAction(tr("&Edit Selected…"), this, [this] { editSelected(); });
    m_editRecord->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_deleteRecord = edit->addAction(tr("&Delete Selected"), this, [this] { deleteSelected(); });
    m_deleteRecord->setShortcut(QKeySequence::Delete);
    m_editRecord->setEnabled(false);
    m_deleteRecord->setEnabled(false);
    QAction* reload = edit->addAction(tr("Re&load Incident Stores"), this, [this] {
        // Others' saves into a shared store appear on reload.
        QStringList done;
        for (const auto& [id, source] : m_layerSource) {
            if (!done.contains(source) && m_storeEditor->isStore(source)) {
                done << source;
                reloadStore(source);
            }
        }
        statusBar()->showMessage(tr("%n store(s) reloaded", nullptr, int(done.size())), 5000);
    });
    reload->setShortcut(QKeySequence::Refresh);
    edit->addSeparator();

    connect(m_canvas, &MapCanvas::escapePressed, this, [this] {
        if (m_pickHandler) {
            m_pickHandler = nullptr;
            m_canvas->unsetCursor();
            statusBar()->showMessage(tr("Placing cancelled."), 4000);
        }
    });
    // Alt+drag moves an incident or outpost of a store.
    connect(m_canvas, &MapCanvas::modifierDragged, this, [this](QPointF from, QPointF to) {
        const auto target = storeRecordAt(from);
        const auto lonLat = m_canvas->lonLatAt(to);
        if (!target || !lonLat) {
            statusBar()->showMessage(tr("Alt+drag moves an incident or outpost of an incident store; "
                                        "there is none where the drag started."),
                                     8000);
            return;
        }
        moveRecord(*target, lonLat->x(), lonLat->y());
    });
}

std::optional<MainWindow::StoreTarget> MainWindow::storeRecordAt(QPointF pixel) const {
    for (const IdentifyResult& r : identifyAll(pixel, 7)) {
        const QString location = layerSource(r.layerId);
        if (r.featureKey.isEmpty() || !m_storeEditor->isStore(location))
            continue;
        return StoreTarget{location, incidentLayer(r.layerId) ? RecordKind::Incident : RecordKind::Facility,
                           r.featureKey};
    }
    return std::nullopt;
}

void MainWindow::setEditTarget(std::optional<StoreTarget> target) {
    m_editTarget = std::move(target);
    if (m_editRecord) {
        m_editRecord->setEnabled(m_editTarget.has_value());
        m_deleteRecord->setEnabled(m_editTarget.has_value());
    }
}

bool MainWindow::newIncidentStore(const QString& path) {
    auto created = IncidentDatabase::create(path);
    if (!created) {
        reportError(tr("New Incident Store"), created.error().toString());
        return false;
    }
    created.value().reset();
    openIncidentStore(path);
    statusBar()->showMessage(tr("New incident store %1: Edit ▸ Add Incident (Ctrl+I) logs one.")
                                 .arg(QFileInfo(path).fileName()),
                             15000);
    return true;
}

void MainWindow::openIncidentStore(const QString& location, const QString& openWith) {
    const bool connection = IncidentDatabase::isConnectionString(location);
    const QString kept = connection ? IncidentDatabase::withoutPassword(location) : QFileInfo(location).absoluteFilePath();
    if (connection)
        m_storeEditor->rememberConnection(kept, openWith.isEmpty() ? location : openWith);
    m_activeStore = connection ? kept : QFileInfo(kept).canonicalFilePath();
    LoadRequest r;
    r.path = kept;
    r.kind = LoadRequest::Kind::Incidents;
    r.openWith = connection ? (openWith.isEmpty() ? location : openWith) : QString();
    r.title = connection ? tr("Shared store (%1)").arg(IncidentDatabase::displayLocation(kept).mid(3))
                         : QFileInfo(location).completeBaseName();
    m_storeTitles[connection ? kept : QFileInfo(kept).canonicalFilePath()] = r.title;
    std::vector<LoadRequest> requests{std::move(r)};
    m_loader->load(std::move(requests));
}

QString MainWindow::activeStore() {
    // The store of the layer selected in the Layers panel, else the last one opened.
    const QString current = layerSource(m_panel->currentId());
    if (m_storeEditor->isStore(current))
        return current;
    if (!m_activeStore.isEmpty())
        return m_activeStore;
    for (const auto& [id, source] : m_layerSource) {
        if (m_storeEditor->isStore(source))
            return source;
    }
    return {};
}

// Where new records go; when no store is open, offers to make one.
QString MainWindow::storeForNewRecord() {
    QString store = activeStore();
    if (!store.isEmpty())
        return store;
    if (m_askNewStorePath) {
        const QString path = m_askNewStorePath();
        return !path.isEmpty() && newIncidentStore(path) ? QFileInfo(path).canonicalFilePath() : QString();
    }
    if (QMessageBox::question(this, tr("No Incident Store"),
                              tr("Incidents are logged into an incident store (a GeoPackage file, or "
                                 "a shared PostGIS database). Create a new store now?")) != QMessageBox::Yes)
        return {};
    const QString path = QFileDialog::getSaveFileName(this, tr("New Incident Store"), QString(),
                                                      tr("Incident store (*.gpkg)"));
    if (path.isEmpty() || !newIncidentStore(path))
        return {};
    return QFileInfo(path).canonicalFilePath();
}

void MainWindow::wirePlacePicking(PlaceField* place) {
    connect(place, &PlaceField::pickRequested, this, [this, place] {
        statusBar()->showMessage(tr("Click the map where it happened (Esc cancels)."), 15000);
        // The form may be closed before the click: the handler then does nothing.
        const QPointer<PlaceField> target(place);
        m_pickHandler = [target](double lon, double lat) {
            if (target)
                target->setPicked(lon, lat);
        };
        m_canvas->setCursor(Qt::CrossCursor);
    });
}

IncidentForm* MainWindow::openIncidentForm(const std::optional<StoredIncident>& existing,
                                           const QString& location) {
    const QString store = existing ? location : storeForNewRecord();
    if (store.isEmpty())
        return nullptr;
    auto* form = new IncidentForm(this);
    form->setAttribute(Qt::WA_DeleteOnClose);
    if (existing) {
        form->setIncident(existing->incident);
    } else {
        Incident fresh;
        fresh.startDate = QDate::currentDate();
        form->setIncident(fresh);
    }
    wirePlacePicking(form->place());
    const std::optional<StoredIncident> before = existing;
    connect(form, &QDialog::accepted, this, [this, form, store, before] {
        if (before)
            m_storeEditor->edit(store, before->incident, form->incident(), before->version);
        else
            m_storeEditor->add(store, form->incident());
    });
    form->show();
    return form;
}

FacilityForm* MainWindow::openFacilityForm(const std::optional<StoredFacility>& existing,
                                           const QString& location) {
    const QString store = existing ? location : storeForNewRecord();
    if (store.isEmpty())
        return nullptr;
    auto* form = new FacilityForm(this);
    form->setAttribute(Qt::WA_DeleteOnClose);
    if (existing) {
        form->setFacility(existing->facility);
    } else {
        Facility fresh;
        fresh.opened = QDate::currentDate();
        form->setFacility(fresh);
    }
    wirePlacePicking(form->place());
    const std::optional<StoredFacility> before = existing;
    connect(form, &QDialog::accepted, this, [this, form, store, before] {
        if (before)
            m_storeEditor->edit(store, before->facility, form->facility(), before->version);
        else
            m_storeEditor->add(store, form->facility());
    });
    form->show();
    return form;
}

QDialog* MainWindow::editSelected() {
    if (!m_editTarget)
        return nullptr;
    const StoreTarget t = *m_editTarget;
    auto db = m_storeEditor->database(t.location);
    if (!db) {
        reportError(tr("Edit"), db.error().toString());
        return nullptr;
    }
    if (t.kind == RecordKind::Incident) {
        auto record = db.value()->incident(t.id);
        if (!record || !record.value()) {
            reportError(tr("Edit"), record ? tr("%1 is no longer in the store.").arg(t.id)
                                           : record.error().toString());
            return nullptr;
        }
        return openIncidentForm(record.value(), t.location);
    }
    auto record = db.value()->facility(t.id);
    if (!record || !record.value()) {
        reportError(tr("Edit"), record ? tr("%1 is no longer in the store.").arg(t.id) : record.error().toString());
        return nullptr;
    }
    return openFacilityForm(record.value(), t.location);
}

bool MainWindow::deleteSelected(bool ask) {
    if (!m_editTarget)
        return false;
    const StoreTarget t = *m_editTarget;
    auto db = m_storeEditor->database(t.location);
    if (!db) {
        reportError(tr("Delete"), db.error().toString());
        return false;
    }
    std::optional<StoreRecord> record;
    std::int64_t version = 0;
    if (t.kind == RecordKind::Incident) {
        if (auto r = db.value()->incident(t.id); r && r.value()) {
            record = r.value()->incident;
            version = r.value()->version;
        }
    } else if (auto r = db.value()->facility(t.id); r && r.value()) {
        record = r.value()->facility;
        version = r.value()->version;
    }
    if (!record)
        return false;
    if (ask && QMessageBox::question(this, tr("Delete"),
                                     tr("Delete %1 from the store? (Edit ▸ Undo brings it back.)").arg(t.id)) !=
                   QMessageBox::Yes)
        return false;
    m_storeEditor->remove(t.location, *record, version);
    setEditTarget(std::nullopt);
    return true;
}

bool MainWindow::moveRecord(const StoreTarget& t, double lon, double lat) {
    auto db = m_storeEditor->database(t.location);
    if (!db)
        return false;
    if (t.kind == RecordKind::Incident) {
        auto r = db.value()->incident(t.id);
        if (!r || !r.value())
            return false;
        Incident moved = r.value()->incident;
        moved.lon = lon;
        moved.lat = lat;
        moved.geoPrecision = GeoPrecision::Exact; // placed by hand, where the analyst put it
        m_storeEditor->edit(t.location, r.value()->incident, moved, r.value()->version,
                            tr("Move %1").arg(t.id));
    } else {
        auto r = db.value()->facility(t.id);
        if (!r || !r.value())
            return false;
        Facility moved = r.value()->facility;
        moved.lon = lon;
        moved.lat = lat;
        moved.geoPrecision = GeoPrecision::Exact;
        m_storeEditor->edit(t.location, r.value()->facility, moved, r.value()->version,
                            tr("Move %1").arg(t.id));
    }
    statusBar()->showMessage(tr("Moved %1 to %2, %3").arg(t.id).arg(lat, 0, 'f', 5).arg(lon, 0, 'f', 5), 8000);
    return true;
}

void MainWindow::reloadStore(const QString& location) {
    std::vector<QString> ids;
    for (const QString& id : m_panel->topFirstIds()) {
        if (layerSource(id) == location)
            ids.push_back(id);
    }
    LoadRequest r;
    r.path = location;
    r.kind = LoadRequest::Kind::Incidents;
    r.title = m_storeTitles.count(location) ? m_storeTitles[location] : QString();
    r.replaces = ids;
    r.openWith = m_storeEditor->openWith(location);
    std::vector<LoadRequest> requests{std::move(r)};
    m_loader->load(std::move(requests));
}

} // namespace borderlens
