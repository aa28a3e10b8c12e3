#pragma once

// A code editor for step commands and scripts: QScintilla with line numbers and Bash or
// Python highlighting in colours that follow the window's dark or light palette. Edits
// are reported as one commit after a short idle pause or when the editor loses focus, so
// that typing a word becomes one change of the flow instead of one per key.

#include <QWidget>

class QsciScintilla;
class QTimer;

namespace cairn {

class CodeEditor : public QWidget {
    Q_OBJECT
public:
    enum class Language { Bash, Python };

    explicit CodeEditor(QWidget* parent = nullptr);

    void setLanguage(Language language);
    Language language() const { return m_language; }

    QString text() const;
    // Replaces the text without emitting textCommitted. The cursor keeps its line and
    // column when they still exist, and an unchanged text is left alone.
    void setText(const QString& text);

    // The widget that takes focus and key events (the QScintilla view).
    QWidget* editorWidget() const;

    // Milliseconds of idle time after the last key before the text is committed.
    void setCommitDelay(int milliseconds);

public Q_SLOTS:
    // Emits textCommitted now when the text changed since the last commit.
    void commit();

Q_SIGNALS:
    void textCommitted(const QString& text);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void applyColours();

    QsciScintilla* m_editor;
    QTimer* m_idleTimer;
    Language m_language = Language::Bash;
    QString m_committedText;  // text as last set or committed
};

// True when the palette's window colour is dark, so that text is light on dark.
bool isDarkPalette(const QPalette& palette);

}  // namespace cairn
