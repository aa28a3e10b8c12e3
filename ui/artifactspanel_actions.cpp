// The Artifacts tab's actions on the selected file: open its folder, save a copy, and
// compare it with the same file of another run.

#include "artifactspanel.h"

#include "textdiff.h"

#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QMessageBox>
#include <QPushButton>
#include <QUrl>

namespace cairn {

void ArtifactsPanel::updateActions()
{
    const bool hasFile = selectedFile().isValid() && m_store;
    m_openFolder->setEnabled(hasFile);
    m_saveCopy->setEnabled(hasFile);
    m_compare->setEnabled(hasFile);
}

QList<qint64> ArtifactsPanel::compareCandidates() const
{
    QList<qint64> candidates;
    const FileRef file = selectedFile();
    if (!file.isValid() || !m_store)
        return candidates;

    // NOTE: this reads one step run per listed run on the window's thread; kCompareRuns
    // keeps that to a bounded number of small queries.
    for (const RunRecord& run : m_store->runs(m_flowName, kCompareRuns)) {
        if (run.number == file.run)
            continue;
        const std::optional<StepRunRecord> step = m_store->stepRun(run.number, file.stepId);
        if (!step)
            continue;
        if (file.isLog()) {
            if (step->attempts > 0
                && QFileInfo(logPath(run.number, file.stepId, step->attempts, file.path)).isFile())
                candidates.append(run.number);
            continue;
        }
        for (const ArtifactRecord& artifact : step->artifacts) {
            if (artifact.path == file.path) {
                candidates.append(run.number);
                break;
            }
        }
    }
    return candidates;
}

TextDiff ArtifactsPanel::compareSelectedWith(qint64 otherRun) const
{
    TextDiff diff;
    diff.outcome = TextDiff::Outcome::Unreadable;
    const FileRef file = selectedFile();
    if (!file.isValid() || !m_store) {
        diff.error = tr("No file is selected.");
        return diff;
    }
    const std::optional<StepRunRecord> step = m_store->stepRun(otherRun, file.stepId);
    if (step && file.isLog() && step->attempts > 0)
        return diffFiles(logPath(otherRun, file.stepId, step->attempts, file.path), file.logPath);
    if (step && !file.isLog()) {
        for (const ArtifactRecord& artifact : step->artifacts) {
            if (artifact.path == file.path)
                return diffFiles(m_store->objectPath(artifact.digest), m_store->objectPath(file.digest));
        }
    }
    diff.error = tr("Run %1 stored no file %2 for step %3.").arg(otherRun).arg(file.path, file.stepId);
    return diff;
}

bool ArtifactsPanel::saveSelectedTo(const QString& dest, QString* error) const
{
    const FileRef file = selectedFile();
    if (!file.isValid() || !m_store) {
        *error = tr("No file is selected.");
        return false;
    }
    if (QFile::exists(dest) && !QFile::remove(dest)) {
        *error = tr("Cannot replace %1: remove it or choose another name.").arg(dest);
        return false;
    }
    QFile object(filePath(file));
    if (!object.copy(dest)) {
        *error = tr("Cannot copy %1 to %2: %3").arg(object.fileName(), dest, object.errorString());
        return false;
    }
    // Objects are read-only and the copy inherits that; a saved copy is the user's to edit.
    QFile::setPermissions(dest, QFile::permissions(dest) | QFile::WriteOwner);
    return true;
}

QString ArtifactsPanel::exportSelected(QString* error) const
{
    const FileRef file = selectedFile();
    if (!file.isValid() || !m_store) {
        *error = tr("No file is selected.");
        return QString();
    }
    // A log is a plain file of its own in the store, so it needs no copy.
    if (file.isLog())
        return file.logPath;
    // The folder is named after the digest, so a copy exported before, from any store,
    // has the same content.
    const QString folder = QDir(QDir::tempPath())
                               .filePath(QStringLiteral("cairn-artifacts/") + file.digest.left(32));
    const QString dest = QDir(folder).filePath(file.path);
    if (QFileInfo::exists(dest))
        return dest;
    if (!m_store->materialize(file.digest, dest, false, false, error))
        return QString();
    return dest;
}

void ArtifactsPanel::openContainingFolder()
{
    QString error;
    const QString exported = exportSelected(&error);
    if (exported.isEmpty()) {
        showError(tr("Open Containing Folder"), error);
        return;
    }
    QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(exported).absolutePath()));
}

void ArtifactsPanel::saveCopy()
{
    const FileRef file = selectedFile();
    if (!file.isValid())
        return;
    const QString dest = QFileDialog::getSaveFileName(this, tr("Save a Copy"),
                                                      QFileInfo(file.path).fileName());
    if (dest.isEmpty())
        return;
    QString error;
    if (!saveSelectedTo(dest, &error))
        showError(tr("Save a Copy"), error);
}

void ArtifactsPanel::compareWithRun()
{
    const FileRef file = selectedFile();
    const QList<qint64> candidates = compareCandidates();
    if (!file.isValid())
        return;
    if (candidates.isEmpty()) {
        QMessageBox::information(this, tr("Compare with Run"),
                                 tr("No other run of step %1 stored %2.").arg(file.stepId, file.path));
        return;
    }

    QStringList labels;
    for (qint64 run : candidates)
        labels.append(tr("Run %1").arg(run));
    bool ok = false;
    const QString choice = QInputDialog::getItem(
        this, tr("Compare with Run"), tr("Compare %1 of run %2 with:").arg(file.path).arg(file.run),
        labels, 0, false, &ok);
    if (!ok)
        return;
    const qint64 other = candidates.value(labels.indexOf(choice));

    const TextDiff diff = compareSelectedWith(other);
    const QString title = tr("%1/%2: run %3 → run %4").arg(file.stepId, file.path).arg(other).arg(file.run);
    if (diff.outcome == TextDiff::Outcome::Identical) {
        // Nothing to show side by side, so a short message replaces the diff window.
        QMessageBox::information(this, title,
                                 tr("%1 is the same in runs %2 and %3.").arg(file.path).arg(other).arg(file.run));
        return;
    }
    auto* dialog = new TextDiffDialog(title, diff, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void ArtifactsPanel::showError(const QString& title, const QString& message)
{
    QMessageBox::warning(this, title, message);
}

}  // namespace cairn
