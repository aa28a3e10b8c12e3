// The store's database schema, its migrations, and the names under which statuses are
// stored.

#include "store.h"

#include "logging.h"
#include "store_p.h"

#include <QCoreApplication>

#include <array>

namespace cairn {

using namespace storedb;

namespace {

// Translation context of this file's messages.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(Store)
};

// Migration i takes the database from user_version i to i + 1. Applied scripts never
// change: a new schema version appends a script and raises Store::kSchemaVersion.
//
// Times are ISO 8601 UTC text with milliseconds ("2024-05-01T10:00:00.123Z"). JSON columns
// hold compact JSON text. runs.origin_run and step_runs.source_run are plain numbers, not
// foreign keys, because they record history and must survive gc removing that run.
constexpr const char* kMigrations[] = {
    // Version 1.
    R"sql(
CREATE TABLE runs (
    number        INTEGER PRIMARY KEY AUTOINCREMENT,
    flow_name     TEXT    NOT NULL,
    flow_path     TEXT    NOT NULL DEFAULT '',
    flow_snapshot BLOB,
    params        TEXT    NOT NULL DEFAULT '{}',
    status        TEXT    NOT NULL,
    started       TEXT    NOT NULL,
    finished      TEXT,
    origin_run    INTEGER,
    resume_step   TEXT    NOT NULL DEFAULT '',
    host          TEXT    NOT NULL DEFAULT '',
    pid           INTEGER NOT NULL DEFAULT 0,
    error         TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX runs_flow_number ON runs(flow_name, number);
CREATE INDEX runs_status ON runs(status);

CREATE TABLE step_runs (
    id                INTEGER PRIMARY KEY,
    run               INTEGER NOT NULL REFERENCES runs(number) ON DELETE CASCADE,
    step_id           TEXT    NOT NULL,
    status            TEXT    NOT NULL,
    attempts          INTEGER NOT NULL DEFAULT 0,
    key               TEXT    NOT NULL DEFAULT '',
    components        TEXT    NOT NULL DEFAULT '{}',
    reason            TEXT    NOT NULL DEFAULT '',
    error             TEXT    NOT NULL DEFAULT '',
    started           TEXT,
    finished          TEXT,
    exit_code         INTEGER,
    source_run        INTEGER,
    source_duration_s REAL    NOT NULL DEFAULT 0,
    outputs_digest    TEXT    NOT NULL DEFAULT '',
    UNIQUE (run, step_id)
);
CREATE INDEX step_runs_key ON step_runs(key);
CREATE INDEX step_runs_step_run ON step_runs(step_id, run);

CREATE TABLE objects (
    digest    TEXT    PRIMARY KEY,
    size      INTEGER NOT NULL,
    last_used TEXT    NOT NULL
) WITHOUT ROWID;

CREATE TABLE artifacts (
    id         INTEGER PRIMARY KEY,
    step_run   INTEGER NOT NULL REFERENCES step_runs(id) ON DELETE CASCADE,
    path       TEXT    NOT NULL,
    kind       TEXT    NOT NULL DEFAULT 'output',
    size       INTEGER NOT NULL,
    executable INTEGER NOT NULL DEFAULT 0,
    digest     TEXT    NOT NULL REFERENCES objects(digest),
    UNIQUE (step_run, kind, path)
);
CREATE INDEX artifacts_digest ON artifacts(digest);
)sql",
};

static_assert(std::size(kMigrations) == Store::kSchemaVersion,
              "each schema version needs exactly one migration script");

bool readUserVersion(sqlite3* db, int* version, QString* error)
{
    Statement select(db, "PRAGMA user_version");
    if (!select.next()) {
        *error = select.errorMessage();
        return false;
    }
    *version = int(select.integer(0));
    return true;
}

// Runs the script of one migration and sets user_version, in one transaction. Another
// process may have applied it meanwhile, so the version is read again under the lock.
bool applyMigration(sqlite3* db, int fromVersion, QString* error)
{
    Transaction transaction(db);
    int current = 0;
    if (!transaction.begin(error) || !readUserVersion(db, &current, error))
        return false;
    if (current > fromVersion)
        return transaction.commit(error);

    // Both go through sqlite3_exec because the script has several statements and binds
    // nothing, and user_version accepts no bound parameter. The version is our own integer.
    const QByteArray setVersion = "PRAGMA user_version = " + QByteArray::number(fromVersion + 1);
    for (const char* sql : {kMigrations[fromVersion], setVersion.constData()}) {
        if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK) {
            *error = QString::fromUtf8(sqlite3_errmsg(db));
            return false;
        }
    }
    return transaction.commit(error);
}

}  // namespace

bool Store::migrate(QString* error)
{
    int version = 0;
    QString reason;
    if (!readUserVersion(m_db, &version, &reason)) {
        *error = Text::tr("cannot read the schema version of the store database in %1: %2")
                     .arg(m_dir, reason);
        return false;
    }
    if (version > kSchemaVersion) {
        *error = Text::tr("the store in %1 has schema version %2, newer than version %3 that this "
                    "build of Cairn reads; use a newer Cairn, or another store folder")
                     .arg(m_dir, QString::number(version), QString::number(kSchemaVersion));
        return false;
    }

    for (int from = version; from < kSchemaVersion; ++from) {
        if (!applyMigration(m_db, from, &reason)) {
            *error = Text::tr("cannot update the store database in %1 to schema version %2: %3")
                         .arg(m_dir, QString::number(from + 1), reason);
            return false;
        }
        qCInfo(lcStore) << "store" << m_dir << "now has schema version" << from + 1;
    }
    return true;
}

namespace {

constexpr std::array<std::pair<RunStatus, const char*>, 5> kRunStatusNames{{
    {RunStatus::Running, "running"},
    {RunStatus::Succeeded, "succeeded"},
    {RunStatus::Failed, "failed"},
    {RunStatus::Cancelled, "cancelled"},
    {RunStatus::Interrupted, "interrupted"},
}};

constexpr std::array<std::pair<StepStatus, const char*>, 8> kStepStatusNames{{
    {StepStatus::Pending, "pending"},
    {StepStatus::Running, "running"},
    {StepStatus::Succeeded, "succeeded"},
    {StepStatus::Cached, "cached"},
    {StepStatus::Failed, "failed"},
    {StepStatus::Cancelled, "cancelled"},
    {StepStatus::Skipped, "skipped"},
    {StepStatus::NotRun, "not_run"},
}};

template <typename Status, size_t N>
QString nameOf(const std::array<std::pair<Status, const char*>, N>& names, Status status)
{
    for (const auto& [value, name] : names) {
        if (value == status)
            return QString::fromLatin1(name);
    }
    Q_UNREACHABLE();
    return {};
}

template <typename Status, size_t N>
bool valueOf(const std::array<std::pair<Status, const char*>, N>& names, const QString& name,
             Status* status)
{
    for (const auto& [value, text] : names) {
        if (name == QLatin1String(text)) {
            *status = value;
            return true;
        }
    }
    return false;
}

}  // namespace

QString runStatusName(RunStatus status)
{
    return nameOf(kRunStatusNames, status);
}

bool runStatusFromName(const QString& name, RunStatus* status)
{
    return valueOf(kRunStatusNames, name, status);
}

QString stepStatusName(StepStatus status)
{
    return nameOf(kStepStatusNames, status);
}

bool stepStatusFromName(const QString& name, StepStatus* status)
{
    return valueOf(kStepStatusNames, name, status);
}

}  // namespace cairn
