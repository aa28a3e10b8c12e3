#include "stepinputs.h"

#include "logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

#include <sys/stat.h>

namespace cairn {

namespace {

// A message of the StepJob translation context, which this file shares with stepjob.cpp.
// Mark source with QT_TRANSLATE_NOOP("StepJob", …) so that lupdate extracts it.
Message message(const char* source)
{
    return Message("StepJob", source);
}

bool statFile(const QString& path, qint64* size, qint64* mtimeNs)
{
    struct stat status;
    if (::stat(QFile::encodeName(path).constData(), &status) != 0)
        return false;
    *size = status.st_size;
    *mtimeNs = qint64(status.st_mtim.tv_sec) * 1000000000 + status.st_mtim.tv_nsec;
    return true;
}

void setMode(const QString& path, mode_t mode)
{
    ::chmod(QFile::encodeName(path).constData(), mode);
}

}  // namespace

bool StepInputs::materialize(const QMap<QString, QList<ArtifactRecord>>& upstream, Message* error)
{
    for (auto it = upstream.begin(); it != upstream.end(); ++it) {
        const QString stepFolder = m_folder + QLatin1Char('/') + it.key();
        QDir().mkpath(stepFolder);
        for (const ArtifactRecord& artifact : it.value()) {
            if (artifact.kind != QLatin1String("output"))
                continue;
            const QString dest = stepFolder + QLatin1Char('/') + artifact.path;
            QString reason;
            if (!m_store->materialize(artifact.digest, dest, true, artifact.executable, &reason)) {
                *error = message(QT_TRANSLATE_NOOP("StepJob", "cannot provide input %1 from step %2: %3"))
                             .arg(artifact.path)
                             .arg(it.key())
                             .arg(reason);
                return false;
            }
            Watched watched{it.key(), artifact.path, artifact.digest};
            statFile(m_store->objectPath(artifact.digest), &watched.size, &watched.mtimeNs);
            m_watched.append(watched);
        }
    }

    // Read-only folders, deepest first, so a step cannot add or replace files there.
    QStringList folders;
    QDir root(m_folder);
    folders << m_folder;
    for (const QString& sub : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot))
        folders << root.filePath(sub);
    for (auto it = folders.crbegin(); it != folders.crend(); ++it)
        setMode(*it, 0555);
    m_folders = folders;
    return true;
}

bool StepInputs::verifyUnchanged(Message* error)
{
    // NOTE: a hard-linked input is the store's object itself, and the owner (or root) can
    // still write to a read-only file. Size and modification time catch such writes
    // without rehashing; a write that restores both goes unnoticed.
    for (const Watched& watched : m_watched) {
        qint64 size = 0;
        qint64 mtimeNs = 0;
        const QString object = m_store->objectPath(watched.digest);
        if (!statFile(object, &size, &mtimeNs))
            continue;
        if (size == watched.size && mtimeNs == watched.mtimeNs)
            continue;
        QFile::setPermissions(object, QFile::WriteOwner | QFile::ReadOwner);
        QFile::remove(object);
        qCWarning(lcScheduler) << "an input of step run was modified; removed object" << watched.digest;
        *error = message(QT_TRANSLATE_NOOP(
                     "StepJob", "the step wrote to its input %1 from step %2, which is read-only; "
                                "that stored result was removed and step %2 reruns next time. "
                                "Write changed copies to $CAIRN_OUTPUT_DIR instead."))
                     .arg(watched.path)
                     .arg(watched.stepId);
        return false;
    }
    return true;
}

void StepInputs::release()
{
    for (const QString& folder : m_folders)
        setMode(folder, 0755);
}

}  // namespace cairn
