// Tests of the canvas driven by real mouse and key events. They cover connecting by dragging
// between ports with rejected cycles, self edges and duplicates, rubber-band and Ctrl-click
// selection, moves with one undo entry per drag, deleting and run states on nodes. Zoom,
// pan, Tab, drops, the layered layout and a 2,000-step flow are covered too.

#include "canvasstyle.h"
#include "edgeitem.h"
#include "flowclipboard.h"
#include "flowdocument.h"
#include "flowscene.h"
#include "flowview.h"
#include "graphlayout.h"
#include "nodeitem.h"

#include <QApplication>
#include <QContextMenuEvent>
#include <QMimeData>
#include <QPainter>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>
#include <QWheelEvent>

#include <memory>

using namespace cairn;

namespace {

Step makeStep(const QString& id, const QPointF& position)
{
    Step step;
    step.id = id;
    step.command = QStringLiteral("echo %1").arg(id);
    step.position = position;
    return step;
}

// Builds a flow from "id@x,y" step specs and "from>to" edges.
Flow makeFlow(const QStringList& steps, const QStringList& edges = {})
{
    Flow flow;
    flow.name = QStringLiteral("canvas");
    for (const QString& spec : steps) {
        const QStringList parts = spec.split(QLatin1Char('@'));
        const QStringList xy = parts.value(1, QStringLiteral("0,0")).split(QLatin1Char(','));
        flow.steps.append(makeStep(parts[0], QPointF(xy[0].toDouble(), xy[1].toDouble())));
    }
    for (const QString& text : edges) {
        const QStringList ends = text.split(QLatin1Char('>'));
        Edge edge;
        edge.from = ends[0];
        edge.to = ends[1];
        flow.edges.append(edge);
    }
    return flow;
}

QStringList edgeList(const Flow& flow)
{
    QStringList list;
    for (const Edge& edge : flow.edges)
        list.append(edge.from + QLatin1Char('>') + edge.to);
    return list;
}

// 2,000 steps in blocks of 20: a head fanning out into four chains of four, a join and a
// short tail. Blocks run in ten lanes, and each block's head follows the tail of the
// block before it in its lane.
Flow generatedFlow(int stepCount)
{
    constexpr int kBlock = 20;
    constexpr int kLanes = 10;
    constexpr int kColumnsPerBlock = 8;
    Flow flow;
    flow.name = QStringLiteral("generated");
    auto id = [](int index) { return QStringLiteral("s%1").arg(index); };
    auto connect = [&](int from, int to) {
        Edge edge;
        edge.from = id(from);
        edge.to = id(to);
        flow.edges.append(edge);
    };

    for (int i = 0; i < stepCount; ++i) {
        const int block = i / kBlock;
        const int local = i % kBlock;
        const int start = block * kBlock;
        int column = 0;
        int row = 0;
        if (local == 0) {
            row = 2;
            if (block >= kLanes)
                connect(start - kLanes * kBlock + kBlock - 1, i);
        } else if (local <= 16) {
            const int chain = (local - 1) / 4;
            const int link = (local - 1) % 4;
            column = 1 + link;
            row = chain;
            connect(link == 0 ? start : i - 1, i);
        } else if (local == 17) {
            column = 5;
            row = 2;
            for (int chain = 0; chain < 4; ++chain)
                connect(start + 4 + chain * 4, i);
        } else {
            column = local - 12;
            row = 2;
            connect(i - 1, i);
        }
        const int x = (block / kLanes) * kColumnsPerBlock + column;
        const int y = (block % kLanes) * 5 + row;
        flow.steps.append(makeStep(id(i), QPointF(x * 260, y * 100)));
    }
    return flow;
}

// A document with its scene and a shown view at zoom 1, centred on the flow.
struct Canvas {
    explicit Canvas(const Flow& flow)
        : scene(&document)
        , view(&scene)
    {
        document.reset(flow);
        view.resize(1000, 700);
        view.show();
        view.setTransform(QTransform());
        view.centerOn(scene.flowBoundingRect().center());
    }

    QWidget* viewport() const { return view.viewport(); }
    QPoint at(const QPointF& scenePos) const { return view.mapFromScene(scenePos); }
    NodeItem* node(const QString& id) const { return scene.nodeItem(id); }
    QPoint bodyOf(const QString& id) const
    {
        return at(node(id)->pos() + QPointF(CanvasStyle::kNodeWidth / 2, CanvasStyle::kNodeHeight / 2));
    }
    QPoint inputOf(const QString& id) const { return at(node(id)->inputPortScenePos()); }
    QPoint outputOf(const QString& id) const { return at(node(id)->outputPortScenePos()); }

    FlowDocument document;
    FlowScene scene;
    FlowView view;
};

// Presses, moves in a few steps (past the start-drag distance) and releases.
void dragMouse(QWidget* widget, const QPoint& from, const QPoint& to,
               Qt::MouseButton button = Qt::LeftButton, Qt::KeyboardModifiers modifiers = {})
{
    QTest::mousePress(widget, button, modifiers, from);
    constexpr int kSteps = 5;
    for (int i = 1; i <= kSteps; ++i)
        QTest::mouseMove(widget, from + (to - from) * i / kSteps);
    QTest::mouseRelease(widget, button, modifiers, to);
}

// Renders one node's area of the scene at a scale, as the view would paint it.
QImage renderNode(FlowScene* scene, NodeItem* node, qreal scale)
{
    const QRectF source = node->sceneBoundingRect();
    QImage image((source.size() * scale).toSize(), QImage::Format_ARGB32);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    scene->render(&painter, QRectF(image.rect()), source);
    return image;
}

}  // namespace

class TestCanvas : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sceneHasOneItemPerStepAndEdge();
    void connectByDragging_data();
    void connectByDragging();
    void connectUndoRemovesEdgeItem();
    void renameKeepsNodeAndEdges();
    void rubberBandSelectsCoveredNodes();
    void ctrlClickTogglesSelection();
    void clickSelectsEdge();
    void dragMovesNode_data();
    void dragMovesNode();
    void deleteSelectedThroughDocument();
    void selectUpstreamAndDownstream();
    void stepStateChangesPainting();
    void runningNodeAnimatesUntilFinished();
    void farZoomPaintsPlainBlock();
    void paletteChangeRestylesCanvas();
    void doubleClickActivatesStep();
    void contextMenuOnNodeRequestsMenu();
    void wheelZoomKeepsPointUnderCursor();
    void middleAndSpaceDragPan();
    void tabRequestsQuickAddAtCursor();
    void fragmentDropIsReported();
    void layeredLayoutOrdersDiamond();
    void appliedLayoutMovesNodes();
    void largeFlowBuildsAndFits();
};

void TestCanvas::sceneHasOneItemPerStepAndEdge()
{
    Canvas canvas(makeFlow({"a@0,0", "b@300,0", "c@600,0"}, {"a>b", "b>c"}));

    QCOMPARE(canvas.scene.nodeCount(), 3);
    QCOMPARE(canvas.scene.edgeCount(), 2);
    QCOMPARE(canvas.scene.items().size(), 5);
    QCOMPARE(canvas.scene.itemIndexMethod(), QGraphicsScene::NoIndex);
    QCOMPARE(canvas.node("b")->pos(), QPointF(300, 0));
    QVERIFY(canvas.scene.edgeItem("a", "b"));
    QVERIFY(!canvas.scene.edgeItem("a", "c"));

    // A reset replaces every item.
    canvas.document.reset(makeFlow({"x@0,0"}));
    QCOMPARE(canvas.scene.nodeCount(), 1);
    QCOMPARE(canvas.scene.edgeCount(), 0);
    QCOMPARE(canvas.scene.items().size(), 1);
    QVERIFY(canvas.node("x"));
}

void TestCanvas::connectByDragging_data()
{
    QTest::addColumn<QStringList>("edges");
    QTest::addColumn<QString>("from");  // "a.out", "b.in", "a.body"
    QTest::addColumn<QString>("to");    // the same, or "empty"
    QTest::addColumn<QStringList>("expectedEdges");
    QTest::addColumn<QString>("messageWord");  // empty: no status message

    QTest::newRow("output to input") << QStringList() << "a.out" << "b.in"
                                     << QStringList{"a>b"} << QString();
    QTest::newRow("output to body") << QStringList() << "a.out" << "b.body"
                                    << QStringList{"a>b"} << QString();
    QTest::newRow("input to output") << QStringList() << "b.in" << "a.out"
                                     << QStringList{"a>b"} << QString();
    QTest::newRow("input to body") << QStringList() << "b.in" << "a.body"
                                   << QStringList{"a>b"} << QString();
    QTest::newRow("cycle rejected") << QStringList{"a>b"} << "b.out" << "a.in"
                                    << QStringList{"a>b"} << "cycle";
    QTest::newRow("self edge rejected") << QStringList() << "a.out" << "a.in"
                                        << QStringList() << "itself";
    QTest::newRow("duplicate rejected") << QStringList{"a>b"} << "a.out" << "b.in"
                                        << QStringList{"a>b"} << "already";
    QTest::newRow("release on empty canvas") << QStringList() << "a.out" << "empty"
                                             << QStringList() << QString();
    QTest::newRow("click on port") << QStringList() << "a.out" << "a.out"
                                   << QStringList() << QString();
}

void TestCanvas::connectByDragging()
{
    QFETCH(QStringList, edges);
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QStringList, expectedEdges);
    QFETCH(QString, messageWord);

    Canvas canvas(makeFlow({"a@0,0", "b@400,0"}, edges));
    QVERIFY(QTest::qWaitForWindowExposed(&canvas.view));
    QSignalSpy messages(&canvas.scene, &FlowScene::statusMessage);

    auto point = [&](const QString& spec) {
        if (spec == QLatin1String("empty"))
            return canvas.at(QPointF(200, 300));
        const QStringList parts = spec.split(QLatin1Char('.'));
        if (parts[1] == QLatin1String("out"))
            return canvas.outputOf(parts[0]);
        if (parts[1] == QLatin1String("in"))
            return canvas.inputOf(parts[0]);
        return canvas.bodyOf(parts[0]);
    };
    if (from == to)
        QTest::mouseClick(canvas.viewport(), Qt::LeftButton, {}, point(from));
    else
        dragMouse(canvas.viewport(), point(from), point(to));

    QCOMPARE(edgeList(canvas.document.flow()), expectedEdges);
    QCOMPARE(canvas.scene.edgeCount(), expectedEdges.size());
    // The dashed preview curve is gone after the release.
    QCOMPARE(canvas.scene.items().size(), 2 + expectedEdges.size());
    if (messageWord.isEmpty()) {
        QCOMPARE(messages.count(), 0);
    } else {
        QCOMPARE(messages.count(), 1);
        const QString message = messages.at(0).at(0).toString();
        QVERIFY2(message.contains(messageWord, Qt::CaseInsensitive), qPrintable(message));
    }
}

void TestCanvas::connectUndoRemovesEdgeItem()
{
    Canvas canvas(makeFlow({"a@0,0", "b@400,0"}));
    QVERIFY(QTest::qWaitForWindowExposed(&canvas.view));

    dragMouse(canvas.viewport(), canvas.outputOf("a"), canvas.inputOf("b"));
    QVERIFY(canvas.scene.edgeItem("a", "b"));
    QCOMPARE(canvas.document.undoStack()->count(), 1);

    canvas.document.undoStack()->undo();
    QVERIFY(!canvas.scene.edgeItem("a", "b"));
    QVERIFY(canvas.document.flow().edges.isEmpty());
    canvas.document.undoStack()->redo();
    QVERIFY(canvas.scene.edgeItem("a", "b"));
}

void TestCanvas::renameKeepsNodeAndEdges()
{
    Canvas canvas(makeFlow({"a@0,0", "b@400,0"}, {"a>b"}));
    NodeItem* node = canvas.node("a");
    Step renamed = *canvas.document.flow().step(QStringLiteral("a"));
    renamed.id = QStringLiteral("alpha");
    QString error;
    QVERIFY2(canvas.document.editStep(QStringLiteral("a"), renamed, &error), qPrintable(error));

    QVERIFY(!canvas.node("a"));
    QCOMPARE(canvas.node("alpha"), node);
    QCOMPARE(node->id(), QStringLiteral("alpha"));
    QVERIFY(canvas.scene.edgeItem("alpha", "b"));
    QVERIFY(!canvas.scene.edgeItem("a", "b"));
    QCOMPARE(canvas.scene.edgeCount(), 1);
}

void TestCanvas::rubberBandSelectsCoveredNodes()
{
    Canvas canvas(makeFlow({"a@0,0", "b@300,0", "c@0,300"}, {"a>b"}));
    QVERIFY(QTest::qWaitForWindowExposed(&canvas.view));
    QSignalSpy selection(&canvas.scene, &FlowScene::stepSelectionChanged);

    dragMouse(canvas.viewport(), canvas.at(QPointF(-40, -40)), canvas.at(QPointF(540, 140)));

    const QStringList expected{"a", "b"};
    QCOMPARE(canvas.scene.selectedStepIds(), expected);
    QVERIFY(!canvas.node("c")->isSelected());
    QVERIFY(selection.count() >= 1);
    QCOMPARE(selection.last().at(0).toStringList(), expected);
    // Nothing moved: the band started on empty canvas.
    QCOMPARE(canvas.node("a")->pos(), QPointF(0, 0));
    QCOMPARE(canvas.document.undoStack()->count(), 0);
}

void TestCanvas::ctrlClickTogglesSelection()
{
    Canvas canvas(makeFlow({"a@0,0", "b@300,0"}));
    QVERIFY(QTest::qWaitForWindowExposed(&canvas.view));

    QTest::mouseClick(canvas.viewport(), Qt::LeftButton, {}, canvas.bodyOf("a"));
    QCOMPARE(canvas.scene.selectedStepIds(), QStringList{"a"});

    QTest::mouseClick(canvas.viewport(), Qt::LeftButton, Qt::ControlModifier, canvas.bodyOf("b"));
    QCOMPARE(canvas.scene.selectedStepIds(), (QStringList{"a", "b"}));

    QTest::mouseClick(canvas.viewport(), Qt::LeftButton, Qt::ControlModifier, canvas.bodyOf("a"));
    QCOMPARE(canvas.scene.selectedStepIds(), QStringList{"b"});

    // A plain click on empty canvas clears the selection.
    QTest::mouseClick(canvas.viewport(), Qt::LeftButton, {}, canvas.at(QPointF(150, 300)));
    QCOMPARE(canvas.scene.selectedStepIds(), QStringList());
}

void TestCanvas::clickSelectsEdge()
{
    Canvas canvas(makeFlow({"a@0,0", "b@400,0"}, {"a>b"}));
    QVERIFY(QTest::qWaitForWindowExposed(&canvas.view));

    // Both ports are at the same height, so the curve is a straight line through the
    // middle of its bounding rectangle.
    const QPointF middle = canvas.scene.edgeItem("a", "b")->boundingRect().center();
    QTest::mouseClick(canvas.viewport(), Qt::LeftButton, {}, canvas.at(middle));

    const QList<QPair<QString, QString>> expected{{"a", "b"}};
    QCOMPARE(canvas.scene.selectedEdges(), expected);
    QCOMPARE(canvas.scene.selectedStepIds(), QStringList());
}

void TestCanvas::dragMovesNode_data()
{
    QTest::addColumn<bool>("snap");
    QTest::addColumn<QPoint>("delta");
    QTest::addColumn<QPointF>("expected");

    QTest::newRow("snapped to grid") << true << QPoint(113, 47) << QPointF(120, 40);
    QTest::newRow("free") << false << QPoint(113, 47) << QPointF(113, 47);
}

void TestCanvas::dragMovesNode()
{
    QFETCH(bool, snap);
    QFETCH(QPoint, delta);
    QFETCH(QPointF, expected);

    Canvas canvas(makeFlow({"a@0,0", "b@400,0"}, {"a>b"}));
    QVERIFY(QTest::qWaitForWindowExposed(&canvas.view));
    canvas.view.setSnapToGrid(snap);
    QCOMPARE(canvas.view.snapToGrid(), snap);
    QUndoStack* undo = canvas.document.undoStack();
    const QPointF edgeStart = canvas.scene.edgeItem("a", "b")->boundingRect().topLeft();

    const QPoint start = canvas.bodyOf("a");
    dragMouse(canvas.viewport(), start, start + delta);

    QCOMPARE(canvas.document.flow().step(QStringLiteral("a"))->position, expected);
    QCOMPARE(canvas.node("a")->pos(), expected);
    QCOMPARE(canvas.node("b")->pos(), QPointF(400, 0));
    QVERIFY(canvas.scene.edgeItem("a", "b")->boundingRect().topLeft() != edgeStart);
    QCOMPARE(undo->count(), 1);

    undo->undo();
    QCOMPARE(canvas.document.flow().step(QStringLiteral("a"))->position, QPointF(0, 0));
    QCOMPARE(canvas.node("a")->pos(), QPointF(0, 0));
    QCOMPARE(canvas.scene.edgeItem("a", "b")->boundingRect().topLeft(), edgeStart);

    // A second drag is an undo entry of its own, not merged into the first.
    undo->redo();
    const QPoint moved = canvas.bodyOf("a");
    dragMouse(canvas.viewport(), moved, moved + QPoint(0, 200));
    QCOMPARE(undo->count(), 2);
    undo->undo();
    QCOMPARE(canvas.node("a")->pos(), expected);
}

void TestCanvas::deleteSelectedThroughDocument()
{
    Canvas canvas(makeFlow({"a@0,0", "b@400,0", "c@800,0"}, {"a>b", "b>c"}));
    QVERIFY(QTest::qWaitForWindowExposed(&canvas.view));
    QSignalSpy selection(&canvas.scene, &FlowScene::stepSelectionChanged);

    QTest::mouseClick(canvas.viewport(), Qt::LeftButton, {}, canvas.bodyOf("b"));
    QCOMPARE(canvas.scene.selectedStepIds(), QStringList{"b"});
    canvas.document.removeItems(canvas.scene.selectedStepIds(), canvas.scene.selectedEdges());

    QVERIFY(!canvas.node("b"));
    QCOMPARE(canvas.scene.nodeCount(), 2);
    QCOMPARE(canvas.scene.edgeCount(), 0);
    QCOMPARE(canvas.scene.items().size(), 2);
    QCOMPARE(selection.last().at(0).toStringList(), QStringList());

    canvas.document.undoStack()->undo();
    QVERIFY(canvas.node("b"));
    QCOMPARE(canvas.node("b")->pos(), QPointF(400, 0));
    QVERIFY(canvas.scene.edgeItem("a", "b"));
    QVERIFY(canvas.scene.edgeItem("b", "c"));
}

void TestCanvas::selectUpstreamAndDownstream()
{
    Canvas canvas(makeFlow({"a@0,0", "b@300,0", "c@600,0", "d@0,300"}, {"a>b", "b>c"}));
    QSignalSpy selection(&canvas.scene, &FlowScene::stepSelectionChanged);

    canvas.scene.selectSteps({"b"});
    QCOMPARE(selection.count(), 1);
    canvas.scene.selectUpstream();
    QCOMPARE(canvas.scene.selectedStepIds(), (QStringList{"a", "b"}));
    QCOMPARE(selection.count(), 2);

    canvas.scene.selectSteps({"b"});
    canvas.scene.selectDownstream();
    QCOMPARE(canvas.scene.selectedStepIds(), (QStringList{"b", "c"}));

    // Selecting the same steps again reports nothing new.
    const int reported = selection.count();
    canvas.scene.selectSteps({"b", "c"});
    QCOMPARE(selection.count(), reported);
}

void TestCanvas::stepStateChangesPainting()
{
    Canvas canvas(makeFlow({"a@0,0"}));
    NodeItem* node = canvas.node("a");
    QVERIFY(!node->hasState());
    const QImage before = renderNode(&canvas.scene, node, 1.0);

    canvas.scene.setStepState(QStringLiteral("a"), StepStatus::Failed,
                              QStringLiteral("exit code 2"), 2.5);
    QVERIFY(node->hasState());
    QCOMPARE(node->status(), StepStatus::Failed);
    QCOMPARE(node->statusDetail(), QStringLiteral("exit code 2"));
    QCOMPARE(node->durationS(), 2.5);
    QVERIFY2(node->statusLine().contains(QLatin1String("failed")), qPrintable(node->statusLine()));
    QVERIFY2(node->statusLine().contains(QLatin1String("2.5 s")), qPrintable(node->statusLine()));
    QVERIFY(node->toolTip().contains(QLatin1String("exit code 2")));
    QVERIFY(renderNode(&canvas.scene, node, 1.0) != before);

    canvas.scene.clearStepStates();
    QVERIFY(!node->hasState());
    QCOMPARE(renderNode(&canvas.scene, node, 1.0), before);

    // Unknown steps are ignored.
    canvas.scene.setStepState(QStringLiteral("missing"), StepStatus::Succeeded, QString(), -1);
}

void TestCanvas::runningNodeAnimatesUntilFinished()
{
    Canvas canvas(makeFlow({"a@0,0", "b@300,0"}));
    QVERIFY(!canvas.scene.isAnimating());

    canvas.scene.setStepState(QStringLiteral("a"), StepStatus::Running, QString(), -1);
    canvas.scene.setStepState(QStringLiteral("b"), StepStatus::Running, QString(), -1);
    QVERIFY(canvas.scene.isAnimating());
    const int frame = canvas.scene.animationFrame();
    QTRY_VERIFY(canvas.scene.animationFrame() > frame);

    canvas.scene.setStepState(QStringLiteral("a"), StepStatus::Succeeded, QString(), 1.0);
    QVERIFY(canvas.scene.isAnimating());
    canvas.scene.setStepState(QStringLiteral("b"), StepStatus::Cached, QString(), 0.0);
    QVERIFY(!canvas.scene.isAnimating());

    canvas.scene.setStepState(QStringLiteral("a"), StepStatus::Running, QString(), -1);
    QVERIFY(canvas.scene.isAnimating());
    canvas.document.removeItems({QStringLiteral("a")}, {});
    QVERIFY(!canvas.scene.isAnimating());
}

void TestCanvas::farZoomPaintsPlainBlock()
{
    Canvas canvas(makeFlow({"a@0,0"}));
    NodeItem* node = canvas.node("a");
    const qreal farScale = CanvasStyle::kDetailThreshold / 2;
    const QPoint centre = QRectF(QPointF(0, 0), node->sceneBoundingRect().size() * farScale)
                              .center()
                              .toPoint();

    // Below the detail threshold the whole body is one colour: the run state's, if any.
    canvas.scene.setStepState(QStringLiteral("a"), StepStatus::Succeeded, QString(), 1.0);
    const QImage far = renderNode(&canvas.scene, node, farScale);
    const QColor expected = canvas.scene.style().statusColor(StepStatus::Succeeded);
    QCOMPARE(far.pixelColor(centre).rgb(), expected.rgb());
    QCOMPARE(far.pixelColor(centre + QPoint(8, 3)).rgb(), expected.rgb());

    // Near, the centre shows the node's fill or its text instead.
    const QImage near = renderNode(&canvas.scene, node, 1.0);
    const QPoint nearCentre = near.rect().center();
    QVERIFY(near.pixelColor(nearCentre).rgb() != expected.rgb());
}

void TestCanvas::paletteChangeRestylesCanvas()
{
    Canvas canvas(makeFlow({"a@0,0"}));
    const QPalette original = QApplication::palette();
    const bool wasDark = canvas.scene.style().dark;

    QPalette flipped = original;
    flipped.setColor(QPalette::Window, wasDark ? QColor(0xf0, 0xf0, 0xf0) : QColor(0x20, 0x20, 0x20));
    flipped.setColor(QPalette::WindowText, wasDark ? Qt::black : Qt::white);
    QApplication::setPalette(flipped);
    QTRY_COMPARE(canvas.scene.style().dark, !wasDark);
    QCOMPARE(canvas.scene.backgroundBrush().color(), canvas.scene.style().background);

    QApplication::setPalette(original);
    QTRY_COMPARE(canvas.scene.style().dark, wasDark);
}

void TestCanvas::doubleClickActivatesStep()
{
    Canvas canvas(makeFlow({"a@0,0", "b@300,0"}));
    QVERIFY(QTest::qWaitForWindowExposed(&canvas.view));
    QSignalSpy activated(&canvas.scene, &FlowScene::stepActivated);

    QTest::mouseDClick(canvas.viewport(), Qt::LeftButton, {}, canvas.bodyOf("b"));
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.at(0).at(0).toString(), QStringLiteral("b"));
}

void TestCanvas::contextMenuOnNodeRequestsMenu()
{
    Canvas canvas(makeFlow({"a@0,0", "b@300,0"}));
    QVERIFY(QTest::qWaitForWindowExposed(&canvas.view));
    QSignalSpy requested(&canvas.scene, &FlowScene::stepContextMenuRequested);

    const QPoint pos = canvas.bodyOf("b");
    QContextMenuEvent onNode(QContextMenuEvent::Mouse, pos, canvas.viewport()->mapToGlobal(pos));
    QApplication::sendEvent(canvas.viewport(), &onNode);
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested.at(0).at(0).toString(), QStringLiteral("b"));
    QCOMPARE(requested.at(0).at(1).toPoint(), canvas.viewport()->mapToGlobal(pos));
    QCOMPARE(canvas.scene.selectedStepIds(), QStringList{"b"});

    const QPoint empty = canvas.at(QPointF(150, 300));
    QContextMenuEvent onCanvas(QContextMenuEvent::Mouse, empty,
                               canvas.viewport()->mapToGlobal(empty));
    QApplication::sendEvent(canvas.viewport(), &onCanvas);
    QCOMPARE(requested.count(), 1);
}

void TestCanvas::wheelZoomKeepsPointUnderCursor()
{
    Canvas canvas(makeFlow({"a@0,0", "b@300,0"}));
    QVERIFY(QTest::qWaitForWindowExposed(&canvas.view));
    const QPoint cursor(200, 150);
    const QPointF anchor = canvas.view.mapToScene(cursor);

    QWheelEvent wheel(QPointF(cursor), QPointF(canvas.viewport()->mapToGlobal(cursor)), QPoint(),
                      QPoint(0, 120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(canvas.viewport(), &wheel);

    QVERIFY(canvas.view.zoomFactor() > 1.1);
    const QPointF after = canvas.view.mapToScene(cursor);
    QVERIFY2(QLineF(anchor, after).length() < 2.0,
             qPrintable(QStringLiteral("moved from %1,%2 to %3,%4")
                            .arg(anchor.x()).arg(anchor.y()).arg(after.x()).arg(after.y())));

    canvas.view.resetZoom();
    QCOMPARE(canvas.view.zoomFactor(), 1.0);
    canvas.view.zoomIn();
    QVERIFY(canvas.view.zoomFactor() > 1.0);
    canvas.view.zoomOut();
    canvas.view.zoomOut();
    QVERIFY(canvas.view.zoomFactor() < 1.0);
}

void TestCanvas::middleAndSpaceDragPan()
{
    Canvas canvas(makeFlow({"a@0,0", "b@300,0"}));
    QVERIFY(QTest::qWaitForWindowExposed(&canvas.view));
    canvas.view.setFocus();
    const QPoint centre = canvas.viewport()->rect().center();

    // Middle-button drag: the scene follows the cursor, so the centre moves against it.
    QPointF before = canvas.view.mapToScene(centre);
    dragMouse(canvas.viewport(), QPoint(500, 500), QPoint(400, 450), Qt::MiddleButton);
    QPointF after = canvas.view.mapToScene(centre);
    QCOMPARE(after - before, QPointF(100, 50));

    // Space held with a left drag pans too, even when the drag starts on a node.
    before = after;
    QTest::keyPress(&canvas.view, Qt::Key_Space);
    dragMouse(canvas.viewport(), canvas.bodyOf("a"), canvas.bodyOf("a") + QPoint(60, 0));
    QTest::keyRelease(&canvas.view, Qt::Key_Space);
    after = canvas.view.mapToScene(centre);
    QCOMPARE(after - before, QPointF(-60, 0));
    QCOMPARE(canvas.node("a")->pos(), QPointF(0, 0));
    QCOMPARE(canvas.scene.selectedStepIds(), QStringList());
    QCOMPARE(canvas.document.undoStack()->count(), 0);
}

void TestCanvas::tabRequestsQuickAddAtCursor()
{
    Canvas canvas(makeFlow({"a@0,0"}));
    QVERIFY(QTest::qWaitForWindowExposed(&canvas.view));
    canvas.view.setFocus();
    QSignalSpy requested(&canvas.view, &FlowView::quickAddRequested);

    const QPoint cursor(300, 200);
    QMouseEvent move(QEvent::MouseMove, QPointF(cursor),
                     QPointF(canvas.viewport()->mapToGlobal(cursor)), Qt::NoButton,
                     Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(canvas.viewport(), &move);
    QWidget* focus = QApplication::focusWidget();
    QTest::keyClick(&canvas.view, Qt::Key_Tab);

    QCOMPARE(requested.count(), 1);
    const QPointF scenePos = requested.at(0).at(0).toPointF();
    QVERIFY(QLineF(scenePos, canvas.view.mapToScene(cursor)).length() < 1.0);
    // Tab opened the popup instead of moving the focus.
    QCOMPARE(QApplication::focusWidget(), focus);
}

void TestCanvas::fragmentDropIsReported()
{
    Canvas canvas(makeFlow({"a@0,0"}));
    QVERIFY(QTest::qWaitForWindowExposed(&canvas.view));
    QSignalSpy dropped(&canvas.view, &FlowView::fragmentDropped);
    const Flow source = makeFlow({"t@0,0"});
    const QByteArray fragment = flowFragment(source, {QStringLiteral("t")});
    const QPoint pos(250, 300);

    QMimeData text;
    text.setText(QStringLiteral("not a fragment"));
    QDragEnterEvent rejected(pos, Qt::CopyAction, &text, Qt::LeftButton, Qt::NoModifier);
    rejected.setAccepted(false);
    QApplication::sendEvent(canvas.viewport(), &rejected);
    QVERIFY(!rejected.isAccepted());

    QMimeData mime;
    mime.setData(QLatin1String(kFlowFragmentMimeType), fragment);
    QDragEnterEvent enter(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    enter.setAccepted(false);
    QApplication::sendEvent(canvas.viewport(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(pos), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(canvas.viewport(), &drop);

    QCOMPARE(dropped.count(), 1);
    QCOMPARE(dropped.at(0).at(0).toByteArray(), fragment);
    QVERIFY(QLineF(dropped.at(0).at(1).toPointF(), canvas.view.mapToScene(pos)).length() < 1.0);
}

void TestCanvas::layeredLayoutOrdersDiamond()
{
    const Flow diamond = makeFlow({"sink", "left", "source", "right", "alone"},
                                  {"source>left", "source>right", "left>sink", "right>sink"});
    const QHash<QString, QPointF> positions = layeredLayout(diamond);

    QCOMPARE(positions.size(), 5);
    const QPointF source = positions.value(QStringLiteral("source"));
    const QPointF left = positions.value(QStringLiteral("left"));
    const QPointF right = positions.value(QStringLiteral("right"));
    const QPointF sink = positions.value(QStringLiteral("sink"));
    QVERIFY(source.x() + CanvasStyle::kNodeWidth <= left.x());
    QVERIFY(source.x() + CanvasStyle::kNodeWidth <= right.x());
    QVERIFY(left.x() + CanvasStyle::kNodeWidth <= sink.x());
    QVERIFY(right.x() + CanvasStyle::kNodeWidth <= sink.x());
    for (auto it = positions.cbegin(); it != positions.cend(); ++it)
        QVERIFY2(it.value().x() <= sink.x(), qPrintable(it.key()));
    // The two branches share a column without overlapping.
    QVERIFY(std::abs(left.y() - right.y()) >= CanvasStyle::kNodeHeight);

    // The same flow lays out the same way on every call.
    QCOMPARE(layeredLayout(diamond), positions);
    QVERIFY(layeredLayout(Flow()).isEmpty());
}

void TestCanvas::appliedLayoutMovesNodes()
{
    Canvas canvas(makeFlow({"a@500,500", "b@0,0", "c@250,900"}, {"a>b", "b>c"}));
    const QHash<QString, QPointF> positions = layeredLayout(canvas.document.flow());
    canvas.document.applyLayout(positions);

    for (auto it = positions.cbegin(); it != positions.cend(); ++it)
        QCOMPARE(canvas.node(it.key())->pos(), it.value());
    QVERIFY(canvas.node("a")->pos().x() < canvas.node("b")->pos().x());
    QVERIFY(canvas.node("b")->pos().x() < canvas.node("c")->pos().x());
    QCOMPARE(canvas.document.undoStack()->count(), 1);
    canvas.document.undoStack()->undo();
    QCOMPARE(canvas.node("a")->pos(), QPointF(500, 500));
}

void TestCanvas::largeFlowBuildsAndFits()
{
    const Flow flow = generatedFlow(2000);
    QCOMPARE(flow.steps.size(), 2000);

    FlowDocument document;
    FlowScene scene(&document);
    FlowView view(&scene);
    view.resize(1200, 800);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    document.reset(flow);
    view.fitToView();

    QCOMPARE(scene.nodeCount(), 2000);
    QCOMPARE(scene.edgeCount(), int(flow.edges.size()));
    QCOMPARE(scene.items().size(), 2000 + int(flow.edges.size()));
    const QRectF visible = view.mapToScene(view.viewport()->rect()).boundingRect();
    QVERIFY(visible.contains(scene.flowBoundingRect()));
    QVERIFY(scene.sceneRect().contains(scene.flowBoundingRect()));
    QVERIFY(view.zoomFactor() < CanvasStyle::kDetailThreshold);
}

QTEST_MAIN(TestCanvas)
#include "tst_canvas.moc"
