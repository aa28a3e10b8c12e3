// Runs through cairn-cli: what a second run takes from the cache and what it reruns.

#include "store.h"
#include "testsupport.h"

#include <QDir>
#include <QtTest>

using namespace cairn::test;

class RunCacheTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void diamondSecondRunIsCached();
    void editedCommandRerunsDownstreamOnly();
    void changedParameterRerunsItsUsersOnly();
    void editedInputFileRerunsItsStep();
    void titleAndPositionChangeNothing();
    void cacheFalseAlwaysRuns();
    void forceRunsEverything();
    void identicalUpstreamOutputKeepsDownstreamCached();
    void identicalFilesShareOneObject();
    void gcKeepsReferencedObjects();
    void clearedStepRerunsAlone();
    void clearedReasonBeatsParameterChange();
};

namespace {

Json runJson(const Project& project, const QStringList& args = {})
{
    const CliResult result = project.cli(QStringLiteral("run"), QStringList{QStringLiteral("--json")} + args);
    if (result.exitCode != 0) {
        qWarning("cairn-cli run failed (%d): %s", result.exitCode, result.err.constData());
        return Json();
    }
    return result.parsed();
}

int objectCount(const QString& store)
{
    int count = 0;
    QDirIterator it(store + QStringLiteral("/objects"), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        ++count;
    }
    return count;
}

}  // namespace

void RunCacheTest::diamondSecondRunIsCached()
{
    Project project;
    QVERIFY(project.writeFlow(diamondFlow()));

    const Json first = runJson(project);
    QCOMPARE(QString::fromStdString(first["status"].get<std::string>()), QStringLiteral("succeeded"));
    for (const QString id : {"a", "b", "c", "d"}) {
        QCOMPARE(statuses(first).value(id), QStringLiteral("succeeded"));
        QCOMPARE(project.executions(id), 1);
    }

    const Json second = runJson(project);
    QCOMPARE(QString::fromStdString(second["status"].get<std::string>()), QStringLiteral("succeeded"));
    for (const QString id : {"a", "b", "c", "d"}) {
        QCOMPARE(statuses(second).value(id), QStringLiteral("cached"));
        QCOMPARE(project.executions(id), 1);
        QCOMPARE(stepOf(second, id)["source_run"].get<int>(), first["run"].get<int>());
    }
}

void RunCacheTest::editedCommandRerunsDownstreamOnly()
{
    Project project;
    Json flow = diamondFlow();
    QVERIFY(project.writeFlow(flow));
    runJson(project);

    flow["steps"][1] = countingStep(QStringLiteral("b"), QStringLiteral("edited"));
    QVERIFY(project.writeFlow(flow));
    const Json second = runJson(project);
    const QMap<QString, QString> status = statuses(second);
    QCOMPARE(status.value("a"), QStringLiteral("cached"));
    QCOMPARE(status.value("b"), QStringLiteral("succeeded"));
    QCOMPARE(status.value("c"), QStringLiteral("cached"));
    QCOMPARE(status.value("d"), QStringLiteral("succeeded"));
    QVERIFY(QString::fromStdString(stepOf(second, "b")["reason"].get<std::string>()).contains("command changed"));
    QVERIFY(QString::fromStdString(stepOf(second, "d")["reason"].get<std::string>()).contains("upstream b"));
}

void RunCacheTest::changedParameterRerunsItsUsersOnly()
{
    Project project;
    Json flow = diamondFlow();
    flow["parameters"] = Json::array({{{"name", "size"}, {"type", "int"}, {"default", 1}}});
    flow["steps"][2] = countingStep(QStringLiteral("c"), QStringLiteral("size={{size}}"));
    QVERIFY(project.writeFlow(flow));
    runJson(project);

    const Json second = runJson(project, {QStringLiteral("--param"), QStringLiteral("size=2")});
    const QMap<QString, QString> status = statuses(second);
    QCOMPARE(status.value("a"), QStringLiteral("cached"));
    QCOMPARE(status.value("b"), QStringLiteral("cached"));
    QCOMPARE(status.value("c"), QStringLiteral("succeeded"));
    QCOMPARE(status.value("d"), QStringLiteral("succeeded"));
    QCOMPARE(project.executions("b"), 1);
    QCOMPARE(project.executions("c"), 2);
    QVERIFY(QString::fromStdString(stepOf(second, "c")["reason"].get<std::string>()).contains("size: 1 → 2"));
    QCOMPARE(second["params"]["size"].get<int>(), 2);
}

void RunCacheTest::editedInputFileRerunsItsStep()
{
    Project project;
    Json flow = diamondFlow();
    flow["steps"][1]["inputs"] = Json::array({"data/input.csv"});
    QVERIFY(writeFile(project.path("data/input.csv"), "x,y\n1,2\n"));
    QVERIFY(project.writeFlow(flow));
    runJson(project);

    QVERIFY(writeFile(project.path("data/input.csv"), "x,y\n1,3\n"));
    const Json second = runJson(project);
    const QMap<QString, QString> status = statuses(second);
    QCOMPARE(status.value("a"), QStringLiteral("cached"));
    QCOMPARE(status.value("b"), QStringLiteral("succeeded"));
    QCOMPARE(status.value("c"), QStringLiteral("cached"));
    QVERIFY(QString::fromStdString(stepOf(second, "b")["reason"].get<std::string>())
                .contains("input data/input.csv changed"));
    // b wrote the same bytes, so d stays cached through early cutoff.
    QCOMPARE(status.value("d"), QStringLiteral("cached"));
}

void RunCacheTest::titleAndPositionChangeNothing()
{
    Project project;
    Json flow = diamondFlow();
    QVERIFY(project.writeFlow(flow));
    runJson(project);

    flow["steps"][0]["title"] = "A new title";
    flow["steps"][0]["ui"] = {{"x", 500}, {"y", -40}};
    flow["description"] = "described now";
    QVERIFY(project.writeFlow(flow));
    const Json second = runJson(project);
    for (const QString id : {"a", "b", "c", "d"})
        QCOMPARE(statuses(second).value(id), QStringLiteral("cached"));
    QCOMPARE(project.executions("a"), 1);
}

void RunCacheTest::cacheFalseAlwaysRuns()
{
    Project project;
    Json flow = diamondFlow();
    flow["steps"][2]["cache"] = false;
    QVERIFY(project.writeFlow(flow));
    runJson(project);

    const Json second = runJson(project);
    QCOMPARE(statuses(second).value("c"), QStringLiteral("succeeded"));
    QCOMPARE(project.executions("c"), 2);
    QCOMPARE(QString::fromStdString(stepOf(second, "c")["reason"].get<std::string>()),
             QStringLiteral("caching disabled"));
    QCOMPARE(statuses(second).value("b"), QStringLiteral("cached"));
}

void RunCacheTest::forceRunsEverything()
{
    Project project;
    QVERIFY(project.writeFlow(diamondFlow()));
    runJson(project);

    const Json second = runJson(project, {QStringLiteral("--force")});
    for (const QString id : {"a", "b", "c", "d"}) {
        QCOMPARE(statuses(second).value(id), QStringLiteral("succeeded"));
        QCOMPARE(project.executions(id), 2);
    }
}

void RunCacheTest::identicalUpstreamOutputKeepsDownstreamCached()
{
    Project project;
    Json flow = diamondFlow();
    // a reruns every time but writes the same bytes.
    flow["steps"][0]["cache"] = false;
    QVERIFY(project.writeFlow(flow));
    runJson(project);

    const Json second = runJson(project);
    QCOMPARE(statuses(second).value("a"), QStringLiteral("succeeded"));
    QCOMPARE(project.executions("a"), 2);
    for (const QString id : {"b", "c", "d"}) {
        QCOMPARE(statuses(second).value(id), QStringLiteral("cached"));
        QCOMPARE(project.executions(id), 1);
    }
}

void RunCacheTest::identicalFilesShareOneObject()
{
    Project project;
    const Json same = Json{{"kind", "shell"}, {"command", "echo same > \"$CAIRN_OUTPUT_DIR/x.txt\""}};
    Json one = same;
    one["id"] = "one";
    Json two = same;
    two["id"] = "two";
    QVERIFY(project.writeFlow(makeFlow(Json::array({one, two}), Json::array())));
    const Json run = runJson(project);
    const Json first = stepOf(run, "one")["artifacts"][0];
    const Json second = stepOf(run, "two")["artifacts"][0];
    QCOMPARE(first["digest"], second["digest"]);
    QCOMPARE(objectCount(project.storePath()), 1);
}

void RunCacheTest::gcKeepsReferencedObjects()
{
    Project project;
    Json flow = diamondFlow();
    QVERIFY(project.writeFlow(flow));
    runJson(project);
    flow["steps"][0] = countingStep(QStringLiteral("a"), QStringLiteral("v2"));
    QVERIFY(project.writeFlow(flow));
    runJson(project);
    const int before = objectCount(project.storePath());
    QCOMPARE(before, 8);  // two versions of each step's output

    const CliResult gc = project.cli(QStringLiteral("gc"), {QStringLiteral("--keep-runs"), QStringLiteral("1")});
    QCOMPARE(gc.exitCode, 0);
    QCOMPARE(objectCount(project.storePath()), 4);

    // The kept run's results are still complete: a third run is fully cached.
    const Json third = runJson(project);
    for (const QString id : {"a", "b", "c", "d"})
        QCOMPARE(statuses(third).value(id), QStringLiteral("cached"));
}

void RunCacheTest::clearedStepRerunsAlone()
{
    Project project;
    QVERIFY(project.writeFlow(diamondFlow()));
    const Json first = runJson(project);
    QCOMPARE(QString::fromStdString(first["status"].get<std::string>()), QStringLiteral("succeeded"));
    const int objectsBefore = objectCount(project.storePath());

    QString error;
    {
        const std::unique_ptr<cairn::Store> store = cairn::Store::open(project.storePath(), &error);
        QVERIFY2(store, qPrintable(error));
        QCOMPARE(store->clearCachedResults(QStringLiteral("test"), QStringLiteral("a"), &error), 1);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }
    QCOMPARE(objectCount(project.storePath()), objectsBefore);

    // a runs again and writes the same bytes, so its downstream steps stay cached.
    const Json second = runJson(project);
    QCOMPARE(statuses(second).value(QStringLiteral("a")), QStringLiteral("succeeded"));
    QCOMPARE(project.executions(QStringLiteral("a")), 2);
    QCOMPARE(QString::fromStdString(stepOf(second, QStringLiteral("a"))["reason"].get<std::string>()),
             QStringLiteral("its cached result from run 1 was cleared"));
    for (const QString id : {"b", "c", "d"}) {
        QCOMPARE(statuses(second).value(id), QStringLiteral("cached"));
        QCOMPARE(project.executions(id), 1);
    }
    QCOMPARE(objectCount(project.storePath()), objectsBefore);

    // The new result of a is a cache entry again.
    const Json third = runJson(project);
    for (const QString id : {"a", "b", "c", "d"})
        QCOMPARE(statuses(third).value(id), QStringLiteral("cached"));
    QCOMPARE(project.executions(QStringLiteral("a")), 2);
}

void RunCacheTest::clearedReasonBeatsParameterChange()
{
    // Run 1 with n=1 and run 2 with n=2 leave a cache entry for each value. After clearing,
    // a run with n=1 differs from the latest run by its parameter, but it reruns because its
    // own cached result was cleared, and the reason must name the clearing.
    Project project;
    const Json flow = makeFlow(Json::array({countingStep(QStringLiteral("a"), QStringLiteral("{{n}}"))}),
                               Json::array(),
                               Json::array({{{"name", "n"}, {"type", "int"}, {"default", 1}}}));
    QVERIFY(project.writeFlow(flow));
    QVERIFY(!runJson(project).is_null());
    QVERIFY(!runJson(project, {QStringLiteral("--param"), QStringLiteral("n=2")}).is_null());

    QString error;
    {
        const std::unique_ptr<cairn::Store> store = cairn::Store::open(project.storePath(), &error);
        QVERIFY2(store, qPrintable(error));
        QCOMPARE(store->clearCachedResults(QStringLiteral("test"), QStringLiteral("a"), &error), 2);
    }

    const Json third = runJson(project);
    QCOMPARE(statuses(third).value(QStringLiteral("a")), QStringLiteral("succeeded"));
    QCOMPARE(project.executions(QStringLiteral("a")), 3);
    QCOMPARE(QString::fromStdString(stepOf(third, QStringLiteral("a"))["reason"].get<std::string>()),
             QStringLiteral("its cached result from run 1 was cleared"));

    // A value never run before is explained by what changed, not by the clearing.
    const Json fourth = runJson(project, {QStringLiteral("--param"), QStringLiteral("n=5")});
    const QString reason = QString::fromStdString(stepOf(fourth, QStringLiteral("a"))["reason"].get<std::string>());
    QVERIFY2(reason.startsWith(QStringLiteral("parameter n")), qPrintable(reason));
}

QTEST_GUILESS_MAIN(RunCacheTest)
#include "tst_runcache.moc"
