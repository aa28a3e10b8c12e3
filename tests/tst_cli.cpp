// cairn-cli's verbs, output and exit statuses as a user meets them.

#include "testsupport.h"

#include <QDir>
#include <QtTest>

using namespace cairn::test;

class CliTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void helpAndVersion();
    void unknownVerbIsInvalid();
    void keepRunsZeroIsInvalid();
    void validateReportsEveryProblem();
    void validateAcceptsGoodFlow();
    void badParamIsInvalid();
    void unknownStepIsInvalid();
    void unwritableStoreIsStoreError();
    void runsShowLogArtifacts();
    void humanOutputNamesSteps();
    void gcDryRunRemovesNothing();
    void runUpToStepRunsAncestorsOnly();
    void runsTableAligns_data();
    void runsTableAligns();
};

namespace {

QString text(const Json& value)
{
    return value.is_string() ? QString::fromStdString(value.get<std::string>()) : QString();
}

// Terminal columns of text: CJK ideographs and fullwidth punctuation take two. Covers the
// characters of Cairn's Chinese messages, not every wide character.
int displayWidth(const QString& text)
{
    int width = 0;
    for (char32_t c : text.toUcs4()) {
        const bool wide = (c >= 0x3000 && c <= 0x303F) || (c >= 0x4E00 && c <= 0x9FFF)
            || (c >= 0xFF00 && c <= 0xFF60);
        width += wide ? 2 : 1;
    }
    return width;
}

// Display columns at which the words of a table header start, after the first column.
QList<int> headerColumnStarts(const QString& header)
{
    QList<int> starts;
    int column = 0;
    bool afterSpace = false;
    bool seenWord = false;
    for (char32_t c : header.toUcs4()) {
        const QString character = QString::fromUcs4(&c, 1);
        if (c == U' ') {
            afterSpace = seenWord;
        } else {
            if (afterSpace)
                starts << column;
            afterSpace = false;
            seenWord = true;
        }
        column += displayWidth(character);
    }
    return starts;
}

// The character of line at display column, or an empty string past its end.
QString characterAtColumn(const QString& line, int target)
{
    int column = 0;
    for (char32_t c : line.toUcs4()) {
        const QString character = QString::fromUcs4(&c, 1);
        if (column == target)
            return character;
        if (column > target)
            return QStringLiteral("<inside a wide character>");
        column += displayWidth(character);
    }
    return QString();
}

}  // namespace

void CliTest::helpAndVersion()
{
    const CliResult help = runCli({QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    for (const char* verb : {"validate", "run", "resume", "runs", "show", "log", "artifacts", "gc"})
        QVERIFY2(help.out.contains(verb), verb);
    const CliResult version = runCli({QStringLiteral("--version")});
    QCOMPARE(version.exitCode, 0);
    QVERIFY(version.out.startsWith("cairn-cli "));
    const CliResult runHelp = runCli({QStringLiteral("resume"), QStringLiteral("--help")});
    QCOMPARE(runHelp.exitCode, 0);
    QVERIFY(runHelp.out.contains("--from"));
}

void CliTest::unknownVerbIsInvalid()
{
    const CliResult result = runCli({QStringLiteral("explode"), QStringLiteral("flow.json")});
    QCOMPARE(result.exitCode, 2);
    QVERIFY(result.err.contains("unknown verb"));
    QCOMPARE(runCli({}).exitCode, 2);
}

void CliTest::keepRunsZeroIsInvalid()
{
    // Keeping no run would remove the whole history; N must be at least 1.
    Project project;
    QVERIFY(project.writeFlow(diamondFlow()));
    QCOMPARE(project.cli(QStringLiteral("run")).exitCode, 0);
    const CliResult result = project.cli(QStringLiteral("gc"), {QStringLiteral("--keep-runs"), QStringLiteral("0")});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains("--keep-runs"), result.err.constData());
    QCOMPARE(project.cli(QStringLiteral("show"), {QStringLiteral("1")}).exitCode, 0);
}

void CliTest::validateReportsEveryProblem()
{
    Project project;
    Json flow = diamondFlow();
    flow["steps"][1]["id"] = "a";                       // duplicate id
    flow["steps"][2]["kind"] = "perl";                  // unknown kind
    flow["edges"].push_back({{"from", "d"}, {"to", "ghost"}});  // missing step
    QVERIFY(project.writeFlow(flow));

    const CliResult result = runCli({QStringLiteral("validate"), project.flowPath()});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains("steps[1].id"), result.err.constData());
    QVERIFY(result.err.contains("steps[2].kind"));
    QVERIFY(result.err.contains("edges[4].to"));
    QVERIFY(result.err.contains(project.flowPath().toUtf8()));

    const CliResult json = runCli({QStringLiteral("validate"), project.flowPath(), QStringLiteral("--json")});
    QCOMPARE(json.exitCode, 2);
    QVERIFY(json.parsed()["issues"].size() >= 3);
    QCOMPARE(json.parsed()["valid"], Json(false));

    // A run of an invalid flow is refused the same way.
    QCOMPARE(project.cli(QStringLiteral("run")).exitCode, 2);
}

void CliTest::validateAcceptsGoodFlow()
{
    Project project;
    QVERIFY(project.writeFlow(diamondFlow()));
    const CliResult result = runCli({QStringLiteral("validate"), project.flowPath()});
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.out.contains("4 steps"));
    QCOMPARE(runCli({QStringLiteral("validate"), project.path("missing.json")}).exitCode, 2);
}

void CliTest::badParamIsInvalid()
{
    Project project;
    Json flow = diamondFlow();
    flow["parameters"] = Json::array({{{"name", "n"}, {"type", "int"}, {"default", 1}}});
    QVERIFY(project.writeFlow(flow));
    const CliResult wrongType = project.cli(QStringLiteral("run"), {QStringLiteral("--param"), QStringLiteral("n=many")});
    QCOMPARE(wrongType.exitCode, 2);
    QVERIFY(wrongType.err.contains("many"));
    const CliResult unknown = project.cli(QStringLiteral("run"), {QStringLiteral("--param"), QStringLiteral("m=1")});
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY(unknown.err.contains("no parameter m"));
    const CliResult malformed = project.cli(QStringLiteral("run"), {QStringLiteral("--param"), QStringLiteral("n")});
    QCOMPARE(malformed.exitCode, 2);
    const CliResult workers = project.cli(QStringLiteral("run"), {QStringLiteral("--workers"), QStringLiteral("0")});
    QCOMPARE(workers.exitCode, 2);
    QCOMPARE(project.executions("a"), 0);
}

void CliTest::unknownStepIsInvalid()
{
    Project project;
    QVERIFY(project.writeFlow(diamondFlow()));
    QCOMPARE(project.cli(QStringLiteral("run")).exitCode, 0);
    const CliResult result = project.cli(QStringLiteral("resume"), {QStringLiteral("--from"), QStringLiteral("zzz")});
    QCOMPARE(result.exitCode, 2);
    QVERIFY(result.err.contains("zzz"));
    const CliResult origin = project.cli(QStringLiteral("resume"), {QStringLiteral("--origin"), QStringLiteral("42")});
    QCOMPARE(origin.exitCode, 2);
    QVERIFY(origin.err.contains("42"));
}

void CliTest::unwritableStoreIsStoreError()
{
    Project project;
    QVERIFY(project.writeFlow(diamondFlow()));
    // The store path is a file, so the store cannot be created.
    QVERIFY(writeFile(project.path("blocked"), "not a folder\n"));
    const CliResult result = runCli({QStringLiteral("run"), project.flowPath(), QStringLiteral("--store"),
                                     project.path("blocked")});
    QCOMPARE(result.exitCode, 3);
    QVERIFY(result.err.contains("blocked"));
    const CliResult runs = runCli({QStringLiteral("runs"), project.flowPath(), QStringLiteral("--store"),
                                   project.path("nothing-here")});
    QCOMPARE(runs.exitCode, 3);
}

void CliTest::runsShowLogArtifacts()
{
    Project project;
    Json flow = diamondFlow();
    flow["steps"][0]["command"] = "echo hello-out; echo hello-err >&2; echo data > \"$CAIRN_OUTPUT_DIR/a.txt\"";
    QVERIFY(project.writeFlow(flow));
    QCOMPARE(project.cli(QStringLiteral("run")).exitCode, 0);
    QCOMPARE(project.cli(QStringLiteral("run")).exitCode, 0);

    const Json runs = project.cli(QStringLiteral("runs"), {QStringLiteral("--json")}).parsed();
    QCOMPARE(runs["runs"].size(), size_t(2));
    QCOMPARE(runs["runs"][0]["run"].get<int>(), 2);
    QCOMPARE(runs["runs"][0]["cached"].get<int>(), 4);
    QCOMPARE(runs["runs"][1]["succeeded"].get<int>(), 4);
    const Json limited = project.cli(QStringLiteral("runs"), {QStringLiteral("--json"), QStringLiteral("--limit"), QStringLiteral("1")}).parsed();
    QCOMPARE(limited["runs"].size(), size_t(1));

    const Json shown = project.cli(QStringLiteral("show"), {QStringLiteral("1"), QStringLiteral("--json")}).parsed();
    QCOMPARE(shown["run"].get<int>(), 1);
    QCOMPARE(text(shown["status"]), QStringLiteral("succeeded"));
    QVERIFY(shown["origin_run"].is_null());
    for (const char* field : {"id", "status", "reason", "source_run", "started", "finished", "attempts", "artifacts"})
        QVERIFY2(shown["steps"][0].contains(field), field);
    QCOMPARE(project.cli(QStringLiteral("show"), {QStringLiteral("9")}).exitCode, 2);

    const CliResult out = project.cli(QStringLiteral("log"), {QStringLiteral("1"), QStringLiteral("a")});
    QCOMPARE(out.exitCode, 0);
    QCOMPARE(out.out, QByteArray("hello-out\n"));
    const CliResult err = project.cli(QStringLiteral("log"), {QStringLiteral("1"), QStringLiteral("a"), QStringLiteral("--stderr")});
    QCOMPARE(err.out, QByteArray("hello-err\n"));
    // Run 2 took a from the cache: it has no log of its own.
    QCOMPARE(project.cli(QStringLiteral("log"), {QStringLiteral("2"), QStringLiteral("a")}).exitCode, 2);

    const QString exportDir = project.path("export");
    const CliResult artifacts = project.cli(QStringLiteral("artifacts"), {QStringLiteral("2"), QStringLiteral("a"),
                                                                         QStringLiteral("--export"), exportDir});
    QCOMPARE(artifacts.exitCode, 0);
    QCOMPARE(readFile(exportDir + QStringLiteral("/a.txt")), QByteArray("data\n"));
    // Exporting again over the same bytes succeeds; over a changed file it replaces nothing.
    const QStringList exportAgain{QStringLiteral("2"), QStringLiteral("a"), QStringLiteral("--export"), exportDir};
    QCOMPARE(project.cli(QStringLiteral("artifacts"), exportAgain).exitCode, 0);
    QVERIFY(writeFile(exportDir + QStringLiteral("/a.txt"), "edited by hand\n"));
    const CliResult rejected = project.cli(QStringLiteral("artifacts"), exportAgain);
    QCOMPARE(rejected.exitCode, 2);
    QVERIFY2(rejected.err.contains("a.txt"), rejected.err.constData());
    QCOMPARE(readFile(exportDir + QStringLiteral("/a.txt")), QByteArray("edited by hand\n"));
    const Json listed = project.cli(QStringLiteral("artifacts"), {QStringLiteral("1"), QStringLiteral("a"), QStringLiteral("--json")}).parsed();
    QCOMPARE(text(listed["artifacts"][0]["path"]), QStringLiteral("a.txt"));
    QCOMPARE(listed["artifacts"][0]["size"].get<int>(), 5);
}

void CliTest::humanOutputNamesSteps()
{
    Project project;
    QVERIFY(project.writeFlow(diamondFlow()));
    const CliResult result = project.cli(QStringLiteral("run"));
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.out.contains("Run 1 of test: succeeded"));
    QVERIFY(result.out.contains("4 ran, 0 cached, 0 failed"));
    // Progress goes to stderr, one line per finished step.
    QVERIFY(result.err.contains("[4/4]"));
    // A cached run names the time its reused results took when they were made.
    const CliResult cached = project.cli(QStringLiteral("run"));
    QVERIFY(cached.out.contains("0 ran, 4 cached, 0 failed"));
    QVERIFY2(cached.out.contains("reused results took"), cached.out.constData());
    QVERIFY(!result.out.contains("reused results took"));
    const CliResult plan = project.cli(QStringLiteral("resume"), {QStringLiteral("--dry-run"), QStringLiteral("--from"), QStringLiteral("c")});
    QCOMPARE(plan.exitCode, 0);
    QVERIFY(plan.out.contains("selected as resume point"));
}

void CliTest::gcDryRunRemovesNothing()
{
    Project project;
    Json flow = diamondFlow();
    QVERIFY(project.writeFlow(flow));
    QCOMPARE(project.cli(QStringLiteral("run")).exitCode, 0);
    flow["steps"][0] = countingStep(QStringLiteral("a"), QStringLiteral("v2"));
    QVERIFY(project.writeFlow(flow));
    QCOMPARE(project.cli(QStringLiteral("run")).exitCode, 0);

    const Json dry = project.cli(QStringLiteral("gc"), {QStringLiteral("--keep-runs"), QStringLiteral("1"),
                                                       QStringLiteral("--dry-run"), QStringLiteral("--json")}).parsed();
    QCOMPARE(dry["runs_removed"], Json::array({1}));
    QCOMPARE(dry["objects_removed"].get<int>(), 4);
    QCOMPARE(project.cli(QStringLiteral("runs"), {QStringLiteral("--json")}).parsed()["runs"].size(), size_t(2));

    const Json real = project.cli(QStringLiteral("gc"), {QStringLiteral("--keep-runs"), QStringLiteral("1"),
                                                        QStringLiteral("--json")}).parsed();
    QCOMPARE(real["objects_removed"].get<int>(), 4);
    QCOMPARE(project.cli(QStringLiteral("runs"), {QStringLiteral("--json")}).parsed()["runs"].size(), size_t(1));
}

void CliTest::runUpToStepRunsAncestorsOnly()
{
    Project project;
    QVERIFY(project.writeFlow(diamondFlow()));
    const Json run = project.cli(QStringLiteral("run"), {QStringLiteral("--to"), QStringLiteral("b"), QStringLiteral("--json")}).parsed();
    QCOMPARE(statuses(run).value("a"), QStringLiteral("succeeded"));
    QCOMPARE(statuses(run).value("b"), QStringLiteral("succeeded"));
    QCOMPARE(statuses(run).value("c"), QStringLiteral("not_run"));
    QCOMPARE(statuses(run).value("d"), QStringLiteral("not_run"));
    QCOMPARE(project.executions("c"), 0);
}

void CliTest::runsTableAligns_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("English") << QStringLiteral("en");
    QTest::newRow("Chinese") << QStringLiteral("zh_CN");
}

// The runs table pads by terminal columns, so with a Chinese header and Chinese step
// counts every column of every row starts below its header.
void CliTest::runsTableAligns()
{
    QFETCH(QString, language);
    Project project;
    QVERIFY(project.writeFlow(diamondFlow()));
    QCOMPARE(project.cli(QStringLiteral("run")).exitCode, 0);
    QCOMPARE(project.cli(QStringLiteral("resume"), {QStringLiteral("--from"), QStringLiteral("b")})
                 .exitCode, 0);

    const CliResult result = runCli({QStringLiteral("runs"), project.flowPath(),
                                     QStringLiteral("--store"), project.storePath()},
                                    120000, {QStringLiteral("CAIRN_LANG=") + language});
    QCOMPARE(result.exitCode, 0);
    const QStringList lines = QString::fromUtf8(result.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);  // the header and two runs
    if (language == QLatin1String("zh_CN"))
        QVERIFY2(displayWidth(lines.first()) > lines.first().size(), qPrintable(lines.first()));

    const QList<int> starts = headerColumnStarts(lines.first());
    QCOMPARE(starts.size(), 4);  // STATUS, STARTED, STEPS, ORIGIN
    for (const QString& line : lines.mid(1)) {
        // The first run has no origin, so its line ends before the last column.
        const bool hasOrigin = !line.trimmed().startsWith(QLatin1String("1 "));
        const QList<int> filled = hasOrigin ? starts : starts.mid(0, 3);
        for (int column : filled) {
            const QString message = QStringLiteral("column %1 of \"%2\" under \"%3\"")
                                        .arg(column).arg(line, lines.first());
            QVERIFY2(characterAtColumn(line, column - 1) == QLatin1String(" "), qPrintable(message));
            QVERIFY2(characterAtColumn(line, column) != QLatin1String(" "), qPrintable(message));
        }
    }
}

QTEST_GUILESS_MAIN(CliTest)
#include "tst_cli.moc"
