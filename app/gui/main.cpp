// cairn: the desktop window. `cairn [FLOW] [--lang LANG] [--screenshot FILE.png]`.

#include "artifactspanel.h"
#include "flowview.h"
#include "historymodel.h"
#include "historypanel.h"
#include "mainwindow.h"
#include "planpreview.h"
#include "timelinechart.h"
#include "translations.h"
#include "trendschart.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
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

struct Options {
    QString flow;
    QString language;
    QString screenshot;
    QString show;  // with screenshot: a bottom tab, or "plan:STEP"
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
                    "(plan:STEP)."),
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
// ends the event loop: with 0, with 1 when the file cannot be written, or with 2 for an
// unknown view.
void takeScreenshot(cairn::MainWindow* window, const QString& path, const QString& view)
{
    window->resize(kScreenshotSize);
    window->show();
    QTimer::singleShot(0, window, [window, path, view] {
        QCoreApplication::processEvents();
        window->view()->fitToView();
        QCoreApplication::processEvents();

        if (view.startsWith(QLatin1String("plan:"))) {
            bool saved = false;
            window->setPlanPreviewHandler([&saved, &path](cairn::PlanPreviewDialog& dialog) {
                dialog.resize(960, 460);
                dialog.show();
                QCoreApplication::processEvents();
                saved = savePicture(dialog.grab(), path);
                return false;
            });
            window->resumeFrom(view.mid(5));
            QCoreApplication::exit(saved ? 0 : 1);
            return;
        }
        if (!view.isEmpty()) {
            if (!showBottomTab(window, view)) {
                printError(GuiMain::tr("unknown view \"%1\"; use history, artifacts, timeline, "
                                       "trends or plan:STEP").arg(view));
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

    QString language = languageArgument(QCoreApplication::arguments());
    if (language.isEmpty())
        language = QSettings().value(QStringLiteral("language")).toString();
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
