#include "canvasstyle.h"

#include <QCoreApplication>

#include <cmath>

namespace cairn {

namespace {

// Blends a towards b by t in [0, 1].
QColor mix(const QColor& a, const QColor& b, qreal t)
{
    return QColor::fromRgbF(a.redF() + (b.redF() - a.redF()) * t,
                            a.greenF() + (b.greenF() - a.greenF()) * t,
                            a.blueF() + (b.blueF() - a.blueF()) * t);
}

}  // namespace

CanvasStyle CanvasStyle::create(const QPalette& palette, const QFont& font)
{
    CanvasStyle style;
    // Larger than the widget font: a fitted flow is usually drawn at well below 100 %.
    style.titleFont = font;
    style.titleFont.setBold(true);
    style.detailFont = font;
    if (font.pointSizeF() > 0) {
        style.titleFont.setPointSizeF(font.pointSizeF() * 1.15);
        style.detailFont.setPointSizeF(font.pointSizeF() * 1.0);
    }

    const QColor window = palette.color(QPalette::Window);
    const QColor text = palette.color(QPalette::WindowText);
    style.dark = window.lightness() < text.lightness();

    // The canvas sits a shade away from the window colour so nodes stand out against it.
    style.background = style.dark ? window.darker(130) : mix(window, Qt::white, 0.6);
    style.gridLine = mix(style.background, text, 0.06);
    style.gridLineMajor = mix(style.background, text, 0.12);
    style.nodeFill = style.dark ? mix(window, Qt::white, 0.08) : QColor(Qt::white);
    style.nodeBorder = mix(style.nodeFill, text, 0.35);
    style.nodeText = palette.color(QPalette::Text);
    style.nodeSubtleText = mix(style.nodeFill, style.nodeText, 0.65);
    style.selection = palette.color(QPalette::Highlight);
    style.port = mix(style.nodeFill, text, 0.55);
    style.portHover = style.selection;
    style.edge = mix(style.background, text, 0.55);
    style.connectPreview = style.selection;
    style.noStatusBand = mix(style.nodeFill, text, 0.2);
    return style;
}

QColor CanvasStyle::statusColor(StepStatus status) const
{
    // Light-mode colours. The dark mode uses lighter tints of the same hues.
    QColor color;
    switch (status) {
    case StepStatus::Pending: color = QColor(0x8a, 0x94, 0xa6); break;
    case StepStatus::Running: color = QColor(0x1e, 0x88, 0xe5); break;
    case StepStatus::Succeeded: color = QColor(0x2e, 0x9d, 0x4a); break;
    case StepStatus::Cached: color = QColor(0x7b, 0x5c, 0xd6); break;
    case StepStatus::Failed: color = QColor(0xd9, 0x3b, 0x3b); break;
    case StepStatus::Cancelled: color = QColor(0xe0, 0x8a, 0x1e); break;
    case StepStatus::Skipped: color = QColor(0xa0, 0x8a, 0x5a); break;
    case StepStatus::NotRun: color = QColor(0xb8, 0xbc, 0xc4); break;
    }
    return dark ? color.lighter(125) : color;
}

QString CanvasStyle::statusText(StepStatus status)
{
    switch (status) {
    case StepStatus::Pending: return QCoreApplication::translate("CanvasStyle", "pending");
    case StepStatus::Running: return QCoreApplication::translate("CanvasStyle", "running");
    case StepStatus::Succeeded: return QCoreApplication::translate("CanvasStyle", "succeeded");
    case StepStatus::Cached: return QCoreApplication::translate("CanvasStyle", "cached");
    case StepStatus::Failed: return QCoreApplication::translate("CanvasStyle", "failed");
    case StepStatus::Cancelled: return QCoreApplication::translate("CanvasStyle", "cancelled");
    case StepStatus::Skipped: return QCoreApplication::translate("CanvasStyle", "skipped");
    case StepStatus::NotRun: return QCoreApplication::translate("CanvasStyle", "not run");
    }
    return QString();
}

QString CanvasStyle::durationText(double seconds)
{
    if (seconds < 0)
        return QString();
    if (seconds < 10)
        return QCoreApplication::translate("CanvasStyle", "%1 s").arg(seconds, 0, 'f', 1);
    if (seconds < 60)
        return QCoreApplication::translate("CanvasStyle", "%1 s").arg(std::lround(seconds));

    const long total = std::lround(seconds);
    if (total < 3600) {
        return QCoreApplication::translate("CanvasStyle", "%1 min %2 s")
            .arg(total / 60)
            .arg(total % 60);
    }
    return QCoreApplication::translate("CanvasStyle", "%1 h %2 min")
        .arg(total / 3600)
        .arg((total % 3600) / 60);
}

}  // namespace cairn
