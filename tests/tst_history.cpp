// Tests of the History tab: the run list of a store built by cairn-cli, its filters, lazy
// fetching over a store of many runs, live refresh, and the window's tabs after garbage
// collection in the Store dialog.

#include "artifactspanel.h"
#include "historymodel.h"
#include "historypanel.h"
#include "mainwindow.h"
#include "store.h"
#include "storepanel.h"
#include "testsupport.h"
#include "trendschart.h"

#include <QComboBox>
#include <QLineEdit>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

#include <memory>

using namespace cairn;
using namespace cairn::test;

namespace {

// Store queries of the Store dialog run on worker threads of a machine that may be busy.
constexpr int kWorkTimeoutMs = 60 * 1000;

// The diamond with two parameters, where b uses trees. With failingC, step c exits 1.
Json historyFlow(bool failingC)
{
    Json c = countingStep(QStringLiteral("c"));
    if (failingC)
        c["command"] = "echo broken >&2; exit 1";
    Json steps = Json::array({countingStep(QStringLiteral("a")),
                              countingStep(QStringLiteral("b"), QStringLiteral("{{trees}}")), c,
                              countingStep(QStringLiteral("d"))});
    Json parameters = Json::array({{{"name", "trees"}, {"type", "int"}, {"default", 200}},
                                   {{"name", "label"}, {"type", "string"}, {"default", "x"}}});
    return makeFlow(steps, Json::array({{"a", "b"}, {"a", "c"}, {"b", "d"}, {"c", "d"}}), parameters);
}

QString cell(const HistoryModel& model, int row, int column)
{
    return model.index(row, column).data().toString();
}

// Creates a finished run of flowName with one step run of each given status.
bool addSyntheticRun(Store& store, const QString& flowName, const QList<StepStatus>& steps,
                     RunStatus status, qint64* number)
{
    RunRecord run;
    run.flowName = flowName;
    run.params = Json{{"seed", 7}};
    run.started = QDateTime::currentDateTimeUtc();
    QString error;
    if (!store.createRun(&run, &error))
        return false;
    *number = run.number;

    for (int i = 0; i < steps.size(); ++i) {
        StepRunRecord step;
        step.run = run.number;
        step.stepId = QStringLiteral("s%1").arg(i);
        step.status = steps.at(i);
        step.attempts = steps.at(i) == StepStatus::Succeeded || steps.at(i) == StepStatus::Failed ? 1 : 0;
        step.started = run.started;
        step.finished = run.started;
        if (!store.saveStepRun(step, &error))
            return false;
    }
    return status == RunStatus::Running || store.finishRun(run.number, status, QString(), &error);
}

// A project of the history flow with runs 1, 2 and 3 made by cairn-cli; null on failure.
std::unique_ptr<Project> projectWithThreeRuns()
{
    auto project = std::make_unique<Project>();
    if (!project->isValid() || !project->writeFlow(historyFlow(false)))
        return nullptr;
    for (int i = 0; i < 3; ++i) {
        if (project->cli(QStringLiteral("run"), {QStringLiteral("--force")}).exitCode != 0)
            return nullptr;
    }
    return project;
}

// Runs gc over the test flow's runs, keeping the newest keepRuns.
bool collectGarbage(const QString& storeDirectory, int keepRuns)
{
    QString error;
    const std::unique_ptr<Store> store = Store::open(storeDirectory, &error);
    GcReport report;
    if (!store || !store->gc(QStringLiteral("test"), keepRuns, false, &report, &error)) {
        qWarning() << "gc failed:" << error;
        return false;
    }
    return true;
}

// The run numbers that the Trends chart plots, oldest first.
QList<qint64> trendRuns(const TrendsChart& chart)
{
    QList<qint64> runs;
    for (const QPointF& point : chart.cacheSaved())
        runs.append(qint64(point.x()));
    return runs;
}

}  // namespace

class HistoryTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void modelListsRunsNewestFirst();
    void modelRowMatchesRun_data();
    void modelRowMatchesRun();
    void modelRunRoleGivesNumber();
    void panelStatusFilterReducesRows();
    void panelTextFilterReducesRows_data();
    void panelTextFilterReducesRows();
    void panelSignalsSelectionAndActivation();
    void modelFetchesLazily();
    void refreshAddsNewRunKeepingSelection();
    void refreshUpdatesRunningRun();
    void refreshDropsCollectedRuns_data();
    void refreshDropsCollectedRuns();
    void refreshDropsCollectedRunsOnAllPages();
    void windowDropsRunsCollectedInStoreDialog();
    void windowShowsRunsOfOtherProcess();

private:
    std::unique_ptr<Project> m_project;
    QList<qint64> m_runs;  // runs 1..4 of the project: first, cached, resumed, failed
};

void HistoryTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setApplicationName(QStringLiteral("Cairn-tst_history"));
    QCoreApplication::setOrganizationName(QStringLiteral("Cairn"));
    QSettings().clear();

    m_project = std::make_unique<Project>();
    QVERIFY(m_project->isValid());
    QVERIFY(m_project->writeFlow(historyFlow(false)));

    const CliResult first = m_project->cli(QStringLiteral("run"), {QStringLiteral("--json")});
    QCOMPARE(first.exitCode, 0);
    const CliResult cached = m_project->cli(QStringLiteral("run"), {QStringLiteral("--json")});
    QCOMPARE(cached.exitCode, 0);
    const CliResult resumed = m_project->cli(
        QStringLiteral("resume"), {QStringLiteral("--json"), QStringLiteral("--from"), QStringLiteral("b"),
                                   QStringLiteral("--param"), QStringLiteral("trees=300")});
    QCOMPARE(resumed.exitCode, 0);

    QVERIFY(m_project->writeFlow(historyFlow(true)));
    const CliResult failed = m_project->cli(QStringLiteral("run"), {QStringLiteral("--json")});
    QCOMPARE(failed.exitCode, 1);

    for (const CliResult* result : {&first, &cached, &resumed, &failed})
        m_runs.append(result->parsed().value("run", qint64(0)));
    QCOMPARE(m_runs, (QList<qint64>{1, 2, 3, 4}));
}

void HistoryTest::modelListsRunsNewestFirst()
{
    HistoryModel model;
    model.setStore(m_project->storePath(), QStringLiteral("test"));

    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.columnCount(), int(HistoryModel::ColumnCount));
    for (int row = 0; row < 4; ++row)
        QCOMPARE(model.runAt(row), m_runs.at(3 - row));
    QVERIFY(!model.canFetchMore(QModelIndex()));
    QVERIFY(model.errorString().isEmpty());
}

void HistoryTest::modelRowMatchesRun_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<QString>("status");
    QTest::addColumn<int>("ran");
    QTest::addColumn<int>("cached");
    QTest::addColumn<int>("failed");
    QTest::addColumn<QString>("origin");
    QTest::addColumn<QString>("parameters");

    // Run 4 reuses a and b from the cache. Step c fails, so d never starts.
    QTest::newRow("failed run") << 0 << "failed" << 1 << 2 << 1 << "" << "label=x, trees=200";
    QTest::newRow("resumed run") << 1 << "succeeded" << 2 << 2 << 0 << "resumed run 2 from b"
                                 << "label=x, trees=300";
    QTest::newRow("cached run") << 2 << "succeeded" << 0 << 4 << 0 << "" << "label=x, trees=200";
    QTest::newRow("first run") << 3 << "succeeded" << 4 << 0 << 0 << "" << "label=x, trees=200";
}

void HistoryTest::modelRowMatchesRun()
{
    QFETCH(int, row);
    QFETCH(QString, status);
    QFETCH(int, ran);
    QFETCH(int, cached);
    QFETCH(int, failed);
    QFETCH(QString, origin);
    QFETCH(QString, parameters);

    HistoryModel model;
    model.setStore(m_project->storePath(), QStringLiteral("test"));
    QVERIFY(model.rowCount() > row);

    QCOMPARE(model.index(row, HistoryModel::StatusColumn).data(HistoryModel::StatusNameRole).toString(), status);
    QCOMPARE(cell(model, row, HistoryModel::StatusColumn), status);
    QVERIFY(!model.index(row, HistoryModel::StatusColumn).data(Qt::DecorationRole).value<QIcon>().isNull());
    QCOMPARE(model.index(row, HistoryModel::RanColumn).data().toInt(), ran);
    QCOMPARE(model.index(row, HistoryModel::CachedColumn).data().toInt(), cached);
    QCOMPARE(model.index(row, HistoryModel::FailedColumn).data().toInt(), failed);
    QCOMPARE(cell(model, row, HistoryModel::OriginColumn), origin);
    QCOMPARE(cell(model, row, HistoryModel::ParametersColumn), parameters);
    QVERIFY(!cell(model, row, HistoryModel::StartedColumn).isEmpty());
    QVERIFY(!cell(model, row, HistoryModel::DurationColumn).isEmpty());
}

void HistoryTest::modelRunRoleGivesNumber()
{
    HistoryModel model;
    model.setStore(m_project->storePath(), QStringLiteral("test"));

    for (int column = 0; column < model.columnCount(); ++column)
        QCOMPARE(model.index(1, column).data(HistoryModel::RunRole).toLongLong(), m_runs.at(2));
    QCOMPARE(model.rowOf(m_runs.at(0)), 3);
    QCOMPARE(model.rowOf(99), -1);
    QCOMPARE(model.runAt(4), qint64(0));
}

void HistoryTest::panelStatusFilterReducesRows()
{
    HistoryPanel panel;
    panel.setStore(m_project->storePath(), QStringLiteral("test"));
    QAbstractItemModel* visibleRows = panel.view()->model();
    QCOMPARE(visibleRows->rowCount(), 4);

    panel.statusFilter()->setCurrentIndex(panel.statusFilter()->findData(QStringLiteral("failed")));
    QCOMPARE(visibleRows->rowCount(), 1);
    QCOMPARE(visibleRows->index(0, 0).data(HistoryModel::RunRole).toLongLong(), m_runs.at(3));

    panel.statusFilter()->setCurrentIndex(panel.statusFilter()->findData(QStringLiteral("succeeded")));
    QCOMPARE(visibleRows->rowCount(), 3);

    panel.statusFilter()->setCurrentIndex(panel.statusFilter()->findData(QStringLiteral("running")));
    QCOMPARE(visibleRows->rowCount(), 0);

    panel.statusFilter()->setCurrentIndex(0);
    QCOMPARE(visibleRows->rowCount(), 4);
}

void HistoryTest::panelTextFilterReducesRows_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<qint64>>("expected");

    QTest::newRow("lineage") << "from b" << QList<qint64>{3};
    QTest::newRow("parameter") << "trees=300" << QList<qint64>{3};
    QTest::newRow("parameter of three runs") << "TREES=200" << QList<qint64>{4, 2, 1};
    QTest::newRow("run number") << "4" << QList<qint64>{4};
    QTest::newRow("no match") << "no such text" << QList<qint64>{};
    QTest::newRow("empty") << "" << QList<qint64>{4, 3, 2, 1};
}

void HistoryTest::panelTextFilterReducesRows()
{
    QFETCH(QString, text);
    QFETCH(QList<qint64>, expected);

    HistoryPanel panel;
    panel.setStore(m_project->storePath(), QStringLiteral("test"));
    panel.textFilter()->setText(text);

    QAbstractItemModel* visibleRows = panel.view()->model();
    QList<qint64> runs;
    for (int row = 0; row < visibleRows->rowCount(); ++row)
        runs.append(visibleRows->index(row, 0).data(HistoryModel::RunRole).toLongLong());
    QCOMPARE(runs, expected);
}

void HistoryTest::panelSignalsSelectionAndActivation()
{
    HistoryPanel panel;
    panel.setStore(m_project->storePath(), QStringLiteral("test"));
    QSignalSpy selected(&panel, &HistoryPanel::runSelected);
    QSignalSpy activated(&panel, &HistoryPanel::runActivated);

    panel.selectRun(2);
    QCOMPARE(selected.count(), 1);
    QCOMPARE(selected.at(0).at(0).toLongLong(), qint64(2));
    QCOMPARE(panel.selectedRun(), qint64(2));

    // Sorting by run number ascending moves the row but keeps the selection.
    panel.view()->sortByColumn(HistoryModel::RunColumn, Qt::AscendingOrder);
    QCOMPARE(panel.view()->model()->index(0, 0).data(HistoryModel::RunRole).toLongLong(), qint64(1));
    QCOMPARE(panel.selectedRun(), qint64(2));
    QCOMPARE(selected.count(), 1);

    const QModelIndex third = panel.view()->model()->index(2, HistoryModel::StatusColumn);
    Q_EMIT panel.view()->doubleClicked(third);
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.at(0).at(0).toLongLong(), qint64(3));

    panel.selectRun(99);
    QCOMPARE(panel.selectedRun(), qint64(0));
}

void HistoryTest::modelFetchesLazily()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString error;
    std::unique_ptr<Store> store = Store::open(dir.path(), &error);
    QVERIFY2(store, qPrintable(error));

    // Run i (from 1) has one executed, (i % 3) cached and (i % 2) failed step runs, and a run
    // of another flow sits between, so paging must skip other flows.
    constexpr int kRuns = 1000;
    for (int i = 1; i <= kRuns; ++i) {
        QList<StepStatus> steps{StepStatus::Succeeded};
        for (int c = 0; c < i % 3; ++c)
            steps.append(StepStatus::Cached);
        if (i % 2)
            steps.append(StepStatus::Failed);
        qint64 number = 0;
        QVERIFY(addSyntheticRun(*store, QStringLiteral("many"), steps,
                                i % 2 ? RunStatus::Failed : RunStatus::Succeeded, &number));
        if (i == kRuns / 2)
            QVERIFY(addSyntheticRun(*store, QStringLiteral("other"), {}, RunStatus::Succeeded, &number));
    }

    HistoryModel model;
    model.setStore(dir.path(), QStringLiteral("many"));
    QCOMPARE(model.rowCount(), HistoryModel::kPageSize);
    QVERIFY(model.canFetchMore(QModelIndex()));

    model.fetchMore(QModelIndex());
    QCOMPARE(model.rowCount(), 2 * HistoryModel::kPageSize);
    while (model.canFetchMore(QModelIndex()))
        model.fetchMore(QModelIndex());
    QCOMPARE(model.rowCount(), kRuns);

    // Rows are newest first and every row's counts match what was stored for its run.
    int expectedIndex = kRuns;
    for (int row = 0; row < model.rowCount(); ++row, --expectedIndex) {
        const qint64 number = model.runAt(row);
        QVERIFY(row == 0 || number < model.runAt(row - 1));
        QCOMPARE(model.index(row, HistoryModel::RanColumn).data().toInt(), 1 + expectedIndex % 2);
        QCOMPARE(model.index(row, HistoryModel::CachedColumn).data().toInt(), expectedIndex % 3);
        QCOMPARE(model.index(row, HistoryModel::FailedColumn).data().toInt(), expectedIndex % 2);
        QCOMPARE(cell(model, row, HistoryModel::ParametersColumn), QStringLiteral("seed=7"));
    }
}

void HistoryTest::refreshAddsNewRunKeepingSelection()
{
    HistoryPanel panel;
    panel.setStore(m_project->storePath(), QStringLiteral("test"));
    panel.selectRun(3);
    QSignalSpy selected(&panel, &HistoryPanel::runSelected);
    const int before = panel.model()->rowCount();

    const CliResult again = m_project->cli(QStringLiteral("run"), {QStringLiteral("--json")});
    QCOMPARE(again.exitCode, 1);
    const qint64 newRun = again.parsed().value("run", qint64(0));
    QVERIFY(newRun > m_runs.last());

    panel.refresh();
    QCOMPARE(panel.model()->rowCount(), before + 1);
    QCOMPARE(panel.model()->runAt(0), newRun);
    QCOMPARE(panel.view()->model()->index(0, 0).data(HistoryModel::RunRole).toLongLong(), newRun);
    QCOMPARE(panel.selectedRun(), qint64(3));
    QCOMPARE(selected.count(), 0);
}

void HistoryTest::refreshUpdatesRunningRun()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString error;
    std::unique_ptr<Store> store = Store::open(dir.path(), &error);
    QVERIFY2(store, qPrintable(error));

    // The model is set before the store has a run of the flow, as when a window opens.
    HistoryModel model;
    model.setStore(dir.path(), QStringLiteral("live"));
    QCOMPARE(model.rowCount(), 0);

    qint64 number = 0;
    QVERIFY(addSyntheticRun(*store, QStringLiteral("live"), {StepStatus::Succeeded},
                            RunStatus::Running, &number));
    model.refresh();
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, 0).data(HistoryModel::StatusNameRole).toString(), QStringLiteral("running"));

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY2(store->finishRun(number, RunStatus::Cancelled, QString(), &error), qPrintable(error));
    model.refresh();
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, 0).data(HistoryModel::StatusNameRole).toString(), QStringLiteral("cancelled"));
    QVERIFY(changed.count() >= 1);
}

void HistoryTest::refreshDropsCollectedRuns_data()
{
    QTest::addColumn<qint64>("selected");
    QTest::addColumn<qint64>("selectedAfter");

    QTest::newRow("selected run removed") << qint64(1) << qint64(0);
    QTest::newRow("selected run kept") << qint64(3) << qint64(3);
}

void HistoryTest::refreshDropsCollectedRuns()
{
    QFETCH(qint64, selected);
    QFETCH(qint64, selectedAfter);

    const std::unique_ptr<Project> project = projectWithThreeRuns();
    QVERIFY(project);
    HistoryPanel panel;
    panel.setStore(project->storePath(), QStringLiteral("test"));
    QCOMPARE(panel.model()->rowCount(), 3);
    panel.selectRun(selected);
    QCOMPARE(panel.selectedRun(), selected);
    QSignalSpy selections(&panel, &HistoryPanel::runSelected);

    QVERIFY(collectGarbage(project->storePath(), 1));
    panel.refresh();

    QCOMPARE(panel.model()->rowCount(), 1);
    QCOMPARE(panel.model()->runAt(0), qint64(3));
    QCOMPARE(panel.view()->model()->rowCount(), 1);
    QVERIFY(!panel.model()->canFetchMore(QModelIndex()));
    QCOMPARE(panel.selectedRun(), selectedAfter);
    // A removed selection is announced as run 0, and no neighbouring run is chosen for it.
    QCOMPARE(selections.count(), selectedAfter == selected ? 0 : 1);
    if (!selections.isEmpty())
        QCOMPARE(selections.first().at(0).toLongLong(), qint64(0));
}

void HistoryTest::refreshDropsCollectedRunsOnAllPages()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString error;
    std::unique_ptr<Store> store = Store::open(dir.path(), &error);
    QVERIFY2(store, qPrintable(error));
    constexpr int kRuns = 3 * HistoryModel::kPageSize;
    for (int i = 0; i < kRuns; ++i) {
        qint64 number = 0;
        QVERIFY(addSyntheticRun(*store, QStringLiteral("many"), {StepStatus::Succeeded},
                                RunStatus::Succeeded, &number));
    }

    HistoryModel model;
    model.setStore(dir.path(), QStringLiteral("many"));
    while (model.canFetchMore(QModelIndex()))
        model.fetchMore(QModelIndex());
    QCOMPARE(model.rowCount(), kRuns);

    // gc removes the oldest runs, which sit on pages after the first.
    constexpr int kKept = HistoryModel::kPageSize + 10;
    GcReport report;
    QVERIFY2(store->gc(QStringLiteral("many"), kKept, false, &report, &error), qPrintable(error));
    QCOMPARE(report.runsRemoved.size(), kRuns - kKept);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    model.refresh();

    QCOMPARE(model.rowCount(), kKept);
    QCOMPARE(removed.count(), 1);
    QVERIFY(!model.canFetchMore(QModelIndex()));
    QCOMPARE(model.runAt(0), qint64(kRuns));
    QCOMPARE(model.runAt(kKept - 1), qint64(kRuns - kKept + 1));
    QCOMPARE(model.rowOf(qint64(kRuns - kKept)), -1);
    QVERIFY(model.errorString().isEmpty());
}

void HistoryTest::windowDropsRunsCollectedInStoreDialog()
{
    const std::unique_ptr<Project> project = projectWithThreeRuns();
    QVERIFY(project);
    qputenv("CAIRN_STORE", project->storePath().toLocal8Bit());
    const auto unsetStore = qScopeGuard([] { qunsetenv("CAIRN_STORE"); });

    MainWindow window;
    window.setMessageHandler([](const QString&, QMessageBox::StandardButtons) {
        return QMessageBox::No;
    });
    QVERIFY(window.openFlow(project->flowPath()));
    window.historyPanel()->selectRun(1);
    QCOMPARE(window.selectedRun(), qint64(1));
    QVERIFY(window.bannerText().startsWith(QStringLiteral("Showing run 1")));
    QCOMPARE(trendRuns(*window.trendsChart()), (QList<qint64>{1, 2, 3}));

    // Run > Store…: keep 1 run, preview, collect.
    window.showStore();
    auto* panel = window.findChild<StorePanel*>();
    QVERIFY(panel);
    QVERIFY(QTest::qWaitFor([panel] { return !panel->isBusy(); }, kWorkTimeoutMs));
    auto* keepRuns = panel->findChild<QSpinBox*>(QStringLiteral("keepRuns"));
    QVERIFY(keepRuns);
    keepRuns->setValue(1);
    panel->preview();
    QVERIFY(QTest::qWaitFor([panel] { return !panel->isBusy(); }, kWorkTimeoutMs));
    QSignalSpy collected(panel, &StorePanel::garbageCollected);
    panel->collect();
    QVERIFY(QTest::qWaitFor([panel] { return !panel->isBusy(); }, kWorkTimeoutMs));
    QCOMPARE(collected.count(), 1);

    HistoryModel* history = window.historyPanel()->model();
    QCOMPARE(history->rowCount(), 1);
    QCOMPARE(history->runAt(0), qint64(3));
    QCOMPARE(window.selectedRun(), qint64(0));
    QVERIFY2(window.bannerText().isEmpty(), qPrintable(window.bannerText()));
    QCOMPARE(window.shownRun(), qint64(3));
    QCOMPARE(trendRuns(*window.trendsChart()), QList<qint64>{3});
    QTreeWidget* artifacts = window.artifactsPanel()->tree();
    QCOMPARE(artifacts->topLevelItemCount(), 1);
    QVERIFY2(artifacts->topLevelItem(0)->text(0).startsWith(QStringLiteral("Run 3 ")),
             qPrintable(artifacts->topLevelItem(0)->text(0)));
}

void HistoryTest::windowShowsRunsOfOtherProcess()
{
    const std::unique_ptr<Project> project = projectWithThreeRuns();
    QVERIFY(project);
    qputenv("CAIRN_STORE", project->storePath().toLocal8Bit());
    const auto unsetStore = qScopeGuard([] { qunsetenv("CAIRN_STORE"); });

    MainWindow window;
    window.setMessageHandler([](const QString&, QMessageBox::StandardButtons) {
        return QMessageBox::No;
    });
    QVERIFY(window.openFlow(project->flowPath()));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    HistoryModel* history = window.historyPanel()->model();
    QCOMPARE(history->rowCount(), 3);
    QCOMPARE(trendRuns(*window.trendsChart()), (QList<qint64>{1, 2, 3}));

    // cairn-cli writes run 4 while the window is open, and the window gets no signal of it.
    const CliResult other = project->cli(QStringLiteral("run"), {QStringLiteral("--json")});
    QCOMPARE(other.exitCode, 0);
    const qint64 otherRun = other.parsed().value("run", qint64(0));
    QCOMPARE(otherRun, qint64(4));

    QTRY_COMPARE_WITH_TIMEOUT(history->rowCount(), 4, kWorkTimeoutMs);
    QCOMPARE(history->runAt(0), otherRun);
    QCOMPARE(trendRuns(*window.trendsChart()), (QList<qint64>{1, 2, 3, 4}));
    QTreeWidget* artifacts = window.artifactsPanel()->tree();
    QVERIFY(artifacts->topLevelItemCount() > 0);
    QVERIFY2(artifacts->topLevelItem(0)->text(0).startsWith(QStringLiteral("Run 4 ")),
             qPrintable(artifacts->topLevelItem(0)->text(0)));
}

QTEST_MAIN(HistoryTest)

#include "tst_history.moc"
