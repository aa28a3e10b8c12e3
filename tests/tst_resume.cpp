// Resume through cairn-cli: from a step, after a failure, with changed keys, and after the
// process running a flow was killed.

#include "testsupport.h"

#include <QProcess>
#include <QtTest>

#include <csignal>

using namespace cairn::test;

class ResumeTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void resumeFromStepRerunsItAndDownstream();
    void resumeAfterFailureRerunsFailedAndDownstream();
    void changedKeyRerunsWithReason();
    void parameterOverrideInvalidatesItsUsers();
    void dryRunListsEveryStep();
    void killedRunIsInterruptedAndResumable();
    void resumeWithoutRunsIsAnError();
};

namespace {

Json run(const Project& project, const QString& verb, const QStringList& args = {})
{
    const CliResult result = project.cli(verb, QStringList{QStringLiteral("--json")} + args);
    if (result.exitCode != 0) {
        qWarning("cairn-cli %s failed (%d): %s", qPrintable(verb), result.exitCode, result.err.constData());
        return Json();
    }
    return result.parsed();
}

QString text(const Json& value)
{
    return value.is_string() ? QString::fromStdString(value.get<std::string>()) : QString();
}

}  // namespace

void ResumeTest::resumeFromStepRerunsItAndDownstream()
{
    Project project;
    QVERIFY(project.writeFlow(diamondFlow()));
    const Json first = run(project, QStringLiteral("run"));
    QCOMPARE(text(first["status"]), QStringLiteral("succeeded"));

    const Json resumed = run(project, QStringLiteral("resume"), {QStringLiteral("--from"), QStringLiteral("b")});
    QCOMPARE(text(resumed["status"]), QStringLiteral("succeeded"));
    QCOMPARE(resumed["origin_run"].get<int>(), first["run"].get<int>());
    const QMap<QString, QString> status = statuses(resumed);
    QCOMPARE(status.value("a"), QStringLiteral("cached"));
    QCOMPARE(status.value("b"), QStringLiteral("succeeded"));
    QCOMPARE(status.value("c"), QStringLiteral("cached"));
    QCOMPARE(status.value("d"), QStringLiteral("succeeded"));
    QCOMPARE(text(stepOf(resumed, "b")["reason"]), QStringLiteral("selected as resume point"));
    QCOMPARE(text(stepOf(resumed, "a")["reason"]), QStringLiteral("unchanged since run 1"));
    QCOMPARE(project.executions("a"), 1);
    QCOMPARE(project.executions("b"), 2);
    QCOMPARE(project.executions("c"), 1);
    QCOMPARE(project.executions("d"), 2);

    const Json list = run(project, QStringLiteral("runs"));
    QCOMPARE(list["runs"][0]["resume_step"], Json("b"));
    QCOMPARE(list["runs"][0]["origin_run"].get<int>(), 1);
}

void ResumeTest::resumeAfterFailureRerunsFailedAndDownstream()
{
    Project project;
    Json flow = diamondFlow();
    // c fails until the file "fixed" exists.
    flow["steps"][2]["command"] = std::string("test -f fixed || exit 3\n")
        + flow["steps"][2]["command"].get<std::string>();
    QVERIFY(project.writeFlow(flow));
    const CliResult failed = project.cli(QStringLiteral("run"), {QStringLiteral("--json"), QStringLiteral("--workers"), QStringLiteral("1")});
    QCOMPARE(failed.exitCode, 1);
    const Json first = failed.parsed();
    QCOMPARE(text(first["status"]), QStringLiteral("failed"));
    QCOMPARE(statuses(first).value("c"), QStringLiteral("failed"));
    QCOMPARE(stepOf(first, "c")["exit_code"].get<int>(), 3);
    QCOMPARE(statuses(first).value("d"), QStringLiteral("not_run"));
    QVERIFY(stepOf(first, "c")["artifacts"].empty());

    QVERIFY(writeFile(project.path("fixed"), "yes\n"));
    const Json resumed = run(project, QStringLiteral("resume"));
    QCOMPARE(text(resumed["status"]), QStringLiteral("succeeded"));
    const QMap<QString, QString> status = statuses(resumed);
    QCOMPARE(status.value("a"), QStringLiteral("cached"));
    QCOMPARE(status.value("b"), QStringLiteral("cached"));
    QCOMPARE(status.value("c"), QStringLiteral("succeeded"));
    QCOMPARE(status.value("d"), QStringLiteral("succeeded"));
    QCOMPARE(text(stepOf(resumed, "c")["reason"]), QStringLiteral("failed in run 1"));
    QCOMPARE(project.executions("a"), 1);
    QCOMPARE(project.executions("b"), 1);
}

void ResumeTest::changedKeyRerunsWithReason()
{
    Project project;
    Json flow = diamondFlow();
    QVERIFY(project.writeFlow(flow));
    run(project, QStringLiteral("run"));

    // Resuming from d, but a changed since run 1: a must not be reused silently.
    flow["steps"][0] = countingStep(QStringLiteral("a"), QStringLiteral("changed"));
    QVERIFY(project.writeFlow(flow));
    const Json resumed = run(project, QStringLiteral("resume"), {QStringLiteral("--from"), QStringLiteral("d")});
    QCOMPARE(statuses(resumed).value("a"), QStringLiteral("succeeded"));
    QVERIFY(text(stepOf(resumed, "a")["reason"]).contains(QStringLiteral("command changed since run 1")));
    QCOMPARE(statuses(resumed).value("b"), QStringLiteral("succeeded"));
    QVERIFY(text(stepOf(resumed, "b")["reason"]).contains(QStringLiteral("upstream a produced new outputs")));
}

void ResumeTest::parameterOverrideInvalidatesItsUsers()
{
    Project project;
    Json flow = diamondFlow();
    flow["parameters"] = Json::array({{{"name", "size"}, {"type", "int"}, {"default", 1}}});
    flow["steps"][1]["params"] = Json::array({"size"});
    QVERIFY(project.writeFlow(flow));
    run(project, QStringLiteral("run"), {QStringLiteral("--param"), QStringLiteral("size=5")});

    // Without an override the origin's value stays, so nothing reruns but the resume point.
    const Json same = run(project, QStringLiteral("resume"), {QStringLiteral("--from"), QStringLiteral("d")});
    QCOMPARE(same["params"]["size"].get<int>(), 5);
    QCOMPARE(statuses(same).value("b"), QStringLiteral("cached"));

    const Json changed = run(project, QStringLiteral("resume"),
                             {QStringLiteral("--from"), QStringLiteral("d"), QStringLiteral("--param"), QStringLiteral("size=6")});
    QCOMPARE(statuses(changed).value("a"), QStringLiteral("cached"));
    QCOMPARE(statuses(changed).value("b"), QStringLiteral("succeeded"));
    QCOMPARE(statuses(changed).value("c"), QStringLiteral("cached"));
    QVERIFY(text(stepOf(changed, "b")["reason"]).contains(QStringLiteral("parameter size: 5 → 6")));
}

void ResumeTest::dryRunListsEveryStep()
{
    Project project;
    QVERIFY(project.writeFlow(diamondFlow()));
    run(project, QStringLiteral("run"));

    const CliResult result = project.cli(QStringLiteral("resume"),
                                         {QStringLiteral("--dry-run"), QStringLiteral("--json"),
                                          QStringLiteral("--from"), QStringLiteral("b")});
    QCOMPARE(result.exitCode, 0);
    const Json plan = result.parsed();
    QCOMPARE(plan["steps"].size(), size_t(4));
    const QMap<QString, QString> actions = statuses(plan);
    QCOMPARE(actions.value("a"), QStringLiteral("reuse"));
    QCOMPARE(actions.value("b"), QStringLiteral("run"));
    QCOMPARE(actions.value("c"), QStringLiteral("reuse"));
    QCOMPARE(actions.value("d"), QStringLiteral("run"));
    for (const Json& step : plan["steps"])
        QVERIFY2(!text(step["reason"]).isEmpty(), step.dump().c_str());
    QCOMPARE(plan["origin_run"].get<int>(), 1);
    // Nothing ran.
    QCOMPARE(project.executions("b"), 1);
}

void ResumeTest::killedRunIsInterruptedAndResumable()
{
    Project project;
    Json flow = diamondFlow();
    // b blocks until the test kills cairn-cli; it signals that with a marker file.
    flow["steps"][1]["command"] = std::string("touch started; while [ ! -f release ]; do sleep 0.1; done\n")
        + flow["steps"][1]["command"].get<std::string>();
    QVERIFY(project.writeFlow(flow));

    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("COUNTERS"), project.countersPath());
    process.setProcessEnvironment(env);
    process.start(cliPath(), {QStringLiteral("run"), project.flowPath(), QStringLiteral("--store"),
                              project.storePath()});
    QVERIFY(process.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(project.path("started")), 60000);
    ::kill(pid_t(process.processId()), SIGKILL);
    QVERIFY(process.waitForFinished());

    const Json runs = run(project, QStringLiteral("runs"));
    QCOMPARE(text(runs["runs"][0]["status"]), QStringLiteral("interrupted"));

    QVERIFY(writeFile(project.path("release"), "go\n"));
    const Json resumed = run(project, QStringLiteral("resume"));
    QCOMPARE(text(resumed["status"]), QStringLiteral("succeeded"));
    QCOMPARE(statuses(resumed).value("a"), QStringLiteral("cached"));
    QCOMPARE(statuses(resumed).value("b"), QStringLiteral("succeeded"));
    QCOMPARE(statuses(resumed).value("d"), QStringLiteral("succeeded"));
    QCOMPARE(project.executions("a"), 1);
}

void ResumeTest::resumeWithoutRunsIsAnError()
{
    Project project;
    QVERIFY(project.writeFlow(diamondFlow()));
    const CliResult result = project.cli(QStringLiteral("resume"));
    QCOMPARE(result.exitCode, 2);
    QVERIFY(result.err.contains("no runs to resume"));
}

QTEST_GUILESS_MAIN(ResumeTest)
#include "tst_resume.moc"
