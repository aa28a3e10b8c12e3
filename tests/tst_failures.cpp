// Failing steps through cairn-cli: retries, timeouts, SIGINT and --keep-going. Each ends the
// step's whole process tree, records the outcome and leaves no cache entry.

#include "testsupport.h"

#include <QProcess>
#include <QtTest>

#include <cerrno>
#include <csignal>

using namespace cairn::test;

class FailuresTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void retryRunsAFreshAttempt();
    void timeoutEndsProcessTree();
    void sigintCancelsAndResumes();
    void keepGoingRunsIndependentSteps();
    void failureStopsNewSteps();
    void missingInputFailsWithItsPath();
    void writingAnInputFailsAndDropsIt();
    void secondSigintEndsStepsAtOnce();
};

namespace {

QString text(const Json& value)
{
    return value.is_string() ? QString::fromStdString(value.get<std::string>()) : QString();
}

bool processGone(const QString& pidFile)
{
    const qint64 pid = readFile(pidFile).trimmed().toLongLong();
    if (pid <= 0)
        return false;
    return ::kill(pid_t(pid), 0) == -1 && errno == ESRCH;
}

// A step that starts a background child, records both pids and then blocks.
Json blockingStep(const QString& id)
{
    const QString command = QStringLiteral(
        "sleep 300 & echo $! > %1.child.pid; echo $$ > %1.pid; touch %1.started; wait")
        .arg(id);
    return Json{{"id", id.toStdString()}, {"kind", "shell"}, {"command", command.toStdString()}};
}

}  // namespace

void FailuresTest::retryRunsAFreshAttempt()
{
    Project project;
    // Fails on the first attempt, after leaving a partial file in its output folder.
    Json step = Json{{"id", "flaky"}, {"kind", "shell"}, {"retries", 2},
                     {"command", "echo run >> \"$COUNTERS/flaky\"\n"
                                 "ls \"$CAIRN_OUTPUT_DIR\" > seen.$CAIRN_ATTEMPT\n"
                                 "echo partial > \"$CAIRN_OUTPUT_DIR/partial.txt\"\n"
                                 "[ \"$CAIRN_ATTEMPT\" -ge 2 ] || exit 1\n"
                                 "rm \"$CAIRN_OUTPUT_DIR/partial.txt\"; echo ok > \"$CAIRN_OUTPUT_DIR/ok.txt\""}};
    QVERIFY(project.writeFlow(makeFlow(Json::array({step}), Json::array())));
    const CliResult result = project.cli(QStringLiteral("run"), {QStringLiteral("--json")});
    QCOMPARE(result.exitCode, 0);
    const Json run = result.parsed();
    QCOMPARE(statuses(run).value("flaky"), QStringLiteral("succeeded"));
    QCOMPARE(stepOf(run, "flaky")["attempts"].get<int>(), 2);
    QCOMPARE(project.executions("flaky"), 2);
    // The second attempt started with an empty output folder.
    QCOMPARE(readFile(project.path("seen.2")), QByteArray());
    QCOMPARE(stepOf(run, "flaky")["artifacts"].size(), size_t(1));

    // Each attempt kept its own log.
    const CliResult log = project.cli(QStringLiteral("log"), {QStringLiteral("1"), QStringLiteral("flaky"),
                                                              QStringLiteral("--attempt"), QStringLiteral("1")});
    QCOMPARE(log.exitCode, 0);
}

void FailuresTest::timeoutEndsProcessTree()
{
    Project project;
    Json step = blockingStep(QStringLiteral("slow"));
    step["timeout_s"] = 1;
    QVERIFY(project.writeFlow(makeFlow(Json::array({step}), Json::array())));

    const CliResult result = project.cli(QStringLiteral("run"), {QStringLiteral("--json")});
    QCOMPARE(result.exitCode, 1);
    const Json run = result.parsed();
    QCOMPARE(statuses(run).value("slow"), QStringLiteral("failed"));
    QVERIFY(text(stepOf(run, "slow")["error"]).contains(QStringLiteral("timed out")));
    QVERIFY(stepOf(run, "slow")["artifacts"].empty());
    QTRY_VERIFY(processGone(project.path("slow.pid")));
    QTRY_VERIFY(processGone(project.path("slow.child.pid")));

    // No cache entry: the next run's plan runs it again.
    const Json plan = project.cli(QStringLiteral("run"), {QStringLiteral("--dry-run"), QStringLiteral("--json")}).parsed();
    QCOMPARE(statuses(plan).value("slow"), QStringLiteral("run"));
}

void FailuresTest::sigintCancelsAndResumes()
{
    Project project;
    Json flow = makeFlow(Json::array({countingStep(QStringLiteral("first")), blockingStep(QStringLiteral("slow")),
                                      countingStep(QStringLiteral("after"))}),
                         Json::array({{"first", "slow"}, {"slow", "after"}}));
    QVERIFY(project.writeFlow(flow));

    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("COUNTERS"), project.countersPath());
    process.setProcessEnvironment(env);
    process.start(cliPath(), {QStringLiteral("run"), project.flowPath(), QStringLiteral("--store"),
                              project.storePath(), QStringLiteral("--json")});
    QVERIFY(process.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(project.path("slow.started")), 60000);
    ::kill(pid_t(process.processId()), SIGINT);
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitCode(), 130);
    QTRY_VERIFY(processGone(project.path("slow.pid")));
    QTRY_VERIFY(processGone(project.path("slow.child.pid")));

    const Json cancelled = Json::parse(process.readAllStandardOutput().toStdString());
    QCOMPARE(text(cancelled["status"]), QStringLiteral("cancelled"));
    QCOMPARE(statuses(cancelled).value("slow"), QStringLiteral("cancelled"));
    QCOMPARE(statuses(cancelled).value("after"), QStringLiteral("not_run"));

    // Resume with a step that now finishes: first is reused, slow and after run.
    flow["steps"][1] = countingStep(QStringLiteral("slow"));
    QVERIFY(project.writeFlow(flow));
    const Json resumed = project.cli(QStringLiteral("resume"), {QStringLiteral("--json")}).parsed();
    QCOMPARE(text(resumed["status"]), QStringLiteral("succeeded"));
    QCOMPARE(statuses(resumed).value("first"), QStringLiteral("cached"));
    QCOMPARE(statuses(resumed).value("slow"), QStringLiteral("succeeded"));
    QCOMPARE(statuses(resumed).value("after"), QStringLiteral("succeeded"));
    QCOMPARE(project.executions("first"), 1);
}

void FailuresTest::keepGoingRunsIndependentSteps()
{
    Project project;
    Json bad = Json{{"id", "bad"}, {"kind", "shell"}, {"command", "exit 7"}};
    Json flow = makeFlow(Json::array({bad, countingStep(QStringLiteral("below")), countingStep(QStringLiteral("other"))}),
                         Json::array({{"bad", "below"}}));
    QVERIFY(project.writeFlow(flow));
    const CliResult result = project.cli(QStringLiteral("run"),
                                         {QStringLiteral("--json"), QStringLiteral("--keep-going"),
                                          QStringLiteral("--workers"), QStringLiteral("1")});
    QCOMPARE(result.exitCode, 1);
    const Json run = result.parsed();
    QCOMPARE(statuses(run).value("bad"), QStringLiteral("failed"));
    QCOMPARE(statuses(run).value("below"), QStringLiteral("skipped"));
    QCOMPARE(statuses(run).value("other"), QStringLiteral("succeeded"));
    QVERIFY(text(stepOf(run, "bad")["error"]).contains(QStringLiteral("status 7")));
}

void FailuresTest::failureStopsNewSteps()
{
    Project project;
    Json bad = Json{{"id", "bad"}, {"kind", "shell"}, {"command", "exit 7"}};
    Json flow = makeFlow(Json::array({bad, countingStep(QStringLiteral("other"))}), Json::array());
    QVERIFY(project.writeFlow(flow));
    const CliResult result = project.cli(QStringLiteral("run"),
                                         {QStringLiteral("--json"), QStringLiteral("--workers"), QStringLiteral("1")});
    QCOMPARE(result.exitCode, 1);
    const Json run = result.parsed();
    QCOMPARE(statuses(run).value("bad"), QStringLiteral("failed"));
    QCOMPARE(statuses(run).value("other"), QStringLiteral("not_run"));
    QCOMPARE(project.executions("other"), 0);
}

void FailuresTest::missingInputFailsWithItsPath()
{
    Project project;
    Json step = countingStep(QStringLiteral("reader"));
    step["inputs"] = Json::array({"data/missing.csv"});
    QVERIFY(project.writeFlow(makeFlow(Json::array({step}), Json::array())));
    const CliResult result = project.cli(QStringLiteral("run"), {QStringLiteral("--json")});
    QCOMPARE(result.exitCode, 1);
    const Json run = result.parsed();
    QCOMPARE(statuses(run).value("reader"), QStringLiteral("failed"));
    QVERIFY(text(stepOf(run, "reader")["error"]).contains(QStringLiteral("data/missing.csv")));
    QCOMPARE(project.executions("reader"), 0);
}

void FailuresTest::writingAnInputFailsAndDropsIt()
{
    Project project;
    Json writer = Json{{"id", "writer"}, {"kind", "shell"},
                       {"command", "echo changed > \"$CAIRN_INPUT_DIR/source/source.txt\""}};
    QVERIFY(project.writeFlow(makeFlow(Json::array({countingStep(QStringLiteral("source")), writer}),
                                       Json::array({{"source", "writer"}}))));
    const CliResult result = project.cli(QStringLiteral("run"), {QStringLiteral("--json")});
    QCOMPARE(result.exitCode, 1);
    const Json run = result.parsed();
    QCOMPARE(statuses(run).value("writer"), QStringLiteral("failed"));
    QVERIFY(text(stepOf(run, "writer")["error"]).contains(QStringLiteral("source.txt")));

    // The damaged result is gone from the store: source runs again instead of being reused.
    const Json plan = project.cli(QStringLiteral("run"), {QStringLiteral("--dry-run"), QStringLiteral("--json")}).parsed();
    QCOMPARE(statuses(plan).value("source"), QStringLiteral("run"));
}

void FailuresTest::secondSigintEndsStepsAtOnce()
{
    Project project;
    // A step that ignores SIGTERM, so the first interrupt alone cannot end it quickly.
    Json step = blockingStep(QStringLiteral("slow"));
    step["command"] = "trap '' TERM; " + step["command"].get<std::string>();
    QVERIFY(project.writeFlow(makeFlow(Json::array({step}), Json::array())));

    QProcess process;
    process.start(cliPath(), {QStringLiteral("run"), project.flowPath(), QStringLiteral("--store"),
                              project.storePath()});
    QVERIFY(process.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(project.path("slow.started")), 60000);
    ::kill(pid_t(process.processId()), SIGINT);
    ::kill(pid_t(process.processId()), SIGINT);
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitCode(), 130);
    QTRY_VERIFY(processGone(project.path("slow.pid")));
    QTRY_VERIFY(processGone(project.path("slow.child.pid")));
}

QTEST_GUILESS_MAIN(FailuresTest)
#include "tst_failures.moc"
