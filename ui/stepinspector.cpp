#include "stepinspector.h"

#include "codeeditor.h"
#include "flowdocument.h"
#include "keyvaluetable.h"
#include "stringlistedit.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QRegularExpression>
#include <QSet>
#include <QSpinBox>

namespace cairn {

namespace {

constexpr int kMaxRetries = 1000;
constexpr double kMaxTimeoutS = 7 * 24 * 3600.0;

// Compares the fields that the inspector edits. Raw JSON and the position are not edited here.
bool sameFields(const Step& a, const Step& b)
{
    return a.id == b.id && a.title == b.title && a.kind == b.kind && a.command == b.command
        && a.script == b.script && a.interpreter == b.interpreter && a.path == b.path
        && a.args == b.args && a.env == b.env && a.inputs == b.inputs && a.outputs == b.outputs
        && a.params == b.params && a.retries == b.retries && a.timeoutS == b.timeoutS
        && a.cache == b.cache && a.cacheVersion == b.cacheVersion;
}

QLabel* newErrorLabel(QWidget* parent, const QString& objectName)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #d32f2f;"));
    label->setVisible(false);
    return label;
}

QLineEdit* newLineEdit(QWidget* parent, const QString& objectName)
{
    auto* edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    return edit;
}

// Sets the text only when it differs, so the cursor of an unchanged field stays put.
void setTextKeepingCursor(QLineEdit* edit, const QString& text)
{
    if (edit->text() != text)
        edit->setText(text);
}

}  // namespace

StepInspector::StepInspector(FlowDocument* document, QWidget* parent)
    : QWidget(parent)
    , m_document(document)
{
    buildForm();
    connectFields();

    connect(m_document, &FlowDocument::stepChanged, this,
            [this](const QString& oldId, const QString& id) {
                if (oldId != m_stepId)
                    return;
                m_stepId = id;
                refresh();
            });
    connect(m_document, &FlowDocument::flowPropertiesChanged, this, [this] {
        if (const Step* step = m_document->flow().step(m_stepId))
            refreshParams(*step);
    });
}

// Widgets closing during destruction (an open cell editor, a field losing focus) would
// otherwise commit into the document while this object is half destroyed.
StepInspector::~StepInspector()
{
    const QList<QObject*> children = findChildren<QObject*>();
    for (QObject* child : children)
        child->blockSignals(true);
}

QString StepInspector::stepIdProblem(const Flow& flow, const QString& currentId,
                                     const QString& id)
{
    if (id.isEmpty())
        return tr("The id is empty. Enter letters, digits, '_' or '-'.");
    if (!isValidIdentifier(id))
        return tr("Invalid id '%1': use letters, digits, '_' and '-', starting with a letter "
                  "or '_'.")
            .arg(id);
    if (id != currentId && flow.stepIndex(id) >= 0)
        return tr("The id '%1' is already used by another step.").arg(id);
    return QString();
}

void StepInspector::buildForm()
{
    m_form = new QFormLayout(this);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    m_id = newLineEdit(this, QStringLiteral("stepId"));
    m_idError = newErrorLabel(this, QStringLiteral("stepIdError"));
    m_title = newLineEdit(this, QStringLiteral("stepTitle"));
    m_title->setPlaceholderText(tr("Shown on the canvas; empty shows the id"));

    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("stepKind"));
    m_kind->addItem(QIcon(QStringLiteral(":/icons/shell.svg")), tr("Shell command"),
                    stepKindName(StepKind::Shell));
    m_kind->addItem(QIcon(QStringLiteral(":/icons/python.svg")), tr("Python script"),
                    stepKindName(StepKind::Python));
    m_kind->addItem(QIcon(QStringLiteral(":/icons/script.svg")), tr("Script file"),
                    stepKindName(StepKind::Script));

    m_code = new CodeEditor(this);
    m_code->setObjectName(QStringLiteral("stepCode"));
    m_code->setMinimumHeight(fontMetrics().height() * 10);
    m_interpreter = newLineEdit(this, QStringLiteral("stepInterpreter"));
    m_path = newLineEdit(this, QStringLiteral("stepPath"));
    m_path->setPlaceholderText(tr("Relative to the flow file's folder"));
    m_args = new StringListEdit(this);
    m_args->setObjectName(QStringLiteral("stepArgs"));
    m_inputs = new StringListEdit(this);
    m_inputs->setObjectName(QStringLiteral("stepInputs"));
    m_outputs = new StringListEdit(this);
    m_outputs->setObjectName(QStringLiteral("stepOutputs"));
    m_params = new QListWidget(this);
    m_params->setObjectName(QStringLiteral("stepParams"));
    m_params->setMaximumHeight(fontMetrics().height() * 6);
    m_env = new KeyValueTable(this);
    m_env->setObjectName(QStringLiteral("stepEnv"));

    m_retries = new QSpinBox(this);
    m_retries->setObjectName(QStringLiteral("stepRetries"));
    m_retries->setRange(0, kMaxRetries);
    m_retries->setKeyboardTracking(false);
    m_timeout = new QDoubleSpinBox(this);
    m_timeout->setObjectName(QStringLiteral("stepTimeout"));
    m_timeout->setRange(0, kMaxTimeoutS);
    m_timeout->setDecimals(1);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setSpecialValueText(tr("none"));
    m_timeout->setKeyboardTracking(false);
    m_cache = new QCheckBox(tr("Reuse stored results"), this);
    m_cache->setObjectName(QStringLiteral("stepCache"));
    m_cache->setToolTip(tr("Reuse the stored results of an earlier run when the step's "
                           "inputs, text and parameters are unchanged"));
    m_cacheVersion = newLineEdit(this, QStringLiteral("stepCacheVersion"));
    m_cacheVersion->setPlaceholderText(tr("Change to discard stored results"));
    m_error = newErrorLabel(this, QStringLiteral("stepError"));

    m_form->addRow(tr("Id"), m_id);
    m_form->addRow(QString(), m_idError);
    m_form->addRow(tr("Title"), m_title);
    m_form->addRow(tr("Kind"), m_kind);
    m_form->addRow(tr("Command"), m_code);
    m_form->addRow(tr("Interpreter"), m_interpreter);
    m_form->addRow(tr("Path"), m_path);
    m_form->addRow(tr("Arguments"), m_args);
    m_form->addRow(tr("Inputs"), m_inputs);
    m_form->addRow(tr("Outputs"), m_outputs);
    m_form->addRow(tr("Parameters"), m_params);
    m_form->addRow(tr("Environment"), m_env);
    m_form->addRow(tr("Retries"), m_retries);
    m_form->addRow(tr("Timeout"), m_timeout);
    m_form->addRow(tr("Cache"), m_cache);
    m_form->addRow(tr("Cache version"), m_cacheVersion);
    m_form->addRow(m_error);
}

void StepInspector::connectFields()
{
    connect(m_id, &QLineEdit::textEdited, this, &StepInspector::validateIdAsTyped);
    connect(m_id, &QLineEdit::editingFinished, this, &StepInspector::commitId);
    connect(m_title, &QLineEdit::editingFinished, this,
            [this] { commitField([this](Step& s) { s.title = m_title->text(); }); });
    connect(m_kind, &QComboBox::activated, this, [this](int index) {
        StepKind kind = StepKind::Shell;
        stepKindFromName(m_kind->itemData(index).toString(), &kind);
        commitField([kind](Step& s) { s.kind = kind; });
    });
    connect(m_code, &CodeEditor::textCommitted, this, [this](const QString& text) {
        commitField([&text](Step& s) {
            if (s.kind == StepKind::Python)
                s.script = text;
            else
                s.command = text;
        });
    });
    connect(m_interpreter, &QLineEdit::editingFinished, this,
            [this] { commitField([this](Step& s) { s.interpreter = m_interpreter->text(); }); });
    connect(m_path, &QLineEdit::editingFinished, this,
            [this] { commitField([this](Step& s) { s.path = m_path->text(); }); });
    connect(m_args, &StringListEdit::edited, this, [this](const QStringList& items) {
        commitField([&items](Step& s) { s.args = items; });
    });
    connect(m_inputs, &StringListEdit::edited, this, [this](const QStringList& items) {
        commitField([&items](Step& s) { s.inputs = items; });
    });
    connect(m_outputs, &StringListEdit::edited, this, [this](const QStringList& items) {
        commitField([&items](Step& s) { s.outputs = items; });
    });
    connect(m_params, &QListWidget::itemChanged, this, [this] {
        if (!m_refreshing)
            commitParams();
    });
    connect(m_env, &KeyValueTable::edited, this, &StepInspector::commitEnv);
    connect(m_retries, &QSpinBox::valueChanged, this, [this](int value) {
        if (!m_refreshing)
            commitField([value](Step& s) { s.retries = value; });
    });
    connect(m_timeout, &QDoubleSpinBox::valueChanged, this, [this](double value) {
        if (!m_refreshing)
            commitField([value](Step& s) { s.timeoutS = value; });
    });
    connect(m_cache, &QCheckBox::toggled, this, [this](bool checked) {
        if (!m_refreshing)
            commitField([checked](Step& s) { s.cache = checked; });
    });
    connect(m_cacheVersion, &QLineEdit::editingFinished, this, [this] {
        commitField([this](Step& s) { s.cacheVersion = m_cacheVersion->text(); });
    });
}

void StepInspector::setStep(const QString& id)
{
    if (id != m_stepId) {
        // A pending code edit belongs to the step shown so far.
        m_code->commit();
        m_stepId = id;
        m_idError->setVisible(false);
        m_error->setVisible(false);
    }
    refresh();
}

void StepInspector::refresh()
{
    const Step* step = m_document ? m_document->flow().step(m_stepId) : nullptr;
    setEnabled(step != nullptr);
    if (!step)
        return;

    m_refreshing = true;
    // The id field keeps an invalid text the user is still fixing.
    if (m_idError->isHidden())
        setTextKeepingCursor(m_id, step->id);
    setTextKeepingCursor(m_title, step->title);
    m_kind->setCurrentIndex(m_kind->findData(stepKindName(step->kind)));
    showKindFields(step->kind);
    m_code->setText(step->kind == StepKind::Python ? step->script : step->command);
    setTextKeepingCursor(m_interpreter, step->interpreter);
    setTextKeepingCursor(m_path, step->path);
    m_args->setItems(step->args);
    m_inputs->setItems(step->inputs);
    m_outputs->setItems(step->outputs);
    refreshParams(*step);
    m_env->setPairs(step->env);
    m_retries->setValue(step->retries);
    m_timeout->setValue(step->timeoutS);
    m_cache->setChecked(step->cache);
    setTextKeepingCursor(m_cacheVersion, step->cacheVersion);
    m_refreshing = false;
}

void StepInspector::showKindFields(StepKind kind)
{
    const bool shell = kind == StepKind::Shell;
    const bool python = kind == StepKind::Python;
    const bool script = kind == StepKind::Script;

    m_form->setRowVisible(m_code, shell || python);
    if (auto* label = qobject_cast<QLabel*>(m_form->labelForField(m_code)))
        label->setText(python ? tr("Script") : tr("Command"));
    m_code->setLanguage(python ? CodeEditor::Language::Python : CodeEditor::Language::Bash);
    m_form->setRowVisible(m_interpreter, python || script);
    m_interpreter->setPlaceholderText(python ? tr("python3") : tr("Run the file directly"));
    m_form->setRowVisible(m_path, script);
    m_form->setRowVisible(m_args, script);
}

void StepInspector::refreshParams(const Step& step)
{
    const bool wasRefreshing = m_refreshing;
    m_refreshing = true;
    m_params->clear();

    // Every declared parameter is listed, checked when the step lists it. Names that the
    // step lists but the flow does not declare follow, so that they can be unchecked.
    QSet<QString> declared;
    for (const Parameter& parameter : m_document->flow().parameters) {
        declared.insert(parameter.name);
        auto* item = new QListWidgetItem(parameter.name, m_params);
        item->setData(Qt::UserRole, parameter.name);
        item->setToolTip(parameter.description);
        item->setCheckState(step.params.contains(parameter.name) ? Qt::Checked : Qt::Unchecked);
    }
    for (const QString& name : step.params) {
        if (declared.contains(name))
            continue;
        auto* item = new QListWidgetItem(tr("%1 (not declared)").arg(name), m_params);
        item->setData(Qt::UserRole, name);
        item->setForeground(QColor(0xd3, 0x2f, 0x2f));
        item->setCheckState(Qt::Checked);
    }
    m_refreshing = wasRefreshing;
}

template <typename Edit>
void StepInspector::commitField(Edit edit)
{
    const Step* step = m_document ? m_document->flow().step(m_stepId) : nullptr;
    if (!step)
        return;
    Step edited = *step;
    edit(edited);
    commitStep(edited);
}

void StepInspector::commitStep(const Step& edited)
{
    const Step* step = m_document ? m_document->flow().step(m_stepId) : nullptr;
    if (!step)
        return;
    if (sameFields(*step, edited)) {
        m_error->setVisible(false);
        return;
    }

    QString error;
    if (!m_document->editStep(m_stepId, edited, &error)) {
        showError(error);
        return;
    }
    m_error->setVisible(false);
}

void StepInspector::validateIdAsTyped(const QString& text)
{
    if (!m_document)
        return;
    const QString problem = stepIdProblem(m_document->flow(), m_stepId, text);
    m_idError->setText(problem);
    m_idError->setVisible(!problem.isEmpty());
}

void StepInspector::commitId()
{
    const QString id = m_id->text();
    validateIdAsTyped(id);
    if (!m_idError->isHidden() || id == m_stepId)
        return;
    commitField([&id](Step& s) { s.id = id; });
}

void StepInspector::commitParams()
{
    const Step* step = m_document ? m_document->flow().step(m_stepId) : nullptr;
    if (!step)
        return;

    // Names still checked keep their order in the step, and newly checked ones follow in
    // the order that the flow declares them.
    QStringList checked;
    for (int row = 0; row < m_params->count(); ++row) {
        const QListWidgetItem* item = m_params->item(row);
        if (item->checkState() == Qt::Checked)
            checked << item->data(Qt::UserRole).toString();
    }
    QStringList params;
    for (const QString& name : step->params) {
        if (checked.contains(name))
            params << name;
    }
    for (const QString& name : checked) {
        if (!params.contains(name))
            params << name;
    }
    commitField([&params](Step& s) { s.params = params; });
}

void StepInspector::commitEnv()
{
    const KeyValueList pairs = m_env->pairs();
    QSet<QString> names;
    for (const auto& pair : pairs) {
        if (names.contains(pair.first)) {
            showError(tr("The variable %1 is listed twice. Remove or rename one of the rows. "
                         "The environment is saved once the names are unique.")
                          .arg(pair.first));
            return;
        }
        names.insert(pair.first);
    }
    commitField([&pairs](Step& s) { s.env = pairs; });
}

void StepInspector::showError(const QString& message)
{
    m_error->setText(message);
    m_error->setVisible(true);
}

}  // namespace cairn
