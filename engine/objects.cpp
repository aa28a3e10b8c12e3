// The store's files: content-addressed objects (ingest and materialize), the log and
// scratch folders of attempts, gc, and statistics.

#include "store.h"

#include "logging.h"
#include "store_p.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>

#include <fcntl.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace cairn {

using namespace storedb;

namespace {

// Translation context of this file's messages.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(Store)
};

QString systemError(int code)
{
    return QString::fromLocal8Bit(std::strerror(code));
}

QByteArray nativePath(const QString& path)
{
    return QFile::encodeName(path);
}

// Objects are read-only for everyone. Materialized copies that the user may edit are
// writable by the owner.
mode_t objectMode(bool executable)
{
    return executable ? 0555 : 0444;
}

mode_t editableMode(bool executable)
{
    return executable ? 0755 : 0644;
}

bool isDigest(const QString& text)
{
    if (text.size() != 64)
        return false;
    return std::all_of(text.cbegin(), text.cend(), [](QChar c) {
        return (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
            || (c >= QLatin1Char('a') && c <= QLatin1Char('f'));
    });
}

// Owns a file descriptor.
class FileDescriptor {
public:
    explicit FileDescriptor(int fd) : m_fd(fd) {}
    ~FileDescriptor()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;

    int get() const { return m_fd; }
    bool isValid() const { return m_fd >= 0; }
    // Closes now, returning false (with errno set) when a delayed write error shows up.
    bool close()
    {
        const int fd = m_fd;
        m_fd = -1;
        return ::close(fd) == 0;
    }

private:
    int m_fd;
};

// Copies all of in into the empty file out: a reflink where the filesystem shares extents
// (Btrfs, XFS), else copy_file_range(2) inside the kernel, else read and write. On failure
// returns the errno value, else 0.
int copyContents(int in, int out)
{
    if (::ioctl(out, FICLONE, in) == 0)
        return 0;

    for (;;) {
        const ssize_t copied = ::copy_file_range(in, nullptr, out, nullptr, size_t(1) << 30, 0);
        if (copied == 0)
            return 0;
        if (copied > 0 || errno == EINTR)
            continue;
        if (errno != EXDEV && errno != ENOSYS && errno != EINVAL && errno != EOPNOTSUPP)
            return errno;
        break;  // not supported here; the loop below continues from the current offsets
    }

    constexpr size_t kBlockSize = 1 << 20;
    const std::unique_ptr<char[]> buffer(new char[kBlockSize]);
    for (;;) {
        const ssize_t count = ::read(in, buffer.get(), kBlockSize);
        if (count == 0)
            return 0;
        if (count < 0) {
            if (errno == EINTR)
                continue;
            return errno;
        }
        for (ssize_t written = 0; written < count;) {
            const ssize_t n = ::write(out, buffer.get() + written, size_t(count - written));
            if (n < 0 && errno != EINTR)
                return errno;
            written += std::max<ssize_t>(n, 0);
        }
    }
}

// Copies the file at source into out, a new empty file that will be named target, and sets
// its mode. With sync, it also flushes the file to disk.
bool copyInto(const QString& source, int out, mode_t mode, bool sync, const QString& target,
              QString* error)
{
    const FileDescriptor in(::open(nativePath(source).constData(), O_RDONLY | O_CLOEXEC));
    int code = in.isValid() ? copyContents(in.get(), out) : errno;
    if (code == 0 && ::fchmod(out, mode) != 0)
        code = errno;
    if (code == 0 && sync && ::fsync(out) != 0)
        code = errno;
    if (code != 0) {
        *error = Text::tr("cannot copy %1 to %2: %3").arg(source, target, systemError(code));
        return false;
    }
    return true;
}

// Creates a file with a new unique name in folder, open for writing.
int createTemporaryFile(const QString& folder, QString* path)
{
    for (int tries = 0; tries < 100; ++tries) {
        const quint64 random = QRandomGenerator::global()->generate64();
        *path = folder + QStringLiteral("/.tmp-%1").arg(random, 16, 16, QLatin1Char('0'));
        const int fd = ::open(nativePath(*path).constData(),
                              O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd >= 0 || errno != EEXIST)
            return fd;
    }
    errno = EEXIST;
    return -1;
}

enum class MoveResult { Moved, NotMoved, Failed };

// Renames the file at path to objectFile after making it read-only. NotMoved means the
// caller should copy instead: objectFile is on another filesystem, or the mode cannot be
// changed.
MoveResult moveIntoStore(const QString& path, const QString& objectFile, mode_t mode,
                         QString* error)
{
    // The data is flushed before the object's name exists, so a power failure cannot leave
    // a truncated file under a digest that the database records.
    const FileDescriptor file(::open(nativePath(path).constData(), O_RDONLY | O_CLOEXEC));
    if (!file.isValid() || ::fsync(file.get()) != 0 || ::fchmod(file.get(), mode) != 0)
        return MoveResult::NotMoved;

    if (::rename(nativePath(path).constData(), nativePath(objectFile).constData()) == 0)
        return MoveResult::Moved;
    if (errno == EXDEV)
        return MoveResult::NotMoved;
    *error = Text::tr("cannot move %1 into the store as %2: %3")
                 .arg(path, objectFile, systemError(errno));
    return MoveResult::Failed;
}

void removeSource(const QString& path)
{
    if (::unlink(nativePath(path).constData()) != 0 && errno != ENOENT)
        qCWarning(lcStore) << "cannot remove" << path << "after storing it:"
                           << systemError(errno);
}

// Creates dest as a reflink of source with the given mode. Returns false where the
// filesystem has no reflinks.
bool reflink(const QString& source, const QString& dest, mode_t mode)
{
    const FileDescriptor in(::open(nativePath(source).constData(), O_RDONLY | O_CLOEXEC));
    FileDescriptor out(::open(nativePath(dest).constData(),
                              O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
    if (!in.isValid() || !out.isValid())
        return false;
    if (::ioctl(out.get(), FICLONE, in.get()) == 0 && ::fchmod(out.get(), mode) == 0
        && out.close())
        return true;
    ::unlink(nativePath(dest).constData());
    return false;
}

bool removeExistingFile(const QString& path, QString* error)
{
    struct stat status;
    if (::lstat(nativePath(path).constData(), &status) != 0)
        return true;  // nothing there
    if (S_ISDIR(status.st_mode)) {
        *error = Text::tr("cannot replace the folder %1 with a file; move or remove the folder")
                     .arg(path);
        return false;
    }
    if (::unlink(nativePath(path).constData()) != 0) {
        *error = Text::tr("cannot replace %1: %2").arg(path, systemError(errno));
        return false;
    }
    return true;
}

// Removes a file or a folder with everything in it. Folders are made writable first,
// because steps may leave read-only folders behind.
bool removeTree(const QString& path)
{
    const QFileInfo info(path);
    if (!info.isDir() || info.isSymLink())
        return ::unlink(nativePath(path).constData()) == 0 || errno == ENOENT;

    ::chmod(nativePath(path).constData(), 0700);
    bool removed = true;
    const QStringList entries = QDir(path).entryList(
        QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    for (const QString& entry : entries)
        removed = removeTree(path + QLatin1Char('/') + entry) && removed;
    return ::rmdir(nativePath(path).constData()) == 0 && removed;
}

// Counts, and unless dryRun removes, every file under objectsDir that is not an object
// named by keptDigests: objects of removed step runs, and files left by killed processes.
bool sweepObjects(const QString& objectsDir, const QSet<QString>& keptDigests, bool dryRun,
                  GcReport* report, QString* error)
{
    QDirIterator it(objectsDir, QDir::Files | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString relative = path.mid(objectsDir.size() + 1);  // "ab/cdef…"
        const bool objectShape = relative.size() == 65 && relative.at(2) == QLatin1Char('/');
        if (objectShape && keptDigests.contains(relative.left(2) + relative.mid(3)))
            continue;

        report->objectsRemoved += 1;
        report->bytesFreed += it.fileInfo().size();
        if (!dryRun && ::unlink(nativePath(path).constData()) != 0) {
            *error = Text::tr("cannot remove %1: %2").arg(path, systemError(errno));
            return false;
        }
    }
    return true;
}

// Returns the bytes of the regular files under dir, 0 when it does not exist.
qint64 treeBytes(const QString& dir)
{
    qint64 bytes = 0;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        bytes += it.fileInfo().size();
    }
    return bytes;
}

// Removes the log folders of removed runs and everything under tmp/.
void removeLogsAndScratch(const QString& root, const QList<qint64>& removedRuns)
{
    for (qint64 number : removedRuns) {
        const QString logs = root + QLatin1String("/runs/") + QString::number(number);
        if (QFileInfo::exists(logs) && !removeTree(logs))
            qCWarning(lcStore) << "cannot remove all logs of run" << number << "in" << logs;
    }

    const QString scratch = root + QLatin1String("/tmp");
    const QStringList entries = QDir(scratch).entryList(
        QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    for (const QString& entry : entries) {
        if (!removeTree(scratch + QLatin1Char('/') + entry))
            qCWarning(lcStore) << "cannot remove all of" << scratch + QLatin1Char('/') + entry;
    }
}

}  // namespace

QString Store::objectPath(const QString& digest) const
{
    return QStringLiteral("%1/objects/%2/%3").arg(m_dir, digest.left(2), digest.mid(2));
}

bool Store::hasObject(const QString& digest) const
{
    return isDigest(digest) && QFileInfo::exists(objectPath(digest));
}

bool Store::ingestFile(const QString& path, bool move, ArtifactRecord* artifact,
                       QString* error) const
{
    // lstat, so that a symbolic link is reported instead of being renamed into the store.
    struct stat status;
    if (::lstat(nativePath(path).constData(), &status) != 0) {
        *error = Text::tr("cannot read %1: %2").arg(path, systemError(errno));
        return false;
    }
    if (!S_ISREG(status.st_mode)) {
        *error = Text::tr("cannot store %1: only regular files can be artifacts").arg(path);
        return false;
    }
    const bool executable = (status.st_mode & S_IXUSR) != 0;
    QString digest;
    qint64 size = 0;
    if (!hashFile(path, &digest, &size, error))
        return false;
    artifact->digest = digest;
    artifact->size = size;
    artifact->executable = executable;

    // Identical content is stored once.
    const QString objectFile = objectPath(digest);
    if (QFileInfo::exists(objectFile)) {
        if (move)
            removeSource(path);
        return true;
    }
    const QString folder = QFileInfo(objectFile).path();
    if (!QDir().mkpath(folder)) {
        *error = Text::tr("cannot create the store folder %1; check its permissions").arg(folder);
        return false;
    }

    // A file with other hard links is copied: renaming it would make a file that is still
    // reachable elsewhere, such as a project file linked into the output folder, an object.
    if (move && status.st_nlink == 1) {
        const MoveResult moved = moveIntoStore(path, objectFile, objectMode(executable), error);
        if (moved != MoveResult::NotMoved)
            return moved == MoveResult::Moved;
    }

    // Copy into a temporary file beside the object and rename it into place, so the object
    // appears whole or not at all, even to other processes.
    QString temporary;
    FileDescriptor out(createTemporaryFile(folder, &temporary));
    if (!out.isValid()) {
        *error = Text::tr("cannot create a file in %1: %2").arg(folder, systemError(errno));
        return false;
    }
    const bool copied = copyInto(path, out.get(), objectMode(executable), true, objectFile, error);
    if (!copied || !out.close()
        || ::rename(nativePath(temporary).constData(), nativePath(objectFile).constData()) != 0) {
        if (copied)
            *error = Text::tr("cannot store %1 as %2: %3").arg(path, objectFile, systemError(errno));
        ::unlink(nativePath(temporary).constData());
        return false;
    }
    if (move)
        removeSource(path);
    return true;
}

bool Store::materialize(const QString& digest, const QString& dest, bool linkOk,
                        bool executable, QString* error) const
{
    const QString source = objectPath(digest);
    struct stat objectStatus;
    if (!isDigest(digest) || ::stat(nativePath(source).constData(), &objectStatus) != 0) {
        *error = Text::tr("object %1 for %2 is missing from the store %3; run the step that "
                    "produced it again, for example with --force")
                     .arg(digest, dest, m_dir);
        return false;
    }
    const QString folder = QFileInfo(dest).absolutePath();
    if (!QDir().mkpath(folder)) {
        *error = Text::tr("cannot create the folder %1; check its permissions").arg(folder);
        return false;
    }
    if (!removeExistingFile(dest, error))
        return false;

    // A hard link is the object itself, so it is used only when the caller promises not to
    // write (linkOk) and the object's executable bit is the one requested.
    if (linkOk) {
        if (reflink(source, dest, objectMode(executable)))
            return true;
        const bool objectExecutable = (objectStatus.st_mode & S_IXUSR) != 0;
        if (objectExecutable == executable
            && ::link(nativePath(source).constData(), nativePath(dest).constData()) == 0)
            return true;
    }

    // copyInto tries a reflink first, which is still a private copy.
    FileDescriptor out(::open(nativePath(dest).constData(),
                              O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
    if (!out.isValid()) {
        *error = Text::tr("cannot create %1: %2").arg(dest, systemError(errno));
        return false;
    }
    const mode_t mode = linkOk ? objectMode(executable) : editableMode(executable);
    if (!copyInto(source, out.get(), mode, false, dest, error)) {
        ::unlink(nativePath(dest).constData());
        return false;
    }
    if (!out.close()) {
        *error = Text::tr("cannot write %1: %2").arg(dest, systemError(errno));
        ::unlink(nativePath(dest).constData());
        return false;
    }
    return true;
}

QString Store::logDirectory(qint64 run, const QString& stepId, int attempt) const
{
    const QString path = QStringLiteral("%1/runs/%2/%3/%4")
                             .arg(m_dir, QString::number(run), stepId, QString::number(attempt));
    if (!QDir().mkpath(path))
        qCWarning(lcStore) << "cannot create the log folder" << path;
    return path;
}

QString Store::scratchDirectory(qint64 run, const QString& stepId, int attempt) const
{
    const QString path = QStringLiteral("%1/tmp/%2-%3-%4")
                             .arg(m_dir, QString::number(run), stepId, QString::number(attempt));
    if (!QDir().mkpath(path))
        qCWarning(lcStore) << "cannot create the scratch folder" << path;
    return path;
}

bool Store::gc(const QString& flowName, int keepRuns, bool dryRun, GcReport* report,
               QString* error)
{
    *report = GcReport();
    const auto fail = [&](const QString& reason) {
        *error = Text::tr("cannot collect garbage in the store %1: %2").arg(m_dir, reason);
        return false;
    };

    // The write lock is held until the files are gone, so no run can start and ingest
    // objects that the sweep would take for garbage. Readers go on meanwhile (WAL).
    QString reason;
    Transaction transaction(m_db);
    if (!transaction.begin(&reason))
        return fail(reason);

    Statement running(m_db, "SELECT number, flow_name, host, pid FROM runs "
                            "WHERE status = ?1 ORDER BY number LIMIT 1");
    running.bindText(1, runStatusName(RunStatus::Running));
    if (running.next()) {
        *error = Text::tr("run %1 of flow %2 is still running (host %3, process %4); wait for it "
                    "to finish or stop it, then run gc again")
                     .arg(QString::number(running.integer(0)), running.text(1),
                          running.text(2), QString::number(running.integer(3)));
        return false;
    }
    if (running.failed())
        return fail(running.errorMessage());

    // Runs of this flow beyond the keepRuns newest; OFFSET skips the kept ones.
    if (keepRuns >= 0) {
        Statement select(m_db, "SELECT number FROM runs WHERE flow_name = ?1 "
                               "ORDER BY number DESC LIMIT -1 OFFSET ?2");
        select.bindText(1, flowName);
        select.bindInt(2, keepRuns);
        while (select.next())
            report->runsRemoved.append(select.integer(0));
        if (select.failed())
            return fail(select.errorMessage());
    }
    Statement removeRun(m_db, "DELETE FROM runs WHERE number = ?1");
    for (qint64 number : std::as_const(report->runsRemoved)) {
        removeRun.reset();
        removeRun.bindInt(1, number);
        if (!removeRun.exec(&reason))
            return fail(reason);
    }

    // Objects that the remaining step runs refer to are kept, and every other one goes.
    Statement removeObjects(m_db, "DELETE FROM objects "
                                  "WHERE digest NOT IN (SELECT digest FROM artifacts)");
    if (!removeObjects.exec(&reason))
        return fail(reason);
    QSet<QString> keptDigests;
    Statement referenced(m_db, "SELECT DISTINCT digest FROM artifacts");
    while (referenced.next())
        keptDigests.insert(referenced.text(0));
    if (referenced.failed())
        return fail(referenced.errorMessage());

    // NOTE: files go before the commit. If the commit then fails, the removed runs stay in
    // the database without some of their objects. findCached skips such records, and the
    // next gc finishes the job. Objects of kept runs are never touched.
    if (!sweepObjects(m_dir + QLatin1String("/objects"), keptDigests, dryRun, report, error))
        return false;
    // The logs of removed runs go too, so their bytes count as freed.
    for (qint64 number : std::as_const(report->runsRemoved))
        report->bytesFreed += treeBytes(m_dir + QLatin1String("/runs/") + QString::number(number));
    if (dryRun)
        return true;  // the transaction rolls back when it leaves scope
    removeLogsAndScratch(m_dir, report->runsRemoved);
    if (!transaction.commit(&reason))
        return fail(reason);

    qCInfo(lcStore) << "gc of" << flowName << "in" << m_dir << "removed runs"
                    << report->runsRemoved << "and" << report->objectsRemoved << "objects,"
                    << report->bytesFreed << "bytes";
    return true;
}

StoreStats Store::stats() const
{
    StoreStats stats;
    Statement runs(m_db, "SELECT COUNT(*) FROM runs");
    if (runs.next())
        stats.runs = runs.integer(0);
    Statement objects(m_db, "SELECT COUNT(*), COALESCE(SUM(size), 0) FROM objects");
    if (objects.next()) {
        stats.objects = objects.integer(0);
        stats.objectBytes = objects.integer(1);
    }
    if (runs.failed() || objects.failed())
        qCWarning(lcStore) << "cannot read the statistics of" << m_dir << ":"
                           << runs.errorMessage() << objects.errorMessage();
    return stats;
}

QString defaultStoreDirectory(const QString& flowFilePath)
{
    const QString fromEnvironment = qEnvironmentVariable("CAIRN_STORE");
    if (!fromEnvironment.isEmpty())
        return QDir(fromEnvironment).absolutePath();
    return QFileInfo(flowFilePath).absoluteDir().filePath(QStringLiteral(".cairn"));
}

}  // namespace cairn
