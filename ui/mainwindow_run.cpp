// MainWindow: Run, Stop, Force Rerun, Workers and Parameters.

#include "mainwindow.h"

#include "flowdocument.h"
#include "logpanel.h"
#include "parametersdialog.h"
#include "runcontrol.h"

#include <QDir>
#include <QInputDialog>
#include <QSettings>
#include <QTabWidget>
#include <QThread>

namespace cairn {

namespace {

const QString kWorkersKey = QStringLiteral("run/workers");
constexpr int kMaxWorkers = 256;

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
    return qBound(1, QSettings().value(kWorkersKey, fallback).toInt(), kMaxWorkers);
}

void MainWindow::chooseWorkers()
{
    bool ok = false;
    const int count = QInputDialog::getInt(this, tr("Workers"),
                                           tr("Steps that may run at the same time:"),
                                           workers(), 1, kMaxWorkers, 1, &ok);
    if (ok)
        QSettings().setValue(kWorkersKey, count);
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
    // Parameters removed from the flow since they were set would fail the run.
    for (auto it = m_runParameters.cbegin(); it != m_runParameters.cend(); ++it) {
        if (m_document->flow().parameter(it.key()))
            options.request.overrides.insert(it.key(), it.value());
    }
    options.workers = workers();
    m_bottomTabs->setCurrentWidget(m_log);
    m_run->start(m_document->flow(), options);
}

}  // namespace cairn
