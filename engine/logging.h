#pragma once

// Logging categories of the engine, quiet by default below warnings. Enable with
// QT_LOGGING_RULES="cairn.*.debug=true".

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcFlow)
Q_DECLARE_LOGGING_CATEGORY(lcStore)
Q_DECLARE_LOGGING_CATEGORY(lcExecutor)
Q_DECLARE_LOGGING_CATEGORY(lcScheduler)
