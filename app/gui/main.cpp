// cairn: the desktop window. `cairn [FLOW] [--lang LANG] [--screenshot FILE.png]`.

#include "artifactspanel.h"
#include "flowdocument.h"
#include "flowview.h"
#include "historymodel.h"
#include "historypanel.h"
#include "mainwindow.h"
#include "planpreview.h"
#include "settingskeys.h"
#include "timelinechart.h"
#include "translations.h"
#include "trendschart.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QDockWidget>
#include <QEventLoop>
#include <QFileInfo>
#include <QIcon>
#include <QPixmap>
#include <QSettings>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

namespace {

struct GuiMain {
    Q_DECLARE_TR_FUNCTIONS(GuiMain)
};

constexpr QSize kScreenshotSize(1400, 860);
// How long a screenshot of the plan preview waits for the plan. The weather example plans
// in well under a second, but hashing large declared inputs takes longer.
constexpr int kPlanTimeoutMs = 60'000;

struct Options {
    QString flow;
    QString language;
    QString screenshot;
    QString show;  // with screenshot: a bottom tab, "artifacts:STEP[/FILE]" or "plan:STEP"
};

// Reads the language before the parser is built, so that its help text is translated.
QString languageArgument(const QStringList& arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString& argument = arguments.at(i);
        if (argument == QLatin1String("--lang") && i + 1 < arguments.size())
            return arguments.at(i + 1);
        if (argument.startsWith(QLatin1String("--lang=")))
            return argument.mid(int(qstrlen("--lang=")));
    }
    return QString();
}

Options parseArguments(const QApplication& app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        GuiMain::tr("Draw flows of steps, run them and watch each step's state."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("flow"), GuiMain::tr("Flow file to open."),
                                 GuiMain::tr("[FLOW]"));
    const QCommandLineOption language(QStringLiteral("lang"),
                                      GuiMain::tr("Interface language, such as zh_CN or en."),
                                      GuiMain::tr("language"));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        GuiMain::tr("Write a PNG picture of the window once the flow is shown, then exit."),
        GuiMain::tr("file"));
    const QCommandLineOption show(
        QStringLiteral("show"),
        GuiMain::tr("With --screenshot: show the newest run in a bottom tab (history, artifacts, "
                    "timeline or trends), or picture the plan of resuming from a step "
                    "(plan:STEP). The artifacts tab previews the run's file with the best "
                    "preview (a picture first, then a table), or the best file of a step "
                    "(artifacts:STEP), or one file (artifacts:STEP/FILE). A FILE of stdout.log "
                    "or stderr.log shows the step's log."),
        GuiMain::tr("view"));
    parser.addOption(language);
    parser.addOption(screenshot);
    parser.addOption(show);
    parser.process(app);

    Options options;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1)
        parser.showHelp(2);
    if (!positional.isEmpty())
        options.flow = positional.first();
    options.language = parser.value(language);
    options.screenshot = parser.value(screenshot);
    options.show = parser.value(show);
    return options;
}

void printError(const QString& message)
{
    std::fprintf(stderr, "cairn: %s\n", qPrintable(message));
}

// Shows the newest run in the bottom tab named view, with the tab enlarged. Returns false
// for an unknown view.
bool showBottomTab(cairn::MainWindow* window, const QString& view)
{
    QWidget* panel = nullptr;
    if (view == QLatin1String("history"))
        panel = window->historyPanel();
    else if (view == QLatin1String("artifacts"))
        panel = window->artifactsPanel();
    else if (view == QLatin1String("timeline"))
        panel = window->timelineChart();
    else if (view == QLatin1String("trends"))
        panel = window->trendsChart();
    if (!panel)
        return false;

    QTabWidget* tabs = window->bottomTabs();
    for (int i = 0; i < tabs->count(); ++i) {
        if (tabs->widget(i) == panel || tabs->widget(i)->isAncestorOf(panel))
            tabs->setCurrentIndex(i);
    }
    if (auto* dock = window->findChild<QDockWidget*>(QStringLiteral("bottomDock")))
        window->resizeDocks({dock}, {440}, Qt::Vertical);
    cairn::HistoryPanel* history = window->historyPanel();
    if (history->model()->rowCount() > 0)
        history->selectRun(history->model()->runAt(0));
    return true;
}

// Previews a file of the newest run in the Artifacts tab. choice is empty for the file with
// the best preview, STEP for the best file of that step, or STEP/FILE. Prints why and
// returns false when there is no such file. A flow without runs passes only an empty choice.
bool showArtifact(cairn::MainWindow* window, const QString& choice)
{
    cairn::HistoryPanel* history = window->historyPanel();
    if (history->model()->rowCount() == 0) {
        if (!choice.isEmpty())
            printError(GuiMain::tr("the flow has no runs, so it has no artifact \"%1\" to "
                                   "preview; run it first").arg(choice));
        return choice.isEmpty();
    }
    const qint64 run = history->model()->runAt(0);
    // Step ids contain no slash, but file paths may.
    const qsizetype slash = choice.indexOf(QLatin1Char('/'));
    const QString step = slash < 0 ? choice : choice.left(slash);
    const QString file = slash < 0 ? QString() : choice.mid(slash + 1);
    cairn::ArtifactsPanel* panel = window->artifactsPanel();
    if (panel->selectArtifact(run, step, file))
        return true;

    const QStringList steps = panel->stepIds(run);
    if (choice.isEmpty())
        printError(GuiMain::tr("run %1 stored no file to preview").arg(run));
    else if (steps.isEmpty())
        printError(GuiMain::tr("run %1 recorded no steps, so it has no artifact \"%2\"")
                       .arg(run)
                       .arg(choice));
    else if (!steps.contains(step))
        printError(GuiMain::tr("run %1 has no step \"%2\"; its steps are %3")
                       .arg(run)
                       .arg(step, steps.join(QStringLiteral(", "))));
    else if (file.isEmpty())
        printError(GuiMain::tr("step %1 of run %2 stored no file and kept no log to preview")
                       .arg(step)
                       .arg(run));
    else
        printError(GuiMain::tr("run %1 stored no artifact \"%2\"; list a step's files with "
                               "cairn-cli artifacts FLOW %1 STEP").arg(run).arg(choice));
    return false;
}

// Returns true when the open flow has a step with id step; else prints the flow's steps.
bool hasPlanStep(const cairn::MainWindow* window, const QString& step)
{
    const cairn::Flow& flow = window->document()->flow();
    QStringList ids;
    for (const cairn::Step& candidate : flow.steps)
        ids.append(candidate.id);
    if (ids.contains(step))
        return true;
    if (ids.isEmpty())
        printError(GuiMain::tr("the flow has no steps, so it has no plan from step \"%1\"")
                       .arg(step));
    else
        printError(GuiMain::tr("the flow %1 has no step \"%2\"; its steps are %3")
                       .arg(flow.name, step, ids.join(QStringLiteral(", "))));
    return false;
}

// Runs the event loop until dialog shows its plan, because planning runs on a worker thread.
// Prints why and returns false when the plan takes longer than kPlanTimeoutMs.
bool waitForPlan(cairn::PlanPreviewDialog* dialog)
{
    if (dialog->isPlanning()) {
        QEventLoop loop;
        QObject::connect(dialog, &cairn::PlanPreviewDialog::planUpdated, &loop, &QEventLoop::quit);
        QTimer::singleShot(kPlanTimeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    if (!dialog->isPlanning())
        return true;
    printError(GuiMain::tr("the plan was not ready after %n second(s); no picture was written",
                           nullptr, kPlanTimeoutMs / 1000));
    return false;
}

// Writes picture to path; on failure prints why and ends the event loop with 1.
bool savePicture(const QPixmap& picture, const QString& path)
{
    if (picture.save(path, "PNG"))
        return true;
    printError(GuiMain::tr("%1 cannot be written. Check that its folder exists and is "
                           "writable.").arg(QDir::toNativeSeparators(path)));
    return false;
}

// Shows the window (or the view asked for) once the event loop runs, writes it to path and
// ends the event loop: with 0, with 1 when the file cannot be written or the plan is not
// ready in time, or with 2 for an unknown view, step or artifact.
void takeScreenshot(cairn::MainWindow* window, const QString& path, const QString& view)
{
    window->resize(kScreenshotSize);
    window->show();
    QTimer::singleShot(0, window, [window, path, view] {
        QCoreApplication::processEvents();
        window->view()->fitToView();
        QCoreApplication::processEvents();

        if (view.startsWith(QLatin1String("plan:"))) {
            const QString step = view.mid(5);
            if (!hasPlanStep(window, step)) {
                QCoreApplication::exit(2);
                return;
            }
            bool saved = false;
            window->setPlanPreviewHandler([&saved, &path](cairn::PlanPreviewDialog& dialog) {
                dialog.resize(960, 460);
                dialog.show();
                if (!waitForPlan(&dialog))
                    return false;
                QCoreApplication::processEvents();
                saved = savePicture(dialog.grab(), path);
                return false;
            });
            window->resumeFrom(step);
            QCoreApplication::exit(saved ? 0 : 1);
            return;
        }
        if (!view.isEmpty()) {
            const QString tab = view.section(QLatin1Char(':'), 0, 0);
            const bool artifacts = tab == QLatin1String("artifacts");
            if (!showBottomTab(window, tab) || (!artifacts && tab != view)) {
                printError(GuiMain::tr("unknown view \"%1\"; use history, artifacts, "
                                       "artifacts:STEP, artifacts:STEP/FILE, timeline, trends "
                                       "or plan:STEP").arg(view));
                QCoreApplication::exit(2);
                return;
            }
            if (artifacts && !showArtifact(window, view.mid(tab.size() + 1))) {
                QCoreApplication::exit(2);
                return;
            }
            QCoreApplication::processEvents();
            window->view()->fitToView();
            QCoreApplication::processEvents();
        }
        QCoreApplication::exit(savePicture(window->grab(), path) ? 0 : 1);
    });
}

}  // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Cairn"));
    QApplication::setOrganizationName(QStringLiteral("Cairn"));
    QApplication::setApplicationVersion(QStringLiteral(CAIRN_VERSION));
    // The id of the installed desktop entry, so that desktops match the window to it.
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.cairn.Cairn"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/cairn.svg")));

    // The language comes from --lang, then CAIRN_LANG as cairn-cli reads it, then the
    // setting, and otherwise from the locale.
    QString language = languageArgument(QCoreApplication::arguments());
    if (language.isEmpty())
        language = qEnvironmentVariable("CAIRN_LANG");
    if (language.isEmpty())
        language = QSettings().value(cairn::settingskeys::kLanguage).toString();
    cairn::installTranslations(language);
    const Options options = parseArguments(app);

    // A screenshot shows the window as a new user first sees it, whatever layout and recent
    // files this user saved: its settings go to a throw-away folder.
    QTemporaryDir screenshotSettings;
    if (!options.screenshot.isEmpty())
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, screenshotSettings.path());

    cairn::MainWindow window;
    if (!options.flow.isEmpty()) {
        // A screenshot opens the flow without questions: messages go to stderr, and an
        // autosave of the flow is neither recovered nor removed.
        if (!options.screenshot.isEmpty()) {
            window.setMessageHandler([](const QString& text, QMessageBox::StandardButtons) {
                printError(text);
                return QMessageBox::NoButton;
            });
        }
        if (!window.openFlow(options.flow) && !options.screenshot.isEmpty())
            return 1;
    } else if (options.screenshot.isEmpty()) {
        QTimer::singleShot(0, &window, [&window] { window.offerUntitledRecovery(); });
    }

    if (!options.screenshot.isEmpty()) {
        takeScreenshot(&window, options.screenshot, options.show);
        return QApplication::exec();
    }
    window.show();
    return QApplication::exec();
}
