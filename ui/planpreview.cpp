#include "planpreview.h"

#include "cachekey.h"
#include "store.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace cairn {

namespace {

enum StepColumn { StepIdColumn, ActionColumn, ReasonColumn };
enum ParamColumn { ParamNameColumn, ParamTypeColumn, ParamValueColumn };

}  // namespace

PlanPreviewDialog::PlanPreviewDialog(const Flow& flow, const QString& storeDirectory,
                                     const PlanRequest& request, QWidget* parent)
    : QDialog(parent), m_flow(flow), m_request(request)
{
    setObjectName(QStringLiteral("planPreviewDialog"));
    setWindowTitle(tr("Plan Preview"));

    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
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
    layout->addWidget(m_steps, 3);
    layout->addWidget(new QLabel(tr("Parameters (a change re-plans the steps that use it):"),
                                 this));
    layout->addWidget(m_params, 1);
    layout->addWidget(m_buttons);
    resize(720, 480);

    QString error;
    m_store = Store::open(storeDirectory, &error);
    if (!m_store)
        m_summary->setText(error);
    replan();
    fillParameters();
}

PlanPreviewDialog::~PlanPreviewDialog() = default;

void PlanPreviewDialog::fillParameters()
{
    m_filling = true;
    m_params->setRowCount(0);
    for (const Parameter& parameter : m_flow.parameters) {
        const int row = m_params->rowCount();
        m_params->insertRow(row);
        auto* name = new QTableWidgetItem(parameter.name);
        name->setFlags(Qt::ItemIsEnabled);
        auto* type = new QTableWidgetItem(paramTypeName(parameter.type));
        type->setFlags(Qt::ItemIsEnabled);
        auto* value = new QTableWidgetItem(paramValueText(m_plan.params.value(parameter.name)));
        value->setToolTip(parameter.description);
        m_params->setItem(row, ParamNameColumn, name);
        m_params->setItem(row, ParamTypeColumn, type);
        m_params->setItem(row, ParamValueColumn, value);
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
    for (QAbstractButton* button : m_buttons->buttons()) {
        if (m_buttons->buttonRole(button) == QDialogButtonBox::AcceptRole)
            button->setEnabled(valid);
    }
    if (!valid)
        return;

    m_request.overrides.insert(parameter->name, value);
    replan();
    Q_EMIT planUpdated();
}

void PlanPreviewDialog::replan()
{
    // NOTE: planning runs on the GUI thread. It hashes declared inputs and script files, so
    // a flow with large inputs makes the dialog wait while it opens and after each edit.
    m_plan = Plan();
    QString error;
    bool ok = m_store != nullptr;
    if (ok) {
        Planner planner(m_flow, m_store.get());
        ok = planner.prepare(m_request, &error);
        if (ok)
            m_plan = planner.makePlan();
    }
    if (!ok && m_store)
        m_summary->setText(error);
    else if (ok && m_plan.origin)
        m_summary->setText(tr("Resuming run %1 of %2.").arg(m_plan.origin->number).arg(m_flow.name));
    else if (ok)
        m_summary->setText(tr("Running %1.").arg(m_flow.name));
    for (QAbstractButton* button : m_buttons->buttons()) {
        if (m_buttons->buttonRole(button) == QDialogButtonBox::AcceptRole)
            button->setEnabled(ok);
    }
    fillSteps();
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
