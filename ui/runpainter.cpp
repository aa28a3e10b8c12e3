#include "runpainter.h"

#include "flowscene.h"
#include "store.h"

#include <QCoreApplication>
#include <QSet>

namespace cairn {

namespace {

// Translation context of this file's messages.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(RunPainter)
};

// Steps differ when a field that can change their outputs differs; title and position
// do not count.
bool keyFieldsDiffer(const Step& a, const Step& b)
{
    return a.kind != b.kind || a.command != b.command || a.script != b.script
        || a.interpreter != b.interpreter || a.path != b.path || a.args != b.args
        || a.env != b.env || a.inputs != b.inputs || a.outputs != b.outputs
        || a.params != b.params || a.cache != b.cache || a.cacheVersion != b.cacheVersion;
}

// Upstream steps of id in flow, sorted, since a changed edge changes the key's inputs.
QStringList upstreamOf(const Flow& flow, const QString& id)
{
    QStringList ids;
    for (const Edge& edge : flow.edges) {
        if (edge.to == id)
            ids << edge.from;
    }
    ids.sort();
    return ids;
}

double durationOf(const StepRunRecord& record)
{
    if (record.status == StepStatus::Cached)
        return record.sourceDurationS;
    if (!record.started.isValid() || !record.finished.isValid())
        return -1;
    return record.started.msecsTo(record.finished) / 1000.0;
}

}  // namespace

FlowChanges compareFlows(const Flow& before, const Flow& after)
{
    FlowChanges changes;
    for (const Step& step : after.steps) {
        const Step* old = before.step(step.id);
        if (!old)
            changes.added << step.id;
        else if (keyFieldsDiffer(*old, step) || upstreamOf(before, step.id) != upstreamOf(after, step.id))
            changes.edited << step.id;
    }
    for (const Step& step : before.steps) {
        if (!after.step(step.id))
            changes.removed << step.id;
    }
    return changes;
}

bool RunPainter::paint(FlowScene* scene, const Store& store, const Flow& current, qint64 run,
                       FlowChanges* changes, QString* error)
{
    const std::optional<RunRecord> record = store.run(run, error);
    if (!record)
        return false;

    // A snapshot that no longer parses (a newer format) compares as empty, so every step
    // shows as added rather than the canvas showing nothing.
    Flow snapshot;
    QList<FlowIssue> issues;
    parseFlow(record->flowSnapshot, Text::tr("run %1").arg(run), &snapshot, &issues);
    *changes = compareFlows(snapshot, current);

    scene->clearStepStates();
    QSet<QString> painted;
    for (const StepRunRecord& step : store.stepRuns(run)) {
        if (!current.step(step.stepId))
            continue;
        QString detail = step.reason;
        if (changes->edited.contains(step.stepId))
            detail = Text::tr("changed since run %1; %2").arg(run).arg(detail);
        scene->setStepState(step.stepId, step.status, detail, durationOf(step));
        painted.insert(step.stepId);
    }
    for (const QString& id : std::as_const(changes->added)) {
        scene->setStepState(id, StepStatus::NotRun, Text::tr("added since run %1").arg(run), -1);
        painted.insert(id);
    }
    for (const Step& step : current.steps) {
        if (!painted.contains(step.id))
            scene->setStepState(step.id, StepStatus::NotRun, Text::tr("not run in run %1").arg(run), -1);
    }
    return true;
}

QString RunPainter::bannerText(qint64 run, const FlowChanges& changes)
{
    QString text;
    if (changes.isEmpty())
        text = Text::tr("Showing run %1").arg(run);
    else if (changes.count() == 1)
        text = Text::tr("Showing run %1 — 1 step changed since").arg(run);
    else
        text = Text::tr("Showing run %1 — %2 steps changed since").arg(run).arg(changes.count());
    if (!changes.removed.isEmpty())
        text += Text::tr(" (removed: %1)").arg(changes.removed.join(QStringLiteral(", ")));
    return text;
}

}  // namespace cairn
