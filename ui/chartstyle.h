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
    static ChartStyle create(const QPalette& palette, const QFont& font);

    QColor statusColor(StepStatus status) const;
    // Sets the chart's background, title and legend to the palette.
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
