#pragma once

// The store: a SQLite database of runs, step runs and artifacts (cairn.db, WAL mode) and a
// folder of immutable, content-addressed objects (objects/ab/cdef…), plus per-attempt logs
// and scratch folders. One Store object owns one database connection and must be used from
// one thread at a time; each thread that needs the store opens its own.

#include "flow.h"
#include "hashing.h"
#include "message.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

struct sqlite3;

namespace cairn {

enum class RunStatus { Running, Succeeded, Failed, Cancelled, Interrupted };

// Step statuses as stored and as printed by `cairn-cli --json`. Pending and Running exist
// only while a run is going.
enum class StepStatus { Pending, Running, Succeeded, Cached, Failed, Cancelled, Skipped, NotRun };

QString runStatusName(RunStatus status);
bool runStatusFromName(const QString& name, RunStatus* status);
QString stepStatusName(StepStatus status);  // "succeeded", "not_run", …
bool stepStatusFromName(const QString& name, StepStatus* status);

// One stored file of a step run. kind "output" files came from CAIRN_OUTPUT_DIR and path is
// relative to it; kind "project" files are declared outputs and path is relative to the
// flow's folder.
struct ArtifactRecord {
    QString path;
    QString kind = QStringLiteral("output");
    qint64 size = 0;
    bool executable = false;
    QString digest;
};

struct RunRecord {
    qint64 number = 0;  // run number, unique per store, from 1
    QString flowName;
    QString flowPath;       // absolute path of the flow file when the run started
    QByteArray flowSnapshot;  // the flow's JSON as run
    Json params = Json::object();  // parameter values used, by name
    RunStatus status = RunStatus::Running;
    QDateTime started;
    QDateTime finished;  // invalid while running
    std::optional<qint64> originRun;  // set for resumes
    QString resumeStep;               // the --from step of a resume, else empty
    QString host;                     // host name and pid of the process that ran it
    qint64 pid = 0;
    QString error;  // why the run ended early, if it did, in the current language
    // error in language-neutral form. Readers fill it; createRun stores it in place of
    // error when it is not empty.
    Message errorMessage;
};

struct StepRunRecord {
    qint64 run = 0;
    QString stepId;
    StepStatus status = StepStatus::Pending;
    int attempts = 0;  // executed attempts; 0 for cached or not run
    QString key;       // cache key, empty when never computed
    Json components = Json::object();  // the key's components (cachekey.h)
    QString reason;    // why it ran, was reused, or did not run, in the current language
    QString error;     // for failed and cancelled steps: what went wrong, likewise
    // reason and error in language-neutral form. Readers fill them; saveStepRun stores each
    // in place of its text when it is not empty.
    Message reasonMessage;
    Message errorMessage;
    QDateTime started;
    QDateTime finished;
    std::optional<int> exitCode;
    std::optional<qint64> sourceRun;  // for cached results: the run that executed the step
    double sourceDurationS = 0;       // for cached results: how long it took in the source run
    QString outputsDigest;            // manifest digest of the artifacts (empty if none stored)
    QList<ArtifactRecord> artifacts;
};

struct GcReport {
    QList<qint64> runsRemoved;
    qint64 objectsRemoved = 0;
    qint64 bytesFreed = 0;
};

struct StoreStats {
    qint64 runs = 0;
    qint64 objects = 0;
    qint64 objectBytes = 0;
};

class Store {
public:
    // Opens or creates the store in dir: creates folders, opens the database in WAL mode
    // with foreign keys on, applies migrations, and marks runs of dead local processes
    // that were left `running` as `interrupted`. Returns null with *error naming the path.
    static std::unique_ptr<Store> open(const QString& dir, QString* error);
    // Whether dir contains a store database. Readers check this first, because open()
    // would create an empty store.
    static bool exists(const QString& dir);
    ~Store();

    static constexpr int kSchemaVersion = 1;

    QString directory() const { return m_dir; }

    // Runs.
    // Inserts a run with the next number; sets record->number.
    bool createRun(RunRecord* record, QString* error);
    // finishRun stores runError as plain text, finishRunWithMessage in language-neutral form.
    bool finishRun(qint64 run, RunStatus status, const QString& runError, QString* error);
    bool finishRunWithMessage(qint64 run, RunStatus status, const Message& runError,
                              QString* error);
    std::optional<RunRecord> run(qint64 number, QString* error = nullptr) const;
    // Newest first. limit <= 0 means all.
    QList<RunRecord> runs(const QString& flowName, int limit = 0) const;
    std::optional<qint64> latestRun(const QString& flowName) const;

    // Step runs. Inserts or replaces the record of (record.run, record.stepId), with its
    // artifacts and their objects, in one transaction.
    bool saveStepRun(const StepRunRecord& record, QString* error);
    QList<StepRunRecord> stepRuns(qint64 run) const;  // with artifacts, in insertion order
    std::optional<StepRunRecord> stepRun(qint64 run, const QString& stepId) const;

    // The newest succeeded or cached step run with this key whose objects are all present.
    std::optional<StepRunRecord> findCached(const QString& key) const;

    // Makes the succeeded and cached step runs of flowName's step stepId unusable as
    // results, so findCached and the planner's reuse check pass over them and the step's
    // next run executes it. Their key components and artifacts stay, so previousStepRun
    // still explains later runs against them. Returns the number of step runs cleared (0
    // when none were left to clear), or -1 with *error naming the store.
    int clearCachedResults(const QString& flowName, const QString& stepId, QString* error);

    // Returns the newest run whose result for key clearCachedResults cleared. The planner
    // uses it to explain why a step with an unchanged key reruns.
    std::optional<qint64> clearedResultRun(const QString& key) const;

    // The newest step run of flowName's step stepId with a computed key in a run before
    // beforeRun (0: any run); used to explain why a step reruns.
    std::optional<StepRunRecord> previousStepRun(const QString& flowName, const QString& stepId,
                                                 qint64 beforeRun = 0) const;

    // Objects. These touch only the filesystem and are safe from any thread.
    QString objectPath(const QString& digest) const;
    bool hasObject(const QString& digest) const;
    // Stores the file at path under its digest. With move, the file is renamed into the
    // store when possible (and removed if the object already exists); otherwise it is
    // copied. The object ends up read-only. Fills *artifact's size, digest and executable.
    bool ingestFile(const QString& path, bool move, ArtifactRecord* artifact, QString* error) const;
    // Makes dest a copy of the object: a reflink or hard link when linkOk, else a copy.
    // dest's folder is created. The result is read-only unless writable.
    bool materialize(const QString& digest, const QString& dest, bool linkOk, bool executable,
                     QString* error) const;

    // Folders for one attempt of a step: logs are kept, scratch is removed after the attempt.
    QString logDirectory(qint64 run, const QString& stepId, int attempt) const;
    QString scratchDirectory(qint64 run, const QString& stepId, int attempt) const;

    // Removes runs of flowName beyond the keepRuns newest (keepRuns < 0 keeps all), their
    // logs, and then every object that no remaining step run refers to. Refuses while any
    // run in the store is running. With dryRun, only reports.
    bool gc(const QString& flowName, int keepRuns, bool dryRun, GcReport* report,
            QString* error);

    StoreStats stats() const;

private:
    Store() = default;
    bool migrate(QString* error);
    void recoverInterruptedRuns();

    QString m_dir;
    sqlite3* m_db = nullptr;
};

// Default store folder for a flow: $CAIRN_STORE if set, else ".cairn" beside the flow.
QString defaultStoreDirectory(const QString& flowFilePath);

}  // namespace cairn
