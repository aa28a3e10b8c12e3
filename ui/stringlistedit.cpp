#include "stringlistedit.h"

#include <QHBoxLayout>
#include <QListWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace cairn {

namespace {

QListWidgetItem* newEditableItem(const QString& text)
{
    auto* item = new QListWidgetItem(text);
    item->setFlags(item->flags() | Qt::ItemIsEditable);
    return item;
}

}  // namespace

StringListEdit::StringListEdit(QWidget* parent)
    : QWidget(parent)
    , m_list(new QListWidget(this))
{
    m_list->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                            | QAbstractItemView::SelectedClicked);
    setMaximumHeight(m_list->fontMetrics().height() * 6);

    auto* add = new QToolButton(this);
    add->setText(QStringLiteral("+"));
    add->setToolTip(tr("Add an entry"));
    add->setObjectName(QStringLiteral("addButton"));
    auto* remove = new QToolButton(this);
    remove->setText(QStringLiteral("\u2212"));
    remove->setToolTip(tr("Remove the selected entry"));
    remove->setObjectName(QStringLiteral("removeButton"));

    auto* buttons = new QVBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch();
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list);
    layout->addLayout(buttons);

    connect(add, &QToolButton::clicked, this, &StringListEdit::addEntry);
    connect(remove, &QToolButton::clicked, this, &StringListEdit::removeCurrent);
    connect(m_list, &QListWidget::itemChanged, this, [this] {
        if (!m_updating)
            Q_EMIT edited(items());
    });
}

void StringListEdit::setItems(const QStringList& items)
{
    if (items == this->items() && m_list->count() == items.size())
        return;
    m_updating = true;
    m_list->clear();
    for (const QString& text : items)
        m_list->addItem(newEditableItem(text));
    m_updating = false;
}

QStringList StringListEdit::items() const
{
    QStringList result;
    for (int row = 0; row < m_list->count(); ++row) {
        const QString text = m_list->item(row)->text();
        if (!text.isEmpty())
            result << text;
    }
    return result;
}

void StringListEdit::addEntry()
{
    // The new entry is empty, so the list reported by edited() stays the same until the
    // user types a value.
    m_updating = true;
    QListWidgetItem* item = newEditableItem(QString());
    m_list->addItem(item);
    m_updating = false;
    m_list->setCurrentItem(item);
    m_list->editItem(item);
}

void StringListEdit::removeCurrent()
{
    const int row = m_list->currentRow();
    if (row < 0)
        return;
    delete m_list->takeItem(row);
    Q_EMIT edited(items());
}

}  // namespace cairn
