// MainWindow: New, Open, Save, recent files, autosave recovery and export.

#include "mainwindow.h"

#include "autosave.h"
#include "flowdocument.h"
#include "flowscene.h"
#include "flowview.h"
#include "recentfiles.h"
#include "runcontrol.h"
#include "welcomepage.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QImage>
#include <QMenu>
#include <QPainter>
#include <QStandardPaths>
#include <QSvgGenerator>
#include <QTimer>
#include <QUndoStack>

namespace cairn {

namespace {

const QString kFlowFilter = QStringLiteral("*.json");
constexpr qreal kExportMargin = 40;
constexpr qreal kPngScale = 2;

// Copies the folder from to to, files and subfolders, leaving existing files as they are.
bool copyFolder(const QString& from, const QString& to)
{
    const QDir source(from);
    if (!QDir().mkpath(to))
        return false;
    for (const QFileInfo& entry :
         source.entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString target = to + QLatin1Char('/') + entry.fileName();
        if (entry.isDir()) {
            if (!copyFolder(entry.filePath(), target))
                return false;
        } else if (!QFileInfo::exists(target) && !QFile::copy(entry.filePath(), target)) {
            return false;
        }
    }
    return true;
}

// Whether path is one of the source tree's examples, which a developer runs in place.
bool isSourceExample(const QString& path)
{
#ifdef CAIRN_SOURCE_EXAMPLES_DIR
    const QString root = QDir(QStringLiteral(CAIRN_SOURCE_EXAMPLES_DIR)).canonicalPath();
    return !root.isEmpty() && QFileInfo(path).canonicalFilePath().startsWith(root + QLatin1Char('/'));
#else
    return false;
#endif
}

}  // namespace

void MainWindow::newFlow()
{
    if (isRunBlocking() || !maybeSave())
        return;
    m_autosave->discard();
    m_newFlowChosen = true;
    m_runParameters.clear();
    m_document->newFlow();
    updateWelcome();
}

void MainWindow::open()
{
    const QString dir = m_document->filePath().isEmpty()
                            ? QDir::homePath()
                            : QFileInfo(m_document->filePath()).absolutePath();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Flow"), dir, tr("Flow files (%1);;All files (*)").arg(kFlowFilter));
    if (!path.isEmpty())
        openFlow(path);
}

bool MainWindow::openFlow(const QString& path)
{
    if (isRunBlocking() || !maybeSave())
        return false;
    m_autosave->discard();
    return loadFile(path);
}

void MainWindow::offerUntitledRecovery()
{
    if (QFileInfo::exists(Autosave::fileFor(QString())))
        recoverAutosave(QString());
}

bool MainWindow::loadFile(const QString& path)
{
    QList<FlowIssue> issues;
    if (!m_document->load(path, &issues)) {
        QStringList lines;
        for (const FlowIssue& issue : std::as_const(issues))
            lines.append(issue.toString());
        warn(tr("%1 cannot be opened:\n%2").arg(QDir::toNativeSeparators(path),
                                               lines.join(QLatin1Char('\n'))));
        recentfiles::remove(path);
        return false;
    }
    m_runParameters.clear();
    recentfiles::add(m_document->filePath());
    updateWelcome();
    showStatus(tr("Opened %1").arg(QDir::toNativeSeparators(m_document->filePath())));
    if (QFileInfo::exists(Autosave::fileFor(m_document->filePath())))
        recoverAutosave(m_document->filePath());
    // The view has its final size only once the window is laid out.
    QTimer::singleShot(0, m_view, &FlowView::fitToView);
    return true;
}

void MainWindow::recoverAutosave(const QString& flowPath)
{
    Flow recovered;
    if (!Autosave::read(flowPath, &recovered)) {
        Autosave::remove(flowPath);
        return;
    }
    const QString flowName = flowPath.isEmpty() ? tr("an untitled flow")
                                            : QDir::toNativeSeparators(flowPath);
    const auto answer = ask(QMessageBox::Question,
                            tr("Cairn found unsaved changes to %1 from a session that did "
                               "not close. Recover them?").arg(flowName),
                            QMessageBox::Yes | QMessageBox::Discard, QMessageBox::Yes);
    if (answer == QMessageBox::Yes) {
        if (flowPath.isEmpty())
            m_newFlowChosen = true;
        applyRecoveredFlow(recovered);
        showStatus(tr("Recovered unsaved changes; save to keep them."));
    } else if (answer == QMessageBox::Discard) {
        Autosave::remove(flowPath);
    }
    updateWelcome();
}

void MainWindow::applyRecoveredFlow(const Flow& recovered)
{
    // Replaces the flow through the edit methods, so that the document is modified and
    // one undo step returns to the file on disk.
    const Flow current = m_document->flow();
    QStringList ids;
    QList<QPair<QString, QString>> edges;
    for (const Step& step : current.steps)
        ids.append(step.id);
    for (const Edge& edge : current.edges)
        edges.append({edge.from, edge.to});

    QUndoStack* undo = m_document->undoStack();
    undo->beginMacro(tr("Recover Unsaved Changes"));
    m_document->removeItems(ids, edges);
    m_document->addSteps(recovered.steps, recovered.edges, tr("Recover Unsaved Changes"));
    QString error;
    m_document->editFlowProperties(recovered.name, recovered.description,
                                   recovered.parameters, &error);
    undo->endMacro();
}

bool MainWindow::isRunBlocking()
{
    // The canvas shows the states of the running flow's steps, so another flow can only
    // replace it once the run has ended.
    if (!m_run->isRunning())
        return false;
    warn(tr("A run is in progress. Stop it before opening another flow."));
    return true;
}

bool MainWindow::maybeSave()
{
    if (!m_document->isModified())
        return true;
    const QString name = m_document->flow().name.isEmpty() ? tr("Untitled")
                                                           : m_document->flow().name;
    const auto answer = ask(QMessageBox::Warning,
                            tr("The flow %1 has unsaved changes. Save them?").arg(name),
                            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel,
                            QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    if (answer == QMessageBox::Discard) {
        m_autosave->discard();
        return true;
    }
    return false;
}

bool MainWindow::save()
{
    if (m_document->filePath().isEmpty())
        return saveAs();
    return saveToPath(m_document->filePath());
}

bool MainWindow::saveAs()
{
    const QString path = askSavePath(tr("Save Flow As"),
                                     tr("Flow files (%1)").arg(kFlowFilter),
                                     QStringLiteral(".json"));
    return !path.isEmpty() && saveToPath(path);
}

bool MainWindow::saveToPath(const QString& path)
{
    QString error;
    if (!m_document->save(path, &error)) {
        warn(error);
        return false;
    }
    // An autosave of the saved file is older than the file now, whichever session wrote it.
    m_autosave->discard();
    Autosave::remove(path);
    recentfiles::add(path);
    showStatus(tr("Saved %1").arg(QDir::toNativeSeparators(path)));
    return true;
}

QString MainWindow::askSavePath(const QString& caption, const QString& filter,
                                const QString& suffix)
{
    QString dir = m_document->filePath();
    if (dir.isEmpty())
        dir = QDir::homePath() + QLatin1Char('/')
              + (m_document->flow().name.isEmpty() ? QStringLiteral("flow")
                                                   : m_document->flow().name);
    else
        dir = QFileInfo(dir).absolutePath() + QLatin1Char('/') + QFileInfo(dir).completeBaseName();
    QString path = QFileDialog::getSaveFileName(this, caption, dir + suffix, filter);
    if (!path.isEmpty() && QFileInfo(path).suffix().isEmpty())
        path += suffix;
    return path;
}

void MainWindow::fillRecentMenu()
{
    m_recentMenu->clear();
    const QStringList paths = recentfiles::list();
    for (const QString& path : paths) {
        QAction* action = m_recentMenu->addAction(QDir::toNativeSeparators(path));
        connect(action, &QAction::triggered, this, [this, path] { openFlow(path); });
    }
    if (paths.isEmpty()) {
        m_recentMenu->addAction(tr("No recent files"))->setEnabled(false);
        return;
    }
    m_recentMenu->addSeparator();
    connect(m_recentMenu->addAction(tr("Clear Recent Files")), &QAction::triggered, this,
            [] { recentfiles::clear(); });
}

void MainWindow::openExample(const QString& path)
{
    // An installed example's folder belongs to the package and may be read-only, so the
    // example is copied into the user's data folder and opened from there. Only the source
    // tree's examples open in place.
    const QFileInfo info(path);
    if (isSourceExample(path) && QFileInfo(info.absolutePath()).isWritable()) {
        openFlow(path);
        return;
    }
    const QString copy = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                         + QStringLiteral("/examples/") + info.dir().dirName();
    if (!copyFolder(info.absolutePath(), copy)) {
        warn(tr("The example cannot be copied to %1. Check that the folder is writable.")
                 .arg(QDir::toNativeSeparators(copy)));
        return;
    }
    openFlow(copy + QLatin1Char('/') + info.fileName());
}

void MainWindow::exportJson()
{
    const QString path = askSavePath(tr("Export JSON"), tr("Flow files (%1)").arg(kFlowFilter),
                                     QStringLiteral(".json"));
    if (path.isEmpty())
        return;
    QString error;
    if (!saveFlow(m_document->flow(), path, &error))
        warn(error);
    else
        showStatus(tr("Exported %1").arg(QDir::toNativeSeparators(path)));
}

QRectF MainWindow::exportRect() const
{
    return m_scene->flowBoundingRect().adjusted(-kExportMargin, -kExportMargin, kExportMargin,
                                                kExportMargin);
}

void MainWindow::exportPng()
{
    const QString path = askSavePath(tr("Export PNG"), tr("PNG images (*.png)"),
                                     QStringLiteral(".png"));
    if (path.isEmpty())
        return;
    QString error;
    if (!writePng(path, &error))
        warn(error);
    else
        showStatus(tr("Exported %1").arg(QDir::toNativeSeparators(path)));
}

void MainWindow::exportSvg()
{
    const QString path = askSavePath(tr("Export SVG"), tr("SVG images (*.svg)"),
                                     QStringLiteral(".svg"));
    if (path.isEmpty())
        return;
    QString error;
    if (!writeSvg(path, &error))
        warn(error);
    else
        showStatus(tr("Exported %1").arg(QDir::toNativeSeparators(path)));
}

bool MainWindow::writePng(const QString& path, QString* error) const
{
    const QRectF source = exportRect();
    QImage image((source.size() * kPngScale).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(QWidget::palette().color(QPalette::Base));
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::TextAntialiasing);
        m_scene->render(&painter, QRectF(QPointF(0, 0), image.size()), source);
    }
    if (image.save(path, "PNG"))
        return true;
    *error = tr("%1 cannot be written. Check that its folder exists and is writable.")
                 .arg(QDir::toNativeSeparators(path));
    return false;
}

bool MainWindow::writeSvg(const QString& path, QString* error) const
{
    const QRectF source = exportRect();
    QSvgGenerator generator;
    generator.setFileName(path);
    generator.setSize(source.size().toSize());
    generator.setViewBox(QRectF(QPointF(0, 0), source.size()));
    generator.setTitle(m_document->flow().name);
    generator.setDescription(m_document->flow().description);
    QPainter painter;
    if (!painter.begin(&generator)) {
        *error = tr("%1 cannot be written. Check that its folder exists and is writable.")
                     .arg(QDir::toNativeSeparators(path));
        return false;
    }
    m_scene->render(&painter, QRectF(QPointF(0, 0), source.size()), source);
    painter.end();
    return true;
}

}  // namespace cairn
