#pragma once

// The runs of one flow in one store, newest first, for the History tab. Rows are fetched in
// pages through the model's own read-only connection to <store>/cairn.db, so a store with
// thousands of runs opens without reading them all. Used from the GUI thread only.

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QIcon>
#include <QList>
#include <QSet>
#include <QString>

#include <optional>

struct sqlite3;

namespace cairn {

class HistoryModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        RunColumn,
        StatusColumn,
        StartedColumn,
        DurationColumn,
        RanColumn,
        CachedColumn,
        FailedColumn,
        OriginColumn,
        ParametersColumn,
        ColumnCount
    };

    enum Role {
        RunRole = Qt::UserRole,  // the run number (qint64) of the row, in every column
        StatusNameRole,          // the stored status name: "succeeded", "running", …
        SortRole,                // a value that sorts the column: numbers, times, text
        FilterTextRole           // run number, parameters and lineage text, for text filters
    };

    // Number of runs read per page.
    static constexpr int kPageSize = 200;

    explicit HistoryModel(QObject* parent = nullptr);
    ~HistoryModel() override;

    // Shows the runs of flowName in the store at storeDirectory, reading the first page.
    // An empty directory, or a store without a database, shows no rows.
    void setStore(const QString& storeDirectory, const QString& flowName);
    // Reads the store again: removes the rows of runs no longer stored (gc removes the
    // oldest), inserts new runs at the top and updates the rows of the newest page, so views
    // keep their selection. Used while a run is going and after gc.
    void refresh();

    // The run number of a row, or 0 when row is out of range.
    qint64 runAt(int row) const;
    // The row of a loaded run, or -1.
    int rowOf(qint64 run) const;
    // The last error of the database connection, empty when the last read succeeded.
    QString errorString() const { return m_error; }

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    // One run as listed. Step counts come from the run's step_runs rows.
    struct Row {
        qint64 number = 0;
        QString status;  // stored name
        QDateTime started;
        QDateTime finished;  // invalid while running
        int ran = 0;         // steps executed in this run (one or more attempts)
        int cached = 0;      // steps whose results came from the cache or the origin run
        int failed = 0;
        std::optional<qint64> originRun;
        QString resumeStep;
        QString parameters;  // "trees=300, test_year=2015"
    };

    // "resumed run 12 from train", "resumed run 12", or empty for a plain run.
    static QString lineageText(const Row& row);
    // The translated name of a stored run status.
    static QString statusText(const QString& status);

private:
    bool openDatabase(QString* error);
    void closeDatabase();
    // Reads up to limit runs numbered below beforeRun (0: from the newest), newest first.
    QList<Row> readPage(qint64 beforeRun, int limit);
    qint64 readRunCount();
    void removeDeletedRuns();
    // The numbers of the flow's stored runs from fromRun on, or nullopt on a read error.
    std::optional<QSet<qint64>> readRunNumbers(qint64 fromRun);
    QVariant displayData(const Row& row, int column) const;
    QVariant sortData(const Row& row, int column) const;
    QIcon statusIcon(const QString& status) const;
    void replaceRow(int row, const Row& value);

    QString m_storeDirectory;
    QString m_flowName;
    sqlite3* m_db = nullptr;  // read-only; null when no store is set or it has no database
    QList<Row> m_rows;        // newest first
    qint64 m_totalRuns = 0;   // runs of the flow in the store at the last read
    QString m_error;
    mutable QHash<QString, QIcon> m_icons;  // by status name
};

}  // namespace cairn
