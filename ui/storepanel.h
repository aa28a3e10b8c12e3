#pragma once

// The Run > Store dialog: where the store is, its size, the counts of runs and objects,
// and garbage collection with a preview of what it frees before anything is removed.

#include <QDialog>
#include <QString>

class QLabel;
class QPushButton;
class QSpinBox;

namespace cairn {

class StorePanel : public QDialog {
    Q_OBJECT
public:
    explicit StorePanel(QWidget* parent = nullptr);

    // Shows the store in storeDirectory; gc acts on the runs of flowName.
    void setStore(const QString& storeDirectory, const QString& flowName);
    // Re-reads the counts.
    void refresh();

    // Computes what gc would remove with the chosen retention and enables Collect.
    void preview();
    // Runs gc with the previewed retention.
    void collect();

    QString statsText() const;
    QString previewText() const;

private:
    QString m_storeDirectory;
    QString m_flowName;
    QLabel* m_location;
    QLabel* m_stats;
    QSpinBox* m_keepRuns;
    QLabel* m_preview;
    QPushButton* m_previewButton;
    QPushButton* m_collectButton;
};

}  // namespace cairn
