#pragma once

// SHA-256 through OpenSSL's EVP interface (which uses the CPU's SHA extensions where they
// exist), file digests and output manifests.

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>

namespace cairn {

// Incremental SHA-256. Not thread-safe; use one per thread.
class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;

    void update(const void* data, size_t size);
    void update(const QByteArray& data) { update(data.constData(), size_t(data.size())); }
    QString finalHex();  // lower-case hex, 64 characters; the object is then spent

private:
    struct Private;
    std::unique_ptr<Private> d;
};

QString sha256Hex(const QByteArray& data);

// Hashes a file by streaming it; never loads it whole. On failure returns false and sets
// *error to a message naming the file.
bool hashFile(const QString& filePath, QString* digest, qint64* size, QString* error);

// One file of a folder: its path relative to the folder ('/'-separated), size, executable
// bit and content digest.
struct ManifestEntry {
    QString path;
    qint64 size = 0;
    bool executable = false;
    QString digest;
};

using Manifest = QList<ManifestEntry>;

// Lists and hashes every regular file under dir (recursively, following no symbolic links),
// sorted by path. A symbolic link or special file inside dir is an error naming it.
bool buildManifest(const QString& dir, Manifest* manifest, QString* error);

// SHA-256 over the manifest's lines "<digest> <size> <x|-> <path>\n" in path order.
QString manifestDigest(const Manifest& manifest);

// Digest of a project input: a file's content digest, or for a folder the digest of its
// manifest. Returns false with a message when the path is missing or unreadable.
bool hashInputPath(const QString& absolutePath, QString* digest, QString* error);

}  // namespace cairn
