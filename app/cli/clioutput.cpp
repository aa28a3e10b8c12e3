#include "clioutput.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTextStream>

#include <cstdio>
#include <utility>

namespace cairn::cli {

namespace {

// Translation context of this file's messages.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(cli)
};

Json text(const QString& value)
{
    return value.toStdString();
}

Json timeJson(const QDateTime& time)
{
    return time.isValid() ? text(time.toString(Qt::ISODateWithMs)) : Json();
}

QString formatDuration(double seconds)
{
    if (seconds < 60)
        return Text::tr("%1 s").arg(seconds, 0, 'f', 1);
    const int whole = int(seconds);
    return Text::tr("%1 min %2 s").arg(whole / 60).arg(whole % 60);
}

double secondsBetween(const QDateTime& start, const QDateTime& end)
{
    if (!start.isValid() || !end.isValid())
        return 0;
    return start.msecsTo(end) / 1000.0;
}

// Returns the terminal columns of c: 2 for East Asian wide and fullwidth characters (the
// Unicode blocks of CJK ideographs, kana, Hangul and fullwidth forms), 0 for combining
// marks and 1 for the rest. glibc's wcwidth() is not used because it depends on the
// process locale: under LC_ALL=C it returns -1 for every non-ASCII character.
int charWidth(char32_t c)
{
    static constexpr std::pair<char32_t, char32_t> kWide[] = {
        {0x1100, 0x115F}, {0x2E80, 0x303E}, {0x3041, 0x33FF}, {0x3400, 0x4DBF},
        {0x4E00, 0x9FFF}, {0xA000, 0xA4CF}, {0xAC00, 0xD7A3}, {0xF900, 0xFAFF},
        {0xFE10, 0xFE19}, {0xFE30, 0xFE6F}, {0xFF00, 0xFF60}, {0xFFE0, 0xFFE6},
        {0x1F300, 0x1F64F}, {0x1F900, 0x1F9FF}, {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
    };
    for (const auto& [first, last] : kWide) {
        if (c >= first && c <= last)
            return 2;
    }
    const QChar::Category category = QChar::category(c);
    if (category == QChar::Mark_NonSpacing || category == QChar::Mark_Enclosing)
        return 0;
    return 1;
}

int displayWidth(const QString& text)
{
    int width = 0;
    for (char32_t c : text.toUcs4())
        width += charWidth(c);
    return width;
}

// Pads text with spaces to width terminal columns: on the right for a negative width and
// on the left for a positive one, as QString::arg's fieldWidth does for characters.
QString padded(const QString& text, int width)
{
    const int fill = qAbs(width) - displayWidth(text);
    if (fill <= 0)
        return text;
    const QString spaces(fill, QLatin1Char(' '));
    return width < 0 ? text + spaces : spaces + text;
}

// Words shown in the tables for the status and plan-action identifiers that the store and
// --json use. The English words are the identifiers themselves, so English tables and JSON
// agree. Other languages translate them only here, never in the store.
struct ShownName {
    const char* identifier;
    const char* comment;
};

constexpr ShownName kShownNames[] = {
    QT_TRANSLATE_NOOP3("cli", "pending", "step status: waiting for its upstream steps"),
    QT_TRANSLATE_NOOP3("cli", "running", "step or run status"),
    QT_TRANSLATE_NOOP3("cli", "succeeded", "step or run status"),
    QT_TRANSLATE_NOOP3("cli", "failed", "step or run status"),
    QT_TRANSLATE_NOOP3("cli", "cached", "step status: its stored result was reused"),
    QT_TRANSLATE_NOOP3("cli", "skipped", "step status: an upstream step did not succeed"),
    QT_TRANSLATE_NOOP3("cli", "cancelled", "step or run status"),
    QT_TRANSLATE_NOOP3("cli", "interrupted", "run status: its process ended during the run"),
    QT_TRANSLATE_NOOP3("cli", "not_run", "step status: not selected for this run"),
    QT_TRANSLATE_NOOP3("cli", "run", "plan action: the step will execute"),
    QT_TRANSLATE_NOOP3("cli", "reuse", "plan action: take the step's result from the resumed run"),
    QT_TRANSLATE_NOOP3("cli", "cache_hit", "plan action: take the step's result from the cache"),
    QT_TRANSLATE_NOOP3("cli", "deferred", "plan action: decided once an upstream step finishes"),
    QT_TRANSLATE_NOOP3("cli", "skip", "plan action: the step is not selected"),
};

QString shownName(const QString& identifier)
{
    const QByteArray latin1 = identifier.toLatin1();
    for (const ShownName& name : kShownNames) {
        if (latin1 == name.identifier)
            return QCoreApplication::translate("cli", name.identifier, name.comment);
    }
    return identifier;
}

QHash<StepStatus, int> countStatuses(const QList<StepRunRecord>& steps)
{
    QHash<StepStatus, int> counts;
    for (const StepRunRecord& step : steps)
        counts[step.status]++;
    return counts;
}

}  // namespace

Json runToJson(const RunRecord& run, const QList<StepRunRecord>& steps)
{
    Json doc = Json::object();
    doc["run"] = run.number;
    doc["status"] = text(runStatusName(run.status));
    doc["origin_run"] = run.originRun ? Json(*run.originRun) : Json();
    doc["resume_step"] = run.resumeStep.isEmpty() ? Json() : text(run.resumeStep);
    doc["flow"] = text(run.flowName);
    doc["params"] = run.params;
    doc["started"] = timeJson(run.started);
    doc["finished"] = timeJson(run.finished);
    doc["error"] = run.error.isEmpty() ? Json() : text(run.error);

    Json list = Json::array();
    for (const StepRunRecord& step : steps) {
        Json entry = Json::object();
        entry["id"] = text(step.stepId);
        entry["status"] = text(stepStatusName(step.status));
        entry["reason"] = text(step.reason);
        entry["source_run"] = step.sourceRun ? Json(*step.sourceRun) : Json();
        entry["started"] = timeJson(step.started);
        entry["finished"] = timeJson(step.finished);
        entry["attempts"] = step.attempts;
        entry["exit_code"] = step.exitCode ? Json(*step.exitCode) : Json();
        entry["error"] = step.error.isEmpty() ? Json() : text(step.error);
        entry["key"] = step.key.isEmpty() ? Json() : text(step.key);
        Json artifacts = Json::array();
        for (const ArtifactRecord& artifact : step.artifacts) {
            artifacts.push_back({{"path", text(artifact.path)}, {"size", artifact.size},
                                 {"digest", text(artifact.digest)}, {"kind", text(artifact.kind)}});
        }
        entry["artifacts"] = artifacts;
        list.push_back(entry);
    }
    doc["steps"] = list;
    return doc;
}

Json planToJson(const Plan& plan)
{
    Json doc = Json::object();
    doc["dry_run"] = true;
    doc["origin_run"] = plan.origin ? Json(plan.origin->number) : Json();
    Json params = Json::object();
    for (auto it = plan.params.begin(); it != plan.params.end(); ++it)
        params[it.key().toStdString()] = it.value();
    doc["params"] = params;
    Json steps = Json::array();
    for (const PlannedStep& step : plan.steps) {
        Json entry = Json::object();
        entry["id"] = text(step.stepId);
        entry["action"] = text(planActionName(step.action));
        entry["reason"] = text(step.reason);
        entry["source_run"] = step.source ? Json(step.source->sourceRun.value_or(step.source->run))
                                          : Json();
        entry["key"] = step.key.isEmpty() ? Json() : text(step.key);
        entry["error"] = step.error.isEmpty() ? Json() : text(step.error);
        steps.push_back(entry);
    }
    doc["steps"] = steps;
    return doc;
}

Json runListToJson(const QString& flowName, const QList<RunRecord>& runs, Store* store)
{
    Json list = Json::array();
    for (const RunRecord& run : runs) {
        const QHash<StepStatus, int> counts = countStatuses(store->stepRuns(run.number));
        Json entry = Json::object();
        entry["run"] = run.number;
        entry["status"] = text(runStatusName(run.status));
        entry["started"] = timeJson(run.started);
        entry["finished"] = timeJson(run.finished);
        entry["origin_run"] = run.originRun ? Json(*run.originRun) : Json();
        entry["resume_step"] = run.resumeStep.isEmpty() ? Json() : text(run.resumeStep);
        entry["params"] = run.params;
        entry["succeeded"] = counts.value(StepStatus::Succeeded);
        entry["cached"] = counts.value(StepStatus::Cached);
        entry["failed"] = counts.value(StepStatus::Failed);
        list.push_back(entry);
    }
    return Json{{"flow", text(flowName)}, {"runs", list}};
}

QString formatRun(const RunRecord& run, const QList<StepRunRecord>& steps)
{
    QString out;
    QTextStream stream(&out);
    stream << Text::tr("Run %1 of %2: %3").arg(run.number).arg(run.flowName, shownName(runStatusName(run.status)));
    if (run.originRun) {
        stream << Text::tr(" (resumed run %1%2)")
                      .arg(*run.originRun)
                      .arg(run.resumeStep.isEmpty() ? QString() : Text::tr(" from %1").arg(run.resumeStep));
    }
    stream << QLatin1Char('\n');
    if (!run.error.isEmpty())
        stream << Text::tr("  %1\n").arg(run.error);
    double saved = 0;
    for (const StepRunRecord& step : steps) {
        // A reused result shows in brackets the time it took in the run that made it.
        QString duration = formatDuration(secondsBetween(step.started, step.finished));
        if (step.sourceRun) {
            saved += step.sourceDurationS;
            duration = Text::tr("(%1)", "duration of a reused result in its own run")
                           .arg(formatDuration(step.sourceDurationS));
        }
        stream << QStringLiteral("  %1 %2 %3  %4\n")
                      .arg(padded(step.stepId, -16))
                      .arg(padded(shownName(stepStatusName(step.status)), -10))
                      .arg(padded(duration, 11))
                      .arg(step.status == StepStatus::Failed || step.status == StepStatus::Cancelled
                               ? step.error : step.reason);
    }
    const QHash<StepStatus, int> counts = countStatuses(steps);
    stream << Text::tr("%1 ran, %2 cached, %3 failed in %4\n")
                  .arg(counts.value(StepStatus::Succeeded))
                  .arg(counts.value(StepStatus::Cached))
                  .arg(counts.value(StepStatus::Failed))
                  .arg(formatDuration(secondsBetween(run.started, run.finished)));
    if (saved > 0)
        stream << Text::tr("reused results took %1 when they were made\n").arg(formatDuration(saved));
    return out;
}

QString formatPlan(const Plan& plan)
{
    QString out;
    QTextStream stream(&out);
    if (plan.origin)
        stream << Text::tr("Plan for resuming run %1:\n").arg(plan.origin->number);
    else
        stream << Text::tr("Plan:\n");
    for (const PlannedStep& step : plan.steps) {
        stream << QStringLiteral("  %1 %2 %3\n")
                      .arg(padded(step.stepId, -16))
                      .arg(padded(shownName(planActionName(step.action)), -10))
                      .arg(step.reason);
    }
    return out;
}

QString formatRunList(const QList<RunRecord>& runs, Store* store)
{
    QString out;
    QTextStream stream(&out);
    stream << QStringLiteral("%1 %2 %3 %4 %5\n")
                  .arg(padded(Text::tr("RUN", "column header: the run number"), 5))
                  .arg(padded(Text::tr("STATUS"), -12))
                  .arg(padded(Text::tr("STARTED"), -20))
                  .arg(padded(Text::tr("STEPS"), -26))
                  .arg(Text::tr("ORIGIN"));
    for (const RunRecord& run : runs) {
        const QHash<StepStatus, int> counts = countStatuses(store->stepRuns(run.number));
        const QString steps = Text::tr("%1 ran, %2 cached, %3 failed")
                                  .arg(counts.value(StepStatus::Succeeded))
                                  .arg(counts.value(StepStatus::Cached))
                                  .arg(counts.value(StepStatus::Failed));
        QString origin;
        if (run.originRun) {
            origin = run.resumeStep.isEmpty() ? Text::tr("resumed run %1").arg(*run.originRun)
                                              : Text::tr("resumed run %1 from %2").arg(*run.originRun).arg(run.resumeStep);
        }
        stream << QStringLiteral("%1 %2 %3 %4 %5\n")
                      .arg(run.number, 5)
                      .arg(padded(shownName(runStatusName(run.status)), -12))
                      .arg(padded(run.started.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), -20))
                      .arg(padded(steps, -26))
                      .arg(origin);
    }
    return out;
}

QString padToWidth(const QString& text, int width)
{
    return padded(text, width);
}

QString formatBytes(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes);
}

void printJson(const Json& document)
{
    std::fputs(document.dump(2).c_str(), stdout);
    std::fputc('\n', stdout);
}

void printText(const QString& text)
{
    std::fputs(text.toUtf8().constData(), stdout);
}

void printError(const QString& text)
{
    std::fprintf(stderr, "cairn-cli: %s\n", text.toUtf8().constData());
}

ProgressPrinter::ProgressPrinter(RunController* controller, bool terminal, QObject* parent)
    : QObject(parent), m_terminal(terminal)
{
    connect(controller, &RunController::runStarted, this,
            [this](qint64 run, const QStringList& steps) { onRunStarted(run, steps); });
    connect(controller, &RunController::stepStatusChanged, this, &ProgressPrinter::onStepStatus);
    connect(controller, &RunController::stepAttemptStarted, this, &ProgressPrinter::onAttempt);
    m_timer.setInterval(250);
    connect(&m_timer, &QTimer::timeout, this, &ProgressPrinter::refreshLiveLine);
    if (m_terminal)
        m_timer.start();
}

void ProgressPrinter::onRunStarted(qint64 run, const QStringList& steps)
{
    m_total = int(steps.size());
    printLine(Text::tr("run %1: %2 steps").arg(run).arg(m_total));
}

void ProgressPrinter::onAttempt(const QString& stepId, int attempt)
{
    m_running[stepId].start();
    if (attempt > 1)
        printLine(Text::tr("%1: attempt %2").arg(stepId).arg(attempt));
}

void ProgressPrinter::onStepStatus(const QString& stepId, StepStatus status, const QString& detail)
{
    if (status == StepStatus::Running) {
        m_running[stepId].start();
        printLine(Text::tr("%1: running (%2)").arg(stepId, detail));
        return;
    }
    ++m_done;
    const QElapsedTimer timer = m_running.take(stepId);
    const QString elapsed = timer.isValid() ? Text::tr(" in %1").arg(formatDuration(timer.elapsed() / 1000.0))
                                            : QString();
    printLine(Text::tr("[%1/%2] %3: %4%5 (%6)")
                  .arg(m_done).arg(m_total)
                  .arg(stepId, shownName(stepStatusName(status)), elapsed, detail));
}

void ProgressPrinter::printLine(const QString& line)
{
    if (m_liveLineShown)
        std::fputs("\r\x1b[K", stderr);
    m_liveLineShown = false;
    std::fprintf(stderr, "%s\n", line.toUtf8().constData());
    if (m_terminal)
        refreshLiveLine();
}

void ProgressPrinter::refreshLiveLine()
{
    if (m_running.isEmpty()) {
        if (m_liveLineShown)
            std::fputs("\r\x1b[K", stderr);
        m_liveLineShown = false;
        return;
    }
    QStringList parts;
    for (auto it = m_running.begin(); it != m_running.end(); ++it)
        parts << QStringLiteral("%1 %2").arg(it.key(), formatDuration(it.value().elapsed() / 1000.0));
    parts.sort();
    const QString line = Text::tr("running: %1").arg(parts.join(QStringLiteral(", ")));
    std::fprintf(stderr, "\r\x1b[K%s", line.left(200).toUtf8().constData());
    std::fflush(stderr);
    m_liveLineShown = true;
}

}  // namespace cairn::cli
