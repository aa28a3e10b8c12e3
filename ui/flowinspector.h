#pragma once

// The inspector page shown when no step is selected: the flow's name, description and
// parameters table. Each committed change is one editFlowProperties call. A table with an
// invalid row is shown with the reason and not saved. Owned by the Inspector.

#include "flow.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTableWidget;

namespace cairn {

class FlowDocument;

class FlowInspector : public QWidget {
    Q_OBJECT
public:
    enum Column { NameColumn, TypeColumn, DefaultColumn, DescriptionColumn, ColumnCount };

    explicit FlowInspector(FlowDocument* document, QWidget* parent = nullptr);
    ~FlowInspector() override;

    // Reloads the fields from the document. A parameters table that already shows the
    // document's parameters is left alone, so an edit in progress keeps its cell.
    void refresh();

    QTableWidget* parametersTable() const { return m_parameters; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void fillParameters(const QList<Parameter>& parameters);
    void appendParameterRow(const Parameter& parameter, int sourceIndex);
    // Reads the table into parameters; returns false with *error naming the row and the
    // problem when a row is invalid.
    bool readParameters(QList<Parameter>* parameters, QString* error) const;
    bool readParameterRow(int row, Parameter* parameter, QString* error) const;
    void addParameter();
    void removeParameter();
    void commit();
    void showError(const QString& message);

    QPointer<FlowDocument> m_document;  // null once the document is destroyed
    bool m_refreshing = false;  // true while fields are filled from the document

    QLineEdit* m_name;
    QPlainTextEdit* m_description;
    QTableWidget* m_parameters;
    QLabel* m_error;
};

// The text shown for a parameter's default: strings as they are, numbers and booleans as
// JSON writes them, an empty string when there is no default.
QString defaultValueText(const Json& value);

}  // namespace cairn
