#pragma once

// The Log tab: stdout and stderr of a run's steps as they arrive, each line prefixed with
// its step id, with a filter by step and an option to follow the step that runs. Owned by
// the main window.

#include "executor.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QPlainTextEdit;

namespace cairn {

class LogPanel : public QWidget {
    Q_OBJECT
public:
    explicit LogPanel(QWidget* parent = nullptr);

    // Replaces the filter's step list; the current filter is kept when its step remains.
    void setSteps(const QStringList& ids);
    // Clears the text and the partial lines, for a new run. Keeps the filter.
    void clear();

    // Adds output of a step. Text is split into lines; a trailing partial line waits for
    // the rest of it.
    void appendOutput(const QString& stepId, OutputStream stream, const QByteArray& data);
    // Adds a line of the run itself (start, end, errors), shown under every filter.
    void appendMessage(const QString& text);
    // Tells the panel which step started, for "Follow running step".
    void stepStarted(const QString& stepId);

    // Shows only stepId's lines; empty shows every step.
    void showStep(const QString& stepId);
    QString shownStep() const;
    bool followsRunningStep() const;
    void setFollowRunningStep(bool follow);

    // The visible text, for tests.
    QString text() const;

private:
    struct Line {
        QString stepId;  // empty for a message of the run
        OutputStream stream = OutputStream::Stdout;
        QString text;
    };

    void addLine(const Line& line);
    bool isShown(const Line& line) const;
    void writeLine(const Line& line);
    void rebuildView();

    QComboBox* m_filter;
    QCheckBox* m_follow;
    QPlainTextEdit* m_view;
    QList<Line> m_lines;  // every line of the run, bounded like the view
    QHash<QString, QByteArray> m_partial[2];  // unfinished last line per step and stream
};

}  // namespace cairn
