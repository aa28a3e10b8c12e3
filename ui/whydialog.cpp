#include "whydialog.h"

#include "cachekey.h"
#include "canvasstyle.h"
#include "store.h"

#include <QDialogButtonBox>
#include <QStringList>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace cairn {

namespace {

QString componentText(const Json& components, const char* name)
{
    if (!components.is_object() || !components.contains(name) || !components.at(name).is_string())
        return QString();
    return QString::fromStdString(components.at(name).get<std::string>());
}

// A line diff of two texts: lines only in before start with "- ", lines only in after
// with "+ ". Lines are matched by a longest common subsequence, which is quadratic in the
// line count; commands and inline scripts are short.
QStringList lineDiff(const QString& before, const QString& after)
{
    const QStringList a = before.split(QLatin1Char('\n'));
    const QStringList b = after.split(QLatin1Char('\n'));
    const int n = a.size();
    const int m = b.size();
    QList<QList<int>> common(n + 1, QList<int>(m + 1, 0));
    for (int i = n - 1; i >= 0; --i) {
        for (int j = m - 1; j >= 0; --j) {
            common[i][j] = a[i] == b[j] ? common[i + 1][j + 1] + 1
                                        : qMax(common[i + 1][j], common[i][j + 1]);
        }
    }

    QStringList lines;
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && a[i] == b[j]) {
            lines << QStringLiteral("  ") + a[i];
            ++i;
            ++j;
        } else if (j < m && (i == n || common[i][j + 1] >= common[i + 1][j])) {
            lines << QStringLiteral("+ ") + b[j++];
        } else {
            lines << QStringLiteral("- ") + a[i++];
        }
    }
    return lines;
}

}  // namespace

WhyDialog::WhyDialog(const QString& storeDirectory, const QString& flowName, qint64 run,
                     const QString& stepId, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("whyDialog"));
    setWindowTitle(tr("Why Did %1 Run?").arg(stepId));
    m_text = new QTextBrowser(this);
    m_text->setLineWrapMode(QTextEdit::NoWrap);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_text);
    layout->addWidget(buttons);
    resize(640, 420);

    QString error;
    const std::unique_ptr<Store> store = Store::open(storeDirectory, &error);
    m_text->setPlainText(store ? explain(*store, flowName, run, stepId) : error);
}

QString WhyDialog::text() const
{
    return m_text->toPlainText();
}

QString WhyDialog::explain(const Store& store, const QString& flowName, qint64 run,
                           const QString& stepId)
{
    if (run <= 0)
        return tr("Step %1 has not run yet.").arg(stepId);
    const std::optional<RunRecord> runRecord = store.run(run);
    if (!runRecord) {
        return tr("Run %1 is no longer in the store. Garbage collection removes old runs; "
                  "choose a run listed in the History tab.")
            .arg(run);
    }
    const std::optional<StepRunRecord> current = store.stepRun(run, stepId);
    if (!current)
        return missingStepText(*runRecord, stepId);

    QStringList lines;
    lines << tr("Run %1, step %2: %3").arg(run).arg(stepId, CanvasStyle::statusText(current->status));
    if (!current->reason.isEmpty())
        lines << tr("Reason: %1").arg(current->reason);
    if (!current->error.isEmpty())
        lines << tr("Error: %1").arg(current->error);

    if (current->key.isEmpty()) {
        lines << tr("No cache key was computed for this step run, so there is nothing to "
                    "compare.");
        return lines.join(QLatin1Char('\n'));
    }
    // A reused or cached result was found by its key, so the key equals that of its run.
    if (current->sourceRun) {
        lines << tr("The cache key is the same as in run %1, whose result this step run took.")
                     .arg(*current->sourceRun);
        return lines.join(QLatin1Char('\n'));
    }

    QString missing;
    const std::optional<StepRunRecord> previous =
        comparedStepRun(store, flowName, *runRecord, stepId, &missing);
    if (!previous) {
        lines << missing;
        return lines.join(QLatin1Char('\n'));
    }
    const QStringList changes = explainKeyChange(previous->components, current->components);
    if (changes.isEmpty()) {
        lines << tr("The cache key is the same as in run %1.").arg(previous->run);
        return lines.join(QLatin1Char('\n'));
    }
    lines << tr("Changes since run %1:").arg(previous->run);
    for (const QString& change : changes)
        lines << QStringLiteral("• ") + change;

    for (const char* field : {"command", "script"}) {
        const QString before = componentText(previous->components, field);
        const QString after = componentText(current->components, field);
        if (before == after)
            continue;
        lines << QString() << tr("%1 diff:").arg(QLatin1String(field));
        lines << lineDiff(before, after);
    }
    return lines.join(QLatin1Char('\n'));
}

QString WhyDialog::missingStepText(const RunRecord& run, const QString& stepId)
{
    Flow snapshot;
    QList<FlowIssue> ignored;
    parseFlow(run.flowSnapshot, QString(), &snapshot, &ignored);
    if (!snapshot.step(stepId)) {
        return tr("Step %1 was added to the flow after run %2, so that run has no record of it.")
            .arg(stepId)
            .arg(run.number);
    }
    if (run.status == RunStatus::Running)
        return tr("Step %1 has not started yet in run %2.").arg(stepId).arg(run.number);
    return tr("Step %1 did not start in run %2, because the run ended before it.")
        .arg(stepId)
        .arg(run.number);
}

std::optional<StepRunRecord> WhyDialog::comparedStepRun(const Store& store,
                                                        const QString& flowName,
                                                        const RunRecord& run,
                                                        const QString& stepId, QString* missing)
{
    // The rule of Planner::explainRun, so that the changes listed are those the reason names.
    // NOTE: outside a resume the planner took the newest earlier run with a key at the time
    // it decided the step. When gc has removed that run since, the list compares with an
    // older run, and its heading names that run.
    if (!run.originRun) {
        std::optional<StepRunRecord> previous = store.previousStepRun(flowName, stepId, run.number);
        if (!previous)
            *missing = tr("No earlier run of this step has a cache key to compare with.");
        return previous;
    }

    const qint64 origin = *run.originRun;
    if (!store.run(origin)) {
        *missing = tr("Run %1, which this run resumed, is no longer in the store, so there is "
                      "no cache key to compare with.")
                       .arg(origin);
        return std::nullopt;
    }
    std::optional<StepRunRecord> previous = store.stepRun(origin, stepId);
    if (!previous || previous->key.isEmpty()) {
        *missing = tr("Step %1 has no cache key in run %2, which this run resumed, so there is "
                      "nothing to compare with.")
                       .arg(stepId)
                       .arg(origin);
        return std::nullopt;
    }
    return previous;
}

}  // namespace cairn
