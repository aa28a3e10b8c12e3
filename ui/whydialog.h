#pragma once

// "Why did this step run?": a step run's reason and what changed in its cache key against
// the step run that the planner compared it with (command or script lines, parameters
// old → new, inputs, upstream outputs), read from the key components the store keeps for
// every step run.

#include <QDialog>
#include <QString>

#include <optional>

class QTextBrowser;

namespace cairn {

class Store;
struct RunRecord;
struct StepRunRecord;

class WhyDialog : public QDialog {
    Q_OBJECT
public:
    WhyDialog(const QString& storeDirectory, const QString& flowName, qint64 run,
              const QString& stepId, QWidget* parent = nullptr);

    // The explanation as plain text.
    QString text() const;

    // The explanation of step stepId in run: its reason, then one line per changed key
    // component with a line diff of the command or script. The comparison is against the
    // step run that the planner compared with when it decided this one: the origin run's
    // for a resume, else the step's newest earlier run with a cache key. A reused or cached
    // result is compared with the run it came from. When there is nothing to explain (run
    // 0, a run no longer stored, a step without a record in the run), the text gives the
    // reason.
    static QString explain(const Store& store, const QString& flowName, qint64 run,
                           const QString& stepId);

private:
    static QString missingStepText(const RunRecord& run, const QString& stepId);
    static std::optional<StepRunRecord> comparedStepRun(const Store& store,
                                                        const QString& flowName,
                                                        const RunRecord& run,
                                                        const QString& stepId,
                                                        QString* missing);

    QTextBrowser* m_text;
};

}  // namespace cairn
