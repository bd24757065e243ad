// The viewer's side of projects: the session as a Project value, File ▸ New / Open / Save /
// Save As / Open Recent, the title bar's unsaved mark, and the question on closing. The file
// format and its checks live in core (project/project_file.h).
#include "data/bundled_layers.h"
#include "database_dialog.h"
#include "geo/extent_transform.h"
#include "layer_panel.h"
#include "main_window.h"

#include "analysis_session.h"
#include "district_trends_panel.h"
#include "filter_panel.h"
#include "map/facility_map_layer.h"
#include "map/incident_map_layer.h"
#include "map/vector_map_layer.h"
#include "map_canvas.h"
#include "password_keyring.h"
#include "store_editor.h"
#include "time/time_controller.h"

#include <QActionGroup>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>

namespace borderlens {
namespace {

constexpr int kMaxRecent = 8;
const QString kRecentKey = QStringLiteral("projects/recent");
const QString kProjectFilter = QStringLiteral("BorderLens projects (*.blproj)");

} // namespace

Project MainWindow::currentProject() const {
    Project p;
    bool anyBase = false;
    QStringList incidentFilesSeen;
    for (const LayerStack::Entry& e : m_layers.entries()) {
        const QString id = e.layer->id();
        const auto source = m_layerSource.find(id);
        const QString path = source == m_layerSource.end() ? QString() : source->second;
        if (e.base) {
            anyBase = true;
            if (!e.visible)
                p.hiddenBundled << QFileInfo(path).fileName();
            continue;
        }
        if (path.isEmpty())
            continue; // nothing to reopen it from
        ProjectLayer l;
        l.path = path;
        l.visible = e.visible;
        if (const auto* v = dynamic_cast<const VectorMapLayer*>(e.layer.get())) {
            l.kind = ProjectLayer::Kind::Map;
            l.title = v->name();
            l.style = v->style();
            l.districts = m_officialDistrictIds.contains(id);
            if (v->times()) {
                const auto& fields = v->data()->attributes().fields();
                const int field = v->times()->field();
                if (field >= 0 && static_cast<std::size_t>(field) < fields.size())
                    l.timeField = fields[static_cast<std::size_t>(field)].name;
            }
        } else {
            // Incidents and outposts from one file are one entry: reopening imports both.
            if (incidentFilesSeen.contains(path))
                continue;
            incidentFilesSeen << path;
            l.kind = ProjectLayer::Kind::Incidents;
            l.title = e.layer->name();
        }
        p.layers.push_back(std::move(l));
    }
    p.bundledMap = anyBase || m_layers.isEmpty();
    std::sort(p.hiddenBundled.begin(), p.hiddenBundled.end());
    p.crs = m_canvas->crs();
    const Extent lonLat =
        transformExtent(m_canvas->viewport().visibleExtent(), m_canvas->crs(), Crs::wgs84());
    if (!lonLat.isEmpty() && lonLat.xMin >= -180 && lonLat.xMax <= 180 && lonLat.yMin >= -90 &&
        lonLat.yMax <= 90)
        p.lonLatExtent = lonLat;
    if (!m_window.isAll() && !m_window.isEmpty())
        p.window = m_window;
    p.windowSpec = m_time->windowSpec();
    p.step = m_time->step();
    if (m_briefing)
        p.briefing = *m_briefing;
    if (m_analysis)
        p.filter = m_analysis->filter();
    if (m_trendsPanel)
        p.trends = m_trendsPanel->options();
    return p;
}

void MainWindow::updateProjectState() {
    // Panning is not a change worth a question on closing (QGIS agrees); what is on the map,
    // how, and when is. The extent is saved all the same.
    bool modified = false;
    if (m_savedProject) {
        Project now = currentProject();
        Project saved = *m_savedProject;
        now.lonLatExtent = saved.lonLatExtent = std::nullopt;
        modified = !(now == saved);
    }
    setWindowModified(modified);
    const QString name =
        m_projectPath.isEmpty() ? tr("Untitled project") : QFileInfo(m_projectPath).fileName();
    setWindowTitle(QStringLiteral("%1[*]%2 — BorderLens")
                       .arg(name, m_projectReadOnly ? tr(" (read-only)") : QString()));
}

void MainWindow::createProjectActions(QMenu* file) {
    QAction* create = file->addAction(tr("&New Project"), this, &MainWindow::newProject);
    create->setShortcut(QKeySequence::New);
    QAction* open = file->addAction(tr("&Open Project…"), this, [this] {
        if (!maybeSaveChanges())
            return;
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Open Project"), QFileInfo(m_projectPath).absolutePath(), kProjectFilter);
        if (!path.isEmpty())
            openProject(path);
    });
    open->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    QAction* save = file->addAction(tr("&Save Project"), this, [this] { saveProject(); });
    save->setShortcut(QKeySequence::Save);
    QAction* saveAs = file->addAction(tr("Save Project &As…"), this, [this] { saveProjectAs(); });
    saveAs->setShortcut(QKeySequence::SaveAs);
    file->addSeparator();
}

void MainWindow::fillRecentMenu() {
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(kRecentKey).toStringList();
    for (const QString& path : recent) {
        QAction* a = m_recentMenu->addAction(QFileInfo(path).fileName(), this, [this, path] {
            if (maybeSaveChanges())
                openProject(path);
        });
        a->setToolTip(path);
        a->setEnabled(QFileInfo::exists(path));
    }
    if (recent.isEmpty())
        m_recentMenu->addAction(tr("(none yet)"))->setEnabled(false);
}

void MainWindow::rememberRecent(const QString& path) {
    QSettings settings;
    QStringList recent = settings.value(kRecentKey).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    settings.setValue(kRecentKey, recent);
}

bool MainWindow::maybeSaveChanges() {
    if (!isWindowModified())
        return true;
    SaveChoice choice = SaveChoice::Cancel;
    if (m_askSave) {
        choice = m_askSave();
    } else {
        const auto answer = QMessageBox::question(
            this, tr("Unsaved changes"),
            tr("The project has changes that are not saved. Save them first?"),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
        choice = answer == QMessageBox::Save      ? SaveChoice::Save
                 : answer == QMessageBox::Discard ? SaveChoice::Discard
                                                  : SaveChoice::Cancel;
    }
    if (choice == SaveChoice::Save)
        return saveProject();
    return choice == SaveChoice::Discard;
}

bool MainWindow::saveProject() {
    if (m_projectPath.isEmpty() || m_projectReadOnly)
        return saveProjectAs();
    return saveProjectAs(m_projectPath);
}

bool MainWindow::saveProjectAs(const QString& requested) {
    QString path = requested;
    if (path.isEmpty()) {
        path = QFileDialog::getSaveFileName(
            this, tr("Save Project As"),
            m_projectPath.isEmpty() ? tr("project.blproj") : m_projectPath, kProjectFilter);
        if (path.isEmpty())
            return false;
        if (!path.endsWith(QLatin1String(".blproj"), Qt::CaseInsensitive))
            path += QStringLiteral(".blproj");
    }
    const Project project = currentProject();
    const auto written = writeProjectFile(project, path);
    if (!written) {
        reportError(tr("Could not save the project"), written.error().toString());
        return false;
    }
    m_projectPath = written.value();
    m_projectReadOnly = false;
    m_savedProject = project;
    rememberRecent(m_projectPath);
    updateProjectState();
    statusBar()->showMessage(tr("Saved %1").arg(m_projectPath), 5000);
    return true;
}

void MainWindow::newProject() {
    if (!maybeSaveChanges())
        return;
    std::vector<QString> users;
    for (const LayerStack::Entry& e : m_layers.entries()) {
        if (e.base)
            m_panel->setLayerVisible(e.layer->id(), true);
        else
            users.push_back(e.layer->id());
    }
    for (const QString& id : users)
        removeLayer(id);
    refreshTable();
    updateTimeData();
    m_projectPath.clear();
    m_projectReadOnly = false;
    m_briefing.reset();
    m_activeStore.clear();
    m_filterPanel->setFilter({});
    m_analysis->setFilter({});
    m_trendsPanel->setOptions({});
    m_savedProject = currentProject();
    layersChanged();
}

bool MainWindow::openProject(const QString& path) {
    auto read = readProjectFile(path);
    if (!read) {
        reportError(tr("Could not open the project"), read.error().toString());
        return false;
    }
    ProjectFile file = std::move(read.value());
    Project& project = file.project;
    // A moved layer file: the user says where it went, or it is left out (and said so).
    QStringList skipped;
    for (ProjectLayer& l : project.layers) {
        if (!file.missingFiles.contains(l.path))
            continue;
        QString located;
        if (m_askLocate) {
            located = m_askLocate(l.path);
        } else {
            QMessageBox box(QMessageBox::Warning, tr("Layer file not found"),
                            tr("%1\nis not where the project says. Locate it?").arg(l.path),
                            QMessageBox::NoButton, this);
            QPushButton* locate = box.addButton(tr("Locate…"), QMessageBox::AcceptRole);
            box.addButton(tr("Skip this layer"), QMessageBox::RejectRole);
            box.exec();
            if (box.clickedButton() == locate)
                located = QFileDialog::getOpenFileName(
                    this, tr("Locate %1").arg(QFileInfo(l.path).fileName()),
                    QFileInfo(path).absolutePath());
        }
        if (located.isEmpty())
            skipped << l.path;
        else
            l.path = QFileInfo(located).absoluteFilePath();
    }
    std::erase_if(project.layers, [&](const ProjectLayer& l) { return skipped.contains(l.path); });

    // The user's layers go; the bundled map stays, shown as the project says.
    std::vector<QString> users;
    for (const LayerStack::Entry& e : m_layers.entries()) {
        if (!e.base) {
            users.push_back(e.layer->id());
            continue;
        }
        const auto source = m_layerSource.find(e.layer->id());
        const QString name =
            source == m_layerSource.end() ? QString() : QFileInfo(source->second).fileName();
        m_panel->setLayerVisible(e.layer->id(),
                                 project.bundledMap && !project.hiddenBundled.contains(name));
    }
    for (const QString& id : users)
        removeLayer(id);
    refreshTable();
    updateTimeData();

    m_projectPath = QFileInfo(path).absoluteFilePath();
    m_projectReadOnly = file.readOnly;
    rememberRecent(m_projectPath);
    if (project.crs != m_canvas->crs()) {
        m_canvas->setCrs(project.crs);
        m_crsLabel->setText(project.crs.displayName());
        for (QAction* a : m_crsGroup->actions())
            a->setChecked(a->text().endsWith(QStringLiteral("(%1)").arg(project.crs.definition())));
    }
    if (project.lonLatExtent) {
        m_startExtent = *project.lonLatExtent;
        m_canvas->zoomToLonLatExtent(*project.lonLatExtent);
    }
    // View and time once the layers are in: the time bar's span follows the data.
    const auto finish = [this, project, skipped, warnings = file.warnings] {
        std::map<QString, bool> visible;
        std::map<QString, QString> timeFields;
        for (const ProjectLayer& l : project.layers) {
            const QString key = IncidentDatabase::isConnectionString(l.path)
                                    ? l.path
                                    : QFileInfo(l.path).canonicalFilePath();
            visible[key] = l.visible;
            if (!l.timeField.isEmpty())
                timeFields[key] = l.timeField;
        }
        // Map layers made temporal on a field, found again by the field's name.
        std::vector<std::pair<QString, int>> temporal;
        for (const LayerStack::Entry& e : m_layers.entries()) {
            const auto* v = dynamic_cast<const VectorMapLayer*>(e.layer.get());
            const auto source = m_layerSource.find(e.layer->id());
            if (!v || e.base || source == m_layerSource.end())
                continue;
            if (const auto t = timeFields.find(source->second); t != timeFields.end())
                temporal.emplace_back(e.layer->id(), v->data()->attributes().fieldIndex(t->second));
        }
        for (const auto& [id, field] : temporal)
            setLayerTimeField(id, field);
        for (const LayerStack::Entry& e : m_layers.entries()) {
            const auto source = m_layerSource.find(e.layer->id());
            if (source == m_layerSource.end())
                continue;
            if (e.base) // the bundled map may have come in after the project was read
                m_panel->setLayerVisible(
                    e.layer->id(), project.bundledMap && !project.hiddenBundled.contains(
                                                             QFileInfo(source->second).fileName()));
            else if (const auto v = visible.find(source->second); v != visible.end())
                m_panel->setLayerVisible(e.layer->id(), v->second);
        }
        m_time->setWindowSpec(project.windowSpec);
        m_time->setStep(project.step);
        if (project.window)
            m_time->setRange(*project.window);
        if (project.lonLatExtent)
            m_canvas->zoomToLonLatExtent(*project.lonLatExtent);
        m_filterPanel->setFilter(project.filter);
        m_analysis->setFilter(project.filter);
        m_trendsPanel->setOptions(project.trends);
        m_savedProject = currentProject();
        m_savedProject->briefing = project.briefing;
        m_briefing = project.briefing;
        layersChanged();
        QStringList notes = warnings;
        if (!skipped.isEmpty())
            notes << tr("%n layer file(s) not found and left out: %1", nullptr,
                        static_cast<int>(skipped.size()))
                         .arg(skipped.join(QStringLiteral(", ")));
        if (!notes.isEmpty())
            statusBar()->showMessage(notes.join(QStringLiteral("  ·  ")), 20000);
    };
    // A project names files; a shared store is a connection to a server, made only when the
    // user agrees to it here (a project from someone else could name any host).
    QStringList servers;
    for (const ProjectLayer& l : project.layers) {
        if (IncidentDatabase::isConnectionString(l.path))
            servers << IncidentDatabase::displayLocation(l.path);
    }
    const bool connectServers = servers.isEmpty() ||
                         (m_askConnect ? m_askConnect(servers)
                                       : QMessageBox::question(
                                             this, tr("Connect to Shared Store"),
                                             tr("This project uses a shared incident store on a "
                                                "database server:\n\n%1\n\nConnect to it now?")
                                                 .arg(servers.join(QLatin1Char('\n')))) ==
                                             QMessageBox::Yes);
    std::vector<LoadRequest> requests;
    for (const ProjectLayer& l : project.layers) {
        if (!connectServers && IncidentDatabase::isConnectionString(l.path))
            continue;
        LoadRequest r{l.path,
                      l.title,
                      l.style,
                      false,
                      l.kind == ProjectLayer::Kind::Incidents ? LoadRequest::Kind::Incidents
                                                              : LoadRequest::Kind::Vector,
                      {}};
        r.officialDistricts = l.districts;
        if (IncidentDatabase::isConnectionString(l.path)) {
            // A shared store: its password from the OS keyring (never from the project).
            r.openWith = withPassword(l.path, keyring::password(l.path));
            m_storeEditor->rememberConnection(l.path, r.openWith);
        }
        requests.push_back(std::move(r));
    }
    if (requests.empty()) {
        finish();
        emit loadFinished();
        return true;
    }
    auto* once = new QObject(this);
    connect(this, &MainWindow::loadFinished, once, [this, finish, once] {
        if (m_loader->pending() > 0)
            return; // another batch (the bundled map at start) is still coming
        finish();
        once->deleteLater();
    });
    m_loader->load(std::move(requests));
    return true;
}

} // namespace borderlens
