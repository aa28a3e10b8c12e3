#pragma once

// The Run > Parameters dialog: a value for each parameter of the flow, used by the next
// runs of this window. Each value is checked against the parameter's type as it is typed,
// and OK is disabled while one is invalid.

#include "flow.h"

#include <QDialog>
#include <QList>

class QCheckBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;

namespace cairn {

class ParametersDialog : public QDialog {
    Q_OBJECT
public:
    // values: the values to show, by name. Parameters without one show their default.
    ParametersDialog(const Flow& flow, const ParamValues& values, QWidget* parent = nullptr);

    // The values that differ from the defaults, by name, typed.
    ParamValues overrides() const;

    // The editor of a parameter, for tests: a QLineEdit, or a QCheckBox for a bool.
    QWidget* editor(const QString& name) const;

private:
    struct Row {
        Parameter parameter;
        QLineEdit* text = nullptr;   // string, int and float
        QCheckBox* check = nullptr;  // bool
        QLabel* error = nullptr;
    };

    void addRow(QFormLayout* form, const Parameter& parameter, const Json& value);
    bool rowValue(const Row& row, Json* value, QString* error) const;
    void validate();

    QList<Row> m_rows;
    QDialogButtonBox* m_buttons;
};

}  // namespace cairn
