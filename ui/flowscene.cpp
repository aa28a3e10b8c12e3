#include "flowscene.h"

#include "edgeitem.h"
#include "flowdocument.h"
#include "flowgraph.h"
#include "nodeitem.h"

#include <QApplication>
#include <QGraphicsPathItem>
#include <QGraphicsSceneContextMenuEvent>
#include <QGraphicsSceneMouseEvent>
#include <QPen>

#include <algorithm>
#include <cmath>

namespace cairn {

namespace {

// Frame period of the running animation: smooth enough for a spinner, cheap enough to
// leave on through a long run.
constexpr int kAnimationIntervalMs = 80;

// The scene rect reaches this far past the nodes, and at least twice the flow's size, so
// that the view can centre any part of the flow at any zoom that shows the whole flow.
constexpr qreal kMinSceneMargin = 4000;

QRectF paddedRect(const QRectF& rect)
{
    const qreal margin = std::max(kMinSceneMargin, 2 * std::max(rect.width(), rect.height()));
    return rect.adjusted(-margin, -margin, margin, margin);
}

}  // namespace

FlowScene::FlowScene(FlowDocument* document, QObject* parent)
    : QGraphicsScene(parent),
      m_document(document)
{
    Q_ASSERT_X(document, "FlowScene", "a scene always shows a document");

    // Qt's BSP index is updated on every item move, and drags and layouts move many nodes.
    // Without an index a lookup by position scans the items, which stays cheap at
    // thousands of nodes.
    setItemIndexMethod(QGraphicsScene::NoIndex);
    updateStyle();

    m_animationTimer.setInterval(kAnimationIntervalMs);
    connect(&m_animationTimer, &QTimer::timeout, this, &FlowScene::advanceAnimation);

    connect(document, &FlowDocument::documentReset, this, &FlowScene::rebuild);
    connect(document, &FlowDocument::stepAdded, this, &FlowScene::addNode);
    connect(document, &FlowDocument::stepRemoved, this, &FlowScene::removeNode);
    connect(document, &FlowDocument::stepChanged, this, &FlowScene::updateNode);
    connect(document, &FlowDocument::stepMoved, this, &FlowScene::moveNode);
    connect(document, &FlowDocument::edgeAdded, this, &FlowScene::addEdge);
    connect(document, &FlowDocument::edgeRemoved, this, &FlowScene::removeEdge);
    connect(this, &QGraphicsScene::selectionChanged, this, &FlowScene::onSelectionChanged);

    rebuild();
}

FlowScene::~FlowScene()
{
    // Deleting selected items emits selectionChanged, whose slot reads members that are
    // gone by the time the base destructor deletes the items.
    m_selectionBatch = true;
    clear();
}

QStringList FlowScene::selectedStepIds() const
{
    QSet<QString> selected;
    const QList<QGraphicsItem*> items = selectedItems();
    for (QGraphicsItem* item : items) {
        if (auto* node = qgraphicsitem_cast<NodeItem*>(item))
            selected.insert(node->id());
    }

    QStringList ids;
    if (selected.isEmpty())
        return ids;
    for (const Step& step : m_document->flow().steps) {
        if (selected.contains(step.id))
            ids.append(step.id);
    }
    return ids;
}

QList<QPair<QString, QString>> FlowScene::selectedEdges() const
{
    QSet<QPair<QString, QString>> selected;
    const QList<QGraphicsItem*> items = selectedItems();
    for (QGraphicsItem* item : items) {
        if (auto* edge = qgraphicsitem_cast<EdgeItem*>(item))
            selected.insert({edge->fromId(), edge->toId()});
    }

    QList<QPair<QString, QString>> edges;
    if (selected.isEmpty())
        return edges;
    for (const Edge& edge : m_document->flow().edges) {
        if (selected.contains({edge.from, edge.to}))
            edges.append({edge.from, edge.to});
    }
    return edges;
}

void FlowScene::selectSteps(const QStringList& ids)
{
    m_selectionBatch = true;
    clearSelection();
    for (const QString& id : ids) {
        if (NodeItem* node = m_nodes.value(id))
            node->setSelected(true);
    }
    m_selectionBatch = false;
    onSelectionChanged();
}

void FlowScene::selectUpstream()
{
    selectClosure(true);
}

void FlowScene::selectDownstream()
{
    selectClosure(false);
}

void FlowScene::selectClosure(bool upstream)
{
    const QStringList selected = selectedStepIds();
    if (selected.isEmpty())
        return;

    const FlowGraph graph(m_document->flow());
    QSet<QString> closure(selected.cbegin(), selected.cend());
    for (const QString& id : selected)
        closure.unite(upstream ? graph.ancestors(id) : graph.descendants(id));

    QStringList ids;
    for (const Step& step : m_document->flow().steps) {
        if (closure.contains(step.id))
            ids.append(step.id);
    }
    selectSteps(ids);
}

void FlowScene::onSelectionChanged()
{
    if (m_selectionBatch)
        return;
    const QStringList ids = selectedStepIds();
    if (ids == m_lastSelection)
        return;
    m_lastSelection = ids;
    Q_EMIT stepSelectionChanged(ids);
}

void FlowScene::setStepState(const QString& id, StepStatus status, const QString& detail,
                             double durationS)
{
    NodeItem* node = m_nodes.value(id);
    if (!node)
        return;
    node->setState(status, detail, durationS);
    setRunning(node, status == StepStatus::Running);
}

void FlowScene::clearStepStates()
{
    for (NodeItem* node : std::as_const(m_nodes))
        node->clearState();
    m_runningNodes.clear();
    m_animationTimer.stop();
}

void FlowScene::setRunning(NodeItem* node, bool running)
{
    if (running)
        m_runningNodes.insert(node);
    else
        m_runningNodes.remove(node);

    if (m_runningNodes.isEmpty())
        m_animationTimer.stop();
    else if (!m_animationTimer.isActive())
        m_animationTimer.start();
}

void FlowScene::advanceAnimation()
{
    ++m_animationFrame;
    for (NodeItem* node : std::as_const(m_runningNodes))
        node->update();
}

QRectF FlowScene::flowBoundingRect() const
{
    QRectF bounds;
    for (const NodeItem* node : std::as_const(m_nodes))
        bounds = bounds.united(node->sceneBoundingRect());
    return bounds;
}

EdgeItem* FlowScene::edgeItem(const QString& from, const QString& to) const
{
    return m_edges.value({from, to});
}

// --- Document signals ---

void FlowScene::rebuild()
{
    m_selectionBatch = true;
    m_animationTimer.stop();
    m_runningNodes.clear();
    m_connectSource = nullptr;
    m_connectTarget = nullptr;
    m_connectPreview = nullptr;  // deleted by clear()
    m_moveStart.clear();
    m_moving = false;
    m_movePushed = false;
    clear();
    m_nodes.clear();
    m_edges.clear();

    const Flow& flow = m_document->flow();
    m_nodes.reserve(flow.steps.size());
    for (const Step& step : flow.steps) {
        auto* node = new NodeItem(step);
        addItem(node);
        m_nodes.insert(step.id, node);
    }
    for (const Edge& edge : flow.edges)
        addEdge(edge.from, edge.to);

    // The scene rect is set once here and only grows afterwards (growSceneRect), so the
    // view never recomputes it from the items while drawing.
    setSceneRect(paddedRect(flowBoundingRect()));

    m_selectionBatch = false;
    onSelectionChanged();
}

void FlowScene::addNode(const QString& id)
{
    const Step* step = m_document->flow().step(id);
    if (!step || m_nodes.contains(id))
        return;
    auto* node = new NodeItem(*step);
    addItem(node);
    m_nodes.insert(id, node);
    growSceneRect(node->sceneBoundingRect());
}

void FlowScene::removeNode(const QString& id)
{
    NodeItem* node = m_nodes.take(id);
    if (!node)
        return;

    const QList<EdgeItem*> edges = node->edges();
    for (EdgeItem* edge : edges)
        removeEdge(edge->fromId(), edge->toId());
    setRunning(node, false);
    m_moveStart.remove(id);
    if (m_connectSource == node || m_connectTarget == node) {
        delete m_connectPreview;
        m_connectPreview = nullptr;
        m_connectSource = nullptr;
        m_connectTarget = nullptr;
    }
    delete node;
}

void FlowScene::updateNode(const QString& oldId, const QString& id)
{
    const Step* step = m_document->flow().step(id);
    NodeItem* node = m_nodes.take(oldId);
    if (!step || !node)
        return;

    // Edges are keyed by their ends' ids, so a rename re-keys the node's edges.
    const QList<EdgeItem*> edges = node->edges();
    for (EdgeItem* edge : edges)
        m_edges.remove({edge->fromId(), edge->toId()});
    node->setStep(*step);
    for (EdgeItem* edge : edges)
        m_edges.insert({edge->fromId(), edge->toId()}, edge);
    m_nodes.insert(id, node);
    node->moveTo(step->position);

    // The selected items stay the same, so only the reported id changes.
    const int selectedIndex = m_lastSelection.indexOf(oldId);
    if (selectedIndex >= 0)
        m_lastSelection[selectedIndex] = id;
}

void FlowScene::moveNode(const QString& id, const QPointF& position)
{
    NodeItem* node = m_nodes.value(id);
    if (!node)
        return;
    node->moveTo(position);
    growSceneRect(node->sceneBoundingRect());
}

void FlowScene::addEdge(const QString& from, const QString& to)
{
    NodeItem* source = m_nodes.value(from);
    NodeItem* target = m_nodes.value(to);
    if (!source || !target || m_edges.contains({from, to}))
        return;
    auto* edge = new EdgeItem(source, target);
    addItem(edge);
    source->addEdge(edge);
    target->addEdge(edge);
    m_edges.insert({from, to}, edge);
}

void FlowScene::removeEdge(const QString& from, const QString& to)
{
    EdgeItem* edge = m_edges.take({from, to});
    if (!edge)
        return;
    edge->source()->removeEdge(edge);
    edge->target()->removeEdge(edge);
    delete edge;
}

void FlowScene::growSceneRect(const QRectF& rect)
{
    if (sceneRect().contains(rect))
        return;
    setSceneRect(sceneRect().united(paddedRect(rect)));
}

bool FlowScene::event(QEvent* event)
{
    const bool result = QGraphicsScene::event(event);
    switch (event->type()) {
    case QEvent::PaletteChange:
    case QEvent::ApplicationPaletteChange:
    case QEvent::FontChange:
    case QEvent::ApplicationFontChange:
        updateStyle();
        break;
    default:
        break;
    }
    return result;
}

void FlowScene::updateStyle()
{
    m_style = CanvasStyle::create(palette(), font());
    setBackgroundBrush(m_style.background);
    update();
}

// --- Mouse gestures ---

NodeItem* FlowScene::nodeAt(const QPointF& scenePos, NodeItem* except) const
{
    const QList<QGraphicsItem*> hits = items(scenePos);
    for (QGraphicsItem* item : hits) {
        auto* node = qgraphicsitem_cast<NodeItem*>(item);
        if (node && node != except)
            return node;
    }
    return nullptr;
}

void FlowScene::mousePressEvent(QGraphicsSceneMouseEvent* event)
{
    if (event->button() == Qt::LeftButton && beginConnect(event->scenePos())) {
        event->accept();
        return;
    }

    QGraphicsScene::mousePressEvent(event);
    if (event->button() != Qt::LeftButton)
        return;
    if (auto* node = qgraphicsitem_cast<NodeItem*>(mouseGrabberItem()))
        beginMove(node, event->scenePos());
}

void FlowScene::mouseMoveEvent(QGraphicsSceneMouseEvent* event)
{
    if (m_connectSource) {
        updateConnect(event->scenePos());
        event->accept();
        return;
    }
    if (!m_moveStart.isEmpty() && (event->buttons() & Qt::LeftButton)) {
        updateMove(event->scenePos(), false);
        event->accept();
        return;
    }
    QGraphicsScene::mouseMoveEvent(event);
}

void FlowScene::mouseReleaseEvent(QGraphicsSceneMouseEvent* event)
{
    if (m_connectSource && event->button() == Qt::LeftButton) {
        finishConnect(event->scenePos());
        event->accept();
        return;
    }
    if (!m_moveStart.isEmpty() && event->button() == Qt::LeftButton) {
        updateMove(event->scenePos(), true);
        m_moveStart.clear();
        m_moving = false;
        m_movePushed = false;
    }
    QGraphicsScene::mouseReleaseEvent(event);
}

void FlowScene::mouseDoubleClickEvent(QGraphicsSceneMouseEvent* event)
{
    if (event->button() == Qt::LeftButton) {
        if (NodeItem* node = nodeAt(event->scenePos()))
            Q_EMIT stepActivated(node->id());
    }
    QGraphicsScene::mouseDoubleClickEvent(event);
}

void FlowScene::contextMenuEvent(QGraphicsSceneContextMenuEvent* event)
{
    NodeItem* node = nodeAt(event->scenePos());
    if (!node) {
        event->ignore();
        return;
    }
    if (!node->isSelected())
        selectSteps({node->id()});
    Q_EMIT stepContextMenuRequested(node->id(), event->screenPos());
    event->accept();
}

bool FlowScene::beginConnect(const QPointF& scenePos)
{
    NodeItem* node = nodeAt(scenePos);
    if (!node)
        return false;
    const NodeItem::Port port = node->portAt(node->mapFromScene(scenePos));
    if (port == NodeItem::Port::None)
        return false;

    m_connectSource = node;
    m_connectFromOutput = port == NodeItem::Port::Output;
    m_connectPreview = new QGraphicsPathItem;
    QPen pen(m_style.connectPreview, 2, Qt::DashLine, Qt::RoundCap);
    m_connectPreview->setPen(pen);
    m_connectPreview->setZValue(3);
    addItem(m_connectPreview);
    updateConnect(scenePos);
    return true;
}

void FlowScene::updateConnect(const QPointF& scenePos)
{
    NodeItem* target = nodeAt(scenePos, m_connectSource);
    if (target != m_connectTarget) {
        if (m_connectTarget)
            m_connectTarget->setConnectTarget(false);
        if (target)
            target->setConnectTarget(true);
        m_connectTarget = target;
    }

    // The preview snaps to the port the edge would use on the node under the cursor.
    if (m_connectFromOutput) {
        const QPointF end = target ? target->inputPortScenePos() : scenePos;
        m_connectPreview->setPath(EdgeItem::curve(m_connectSource->outputPortScenePos(), end));
    } else {
        const QPointF start = target ? target->outputPortScenePos() : scenePos;
        m_connectPreview->setPath(EdgeItem::curve(start, m_connectSource->inputPortScenePos()));
    }
}

void FlowScene::finishConnect(const QPointF& scenePos)
{
    NodeItem* source = m_connectSource;
    const bool fromOutput = m_connectFromOutput;
    if (m_connectTarget)
        m_connectTarget->setConnectTarget(false);
    delete m_connectPreview;
    m_connectPreview = nullptr;
    m_connectSource = nullptr;
    m_connectTarget = nullptr;

    // Releasing on empty canvas, or on the port the drag started from, connects nothing.
    NodeItem* target = nodeAt(scenePos, source);
    if (!target) {
        target = nodeAt(scenePos);
        const NodeItem::Port startPort = fromOutput ? NodeItem::Port::Output
                                                    : NodeItem::Port::Input;
        if (!target || target->portAt(target->mapFromScene(scenePos)) == startPort)
            return;
    }

    const QString from = fromOutput ? source->id() : target->id();
    const QString to = fromOutput ? target->id() : source->id();
    QString error;
    if (!m_document->connectSteps(from, to, &error))
        Q_EMIT statusMessage(error);
}

void FlowScene::beginMove(NodeItem* pressed, const QPointF& scenePos)
{
    m_moveStart.clear();
    m_moveStart.insert(pressed->id(), pressed->pos());
    const QList<QGraphicsItem*> items = selectedItems();
    for (QGraphicsItem* item : items) {
        if (auto* node = qgraphicsitem_cast<NodeItem*>(item))
            m_moveStart.insert(node->id(), node->pos());
    }
    m_movePressPos = scenePos;
    m_moving = false;
    m_movePushed = false;
}

void FlowScene::updateMove(const QPointF& scenePos, bool final)
{
    const QPointF delta = scenePos - m_movePressPos;
    if (!m_moving) {
        // A press that stays within the start-drag distance is a click, not a move.
        if (final || delta.manhattanLength() < QApplication::startDragDistance())
            return;
        m_moving = true;
    }

    // Each node snaps on its own, so nodes that were off the grid land on it after a drag.
    QHash<QString, QPointF> positions;
    bool moved = false;
    for (auto it = m_moveStart.cbegin(); it != m_moveStart.cend(); ++it) {
        const QPointF position = snapped(it.value() + delta);
        positions.insert(it.key(), position);
        moved = moved || position != it.value();
    }

    // The first change of a drag starts an undo entry and the rest of the drag merges
    // into it. A drag back to the start leaves no entry (the document drops a move that
    // changes nothing), so the next change starts a new one.
    m_document->moveSteps(positions, m_movePushed);
    m_movePushed = moved;
}

QPointF FlowScene::snapped(const QPointF& position) const
{
    if (!m_snapToGrid)
        return position;
    const qreal grid = CanvasStyle::kGridSize;
    return QPointF(std::round(position.x() / grid) * grid, std::round(position.y() / grid) * grid);
}

}  // namespace cairn
