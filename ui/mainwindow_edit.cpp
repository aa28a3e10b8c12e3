// MainWindow: clipboard, selection, templates, quick-add and the step context menu.

#include "mainwindow.h"

#include "backgroundtask.h"
#include "flowclipboard.h"
#include "flowdocument.h"
#include "flowgraph.h"
#include "flowscene.h"
#include "flowview.h"
#include "graphlayout.h"
#include "logpanel.h"
#include "quickadd.h"
#include "runcontrol.h"
#include "store.h"

#include <QApplication>
#include <QClipboard>
#include <QCursor>
#include <QDialog>
#include <QMenu>
#include <QMimeData>
#include <QSet>
#include <QStatusBar>
#include <QTabWidget>
#include <QUndoView>
#include <QVBoxLayout>

namespace cairn {

namespace {

constexpr qreal kPasteOffset = 40;

// The top-left corner of the steps' positions.
QPointF topLeftOf(const QList<Step>& steps)
{
    QPointF corner = steps.first().position;
    for (const Step& step : steps) {
        corner.setX(qMin(corner.x(), step.position.x()));
        corner.setY(qMin(corner.y(), step.position.y()));
    }
    return corner;
}

}  // namespace

QByteArray MainWindow::selectionFragment() const
{
    const QStringList ids = m_scene->selectedStepIds();
    if (ids.isEmpty())
        return {};
    return flowFragment(m_document->flow(), ids);
}

void MainWindow::insertFragment(const QByteArray& fragment, const QPointF& offset,
                                bool atPosition, const QPointF& scenePos,
                                const QString& commandText)
{
    QList<Step> steps;
    QList<Edge> edges;
    QString error;
    if (!parseFlowFragment(fragment, &steps, &edges, &error)) {
        showStatus(tr("The steps cannot be added: %1").arg(error));
        return;
    }
    if (steps.isEmpty())
        return;

    // Either the fragment's top-left corner goes to scenePos, or every step moves by offset.
    const QPointF shift = atPosition ? scenePos - topLeftOf(steps) : offset;
    for (Step& step : steps)
        step.position += shift;
    const QStringList ids = m_document->addSteps(steps, edges, commandText);
    m_scene->selectSteps(ids);
    m_view->setFocus();
}

void MainWindow::cut()
{
    if (m_scene->selectedStepIds().isEmpty())
        return;
    copy();
    deleteSelection();
}

void MainWindow::copy()
{
    const QByteArray fragment = selectionFragment();
    if (fragment.isEmpty())
        return;
    auto* data = new QMimeData;
    data->setData(QLatin1String(kFlowFragmentMimeType), fragment);
    data->setText(QString::fromUtf8(fragment));
    QGuiApplication::clipboard()->setMimeData(data);
    m_pasteCount = 0;
}

void MainWindow::paste()
{
    const QMimeData* data = QGuiApplication::clipboard()->mimeData();
    if (!data)
        return;
    QByteArray fragment = data->data(QLatin1String(kFlowFragmentMimeType));
    if (fragment.isEmpty() && data->hasText())
        fragment = data->text().toUtf8();
    if (fragment.isEmpty())
        return;
    ++m_pasteCount;
    const QPointF offset(kPasteOffset * m_pasteCount, kPasteOffset * m_pasteCount);
    insertFragment(fragment, offset, false, {}, tr("Paste"));
}

void MainWindow::duplicate()
{
    const QByteArray fragment = selectionFragment();
    if (!fragment.isEmpty())
        insertFragment(fragment, QPointF(kPasteOffset, kPasteOffset), false, {},
                       tr("Duplicate"));
}

void MainWindow::deleteSelection()
{
    const QStringList ids = m_scene->selectedStepIds();
    const QList<QPair<QString, QString>> edges = m_scene->selectedEdges();
    if (ids.isEmpty() && edges.isEmpty())
        return;
    m_document->removeItems(ids, edges);
}

void MainWindow::selectAll()
{
    QStringList ids;
    for (const Step& step : m_document->flow().steps)
        ids.append(step.id);
    m_scene->selectSteps(ids);
}

void MainWindow::selectUpstream()
{
    const FlowGraph graph(m_document->flow());
    const QStringList selected = m_scene->selectedStepIds();
    QSet<QString> ids(selected.cbegin(), selected.cend());
    for (const QString& id : selected)
        ids.unite(graph.ancestors(id));
    m_scene->selectSteps(ids.values());
}

void MainWindow::selectDownstream()
{
    const FlowGraph graph(m_document->flow());
    const QStringList selected = m_scene->selectedStepIds();
    QSet<QString> ids(selected.cbegin(), selected.cend());
    for (const QString& id : selected)
        ids.unite(graph.descendants(id));
    m_scene->selectSteps(ids.values());
}

namespace {

// Returns the step ids and edges that a layout depends on, sorted, so that two shapes
// compare equal when a layout computed for one still fits the other.
QStringList layoutShape(const Flow& flow)
{
    QStringList shape;
    for (const Step& step : flow.steps)
        shape << step.id;
    for (const Edge& edge : flow.edges)
        shape << edge.from + QLatin1String("->") + edge.to;
    shape.sort();
    return shape;
}

}  // namespace

void MainWindow::layOut()
{
    if (m_document->flow().steps.isEmpty() || m_layingOut)
        return;
    // dot takes about 0.4 s for 2,000 steps (docs/benchmarks.md), so it runs on the thread
    // pool. Its result is applied only if no step or edge was added or removed meanwhile.
    m_layingOut = true;
    showStatus(tr("Laying out the flow…"));
    const Flow flow = m_document->flow();
    runInBackground<QHash<QString, QPointF>>(
        this, [flow] { return layeredLayout(flow); },
        [this, shape = layoutShape(flow)](const QHash<QString, QPointF>& positions) {
            m_layingOut = false;
            if (layoutShape(m_document->flow()) != shape) {
                showStatus(tr("The flow changed while it was laid out; press L to lay it out again."));
                return;
            }
            m_document->applyLayout(positions);
            m_view->fitToView();
            showStatus(tr("Laid out %n step(s).", nullptr, int(positions.size())));
        });
}

void MainWindow::addTemplateAtCentre(const QByteArray& fragment)
{
    // Each added template lands a little lower than the last, so that several added in a
    // row do not cover each other.
    const QPointF centre = m_view->mapToScene(m_view->viewport()->rect().center());
    const QPointF stagger(0, kPasteOffset * (m_document->flow().steps.size() % 5));
    m_newFlowChosen = true;
    insertFragment(fragment, {}, true, centre + stagger, tr("Add Steps"));
    updateWelcome();
}

void MainWindow::showQuickAdd(const QPointF& scenePos)
{
    m_quickAddPos = scenePos;
    const QPoint viewPos = m_view->mapFromScene(scenePos);
    m_quickAdd->popup(m_view->viewport()->mapToGlobal(viewPos));
}

void MainWindow::showStepMenu(const QString& id, const QPoint& screenPos)
{
    if (!m_scene->selectedStepIds().contains(id))
        m_scene->selectSteps({id});
    QMenu menu(this);
    menu.setObjectName(QStringLiteral("stepMenu"));
    addRunHistoryActions(&menu, id);
    menu.addSeparator();
    menu.addAction(tr("Select Upstream"), this, [this, id] {
        m_scene->selectSteps({id});
        selectUpstream();
    });
    menu.addAction(tr("Select Downstream"), this, [this, id] {
        m_scene->selectSteps({id});
        selectDownstream();
    });
    menu.addSeparator();
    menu.addAction(tr("Delete"), this, [this, id] { m_document->removeItems({id}, {}); });
    menu.exec(screenPos);
}

void MainWindow::addRunHistoryActions(QMenu* menu, const QString& id)
{
    // Entries that read the store need a saved flow; none may start while a run is going.
    const bool idle = !m_run->isRunning();
    const bool stored = !storeDirectory().isEmpty();
    const qint64 origin = stored ? resumeOrigin() : 0;
    std::optional<RunRecord> originRecord;
    if (origin > 0) {
        QString error;
        if (const std::unique_ptr<Store> store = Store::open(storeDirectory(), &error))
            originRecord = store->run(origin);
    }
    const bool originFailed = originRecord && originRecord->status != RunStatus::Succeeded
        && originRecord->status != RunStatus::Running;

    QAction* resume = menu->addAction(tr("Resume from Here"), this, [this, id] { resumeFrom(id); });
    resume->setObjectName(QStringLiteral("actionResumeFromHere"));
    resume->setEnabled(idle && origin > 0);
    if (originFailed) {
        menu->addAction(tr("Resume from Failure of Run %1").arg(origin), this,
                        [this] { resumeFromFailure(); })
            ->setEnabled(idle);
    }
    QAction* upTo = menu->addAction(tr("Run up to Here"), this, [this, id] { runUpTo(id); });
    upTo->setEnabled(idle);
    menu->addAction(tr("Why Did This Step Run?"), this, [this, id] { showWhy(id); })
        ->setEnabled(origin > 0);
    menu->addSeparator();
    menu->addAction(tr("Show Log"), this, [this, id] { showStepLog(id); });
    menu->addAction(tr("Show Artifacts"), this, [this, id] { showStepArtifacts(id); })
        ->setEnabled(origin > 0);
    menu->addAction(tr("Clear Cached Results of This Step"), this, [this, id] { clearStepCache(id); })
        ->setEnabled(idle && origin > 0);
}

void MainWindow::showStepLog(const QString& id)
{
    m_bottomTabs->setCurrentWidget(m_log);
    m_log->setFollowRunningStep(false);
    m_log->showStep(id);
}

void MainWindow::showUndoHistory()
{
    if (!m_undoView) {
        auto* dialog = new QDialog(this);
        dialog->setObjectName(QStringLiteral("undoHistoryDialog"));
        dialog->setWindowTitle(tr("Undo History"));
        m_undoView = new QUndoView(m_document->undoStack(), dialog);
        m_undoView->setEmptyLabel(tr("<opened flow>"));
        auto* layout = new QVBoxLayout(dialog);
        layout->addWidget(m_undoView);
        dialog->resize(320, 400);
    }
    QWidget* dialog = m_undoView->parentWidget();
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

}  // namespace cairn
