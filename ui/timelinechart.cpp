#include "timelinechart.h"


#include <QAreaSeries>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QEvent>
#include <QFileInfo>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QLoggingCategory>
#include <QScatterSeries>
#include <QStackedLayout>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>

namespace cairn {

namespace {

Q_LOGGING_CATEGORY(lcTimeline, "cairn.ui.timeline", QtWarningMsg)

// Half the height of a bar, in lanes.
constexpr qreal kBarHalfHeight = 0.35;

// Seconds from origin to time, with the store's millisecond precision.
double secondsFrom(const QDateTime& origin, const QDateTime& time)
{
    return origin.msecsTo(time) / 1000.0;
}

// Gives each bar the lowest lane free at its start. Bars are taken in start order, so a
// lane is free when its last bar finished at or before that start.
void assignLanes(QList<TimelineChart::Bar>* bars)
{
    QList<int> order(bars->size());
    for (int i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(), [bars](int a, int b) {
        const auto& left = bars->at(a);
        const auto& right = bars->at(b);
        return left.startS != right.startS ? left.startS < right.startS : left.endS < right.endS;
    });

    QList<double> laneEnds;
    for (int index : order) {
        TimelineChart::Bar& bar = (*bars)[index];
        int lane = 0;
        while (lane < laneEnds.size() && laneEnds[lane] > bar.startS)
            ++lane;
        if (lane == laneEnds.size())
            laneEnds.append(bar.endS);
        else
            laneEnds[lane] = bar.endS;
        bar.lane = lane;
    }
}

}  // namespace

ChartStyle ChartStyle::create(const QPalette& palette, const QFont& font)
{
    ChartStyle style;
    style.canvas = CanvasStyle::create(palette, font);
    style.dark = style.canvas.dark;
    style.font = font;
    style.titleFont = font;
    style.titleFont.setBold(true);
    if (font.pointSizeF() > 0)
        style.titleFont.setPointSizeF(font.pointSizeF() * 1.2);
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

TimelineChart::TimelineChart(QWidget* parent)
    : QWidget(parent), m_chart(new QChart), m_view(new QChartView(m_chart)),
      m_message(new QLabel)
{
    m_view->setRenderHint(QPainter::Antialiasing);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);

    auto* layout = new QStackedLayout(this);
    layout->addWidget(m_message);
    layout->addWidget(m_view);
    showMessage(tr("Choose a run in the History tab to see its timeline."));
}

TimelineChart::~TimelineChart() = default;

void TimelineChart::setStore(const QString& storeDirectory, const QString& flowName)
{
    m_storeDirectory = storeDirectory;
    m_flowName = flowName;
    m_store.reset();
    m_run = 0;
    load();
}

void TimelineChart::setRun(qint64 run)
{
    m_run = run;
    load();
}

void TimelineChart::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        rebuildChart();
}

bool TimelineChart::openStore(QString* error)
{
    if (m_store)
        return true;
    // Opening creates a missing store, and a chart must not create one.
    if (m_storeDirectory.isEmpty() || !QFileInfo::exists(m_storeDirectory + QStringLiteral("/cairn.db"))) {
        *error = tr("No runs are stored in %1 yet: run the flow first.").arg(m_storeDirectory);
        return false;
    }

    m_store = Store::open(m_storeDirectory, error);
    if (!m_store)
        qCWarning(lcTimeline) << "cannot open the store" << m_storeDirectory << ":" << *error;
    return m_store != nullptr;
}

void TimelineChart::load()
{
    m_bars.clear();
    m_records.clear();
    if (m_run <= 0) {
        showMessage(tr("Choose a run in the History tab to see its timeline."));
        return;
    }
    QString error;
    if (!openStore(&error)) {
        showMessage(error);
        return;
    }
    const std::optional<RunRecord> run = m_store->run(m_run);
    if (!run) {
        showMessage(tr("Run %1 is not in the store %2.").arg(m_run).arg(m_storeDirectory));
        return;
    }

    // Steps that never started (not run, skipped) have no interval and get no bar.
    for (const StepRunRecord& record : m_store->stepRuns(m_run)) {
        if (!record.started.isValid() || !record.finished.isValid())
            continue;
        const double start = secondsFrom(run->started, record.started);
        const double end = std::max(start, secondsFrom(run->started, record.finished));
        m_bars.append(Bar{record.stepId, record.status, start, end, 0});
        m_records.append(record);
    }
    assignLanes(&m_bars);
    rebuildChart();
}

void TimelineChart::rebuildChart()
{
    m_chart->removeAllSeries();
    for (QAbstractAxis* axis : m_chart->axes()) {
        m_chart->removeAxis(axis);
        delete axis;
    }
    if (m_run > 0 && m_bars.isEmpty() && m_store) {
        showMessage(tr("Run %1 has no step that started.").arg(m_run));
        return;
    }
    if (m_bars.isEmpty())
        return;

    styleChart();
    m_chart->setTitle(tr("Run %1: steps by worker").arg(m_run));
    for (int i = 0; i < m_bars.size(); ++i)
        addBarSeries(m_bars[i], m_records[i]);
    addCachedMarkers();

    const ChartStyle style = ChartStyle::create(palette(), font());
    double end = 0;
    int lanes = 0;
    for (const Bar& bar : m_bars) {
        end = std::max(end, bar.endS);
        lanes = std::max(lanes, bar.lane + 1);
    }

    auto* xAxis = new QValueAxis;
    xAxis->setTitleText(tr("Seconds from the start of the run"));
    xAxis->setRange(0, std::max(end * 1.05, 0.1));
    // Short runs need more decimals, or neighbouring labels read the same.
    xAxis->setLabelFormat(end < 1 ? QStringLiteral("%.2f") : QStringLiteral("%.1f"));
    xAxis->applyNiceNumbers();

    auto* yAxis = new QCategoryAxis;
    yAxis->setTitleText(tr("Worker lane"));
    yAxis->setStartValue(-0.5);
    for (int lane = 0; lane < lanes; ++lane)
        yAxis->append(tr("Lane %1").arg(lane + 1), lane + 0.5);
    yAxis->setRange(-0.5, lanes - 0.5);
    yAxis->setReverse(true);

    m_chart->addAxis(xAxis, Qt::AlignBottom);
    m_chart->addAxis(yAxis, Qt::AlignLeft);
    style.apply(xAxis);
    style.apply(yAxis);
    for (QAbstractSeries* series : m_chart->series()) {
        series->attachAxis(xAxis);
        series->attachAxis(yAxis);
    }
    static_cast<QStackedLayout*>(layout())->setCurrentWidget(m_view);
}

void TimelineChart::addBarSeries(const Bar& bar, const StepRunRecord& record)
{
    auto* upper = new QLineSeries;
    auto* lower = new QLineSeries;
    upper->append(bar.startS, bar.lane + kBarHalfHeight);
    upper->append(bar.endS, bar.lane + kBarHalfHeight);
    lower->append(bar.startS, bar.lane - kBarHalfHeight);
    lower->append(bar.endS, bar.lane - kBarHalfHeight);

    auto* area = new QAreaSeries(upper, lower);
    area->setName(bar.stepId);
    upper->setParent(area);
    lower->setParent(area);

    const ChartStyle style = ChartStyle::create(palette(), font());
    QColor color = style.statusColor(bar.status);
    QBrush brush(color);
    if (bar.status == StepStatus::Cached) {
        // Reused results: pale and hatched, so they do not read as executed work.
        color.setAlphaF(0.55);
        brush = QBrush(color, Qt::BDiagPattern);
    }
    area->setBrush(brush);
    area->setPen(QPen(style.statusColor(bar.status).darker(style.dark ? 80 : 130), 1));
    m_chart->addSeries(area);

    const QString text = toolTip(bar, record);
    connect(area, &QAreaSeries::hovered, this, [this, text](const QPointF&, bool state) {
        if (state)
            QToolTip::showText(QCursor::pos(), text, m_view);
        else
            QToolTip::hideText();
    });
}

void TimelineChart::addCachedMarkers()
{
    // A reused result usually takes a few milliseconds, too short to see as a bar, so each one
    // also gets a marker at its start.
    const ChartStyle style = ChartStyle::create(palette(), font());
    for (int i = 0; i < m_bars.size(); ++i) {
        const Bar& bar = m_bars[i];
        if (bar.status != StepStatus::Cached)
            continue;
        auto* marker = new QScatterSeries;
        marker->setName(bar.stepId);
        marker->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
        marker->setMarkerSize(10);
        marker->setColor(style.statusColor(StepStatus::Cached));
        marker->setBorderColor(style.text);
        marker->append(bar.startS, bar.lane);
        m_chart->addSeries(marker);

        const QString text = toolTip(bar, m_records[i]);
        connect(marker, &QScatterSeries::hovered, this, [this, text](const QPointF&, bool state) {
            if (state)
                QToolTip::showText(QCursor::pos(), text, m_view);
            else
                QToolTip::hideText();
        });
    }
}

void TimelineChart::styleChart()
{
    const ChartStyle style = ChartStyle::create(palette(), font());
    style.apply(m_chart);
    m_chart->legend()->hide();
}

void TimelineChart::showMessage(const QString& message)
{
    m_message->setText(message);
    static_cast<QStackedLayout*>(layout())->setCurrentWidget(m_message);
}

QString TimelineChart::toolTip(const Bar& bar, const StepRunRecord& record) const
{
    QStringList lines;
    lines << tr("<b>%1</b>: %2").arg(bar.stepId.toHtmlEscaped(), CanvasStyle::statusText(bar.status));
    lines << tr("Started %1 s after the run").arg(bar.startS, 0, 'f', 3);
    lines << tr("Took %1 s").arg(bar.endS - bar.startS, 0, 'f', 3);
    if (bar.status == StepStatus::Cached) {
        const QString source = record.sourceRun ? QString::number(*record.sourceRun) : tr("unknown");
        lines << tr("Reused from run %1, where it took %2 s")
                     .arg(source)
                     .arg(record.sourceDurationS, 0, 'f', 3);
    }
    if (!record.reason.isEmpty())
        lines << tr("Reason: %1").arg(record.reason.toHtmlEscaped());
    if (!record.error.isEmpty() && record.error != record.reason)
        lines << tr("Error: %1").arg(record.error.toHtmlEscaped());
    return lines.join(QStringLiteral("<br>"));
}

}  // namespace cairn
