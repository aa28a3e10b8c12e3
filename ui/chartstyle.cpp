#include "chartstyle.h"

#include <QAbstractAxis>
#include <QChart>
#include <QGraphicsLayout>
#include <QLegend>

namespace cairn {

ChartStyle ChartStyle::create(const QPalette& palette, const QFont& font)
{
    ChartStyle style;
    style.canvas = CanvasStyle::create(palette, font);
    style.dark = style.canvas.dark;
    style.font = font;
    style.titleFont = font;
    style.titleFont.setBold(true);
    style.background = palette.color(QPalette::Base);
    style.text = palette.color(QPalette::Text);
    style.grid = style.canvas.gridLineMajor;
    style.axisLine = style.canvas.nodeBorder;
    return style;
}

QColor ChartStyle::statusColor(StepStatus status) const
{
    if (status == StepStatus::Cancelled)
        return canvas.statusColor(StepStatus::NotRun);
    return canvas.statusColor(status);
}

void ChartStyle::apply(QChart* chart) const
{
    chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundBrush(background);
    chart->setBackgroundRoundness(0);
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    chart->setMargins(QMargins(6, 2, 6, 2));
    chart->setTitleBrush(text);
    chart->setTitleFont(titleFont);
    chart->legend()->setLabelColor(text);
    chart->legend()->setFont(font);
}

void ChartStyle::apply(QAbstractAxis* axis) const
{
    axis->setLabelsBrush(text);
    axis->setLabelsFont(font);
    axis->setTitleBrush(text);
    axis->setTitleFont(font);
    axis->setLinePenColor(axisLine);
    axis->setGridLineColor(grid);
}

}  // namespace cairn
