// Loading, saving and the small helpers of the flow model: JSON structure errors, the
// round trip of unknown keys, parameter values.

#include "flow.h"
#include "testsupport.h"

#include <QDir>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace cairn;

namespace {

QString flowsDir()
{
    return QStringLiteral(CAIRN_TEST_DATA_DIR "/flows");
}

QString joinIssues(const QList<FlowIssue>& issues)
{
    QStringList lines;
    for (const FlowIssue& issue : issues)
        lines.append(issue.toString());
    return lines.join(QLatin1Char('\n'));
}

QByteArray dumped(const Json& value)
{
    return QByteArray::fromStdString(value.dump());
}

QStringList issuePaths(const QList<FlowIssue>& issues)
{
    QStringList paths;
    for (const FlowIssue& issue : issues)
        paths.append(issue.path);
    return paths;
}

// A valid one-step flow with `extra` spliced into its step object.
QByteArray oneStepFlow(const QByteArray& extra)
{
    return R"({"format": "cairn.flow", "version": 1, "steps": [{"id": "a", "kind": "shell", )"
           R"("command": "true")"
        + (extra.isEmpty() ? QByteArray() : ", " + extra) + "}]}";
}

}  // namespace

class TestFlow : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void enumNames_data();
    void enumNames();
    void enumNamesRejectUnknown();
    void parseDesignExample();
    void parseErrors_data();
    void parseErrors();
    void parseReportsEveryError();
    void wrongTypeReportedOnce();
    void unknownKindHidesMissingCommand();
    void unsupportedVersionStopsParsing();
    void notJsonPosition_data();
    void notJsonPosition();
    void roundTripIsByteIdentical();
    void roundTripKeepsUnknownValues();
    void editChangesOnlyThatField_data();
    void editChangesOnlyThatField();
    void defaultFieldNotAdded();
    void newStepWritesNonDefaults_data();
    void newStepWritesNonDefaults();
    void newFlowSerialization();
    void serializeKeepsUtf8Unescaped();
    void saveThenLoad();
    void saveFailureNamesFile();
    void loadMissingFileNamesFile();
    void directoryWithoutFilePath();
    void lookups();
    void defaultParamsSkipNull();
    void parseParamValue_data();
    void parseParamValue();
    void parseParamValueErrors_data();
    void parseParamValueErrors();
    void valueMatchesType_data();
    void valueMatchesType();
    void issueToString_data();
    void issueToString();
};

void TestFlow::enumNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("isKind");
    QTest::newRow("shell") << "shell" << true;
    QTest::newRow("python") << "python" << true;
    QTest::newRow("script") << "script" << true;
    QTest::newRow("string") << "string" << false;
    QTest::newRow("int") << "int" << false;
    QTest::newRow("float") << "float" << false;
    QTest::newRow("bool") << "bool" << false;
}

void TestFlow::enumNames()
{
    QFETCH(QString, name);
    QFETCH(bool, isKind);
    if (isKind) {
        StepKind kind = StepKind::Shell;
        QVERIFY(stepKindFromName(name, &kind));
        QCOMPARE(stepKindName(kind), name);
    } else {
        ParamType type = ParamType::String;
        QVERIFY(paramTypeFromName(name, &type));
        QCOMPARE(paramTypeName(type), name);
    }
}

void TestFlow::enumNamesRejectUnknown()
{
    StepKind kind = StepKind::Python;
    QVERIFY(!stepKindFromName(QStringLiteral("Shell"), &kind));
    QVERIFY(!stepKindFromName(QString(), &kind));
    QCOMPARE(kind, StepKind::Python);
    ParamType type = ParamType::Bool;
    QVERIFY(!paramTypeFromName(QStringLiteral("integer"), &type));
    QCOMPARE(type, ParamType::Bool);
}

void TestFlow::parseDesignExample()
{
    const QByteArray data = R"json({
      "format": "cairn.flow", "version": 1, "name": "weather",
      "description": "Predict the weather type",
      "parameters": [{"name": "trees", "type": "int", "default": 200, "description": "forest size"}],
      "steps": [
        {"id": "fetch", "title": "Fetch data", "kind": "shell",
         "command": "cp \"$SOURCE\" \"$CAIRN_OUTPUT_DIR/weather.csv\"",
         "env": {"SOURCE": "/usr/share/example.csv", "A": "1"},
         "inputs": ["data/raw.csv"], "outputs": ["out.txt"], "params": [],
         "retries": 3, "timeout_s": 2.5, "cache": false, "cache_version": "v2",
         "ui": {"x": 10, "y": -20.5}},
        {"id": "train", "kind": "python", "script": "print(1)", "interpreter": "python3.11",
         "params": ["trees"]},
        {"id": "run", "kind": "script", "path": "bin/run.sh", "args": ["-n", "{{trees}}"]}
      ],
      "edges": [{"from": "fetch", "to": "train"}, {"from": "train", "to": "run"}],
      "ui": {}
    })json";
    Flow flow;
    QList<FlowIssue> issues;
    QVERIFY2(parseFlow(data, QStringLiteral("weather.json"), &flow, &issues),
             qPrintable(joinIssues(issues)));
    QVERIFY(issues.isEmpty());

    QCOMPARE(flow.name, QStringLiteral("weather"));
    QCOMPARE(flow.description, QStringLiteral("Predict the weather type"));
    QCOMPARE(flow.parameters.size(), 1);
    QCOMPARE(flow.parameters[0].name, QStringLiteral("trees"));
    QCOMPARE(flow.parameters[0].type, ParamType::Int);
    QCOMPARE(dumped(flow.parameters[0].defaultValue), dumped(Json(200)));
    QCOMPARE(flow.parameters[0].description, QStringLiteral("forest size"));

    QCOMPARE(flow.steps.size(), 3);
    const Step& fetch = flow.steps[0];
    QCOMPARE(fetch.id, QStringLiteral("fetch"));
    QCOMPARE(fetch.title, QStringLiteral("Fetch data"));
    QCOMPARE(fetch.kind, StepKind::Shell);
    QCOMPARE(fetch.command, QStringLiteral("cp \"$SOURCE\" \"$CAIRN_OUTPUT_DIR/weather.csv\""));
    const QList<QPair<QString, QString>> env{{QStringLiteral("SOURCE"),
                                              QStringLiteral("/usr/share/example.csv")},
                                             {QStringLiteral("A"), QStringLiteral("1")}};
    QCOMPARE(fetch.env, env);
    QCOMPARE(fetch.inputs, QStringList{QStringLiteral("data/raw.csv")});
    QCOMPARE(fetch.outputs, QStringList{QStringLiteral("out.txt")});
    QCOMPARE(fetch.retries, 3);
    QCOMPARE(fetch.timeoutS, 2.5);
    QCOMPARE(fetch.cache, false);
    QCOMPARE(fetch.cacheVersion, QStringLiteral("v2"));
    QCOMPARE(fetch.position, QPointF(10, -20.5));

    const Step& train = flow.steps[1];
    QCOMPARE(train.kind, StepKind::Python);
    QCOMPARE(train.script, QStringLiteral("print(1)"));
    QCOMPARE(train.interpreter, QStringLiteral("python3.11"));
    QCOMPARE(train.params, QStringList{QStringLiteral("trees")});
    QCOMPARE(train.retries, 0);
    QCOMPARE(train.cache, true);

    const Step& run = flow.steps[2];
    QCOMPARE(run.kind, StepKind::Script);
    QCOMPARE(run.path, QStringLiteral("bin/run.sh"));
    QCOMPARE(run.args, (QStringList{QStringLiteral("-n"), QStringLiteral("{{trees}}")}));

    QCOMPARE(flow.edges.size(), 2);
    QCOMPARE(flow.edges[1].from, QStringLiteral("train"));
    QCOMPARE(flow.edges[1].to, QStringLiteral("run"));
    QVERIFY(flow.filePath.isEmpty());
}

void TestFlow::parseErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("message");  // a fragment the message must contain
    QTest::addColumn<QString>("hint");     // a fragment the hint must contain

    QTest::newRow("not JSON") << QByteArray("{\"format\": ") << QString()
                              << "Not valid JSON at line 1, column 12" << "JSON syntax";
    QTest::newRow("empty file") << QByteArray() << QString() << "Not valid JSON at line 1"
                                << "JSON syntax";
    QTest::newRow("top level is a list") << QByteArray("[1, 2]") << QString()
                                         << "is a list, but a flow is a JSON object"
                                         << "\"format\": \"cairn.flow\"";
    QTest::newRow("top level is a string") << QByteArray("\"flow\"") << QString()
                                           << "is a string" << "{";
    QTest::newRow("missing format") << QByteArray(R"({"version": 1, "steps": []})")
                                    << "format" << "Missing \"format\"" << "cairn.flow";
    QTest::newRow("wrong format") << QByteArray(R"({"format": "dvc", "version": 1})")
                                  << "format" << "\"dvc\"" << "cairn.flow";
    QTest::newRow("format not a string") << QByteArray(R"({"format": 1, "version": 1})")
                                         << "format" << "Unknown format 1" << "cairn.flow";
    QTest::newRow("missing version") << QByteArray(R"({"format": "cairn.flow"})") << "version"
                                     << "Supported versions: 1" << "\"version\": 1";
    QTest::newRow("unsupported version")
        << QByteArray(R"({"format": "cairn.flow", "version": 2})") << "version"
        << "Unsupported version 2. Supported versions: 1" << "release";
    QTest::newRow("version is a string")
        << QByteArray(R"({"format": "cairn.flow", "version": "1"})") << "version"
        << "Supported versions: 1" << "without quotes";
    QTest::newRow("name not a string")
        << QByteArray(R"({"format": "cairn.flow", "version": 1, "name": 3})") << "name"
        << "expected a string, found an integer" << "double quotes";
    QTest::newRow("steps not a list")
        << QByteArray(R"({"format": "cairn.flow", "version": 1, "steps": {}})") << "steps"
        << "expected a list, found an object" << "[]";
    QTest::newRow("step not an object")
        << QByteArray(R"({"format": "cairn.flow", "version": 1, "steps": ["a"]})")
        << "steps[0]" << "expected an object, found a string" << "{}";
    QTest::newRow("parameters not a list")
        << QByteArray(R"({"format": "cairn.flow", "version": 1, "parameters": "x"})")
        << "parameters" << "expected a list" << "[]";
    QTest::newRow("edges not a list")
        << QByteArray(R"({"format": "cairn.flow", "version": 1, "edges": 1})") << "edges"
        << "expected a list" << "[]";
    QTest::newRow("top ui not an object")
        << QByteArray(R"({"format": "cairn.flow", "version": 1, "ui": []})") << "ui"
        << "expected an object, found a list" << "{}";
    QTest::newRow("retries is a string") << oneStepFlow(R"("retries": "2")")
                                         << "steps[0].retries"
                                         << "expected an integer, found a string"
                                         << "whole number";
    QTest::newRow("retries has a fraction") << oneStepFlow(R"("retries": 1.5)")
                                            << "steps[0].retries"
                                            << "found a number with a fraction"
                                            << "whole number";
    QTest::newRow("retries too large") << oneStepFlow(R"("retries": 9999999999)")
                                       << "steps[0].retries" << "too large" << "smaller";
    QTest::newRow("timeout is a string") << oneStepFlow(R"("timeout_s": "10")")
                                         << "steps[0].timeout_s" << "expected a number"
                                         << "2.5";
    QTest::newRow("cache is a string") << oneStepFlow(R"("cache": "yes")") << "steps[0].cache"
                                       << "expected true or false" << "true or false";
    QTest::newRow("title is null") << oneStepFlow(R"("title": null)") << "steps[0].title"
                                   << "found null" << "double quotes";
    QTest::newRow("cache_version is a number") << oneStepFlow(R"("cache_version": 2)")
                                               << "steps[0].cache_version"
                                               << "expected a string" << "double quotes";
    QTest::newRow("args not a list") << oneStepFlow(R"("args": "-v")") << "steps[0].args"
                                     << "expected a list of strings" << "[\"a\", \"b\"]";
    QTest::newRow("args element a number") << oneStepFlow(R"("args": ["-n", 3])")
                                           << "steps[0].args[1]"
                                           << "expected a string, found an integer"
                                           << "double quotes";
    QTest::newRow("inputs element an object") << oneStepFlow(R"("inputs": [{}])")
                                              << "steps[0].inputs[0]" << "found an object"
                                              << "double quotes";
    QTest::newRow("outputs not a list") << oneStepFlow(R"("outputs": {})")
                                        << "steps[0].outputs" << "list of strings" << "[";
    QTest::newRow("params element a bool") << oneStepFlow(R"("params": [true])")
                                           << "steps[0].params[0]" << "found a boolean"
                                           << "double quotes";
    QTest::newRow("env not an object") << oneStepFlow(R"("env": ["A=1"])") << "steps[0].env"
                                       << "expected an object" << "{}";
    QTest::newRow("env value a number") << oneStepFlow(R"("env": {"THREADS": 4})")
                                        << "steps[0].env.THREADS" << "expected a string"
                                        << "double quotes";
    QTest::newRow("env name with a dot") << oneStepFlow(R"("env": {"a.b": false})")
                                         << "steps[0].env[\"a.b\"]" << "found a boolean"
                                         << "double quotes";
    QTest::newRow("ui not an object") << oneStepFlow(R"("ui": [0, 0])") << "steps[0].ui"
                                      << "expected an object" << "{}";
    QTest::newRow("ui.x a string") << oneStepFlow(R"("ui": {"x": "10", "y": 0})")
                                   << "steps[0].ui.x" << "expected a number" << "2.5";
    QTest::newRow("id a number")
        << QByteArray(R"({"format": "cairn.flow", "version": 1, "steps": )"
                      R"([{"id": 7, "kind": "shell", "command": "true"}]})")
        << "steps[0].id" << "expected a string, found an integer" << "double quotes";
    QTest::newRow("unknown kind")
        << QByteArray(R"({"format": "cairn.flow", "version": 1, "steps": )"
                      R"([{"id": "a", "kind": "bash", "command": "true"}]})")
        << "steps[0].kind" << "Unknown step kind \"bash\"" << "shell, python, script";
    QTest::newRow("missing kind")
        << QByteArray(R"({"format": "cairn.flow", "version": 1, "steps": )"
                      R"([{"id": "a", "command": "true"}]})")
        << "steps[0].kind" << "no kind" << "shell, python, script";
    QTest::newRow("parameter bad type")
        << QByteArray(R"({"format": "cairn.flow", "version": 1, "parameters": )"
                      R"([{"name": "n", "type": "integer", "default": 1}]})")
        << "parameters[0].type" << "Unknown parameter type \"integer\""
        << "string, int, float, bool";
    QTest::newRow("parameter missing type")
        << QByteArray(R"({"format": "cairn.flow", "version": 1, "parameters": )"
                      R"([{"name": "n"}]})")
        << "parameters[0].type" << "no type" << "string, int, float, bool";
    QTest::newRow("parameter type a number")
        << QByteArray(R"({"format": "cairn.flow", "version": 1, "parameters": )"
                      R"([{"name": "n", "type": 1}]})")
        << "parameters[0].type" << "expected a string" << "double quotes";
    QTest::newRow("parameter name a list")
        << QByteArray(R"({"format": "cairn.flow", "version": 1, "parameters": )"
                      R"([{"name": ["n"], "type": "int"}]})")
        << "parameters[0].name" << "expected a string, found a list" << "double quotes";
    QTest::newRow("parameter not an object")
        << QByteArray(R"({"format": "cairn.flow", "version": 1, "parameters": [3]})")
        << "parameters[0]" << "expected an object" << "{}";
    QTest::newRow("edge from a number")
        << QByteArray(R"({"format": "cairn.flow", "version": 1, "steps": )"
                      R"([{"id": "a", "kind": "shell", "command": "true"}], )"
                      R"("edges": [{"from": 1, "to": "a"}]})")
        << "edges[0].from" << "expected a string" << "double quotes";
    QTest::newRow("edge not an object")
        << QByteArray(R"({"format": "cairn.flow", "version": 1, "edges": ["a->b"]})")
        << "edges[0]" << "expected an object" << "{}";
}

void TestFlow::parseErrors()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, path);
    QFETCH(QString, message);
    QFETCH(QString, hint);

    Flow flow;
    QList<FlowIssue> issues;
    QVERIFY(!parseFlow(json, QStringLiteral("case.json"), &flow, &issues));
    QVERIFY2(issues.size() == 1, qPrintable(joinIssues(issues)));
    QCOMPARE(issues[0].path, path);
    QVERIFY2(issues[0].message.contains(message), qPrintable(issues[0].message));
    QVERIFY2(issues[0].hint.contains(hint), qPrintable(issues[0].hint));
    if (path.isEmpty())
        QVERIFY2(issues[0].message.startsWith(QStringLiteral("case.json: ")),
                 qPrintable(issues[0].message));
}

void TestFlow::parseReportsEveryError()
{
    Flow flow;
    QList<FlowIssue> issues;
    QVERIFY(!loadFlow(flowsDir() + QStringLiteral("/many-errors.flow.json"), &flow, &issues));

    const QStringList expected{
        QStringLiteral("version"),            // missing
        QStringLiteral("parameters[0].type"), // "integer"
        QStringLiteral("steps[0].retries"),   // a string
        QStringLiteral("steps[3].kind"),      // "rust"
        QStringLiteral("parameters[1].default"),
        QStringLiteral("steps[1].id"),        // "bad id"
        QStringLiteral("steps[2].id"),        // second "fetch"
        QStringLiteral("steps[4].script"),    // {{epochs}}
        QStringLiteral("steps[5].path"),      // empty
        QStringLiteral("steps[5].params[0]"), // unknown "colour"
        QStringLiteral("edges[0].to"),        // "nowhere"
        QStringLiteral("edges[1]"),           // train -> train
        QStringLiteral("edges[3]"),           // train -> plot -> train
    };
    QCOMPARE(issuePaths(issues), expected);
    QVERIFY(issues[6].message.contains(QStringLiteral("steps[0]")));
    QVERIFY(issues[12].message.contains(QStringLiteral("train → plot → train")));

    // The flow is filled as far as it could be read.
    QCOMPARE(flow.steps.size(), 6);
    QCOMPARE(flow.edges.size(), 4);
    QVERIFY(flow.filePath.endsWith(QStringLiteral("many-errors.flow.json")));
}

void TestFlow::wrongTypeReportedOnce()
{
    // validateFlow would also find each of these missing, but only the type error counts.
    const QByteArray json = R"({"format": "cairn.flow", "version": 1,
        "parameters": [{"name": 5, "type": "int"}],
        "steps": [{"id": 7, "kind": "shell", "command": 1},
                  {"id": "b", "kind": "shell", "command": "true", "params": [2]}],
        "edges": [{"from": "b", "to": null}, 4]})";
    Flow flow;
    QList<FlowIssue> issues;
    QVERIFY(!parseFlow(json, QString(), &flow, &issues));
    const QStringList expected{
        QStringLiteral("parameters[0].name"), QStringLiteral("steps[0].id"),
        QStringLiteral("steps[0].command"),   QStringLiteral("steps[1].params[0]"),
        QStringLiteral("edges[0].to"),        QStringLiteral("edges[1]"),
    };
    QCOMPARE(issuePaths(issues), expected);
}

void TestFlow::unknownKindHidesMissingCommand()
{
    const QByteArray json = R"({"format": "cairn.flow", "version": 1,
        "steps": [{"id": "a", "kind": "R", "script": "x"}, {"id": "b", "kind": "shell"}]})";
    Flow flow;
    QList<FlowIssue> issues;
    QVERIFY(!parseFlow(json, QString(), &flow, &issues));
    QCOMPARE(issuePaths(issues),
             (QStringList{QStringLiteral("steps[0].kind"), QStringLiteral("steps[1].command")}));
}

void TestFlow::unsupportedVersionStopsParsing()
{
    const QByteArray json = R"({"format": "cairn.flow", "version": 3,
        "steps": [{"id": "a b", "kind": "julia", "retries": "x"}]})";
    Flow flow;
    QList<FlowIssue> issues;
    QVERIFY(!parseFlow(json, QString(), &flow, &issues));
    QCOMPARE(issuePaths(issues), QStringList{QStringLiteral("version")});
    QVERIFY(issues[0].message.contains(QStringLiteral("Unsupported version 3")));
    QVERIFY(flow.steps.isEmpty());
}

void TestFlow::notJsonPosition_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("position");

    QTest::newRow("first line") << QByteArray("{x}") << "line 1, column 2";
    QTest::newRow("third line") << QByteArray("{\n  \"a\": 1,\n  \"b\" 2\n}") << "line 3, column 7";
    // The position is that of the last character read: the end of the unexpected "b".
    QTest::newRow("missing comma") << QByteArray("{\n  \"a\": 1\n  \"b\": 2\n}")
                                   << "line 3, column 5";
    QTest::newRow("column counts characters") << QByteArray("{\"é→\": tru }")
                                              << "line 1, column 11";
    // The lexer's "last read" echo is cut out, and what it expected is kept.
    QTest::newRow("unquoted key") << QByteArray("{\n  nope: 1}")
                                  << "line 2, column 4: syntax error while parsing object key "
                                     "- invalid literal; expected string literal.";
    QTest::newRow("unterminated")
        << QByteArray("{\"format\": \"cairn.flow\",\n\"steps\": [\n") << "line 3, column 1";
}

void TestFlow::notJsonPosition()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, position);
    Flow flow;
    QList<FlowIssue> issues;
    QVERIFY(!parseFlow(json, QString(), &flow, &issues));
    QCOMPARE(issues.size(), 1);
    QCOMPARE(issues[0].path, QString());
    QVERIFY2(issues[0].message.contains(QStringLiteral("at ") + position),
             qPrintable(issues[0].message));
    QVERIFY2(!issues[0].message.contains(QStringLiteral("json.exception")),
             qPrintable(issues[0].message));
    QVERIFY2(!issues[0].message.contains(QStringLiteral("last read")),
             qPrintable(issues[0].message));
}

void TestFlow::roundTripIsByteIdentical()
{
    const QString path = flowsDir() + QStringLiteral("/unknown-keys.flow.json");
    Flow flow;
    QList<FlowIssue> issues;
    QVERIFY2(loadFlow(path, &flow, &issues), qPrintable(joinIssues(issues)));
    QCOMPARE(serializeFlow(flow), test::readFile(path));
}

void TestFlow::roundTripKeepsUnknownValues()
{
    Flow flow;
    QList<FlowIssue> issues;
    QVERIFY(loadFlow(flowsDir() + QStringLiteral("/unknown-keys.flow.json"), &flow, &issues));

    // Edit everything known, then check that the unknown keys survive in place.
    flow.name = QStringLiteral("renamed");
    flow.parameters[0].description = QStringLiteral("trees in the forest");
    flow.steps[0].env.append({QStringLiteral("NEW"), QStringLiteral("1")});
    flow.steps[0].position = QPointF(5, 6);
    flow.edges[0].to = QStringLiteral("report");

    Flow reloaded;
    QVERIFY2(parseFlow(serializeFlow(flow), QString(), &reloaded, &issues),
             qPrintable(joinIssues(issues)));
    const Json& raw = reloaded.raw;
    QCOMPARE(dumped(raw["x-generator"]["rev"]), dumped(Json(3)));
    QCOMPARE(dumped(raw["x-trailer"]), dumped(Json("kept")));
    QCOMPARE(dumped(raw["ui"]["zoom"]), dumped(Json(1.25)));
    QCOMPARE(dumped(reloaded.parameters[0].raw["x-widget"]), dumped(Json("slider")));
    QVERIFY(reloaded.parameters[2].raw.contains("x-note"));
    QVERIFY(reloaded.parameters[2].raw["x-note"].is_null());
    QCOMPARE(dumped(reloaded.steps[0].raw["x-colour"]), dumped(Json("#ff8800")));
    QCOMPARE(dumped(reloaded.steps[0].raw["ui"]["collapsed"]), dumped(Json(false)));
    QCOMPARE(dumped(reloaded.steps[1].raw["x-owner"]), dumped(Json("ml")));
    QCOMPARE(dumped(reloaded.edges[0].raw["x-label"]), dumped(Json("csv")));

    QStringList topKeys;
    for (auto it = raw.begin(); it != raw.end(); ++it)
        topKeys.append(QString::fromStdString(it.key()));
    const QStringList expectedKeys{"format", "version", "x-generator", "name", "description",
                                   "parameters", "steps", "edges", "ui", "x-trailer"};
    QCOMPARE(topKeys, expectedKeys);

    QCOMPARE(reloaded.name, QStringLiteral("renamed"));
    QCOMPARE(reloaded.parameters[0].description, QStringLiteral("trees in the forest"));
    QCOMPARE(reloaded.steps[0].env.size(), 3);
    QCOMPARE(reloaded.steps[0].position, QPointF(5, 6));
    QCOMPARE(reloaded.edges[0].to, QStringLiteral("report"));
}

void TestFlow::editChangesOnlyThatField_data()
{
    QTest::addColumn<QString>("edit");
    QTest::addColumn<QByteArray>("before");  // text of the fixture, found exactly once
    QTest::addColumn<QByteArray>("after");

    QTest::newRow("step retries") << "retries" << QByteArray("\"retries\": 2,")
                                  << QByteArray("\"retries\": 3,");
    QTest::newRow("step title") << "title" << QByteArray("\"title\": \"Fetch data\"")
                                << QByteArray("\"title\": \"Download\"");
    QTest::newRow("step position") << "position" << QByteArray("\"x\": 240,")
                                   << QByteArray("\"x\": 300,");
    QTest::newRow("step cache") << "cache" << QByteArray("\"cache\": true,")
                                << QByteArray("\"cache\": false,");
    QTest::newRow("step timeout") << "timeout" << QByteArray("\"timeout_s\": 1.5,")
                                  << QByteArray("\"timeout_s\": 60,");
    QTest::newRow("parameter default") << "default" << QByteArray("\"default\": 200,")
                                       << QByteArray("\"default\": 300,");
    QTest::newRow("parameter type") << "type" << QByteArray("\"type\": \"float\"")
                                    << QByteArray("\"type\": \"string\"");
    QTest::newRow("edge from") << "edge" << QByteArray("\"from\": \"train\"")
                               << QByteArray("\"from\": \"fetch\"");
    QTest::newRow("flow name") << "name" << QByteArray("\"name\": \"weather\"")
                               << QByteArray("\"name\": \"climate\"");
    QTest::newRow("env value") << "env" << QByteArray("\"LANG\": \"C\"")
                               << QByteArray("\"LANG\": \"C.UTF-8\"");
}

void TestFlow::editChangesOnlyThatField()
{
    QFETCH(QString, edit);
    QFETCH(QByteArray, before);
    QFETCH(QByteArray, after);

    const QString path = flowsDir() + QStringLiteral("/unknown-keys.flow.json");
    const QByteArray original = test::readFile(path);
    QCOMPARE(original.count(before), 1);
    Flow flow;
    QList<FlowIssue> issues;
    QVERIFY(loadFlow(path, &flow, &issues));

    if (edit == u"retries")
        flow.steps[1].retries = 3;
    else if (edit == u"title")
        flow.steps[0].title = QStringLiteral("Download");
    else if (edit == u"position")
        flow.steps[1].position.setX(300);
    else if (edit == u"cache")
        flow.steps[0].cache = false;
    else if (edit == u"timeout")
        flow.steps[1].timeoutS = 60;
    else if (edit == u"default")
        flow.parameters[0].defaultValue = 300;
    else if (edit == u"type")
        flow.parameters[1].type = ParamType::String;
    else if (edit == u"edge")
        flow.edges[1].from = QStringLiteral("fetch");
    else if (edit == u"name")
        flow.name = QStringLiteral("climate");
    else if (edit == u"env")
        flow.steps[0].env[1].second = QStringLiteral("C.UTF-8");
    else
        QFAIL("unknown edit");

    QByteArray expected = original;
    expected.replace(before, after);
    QCOMPARE(serializeFlow(flow), expected);
}

void TestFlow::defaultFieldNotAdded()
{
    const QByteArray json = oneStepFlow(QByteArray());
    Flow flow;
    QList<FlowIssue> issues;
    QVERIFY(parseFlow(json, QString(), &flow, &issues));
    const Json written = Json::parse(serializeFlow(flow).toStdString());
    QCOMPARE(dumped(written), dumped(Json::parse(json.toStdString())));
    QVERIFY(!written.contains("parameters"));
    QVERIFY(!written.contains("edges"));
    QVERIFY(!written["steps"][0].contains("retries"));
    QVERIFY(!written["steps"][0].contains("ui"));

    // A field set away from its default is added after the keys the step had.
    flow.steps[0].retries = 2;
    flow.steps[0].position = QPointF(40, 0);
    const QByteArray text = serializeFlow(flow);
    const Json step = Json::parse(text.toStdString())["steps"][0];
    QStringList keys;
    for (auto it = step.begin(); it != step.end(); ++it)
        keys.append(QString::fromStdString(it.key()));
    QCOMPARE(keys, (QStringList{"id", "kind", "command", "retries", "ui"}));
    QCOMPARE(dumped(step["retries"]), dumped(Json(2)));
    QCOMPARE(step["ui"].dump(), std::string(R"({"x":40,"y":0})"));
}

void TestFlow::newStepWritesNonDefaults_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("shell") << int(StepKind::Shell)
                           << QByteArray(R"({"id":"n","kind":"shell","command":"",)"
                                         R"("ui":{"x":12.5,"y":-4}})");
    QTest::newRow("python") << int(StepKind::Python)
                            << QByteArray(R"({"id":"n","kind":"python","script":"",)"
                                          R"("ui":{"x":12.5,"y":-4}})");
    QTest::newRow("script") << int(StepKind::Script)
                            << QByteArray(R"({"id":"n","kind":"script","path":"",)"
                                          R"("ui":{"x":12.5,"y":-4}})");
}

void TestFlow::newStepWritesNonDefaults()
{
    QFETCH(int, kind);
    QFETCH(QByteArray, expected);

    Flow flow;
    Step step;
    step.id = QStringLiteral("n");
    step.kind = StepKind(kind);
    step.position = QPointF(12.5, -4);
    flow.steps.append(step);
    Json written = Json::parse(serializeFlow(flow).toStdString());
    QCOMPARE(QByteArray::fromStdString(written["steps"][0].dump()), expected);

    // Non-default fields follow the kind's text field, in the order of the format.
    step.title = QStringLiteral("New");
    step.retries = 1;
    step.cache = false;
    step.env = {{QStringLiteral("K"), QStringLiteral("v")}};
    flow.steps[0] = step;
    written = Json::parse(serializeFlow(flow).toStdString());
    QStringList keys;
    for (auto it = written["steps"][0].begin(); it != written["steps"][0].end(); ++it)
        keys.append(QString::fromStdString(it.key()));
    const QString textField = kind == int(StepKind::Shell) ? QStringLiteral("command")
        : kind == int(StepKind::Python)                      ? QStringLiteral("script")
                                                             : QStringLiteral("path");
    QCOMPARE(keys, (QStringList{"id", "title", "kind", textField, "env", "retries", "cache",
                                "ui"}));
}

void TestFlow::newFlowSerialization()
{
    Flow flow;
    flow.name = QStringLiteral("demo");
    Parameter parameter;
    parameter.name = QStringLiteral("n");
    parameter.type = ParamType::Int;
    parameter.defaultValue = 3;
    flow.parameters.append(parameter);
    Step step;
    step.id = QStringLiteral("hello");
    step.command = QStringLiteral("echo {{n}}");
    flow.steps.append(step);

    const QByteArray expected = R"({
  "format": "cairn.flow",
  "version": 1,
  "name": "demo",
  "parameters": [
    {
      "name": "n",
      "type": "int",
      "default": 3
    }
  ],
  "steps": [
    {
      "id": "hello",
      "kind": "shell",
      "command": "echo {{n}}",
      "ui": {
        "x": 0,
        "y": 0
      }
    }
  ],
  "edges": []
}
)";
    QCOMPARE(serializeFlow(flow), expected);

    Flow reloaded;
    QList<FlowIssue> issues;
    QVERIFY2(parseFlow(expected, QString(), &reloaded, &issues), qPrintable(joinIssues(issues)));
    QCOMPARE(serializeFlow(reloaded), expected);
}

void TestFlow::serializeKeepsUtf8Unescaped()
{
    Flow flow;
    Step step;
    step.id = QStringLiteral("greet");
    step.title = QStringLiteral("天气 → ok");
    step.command = QStringLiteral("printf 'a\\tb'\necho \"é\"");
    flow.steps.append(step);
    const QByteArray text = serializeFlow(flow);
    QVERIFY2(text.contains("\"title\": \"天气 → ok\""), text.constData());
    QVERIFY2(text.contains(R"("command": "printf 'a\\tb'\necho \"é\"")"), text.constData());
    QVERIFY(text.endsWith("}\n"));

    Flow reloaded;
    QList<FlowIssue> issues;
    QVERIFY(parseFlow(text, QString(), &reloaded, &issues));
    QCOMPARE(reloaded.steps[0].title, step.title);
    QCOMPARE(reloaded.steps[0].command, step.command);
}

void TestFlow::saveThenLoad()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Flow flow;
    QList<FlowIssue> issues;
    QVERIFY(loadFlow(flowsDir() + QStringLiteral("/unknown-keys.flow.json"), &flow, &issues));

    const QString path = dir.filePath(QStringLiteral("copy.json"));
    QString error;
    QVERIFY2(saveFlow(flow, path, &error), qPrintable(error));
    QCOMPARE(test::readFile(path), serializeFlow(flow));

    // A relative path is made absolute, and the flow's folder is the file's folder.
    const QString previousDir = QDir::currentPath();
    QDir::setCurrent(dir.path());
    Flow loaded;
    const bool loadedOk = loadFlow(QStringLiteral("copy.json"), &loaded, &issues);
    QDir::setCurrent(previousDir);
    QVERIFY2(loadedOk, qPrintable(joinIssues(issues)));
    QCOMPARE(loaded.filePath, QDir(dir.path()).absoluteFilePath(QStringLiteral("copy.json")));
    QCOMPARE(loaded.directory(), QDir(dir.path()).absolutePath());
    QCOMPARE(serializeFlow(loaded), serializeFlow(flow));
}

void TestFlow::saveFailureNamesFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("missing-folder/flow.json"));
    QString error;
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("saving .* failed")));
    QVERIFY(!saveFlow(Flow(), path, &error));
    QVERIFY2(error.contains(path), qPrintable(error));
    QVERIFY(!QFile::exists(path));
}

void TestFlow::loadMissingFileNamesFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("absent.json"));
    Flow flow;
    QList<FlowIssue> issues;
    QVERIFY(!loadFlow(path, &flow, &issues));
    QCOMPARE(issues.size(), 1);
    QVERIFY2(issues[0].message.contains(path), qPrintable(issues[0].message));
}

void TestFlow::directoryWithoutFilePath()
{
    Flow flow;
    QCOMPARE(flow.directory(), QDir::currentPath());
    flow.filePath = QStringLiteral("/srv/flows/weather.json");
    QCOMPARE(flow.directory(), QStringLiteral("/srv/flows"));
}

void TestFlow::lookups()
{
    Flow flow;
    QList<FlowIssue> issues;
    QVERIFY(loadFlow(flowsDir() + QStringLiteral("/unknown-keys.flow.json"), &flow, &issues));
    QCOMPARE(flow.stepIndex(QStringLiteral("report")), 2);
    QCOMPARE(flow.stepIndex(QStringLiteral("nothing")), -1);
    QVERIFY(flow.step(QStringLiteral("train")));
    QCOMPARE(flow.step(QStringLiteral("train"))->kind, StepKind::Python);
    QCOMPARE(flow.step(QStringLiteral("nothing")), nullptr);
    QVERIFY(flow.parameter(QStringLiteral("rate")));
    QCOMPARE(flow.parameter(QStringLiteral("rate"))->type, ParamType::Float);
    QCOMPARE(flow.parameter(QStringLiteral("fetch")), nullptr);
}

void TestFlow::defaultParamsSkipNull()
{
    Flow flow;
    Parameter trees;
    trees.name = QStringLiteral("trees");
    trees.type = ParamType::Int;
    trees.defaultValue = 200;
    Parameter label;
    label.name = QStringLiteral("label");
    Parameter rate;
    rate.name = QStringLiteral("rate");
    rate.type = ParamType::Float;
    rate.defaultValue = 2;  // written as an integer in the file
    flow.parameters = {trees, label, rate};

    const ParamValues values = flow.defaultParams();
    QCOMPARE(values.keys(), (QStringList{"rate", "trees"}));
    QCOMPARE(dumped(values.value(QStringLiteral("trees"))), dumped(Json(200)));
    QVERIFY(values.value(QStringLiteral("trees")).is_number_integer());
    QVERIFY(values.value(QStringLiteral("rate")).is_number_float());
    QCOMPARE(values.value(QStringLiteral("rate")).get<double>(), 2.0);
}

void TestFlow::parseParamValue_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("expected");  // compact JSON

    QTest::newRow("int") << int(ParamType::Int) << "300" << QByteArray("300");
    QTest::newRow("negative int") << int(ParamType::Int) << "-7" << QByteArray("-7");
    QTest::newRow("int with spaces") << int(ParamType::Int) << " 12 " << QByteArray("12");
    QTest::newRow("float") << int(ParamType::Float) << "0.5" << QByteArray("0.5");
    QTest::newRow("float exponent") << int(ParamType::Float) << "1e-3" << QByteArray("0.001");
    QTest::newRow("float from integer text") << int(ParamType::Float) << "3"
                                             << QByteArray("3.0");
    QTest::newRow("bool true") << int(ParamType::Bool) << "true" << QByteArray("true");
    QTest::newRow("bool false") << int(ParamType::Bool) << "false" << QByteArray("false");
    QTest::newRow("bool 1") << int(ParamType::Bool) << "1" << QByteArray("true");
    QTest::newRow("bool 0") << int(ParamType::Bool) << "0" << QByteArray("false");
    QTest::newRow("bool yes") << int(ParamType::Bool) << "yes" << QByteArray("true");
    QTest::newRow("bool no") << int(ParamType::Bool) << "no" << QByteArray("false");
    QTest::newRow("bool upper case") << int(ParamType::Bool) << "TRUE" << QByteArray("true");
    QTest::newRow("string") << int(ParamType::String) << " a b " << QByteArray("\" a b \"");
    QTest::newRow("empty string") << int(ParamType::String) << "" << QByteArray("\"\"");
    QTest::newRow("string of digits") << int(ParamType::String) << "42" << QByteArray("\"42\"");
}

void TestFlow::parseParamValue()
{
    QFETCH(int, type);
    QFETCH(QString, text);
    QFETCH(QByteArray, expected);

    Parameter parameter;
    parameter.name = QStringLiteral("p");
    parameter.type = ParamType(type);
    Json value;
    QString error;
    QVERIFY2(cairn::parseParamValue(parameter, text, &value, &error), qPrintable(error));
    QCOMPARE(QByteArray::fromStdString(value.dump()), expected);
    QVERIFY(cairn::valueMatchesType(value, parameter.type));
}

void TestFlow::parseParamValueErrors_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("text");

    QTest::newRow("int from word") << int(ParamType::Int) << "many";
    QTest::newRow("int from float") << int(ParamType::Int) << "2.5";
    QTest::newRow("int empty") << int(ParamType::Int) << "";
    QTest::newRow("int overflow") << int(ParamType::Int) << "99999999999999999999";
    QTest::newRow("float from word") << int(ParamType::Float) << "half";
    QTest::newRow("float nan") << int(ParamType::Float) << "nan";
    QTest::newRow("float inf") << int(ParamType::Float) << "inf";
    QTest::newRow("bool from word") << int(ParamType::Bool) << "maybe";
    QTest::newRow("bool 2") << int(ParamType::Bool) << "2";
}

void TestFlow::parseParamValueErrors()
{
    QFETCH(int, type);
    QFETCH(QString, text);

    Parameter parameter;
    parameter.name = QStringLiteral("trees");
    parameter.type = ParamType(type);
    Json value = "unchanged";
    QString error;
    QVERIFY(!cairn::parseParamValue(parameter, text, &value, &error));
    QCOMPARE(dumped(value), dumped(Json("unchanged")));
    QVERIFY2(error.contains(QStringLiteral("trees")), qPrintable(error));
    QVERIFY2(error.contains(QLatin1Char('"') + text + QLatin1Char('"')), qPrintable(error));
    QVERIFY2(error.contains(paramTypeName(parameter.type)), qPrintable(error));
}

void TestFlow::valueMatchesType_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("type");
    QTest::addColumn<bool>("matches");

    QTest::newRow("int as int") << QByteArray("3") << int(ParamType::Int) << true;
    QTest::newRow("negative int as int") << QByteArray("-3") << int(ParamType::Int) << true;
    QTest::newRow("float as int") << QByteArray("3.5") << int(ParamType::Int) << false;
    QTest::newRow("string as int") << QByteArray("\"3\"") << int(ParamType::Int) << false;
    QTest::newRow("int as float") << QByteArray("3") << int(ParamType::Float) << true;
    QTest::newRow("float as float") << QByteArray("0.25") << int(ParamType::Float) << true;
    QTest::newRow("bool as float") << QByteArray("true") << int(ParamType::Float) << false;
    QTest::newRow("bool as bool") << QByteArray("false") << int(ParamType::Bool) << true;
    QTest::newRow("int as bool") << QByteArray("1") << int(ParamType::Bool) << false;
    QTest::newRow("string as string") << QByteArray("\"x\"") << int(ParamType::String) << true;
    QTest::newRow("int as string") << QByteArray("1") << int(ParamType::String) << false;
    QTest::newRow("null as string") << QByteArray("null") << int(ParamType::String) << false;
    QTest::newRow("list as string") << QByteArray("[]") << int(ParamType::String) << false;
}

void TestFlow::valueMatchesType()
{
    QFETCH(QByteArray, json);
    QFETCH(int, type);
    QFETCH(bool, matches);
    QCOMPARE(cairn::valueMatchesType(Json::parse(json.toStdString()), ParamType(type)), matches);
}

void TestFlow::issueToString_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("hint");
    QTest::addColumn<QString>("expected");

    QTest::newRow("all parts") << "steps[3].id" << "Rename it."
                               << "steps[3].id: Bad id. (Rename it.)";
    QTest::newRow("no hint") << "edges[0]" << QString() << "edges[0]: Bad id.";
    QTest::newRow("no path") << QString() << "Fix it." << "Bad id. (Fix it.)";
}

void TestFlow::issueToString()
{
    QFETCH(QString, path);
    QFETCH(QString, hint);
    QFETCH(QString, expected);
    const FlowIssue issue{path, QStringLiteral("Bad id."), hint};
    QCOMPARE(issue.toString(), expected);
}

QTEST_GUILESS_MAIN(TestFlow)
#include "tst_flow.moc"
