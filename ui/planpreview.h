#pragma once

// The plan preview of a resume or run. It shows one row per step with its action (reuse
// from run N, cache hit, run, decided when upstream finishes, skip) and the reason. The
// run's parameters are editable, so the user sees what a change invalidates before
// starting. Start accepts the dialog, and request() then returns what to run.

#include "flow.h"
#include "planner.h"

#include <QDialog>
#include <QString>

#include <memory>

class QDialogButtonBox;
class QLabel;
class QTableWidget;
class QTableWidgetItem;
class QTreeWidget;

namespace cairn {

class Store;

class PlanPreviewDialog : public QDialog {
    Q_OBJECT
public:
    // flow must be valid. The dialog opens its own connection to the store in storeDirectory.
    PlanPreviewDialog(const Flow& flow, const QString& storeDirectory, const PlanRequest& request,
                      QWidget* parent = nullptr);
    ~PlanPreviewDialog() override;

    // The request with the parameter values edited in the dialog.
    PlanRequest request() const { return m_request; }
    const Plan& plan() const { return m_plan; }

    // Sets a parameter's text as if typed into its cell. Returns false when the name is
    // unknown. An invalid value marks the cell and disables Start.
    bool setParameterText(const QString& name, const QString& text);

    // The text shown in the action column of a step: "reuse from run 3", "run", ….
    QString actionText(const QString& stepId) const;

    QTreeWidget* stepsView() const { return m_steps; }
    QTableWidget* parametersView() const { return m_params; }

Q_SIGNALS:
    // The rows changed after a parameter edit.
    void planUpdated();

private:
    void fillParameters();
    void onParameterChanged(QTableWidgetItem* item);
    void replan();
    void fillSteps();
    static QString describe(const PlannedStep& step);

    Flow m_flow;
    std::unique_ptr<Store> m_store;  // null when the store cannot be opened
    PlanRequest m_request;
    Plan m_plan;
    QLabel* m_summary;
    QTreeWidget* m_steps;
    QTableWidget* m_params;
    QDialogButtonBox* m_buttons;
    bool m_filling = false;  // the parameter table is being filled, so edits are not user edits
};

}  // namespace cairn
