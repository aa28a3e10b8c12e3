#pragma once

// The plan preview of a resume or run. It shows one row per step with its action (reuse
// from run N, cache hit, run, decided when upstream finishes, skip) and the reason. The
// run's parameters are editable, so the user sees what a change invalidates before
// starting. Start accepts the dialog, and request() then returns what to run.
//
// Planning hashes declared inputs and script files, so it runs on a worker thread with a
// store connection of its own. Each request for a plan gets a new generation number, and
// a plan that arrives for an older generation is dropped.

#include "flow.h"
#include "planner.h"

#include <QDialog>
#include <QSet>
#include <QString>

class QDialogButtonBox;
class QLabel;
class QProgressBar;
class QTableWidget;
class QTableWidgetItem;
class QTreeWidget;

namespace cairn {

struct PlanOutcome;

class PlanPreviewDialog : public QDialog {
    Q_OBJECT
public:
    // flow must be valid. Planning starts at once with a store connection of its own to
    // storeDirectory, and the dialog shows that it is planning until the plan arrives.
    PlanPreviewDialog(const Flow& flow, const QString& storeDirectory, const PlanRequest& request,
                      QWidget* parent = nullptr);
    ~PlanPreviewDialog() override;

    // The request with the parameter values edited in the dialog.
    PlanRequest request() const { return m_request; }
    // The plan shown; empty until the first plan arrives.
    const Plan& plan() const { return m_plan; }
    // Whether a plan for the current parameters is still being computed.
    bool isPlanning() const { return m_planning; }
    // Why the current parameters cannot be planned; empty when they can.
    QString planError() const { return m_planError; }

    // Sets a parameter's text as if typed into its cell. Returns false when the name is
    // unknown. A valid value starts a new plan; an invalid one marks the cell, keeps the
    // last plan and disables Start.
    bool setParameterText(const QString& name, const QString& text);

    // The text shown in the action column of a step: "reuse from run 3", "run", ….
    QString actionText(const QString& stepId) const;

    QTreeWidget* stepsView() const { return m_steps; }
    QTableWidget* parametersView() const { return m_params; }

Q_SIGNALS:
    // A plan for the current parameters, or the error that prevents one, is now shown.
    void planUpdated();

private:
    void fillParameters();
    void showParameterValues();
    void onParameterChanged(QTableWidgetItem* item);
    void requestPlan();
    void applyPlan(const PlanOutcome& outcome);
    void showSummary();
    void updateStartButton();
    void fillSteps();
    static QString describe(const PlannedStep& step);

    Flow m_flow;
    QString m_storeDirectory;
    PlanRequest m_request;
    Plan m_plan;
    QString m_planError;  // prepare or store failure for the current parameters
    quint64 m_generation = 0;  // of the latest plan requested; older results are dropped
    bool m_planning = false;
    QSet<QString> m_invalidParameters;  // names whose cell contains text that does not parse
    QLabel* m_summary;
    QProgressBar* m_busy;
    QTreeWidget* m_steps;
    QTableWidget* m_params;
    QDialogButtonBox* m_buttons;
    bool m_filling = false;  // the parameter table is being filled, so edits are not user edits
};

}  // namespace cairn
