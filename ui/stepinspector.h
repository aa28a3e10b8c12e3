#pragma once

// The inspector page for one step: every field of the step, each committed to the
// FlowDocument as one editStep call (so one undo entry). Refreshes itself when the
// document changes the step (undo, redo, a rename elsewhere). Owned by the Inspector.

#include "flow.h"

#include <QString>
#include <QPointer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QSpinBox;

namespace cairn {

class CodeEditor;
class FlowDocument;
class KeyValueTable;
class StringListEdit;

class StepInspector : public QWidget {
    Q_OBJECT
public:
    explicit StepInspector(FlowDocument* document, QWidget* parent = nullptr);
    ~StepInspector() override;

    // Shows the fields of step id. An id that is not in the flow disables the page.
    void setStep(const QString& id);
    QString stepId() const { return m_stepId; }

    // Reloads every field from the document, keeping cursors where the text is unchanged.
    void refresh();

    // Checks a step id typed by the user: the id rule and uniqueness among the other
    // steps. Returns an empty string when valid, else the reason.
    static QString stepIdProblem(const Flow& flow, const QString& currentId,
                                 const QString& id);

private:
    void buildForm();
    void connectFields();
    void showKindFields(StepKind kind);
    void refreshParams(const Step& step);

    // Applies the change that edit makes to a copy of the shown step and commits it.
    template <typename Edit>
    void commitField(Edit edit);
    void commitStep(const Step& edited);
    void commitId();
    void validateIdAsTyped(const QString& text);
    void commitParams();
    void commitEnv();
    void showError(const QString& message);

    QPointer<FlowDocument> m_document;  // null once the document is destroyed
    QString m_stepId;
    bool m_refreshing = false;  // true while fields are filled from the document

    QFormLayout* m_form = nullptr;
    QLineEdit* m_id = nullptr;
    QLabel* m_idError = nullptr;
    QLineEdit* m_title = nullptr;
    QComboBox* m_kind = nullptr;
    CodeEditor* m_code = nullptr;
    QLineEdit* m_interpreter = nullptr;
    QLineEdit* m_path = nullptr;
    StringListEdit* m_args = nullptr;
    StringListEdit* m_inputs = nullptr;
    StringListEdit* m_outputs = nullptr;
    QListWidget* m_params = nullptr;
    KeyValueTable* m_env = nullptr;
    QSpinBox* m_retries = nullptr;
    QDoubleSpinBox* m_timeout = nullptr;
    QCheckBox* m_cache = nullptr;
    QLineEdit* m_cacheVersion = nullptr;
    QLabel* m_error = nullptr;
};

}  // namespace cairn
