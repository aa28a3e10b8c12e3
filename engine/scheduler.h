#pragma once

// Running a flow: RunController is the handle the GUI and the CLI hold. It starts the run
// on a scheduler thread of its own, which owns the run's state and its store connection
// and hands ready steps to a pool of worker threads. Progress leaves as signals, queued
// into the thread that owns the controller; nothing here blocks the caller.

#include "executor.h"
#include "flow.h"
#include "planner.h"
#include "store.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>

class QThread;

namespace cairn {

class Scheduler;

struct RunOptions {
    PlanRequest request;
    int workers = 0;          // 0: one per core
    bool keepGoing = false;   // after a failure, go on with steps that do not depend on it
    QString storeDirectory;   // empty: defaultStoreDirectory(flow)
};

// Why a run could not start: the request (unknown step, parameter, origin run) or the
// store (cannot open, cannot write).
enum class StartError { None, InvalidRequest, Store };

class RunController : public QObject {
    Q_OBJECT
public:
    RunController(const Flow& flow, const RunOptions& options, QObject* parent = nullptr);
    // Cancels a run still going and waits for its threads to end.
    ~RunController() override;

    // Starts the run; returns at once. Call once.
    void start();

    // Ends running steps and starts no new ones. Safe from any thread.
    void cancel();

    // The flag cancel() sets. Setting it is async-signal-safe, so a SIGINT handler may.
    std::atomic<bool>* cancelFlag() { return m_cancel.get(); }

    bool isFinished() const { return m_finished; }
    qint64 runNumber() const { return m_run; }

Q_SIGNALS:
    void startFailed(cairn::StartError kind, const QString& message);
    // The run exists in the store; steps are in topological order.
    void runStarted(qint64 run, const QStringList& steps, const cairn::ParamValues& params);
    // detail: the reason it runs or was reused, or for a failure what went wrong.
    void stepStatusChanged(const QString& stepId, cairn::StepStatus status, const QString& detail);
    void stepAttemptStarted(const QString& stepId, int attempt);
    void stepOutput(const QString& stepId, int attempt, cairn::OutputStream stream,
                    const QByteArray& data);
    void runFinished(qint64 run, cairn::RunStatus status, const QString& error);

private:
    Flow m_flow;
    RunOptions m_options;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    QThread* m_thread = nullptr;
    Scheduler* m_scheduler = nullptr;  // lives in m_thread; deleted when it ends
    qint64 m_run = 0;
    bool m_finished = false;
};

}  // namespace cairn

Q_DECLARE_METATYPE(cairn::StepStatus)
Q_DECLARE_METATYPE(cairn::RunStatus)
Q_DECLARE_METATYPE(cairn::OutputStream)
Q_DECLARE_METATYPE(cairn::StartError)
