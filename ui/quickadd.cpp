#include "quickadd.h"

#include "flowdocument.h"

#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>

namespace cairn {

namespace {

constexpr int kIconSize = 20;
constexpr int kPopupWidth = 320;
constexpr int kVisibleRows = 8;

}  // namespace

QuickAddPopup::QuickAddPopup(QWidget* parent)
    : QuickAddPopup(nullptr, parent)
{
}

QuickAddPopup::QuickAddPopup(FlowDocument* document, QWidget* parent)
    : QFrame(parent, Qt::Popup)
    , m_document(document)
    , m_filter(new QLineEdit(this))
    , m_list(new QListWidget(this))
{
    setFrameShape(QFrame::StyledPanel);
    m_filter->setObjectName(QStringLiteral("quickAddFilter"));
    m_filter->setPlaceholderText(tr("Add a step…"));
    m_filter->installEventFilter(this);
    m_list->setObjectName(QStringLiteral("quickAddList"));
    m_list->setIconSize(QSize(kIconSize, kIconSize));
    m_list->setFocusPolicy(Qt::NoFocus);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_filter);
    layout->addWidget(m_list);
    resize(kPopupWidth, m_filter->sizeHint().height()
                            + m_list->fontMetrics().height() * 2 * kVisibleRows);

    connect(m_filter, &QLineEdit::textChanged, this, &QuickAddPopup::applyFilter);
    connect(m_list, &QListWidget::itemClicked, this,
            [this](QListWidgetItem* item) { chooseRow(m_list->row(item)); });
    reloadTemplates();
}

void QuickAddPopup::popup(const QPoint& globalPos)
{
    reloadTemplates();
    m_filter->clear();
    applyFilter(QString());
    move(globalPos);
    show();
    m_filter->setFocus(Qt::PopupFocusReason);
}

void QuickAddPopup::reloadTemplates()
{
    m_templates = m_document ? stepTemplates(m_document->flow()) : stepTemplates();
    m_list->clear();
    for (const StepTemplate& entry : m_templates) {
        auto* item = new QListWidgetItem(QIcon(templateIconPath(entry.iconName)), entry.name);
        item->setToolTip(entry.description);
        m_list->addItem(item);
    }
    applyFilter(m_filter->text());
}

void QuickAddPopup::applyFilter(const QString& text)
{
    int first = -1;
    for (int row = 0; row < m_list->count(); ++row) {
        const bool match = templateMatches(m_templates.at(row), text);
        m_list->item(row)->setHidden(!match);
        if (match && first < 0)
            first = row;
    }
    m_list->setCurrentRow(first);
}

void QuickAddPopup::moveCurrent(int step)
{
    // Skips hidden rows and stops at either end.
    for (int row = m_list->currentRow() + step; row >= 0 && row < m_list->count(); row += step) {
        if (!m_list->item(row)->isHidden()) {
            m_list->setCurrentRow(row);
            return;
        }
    }
}

void QuickAddPopup::chooseRow(int row)
{
    if (row < 0 || row >= m_templates.size() || m_list->item(row)->isHidden())
        return;
    const QByteArray fragment = m_templates.at(row).fragment;
    close();
    Q_EMIT templateChosen(fragment);
}

bool QuickAddPopup::eventFilter(QObject* watched, QEvent* event)
{
    if (watched != m_filter || event->type() != QEvent::KeyPress)
        return QFrame::eventFilter(watched, event);

    const auto* key = static_cast<QKeyEvent*>(event);
    switch (key->key()) {
    case Qt::Key_Up:
        moveCurrent(-1);
        return true;
    case Qt::Key_Down:
        moveCurrent(1);
        return true;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        chooseRow(m_list->currentRow());
        return true;
    case Qt::Key_Escape:
        close();
        return true;
    default:
        return QFrame::eventFilter(watched, event);
    }
}

}  // namespace cairn
