#pragma once

// The Run > Store dialog: where the store is, its size, the counts of runs and objects,
// and garbage collection with a preview of what it frees before anything is removed.
// Counting, the preview and the collection run one at a time on a worker thread with a
// store connection of their own. The dialog's actions are disabled meanwhile.

#include <QDialog>
#include <QString>

class QDialogButtonBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace cairn {

struct GcOutcome;
struct StatsOutcome;

class StorePanel : public QDialog {
    Q_OBJECT
public:
    explicit StorePanel(QWidget* parent = nullptr);

    // Shows the store in storeDirectory and starts counting. gc acts on the runs of flowName.
    void setStore(const QString& storeDirectory, const QString& flowName);
    // Clears the preview and starts counting again.
    void refresh();

    // Starts working out what gc would remove with the chosen retention. Collect is enabled
    // once the preview is shown.
    void preview();
    // Starts gc with the retention of the last preview, then counts again.
    void collect();

    // Whether counting, a preview or a collection is still running.
    bool isBusy() const { return m_busy; }
    // The chosen retention as Store::gc takes it: the newest runs to keep, or -1 for all.
    int keepRuns() const;
    QString statsText() const;
    QString previewText() const;

Q_SIGNALS:
    // A count, preview or collection finished and its result (or error) is shown.
    void workFinished();
    // A collection finished without error, so runs and objects may be gone. It is sent
    // before the new counts are read, and workFinished follows them.
    void garbageCollected();

private:
    void startCounting();
    void showStats(const StatsOutcome& outcome);
    void showPreview(const GcOutcome& outcome);
    void showCollected(const GcOutcome& outcome);
    void startGc(bool dryRun);
    void setBusy(bool busy, bool collecting = false);
    void showPreviewText(const QString& text);
    static QString runsText(qint64 runs);
    static QString objectsText(qint64 objects);

    QString m_storeDirectory;
    QString m_flowName;
    bool m_busy = false;
    bool m_storeOpened = false;  // the last count could open the store
    bool m_previewShown = false;  // a preview for the current retention is shown
    int m_previewedKeepRuns = -1;  // the keepRuns() that the shown preview was computed for
    QLabel* m_location;
    QLabel* m_stats;
    QSpinBox* m_keepRuns;  // runs to keep; 0 is shown as "all"
    QLabel* m_preview;
    QPushButton* m_previewButton;
    QPushButton* m_collectButton;
    QDialogButtonBox* m_closeButtons;
};

}  // namespace cairn
