#include "flowview.h"

#include "canvasstyle.h"
#include "flowclipboard.h"
#include "flowscene.h"

#include <QDragEnterEvent>
#include <QDragMoveEvent>
#include <QDropEvent>
#include <QKeyEvent>
#include <QMimeData>
#include <QMouseEvent>
#include <QScrollBar>
#include <QVarLengthArray>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace cairn {

namespace {

constexpr qreal kMinZoom = 0.02;
constexpr qreal kMaxZoom = 4.0;
constexpr qreal kZoomStep = 1.25;
// fitToView never enlarges past this, so a flow of one or two steps is not blown up.
constexpr qreal kMaxFitZoom = 1.0;
constexpr qreal kFitMargin = 40;  // scene pixels around the flow after fitToView
// Grid lines closer than this many viewport pixels are not drawn.
constexpr qreal kMinGridSpacingPx = 10;
constexpr int kMajorGridEvery = 5;

// Vertical and horizontal lines every spacing scene pixels across rect.
void addGridLines(QVarLengthArray<QLineF, 256>* lines, const QRectF& rect, qreal spacing)
{
    const qreal left = std::floor(rect.left() / spacing) * spacing;
    const qreal top = std::floor(rect.top() / spacing) * spacing;
    for (qreal x = left; x <= rect.right(); x += spacing)
        lines->append(QLineF(x, rect.top(), x, rect.bottom()));
    for (qreal y = top; y <= rect.bottom(); y += spacing)
        lines->append(QLineF(rect.left(), y, rect.right(), y));
}

}  // namespace

FlowView::FlowView(FlowScene* scene, QWidget* parent)
    : QGraphicsView(scene, parent),
      m_scene(scene)
{
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    // Items have no cache, because a pixmap per node costs about 58 KB at zoom 1 (200 x 72
    // pixels x 4 bytes), over 100 MB at 2,000 nodes. The view caches only its background.
    setCacheMode(QGraphicsView::CacheBackground);
    setViewportUpdateMode(QGraphicsView::MinimalViewportUpdate);
    setOptimizationFlag(QGraphicsView::DontAdjustForAntialiasing, true);

    setDragMode(QGraphicsView::RubberBandDrag);
    setRubberBandSelectionMode(Qt::ContainsItemShape);
    // Zoom keeps the point under the cursor in place by scrolling itself (zoomAround).
    setTransformationAnchor(QGraphicsView::NoAnchor);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setFrameShape(QFrame::NoFrame);
    setFocusPolicy(Qt::StrongFocus);
    setAcceptDrops(true);
}

void FlowView::setSnapToGrid(bool snap)
{
    m_scene->setSnapToGrid(snap);
}

bool FlowView::snapToGrid() const
{
    return m_scene->snapToGrid();
}

qreal FlowView::zoomFactor() const
{
    return transform().m11();
}

void FlowView::zoomIn()
{
    zoomAround(viewport()->rect().center(), kZoomStep);
}

void FlowView::zoomOut()
{
    zoomAround(viewport()->rect().center(), 1 / kZoomStep);
}

void FlowView::resetZoom()
{
    const QPointF centre = mapToScene(viewport()->rect().center());
    setTransform(QTransform());
    centerOn(centre);
}

void FlowView::fitToView()
{
    const QRectF bounds = m_scene->flowBoundingRect();
    if (bounds.isEmpty()) {
        setTransform(QTransform());
        centerOn(0, 0);
        return;
    }

    fitInView(bounds.adjusted(-kFitMargin, -kFitMargin, kFitMargin, kFitMargin),
              Qt::KeepAspectRatio);
    if (zoomFactor() > kMaxFitZoom) {
        setTransform(QTransform::fromScale(kMaxFitZoom, kMaxFitZoom));
        centerOn(bounds.center());
    }
}

void FlowView::zoomAround(const QPoint& viewportPos, qreal factor)
{
    // A view fitted to a very large flow may sit below kMinZoom, and zooming out stops there.
    const qreal current = zoomFactor();
    const qreal target = std::clamp(current * factor, std::min(kMinZoom, current), kMaxZoom);
    if (qFuzzyCompare(target, current))
        return;

    const QPointF anchor = mapToScene(viewportPos);
    scale(target / current, target / current);
    panBy(mapFromScene(anchor) - viewportPos);
}

void FlowView::panBy(const QPoint& delta)
{
    horizontalScrollBar()->setValue(horizontalScrollBar()->value() + delta.x());
    verticalScrollBar()->setValue(verticalScrollBar()->value() + delta.y());
}

void FlowView::endPan()
{
    m_panning = false;
    if (m_spaceHeld)
        viewport()->setCursor(Qt::OpenHandCursor);
    else
        viewport()->unsetCursor();
}

QPointF FlowView::cursorScenePos() const
{
    if (m_hasMousePos && viewport()->rect().contains(m_lastMousePos))
        return mapToScene(m_lastMousePos);
    return mapToScene(viewport()->rect().center());
}

bool FlowView::event(QEvent* event)
{
    // QWidget::event moves the focus on Tab before keyPressEvent is called.
    if (event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Tab && !(key->modifiers() & ~Qt::KeypadModifier)) {
            Q_EMIT quickAddRequested(cursorScenePos());
            return true;
        }
    }
    return QGraphicsView::event(event);
}

void FlowView::wheelEvent(QWheelEvent* event)
{
    const int angle = event->angleDelta().y();
    if (angle == 0) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    // 120 units (one notch of most mice) zoom by about 20 %.
    zoomAround(event->position().toPoint(), std::pow(1.0015, angle));
    event->accept();
}

void FlowView::mousePressEvent(QMouseEvent* event)
{
    const bool middle = event->button() == Qt::MiddleButton;
    const bool spaceDrag = event->button() == Qt::LeftButton && m_spaceHeld;
    if (middle || spaceDrag) {
        m_panning = true;
        m_panLast = event->position().toPoint();
        viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void FlowView::mouseMoveEvent(QMouseEvent* event)
{
    m_lastMousePos = event->position().toPoint();
    m_hasMousePos = true;
    if (m_panning) {
        panBy(m_panLast - m_lastMousePos);
        m_panLast = m_lastMousePos;
        event->accept();
        return;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void FlowView::mouseReleaseEvent(QMouseEvent* event)
{
    if (m_panning
        && (event->button() == Qt::MiddleButton || event->button() == Qt::LeftButton)) {
        endPan();
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

void FlowView::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Space) {
        if (!event->isAutoRepeat()) {
            m_spaceHeld = true;
            if (!m_panning)
                viewport()->setCursor(Qt::OpenHandCursor);
        }
        event->accept();
        return;
    }

    // Shortcuts of the window's actions take these keys first. Without such actions the
    // view handles the keys itself.
    if (!(event->modifiers() & ~(Qt::KeypadModifier | Qt::ShiftModifier))) {
        switch (event->key()) {
        case Qt::Key_Plus:
        case Qt::Key_Equal:
            zoomIn();
            return;
        case Qt::Key_Minus:
            zoomOut();
            return;
        case Qt::Key_0:
            resetZoom();
            return;
        case Qt::Key_F:
            fitToView();
            return;
        default:
            break;
        }
    }
    QGraphicsView::keyPressEvent(event);
}

void FlowView::keyReleaseEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Space) {
        if (!event->isAutoRepeat()) {
            m_spaceHeld = false;
            if (!m_panning)
                viewport()->unsetCursor();
        }
        event->accept();
        return;
    }
    QGraphicsView::keyReleaseEvent(event);
}

void FlowView::focusOutEvent(QFocusEvent* event)
{
    m_spaceHeld = false;
    if (m_panning)
        endPan();
    else
        viewport()->unsetCursor();
    QGraphicsView::focusOutEvent(event);
}

// No item takes drops, so the view accepts flow fragments and nothing else. The scene's
// own handlers would accept every drag entering it.
void FlowView::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasFormat(QLatin1String(kFlowFragmentMimeType)))
        event->acceptProposedAction();
    else
        event->ignore();
}

void FlowView::dragMoveEvent(QDragMoveEvent* event)
{
    if (event->mimeData()->hasFormat(QLatin1String(kFlowFragmentMimeType)))
        event->acceptProposedAction();
    else
        event->ignore();
}

void FlowView::dropEvent(QDropEvent* event)
{
    const QMimeData* mime = event->mimeData();
    if (!mime->hasFormat(QLatin1String(kFlowFragmentMimeType))) {
        event->ignore();
        return;
    }
    const QPointF scenePos = mapToScene(event->position().toPoint());
    event->acceptProposedAction();
    Q_EMIT fragmentDropped(mime->data(QLatin1String(kFlowFragmentMimeType)), scenePos);
}

void FlowView::drawBackground(QPainter* painter, const QRectF& rect)
{
    QGraphicsView::drawBackground(painter, rect);

    // Minor lines every grid cell and major lines every few cells, each drawn only while
    // its lines stay far enough apart on screen to read as a grid rather than a fill.
    const CanvasStyle& style = m_scene->style();
    const qreal zoom = zoomFactor();
    const qreal minor = CanvasStyle::kGridSize;
    const qreal major = minor * kMajorGridEvery;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    for (const qreal spacing : {minor, major}) {
        if (spacing * zoom < kMinGridSpacingPx)
            continue;
        QVarLengthArray<QLineF, 256> lines;
        addGridLines(&lines, rect, spacing);
        painter->setPen(QPen(spacing == major ? style.gridLineMajor : style.gridLine, 0));
        painter->drawLines(lines.constData(), int(lines.size()));
    }
    painter->restore();
}

}  // namespace cairn
