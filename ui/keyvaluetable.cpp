#include "keyvaluetable.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace cairn {

KeyValueTable::KeyValueTable(QWidget* parent)
    : QWidget(parent)
    , m_table(new QTableWidget(0, 2, this))
{
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Value")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->setVisible(false);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    setMaximumHeight(m_table->fontMetrics().height() * 8);

    auto* add = new QToolButton(this);
    add->setText(QStringLiteral("+"));
    add->setToolTip(tr("Add a variable"));
    add->setObjectName(QStringLiteral("addButton"));
    auto* remove = new QToolButton(this);
    remove->setText(QStringLiteral("\u2212"));
    remove->setToolTip(tr("Remove the selected variable"));
    remove->setObjectName(QStringLiteral("removeButton"));

    auto* buttons = new QVBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch();
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table);
    layout->addLayout(buttons);

    connect(add, &QToolButton::clicked, this, &KeyValueTable::addRow);
    connect(remove, &QToolButton::clicked, this, &KeyValueTable::removeCurrentRow);
    connect(m_table, &QTableWidget::itemChanged, this, [this] {
        if (!m_updating)
            Q_EMIT edited(pairs());
    });
}

void KeyValueTable::setPairs(const KeyValueList& pairs)
{
    if (pairs == this->pairs() && m_table->rowCount() == pairs.size())
        return;
    m_updating = true;
    m_table->setRowCount(0);
    for (const auto& [name, value] : pairs)
        appendRow(name, value);
    m_updating = false;
}

KeyValueList KeyValueTable::pairs() const
{
    KeyValueList result;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QTableWidgetItem* name = m_table->item(row, 0);
        const QTableWidgetItem* value = m_table->item(row, 1);
        if (name && !name->text().isEmpty())
            result.append({name->text(), value ? value->text() : QString()});
    }
    return result;
}

void KeyValueTable::appendRow(const QString& name, const QString& value)
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    m_table->setItem(row, 0, new QTableWidgetItem(name));
    m_table->setItem(row, 1, new QTableWidgetItem(value));
}

void KeyValueTable::addRow()
{
    // The new row has no name, so it is not reported until the user types one.
    m_updating = true;
    appendRow(QString(), QString());
    m_updating = false;
    const int row = m_table->rowCount() - 1;
    m_table->setCurrentCell(row, 0);
    m_table->editItem(m_table->item(row, 0));
}

void KeyValueTable::removeCurrentRow()
{
    const int row = m_table->currentRow();
    if (row < 0)
        return;
    m_table->removeRow(row);
    Q_EMIT edited(pairs());
}

}  // namespace cairn
