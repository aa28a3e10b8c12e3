#include "clioptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

namespace cairn::cli {

namespace {

// Translation context of this file's messages.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(cli)
};

struct VerbSpec {
    const char* name;
    const char* summary;
    QStringList positionals;  // names of required positional arguments
};

const QList<VerbSpec>& verbs()
{
    static const QList<VerbSpec> list = {
        {"validate", QT_TRANSLATE_NOOP("cli", "Check a flow file and report every problem."), {QStringLiteral("FLOW")}},
        {"run", QT_TRANSLATE_NOOP("cli", "Run a flow, taking cached results for unchanged steps."), {QStringLiteral("FLOW")}},
        {"resume", QT_TRANSLATE_NOOP("cli", "Resume a past run: rerun what failed, or a step and everything after it."), {QStringLiteral("FLOW")}},
        {"runs", QT_TRANSLATE_NOOP("cli", "List the runs of a flow, newest first."), {QStringLiteral("FLOW")}},
        {"show", QT_TRANSLATE_NOOP("cli", "Show one run: every step's status, duration and reason or error."), {QStringLiteral("FLOW"), QStringLiteral("RUN")}},
        {"log", QT_TRANSLATE_NOOP("cli", "Print the output a step wrote in a run."), {QStringLiteral("FLOW"), QStringLiteral("RUN"), QStringLiteral("STEP")}},
        {"artifacts", QT_TRANSLATE_NOOP("cli", "List or export the artifacts of a step in a run."), {QStringLiteral("FLOW"), QStringLiteral("RUN"), QStringLiteral("STEP")}},
        {"gc", QT_TRANSLATE_NOOP("cli", "Remove old runs and the stored objects nothing refers to."), {QStringLiteral("FLOW")}},
    };
    return list;
}

QString usage()
{
    QString text = Text::tr("Usage: cairn-cli VERB FLOW [options]\n\nVerbs:\n");
    for (const VerbSpec& verb : verbs())
        text += QStringLiteral("  %1  %2\n").arg(QString::fromLatin1(verb.name), -10)
                    .arg(QCoreApplication::translate("cli", verb.summary));
    text += Text::tr("\nRun `cairn-cli VERB --help` for the options of a verb.\n");
    return text;
}

void addOptions(QCommandLineParser* parser, const QString& verb)
{
    const bool runs = verb == QLatin1String("run") || verb == QLatin1String("resume");
    parser->addHelpOption();
    parser->addOption({QStringLiteral("store"), Text::tr("Store folder (default: $CAIRN_STORE, else .cairn beside the flow)."), Text::tr("DIR")});
    if (runs || verb == QLatin1String("runs") || verb == QLatin1String("show")
        || verb == QLatin1String("artifacts") || verb == QLatin1String("gc")
        || verb == QLatin1String("validate"))
        parser->addOption({QStringLiteral("json"), Text::tr("Print one JSON document on stdout.")});
    if (runs) {
        parser->addOption({QStringLiteral("param"), Text::tr("Set a parameter; repeat for several."), Text::tr("NAME=VALUE")});
        parser->addOption({QStringLiteral("force"), Text::tr("Run every selected step, ignoring cached results.")});
        parser->addOption({QStringLiteral("workers"), Text::tr("Number of steps to run at once (default: one per core)."), Text::tr("N")});
        parser->addOption({QStringLiteral("keep-going"), Text::tr("After a failure, go on with steps that do not depend on it.")});
        parser->addOption({QStringLiteral("dry-run"), Text::tr("Print the plan with reasons and run nothing.")});
        parser->addOption({QStringLiteral("to"), Text::tr("Run only this step and the steps it depends on."), Text::tr("STEP")});
    }
    if (verb == QLatin1String("resume")) {
        parser->addOption({QStringLiteral("origin"), Text::tr("Run to resume (default: the latest run of the flow)."), Text::tr("RUN", "value name of --origin: a run number")});
        parser->addOption({QStringLiteral("from"), Text::tr("Rerun this step and everything downstream of it."), Text::tr("STEP")});
    }
    if (verb == QLatin1String("runs"))
        parser->addOption({QStringLiteral("limit"), Text::tr("Show at most N runs."), Text::tr("N")});
    if (verb == QLatin1String("log")) {
        parser->addOption({QStringLiteral("stderr"), Text::tr("Print standard error instead of standard output.")});
        parser->addOption({QStringLiteral("attempt"), Text::tr("Number of the attempt whose log to print (default: the last)."), Text::tr("N")});
    }
    if (verb == QLatin1String("artifacts"))
        parser->addOption({QStringLiteral("export"), Text::tr("Copy the artifacts into this folder."), Text::tr("DIR")});
    if (verb == QLatin1String("gc")) {
        parser->addOption({QStringLiteral("keep-runs"), Text::tr("Keep the N newest runs of the flow and remove older ones."), Text::tr("N")});
        parser->addOption({QStringLiteral("dry-run"), Text::tr("Report what would be removed and remove nothing.")});
    }
}

bool parseNumber(const QCommandLineParser& parser, const QString& name, qint64 minimum,
                 qint64* value, QString* error)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const qint64 number = parser.value(name).toLongLong(&ok);
    if (!ok || number < minimum) {
        *error = Text::tr("--%1 expects a whole number of at least %2, not \"%3\"")
                     .arg(name).arg(minimum).arg(parser.value(name));
        return false;
    }
    *value = number;
    return true;
}

bool readOptions(const QCommandLineParser& parser, CliOptions* options, QString* error)
{
    auto flag = [&](const char* name) {
        const QString option = QString::fromLatin1(name);
        return parser.optionNames().contains(option) && parser.isSet(option);
    };
    options->json = flag("json");
    options->dryRun = flag("dry-run");
    options->force = flag("force");
    options->keepGoing = flag("keep-going");
    options->stderrLog = flag("stderr");
    options->storeDir = parser.value(QStringLiteral("store"));
    if (flag("param"))
        options->params = parser.values(QStringLiteral("param"));
    if (flag("from"))
        options->fromStep = parser.value(QStringLiteral("from"));
    if (flag("to"))
        options->upTo = parser.value(QStringLiteral("to"));
    if (flag("export"))
        options->exportDir = parser.value(QStringLiteral("export"));

    qint64 number = 0;
    if (flag("workers")) {
        if (!parseNumber(parser, QStringLiteral("workers"), 1, &number, error))
            return false;
        options->workers = int(number);
    }
    if (flag("origin")) {
        if (!parseNumber(parser, QStringLiteral("origin"), 1, &number, error))
            return false;
        options->origin = number;
    }
    if (flag("limit")) {
        if (!parseNumber(parser, QStringLiteral("limit"), 1, &number, error))
            return false;
        options->limit = int(number);
    }
    if (flag("attempt")) {
        if (!parseNumber(parser, QStringLiteral("attempt"), 1, &number, error))
            return false;
        options->attempt = int(number);
    }
    if (flag("keep-runs")) {
        // 0 would remove every run; the window offers no such choice either.
        if (!parseNumber(parser, QStringLiteral("keep-runs"), 1, &number, error)) {
            error->append(Text::tr("; to keep every run, leave --keep-runs out"));
            return false;
        }
        options->keepRuns = int(number);
    }
    return true;
}

}  // namespace

bool parseCommandLine(const QStringList& arguments, CliOptions* options, QString* error)
{
    if (arguments.isEmpty() || arguments.first() == QLatin1String("--help")
        || arguments.first() == QLatin1String("-h")) {
        std::fputs(qPrintable(usage()), arguments.isEmpty() ? stderr : stdout);
        if (arguments.isEmpty()) {
            *error = Text::tr("no verb given");
            return false;
        }
        std::exit(0);
    }
    if (arguments.first() == QLatin1String("--version")) {
        std::printf("cairn-cli %s\n", qPrintable(QCoreApplication::applicationVersion()));
        std::exit(0);
    }

    const QString verb = arguments.first();
    const VerbSpec* spec = nullptr;
    for (const VerbSpec& candidate : verbs()) {
        if (verb == QLatin1String(candidate.name))
            spec = &candidate;
    }
    if (!spec) {
        *error = Text::tr("unknown verb \"%1\"\n\n%2").arg(verb, usage());
        return false;
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("cli", spec->summary));
    for (const QString& name : spec->positionals)
        parser.addPositionalArgument(name, QString());
    addOptions(&parser, verb);
    QStringList args = arguments;
    args[0] = QStringLiteral("cairn-cli ") + verb;
    if (!parser.parse(args)) {
        *error = parser.errorText();
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        // Qt's usage line names the binary's path and not the verb; name both as typed.
        QString help = parser.helpText();
        const qsizetype lineEnd = help.indexOf(QLatin1Char('\n'));
        const QString usage = Text::tr("Usage: cairn-cli %1 %2 [options]")
                                  .arg(verb, spec->positionals.join(QLatin1Char(' ')));
        help.replace(0, lineEnd, usage);
        std::fputs(help.toUtf8().constData(), stdout);
        std::exit(0);
    }

    const QStringList positionals = parser.positionalArguments();
    if (positionals.size() != spec->positionals.size()) {
        *error = Text::tr("%1 expects %2, got %3 arguments; see `cairn-cli %1 --help`")
                     .arg(verb, spec->positionals.join(QLatin1Char(' ')))
                     .arg(positionals.size());
        return false;
    }
    options->verb = verb;
    options->flowPath = positionals.value(0);
    if (positionals.size() > 1) {
        bool ok = false;
        options->run = positionals.at(1).toLongLong(&ok);
        if (!ok || options->run < 1) {
            *error = Text::tr("RUN must be a run number such as 3, not \"%1\"").arg(positionals.at(1));
            return false;
        }
    }
    options->step = positionals.value(2);
    return readOptions(parser, options, error);
}

}  // namespace cairn::cli
