#pragma once

#include <QString>

namespace borderlens {

// Where the bundled data lives. Looked up in this order, so that an installed program is
// relocatable and a build tree works without installing:
//   1. $BORDERLENS_DATA_DIR (the folder holding geodata/)
//   2. <dir of the executable>/../share/borderlens (any install prefix)
//   3. <dir of the executable>/data (a Windows install tree or a portable zip)
//   4. the source tree's folder, compiled in (development builds)
// Returns the first that has a geodata/ folder, or an empty string.
QString bundledDataDir();
QString bundledGeodataDir();
// The user guide (Help ▸ User Guide), HTML with its images: manual/ in the first of the folders
// above that has one (share/borderlens/manual when installed), else docs/manual in the source
// tree. Returns the folder holding index.html, or an empty string.
QString bundledManualDir();

} // namespace borderlens
