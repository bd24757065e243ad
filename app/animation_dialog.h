#pragma once

#include "export/animation_exporter.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QImage>
#include <atomic>
#include <memory>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTimer;

namespace borderlens {

// File ▸ Export Animation…: the time slider's playback as an MP4 or animated GIF. Format, frame
// size, frames per second, step and window (the time bar's, editable), holds on the first and
// last frame, and a preview of the first frame. The export runs on a worker (QImage only; the
// widgets stay on this thread) with a progress bar and Cancel; a cancelled or failed export
// leaves no file (AnimationExporter).
class AnimationDialog : public QDialog {
    Q_OBJECT
public:
    // `initial`: the time bar's range, step and window, and the page and layout to start from.
    AnimationDialog(MapSettings map, BriefingLayout layout, AnimationExporter::Options initial,
                    QWidget* parent = nullptr);
    ~AnimationDialog() override;

    // What the controls say; empty when the step or window text does not parse.
    std::optional<AnimationExporter::Options> options() const;
    // Writes to `path` on a worker; the dialog closes when it is done and stays open on an error
    // or a cancel. Used by the Export button after its file dialog; public for tests.
    void exportTo(const QString& path);
    void cancelExport();
    bool isExporting() const;
    const QImage& previewImage() const { return m_preview; }

signals:
    void previewUpdated();
    void exportFinished(bool ok, const QString& message);

private:
    void buildUi(const AnimationExporter::Options& initial);
    void updateState();
    void renderPreview();
    void chooseFileAndExport();

    MapSettings m_map;
    BriefingLayout m_layout;
    TimeRange m_range;

    QComboBox* m_format = nullptr;
    QSpinBox* m_width = nullptr;
    QSpinBox* m_height = nullptr;
    QSpinBox* m_fps = nullptr;
    QLineEdit* m_step = nullptr;
    QLineEdit* m_window = nullptr;
    QDoubleSpinBox* m_holdFirst = nullptr;
    QDoubleSpinBox* m_holdLast = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_previewLabel = nullptr;
    QProgressBar* m_progress = nullptr;
    QPushButton* m_exportButton = nullptr;
    QPushButton* m_cancelButton = nullptr;
    QTimer* m_previewTimer = nullptr;

    QImage m_preview;
    QFutureWatcher<QImage>* m_previewWatcher = nullptr;
    bool m_previewPending = false;
    QFutureWatcher<Result<AnimationExporter::Report>>* m_exportWatcher = nullptr;
    std::shared_ptr<std::atomic<bool>> m_cancel;
};

} // namespace borderlens
