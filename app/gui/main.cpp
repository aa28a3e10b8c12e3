// cairn: the desktop window. `cairn [FLOW] [--lang LANG] [--screenshot FILE.png]`.

#include "flowview.h"
#include "mainwindow.h"
#include "translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QPixmap>
#include <QSettings>
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
    parser.addOption(language);
    parser.addOption(screenshot);
    parser.process(app);

    Options options;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1)
        parser.showHelp(2);
    if (!positional.isEmpty())
        options.flow = positional.first();
    options.language = parser.value(language);
    options.screenshot = parser.value(screenshot);
    return options;
}

void printError(const QString& message)
{
    std::fprintf(stderr, "cairn: %s\n", qPrintable(message));
}

// Shows the window at a fixed size, lets it lay out and fit the flow, then grabs it into
// path. The event loop ends with 0, or 1 when the file cannot be written.
void takeScreenshot(cairn::MainWindow* window, const QString& path)
{
    window->resize(kScreenshotSize);
    window->show();
    QTimer::singleShot(0, window, [window, path] {
        QCoreApplication::processEvents();
        window->view()->fitToView();
        QCoreApplication::processEvents();
        const QPixmap picture = window->grab();
        if (!picture.save(path, "PNG")) {
            printError(GuiMain::tr("%1 cannot be written. Check that its folder exists and is "
                                "writable.").arg(QDir::toNativeSeparators(path)));
            QCoreApplication::exit(1);
            return;
        }
        QCoreApplication::exit(0);
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
        takeScreenshot(&window, options.screenshot);
        return QApplication::exec();
    }
    window.show();
    return QApplication::exec();
}
