#include "trendschart.h"

#include "chartstyle.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QEvent>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLoggingCategory>
#include <QStackedLayout>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <iterator>

namespace cairn {

namespace {

Q_LOGGING_CATEGORY(lcTrends, "cairn.ui.trends", QtWarningMsg)

// Widths in categories (runs): the cache bar's, and the span over which the points of the
// steps are spread inside it.
constexpr qreal kBarWidth = 0.6;
constexpr qreal kDodgeWidth = 0.5;

double durationS(const StepRunRecord& record)
{
    return record.started.msecsTo(record.finished) / 1000.0;
}

// A colour per step. The first nine are the Tableau 10 palette without its purple, because
// that purple is close to the cache bars' colour. Further steps get hues spread around the
// circle by the golden angle.
QColor stepColor(int index, bool dark)
{
    static const QRgb kPalette[] = {0x4e79a7, 0xf28e2b, 0xe15759, 0x76b7b2, 0x59a14f,
                                    0xedc948, 0xff9da7, 0x9c755f, 0xbab0ac};
    constexpr int kPaletteSize = int(std::size(kPalette));
    if (index < kPaletteSize) {
        const QColor color(kPalette[index]);
        return dark ? color.lighter(115) : color;
    }
    const int hue = ((index - kPaletteSize) * 137) % 360;
    return QColor::fromHsv(hue, dark ? 150 : 200, dark ? 235 : 175);
}

}  // namespace

TrendsChart::TrendsChart(QWidget* parent)
    : QWidget(parent), m_chart(new QChart), m_view(new QChartView(m_chart)),
      m_message(new QLabel)
{
    m_view->setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(ChartStyle::kMinimumHeight);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);

    auto* layout = new QStackedLayout(this);
    layout->addWidget(m_message);
    layout->addWidget(m_view);
    showMessage(tr("Open a flow to see how its step durations change across runs."));
}

TrendsChart::~TrendsChart() = default;

void TrendsChart::setStore(const QString& storeDirectory, const QString& flowName)
{
    m_storeDirectory = storeDirectory;
    m_flowName = flowName;
    m_store.reset();
    refresh();
}

void TrendsChart::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        rebuildChart();
}

bool TrendsChart::openStore(QString* error)
{
    if (m_store)
        return true;
    // Opening creates a missing store, and a chart must not create one.
    if (!Store::exists(m_storeDirectory)) {
        *error = tr("No runs are stored in %1 yet: run the flow first.").arg(m_storeDirectory);
        return false;
    }

    m_store = Store::open(m_storeDirectory, error);
    if (!m_store)
        qCWarning(lcTrends) << "cannot open the store" << m_storeDirectory << ":" << *error;
    return m_store != nullptr;
}

void TrendsChart::refresh()
{
    m_runs.clear();
    m_stepDurations.clear();
    m_cacheSaved.clear();
    QString error;
    if (!openStore(&error)) {
        showMessage(error);
        return;
    }

    // NOTE: the runs and their step runs are read on the GUI thread. That is one query for
    // the runs plus one per run, bounded by runLimit().
    QList<RunRecord> runs = m_store->runs(m_flowName, m_runLimit);
    std::reverse(runs.begin(), runs.end());
    for (const RunRecord& run : runs) {
        double saved = 0;
        for (const StepRunRecord& record : m_store->stepRuns(run.number)) {
            if (record.status == StepStatus::Cached)
                saved += record.sourceDurationS;
            else if (record.attempts > 0 && record.started.isValid() && record.finished.isValid())
                m_stepDurations[record.stepId].append(QPointF(run.number, durationS(record)));
        }
        m_runs.append(run.number);
        m_cacheSaved.append(QPointF(run.number, saved));
    }
    rebuildChart();
}

void TrendsChart::rebuildChart()
{
    m_chart->removeAllSeries();
    for (QAbstractAxis* axis : m_chart->axes()) {
        m_chart->removeAxis(axis);
        delete axis;
    }
    if (m_runs.isEmpty()) {
        if (m_store)
            showMessage(tr("The flow %1 has no runs yet.").arg(m_flowName));
        return;
    }

    const ChartStyle style = ChartStyle::create(palette(), font());
    style.apply(m_chart);
    m_chart->setTitle(tr("Seconds per step and saved by the cache, last %n run(s)", nullptr,
                         int(m_runs.size())));
    // Below the plot, the legend takes one line of the dock's width. At the right it needs
    // a line per step, and the eight steps of the weather example already overflow the
    // dock's default height. NOTE: not checked with more steps than fit on one line.
    m_chart->legend()->setAlignment(Qt::AlignBottom);

    // The bars go first so that the lines are drawn over them.
    addCacheSavedSeries();
    // Steps of equal duration in a run would hide each other's points, so each step's points
    // are shifted sideways within the run's category, in legend order, across the width
    // of the bars.
    const int steps = int(m_stepDurations.size());
    int index = 0;
    for (auto it = m_stepDurations.cbegin(); it != m_stepDurations.cend(); ++it, ++index) {
        const qreal offset = steps > 1 ? kDodgeWidth * (qreal(index) / (steps - 1) - 0.5) : 0;
        addStepSeries(it.key(), it.value(), stepColor(index, style.dark), offset);
    }

    double maximum = 0;
    for (const QPointF& point : m_cacheSaved)
        maximum = std::max(maximum, point.y());
    for (const QList<QPointF>& points : m_stepDurations) {
        for (const QPointF& point : points)
            maximum = std::max(maximum, point.y());
    }

    // The bars sit on a category axis with one category per run, so the lines use the position
    // of their run in m_runs as x.
    auto* xAxis = new QBarCategoryAxis;
    for (qint64 run : m_runs)
        xAxis->append(QString::number(run));
    xAxis->setTitleText(tr("Run"));
    if (m_runs.size() > 20)
        xAxis->setLabelsAngle(-90);

    // The unit is in the chart title. Qt Charts 6.4 passes the label format to a printf-style
    // formatter that mangles non-Latin text (a Chinese unit reads "?"), and it turns a
    // vertical axis title on its side, so the ticks carry the plain number only.
    auto* yAxis = new QValueAxis;
    yAxis->setLabelFormat(maximum < 1 ? QStringLiteral("%.2f") : QStringLiteral("%.1f"));
    yAxis->setRange(0, std::max(maximum * 1.1, 0.1));
    yAxis->applyNiceNumbers();

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

void TrendsChart::addStepSeries(const QString& stepId, const QList<QPointF>& points,
                                const QColor& color, qreal offset)
{
    // A line series cannot have holes, so each run of consecutive executions is a series of
    // its own. Runs where the step was reused or did not run are the gaps between them.
    QList<QLineSeries*> segments;
    qsizetype previous = -2;
    for (const QPointF& point : points) {
        const qsizetype position = m_runs.indexOf(qint64(point.x()));
        if (position != previous + 1 || segments.isEmpty()) {
            auto* series = new QLineSeries;
            series->setName(stepId);
            series->setColor(color);
            // Points stay visible because a segment of one run is only a point.
            series->setPointsVisible(true);
            series->setMarkerSize(8);
            series->setPen(QPen(color, 2));
            segments.append(series);
        }
        segments.last()->append(qreal(position) + offset, point.y());
        previous = position;
    }

    for (QLineSeries* series : segments) {
        m_chart->addSeries(series);
        connect(series, &QLineSeries::hovered, this,
                [this, stepId](const QPointF& point, bool state) {
                    const qsizetype position = qRound(point.x());
                    if (!state || position < 0 || position >= m_runs.size()) {
                        QToolTip::hideText();
                        return;
                    }
                    QToolTip::showText(QCursor::pos(),
                                       tr("%1 in run %2: %3 s")
                                           .arg(stepId)
                                           .arg(m_runs[position])
                                           .arg(point.y(), 0, 'f', 2),
                                       m_view);
                });
    }
    // One legend entry per step, not per segment.
    for (int i = 1; i < segments.size(); ++i) {
        for (QLegendMarker* marker : m_chart->legend()->markers(segments[i]))
            marker->setVisible(false);
    }
}

void TrendsChart::addCacheSavedSeries()
{
    const ChartStyle style = ChartStyle::create(palette(), font());
    auto* set = new QBarSet(tr("Saved by the cache"));
    for (const QPointF& point : m_cacheSaved)
        set->append(point.y());
    QColor color = style.statusColor(StepStatus::Cached);
    color.setAlphaF(0.45);
    set->setColor(color);
    set->setBorderColor(style.statusColor(StepStatus::Cached));

    auto* series = new QBarSeries;
    series->append(set);
    series->setBarWidth(kBarWidth);
    m_chart->addSeries(series);
    connect(set, &QBarSet::hovered, this, [this](bool state, int index) {
        if (!state || index < 0 || index >= m_cacheSaved.size()) {
            QToolTip::hideText();
            return;
        }
        QToolTip::showText(QCursor::pos(),
                           tr("Run %1: the cache saved %2 s, the sum of the durations recorded "
                              "for the steps it reused. Steps that ran side by side are all "
                              "counted, so the sum can exceed the run's wall time.")
                               .arg(qint64(m_cacheSaved[index].x()))
                               .arg(m_cacheSaved[index].y(), 0, 'f', 2),
                           m_view);
    });
}

void TrendsChart::showMessage(const QString& message)
{
    m_message->setText(message);
    static_cast<QStackedLayout*>(layout())->setCurrentWidget(m_message);
}

}  // namespace cairn
