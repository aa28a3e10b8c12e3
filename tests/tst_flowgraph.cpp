// Graph queries over a flow: stable topological order, upstream and downstream steps,
// ancestors and descendants, and cycle detection, including on invalid and large flows.

#include "flowgraph.h"

#include <QTest>

#include <algorithm>

using namespace cairn;

namespace {

// Builds a flow from step ids and "from>to" edge strings.
Flow makeFlow(const QStringList& ids, const QStringList& edges)
{
    Flow flow;
    for (const QString& id : ids) {
        Step step;
        step.id = id;
        step.command = QStringLiteral("true");
        flow.steps.append(step);
    }
    for (const QString& text : edges) {
        const QStringList ends = text.split(QLatin1Char('>'));
        Edge edge;
        edge.from = ends.value(0);
        edge.to = ends.value(1);
        flow.edges.append(edge);
    }
    return flow;
}

QStringList sorted(const QSet<QString>& set)
{
    QStringList list(set.cbegin(), set.cend());
    list.sort();
    return list;
}

QStringList numberedIds(int count)
{
    QStringList ids;
    ids.reserve(count);
    for (int i = 0; i < count; ++i)
        ids.append(QStringLiteral("s%1").arg(i));
    return ids;
}

}  // namespace

class TestFlowGraph : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void topologicalOrder_data();
    void topologicalOrder();
    void upstreamAndDownstreamFollowEdgeOrder();
    void ancestorsAndDescendants_data();
    void ancestorsAndDescendants();
    void cycles_data();
    void cycles();
    void edgesToMissingStepsIgnored();
    void duplicateEdgesCountedOnce();
    void largeChain();
    void largeFan();
    void largeCycle();
};

void TestFlowGraph::topologicalOrder_data()
{
    QTest::addColumn<QStringList>("ids");
    QTest::addColumn<QStringList>("edges");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("no edges keep file order")
        << QStringList{"c", "a", "b"} << QStringList{} << QStringList{"c", "a", "b"};
    QTest::newRow("edge against file order")
        << QStringList{"train", "fetch"} << QStringList{"fetch>train"}
        << QStringList{"fetch", "train"};
    QTest::newRow("diamond") << QStringList{"a", "b", "c", "d"}
                             << QStringList{"a>c", "a>b", "b>d", "c>d"}
                             << QStringList{"a", "b", "c", "d"};
    QTest::newRow("ties broken by file order, not by readiness time")
        << QStringList{"x", "late", "y", "z"} << QStringList{"z>late", "x>y"}
        << QStringList{"x", "y", "z", "late"};
    QTest::newRow("lowest ready index first")
        << QStringList{"e", "d", "c", "b", "a"} << QStringList{"a>e", "b>d"}
        << QStringList{"c", "b", "d", "a", "e"};
    QTest::newRow("two chains interleave by file order")
        << QStringList{"a1", "b1", "a2", "b2"} << QStringList{"b1>b2", "a1>a2"}
        << QStringList{"a1", "b1", "a2", "b2"};
}

void TestFlowGraph::topologicalOrder()
{
    QFETCH(QStringList, ids);
    QFETCH(QStringList, edges);
    QFETCH(QStringList, expected);

    const FlowGraph graph(makeFlow(ids, edges));
    QCOMPARE(graph.topologicalOrder(), expected);
    QVERIFY(graph.isAcyclic());
}

void TestFlowGraph::upstreamAndDownstreamFollowEdgeOrder()
{
    const FlowGraph graph(makeFlow({"a", "b", "c", "d"}, {"c>d", "a>d", "b>d", "d>b2", "d>a2"}));
    QCOMPARE(graph.upstream(QStringLiteral("d")), (QStringList{"c", "a", "b"}));
    QCOMPARE(graph.downstream(QStringLiteral("d")), QStringList{});  // b2, a2 are missing
    QCOMPARE(graph.downstream(QStringLiteral("a")), QStringList{"d"});
    QCOMPARE(graph.upstream(QStringLiteral("a")), QStringList{});
    QCOMPARE(graph.upstream(QStringLiteral("unknown")), QStringList{});

    const FlowGraph fan(makeFlow({"s", "z", "y", "x"}, {"s>x", "s>z", "s>y"}));
    QCOMPARE(fan.downstream(QStringLiteral("s")), (QStringList{"x", "z", "y"}));
}

void TestFlowGraph::ancestorsAndDescendants_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QStringList>("ancestors");
    QTest::addColumn<QStringList>("descendants");

    // fetch → clean → features → train → report, clean → plot, extra alone
    QTest::newRow("source") << "fetch" << QStringList{}
                            << QStringList{"clean", "features", "plot", "report", "train"};
    QTest::newRow("middle") << "features" << QStringList{"clean", "fetch"}
                            << QStringList{"report", "train"};
    QTest::newRow("side branch") << "plot" << QStringList{"clean", "fetch"} << QStringList{};
    QTest::newRow("sink") << "report" << QStringList{"clean", "features", "fetch", "train"}
                          << QStringList{};
    QTest::newRow("isolated") << "extra" << QStringList{} << QStringList{};
    QTest::newRow("unknown id") << "nothing" << QStringList{} << QStringList{};
}

void TestFlowGraph::ancestorsAndDescendants()
{
    QFETCH(QString, id);
    QFETCH(QStringList, ancestors);
    QFETCH(QStringList, descendants);

    const FlowGraph graph(
        makeFlow({"fetch", "clean", "features", "train", "report", "plot", "extra"},
                 {"fetch>clean", "clean>features", "features>train", "train>report",
                  "clean>plot", "fetch>features"}));
    QCOMPARE(sorted(graph.ancestors(id)), ancestors);
    QCOMPARE(sorted(graph.descendants(id)), descendants);
}

void TestFlowGraph::cycles_data()
{
    QTest::addColumn<QStringList>("ids");
    QTest::addColumn<QStringList>("edges");
    QTest::addColumn<QStringList>("cycle");
    QTest::addColumn<QStringList>("order");  // the steps that can still be ordered

    QTest::newRow("two steps") << QStringList{"a", "b"} << QStringList{"a>b", "b>a"}
                               << QStringList{"a", "b"} << QStringList{};
    QTest::newRow("three steps, from the first in the file")
        << QStringList{"x", "c", "b", "a"} << QStringList{"a>b", "b>c", "c>a", "x>a"}
        << QStringList{"c", "a", "b"} << QStringList{"x"};
    QTest::newRow("cycle after a chain")
        << QStringList{"s", "t", "u", "v"} << QStringList{"s>t", "t>u", "u>v", "v>u"}
        << QStringList{"u", "v"} << QStringList{"s", "t"};
    QTest::newRow("step downstream of a cycle")
        << QStringList{"after", "p", "q"} << QStringList{"p>q", "q>p", "q>after"}
        << QStringList{"p", "q"} << QStringList{};
}

void TestFlowGraph::cycles()
{
    QFETCH(QStringList, ids);
    QFETCH(QStringList, edges);
    QFETCH(QStringList, cycle);
    QFETCH(QStringList, order);

    const FlowGraph graph(makeFlow(ids, edges));
    QVERIFY(!graph.isAcyclic());
    QStringList found{"stale"};
    QVERIFY(!graph.isAcyclic(&found));
    QCOMPARE(found, cycle);
    QCOMPARE(graph.topologicalOrder(), order);

    // Ancestors and descendants terminate on cycles and exclude the step itself.
    QVERIFY(!graph.descendants(cycle.first()).contains(cycle.first()));
    QVERIFY(graph.descendants(cycle.first()).contains(cycle.last()));
    QVERIFY(graph.ancestors(cycle.first()).contains(cycle.last()));
}

void TestFlowGraph::edgesToMissingStepsIgnored()
{
    const FlowGraph graph(makeFlow({"a", "b"}, {"ghost>a", "a>b", "b>ghost", ">b", "a>"}));
    QCOMPARE(graph.topologicalOrder(), (QStringList{"a", "b"}));
    QCOMPARE(graph.upstream(QStringLiteral("a")), QStringList{});
    QCOMPARE(graph.upstream(QStringLiteral("b")), QStringList{"a"});
    QCOMPARE(graph.downstream(QStringLiteral("b")), QStringList{});
    QCOMPARE(graph.upstream(QStringLiteral("ghost")), QStringList{});
    QVERIFY(graph.isAcyclic());
}

void TestFlowGraph::duplicateEdgesCountedOnce()
{
    // A self edge, a repeated edge and a repeated step id, as an unvalidated flow may have.
    const FlowGraph graph(makeFlow({"a", "b", "a"}, {"a>b", "a>b", "b>b"}));
    QCOMPARE(graph.topologicalOrder(), (QStringList{"a", "b"}));
    QCOMPARE(graph.upstream(QStringLiteral("b")), QStringList{"a"});
    QCOMPARE(graph.downstream(QStringLiteral("a")), QStringList{"b"});
    QVERIFY(graph.isAcyclic());
}

void TestFlowGraph::largeChain()
{
    // Edges listed from the end of the chain, so file order and edge order disagree.
    const int count = 10000;
    const QStringList ids = numberedIds(count);
    QStringList edges;
    for (int i = count - 1; i > 0; --i)
        edges.append(ids[i - 1] + QLatin1Char('>') + ids[i]);
    QStringList reversedIds = ids;
    std::reverse(reversedIds.begin(), reversedIds.end());

    const FlowGraph graph(makeFlow(reversedIds, edges));
    QCOMPARE(graph.topologicalOrder(), ids);
    QCOMPARE(graph.ancestors(ids.last()).size(), count - 1);
    QCOMPARE(graph.descendants(ids.first()).size(), count - 1);
    QCOMPARE(graph.descendants(ids[5000]).size(), count - 5001);
    QVERIFY(graph.isAcyclic());
}

void TestFlowGraph::largeFan()
{
    // One source feeding 10,000 steps that all feed one sink.
    const int count = 10000;
    QStringList ids{"source"};
    ids.append(numberedIds(count));
    ids.append(QStringLiteral("sink"));
    QStringList edges;
    for (int i = 0; i < count; ++i) {
        edges.append(QStringLiteral("source>s%1").arg(i));
        edges.append(QStringLiteral("s%1>sink").arg(i));
    }

    const FlowGraph graph(makeFlow(ids, edges));
    QCOMPARE(graph.topologicalOrder(), ids);
    QCOMPARE(graph.upstream(QStringLiteral("sink")).size(), count);
    QCOMPARE(graph.upstream(QStringLiteral("sink")).first(), QStringLiteral("s0"));
    QCOMPARE(graph.downstream(QStringLiteral("source")).size(), count);
    QCOMPARE(graph.ancestors(QStringLiteral("sink")).size(), count + 1);
    QCOMPARE(graph.descendants(QStringLiteral("source")).size(), count + 1);
}

void TestFlowGraph::largeCycle()
{
    const int count = 10000;
    const QStringList ids = numberedIds(count);
    QStringList edges;
    for (int i = 0; i < count; ++i)
        edges.append(ids[i] + QLatin1Char('>') + ids[(i + 1) % count]);

    const FlowGraph graph(makeFlow(ids, edges));
    QStringList cycle;
    QVERIFY(!graph.isAcyclic(&cycle));
    QCOMPARE(cycle, ids);
    QVERIFY(graph.topologicalOrder().isEmpty());
}

QTEST_GUILESS_MAIN(TestFlowGraph)
#include "tst_flowgraph.moc"
