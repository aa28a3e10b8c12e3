#pragma once

// Runs one process in its own process group, streams its stdout and stderr into log files
// and to a sink, and ends the whole group on timeout or cancel (SIGTERM, then SIGKILL
// after a grace period). Blocking: call it from a worker thread, never the GUI thread.

#include "message.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <atomic>

namespace cairn {

enum class OutputStream { Stdout, Stderr };

// Receives output as it arrives. Called on the thread that runs the process.
class OutputSink {
public:
    virtual ~OutputSink() = default;
    virtual void output(OutputStream stream, const QByteArray& data) = 0;
};

struct ProcessSpec {
    QString program;           // absolute path, or a name looked up in PATH of env
    QStringList arguments;
    QString workingDirectory;
    QStringList environment;   // complete environment, "NAME=value" entries
    QString stdoutLogPath;     // appended to; created if missing
    QString stderrLogPath;
    double timeoutS = 0;       // 0: none
    int graceMs = 3000;        // between SIGTERM and SIGKILL
};

struct ProcessOutcome {
    enum class Kind { Exited, Signaled, TimedOut, Cancelled, StartFailed };
    Kind kind = Kind::StartFailed;
    int exitCode = -1;  // for Exited
    int signal = 0;     // for Signaled
    QString error;      // for StartFailed: what failed, naming the program
    double timeoutS = 0;  // for TimedOut: the limit that was reached, in seconds

    bool succeeded() const { return kind == Kind::Exited && exitCode == 0; }
    QString describe() const;  // "exited with status 2", "timed out after 5 s", …
    Message message() const;   // describe() in language-neutral form
};

// Runs spec to completion. Polls cancel (settable from any thread, including a signal
// handler) at least every 50 ms. When the main process ends, any process left in its group
// is killed, so no step leaves work running behind it.
ProcessOutcome runProcess(const ProcessSpec& spec, const std::atomic<bool>& cancel,
                          OutputSink* sink);

// Sends SIGKILL to the process group of every process runProcess is running now. Async-
// signal-safe, for a handler that must end the program at once without leaving steps
// running behind it.
void killAllProcessGroups();

}  // namespace cairn
