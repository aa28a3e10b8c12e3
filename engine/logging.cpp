#include "logging.h"

Q_LOGGING_CATEGORY(lcFlow, "cairn.engine.flow", QtWarningMsg)
Q_LOGGING_CATEGORY(lcStore, "cairn.store", QtWarningMsg)
Q_LOGGING_CATEGORY(lcExecutor, "cairn.engine.executor", QtWarningMsg)
Q_LOGGING_CATEGORY(lcScheduler, "cairn.engine.scheduler", QtWarningMsg)
