// MainWindow: Run, Stop, Force Rerun, Workers and Parameters, and the stored runs: resume
// with a plan preview, painting a run on the canvas, "Why", clearing a step's cache, Store.

#include "mainwindow.h"

#include "flowdocument.h"
#include "artifactspanel.h"
#include "flowscene.h"
#include "historypanel.h"
#include "logging.h"
#include "logpanel.h"
#include "parametersdialog.h"
#include "planpreview.h"
#include "runcontrol.h"
#include "runpainter.h"
#include "settingskeys.h"
#include "storeactions.h"
#include "storepanel.h"
#include "store.h"
#include "trendschart.h"
#include "whydialog.h"

#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QTabWidget>
#include <QThread>
#include <QTimer>

namespace cairn {

using settingskeys::kMaxWorkers;

namespace {

// How often the window looks for runs made by other processes, and how many of the newest
// runs it compares, in one indexed SELECT on runs(flow_name, number).
constexpr int kStorePollMs = 2000;
constexpr int kPolledRuns = 20;

}  // namespace

void MainWindow::run()
{
    startRun(PlanRequest());
}

void MainWindow::forceRerun()
{
    PlanRequest request;
    request.force = true;
    startRun(request);
}

void MainWindow::runUpTo(const QString& id)
{
    PlanRequest request;
    request.upTo = id;
    startRun(request);
}

void MainWindow::stop()
{
    m_run->stop();
}

int MainWindow::workers() const
{
    const int fallback = qMax(1, QThread::idealThreadCount());
    return qBound(1, QSettings().value(settingskeys::kWorkers, fallback).toInt(), kMaxWorkers);
}

void MainWindow::chooseWorkers()
{
    bool ok = false;
    const int count = QInputDialog::getInt(this, tr("Workers"),
                                           tr("Steps that may run at the same time:"),
                                           workers(), 1, kMaxWorkers, 1, &ok);
    if (ok)
        QSettings().setValue(settingskeys::kWorkers, count);
}

void MainWindow::editParameters()
{
    ParametersDialog dialog(m_document->flow(), m_runParameters, this);
    if (dialog.exec() == QDialog::Accepted)
        m_runParameters = dialog.overrides();
}

bool MainWindow::prepareRun()
{
    // The run reads the flow's folder and keeps its store beside the file, so the flow
    // needs a file and the steps on disk must be the ones shown.
    if (m_document->filePath().isEmpty()) {
        const auto answer = ask(QMessageBox::Question,
                                tr("The flow must be saved before it runs, because its "
                                   "steps run in the flow's folder. Save it now?"),
                                QMessageBox::Save | QMessageBox::Cancel, QMessageBox::Save);
        return answer == QMessageBox::Save && save();
    }
    if (m_document->isModified())
        return save();
    return true;
}

void MainWindow::startRun(const PlanRequest& request)
{
    if (m_run->isRunning() || m_document->flow().steps.isEmpty())
        return;
    const QList<FlowIssue> issues = validateFlow(m_document->flow());
    if (!issues.isEmpty()) {
        QStringList lines;
        for (const FlowIssue& issue : issues)
            lines.append(issue.toString());
        warn(tr("The flow cannot run until these problems are fixed:\n%1")
                 .arg(lines.join(QLatin1Char('\n'))));
        return;
    }
    if (!prepareRun())
        return;

    RunOptions options;
    options.request = request;
    // Parameters removed from the flow since they were set would fail the run. A resume
    // takes its values from the plan preview, which starts from the origin run's.
    for (auto it = m_runParameters.cbegin(); it != m_runParameters.cend() && !request.resume;
         ++it) {
        if (m_document->flow().parameter(it.key()))
            options.request.overrides.insert(it.key(), it.value());
    }
    options.storeDirectory = storeDirectory();
    options.workers = workers();
    m_bottomTabs->setCurrentWidget(m_log);
    m_run->start(m_document->flow(), options);
}

QString MainWindow::storeDirectory() const
{
    const QString path = m_document->filePath();
    return path.isEmpty() ? QString() : defaultStoreDirectory(path);
}

void MainWindow::setSelectedRun(qint64 run)
{
    m_selectedRun = run;
    if (run <= 0)
        showLiveView();
    else if (!m_run->isRunning())
        showRun(run);
}

qint64 MainWindow::resumeOrigin() const
{
    return m_selectedRun > 0 ? m_selectedRun : latestStoredRun();
}

qint64 MainWindow::shownRun() const
{
    return m_paintedRun > 0 ? m_paintedRun : latestStoredRun();
}

qint64 MainWindow::latestStoredRun() const
{
    Store* store = existingStore();
    return store ? store->latestRun(m_document->flow().name).value_or(0) : 0;
}

Store* MainWindow::existingStore() const
{
    // A flow that never ran has no database, and opening one would create it.
    if (!m_readStore && Store::exists(storeDirectory())) {
        QString error;
        m_readStore = Store::open(storeDirectory(), &error);
        if (!m_readStore)
            qCWarning(lcStore) << "the window cannot read the store:" << error;
    }
    return m_readStore.get();
}

void MainWindow::resumeFrom(const QString& id)
{
    PlanRequest request;
    request.resume = true;
    request.origin = resumeOrigin();
    request.fromStep = id;
    previewAndStart(request);
}

void MainWindow::resumeFromFailure()
{
    PlanRequest request;
    request.resume = true;
    request.origin = resumeOrigin();
    previewAndStart(request);
}

void MainWindow::previewAndStart(const PlanRequest& request)
{
    if (m_run->isRunning() || !prepareRun())
        return;
    PlanPreviewDialog dialog(m_document->flow(), storeDirectory(), request, this);
    const bool start = m_planPreviewHandler ? m_planPreviewHandler(dialog)
                                            : dialog.exec() == QDialog::Accepted;
    if (start)
        startRun(dialog.request());
}

QString MainWindow::explainStep(const QString& id) const
{
    const qint64 run = shownRun();
    if (run <= 0)
        return tr("Step %1 has not run yet.").arg(id);
    QString error;
    const std::unique_ptr<Store> store = Store::open(storeDirectory(), &error);
    if (!store)
        return error;
    return WhyDialog::explain(*store, m_document->flow().name, run, id);
}

void MainWindow::showWhy(const QString& id)
{
    auto* dialog = new WhyDialog(storeDirectory(), m_document->flow().name, shownRun(), id, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void MainWindow::clearStepCache(const QString& id)
{
    QString error;
    const int changed = clearCachedResults(storeDirectory(), m_document->flow().name, id, &error);
    if (changed < 0)
        warn(error);
    else
        showStatus(tr("Step %1 will run again: cleared the cached results of %2 step runs.")
                       .arg(id)
                       .arg(changed));
}

void MainWindow::showStepArtifacts(const QString& id)
{
    const qint64 run = shownRun();
    if (run <= 0)
        return;
    m_bottomTabs->setCurrentWidget(m_artifacts);
    m_artifacts->showStep(run, id);
}

void MainWindow::createRunBanner()
{
    m_runBanner = new QWidget(this);
    m_runBanner->setObjectName(QStringLiteral("runBanner"));
    m_runBanner->setAutoFillBackground(true);
    m_runBanner->setBackgroundRole(QPalette::ToolTipBase);
    m_runBannerText = new QLabel(m_runBanner);
    m_runBannerText->setForegroundRole(QPalette::ToolTipText);
    auto* live = new QPushButton(tr("Back to Live View"), m_runBanner);
    live->setObjectName(QStringLiteral("liveViewButton"));
    connect(live, &QPushButton::clicked, this, &MainWindow::showLiveView);
    auto* layout = new QHBoxLayout(m_runBanner);
    layout->addWidget(m_runBannerText, 1);
    layout->addWidget(live);
    m_runBanner->hide();
}

void MainWindow::showRun(qint64 run)
{
    QString error;
    const std::unique_ptr<Store> store = Store::open(storeDirectory(), &error);
    FlowChanges changes;
    if (!store || !RunPainter::paint(m_scene, *store, m_document->flow(), run, &changes, &error)) {
        showStatus(error);
        return;
    }
    m_paintedRun = run;
    m_runBannerText->setText(RunPainter::bannerText(run, changes));
    m_runBanner->show();
}

void MainWindow::showLiveView()
{
    if (m_paintedRun == 0)
        return;
    m_paintedRun = 0;
    m_runBanner->hide();
    m_scene->clearStepStates();
    // The canvas shows the states of the window's last run again.
    const Flow& flow = m_document->flow();
    if (m_run->lastRun() > 0) {
        for (const Step& step : flow.steps)
            m_scene->setStepState(step.id, m_run->stepStatus(step.id), QString(), -1);
    }
}

QString MainWindow::bannerText() const
{
    return m_runBanner->isVisible() || m_paintedRun > 0 ? m_runBannerText->text() : QString();
}

void MainWindow::showStore()
{
    if (storeDirectory().isEmpty())
        return;
    // The dialog stays alive when closed, because a collection it started goes on to its
    // end and the tabs must then drop the runs it removed.
    if (!m_storePanel) {
        m_storePanel = new StorePanel(this);
        connect(m_storePanel, &StorePanel::garbageCollected, this,
                &MainWindow::dropCollectedRuns);
    }
    if (!m_storePanel->isBusy())
        m_storePanel->setStore(storeDirectory(), m_document->flow().name);
    m_storePanel->open();
}

void MainWindow::startStorePoll()
{
    m_storePoll = new QTimer(this);
    m_storePoll->setInterval(kStorePollMs);
    connect(m_storePoll, &QTimer::timeout, this, &MainWindow::pollStore);
    m_storePoll->start();
}

void MainWindow::pollStore()
{
    // The window's own runs refresh the tabs as they go and when they finish.
    if (!isVisible() || m_run->isRunning())
        return;
    QList<std::pair<qint64, RunStatus>> runs = readRecentRuns();
    if (runs == m_polledRuns)
        return;
    m_polledRuns = std::move(runs);
    m_history->refresh();
    m_artifacts->refresh();
    m_trends->refresh();
}

QList<std::pair<qint64, RunStatus>> MainWindow::readRecentRuns()
{
    // NOTE: a running run older than the newest kPolledRuns is not watched, so its end
    // shows up with the next new run.
    Store* store = existingStore();
    if (!store)
        return {};

    QList<std::pair<qint64, RunStatus>> states;
    for (const RunRecord& run : store->runs(m_document->flow().name, kPolledRuns))
        states.append({run.number, run.status});
    return states;
}

void MainWindow::dropCollectedRuns()
{
    // The History tab sends runSelected(0) when it drops the selected run, which returns the
    // canvas to the live view.
    m_history->refresh();
    m_artifacts->refresh();
    m_trends->refresh();
    if (m_selectedRun <= 0 && m_paintedRun <= 0)
        return;

    // A run can be painted without being selected in History (showRun), and the selected
    // run can be hidden there by the filters.
    QString error;
    const std::unique_ptr<Store> store = Store::open(storeDirectory(), &error);
    if (!store) {
        showStatus(error);
        return;
    }
    if (m_selectedRun > 0 && !store->run(m_selectedRun))
        m_selectedRun = 0;
    if (m_paintedRun > 0 && !store->run(m_paintedRun))
        showLiveView();
}

}  // namespace cairn
