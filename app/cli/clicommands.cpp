#include "clicommands.h"

#include "clioutput.h"
#include "executor.h"
#include "flow.h"
#include "hashing.h"
#include "planner.h"
#include "scheduler.h"
#include "store.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace cairn::cli {

namespace {

// Translation context of this file's messages.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(cli)
};

std::atomic<bool> g_interrupted{false};
std::atomic<std::atomic<bool>*> g_cancelFlag{nullptr};

void onInterrupt(int)
{
    // A second interrupt ends everything at once: the steps' process groups first, so
    // nothing keeps running behind a run that the next open marks interrupted.
    if (g_interrupted.exchange(true)) {
        cairn::killAllProcessGroups();
        ::_exit(ExitCancelled);
    }
    if (std::atomic<bool>* flag = g_cancelFlag.load())
        flag->store(true);
}

bool loadValidFlow(const CliOptions& options, Flow* flow)
{
    QList<FlowIssue> issues;
    if (loadFlow(options.flowPath, flow, &issues))
        return true;
    printError(Text::tr("%1 is not a valid flow (%n problem(s)):", nullptr, int(issues.size()))
                   .arg(options.flowPath));
    for (const FlowIssue& issue : issues)
        std::fprintf(stderr, "  %s\n", issue.toString().toUtf8().constData());
    return false;
}

QString storeDirectory(const CliOptions& options, const Flow& flow)
{
    return options.storeDir.isEmpty() ? defaultStoreDirectory(flow.filePath)
                                      : QDir(options.storeDir).absolutePath();
}

// Whether the default store of flow would go inside Cairn's installed examples. That
// folder belongs to the package, and a store there would outlive the package's removal.
bool storesIntoInstalledExamples(const CliOptions& options, const Flow& flow)
{
    if (!options.storeDir.isEmpty() || !qEnvironmentVariableIsEmpty("CAIRN_STORE"))
        return false;
    const QString examples = QDir(QCoreApplication::applicationDirPath()
                                  + QStringLiteral("/../share/cairn/examples"))
                                 .canonicalPath();
    const QString folder = QFileInfo(flow.filePath).canonicalPath();
    return !examples.isEmpty() && folder.startsWith(examples + QLatin1Char('/'));
}

// Opens the store for reading verbs; a store that does not exist yet is an error rather
// than something to create.
std::unique_ptr<Store> openExistingStore(const CliOptions& options, const Flow& flow)
{
    const QString dir = storeDirectory(options, flow);
    if (!Store::exists(dir)) {
        printError(Text::tr("no store at %1; run the flow first, or pass --store DIR").arg(dir));
        return nullptr;
    }
    QString error;
    std::unique_ptr<Store> store = Store::open(dir, &error);
    if (!store)
        printError(error);
    return store;
}

bool parseOverrides(const CliOptions& options, const Flow& flow, ParamValues* values)
{
    for (const QString& entry : options.params) {
        const qsizetype eq = entry.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            printError(Text::tr("--param expects NAME=VALUE, not \"%1\"").arg(entry));
            return false;
        }
        const QString name = entry.left(eq);
        const Parameter* parameter = flow.parameter(name);
        if (!parameter) {
            QStringList names;
            for (const Parameter& p : flow.parameters)
                names << p.name;
            printError(Text::tr("flow %1 has no parameter %2; its parameters are: %3")
                           .arg(flow.name, name, names.isEmpty() ? Text::tr("(none)") : names.join(QStringLiteral(", "))));
            return false;
        }
        Json value;
        QString error;
        if (!parseParamValue(*parameter, entry.mid(eq + 1), &value, &error)) {
            printError(error);
            return false;
        }
        values->insert(name, value);
    }
    return true;
}

PlanRequest planRequest(const CliOptions& options, const ParamValues& overrides)
{
    PlanRequest request;
    request.resume = options.verb == QLatin1String("resume");
    request.origin = options.origin;
    request.fromStep = options.fromStep;
    request.upTo = options.upTo;
    request.force = options.force;
    request.overrides = overrides;
    return request;
}

int commandValidate(const CliOptions& options)
{
    QList<FlowIssue> issues;
    Flow flow;
    const bool ok = loadFlow(options.flowPath, &flow, &issues);
    if (options.json) {
        Json list = Json::array();
        for (const FlowIssue& issue : issues) {
            list.push_back({{"path", issue.path.toStdString()}, {"message", issue.message.toStdString()},
                            {"hint", issue.hint.toStdString()}});
        }
        printJson({{"valid", ok}, {"issues", list}});
    } else if (ok) {
        printText(Text::tr("%1: valid flow \"%2\" with %n step(s)\n", nullptr, int(flow.steps.size()))
                      .arg(options.flowPath, flow.name));
    } else {
        loadValidFlow(options, &flow);
    }
    return ok ? ExitSuccess : ExitInvalid;
}

int commandDryRun(const CliOptions& options, const Flow& flow, const PlanRequest& request)
{
    QString error;
    std::unique_ptr<Store> store = Store::open(storeDirectory(options, flow), &error);
    if (!store) {
        printError(error);
        return ExitStore;
    }
    Planner planner(flow, store.get());
    if (!planner.prepare(request, &error)) {
        printError(error);
        return ExitInvalid;
    }
    const Plan plan = planner.makePlan();
    if (options.json)
        printJson(planToJson(plan));
    else
        printText(formatPlan(plan));
    return ExitSuccess;
}

int commandRun(const CliOptions& options)
{
    Flow flow;
    if (!loadValidFlow(options, &flow))
        return ExitInvalid;
    ParamValues overrides;
    if (!parseOverrides(options, flow, &overrides))
        return ExitInvalid;
    if (storesIntoInstalledExamples(options, flow)) {
        const QString folder = QFileInfo(flow.filePath).absolutePath();
        printError(Text::tr("%1 is an installed example, and its folder belongs to the package; "
                            "copy the folder first (cp -r %2 ~/) and run the copy, or pass --store DIR")
                       .arg(flow.filePath, folder));
        return ExitStore;
    }
    const PlanRequest request = planRequest(options, overrides);
    if (options.dryRun)
        return commandDryRun(options, flow, request);

    RunOptions runOptions;
    runOptions.request = request;
    runOptions.workers = options.workers;
    runOptions.keepGoing = options.keepGoing;
    runOptions.storeDirectory = storeDirectory(options, flow);

    RunController controller(flow, runOptions);
    ProgressPrinter progress(&controller, isatty(STDERR_FILENO));
    int status = ExitSuccess;
    qint64 runNumber = 0;
    QObject::connect(&controller, &RunController::startFailed,
                     [&](StartError kind, const QString& message) {
                         printError(message);
                         status = kind == StartError::Store ? ExitStore : ExitInvalid;
                         QCoreApplication::exit(0);
                     });
    QObject::connect(&controller, &RunController::runFinished,
                     [&](qint64 run, RunStatus runStatus, const QString&) {
                         runNumber = run;
                         if (runStatus == RunStatus::Cancelled)
                             status = ExitCancelled;
                         else if (runStatus != RunStatus::Succeeded)
                             status = ExitRunFailed;
                         QCoreApplication::exit(0);
                     });

    g_cancelFlag.store(controller.cancelFlag());
    if (g_interrupted.load())
        controller.cancel();
    controller.start();
    QCoreApplication::exec();
    g_cancelFlag.store(nullptr);

    if (runNumber == 0)
        return status;
    QString error;
    std::unique_ptr<Store> store = Store::open(runOptions.storeDirectory, &error);
    const std::optional<RunRecord> run = store ? store->run(runNumber, &error) : std::nullopt;
    if (!run) {
        printError(error);
        return ExitStore;
    }
    const QList<StepRunRecord> steps = store->stepRuns(runNumber);
    if (options.json)
        printJson(runToJson(*run, steps));
    else
        printText(formatRun(*run, steps));
    return status;
}

int commandRuns(const CliOptions& options)
{
    Flow flow;
    if (!loadValidFlow(options, &flow))
        return ExitInvalid;
    std::unique_ptr<Store> store = openExistingStore(options, flow);
    if (!store)
        return ExitStore;
    const QList<RunRecord> runs = store->runs(flow.name, options.limit);
    if (options.json)
        printJson(runListToJson(flow.name, runs, store.get()));
    else
        printText(formatRunList(runs, store.get()));
    return ExitSuccess;
}

// Loads the flow and the store and finds the run, printing what is missing.
std::unique_ptr<Store> openRun(const CliOptions& options, Flow* flow, RunRecord* run, int* status)
{
    *status = ExitInvalid;
    if (!loadValidFlow(options, flow))
        return nullptr;
    std::unique_ptr<Store> store = openExistingStore(options, *flow);
    if (!store) {
        *status = ExitStore;
        return nullptr;
    }
    const std::optional<RunRecord> record = store->run(options.run);
    if (!record || record->flowName != flow->name) {
        printError(Text::tr("run %1 of flow %2 not found in %3 (gc may have removed it); "
                            "`cairn-cli runs %4` lists the runs")
                       .arg(options.run).arg(flow->name, store->directory(), options.flowPath));
        return nullptr;
    }
    *run = *record;
    *status = ExitSuccess;
    return store;
}

int commandShow(const CliOptions& options)
{
    Flow flow;
    RunRecord run;
    int status = ExitSuccess;
    std::unique_ptr<Store> store = openRun(options, &flow, &run, &status);
    if (!store)
        return status;
    const QList<StepRunRecord> steps = store->stepRuns(run.number);
    if (options.json)
        printJson(runToJson(run, steps));
    else
        printText(formatRun(run, steps));
    return ExitSuccess;
}

std::optional<StepRunRecord> findStepRun(Store* store, const CliOptions& options)
{
    std::optional<StepRunRecord> step = store->stepRun(options.run, options.step);
    if (!step) {
        printError(Text::tr("step %1 has no record in run %2; `cairn-cli show %3 %2` lists its steps")
                       .arg(options.step).arg(options.run).arg(options.flowPath));
    }
    return step;
}

int commandLog(const CliOptions& options)
{
    Flow flow;
    RunRecord run;
    int status = ExitSuccess;
    std::unique_ptr<Store> store = openRun(options, &flow, &run, &status);
    if (!store)
        return status;
    const std::optional<StepRunRecord> step = findStepRun(store.get(), options);
    if (!step)
        return ExitInvalid;
    if (step->attempts == 0) {
        printError(Text::tr("step %1 did not execute in run %2 (%3: %4)")
                       .arg(options.step).arg(options.run)
                       .arg(stepStatusName(step->status), step->reason));
        return ExitInvalid;
    }
    if (options.attempt > step->attempts) {
        printError(Text::tr("step %1 has %n attempt(s) in run %2", nullptr, step->attempts)
                       .arg(options.step).arg(options.run));
        return ExitInvalid;
    }
    const int attempt = options.attempt > 0 ? options.attempt : step->attempts;
    const QString path = store->logDirectory(options.run, options.step, attempt)
        + (options.stderrLog ? QStringLiteral("/stderr.log") : QStringLiteral("/stdout.log"));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        printError(Text::tr("cannot read log %1: %2").arg(path, file.errorString()));
        return ExitStore;
    }
    while (!file.atEnd()) {
        const QByteArray chunk = file.read(1 << 20);
        std::fwrite(chunk.constData(), 1, size_t(chunk.size()), stdout);
    }
    return ExitSuccess;
}

// Checks that exporting step's artifacts into target replaces no file with other content.
// A file that already contains the same bytes is fine, so an export can be repeated.
bool checkExportTargets(const StepRunRecord& step, const QDir& target)
{
    for (const ArtifactRecord& artifact : step.artifacts) {
        const QString dest = target.absoluteFilePath(artifact.path);
        if (!QFileInfo::exists(dest))
            continue;
        QString digest;
        qint64 size = 0;
        QString error;
        if (!hashFile(dest, &digest, &size, &error) || digest != artifact.digest) {
            printError(Text::tr("%1 already exists with other content; export into an empty "
                                "folder, or move that file away first")
                           .arg(QDir::toNativeSeparators(dest)));
            return false;
        }
    }
    return true;
}

int commandArtifacts(const CliOptions& options)
{
    Flow flow;
    RunRecord run;
    int status = ExitSuccess;
    std::unique_ptr<Store> store = openRun(options, &flow, &run, &status);
    if (!store)
        return status;
    const std::optional<StepRunRecord> step = findStepRun(store.get(), options);
    if (!step)
        return ExitInvalid;

    if (!options.exportDir.isEmpty()) {
        const QDir target(options.exportDir);
        if (!checkExportTargets(*step, target))
            return ExitInvalid;
        for (const ArtifactRecord& artifact : step->artifacts) {
            const QString dest = target.absoluteFilePath(artifact.path);
            QString error;
            if (!store->materialize(artifact.digest, dest, false, artifact.executable, &error)) {
                printError(Text::tr("cannot export %1 to %2: %3").arg(artifact.path, dest, error));
                return ExitStore;
            }
        }
    }
    if (options.json) {
        Json list = Json::array();
        for (const ArtifactRecord& artifact : step->artifacts) {
            list.push_back({{"path", artifact.path.toStdString()}, {"size", artifact.size},
                            {"digest", artifact.digest.toStdString()},
                            {"kind", artifact.kind.toStdString()},
                            {"object", store->objectPath(artifact.digest).toStdString()}});
        }
        printJson({{"run", options.run}, {"step", options.step.toStdString()}, {"artifacts", list}});
        return ExitSuccess;
    }
    for (const ArtifactRecord& artifact : step->artifacts) {
        printText(QStringLiteral("%1  %2  %3\n")
                      .arg(padToWidth(formatBytes(artifact.size), 10))
                      .arg(artifact.digest.left(12), artifact.path));
    }
    if (!options.exportDir.isEmpty())
        printText(Text::tr("exported %n file(s) to %1\n", nullptr, int(step->artifacts.size()))
                      .arg(options.exportDir));
    return ExitSuccess;
}

int commandGc(const CliOptions& options)
{
    Flow flow;
    if (!loadValidFlow(options, &flow))
        return ExitInvalid;
    std::unique_ptr<Store> store = openExistingStore(options, flow);
    if (!store)
        return ExitStore;
    GcReport report;
    QString error;
    if (!store->gc(flow.name, options.keepRuns, options.dryRun, &report, &error)) {
        printError(error);
        return ExitStore;
    }
    QStringList runs;
    for (qint64 run : report.runsRemoved)
        runs << QString::number(run);
    if (options.json) {
        Json removed = Json::array();
        for (qint64 run : report.runsRemoved)
            removed.push_back(run);
        printJson({{"dry_run", options.dryRun}, {"runs_removed", removed},
                   {"objects_removed", report.objectsRemoved}, {"bytes_freed", report.bytesFreed}});
        return ExitSuccess;
    }
    const QString removedRuns = runs.isEmpty()
        ? Text::tr("no run")
        : Text::tr("%n run(s) [%1]", nullptr, int(runs.size())).arg(runs.join(QStringLiteral(", ")));
    const QString summary = options.dryRun
        ? Text::tr("would remove %1 and %n object(s), freeing %2\n", nullptr, int(report.objectsRemoved))
        : Text::tr("removed %1 and %n object(s), freeing %2\n", nullptr, int(report.objectsRemoved));
    printText(summary.arg(removedRuns, formatBytes(report.bytesFreed)));
    return ExitSuccess;
}

}  // namespace

void installInterruptHandler()
{
    struct sigaction action = {};
    action.sa_handler = onInterrupt;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

int runCommand(const CliOptions& options)
{
    const QString& verb = options.verb;
    if (verb == QLatin1String("validate"))
        return commandValidate(options);
    if (verb == QLatin1String("run") || verb == QLatin1String("resume"))
        return commandRun(options);
    if (verb == QLatin1String("runs"))
        return commandRuns(options);
    if (verb == QLatin1String("show"))
        return commandShow(options);
    if (verb == QLatin1String("log"))
        return commandLog(options);
    if (verb == QLatin1String("artifacts"))
        return commandArtifacts(options);
    if (verb == QLatin1String("gc"))
        return commandGc(options);
    printError(Text::tr("unknown verb \"%1\"").arg(verb));
    return ExitInvalid;
}

}  // namespace cairn::cli
