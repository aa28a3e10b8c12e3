#pragma once

#include "canvasstyle.h"

#include <QColor>
#include <QFont>
#include <QPalette>

class QAbstractAxis;
class QChart;

namespace cairn {

// Colours and fonts of the run charts (Timeline and Trends), from the widget's palette in
// its dark or light mode. Step statuses use the canvas colours, except that cancelled steps
// are grey.
struct ChartStyle {
    // Minimum height of the Timeline and Trends charts, in pixels. With the default
    // application font it keeps their axis labels and titles whole instead of "…". A larger
    // font needs more.
    static constexpr int kMinimumHeight = 210;

    static ChartStyle create(const QPalette& palette, const QFont& font);

    QColor statusColor(StepStatus status) const;
    // Sets the chart's background, title and legend to the palette, with narrow margins so
    // that the plot keeps its labels at the chart's minimum height.
    void apply(QChart* chart) const;
    // Sets an axis's labels, title, line and grid to the palette.
    void apply(QAbstractAxis* axis) const;

    bool dark = false;
    QFont font;
    QFont titleFont;
    QColor background;
    QColor text;
    QColor grid;
    QColor axisLine;
    CanvasStyle canvas;  // the source of the status colours
};

}  // namespace cairn
