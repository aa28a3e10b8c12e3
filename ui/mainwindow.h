#pragma once

// The Cairn window. The canvas is in the centre, the palette on the left, the inspector on
// the right, and the Log, History, Artifacts, Timeline and Trends tabs below. The window
// also holds the menus, the toolbar, file handling, autosave and running, and it owns the
// one FlowDocument it edits.

#include "flow.h"
#include "planner.h"

#include <QHash>
#include <QMainWindow>
#include <QMessageBox>
#include <QPointF>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <utility>

class QAction;
class QLabel;
class QPushButton;
class QMenu;
class QStackedWidget;
class QTabWidget;
class QTimer;
class QUndoView;

namespace cairn {

class ArtifactsPanel;
class Autosave;
class FlowDocument;
class FlowScene;
class FlowView;
class HistoryPanel;
class Inspector;
class LogPanel;
class Palette;
class PlanPreviewDialog;
class QuickAddPopup;
class RunControl;
class StorePanel;
class TimelineChart;
class TrendsChart;
class WelcomePage;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens a flow file after the unsaved-changes prompt, and offers to recover an autosave
    // of it. Shows a message and returns false when the file cannot be loaded.
    bool openFlow(const QString& path);
    // Offers to recover the autosave of an untitled flow, if there is one. Called once at
    // start when no file is given.
    void offerUntitledRecovery();

    FlowDocument* document() const { return m_document; }
    FlowScene* scene() const { return m_scene; }
    FlowView* view() const { return m_view; }
    Palette* stepPalette() const { return m_palette; }
    Inspector* inspector() const { return m_inspector; }
    LogPanel* logPanel() const { return m_log; }
    RunControl* runControl() const { return m_run; }
    Autosave* autosave() const { return m_autosave; }
    QTabWidget* bottomTabs() const { return m_bottomTabs; }
    HistoryPanel* historyPanel() const { return m_history; }
    ArtifactsPanel* artifactsPanel() const { return m_artifacts; }
    TimelineChart* timelineChart() const { return m_timeline; }
    TrendsChart* trendsChart() const { return m_trends; }
    bool isWelcomeShown() const;

    // Replaces the message boxes of the window (questions, warnings) with a function, so
    // that tests can answer them. The function receives the text and the buttons offered.
    using MessageHandler = std::function<QMessageBox::StandardButton(
        const QString& text, QMessageBox::StandardButtons buttons)>;
    void setMessageHandler(MessageHandler handler) { m_messageHandler = std::move(handler); }

    // Write the graph as a picture (the File > Export PNG and SVG actions without their
    // file dialogs). The PNG is at twice the scene's scale.
    bool writePng(const QString& path, QString* error) const;
    bool writeSvg(const QString& path, QString* error) const;

    // Run parameters set in the Parameters dialog for the runs of this flow.
    const ParamValues& runParameters() const { return m_runParameters; }
    void setRunParameters(const ParamValues& values) { m_runParameters = values; }

    // The store of the open flow: $CAIRN_STORE, else .cairn beside the flow file; empty
    // for an unsaved flow.
    QString storeDirectory() const;
    // The run chosen in the History tab (0: none). It is the origin of "Resume from Here"
    // and is painted on the canvas.
    void setSelectedRun(qint64 run);
    qint64 selectedRun() const { return m_selectedRun; }
    // The origin for resuming: the selected run, else the latest run of the flow (0: none).
    qint64 resumeOrigin() const;
    // The run the canvas shows, which "Why" and "Show Artifacts" of a step explain: the
    // painted run, else (live view) the latest run of the flow in the store (0: none).
    qint64 shownRun() const;
    // Paints a stored run on the canvas with a banner above it. showLiveView removes both.
    void showRun(qint64 run);
    void showLiveView();
    QString bannerText() const;
    // Starts a run of request, as Start in the plan preview does.
    void startRequest(const PlanRequest& request) { startRun(request); }

    // Replaces the modal plan preview, so that tests can drive it. The function receives
    // the dialog and returns true to start the run.
    using PlanPreviewHandler = std::function<bool(PlanPreviewDialog& dialog)>;
    void setPlanPreviewHandler(PlanPreviewHandler handler) { m_planPreviewHandler = std::move(handler); }

    // Step menu entries.
    void resumeFrom(const QString& id);
    void resumeFromFailure();
    QString explainStep(const QString& id) const;
    void clearStepCache(const QString& id);
    void showStepArtifacts(const QString& id);

public Q_SLOTS:
    void newFlow();
    void open();
    bool save();
    bool saveAs();
    void exportJson();
    void exportPng();
    void exportSvg();

    void cut();
    void copy();
    void paste();
    void duplicate();
    void deleteSelection();
    void selectAll();
    void selectUpstream();
    void selectDownstream();
    void layOut();

    void run();
    void forceRerun();
    void stop();
    void chooseWorkers();
    void editParameters();
    void showStore();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    // mainwindow.cpp: building the window.
    void createWidgets();
    void createActions();
    void createEditActions();
    void createViewAndRunActions();
    void createMenus();
    void createToolBar();
    void connectDocument();
    QAction* addAction(const QString& objectName, const QString& text, const QString& icon,
                       const QKeySequence& shortcut, void (MainWindow::*slot)());
    void updateTitle();
    void updateWelcome();
    void updateActions();
    void showStatus(const QString& message);
    QMessageBox::StandardButton ask(QMessageBox::Icon icon, const QString& text,
                                    QMessageBox::StandardButtons buttons,
                                    QMessageBox::StandardButton defaultButton);
    void warn(const QString& text);
    void readSettings();
    void writeSettings() const;

    // mainwindow_files.cpp: files, recent files, autosave recovery, export.
    bool isRunBlocking();  // warns and returns true while a run is going
    bool maybeSave();
    bool loadFile(const QString& path);
    void recoverAutosave(const QString& flowPath);
    void applyRecoveredFlow(const Flow& recovered);
    bool saveToPath(const QString& path);
    QString askSavePath(const QString& caption, const QString& filter, const QString& suffix);
    void fillRecentMenu();
    QRectF exportRect() const;
    void openExample(const QString& path);

    // mainwindow_edit.cpp: clipboard, selection, templates, context menu.
    QByteArray selectionFragment() const;
    void insertFragment(const QByteArray& fragment, const QPointF& offset, bool atPosition,
                        const QPointF& scenePos, const QString& commandText);
    void addTemplateAtCentre(const QByteArray& fragment);
    void showQuickAdd(const QPointF& scenePos);
    void showStepMenu(const QString& id, const QPoint& screenPos);
    void showUndoHistory();
    void showStepLog(const QString& id);
    void runUpTo(const QString& id);
    void showWhy(const QString& id);
    void addRunHistoryActions(QMenu* menu, const QString& id);

    // mainwindow_run.cpp: running.
    void startRun(const PlanRequest& request);
    bool prepareRun();
    void previewAndStart(const PlanRequest& request);
    void createRunBanner();
    qint64 latestStoredRun() const;
    Store* existingStore() const;
    void dropCollectedRuns();
    void createRunTabs();
    void connectRunTabs();
    void updateRunTabs();
    int workers() const;
    void startStorePoll();
    void pollStore();
    QList<std::pair<qint64, RunStatus>> readRecentRuns();

    FlowDocument* m_document = nullptr;
    FlowScene* m_scene = nullptr;
    FlowView* m_view = nullptr;
    WelcomePage* m_welcome = nullptr;
    QStackedWidget* m_centre = nullptr;
    Palette* m_palette = nullptr;
    Inspector* m_inspector = nullptr;
    QuickAddPopup* m_quickAdd = nullptr;
    QTabWidget* m_bottomTabs = nullptr;
    LogPanel* m_log = nullptr;
    HistoryPanel* m_history = nullptr;
    ArtifactsPanel* m_artifacts = nullptr;
    TimelineChart* m_timeline = nullptr;
    TrendsChart* m_trends = nullptr;
    RunControl* m_run = nullptr;
    Autosave* m_autosave = nullptr;
    QUndoView* m_undoView = nullptr;
    QMenu* m_recentMenu = nullptr;
    QLabel* m_progress = nullptr;
    QWidget* m_canvasPage = nullptr;   // the banner above the canvas
    QWidget* m_runBanner = nullptr;    // shown while a stored run is painted
    QLabel* m_runBannerText = nullptr;
    qint64 m_selectedRun = 0;
    qint64 m_paintedRun = 0;           // the run painted on the canvas; 0: live view
    PlanPreviewHandler m_planPreviewHandler;
    StorePanel* m_storePanel = nullptr;  // the Run > Store dialog, created when first shown
    QHash<QString, QAction*> m_actions;  // by object name, for enabling
    MessageHandler m_messageHandler;
    ParamValues m_runParameters;
    QPointF m_quickAddPos;   // scene position of the open quick-add popup
    int m_pasteCount = 0;    // pastes of the current clipboard content, for the offset
    bool m_newFlowChosen = false;  // New was chosen, so an empty untitled flow is edited
    bool m_layingOut = false;      // a layout is being computed in the background
    // Runs written by other processes (cairn-cli) on the same store: a timer reads the
    // newest runs of the flow and refreshes the run tabs when they changed.
    QTimer* m_storePoll = nullptr;
    // The window's read connection to the flow's store, null until the store has a database.
    mutable std::unique_ptr<Store> m_readStore;
    QList<std::pair<qint64, RunStatus>> m_polledRuns;  // newest first, as last read
};

}  // namespace cairn
