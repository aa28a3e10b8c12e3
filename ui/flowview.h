#pragma once

// The canvas view. It zooms with the wheel around the cursor and with the zoom slots, and
// pans with the middle button or with space held and a left drag. A left drag on empty
// canvas selects with a rubber band. Tab requests the quick-add popup, and drops of flow
// fragments (palette entries) are reported.

#include <QGraphicsView>
#include <QPoint>
#include <QPointF>

namespace cairn {

class FlowScene;

class FlowView : public QGraphicsView {
    Q_OBJECT
public:
    FlowView(FlowScene* scene, QWidget* parent = nullptr);

    FlowScene* flowScene() const { return m_scene; }

    void setSnapToGrid(bool snap);
    bool snapToGrid() const;

    // The current scale: 1 shows the scene at its size in pixels.
    qreal zoomFactor() const;

public Q_SLOTS:
    void zoomIn();
    void zoomOut();
    void resetZoom();
    void fitToView();

Q_SIGNALS:
    void quickAddRequested(const QPointF& scenePos);
    void fragmentDropped(const QByteArray& fragment, const QPointF& scenePos);

protected:
    bool event(QEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void keyReleaseEvent(QKeyEvent* event) override;
    void focusOutEvent(QFocusEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void drawBackground(QPainter* painter, const QRectF& rect) override;

private:
    // Scales by factor, keeping the scene point under viewportPos in place.
    void zoomAround(const QPoint& viewportPos, qreal factor);
    void panBy(const QPoint& delta);
    void endPan();
    QPointF cursorScenePos() const;

    FlowScene* m_scene;
    bool m_spaceHeld = false;
    bool m_panning = false;
    QPoint m_panLast;        // viewport position of the last pan step
    QPoint m_lastMousePos;   // viewport position of the last mouse move
    bool m_hasMousePos = false;
};

}  // namespace cairn
