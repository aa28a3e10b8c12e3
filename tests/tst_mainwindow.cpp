// The main window driven through its widgets: opening, palette, connecting on the canvas,
// deleting, clipboard, inspector edits, layout, undo and redo, saving, autosave.

#include "autosave.h"
#include "chartstyle.h"
#include "flowclipboard.h"
#include "flowdocument.h"
#include "flowscene.h"
#include "flowview.h"
#include "historypanel.h"
#include "inspector.h"
#include "logpanel.h"
#include "mainwindow.h"
#include "nodeitem.h"
#include "palette.h"
#include "parametersdialog.h"
#include "quickadd.h"
#include "testsupport.h"
#include "timelinechart.h"
#include "trendschart.h"

#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QImage>
#include <QPushButton>
#include <QClipboard>
#include <QDir>
#include <QDockWidget>
#include <QProcess>
#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>

using namespace cairn;

namespace {

bool copyFolder(const QString& from, const QString& to)
{
    QDir().mkpath(to);
    const QDir source(from);
    for (const QFileInfo& entry :
         source.entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString target = to + QLatin1Char('/') + entry.fileName();
        if (entry.isDir() ? !copyFolder(entry.filePath(), target)
                          : !QFile::copy(entry.filePath(), target))
            return false;
    }
    return true;
}

QStringList stepIds(const Flow& flow)
{
    QStringList ids;
    for (const Step& step : flow.steps)
        ids.append(step.id);
    return ids;
}

}  // namespace

class TestMainWindow : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void welcomeShownWithoutFlow();
    void welcomeOpensExample();
    void openShowsEveryStep();
    void openThenSaveKeepsBytes();
    void addStepFromPalette();
    void connectStepsByDragging();
    void connectRejectsCycle();
    void deleteSelectedStep();
    void copyPasteMakesUniqueIds();
    void duplicateKeepsInnerEdges();
    void inspectorEditsTitle();
    void layOutWithKey();
    void toolbarShowsIconsOnly();
    void outputDockFitsCharts();
    void screenshotRejectsUnknownPlanStep();
    void saveAndReloadIdentical();
    void titleShowsModifiedMarker();
    void newAsksAboutUnsavedChanges();
    void autosaveRecoversEdits();
    void selectUpstreamAndDownstream();
    void showLogFiltersStep();
    void recentFilesListOpenedFlow();
    void quickAddWithTab();
    void exportWritesPngAndSvg();
    void parametersDialogChecksTypes();

private:
    // Copies the weather example into a fresh folder and opens it in a new window.
    void openWeather();
    void settleLayout();
    QPoint viewportPos(const QPointF& scenePos) const;
    QPoint nodeCentre(const QString& id) const;
    void dragConnect(const QString& from, const QString& to);
    void clickNode(const QString& id, Qt::KeyboardModifiers modifiers = {});
    QByteArray currentBytes() const { return serializeFlow(m_window->document()->flow()); }
    void checkUndoRedo(const QByteArray& edited);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
    QString m_flowPath;
    QByteArray m_original;  // the flow file's bytes as opened
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setApplicationName(QStringLiteral("Cairn-tst_mainwindow"));
    QCoreApplication::setOrganizationName(QStringLiteral("Cairn"));
}

void TestMainWindow::init()
{
    QSettings().clear();
    QDir(Autosave::directory()).removeRecursively();
}

void TestMainWindow::cleanup()
{
    if (m_window) {
        m_window->setMessageHandler(
            [](const QString&, QMessageBox::StandardButtons) { return QMessageBox::Discard; });
        m_window->close();
    }
    m_window.reset();
    m_dir.reset();
}

void TestMainWindow::openWeather()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    const QString folder = m_dir->filePath(QStringLiteral("weather"));
    QVERIFY(copyFolder(QStringLiteral(CAIRN_SOURCE_DIR "/resources/examples/weather"), folder));
    m_flowPath = folder + QStringLiteral("/flow.json");
    m_original = test::readFile(m_flowPath);
    QVERIFY(!m_original.isEmpty());

    m_window = std::make_unique<MainWindow>();
    m_window->resize(1400, 860);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(m_window->openFlow(m_flowPath));
    settleLayout();
    m_window->view()->fitToView();
    m_window->view()->setFocus();
    // Every node must be inside the viewport for the mouse to reach it.
    const QRect visible = m_window->view()->viewport()->rect();
    QVERIFY(visible.contains(viewportPos(m_window->scene()->flowBoundingRect().topLeft())));
    QVERIFY(visible.contains(viewportPos(m_window->scene()->flowBoundingRect().bottomRight())));
}

// Processes events until the docks and the canvas keep their sizes, so that positions
// mapped from the scene stay valid while the mouse moves.
void TestMainWindow::settleLayout()
{
    constexpr int kMaxRounds = 20;
    QSize last;
    for (int round = 0; round < kMaxRounds; ++round) {
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        QCoreApplication::processEvents();
        const QSize size = m_window->view()->viewport()->size();
        if (size == last)
            return;
        last = size;
    }
    QFAIL("the window's layout does not settle");
}

QPoint TestMainWindow::viewportPos(const QPointF& scenePos) const
{
    return m_window->view()->mapFromScene(scenePos);
}

QPoint TestMainWindow::nodeCentre(const QString& id) const
{
    NodeItem* node = m_window->scene()->nodeItem(id);
    return node ? viewportPos(node->sceneBoundingRect().center()) : QPoint();
}

void TestMainWindow::dragConnect(const QString& from, const QString& to)
{
    QWidget* viewport = m_window->view()->viewport();
    const QPoint start = viewportPos(m_window->scene()->nodeItem(from)->outputPortScenePos());
    const QPoint end = viewportPos(m_window->scene()->nodeItem(to)->inputPortScenePos());
    QTest::mousePress(viewport, Qt::LeftButton, {}, start);
    constexpr int kMoves = 5;
    for (int i = 1; i <= kMoves; ++i)
        QTest::mouseMove(viewport, start + (end - start) * i / kMoves);
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, end);
}

void TestMainWindow::clickNode(const QString& id, Qt::KeyboardModifiers modifiers)
{
    QTest::mouseClick(m_window->view()->viewport(), Qt::LeftButton, modifiers, nodeCentre(id));
}

// Undoes the last command back to the opened file's bytes, then redoes it to `edited`.
void TestMainWindow::checkUndoRedo(const QByteArray& edited)
{
    m_window->view()->setFocus();
    QTest::keySequence(m_window.get(), QKeySequence::Undo);
    QCOMPARE(currentBytes(), m_original);
    QVERIFY(!m_window->document()->isModified());
    QTest::keySequence(m_window.get(), QKeySequence::Redo);
    QCOMPARE(currentBytes(), edited);
    QVERIFY(m_window->document()->isModified());
}

void TestMainWindow::welcomeShownWithoutFlow()
{
    m_window = std::make_unique<MainWindow>();
    m_window->show();
    QVERIFY(m_window->isWelcomeShown());
    auto* examples = m_window->findChild<QListWidget*>(QStringLiteral("welcomeExamples"));
    QVERIFY(examples);
    QVERIFY(!examples->findItems(QStringLiteral("weather"), Qt::MatchExactly).isEmpty());

    QTest::mouseClick(m_window->findChild<QWidget*>(QStringLiteral("welcomeNew")),
                      Qt::LeftButton);
    QVERIFY(!m_window->isWelcomeShown());
    QVERIFY(m_window->document()->filePath().isEmpty());
}

void TestMainWindow::welcomeOpensExample()
{
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1000, 700);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    auto* examples = m_window->findChild<QListWidget*>(QStringLiteral("welcomeExamples"));
    QVERIFY(examples);
    const QList<QListWidgetItem*> weather =
        examples->findItems(QStringLiteral("weather"), Qt::MatchExactly);
    QCOMPARE(weather.size(), 1);

    const QPoint entry = examples->visualItemRect(weather.first()).center();
    QTest::mouseClick(examples->viewport(), Qt::LeftButton, {}, entry);
    QTest::mouseDClick(examples->viewport(), Qt::LeftButton, {}, entry);
    QVERIFY(!m_window->isWelcomeShown());
    QCOMPARE(m_window->document()->flow().name, QStringLiteral("weather"));
    QVERIFY(m_window->document()->filePath().endsWith(QStringLiteral("/weather/flow.json")));
}

void TestMainWindow::openShowsEveryStep()
{
    openWeather();
    const Flow& flow = m_window->document()->flow();
    QVERIFY(!m_window->isWelcomeShown());
    QCOMPARE(m_window->scene()->nodeCount(), int(flow.steps.size()));
    QCOMPARE(m_window->scene()->edgeCount(), int(flow.edges.size()));
    QVERIFY(m_window->windowTitle().contains(QStringLiteral("weather")));
    QCOMPARE(m_window->bottomTabs()->count(), 5);
    QCOMPARE(m_window->bottomTabs()->tabText(0), QStringLiteral("Log"));
}

void TestMainWindow::openThenSaveKeepsBytes()
{
    openWeather();
    QTest::keySequence(m_window.get(), QKeySequence::Save);
    QCOMPARE(test::readFile(m_flowPath), m_original);
}

void TestMainWindow::addStepFromPalette()
{
    openWeather();
    const int before = int(m_window->document()->flow().steps.size());
    QListWidget* list = m_window->stepPalette()->listWidget();
    QVERIFY(list->count() > 0);
    QListWidgetItem* item = list->item(0);
    list->scrollToItem(item);
    // A real double-click starts with a press and release on the same entry.
    const QPoint centre = list->visualItemRect(item).center();
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, centre);
    QTest::mouseDClick(list->viewport(), Qt::LeftButton, {}, centre);

    QCOMPARE(int(m_window->document()->flow().steps.size()), before + 1);
    const QStringList selected = m_window->scene()->selectedStepIds();
    QCOMPARE(selected.size(), 1);
    QVERIFY(m_window->scene()->nodeItem(selected.first()));
    checkUndoRedo(currentBytes());
    QCOMPARE(int(m_window->document()->flow().steps.size()), before + 1);
}

void TestMainWindow::connectStepsByDragging()
{
    openWeather();
    QVERIFY(!m_window->document()->hasEdge(QStringLiteral("fetch"), QStringLiteral("features")));
    dragConnect(QStringLiteral("fetch"), QStringLiteral("features"));
    QVERIFY(m_window->document()->hasEdge(QStringLiteral("fetch"), QStringLiteral("features")));
    QVERIFY(m_window->scene()->edgeItem(QStringLiteral("fetch"), QStringLiteral("features")));
    checkUndoRedo(currentBytes());
}

void TestMainWindow::connectRejectsCycle()
{
    openWeather();
    const int commands = m_window->document()->undoStack()->count();
    m_window->statusBar()->clearMessage();
    QSignalSpy messages(m_window->scene(), &FlowScene::statusMessage);
    dragConnect(QStringLiteral("report"), QStringLiteral("fetch"));
    QVERIFY(!m_window->document()->hasEdge(QStringLiteral("report"), QStringLiteral("fetch")));
    QCOMPARE(m_window->document()->undoStack()->count(), commands);
    QCOMPARE(currentBytes(), m_original);
    QCOMPARE(messages.count(), 1);
    QCOMPARE(m_window->statusBar()->currentMessage(), messages.first().first().toString());
    QVERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("cycle")));
}

void TestMainWindow::deleteSelectedStep()
{
    openWeather();
    clickNode(QStringLiteral("features"));
    QCOMPARE(m_window->scene()->selectedStepIds(), QStringList{QStringLiteral("features")});
    QTest::keyClick(m_window->view(), Qt::Key_Delete);

    const Flow& flow = m_window->document()->flow();
    QVERIFY(!flow.step(QStringLiteral("features")));
    for (const Edge& edge : flow.edges) {
        QVERIFY(edge.from != QLatin1String("features"));
        QVERIFY(edge.to != QLatin1String("features"));
    }
    QVERIFY(!m_window->scene()->nodeItem(QStringLiteral("features")));
    checkUndoRedo(currentBytes());
}

void TestMainWindow::copyPasteMakesUniqueIds()
{
    openWeather();
    clickNode(QStringLiteral("train"));
    clickNode(QStringLiteral("evaluate"), Qt::ControlModifier);
    QCOMPARE(m_window->scene()->selectedStepIds().size(), 2);
    QTest::keySequence(m_window->view(), QKeySequence::Copy);
    const QMimeData* data = QGuiApplication::clipboard()->mimeData();
    QVERIFY(data && data->hasFormat(QLatin1String(kFlowFragmentMimeType)));
    QVERIFY(data->hasText());

    QTest::keySequence(m_window->view(), QKeySequence::Paste);
    const Flow& flow = m_window->document()->flow();
    const QStringList ids = stepIds(flow);
    QCOMPARE(ids.size(), 9);
    QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), ids.size());

    const QStringList pasted = m_window->scene()->selectedStepIds();
    QCOMPARE(pasted.size(), 2);
    QVERIFY(!pasted.contains(QStringLiteral("train")));
    QVERIFY(!pasted.contains(QStringLiteral("evaluate")));
    QVERIFY(m_window->document()->hasEdge(pasted.at(0), pasted.at(1)));
    const QPointF moved = flow.step(pasted.at(0))->position
                          - flow.step(QStringLiteral("train"))->position;
    QCOMPARE(moved, QPointF(40, 40));
    checkUndoRedo(currentBytes());
}

void TestMainWindow::duplicateKeepsInnerEdges()
{
    openWeather();
    m_window->scene()->selectSteps({QStringLiteral("fetch"), QStringLiteral("clean")});
    QTest::keyClick(m_window->view(), Qt::Key_D, Qt::ControlModifier);
    const QStringList copies = m_window->scene()->selectedStepIds();
    QCOMPARE(copies.size(), 2);
    QCOMPARE(int(m_window->document()->flow().steps.size()), 9);
    QVERIFY(m_window->document()->hasEdge(copies.at(0), copies.at(1)));
    checkUndoRedo(currentBytes());
}

void TestMainWindow::inspectorEditsTitle()
{
    openWeather();
    clickNode(QStringLiteral("clean"));
    QCOMPARE(m_window->inspector()->shownSteps(), QStringList{QStringLiteral("clean")});
    auto* title = m_window->inspector()->findChild<QLineEdit*>(QStringLiteral("stepTitle"));
    QVERIFY(title);
    QVERIFY(title->isVisible());
    QCOMPARE(title->text(), QStringLiteral("Clean table"));

    title->setFocus();
    title->selectAll();
    QTest::keyClicks(title, QStringLiteral("Tidy table"));
    QTest::keyClick(title, Qt::Key_Return);
    QCOMPARE(m_window->document()->flow().step(QStringLiteral("clean"))->title,
             QStringLiteral("Tidy table"));
    checkUndoRedo(currentBytes());
}

void TestMainWindow::layOutWithKey()
{
    openWeather();
    // Moves every step onto one spot first, so that the layout has to change positions.
    QHash<QString, QPointF> piled;
    for (const Step& step : m_window->document()->flow().steps)
        piled.insert(step.id, QPointF(0, 0));
    m_window->document()->applyLayout(piled);
    QString error;
    QVERIFY2(m_window->document()->save(m_flowPath, &error), qPrintable(error));
    m_original = test::readFile(m_flowPath);

    m_window->view()->setFocus();
    QTest::keyClick(m_window->view(), Qt::Key_L);
    // The layout is computed in the background and applied as one undoable command.
    QTRY_COMPARE(m_window->document()->undoStack()->count(), 2);
    QSet<QPair<qreal, qreal>> positions;
    for (const Step& step : m_window->document()->flow().steps)
        positions.insert({step.position.x(), step.position.y()});
    QCOMPARE(positions.size(), int(m_window->document()->flow().steps.size()));
    QCOMPARE(m_window->document()->undoStack()->count(), 2);

    // The undo entry is named like the menu item that made it.
    auto* undo = m_window->findChild<QAction*>(QStringLiteral("actionUndo"));
    auto* layOut = m_window->findChild<QAction*>(QStringLiteral("actionLayOut"));
    QVERIFY(undo);
    QVERIFY(layOut);
    QCOMPARE(undo->text().remove(QLatin1Char('&')),
             QStringLiteral("Undo ") + layOut->text().remove(QLatin1Char('&')));
    checkUndoRedo(currentBytes());
}

void TestMainWindow::toolbarShowsIconsOnly()
{
    openWeather();
    // An undoable edit gives Undo a text such as "Undo Lay Out", which a button without an
    // icon would show in full.
    m_window->document()->applyLayout({{m_window->document()->flow().steps.first().id,
                                        QPointF(-400, -400)}});
    auto* bar = m_window->findChild<QToolBar*>(QStringLiteral("mainToolBar"));
    QVERIFY(bar);
    QCOMPARE(bar->toolButtonStyle(), Qt::ToolButtonIconOnly);
    for (QAction* action : bar->actions()) {
        if (action->isSeparator())
            continue;
        auto* button = qobject_cast<QToolButton*>(bar->widgetForAction(action));
        QVERIFY2(button, qPrintable(action->objectName()));
        QVERIFY2(!button->icon().isNull(), qPrintable(action->objectName()));
    }
}

void TestMainWindow::saveAndReloadIdentical()
{
    openWeather();
    dragConnect(QStringLiteral("clean"), QStringLiteral("train"));
    QVERIFY(m_window->document()->isModified());
    const QByteArray edited = currentBytes();

    QTest::keySequence(m_window.get(), QKeySequence::Save);
    QVERIFY(!m_window->document()->isModified());
    QVERIFY(!m_window->isWindowModified());
    QCOMPARE(test::readFile(m_flowPath), edited);

    MainWindow other;
    QVERIFY(other.openFlow(m_flowPath));
    QCOMPARE(serializeFlow(other.document()->flow()), edited);
    QVERIFY(other.document()->hasEdge(QStringLiteral("clean"), QStringLiteral("train")));
}

void TestMainWindow::titleShowsModifiedMarker()
{
    openWeather();
    QVERIFY(m_window->windowTitle().contains(QStringLiteral("[*]")));
    QVERIFY(m_window->windowTitle().endsWith(QStringLiteral("Cairn")));
    QVERIFY(!m_window->isWindowModified());
    m_window->scene()->selectSteps({QStringLiteral("report")});
    QTest::keyClick(m_window->view(), Qt::Key_Delete);
    QVERIFY(m_window->isWindowModified());
    QTest::keySequence(m_window.get(), QKeySequence::Undo);
    QVERIFY(!m_window->isWindowModified());
}

void TestMainWindow::newAsksAboutUnsavedChanges()
{
    openWeather();
    m_window->scene()->selectSteps({QStringLiteral("report")});
    QTest::keyClick(m_window->view(), Qt::Key_Delete);

    QStringList questions;
    QMessageBox::StandardButton answer = QMessageBox::Cancel;
    m_window->setMessageHandler([&](const QString& text, QMessageBox::StandardButtons buttons) {
        questions.append(text);
        if (!buttons.testFlag(answer))
            return QMessageBox::NoButton;
        return answer;
    });
    QTest::keySequence(m_window.get(), QKeySequence::New);
    QCOMPARE(questions.size(), 1);
    QVERIFY(questions.first().contains(QStringLiteral("weather")));
    QCOMPARE(m_window->document()->filePath(), QFileInfo(m_flowPath).absoluteFilePath());
    QVERIFY(m_window->document()->isModified());

    answer = QMessageBox::Discard;
    QTest::keySequence(m_window.get(), QKeySequence::New);
    QCOMPARE(questions.size(), 2);
    QVERIFY(m_window->document()->filePath().isEmpty());
    QVERIFY(m_window->document()->flow().steps.isEmpty());
    QCOMPARE(test::readFile(m_flowPath), m_original);
}

void TestMainWindow::autosaveRecoversEdits()
{
    openWeather();
    dragConnect(QStringLiteral("fetch"), QStringLiteral("train"));
    const QByteArray edited = currentBytes();
    QVERIFY(m_window->autosave()->saveNow());
    const QString autosaveFile = Autosave::fileFor(m_flowPath);
    QVERIFY(QFileInfo::exists(autosaveFile));
    QCOMPARE(test::readFile(autosaveFile), edited);

    // A window that opens the file after a crash offers the autosave and recovers it.
    MainWindow next;
    int offers = 0;
    next.setMessageHandler([&](const QString&, QMessageBox::StandardButtons buttons) {
        ++offers;
        return buttons.testFlag(QMessageBox::Yes) ? QMessageBox::Yes : QMessageBox::Discard;
    });
    QVERIFY(next.openFlow(m_flowPath));
    QCOMPARE(offers, 1);
    QVERIFY(next.document()->isModified());
    QVERIFY(next.document()->hasEdge(QStringLiteral("fetch"), QStringLiteral("train")));
    QCOMPARE(stepIds(next.document()->flow()), stepIds(m_window->document()->flow()));
    next.document()->undoStack()->undo();
    QCOMPARE(serializeFlow(next.document()->flow()), m_original);
    next.document()->undoStack()->redo();

    // Saving removes the autosave.
    QVERIFY(next.save());
    QVERIFY(!QFileInfo::exists(autosaveFile));
    next.setMessageHandler(
        [](const QString&, QMessageBox::StandardButtons) { return QMessageBox::Discard; });
}

void TestMainWindow::selectUpstreamAndDownstream()
{
    openWeather();
    m_window->scene()->selectSteps({QStringLiteral("train")});
    m_window->selectUpstream();
    QStringList up = m_window->scene()->selectedStepIds();
    up.sort();
    QCOMPARE(up, (QStringList{QStringLiteral("clean"), QStringLiteral("features"),
                              QStringLiteral("fetch"), QStringLiteral("train")}));

    m_window->scene()->selectSteps({QStringLiteral("train")});
    m_window->selectDownstream();
    QStringList down = m_window->scene()->selectedStepIds();
    down.sort();
    QCOMPARE(down, (QStringList{QStringLiteral("evaluate"), QStringLiteral("report"),
                                QStringLiteral("train")}));
}

void TestMainWindow::showLogFiltersStep()
{
    openWeather();
    LogPanel* log = m_window->logPanel();
    log->setSteps({QStringLiteral("fetch"), QStringLiteral("clean")});
    log->appendOutput(QStringLiteral("fetch"), OutputStream::Stdout, "downloaded\n");
    log->appendOutput(QStringLiteral("clean"), OutputStream::Stderr, "warning: gaps\npart");
    log->appendMessage(QStringLiteral("done"));
    QVERIFY(log->text().contains(QStringLiteral("[fetch] downloaded")));
    QVERIFY(log->text().contains(QStringLiteral("[clean] warning: gaps")));
    QVERIFY(log->text().contains(QStringLiteral("[clean] part")));

    log->showStep(QStringLiteral("clean"));
    QVERIFY(!log->text().contains(QStringLiteral("downloaded")));
    QVERIFY(log->text().contains(QStringLiteral("warning: gaps")));
    QVERIFY(log->text().contains(QStringLiteral("done")));
    log->showStep(QString());
    QVERIFY(log->text().contains(QStringLiteral("downloaded")));

    log->setFollowRunningStep(true);
    log->stepStarted(QStringLiteral("fetch"));
    QCOMPARE(log->shownStep(), QStringLiteral("fetch"));
    QVERIFY(!log->text().contains(QStringLiteral("warning: gaps")));
}

void TestMainWindow::recentFilesListOpenedFlow()
{
    openWeather();
    MainWindow next;
    auto* recent = next.findChild<QListWidget*>(QStringLiteral("welcomeRecent"));
    QVERIFY(recent);
    QCOMPARE(recent->count(), 1);
    QVERIFY(recent->item(0)->text().contains(QFileInfo(m_flowPath).absoluteFilePath()));

    // Double-clicking the entry opens the flow.
    next.resize(1000, 700);
    next.show();
    QVERIFY(QTest::qWaitForWindowExposed(&next));
    const QPoint entry = recent->visualItemRect(recent->item(0)).center();
    QTest::mouseClick(recent->viewport(), Qt::LeftButton, {}, entry);
    QTest::mouseDClick(recent->viewport(), Qt::LeftButton, {}, entry);
    QCOMPARE(next.document()->filePath(), QFileInfo(m_flowPath).absoluteFilePath());
    QVERIFY(!next.isWelcomeShown());
}

void TestMainWindow::quickAddWithTab()
{
    openWeather();
    const int before = int(m_window->document()->flow().steps.size());
    const QPointF empty = m_window->scene()->flowBoundingRect().bottomLeft() + QPointF(0, 60);
    QTest::mouseMove(m_window->view()->viewport(), viewportPos(empty));
    QTest::keyClick(m_window->view(), Qt::Key_Tab);

    auto* popup = m_window->findChild<QuickAddPopup*>();
    QVERIFY(popup);
    QTRY_VERIFY(popup->isVisible());
    QTest::keyClicks(popup->filterField(), QStringLiteral("python"));
    QTest::keyClick(popup->filterField(), Qt::Key_Return);
    QVERIFY(!popup->isVisible());

    const Flow& flow = m_window->document()->flow();
    QCOMPARE(int(flow.steps.size()), before + 1);
    const QStringList added = m_window->scene()->selectedStepIds();
    QCOMPARE(added.size(), 1);
    QCOMPARE(flow.step(added.first())->kind, StepKind::Python);
    checkUndoRedo(currentBytes());
}

void TestMainWindow::exportWritesPngAndSvg()
{
    openWeather();
    const QString png = m_dir->filePath(QStringLiteral("flow.png"));
    const QString svg = m_dir->filePath(QStringLiteral("flow.svg"));
    QString error;
    QVERIFY2(m_window->writePng(png, &error), qPrintable(error));
    QVERIFY2(m_window->writeSvg(svg, &error), qPrintable(error));

    const QImage image(png);
    QVERIFY(!image.isNull());
    const QRectF bounds = m_window->scene()->flowBoundingRect();
    QVERIFY(image.width() > bounds.width());
    QVERIFY(image.height() > bounds.height());
    const QByteArray svgText = test::readFile(svg);
    QVERIFY(svgText.contains("<svg"));
    QVERIFY(svgText.contains("Fetch data"));

    QVERIFY(!m_window->writePng(m_dir->filePath(QStringLiteral("missing/flow.png")), &error));
    QVERIFY(error.contains(QStringLiteral("missing")));
}

void TestMainWindow::parametersDialogChecksTypes()
{
    openWeather();
    ParametersDialog dialog(m_window->document()->flow(), {});
    auto* trees = qobject_cast<QLineEdit*>(dialog.editor(QStringLiteral("trees")));
    QVERIFY(trees);
    QCOMPARE(trees->text(), QStringLiteral("200"));
    QPushButton* ok = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
    QVERIFY(ok->isEnabled());
    QVERIFY(dialog.overrides().isEmpty());

    trees->setText(QStringLiteral("many"));
    QVERIFY(!ok->isEnabled());
    trees->setText(QStringLiteral("25"));
    QVERIFY(ok->isEnabled());
    QCOMPARE(dialog.overrides().size(), 1);
    QVERIFY(dialog.overrides().value(QStringLiteral("trees")) == test::Json(25));
}

void TestMainWindow::outputDockFitsCharts()
{
    openWeather();
    const test::CliResult result = test::runCli({QStringLiteral("run"), m_flowPath});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    m_window->historyPanel()->refresh();
    m_window->trendsChart()->refresh();
    m_window->historyPanel()->selectRun(1);
    QCOMPARE(m_window->selectedRun(), qint64(1));

    // Opening a chart's tab must not resize the dock, or the tab bar moves under the mouse.
    auto* dock = m_window->findChild<QDockWidget*>(QStringLiteral("bottomDock"));
    QVERIFY(dock);
    QTabWidget* tabs = m_window->bottomTabs();
    settleLayout();
    const int height = dock->height();
    for (QWidget* chart : {static_cast<QWidget*>(m_window->timelineChart()),
                           static_cast<QWidget*>(m_window->trendsChart())}) {
        tabs->setCurrentWidget(chart);
        settleLayout();
        QCOMPARE(dock->height(), height);
        QVERIFY2(chart->height() >= ChartStyle::kMinimumHeight,
                 qPrintable(QString::number(chart->height())));
    }
}

void TestMainWindow::screenshotRejectsUnknownPlanStep()
{
    // The window's executable is built beside cairn-cli, but this suite does not depend on it.
    const QString program = QFileInfo(test::cliPath()).dir().filePath(QStringLiteral("cairn"));
    if (!QFileInfo::exists(program))
        QSKIP("the cairn executable is not built");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString folder = dir.filePath(QStringLiteral("weather"));
    QVERIFY(copyFolder(QStringLiteral(CAIRN_SOURCE_DIR "/resources/examples/weather"), folder));
    const QString picture = dir.filePath(QStringLiteral("plan.png"));

    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
    process.setProcessEnvironment(environment);
    process.start(program, {folder + QStringLiteral("/flow.json"), QStringLiteral("--lang"),
                            QStringLiteral("en"), QStringLiteral("--screenshot"), picture,
                            QStringLiteral("--show"), QStringLiteral("plan:nosuch")});
    QVERIFY(process.waitForFinished(120000));
    const QString errors = QString::fromUtf8(process.readAllStandardError());
    QCOMPARE(process.exitCode(), 2);
    QVERIFY2(errors.contains(QStringLiteral("no step \"nosuch\"")), qPrintable(errors));
    QVERIFY2(errors.contains(QStringLiteral("fetch, clean")), qPrintable(errors));
    QVERIFY(!QFileInfo::exists(picture));
}

QTEST_MAIN(TestMainWindow)

#include "tst_mainwindow.moc"
