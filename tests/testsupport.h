#pragma once

// Helpers shared by the test suites: writing files and flows into a temporary folder and
// running cairn-cli as a user would.

#include <QByteArray>
#include <QJsonDocument>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <nlohmann/json.hpp>

namespace cairn::test {

// Writes data to path, creating folders; fails the test on error (returns false).
bool writeFile(const QString& path, const QByteArray& data);
QByteArray readFile(const QString& path);

// Result of one cairn-cli invocation.
struct CliResult {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QJsonDocument json() const { return QJsonDocument::fromJson(out); }
    // stdout parsed as JSON; a discarded value when it is not JSON.
    nlohmann::ordered_json parsed() const
    {
        return nlohmann::ordered_json::parse(out.toStdString(), nullptr, false);
    }
};

// Runs the built cairn-cli with args and waits up to timeoutMs.
CliResult runCli(const QStringList& args, int timeoutMs = 120000,
                 const QStringList& extraEnv = {});

// Path of the built cairn-cli.
QString cliPath();

// Number of lines in a file (the counter files that steps append to).
int lineCount(const QString& path);

using Json = nlohmann::ordered_json;

// A shell step that appends a line to <counters>/<id> (outside the store, so tests can
// count executions) and writes <id>.txt from its upstream files and extra text.
Json countingStep(const QString& id, const QString& extra = QString());

// A project in a temporary folder: flow.json, a store beside it, and a counters folder
// that the steps of countingStep append to.
class Project {
public:
    Project();
    bool isValid() const { return m_dir.isValid(); }
    QString path(const QString& relative) const { return m_dir.filePath(relative); }
    QString flowPath() const { return path(QStringLiteral("flow.json")); }
    QString storePath() const { return path(QStringLiteral("store")); }
    QString countersPath() const { return path(QStringLiteral("counters")); }

    // Writes the flow; fails (returns false) when it cannot be written.
    bool writeFlow(const Json& flow) const;
    // How often step id has executed.
    int executions(const QString& id) const;

    // Runs cairn-cli VERB flow.json --store store ARGS, with COUNTERS set for the steps.
    CliResult cli(const QString& verb, const QStringList& args = {}) const;

private:
    QTemporaryDir m_dir;
};

// A flow document with the given steps and edges [[from, to], ...].
Json makeFlow(const Json& steps, const Json& edges, const Json& parameters = Json::array());

// The diamond a → b, a → c, b → d, c → d of counting steps.
Json diamondFlow();

// Step entry of a run's --json output by id; null when absent.
Json stepOf(const Json& run, const QString& id);
// Status of each step of a run's --json output, by id.
QMap<QString, QString> statuses(const Json& run);

}  // namespace cairn::test
