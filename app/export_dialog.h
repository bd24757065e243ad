#pragma once

#include "export/briefing_layout.h"
#include "export/map_exporter.h"
#include "project/project.h"
#include "render/map_settings.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QImage>
#include <QStringList>
#include <atomic>
#include <functional>
#include <memory>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QTimer;

namespace borderlens {

// File ▸ Export Map…: format, pixel size or paper, orientation, DPI, title, banner and what the
// page includes, with a live preview drawn by the same LayoutRenderer as the file. The preview
// renders on a worker thread and the last one stays up until the next is ready. The settings are
// remembered (QSettings, group "export"). The map itself comes from `snapshot`, called when the
// dialog opens and again on export, so it is what the canvas shows at that moment.
class ExportDialog : public QDialog {
    Q_OBJECT
public:
    ExportDialog(std::function<MapSettings()> snapshot, bool cumulative, QWidget* parent = nullptr);
    ~ExportDialog() override;

    // What the controls say, as core values (for the export, and for tests).
    ExportOptions options() const;
    BriefingLayout layout() const;
    // The map as the export draws it: the canvas's snapshot, with the labels option applied to
    // copies of its incident and facility layers (the screen's layers are left as they are).
    MapSettings mapToExport() const;
    // What the layout of the page as set up had to leave out (LayoutGeometry::notes), as shown
    // beside the preview; empty when it fits. Follows the preview.
    const QStringList& layoutNotes() const { return m_notes; }
    // The briefing settings a project keeps (title, banner, size, what the page shows), so a
    // reopened project exports the same page; setBriefing() applies a project's over the
    // remembered ones.
    ProjectExport briefing() const;
    void setBriefing(const ProjectExport& briefing);
    // The file written by the last successful export; empty before.
    const QString& writtenFile() const { return m_written; }

    // Writes to `path` on a worker and closes the dialog when done (keeps it open on an error,
    // which is shown). Used by the Export button after its file dialog; public for tests.
    void exportTo(const QString& path);
    // The preview currently shown (null until the first render has finished).
    const QImage& previewImage() const { return m_preview; }

signals:
    void previewUpdated();
    void exportFinished(bool ok, const QString& message);

private:
    void buildUi();
    void loadSettings();
    void saveSettings() const;
    void updateEnabled();
    void schedulePreview();
    void renderPreview();
    void chooseFileAndExport();
    void copyToClipboard();

    std::function<MapSettings()> m_snapshot;
    MapSettings m_map;
    bool m_cumulative = false;

    QComboBox* m_format = nullptr;
    QRadioButton* m_byPixels = nullptr;
    QRadioButton* m_byPaper = nullptr;
    QSpinBox* m_width = nullptr;
    QSpinBox* m_height = nullptr;
    QComboBox* m_paper = nullptr;
    QComboBox* m_orientation = nullptr;
    QDoubleSpinBox* m_dpi = nullptr;
    QLineEdit* m_title = nullptr;
    QLineEdit* m_subtitle = nullptr;
    QLineEdit* m_banner = nullptr;
    QCheckBox* m_legend = nullptr;
    QCheckBox* m_inset = nullptr;
    QCheckBox* m_graticule = nullptr;
    QCheckBox* m_northArrow = nullptr;
    QCheckBox* m_scaleBar = nullptr;
    QCheckBox* m_attribution = nullptr;
    QCheckBox* m_mapOnly = nullptr;
    QCheckBox* m_worldFile = nullptr;
    QCheckBox* m_labels = nullptr;
    QLabel* m_previewLabel = nullptr;
    QLabel* m_layoutNote = nullptr;
    QLabel* m_sizeNote = nullptr;
    QPushButton* m_exportButton = nullptr;
    QTimer* m_previewTimer = nullptr;

    struct Preview {
        QImage image;
        QStringList notes; // of the page at its real size, not the preview's
    };
    QImage m_preview;
    QStringList m_notes;
    QFutureWatcher<Preview>* m_previewWatcher = nullptr;
    std::shared_ptr<std::atomic<bool>> m_previewCancel;
    bool m_previewPending = false;
    QFutureWatcher<Result<ExportResult>>* m_exportWatcher = nullptr;
    QString m_written;
};

} // namespace borderlens
