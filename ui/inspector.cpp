#include "inspector.h"

#include "flowdocument.h"
#include "flowinspector.h"
#include "stepinspector.h"

#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace cairn {

namespace {

QScrollArea* scrolled(QWidget* page, QWidget* parent)
{
    auto* area = new QScrollArea(parent);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    area->setWidget(page);
    return area;
}

}  // namespace

Inspector::Inspector(FlowDocument* document, QWidget* parent)
    : QWidget(parent)
    , m_document(document)
    , m_stack(new QStackedWidget(this))
    , m_flowPage(new FlowInspector(document))
    , m_stepPage(new StepInspector(document))
    , m_summary(new QLabel)
{
    m_summary->setObjectName(QStringLiteral("selectionSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_stack->addWidget(scrolled(m_flowPage, m_stack));
    m_stack->addWidget(scrolled(m_stepPage, m_stack));
    m_stack->addWidget(scrolled(m_summary, m_stack));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    // A committed field has nothing of its own to undo: Ctrl+Z there should undo the last
    // edit of the flow, not bring back old text that leaving the field would commit again.
    for (QLineEdit* edit : findChildren<QLineEdit*>()) {
        edit->installEventFilter(this);
        connect(edit, &QLineEdit::editingFinished, edit, [edit] { edit->setModified(false); });
    }

    // The shown ids follow renames and removals, and a new document shows its properties.
    connect(m_document, &FlowDocument::documentReset, this, [this] { showSteps({}); });
    connect(m_document, &FlowDocument::stepChanged, this,
            [this](const QString& oldId, const QString& id) {
                const qsizetype index = m_ids.indexOf(oldId);
                if (oldId == id || index < 0)
                    return;
                m_ids[index] = id;
                if (m_ids.size() > 1)
                    showPage();
            });
    connect(m_document, &FlowDocument::stepRemoved, this, [this](const QString& id) {
        if (m_ids.contains(id)) {
            QStringList ids = m_ids;
            ids.removeAll(id);
            showSteps(ids);
        }
    });
    showSteps({});
}

// Widgets closing during destruction (an open cell editor, a field losing focus) would
// otherwise commit into the document while this object is half destroyed.
Inspector::~Inspector()
{
    const QList<QObject*> children = findChildren<QObject*>();
    for (QObject* child : children)
        child->blockSignals(true);
}

void Inspector::showSteps(const QStringList& ids)
{
    m_ids = ids;
    showPage();
}

void Inspector::showPage()
{
    // Leaving the step page commits a code edit that is still waiting for its idle delay.
    if (m_ids.size() != 1)
        m_stepPage->setStep(QString());

    if (m_ids.isEmpty()) {
        m_flowPage->refresh();
        m_stack->setCurrentIndex(0);
        return;
    }
    if (m_ids.size() == 1) {
        m_stepPage->setStep(m_ids.first());
        m_stack->setCurrentIndex(1);
        return;
    }
    m_summary->setText(tr("%n steps selected:", nullptr, int(m_ids.size())) + QLatin1Char('\n')
                       + m_ids.join(QStringLiteral(", ")));
    m_stack->setCurrentIndex(2);
}

}  // namespace cairn

namespace cairn {

bool Inspector::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::ShortcutOverride) {
        auto* edit = qobject_cast<QLineEdit*>(watched);
        const auto* key = static_cast<QKeyEvent*>(event);
        const bool undoKey = key->matches(QKeySequence::Undo) || key->matches(QKeySequence::Redo);
        if (edit && undoKey && !edit->isModified()) {
            event->ignore();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

}  // namespace cairn
