#pragma once

// What cairn-cli prints: the JSON documents of --json, the human-readable tables, and the
// progress lines on stderr while a run goes.

#include "planner.h"
#include "scheduler.h"
#include "store.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

namespace cairn::cli {

// {"run", "status", "origin_run", "steps": [...]} of one stored run.
Json runToJson(const RunRecord& run, const QList<StepRunRecord>& steps);
Json planToJson(const Plan& plan);
Json runListToJson(const QString& flowName, const QList<RunRecord>& runs, Store* store);

QString formatRun(const RunRecord& run, const QList<StepRunRecord>& steps);
QString formatPlan(const Plan& plan);
QString formatRunList(const QList<RunRecord>& runs, Store* store);
QString formatBytes(qint64 bytes);
// Pads text with spaces to width terminal columns, counting East Asian wide characters as
// two: on the right for a negative width, on the left for a positive one.
QString padToWidth(const QString& text, int width);

void printJson(const Json& document);
void printText(const QString& text);
void printError(const QString& text);

// Writes progress of a run to stderr: plain lines, or on a terminal a live status line
// listing the running steps under the lines of finished ones.
class ProgressPrinter : public QObject {
    Q_OBJECT
public:
    ProgressPrinter(RunController* controller, bool terminal, QObject* parent = nullptr);

private:
    void onRunStarted(qint64 run, const QStringList& steps);
    void onStepStatus(const QString& stepId, StepStatus status, const QString& detail);
    void onAttempt(const QString& stepId, int attempt);
    void refreshLiveLine();
    void printLine(const QString& line);

    bool m_terminal;
    int m_total = 0;
    int m_done = 0;
    QHash<QString, QElapsedTimer> m_running;
    QTimer m_timer;
    bool m_liveLineShown = false;
};

}  // namespace cairn::cli
