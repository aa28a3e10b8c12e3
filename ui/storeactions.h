#pragma once

// Edits of a store that the Store class has no call for, used by the window's step menu.

#include <QString>

namespace cairn {

// Makes the stored results of stepId in every run of flowName unusable as cache entries
// and for resume, so the step's next run executes it. Returns the number of step runs
// changed, or -1 with *error set.
int clearCachedResults(const QString& storeDirectory, const QString& flowName,
                       const QString& stepId, QString* error);

}  // namespace cairn
