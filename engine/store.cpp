// The store's database: opening, recovery of interrupted runs, runs and step runs.
// Objects, folders and gc are in objects.cpp, and the schema with its migrations is in
// storeschema.cpp.

#include "store.h"

#include "logging.h"
#include "store_p.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSysInfo>

#include <algorithm>
#include <cerrno>

#include <signal.h>
#include <unistd.h>

namespace cairn {

using namespace storedb;

namespace {

// Translation context of this file's messages.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(Store)
};

// How long a statement waits for another connection's write lock before failing with
// "database is locked".
constexpr int kBusyTimeoutMs = 10000;

Json jsonFromText(const QByteArray& text, const char* column)
{
    Json value = Json::parse(text.begin(), text.end(), nullptr, false);
    if (value.is_discarded()) {
        qCWarning(lcStore) << "invalid JSON in column" << column << "read as an empty object";
        return Json::object();
    }
    return value;
}

bool openConnection(const QString& path, sqlite3** db, QString* error)
{
    // One connection per Store, used by one thread at a time, so SQLite needs no mutex.
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(QFile::encodeName(path).constData(), db, flags, nullptr) != SQLITE_OK) {
        *error = Text::tr("cannot open the store database %1: %2")
                     .arg(path, *db ? QString::fromUtf8(sqlite3_errmsg(*db))
                                    : Text::tr("out of memory"));
        return false;
    }
    sqlite3_busy_timeout(*db, kBusyTimeoutMs);

    Statement journal(*db, "PRAGMA journal_mode = WAL");
    if (!journal.next()) {
        *error = Text::tr("cannot open the store database %1: %2").arg(path, journal.errorMessage());
        return false;
    }
    // NOTE: WAL needs memory shared between processes, which network filesystems often
    // lack. SQLite then keeps the old journal mode, and readers wait for writers.
    if (journal.text(0) != QLatin1String("wal"))
        qCWarning(lcStore) << "store database" << path << "stays in journal mode"
                           << journal.text(0) << "because WAL is not available there";

    for (const char* pragma : {"PRAGMA foreign_keys = ON", "PRAGMA synchronous = NORMAL"}) {
        Statement statement(*db, pragma);
        QString reason;
        if (!statement.exec(&reason)) {
            *error = Text::tr("cannot open the store database %1: %2").arg(path, reason);
            return false;
        }
    }
    return true;
}

// Start time of a process of this machine, read from /proc (Linux). Invalid when unknown.
QDateTime processStartTime(qint64 pid)
{
    QFile statFile(QStringLiteral("/proc/%1/stat").arg(pid));
    QFile systemStat(QStringLiteral("/proc/stat"));
    if (!statFile.open(QIODevice::ReadOnly) || !systemStat.open(QIODevice::ReadOnly))
        return {};

    // Field 2, the command name in parentheses, may contain spaces, so fields are counted
    // after the last ')'. Field 22, starttime, is in clock ticks after boot.
    const QByteArray stat = statFile.readAll();
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    bool ticksOk = false;
    const qint64 ticks = fields.size() > 19 ? fields.at(19).toLongLong(&ticksOk) : 0;

    // "btime N": boot time in seconds since the epoch.
    const QByteArray system = systemStat.readAll();
    const qsizetype at = system.indexOf("\nbtime ");
    bool bootOk = false;
    const qint64 bootTime =
        at < 0 ? 0 : system.mid(at + 7, system.indexOf('\n', at + 7) - at - 7).toLongLong(&bootOk);

    const long ticksPerSecond = ::sysconf(_SC_CLK_TCK);
    if (!ticksOk || !bootOk || ticksPerSecond <= 0)
        return {};
    return QDateTime::fromMSecsSinceEpoch(bootTime * 1000 + ticks * 1000 / ticksPerSecond,
                                          Qt::UTC);
}

// Whether the process that started a run on this machine still exists. A process that
// started well after the run did has reused the pid, so the run's process is gone.
bool runProcessAlive(qint64 pid, const QDateTime& runStarted)
{
    if (pid <= 0 || (::kill(pid_t(pid), 0) != 0 && errno == ESRCH))
        return false;

    // The margin covers the whole-second boot time and clock adjustments since boot.
    constexpr qint64 kClockMarginS = 10;
    const QDateTime processStarted = processStartTime(pid);
    if (processStarted.isValid() && runStarted.isValid()
        && processStarted > runStarted.addSecs(kClockMarginS))
        return false;
    return true;
}

// Appended to the key of a step run whose cached results were cleared.
constexpr const char* kClearedKeySuffix = "#cleared";

constexpr const char* kRunColumns =
    "number, flow_name, flow_path, flow_snapshot, params, status, started, finished, "
    "origin_run, resume_step, host, pid, error";

RunRecord readRun(const Statement& row)
{
    RunRecord run;
    run.number = row.integer(0);
    run.flowName = row.text(1);
    run.flowPath = row.text(2);
    run.flowSnapshot = row.bytes(3);
    run.params = jsonFromText(row.bytes(4), "runs.params");
    if (!runStatusFromName(row.text(5), &run.status))
        qCWarning(lcStore) << "run" << run.number << "has unknown status" << row.text(5);
    run.started = row.time(6);
    run.finished = row.time(7);
    run.originRun = row.optionalInteger(8);
    run.resumeStep = row.text(9);
    run.host = row.text(10);
    run.pid = row.integer(11);
    run.errorMessage = Message::decode(row.text(12));
    run.error = run.errorMessage.text();
    return run;
}

constexpr const char* kStepRunColumns =
    "s.id, s.run, s.step_id, s.status, s.attempts, s.key, s.components, s.reason, s.error, "
    "s.started, s.finished, s.exit_code, s.source_run, s.source_duration_s, s.outputs_digest";

// Reads a step run row selected with kStepRunColumns and returns its id.
qint64 readStepRun(const Statement& row, StepRunRecord* stepRun)
{
    stepRun->run = row.integer(1);
    stepRun->stepId = row.text(2);
    if (!stepStatusFromName(row.text(3), &stepRun->status))
        qCWarning(lcStore) << "step" << stepRun->stepId << "of run" << stepRun->run
                           << "has unknown status" << row.text(3);
    stepRun->attempts = int(row.integer(4));
    stepRun->key = row.text(5);
    stepRun->components = jsonFromText(row.bytes(6), "step_runs.components");
    stepRun->reasonMessage = Message::decode(row.text(7));
    stepRun->reason = stepRun->reasonMessage.text();
    stepRun->errorMessage = Message::decode(row.text(8));
    stepRun->error = stepRun->errorMessage.text();
    stepRun->started = row.time(9);
    stepRun->finished = row.time(10);
    if (!row.isNull(11))
        stepRun->exitCode = int(row.integer(11));
    stepRun->sourceRun = row.optionalInteger(12);
    stepRun->sourceDurationS = row.real(13);
    stepRun->outputsDigest = row.text(14);
    return row.integer(0);
}

// The stored form of a record's text field: its message when set, else the text itself.
QString storedText(const Message& message, const QString& text)
{
    return (message.isEmpty() ? Message::plain(text) : message).encode();
}

ArtifactRecord readArtifact(const Statement& row, int first)
{
    ArtifactRecord artifact;
    artifact.path = row.text(first);
    artifact.kind = row.text(first + 1);
    artifact.size = row.integer(first + 2);
    artifact.executable = row.integer(first + 3) != 0;
    artifact.digest = row.text(first + 4);
    return artifact;
}

QList<ArtifactRecord> loadArtifacts(sqlite3* db, qint64 stepRunId)
{
    Statement select(db, "SELECT path, kind, size, executable, digest FROM artifacts "
                         "WHERE step_run = ?1 ORDER BY id");
    select.bindInt(1, stepRunId);
    QList<ArtifactRecord> artifacts;
    while (select.next())
        artifacts.append(readArtifact(select, 0));
    if (select.failed())
        qCWarning(lcStore) << "cannot read artifacts:" << select.errorMessage();
    return artifacts;
}

// Runs a query selecting kStepRunColumns and returns its step runs with their artifacts.
QList<StepRunRecord> loadStepRuns(sqlite3* db, Statement& select)
{
    QList<StepRunRecord> stepRuns;
    QList<qint64> ids;
    while (select.next()) {
        StepRunRecord stepRun;
        ids.append(readStepRun(select, &stepRun));
        stepRuns.append(stepRun);
    }
    if (select.failed())
        qCWarning(lcStore) << "cannot read step runs:" << select.errorMessage();
    for (qsizetype i = 0; i < stepRuns.size(); ++i)
        stepRuns[i].artifacts = loadArtifacts(db, ids.at(i));
    return stepRuns;
}

}  // namespace

bool Store::exists(const QString& dir)
{
    return !dir.isEmpty() && QFileInfo::exists(QDir(dir).filePath(QStringLiteral("cairn.db")));
}

std::unique_ptr<Store> Store::open(const QString& dir, QString* error)
{
    const QString root = QDir(dir).absolutePath();
    for (const QString& folder : {root, root + QLatin1String("/objects"),
                                  root + QLatin1String("/runs"), root + QLatin1String("/tmp")}) {
        if (!QDir().mkpath(folder)) {
            *error = Text::tr("cannot create the store folder %1; check that its parent folder "
                        "exists and is writable, or choose another store with --store")
                         .arg(folder);
            return nullptr;
        }
    }

    std::unique_ptr<Store> store(new Store);
    store->m_dir = root;
    if (!openConnection(root + QLatin1String("/cairn.db"), &store->m_db, error)
        || !store->migrate(error))
        return nullptr;
    store->recoverInterruptedRuns();
    return store;
}

Store::~Store()
{
    sqlite3_close_v2(m_db);
}

void Store::recoverInterruptedRuns()
{
    // NOTE: a run on another host whose process died stays `running`, because no process
    // here can tell whether that host's process still exists. gc rejects the store until
    // the run is finished.
    const QString host = QSysInfo::machineHostName();
    QList<qint64> ended;
    {
        Statement select(m_db, "SELECT number, pid, started FROM runs "
                               "WHERE status = ?1 AND host = ?2");
        select.bindText(1, runStatusName(RunStatus::Running));
        select.bindText(2, host);
        while (select.next()) {
            if (!runProcessAlive(select.integer(1), select.time(2)))
                ended.append(select.integer(0));
        }
        if (select.failed()) {
            qCWarning(lcStore) << "cannot look for interrupted runs in" << m_dir << ":"
                               << select.errorMessage();
            return;
        }
    }
    if (ended.isEmpty())
        return;

    // The status conditions make this harmless when another process recovers the same
    // runs at the same time.
    const QString now = timeText(QDateTime::currentDateTimeUtc());
    QString reason;
    Transaction transaction(m_db);
    if (!transaction.begin(&reason)) {
        qCWarning(lcStore) << "cannot mark interrupted runs in" << m_dir << ":" << reason;
        return;
    }
    Statement updateRun(m_db, "UPDATE runs SET status = ?2, finished = ?3, error = ?4 "
                              "WHERE number = ?1 AND status = ?5");
    Statement updateSteps(m_db, "UPDATE step_runs SET status = ?2, reason = ?3, "
                                "finished = CASE WHEN status = ?4 THEN ?5 ELSE finished END "
                                "WHERE run = ?1 AND status IN (?4, ?6)");
    const Message endedMessage(
        "Store", QT_TRANSLATE_NOOP("Store", "the process running it ended unexpectedly"));
    const Message interruptedMessage("Store", QT_TRANSLATE_NOOP("Store", "interrupted"));
    for (qint64 number : std::as_const(ended)) {
        updateRun.reset();
        updateRun.bindInt(1, number);
        updateRun.bindText(2, runStatusName(RunStatus::Interrupted));
        updateRun.bindText(3, now);
        updateRun.bindText(4, endedMessage.encode());
        updateRun.bindText(5, runStatusName(RunStatus::Running));
        updateSteps.reset();
        updateSteps.bindInt(1, number);
        updateSteps.bindText(2, stepStatusName(StepStatus::Cancelled));
        updateSteps.bindText(3, interruptedMessage.encode());
        updateSteps.bindText(4, stepStatusName(StepStatus::Running));
        updateSteps.bindText(5, now);
        updateSteps.bindText(6, stepStatusName(StepStatus::Pending));
        if (!updateRun.exec(&reason) || !updateSteps.exec(&reason)) {
            qCWarning(lcStore) << "cannot mark run" << number << "interrupted:" << reason;
            return;
        }
    }
    if (!transaction.commit(&reason)) {
        qCWarning(lcStore) << "cannot mark interrupted runs in" << m_dir << ":" << reason;
        return;
    }
    qCInfo(lcStore) << "marked runs" << ended << "of" << m_dir
                    << "as interrupted: their processes on" << host << "ended";
}

bool Store::createRun(RunRecord* record, QString* error)
{
    if (record->host.isEmpty())
        record->host = QSysInfo::machineHostName();
    if (record->pid == 0)
        record->pid = QCoreApplication::applicationPid();
    if (!record->started.isValid())
        record->started = QDateTime::currentDateTimeUtc();

    // AUTOINCREMENT numbers the run one past the highest number ever used, so a number
    // that gc removed is never given to another run. IMMEDIATE serializes processes.
    QString reason;
    Transaction transaction(m_db);
    Statement insert(m_db, "INSERT INTO runs (flow_name, flow_path, flow_snapshot, params, "
                           "status, started, finished, origin_run, resume_step, host, pid, error) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
    insert.bindText(1, record->flowName);
    insert.bindText(2, record->flowPath);
    insert.bindBlob(3, record->flowSnapshot);
    insert.bindUtf8(4, jsonText(record->params));
    insert.bindText(5, runStatusName(record->status));
    insert.bindTime(6, record->started);
    insert.bindTime(7, record->finished);
    insert.bindOptional(8, record->originRun);
    insert.bindText(9, record->resumeStep);
    insert.bindText(10, record->host);
    insert.bindInt(11, record->pid);
    insert.bindText(12, storedText(record->errorMessage, record->error));
    if (!transaction.begin(&reason) || !insert.exec(&reason)) {
        *error = Text::tr("cannot create a run of %1 in the store %2: %3")
                     .arg(record->flowName, m_dir, reason);
        return false;
    }
    const qint64 number = sqlite3_last_insert_rowid(m_db);
    if (!transaction.commit(&reason)) {
        *error = Text::tr("cannot create a run of %1 in the store %2: %3")
                     .arg(record->flowName, m_dir, reason);
        return false;
    }
    record->number = number;

    // Logs left by an earlier database of this folder must not mix with this run's logs.
    QDir staleLogs(m_dir + QLatin1String("/runs/") + QString::number(number));
    if (staleLogs.exists())
        staleLogs.removeRecursively();
    return true;
}

bool Store::finishRun(qint64 run, RunStatus status, const QString& runError, QString* error)
{
    return finishRunWithMessage(run, status, Message::plain(runError), error);
}

bool Store::finishRunWithMessage(qint64 run, RunStatus status, const Message& runError,
                                 QString* error)
{
    Statement update(m_db, "UPDATE runs SET status = ?2, finished = ?3, error = ?4 "
                           "WHERE number = ?1");
    update.bindInt(1, run);
    update.bindText(2, runStatusName(status));
    update.bindTime(3, QDateTime::currentDateTimeUtc());
    update.bindText(4, runError.encode());
    QString reason;
    if (!update.exec(&reason)) {
        *error = Text::tr("cannot record the end of run %1 in the store %2: %3")
                     .arg(run)
                     .arg(m_dir, reason);
        return false;
    }
    if (sqlite3_changes(m_db) == 0) {
        *error = Text::tr("run %1 not found in the store %2").arg(run).arg(m_dir);
        return false;
    }
    return true;
}

std::optional<RunRecord> Store::run(qint64 number, QString* error) const
{
    const QByteArray sql = QByteArray("SELECT ") + kRunColumns + " FROM runs WHERE number = ?1";
    Statement select(m_db, sql.constData());
    select.bindInt(1, number);
    if (select.next())
        return readRun(select);
    if (error) {
        *error = select.failed()
            ? Text::tr("cannot read run %1 from the store %2: %3")
                  .arg(number)
                  .arg(m_dir, select.errorMessage())
            : Text::tr("run %1 not found in the store %2; list the runs with `cairn-cli runs`")
                  .arg(number)
                  .arg(m_dir);
    }
    return std::nullopt;
}

QList<RunRecord> Store::runs(const QString& flowName, int limit) const
{
    const QByteArray sql = QByteArray("SELECT ") + kRunColumns
        + " FROM runs WHERE flow_name = ?1 ORDER BY number DESC LIMIT ?2";
    Statement select(m_db, sql.constData());
    select.bindText(1, flowName);
    select.bindInt(2, limit > 0 ? limit : -1);  // SQLite reads a negative LIMIT as none
    QList<RunRecord> runs;
    while (select.next())
        runs.append(readRun(select));
    if (select.failed())
        qCWarning(lcStore) << "cannot list the runs of" << flowName << ":"
                           << select.errorMessage();
    return runs;
}

std::optional<qint64> Store::latestRun(const QString& flowName) const
{
    Statement select(m_db, "SELECT MAX(number) FROM runs WHERE flow_name = ?1");
    select.bindText(1, flowName);
    if (!select.next()) {
        qCWarning(lcStore) << "cannot find the latest run of" << flowName << ":"
                           << select.errorMessage();
        return std::nullopt;
    }
    return select.optionalInteger(0);
}

bool Store::saveStepRun(const StepRunRecord& record, QString* error)
{
    const auto fail = [&](const QString& reason) {
        *error = Text::tr("cannot save step %1 of run %2 in the store %3: %4")
                     .arg(record.stepId, QString::number(record.run), m_dir, reason);
        return false;
    };

    QString reason;
    Transaction transaction(m_db);
    if (!transaction.begin(&reason))
        return fail(reason);

    // An upsert keeps the row's id, so stepRuns() keeps the order of first insertion.
    Statement upsert(m_db,
        "INSERT INTO step_runs (run, step_id, status, attempts, key, components, reason, "
        "started, finished, exit_code, source_run, source_duration_s, outputs_digest, error) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14) "
        "ON CONFLICT (run, step_id) DO UPDATE SET status = excluded.status, "
        "attempts = excluded.attempts, key = excluded.key, components = excluded.components, "
        "reason = excluded.reason, error = excluded.error, started = excluded.started, "
        "finished = excluded.finished, "
        "exit_code = excluded.exit_code, source_run = excluded.source_run, "
        "source_duration_s = excluded.source_duration_s, "
        "outputs_digest = excluded.outputs_digest "
        "RETURNING id");
    upsert.bindInt(1, record.run);
    upsert.bindText(2, record.stepId);
    upsert.bindText(3, stepStatusName(record.status));
    upsert.bindInt(4, record.attempts);
    upsert.bindText(5, record.key);
    upsert.bindUtf8(6, jsonText(record.components));
    upsert.bindText(7, storedText(record.reasonMessage, record.reason));
    upsert.bindTime(8, record.started);
    upsert.bindTime(9, record.finished);
    upsert.bindOptional(10, record.exitCode ? std::optional<qint64>(*record.exitCode)
                                            : std::nullopt);
    upsert.bindOptional(11, record.sourceRun);
    upsert.bindReal(12, record.sourceDurationS);
    upsert.bindText(13, record.outputsDigest);
    upsert.bindText(14, storedText(record.errorMessage, record.error));
    if (!upsert.next())
        return fail(upsert.errorMessage());
    const qint64 id = upsert.integer(0);
    if (!upsert.exec(&reason))
        return fail(reason);

    Statement clear(m_db, "DELETE FROM artifacts WHERE step_run = ?1");
    clear.bindInt(1, id);
    if (!clear.exec(&reason))
        return fail(reason);

    // The objects row comes first because artifacts.digest refers to it.
    const QString now = timeText(QDateTime::currentDateTimeUtc());
    Statement touchObject(m_db, "INSERT INTO objects (digest, size, last_used) "
                                "VALUES (?1, ?2, ?3) "
                                "ON CONFLICT (digest) DO UPDATE SET last_used = excluded.last_used");
    Statement insertArtifact(m_db, "INSERT INTO artifacts (step_run, path, kind, size, "
                                   "executable, digest) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    for (const ArtifactRecord& artifact : record.artifacts) {
        touchObject.reset();
        touchObject.bindText(1, artifact.digest);
        touchObject.bindInt(2, artifact.size);
        touchObject.bindText(3, now);
        insertArtifact.reset();
        insertArtifact.bindInt(1, id);
        insertArtifact.bindText(2, artifact.path);
        insertArtifact.bindText(3, artifact.kind);
        insertArtifact.bindInt(4, artifact.size);
        insertArtifact.bindInt(5, artifact.executable ? 1 : 0);
        insertArtifact.bindText(6, artifact.digest);
        if (!touchObject.exec(&reason) || !insertArtifact.exec(&reason))
            return fail(Text::tr("artifact %1: %2").arg(artifact.path, reason));
    }

    if (!transaction.commit(&reason))
        return fail(reason);
    return true;
}

QList<StepRunRecord> Store::stepRuns(qint64 run) const
{
    const QByteArray sql = QByteArray("SELECT ") + kStepRunColumns
        + " FROM step_runs s WHERE s.run = ?1 ORDER BY s.id";
    Statement select(m_db, sql.constData());
    select.bindInt(1, run);
    return loadStepRuns(m_db, select);
}

std::optional<StepRunRecord> Store::stepRun(qint64 run, const QString& stepId) const
{
    const QByteArray sql = QByteArray("SELECT ") + kStepRunColumns
        + " FROM step_runs s WHERE s.run = ?1 AND s.step_id = ?2";
    Statement select(m_db, sql.constData());
    select.bindInt(1, run);
    select.bindText(2, stepId);
    const QList<StepRunRecord> found = loadStepRuns(m_db, select);
    return found.isEmpty() ? std::nullopt : std::optional<StepRunRecord>(found.first());
}

std::optional<qint64> Store::clearedResultRun(const QString& key) const
{
    if (key.isEmpty())
        return std::nullopt;
    Statement select(m_db, "SELECT run FROM step_runs WHERE key = ?1 ORDER BY run DESC LIMIT 1");
    select.bindText(1, key + QLatin1String(kClearedKeySuffix));
    if (!select.next())
        return std::nullopt;
    return select.integer(0);
}

std::optional<StepRunRecord> Store::findCached(const QString& key) const
{
    if (key.isEmpty())
        return std::nullopt;

    // Candidates come newest first. One whose object files are gone (removed by hand or by
    // an interrupted gc) cannot be restored, so the next one is tried.
    const QByteArray sql = QByteArray("SELECT ") + kStepRunColumns
        + " FROM step_runs s WHERE s.key = ?1 AND s.status IN (?2, ?3) "
          "ORDER BY s.run DESC, s.id DESC";
    Statement select(m_db, sql.constData());
    select.bindText(1, key);
    select.bindText(2, stepStatusName(StepStatus::Succeeded));
    select.bindText(3, stepStatusName(StepStatus::Cached));
    while (select.next()) {
        StepRunRecord candidate;
        const qint64 id = readStepRun(select, &candidate);
        candidate.artifacts = loadArtifacts(m_db, id);
        const auto missing = std::find_if(
            candidate.artifacts.cbegin(), candidate.artifacts.cend(),
            [this](const ArtifactRecord& artifact) { return !hasObject(artifact.digest); });
        if (missing == candidate.artifacts.cend())
            return candidate;
        qCInfo(lcStore) << "cache entry of step" << candidate.stepId << "in run"
                        << candidate.run << "skipped: object" << missing->digest
                        << "of" << missing->path << "is missing";
    }
    if (select.failed())
        qCWarning(lcStore) << "cannot look up cache key" << key << ":" << select.errorMessage();
    return std::nullopt;
}

int Store::clearCachedResults(const QString& flowName, const QString& stepId, QString* error)
{
    // The suffix makes the stored key match no computed key (those are plain hex), while
    // the key stays non-empty for previousStepRun and the components stay as they were.
    // Step runs cleared before keep their single suffix, so they are not counted again.
    Statement update(m_db, "UPDATE step_runs SET key = key || ?1 "
                           "WHERE step_id = ?2 AND key <> '' AND key NOT LIKE '%' || ?1 "
                           "AND status IN (?3, ?4) "
                           "AND run IN (SELECT number FROM runs WHERE flow_name = ?5)");
    update.bindText(1, QString::fromLatin1(kClearedKeySuffix));
    update.bindText(2, stepId);
    update.bindText(3, stepStatusName(StepStatus::Succeeded));
    update.bindText(4, stepStatusName(StepStatus::Cached));
    update.bindText(5, flowName);
    QString reason;
    if (!update.exec(&reason)) {
        *error = Text::tr("cannot clear the cached results of step %1 of flow %2 in the store "
                          "%3: %4")
                     .arg(stepId, flowName, m_dir, reason);
        return -1;
    }
    const int cleared = sqlite3_changes(m_db);
    qCInfo(lcStore) << "cleared the cached results of" << cleared << "step runs of step"
                    << stepId << "of flow" << flowName << "in" << m_dir;
    return cleared;
}

std::optional<StepRunRecord> Store::previousStepRun(const QString& flowName,
                                                    const QString& stepId,
                                                    qint64 beforeRun) const
{
    const QByteArray sql = QByteArray("SELECT ") + kStepRunColumns
        + " FROM step_runs s JOIN runs r ON r.number = s.run "
          "WHERE r.flow_name = ?1 AND s.step_id = ?2 AND s.key <> '' "
          "AND (?3 <= 0 OR s.run < ?3) ORDER BY s.run DESC LIMIT 1";
    Statement select(m_db, sql.constData());
    select.bindText(1, flowName);
    select.bindText(2, stepId);
    select.bindInt(3, beforeRun);
    const QList<StepRunRecord> found = loadStepRuns(m_db, select);
    return found.isEmpty() ? std::nullopt : std::optional<StepRunRecord>(found.first());
}

}  // namespace cairn
