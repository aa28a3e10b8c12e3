#include "edgeitem.h"

#include "canvasstyle.h"
#include "flowscene.h"
#include "nodeitem.h"

#include <QGuiApplication>
#include <QPainter>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>

#include <algorithm>
#include <cmath>

namespace cairn {

namespace {

constexpr qreal kArrowLength = 10;
constexpr qreal kArrowHalfWidth = 5;
constexpr qreal kPenWidth = 1.8;
constexpr qreal kSelectedPenWidth = 3;
// Width of the stroke that accepts clicks, so a thin curve is easy to select.
constexpr qreal kHitWidth = 12;

}  // namespace

EdgeItem::EdgeItem(NodeItem* source, NodeItem* target)
    : m_source(source),
      m_target(target)
{
    setFlags(ItemIsSelectable);
    setZValue(0);
    adjust();
}

QString EdgeItem::fromId() const
{
    return m_source->id();
}

QString EdgeItem::toId() const
{
    return m_target->id();
}

QPainterPath EdgeItem::curve(const QPointF& from, const QPointF& to)
{
    // The tangents leave and enter horizontally. A target to the left of the source gets
    // longer tangents, so the curve loops around instead of folding onto itself.
    const qreal dx = to.x() - from.x();
    const qreal bend = dx >= 0 ? std::max(dx / 2, 40.0) : std::max(-dx / 2, 80.0);
    QPainterPath path(from);
    path.cubicTo(from + QPointF(bend, 0), to - QPointF(bend, 0), to);
    return path;
}

void EdgeItem::adjust()
{
    prepareGeometryChange();

    // The arrow's tip touches the input port's circle; the curve ends at the arrow's base.
    const QPointF start = m_source->outputPortScenePos() + QPointF(CanvasStyle::kPortRadius, 0);
    const QPointF tip = m_target->inputPortScenePos() - QPointF(CanvasStyle::kPortRadius, 0);
    const QPointF base = tip - QPointF(kArrowLength, 0);
    m_path = curve(start, base);
    m_arrow = QPolygonF({tip, base + QPointF(0, -kArrowHalfWidth),
                         base + QPointF(0, kArrowHalfWidth)});

    const qreal margin = kHitWidth / 2 + 1;
    m_bounds = m_path.boundingRect().united(m_arrow.boundingRect())
                   .adjusted(-margin, -margin, margin, margin);
    m_shape = QPainterPath();
}

QRectF EdgeItem::boundingRect() const
{
    return m_bounds;
}

QPainterPath EdgeItem::shape() const
{
    if (m_shape.isEmpty()) {
        QPainterPathStroker stroker;
        stroker.setWidth(kHitWidth);
        stroker.setCapStyle(Qt::RoundCap);
        m_shape = stroker.createStroke(m_path);
        m_shape.addPolygon(m_arrow);
    }
    return m_shape;
}

void EdgeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*)
{
    const auto* flowScene = qobject_cast<const FlowScene*>(scene());
    static const CanvasStyle fallback =
        CanvasStyle::create(QGuiApplication::palette(), QGuiApplication::font());
    const CanvasStyle& style = flowScene ? flowScene->style() : fallback;
    const QColor color = isSelected() ? style.selection : style.edge;

    // Far out, an edge is a one-pixel line without its arrowhead.
    const qreal detail = option->levelOfDetailFromTransform(painter->worldTransform());
    if (detail < CanvasStyle::kDetailThreshold) {
        QPen pen(color, 0);
        painter->setPen(pen);
        painter->setBrush(Qt::NoBrush);
        painter->drawPath(m_path);
        return;
    }

    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->setPen(QPen(color, isSelected() ? kSelectedPenWidth : kPenWidth));
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(m_path);
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawPolygon(m_arrow);
}

}  // namespace cairn
