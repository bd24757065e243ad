// Logging and correcting incidents in the viewer: the form (with the gazetteer and its
// checks), edit, move, delete, undo and redo of each, outposts, and the store found again in a
// reopened project.
#include "facility_form.h"
#include "incident_form.h"
#include "layer_panel.h"
#include "main_window.h"
#include "map/facility_map_layer.h"
#include "map/incident_map_layer.h"
#include "place_field.h"
#include "sources_editor.h"
#include "store_editor.h"

#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QUndoStack>

#include <gtest/gtest.h>

using namespace borderlens;

namespace {

void waitForLoads(MainWindow& w) {
    QSignalSpy loaded(&w, &MainWindow::loadFinished);
    for (int i = 0; i < 50 && w.loader()->pending() > 0; ++i)
        loaded.wait(30000);
    ASSERT_EQ(w.loader()->pending(), 0);
}

// The incidents the window shows from the store's layer, by id.
std::map<QString, Incident> shown(const MainWindow& w, const QString& store) {
    std::map<QString, Incident> out;
    for (const auto& e : w.layers().entries()) {
        const auto* layer = dynamic_cast<const IncidentMapLayer*>(e.layer.get());
        if (!layer || w.layerSource(layer->id()) != store)
            continue;
        for (std::size_t i = 0; i < layer->store()->size(); ++i)
            out[layer->store()->id(i)] = layer->store()->incident(i);
    }
    return out;
}

class StoreEditing : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(dir.isValid());
        path = dir.filePath(QStringLiteral("desk.gpkg"));
        window.resize(1200, 800);
        window.show();
        window.storeEditor()->setErrorReporter([this](const QString& e) { errors << e; });
        ASSERT_TRUE(window.newIncidentStore(path));
        waitForLoads(window);
        store = QFileInfo(path).canonicalFilePath();
        ASSERT_EQ(window.activeStore(), store);
    }
    // This morning's incident, entered as a user would: a Cyrillic place name completed by
    // the gazetteer, a casualty figure, a summary and a source.
    QString logMorningIncident() {
        IncidentForm* form = window.openIncidentForm();
        EXPECT_NE(form, nullptr);
        if (!form)
            return {};
        form->dateEdit()->setDate(QDate(2025, 11, 30));
        form->typeBox()->setCurrentIndex(form->typeBox()->findData(int(IncidentType::ArmedClash)));
        EXPECT_TRUE(form->place()->choosePlace(QStringLiteral("Шамсиддин Шоҳин")));
        form->killedBest()->setValue(3);
        form->actorsEdit()->setText(QStringLiteral("Border guards; Smugglers"));
        form->summaryEdit()->setPlainText(QStringLiteral("Shoot-out on the Panj"));
        form->sourcesEditor()->addRow({QStringLiteral("Clash"), QStringLiteral("Asia-Plus"), QDate(2025, 11, 30),
                                       QStringLiteral("https://asiaplustj.info/x")});
        // BORDERLENS_SHOTS=DIR keeps a picture of the filled form, to look at.
        if (const QString shots = qEnvironmentVariable("BORDERLENS_SHOTS"); !shots.isEmpty())
            form->grab().save(shots + QStringLiteral("/incident_form.png"));
        form->accept();
        EXPECT_FALSE(form->problemsLabel()->isVisible()) << form->problemsLabel()->text().toStdString();
        waitForLoads(window);
        const auto now = shown(window, store);
        return now.empty() ? QString() : now.begin()->first;
    }
    QTemporaryDir dir;
    QString path;
    QString store;
    QStringList errors;
    MainWindow window;
};

TEST_F(StoreEditing, LoggedIncidentIsSavedAndShown) {
    const QString id = logMorningIncident();
    ASSERT_FALSE(id.isEmpty());
    const Incident i = shown(window, store).at(id);
    EXPECT_EQ(i.startDate, QDate(2025, 11, 30));
    EXPECT_EQ(i.place, QStringLiteral("Shamsiddin Shohin"));
    EXPECT_EQ(i.province, QStringLiteral("Khatlon"));
    EXPECT_EQ(i.killed.best, 3);
    EXPECT_EQ(i.actors, (QStringList{QStringLiteral("Border guards"), QStringLiteral("Smugglers")}));
    ASSERT_EQ(i.sources.size(), 1u);
    EXPECT_EQ(i.sources[0].outlet, QStringLiteral("Asia-Plus"));
    // In the file, for the next session and for QGIS.
    auto db = IncidentDatabase::open(path);
    ASSERT_TRUE(db);
    EXPECT_EQ(db.value()->incidents().value().size(), 1u);
    EXPECT_TRUE(errors.isEmpty()) << errors.join('\n').toStdString();
}

TEST_F(StoreEditing, FormNamesWhatIsWrongAndSavesNothing) {
    IncidentForm* form = window.openIncidentForm();
    ASSERT_NE(form, nullptr);
    form->killedBest()->setValue(5);
    form->killedHigh()->setValue(2);
    form->accept(); // no place either
    if (const QString shots = qEnvironmentVariable("BORDERLENS_SHOTS"); !shots.isEmpty())
        form->grab().save(shots + QStringLiteral("/incident_form_problems.png"));
    EXPECT_TRUE(form->isVisible());
    EXPECT_FALSE(form->problemsLabel()->isHidden());
    const QString text = form->problemsLabel()->text();
    EXPECT_TRUE(text.contains(QStringLiteral("high (2) is below best (5)"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("no place given"))) << text.toStdString();
    EXPECT_EQ(window.storeEditor()->undoStack()->count(), 0);
    form->close();
}

TEST_F(StoreEditing, EditMoveDeleteAndUndoRedoEachOfThem) {
    const QString id = logMorningIncident();
    ASSERT_FALSE(id.isEmpty());
    const double lon0 = shown(window, store).at(id).lon;
    QUndoStack* undo = window.storeEditor()->undoStack();

    window.setEditTarget(MainWindow::StoreTarget{store, RecordKind::Incident, id});
    auto* form = qobject_cast<IncidentForm*>(window.editSelected());
    ASSERT_NE(form, nullptr);
    form->summaryEdit()->setPlainText(QStringLiteral("Corrected: two groups"));
    form->accept();
    waitForLoads(window);
    EXPECT_EQ(shown(window, store).at(id).summary, QStringLiteral("Corrected: two groups"));

    ASSERT_TRUE(window.moveRecord({store, RecordKind::Incident, id}, 70.25, 37.75));
    waitForLoads(window);
    EXPECT_NEAR(shown(window, store).at(id).lon, 70.25, 1e-6);
    EXPECT_EQ(shown(window, store).at(id).geoPrecision, GeoPrecision::Exact);

    window.setEditTarget(MainWindow::StoreTarget{store, RecordKind::Incident, id});
    ASSERT_TRUE(window.deleteSelected(false));
    waitForLoads(window);
    EXPECT_EQ(shown(window, store).count(id), 0u);
    EXPECT_EQ(undo->count(), 4); // add, edit, move, delete

    undo->undo(); // the delete: back with the same id
    waitForLoads(window);
    ASSERT_EQ(shown(window, store).count(id), 1u);
    EXPECT_NEAR(shown(window, store).at(id).lon, 70.25, 1e-6);
    undo->undo(); // the move
    waitForLoads(window);
    EXPECT_NEAR(shown(window, store).at(id).lon, lon0, 1e-6);
    undo->undo(); // the edit
    waitForLoads(window);
    EXPECT_EQ(shown(window, store).at(id).summary, QStringLiteral("Shoot-out on the Panj"));
    undo->undo(); // the addition
    waitForLoads(window);
    EXPECT_TRUE(shown(window, store).empty());

    for (int k = 0; k < 4; ++k) {
        undo->redo();
        waitForLoads(window);
    }
    EXPECT_EQ(shown(window, store).count(id), 0u); // deleted again, last
    undo->undo();
    waitForLoads(window);
    ASSERT_EQ(shown(window, store).count(id), 1u);
    EXPECT_EQ(shown(window, store).at(id).summary, QStringLiteral("Corrected: two groups"));
    EXPECT_NEAR(shown(window, store).at(id).lon, 70.25, 1e-6);
    EXPECT_TRUE(errors.isEmpty()) << errors.join('\n').toStdString();

    // Every save, undo and redo is in the edit log.
    auto db = IncidentDatabase::open(path);
    ASSERT_TRUE(db);
    EXPECT_GE(db.value()->log(id).value().size(), 10u);
}

TEST_F(StoreEditing, AnEditBySomeoneElseIsAConflictTheUserSettles) {
    const QString id = logMorningIncident();
    ASSERT_FALSE(id.isEmpty());
    window.setEditTarget(MainWindow::StoreTarget{store, RecordKind::Incident, id});
    auto* form = qobject_cast<IncidentForm*>(window.editSelected());
    ASSERT_NE(form, nullptr);
    // Meanwhile a colleague corrects the same incident.
    {
        auto other = IncidentDatabase::open(path);
        ASSERT_TRUE(other);
        other.value()->setEditor(QStringLiteral("colleague"));
        Incident theirs = other.value()->incident(id).value()->incident;
        theirs.killed.best = 4;
        ASSERT_TRUE(other.value()->update(theirs, 1));
    }
    std::optional<EditConflict> asked;
    window.storeEditor()->setConflictQuestion([&](const EditConflict& c) {
        asked = c;
        return StoreEditor::ConflictChoice::KeepTheirs;
    });
    form->summaryEdit()->setPlainText(QStringLiteral("mine"));
    form->accept();
    waitForLoads(window);
    ASSERT_TRUE(asked);
    EXPECT_EQ(asked->editor, QStringLiteral("colleague"));
    EXPECT_EQ(shown(window, store).at(id).killed.best, 4);
    EXPECT_EQ(shown(window, store).at(id).summary, QStringLiteral("Shoot-out on the Panj"));
    EXPECT_EQ(window.storeEditor()->undoStack()->count(), 1); // the dropped edit is not undoable
}

TEST_F(StoreEditing, OutpostsAreLoggedTheSameWay) {
    FacilityForm* form = window.openFacilityForm();
    ASSERT_NE(form, nullptr);
    form->nameEdit()->setText(QStringLiteral("Outpost 4"));
    form->place()->setPicked(70.3, 38.0);
    form->openedEdit()->setDate(QDate(2025, 12, 24));
    form->accept();
    waitForLoads(window);
    bool found = false;
    for (const auto& e : window.layers().entries()) {
        if (const auto* f = dynamic_cast<const FacilityMapLayer*>(e.layer.get()); f && f->store()->size() == 1) {
            found = true;
            EXPECT_EQ(f->store()->at(0).name, QStringLiteral("Outpost 4"));
            EXPECT_EQ(f->store()->at(0).opened, QDate(2025, 12, 24));
        }
    }
    EXPECT_TRUE(found);
    window.storeEditor()->undoStack()->undo();
    waitForLoads(window);
    auto db = IncidentDatabase::open(path);
    EXPECT_TRUE(db.value()->facilities().value().empty());
}

TEST_F(StoreEditing, ReopenedProjectFindsTheLoggedIncident) {
    const QString id = logMorningIncident();
    ASSERT_FALSE(id.isEmpty());
    const QString project = dir.filePath(QStringLiteral("desk.blproj"));
    ASSERT_TRUE(window.saveProjectAs(project));
    MainWindow reopened;
    reopened.show();
    ASSERT_TRUE(reopened.openProject(project));
    waitForLoads(reopened);
    const auto there = shown(reopened, store);
    ASSERT_EQ(there.count(id), 1u);
    EXPECT_EQ(there.at(id).summary, QStringLiteral("Shoot-out on the Panj"));
    EXPECT_EQ(reopened.activeStore(), store); // and new incidents go there
}

} // namespace

#include "support/temporary_postgres.h"

namespace {

// The same in the viewer against a shared store on PostGIS (a server of the test's own).
TEST(SharedStoreEditing, AnIncidentLoggedInOneWindowAppearsInAnotherOnReload) {
    using borderlens::test::TemporaryPostgres;
    if (const QString why = TemporaryPostgres::unavailableReason(); !why.isEmpty())
        GTEST_SKIP() << why.toStdString();
    QString error;
    auto server = TemporaryPostgres::start(error);
    ASSERT_TRUE(server) << error.toStdString();
    ASSERT_TRUE(server->createDatabase(QStringLiteral("desk"), error)) << error.toStdString();
    const QString connection = server->connectionString(QStringLiteral("desk"));
    ASSERT_TRUE(IncidentDatabase::create(connection));

    MainWindow anna;
    MainWindow bakhtiyor;
    for (MainWindow* w : {&anna, &bakhtiyor}) {
        w->show();
        w->storeEditor()->setErrorReporter([](const QString& e) { ADD_FAILURE() << e.toStdString(); });
        w->openIncidentStore(connection);
        waitForLoads(*w);
        ASSERT_EQ(w->activeStore(), connection);
    }
    IncidentForm* form = anna.openIncidentForm();
    ASSERT_NE(form, nullptr);
    form->dateEdit()->setDate(QDate(2025, 12, 24));
    ASSERT_TRUE(form->place()->choosePlace(QStringLiteral("Darvoz")));
    form->summaryEdit()->setPlainText(QStringLiteral("logged on the shared store"));
    form->accept();
    waitForLoads(anna);
    ASSERT_EQ(shown(anna, connection).size(), 1u);
    EXPECT_TRUE(shown(bakhtiyor, connection).empty());
    // Bakhtiyor reloads (Edit ▸ Reload Incident Stores) and sees it.
    for (QAction* a : bakhtiyor.findChildren<QAction*>()) {
        if (a->shortcut() == QKeySequence(QKeySequence::Refresh))
            a->trigger();
    }
    waitForLoads(bakhtiyor);
    const auto seen = shown(bakhtiyor, connection);
    ASSERT_EQ(seen.size(), 1u);
    EXPECT_EQ(seen.begin()->second.summary, QStringLiteral("logged on the shared store"));
}

} // namespace
