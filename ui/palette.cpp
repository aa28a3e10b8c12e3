#include "palette.h"

#include "flowclipboard.h"
#include "flowdocument.h"

#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QVBoxLayout>

namespace cairn {

namespace {

constexpr int kFragmentRole = Qt::UserRole;
constexpr int kIconSize = 24;

// A list whose drags carry the entry's flow fragment instead of Qt's item data.
class TemplateList : public QListWidget {
public:
    using QListWidget::QListWidget;

protected:
    QStringList mimeTypes() const override
    {
        return {QString::fromLatin1(kFlowFragmentMimeType)};
    }

    QMimeData* mimeData(const QList<QListWidgetItem*>& items) const override
    {
        if (items.isEmpty())
            return nullptr;
        auto* data = new QMimeData;
        data->setData(QString::fromLatin1(kFlowFragmentMimeType),
                      items.first()->data(kFragmentRole).toByteArray());
        return data;
    }
};

int firstVisibleRow(const QListWidget* list)
{
    for (int row = 0; row < list->count(); ++row) {
        if (!list->item(row)->isHidden())
            return row;
    }
    return -1;
}

}  // namespace

Palette::Palette(QWidget* parent)
    : Palette(nullptr, parent)
{
}

Palette::Palette(FlowDocument* document, QWidget* parent)
    : QWidget(parent)
    , m_document(document)
    , m_search(new QLineEdit(this))
    , m_list(new TemplateList(this))
{
    m_search->setObjectName(QStringLiteral("paletteSearch"));
    m_search->setPlaceholderText(tr("Search steps"));
    m_search->setClearButtonEnabled(true);
    m_search->installEventFilter(this);

    m_list->setObjectName(QStringLiteral("paletteList"));
    m_list->setIconSize(QSize(kIconSize, kIconSize));
    m_list->setWordWrap(true);
    m_list->setUniformItemSizes(false);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setDragEnabled(true);
    m_list->setDragDropMode(QAbstractItemView::DragOnly);
    m_list->setDefaultDropAction(Qt::CopyAction);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_search);
    layout->addWidget(m_list);

    connect(m_search, &QLineEdit::textChanged, this, &Palette::applyFilter);
    // activated covers Enter and, with the usual styles, double-click.
    connect(m_list, &QListWidget::activated, this,
            [this](const QModelIndex& index) { activateRow(index.row()); });
    if (m_document) {
        connect(m_document, &FlowDocument::flowPropertiesChanged, this,
                &Palette::reloadTemplates);
        connect(m_document, &FlowDocument::documentReset, this, &Palette::reloadTemplates);
    }
    reloadTemplates();
}

void Palette::reloadTemplates()
{
    m_templates = m_document ? stepTemplates(m_document->flow()) : stepTemplates();
    const int current = m_list->currentRow();
    m_list->clear();
    for (const StepTemplate& entry : m_templates) {
        auto* item = new QListWidgetItem(QIcon(templateIconPath(entry.iconName)),
                                         entry.name + QLatin1Char('\n') + entry.description);
        item->setToolTip(entry.description);
        item->setData(kFragmentRole, entry.fragment);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
        m_list->addItem(item);
    }
    if (current >= 0 && current < m_list->count())
        m_list->setCurrentRow(current);
    applyFilter(m_search->text());
}

void Palette::applyFilter(const QString& text)
{
    for (int row = 0; row < m_list->count(); ++row)
        m_list->item(row)->setHidden(!templateMatches(m_templates.at(row), text));

    QListWidgetItem* current = m_list->currentItem();
    if (!current || current->isHidden())
        m_list->setCurrentRow(firstVisibleRow(m_list));
}

void Palette::activateRow(int row)
{
    if (row < 0 || row >= m_templates.size() || m_list->item(row)->isHidden())
        return;
    Q_EMIT templateActivated(m_templates.at(row).fragment);
}

bool Palette::eventFilter(QObject* watched, QEvent* event)
{
    if (watched != m_search || event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);

    // Down moves into the list. Enter adds the current entry without leaving the field.
    const auto* key = static_cast<QKeyEvent*>(event);
    switch (key->key()) {
    case Qt::Key_Down:
        m_list->setFocus();
        if (!m_list->currentItem() || m_list->currentItem()->isHidden())
            m_list->setCurrentRow(firstVisibleRow(m_list));
        return true;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        activateRow(m_list->currentRow());
        return true;
    default:
        return QWidget::eventFilter(watched, event);
    }
}

}  // namespace cairn
