#include "mainwindow.h"

#include "artifactspanel.h"
#include "autosave.h"
#include "chartstyle.h"
#include "flowdocument.h"
#include "flowscene.h"
#include "flowview.h"
#include "historypanel.h"
#include "inspector.h"
#include "logpanel.h"
#include "palette.h"
#include "quickadd.h"
#include "recentfiles.h"
#include "runcontrol.h"
#include "settingsdialog.h"
#include "timelinechart.h"
#include "trendschart.h"
#include "welcomepage.h"

#include <QAction>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QScreen>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

namespace cairn {

namespace {

constexpr int kStatusTimeoutMs = 8000;

// Cairn's own icon of that name, or else the desktop theme's (edit-undo, zoom-in, …).
QIcon iconNamed(const QString& name)
{
    const QString resource = QStringLiteral(":/icons/%1.svg").arg(name);
    return QFile::exists(resource) ? QIcon(resource) : QIcon::fromTheme(name);
}

// The desktop theme's icon themeName, or else Cairn's own icon fallback, so that the
// toolbar button shows an icon and not the action's text.
QIcon themeIcon(const QString& themeName, const QString& fallback)
{
    return QIcon::fromTheme(themeName, QIcon(QStringLiteral(":/icons/%1.svg").arg(fallback)));
}

}  // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    m_document = new FlowDocument(this);
    createWidgets();
    createActions();
    createMenus();
    createToolBar();
    connectDocument();
    m_autosave = new Autosave(m_document, this);
    startStorePoll();
    readSettings();
    updateTitle();
    updateWelcome();
    updateActions();
}

MainWindow::~MainWindow() = default;

bool MainWindow::isWelcomeShown() const
{
    return m_centre->currentWidget() == m_welcome;
}

void MainWindow::createWidgets()
{
    // Centre: the welcome page or the canvas.
    m_scene = new FlowScene(m_document, this);
    m_view = new FlowView(m_scene, this);
    m_view->setObjectName(QStringLiteral("flowView"));
    m_welcome = new WelcomePage(this);
    m_centre = new QStackedWidget(this);
    m_centre->addWidget(m_welcome);
    createRunBanner();
    m_canvasPage = new QWidget(this);
    auto* canvasLayout = new QVBoxLayout(m_canvasPage);
    canvasLayout->setContentsMargins(0, 0, 0, 0);
    canvasLayout->setSpacing(0);
    canvasLayout->addWidget(m_runBanner);
    canvasLayout->addWidget(m_view);
    m_centre->addWidget(m_canvasPage);
    setCentralWidget(m_centre);

    m_palette = new Palette(m_document, this);
    auto* paletteDock = new QDockWidget(tr("Steps"), this);
    paletteDock->setObjectName(QStringLiteral("paletteDock"));
    paletteDock->setWidget(m_palette);
    addDockWidget(Qt::LeftDockWidgetArea, paletteDock);

    m_inspector = new Inspector(m_document, this);
    auto* inspectorDock = new QDockWidget(tr("Inspector"), this);
    inspectorDock->setObjectName(QStringLiteral("inspectorDock"));
    inspectorDock->setWidget(m_inspector);
    addDockWidget(Qt::RightDockWidgetArea, inspectorDock);

    // Bottom: the Log, and the tabs that show stored runs.
    m_log = new LogPanel(this);
    m_bottomTabs = new QTabWidget(this);
    m_bottomTabs->setObjectName(QStringLiteral("bottomTabs"));
    m_bottomTabs->addTab(m_log, tr("Log"));
    createRunTabs();
    auto* bottomDock = new QDockWidget(tr("Output"), this);
    bottomDock->setObjectName(QStringLiteral("bottomDock"));
    bottomDock->setWidget(m_bottomTabs);
    addDockWidget(Qt::BottomDockWidgetArea, bottomDock);

    m_quickAdd = new QuickAddPopup(m_document, this);
    m_run = new RunControl(m_scene, m_log, this);
    m_progress = new QLabel(this);
    statusBar()->addPermanentWidget(m_progress);
}

QAction* MainWindow::addAction(const QString& objectName, const QString& text,
                               const QString& icon, const QKeySequence& shortcut,
                               void (MainWindow::*slot)())
{
    auto* action = new QAction(text, this);
    action->setObjectName(objectName);
    if (!icon.isEmpty())
        action->setIcon(iconNamed(icon));
    if (!shortcut.isEmpty())
        action->setShortcut(shortcut);
    if (slot)
        connect(action, &QAction::triggered, this, slot);
    m_actions.insert(objectName, action);
    return action;
}

void MainWindow::createActions()
{
    addAction(QStringLiteral("actionNew"), tr("&New"), QStringLiteral("new"),
              QKeySequence::New, &MainWindow::newFlow);
    addAction(QStringLiteral("actionOpen"), tr("&Open…"), QStringLiteral("open"),
              QKeySequence::Open, &MainWindow::open);
    addAction(QStringLiteral("actionSave"), tr("&Save"), QStringLiteral("save"),
              QKeySequence::Save, nullptr);
    connect(m_actions.value(QStringLiteral("actionSave")), &QAction::triggered, this,
            [this] { save(); });
    addAction(QStringLiteral("actionSaveAs"), tr("Save &As…"), QString(),
              QKeySequence::SaveAs, nullptr);
    connect(m_actions.value(QStringLiteral("actionSaveAs")), &QAction::triggered, this,
            [this] { saveAs(); });
    addAction(QStringLiteral("actionExportJson"), tr("Export &JSON…"), QString(), {},
              &MainWindow::exportJson);
    addAction(QStringLiteral("actionExportPng"), tr("Export &PNG…"), QString(), {},
              &MainWindow::exportPng);
    addAction(QStringLiteral("actionExportSvg"), tr("Export S&VG…"), QString(), {},
              &MainWindow::exportSvg);
    QAction* quit = addAction(QStringLiteral("actionQuit"), tr("&Quit"), QString(),
                              QKeySequence::Quit, nullptr);
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QWidget::close);
    createEditActions();
    createViewAndRunActions();
}

void MainWindow::createEditActions()
{
    QUndoStack* undo = m_document->undoStack();
    QAction* undoAction = undo->createUndoAction(this, tr("&Undo"));
    undoAction->setObjectName(QStringLiteral("actionUndo"));
    undoAction->setShortcut(QKeySequence::Undo);
    undoAction->setIcon(themeIcon(QStringLiteral("edit-undo"), QStringLiteral("undo")));
    m_actions.insert(undoAction->objectName(), undoAction);
    QAction* redoAction = undo->createRedoAction(this, tr("&Redo"));
    redoAction->setObjectName(QStringLiteral("actionRedo"));
    redoAction->setShortcut(QKeySequence::Redo);
    redoAction->setIcon(themeIcon(QStringLiteral("edit-redo"), QStringLiteral("redo")));
    m_actions.insert(redoAction->objectName(), redoAction);

    addAction(QStringLiteral("actionUndoHistory"), tr("Undo &History"), QString(), {},
              &MainWindow::showUndoHistory);
    addAction(QStringLiteral("actionCut"), tr("Cu&t"), QStringLiteral("edit-cut"),
              QKeySequence::Cut, &MainWindow::cut);
    addAction(QStringLiteral("actionCopy"), tr("&Copy"), QStringLiteral("edit-copy"),
              QKeySequence::Copy, &MainWindow::copy);
    addAction(QStringLiteral("actionPaste"), tr("&Paste"), QStringLiteral("edit-paste"),
              QKeySequence::Paste, &MainWindow::paste);
    addAction(QStringLiteral("actionDuplicate"), tr("D&uplicate"), QString(),
              QKeySequence(Qt::CTRL | Qt::Key_D), &MainWindow::duplicate);
    addAction(QStringLiteral("actionDelete"), tr("&Delete"), QStringLiteral("edit-delete"),
              QKeySequence::Delete, &MainWindow::deleteSelection);
    addAction(QStringLiteral("actionSelectAll"), tr("Select &All"), QString(),
              QKeySequence::SelectAll, &MainWindow::selectAll);
    addAction(QStringLiteral("actionSelectUpstream"), tr("Select &Upstream"), QString(), {},
              &MainWindow::selectUpstream);
    addAction(QStringLiteral("actionSelectDownstream"), tr("Select Do&wnstream"), QString(), {},
              &MainWindow::selectDownstream);
    QAction* settings = addAction(QStringLiteral("actionSettings"), tr("Setti&ngs…"), QString(),
                                  QKeySequence::Preferences, nullptr);
    settings->setMenuRole(QAction::PreferencesRole);
    connect(settings, &QAction::triggered, this, [this] {
        SettingsDialog dialog(this);
        dialog.exec();
    });

    // Canvas shortcuts act only while the canvas has focus, so that Delete, Ctrl+A and
    // the clipboard keys keep their meaning in the inspector's fields.
    for (const char* name : {"actionCut", "actionCopy", "actionPaste", "actionDuplicate",
                             "actionDelete", "actionSelectAll"}) {
        QAction* action = m_actions.value(QLatin1String(name));
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        m_view->addAction(action);
    }
}

void MainWindow::createViewAndRunActions()
{
    addAction(QStringLiteral("actionZoomIn"), tr("Zoom &In"), QStringLiteral("zoom-in"),
              QKeySequence::ZoomIn, nullptr);
    connect(m_actions.value(QStringLiteral("actionZoomIn")), &QAction::triggered, m_view,
            &FlowView::zoomIn);
    addAction(QStringLiteral("actionZoomOut"), tr("Zoom &Out"), QStringLiteral("zoom-out"),
              QKeySequence::ZoomOut, nullptr);
    connect(m_actions.value(QStringLiteral("actionZoomOut")), &QAction::triggered, m_view,
            &FlowView::zoomOut);
    addAction(QStringLiteral("actionResetZoom"), tr("&Reset Zoom"), QString(),
              QKeySequence(Qt::CTRL | Qt::Key_0), nullptr);
    connect(m_actions.value(QStringLiteral("actionResetZoom")), &QAction::triggered, m_view,
            &FlowView::resetZoom);
    addAction(QStringLiteral("actionFit"), tr("&Fit to View"), QStringLiteral("fit"),
              QKeySequence(Qt::Key_F), nullptr);
    connect(m_actions.value(QStringLiteral("actionFit")), &QAction::triggered, m_view,
            &FlowView::fitToView);
    QAction* snap = addAction(QStringLiteral("actionSnap"), tr("&Snap to Grid"), QString(), {},
                              nullptr);
    snap->setCheckable(true);
    connect(snap, &QAction::toggled, this, [this](bool on) { m_view->setSnapToGrid(on); });
    addAction(QStringLiteral("actionLayOut"), tr("&Lay Out"), QStringLiteral("layout"),
              QKeySequence(Qt::Key_L), &MainWindow::layOut);
    for (const char* name : {"actionFit", "actionLayOut"}) {
        QAction* action = m_actions.value(QLatin1String(name));
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        m_view->addAction(action);
    }

    addAction(QStringLiteral("actionRun"), tr("&Run"), QStringLiteral("run"),
              QKeySequence(Qt::Key_F5), &MainWindow::run);
    addAction(QStringLiteral("actionStop"), tr("&Stop"), QStringLiteral("stop"),
              QKeySequence(Qt::SHIFT | Qt::Key_F5), &MainWindow::stop);
    addAction(QStringLiteral("actionForceRerun"), tr("&Force Rerun"), QStringLiteral("force"),
              {}, &MainWindow::forceRerun);
    addAction(QStringLiteral("actionWorkers"), tr("&Workers…"), QString(), {},
              &MainWindow::chooseWorkers);
    addAction(QStringLiteral("actionParameters"), tr("&Parameters…"), QStringLiteral("params"), {},
              &MainWindow::editParameters);
    addAction(QStringLiteral("actionStore"), tr("S&tore…"), QString(), {}, &MainWindow::showStore);
}

void MainWindow::createMenus()
{
    auto menuOf = [this](const QString& title, const QStringList& names) {
        QMenu* menu = menuBar()->addMenu(title);
        for (const QString& name : names) {
            if (name.isEmpty())
                menu->addSeparator();
            else
                menu->addAction(m_actions.value(name));
        }
        return menu;
    };
    QMenu* file = menuOf(tr("&File"), {QStringLiteral("actionNew"), QStringLiteral("actionOpen")});
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    for (const char* name : {"actionSave", "actionSaveAs", "", "actionExportJson",
                             "actionExportPng", "actionExportSvg", "", "actionQuit"}) {
        if (*name)
            file->addAction(m_actions.value(QLatin1String(name)));
        else
            file->addSeparator();
    }
    menuOf(tr("&Edit"),
           {QStringLiteral("actionUndo"), QStringLiteral("actionRedo"),
            QStringLiteral("actionUndoHistory"), QString(), QStringLiteral("actionCut"),
            QStringLiteral("actionCopy"), QStringLiteral("actionPaste"),
            QStringLiteral("actionDuplicate"), QStringLiteral("actionDelete"), QString(),
            QStringLiteral("actionSelectAll"), QStringLiteral("actionSelectUpstream"),
            QStringLiteral("actionSelectDownstream"), QString(), QStringLiteral("actionSettings")});
    menuOf(tr("&View"),
           {QStringLiteral("actionZoomIn"), QStringLiteral("actionZoomOut"),
            QStringLiteral("actionResetZoom"), QStringLiteral("actionFit"), QString(),
            QStringLiteral("actionSnap"), QStringLiteral("actionLayOut")});
    menuOf(tr("&Run"),
           {QStringLiteral("actionRun"), QStringLiteral("actionStop"),
            QStringLiteral("actionForceRerun"), QString(), QStringLiteral("actionWorkers"),
            QStringLiteral("actionParameters"), QString(), QStringLiteral("actionStore")});
}

void MainWindow::createToolBar()
{
    QToolBar* bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    for (const char* name : {"actionNew", "actionOpen", "actionSave", "", "actionUndo",
                             "actionRedo", "", "actionRun", "actionStop", "actionForceRerun",
                             "actionParameters", "", "actionFit", "actionLayOut"}) {
        if (*name)
            bar->addAction(m_actions.value(QLatin1String(name)));
        else
            bar->addSeparator();
    }
}

void MainWindow::connectDocument()
{
    connect(m_document, &FlowDocument::modifiedChanged, this, [this] { updateTitle(); });
    connect(m_document, &FlowDocument::filePathChanged, this, [this] { updateTitle(); });
    connect(m_document, &FlowDocument::flowPropertiesChanged, this, [this] { updateTitle(); });
    connect(m_document, &FlowDocument::documentReset, this, [this] {
        updateTitle();
        updateWelcome();
        updateActions();
        m_inspector->showSteps({});
        m_selectedRun = 0;
        showLiveView();
    });
    connect(m_document, &FlowDocument::stepAdded, this, [this] {
        updateWelcome();
        updateActions();
    });
    connect(m_document, &FlowDocument::stepRemoved, this, [this] { updateActions(); });

    connect(m_scene, &FlowScene::statusMessage, this, &MainWindow::showStatus);
    connect(m_scene, &FlowScene::stepSelectionChanged, this, [this](const QStringList& ids) {
        m_inspector->showSteps(ids);
        updateActions();
    });
    connect(m_scene, &FlowScene::stepContextMenuRequested, this, &MainWindow::showStepMenu);
    connect(m_scene, &FlowScene::stepActivated, this, [this] {
        // A double-click on a node brings its fields forward.
        QWidget* dock = m_inspector->parentWidget();
        dock->show();
        dock->raise();
        m_inspector->setFocus();
    });
    connect(m_view, &FlowView::quickAddRequested, this, &MainWindow::showQuickAdd);
    connect(m_view, &FlowView::fragmentDropped, this,
            [this](const QByteArray& fragment, const QPointF& scenePos) {
                insertFragment(fragment, {}, true, scenePos, tr("Add Steps"));
            });
    connect(m_palette, &Palette::templateActivated, this, &MainWindow::addTemplateAtCentre);
    connect(m_quickAdd, &QuickAddPopup::templateChosen, this, [this](const QByteArray& fragment) {
        insertFragment(fragment, {}, true, m_quickAddPos, tr("Add Steps"));
    });

    connect(m_welcome, &WelcomePage::newFlowRequested, this, &MainWindow::newFlow);
    connect(m_welcome, &WelcomePage::openRequested, this, &MainWindow::open);
    connect(m_welcome, &WelcomePage::openPathRequested, this,
            [this](const QString& path) { openFlow(path); });
    connect(m_welcome, &WelcomePage::openExampleRequested, this, &MainWindow::openExample);

    connect(m_run, &RunControl::progressMessage, m_progress, &QLabel::setText);
    connectRunTabs();
    connect(m_run, &RunControl::runningChanged, this, [this](bool running) {
        // A run paints its own states, so a stored run shown before gives way to it.
        if (running)
            showLiveView();
        updateActions();
    });
}

void MainWindow::createRunTabs()
{
    m_history = new HistoryPanel(this);
    m_history->setObjectName(QStringLiteral("historyPanel"));
    m_artifacts = new ArtifactsPanel(this);
    m_artifacts->setObjectName(QStringLiteral("artifactsPanel"));
    m_timeline = new TimelineChart(this);
    m_timeline->setObjectName(QStringLiteral("timelineChart"));
    m_bottomTabs->addTab(m_history, tr("History"));
    m_bottomTabs->addTab(m_artifacts, tr("Artifacts"));
    m_bottomTabs->addTab(m_timeline, tr("Timeline"));
    m_trends = new TrendsChart(this);
    m_trends->setObjectName(QStringLiteral("trendsChart"));
    m_bottomTabs->addTab(m_trends, tr("Trends"));
}

void MainWindow::connectRunTabs()
{
    connect(m_history, &HistoryPanel::runSelected, this, [this](qint64 run) {
        setSelectedRun(run);
        m_timeline->setRun(run);
        m_artifacts->setRun(run);
    });
    connect(m_document, &FlowDocument::filePathChanged, this, &MainWindow::updateRunTabs);
    connect(m_document, &FlowDocument::documentReset, this, &MainWindow::updateRunTabs);
    connect(m_run, &RunControl::finished, this, [this](qint64 run) {
        m_polledRuns = readRecentRuns();
        m_history->refresh();
        m_artifacts->refresh();
        m_trends->refresh();
        m_timeline->setRun(m_selectedRun > 0 ? m_selectedRun : run);
    });
}

void MainWindow::updateRunTabs()
{
    const QString store = storeDirectory();
    const QString flowName = m_document->flow().name;
    m_readStore.reset();
    m_polledRuns = readRecentRuns();
    m_history->setStore(store, flowName);
    m_artifacts->setStore(store, flowName);
    m_timeline->setStore(store, flowName);
    m_trends->setStore(store, flowName);
}

void MainWindow::updateTitle()
{
    const Flow& flow = m_document->flow();
    const QString name = flow.name.isEmpty() ? tr("Untitled") : flow.name;
    const QString path = m_document->filePath();
    if (path.isEmpty())
        setWindowTitle(tr("%1[*] — Cairn").arg(name));
    else
        setWindowTitle(tr("%1 — %2[*] — Cairn").arg(name, QDir::toNativeSeparators(path)));
    setWindowModified(m_document->isModified());
}

void MainWindow::updateWelcome()
{
    const bool empty = m_document->flow().steps.isEmpty() && m_document->filePath().isEmpty();
    const bool welcome = empty && !m_newFlowChosen;
    if (welcome)
        m_welcome->refresh();
    m_centre->setCurrentWidget(welcome ? static_cast<QWidget*>(m_welcome) : m_canvasPage);
}

void MainWindow::updateActions()
{
    const bool running = m_run->isRunning();
    const bool hasSteps = !m_document->flow().steps.isEmpty();
    m_actions.value(QStringLiteral("actionRun"))->setEnabled(!running && hasSteps);
    m_actions.value(QStringLiteral("actionForceRerun"))->setEnabled(!running && hasSteps);
    m_actions.value(QStringLiteral("actionStop"))->setEnabled(running);
    m_actions.value(QStringLiteral("actionStore"))->setEnabled(!m_document->filePath().isEmpty());
}

void MainWindow::showStatus(const QString& message)
{
    statusBar()->showMessage(message, kStatusTimeoutMs);
}

QMessageBox::StandardButton MainWindow::ask(QMessageBox::Icon icon, const QString& text,
                                            QMessageBox::StandardButtons buttons,
                                            QMessageBox::StandardButton defaultButton)
{
    if (m_messageHandler)
        return m_messageHandler(text, buttons);
    QMessageBox box(icon, tr("Cairn"), text, buttons, this);
    box.setDefaultButton(defaultButton);
    return QMessageBox::StandardButton(box.exec());
}

void MainWindow::warn(const QString& text)
{
    ask(QMessageBox::Warning, text, QMessageBox::Ok, QMessageBox::Ok);
}

void MainWindow::readSettings()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray())) {
        // The first time: large enough for the inspector's fields next to the canvas.
        QSize size(1400, 860);
        if (screen())
            size = size.boundedTo(screen()->availableSize() * 0.9);
        resize(size);
    }
    if (!restoreState(settings.value(QStringLiteral("window/state")).toByteArray())) {
        // The first time, the canvas gets most of the window.
        auto* paletteDock = findChild<QDockWidget*>(QStringLiteral("paletteDock"));
        auto* inspectorDock = findChild<QDockWidget*>(QStringLiteral("inspectorDock"));
        auto* bottomDock = findChild<QDockWidget*>(QStringLiteral("bottomDock"));
        resizeDocks({paletteDock, inspectorDock}, {220, 320}, Qt::Horizontal);
        // The Output dock fits a chart of ChartStyle::kMinimumHeight under the tab bar and
        // frames (about 70 pixels at the default font).
        resizeDocks({bottomDock}, {ChartStyle::kMinimumHeight + 70}, Qt::Vertical);
    }
    m_actions.value(QStringLiteral("actionSnap"))
        ->setChecked(settings.value(QStringLiteral("snapToGrid"), true).toBool());
}

void MainWindow::writeSettings() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("snapToGrid"),
                      m_actions.value(QStringLiteral("actionSnap"))->isChecked());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (m_run->isRunning()) {
        const auto answer = ask(QMessageBox::Question,
                                tr("A run is in progress. Stop it and close the window?"),
                                QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Yes) {
            event->ignore();
            return;
        }
    }
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    m_run->stop();
    m_autosave->discard();
    writeSettings();
    event->accept();
}

}  // namespace cairn
