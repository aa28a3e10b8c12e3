// The Timeline and Trends charts against stores filled by real runs of cairn-cli: bars at
// the recorded start and finish times on worker lanes, cached and failed steps marked, and
// per-step durations and time saved by the cache across runs.

#include "store.h"
#include "testsupport.h"
#include "timelinechart.h"
#include "trendschart.h"

#include <QAreaSeries>
#include <QBarSeries>
#include <QBarSet>
#include <QChartView>
#include <QFileInfo>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsTextItem>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QSet>
#include <QTabWidget>
#include <QTest>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

using namespace cairn;
using namespace cairn::test;

namespace {

const QString kFlowName = QStringLiteral("test");
constexpr double kMillisecond = 0.001;

// A shell step that sleeps 0.2 s, writes <id>.txt and exits with exitCode.
Json sleepingStep(const QString& id, int exitCode = 0)
{
    const QString command =
        QStringLiteral("sleep 0.2\necho %1 > \"$CAIRN_OUTPUT_DIR/%1.txt\"\nexit %2").arg(id).arg(exitCode);
    return Json{{"id", id.toStdString()}, {"kind", "shell"}, {"command", command.toStdString()}};
}

// Steps p and q sleep side by side and r runs after both. The step failingStep, if set,
// exits with 3.
Json parallelFlow(const QString& failingStep = QString())
{
    Json steps = Json::array();
    for (const QString& id : {QStringLiteral("p"), QStringLiteral("q"), QStringLiteral("r")})
        steps.push_back(sleepingStep(id, id == failingStep ? 3 : 0));
    return makeFlow(steps, Json::array({{"p", "r"}, {"q", "r"}}));
}

// Runs the flow with two workers and returns the run number, or 0 on failure.
qint64 runFlow(const Project& project, const QStringList& extra = {})
{
    const CliResult result =
        project.cli(QStringLiteral("run"), QStringList{QStringLiteral("--json"), QStringLiteral("--workers"), QStringLiteral("2")} + extra);
    const Json json = result.parsed();
    if (!json.is_object() || !json.contains("run")) {
        qWarning() << "cairn-cli run failed:" << result.exitCode << result.err;
        return 0;
    }
    return json["run"].get<qint64>();
}

std::unique_ptr<Store> openStore(const Project& project)
{
    QString error;
    std::unique_ptr<Store> store = Store::open(project.storePath(), &error);
    if (!store)
        qWarning() << error;
    return store;
}

std::optional<TimelineChart::Bar> barOf(const QList<TimelineChart::Bar>& bars, const QString& id)
{
    for (const TimelineChart::Bar& bar : bars) {
        if (bar.stepId == id)
            return bar;
    }
    return std::nullopt;
}

bool overlap(const TimelineChart::Bar& a, const TimelineChart::Bar& b)
{
    return a.startS < b.endS && b.startS < a.endS;
}

// A chain of count shell steps s1 → s2 → … that each write one small file, so that a rerun
// takes each from the cache in a few milliseconds.
Json quickChain(int count)
{
    Json steps = Json::array();
    Json edges = Json::array();
    for (int i = 1; i <= count; ++i) {
        const QString id = QStringLiteral("s%1").arg(i);
        const QString command = QStringLiteral("echo %1 > \"$CAIRN_OUTPUT_DIR/%1.txt\"").arg(id);
        steps.push_back(Json{{"id", id.toStdString()}, {"kind", "shell"}, {"command", command.toStdString()}});
        if (i > 1)
            edges.push_back(Json::array({QStringLiteral("s%1").arg(i - 1).toStdString(), id.toStdString()}));
    }
    return makeFlow(steps, edges);
}

// Shows chart at size and waits until its labels are laid out.
bool showChart(TimelineChart* chart, const QSize& size)
{
    chart->resize(size);
    chart->show();
    if (!QTest::qWaitForWindowExposed(chart))
        return false;
    const auto laidOut = [chart] {
        const QList<TimelineChart::Label> labels = chart->labels();
        return !labels.isEmpty()
            && std::all_of(labels.cbegin(), labels.cend(), [](const TimelineChart::Label& label) {
                   return !label.visible || label.rect.isValid();
               });
    };
    return QTest::qWaitFor(laidOut);
}

// The bar of stepId as drawn, in the chart's item coordinates.
QRectF drawnBar(QChart* chart, const QString& stepId)
{
    for (QAbstractSeries* series : chart->series()) {
        auto* area = qobject_cast<QAreaSeries*>(series);
        if (!area || area->name() != stepId)
            continue;
        const QList<QPointF> upper = area->upperSeries()->points();
        const QList<QPointF> lower = area->lowerSeries()->points();
        return QRectF(chart->mapToPosition(upper.first(), area), chart->mapToPosition(lower.last(), area))
            .normalized();
    }
    return QRectF();
}

// The legend's visible entries.
QStringList legendEntries(QChart* chart)
{
    QStringList entries;
    for (QLegendMarker* marker : chart->legend()->markers()) {
        if (marker->isVisible())
            entries.append(marker->label());
    }
    return entries;
}

// The step ids drawn as text items on the chart and visible.
QStringList drawnLabelTexts(QChart* chart)
{
    QStringList texts;
    for (QGraphicsItem* item : chart->scene()->items()) {
        if (auto* text = qgraphicsitem_cast<QGraphicsSimpleTextItem*>(item); text && text->isVisible())
            texts.append(text->text());
    }
    texts.sort();
    return texts;
}

// Which of texts the chart shows as visible axis labels, in the order of texts.
QStringList visibleAxisLabels(QChart* chart, const QStringList& texts)
{
    QSet<QString> shown;
    for (QGraphicsItem* item : chart->scene()->items()) {
        auto* text = qgraphicsitem_cast<QGraphicsTextItem*>(item);
        if (text && text->isVisible())
            shown.insert(text->toPlainText());
    }
    QStringList visible;
    for (const QString& text : texts) {
        if (shown.contains(text))
            visible.append(text);
    }
    return visible;
}

}  // namespace

class TestCharts : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void timelineMatchesRecordedTimes();
    void timelineMarksCachedRerun();
    void timelineMarksFailedStep();
    void timelineWithoutStoreShowsNoBars();
    void timelineLabelsNameEachBar();
    void timelineCachedBarsNamedBelow_data();
    void timelineCachedBarsNamedBelow();
    void timelineCachedLabelsLeaveBarsClear();
    void timelineLaneLabelsAfterHiddenBuild();
    void trendsMatchStepRuns();
    void trendsRespectRunLimit();
    void trendsDurationUnitInTitle();
    void trendsCacheTooltipNamesSum();
};

void TestCharts::timelineMatchesRecordedTimes()
{
    Project project;
    QVERIFY(project.writeFlow(parallelFlow()));
    const qint64 run = runFlow(project);
    QVERIFY(run > 0);

    const std::unique_ptr<Store> store = openStore(project);
    QVERIFY(store);
    const std::optional<RunRecord> runRecord = store->run(run);
    QVERIFY(runRecord);
    const QList<StepRunRecord> records = store->stepRuns(run);
    QCOMPARE(records.size(), 3);

    TimelineChart chart;
    chart.setStore(project.storePath(), kFlowName);
    chart.setRun(run);
    const QList<TimelineChart::Bar> bars = chart.bars();
    QCOMPARE(bars.size(), records.size());

    for (const StepRunRecord& record : records) {
        const std::optional<TimelineChart::Bar> bar = barOf(bars, record.stepId);
        QVERIFY2(bar, qPrintable(record.stepId));
        QCOMPARE(bar->status, StepStatus::Succeeded);
        const double start = runRecord->started.msecsTo(record.started) / 1000.0;
        const double end = runRecord->started.msecsTo(record.finished) / 1000.0;
        QVERIFY2(std::abs(bar->startS - start) <= kMillisecond,
                 qPrintable(QStringLiteral("%1: %2 != %3").arg(record.stepId).arg(bar->startS).arg(start)));
        QVERIFY2(std::abs(bar->endS - end) <= kMillisecond,
                 qPrintable(QStringLiteral("%1: %2 != %3").arg(record.stepId).arg(bar->endS).arg(end)));
        QVERIFY(bar->lane >= 0);
    }

    // The drawn series: one area per bar, from its start to its end, centred on its lane.
    auto* view = chart.findChild<QChartView*>();
    QVERIFY(view);
    int areas = 0;
    for (QAbstractSeries* series : view->chart()->series()) {
        auto* area = qobject_cast<QAreaSeries*>(series);
        if (!area)
            continue;
        ++areas;
        const std::optional<TimelineChart::Bar> bar = barOf(bars, area->name());
        QVERIFY2(bar, qPrintable(area->name()));
        const QList<QPointF> upper = area->upperSeries()->points();
        const QList<QPointF> lower = area->lowerSeries()->points();
        QCOMPARE(upper.size(), 2);
        QCOMPARE(lower.size(), 2);
        QCOMPARE(upper[0].x(), bar->startS);
        QCOMPARE(upper[1].x(), bar->endS);
        QVERIFY(upper[0].y() > TimelineChart::laneY(bar->lane));
        QVERIFY(lower[0].y() < TimelineChart::laneY(bar->lane));
    }
    QCOMPARE(areas, bars.size());

    // With two workers, p and q ran at the same time, so they need two lanes.
    const TimelineChart::Bar p = *barOf(bars, QStringLiteral("p"));
    const TimelineChart::Bar q = *barOf(bars, QStringLiteral("q"));
    QVERIFY2(overlap(p, q), "p and q did not run at the same time");
    QVERIFY(p.lane != q.lane);

    // No lane contains two bars at once.
    for (int i = 0; i < bars.size(); ++i) {
        for (int j = i + 1; j < bars.size(); ++j) {
            if (bars[i].lane == bars[j].lane)
                QVERIFY2(!overlap(bars[i], bars[j]), qPrintable(bars[i].stepId + QLatin1Char('/') + bars[j].stepId));
        }
    }
}

void TestCharts::timelineMarksCachedRerun()
{
    Project project;
    QVERIFY(project.writeFlow(parallelFlow()));
    QVERIFY(runFlow(project) > 0);
    const qint64 rerun = runFlow(project);
    QVERIFY(rerun > 0);

    TimelineChart chart;
    chart.setStore(project.storePath(), kFlowName);
    chart.setRun(rerun);
    const QList<TimelineChart::Bar> bars = chart.bars();
    QCOMPARE(bars.size(), 3);
    for (const TimelineChart::Bar& bar : bars) {
        QVERIFY2(bar.status == StepStatus::Cached, qPrintable(bar.stepId));
        QVERIFY(bar.endS >= bar.startS);
    }
}

void TestCharts::timelineMarksFailedStep()
{
    Project project;
    QVERIFY(project.writeFlow(parallelFlow(QStringLiteral("q"))));
    const qint64 run = runFlow(project);
    QVERIFY(run > 0);

    const std::unique_ptr<Store> store = openStore(project);
    QVERIFY(store);
    const std::optional<StepRunRecord> r = store->stepRun(run, QStringLiteral("r"));
    QVERIFY(r);
    QVERIFY(r->status != StepStatus::Succeeded);

    TimelineChart chart;
    chart.setStore(project.storePath(), kFlowName);
    chart.setRun(run);
    const QList<TimelineChart::Bar> bars = chart.bars();
    const std::optional<TimelineChart::Bar> q = barOf(bars, QStringLiteral("q"));
    QVERIFY(q);
    QCOMPARE(q->status, StepStatus::Failed);
    const std::optional<TimelineChart::Bar> p = barOf(bars, QStringLiteral("p"));
    QVERIFY(p);
    QCOMPARE(p->status, StepStatus::Succeeded);
    // r did not run, so it has a bar only if the store recorded an interval for it.
    QCOMPARE(barOf(bars, QStringLiteral("r")).has_value(), r->started.isValid());

    // The legend names the statuses drawn, once each.
    QVERIFY(showChart(&chart, QSize(900, 400)));
    const QStringList legend = legendEntries(chart.findChild<QChartView*>()->chart());
    QCOMPARE(legend.count(QStringLiteral("succeeded")), 1);
    QCOMPARE(legend.count(QStringLiteral("failed")), 1);
}

void TestCharts::timelineWithoutStoreShowsNoBars()
{
    Project project;
    TimelineChart chart;
    chart.setStore(project.storePath(), kFlowName);
    chart.setRun(1);
    QVERIFY(chart.bars().isEmpty());
    // The chart must not create a store where there is none.
    QVERIFY(!QFileInfo::exists(project.storePath()));
}

void TestCharts::timelineLabelsNameEachBar()
{
    Project project;
    QVERIFY(project.writeFlow(parallelFlow()));
    const qint64 run = runFlow(project);
    QVERIFY(run > 0);
    const std::unique_ptr<Store> store = openStore(project);
    QVERIFY(store);
    QStringList recorded;
    for (const StepRunRecord& record : store->stepRuns(run))
        recorded.append(record.stepId);
    recorded.sort();

    TimelineChart chart;
    chart.setStore(project.storePath(), kFlowName);
    chart.setRun(run);
    QVERIFY(showChart(&chart, QSize(900, 400)));
    QChart* qchart = chart.findChild<QChartView*>()->chart();

    // One label per bar, in the same order, naming the steps of the run.
    const QList<TimelineChart::Bar> bars = chart.bars();
    const QList<TimelineChart::Label> labels = chart.labels();
    QCOMPARE(labels.size(), bars.size());
    QStringList labelled;
    for (int i = 0; i < labels.size(); ++i) {
        QCOMPARE(labels[i].stepId, bars[i].stepId);
        labelled.append(labels[i].stepId);
    }
    labelled.sort();
    QCOMPARE(labelled, recorded);
    QCOMPARE(drawnLabelTexts(qchart), recorded);

    // Each step slept 0.2 s of a run of about 0.4 s, so at 900 pixels every bar is wide
    // enough for its label.
    for (const TimelineChart::Label& label : labels) {
        const QRectF bar = drawnBar(qchart, label.stepId);
        QVERIFY2(label.visible, qPrintable(label.stepId));
        QVERIFY2(label.inside, qPrintable(label.stepId));
        QVERIFY2(bar.contains(label.rect), qPrintable(label.stepId));
    }
    QCOMPARE(legendEntries(qchart), QStringList{QStringLiteral("succeeded")});
}

void TestCharts::timelineCachedBarsNamedBelow_data()
{
    QTest::addColumn<QSize>("size");
    QTest::newRow("wide") << QSize(900, 400);
    QTest::newRow("small") << QSize(320, 200);
}

void TestCharts::timelineCachedBarsNamedBelow()
{
    QFETCH(QSize, size);

    // The rerun takes every step from the cache, so the bars are a few milliseconds long
    // and too short for their labels.
    Project project;
    QVERIFY(project.writeFlow(quickChain(6)));
    QVERIFY(runFlow(project) > 0);
    const qint64 rerun = runFlow(project);
    QVERIFY(rerun > 0);

    TimelineChart chart;
    chart.setStore(project.storePath(), kFlowName);
    chart.setRun(rerun);
    QVERIFY(showChart(&chart, size));
    QChart* qchart = chart.findChild<QChartView*>()->chart();
    const QRectF plot = qchart->plotArea();

    const QList<TimelineChart::Label> labels = chart.labels();
    QCOMPARE(labels.size(), 6);
    QStringList visible;
    for (int i = 0; i < labels.size(); ++i) {
        const TimelineChart::Label& label = labels[i];
        if (!label.visible)
            continue;
        visible.append(label.stepId);
        QVERIFY2(plot.contains(label.rect), qPrintable(label.stepId));
        // Outside labels sit beside their bar, within the bar's lane.
        const QRectF bar = drawnBar(qchart, label.stepId);
        if (label.inside) {
            QVERIFY2(bar.contains(label.rect), qPrintable(label.stepId));
        } else {
            QVERIFY2(label.rect.left() >= bar.right() || label.rect.right() <= bar.left(),
                     qPrintable(label.stepId));
            const double laneHeight = bar.height() / 0.7;
            QVERIFY2(std::abs(label.rect.center().y() - bar.center().y()) <= laneHeight / 2,
                     qPrintable(label.stepId));
        }
        for (int j = i + 1; j < labels.size(); ++j) {
            if (labels[j].visible)
                QVERIFY2(!label.rect.intersects(labels[j].rect),
                         qPrintable(label.stepId + QLatin1Char('/') + labels[j].stepId));
        }
    }
    visible.sort();
    QCOMPARE(drawnLabelTexts(qchart), visible);
    // Bars of a few milliseconds hold no label, so the line under the chart names them.
    for (const TimelineChart::Label& label : labels)
        QVERIFY2(!label.visible || label.inside, qPrintable(label.stepId));
    const QString reused = chart.reusedStepsText();
    QVERIFY2(reused.startsWith(QStringLiteral("Reused from the cache: ")), qPrintable(reused));
    for (int i = 1; i <= 6; ++i)
        QVERIFY2(reused.contains(QStringLiteral("s%1").arg(i)), qPrintable(reused));
    QCOMPARE(legendEntries(qchart), QStringList{QStringLiteral("cached (result reused)")});
}

void TestCharts::timelineCachedLabelsLeaveBarsClear()
{
    // Resuming from "slow" reuses s1, s2 and s3 in a few milliseconds at the start of the
    // run, right before the bar of slow in the same lane.
    Project project;
    Json steps = quickChain(3)["steps"];
    steps.push_back(sleepingStep(QStringLiteral("slow")));
    QVERIFY(project.writeFlow(makeFlow(steps, Json::array({{"s1", "s2"}, {"s2", "s3"}, {"s3", "slow"}}))));
    QVERIFY(runFlow(project) > 0);
    const CliResult resumed = project.cli(QStringLiteral("resume"),
                                          {QStringLiteral("--from"), QStringLiteral("slow"), QStringLiteral("--json")});
    const Json json = resumed.parsed();
    QVERIFY2(json.is_object() && json.contains("run"), resumed.err.constData());
    const qint64 run = json["run"].get<qint64>();

    TimelineChart chart;
    chart.setStore(project.storePath(), kFlowName);
    chart.setRun(run);
    QVERIFY(showChart(&chart, QSize(900, 400)));
    QChart* qchart = chart.findChild<QChartView*>()->chart();

    const QList<TimelineChart::Bar> bars = chart.bars();
    const QList<TimelineChart::Label> labels = chart.labels();
    QCOMPARE(labels.size(), 4);
    for (const TimelineChart::Bar& bar : bars)
        QCOMPARE(bar.status, bar.stepId == QLatin1String("slow") ? StepStatus::Succeeded : StepStatus::Cached);
    for (const TimelineChart::Label& label : labels) {
        if (!label.visible)
            continue;
        for (const TimelineChart::Bar& bar : bars) {
            if (bar.stepId != label.stepId)
                QVERIFY2(!label.rect.intersects(drawnBar(qchart, bar.stepId)),
                         qPrintable(label.stepId + QStringLiteral(" over ") + bar.stepId));
        }
    }
    QCOMPARE(drawnLabelTexts(qchart), QStringList{QStringLiteral("slow")});
    const QString reused = chart.reusedStepsText();
    for (const QString& id : {QStringLiteral("s1"), QStringLiteral("s2"), QStringLiteral("s3")})
        QVERIFY2(reused.contains(id), qPrintable(reused));
    QVERIFY2(!reused.contains(QStringLiteral("slow")), qPrintable(reused));
}

void TestCharts::timelineLaneLabelsAfterHiddenBuild()
{
    // In the window the chart is filled when a run finishes, often while another tab is
    // current, and is laid out at its real size only when its tab is shown.
    Project project;
    QVERIFY(project.writeFlow(parallelFlow()));
    QTabWidget tabs;
    auto* other = new QLabel(QStringLiteral("log"));
    auto* chart = new TimelineChart;
    tabs.addTab(other, QStringLiteral("Log"));
    tabs.addTab(chart, QStringLiteral("Timeline"));
    chart->setStore(project.storePath(), kFlowName);
    tabs.resize(900, 400);
    tabs.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tabs));

    const qint64 run = runFlow(project);
    QVERIFY(run > 0);
    chart->setRun(run);
    QCoreApplication::processEvents();
    tabs.setCurrentWidget(chart);
    QChart* qchart = chart->findChild<QChartView*>()->chart();
    const QStringList lanes{QStringLiteral("Worker 1"), QStringLiteral("Worker 2")};
    QTRY_COMPARE(visibleAxisLabels(qchart, lanes), lanes);

    // p and q ran side by side, and the first lane, Worker 1, is drawn at the top.
    const std::optional<TimelineChart::Bar> p = barOf(chart->bars(), QStringLiteral("p"));
    const std::optional<TimelineChart::Bar> q = barOf(chart->bars(), QStringLiteral("q"));
    QVERIFY(p && q);
    QCOMPARE(p->lane + q->lane, 1);
    const QString first = p->lane == 0 ? p->stepId : q->stepId;
    const QString second = p->lane == 0 ? q->stepId : p->stepId;
    QVERIFY(drawnBar(qchart, first).bottom() < drawnBar(qchart, second).top());
}

void TestCharts::trendsMatchStepRuns()
{
    Project project;
    QVERIFY(project.writeFlow(parallelFlow()));
    const qint64 first = runFlow(project);
    const qint64 cached = runFlow(project);
    const qint64 forced = runFlow(project, {QStringLiteral("--force")});
    QVERIFY(first > 0 && cached > first && forced > cached);

    TrendsChart chart;
    chart.setStore(project.storePath(), kFlowName);
    const QMap<QString, QList<QPointF>> durations = chart.stepDurations();
    const QList<QPointF> saved = chart.cacheSaved();

    const std::unique_ptr<Store> store = openStore(project);
    QVERIFY(store);
    QCOMPARE(durations.keys(), (QStringList{QStringLiteral("p"), QStringLiteral("q"), QStringLiteral("r")}));
    QCOMPARE(saved.size(), 3);

    const QList<qint64> runs = {first, cached, forced};
    for (int i = 0; i < runs.size(); ++i) {
        double expectedSaved = 0;
        for (const StepRunRecord& record : store->stepRuns(runs[i])) {
            if (record.status == StepStatus::Cached)
                expectedSaved += record.sourceDurationS;
        }
        QCOMPARE(saved[i].x(), double(runs[i]));
        QVERIFY2(std::abs(saved[i].y() - expectedSaved) < 1e-9,
                 qPrintable(QStringLiteral("run %1: %2 != %3").arg(runs[i]).arg(saved[i].y()).arg(expectedSaved)));
    }
    // The cached run reused p and q, which slept 0.2 s each in the first run.
    QVERIFY(saved[1].y() >= 0.4);
    QCOMPARE(saved[0].y(), 0.0);
    QCOMPARE(saved[2].y(), 0.0);

    // Each step executed in the first and the forced run only.
    for (auto it = durations.cbegin(); it != durations.cend(); ++it) {
        const QList<QPointF>& points = it.value();
        QCOMPARE(points.size(), 2);
        const QList<qint64> executedRuns = {first, forced};
        for (int i = 0; i < points.size(); ++i) {
            const std::optional<StepRunRecord> record = store->stepRun(executedRuns[i], it.key());
            QVERIFY(record);
            QVERIFY(record->attempts > 0);
            QCOMPARE(points[i].x(), double(executedRuns[i]));
            QCOMPARE(points[i].y(), record->started.msecsTo(record->finished) / 1000.0);
            QVERIFY(points[i].y() >= 0.2);
        }
    }
}

void TestCharts::trendsRespectRunLimit()
{
    Project project;
    QVERIFY(project.writeFlow(parallelFlow()));
    QList<qint64> runs;
    for (int i = 0; i < 3; ++i)
        runs.append(runFlow(project));
    QVERIFY(runs.last() > 0);

    TrendsChart chart;
    chart.setRunLimit(2);
    chart.setStore(project.storePath(), kFlowName);
    const QList<QPointF> saved = chart.cacheSaved();
    QCOMPARE(saved.size(), 2);
    QCOMPARE(saved[0].x(), double(runs[1]));
    QCOMPARE(saved[1].x(), double(runs[2]));
    // Only the first run executed steps, and it is beyond the limit.
    QVERIFY(chart.stepDurations().isEmpty());
}

void TestCharts::trendsDurationUnitInTitle()
{
    Project project;
    QVERIFY(project.writeFlow(parallelFlow()));
    QVERIFY(runFlow(project) > 0);

    TrendsChart chart;
    chart.setStore(project.storePath(), kFlowName);
    QChart* qchart = chart.findChild<QChartView*>()->chart();
    const QList<QAbstractAxis*> axes = qchart->axes(Qt::Vertical);
    QCOMPARE(axes.size(), 1);
    auto* durationAxis = qobject_cast<QValueAxis*>(axes.first());
    QVERIFY(durationAxis);
    // No title is turned on its side, and the ticks are plain numbers because Qt Charts
    // formats them printf-style, which mangles a translated unit. The title names the unit.
    QVERIFY2(durationAxis->titleText().isEmpty(), qPrintable(durationAxis->titleText()));
    const QString format = durationAxis->labelFormat();
    static const QRegularExpression plainNumber(QStringLiteral("^%\\.[0-9]f$"));
    QVERIFY2(plainNumber.match(format).hasMatch(), qPrintable(format));
    QVERIFY2(qchart->title().startsWith(QStringLiteral("Seconds ")), qPrintable(qchart->title()));
    // A legend at the right needs a line per step, more than the Output dock's height.
    QCOMPARE(qchart->legend()->alignment(), Qt::AlignBottom);
    QCOMPARE(qchart->axes(Qt::Horizontal).first()->titleText(), QStringLiteral("Run"));
}

void TestCharts::trendsCacheTooltipNamesSum()
{
    Project project;
    QVERIFY(project.writeFlow(parallelFlow()));
    QVERIFY(runFlow(project) > 0);
    const qint64 cached = runFlow(project);
    QVERIFY(cached > 0);

    TrendsChart chart;
    chart.resize(900, 400);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    chart.setStore(project.storePath(), kFlowName);
    QBarSet* set = nullptr;
    for (QAbstractSeries* series : chart.findChild<QChartView*>()->chart()->series()) {
        if (auto* bars = qobject_cast<QBarSeries*>(series))
            set = bars->barSets().value(0);
    }
    QVERIFY(set);
    Q_EMIT set->hovered(true, 1);
    const QString tip = QToolTip::text();
    QVERIFY2(tip.startsWith(QStringLiteral("Run %1: the cache saved").arg(cached)), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("sum of the durations")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("wall time")), qPrintable(tip));
}

QTEST_MAIN(TestCharts)
#include "tst_charts.moc"
