#pragma once

// One step on the canvas: a rounded box with title, kind icon, status band and badge,
// duration, and an input port on the left and an output port on the right. Everything is
// painted in paint(), without child items, widgets or effects, so thousands of nodes stay
// cheap. FlowScene owns the items and keeps them in step with the document.

#include "flow.h"
#include "store.h"

#include <QElapsedTimer>
#include <QGraphicsItem>
#include <QList>
#include <QString>

namespace cairn {

class EdgeItem;
class FlowScene;
struct CanvasStyle;

class NodeItem : public QGraphicsItem {
public:
    enum { Type = UserType + 1 };
    enum class Port { None, Input, Output };

    explicit NodeItem(const Step& step);

    int type() const override { return Type; }

    QString id() const { return m_id; }
    QString title() const { return m_title; }
    StepKind kind() const { return m_kind; }
    // Copies the id, title and kind of an edited step.
    void setStep(const Step& step);

    // Run state. A node without a state (a flow that has not run in this window) shows a
    // neutral band and no badge. durationS < 0 means unknown.
    void setState(StepStatus status, const QString& detail, double durationS);
    void clearState();
    bool hasState() const { return m_hasState; }
    StepStatus status() const { return m_status; }
    QString statusDetail() const { return m_detail; }
    double durationS() const { return m_durationS; }
    // The text of the second line: status and duration, or the kind without a state.
    QString statusLine() const;

    // Port centres in scene coordinates.
    QPointF inputPortScenePos() const;
    QPointF outputPortScenePos() const;
    // The port under a point in item coordinates, with a margin around each circle.
    Port portAt(const QPointF& itemPos) const;

    // Highlights a port under the cursor or the whole node as a connection target.
    void setHoveredPort(Port port);
    void setConnectTarget(bool target);

    // Moves the node and its attached edges.
    void moveTo(const QPointF& scenePos);

    void addEdge(EdgeItem* edge) { m_edges.append(edge); }
    void removeEdge(EdgeItem* edge) { m_edges.removeAll(edge); }
    const QList<EdgeItem*>& edges() const { return m_edges; }

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option,
               QWidget* widget) override;

protected:
    void hoverMoveEvent(QGraphicsSceneHoverEvent* event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent* event) override;

private:
    QRectF bodyRect() const;
    const CanvasStyle& style() const;
    QColor bandColor(const CanvasStyle& style) const;
    void updateToolTip();

    void paintSimplified(QPainter* painter, const CanvasStyle& style) const;
    void paintBody(QPainter* painter, const CanvasStyle& style) const;
    void paintStatusBand(QPainter* painter, const CanvasStyle& style) const;
    void paintKindIcon(QPainter* painter, const QRectF& box) const;
    void paintBadge(QPainter* painter, const CanvasStyle& style, const QRectF& box) const;
    void paintTexts(QPainter* painter, const CanvasStyle& style) const;
    void paintPorts(QPainter* painter, const CanvasStyle& style) const;

    QString m_id;
    QString m_title;
    StepKind m_kind = StepKind::Shell;

    bool m_hasState = false;
    StepStatus m_status = StepStatus::Pending;
    QString m_detail;
    double m_durationS = -1;
    QElapsedTimer m_runningClock;  // started when the node turns running without a duration

    Port m_hoveredPort = Port::None;
    bool m_connectTarget = false;
    QList<EdgeItem*> m_edges;
};

}  // namespace cairn
