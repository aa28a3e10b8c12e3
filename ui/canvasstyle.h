#pragma once

// Sizes, fonts and colours of the canvas. Colours follow the palette's dark or light mode.
// The scene builds one CanvasStyle from its palette and font and rebuilds it when either
// changes.

#include "store.h"

#include <QColor>
#include <QFont>
#include <QPalette>
#include <QSizeF>
#include <QString>

namespace cairn {

struct CanvasStyle {
    // Node geometry in scene pixels. A node's position is its top-left corner.
    static constexpr qreal kNodeWidth = 220;
    static constexpr qreal kNodeHeight = 72;
    static constexpr qreal kCornerRadius = 8;
    static constexpr qreal kPortRadius = 6;
    // Ports accept presses a little outside their circle, so they are easy to hit.
    static constexpr qreal kPortHitRadius = 10;
    static constexpr qreal kStatusBandWidth = 6;
    static constexpr qreal kGridSize = 20;
    // Below this scale a node is painted as a filled rectangle without text.
    static constexpr qreal kDetailThreshold = 0.4;

    static QSizeF nodeSize() { return {kNodeWidth, kNodeHeight}; }

    static CanvasStyle create(const QPalette& palette, const QFont& font);

    // The colour of a status band and badge.
    QColor statusColor(StepStatus status) const;
    // The status as a short translated word ("running", "cached", …).
    static QString statusText(StepStatus status);
    // Formats "0.4 s", "12 s", "3 min 5 s" or "2 h 5 min", or returns an empty string when
    // seconds is negative (unknown).
    static QString durationText(double seconds);

    bool dark = false;
    QFont titleFont;
    QFont detailFont;
    QColor background;
    QColor gridLine;
    QColor gridLineMajor;
    QColor nodeFill;
    QColor nodeBorder;
    QColor nodeText;
    QColor nodeSubtleText;  // the status and duration line
    QColor selection;       // border of selected nodes and selected edges
    QColor port;
    QColor portHover;
    QColor edge;
    QColor connectPreview;
    QColor noStatusBand;    // the band of a node that has no run state
};

}  // namespace cairn
