#pragma once

// One edge on the canvas: a cubic curve from the source's output port to the target's
// input port, ending in an arrowhead. Selectable through a widened stroke of the curve.
// FlowScene owns it, and NodeItem::moveTo() calls adjust().

#include <QGraphicsItem>
#include <QPainterPath>
#include <QPolygonF>
#include <QString>

namespace cairn {

class NodeItem;

class EdgeItem : public QGraphicsItem {
public:
    enum { Type = UserType + 2 };

    EdgeItem(NodeItem* source, NodeItem* target);

    int type() const override { return Type; }

    NodeItem* source() const { return m_source; }
    NodeItem* target() const { return m_target; }
    QString fromId() const;
    QString toId() const;

    // Recomputes the curve from the current port positions.
    void adjust();

    // The curve between two points, bending horizontally out of from and into to. Also
    // used for the preview while a connection is dragged.
    static QPainterPath curve(const QPointF& from, const QPointF& to);

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option,
               QWidget* widget) override;

private:
    NodeItem* m_source;
    NodeItem* m_target;
    QPainterPath m_path;
    QPolygonF m_arrow;
    QRectF m_bounds;
    mutable QPainterPath m_shape;  // built on first use after adjust()
};

}  // namespace cairn
