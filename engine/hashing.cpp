#include "hashing.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <openssl/evp.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace cairn {

namespace {

// Translation context of this file's messages.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(Hashing)
};

QString systemError(int code)
{
    return QString::fromLocal8Bit(std::strerror(code));
}

// Read size of hashFile. Large blocks keep the number of read() calls, and so the
// system-call overhead, small next to the hashing itself.
constexpr size_t kReadBlockSize = 1 << 20;

// One read buffer per thread, allocated on first use and reused by every later hashFile
// call on that thread, so hashing many small files allocates nothing.
char* threadReadBuffer()
{
    thread_local std::unique_ptr<char[]> buffer(new char[kReadBlockSize]);
    return buffer.get();
}

// Closes a file descriptor when leaving scope.
class FdCloser {
public:
    explicit FdCloser(int fd) : m_fd(fd) {}
    ~FdCloser() { ::close(m_fd); }
    FdCloser(const FdCloser&) = delete;
    FdCloser& operator=(const FdCloser&) = delete;

private:
    int m_fd;
};

}  // namespace

struct Sha256::Private {
    EVP_MD_CTX* context = nullptr;
};

Sha256::Sha256() : d(std::make_unique<Private>())
{
    d->context = EVP_MD_CTX_new();
    const int ok = d->context && EVP_DigestInit_ex(d->context, EVP_sha256(), nullptr);
    Q_ASSERT_X(ok, "Sha256", "OpenSSL always provides SHA-256 in its default provider");
    Q_UNUSED(ok);
}

Sha256::~Sha256()
{
    EVP_MD_CTX_free(d->context);
}

void Sha256::update(const void* data, size_t size)
{
    EVP_DigestUpdate(d->context, data, size);
}

QString Sha256::finalHex()
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_DigestFinal_ex(d->context, digest, &length);
    const QByteArray bytes(reinterpret_cast<const char*>(digest), int(length));
    return QString::fromLatin1(bytes.toHex());
}

QString sha256Hex(const QByteArray& data)
{
    Sha256 hash;
    hash.update(data);
    return hash.finalHex();
}

bool hashFile(const QString& filePath, QString* digest, qint64* size, QString* error)
{
    const QByteArray nativePath = QFile::encodeName(filePath);
    const int fd = ::open(nativePath.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        const int code = errno;
        *error = Text::tr("cannot read %1: %2").arg(filePath, systemError(code));
        return false;
    }
    FdCloser closer(fd);

    // A FIFO or device would block or never end, so only regular files are hashed.
    struct stat status;
    if (::fstat(fd, &status) != 0 || !S_ISREG(status.st_mode)) {
        *error = Text::tr("cannot hash %1: it is not a regular file").arg(filePath);
        return false;
    }
    ::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);

    Sha256 hash;
    char* buffer = threadReadBuffer();
    qint64 total = 0;
    for (;;) {
        const ssize_t count = ::read(fd, buffer, kReadBlockSize);
        if (count == 0)
            break;
        if (count < 0) {
            if (errno == EINTR)
                continue;
            const int code = errno;
            *error = Text::tr("cannot read %1: %2").arg(filePath, systemError(code));
            return false;
        }
        hash.update(buffer, size_t(count));
        total += count;
    }

    *digest = hash.finalHex();
    if (size)
        *size = total;
    return true;
}

bool buildManifest(const QString& dir, Manifest* manifest, QString* error)
{
    manifest->clear();
    const QFileInfo root(dir);
    if (!root.isDir()) {
        *error = Text::tr("folder %1 not found").arg(dir);
        return false;
    }

    // Collect the paths first, so that a symbolic link anywhere fails before any hashing.
    const QDir base(root.absoluteFilePath());
    struct Found {
        QByteArray relativePath;  // UTF-8, the sort key
        QString absolutePath;
        bool executable = false;
    };
    QList<Found> files;
    QDirIterator it(base.path(),
                    QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QFileInfo info = it.fileInfo();
        if (info.isSymLink()) {
            *error = Text::tr("%1 is a symbolic link; step outputs and input folders may contain "
                        "only regular files and folders, so replace it with a copy of its "
                        "target").arg(path);
            return false;
        }
        if (info.isDir()) {
            // QDirIterator skips a folder it cannot list, which would leave files out.
            if (!info.isReadable() || !info.isExecutable()) {
                *error = Text::tr("cannot read folder %1: permission denied").arg(path);
                return false;
            }
            continue;
        }
        if (!info.isFile()) {
            *error = Text::tr("%1 is a special file (a FIFO, socket or device); step outputs and "
                        "input folders may contain only regular files and folders")
                         .arg(path);
            return false;
        }
        files.append({base.relativeFilePath(path).toUtf8(), path,
                      info.permissions().testFlag(QFile::ExeOwner)});
    }

    // Byte order of the UTF-8 paths, so that the digest never depends on the locale.
    std::sort(files.begin(), files.end(),
              [](const Found& a, const Found& b) { return a.relativePath < b.relativePath; });

    manifest->reserve(files.size());
    for (const Found& file : files) {
        ManifestEntry entry;
        entry.path = QString::fromUtf8(file.relativePath);
        entry.executable = file.executable;
        if (!hashFile(file.absolutePath, &entry.digest, &entry.size, error))
            return false;
        manifest->append(entry);
    }
    return true;
}

QString manifestDigest(const Manifest& manifest)
{
    Sha256 hash;
    for (const ManifestEntry& entry : manifest) {
        const QByteArray line = entry.digest.toLatin1() + ' ' + QByteArray::number(entry.size)
            + ' ' + (entry.executable ? 'x' : '-') + ' ' + entry.path.toUtf8() + '\n';
        hash.update(line);
    }
    return hash.finalHex();
}

bool hashInputPath(const QString& absolutePath, QString* digest, QString* error)
{
    const QFileInfo info(absolutePath);
    if (!info.exists()) {
        *error = Text::tr("input %1 not found; create it, or fix the path in the step's inputs "
                    "(relative to the flow's folder)").arg(absolutePath);
        return false;
    }
    if (info.isDir()) {
        Manifest manifest;
        if (!buildManifest(absolutePath, &manifest, error))
            return false;
        *digest = manifestDigest(manifest);
        return true;
    }
    return hashFile(absolutePath, digest, nullptr, error);
}

}  // namespace cairn
