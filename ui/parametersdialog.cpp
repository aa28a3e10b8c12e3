#include "parametersdialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace cairn {

namespace {

// The text a line edit shows for a value: strings without quotes, numbers as JSON.
QString valueText(const Json& value)
{
    if (value.is_null())
        return QString();
    if (value.is_string())
        return QString::fromStdString(value.get<std::string>());
    return QString::fromStdString(value.dump());
}

}  // namespace

ParametersDialog::ParametersDialog(const Flow& flow, const ParamValues& values, QWidget* parent)
    : QDialog(parent), m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok
                                                      | QDialogButtonBox::Cancel
                                                      | QDialogButtonBox::RestoreDefaults,
                                                      this))
{
    setWindowTitle(tr("Run Parameters"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    layout->addLayout(form);
    if (flow.parameters.isEmpty())
        form->addRow(new QLabel(tr("This flow has no parameters."), this));
    for (const Parameter& parameter : flow.parameters)
        addRow(form, parameter, values.value(parameter.name, parameter.defaultValue));
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            [this] {
                for (const Row& row : std::as_const(m_rows)) {
                    if (row.check)
                        row.check->setChecked(row.parameter.defaultValue.is_boolean()
                                              && row.parameter.defaultValue.get<bool>());
                    else
                        row.text->setText(valueText(row.parameter.defaultValue));
                }
            });
    validate();
}

void ParametersDialog::addRow(QFormLayout* form, const Parameter& parameter, const Json& value)
{
    Row row;
    row.parameter = parameter;
    auto* box = new QWidget(this);
    auto* boxLayout = new QVBoxLayout(box);
    boxLayout->setContentsMargins(0, 0, 0, 0);
    if (parameter.type == ParamType::Bool) {
        row.check = new QCheckBox(box);
        row.check->setChecked(value.is_boolean() && value.get<bool>());
        boxLayout->addWidget(row.check);
        connect(row.check, &QCheckBox::toggled, this, &ParametersDialog::validate);
    } else {
        row.text = new QLineEdit(valueText(value), box);
        row.text->setPlaceholderText(paramTypeName(parameter.type));
        boxLayout->addWidget(row.text);
        connect(row.text, &QLineEdit::textChanged, this, &ParametersDialog::validate);
    }
    row.error = new QLabel(box);
    row.error->setWordWrap(true);
    row.error->setForegroundRole(QPalette::Link);
    row.error->hide();
    boxLayout->addWidget(row.error);
    box->setToolTip(parameter.description);

    const QString label = QStringLiteral("%1 (%2)").arg(parameter.name, paramTypeName(parameter.type));
    form->addRow(label, box);
    m_rows.append(row);
}

bool ParametersDialog::rowValue(const Row& row, Json* value, QString* error) const
{
    if (row.check) {
        *value = row.check->isChecked();
        return true;
    }
    return parseParamValue(row.parameter, row.text->text(), value, error);
}

void ParametersDialog::validate()
{
    bool valid = true;
    for (const Row& row : std::as_const(m_rows)) {
        Json value;
        QString error;
        const bool ok = rowValue(row, &value, &error);
        row.error->setText(error);
        row.error->setVisible(!ok);
        valid = valid && ok;
    }
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(valid);
}

ParamValues ParametersDialog::overrides() const
{
    ParamValues values;
    for (const Row& row : m_rows) {
        Json value;
        QString error;
        if (rowValue(row, &value, &error) && value != row.parameter.defaultValue)
            values.insert(row.parameter.name, value);
    }
    return values;
}

QWidget* ParametersDialog::editor(const QString& name) const
{
    for (const Row& row : m_rows) {
        if (row.parameter.name == name)
            return row.check ? static_cast<QWidget*>(row.check) : row.text;
    }
    return nullptr;
}

}  // namespace cairn
