#pragma once

// The Timeline tab: a Gantt chart of one run. Each step run with recorded start and finish
// times is a horizontal bar on a worker lane, labelled with its step id, with seconds from
// the run's start on the x axis. The legend names the colour of each status in the run, and
// a line under the chart names the steps reused from the cache. The widget opens its own
// Store on the store folder it is given.

#include "chartstyle.h"
#include "store.h"

#include <QColor>
#include <QList>
#include <QRectF>
#include <QString>
#include <QWidget>

#include <memory>

class QAbstractAxis;
class QChart;
class QChartView;
class QGraphicsRectItem;
class QLabel;

namespace cairn {

class TimelineChart : public QWidget {
    Q_OBJECT
public:
    // One drawn step run. startS and endS are seconds from the run's start. Lanes count
    // from 0 and are worker slots. The store does not record which worker ran a step, so
    // each bar goes to the lowest lane that is free at its start.
    struct Bar {
        QString stepId;
        StepStatus status;
        double startS;
        double endS;
        int lane;
    };

    // The step id written on a bar, in the chart's item coordinates. A label sits inside
    // its bar when it fits, else just right of the bar, or left of it when the right has no
    // room. It moves up or down within the lane so that it overlaps no other label and no
    // other bar. A label with no free place in its lane is hidden, and the bar's tooltip
    // still names the step. A cached step's label is shown only inside its bar, because a
    // reused result takes a few milliseconds and its label would cover the bars after it.
    // The line under the chart names every cached step instead.
    struct Label {
        QString stepId;
        QRectF rect;
        bool inside = false;
        bool visible = false;
    };

    // The y value of the middle of lane. Lanes go down from 0 at the top.
    static double laneY(int lane) { return -lane; }

    explicit TimelineChart(QWidget* parent = nullptr);
    ~TimelineChart() override;

    // Opens the store in storeDirectory for the runs of flowName and clears the chart.
    // A folder without a database yet is opened when a run is set later.
    void setStore(const QString& storeDirectory, const QString& flowName);
    // Reads run's step runs and draws them. Run 0 clears the chart.
    void setRun(qint64 run);

    qint64 run() const { return m_run; }
    QList<Bar> bars() const { return m_bars; }
    // One label per bar, in the order of bars(). Their rectangles are set once the chart
    // has a plot area, so they are empty while the widget has never been laid out.
    QList<Label> labels() const { return m_labels; }
    // The line under the chart that names the cached steps; empty when the run has none.
    QString reusedStepsText() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    bool openStore(QString* error);
    void load();
    void rebuildChart();
    void addBarSeries(const Bar& bar, const StepRunRecord& record);
    void addCachedMarkers();
    void showReusedSteps();
    QString cachedMarkerToolTip(int index) const;
    void showStatusLegend();
    void createLabelItems();
    void placeLabels();
    void styleChart();
    void showMessage(const QString& message);
    QString toolTip(const Bar& bar, const StepRunRecord& record) const;

    QString m_storeDirectory;
    QString m_flowName;
    std::unique_ptr<Store> m_store;  // null until a store with a database is opened
    qint64 m_run = 0;                // 0: no run chosen
    QList<Bar> m_bars;
    QList<StepRunRecord> m_records;  // the step run of each bar, same order as m_bars
    QList<Label> m_labels;           // same order as m_bars
    // The drawn labels, same order as m_bars: a box (drawn only outside the bar) that
    // contains the text item. Owned by m_chart.
    QList<QGraphicsRectItem*> m_labelItems;
    QChart* m_chart;                 // owned by m_view
    QChartView* m_view;
    QWidget* m_chartPage;  // m_view above m_reusedSteps
    QLabel* m_reusedSteps;
    QLabel* m_message;  // shown instead of the chart when there is nothing to draw
};

}  // namespace cairn
