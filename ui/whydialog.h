#pragma once

// "Why did this step run?": a step run's reason and what changed in its cache key against
// the step's previous run (command or script lines, parameters old → new, inputs, upstream
// outputs), read from the key components the store keeps for every step run.

#include <QDialog>
#include <QString>

class QTextBrowser;

namespace cairn {

class Store;

class WhyDialog : public QDialog {
    Q_OBJECT
public:
    WhyDialog(const QString& storeDirectory, const QString& flowName, qint64 run,
              const QString& stepId, QWidget* parent = nullptr);

    // The explanation as plain text.
    QString text() const;

    // The explanation of step stepId in run: its reason, then one line per changed key
    // component against the step's previous run, with a line diff of the command or script.
    static QString explain(const Store& store, const QString& flowName, qint64 run,
                           const QString& stepId);

private:
    QTextBrowser* m_text;
};

}  // namespace cairn
