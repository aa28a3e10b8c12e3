#include "planpreview.h"

#include "backgroundtask.h"
#include "cachekey.h"
#include "store.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace cairn {

// The result of one planning job: a plan, or the error that prevents one.
struct PlanOutcome {
    quint64 generation = 0;
    bool ok = false;
    Plan plan;
    QString error;
};

namespace {

enum StepColumn { StepIdColumn, ActionColumn, ReasonColumn };
enum ParamColumn { ParamNameColumn, ParamTypeColumn, ParamValueColumn };

// At most this many step errors are listed under the summary, and the rows show all of them.
constexpr int kMaxListedStepErrors = 3;

// Runs on a worker thread, so it opens its own store connection and owns its inputs.
PlanOutcome makePlanOutcome(const Flow& flow, const QString& storeDirectory,
                            const PlanRequest& request, quint64 generation)
{
    PlanOutcome outcome;
    outcome.generation = generation;
    const std::unique_ptr<Store> store = Store::open(storeDirectory, &outcome.error);
    if (!store)
        return outcome;
    Planner planner(flow, store.get());
    if (!planner.prepare(request, &outcome.error))
        return outcome;
    outcome.plan = planner.makePlan();
    outcome.ok = true;
    return outcome;
}

}  // namespace

PlanPreviewDialog::PlanPreviewDialog(const Flow& flow, const QString& storeDirectory,
                                     const PlanRequest& request, QWidget* parent)
    : QDialog(parent), m_flow(flow), m_storeDirectory(storeDirectory), m_request(request)
{
    setObjectName(QStringLiteral("planPreviewDialog"));
    setWindowTitle(tr("Plan Preview"));

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("planSummary"));
    m_summary->setWordWrap(true);
    m_busy = new QProgressBar(this);
    m_busy->setObjectName(QStringLiteral("planBusy"));
    m_busy->setRange(0, 0);  // indeterminate, because planning reports no progress
    m_busy->setTextVisible(false);
    m_steps = new QTreeWidget(this);
    m_steps->setObjectName(QStringLiteral("planSteps"));
    m_steps->setRootIsDecorated(false);
    m_steps->setHeaderLabels({tr("Step"), tr("Action"), tr("Reason")});
    m_params = new QTableWidget(0, 3, this);
    m_params->setObjectName(QStringLiteral("planParameters"));
    m_params->setHorizontalHeaderLabels({tr("Parameter"), tr("Type"), tr("Value")});
    m_params->horizontalHeader()->setStretchLastSection(true);
    m_params->verticalHeader()->hide();
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_buttons->addButton(tr("Start"), QDialogButtonBox::AcceptRole)
        ->setObjectName(QStringLiteral("startButton"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_params, &QTableWidget::itemChanged, this, &PlanPreviewDialog::onParameterChanged);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_busy);
    layout->addWidget(m_steps, 3);
    layout->addWidget(new QLabel(tr("Parameters (a change re-plans the steps that use it):"),
                                 this));
    layout->addWidget(m_params, 1);
    layout->addWidget(m_buttons);
    resize(720, 480);

    fillParameters();
    requestPlan();
}

PlanPreviewDialog::~PlanPreviewDialog() = default;

void PlanPreviewDialog::fillParameters()
{
    // Until the first plan arrives, a value is known only when the request overrides it.
    // The planner resolves the others from the origin run or the defaults.
    m_filling = true;
    m_params->setRowCount(0);
    for (const Parameter& parameter : m_flow.parameters) {
        const int row = m_params->rowCount();
        m_params->insertRow(row);
        auto* name = new QTableWidgetItem(parameter.name);
        name->setFlags(Qt::ItemIsEnabled);
        auto* type = new QTableWidgetItem(paramTypeName(parameter.type));
        type->setFlags(Qt::ItemIsEnabled);
        const auto overridden = m_request.overrides.constFind(parameter.name);
        auto* value = new QTableWidgetItem(
            overridden == m_request.overrides.constEnd() ? QString() : paramValueText(*overridden));
        value->setToolTip(parameter.description);
        m_params->setItem(row, ParamNameColumn, name);
        m_params->setItem(row, ParamTypeColumn, type);
        m_params->setItem(row, ParamValueColumn, value);
    }
    m_filling = false;
}

void PlanPreviewDialog::showParameterValues()
{
    // Cells with invalid text keep it, so the user can fix what they typed.
    m_filling = true;
    for (int row = 0; row < m_params->rowCount(); ++row) {
        const QString name = m_params->item(row, ParamNameColumn)->text();
        QTableWidgetItem* value = m_params->item(row, ParamValueColumn);
        const QString text = paramValueText(m_plan.params.value(name));
        if (!m_invalidParameters.contains(name) && m_plan.params.contains(name)
            && value->text() != text)
            value->setText(text);
    }
    m_filling = false;
}

bool PlanPreviewDialog::setParameterText(const QString& name, const QString& text)
{
    for (int row = 0; row < m_params->rowCount(); ++row) {
        if (m_params->item(row, ParamNameColumn)->text() == name) {
            m_params->item(row, ParamValueColumn)->setText(text);
            return true;
        }
    }
    return false;
}

void PlanPreviewDialog::onParameterChanged(QTableWidgetItem* item)
{
    if (m_filling || item->column() != ParamValueColumn)
        return;
    const Parameter* parameter = m_flow.parameter(m_params->item(item->row(), 0)->text());
    if (!parameter)
        return;

    // An invalid value keeps the last plan and blocks Start until it is fixed.
    Json value;
    QString error;
    const bool valid = parseParamValue(*parameter, item->text(), &value, &error);
    m_filling = true;
    item->setForeground(valid ? palette().text() : QBrush(Qt::red));
    item->setToolTip(valid ? parameter->description : error);
    m_filling = false;
    if (!valid) {
        m_invalidParameters.insert(parameter->name);
        updateStartButton();
        return;
    }

    m_invalidParameters.remove(parameter->name);
    m_request.overrides.insert(parameter->name, value);
    requestPlan();
}

void PlanPreviewDialog::requestPlan()
{
    ++m_generation;
    m_planning = true;
    m_busy->show();
    m_steps->setEnabled(false);  // the rows shown belong to the previous parameters
    m_summary->setText(tr("Planning: hashing the declared inputs and script files of the "
                          "steps…"));
    updateStartButton();

    const Flow flow = m_flow;
    const QString storeDirectory = m_storeDirectory;
    const PlanRequest request = m_request;
    const quint64 generation = m_generation;
    runInBackground<PlanOutcome>(
        this,
        [flow, storeDirectory, request, generation] {
            return makePlanOutcome(flow, storeDirectory, request, generation);
        },
        [this](const PlanOutcome& outcome) { applyPlan(outcome); });
}

void PlanPreviewDialog::applyPlan(const PlanOutcome& outcome)
{
    // A plan of parameters edited since would show the wrong rows, and the plan of the
    // latest edit is on its way.
    if (outcome.generation != m_generation)
        return;

    m_planning = false;
    m_busy->hide();
    m_steps->setEnabled(true);
    m_plan = outcome.plan;
    m_planError = outcome.ok ? QString() : outcome.error;
    showParameterValues();
    showSummary();
    fillSteps();
    updateStartButton();
    Q_EMIT planUpdated();
}

void PlanPreviewDialog::showSummary()
{
    if (!m_planError.isEmpty()) {
        m_summary->setText(tr("This run cannot be planned: %1").arg(m_planError));
        return;
    }
    QString text = m_plan.origin
        ? tr("Resuming run %1 of %2.").arg(m_plan.origin->number).arg(m_flow.name)
        : tr("Running %1.").arg(m_flow.name);

    // A step whose key cannot be computed yet may still run, because an upstream step can
    // create the missing input. So these errors are listed but leave Start enabled.
    QStringList stepErrors;
    for (const PlannedStep& step : std::as_const(m_plan.steps)) {
        if (!step.error.isEmpty() && stepErrors.size() < kMaxListedStepErrors)
            stepErrors.append(step.error);
    }
    if (!stepErrors.isEmpty())
        text += QLatin1Char('\n') + stepErrors.join(QLatin1Char('\n'));
    m_summary->setText(text);
}

void PlanPreviewDialog::updateStartButton()
{
    const bool ready = !m_planning && m_planError.isEmpty() && m_invalidParameters.isEmpty();
    for (QAbstractButton* button : m_buttons->buttons()) {
        if (m_buttons->buttonRole(button) == QDialogButtonBox::AcceptRole)
            button->setEnabled(ready);
    }
}

void PlanPreviewDialog::fillSteps()
{
    m_steps->clear();
    for (const PlannedStep& step : m_plan.steps) {
        const QString reason = step.error.isEmpty() ? step.reason : step.error;
        auto* item = new QTreeWidgetItem(m_steps, {step.stepId, describe(step), reason});
        item->setData(ActionColumn, Qt::UserRole, planActionName(step.action));
        item->setToolTip(ReasonColumn, reason);
    }
    m_steps->resizeColumnToContents(StepIdColumn);
    m_steps->resizeColumnToContents(ActionColumn);
}

QString PlanPreviewDialog::actionText(const QString& stepId) const
{
    const PlannedStep* step = m_plan.step(stepId);
    return step ? describe(*step) : QString();
}

QString PlanPreviewDialog::describe(const PlannedStep& step)
{
    // The run that executed a reused result, as `cairn-cli resume --dry-run` reports it.
    const qint64 source = step.source ? step.source->sourceRun.value_or(step.source->run) : 0;
    switch (step.action) {
    case PlanAction::Reuse:
        return tr("reuse from run %1").arg(source);
    case PlanAction::CacheHit:
        return tr("cache hit (run %1)").arg(source);
    case PlanAction::Run:
        return tr("run");
    case PlanAction::Deferred:
        return tr("decided when upstream finishes");
    case PlanAction::Skip:
        return tr("skip");
    }
    return QString();
}

}  // namespace cairn
