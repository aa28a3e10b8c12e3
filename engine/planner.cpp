#include "planner.h"

#include "cachekey.h"
#include "hashing.h"
#include "logging.h"

#include <QCoreApplication>

namespace cairn {

namespace {

// Translation context of this file's messages.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(Planner)
};

bool isSuccess(StepStatus status)
{
    return status == StepStatus::Succeeded || status == StepStatus::Cached;
}

// A message of this file's translation context. Mark source with
// QT_TRANSLATE_NOOP("Planner", …) so that lupdate extracts it.
Message message(const char* source)
{
    return Message("Planner", source);
}

// A step status as a word of a reason: "failed", "cancelled", "not run", …
Message statusWord(StepStatus status)
{
    switch (status) {
    case StepStatus::Pending: return message(QT_TRANSLATE_NOOP("Planner", "pending"));
    case StepStatus::Running: return message(QT_TRANSLATE_NOOP("Planner", "running"));
    case StepStatus::Succeeded: return message(QT_TRANSLATE_NOOP("Planner", "succeeded"));
    case StepStatus::Cached: return message(QT_TRANSLATE_NOOP("Planner", "cached"));
    case StepStatus::Failed: return message(QT_TRANSLATE_NOOP("Planner", "failed"));
    case StepStatus::Cancelled: return message(QT_TRANSLATE_NOOP("Planner", "cancelled"));
    case StepStatus::Skipped: return message(QT_TRANSLATE_NOOP("Planner", "skipped"));
    case StepStatus::NotRun: return message(QT_TRANSLATE_NOOP("Planner", "not run"));
    }
    return Message::plain(stepStatusName(status));
}

// Sets both forms of a planned step's reason.
void setReason(PlannedStep* planned, const Message& reason)
{
    planned->reasonMessage = reason;
    planned->reason = reason.text();
}

// The run that executed a result: the record's own run, or the run it was reused from.
qint64 executingRun(const StepRunRecord& record)
{
    return record.sourceRun.value_or(record.run);
}

}  // namespace

QString planActionName(PlanAction action)
{
    switch (action) {
    case PlanAction::Run: return QStringLiteral("run");
    case PlanAction::Reuse: return QStringLiteral("reuse");
    case PlanAction::CacheHit: return QStringLiteral("cache_hit");
    case PlanAction::Deferred: return QStringLiteral("deferred");
    case PlanAction::Skip: return QStringLiteral("skip");
    }
    return QString();
}

QString emptyOutputsDigest()
{
    return manifestDigest(Manifest());
}

const PlannedStep* Plan::step(const QString& id) const
{
    for (const PlannedStep& planned : steps) {
        if (planned.stepId == id)
            return &planned;
    }
    return nullptr;
}

Planner::Planner(const Flow& flow, Store* store)
    : m_flow(flow), m_graph(flow), m_store(store)
{
}

bool Planner::prepare(const PlanRequest& request, QString* error)
{
    for (const QString& id : {request.fromStep, request.upTo}) {
        if (!id.isEmpty() && !m_flow.step(id)) {
            *error = Text::tr("step %1 is not in flow %2; the steps are: %3")
                         .arg(id, m_flow.name, m_graph.topologicalOrder().join(QStringLiteral(", ")));
            return false;
        }
    }
    if (!resolveOrigin(request, error) || !resolveParams(request, error))
        return false;

    m_selected.clear();
    m_upTo = request.upTo;
    if (!request.upTo.isEmpty()) {
        m_selected = m_graph.ancestors(request.upTo);
        m_selected.insert(request.upTo);
    }
    markForced(request);
    return true;
}

bool Planner::resolveOrigin(const PlanRequest& request, QString* error)
{
    m_origin.reset();
    m_originSteps.clear();
    if (!request.resume)
        return true;

    std::optional<qint64> number = request.origin;
    if (!number)
        number = m_store->latestRun(m_flow.name);
    if (!number) {
        *error = Text::tr("flow %1 has no runs to resume in store %2; start one with `cairn-cli run`")
                     .arg(m_flow.name, m_store->directory());
        return false;
    }
    m_origin = m_store->run(*number);
    if (!m_origin) {
        *error = Text::tr("run %1 not found in store %2; `cairn-cli runs` lists the runs")
                     .arg(*number).arg(m_store->directory());
        return false;
    }
    if (m_origin->flowName != m_flow.name) {
        *error = Text::tr("run %1 belongs to flow %2, not %3; choose a run of this flow")
                     .arg(*number).arg(m_origin->flowName, m_flow.name);
        return false;
    }
    for (const StepRunRecord& record : m_store->stepRuns(*number))
        m_originSteps.insert(record.stepId, record);

    // The steps the origin run had, to tell a new step from one that never started there.
    Flow snapshot;
    QList<FlowIssue> ignored;
    parseFlow(m_origin->flowSnapshot, QString(), &snapshot, &ignored);
    m_originStepIds.clear();
    for (const Step& step : snapshot.steps)
        m_originStepIds.insert(step.id);
    return true;
}

bool Planner::resolveParams(const PlanRequest& request, QString* error)
{
    // Defaults first, then the origin run's values for parameters that still exist with a
    // fitting type, then what the user gave.
    m_params = m_flow.defaultParams();
    if (m_origin && m_origin->params.is_object()) {
        for (auto it = m_origin->params.begin(); it != m_origin->params.end(); ++it) {
            const QString name = QString::fromStdString(it.key());
            const Parameter* parameter = m_flow.parameter(name);
            if (parameter && valueMatchesType(it.value(), parameter->type))
                m_params.insert(name, it.value());
        }
    }
    for (auto it = request.overrides.begin(); it != request.overrides.end(); ++it) {
        const Parameter* parameter = m_flow.parameter(it.key());
        if (!parameter) {
            QStringList names;
            for (const Parameter& p : m_flow.parameters)
                names << p.name;
            *error = Text::tr("flow %1 has no parameter %2; its parameters are: %3")
                         .arg(m_flow.name, it.key(),
                              names.isEmpty() ? Text::tr("(none)") : names.join(QStringLiteral(", ")));
            return false;
        }
        if (!valueMatchesType(it.value(), parameter->type)) {
            *error = Text::tr("parameter %1 expects a value of type %2")
                         .arg(it.key(), paramTypeName(parameter->type));
            return false;
        }
        m_params.insert(it.key(), it.value());
    }
    for (const Parameter& parameter : m_flow.parameters) {
        if (!m_params.contains(parameter.name)) {
            *error = Text::tr("parameter %1 has no default; give it with --param %1=VALUE")
                         .arg(parameter.name);
            return false;
        }
    }
    return true;
}

void Planner::markForced(const PlanRequest& request)
{
    m_forced.clear();
    auto forceWithDownstream = [&](const QString& id, const Message& reason,
                                   const Message& downstreamReason) {
        if (!m_forced.contains(id))
            m_forced.insert(id, reason);
        for (const QString& below : m_graph.descendants(id)) {
            if (!m_forced.contains(below))
                m_forced.insert(below, downstreamReason);
        }
    };

    if (request.force) {
        for (const Step& step : m_flow.steps)
            m_forced.insert(step.id, message(QT_TRANSLATE_NOOP("Planner", "forced")));
        return;
    }
    if (!m_origin)
        return;

    const qint64 origin = m_origin->number;
    if (!request.fromStep.isEmpty()) {
        forceWithDownstream(
            request.fromStep, message(QT_TRANSLATE_NOOP("Planner", "selected as resume point")),
            message(QT_TRANSLATE_NOOP("Planner", "downstream of resume point %1"))
                .arg(request.fromStep));
        return;
    }

    // Resume without a step: what failed, was cancelled or interrupted in the origin run
    // reruns with everything downstream of it. Steps that never started are decided by
    // their keys like any other.
    for (const QString& id : m_graph.topologicalOrder()) {
        const auto it = m_originSteps.constFind(id);
        if (it == m_originSteps.constEnd())
            continue;
        Message reason;
        if (it->status == StepStatus::Failed)
            reason = message(QT_TRANSLATE_NOOP("Planner", "failed in run %1")).arg(origin);
        else if (it->status == StepStatus::Cancelled || it->status == StepStatus::Running)
            reason = message(QT_TRANSLATE_NOOP("Planner", "interrupted in run %1")).arg(origin);
        if (!reason.isEmpty()) {
            forceWithDownstream(
                id, reason,
                message(QT_TRANSLATE_NOOP("Planner", "downstream of %1, which did not finish in run %2"))
                    .arg(id)
                    .arg(origin));
        }
    }
}

bool Planner::isSelected(const QString& stepId) const
{
    return m_selected.isEmpty() || m_selected.contains(stepId);
}

bool Planner::computeComponents(const QString& stepId, const QMap<QString, QString>& upstreamOutputs,
                                Json* components, QString* error) const
{
    const Step* step = m_flow.step(stepId);
    Q_ASSERT_X(step, "Planner::computeComponents", "callers pass ids of the planned flow");
    return computeKeyComponents(m_flow, *step, m_params, upstreamOutputs, components, error);
}

PlannedStep Planner::decide(const QString& stepId, const Json& components)
{
    PlannedStep planned;
    planned.stepId = stepId;
    planned.components = components;
    planned.key = cacheKey(components);

    const Step* step = m_flow.step(stepId);
    if (m_forced.contains(stepId)) {
        planned.forced = true;
        setReason(&planned, m_forced.value(stepId));
        return planned;
    }
    if (!step->cache) {
        setReason(&planned, message(QT_TRANSLATE_NOOP("Planner", "caching disabled")));
        return planned;
    }

    // The origin run's own result comes first, so a resume reproduces that run exactly.
    const auto origin = m_originSteps.constFind(stepId);
    if (origin != m_originSteps.constEnd() && isSuccess(origin->status)
        && origin->key == planned.key) {
        bool present = true;
        for (const ArtifactRecord& artifact : origin->artifacts)
            present = present && m_store->hasObject(artifact.digest);
        if (present) {
            planned.action = PlanAction::Reuse;
            planned.source = *origin;
            setReason(&planned, message(QT_TRANSLATE_NOOP("Planner", "unchanged since run %1"))
                                    .arg(executingRun(*origin)));
            return planned;
        }
    }

    if (std::optional<StepRunRecord> hit = m_store->findCached(planned.key)) {
        planned.action = PlanAction::CacheHit;
        setReason(&planned, message(QT_TRANSLATE_NOOP("Planner", "cached result from run %1"))
                                .arg(executingRun(*hit)));
        planned.source = std::move(hit);
        return planned;
    }

    setReason(&planned, explainRun(stepId, planned.key, components));
    return planned;
}

Message Planner::explainRun(const QString& stepId, const QString& key,
                            const Json& components) const
{
    // A result for this very key existed until the user cleared it; that is the whole reason.
    if (const std::optional<qint64> cleared = m_store->clearedResultRun(key))
        return message(QT_TRANSLATE_NOOP("Planner", "its cached result from run %1 was cleared"))
            .arg(*cleared);

    // Against the origin run when resuming, so the reason names what changed since the run
    // the user is resuming; otherwise against the step's latest run with a key.
    std::optional<StepRunRecord> previous;
    Message since;
    const auto origin = m_originSteps.constFind(stepId);
    if (m_origin && !m_originStepIds.contains(stepId))
        return message(QT_TRANSLATE_NOOP("Planner", "new since run %1")).arg(m_origin->number);
    if (m_origin && origin == m_originSteps.constEnd())
        return message(QT_TRANSLATE_NOOP("Planner", "did not run in run %1")).arg(m_origin->number);
    if (origin != m_originSteps.constEnd() && !origin->key.isEmpty()) {
        previous = *origin;
        since = message(QT_TRANSLATE_NOOP("Planner", "since run %1")).arg(m_origin->number);
    } else if (origin != m_originSteps.constEnd()) {
        return message(QT_TRANSLATE_NOOP("Planner", "did not run in run %1")).arg(m_origin->number);
    } else {
        previous = m_store->previousStepRun(m_flow.name, stepId);
        if (previous)
            since = message(QT_TRANSLATE_NOOP("Planner", "since run %1")).arg(previous->run);
    }

    if (!previous)
        return message(QT_TRANSLATE_NOOP("Planner", "no earlier run of this step"));
    const QList<Message> changes = explainKeyChangeMessages(previous->components, components);
    if (changes.isEmpty()) {
        if (!isSuccess(previous->status))
            return message(QT_TRANSLATE_NOOP("Planner", "no cached result: it %1 in run %2"))
                .arg(statusWord(previous->status))
                .arg(previous->run);
        return message(QT_TRANSLATE_NOOP("Planner", "the stored outputs of run %1 were removed"))
            .arg(executingRun(*previous));
    }
    // "command changed; input data.csv changed since run 3"
    // The space between the changes and "since run N" is part of the translation, because
    // Chinese writes none before its full-width brackets.
    return message(QT_TRANSLATE_NOOP("Planner", "%1 %2"))
        .arg(Message::joined(changes, QStringLiteral("; ")))
        .arg(since);
}

Plan Planner::makePlan()
{
    Plan plan;
    plan.params = m_params;
    plan.origin = m_origin;

    // Outputs digests of steps whose results are known before running anything.
    QHash<QString, QString> knownOutputs;
    for (const QString& id : m_graph.topologicalOrder()) {
        PlannedStep planned;
        planned.stepId = id;
        if (!isSelected(id)) {
            planned.action = PlanAction::Skip;
            setReason(&planned, message(QT_TRANSLATE_NOOP(
                                    "Planner", "not selected: only %1 and its upstream steps run"))
                                    .arg(m_upTo));
            plan.steps.append(planned);
            continue;
        }

        QMap<QString, QString> upstreamOutputs;
        QString pendingUpstream;
        for (const QString& up : m_graph.upstream(id)) {
            if (!knownOutputs.contains(up)) {
                pendingUpstream = up;
                break;
            }
            upstreamOutputs.insert(up, knownOutputs.value(up));
        }

        if (!pendingUpstream.isEmpty()) {
            planned.forced = m_forced.contains(id);
            if (planned.forced) {
                setReason(&planned, m_forced.value(id));
            } else if (!m_flow.step(id)->cache) {
                setReason(&planned, message(QT_TRANSLATE_NOOP("Planner", "caching disabled")));
            } else {
                planned.action = PlanAction::Deferred;
                setReason(&planned, message(QT_TRANSLATE_NOOP("Planner",
                                                              "decided when upstream %1 finishes"))
                                        .arg(pendingUpstream));
            }
            plan.steps.append(planned);
            continue;
        }

        Json components;
        QString error;
        if (!computeComponents(id, upstreamOutputs, &components, &error)) {
            planned.error = error;
            setReason(&planned, Message::plain(error));
            plan.steps.append(planned);
            continue;
        }
        planned = decide(id, components);
        if (planned.source)
            knownOutputs.insert(id, planned.source->outputsDigest);
        plan.steps.append(planned);
    }
    return plan;
}

}  // namespace cairn
