// The plan preview of "Resume from Here" against `cairn-cli resume --dry-run`, its planning
// on a worker thread, and starting a previewed resume from the window. Also the "Why" text,
// painting a stored run on the canvas, clearing a step's cached results and the Store
// dialog. Stores are built by real runs of a diamond a → b, a → c, b → d, c → d whose
// parameter p only c uses.

#include "flowdocument.h"
#include "flowscene.h"
#include "historypanel.h"
#include "mainwindow.h"
#include "nodeitem.h"
#include "planpreview.h"
#include "runcontrol.h"
#include "runpainter.h"
#include "store.h"
#include "storeactions.h"
#include "storepanel.h"
#include "testsupport.h"
#include "whydialog.h"

#include <QAbstractButton>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLayout>
#include <QProgressBar>
#include <QPushButton>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QStandardPaths>
#include <QTest>
#include <QThreadPool>
#include <QTreeWidget>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace cairn;
using namespace cairn::test;

namespace {

constexpr int kRunTimeoutMs = 120 * 1000;
// Planning and store queries run on worker threads of a machine that may be busy.
constexpr int kWorkTimeoutMs = 60 * 1000;

// The diamond with an int parameter p (default 1) that only step c's command uses.
Json diamondWithParameter()
{
    Json flow = makeFlow(Json::array({countingStep(QStringLiteral("a")), countingStep(QStringLiteral("b")),
                                      countingStep(QStringLiteral("c"), QStringLiteral("{{p}}")),
                                      countingStep(QStringLiteral("d"))}),
                         Json::array({{"a", "b"}, {"a", "c"}, {"b", "d"}, {"c", "d"}}),
                         Json::array({{{"name", "p"}, {"type", "int"}, {"default", 1}}}));
    return flow;
}

Flow loadProjectFlow(const Project& project)
{
    Flow flow;
    QList<FlowIssue> issues;
    if (!loadFlow(project.flowPath(), &flow, &issues))
        qWarning() << "flow does not load:" << issues.size() << "problems";
    return flow;
}

// Per step: "action source_run" as `cairn-cli resume --dry-run --json` prints them.
QMap<QString, QString> cliRows(const Json& plan)
{
    QMap<QString, QString> rows;
    if (!plan.is_object() || !plan.contains("steps"))
        return rows;
    for (const Json& step : plan["steps"]) {
        const QString source = step["source_run"].is_null()
            ? QStringLiteral("-")
            : QString::number(step["source_run"].get<qint64>());
        rows.insert(QString::fromStdString(step["id"].get<std::string>()),
                    QString::fromStdString(step["action"].get<std::string>()) + QLatin1Char(' ') + source);
    }
    return rows;
}

// The same rows from the dialog's plan.
QMap<QString, QString> dialogRows(const PlanPreviewDialog& dialog)
{
    QMap<QString, QString> rows;
    for (const PlannedStep& step : dialog.plan().steps) {
        const QString source = step.source
            ? QString::number(step.source->sourceRun.value_or(step.source->run))
            : QStringLiteral("-");
        rows.insert(step.stepId, planActionName(step.action) + QLatin1Char(' ') + source);
    }
    return rows;
}

// The action column as shown, by step id.
QMap<QString, QString> shownActions(const PlanPreviewDialog& dialog)
{
    QMap<QString, QString> actions;
    QTreeWidget* view = dialog.stepsView();
    for (int i = 0; i < view->topLevelItemCount(); ++i)
        actions.insert(view->topLevelItem(i)->text(0), view->topLevelItem(i)->text(1));
    return actions;
}

bool startEnabled(const PlanPreviewDialog& dialog)
{
    auto* button = dialog.findChild<QAbstractButton*>(QStringLiteral("startButton"));
    return button && button->isEnabled();
}

QString summaryText(const PlanPreviewDialog& dialog)
{
    auto* label = dialog.findChild<QLabel*>(QStringLiteral("planSummary"));
    return label ? label->text() : QString();
}

// Waits until the dialog shows a plan, or the error that prevents one, for its current
// parameters.
bool waitForPlan(const PlanPreviewDialog& dialog)
{
    return QTest::qWaitFor([&dialog] { return !dialog.isPlanning(); }, kWorkTimeoutMs);
}

bool waitForStorePanel(const StorePanel& panel)
{
    return QTest::qWaitFor([&panel] { return !panel.isBusy(); }, kWorkTimeoutMs);
}

// The diamond plus a step e after c that declares the input data.fifo.
Json diamondWithInputStep()
{
    Json flow = diamondWithParameter();
    Json step = countingStep(QStringLiteral("e"));
    step["inputs"] = Json::array({"data.fifo"});
    flow["steps"].push_back(step);
    flow["edges"].push_back({{"from", "c"}, {"to", "e"}});
    return flow;
}

// Runs diamondWithInputStep once with data.fifo as a regular file, then replaces that file
// with a FIFO. Planning hashes e's input only when e's upstream c is taken from a stored
// result, and opening a FIFO for reading blocks until a writer opens it, so such a plan
// stays unfinished until releaseFifoReader. Returns the run's number, or 0 on failure.
qint64 runThenBlockInput(const Project& project)
{
    const QString input = project.path(QStringLiteral("data.fifo"));
    if (!project.writeFlow(diamondWithInputStep()) || !writeFile(input, "rows\n"))
        return 0;
    const CliResult run = project.cli(QStringLiteral("run"), {QStringLiteral("--json")});
    if (run.exitCode != 0 || !QFile::remove(input)
        || ::mkfifo(QFile::encodeName(input).constData(), 0600) != 0)
        return 0;
    return run.parsed()["run"].get<qint64>();
}

// Opens the FIFO at path for writing and closes it, which lets a reader blocked in open()
// go on. A non-blocking open fails until some reader has the FIFO open, so this waits for
// the planner to reach it and fails, rather than hangs, when no reader comes.
bool releaseFifoReader(const QString& path)
{
    return QTest::qWaitFor(
        [&path] {
            const int fd = ::open(QFile::encodeName(path).constData(),
                                  O_WRONLY | O_NONBLOCK | O_CLOEXEC);
            if (fd < 0)
                return false;
            ::close(fd);
            return true;
        },
        kWorkTimeoutMs);
}

// Waits for every planning job to end and delivers their results to the dialogs.
bool finishBackgroundWork()
{
    if (!QThreadPool::globalInstance()->waitForDone(kWorkTimeoutMs))
        return false;
    QCoreApplication::processEvents();
    return true;
}

PlanRequest resumeRequest(qint64 origin, const QString& fromStep)
{
    PlanRequest request;
    request.resume = true;
    request.origin = origin;
    request.fromStep = fromStep;
    return request;
}

}  // namespace

class TestPlanPreview : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void previewMatchesCliDryRun_data();
    void previewMatchesCliDryRun();
    void previewShowsPlanningThenPlan();
    void parameterEditUpdatesOnlyItsSteps();
    void invalidParameterDisablesStart();
    void stalePlanIsDropped();
    void closingWhilePlanningIsSafe();
    void unknownOriginShownAsError();
    void missingInputNamedInSummary();
    void startRunsThePlan();
    void whyNamesParameterChange();
    void paintedRunMarksChangedSteps();
    void historySelectionPaintsRun();
    void clearedStepRunsAgain();
    void storePanelPreviewsGc();
    void storePanelCollectsInBackground();
    void storePanelKeepsAtLeastOneRun();
    void storePanelPreviewKeepsRowHeights();

private:
    std::unique_ptr<Project> m_project;
};

void TestPlanPreview::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setApplicationName(QStringLiteral("Cairn-tst_planpreview"));
    QCoreApplication::setOrganizationName(QStringLiteral("Cairn"));
    QSettings().clear();
}

void TestPlanPreview::init()
{
    // Each test gets a fresh project whose store contains run 1 with p = 1. Runs started by
    // the window read the store and counter folders from the environment.
    m_project = std::make_unique<Project>();
    QVERIFY(m_project->isValid());
    QVERIFY(m_project->writeFlow(diamondWithParameter()));
    qputenv("CAIRN_STORE", m_project->storePath().toLocal8Bit());
    qputenv("COUNTERS", m_project->countersPath().toLocal8Bit());
    const CliResult first = m_project->cli(QStringLiteral("run"), {QStringLiteral("--json")});
    QCOMPARE(first.exitCode, 0);
}

void TestPlanPreview::previewMatchesCliDryRun_data()
{
    QTest::addColumn<QString>("fromStep");
    QTest::addColumn<QString>("p");  // empty: the origin's value

    QTest::newRow("from b") << QStringLiteral("b") << QString();
    QTest::newRow("from b, p=2") << QStringLiteral("b") << QStringLiteral("2");
    QTest::newRow("from a") << QStringLiteral("a") << QString();
    QTest::newRow("from d, p=3") << QStringLiteral("d") << QStringLiteral("3");
    QTest::newRow("no step, p=2") << QString() << QStringLiteral("2");
}

void TestPlanPreview::previewMatchesCliDryRun()
{
    QFETCH(QString, fromStep);
    QFETCH(QString, p);

    QStringList args{QStringLiteral("--json"), QStringLiteral("--origin"), QStringLiteral("1"),
                     QStringLiteral("--dry-run")};
    if (!fromStep.isEmpty())
        args << QStringLiteral("--from") << fromStep;
    if (!p.isEmpty())
        args << QStringLiteral("--param") << QStringLiteral("p=") + p;
    const CliResult cli = m_project->cli(QStringLiteral("resume"), args);
    QCOMPARE(cli.exitCode, 0);
    const QMap<QString, QString> expected = cliRows(cli.parsed());
    QCOMPARE(expected.size(), 4);

    PlanPreviewDialog dialog(loadProjectFlow(*m_project), m_project->storePath(),
                             resumeRequest(1, fromStep));
    QVERIFY(waitForPlan(dialog));
    if (!p.isEmpty()) {
        QVERIFY(dialog.setParameterText(QStringLiteral("p"), p));
        QVERIFY(waitForPlan(dialog));
    }
    QCOMPARE(dialogRows(dialog), expected);
    QCOMPARE(dialog.stepsView()->topLevelItemCount(), 4);
    QVERIFY(startEnabled(dialog));
}

void TestPlanPreview::previewShowsPlanningThenPlan()
{
    // The plan can only arrive through the event loop, so right after construction the
    // dialog is planning whatever the worker thread has done so far.
    PlanPreviewDialog dialog(loadProjectFlow(*m_project), m_project->storePath(),
                             resumeRequest(1, QStringLiteral("b")));
    auto* busy = dialog.findChild<QProgressBar*>(QStringLiteral("planBusy"));
    QVERIFY(busy);
    QVERIFY(dialog.isPlanning());
    QVERIFY(!startEnabled(dialog));
    QVERIFY(busy->isVisibleTo(&dialog));
    QVERIFY2(summaryText(dialog).startsWith(QStringLiteral("Planning")),
             qPrintable(summaryText(dialog)));
    QCOMPARE(dialog.stepsView()->topLevelItemCount(), 0);

    QSignalSpy updated(&dialog, &PlanPreviewDialog::planUpdated);
    QVERIFY(updated.wait(kWorkTimeoutMs));
    QVERIFY(!dialog.isPlanning());
    QVERIFY(startEnabled(dialog));
    QVERIFY(!busy->isVisibleTo(&dialog));
    QCOMPARE(summaryText(dialog), QStringLiteral("Resuming run 1 of test."));
    QCOMPARE(dialog.stepsView()->topLevelItemCount(), 4);

    // The parameter cell shows the origin run's value once the planner has resolved it.
    QCOMPARE(dialog.parametersView()->item(0, 2)->text(), QStringLiteral("1"));
}

void TestPlanPreview::parameterEditUpdatesOnlyItsSteps()
{
    PlanPreviewDialog dialog(loadProjectFlow(*m_project), m_project->storePath(),
                             resumeRequest(1, QStringLiteral("b")));
    QVERIFY(waitForPlan(dialog));
    const QMap<QString, QString> before = shownActions(dialog);
    QCOMPARE(before.value(QStringLiteral("a")), QStringLiteral("reuse from run 1"));
    QCOMPARE(before.value(QStringLiteral("b")), QStringLiteral("run"));
    QCOMPARE(before.value(QStringLiteral("c")), QStringLiteral("reuse from run 1"));
    QCOMPARE(before.value(QStringLiteral("d")), QStringLiteral("run"));

    QSignalSpy updated(&dialog, &PlanPreviewDialog::planUpdated);
    QVERIFY(dialog.setParameterText(QStringLiteral("p"), QStringLiteral("2")));
    QVERIFY(dialog.isPlanning());
    QVERIFY(!startEnabled(dialog));
    QVERIFY(updated.wait(kWorkTimeoutMs));
    QCOMPARE(updated.count(), 1);
    QVERIFY(startEnabled(dialog));
    const QMap<QString, QString> after = shownActions(dialog);
    QStringList changed;
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        if (after.value(it.key()) != it.value())
            changed << it.key();
    }
    QCOMPARE(changed, QStringList{QStringLiteral("c")});
    QCOMPARE(after.value(QStringLiteral("c")), QStringLiteral("run"));
    QVERIFY2(dialog.plan().step(QStringLiteral("c"))->reason.contains(QStringLiteral("1 → 2")),
             qPrintable(dialog.plan().step(QStringLiteral("c"))->reason));
    QVERIFY(dialog.request().overrides.value(QStringLiteral("p")) == Json(2));
}

void TestPlanPreview::invalidParameterDisablesStart()
{
    PlanPreviewDialog dialog(loadProjectFlow(*m_project), m_project->storePath(),
                             resumeRequest(1, QStringLiteral("b")));
    QVERIFY(waitForPlan(dialog));
    QVERIFY(startEnabled(dialog));
    const QMap<QString, QString> before = shownActions(dialog);

    // An invalid value plans nothing, so the dialog is not waiting for a plan either.
    QVERIFY(dialog.setParameterText(QStringLiteral("p"), QStringLiteral("two")));
    QVERIFY(!dialog.isPlanning());
    QVERIFY(!startEnabled(dialog));
    QCOMPARE(shownActions(dialog), before);
    QVERIFY(!dialog.request().overrides.contains(QStringLiteral("p")));

    QVERIFY(dialog.setParameterText(QStringLiteral("p"), QStringLiteral("1")));
    QVERIFY(!startEnabled(dialog));
    QVERIFY(waitForPlan(dialog));
    QVERIFY(startEnabled(dialog));
    QVERIFY(!dialog.setParameterText(QStringLiteral("missing"), QStringLiteral("1")));
}

void TestPlanPreview::stalePlanIsDropped()
{
    // The test needs two worker threads, because the first plan blocks one while the
    // second plan runs.
    QThreadPool* pool = QThreadPool::globalInstance();
    const int savedThreads = pool->maxThreadCount();
    pool->setMaxThreadCount(qMax(2, savedThreads));
    const auto restoreThreads = qScopeGuard([pool, savedThreads] {
        pool->setMaxThreadCount(savedThreads);
    });

    const qint64 origin = runThenBlockInput(*m_project);
    QVERIFY(origin > 0);
    const QString fifo = m_project->path(QStringLiteral("data.fifo"));
    bool released = false;
    const auto release = qScopeGuard([&] {
        if (!released)
            releaseFifoReader(fifo);
        finishBackgroundWork();
    });

    // With p = 1, c is reused, so the first plan hashes e's input and blocks on the FIFO.
    PlanPreviewDialog dialog(loadProjectFlow(*m_project), m_project->storePath(),
                             resumeRequest(origin, QStringLiteral("b")));
    QSignalSpy updated(&dialog, &PlanPreviewDialog::planUpdated);

    // With p = 2, c runs and e waits for it, so the second plan reads no FIFO and arrives
    // while the first one is still blocked.
    QVERIFY(dialog.setParameterText(QStringLiteral("p"), QStringLiteral("2")));
    QVERIFY(updated.wait(kWorkTimeoutMs));
    QCOMPARE(updated.count(), 1);
    QCOMPARE(dialog.actionText(QStringLiteral("c")), QStringLiteral("run"));
    QCOMPARE(dialog.actionText(QStringLiteral("e")), QStringLiteral("decided when upstream finishes"));
    QVERIFY(startEnabled(dialog));

    // The first plan now ends with c reused and "e: not a regular file". It must not
    // replace the rows of p = 2.
    QVERIFY(releaseFifoReader(fifo));
    released = true;
    QVERIFY(finishBackgroundWork());
    QCOMPARE(updated.count(), 1);
    QCOMPARE(dialog.actionText(QStringLiteral("c")), QStringLiteral("run"));
    QCOMPARE(dialog.actionText(QStringLiteral("e")), QStringLiteral("decided when upstream finishes"));
    QVERIFY2(!summaryText(dialog).contains(QStringLiteral("data.fifo")),
             qPrintable(summaryText(dialog)));
    QVERIFY(dialog.plan().params.value(QStringLiteral("p")) == Json(2));
    QVERIFY(!dialog.isPlanning());
    QVERIFY(startEnabled(dialog));
}

void TestPlanPreview::closingWhilePlanningIsSafe()
{
    const qint64 origin = runThenBlockInput(*m_project);
    QVERIFY(origin > 0);
    const QString fifo = m_project->path(QStringLiteral("data.fifo"));

    auto* dialog = new PlanPreviewDialog(loadProjectFlow(*m_project), m_project->storePath(),
                                         resumeRequest(origin, QStringLiteral("b")));
    dialog->show();
    QVERIFY(dialog->isPlanning());
    delete dialog;

    // The plan ends after its dialog is gone; delivering it must touch nothing of the dialog.
    QVERIFY(releaseFifoReader(fifo));
    QVERIFY(finishBackgroundWork());
    QCOMPARE(QThreadPool::globalInstance()->activeThreadCount(), 0);
}

void TestPlanPreview::unknownOriginShownAsError()
{
    PlanPreviewDialog dialog(loadProjectFlow(*m_project), m_project->storePath(),
                             resumeRequest(99, QStringLiteral("b")));
    QVERIFY(waitForPlan(dialog));
    QVERIFY2(dialog.planError().contains(QStringLiteral("run 99 not found")),
             qPrintable(dialog.planError()));
    QVERIFY2(summaryText(dialog).contains(dialog.planError()), qPrintable(summaryText(dialog)));
    QVERIFY(!startEnabled(dialog));
    QCOMPARE(dialog.stepsView()->topLevelItemCount(), 0);
}

void TestPlanPreview::missingInputNamedInSummary()
{
    // e declares data.fifo, which does not exist; e runs after c, which p = 1 reuses, so the
    // planner tries to hash the input.
    QVERIFY(m_project->writeFlow(diamondWithInputStep()));
    PlanPreviewDialog dialog(loadProjectFlow(*m_project), m_project->storePath(),
                             resumeRequest(1, QStringLiteral("b")));
    QVERIFY(waitForPlan(dialog));
    QVERIFY(dialog.planError().isEmpty());
    const QString summary = summaryText(dialog);
    QVERIFY2(summary.contains(QStringLiteral("step e")), qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("data.fifo")), qPrintable(summary));
    QVERIFY(!dialog.plan().step(QStringLiteral("e"))->error.isEmpty());

    // An upstream step may create the input, so the run may still start.
    QVERIFY(startEnabled(dialog));
}

void TestPlanPreview::startRunsThePlan()
{
    MainWindow window;
    window.setMessageHandler([](const QString&, QMessageBox::StandardButtons) {
        return QMessageBox::No;
    });
    QVERIFY(window.openFlow(m_project->flowPath()));
    QCOMPARE(window.resumeOrigin(), qint64(1));

    QMap<QString, QString> planned;
    bool startWasEnabled = false;
    window.setPlanPreviewHandler([&planned, &startWasEnabled](PlanPreviewDialog& dialog) {
        if (!waitForPlan(dialog) || !dialog.setParameterText(QStringLiteral("p"), QStringLiteral("2"))
            || !waitForPlan(dialog))
            return false;
        startWasEnabled = startEnabled(dialog);
        for (const PlannedStep& step : dialog.plan().steps)
            planned.insert(step.stepId, planActionName(step.action));
        return true;
    });
    QSignalSpy finished(window.runControl(), &RunControl::finished);
    window.resumeFrom(QStringLiteral("b"));
    QVERIFY(startWasEnabled);
    QVERIFY(finished.count() == 1 || finished.wait(kRunTimeoutMs));
    const qint64 run = finished.first().at(0).toLongLong();
    QCOMPARE(run, qint64(2));

    const QMap<QString, QString> expectedPlan{{QStringLiteral("a"), QStringLiteral("reuse")},
                                              {QStringLiteral("b"), QStringLiteral("run")},
                                              {QStringLiteral("c"), QStringLiteral("run")},
                                              {QStringLiteral("d"), QStringLiteral("run")}};
    QCOMPARE(planned, expectedPlan);

    const CliResult shown =
        m_project->cli(QStringLiteral("show"), {QString::number(run), QStringLiteral("--json")});
    QCOMPARE(shown.exitCode, 0);
    const Json doc = shown.parsed();
    QVERIFY2(doc["origin_run"] == Json(1), doc["origin_run"].dump().c_str());
    const QMap<QString, QString> expectedStatus{{QStringLiteral("a"), QStringLiteral("cached")},
                                                {QStringLiteral("b"), QStringLiteral("succeeded")},
                                                {QStringLiteral("c"), QStringLiteral("succeeded")},
                                                {QStringLiteral("d"), QStringLiteral("succeeded")}};
    QCOMPARE(statuses(doc), expectedStatus);
    QCOMPARE(m_project->executions(QStringLiteral("a")), 1);
    QCOMPARE(m_project->executions(QStringLiteral("b")), 2);
    QCOMPARE(m_project->executions(QStringLiteral("c")), 2);
}

void TestPlanPreview::whyNamesParameterChange()
{
    const CliResult second = m_project->cli(QStringLiteral("run"), {QStringLiteral("--json"),
                                                                    QStringLiteral("--param"),
                                                                    QStringLiteral("p=2")});
    QCOMPARE(second.exitCode, 0);
    const qint64 run = second.parsed()["run"].get<qint64>();

    WhyDialog dialog(m_project->storePath(), QStringLiteral("test"), run, QStringLiteral("c"));
    QVERIFY2(dialog.text().contains(QStringLiteral("parameter p: 1 → 2")), qPrintable(dialog.text()));
    WhyDialog cached(m_project->storePath(), QStringLiteral("test"), run, QStringLiteral("a"));
    QVERIFY2(!cached.text().contains(QStringLiteral("parameter p")), qPrintable(cached.text()));
    QVERIFY2(cached.text().contains(QStringLiteral("cached")), qPrintable(cached.text()));
}

void TestPlanPreview::paintedRunMarksChangedSteps()
{
    // Edit c's command and add e after run 1.
    Json flow = diamondWithParameter();
    flow["steps"][2] = countingStep(QStringLiteral("c"), QStringLiteral("{{p}} edited"));
    flow["steps"].push_back(countingStep(QStringLiteral("e")));
    QVERIFY(m_project->writeFlow(flow));

    MainWindow window;
    window.setMessageHandler([](const QString&, QMessageBox::StandardButtons) {
        return QMessageBox::No;
    });
    QVERIFY(window.openFlow(m_project->flowPath()));
    window.setSelectedRun(1);

    QVERIFY2(window.bannerText().startsWith(QStringLiteral("Showing run 1 — 2 steps changed since")),
             qPrintable(window.bannerText()));
    NodeItem* a = window.scene()->nodeItem(QStringLiteral("a"));
    QVERIFY(a && a->hasState());
    QCOMPARE(a->status(), StepStatus::Succeeded);
    NodeItem* c = window.scene()->nodeItem(QStringLiteral("c"));
    QVERIFY(c && c->statusDetail().contains(QStringLiteral("changed since run 1")));
    NodeItem* e = window.scene()->nodeItem(QStringLiteral("e"));
    QVERIFY(e && e->statusDetail().contains(QStringLiteral("added since run 1")));

    window.showLiveView();
    QVERIFY(window.bannerText().isEmpty());
    QVERIFY(!a->hasState());

    Flow before;
    Flow after;
    QList<FlowIssue> issues;
    QVERIFY(parseFlow(QByteArray::fromStdString(diamondWithParameter().dump()), QString(), &before,
                      &issues));
    QVERIFY(parseFlow(QByteArray::fromStdString(flow.dump()), QString(), &after, &issues));
    const FlowChanges changes = compareFlows(after, before);
    QCOMPARE(changes.removed, QStringList{QStringLiteral("e")});
    QCOMPARE(changes.edited, QStringList{QStringLiteral("c")});
    QVERIFY(changes.added.isEmpty());
}

void TestPlanPreview::historySelectionPaintsRun()
{
    MainWindow window;
    window.setMessageHandler([](const QString&, QMessageBox::StandardButtons) {
        return QMessageBox::No;
    });
    QVERIFY(window.openFlow(m_project->flowPath()));
    QVERIFY(window.historyPanel());
    QCOMPARE(window.selectedRun(), qint64(0));
    QVERIFY(window.bannerText().isEmpty());

    window.historyPanel()->selectRun(1);
    QCOMPARE(window.selectedRun(), qint64(1));
    QCOMPARE(window.bannerText(), QStringLiteral("Showing run 1"));
    NodeItem* d = window.scene()->nodeItem(QStringLiteral("d"));
    QVERIFY(d && d->hasState());
    QCOMPARE(d->status(), StepStatus::Succeeded);
}

void TestPlanPreview::clearedStepRunsAgain()
{
    QString error;
    QCOMPARE(clearCachedResults(m_project->storePath(), QStringLiteral("test"), QStringLiteral("a"),
                                &error),
             1);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    const CliResult again = m_project->cli(QStringLiteral("run"), {QStringLiteral("--json")});
    QCOMPARE(again.exitCode, 0);
    const QMap<QString, QString> expected{{QStringLiteral("a"), QStringLiteral("succeeded")},
                                          {QStringLiteral("b"), QStringLiteral("cached")},
                                          {QStringLiteral("c"), QStringLiteral("cached")},
                                          {QStringLiteral("d"), QStringLiteral("cached")}};
    QCOMPARE(statuses(again.parsed()), expected);
    QCOMPARE(m_project->executions(QStringLiteral("a")), 2);

    // A second clear finds only the new result.
    QCOMPARE(clearCachedResults(m_project->storePath(), QStringLiteral("test"), QStringLiteral("a"),
                                &error),
             1);
    QCOMPARE(clearCachedResults(m_project->storePath(), QStringLiteral("test"), QStringLiteral("a"),
                                &error),
             0);
}

void TestPlanPreview::storePanelPreviewsGc()
{
    QString error;
    const std::unique_ptr<Store> store = Store::open(m_project->storePath(), &error);
    QVERIFY2(store, qPrintable(error));
    const StoreStats stats = store->stats();

    StorePanel panel;
    panel.setStore(m_project->storePath(), QStringLiteral("test"));
    QVERIFY(panel.isBusy());
    QCOMPARE(panel.statsText(), QStringLiteral("Counting…"));
    QVERIFY(waitForStorePanel(panel));
    // Without the English catalogue, plural forms read "1 run(s)".
    QVERIFY2(panel.statsText().startsWith(QStringLiteral("%1 run(s), %2 object(s)")
                                              .arg(stats.runs)
                                              .arg(stats.objects)),
             qPrintable(panel.statsText()));

    panel.preview();
    QVERIFY(panel.isBusy());
    QCOMPARE(panel.previewText(),
             QStringLiteral("Working out what garbage collection would free…"));
    QVERIFY(waitForStorePanel(panel));
    QVERIFY2(panel.previewText().contains(QStringLiteral("remove 0 run(s)")),
             qPrintable(panel.previewText()));
    QCOMPARE(store->stats().runs, stats.runs);
}

void TestPlanPreview::storePanelCollectsInBackground()
{
    for (int i = 0; i < 2; ++i) {
        const CliResult again =
            m_project->cli(QStringLiteral("run"), {QStringLiteral("--force"), QStringLiteral("--json")});
        QCOMPARE(again.exitCode, 0);
    }

    StorePanel panel;
    panel.setStore(m_project->storePath(), QStringLiteral("test"));
    QVERIFY(waitForStorePanel(panel));
    QVERIFY2(panel.statsText().startsWith(QStringLiteral("3 run(s)")), qPrintable(panel.statsText()));
    auto* keepRuns = panel.findChild<QSpinBox*>();
    auto* collectButton = panel.findChild<QPushButton*>(QStringLiteral("collectButton"));
    auto* previewButton = panel.findChild<QPushButton*>(QStringLiteral("previewButton"));
    QVERIFY(keepRuns && collectButton && previewButton);
    keepRuns->setValue(1);
    QVERIFY(!collectButton->isEnabled());

    panel.preview();
    QVERIFY(waitForStorePanel(panel));
    QVERIFY2(panel.previewText().contains(QStringLiteral("remove 2 run(s)")),
             qPrintable(panel.previewText()));
    QVERIFY(collectButton->isEnabled());

    // The dialog's buttons stay disabled until the collection and the new counts are shown.
    panel.collect();
    QVERIFY(panel.isBusy());
    QCOMPARE(panel.previewText(), QStringLiteral("Collecting garbage…"));
    QVERIFY(!collectButton->isEnabled());
    QVERIFY(!previewButton->isEnabled());
    QVERIFY(!keepRuns->isEnabled());
    auto* close = panel.findChild<QDialogButtonBox*>();
    QVERIFY(close && !close->isEnabled());

    QVERIFY(waitForStorePanel(panel));
    QVERIFY2(panel.previewText().startsWith(QStringLiteral("Removed 2 run(s)")),
             qPrintable(panel.previewText()));
    QVERIFY2(panel.statsText().startsWith(QStringLiteral("1 run(s)")), qPrintable(panel.statsText()));
    QVERIFY(close->isEnabled());
    QVERIFY(previewButton->isEnabled());
    QVERIFY(!collectButton->isEnabled());

    QString error;
    const std::unique_ptr<Store> store = Store::open(m_project->storePath(), &error);
    QVERIFY2(store, qPrintable(error));
    QCOMPARE(store->runs(QStringLiteral("test")).size(), 1);
}

void TestPlanPreview::storePanelKeepsAtLeastOneRun()
{
    StorePanel panel;
    panel.setStore(m_project->storePath(), QStringLiteral("test"));
    QVERIFY(waitForStorePanel(panel));
    auto* keepRuns = panel.findChild<QSpinBox*>(QStringLiteral("keepRuns"));
    QVERIFY(keepRuns);
    QCOMPARE(keepRuns->text(), QStringLiteral("all"));
    QCOMPARE(panel.keepRuns(), -1);

    // One step up from "all" keeps one run, and no value of the box removes every run.
    keepRuns->stepBy(1);
    QCOMPARE(keepRuns->text(), QStringLiteral("1"));
    QCOMPARE(panel.keepRuns(), 1);
    keepRuns->stepBy(-1);
    QCOMPARE(panel.keepRuns(), -1);
    keepRuns->setValue(-1);
    QCOMPARE(panel.keepRuns(), -1);
    QCOMPARE(keepRuns->minimum(), 0);
}

void TestPlanPreview::storePanelPreviewKeepsRowHeights()
{
    StorePanel panel;
    panel.setStore(m_project->storePath(), QStringLiteral("test"));
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QVERIFY(waitForStorePanel(panel));
    // At its narrowest the dialog wraps the preview text over several lines.
    panel.resize(panel.minimumSizeHint());
    panel.layout()->activate();
    auto* keepRuns = panel.findChild<QSpinBox*>(QStringLiteral("keepRuns"));
    auto* preview = panel.findChild<QLabel*>(QStringLiteral("gcPreview"));
    QVERIFY(keepRuns && preview);
    const int spinHeight = keepRuns->height();
    QVERIFY(spinHeight >= keepRuns->minimumSizeHint().height());

    panel.preview();
    QVERIFY(waitForStorePanel(panel));
    panel.layout()->activate();
    QVERIFY2(preview->heightForWidth(preview->width()) > preview->fontMetrics().height(),
             qPrintable(preview->text()));
    QCOMPARE(keepRuns->height(), spinHeight);
    QVERIFY(preview->height() >= preview->heightForWidth(preview->width()));
}

QTEST_MAIN(TestPlanPreview)

#include "tst_planpreview.moc"
