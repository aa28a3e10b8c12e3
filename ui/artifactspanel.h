#pragma once

// The Artifacts tab: the files that each step run stored, as a tree run → step → file with
// sizes and digests, followed by the stdout and stderr logs of each attempt that executed,
// and a preview of the selected file. Actions open its folder, save a copy or compare it
// with the same file of another run. The panel opens its own Store for the window's thread.
// Owned by the main window.

#include "executor.h"
#include "store.h"

#include <QList>
#include <QString>
#include <QWidget>

#include <memory>

class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace cairn {

class ArtifactPreview;
struct TextDiff;

class ArtifactsPanel : public QWidget {
    Q_OBJECT
public:
    // Runs listed besides the one chosen with setRun: the newest ones of the flow.
    static constexpr int kRecentRuns = 20;
    // Runs searched for the same file by "Compare with run…", newest first.
    static constexpr int kCompareRuns = 100;

    explicit ArtifactsPanel(QWidget* parent = nullptr);
    ~ArtifactsPanel() override;

    // Opens the store in storeDirectory and lists the recent runs of flowName. An empty
    // directory closes the store.
    void setStore(const QString& storeDirectory, const QString& flowName);
    // Lists run (besides the recent ones), expands it and makes it current.
    void setRun(qint64 run);
    // Expands run's step stepId and previews its first file.
    void showStep(qint64 run, const QString& stepId);
    // Lists the recent runs again, for example after a run has finished.
    void refresh();

    ArtifactPreview* preview() const { return m_preview; }
    QTreeWidget* tree() const { return m_tree; }

    // Makes the file at path of run's step stepId current and previews it. Returns false
    // when the run, step or file is not stored.
    bool selectFile(qint64 run, const QString& stepId, const QString& path);
    // Like selectFile, but an empty path picks the file of step stepId with the best preview,
    // and an empty stepId picks it among all steps of run. A picture comes first, then a
    // table, JSON, text and any other file, then a log that is not empty, then an empty log.
    // Among equals, the first step and file in the tree wins. A path of "stdout.log" or
    // "stderr.log" that no stored file has picks that log of the step's last attempt.
    // Returns false when the run, step or file is not stored, or no file is.
    bool selectArtifact(qint64 run, const QString& stepId = QString(),
                        const QString& path = QString());
    // Makes the log of stream written by attempt of run's step stepId current and previews
    // it; attempt 0 means the last one. Returns false when the step did not execute in run
    // or the log is not stored.
    bool selectLog(qint64 run, const QString& stepId, OutputStream stream, int attempt = 0);

    // The ids of the steps that run recorded, in the order of the tree; empty for a run
    // that is not stored.
    QStringList stepIds(qint64 run);

    // The selected file, or empty fields when a run or step row is selected.
    struct FileRef {
        qint64 run = 0;
        QString stepId;
        QString path;     // the artifact's path, or the log's name: stdout.log or stderr.log
        QString digest;   // empty for a log
        QString logPath;  // for a log, its file under the store's runs folder; else empty
        int attempt = 0;  // for a log, the attempt that wrote it; else 0
        bool isLog() const { return !logPath.isEmpty(); }
        bool isValid() const { return run > 0 && (!digest.isEmpty() || isLog()); }
    };
    FileRef selectedFile() const;

    // Runs other than the selected file's run whose same step stored a file at the same
    // path, newest first. For a log: the runs whose same step executed and kept that log.
    QList<qint64> compareCandidates() const;
    // The line diff from otherRun's copy of the selected file to the selected file. A log
    // is compared with the same log of the last attempt in otherRun.
    TextDiff compareSelectedWith(qint64 otherRun) const;
    // Copies the selected file to dest, replacing it, and makes the copy writable.
    bool saveSelectedTo(const QString& dest, QString* error) const;
    // Copies the selected file to a folder named after its digest under the system's
    // temporary folder and returns the copy's path. A log is not copied: its own file in
    // the store is returned. Returns empty with *error on failure.
    QString exportSelected(QString* error) const;

Q_SIGNALS:
    // The selected file changed; run is 0 when no file is selected. For a log, path is its
    // name (stdout.log or stderr.log).
    void fileSelected(qint64 run, const QString& stepId, const QString& path);

private:
    void reload();
    QTreeWidgetItem* addRunItem(const RunRecord& run);
    void fillRun(QTreeWidgetItem* runItem);
    void addLogRows(QTreeWidgetItem* stepRow, const StepRunRecord& step);
    QString logPath(qint64 run, const QString& stepId, int attempt, const QString& name) const;
    QString filePath(const FileRef& file) const;
    QTreeWidgetItem* runItem(qint64 run) const;
    QTreeWidgetItem* stepItem(qint64 run, const QString& stepId);
    void onCurrentItemChanged(QTreeWidgetItem* current);
    void updateActions();

    void openContainingFolder();
    void saveCopy();
    void compareWithRun();
    void showError(const QString& title, const QString& message);

    std::unique_ptr<Store> m_store;  // null when no store is open
    QString m_flowName;
    qint64 m_run = 0;  // the run chosen with setRun; 0 when none

    QTreeWidget* m_tree;
    ArtifactPreview* m_preview;
    QPushButton* m_openFolder;
    QPushButton* m_saveCopy;
    QPushButton* m_compare;
};

}  // namespace cairn
