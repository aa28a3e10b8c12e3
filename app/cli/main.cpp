// cairn-cli: runs, resumes and inspects Cairn flows without a display.

#include "clicommands.h"
#include "clioptions.h"
#include "clioutput.h"

#include "translations.h"

#include <QCoreApplication>

#include <cstdio>
#include <cstdlib>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("cairn-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("Cairn"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CAIRN_VERSION));

    // Messages follow the locale, or CAIRN_LANG when it is set.
    cairn::installTranslations(qEnvironmentVariable("CAIRN_LANG"));

    cairn::cli::CliOptions options;
    QString error;
    if (!cairn::cli::parseCommandLine(app.arguments().mid(1), &options, &error)) {
        cairn::cli::printError(error);
        return cairn::cli::ExitInvalid;
    }
    cairn::cli::installInterruptHandler();
    const int status = cairn::cli::runCommand(options);

    // QThread::wait() returns before the thread's own thread-local clean-up has run, so a
    // scheduler or worker thread may still be ending now. Running the static destructors
    // of Qt and the C++ runtime under it corrupts the heap; leave without them.
    std::fflush(nullptr);
    std::_Exit(status);
}
