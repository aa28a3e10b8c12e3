#include "flowinspector.h"

#include "flowdocument.h"
#include "stepinspector.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSet>
#include <QTableWidget>
#include <QToolButton>

namespace cairn {

namespace {

// Data of a row's name cell: the index of the parameter that filled the row, -1 for a new row.
constexpr int kSourceIndexRole = Qt::UserRole;

const ParamType kParamTypes[] = {ParamType::String, ParamType::Int, ParamType::Float,
                                 ParamType::Bool};

QString cellText(const QTableWidget* table, int row, int column)
{
    const QTableWidgetItem* item = table->item(row, column);
    return item ? item->text() : QString();
}

bool sameParameters(const QList<Parameter>& a, const QList<Parameter>& b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a[i].name != b[i].name || a[i].type != b[i].type
            || a[i].defaultValue != b[i].defaultValue || a[i].description != b[i].description)
            return false;
    }
    return true;
}

}  // namespace

QString defaultValueText(const Json& value)
{
    if (value.is_null())
        return QString();
    if (value.is_string())
        return QString::fromStdString(value.get<std::string>());
    return QString::fromStdString(value.dump());
}

FlowInspector::FlowInspector(FlowDocument* document, QWidget* parent)
    : QWidget(parent)
    , m_document(document)
    , m_name(new QLineEdit(this))
    , m_description(new QPlainTextEdit(this))
    , m_parameters(new QTableWidget(0, ColumnCount, this))
    , m_error(new QLabel(this))
{
    m_name->setObjectName(QStringLiteral("flowName"));
    m_description->setObjectName(QStringLiteral("flowDescription"));
    m_description->setMaximumHeight(fontMetrics().height() * 6);
    m_description->installEventFilter(this);

    m_parameters->setObjectName(QStringLiteral("flowParameters"));
    m_parameters->setHorizontalHeaderLabels(
        {tr("Name"), tr("Type"), tr("Default"), tr("Description")});
    m_parameters->horizontalHeader()->setStretchLastSection(true);
    m_parameters->verticalHeader()->setVisible(false);
    m_parameters->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_parameters->setSelectionMode(QAbstractItemView::SingleSelection);

    auto* add = new QToolButton(this);
    add->setObjectName(QStringLiteral("addParameter"));
    add->setText(QStringLiteral("+"));
    add->setToolTip(tr("Add a parameter"));
    auto* remove = new QToolButton(this);
    remove->setObjectName(QStringLiteral("removeParameter"));
    remove->setText(QStringLiteral("\u2212"));
    remove->setToolTip(tr("Remove the selected parameter"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch();

    m_error->setObjectName(QStringLiteral("flowError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #d32f2f;"));
    m_error->setVisible(false);

    auto* form = new QFormLayout(this);
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Description"), m_description);
    form->addRow(new QLabel(tr("Parameters"), this));
    form->addRow(m_parameters);
    form->addRow(buttons);
    form->addRow(m_error);

    connect(m_name, &QLineEdit::editingFinished, this, &FlowInspector::commit);
    connect(add, &QToolButton::clicked, this, &FlowInspector::addParameter);
    connect(remove, &QToolButton::clicked, this, &FlowInspector::removeParameter);
    connect(m_parameters, &QTableWidget::itemChanged, this, [this] {
        if (!m_refreshing)
            commit();
    });
    connect(m_document, &FlowDocument::flowPropertiesChanged, this, &FlowInspector::refresh);
    connect(m_document, &FlowDocument::documentReset, this, &FlowInspector::refresh);
    refresh();
}

// Widgets closing during destruction (an open cell editor, a field losing focus) would
// otherwise commit into the document while this object is half destroyed.
FlowInspector::~FlowInspector()
{
    const QList<QObject*> children = findChildren<QObject*>();
    for (QObject* child : children)
        child->blockSignals(true);
}

void FlowInspector::refresh()
{
    if (!m_document)
        return;
    const Flow& flow = m_document->flow();
    m_refreshing = true;
    if (m_name->text() != flow.name)
        m_name->setText(flow.name);
    if (m_description->toPlainText() != flow.description)
        m_description->setPlainText(flow.description);

    QList<Parameter> shown;
    QString error;
    if (!readParameters(&shown, &error) || !sameParameters(shown, flow.parameters)) {
        fillParameters(flow.parameters);
    } else {
        // Row i shows parameter i now, also after rows were added or removed.
        for (int row = 0; row < m_parameters->rowCount(); ++row)
            m_parameters->item(row, NameColumn)->setData(kSourceIndexRole, row);
    }
    m_refreshing = false;
    m_error->setVisible(false);
}

void FlowInspector::fillParameters(const QList<Parameter>& parameters)
{
    m_parameters->setRowCount(0);
    for (qsizetype i = 0; i < parameters.size(); ++i)
        appendParameterRow(parameters[i], int(i));
}

void FlowInspector::appendParameterRow(const Parameter& parameter, int sourceIndex)
{
    const bool wasRefreshing = m_refreshing;
    m_refreshing = true;
    const int row = m_parameters->rowCount();
    m_parameters->insertRow(row);

    auto* name = new QTableWidgetItem(parameter.name);
    name->setData(kSourceIndexRole, sourceIndex);
    m_parameters->setItem(row, NameColumn, name);
    m_parameters->setItem(row, DefaultColumn,
                          new QTableWidgetItem(defaultValueText(parameter.defaultValue)));
    m_parameters->setItem(row, DescriptionColumn, new QTableWidgetItem(parameter.description));

    auto* type = new QComboBox(m_parameters);
    for (ParamType each : kParamTypes)
        type->addItem(paramTypeName(each), paramTypeName(each));
    type->setCurrentIndex(type->findData(paramTypeName(parameter.type)));
    connect(type, &QComboBox::activated, this, &FlowInspector::commit);
    m_parameters->setCellWidget(row, TypeColumn, type);
    m_refreshing = wasRefreshing;
}

bool FlowInspector::readParameters(QList<Parameter>* parameters, QString* error) const
{
    QSet<QString> names;
    for (int row = 0; row < m_parameters->rowCount(); ++row) {
        Parameter parameter;
        if (!readParameterRow(row, &parameter, error))
            return false;
        if (names.contains(parameter.name)) {
            *error = tr("Row %1: the name '%2' is already used by another parameter.")
                         .arg(row + 1)
                         .arg(parameter.name);
            return false;
        }
        names.insert(parameter.name);
        parameters->append(parameter);
    }
    return true;
}

bool FlowInspector::readParameterRow(int row, Parameter* parameter, QString* error) const
{
    const QTableWidgetItem* nameItem = m_parameters->item(row, NameColumn);
    const int sourceIndex = nameItem ? nameItem->data(kSourceIndexRole).toInt() : -1;
    const QList<Parameter>& current = m_document->flow().parameters;
    if (sourceIndex >= 0 && sourceIndex < current.size())
        *parameter = current[sourceIndex];

    // A parameter name follows the same rule as a step id.
    parameter->name = cellText(m_parameters, row, NameColumn);
    const QString nameProblem = StepInspector::stepIdProblem(Flow(), QString(), parameter->name);
    if (!nameProblem.isEmpty()) {
        *error = tr("Row %1: %2").arg(row + 1).arg(nameProblem);
        return false;
    }

    if (auto* type = qobject_cast<QComboBox*>(m_parameters->cellWidget(row, TypeColumn)))
        paramTypeFromName(type->currentData().toString(), &parameter->type);
    parameter->description = cellText(m_parameters, row, DescriptionColumn);

    // An unchanged default keeps its JSON value, so that 3 stays 3 and not 3.0.
    const QString defaultText = cellText(m_parameters, row, DefaultColumn);
    if (defaultText.isEmpty()) {
        parameter->defaultValue = Json();
    } else if (defaultText != defaultValueText(parameter->defaultValue)
               || !valueMatchesType(parameter->defaultValue, parameter->type)) {
        QString problem;
        if (!parseParamValue(*parameter, defaultText, &parameter->defaultValue, &problem)) {
            *error = tr("Row %1: invalid default: %2").arg(row + 1).arg(problem);
            return false;
        }
    }
    return true;
}

void FlowInspector::addParameter()
{
    // The new row has no name yet, so it is not saved until the user types one.
    Parameter parameter;
    appendParameterRow(parameter, -1);
    const int row = m_parameters->rowCount() - 1;
    m_parameters->setCurrentCell(row, NameColumn);
    m_parameters->editItem(m_parameters->item(row, NameColumn));
}

void FlowInspector::removeParameter()
{
    const int row = m_parameters->currentRow();
    if (row < 0)
        return;
    m_parameters->removeRow(row);
    commit();
}

void FlowInspector::commit()
{
    if (m_refreshing || !m_document)
        return;

    QList<Parameter> parameters;
    QString error;
    if (!readParameters(&parameters, &error)) {
        showError(error);
        return;
    }

    const Flow& flow = m_document->flow();
    const QString name = m_name->text();
    const QString description = m_description->toPlainText();
    if (name == flow.name && description == flow.description
        && sameParameters(parameters, flow.parameters)) {
        m_error->setVisible(false);
        return;
    }
    if (!m_document->editFlowProperties(name, description, parameters, &error)) {
        showError(error);
        return;
    }
    m_error->setVisible(false);
}

bool FlowInspector::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_description && event->type() == QEvent::FocusOut)
        commit();
    return QWidget::eventFilter(watched, event);
}

void FlowInspector::showError(const QString& message)
{
    m_error->setText(message);
    m_error->setVisible(true);
}

}  // namespace cairn
