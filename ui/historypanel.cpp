#include "historypanel.h"

#include "historymodel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace cairn {

// Filters the history by stored status name and by text in the run number, parameters
// and lineage. Filters apply to the runs loaded so far, and scrolling down loads more.
class HistoryFilterModel : public QSortFilterProxyModel {
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setFilters(const QString& status, const QString& text)
    {
        m_status = status;
        m_text = text.trimmed();
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override
    {
        const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
        if (!m_status.isEmpty() && index.data(HistoryModel::StatusNameRole).toString() != m_status)
            return false;
        if (m_text.isEmpty())
            return true;
        return index.data(HistoryModel::FilterTextRole).toString().contains(m_text, Qt::CaseInsensitive);
    }

private:
    QString m_status;  // empty: every status
    QString m_text;
};

HistoryPanel::HistoryPanel(QWidget* parent)
    : QWidget(parent),
      m_model(new HistoryModel(this)),
      m_filter(new HistoryFilterModel(this)),
      m_view(new QTableView(this)),
      m_statusFilter(new QComboBox(this)),
      m_textFilter(new QLineEdit(this))
{
    m_statusFilter->addItem(tr("All"), QString());
    for (const char* status : {"succeeded", "failed", "cancelled", "interrupted", "running"}) {
        const QString name = QString::fromLatin1(status);
        m_statusFilter->addItem(HistoryModel::statusText(name), name);
    }
    m_textFilter->setPlaceholderText(tr("Filter by run, parameter or origin"));
    m_textFilter->setClearButtonEnabled(true);

    m_filter->setSourceModel(m_model);
    m_filter->setSortRole(HistoryModel::SortRole);
    m_view->setModel(m_filter);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(HistoryModel::RunColumn, Qt::DescendingOrder);

    auto* filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Status:"), this));
    filters->addWidget(m_statusFilter);
    filters->addWidget(m_textFilter, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(filters);
    layout->addWidget(m_view);

    // Dates, durations and origins differ in length between languages, so the columns
    // widen to fit new rows. They never narrow, which keeps widths the user chose wider.
    connect(m_model, &QAbstractItemModel::modelReset, this, &HistoryPanel::widenColumns);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &HistoryPanel::widenColumns);
    connect(m_statusFilter, &QComboBox::currentIndexChanged, this, &HistoryPanel::applyFilters);
    connect(m_textFilter, &QLineEdit::textChanged, this, &HistoryPanel::applyFilters);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { onCurrentChanged(current); });
    connect(m_view, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex& index) {
        const qint64 run = index.data(HistoryModel::RunRole).toLongLong();
        if (run > 0)
            Q_EMIT runActivated(run);
    });
}

void HistoryPanel::widenColumns()
{
    QHeaderView* header = m_view->horizontalHeader();
    // The last column stretches over the rest of the table.
    for (int column = 0; column + 1 < header->count(); ++column) {
        const int before = header->sectionSize(column);
        m_view->resizeColumnToContents(column);
        if (header->sectionSize(column) < before)
            header->resizeSection(column, before);
    }
}

void HistoryPanel::setStore(const QString& storeDirectory, const QString& flowName)
{
    m_model->setStore(storeDirectory, flowName);
}

void HistoryPanel::refresh()
{
    // Removing the selected row moves the view's current row to a neighbour, which the user
    // did not choose, so changes of the current row are ignored meanwhile.
    m_refreshing = true;
    m_model->refresh();
    m_refreshing = false;

    if (m_currentRun > 0 && m_model->rowOf(m_currentRun) < 0) {
        m_view->selectionModel()->clear();
        m_currentRun = 0;
        Q_EMIT runSelected(0);
    }
}

void HistoryPanel::selectRun(qint64 run)
{
    // Older runs sit in pages not read yet, so read pages until the run or the end is reached.
    int row = m_model->rowOf(run);
    while (row < 0 && m_model->canFetchMore(QModelIndex())
           && m_model->runAt(m_model->rowCount() - 1) > run) {
        m_model->fetchMore(QModelIndex());
        row = m_model->rowOf(run);
    }

    const QModelIndex index = row < 0 ? QModelIndex() : m_filter->mapFromSource(m_model->index(row, 0));
    if (!index.isValid()) {
        m_view->selectionModel()->clearSelection();
        return;
    }
    m_view->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
}

qint64 HistoryPanel::selectedRun() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : rows.first().data(HistoryModel::RunRole).toLongLong();
}

void HistoryPanel::applyFilters()
{
    m_filter->setFilters(m_statusFilter->currentData().toString(), m_textFilter->text());
}

void HistoryPanel::onCurrentChanged(const QModelIndex& current)
{
    // Rows move when refresh() inserts new runs above, which is no new selection.
    const qint64 run = current.data(HistoryModel::RunRole).toLongLong();
    if (m_refreshing || run <= 0 || run == m_currentRun)
        return;
    m_currentRun = run;
    Q_EMIT runSelected(run);
}

}  // namespace cairn
