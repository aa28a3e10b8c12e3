#pragma once

// The planner decides, for each step of a run or resume, whether it reuses a result of the
// origin run, takes a cache hit, or runs, and why. The scheduler calls the same Planner for
// each step once its upstream steps have finished, so the plan shown before a run and the
// decisions taken during it come from one piece of code.

#include "flow.h"
#include "flowgraph.h"
#include "store.h"

#include <QHash>
#include <QMap>
#include <QSet>
#include <QString>

#include <optional>

namespace cairn {

enum class PlanAction {
    Run,       // execute the step
    Reuse,     // take the origin run's result (resume)
    CacheHit,  // take a stored result with the same key
    Deferred,  // the key depends on upstream outputs not produced yet
    Skip,      // not selected ("run up to" another step)
};

QString planActionName(PlanAction action);  // "run", "reuse", "cache_hit", "deferred", "skip"

struct PlanRequest {
    bool resume = false;
    std::optional<qint64> origin;  // resume: the origin run; empty means the latest run
    QString fromStep;              // resume: rerun this step and everything downstream
    QString upTo;                  // only this step and its ancestors; empty means all
    bool force = false;            // run every selected step
    ParamValues overrides;         // parameter values given by the user
};

struct PlannedStep {
    QString stepId;
    PlanAction action = PlanAction::Run;
    QString reason;         // reasonMessage in the current language
    Message reasonMessage;  // the reason in language-neutral form, as the store keeps it
    bool forced = false;  // runs whatever its key: forced, resume point, downstream of it
    QString key;          // empty when not computed yet
    Json components;
    std::optional<StepRunRecord> source;  // the record taken, for Reuse and CacheHit
    QString error;  // the key could not be computed (a declared input is missing, …)
};

struct Plan {
    ParamValues params;
    std::optional<RunRecord> origin;
    QList<PlannedStep> steps;  // in topological order

    const PlannedStep* step(const QString& id) const;
};

class Planner {
public:
    // flow must be valid. store must outlive the planner and be used on its thread only.
    Planner(const Flow& flow, Store* store);

    // Resolves the origin run, the parameter values (origin's or defaults, then the
    // overrides) and which steps are selected and forced. Fails on an unknown step,
    // parameter or origin run, or a run of another flow, with a message saying what to do.
    bool prepare(const PlanRequest& request, QString* error);

    // Plans every step. Steps whose upstream will run are Deferred (or Run when forced).
    Plan makePlan();

    // Decides one step whose upstream outputs are known (upstreamOutputs: id to outputs
    // digest) from its already computed key components. Reads the store.
    PlannedStep decide(const QString& stepId, const Json& components);

    // Computes the key components of a step without touching the store; safe from a worker
    // thread while the planner is otherwise unused there.
    bool computeComponents(const QString& stepId, const QMap<QString, QString>& upstreamOutputs,
                           Json* components, QString* error) const;

    const ParamValues& params() const { return m_params; }
    const std::optional<RunRecord>& origin() const { return m_origin; }
    const FlowGraph& graph() const { return m_graph; }
    const Flow& flow() const { return m_flow; }
    bool isSelected(const QString& stepId) const;
    bool isForced(const QString& stepId) const { return m_forced.contains(stepId); }
    QString forcedReason(const QString& stepId) const { return m_forced.value(stepId).text(); }

private:
    bool resolveOrigin(const PlanRequest& request, QString* error);
    bool resolveParams(const PlanRequest& request, QString* error);
    void markForced(const PlanRequest& request);
    Message explainRun(const QString& stepId, const QString& key, const Json& components) const;

    Flow m_flow;
    FlowGraph m_graph;
    Store* m_store;
    ParamValues m_params;
    std::optional<RunRecord> m_origin;
    QHash<QString, StepRunRecord> m_originSteps;
    QSet<QString> m_originStepIds;  // steps of the origin run's flow snapshot
    QString m_upTo;
    QSet<QString> m_selected;          // empty means every step
    QHash<QString, Message> m_forced;  // step id to the reason it runs regardless of its key
};

// The digest that stands for "no outputs".
QString emptyOutputsDigest();

}  // namespace cairn
