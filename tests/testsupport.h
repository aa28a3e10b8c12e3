#pragma once

// Helpers shared by the test suites: writing files and flows into a temporary folder and
// running cairn-cli as a user would.

#include <QByteArray>
#include <QJsonDocument>
#include <QString>
#include <QStringList>

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
};

// Runs the built cairn-cli with args and waits up to timeoutMs.
CliResult runCli(const QStringList& args, int timeoutMs = 120000,
                 const QStringList& extraEnv = {});

// Path of the built cairn-cli.
QString cliPath();

// Number of lines in a file (the counter files that steps append to).
int lineCount(const QString& path);

}  // namespace cairn::test
