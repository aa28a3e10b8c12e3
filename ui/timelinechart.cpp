#include "timelinechart.h"

#include <QAreaSeries>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QEvent>
#include <QFontMetricsF>
#include <QGraphicsRectItem>
#include <QGraphicsSimpleTextItem>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QLoggingCategory>
#include <QScatterSeries>
#include <QStackedLayout>
#include <QToolTip>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace cairn {

namespace {

Q_LOGGING_CATEGORY(lcTimeline, "cairn.ui.timeline", QtWarningMsg)

// Half the height of a bar, in lanes.
constexpr qreal kBarHalfHeight = 0.35;
// Side of the square marking a cached step's start, in pixels.
constexpr qreal kCachedMarkerSize = 10;
// Pixels between a label and its bar, and between a label's text and the edges of its box.
constexpr qreal kLabelGap = 4;
constexpr qreal kLabelMargin = 2;
// Above the series, so that labels are drawn over the bars.
constexpr qreal kLabelZValue = 100;

// The geometry that places the label of one bar, in the chart's item coordinates.
struct LabelRequest {
    QRectF bar;
    QRectF marker;  // the cached marker at the bar's start; empty for other bars
    QRectF lane;    // the whole height of the bar's lane
    qreal clearX;   // the first x right of the bar and of its cached marker
    QSizeF size;    // the label's box
    bool insideOnly = false;  // hidden unless it fits inside the bar
};

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

// Offsets from the lane's centre of the rows a label may take: the centre first, then
// alternately above and below it, as many as fit in the lane.
QList<qreal> rowOffsets(qreal laneHeight, qreal rowHeight)
{
    QList<qreal> offsets{0};
    for (int k = 1; k * rowHeight + rowHeight / 2 <= laneHeight / 2; ++k)
        offsets << -k * rowHeight << k * rowHeight;
    return offsets;
}

bool overlapsAny(const QRectF& rect, const QList<QRectF>& occupied)
{
    return std::any_of(occupied.cbegin(), occupied.cend(),
                       [&rect](const QRectF& other) { return rect.intersects(other); });
}

// Places the outside label of request: right of the bar, else left of it, on the first row
// of its lane where it stays in the plot and overlaps no rectangle in occupied. Returns an
// empty rectangle when there is no such place.
QRectF placeOutside(const LabelRequest& request, const QRectF& plot, const QList<QRectF>& occupied)
{
    const qreal right = request.clearX + kLabelGap;
    const qreal left = request.bar.left() - kLabelGap - request.size.width();
    for (const qreal x : {right, left}) {
        if (x < plot.left() || x + request.size.width() > plot.right())
            continue;
        for (const qreal offset : rowOffsets(request.lane.height(), request.size.height() + 1)) {
            const qreal y = request.lane.center().y() + offset - request.size.height() / 2;
            const QRectF rect(QPointF(x, y), request.size);
            if (!overlapsAny(rect, occupied))
                return rect;
        }
    }
    return QRectF();
}

// Returns the bars and cached markers of every request but the one at index, which a
// label placed outside its bar must not cover.
QList<QRectF> otherBars(const QList<LabelRequest>& requests, int index)
{
    QList<QRectF> bars;
    for (int i = 0; i < requests.size(); ++i) {
        if (i == index)
            continue;
        bars.append(requests[i].bar);
        if (!requests[i].marker.isEmpty())
            bars.append(requests[i].marker);
    }
    return bars;
}

// Lays out one label per request. Labels that fit inside their bar are placed first, since
// they cannot move; the others follow in the order of their bars' starts.
QList<TimelineChart::Label> layoutLabels(const QList<LabelRequest>& requests, const QRectF& plot)
{
    QList<TimelineChart::Label> labels(requests.size());
    QList<QRectF> occupied;
    QList<int> outside;
    for (int i = 0; i < requests.size(); ++i) {
        const LabelRequest& request = requests[i];
        if (request.bar.width() < request.size.width() + 2 * kLabelGap
            || request.bar.height() < request.size.height()) {
            outside.append(i);
            continue;
        }
        QRectF rect(QPointF(), request.size);
        rect.moveCenter(request.bar.center());
        labels[i].rect = rect;
        labels[i].inside = true;
        labels[i].visible = true;
        occupied.append(rect);
    }

    std::stable_sort(outside.begin(), outside.end(), [&requests](int a, int b) {
        return requests[a].bar.left() < requests[b].bar.left();
    });
    for (int i : outside) {
        if (requests[i].insideOnly)
            continue;
        const QRectF rect = placeOutside(requests[i], plot, occupied + otherBars(requests, i));
        labels[i].rect = rect;
        labels[i].visible = !rect.isEmpty();
        if (labels[i].visible)
            occupied.append(rect);
    }
    return labels;
}

// Returns black or white, whichever reads better on color.
QColor textColorOn(const QColor& color)
{
    return qGray(color.rgb()) > 150 ? QColor(Qt::black) : QColor(Qt::white);
}

}  // namespace

TimelineChart::TimelineChart(QWidget* parent)
    : QWidget(parent), m_chart(new QChart), m_view(new QChartView(m_chart)),
      m_chartPage(new QWidget), m_reusedSteps(new QLabel), m_message(new QLabel)
{
    m_view->setRenderHint(QPainter::Antialiasing);
    // Set on the view, not on the page: the list of reused steps below it may wrap.
    m_view->setMinimumHeight(ChartStyle::kMinimumHeight);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_reusedSteps->setObjectName(QStringLiteral("reusedSteps"));
    m_reusedSteps->setAlignment(Qt::AlignCenter);
    m_reusedSteps->setWordWrap(true);

    auto* pageLayout = new QVBoxLayout(m_chartPage);
    pageLayout->setContentsMargins(0, 0, 0, 0);
    pageLayout->addWidget(m_view, 1);
    pageLayout->addWidget(m_reusedSteps);

    auto* layout = new QStackedLayout(this);
    layout->addWidget(m_message);
    layout->addWidget(m_chartPage);
    showMessage(tr("Choose a run in the History tab to see its timeline."));
    // Labels are placed in pixels, so they move whenever the plot area does.
    connect(m_chart, &QChart::plotAreaChanged, this, &TimelineChart::placeLabels);
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
    if (!Store::exists(m_storeDirectory)) {
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
    qDeleteAll(m_labelItems);
    m_labelItems.clear();
    m_labels.clear();
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
    // Bar i is series i: showStatusLegend relies on that order.
    for (int i = 0; i < m_bars.size(); ++i)
        addBarSeries(m_bars[i], m_records[i]);
    addCachedMarkers();
    showStatusLegend();
    showReusedSteps();

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

    // Lanes go down the y axis (laneY), so Worker 1 is at the top of an axis that is not
    // reversed. With Qt Charts 6.4, a reversed axis built while its tab was hidden never
    // showed its labels again (tst_charts checks the labels of a chart built hidden).
    auto* yAxis = new QCategoryAxis;
    const double bottom = laneY(lanes - 1) - 0.5;
    yAxis->setStartValue(bottom);
    for (int lane = lanes - 1; lane >= 0; --lane)
        yAxis->append(tr("Worker %1").arg(lane + 1), laneY(lane) + 0.5);
    yAxis->setRange(bottom, laneY(0) + 0.5);

    m_chart->addAxis(xAxis, Qt::AlignBottom);
    m_chart->addAxis(yAxis, Qt::AlignLeft);
    style.apply(xAxis);
    style.apply(yAxis);
    for (QAbstractSeries* series : m_chart->series()) {
        series->attachAxis(xAxis);
        series->attachAxis(yAxis);
    }
    createLabelItems();
    static_cast<QStackedLayout*>(layout())->setCurrentWidget(m_chartPage);
    placeLabels();
}

void TimelineChart::addBarSeries(const Bar& bar, const StepRunRecord& record)
{
    auto* upper = new QLineSeries;
    auto* lower = new QLineSeries;
    const double y = laneY(bar.lane);
    upper->append(bar.startS, y + kBarHalfHeight);
    upper->append(bar.endS, y + kBarHalfHeight);
    lower->append(bar.startS, y - kBarHalfHeight);
    lower->append(bar.endS, y - kBarHalfHeight);

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
        marker->setMarkerSize(kCachedMarkerSize);
        marker->setColor(style.statusColor(StepStatus::Cached));
        marker->setBorderColor(style.text);
        marker->append(bar.startS, laneY(bar.lane));
        m_chart->addSeries(marker);

        connect(marker, &QScatterSeries::hovered, this, [this, i](const QPointF&, bool state) {
            if (state)
                QToolTip::showText(QCursor::pos(), cachedMarkerToolTip(i), m_view);
            else
                QToolTip::hideText();
        });
    }
}

// Names the cached steps under the chart, since their bars are usually too short to hold
// a label.
void TimelineChart::showReusedSteps()
{
    QStringList ids;
    for (const Bar& bar : std::as_const(m_bars)) {
        if (bar.status == StepStatus::Cached)
            ids.append(bar.stepId);
    }
    m_reusedSteps->setText(ids.isEmpty() ? QString()
                                         : tr("Reused from the cache: %1")
                                               .arg(QLocale().createSeparatedList(ids)));
    m_reusedSteps->setVisible(!ids.isEmpty());
}

QString TimelineChart::reusedStepsText() const
{
    return m_reusedSteps->text();
}

// Returns the tooltip of the cached marker of bar index. Markers of steps reused one after
// another are drawn on top of each other, so it describes every cached step whose marker
// overlaps this one.
QString TimelineChart::cachedMarkerToolTip(int index) const
{
    const QList<QAbstractSeries*> series = m_chart->series();
    const Bar& hovered = m_bars[index];
    const auto position = [this, &series](const Bar& bar) {
        return m_chart->mapToPosition(QPointF(bar.startS, laneY(bar.lane)), series.first());
    };
    QStringList parts;
    for (int i = 0; i < m_bars.size(); ++i) {
        const Bar& bar = m_bars[i];
        if (bar.status != StepStatus::Cached || bar.lane != hovered.lane)
            continue;
        const bool overlaps = i == index
            || std::abs(position(bar).x() - position(hovered).x()) < kCachedMarkerSize;
        if (overlaps)
            parts.append(toolTip(bar, m_records[i]));
    }
    return parts.join(QStringLiteral("<hr>"));
}

// Keeps one legend entry per status in the run, named after the status. That is the entry of
// the first bar of the status, except for cached steps, which use the entry of the first
// start marker because a cached bar is often too short to see. Other entries are hidden.
void TimelineChart::showStatusLegend()
{
    QLegend* legend = m_chart->legend();
    for (QLegendMarker* marker : legend->markers())
        marker->setVisible(false);

    const QList<QAbstractSeries*> series = m_chart->series();
    for (const StepStatus status : {StepStatus::Succeeded, StepStatus::Cached, StepStatus::Failed,
                                    StepStatus::Cancelled, StepStatus::Skipped, StepStatus::NotRun,
                                    StepStatus::Pending, StepStatus::Running}) {
        QAbstractSeries* entry = nullptr;
        if (status == StepStatus::Cached) {
            const auto marker = std::find_if(series.cbegin(), series.cend(), [](QAbstractSeries* s) {
                return s->type() == QAbstractSeries::SeriesTypeScatter;
            });
            entry = marker != series.cend() ? *marker : nullptr;
        } else {
            const auto bar = std::find_if(m_bars.cbegin(), m_bars.cend(),
                                          [status](const Bar& b) { return b.status == status; });
            entry = bar != m_bars.cend() ? series.at(bar - m_bars.cbegin()) : nullptr;
        }
        if (!entry)
            continue;
        const QString text = status == StepStatus::Cached ? tr("cached (result reused)")
                                                          : CanvasStyle::statusText(status);
        for (QLegendMarker* marker : legend->markers(entry)) {
            marker->setLabel(text);
            marker->setVisible(true);
        }
    }
    legend->setAlignment(Qt::AlignBottom);
    legend->show();
}

void TimelineChart::createLabelItems()
{
    const ChartStyle style = ChartStyle::create(palette(), font());
    for (const Bar& bar : m_bars) {
        auto* box = new QGraphicsRectItem(m_chart);
        box->setPen(Qt::NoPen);
        box->setZValue(kLabelZValue);
        box->setAcceptedMouseButtons(Qt::NoButton);
        box->setVisible(false);
        auto* text = new QGraphicsSimpleTextItem(bar.stepId, box);
        text->setFont(style.font);
        text->setPos(kLabelMargin, 0);
        text->setAcceptedMouseButtons(Qt::NoButton);
        m_labelItems.append(box);
    }
}

// Lays out the labels for the current plot area and moves their items there.
void TimelineChart::placeLabels()
{
    const QList<QAbstractSeries*> series = m_chart->series();
    const QRectF plot = m_chart->plotArea();
    if (m_labelItems.size() != m_bars.size() || series.isEmpty() || plot.isEmpty())
        return;

    const ChartStyle style = ChartStyle::create(palette(), font());
    const QFontMetricsF metrics(style.font);
    // Outside a bar, the box keeps the grid and neighbouring bars from showing through.
    QColor boxColor = style.background;
    boxColor.setAlphaF(0.85);
    QList<LabelRequest> requests;
    for (const Bar& bar : m_bars) {
        const auto position = [this, &series](double x, double y) {
            return m_chart->mapToPosition(QPointF(x, y), series.first());
        };
        const double y = laneY(bar.lane);
        LabelRequest request;
        request.bar = QRectF(position(bar.startS, y - kBarHalfHeight),
                             position(bar.endS, y + kBarHalfHeight)).normalized();
        request.lane = QRectF(position(bar.startS, y - 0.5), position(bar.endS, y + 0.5)).normalized();
        request.clearX = request.bar.right();
        if (bar.status == StepStatus::Cached) {
            request.marker = QRectF(0, 0, kCachedMarkerSize, kCachedMarkerSize);
            request.marker.moveCenter(position(bar.startS, y));
            request.clearX = std::max(request.clearX, request.marker.right());
            request.insideOnly = true;
        }
        request.size = QSizeF(metrics.horizontalAdvance(bar.stepId) + 2 * kLabelMargin,
                              metrics.height());
        requests.append(request);
    }

    m_labels = layoutLabels(requests, plot);
    for (int i = 0; i < m_labels.size(); ++i) {
        Label& label = m_labels[i];
        const Bar& bar = m_bars[i];
        label.stepId = bar.stepId;
        QGraphicsRectItem* box = m_labelItems[i];
        box->setVisible(label.visible);
        box->setRect(QRectF(QPointF(), label.rect.size()));
        box->setPos(label.rect.topLeft());
        // Inside a filled bar the box is clear and the text contrasts with the bar; a
        // hatched bar shows the background through it.
        box->setBrush(label.inside ? QBrush(Qt::NoBrush) : QBrush(boxColor));
        const bool onFill = label.inside && bar.status != StepStatus::Cached;
        auto* text = static_cast<QGraphicsSimpleTextItem*>(box->childItems().constFirst());
        text->setBrush(onFill ? textColorOn(style.statusColor(bar.status)) : style.text);
    }
}

void TimelineChart::styleChart()
{
    const ChartStyle style = ChartStyle::create(palette(), font());
    style.apply(m_chart);
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
