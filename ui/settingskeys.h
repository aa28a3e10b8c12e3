#pragma once

// QSettings keys of the preferences that the window and the Settings dialog share.

#include <QString>

namespace cairn::settingskeys {

// Interface language read at start: "" (or absent) for the system locale, "en" or "zh_CN".
inline const QString kLanguage = QStringLiteral("language");
// Number of steps the window runs at the same time. Absent means one per CPU core.
inline const QString kWorkers = QStringLiteral("run/workers");
inline constexpr int kMaxWorkers = 256;

}  // namespace cairn::settingskeys
