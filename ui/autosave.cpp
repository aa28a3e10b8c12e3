#include "autosave.h"

#include "flowdocument.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTimer>

Q_LOGGING_CATEGORY(lcAutosave, "cairn.ui.autosave", QtWarningMsg)

namespace cairn {

namespace {

constexpr int kDefaultIntervalMs = 30 * 1000;

QString keyFor(const QString& flowPath)
{
    if (flowPath.isEmpty())
        return QStringLiteral("untitled");
    const QByteArray absolute = QFileInfo(flowPath).absoluteFilePath().toUtf8();
    return QString::fromLatin1(
        QCryptographicHash::hash(absolute, QCryptographicHash::Sha256).toHex().left(24));
}

QString sidePathFor(const QString& autosaveFile)
{
    QString side = autosaveFile;
    side.chop(int(qstrlen(".json")));
    return side + QStringLiteral(".path");
}

bool writeFile(const QString& path, const QByteArray& data, QString* error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

}  // namespace

Autosave::Autosave(FlowDocument* document, QObject* parent)
    : QObject(parent), m_document(document), m_timer(new QTimer(this))
{
    m_timer->setInterval(kDefaultIntervalMs);
    connect(m_timer, &QTimer::timeout, this, [this] { saveNow(); });
    connect(document, &FlowDocument::filePathChanged, this, &Autosave::onFilePathChanged);
    m_timer->start();
}

QString Autosave::directory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
           + QStringLiteral("/autosave");
}

QString Autosave::fileFor(const QString& flowPath)
{
    return directory() + QLatin1Char('/') + keyFor(flowPath) + QStringLiteral(".json");
}

bool Autosave::read(const QString& flowPath, Flow* flow)
{
    const QString path = fileFor(flowPath);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    QList<FlowIssue> issues;
    if (!parseFlow(file.readAll(), path, flow, &issues)) {
        qCWarning(lcAutosave) << "autosave" << path << "cannot be read:"
                              << (issues.isEmpty() ? QString() : issues.first().toString());
        return false;
    }
    flow->filePath = flowPath.isEmpty() ? QString() : QFileInfo(flowPath).absoluteFilePath();
    return true;
}

void Autosave::remove(const QString& flowPath)
{
    const QString path = fileFor(flowPath);
    QFile::remove(path);
    QFile::remove(sidePathFor(path));
}

void Autosave::setIntervalMs(int ms)
{
    m_timer->setInterval(ms);
}

bool Autosave::saveNow()
{
    if (!m_document->isModified())
        return true;
    if (!QDir().mkpath(directory())) {
        qCWarning(lcAutosave) << "cannot create the autosave folder" << directory();
        return false;
    }
    const QString path = fileFor(m_document->filePath());
    QString error;
    if (!writeFile(path, serializeFlow(m_document->flow()), &error)
        || !writeFile(sidePathFor(path), m_document->filePath().toUtf8(), &error)) {
        qCWarning(lcAutosave) << "cannot write the autosave" << path << ":" << error;
        return false;
    }
    m_path = m_document->filePath();
    m_written = true;
    return true;
}

void Autosave::discard()
{
    if (m_written)
        remove(m_path);
    m_written = false;
}

void Autosave::onFilePathChanged(const QString& path)
{
    // An autosave this window wrote under the old path is stale once the flow has another
    // file. Autosaves of other sessions stay until they are recovered or discarded.
    if (m_written && m_path != path)
        remove(m_path);
    m_written = false;
}

}  // namespace cairn
