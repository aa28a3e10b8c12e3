#pragma once

// The History tab: the runs of the open flow in a sortable table, filtered by status and by
// text (run number, parameters, lineage). Owns its HistoryModel and the model's read-only
// connection to the store.

#include <QWidget>

class QComboBox;
class QLineEdit;
class QModelIndex;
class QTableView;

namespace cairn {

class HistoryFilterModel;
class HistoryModel;

class HistoryPanel : public QWidget {
    Q_OBJECT

public:
    explicit HistoryPanel(QWidget* parent = nullptr);

    void setStore(const QString& storeDirectory, const QString& flowName);
    // Reads the runs again and keeps the selection. Call it while a run is going and after
    // gc. When the selected run is no longer stored, clears the selection and sends
    // runSelected(0).
    void refresh();
    // Selects run in the table, fetching older pages until it is loaded. Clears the
    // selection when the run is not listed or is hidden by the filters.
    void selectRun(qint64 run);
    // The selected run, or 0.
    qint64 selectedRun() const;

    HistoryModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    QComboBox* statusFilter() const { return m_statusFilter; }
    QLineEdit* textFilter() const { return m_textFilter; }

Q_SIGNALS:
    // run is 0 when refresh() found the selected run removed from the store.
    void runSelected(qint64 run);
    void runActivated(qint64 run);

private:
    void applyFilters();
    void widenColumns();
    void onCurrentChanged(const QModelIndex& current);

    HistoryModel* m_model = nullptr;
    HistoryFilterModel* m_filter = nullptr;
    QTableView* m_view = nullptr;
    QComboBox* m_statusFilter = nullptr;
    QLineEdit* m_textFilter = nullptr;
    qint64 m_currentRun = 0;  // the run last sent with runSelected(), 0 for none
    bool m_refreshing = false;  // refresh() is updating the model
};

}  // namespace cairn
