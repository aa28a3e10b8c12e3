// The graph-level rules of a flow: ids, kinds, parameters, placeholders, edges and cycles,
// checked through parseFlow (as files are loaded) and validateFlow (as flows are edited).

#include "flow.h"

#include <QTest>

using namespace cairn;

namespace {

QByteArray flowJson(const QByteArray& parameters, const QByteArray& steps,
                    const QByteArray& edges)
{
    return R"({"format": "cairn.flow", "version": 1, "parameters": [)" + parameters
        + R"(], "steps": [)" + steps + R"(], "edges": [)" + edges + "]}";
}

QByteArray shell(const QByteArray& id)
{
    return R"({"id": ")" + id + R"(", "kind": "shell", "command": "true"})";
}

// Steps a, b, c, d (shell) followed by edges.
QByteArray abcd(const QByteArray& edges)
{
    return flowJson({}, shell("a") + ", " + shell("b") + ", " + shell("c") + ", " + shell("d"),
                    edges);
}

QByteArray edge(const QByteArray& from, const QByteArray& to)
{
    return R"({"from": ")" + from + R"(", "to": ")" + to + R"("})";
}

QString joinIssues(const QList<FlowIssue>& issues)
{
    QStringList lines;
    for (const FlowIssue& issue : issues)
        lines.append(issue.toString());
    return lines.join(QLatin1Char('\n'));
}

Step shellStep(const QString& id)
{
    Step step;
    step.id = id;
    step.command = QStringLiteral("true");
    return step;
}

Edge makeEdge(const QString& from, const QString& to)
{
    Edge edge;
    edge.from = from;
    edge.to = to;
    return edge;
}

// A chain s0 → s1 → … → s(count-1), plus an edge back to s0 when closed.
Flow chainFlow(int count, bool closed)
{
    Flow flow;
    for (int i = 0; i < count; ++i)
        flow.steps.append(shellStep(QStringLiteral("s%1").arg(i)));
    for (int i = 0; i + 1 < count; ++i)
        flow.edges.append(makeEdge(QStringLiteral("s%1").arg(i), QStringLiteral("s%1").arg(i + 1)));
    if (closed)
        flow.edges.append(makeEdge(QStringLiteral("s%1").arg(count - 1), QStringLiteral("s0")));
    return flow;
}

}  // namespace

class TestFlowValidate : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void rejects_data();
    void rejects();
    void accepts_data();
    void accepts();
    void everyCycleReported();
    void longCycleShortened();
    void largeFlowValidates();
    void editedFlowValidated();
};

void TestFlowValidate::rejects_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("message");  // a fragment the message must contain
    QTest::addColumn<QString>("hint");     // a fragment the hint must contain

    // Steps.
    QTest::newRow("missing step id")
        << flowJson({}, shell("a") + R"(, {"kind": "shell", "command": "true"})", {})
        << "steps[1].id" << "no id" << "unique id";
    QTest::newRow("empty step id") << flowJson({}, shell(""), {}) << "steps[0].id" << "no id"
                                   << "unique id";
    QTest::newRow("id with a space") << flowJson({}, shell("load data"), {}) << "steps[0].id"
                                     << "Invalid step id \"load data\"" << "load_data";
    QTest::newRow("id starting with a digit") << flowJson({}, shell("1st"), {}) << "steps[0].id"
                                              << "\"1st\"" << "starting with a letter";
    QTest::newRow("id starting with a hyphen") << flowJson({}, shell("-x"), {})
                                               << "steps[0].id" << "\"-x\"" << "_-x";
    QTest::newRow("id with non-ASCII letter") << flowJson({}, shell("données"), {})
                                              << "steps[0].id" << "\"données\"" << "donn_es";
    QTest::newRow("duplicate step id")
        << flowJson({}, shell("a") + ", " + shell("b") + ", " + shell("a"), {}) << "steps[2].id"
        << "Duplicate step id \"a\": steps[0]" << "Rename";
    QTest::newRow("shell without command")
        << flowJson({}, R"({"id": "a", "kind": "shell"})", {}) << "steps[0].command"
        << "Shell step \"a\" has no command" << "command";
    QTest::newRow("shell with blank command")
        << flowJson({}, R"({"id": "a", "kind": "shell", "command": "  \n"})", {})
        << "steps[0].command" << "no command" << "command";
    QTest::newRow("python without script")
        << flowJson({}, R"({"id": "a", "kind": "python", "command": "ls"})", {})
        << "steps[0].script" << "Python step \"a\" has no script" << "script";
    QTest::newRow("script without path")
        << flowJson({}, R"({"id": "a", "kind": "script", "args": ["x"]})", {})
        << "steps[0].path" << "Script step \"a\" has no path" << "relative to the flow";
    QTest::newRow("negative retries")
        << flowJson({}, R"({"id": "a", "kind": "shell", "command": "true", "retries": -1})", {})
        << "steps[0].retries" << "retries -1" << "0 for no retries";
    QTest::newRow("negative timeout")
        << flowJson({}, R"({"id": "a", "kind": "shell", "command": "true", "timeout_s": -0.5})",
                    {})
        << "steps[0].timeout_s" << "timeout_s -0.5" << "0 for no timeout";

    // Edges.
    QTest::newRow("edge to missing step") << abcd(edge("a", "b") + ", " + edge("b", "x"))
                                          << "edges[1].to" << "missing step \"x\""
                                          << "existing step";
    QTest::newRow("edge from missing step") << abcd(edge("zz", "a")) << "edges[0].from"
                                            << "missing step \"zz\"" << "existing step";
    QTest::newRow("edge with empty from") << abcd(R"({"to": "a"})") << "edges[0].from"
                                          << "no \"from\" step" << "existing step";
    QTest::newRow("self edge") << abcd(edge("a", "b") + ", " + edge("c", "c")) << "edges[1]"
                               << "step \"c\" to itself" << "Remove the edge";
    QTest::newRow("duplicate edge")
        << abcd(edge("a", "b") + ", " + edge("b", "c") + ", " + edge("a", "b")) << "edges[2]"
        << "Duplicate edge a → b: edges[0]" << "Remove one";
    QTest::newRow("cycle of three")
        << abcd(edge("a", "b") + ", " + edge("b", "c") + ", " + edge("c", "a")) << "edges[2]"
        << "a → b → c → a" << "Remove one of the edges";
    QTest::newRow("cycle named from its first step")
        << abcd(edge("d", "b") + ", " + edge("c", "d") + ", " + edge("b", "c") + ", "
                + edge("a", "b"))
        << "edges[0]" << "b → c → d → b" << "Remove one of the edges";
    QTest::newRow("cycle of two beside a chain")
        << abcd(edge("a", "b") + ", " + edge("b", "c") + ", " + edge("c", "d") + ", "
                + edge("d", "c"))
        << "edges[3]" << "cycle: c → d → c." << "Remove one of the edges";

    // Parameters.
    QTest::newRow("parameter bad name") << flowJson(R"({"name": "n trees", "type": "int"})",
                                                    shell("a"), {})
                                        << "parameters[0].name"
                                        << "Invalid parameter name \"n trees\"" << "n_trees";
    QTest::newRow("parameter empty name") << flowJson(R"({"name": "", "type": "int"})",
                                                      shell("a"), {})
                                          << "parameters[0].name" << "no name" << "unique";
    QTest::newRow("parameter missing name") << flowJson(R"({"type": "int"})", shell("a"), {})
                                            << "parameters[0].name" << "no name" << "unique";
    QTest::newRow("duplicate parameter")
        << flowJson(R"({"name": "n", "type": "int"}, {"name": "m", "type": "int"}, )"
                    R"({"name": "n", "type": "string"})",
                    shell("a"), {})
        << "parameters[2].name" << "Duplicate parameter name \"n\": parameters[0]" << "Rename";
    QTest::newRow("int default is a string")
        << flowJson(R"({"name": "n", "type": "int", "default": "10"})", shell("a"), {})
        << "parameters[0].default" << "default \"10\" of parameter \"n\" is not of type int"
        << "type int";
    QTest::newRow("int default has a fraction")
        << flowJson(R"({"name": "n", "type": "int", "default": 2.5})", shell("a"), {})
        << "parameters[0].default" << "2.5" << "type int";
    QTest::newRow("bool default is a number")
        << flowJson(R"({"name": "verbose", "type": "bool", "default": 1})", shell("a"), {})
        << "parameters[0].default" << "not of type bool" << "type bool";
    QTest::newRow("string default is a list")
        << flowJson(R"({"name": "s", "type": "string", "default": ["a"]})", shell("a"), {})
        << "parameters[0].default" << "[\"a\"]" << "type string";
    QTest::newRow("float default is a string")
        << flowJson(R"({"name": "rate", "type": "float", "default": "0.1"})", shell("a"), {})
        << "parameters[0].default" << "not of type float" << "type float";

    // Parameter use.
    QTest::newRow("params names unknown parameter")
        << flowJson(R"({"name": "n", "type": "int"})",
                    R"({"id": "a", "kind": "shell", "command": "true", "params": ["n", "m"]})",
                    {})
        << "steps[0].params[1]" << "unknown parameter \"m\"" << "Declare m";
    QTest::newRow("placeholder in command")
        << flowJson(R"({"name": "n", "type": "int"})",
                    R"({"id": "a", "kind": "shell", "command": "echo {{n}} {{trees}} {{trees}}"})",
                    {})
        << "steps[0].command" << "{{trees}} names the unknown parameter \"trees\""
        << "Declare trees";
    QTest::newRow("placeholder with spaces")
        << flowJson({}, R"({"id": "a", "kind": "shell", "command": "echo {{ depth }}"})", {})
        << "steps[0].command" << "{{depth}} names the unknown parameter \"depth\""
        << "Declare depth";
    QTest::newRow("placeholder in script")
        << flowJson({}, R"json({"id": "a", "kind": "python", "script": "print({{depth}})"})json", {})
        << "steps[0].script" << "\"depth\"" << "step \"a\"";
    QTest::newRow("placeholder in args")
        << flowJson({}, R"({"id": "a", "kind": "script", "path": "r.sh", "args": ["-v", "{{lr}}"]})",
                    {})
        << "steps[0].args[1]" << "\"lr\"" << "Declare lr";
    QTest::newRow("placeholder in leftover command of python step")
        << flowJson({}, R"({"id": "a", "kind": "python", "script": "1", "command": "{{x}}"})",
                    {})
        << "steps[0].command" << "\"x\"" << "Declare x";
}

void TestFlowValidate::rejects()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, path);
    QFETCH(QString, message);
    QFETCH(QString, hint);

    Flow flow;
    QList<FlowIssue> issues;
    QVERIFY(!parseFlow(json, QString(), &flow, &issues));
    QVERIFY2(issues.size() == 1, qPrintable(joinIssues(issues)));
    QCOMPARE(issues[0].path, path);
    QVERIFY2(issues[0].message.contains(message), qPrintable(issues[0].message));
    QVERIFY2(issues[0].hint.contains(hint), qPrintable(issues[0].hint));

    // parseFlow reports what validateFlow finds on the parsed flow.
    const QList<FlowIssue> validated = validateFlow(flow);
    QCOMPARE(validated.size(), 1);
    QCOMPARE(validated[0].toString(), issues[0].toString());
}

void TestFlowValidate::accepts_data()
{
    QTest::addColumn<QByteArray>("json");

    QTest::newRow("empty flow") << flowJson({}, {}, {});
    QTest::newRow("diamond") << abcd(edge("a", "b") + ", " + edge("a", "c") + ", "
                                     + edge("b", "d") + ", " + edge("c", "d"));
    QTest::newRow("ids with digits, '_' and '-'")
        << flowJson({}, shell("_a") + ", " + shell("B-2_c") + ", " + shell("x9"), {});
    QTest::newRow("int default for float")
        << flowJson(R"({"name": "rate", "type": "float", "default": 1})", shell("a"), {});
    QTest::newRow("no defaults")
        << flowJson(R"({"name": "s", "type": "string"}, {"name": "b", "type": "bool", "default": null})",
                    shell("a"), {});
    QTest::newRow("declared and placeholder use")
        << flowJson(R"({"name": "n", "type": "int", "default": 3}, {"name": "v-1", "type": "bool"})",
                    R"({"id": "a", "kind": "shell", "command": "echo {{n}} {{v-1}}", "params": ["n"]},)"
                    R"({"id": "b", "kind": "script", "path": "x.sh", "args": ["{{ n }}"]})",
                    {});
    QTest::newRow("text that is not a placeholder")
        << flowJson({}, R"({"id": "a", "kind": "shell", "command": "echo {{1x}} {x} {{x y}} {{"})",
                    {});
    QTest::newRow("python and script kinds")
        << flowJson({}, R"json({"id": "a", "kind": "python", "script": "print(1)"},)json"
                        R"({"id": "b", "kind": "script", "path": "run.sh"})",
                    {});
    QTest::newRow("zero retries and timeout")
        << flowJson({}, R"({"id": "a", "kind": "shell", "command": "true", "retries": 0, "timeout_s": 0})",
                    {});
}

void TestFlowValidate::accepts()
{
    QFETCH(QByteArray, json);
    Flow flow;
    QList<FlowIssue> issues;
    QVERIFY2(parseFlow(json, QString(), &flow, &issues), qPrintable(joinIssues(issues)));
    QVERIFY(issues.isEmpty());
    QVERIFY(validateFlow(flow).isEmpty());
}

void TestFlowValidate::everyCycleReported()
{
    // Two separate cycles joined by an edge that lies on neither.
    const QByteArray json = abcd(edge("a", "b") + ", " + edge("b", "a") + ", " + edge("b", "c")
                                 + ", " + edge("c", "d") + ", " + edge("d", "c"));
    Flow flow;
    QList<FlowIssue> issues;
    QVERIFY(!parseFlow(json, QString(), &flow, &issues));
    QCOMPARE(issues.size(), 2);
    QCOMPARE(issues[0].path, QStringLiteral("edges[1]"));
    QVERIFY2(issues[0].message.contains(QStringLiteral("a → b → a")),
             qPrintable(issues[0].message));
    QCOMPARE(issues[1].path, QStringLiteral("edges[4]"));
    QVERIFY2(issues[1].message.contains(QStringLiteral("c → d → c")),
             qPrintable(issues[1].message));
}

void TestFlowValidate::longCycleShortened()
{
    const Flow flow = chainFlow(10000, true);
    const QList<FlowIssue> issues = validateFlow(flow);
    QCOMPARE(issues.size(), 1);
    QCOMPARE(issues[0].path, QStringLiteral("edges[9999]"));
    QVERIFY2(issues[0].message.contains(QStringLiteral("s0 → s1 → s2")),
             qPrintable(issues[0].message));
    QVERIFY2(issues[0].message.contains(QStringLiteral("s9 → … → s0 (10000 steps)")),
             qPrintable(issues[0].message));
}

void TestFlowValidate::largeFlowValidates()
{
    // A long chain with every step also fed by the first one, and parameters in use.
    Flow flow = chainFlow(10000, false);
    for (int i = 2; i < flow.steps.size(); ++i)
        flow.edges.append(makeEdge(QStringLiteral("s0"), flow.steps[i].id));
    Parameter parameter;
    parameter.name = QStringLiteral("n");
    parameter.type = ParamType::Int;
    flow.parameters.append(parameter);
    for (Step& step : flow.steps)
        step.command = QStringLiteral("echo {{n}}");
    QVERIFY(validateFlow(flow).isEmpty());

    // One bad edge at the end is still found.
    flow.edges.append(makeEdge(QStringLiteral("s9999"), QStringLiteral("s5000")));
    const QList<FlowIssue> issues = validateFlow(flow);
    QCOMPARE(issues.size(), 1);
    QCOMPARE(issues[0].path, QStringLiteral("edges[%1]").arg(flow.edges.size() - 1));
}

void TestFlowValidate::editedFlowValidated()
{
    // A flow built in memory, as the editor does: no raw JSON at all.
    Flow flow;
    flow.steps = {shellStep(QStringLiteral("a")), shellStep(QString()),
                  shellStep(QStringLiteral("a"))};
    flow.steps[0].kind = StepKind::Python;  // switched kind, script not written yet
    flow.edges = {makeEdge(QStringLiteral("a"), QString())};
    Parameter parameter;
    parameter.name = QStringLiteral("p");
    parameter.type = ParamType::Bool;
    parameter.defaultValue = "true";
    flow.parameters = {parameter};

    QStringList paths;
    for (const FlowIssue& issue : validateFlow(flow))
        paths.append(issue.path);
    const QStringList expected{QStringLiteral("parameters[0].default"),
                               QStringLiteral("steps[0].script"), QStringLiteral("steps[1].id"),
                               QStringLiteral("steps[2].id"), QStringLiteral("edges[0].to")};
    QCOMPARE(paths, expected);
}

QTEST_GUILESS_MAIN(TestFlowValidate)
#include "tst_flowvalidate.moc"
