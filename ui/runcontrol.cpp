#include "runcontrol.h"

#include "flowscene.h"
#include "logpanel.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcRunControl, "cairn.ui.run", QtWarningMsg)

namespace cairn {

namespace {

bool isDone(StepStatus status)
{
    return status != StepStatus::Pending && status != StepStatus::Running;
}

QString seconds(qint64 ms)
{
    return QString::number(double(ms) / 1000.0, 'f', 1);
}

}  // namespace

RunControl::RunControl(FlowScene* scene, LogPanel* log, QObject* parent)
    : QObject(parent), m_scene(scene), m_log(log)
{
}

RunControl::~RunControl()
{
    if (m_controller)
        m_controller->cancel();
}

bool RunControl::start(const Flow& flow, const RunOptions& options)
{
    if (m_controller)
        return false;
    m_steps.clear();
    m_status.clear();
    m_started.clear();
    m_scene->clearStepStates();
    m_log->clear();
    m_log->setSteps([&flow] {
        QStringList ids;
        for (const Step& step : flow.steps)
            ids.append(step.id);
        return ids;
    }());
    m_elapsed.start();

    auto* controller = new RunController(flow, options, this);
    m_controller = controller;
    connect(controller, &RunController::startFailed, this,
            [this](StartError, const QString& message) { onStartFailed(message); });
    connect(controller, &RunController::runStarted, this,
            [this](qint64 run, const QStringList& steps, const ParamValues&) {
                onRunStarted(run, steps);
            });
    connect(controller, &RunController::stepStatusChanged, this, &RunControl::onStepStatus);
    connect(controller, &RunController::stepAttemptStarted, this, &RunControl::onStepAttempt);
    connect(controller, &RunController::stepOutput, this,
            [this](const QString& id, int, OutputStream stream, const QByteArray& data) {
                m_log->appendOutput(id, stream, data);
            });
    connect(controller, &RunController::runFinished, this, &RunControl::onRunFinished);

    controller->start();
    Q_EMIT runningChanged(true);
    Q_EMIT progressMessage(tr("Starting the run…"));
    return true;
}

void RunControl::stop()
{
    if (!m_controller)
        return;
    m_controller->cancel();
    Q_EMIT progressMessage(tr("Stopping the run…"));
}

void RunControl::onRunStarted(qint64 run, const QStringList& steps)
{
    m_run = run;
    m_steps = steps;
    for (const QString& id : steps) {
        m_status.insert(id, StepStatus::Pending);
        m_scene->setStepState(id, StepStatus::Pending, QString(), -1);
    }
    m_log->appendMessage(tr("Run %1 started").arg(run));
    Q_EMIT progressMessage(progressText());
}

void RunControl::onStepStatus(const QString& id, StepStatus status, const QString& detail)
{
    m_status.insert(id, status);
    double durationS = -1;
    if (status == StepStatus::Running) {
        m_started[id].start();
        m_log->stepStarted(id);
    } else if (m_started.contains(id)) {
        durationS = double(m_started.take(id).elapsed()) / 1000.0;
    }
    m_scene->setStepState(id, status, detail, durationS);
    if (status == StepStatus::Failed)
        m_log->appendMessage(tr("%1 failed: %2").arg(id, detail));
    Q_EMIT progressMessage(progressText());
}

void RunControl::onStepAttempt(const QString& id, int attempt)
{
    if (attempt > 1)
        m_log->appendMessage(tr("%1: attempt %2").arg(id).arg(attempt));
}

void RunControl::onRunFinished(qint64 run, RunStatus status, const QString& error)
{
    int ran = 0;
    int cached = 0;
    for (auto it = m_status.cbegin(); it != m_status.cend(); ++it) {
        if (it.value() == StepStatus::Succeeded)
            ++ran;
        else if (it.value() == StepStatus::Cached)
            ++cached;
    }
    const QString time = seconds(m_elapsed.elapsed());
    QString message;
    if (status == RunStatus::Succeeded)
        message = tr("Run %1 succeeded in %2 s: %3 ran, %4 cached")
                      .arg(run).arg(time).arg(ran).arg(cached);
    else if (status == RunStatus::Cancelled)
        message = tr("Run %1 was stopped after %2 s").arg(run).arg(time);
    else
        message = tr("Run %1 failed after %2 s: %3").arg(run).arg(time, error);
    m_log->appendMessage(message);
    qCInfo(lcRunControl) << "run" << run << "finished:" << runStatusName(status);
    endRun();
    Q_EMIT progressMessage(message);
    Q_EMIT finished(run, status);
}

void RunControl::onStartFailed(const QString& message)
{
    const QString text = tr("The run could not start: %1").arg(message);
    m_log->appendMessage(text);
    qCWarning(lcRunControl) << "run could not start:" << message;
    endRun();
    Q_EMIT progressMessage(text);
    Q_EMIT finished(0, RunStatus::Failed);
}

void RunControl::endRun()
{
    // The controller has already stopped its thread's event loop, so the destructor that
    // deleteLater runs joins a thread with no work left.
    m_controller->deleteLater();
    m_controller = nullptr;
    Q_EMIT runningChanged(false);
}

QString RunControl::progressText() const
{
    int done = 0;
    int cached = 0;
    for (const QString& id : m_steps) {
        const StepStatus status = m_status.value(id, StepStatus::Pending);
        if (isDone(status))
            ++done;
        if (status == StepStatus::Cached)
            ++cached;
    }
    return tr("Running: %1 of %2 steps done, %3 cached").arg(done).arg(m_steps.size()).arg(cached);
}

}  // namespace cairn
