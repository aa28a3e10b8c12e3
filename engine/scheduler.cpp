#include "scheduler.h"

#include "cachekey.h"
#include "logging.h"
#include "stepjob.h"

#include <QCoreApplication>
#include <QHash>
#include <QSysInfo>
#include <QThread>
#include <QThreadPool>

namespace cairn {

namespace {

// A message of this file's translation context. Mark source with
// QT_TRANSLATE_NOOP("Scheduler", …) so that lupdate extracts it.
Message message(const char* source)
{
    return Message("Scheduler", source);
}

// Sets both forms of a step run's reason.
void setReason(StepRunRecord* record, const Message& reason)
{
    record->reasonMessage = reason;
    record->reason = reason.text();
}

bool isDone(StepStatus status)
{
    return status == StepStatus::Succeeded || status == StepStatus::Cached;
}

bool isTerminal(StepStatus status)
{
    switch (status) {
    case StepStatus::Pending:
    case StepStatus::Running:
        return false;
    default:
        return true;
    }
}

double durationS(const StepRunRecord& record)
{
    if (record.sourceRun)
        return record.sourceDurationS;
    if (!record.started.isValid() || !record.finished.isValid())
        return 0;
    return record.started.msecsTo(record.finished) / 1000.0;
}

}  // namespace

// Owns one run's state on the scheduler thread: which steps wait, hash, run or are done.
// Every method runs on that thread; worker threads reach it through queued calls.
class Scheduler : public QObject, public StepJobListener {
    Q_OBJECT
public:
    Scheduler(const Flow& flow, const RunOptions& options,
              std::shared_ptr<std::atomic<bool>> cancel)
        : m_flow(std::make_shared<Flow>(flow)), m_options(options), m_cancel(std::move(cancel))
    {
    }

    ~Scheduler() override
    {
        m_pool.waitForDone();
        // The controller went away mid-run (the application is closing): record the run
        // as cancelled so that it can be resumed. Steps left running are resumed like
        // interrupted ones.
        if (m_store && m_run > 0 && !m_finished) {
            QString error;
            m_store->finishRunWithMessage(
                m_run, RunStatus::Cancelled,
                message(QT_TRANSLATE_NOOP("Scheduler", "the application closed during the run")),
                &error);
        }
    }

    void start();

    // StepJobListener, called on worker threads.
    void jobAttemptStarted(const QString& stepId, int attempt) override
    {
        Q_EMIT stepAttemptStarted(stepId, attempt);
    }
    void jobOutput(const QString& stepId, int attempt, OutputStream stream,
                   const QByteArray& data) override
    {
        Q_EMIT stepOutput(stepId, attempt, stream, data);
    }
    void jobFinished(const StepJobResult& result) override
    {
        QMetaObject::invokeMethod(this, [this, result] { onJobFinished(result); },
                                  Qt::QueuedConnection);
    }

Q_SIGNALS:
    void startFailed(cairn::StartError kind, const QString& message);
    void runStarted(qint64 run, const QStringList& steps, const cairn::ParamValues& params);
    void stepStatusChanged(const QString& stepId, cairn::StepStatus status, const QString& detail);
    void stepAttemptStarted(const QString& stepId, int attempt);
    void stepOutput(const QString& stepId, int attempt, cairn::OutputStream stream,
                    const QByteArray& data);
    void runFinished(qint64 run, cairn::RunStatus status, const QString& error);

private:
    struct StepState {
        StepStatus status = StepStatus::Pending;
        bool busy = false;  // a job for it is queued or running
        StepRunRecord record;
    };

    void dispatchReady();
    void startHash(const QString& id);
    void onJobFinished(const StepJobResult& result);
    void onHashed(const StepJobResult& result);
    void onExecuted(const StepJobResult& result);
    void onRestored(const StepJobResult& result);
    void takeResult(const QString& id, const PlannedStep& planned);
    void finishStep(const QString& id, StepStatus status, const Message& detail);
    bool save(const StepRunRecord& record);
    void submit(StepJobInput input);
    void pump();
    void finishRunIfIdle();
    StepJobInput jobInput(const QString& id, StepJobInput::Mode mode) const;

    std::shared_ptr<const Flow> m_flow;
    RunOptions m_options;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<Planner> m_planner;
    QThreadPool m_pool;
    qint64 m_run = 0;
    QStringList m_order;
    QHash<QString, StepState> m_steps;
    QList<StepJobInput> m_queue;  // jobs waiting for a free worker, oldest first
    int m_busyJobs = 0;            // jobs handed to the pool and not finished
    QString m_failedStep;   // the first step that failed
    Message m_stopReason;   // why no new step starts, empty while going on
    Message m_runError;     // store errors that end the run
    bool m_finished = false;
};

void Scheduler::start()
{
    QString error;
    const QString storeDir = m_options.storeDirectory.isEmpty()
        ? defaultStoreDirectory(m_flow->filePath) : m_options.storeDirectory;
    m_store = Store::open(storeDir, &error);
    if (!m_store) {
        Q_EMIT startFailed(StartError::Store, error);
        return;
    }
    m_planner = std::make_unique<Planner>(*m_flow, m_store.get());
    pythonHelperDirectory();  // resolve it here, before any worker needs it
    if (!m_planner->prepare(m_options.request, &error)) {
        Q_EMIT startFailed(StartError::InvalidRequest, error);
        return;
    }

    RunRecord run;
    run.flowName = m_flow->name;
    run.flowPath = m_flow->filePath;
    run.flowSnapshot = serializeFlow(*m_flow);
    for (auto it = m_planner->params().begin(); it != m_planner->params().end(); ++it)
        run.params[it.key().toStdString()] = it.value();
    run.started = QDateTime::currentDateTimeUtc();
    if (m_planner->origin())
        run.originRun = m_planner->origin()->number;
    run.resumeStep = m_options.request.fromStep;
    run.host = QSysInfo::machineHostName();
    run.pid = QCoreApplication::applicationPid();
    if (!m_store->createRun(&run, &error)) {
        Q_EMIT startFailed(StartError::Store, error);
        return;
    }
    m_run = run.number;

    m_order = m_planner->graph().topologicalOrder();
    for (const QString& id : m_order) {
        StepState state;
        state.record.run = m_run;
        state.record.stepId = id;
        m_steps.insert(id, state);
    }
    const int workers = m_options.workers > 0 ? m_options.workers : QThread::idealThreadCount();
    m_pool.setMaxThreadCount(qMax(1, workers));
    qCInfo(lcScheduler) << "run" << m_run << "of flow" << m_flow->name << "started with"
                        << m_pool.maxThreadCount() << "workers";
    Q_EMIT runStarted(m_run, m_order, m_planner->params());

    for (const QString& id : m_order) {
        if (!m_planner->isSelected(id))
            finishStep(id, StepStatus::NotRun, message(QT_TRANSLATE_NOOP("Scheduler", "not selected")));
    }
    dispatchReady();
    finishRunIfIdle();
}

void Scheduler::dispatchReady()
{
    if (m_cancel->load() && m_stopReason.isEmpty())
        m_stopReason = message(QT_TRANSLATE_NOOP("Scheduler", "run cancelled"));

    for (const QString& id : m_order) {
        StepState& state = m_steps[id];
        if (state.status != StepStatus::Pending || state.busy)
            continue;

        bool ready = true;
        QString blockedBy;
        for (const QString& up : m_planner->graph().upstream(id)) {
            const StepStatus upStatus = m_steps.value(up).status;
            if (!isDone(upStatus)) {
                ready = false;
                if (isTerminal(upStatus))
                    blockedBy = up;
            }
        }
        if (!blockedBy.isEmpty()) {
            // An upstream step ended without a result: this one can never run.
            if (m_options.keepGoing && m_stopReason.isEmpty())
                finishStep(id, StepStatus::Skipped,
                           message(QT_TRANSLATE_NOOP("Scheduler", "upstream %1 did not succeed"))
                               .arg(blockedBy));
            continue;
        }
        if (ready && m_stopReason.isEmpty())
            startHash(id);
    }
}

StepJobInput Scheduler::jobInput(const QString& id, StepJobInput::Mode mode) const
{
    StepJobInput input;
    input.mode = mode;
    input.flow = m_flow;
    input.stepId = id;
    input.run = m_run;
    input.params = m_planner->params();
    input.store = m_store.get();
    input.cancel = m_cancel.get();
    input.listener = const_cast<Scheduler*>(this);
    for (const QString& up : m_planner->graph().upstream(id)) {
        const StepRunRecord& record = m_steps.value(up).record;
        input.upstreamOutputs.insert(up, record.outputsDigest);
        input.upstreamArtifacts.insert(up, record.artifacts);
    }
    return input;
}

void Scheduler::submit(StepJobInput input)
{
    m_steps[input.stepId].busy = true;
    m_queue.append(std::move(input));
    pump();
}

void Scheduler::pump()
{
    // Jobs wait here rather than in the pool, so that a job not started yet when a step
    // fails or the run is cancelled can be dropped.
    while (m_busyJobs < m_pool.maxThreadCount() && !m_queue.isEmpty()) {
        StepJobInput input = m_queue.takeFirst();
        if (!m_stopReason.isEmpty() && input.mode != StepJobInput::Mode::Restore) {
            m_steps[input.stepId].busy = false;
            finishStep(input.stepId, StepStatus::NotRun, m_stopReason);
            continue;
        }
        ++m_busyJobs;
        m_pool.start(new StepJob(std::move(input)));
    }
}

void Scheduler::startHash(const QString& id)
{
    submit(jobInput(id, StepJobInput::Mode::Hash));
}

void Scheduler::onJobFinished(const StepJobResult& result)
{
    --m_busyJobs;
    m_steps[result.stepId].busy = false;
    switch (result.mode) {
    case StepJobInput::Mode::Hash: onHashed(result); break;
    case StepJobInput::Mode::Execute: onExecuted(result); break;
    case StepJobInput::Mode::Restore: onRestored(result); break;
    }
    dispatchReady();
    pump();
    finishRunIfIdle();
}

void Scheduler::onHashed(const StepJobResult& result)
{
    const QString& id = result.stepId;
    StepRunRecord& record = m_steps[id].record;
    if (!result.ok) {
        setReason(&record, result.error);
        record.started = record.finished = QDateTime::currentDateTimeUtc();
        finishStep(id, StepStatus::Failed, result.error);
        return;
    }
    if (!m_stopReason.isEmpty()) {
        finishStep(id, StepStatus::NotRun, m_stopReason);
        return;
    }

    const PlannedStep planned = m_planner->decide(id, result.components);
    record.key = planned.key;
    record.components = planned.components;
    setReason(&record, planned.reasonMessage);
    if (planned.action == PlanAction::Reuse || planned.action == PlanAction::CacheHit) {
        takeResult(id, planned);
        return;
    }

    record.status = StepStatus::Running;
    record.started = QDateTime::currentDateTimeUtc();
    if (!save(record))
        return;
    m_steps[id].status = StepStatus::Running;
    Q_EMIT stepStatusChanged(id, StepStatus::Running, planned.reason);
    submit(jobInput(id, StepJobInput::Mode::Execute));
}

void Scheduler::takeResult(const QString& id, const PlannedStep& planned)
{
    StepRunRecord& record = m_steps[id].record;
    const StepRunRecord& source = *planned.source;
    record.sourceRun = source.sourceRun.value_or(source.run);
    record.sourceDurationS = durationS(source);
    record.artifacts = source.artifacts;
    record.outputsDigest = source.outputsDigest;
    record.exitCode = source.exitCode;

    bool hasProjectFiles = false;
    for (const ArtifactRecord& artifact : source.artifacts)
        hasProjectFiles = hasProjectFiles || artifact.kind == QLatin1String("project");
    if (!hasProjectFiles) {
        record.started = record.finished = QDateTime::currentDateTimeUtc();
        finishStep(id, StepStatus::Cached, planned.reasonMessage);
        return;
    }
    record.started = QDateTime::currentDateTimeUtc();
    StepJobInput input = jobInput(id, StepJobInput::Mode::Restore);
    input.restoreArtifacts = source.artifacts;
    submit(std::move(input));
}

void Scheduler::onRestored(const StepJobResult& result)
{
    StepRunRecord& record = m_steps[result.stepId].record;
    record.finished = QDateTime::currentDateTimeUtc();
    if (!result.ok) {
        finishStep(result.stepId, StepStatus::Failed, result.error);
        return;
    }
    finishStep(result.stepId, StepStatus::Cached, record.reasonMessage);
}

void Scheduler::onExecuted(const StepJobResult& result)
{
    StepRunRecord& record = m_steps[result.stepId].record;
    record.attempts = result.attempts;
    record.exitCode = result.exitCode;
    record.finished = result.finished.isValid() ? result.finished : QDateTime::currentDateTimeUtc();
    if (result.started.isValid())
        record.started = result.started;
    if (result.ok) {
        record.artifacts = result.artifacts;
        record.outputsDigest = result.outputsDigest;
        finishStep(result.stepId, StepStatus::Succeeded, record.reasonMessage);
        return;
    }
    finishStep(result.stepId, result.status, result.error);
}

void Scheduler::finishStep(const QString& id, StepStatus status, const Message& detail)
{
    StepState& state = m_steps[id];
    state.status = status;
    state.record.status = status;
    if (status == StepStatus::Failed || status == StepStatus::Cancelled) {
        state.record.errorMessage = detail;
        state.record.error = detail.text();
        // A result that failed is never a cache entry; its key stays for the reason only.
        state.record.artifacts.clear();
        state.record.outputsDigest.clear();
    } else if (status == StepStatus::Skipped || status == StepStatus::NotRun) {
        setReason(&state.record, detail);
    }
    if (status == StepStatus::Failed) {
        if (m_failedStep.isEmpty())
            m_failedStep = id;
        if (!m_options.keepGoing && m_stopReason.isEmpty())
            m_stopReason = message(QT_TRANSLATE_NOOP("Scheduler", "run stopped after step %1 failed"))
                               .arg(id);
        qCInfo(lcScheduler) << "run" << m_run << "step" << id << "failed:" << detail.text();
    }
    if (status == StepStatus::Cancelled && m_stopReason.isEmpty())
        m_stopReason = message(QT_TRANSLATE_NOOP("Scheduler", "run cancelled"));
    save(state.record);
    Q_EMIT stepStatusChanged(id, status, detail.text());
}

bool Scheduler::save(const StepRunRecord& record)
{
    QString error;
    if (m_store->saveStepRun(record, &error))
        return true;
    qCWarning(lcScheduler) << "run" << m_run << "cannot record step" << record.stepId << ":" << error;
    // NOTE: the store's message reaches the run's error as text in the language of the
    // run, because Store reports failures as translated text.
    if (m_runError.isEmpty())
        m_runError = Message::plain(error);
    if (m_stopReason.isEmpty())
        m_stopReason = message(QT_TRANSLATE_NOOP("Scheduler", "the store cannot be written"));
    return false;
}

void Scheduler::finishRunIfIdle()
{
    if (m_finished || m_busyJobs > 0)
        return;
    dispatchReady();
    pump();
    if (m_busyJobs > 0 || !m_queue.isEmpty())
        return;

    // Nothing runs and nothing can start: what is still pending never ran.
    const bool cancelled = m_cancel->load();
    for (const QString& id : m_order) {
        if (m_steps.value(id).status == StepStatus::Pending) {
            const Message reason = m_stopReason.isEmpty()
                ? message(QT_TRANSLATE_NOOP("Scheduler", "upstream did not succeed"))
                : m_stopReason;
            finishStep(id, StepStatus::NotRun, reason);
        }
    }

    RunStatus status = RunStatus::Succeeded;
    Message error = m_runError;
    if (cancelled) {
        status = RunStatus::Cancelled;
        if (error.isEmpty())
            error = message(QT_TRANSLATE_NOOP("Scheduler", "cancelled by the user"));
    } else if (!m_failedStep.isEmpty() || !m_runError.isEmpty()) {
        status = RunStatus::Failed;
        if (error.isEmpty())
            error = message(QT_TRANSLATE_NOOP("Scheduler", "step %1 failed")).arg(m_failedStep);
    }
    QString storeError;
    if (!m_store->finishRunWithMessage(m_run, status,
                                       status == RunStatus::Succeeded ? Message() : error,
                                       &storeError))
        qCWarning(lcScheduler) << "run" << m_run << "cannot be marked finished:" << storeError;
    m_finished = true;
    qCInfo(lcScheduler) << "run" << m_run << "finished:" << runStatusName(status);
    Q_EMIT runFinished(m_run, status, error.text());
}

RunController::RunController(const Flow& flow, const RunOptions& options, QObject* parent)
    : QObject(parent), m_flow(flow), m_options(options),
      m_cancel(std::make_shared<std::atomic<bool>>(false))
{
    qRegisterMetaType<cairn::StepStatus>();
    qRegisterMetaType<cairn::RunStatus>();
    qRegisterMetaType<cairn::OutputStream>();
    qRegisterMetaType<cairn::StartError>();
    qRegisterMetaType<cairn::ParamValues>();
}

RunController::~RunController()
{
    if (m_thread) {
        m_cancel->store(true);
        m_thread->quit();
        m_thread->wait();
    }
}

void RunController::start()
{
    Q_ASSERT_X(!m_thread, "RunController::start", "a controller runs one run");
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("cairn-scheduler"));
    m_scheduler = new Scheduler(m_flow, m_options, m_cancel);
    m_scheduler->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_scheduler, &QObject::deleteLater);

    connect(m_scheduler, &Scheduler::startFailed, this, [this](StartError kind, const QString& message) {
        m_finished = true;
        m_thread->quit();
        Q_EMIT startFailed(kind, message);
    });
    connect(m_scheduler, &Scheduler::runStarted, this,
            [this](qint64 run, const QStringList& steps, const ParamValues& params) {
                m_run = run;
                Q_EMIT runStarted(run, steps, params);
            });
    connect(m_scheduler, &Scheduler::stepStatusChanged, this, &RunController::stepStatusChanged);
    connect(m_scheduler, &Scheduler::stepAttemptStarted, this, &RunController::stepAttemptStarted);
    connect(m_scheduler, &Scheduler::stepOutput, this, &RunController::stepOutput);
    connect(m_scheduler, &Scheduler::runFinished, this,
            [this](qint64 run, RunStatus status, const QString& error) {
                m_finished = true;
                m_thread->quit();
                Q_EMIT runFinished(run, status, error);
            });

    m_thread->start();
    QMetaObject::invokeMethod(m_scheduler, &Scheduler::start, Qt::QueuedConnection);
}

void RunController::cancel()
{
    m_cancel->store(true);
}

}  // namespace cairn

#include "scheduler.moc"
