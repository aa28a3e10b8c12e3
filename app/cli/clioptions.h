#pragma once

// Command-line parsing of cairn-cli: one verb and its options.

#include <QString>
#include <QStringList>

#include <optional>

namespace cairn::cli {

struct CliOptions {
    QString verb;        // validate, run, resume, runs, show, log, artifacts, gc
    QString flowPath;
    qint64 run = 0;      // show, log, artifacts
    QString step;        // log, artifacts
    QStringList params;  // NAME=VALUE, as given
    QString storeDir;
    bool json = false;
    bool dryRun = false;
    bool force = false;
    bool keepGoing = false;
    int workers = 0;     // 0: one per core
    std::optional<qint64> origin;
    QString fromStep;
    QString upTo;
    int limit = 0;       // runs: 0 means all
    bool stderrLog = false;
    int attempt = 0;     // log: 0 means the last attempt
    QString exportDir;
    int keepRuns = -1;   // gc: -1 keeps every run
};

// Parses arguments (without the program name). Returns false with *error, or exits the
// process itself for --help and --version.
bool parseCommandLine(const QStringList& arguments, CliOptions* options, QString* error);

}  // namespace cairn::cli
