#pragma once

// The right-hand panel: the fields of the selected step, the flow's properties when
// nothing is selected, or a short summary when several steps are selected. All edits go
// through the FlowDocument, which the window owns.

#include <QStringList>
#include <QPointer>
#include <QWidget>

class QLabel;
class QStackedWidget;

namespace cairn {

class FlowDocument;
class FlowInspector;
class StepInspector;

class Inspector : public QWidget {
    Q_OBJECT
public:
    explicit Inspector(FlowDocument* document, QWidget* parent = nullptr);
    ~Inspector() override;

    // Shows the flow's properties for no ids, the step's fields for one id and a summary
    // for several.
    void showSteps(const QStringList& ids);
    QStringList shownSteps() const { return m_ids; }

    StepInspector* stepPage() const { return m_stepPage; }
    FlowInspector* flowPage() const { return m_flowPage; }

protected:
    // Lets Undo and Redo in an unmodified line edit reach the window's undo stack.
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void showPage();

    QPointer<FlowDocument> m_document;  // null once the document is destroyed
    QStringList m_ids;
    QStackedWidget* m_stack;
    FlowInspector* m_flowPage;
    StepInspector* m_stepPage;
    QLabel* m_summary;
};

}  // namespace cairn
