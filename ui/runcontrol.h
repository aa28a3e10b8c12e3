#pragma once

// Runs the flow of the window: one RunController per run, its signals (queued into the GUI
// thread by the controller) routed to the canvas's step states, the Log tab and progress
// messages for the status bar. Owned by the main window. Only the destructor waits, for the
// threads of a run that is still going (when the window closes during a run).

#include "scheduler.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>

namespace cairn {

class FlowScene;
class LogPanel;

class RunControl : public QObject {
    Q_OBJECT
public:
    RunControl(FlowScene* scene, LogPanel* log, QObject* parent = nullptr);
    // Cancels a run still going; the controller's destructor then waits for its threads.
    ~RunControl() override;

    bool isRunning() const { return m_controller != nullptr; }
    // Starts a run of flow, which must be valid and have a file path. Returns false when a
    // run is already going.
    bool start(const Flow& flow, const RunOptions& options);
    // Asks the running steps to end. The finished signal follows once they have.
    void stop();

    // The number of the last run started; 0 before the first.
    qint64 lastRun() const { return m_run; }
    // The status of each step in the current or last run.
    StepStatus stepStatus(const QString& id) const { return m_status.value(id, StepStatus::Pending); }

Q_SIGNALS:
    void runningChanged(bool running);
    // A progress or result line for the status bar.
    void progressMessage(const QString& message);
    void finished(qint64 run, cairn::RunStatus status);

private:
    void onRunStarted(qint64 run, const QStringList& steps);
    void onStepStatus(const QString& id, StepStatus status, const QString& detail);
    void onStepAttempt(const QString& id, int attempt);
    void onRunFinished(qint64 run, RunStatus status, const QString& error);
    void onStartFailed(const QString& message);
    void endRun();
    QString progressText() const;

    FlowScene* m_scene;
    LogPanel* m_log;
    QPointer<RunController> m_controller;  // null between runs
    qint64 m_run = 0;
    QStringList m_steps;                     // steps of the current run
    QHash<QString, StepStatus> m_status;     // by step id
    QHash<QString, QElapsedTimer> m_started; // steps running, since when
    QElapsedTimer m_elapsed;                 // since the run started
};

}  // namespace cairn
