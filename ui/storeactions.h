#pragma once

// Store edits started from the window's step menu, given a store folder instead of an open
// Store.

#include <QString>

namespace cairn {

// Makes the stored results of stepId in every run of flowName unusable as cache entries
// and for resume, so the step's next run executes it (Store::clearCachedResults). Returns
// the number of step runs changed (0 when the store folder has no database yet), or -1
// with *error set.
int clearCachedResults(const QString& storeDirectory, const QString& flowName,
                       const QString& stepId, QString* error);

}  // namespace cairn
