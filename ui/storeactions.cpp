#include "storeactions.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

#include <sqlite3.h>

namespace cairn {

namespace {

// Translation context of this file's messages.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(StoreActions)
};

// The suffix that marks a cleared key. A cleared key matches no computed key, so the
// store's cache lookup and the planner's reuse check both pass over the step run, while
// the key components stay for "Why did this step run?".
constexpr const char* kClearedSuffix = "#cleared";

}  // namespace

int clearCachedResults(const QString& storeDirectory, const QString& flowName,
                       const QString& stepId, QString* error)
{
    // NOTE: this edits cairn.db directly because Store has no call to drop cache entries.
    // It depends on the step_runs and runs columns of schema version 1.
    const QString path = QDir(storeDirectory).filePath(QStringLiteral("cairn.db"));
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(QFile::encodeName(path).constData(), &db, SQLITE_OPEN_READWRITE,
                        nullptr) != SQLITE_OK) {
        *error = Text::tr("Cannot open the store database %1: %2")
                     .arg(QDir::toNativeSeparators(path), QString::fromUtf8(sqlite3_errmsg(db)));
        sqlite3_close(db);
        return -1;
    }
    sqlite3_busy_timeout(db, 5000);

    const char* sql =
        "UPDATE step_runs SET key = key || ?1 "
        "WHERE step_id = ?2 AND key != '' AND key NOT LIKE '%' || ?1 "
        "AND status IN ('succeeded', 'cached') "
        "AND run IN (SELECT number FROM runs WHERE flow_name = ?3)";
    sqlite3_stmt* statement = nullptr;
    int changed = -1;
    const QByteArray step = stepId.toUtf8();
    const QByteArray flow = flowName.toUtf8();
    if (sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) == SQLITE_OK) {
        sqlite3_bind_text(statement, 1, kClearedSuffix, -1, SQLITE_STATIC);
        sqlite3_bind_text(statement, 2, step.constData(), step.size(), SQLITE_TRANSIENT);
        sqlite3_bind_text(statement, 3, flow.constData(), flow.size(), SQLITE_TRANSIENT);
        if (sqlite3_step(statement) == SQLITE_DONE)
            changed = sqlite3_changes(db);
    }
    if (changed < 0) {
        *error = Text::tr("Cannot clear the cached results of step %1 in %2: %3")
                     .arg(stepId, QDir::toNativeSeparators(path),
                          QString::fromUtf8(sqlite3_errmsg(db)));
    }
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return changed;
}

}  // namespace cairn
