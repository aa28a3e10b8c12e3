#pragma once

// The work a worker thread does for one step of a run: hash what goes into its cache key,
// execute it (all attempts) and store its outputs, or restore a cached result's declared
// outputs into the project. Jobs never touch the database; the scheduler records results.

#include "executor.h"
#include "flow.h"
#include "message.h"
#include "store.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QRunnable>
#include <QString>

#include <atomic>
#include <memory>
#include <optional>

namespace cairn {

struct StepJobResult;

// Receives a job's progress. Called on the worker thread; implementations forward it.
class StepJobListener {
public:
    virtual ~StepJobListener() = default;
    virtual void jobAttemptStarted(const QString& stepId, int attempt) = 0;
    virtual void jobOutput(const QString& stepId, int attempt, OutputStream stream,
                           const QByteArray& data) = 0;
    virtual void jobFinished(const StepJobResult& result) = 0;
};

struct StepJobInput {
    enum class Mode { Hash, Execute, Restore };
    Mode mode = Mode::Execute;
    std::shared_ptr<const Flow> flow;
    QString stepId;
    qint64 run = 0;
    ParamValues params;
    const Store* store = nullptr;  // filesystem operations only
    const std::atomic<bool>* cancel = nullptr;
    StepJobListener* listener = nullptr;

    // Hash: outputs digest of each upstream step.
    QMap<QString, QString> upstreamOutputs;
    // Execute: artifacts of each upstream step, laid out in CAIRN_INPUT_DIR/<id>/.
    QMap<QString, QList<ArtifactRecord>> upstreamArtifacts;
    // Restore: the cached result's artifacts; its project files are copied back.
    QList<ArtifactRecord> restoreArtifacts;
};

struct StepJobResult {
    StepJobInput::Mode mode = StepJobInput::Mode::Execute;
    QString stepId;
    bool ok = false;
    Message error;  // why it failed, in words for the user

    Json components;  // Hash

    StepStatus status = StepStatus::Failed;  // Execute: Succeeded, Failed or Cancelled
    int attempts = 0;
    std::optional<int> exitCode;
    QList<ArtifactRecord> artifacts;
    QString outputsDigest;
    QDateTime started;
    QDateTime finished;
};

class StepJob : public QRunnable {
public:
    explicit StepJob(StepJobInput input);
    void run() override;

    // Runs the job on the calling thread and returns its result without notifying.
    StepJobResult runHere();

private:
    StepJobResult hash();
    StepJobResult execute();
    StepJobResult restore();
    bool runAttempt(int attempt, StepJobResult* result);
    bool collectOutputs(const QString& outputDir, StepJobResult* result);

    StepJobInput m_input;
};

// The manifest digest of a step's artifacts; project files are listed under "@project/".
QString artifactsDigest(const QList<ArtifactRecord>& artifacts);

// Folder of the cairn_step Python helper: $CAIRN_PYTHON_DIR, the installed copy, or the
// source tree's.
QString pythonHelperDirectory();

}  // namespace cairn
