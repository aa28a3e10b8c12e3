#include "historymodel.h"

#include "canvasstyle.h"
#include "flow.h"
#include "store.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLocale>
#include <QLoggingCategory>
#include <QPainter>
#include <QPixmap>

#include <sqlite3.h>

#include <algorithm>
#include <limits>

namespace cairn {

namespace {

Q_LOGGING_CATEGORY(lcHistory, "cairn.ui.history", QtWarningMsg)

// One page of runs with their step counts, aggregated in the same query so that a page costs
// one statement however many runs it holds. ?1 flow name, ?2 exclusive upper run number,
// ?3 page size.
constexpr const char* kPageSql = R"sql(
WITH page AS (
    SELECT number, status, started, finished, origin_run, resume_step, params
    FROM runs
    WHERE flow_name = ?1 AND number < ?2
    ORDER BY number DESC
    LIMIT ?3
)
SELECT page.number, page.status, page.started, page.finished, page.origin_run,
       page.resume_step, page.params,
       COALESCE(SUM(s.attempts > 0), 0),
       COALESCE(SUM(s.status = 'cached'), 0),
       COALESCE(SUM(s.status = 'failed'), 0)
FROM page LEFT JOIN step_runs AS s ON s.run = page.number
GROUP BY page.number
ORDER BY page.number DESC
)sql";

constexpr const char* kCountSql = "SELECT COUNT(*) FROM runs WHERE flow_name = ?1";

// The runs of flow ?1 numbered from ?2 on, to find loaded rows whose run was removed.
constexpr const char* kNumbersSql = "SELECT number FROM runs WHERE flow_name = ?1 AND number >= ?2";

// A prepared statement finalized when it leaves scope.
class Query {
public:
    Query(sqlite3* db, const char* sql) { m_status = sqlite3_prepare_v2(db, sql, -1, &m_statement, nullptr); }
    ~Query() { sqlite3_finalize(m_statement); }
    Query(const Query&) = delete;
    Query& operator=(const Query&) = delete;

    bool prepared() const { return m_status == SQLITE_OK; }
    sqlite3_stmt* get() const { return m_statement; }

    void bindText(int index, const QString& text)
    {
        const QByteArray utf8 = text.toUtf8();
        sqlite3_bind_text(m_statement, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
    }
    QString text(int column) const
    {
        const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(m_statement, column));
        return QString::fromUtf8(data, sqlite3_column_bytes(m_statement, column));
    }
    QDateTime time(int column) const
    {
        if (sqlite3_column_type(m_statement, column) == SQLITE_NULL)
            return QDateTime();
        return QDateTime::fromString(text(column), Qt::ISODateWithMs);
    }

private:
    sqlite3_stmt* m_statement = nullptr;
    int m_status = SQLITE_ERROR;
};

// Formats stored parameter JSON as "test_year=2015, trees=300", in stored order and with
// strings unquoted.
QString parametersText(const QByteArray& json)
{
    const Json params = Json::parse(json.constData(), json.constData() + json.size(), nullptr, false);
    if (!params.is_object())
        return QString();

    QStringList parts;
    for (const auto& [name, value] : params.items()) {
        const std::string valueText = value.is_string() ? value.get<std::string>() : value.dump();
        parts.append(QString::fromStdString(name) + QLatin1Char('=') + QString::fromStdString(valueText));
    }
    return parts.join(QStringLiteral(", "));
}

// The canvas colour that stands for a run status.
StepStatus colourStatus(const QString& runStatus)
{
    RunStatus status = RunStatus::Running;
    if (!runStatusFromName(runStatus, &status))
        return StepStatus::NotRun;
    switch (status) {
    case RunStatus::Running: return StepStatus::Running;
    case RunStatus::Succeeded: return StepStatus::Succeeded;
    case RunStatus::Failed: return StepStatus::Failed;
    case RunStatus::Cancelled: return StepStatus::Cancelled;
    case RunStatus::Interrupted: return StepStatus::Skipped;
    }
    return StepStatus::NotRun;
}

}  // namespace

HistoryModel::HistoryModel(QObject* parent) : QAbstractTableModel(parent) {}

HistoryModel::~HistoryModel()
{
    closeDatabase();
}

void HistoryModel::setStore(const QString& storeDirectory, const QString& flowName)
{
    beginResetModel();
    closeDatabase();
    m_storeDirectory = storeDirectory;
    m_flowName = flowName;
    m_rows.clear();
    m_totalRuns = 0;
    m_error.clear();

    if (!storeDirectory.isEmpty() && openDatabase(&m_error)) {
        m_totalRuns = readRunCount();
        m_rows = readPage(0, kPageSize);
    }
    endResetModel();
}

void HistoryModel::refresh()
{
    if (!m_db && (m_storeDirectory.isEmpty() || !openDatabase(&m_error)))
        return;

    removeDeletedRuns();
    const QList<Row> page = readPage(0, kPageSize);
    m_totalRuns = readRunCount();

    // Runs newer than the newest loaded one go on top, and the others replace their rows.
    const qint64 newestLoaded = m_rows.isEmpty() ? 0 : m_rows.first().number;
    const auto firstOld = std::find_if(page.cbegin(), page.cend(), [newestLoaded](const Row& row) {
        return row.number <= newestLoaded;
    });
    const int added = int(firstOld - page.cbegin());
    if (added > 0) {
        beginInsertRows(QModelIndex(), 0, added - 1);
        m_rows = page.mid(0, added) + m_rows;
        endInsertRows();
    }

    for (auto it = firstOld; it != page.cend(); ++it) {
        const int row = rowOf(it->number);
        if (row >= 0)
            replaceRow(row, *it);
    }
}

qint64 HistoryModel::runAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).number : 0;
}

int HistoryModel::rowOf(qint64 run) const
{
    // Rows are sorted by descending run number.
    const auto it = std::lower_bound(m_rows.cbegin(), m_rows.cend(), run,
                                     [](const Row& row, qint64 number) { return row.number > number; });
    if (it == m_rows.cend() || it->number != run)
        return -1;
    return int(it - m_rows.cbegin());
}

int HistoryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int HistoryModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HistoryModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return QVariant();

    const Row& row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayData(row, index.column());
    case Qt::DecorationRole:
        return index.column() == StatusColumn ? QVariant(statusIcon(row.status)) : QVariant();
    case Qt::TextAlignmentRole:
        if (index.column() == RunColumn || (index.column() >= DurationColumn && index.column() <= FailedColumn))
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant();
    case Qt::ToolTipRole:
        return index.column() == ParametersColumn || index.column() == OriginColumn
                   ? displayData(row, index.column())
                   : QVariant();
    case RunRole:
        return row.number;
    case StatusNameRole:
        return row.status;
    case SortRole:
        return sortData(row, index.column());
    case FilterTextRole:
        return QStringList{QString::number(row.number), row.parameters, lineageText(row)}.join(QLatin1Char('\n'));
    default:
        return QVariant();
    }
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);

    switch (section) {
    case RunColumn: return tr("Run");
    case StatusColumn: return tr("Status");
    case StartedColumn: return tr("Started");
    case DurationColumn: return tr("Duration");
    case RanColumn: return tr("Ran");
    case CachedColumn: return tr("Cached");
    case FailedColumn: return tr("Failed");
    case OriginColumn: return tr("Origin");
    case ParametersColumn: return tr("Parameters");
    default: return QVariant();
    }
}

bool HistoryModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && m_db && m_rows.size() < m_totalRuns;
}

void HistoryModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent))
        return;

    const qint64 oldest = m_rows.isEmpty() ? 0 : m_rows.last().number;
    const QList<Row> page = readPage(oldest, kPageSize);
    if (page.isEmpty()) {
        // The count included runs newer than the loaded ones, which refresh() adds.
        m_totalRuns = m_rows.size();
        return;
    }
    beginInsertRows(QModelIndex(), int(m_rows.size()), int(m_rows.size() + page.size() - 1));
    m_rows.append(page);
    endInsertRows();
}

QString HistoryModel::lineageText(const Row& row)
{
    if (!row.originRun)
        return QString();
    if (row.resumeStep.isEmpty())
        return tr("resumed run %1").arg(*row.originRun);
    return tr("resumed run %1 from %2").arg(QString::number(*row.originRun), row.resumeStep);
}

void HistoryModel::removeDeletedRuns()
{
    if (m_rows.isEmpty())
        return;
    std::optional<QSet<qint64>> stored = readRunNumbers(m_rows.last().number);
    if (!stored)
        return;

    // Rows go from the bottom up, one beginRemoveRows per block of adjacent removed runs.
    int row = int(m_rows.size()) - 1;
    while (row >= 0) {
        if (stored->contains(m_rows.at(row).number)) {
            --row;
            continue;
        }
        const int last = row;
        while (row > 0 && !stored->contains(m_rows.at(row - 1).number))
            --row;
        beginRemoveRows(QModelIndex(), row, last);
        m_rows.remove(row, last - row + 1);
        endRemoveRows();
        --row;
    }
}

std::optional<QSet<qint64>> HistoryModel::readRunNumbers(qint64 fromRun)
{
    Query query(m_db, kNumbersSql);
    if (!query.prepared()) {
        m_error = tr("cannot read the run history in %1: %2")
                      .arg(m_storeDirectory, QString::fromUtf8(sqlite3_errmsg(m_db)));
        qCWarning(lcHistory).noquote() << m_error;
        return std::nullopt;
    }
    query.bindText(1, m_flowName);
    sqlite3_bind_int64(query.get(), 2, fromRun);

    QSet<qint64> numbers;
    int status = SQLITE_ROW;
    while ((status = sqlite3_step(query.get())) == SQLITE_ROW)
        numbers.insert(sqlite3_column_int64(query.get(), 0));
    if (status != SQLITE_DONE) {
        m_error = tr("cannot read the run history in %1: %2")
                      .arg(m_storeDirectory, QString::fromUtf8(sqlite3_errmsg(m_db)));
        qCWarning(lcHistory).noquote() << m_error;
        return std::nullopt;
    }
    return numbers;
}

bool HistoryModel::openDatabase(QString* error)
{
    const QString path = QDir(m_storeDirectory).filePath(QStringLiteral("cairn.db"));
    if (!QFileInfo::exists(path)) {
        // A store is created by its first run, so refresh() tries again.
        error->clear();
        return false;
    }

    // Read-only, so the history can never change a store that a run is writing.
    if (sqlite3_open_v2(QFile::encodeName(path).constData(), &m_db, SQLITE_OPEN_READONLY, nullptr)
        != SQLITE_OK) {
        *error = tr("cannot open the run history in %1: %2")
                     .arg(path, QString::fromUtf8(sqlite3_errmsg(m_db)));
        qCWarning(lcHistory).noquote() << *error;
        closeDatabase();
        return false;
    }
    // A run commits in short transactions; wait for them instead of failing.
    sqlite3_busy_timeout(m_db, 2000);
    return true;
}

void HistoryModel::closeDatabase()
{
    if (m_db)
        sqlite3_close(m_db);
    m_db = nullptr;
}

QList<HistoryModel::Row> HistoryModel::readPage(qint64 beforeRun, int limit)
{
    QList<Row> rows;
    Query query(m_db, kPageSql);
    if (!query.prepared()) {
        m_error = tr("cannot read the run history in %1: %2")
                      .arg(m_storeDirectory, QString::fromUtf8(sqlite3_errmsg(m_db)));
        qCWarning(lcHistory).noquote() << m_error;
        return rows;
    }
    query.bindText(1, m_flowName);
    sqlite3_bind_int64(query.get(), 2, beforeRun > 0 ? beforeRun : std::numeric_limits<qint64>::max());
    sqlite3_bind_int(query.get(), 3, limit);

    rows.reserve(limit);
    int status = SQLITE_ROW;
    while ((status = sqlite3_step(query.get())) == SQLITE_ROW) {
        sqlite3_stmt* statement = query.get();
        Row row;
        row.number = sqlite3_column_int64(statement, 0);
        row.status = query.text(1);
        row.started = query.time(2).toLocalTime();
        row.finished = query.time(3).toLocalTime();
        if (sqlite3_column_type(statement, 4) != SQLITE_NULL)
            row.originRun = sqlite3_column_int64(statement, 4);
        row.resumeStep = query.text(5);
        row.parameters = parametersText(query.text(6).toUtf8());
        row.ran = sqlite3_column_int(statement, 7);
        row.cached = sqlite3_column_int(statement, 8);
        row.failed = sqlite3_column_int(statement, 9);
        rows.append(row);
    }

    if (status != SQLITE_DONE) {
        m_error = tr("cannot read the run history in %1: %2")
                      .arg(m_storeDirectory, QString::fromUtf8(sqlite3_errmsg(m_db)));
        qCWarning(lcHistory).noquote() << m_error;
    } else {
        m_error.clear();
    }
    return rows;
}

qint64 HistoryModel::readRunCount()
{
    Query query(m_db, kCountSql);
    if (!query.prepared())
        return 0;
    query.bindText(1, m_flowName);
    return sqlite3_step(query.get()) == SQLITE_ROW ? sqlite3_column_int64(query.get(), 0) : 0;
}

QVariant HistoryModel::displayData(const Row& row, int column) const
{
    switch (column) {
    case RunColumn:
        return row.number;
    case StatusColumn:
        return statusText(row.status);
    case StartedColumn:
        return QLocale().toString(row.started, QLocale::ShortFormat);
    case DurationColumn: {
        // A running run shows the time since it started, as of the last refresh().
        const QDateTime end = row.finished.isValid() ? row.finished : QDateTime::currentDateTime();
        return CanvasStyle::durationText(row.started.msecsTo(end) / 1000.0);
    }
    case RanColumn:
        return row.ran;
    case CachedColumn:
        return row.cached;
    case FailedColumn:
        return row.failed;
    case OriginColumn:
        return lineageText(row);
    case ParametersColumn:
        return row.parameters;
    default:
        return QVariant();
    }
}

QVariant HistoryModel::sortData(const Row& row, int column) const
{
    switch (column) {
    case StatusColumn:
        return row.status;
    case StartedColumn:
        return row.started;
    case DurationColumn:
        return row.finished.isValid() ? row.started.msecsTo(row.finished)
                                      : std::numeric_limits<qint64>::max();
    case OriginColumn:
        return row.originRun.value_or(0);
    default:
        return displayData(row, column);
    }
}

QString HistoryModel::statusText(const QString& status)
{
    if (status == QLatin1String("running"))
        return tr("running");
    if (status == QLatin1String("succeeded"))
        return tr("succeeded");
    if (status == QLatin1String("failed"))
        return tr("failed");
    if (status == QLatin1String("cancelled"))
        return tr("cancelled");
    if (status == QLatin1String("interrupted"))
        return tr("interrupted");
    return status;
}

QIcon HistoryModel::statusIcon(const QString& status) const
{
    const auto cached = m_icons.constFind(status);
    if (cached != m_icons.cend())
        return *cached;

    const CanvasStyle style = CanvasStyle::create(QGuiApplication::palette(), QGuiApplication::font());
    QPixmap pixmap(12, 12);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(style.statusColor(colourStatus(status)));
    painter.drawEllipse(QRectF(1, 1, 10, 10));
    painter.end();

    const QIcon icon(pixmap);
    m_icons.insert(status, icon);
    return icon;
}

void HistoryModel::replaceRow(int row, const Row& value)
{
    m_rows[row] = value;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

}  // namespace cairn
