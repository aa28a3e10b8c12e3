#include "executor.h"
#include "testsupport.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QThreadPool>

#include <atomic>
#include <csignal>
#include <memory>

#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace cairn;
using cairn::test::readFile;
using cairn::test::writeFile;

namespace {

// Upper bound for a run that should end on its own. Reaching it means that runProcess hangs.
constexpr int kRunBoundMs = 60000;
// Upper bound for a killed process to disappear from the process table.
constexpr int kProcessGoneBoundMs = 10000;

// Collects what runProcess passes to the sink, per stream.
class RecordingSink : public OutputSink {
public:
    void output(OutputStream stream, const QByteArray& data) override
    {
        (stream == OutputStream::Stdout ? stdoutData : stderrData) += data;
    }

    QByteArray stdoutData;
    QByteArray stderrData;
};

// A spec that runs script with /bin/sh in dir, logging to dir/stdout.log and dir/stderr.log.
ProcessSpec shellSpec(const QTemporaryDir& dir, const QString& script)
{
    ProcessSpec spec;
    spec.program = QStringLiteral("/bin/sh");
    spec.arguments = {QStringLiteral("-c"), script};
    spec.workingDirectory = dir.path();
    spec.environment = {QStringLiteral("PATH=/usr/bin:/bin"), QStringLiteral("LC_ALL=C")};
    spec.stdoutLogPath = dir.filePath(QStringLiteral("stdout.log"));
    spec.stderrLogPath = dir.filePath(QStringLiteral("stderr.log"));
    return spec;
}

// Runs one spec on its own thread, so that the test thread can cancel it and can detect a
// hang with a bounded wait. The destructor cancels the run and waits for it.
class BackgroundRun {
public:
    explicit BackgroundRun(ProcessSpec spec) : m_spec(std::move(spec))
    {
        m_thread.reset(QThread::create([this] { m_outcome = runProcess(m_spec, m_cancel, &m_sink); }));
        m_thread->start();
    }
    ~BackgroundRun()
    {
        m_cancel = true;
        m_thread->wait();
    }

    void cancel() { m_cancel = true; }
    bool waitFinished() { return m_thread->wait(QDeadlineTimer(kRunBoundMs)); }
    // Valid after waitFinished() returned true.
    const ProcessOutcome& outcome() const { return m_outcome; }
    const RecordingSink& sink() const { return m_sink; }

private:
    ProcessSpec m_spec;
    std::atomic<bool> m_cancel{false};
    RecordingSink m_sink;
    ProcessOutcome m_outcome;
    std::unique_ptr<QThread> m_thread;
};

// Reads a pid that a script wrote to a file. Returns 0 when the file is missing or invalid.
pid_t readPid(const QString& path)
{
    return pid_t(readFile(path).trimmed().toInt());
}

// True once pid has ended and left the process table. Orphans are reparented to this
// test process (see initTestCase), so this also reaps them.
bool processEnded(pid_t pid)
{
    waitpid(pid, nullptr, WNOHANG);
    return ::kill(pid, 0) == -1 && errno == ESRCH;
}

QSet<QByteArray> lineSet(const QByteArray& text)
{
    const QList<QByteArray> lines = text.split('\n');
    QSet<QByteArray> set(lines.begin(), lines.end());
    set.remove(QByteArray());
    return set;
}

}  // namespace

class TestExecutor : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void exitStatus_data();
    void exitStatus();
    void describeOutcome_data();
    void describeOutcome();
    void streamsGoToOwnLogsAndSink();
    void logIsAppendedTo();
    void nullSinkStillWritesLogs();
    void largeOutputOnBothStreams();

    void environmentIsExactlyGiven();
    void programSearchedInGivenPath_data();
    void programSearchedInGivenPath();
    void workingDirectoryIsHonoured();
    void relativeProgramInWorkingDirectory();
    void startFailure_data();
    void startFailure();
    void childGetsOnlyStdio();
    void childHasOwnProcessGroup();
    void childSignalStateIsReset();

    void timeoutEndsProcessTree();
    void cancelEndsProcessTree();
    void cancelBeforeStartRunsNothing();
    void ignoredSigtermEscalatesToSigkill();
    void backgroundChildDoesNotBlockExit();
    void escapedChildDoesNotBlockExit();
    void concurrentRunsComplete();
    void ignoredSigchldDoesNotHang();
};

void TestExecutor::initTestCase()
{
    // Grandchildren whose parent died are reparented to this process instead of init, so
    // processEnded() can reap them. An init that never reaps leaves zombies, and kill(pid, 0)
    // still succeeds on a zombie.
    QCOMPARE(prctl(PR_SET_CHILD_SUBREAPER, 1), 0);
}

void TestExecutor::exitStatus_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<ProcessOutcome::Kind>("kind");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<int>("signal");
    QTest::addColumn<QString>("description");

    QTest::newRow("exit 0") << "exit 0" << ProcessOutcome::Kind::Exited << 0 << 0
                            << "exited with status 0";
    QTest::newRow("exit 3") << "exit 3" << ProcessOutcome::Kind::Exited << 3 << 0
                            << "exited with status 3";
    QTest::newRow("exit 255") << "exit 255" << ProcessOutcome::Kind::Exited << 255 << 0
                              << "exited with status 255";
    QTest::newRow("SIGKILL") << "kill -KILL $$" << ProcessOutcome::Kind::Signaled << -1
                             << int(SIGKILL) << "killed by signal 9 (Killed)";
    QTest::newRow("SIGTERM") << "kill -TERM $$" << ProcessOutcome::Kind::Signaled << -1
                             << int(SIGTERM) << "killed by signal 15 (Terminated)";
}

void TestExecutor::exitStatus()
{
    QFETCH(QString, script);
    QFETCH(ProcessOutcome::Kind, kind);
    QFETCH(int, exitCode);
    QFETCH(int, signal);
    QFETCH(QString, description);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());

    const std::atomic<bool> cancel{false};
    const ProcessOutcome outcome = runProcess(shellSpec(dir, script), cancel, nullptr);

    QCOMPARE(outcome.kind, kind);
    QCOMPARE(outcome.exitCode, exitCode);
    QCOMPARE(outcome.signal, signal);
    QCOMPARE(outcome.succeeded(), kind == ProcessOutcome::Kind::Exited && exitCode == 0);
    QCOMPARE(outcome.describe(), description);
}

void TestExecutor::describeOutcome_data()
{
    QTest::addColumn<ProcessOutcome::Kind>("kind");
    QTest::addColumn<double>("timeoutS");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("description");

    QTest::newRow("whole seconds") << ProcessOutcome::Kind::TimedOut << 5.0 << QString()
                                   << "timed out after 5 s";
    QTest::newRow("fraction") << ProcessOutcome::Kind::TimedOut << 0.5 << QString()
                              << "timed out after 0.5 s";
    QTest::newRow("cancelled") << ProcessOutcome::Kind::Cancelled << 0.0 << QString()
                               << "cancelled";
    QTest::newRow("start failed") << ProcessOutcome::Kind::StartFailed << 0.0
                                  << "cannot start tool: No such file or directory"
                                  << "cannot start tool: No such file or directory";
}

void TestExecutor::describeOutcome()
{
    QFETCH(ProcessOutcome::Kind, kind);
    QFETCH(double, timeoutS);
    QFETCH(QString, error);
    QFETCH(QString, description);

    ProcessOutcome outcome;
    outcome.kind = kind;
    outcome.timeoutS = timeoutS;
    outcome.error = error;

    QCOMPARE(outcome.describe(), description);
    QVERIFY(!outcome.succeeded());
}

void TestExecutor::streamsGoToOwnLogsAndSink()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const ProcessSpec spec = shellSpec(
        dir, QStringLiteral("echo 'to stdout'; echo 'to stderr' >&2; echo 'more stdout'"));

    const std::atomic<bool> cancel{false};
    RecordingSink sink;
    const ProcessOutcome outcome = runProcess(spec, cancel, &sink);

    QVERIFY2(outcome.succeeded(), qPrintable(outcome.describe()));
    QCOMPARE(readFile(spec.stdoutLogPath), QByteArray("to stdout\nmore stdout\n"));
    QCOMPARE(readFile(spec.stderrLogPath), QByteArray("to stderr\n"));
    QCOMPARE(sink.stdoutData, QByteArray("to stdout\nmore stdout\n"));
    QCOMPARE(sink.stderrData, QByteArray("to stderr\n"));
}

void TestExecutor::logIsAppendedTo()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const ProcessSpec spec = shellSpec(dir, QStringLiteral("echo second"));
    QVERIFY(writeFile(spec.stdoutLogPath, "first\n"));

    const std::atomic<bool> cancel{false};
    QVERIFY(runProcess(spec, cancel, nullptr).succeeded());
    QVERIFY(runProcess(spec, cancel, nullptr).succeeded());

    QCOMPARE(readFile(spec.stdoutLogPath), QByteArray("first\nsecond\nsecond\n"));
    QVERIFY(QFileInfo::exists(spec.stderrLogPath));
    QCOMPARE(readFile(spec.stderrLogPath), QByteArray());
}

void TestExecutor::nullSinkStillWritesLogs()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const ProcessSpec spec = shellSpec(dir, QStringLiteral("echo out; echo err >&2"));

    const std::atomic<bool> cancel{false};
    QVERIFY(runProcess(spec, cancel, nullptr).succeeded());

    QCOMPARE(readFile(spec.stdoutLogPath), QByteArray("out\n"));
    QCOMPARE(readFile(spec.stderrLogPath), QByteArray("err\n"));
}

void TestExecutor::largeOutputOnBothStreams()
{
    // Both streams at once, each far beyond a pipe's buffer: a reader that blocks on one
    // pipe while the process blocks writing the other would hang here.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const int size = 6 * 1024 * 1024;
    const ProcessSpec spec = shellSpec(
        dir, QStringLiteral("yes 'stdout line' | head -c %1 & yes 'stderr line' | head -c %1 >&2; "
                            "wait")
                 .arg(size));

    BackgroundRun run(spec);
    QVERIFY2(run.waitFinished(), "runProcess did not return");

    QVERIFY2(run.outcome().succeeded(), qPrintable(run.outcome().describe()));
    const QByteArray stdoutLog = readFile(spec.stdoutLogPath);
    const QByteArray stderrLog = readFile(spec.stderrLogPath);
    QCOMPARE(stdoutLog.size(), size);
    QCOMPARE(stderrLog.size(), size);
    QVERIFY(stdoutLog.startsWith("stdout line\nstdout line\n"));
    QVERIFY(stderrLog.startsWith("stderr line\nstderr line\n"));
    QVERIFY(!stdoutLog.contains("stderr"));
    QVERIFY(!stderrLog.contains("stdout"));
    QCOMPARE(run.sink().stdoutData, stdoutLog);
    QCOMPARE(run.sink().stderrData, stderrLog);
}

void TestExecutor::environmentIsExactlyGiven()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    qputenv("CAIRN_TEST_NOT_PASSED", "1");
    const auto unset = qScopeGuard([] { qunsetenv("CAIRN_TEST_NOT_PASSED"); });

    ProcessSpec spec = shellSpec(dir, {});
    spec.program = QStringLiteral("/usr/bin/env");
    spec.arguments = {};
    spec.environment = {QStringLiteral("CAIRN_A=1"), QStringLiteral("CAIRN_B=two words"),
                        QStringLiteral("CAIRN_EMPTY=")};

    const std::atomic<bool> cancel{false};
    const ProcessOutcome outcome = runProcess(spec, cancel, nullptr);

    QVERIFY2(outcome.succeeded(), qPrintable(outcome.describe()));
    const QSet<QByteArray> expected = {"CAIRN_A=1", "CAIRN_B=two words", "CAIRN_EMPTY="};
    QCOMPARE(lineSet(readFile(spec.stdoutLogPath)), expected);
}

void TestExecutor::programSearchedInGivenPath_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<bool>("useSystemPath");
    QTest::addColumn<bool>("starts");

    QTest::newRow("found in PATH") << "env" << true << true;
    // The test process's own PATH contains sh, but the step's PATH does not.
    QTest::newRow("not in PATH") << "sh" << false << false;
}

void TestExecutor::programSearchedInGivenPath()
{
    QFETCH(QString, program);
    QFETCH(bool, useSystemPath);
    QFETCH(bool, starts);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("empty")));

    ProcessSpec spec = shellSpec(dir, {});
    spec.program = program;
    spec.arguments = {};
    const QString path = useSystemPath ? QStringLiteral("/nonexistent:/usr/bin:/bin")
                                       : dir.filePath(QStringLiteral("empty"));
    spec.environment = {QStringLiteral("PATH=") + path};

    const std::atomic<bool> cancel{false};
    const ProcessOutcome outcome = runProcess(spec, cancel, nullptr);

    if (starts) {
        QVERIFY2(outcome.succeeded(), qPrintable(outcome.describe()));
        QCOMPARE(readFile(spec.stdoutLogPath), (QStringLiteral("PATH=") + path + '\n').toUtf8());
    } else {
        QCOMPARE(outcome.kind, ProcessOutcome::Kind::StartFailed);
        QCOMPARE(outcome.error, QStringLiteral("cannot start sh: No such file or directory"));
    }
}

void TestExecutor::workingDirectoryIsHonoured()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString workDir = dir.filePath(QStringLiteral("work dir"));
    QVERIFY(QDir().mkpath(workDir));
    ProcessSpec spec = shellSpec(dir, QStringLiteral("pwd -P; echo content > created.txt"));
    spec.workingDirectory = workDir;

    const std::atomic<bool> cancel{false};
    const ProcessOutcome outcome = runProcess(spec, cancel, nullptr);

    QVERIFY2(outcome.succeeded(), qPrintable(outcome.describe()));
    const QString canonical = QFileInfo(workDir).canonicalFilePath();
    QCOMPARE(readFile(spec.stdoutLogPath), (canonical + '\n').toUtf8());
    QCOMPARE(readFile(workDir + QStringLiteral("/created.txt")), QByteArray("content\n"));
}

void TestExecutor::relativeProgramInWorkingDirectory()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString tool = dir.filePath(QStringLiteral("tool.sh"));
    QVERIFY(writeFile(tool, "#!/bin/sh\necho \"tool ran with $1\"\n"));
    QVERIFY(QFile::setPermissions(tool, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));

    ProcessSpec spec = shellSpec(dir, {});
    spec.program = QStringLiteral("./tool.sh");
    spec.arguments = {QStringLiteral("an argument")};

    const std::atomic<bool> cancel{false};
    const ProcessOutcome outcome = runProcess(spec, cancel, nullptr);

    QVERIFY2(outcome.succeeded(), qPrintable(outcome.describe()));
    QCOMPARE(readFile(spec.stdoutLogPath), QByteArray("tool ran with an argument\n"));
}

void TestExecutor::startFailure_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QString>("workingDirectory");
    QTest::addColumn<QString>("stdoutLog");
    QTest::addColumn<QString>("error");

    // "@" is replaced by the test's temporary folder.
    QTest::newRow("missing program")
        << "@/missing-tool" << "@" << "@/stdout.log"
        << "cannot start @/missing-tool: No such file or directory";
    QTest::newRow("program not executable")
        << "@/plain.txt" << "@" << "@/stdout.log" << "cannot start @/plain.txt: Permission denied";
    QTest::newRow("missing working directory")
        << "/bin/sh" << "@/missing-dir" << "@/stdout.log"
        << "working directory @/missing-dir: No such file or directory";
    QTest::newRow("log in missing folder")
        << "/bin/sh" << "@" << "@/missing-dir/stdout.log"
        << "cannot open log file @/missing-dir/stdout.log: No such file or directory";
    QTest::newRow("empty program") << "" << "@" << "@/stdout.log"
                                   << "cannot start a process: no program given";
}

void TestExecutor::startFailure()
{
    QFETCH(QString, program);
    QFETCH(QString, workingDirectory);
    QFETCH(QString, stdoutLog);
    QFETCH(QString, error);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.filePath(QStringLiteral("plain.txt")), "echo not a program\n"));
    const auto inDir = [&](QString text) { return text.replace(QLatin1Char('@'), dir.path()); };

    ProcessSpec spec = shellSpec(dir, QStringLiteral("exit 0"));
    spec.program = inDir(program);
    spec.workingDirectory = inDir(workingDirectory);
    spec.stdoutLogPath = inDir(stdoutLog);

    const std::atomic<bool> cancel{false};
    const ProcessOutcome outcome = runProcess(spec, cancel, nullptr);

    QCOMPARE(outcome.kind, ProcessOutcome::Kind::StartFailed);
    QCOMPARE(outcome.error, inDir(error));
    QCOMPARE(outcome.describe(), outcome.error);
    QVERIFY(!outcome.succeeded());
}

void TestExecutor::childGetsOnlyStdio()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // A descriptor without close-on-exec, as a careless library might leave open.
    const int nullFd = ::open("/dev/null", O_RDONLY);
    QVERIFY(nullFd >= 0);
    const int leakedFd = fcntl(nullFd, F_DUPFD, 50);
    ::close(nullFd);
    QVERIFY(leakedFd >= 50);
    const auto closeLeaked = qScopeGuard([&] { ::close(leakedFd); });

    ProcessSpec spec = shellSpec(dir, {});
    spec.program = QStringLiteral("/usr/bin/ls");
    spec.arguments = {QStringLiteral("/proc/self/fd")};
    const std::atomic<bool> cancel{false};
    QVERIFY(runProcess(spec, cancel, nullptr).succeeded());

    // 3 is the directory that ls itself opens to list /proc/self/fd.
    const QSet<QByteArray> expected = {"0", "1", "2", "3"};
    QCOMPARE(lineSet(readFile(spec.stdoutLogPath)), expected);

    spec.program = QStringLiteral("/usr/bin/readlink");
    spec.arguments = {QStringLiteral("/proc/self/fd/0")};
    QVERIFY(QFile::remove(spec.stdoutLogPath));
    QVERIFY(runProcess(spec, cancel, nullptr).succeeded());
    QCOMPARE(readFile(spec.stdoutLogPath), QByteArray("/dev/null\n"));
}

void TestExecutor::childHasOwnProcessGroup()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // Field 5 of /proc/PID/stat is the process group id; cut inherits the shell's group.
    const ProcessSpec spec = shellSpec(dir, QStringLiteral("echo $$; cut -d' ' -f5 /proc/self/stat"));

    const std::atomic<bool> cancel{false};
    QVERIFY(runProcess(spec, cancel, nullptr).succeeded());

    const QList<QByteArray> lines = readFile(spec.stdoutLogPath).trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    const QByteArray shellPid = lines.at(0);
    const QByteArray groupId = lines.at(1);
    QCOMPARE(groupId, shellPid);
    QVERIFY(groupId.toInt() != int(getpgrp()));
}

void TestExecutor::childSignalStateIsReset()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());

    // Ignored dispositions and the signal mask survive execve(), so the executor has to
    // reset them. The mask is per thread, and the child is forked from this thread.
    struct sigaction ignore {};
    ignore.sa_handler = SIG_IGN;
    struct sigaction oldPipe {};
    struct sigaction oldInt {};
    QCOMPARE(sigaction(SIGPIPE, &ignore, &oldPipe), 0);
    QCOMPARE(sigaction(SIGINT, &ignore, &oldInt), 0);
    sigset_t usr1;
    sigset_t oldMask;
    sigemptyset(&usr1);
    sigaddset(&usr1, SIGUSR1);
    QCOMPARE(pthread_sigmask(SIG_BLOCK, &usr1, &oldMask), 0);
    const auto restore = qScopeGuard([&] {
        sigaction(SIGPIPE, &oldPipe, nullptr);
        sigaction(SIGINT, &oldInt, nullptr);
        pthread_sigmask(SIG_SETMASK, &oldMask, nullptr);
    });

    ProcessSpec spec = shellSpec(dir, {});
    spec.program = QStringLiteral("/usr/bin/grep");
    spec.arguments = {QStringLiteral("-E"), QStringLiteral("^Sig(Blk|Ign):"),
                      QStringLiteral("/proc/self/status")};
    const std::atomic<bool> cancel{false};
    QVERIFY(runProcess(spec, cancel, nullptr).succeeded());

    quint64 blocked = ~0ULL;
    quint64 ignored = ~0ULL;
    for (const QByteArray& line : readFile(spec.stdoutLogPath).split('\n')) {
        const QByteArray value = line.mid(line.indexOf(':') + 1).trimmed();
        if (line.startsWith("SigBlk:"))
            blocked = value.toULongLong(nullptr, 16);
        else if (line.startsWith("SigIgn:"))
            ignored = value.toULongLong(nullptr, 16);
    }
    QCOMPARE(blocked, 0ULL);
    QCOMPARE(ignored & (1ULL << (SIGPIPE - 1)), 0ULL);
    QCOMPARE(ignored & (1ULL << (SIGINT - 1)), 0ULL);
}

void TestExecutor::timeoutEndsProcessTree()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // The script writes both pids first, well within the 1 s before the timeout.
    ProcessSpec spec = shellSpec(
        dir, QStringLiteral("sleep 300 & echo $! > child.pid; echo $$ > shell.pid; sleep 300"));
    spec.timeoutS = 1;

    BackgroundRun run(spec);
    QVERIFY2(run.waitFinished(), "runProcess did not return");

    QCOMPARE(run.outcome().kind, ProcessOutcome::Kind::TimedOut);
    QCOMPARE(run.outcome().describe(), QStringLiteral("timed out after 1 s"));
    const pid_t shellPid = readPid(dir.filePath(QStringLiteral("shell.pid")));
    const pid_t childPid = readPid(dir.filePath(QStringLiteral("child.pid")));
    QVERIFY(shellPid > 0);
    QVERIFY(childPid > 0);
    QTRY_VERIFY_WITH_TIMEOUT(processEnded(shellPid), kProcessGoneBoundMs);
    QTRY_VERIFY_WITH_TIMEOUT(processEnded(childPid), kProcessGoneBoundMs);
}

void TestExecutor::cancelEndsProcessTree()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const ProcessSpec spec = shellSpec(
        dir, QStringLiteral("sleep 300 & echo $! > child.pid; echo $$ > shell.pid; "
                            "echo running; touch ready; sleep 300"));
    const QString ready = dir.filePath(QStringLiteral("ready"));

    BackgroundRun run(spec);
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(ready), kRunBoundMs);
    run.cancel();
    QVERIFY2(run.waitFinished(), "runProcess did not return after cancel");

    QCOMPARE(run.outcome().kind, ProcessOutcome::Kind::Cancelled);
    QCOMPARE(run.outcome().describe(), QStringLiteral("cancelled"));
    QCOMPARE(run.sink().stdoutData, QByteArray("running\n"));
    const pid_t shellPid = readPid(dir.filePath(QStringLiteral("shell.pid")));
    const pid_t childPid = readPid(dir.filePath(QStringLiteral("child.pid")));
    QVERIFY(shellPid > 0);
    QVERIFY(childPid > 0);
    QTRY_VERIFY_WITH_TIMEOUT(processEnded(shellPid), kProcessGoneBoundMs);
    QTRY_VERIFY_WITH_TIMEOUT(processEnded(childPid), kProcessGoneBoundMs);
}

void TestExecutor::cancelBeforeStartRunsNothing()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const ProcessSpec spec = shellSpec(dir, QStringLiteral("touch started"));

    const std::atomic<bool> cancel{true};
    const ProcessOutcome outcome = runProcess(spec, cancel, nullptr);

    QCOMPARE(outcome.kind, ProcessOutcome::Kind::Cancelled);
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("started"))));
}

void TestExecutor::ignoredSigtermEscalatesToSigkill()
{
    // The shell and its background child ignore SIGTERM (an ignored disposition is
    // inherited), so only the SIGKILL after the grace period ends them.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ProcessSpec spec = shellSpec(
        dir, QStringLiteral("trap '' TERM; sleep 300 & echo $! > child.pid; echo $$ > shell.pid; "
                            "touch ready; wait"));
    spec.graceMs = 200;
    const QString ready = dir.filePath(QStringLiteral("ready"));

    BackgroundRun run(spec);
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(ready), kRunBoundMs);
    run.cancel();
    QVERIFY2(run.waitFinished(), "runProcess did not return after cancel");

    QCOMPARE(run.outcome().kind, ProcessOutcome::Kind::Cancelled);
    QCOMPARE(run.outcome().signal, int(SIGKILL));
    const pid_t childPid = readPid(dir.filePath(QStringLiteral("child.pid")));
    QVERIFY(childPid > 0);
    QTRY_VERIFY_WITH_TIMEOUT(processEnded(childPid), kProcessGoneBoundMs);
}

void TestExecutor::backgroundChildDoesNotBlockExit()
{
    // The background sleep holds the write ends of both pipes; runProcess must not wait
    // for their end of file while it lives.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const ProcessSpec spec =
        shellSpec(dir, QStringLiteral("sleep 300 & echo $! > child.pid; echo done; exit 0"));

    BackgroundRun run(spec);
    QVERIFY2(run.waitFinished(), "runProcess did not return");

    QVERIFY2(run.outcome().succeeded(), qPrintable(run.outcome().describe()));
    QCOMPARE(readFile(spec.stdoutLogPath), QByteArray("done\n"));
    const pid_t childPid = readPid(dir.filePath(QStringLiteral("child.pid")));
    QVERIFY(childPid > 0);
    QTRY_VERIFY_WITH_TIMEOUT(processEnded(childPid), kProcessGoneBoundMs);
}

void TestExecutor::escapedChildDoesNotBlockExit()
{
    // setsid moves the child out of the process group, so killing the group misses it and
    // it keeps the pipes open; runProcess must still return.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString pidFile = dir.filePath(QStringLiteral("escaped.pid"));
    const ProcessSpec spec = shellSpec(
        dir, QStringLiteral("setsid sh -c 'echo $$ > escaped.pid.tmp && mv escaped.pid.tmp "
                            "escaped.pid; exec sleep 300' & "
                            "while [ ! -e escaped.pid ]; do sleep 0.01; done; echo done"));
    const auto killEscaped = qScopeGuard([&] {
        const pid_t pid = readPid(pidFile);
        if (pid > 0) {
            ::kill(pid, SIGKILL);
            waitpid(pid, nullptr, 0);
        }
    });

    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("stopped reading the output of")));

    BackgroundRun run(spec);
    QVERIFY2(run.waitFinished(), "runProcess did not return");

    QVERIFY2(run.outcome().succeeded(), qPrintable(run.outcome().describe()));
    QCOMPARE(readFile(spec.stdoutLogPath), QByteArray("done\n"));
    const pid_t escapedPid = readPid(pidFile);
    QVERIFY(escapedPid > 0);
    QVERIFY2(!processEnded(escapedPid), "the escaped child should outlive the group kill");
}

void TestExecutor::concurrentRunsComplete()
{
    // Each step waits until all steps have started, so the runs overlap for certain.
    const int runCount = 4;
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString barrier = QStringLiteral(
        "touch %1.ready; n=0; for i in 0 1 2 3; do "
        "while [ ! -e $i.ready ] && [ $n -lt 6000 ]; do sleep 0.01; n=$((n+1)); done; done; "
        "echo \"step %1 out\"; echo \"step %1 err\" >&2; [ $n -lt 6000 ] && exit %2");

    std::vector<ProcessSpec> specs;
    for (int i = 0; i < runCount; ++i) {
        ProcessSpec spec = shellSpec(dir, barrier.arg(i).arg(10 + i));
        spec.stdoutLogPath = dir.filePath(QStringLiteral("stdout-%1.log").arg(i));
        spec.stderrLogPath = dir.filePath(QStringLiteral("stderr-%1.log").arg(i));
        specs.push_back(spec);
    }
    std::vector<ProcessOutcome> outcomes(runCount);
    std::vector<RecordingSink> sinks(runCount);
    const std::atomic<bool> cancel{false};

    QThreadPool pool;
    pool.setMaxThreadCount(runCount);
    for (int i = 0; i < runCount; ++i)
        pool.start([&, i] { outcomes[i] = runProcess(specs[i], cancel, &sinks[i]); });
    QVERIFY2(pool.waitForDone(kRunBoundMs), "runProcess did not return");

    for (int i = 0; i < runCount; ++i) {
        const QByteArray out = QStringLiteral("step %1 out\n").arg(i).toUtf8();
        const QByteArray err = QStringLiteral("step %1 err\n").arg(i).toUtf8();
        QCOMPARE(outcomes[i].kind, ProcessOutcome::Kind::Exited);
        QCOMPARE(outcomes[i].exitCode, 10 + i);
        QCOMPARE(readFile(specs[i].stdoutLogPath), out);
        QCOMPARE(readFile(specs[i].stderrLogPath), err);
        QCOMPARE(sinks[i].stdoutData, out);
        QCOMPARE(sinks[i].stderrData, err);
    }
}

void TestExecutor::ignoredSigchldDoesNotHang()
{
    // With SIGCHLD ignored the kernel reaps children itself, so no exit status is left to
    // wait for; runProcess must return without reporting success.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    struct sigaction ignore {};
    ignore.sa_handler = SIG_IGN;
    struct sigaction oldChld {};
    QCOMPARE(sigaction(SIGCHLD, &ignore, &oldChld), 0);
    const auto restore = qScopeGuard([&] { sigaction(SIGCHLD, &oldChld, nullptr); });
    const ProcessSpec spec = shellSpec(dir, QStringLiteral("echo out; exit 0"));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("lost the exit status")));

    BackgroundRun run(spec);
    QVERIFY2(run.waitFinished(), "runProcess did not return");

    QCOMPARE(run.outcome().kind, ProcessOutcome::Kind::StartFailed);
    QVERIFY(!run.outcome().succeeded());
    QCOMPARE(run.outcome().error,
             QStringLiteral("cannot get the exit status of /bin/sh: No child processes"));
    QCOMPARE(readFile(spec.stdoutLogPath), QByteArray("out\n"));
}

QTEST_GUILESS_MAIN(TestExecutor)
#include "tst_executor.moc"
