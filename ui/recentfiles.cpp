#include "recentfiles.h"

#include <QFileInfo>
#include <QSettings>

namespace cairn::recentfiles {

namespace {

const QString kKey = QStringLiteral("recentFiles");

void store(const QStringList& paths)
{
    QSettings().setValue(kKey, paths);
}

}  // namespace

QStringList list()
{
    QStringList paths;
    for (const QString& path : QSettings().value(kKey).toStringList()) {
        if (QFileInfo::exists(path))
            paths.append(path);
    }
    return paths;
}

void add(const QString& path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList paths = QSettings().value(kKey).toStringList();
    paths.removeAll(absolute);
    paths.prepend(absolute);
    while (paths.size() > kMaxRecentFiles)
        paths.removeLast();
    store(paths);
}

void remove(const QString& path)
{
    QStringList paths = QSettings().value(kKey).toStringList();
    paths.removeAll(QFileInfo(path).absoluteFilePath());
    store(paths);
}

void clear()
{
    store({});
}

}  // namespace cairn::recentfiles
