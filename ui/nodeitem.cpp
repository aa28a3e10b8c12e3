#include "nodeitem.h"

#include "canvasstyle.h"
#include "edgeitem.h"
#include "flowscene.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QGraphicsSceneHoverEvent>
#include <QGuiApplication>
#include <QPainter>
#include <QPainterPath>
#include <QStyleOptionGraphicsItem>

#include <cmath>

namespace cairn {

namespace {

constexpr qreal kIconSize = 20;
constexpr qreal kBadgeSize = 16;
constexpr qreal kPadding = 10;

// The left band of a node: the rounded body cut to the band's width. The node size is
// fixed, so the path is built once.
const QPainterPath& statusBandPath()
{
    static const QPainterPath path = [] {
        QPainterPath body;
        body.addRoundedRect(QRectF(0, 0, CanvasStyle::kNodeWidth, CanvasStyle::kNodeHeight),
                            CanvasStyle::kCornerRadius, CanvasStyle::kCornerRadius);
        QPainterPath band;
        band.addRect(QRectF(0, 0, CanvasStyle::kStatusBandWidth, CanvasStyle::kNodeHeight));
        return body.intersected(band);
    }();
    return path;
}

QPointF pointIn(const QRectF& box, qreal fx, qreal fy)
{
    return {box.left() + box.width() * fx, box.top() + box.height() * fy};
}

}  // namespace

NodeItem::NodeItem(const Step& step)
{
    setFlags(ItemIsSelectable);
    setAcceptHoverEvents(true);
    setZValue(1);
    setStep(step);
    setPos(step.position);
}

void NodeItem::setStep(const Step& step)
{
    m_id = step.id;
    m_title = step.title;
    m_kind = step.kind;
    updateToolTip();
    update();
}

void NodeItem::setState(StepStatus status, const QString& detail, double durationS)
{
    const bool wasRunning = m_hasState && m_status == StepStatus::Running;
    m_hasState = true;
    m_status = status;
    m_detail = detail;
    m_durationS = durationS;

    // Without a reported duration, a running node counts its own time since it started.
    if (status == StepStatus::Running && durationS < 0) {
        if (!wasRunning || !m_runningClock.isValid())
            m_runningClock.start();
    } else {
        m_runningClock.invalidate();
    }

    updateToolTip();
    update();
}

void NodeItem::clearState()
{
    m_hasState = false;
    m_status = StepStatus::Pending;
    m_detail.clear();
    m_durationS = -1;
    m_runningClock.invalidate();
    updateToolTip();
    update();
}

QString NodeItem::statusLine() const
{
    if (!m_hasState) {
        const QString kind = stepKindName(m_kind);
        if (m_title.isEmpty() || m_title == m_id)
            return kind;
        return QStringLiteral("%1 · %2").arg(kind, m_id);
    }

    double seconds = m_durationS;
    if (seconds < 0 && m_runningClock.isValid())
        seconds = m_runningClock.elapsed() / 1000.0;
    const QString duration = CanvasStyle::durationText(seconds);
    const QString status = CanvasStyle::statusText(m_status);
    return duration.isEmpty() ? status : QStringLiteral("%1 · %2").arg(status, duration);
}

QPointF NodeItem::inputPortScenePos() const
{
    return mapToScene(QPointF(0, CanvasStyle::kNodeHeight / 2));
}

QPointF NodeItem::outputPortScenePos() const
{
    return mapToScene(QPointF(CanvasStyle::kNodeWidth, CanvasStyle::kNodeHeight / 2));
}

NodeItem::Port NodeItem::portAt(const QPointF& itemPos) const
{
    const qreal y = CanvasStyle::kNodeHeight / 2;
    const qreal limit = CanvasStyle::kPortHitRadius * CanvasStyle::kPortHitRadius;
    const QPointF toInput = itemPos - QPointF(0, y);
    const QPointF toOutput = itemPos - QPointF(CanvasStyle::kNodeWidth, y);
    if (QPointF::dotProduct(toInput, toInput) <= limit)
        return Port::Input;
    if (QPointF::dotProduct(toOutput, toOutput) <= limit)
        return Port::Output;
    return Port::None;
}

void NodeItem::setHoveredPort(Port port)
{
    if (port == m_hoveredPort)
        return;
    m_hoveredPort = port;
    if (port == Port::None)
        unsetCursor();
    else
        setCursor(Qt::CrossCursor);
    update();
}

void NodeItem::setConnectTarget(bool target)
{
    if (target == m_connectTarget)
        return;
    m_connectTarget = target;
    update();
}

void NodeItem::moveTo(const QPointF& scenePos)
{
    if (scenePos == pos())
        return;
    setPos(scenePos);
    for (EdgeItem* edge : std::as_const(m_edges))
        edge->adjust();
}

QRectF NodeItem::bodyRect() const
{
    return QRectF(0, 0, CanvasStyle::kNodeWidth, CanvasStyle::kNodeHeight);
}

QRectF NodeItem::boundingRect() const
{
    // The ports' hit circles reach outside the body; the selection border adds a little.
    const qreal side = CanvasStyle::kPortHitRadius;
    return bodyRect().adjusted(-side, -3, side, 3);
}

QPainterPath NodeItem::shape() const
{
    // Winding fill, so the halves of the port circles inside the body are not holes.
    QPainterPath path;
    path.setFillRule(Qt::WindingFill);
    path.addRoundedRect(bodyRect(), CanvasStyle::kCornerRadius, CanvasStyle::kCornerRadius);
    const qreal r = CanvasStyle::kPortHitRadius;
    const qreal y = CanvasStyle::kNodeHeight / 2;
    path.addEllipse(QPointF(0, y), r, r);
    path.addEllipse(QPointF(CanvasStyle::kNodeWidth, y), r, r);
    return path;
}

const CanvasStyle& NodeItem::style() const
{
    if (const auto* flowScene = qobject_cast<const FlowScene*>(scene()))
        return flowScene->style();
    static const CanvasStyle fallback =
        CanvasStyle::create(QGuiApplication::palette(), QGuiApplication::font());
    return fallback;
}

QColor NodeItem::bandColor(const CanvasStyle& style) const
{
    return m_hasState ? style.statusColor(m_status) : style.noStatusBand;
}

void NodeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*)
{
    const CanvasStyle& style = this->style();
    const qreal detail = option->levelOfDetailFromTransform(painter->worldTransform());
    if (detail < CanvasStyle::kDetailThreshold) {
        paintSimplified(painter, style);
        return;
    }

    painter->setRenderHint(QPainter::Antialiasing, true);
    paintBody(painter, style);
    paintStatusBand(painter, style);

    const qreal left = CanvasStyle::kStatusBandWidth + kPadding;
    paintKindIcon(painter, QRectF(left, kPadding, kIconSize, kIconSize));
    if (m_hasState) {
        const QRectF badge(CanvasStyle::kNodeWidth - kPadding - kBadgeSize, kPadding + 2,
                           kBadgeSize, kBadgeSize);
        paintBadge(painter, style, badge);
    }
    paintTexts(painter, style);
    paintPorts(painter, style);
}

void NodeItem::paintSimplified(QPainter* painter, const CanvasStyle& style) const
{
    // Far out, a node is a coloured block: the run state when there is one.
    QColor fill = m_hasState ? style.statusColor(m_status) : style.nodeBorder;
    if (isSelected())
        fill = style.selection;
    painter->fillRect(bodyRect(), fill);
}

void NodeItem::paintBody(QPainter* painter, const CanvasStyle& style) const
{
    const bool highlighted = isSelected() || m_connectTarget;
    QPen pen(highlighted ? style.selection : style.nodeBorder, highlighted ? 2.5 : 1);
    painter->setPen(pen);
    painter->setBrush(style.nodeFill);
    painter->drawRoundedRect(bodyRect(), CanvasStyle::kCornerRadius, CanvasStyle::kCornerRadius);
}

void NodeItem::paintStatusBand(QPainter* painter, const CanvasStyle& style) const
{
    const QColor color = bandColor(style);
    painter->fillPath(statusBandPath(), color);
    if (!m_hasState || m_status != StepStatus::Running)
        return;

    // A lighter segment slides down the band of a running node, one step per frame.
    const FlowScene* flowScene = qobject_cast<const FlowScene*>(scene());
    const int frame = flowScene ? flowScene->animationFrame() : 0;
    const qreal segment = CanvasStyle::kNodeHeight / 3;
    const qreal travel = CanvasStyle::kNodeHeight + segment;
    const qreal top = std::fmod(frame * 4.0, travel) - segment;
    painter->save();
    painter->setClipPath(statusBandPath());
    painter->fillRect(QRectF(0, top, CanvasStyle::kStatusBandWidth, segment),
                      color.lighter(150));
    painter->restore();
}

void NodeItem::paintKindIcon(QPainter* painter, const QRectF& box) const
{
    painter->save();
    switch (m_kind) {
    case StepKind::Shell: {
        // A terminal: dark rounded square with a prompt chevron and a cursor.
        painter->setPen(QPen(QColor(0x78, 0x90, 0x9c), 1));
        painter->setBrush(QColor(0x37, 0x47, 0x4f));
        painter->drawRoundedRect(box, 4, 4);
        QPen pen(QColor(0xec, 0xef, 0xf1), 2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
        painter->setPen(pen);
        const QPointF chevron[] = {pointIn(box, 0.25, 0.3), pointIn(box, 0.45, 0.5),
                                   pointIn(box, 0.25, 0.7)};
        painter->drawPolyline(chevron, 3);
        painter->drawLine(pointIn(box, 0.55, 0.72), pointIn(box, 0.78, 0.72));
        break;
    }
    case StepKind::Python: {
        // Two interlocking rounded squares in the Python colours, each with an eye.
        const QRectF blue(box.topLeft(), box.size() * 0.62);
        const QRectF yellow(pointIn(box, 0.38, 0.38), box.size() * 0.62);
        painter->setPen(Qt::NoPen);
        painter->setBrush(QColor(0x37, 0x76, 0xab));
        painter->drawRoundedRect(blue, 3, 3);
        painter->setBrush(QColor(0xff, 0xd4, 0x3b));
        painter->drawRoundedRect(yellow, 3, 3);
        painter->setBrush(Qt::white);
        painter->drawEllipse(pointIn(blue, 0.3, 0.3), 1.5, 1.5);
        painter->drawEllipse(pointIn(yellow, 0.7, 0.7), 1.5, 1.5);
        break;
    }
    case StepKind::Script: {
        // A page with a folded corner and three lines of text.
        const qreal fold = box.width() * 0.3;
        const QRectF page = box.adjusted(box.width() * 0.12, 0, -box.width() * 0.12, 0);
        QPainterPath outline;
        outline.moveTo(page.topLeft());
        outline.lineTo(page.right() - fold, page.top());
        outline.lineTo(page.right(), page.top() + fold);
        outline.lineTo(page.bottomRight());
        outline.lineTo(page.bottomLeft());
        outline.closeSubpath();
        painter->setPen(QPen(QColor(0x54, 0x6e, 0x7a), 1.2));
        painter->setBrush(QColor(0xcf, 0xd8, 0xdc));
        painter->drawPath(outline);
        for (qreal fy : {0.45, 0.62, 0.79})
            painter->drawLine(pointIn(page, 0.2, fy), pointIn(page, 0.8, fy));
        break;
    }
    }
    painter->restore();
}

void NodeItem::paintBadge(QPainter* painter, const CanvasStyle& style, const QRectF& box) const
{
    const QColor color = style.statusColor(m_status);
    const QPointF c = box.center();
    const qreal r = box.width() / 2;
    painter->save();

    // Open states are rings, and finished states are filled discs with a white glyph.
    switch (m_status) {
    case StepStatus::Pending:
    case StepStatus::NotRun:
        painter->setPen(QPen(color, 2));
        painter->setBrush(Qt::NoBrush);
        painter->drawEllipse(c, r - 1, r - 1);
        if (m_status == StepStatus::NotRun)
            painter->drawLine(pointIn(box, 0.3, 0.5), pointIn(box, 0.7, 0.5));
        break;
    case StepStatus::Running: {
        // A spinner: a three-quarter arc that turns with the scene's animation frame.
        const FlowScene* flowScene = qobject_cast<const FlowScene*>(scene());
        const int frame = flowScene ? flowScene->animationFrame() : 0;
        painter->setPen(QPen(color, 2.5, Qt::SolidLine, Qt::RoundCap));
        painter->setBrush(Qt::NoBrush);
        const QRectF arc = box.adjusted(1.5, 1.5, -1.5, -1.5);
        painter->drawArc(arc, -(frame * 30 % 360) * 16, 270 * 16);
        break;
    }
    default: {
        painter->setPen(Qt::NoPen);
        painter->setBrush(color);
        painter->drawEllipse(c, r, r);
        QPen glyph(Qt::white, 2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
        painter->setPen(glyph);
        painter->setBrush(Qt::NoBrush);
        if (m_status == StepStatus::Succeeded) {
            const QPointF check[] = {pointIn(box, 0.28, 0.52), pointIn(box, 0.44, 0.68),
                                     pointIn(box, 0.72, 0.36)};
            painter->drawPolyline(check, 3);
        } else if (m_status == StepStatus::Cached) {
            // A lightning bolt: the result was reused, not computed again.
            const QPointF bolt[] = {pointIn(box, 0.56, 0.2), pointIn(box, 0.36, 0.54),
                                    pointIn(box, 0.52, 0.54), pointIn(box, 0.44, 0.8),
                                    pointIn(box, 0.66, 0.44), pointIn(box, 0.5, 0.44)};
            painter->setPen(Qt::NoPen);
            painter->setBrush(Qt::white);
            painter->drawPolygon(bolt, 6);
        } else if (m_status == StepStatus::Failed) {
            painter->drawLine(pointIn(box, 0.34, 0.34), pointIn(box, 0.66, 0.66));
            painter->drawLine(pointIn(box, 0.66, 0.34), pointIn(box, 0.34, 0.66));
        } else if (m_status == StepStatus::Cancelled) {
            painter->setPen(Qt::NoPen);
            painter->setBrush(Qt::white);
            painter->drawRect(QRectF(pointIn(box, 0.34, 0.34), pointIn(box, 0.66, 0.66)));
        } else if (m_status == StepStatus::Skipped) {
            const QPointF chevron[] = {pointIn(box, 0.32, 0.3), pointIn(box, 0.52, 0.5),
                                       pointIn(box, 0.32, 0.7)};
            painter->drawPolyline(chevron, 3);
            painter->drawLine(pointIn(box, 0.66, 0.3), pointIn(box, 0.66, 0.7));
        }
        break;
    }
    }
    painter->restore();
}

void NodeItem::paintTexts(QPainter* painter, const CanvasStyle& style) const
{
    const qreal left = CanvasStyle::kStatusBandWidth + kPadding;
    const qreal titleLeft = left + kIconSize + 8;
    const qreal titleRight = CanvasStyle::kNodeWidth - kPadding - (m_hasState ? kBadgeSize + 6 : 0);
    const QRectF titleBox(titleLeft, kPadding, titleRight - titleLeft, kIconSize);
    const QRectF lineBox(left, kPadding + kIconSize + 8, CanvasStyle::kNodeWidth - left - kPadding,
                         CanvasStyle::kNodeHeight - kPadding * 2 - kIconSize - 8);

    const QString title = m_title.isEmpty() ? m_id : m_title;
    painter->setFont(style.titleFont);
    painter->setPen(style.nodeText);
    const QFontMetricsF titleMetrics(style.titleFont);
    painter->drawText(titleBox, Qt::AlignLeft | Qt::AlignVCenter,
                      titleMetrics.elidedText(title, Qt::ElideRight, titleBox.width()));

    painter->setFont(style.detailFont);
    painter->setPen(m_hasState && m_status == StepStatus::Failed ? style.statusColor(m_status)
                                                                 : style.nodeSubtleText);
    const QFontMetricsF lineMetrics(style.detailFont);
    painter->drawText(lineBox, Qt::AlignLeft | Qt::AlignVCenter,
                      lineMetrics.elidedText(statusLine(), Qt::ElideRight, lineBox.width()));
}

void NodeItem::paintPorts(QPainter* painter, const CanvasStyle& style) const
{
    const qreal y = CanvasStyle::kNodeHeight / 2;
    const struct {
        Port port;
        QPointF centre;
    } ports[] = {{Port::Input, QPointF(0, y)}, {Port::Output, QPointF(CanvasStyle::kNodeWidth, y)}};

    painter->setPen(QPen(style.nodeFill, 1.5));
    for (const auto& p : ports) {
        const bool hovered = p.port == m_hoveredPort;
        painter->setBrush(hovered ? style.portHover : style.port);
        const qreal r = hovered ? CanvasStyle::kPortRadius + 1.5 : CanvasStyle::kPortRadius;
        painter->drawEllipse(p.centre, r, r);
    }
}

void NodeItem::updateToolTip()
{
    QStringList lines;
    lines << m_id;
    if (!m_title.isEmpty() && m_title != m_id)
        lines << m_title;
    lines << QCoreApplication::translate("NodeItem", "Kind: %1").arg(stepKindName(m_kind));
    if (m_hasState) {
        QString status = CanvasStyle::statusText(m_status);
        if (!m_detail.isEmpty())
            status = QCoreApplication::translate("NodeItem", "%1: %2").arg(status, m_detail);
        lines << QCoreApplication::translate("NodeItem", "Status: %1").arg(status);
        const QString duration = CanvasStyle::durationText(m_durationS);
        if (!duration.isEmpty())
            lines << QCoreApplication::translate("NodeItem", "Duration: %1").arg(duration);
    }
    setToolTip(lines.join(QLatin1Char('\n')));
}

void NodeItem::hoverMoveEvent(QGraphicsSceneHoverEvent* event)
{
    setHoveredPort(portAt(event->pos()));
}

void NodeItem::hoverLeaveEvent(QGraphicsSceneHoverEvent*)
{
    setHoveredPort(Port::None);
}

}  // namespace cairn
