#pragma once

// The canvas scene: one NodeItem per step and one EdgeItem per edge of a FlowDocument,
// kept in step with the document's signals. The scene never changes the flow itself:
// connecting, moving and deleting call the document's edit methods, and the items follow
// the signals those edits emit. Run states are painted on top and are not part of the
// document.

#include "canvasstyle.h"
#include "store.h"

#include <QGraphicsScene>
#include <QHash>
#include <QList>
#include <QPair>
#include <QPoint>
#include <QPointF>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTimer>

class QGraphicsPathItem;

namespace cairn {

class EdgeItem;
class FlowDocument;
class NodeItem;

class FlowScene : public QGraphicsScene {
    Q_OBJECT
public:
    FlowScene(FlowDocument* document, QObject* parent = nullptr);
    ~FlowScene() override;

    FlowDocument* document() const { return m_document; }

    // Selection, in the flow's order of steps and edges.
    QStringList selectedStepIds() const;
    QList<QPair<QString, QString>> selectedEdges() const;
    // Selects exactly these steps (unknown ids are skipped).
    void selectSteps(const QStringList& ids);
    // Adds the upstream (or downstream) steps of the selected steps to the selection.
    void selectUpstream();
    void selectDownstream();

    // Sets the run state of one step. durationS < 0 means unknown. A running node animates.
    void setStepState(const QString& id, StepStatus status, const QString& detail,
                      double durationS);
    void clearStepStates();

    // The rectangle covering every node in scene coordinates, or an empty one without steps.
    QRectF flowBoundingRect() const;

    // Positions of dragged nodes snap to a grid of CanvasStyle::kGridSize pixels.
    void setSnapToGrid(bool snap) { m_snapToGrid = snap; }
    bool snapToGrid() const { return m_snapToGrid; }

    NodeItem* nodeItem(const QString& id) const { return m_nodes.value(id); }
    EdgeItem* edgeItem(const QString& from, const QString& to) const;
    int nodeCount() const { return int(m_nodes.size()); }
    int edgeCount() const { return int(m_edges.size()); }

    const CanvasStyle& style() const { return m_style; }
    // Frame counter of the running animation, which advances only while a node runs.
    int animationFrame() const { return m_animationFrame; }
    bool isAnimating() const { return m_animationTimer.isActive(); }

Q_SIGNALS:
    void statusMessage(const QString& message);
    void stepSelectionChanged(const QStringList& ids);
    void stepContextMenuRequested(const QString& id, const QPoint& screenPos);
    void stepActivated(const QString& id);

protected:
    bool event(QEvent* event) override;
    void mousePressEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent* event) override;
    void contextMenuEvent(QGraphicsSceneContextMenuEvent* event) override;

private:
    // Document signals.
    void rebuild();
    void addNode(const QString& id);
    void removeNode(const QString& id);
    void updateNode(const QString& oldId, const QString& id);
    void moveNode(const QString& id, const QPointF& position);
    void addEdge(const QString& from, const QString& to);
    void removeEdge(const QString& from, const QString& to);

    // Selection bookkeeping.
    void onSelectionChanged();
    void selectClosure(bool upstream);

    // Mouse gestures.
    NodeItem* nodeAt(const QPointF& scenePos, NodeItem* except = nullptr) const;
    bool beginConnect(const QPointF& scenePos);
    void updateConnect(const QPointF& scenePos);
    void finishConnect(const QPointF& scenePos);
    void beginMove(NodeItem* pressed, const QPointF& scenePos);
    void updateMove(const QPointF& scenePos, bool final);
    QPointF snapped(const QPointF& position) const;

    void updateStyle();
    void growSceneRect(const QRectF& rect);
    void advanceAnimation();
    void setRunning(NodeItem* node, bool running);

    FlowDocument* m_document;
    QHash<QString, NodeItem*> m_nodes;
    QHash<QPair<QString, QString>, EdgeItem*> m_edges;
    CanvasStyle m_style;
    bool m_snapToGrid = true;

    QStringList m_lastSelection;    // the ids last sent with stepSelectionChanged
    bool m_selectionBatch = false;  // true while the scene changes the selection in bulk

    // Animation of running nodes: one timer for the whole scene, active only while
    // m_runningNodes is not empty.
    QTimer m_animationTimer;
    QSet<NodeItem*> m_runningNodes;
    int m_animationFrame = 0;

    // A drag from a port: the node and whether it started at the output port.
    NodeItem* m_connectSource = nullptr;
    bool m_connectFromOutput = true;
    NodeItem* m_connectTarget = nullptr;
    QGraphicsPathItem* m_connectPreview = nullptr;

    // A drag of nodes: start positions of the moved steps and the press point. The drag
    // becomes a move once the cursor leaves the start-drag distance.
    QHash<QString, QPointF> m_moveStart;
    QPointF m_movePressPos;
    bool m_moving = false;
    bool m_movePushed = false;  // this drag has an undo entry that later moves merge into
};

}  // namespace cairn
