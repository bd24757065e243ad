#pragma once

#include "util/result.h"

#include <QString>

namespace borderlens {

// A file written under a temporary name beside its target and renamed over the target only when
// complete: QSaveFile's promise for writers that need a path rather than a QIODevice (FFmpeg
// opens the file itself, and reopens it to move an MP4's index to the front). Until commit()
// the target is untouched; a pending file that is never committed is removed, so a cancelled or
// failed write leaves nothing behind.
class PendingFile {
public:
    explicit PendingFile(const QString& target);
    ~PendingFile();
    PendingFile(const PendingFile&) = delete;
    PendingFile& operator=(const PendingFile&) = delete;

    // The target's folder must exist and the target must not be a folder.
    Result<bool> check() const;
    // Where to write meanwhile: ".NAME.XXXXXXXX.part" in the target's folder.
    const QString& path() const { return m_path; }
    // Renames the written file over the target (atomically, replacing any file there).
    Result<bool> commit();

private:
    QString m_target;
    QString m_path;
    bool m_committed = false;
};

} // namespace borderlens
