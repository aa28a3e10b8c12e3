// cairn-cli: runs, resumes and inspects Cairn flows without a display.

#include "clicommands.h"
#include "clioptions.h"
#include "clioutput.h"

#include "translations.h"

#include <QCoreApplication>

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
    return cairn::cli::runCommand(options);
}
