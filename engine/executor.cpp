#include "executor.h"

#include "logging.h"

#include <QCoreApplication>
#include <QFile>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <optional>
#include <vector>

#include <fcntl.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef SYS_close_range
#define SYS_close_range 436
#endif
#ifndef SYS_pidfd_open
#define SYS_pidfd_open 434
#endif

namespace cairn {
namespace {

using Clock = std::chrono::steady_clock;

// Maximum wait between two checks of the cancel flag, the timeout and the process state.
constexpr int kPollIntervalMs = 50;
// How long output is still read after the main process ended and its group was killed.
// Normally only a process that left the group (setsid, setpgid) keeps a pipe open that long.
constexpr std::chrono::milliseconds kDrainAfterExit{2000};
constexpr size_t kReadChunkSize = 64 * 1024;

QString errorText(int error)
{
    char buffer[256];
    // The GNU strerror_r() is thread-safe and returns a pointer to the text.
    return QString::fromLocal8Bit(strerror_r(error, buffer, sizeof buffer));
}

// Owns one file descriptor and closes it on destruction.
class Fd {
public:
    Fd() = default;
    explicit Fd(int fd) : m_fd(fd) {}
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    ~Fd() { reset(); }

    int get() const { return m_fd; }
    bool isValid() const { return m_fd >= 0; }
    void reset(int fd = -1)
    {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = fd;
    }

private:
    int m_fd = -1;
};

// Repeats a system call that a signal interrupted.
template <typename Call>
auto retryOnInterrupt(Call call)
{
    decltype(call()) result;
    do {
        result = call();
    } while (result < 0 && errno == EINTR);
    return result;
}

// Moves fd to a number of 3 or more, so that the child's dup2() onto 0, 1 and 2 cannot
// overwrite it. Only a parent started with a closed standard stream gets such low numbers.
bool moveAboveStdio(Fd& fd)
{
    if (fd.get() > 2)
        return true;
    const int moved = fcntl(fd.get(), F_DUPFD_CLOEXEC, 3);
    if (moved < 0)
        return false;
    fd.reset(moved);
    return true;
}

// Creates a pipe whose two ends are close-on-exec and above the standard streams.
bool makePipe(Fd* readEnd, Fd* writeEnd)
{
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0)
        return false;
    readEnd->reset(fds[0]);
    writeEnd->reset(fds[1]);
    return moveAboveStdio(*readEnd) && moveAboveStdio(*writeEnd);
}

bool writeAll(int fd, const char* data, size_t size)
{
    while (size > 0) {
        const ssize_t written = retryOnInterrupt([&] { return ::write(fd, data, size); });
        if (written <= 0)
            return false;
        data += written;
        size -= size_t(written);
    }
    return true;
}

// Returns the paths to pass to execve(), in order. That is the program itself when it
// contains a '/' (relative to the working directory), else the program in each folder of the
// environment's PATH. This is execvp()'s search, but on the step's PATH, not the engine's.
QByteArrayList executableCandidates(const QString& program, const QStringList& environment)
{
    const QByteArray name = QFile::encodeName(program);
    if (name.contains('/'))
        return {name};

    // glibc's execvp() uses this list when PATH is unset.
    QByteArray searchPath = "/bin:/usr/bin";
    for (const QString& entry : environment) {
        if (entry.startsWith(QLatin1String("PATH="))) {
            searchPath = QFile::encodeName(entry.mid(5));
            break;
        }
    }

    QByteArrayList candidates;
    for (const QByteArray& folder : searchPath.split(':'))
        candidates.append((folder.isEmpty() ? QByteArray(".") : folder) + '/' + name);
    return candidates;
}

// Failure report that the child sends through the status pipe when it cannot exec the program.
struct ChildFailure {
    enum Step : int { Exec, WorkingDirectory };
    int step = Exec;
    int error = 0;
};

// Everything the child process needs, built before fork() because in a multithreaded parent
// the child may only make async-signal-safe calls, so it must not allocate or take locks.
struct ChildSetup {
    QByteArrayList storage;  // owns the strings that the pointer arrays point into
    std::vector<char*> argv;
    std::vector<char*> envp;
    std::vector<const char*> candidates;
    const char* workingDirectory = nullptr;  // null: keep the parent's
    int devNull = -1;
    int stdoutWrite = -1;
    int stderrWrite = -1;
    int statusWrite = -1;
    int maxFd = 1024;  // upper bound for closing fds when close_range() is missing
    pid_t parentPid = 0;
};

// Appends a copy of text to storage and returns the copy's characters. They stay valid as
// long as storage lives, because growing a QByteArrayList moves the arrays, not their data.
char* storeText(QByteArrayList& storage, const QByteArray& text)
{
    storage.append(text);
    return storage.last().data();
}

void buildChildSetup(const ProcessSpec& spec, ChildSetup* setup)
{
    setup->argv.push_back(storeText(setup->storage, QFile::encodeName(spec.program)));
    for (const QString& argument : spec.arguments)
        setup->argv.push_back(storeText(setup->storage, argument.toLocal8Bit()));
    setup->argv.push_back(nullptr);

    for (const QString& entry : spec.environment)
        setup->envp.push_back(storeText(setup->storage, entry.toLocal8Bit()));
    setup->envp.push_back(nullptr);

    for (const QByteArray& candidate : executableCandidates(spec.program, spec.environment))
        setup->candidates.push_back(storeText(setup->storage, candidate));

    if (!spec.workingDirectory.isEmpty())
        setup->workingDirectory = storeText(setup->storage, QFile::encodeName(spec.workingDirectory));

    const long openMax = sysconf(_SC_OPEN_MAX);
    setup->maxFd = openMax > 0 ? int(std::min(openMax, 1L << 20)) : 1024;
    setup->parentPid = getpid();
}

// --- Child side: only async-signal-safe calls from here to execve(). ---

[[noreturn]] void failChild(const ChildSetup& setup, ChildFailure::Step step, int error)
{
    const ChildFailure failure{step, error};
    // A write of 8 bytes to a pipe is atomic. Nothing useful can be done if it fails.
    [[maybe_unused]] const ssize_t written = ::write(setup.statusWrite, &failure, sizeof failure);
    _exit(127);
}

void closeRange(unsigned first, unsigned last, int maxFd)
{
    if (first > last)
        return;
    if (syscall(SYS_close_range, first, last, 0) == 0)
        return;
    // NOTE: without close_range() (Linux before 5.9) this closes up to RLIMIT_NOFILE fds one
    // by one, which takes noticeable time when the limit is very high.
    for (long fd = first; fd <= long(last) && fd < maxFd; ++fd)
        ::close(int(fd));
}

void resetSignalDispositions()
{
    struct sigaction action {};
    action.sa_handler = SIG_DFL;
    sigemptyset(&action.sa_mask);
    // Fails harmlessly for SIGKILL, SIGSTOP and the signals reserved by the C library.
    for (int signal = 1; signal < NSIG; ++signal)
        sigaction(signal, &action, nullptr);
}

[[noreturn]] void runChild(const ChildSetup& setup)
{
    // All signals are still blocked (see forkChild), so no handler of the parent can run here.
    resetSignalDispositions();

    // An own process group keeps a terminal's SIGINT away and lets the whole tree be killed.
    setpgid(0, 0);
    // The death signal comes when the forking thread exits, and that thread stays in
    // runProcess until this process is reaped.
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != setup.parentPid)
        _exit(127);

    dup2(setup.devNull, STDIN_FILENO);
    dup2(setup.stdoutWrite, STDOUT_FILENO);
    dup2(setup.stderrWrite, STDERR_FILENO);

    if (setup.workingDirectory && chdir(setup.workingDirectory) != 0)
        failChild(setup, ChildFailure::WorkingDirectory, errno);

    // The status pipe stays open until execve() closes it (close-on-exec).
    closeRange(3, unsigned(setup.statusWrite) - 1, setup.maxFd);
    closeRange(unsigned(setup.statusWrite) + 1, ~0U, setup.maxFd);

    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, nullptr);

    // Chooses the error as execvp() does: EACCES if any candidate had it, else the first
    // error that is not "not found".
    int error = ENOENT;
    bool sawAccessDenied = false;
    for (const char* candidate : setup.candidates) {
        execve(candidate, setup.argv.data(), setup.envp.data());
        error = errno;
        if (error == EACCES)
            sawAccessDenied = true;
        else if (error != ENOENT && error != ENOTDIR)
            break;
    }
    if (sawAccessDenied && (error == ENOENT || error == ENOTDIR))
        error = EACCES;
    failChild(setup, ChildFailure::Exec, error);
}

// --- Parent side. ---

// Forks a child that runs setup. Returns its pid, or -1 with errno set.
pid_t forkChild(const ChildSetup& setup)
{
    // Blocking every signal across fork() keeps the parent's handlers from running in the
    // child before it has reset them.
    sigset_t all;
    sigset_t previous;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &previous);

    const pid_t pid = fork();
    if (pid == 0)
        runChild(setup);

    const int forkError = errno;
    pthread_sigmask(SIG_SETMASK, &previous, nullptr);
    errno = forkError;
    return pid;
}

// One output pipe of the process and the log file it is copied to.
struct Stream {
    OutputStream kind;
    QString logPath;
    Fd pipe;  // read end; invalid once at end of file
    Fd log;   // invalid when no log was requested or writing it failed
};

// One run of one process, from fork() to waitpid().
class ProcessRun {
public:
    ProcessRun(const ProcessSpec& spec, const std::atomic<bool>& cancel, OutputSink* sink)
        : m_spec(spec), m_cancel(cancel), m_sink(sink)
    {
    }

    ProcessOutcome run();

private:
    bool openLog(Stream& stream, QString* error);
    bool start(QString* error);
    bool awaitExec(QString* error);
    void supervise();
    void pollOnce(Clock::time_point now);
    void readFrom(Stream& stream);
    bool mainProcessExited();
    void beginTermination(ProcessOutcome::Kind kind, Clock::time_point now);
    void killGroup(int signal);
    ProcessOutcome reap();

    const ProcessSpec& m_spec;
    const std::atomic<bool>& m_cancel;
    OutputSink* m_sink;

    Stream m_streams[2] = {{OutputStream::Stdout, {}, {}, {}}, {OutputStream::Stderr, {}, {}, {}}};
    Fd m_statusRead;
    Fd m_pidFd;  // invalid when pidfd_open() is unavailable or the main process exited
    pid_t m_pid = -1;
    std::vector<char> m_buffer = std::vector<char>(kReadChunkSize);

    bool m_mainExited = false;
    std::optional<ProcessOutcome::Kind> m_termination;  // Cancelled or TimedOut once begun
    std::optional<Clock::time_point> m_deadline;         // set when timeoutS > 0
    Clock::time_point m_killAt;                          // SIGKILL after SIGTERM
    Clock::time_point m_drainUntil;                      // stop reading after the main exit
    bool m_killSent = false;
};

ProcessOutcome outcomeOf(ProcessOutcome::Kind kind, const QString& error = {})
{
    ProcessOutcome outcome;
    outcome.kind = kind;
    outcome.error = error;
    return outcome;
}

namespace {

// Process groups of the steps running now, so that killAllProcessGroups() can reach them
// from a signal handler: a fixed array of lock-free slots, 0 meaning free.
constexpr int kMaxGroups = 1024;
std::atomic<pid_t> g_groups[kMaxGroups];

void registerGroup(pid_t group)
{
    for (std::atomic<pid_t>& slot : g_groups) {
        pid_t expected = 0;
        if (slot.compare_exchange_strong(expected, group))
            return;
    }
}

void unregisterGroup(pid_t group)
{
    for (std::atomic<pid_t>& slot : g_groups) {
        pid_t expected = group;
        if (slot.compare_exchange_strong(expected, 0))
            return;
    }
}

}  // namespace

ProcessOutcome ProcessRun::run()
{
    if (m_cancel.load())
        return outcomeOf(ProcessOutcome::Kind::Cancelled);

    m_streams[0].logPath = m_spec.stdoutLogPath;
    m_streams[1].logPath = m_spec.stderrLogPath;
    QString error;
    if (!openLog(m_streams[0], &error) || !openLog(m_streams[1], &error) || !start(&error))
        return outcomeOf(ProcessOutcome::Kind::StartFailed, error);

    qCDebug(lcExecutor) << "started" << m_spec.program << "pid" << m_pid;
    registerGroup(m_pid);
    supervise();
    const ProcessOutcome outcome = reap();
    unregisterGroup(m_pid);
    return outcome;
}

bool ProcessRun::openLog(Stream& stream, QString* error)
{
    if (stream.logPath.isEmpty())
        return true;
    const QByteArray path = QFile::encodeName(stream.logPath);
    stream.log.reset(::open(path.constData(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644));
    if (stream.log.isValid())
        return true;
    *error = QCoreApplication::translate("Executor", "cannot open log file %1: %2")
                 .arg(stream.logPath, errorText(errno));
    return false;
}

bool ProcessRun::start(QString* error)
{
    const auto fail = [&](int errorNumber) {
        *error = QCoreApplication::translate("Executor", "cannot start %1: %2")
                     .arg(m_spec.program, errorText(errorNumber));
        return false;
    };
    if (m_spec.program.isEmpty()) {
        *error = QCoreApplication::translate("Executor", "cannot start a process: no program given");
        return false;
    }

    Fd devNull(::open("/dev/null", O_RDONLY | O_CLOEXEC));
    Fd stdoutWrite;
    Fd stderrWrite;
    Fd statusWrite;
    if (!devNull.isValid() || !moveAboveStdio(devNull)
        || !makePipe(&m_streams[0].pipe, &stdoutWrite)
        || !makePipe(&m_streams[1].pipe, &stderrWrite)
        || !makePipe(&m_statusRead, &statusWrite))
        return fail(errno);

    ChildSetup setup;
    buildChildSetup(m_spec, &setup);
    setup.devNull = devNull.get();
    setup.stdoutWrite = stdoutWrite.get();
    setup.stderrWrite = stderrWrite.get();
    setup.statusWrite = statusWrite.get();

    m_pid = forkChild(setup);
    if (m_pid < 0)
        return fail(errno);

    // Only the child may hold the write ends, so that the pipes reach end of file when it
    // and its descendants are gone.
    stdoutWrite.reset();
    stderrWrite.reset();
    statusWrite.reset();
    if (!awaitExec(error))
        return false;

    // Non-blocking reads keep the loop from stalling in read(), so cancel and the timeout
    // are still checked at least every 50 ms.
    for (Stream& stream : m_streams)
        fcntl(stream.pipe.get(), F_SETFL, O_NONBLOCK);
    // A pidfd wakes poll() as soon as the process exits; without it (Linux before 5.3)
    // the exit is noticed at the next regular check.
    m_pidFd.reset(int(syscall(SYS_pidfd_open, m_pid, 0)));
    return true;
}

// Waits until the child has called execve(), which closes the status pipe, or has reported
// why it could not.
bool ProcessRun::awaitExec(QString* error)
{
    ChildFailure failure;
    const ssize_t got =
        retryOnInterrupt([&] { return ::read(m_statusRead.get(), &failure, sizeof failure); });
    m_statusRead.reset();

    if (got != ssize_t(sizeof failure))
        return true;

    retryOnInterrupt([&] { return waitpid(m_pid, nullptr, 0); });
    if (failure.step == ChildFailure::WorkingDirectory) {
        *error = QCoreApplication::translate("Executor", "working directory %1: %2")
                     .arg(m_spec.workingDirectory, errorText(failure.error));
    } else {
        *error = QCoreApplication::translate("Executor", "cannot start %1: %2")
                     .arg(m_spec.program, errorText(failure.error));
    }
    return false;
}

// Copies output until the main process has ended and the pipes are drained, ending the
// process group on cancel or timeout on the way.
void ProcessRun::supervise()
{
    const Clock::time_point started = Clock::now();
    if (m_spec.timeoutS > 0) {
        m_deadline = started
            + std::chrono::duration_cast<Clock::duration>(
                std::chrono::duration<double>(m_spec.timeoutS));
    }

    for (;;) {
        pollOnce(Clock::now());
        const Clock::time_point now = Clock::now();

        // Checked before cancel and timeout, so a process that ended on its own in the
        // meantime keeps its exit status.
        if (!m_mainExited && mainProcessExited()) {
            m_mainExited = true;
            m_pidFd.reset();
            killGroup(SIGKILL);
            m_drainUntil = now + kDrainAfterExit;
        }

        if (!m_mainExited && !m_termination) {
            if (m_cancel.load())
                beginTermination(ProcessOutcome::Kind::Cancelled, now);
            else if (m_deadline && now >= *m_deadline)
                beginTermination(ProcessOutcome::Kind::TimedOut, now);
        }
        if (m_termination && !m_mainExited && !m_killSent && now >= m_killAt) {
            killGroup(SIGKILL);
            m_killSent = true;
        }

        const bool pipesClosed = !m_streams[0].pipe.isValid() && !m_streams[1].pipe.isValid();
        if (m_mainExited && (pipesClosed || now >= m_drainUntil))
            break;
    }

    if (m_streams[0].pipe.isValid() || m_streams[1].pipe.isValid())
        qCWarning(lcExecutor) << "stopped reading the output of" << m_spec.program
                              << "because a process outside its process group keeps it open";
}

// Waits for output, the main process's exit or the next check, then reads what arrived.
void ProcessRun::pollOnce(Clock::time_point now)
{
    // Wake up for whichever comes first: the regular check, the timeout, SIGKILL or the
    // end of draining.
    Clock::time_point wakeAt = now + std::chrono::milliseconds(kPollIntervalMs);
    if (m_deadline && !m_termination)
        wakeAt = std::min(wakeAt, *m_deadline);
    if (m_termination && !m_killSent)
        wakeAt = std::min(wakeAt, m_killAt);
    if (m_mainExited)
        wakeAt = std::min(wakeAt, m_drainUntil);
    const auto waitMs = std::chrono::ceil<std::chrono::milliseconds>(wakeAt - now).count();

    pollfd fds[3];
    Stream* owners[3] = {};
    nfds_t count = 0;
    for (Stream& stream : m_streams) {
        if (stream.pipe.isValid()) {
            owners[count] = &stream;
            fds[count++] = {stream.pipe.get(), POLLIN, 0};
        }
    }
    if (m_pidFd.isValid())
        fds[count++] = {m_pidFd.get(), POLLIN, 0};

    if (poll(fds, count, int(std::max<long long>(waitMs, 0))) <= 0)
        return;
    for (nfds_t i = 0; i < count; ++i) {
        if (owners[i] && fds[i].revents != 0)
            readFrom(*owners[i]);
    }
}

void ProcessRun::readFrom(Stream& stream)
{
    const ssize_t got = ::read(stream.pipe.get(), m_buffer.data(), m_buffer.size());
    if (got < 0 && (errno == EINTR || errno == EAGAIN))
        return;
    if (got <= 0) {
        stream.pipe.reset();
        return;
    }

    if (stream.log.isValid() && !writeAll(stream.log.get(), m_buffer.data(), size_t(got))) {
        // NOTE: the process keeps running and its output still reaches the sink; only the
        // log file misses the rest.
        const QString reason = errorText(errno);
        qCWarning(lcExecutor) << "cannot write log file" << stream.logPath << ":" << reason
                              << "- the rest of the output is not logged";
        stream.log.reset();
    }
    if (m_sink)
        m_sink->output(stream.kind, QByteArray(m_buffer.data(), qsizetype(got)));
}

// Checks without reaping: the unreaped zombie keeps its pid, and so the process group id,
// from being reused while the group may still be signalled.
bool ProcessRun::mainProcessExited()
{
    siginfo_t info {};
    const int result = retryOnInterrupt(
        [&] { return waitid(P_PID, id_t(m_pid), &info, WEXITED | WNOHANG | WNOWAIT); });
    // ECHILD: the process is gone without a status, because the engine's process ignores
    // SIGCHLD (the kernel then reaps children itself) or another waitpid() reaped it.
    return (result == 0 && info.si_pid == m_pid) || (result < 0 && errno == ECHILD);
}

void ProcessRun::beginTermination(ProcessOutcome::Kind kind, Clock::time_point now)
{
    qCDebug(lcExecutor) << "ending" << m_spec.program << "pid" << m_pid
                        << (kind == ProcessOutcome::Kind::Cancelled ? "on cancel" : "on timeout");
    m_termination = kind;
    killGroup(SIGTERM);
    m_killAt = now + std::chrono::milliseconds(std::max(m_spec.graceMs, 0));
}

void ProcessRun::killGroup(int signal)
{
    // ESRCH only means that the group is already empty.
    if (::kill(-m_pid, signal) == 0 || errno == ESRCH)
        return;
    const QString reason = errorText(errno);
    qCWarning(lcExecutor) << "cannot send signal" << signal << "to process group" << m_pid << ":"
                          << reason;
}

ProcessOutcome ProcessRun::reap()
{
    int status = 0;
    if (retryOnInterrupt([&] { return waitpid(m_pid, &status, 0); }) < 0) {
        const QString reason = errorText(errno);
        qCWarning(lcExecutor) << "lost the exit status of" << m_spec.program << "pid" << m_pid
                              << ":" << reason;
        return outcomeOf(ProcessOutcome::Kind::StartFailed,
                         QCoreApplication::translate("Executor", "cannot get the exit status of %1: %2")
                             .arg(m_spec.program, reason));
    }

    ProcessOutcome outcome;
    if (WIFEXITED(status)) {
        outcome.kind = ProcessOutcome::Kind::Exited;
        outcome.exitCode = WEXITSTATUS(status);
    } else if (WIFSIGNALED(status)) {
        outcome.kind = ProcessOutcome::Kind::Signaled;
        outcome.signal = WTERMSIG(status);
    }
    // exitCode and signal keep the values from the wait status, also on cancel and timeout.
    if (m_termination)
        outcome.kind = *m_termination;
    if (outcome.kind == ProcessOutcome::Kind::TimedOut)
        outcome.timeoutS = m_spec.timeoutS;

    qCDebug(lcExecutor) << m_spec.program << "pid" << m_pid << outcome.describe();
    return outcome;
}

}  // namespace

QString ProcessOutcome::describe() const
{
    return message().text();
}

Message ProcessOutcome::message() const
{
    const auto executor = [](const char* source) { return Message("Executor", source); };
    switch (kind) {
    case Kind::Exited:
        return executor(QT_TRANSLATE_NOOP("Executor", "exited with status %1")).arg(exitCode);
    case Kind::Signaled:
        // sigdescr_np() gives strsignal()'s text without its shared buffer.
        if (const char* name = sigdescr_np(signal)) {
            return executor(QT_TRANSLATE_NOOP("Executor", "killed by signal %1 (%2)"))
                .arg(signal)
                .arg(QString::fromUtf8(name));
        }
        return executor(QT_TRANSLATE_NOOP("Executor", "killed by signal %1")).arg(signal);
    case Kind::TimedOut:
        return executor(QT_TRANSLATE_NOOP("Executor", "timed out after %1 s"))
            .arg(QString::number(timeoutS));
    case Kind::Cancelled:
        return executor(QT_TRANSLATE_NOOP("Executor", "cancelled"));
    case Kind::StartFailed:
        return Message::plain(error);
    }
    return Message::plain(error);
}

ProcessOutcome runProcess(const ProcessSpec& spec, const std::atomic<bool>& cancel,
                          OutputSink* sink)
{
    ProcessRun run(spec, cancel, sink);
    return run.run();
}

void killAllProcessGroups()
{
    for (std::atomic<pid_t>& slot : g_groups) {
        const pid_t group = slot.load();
        if (group > 0)
            ::kill(-group, SIGKILL);
    }
}

}  // namespace cairn
