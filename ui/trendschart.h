#pragma once

// The Trends tab. It draws how long each step took across the recent runs of a flow, as a
// line per step with gaps where the step was reused or did not run. It also draws, per run,
// how much time the cache saved as bars: the sum of the recorded durations of the reused
// steps. The widget opens its own Store on the store folder it is given.

#include "store.h"

#include <QList>
#include <QMap>
#include <QPointF>
#include <QString>
#include <QWidget>

#include <memory>

class QChart;
class QChartView;
class QLabel;

namespace cairn {

class TrendsChart : public QWidget {
    Q_OBJECT
public:
    static constexpr int kDefaultRunLimit = 50;

    explicit TrendsChart(QWidget* parent = nullptr);
    ~TrendsChart() override;

    // Opens the store in storeDirectory and reads the runs of flowName.
    void setStore(const QString& storeDirectory, const QString& flowName);
    // Rereads the newest runLimit() runs and redraws.
    void refresh();

    int runLimit() const { return m_runLimit; }
    void setRunLimit(int runs) { m_runLimit = runs; }

    // By step id: (run number, seconds) for each step run that executed (attempts > 0),
    // oldest run first.
    QMap<QString, QList<QPointF>> stepDurations() const { return m_stepDurations; }
    // (run number, seconds) for each run read, oldest first: the sum of the recorded
    // durations of the results the run reused.
    QList<QPointF> cacheSaved() const { return m_cacheSaved; }

protected:
    void changeEvent(QEvent* event) override;

private:
    bool openStore(QString* error);
    void rebuildChart();
    // offset shifts the points sideways, in categories, so that steps do not hide each other.
    void addStepSeries(const QString& stepId, const QList<QPointF>& points, const QColor& color,
                       qreal offset);
    void addCacheSavedSeries();
    void showMessage(const QString& message);

    QString m_storeDirectory;
    QString m_flowName;
    std::unique_ptr<Store> m_store;  // null until a store with a database is opened
    int m_runLimit = kDefaultRunLimit;
    QList<qint64> m_runs;            // run numbers read, oldest first
    QMap<QString, QList<QPointF>> m_stepDurations;
    QList<QPointF> m_cacheSaved;
    QChart* m_chart;                 // owned by m_view
    QChartView* m_view;
    QLabel* m_message;  // shown instead of the chart when there is nothing to draw
};

}  // namespace cairn
