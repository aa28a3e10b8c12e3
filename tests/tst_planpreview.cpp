// The plan preview of "Resume from Here" against `cairn-cli resume --dry-run`, and starting a
// previewed resume from the window. Also the "Why" text, painting a stored run on the canvas,
// clearing a step's cached results and the Store dialog. Stores are built by real runs of a
// diamond a → b, a → c, b → d, c → d whose parameter p only c uses.

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
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTreeWidget>

using namespace cairn;
using namespace cairn::test;

namespace {

constexpr int kRunTimeoutMs = 120 * 1000;

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
    void parameterEditUpdatesOnlyItsSteps();
    void invalidParameterDisablesStart();
    void startRunsThePlan();
    void whyNamesParameterChange();
    void paintedRunMarksChangedSteps();
    void historySelectionPaintsRun();
    void clearedStepRunsAgain();
    void storePanelPreviewsGc();

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
    if (!p.isEmpty())
        QVERIFY(dialog.setParameterText(QStringLiteral("p"), p));
    QCOMPARE(dialogRows(dialog), expected);
    QCOMPARE(dialog.stepsView()->topLevelItemCount(), 4);
    QVERIFY(startEnabled(dialog));
}

void TestPlanPreview::parameterEditUpdatesOnlyItsSteps()
{
    PlanPreviewDialog dialog(loadProjectFlow(*m_project), m_project->storePath(),
                             resumeRequest(1, QStringLiteral("b")));
    const QMap<QString, QString> before = shownActions(dialog);
    QCOMPARE(before.value(QStringLiteral("a")), QStringLiteral("reuse from run 1"));
    QCOMPARE(before.value(QStringLiteral("b")), QStringLiteral("run"));
    QCOMPARE(before.value(QStringLiteral("c")), QStringLiteral("reuse from run 1"));
    QCOMPARE(before.value(QStringLiteral("d")), QStringLiteral("run"));

    QSignalSpy updated(&dialog, &PlanPreviewDialog::planUpdated);
    QVERIFY(dialog.setParameterText(QStringLiteral("p"), QStringLiteral("2")));
    QCOMPARE(updated.count(), 1);
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
    QVERIFY(startEnabled(dialog));
    const QMap<QString, QString> before = shownActions(dialog);

    QVERIFY(dialog.setParameterText(QStringLiteral("p"), QStringLiteral("two")));
    QVERIFY(!startEnabled(dialog));
    QCOMPARE(shownActions(dialog), before);
    QVERIFY(!dialog.request().overrides.contains(QStringLiteral("p")));

    QVERIFY(dialog.setParameterText(QStringLiteral("p"), QStringLiteral("1")));
    QVERIFY(startEnabled(dialog));
    QVERIFY(!dialog.setParameterText(QStringLiteral("missing"), QStringLiteral("1")));
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
    window.setPlanPreviewHandler([&planned](PlanPreviewDialog& dialog) {
        dialog.setParameterText(QStringLiteral("p"), QStringLiteral("2"));
        for (const PlannedStep& step : dialog.plan().steps)
            planned.insert(step.stepId, planActionName(step.action));
        return true;
    });
    QSignalSpy finished(window.runControl(), &RunControl::finished);
    window.resumeFrom(QStringLiteral("b"));
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
    QVERIFY2(panel.statsText().startsWith(QStringLiteral("%1 runs, %2 objects")
                                              .arg(stats.runs)
                                              .arg(stats.objects)),
             qPrintable(panel.statsText()));
    panel.preview();
    QVERIFY2(panel.previewText().contains(QStringLiteral("remove 0 runs")),
             qPrintable(panel.previewText()));
    QCOMPARE(store->stats().runs, stats.runs);
}

QTEST_MAIN(TestPlanPreview)

#include "tst_planpreview.moc"
