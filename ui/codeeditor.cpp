#include "codeeditor.h"

// QScintilla's headers use the Qt keywords that QT_NO_KEYWORDS turns off for the project.
#define slots Q_SLOTS
#define signals Q_SIGNALS
#include <Qsci/qscilexerbash.h>
#include <Qsci/qscilexerpython.h>
#include <Qsci/qsciscintilla.h>
#undef signals
#undef slots

#include <QEvent>
#include <QFontDatabase>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace cairn {

namespace {

constexpr int kDefaultCommitDelayMs = 700;

// Colours of one mode. The dark set is close to common dark editor themes, and the light
// set keeps QScintilla's usual hues on a white page.
struct CodeColours {
    QColor paper;
    QColor text;
    QColor comment;
    QColor string;
    QColor keyword;
    QColor number;
    QColor name;
    QColor error;
    QColor margin;
    QColor marginText;
    QColor selection;
};

CodeColours coloursFor(bool dark)
{
    if (dark) {
        return {QColor(0x1e, 0x1e, 0x1e), QColor(0xd4, 0xd4, 0xd4), QColor(0x6a, 0x99, 0x55),
                QColor(0xce, 0x91, 0x78), QColor(0x56, 0x9c, 0xd6), QColor(0xb5, 0xce, 0xa8),
                QColor(0xdc, 0xdc, 0xaa), QColor(0xf4, 0x47, 0x47), QColor(0x25, 0x25, 0x26),
                QColor(0x85, 0x85, 0x85), QColor(0x26, 0x4f, 0x78)};
    }
    return {QColor(0xff, 0xff, 0xff), QColor(0x1f, 0x1f, 0x1f), QColor(0x00, 0x7f, 0x00),
            QColor(0xa3, 0x15, 0x15), QColor(0x00, 0x00, 0xb0), QColor(0x09, 0x86, 0x58),
            QColor(0x79, 0x5e, 0x26), QColor(0xcd, 0x31, 0x31), QColor(0xf0, 0xf0, 0xf0),
            QColor(0x6e, 0x6e, 0x6e), QColor(0xad, 0xd6, 0xff)};
}

void colourPython(QsciLexerPython* lexer, const CodeColours& c)
{
    using L = QsciLexerPython;
    for (int style : {L::Comment, L::CommentBlock})
        lexer->setColor(c.comment, style);
    for (int style : {L::DoubleQuotedString, L::SingleQuotedString, L::TripleSingleQuotedString,
                      L::TripleDoubleQuotedString, L::DoubleQuotedFString,
                      L::SingleQuotedFString, L::TripleSingleQuotedFString,
                      L::TripleDoubleQuotedFString})
        lexer->setColor(c.string, style);
    lexer->setColor(c.keyword, L::Keyword);
    lexer->setColor(c.number, L::Number);
    for (int style : {L::ClassName, L::FunctionMethodName, L::Decorator, L::HighlightedIdentifier})
        lexer->setColor(c.name, style);
    lexer->setColor(c.error, L::UnclosedString);
}

void colourBash(QsciLexerBash* lexer, const CodeColours& c)
{
    using L = QsciLexerBash;
    lexer->setColor(c.comment, L::Comment);
    for (int style : {L::DoubleQuotedString, L::SingleQuotedString, L::Backticks,
                      L::SingleQuotedHereDocument, L::HereDocumentDelimiter})
        lexer->setColor(c.string, style);
    lexer->setColor(c.keyword, L::Keyword);
    lexer->setColor(c.number, L::Number);
    for (int style : {L::Scalar, L::ParameterExpansion})
        lexer->setColor(c.name, style);
    lexer->setColor(c.error, L::Error);
}

}  // namespace

bool isDarkPalette(const QPalette& palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

CodeEditor::CodeEditor(QWidget* parent)
    : QWidget(parent)
    , m_editor(new QsciScintilla(this))
    , m_idleTimer(new QTimer(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_editor);
    setFocusProxy(m_editor);

    m_editor->setUtf8(true);
    m_editor->setMarginType(0, QsciScintilla::NumberMargin);
    m_editor->setMarginWidth(0, QStringLiteral("0000"));
    m_editor->setMarginLineNumbers(0, true);
    m_editor->setIndentationsUseTabs(false);
    m_editor->setTabWidth(4);
    m_editor->setAutoIndent(true);
    m_editor->setWrapMode(QsciScintilla::WrapNone);
    m_editor->installEventFilter(this);

    m_idleTimer->setSingleShot(true);
    m_idleTimer->setInterval(kDefaultCommitDelayMs);
    connect(m_idleTimer, &QTimer::timeout, this, &CodeEditor::commit);
    connect(m_editor, &QsciScintilla::textChanged, m_idleTimer, qOverload<>(&QTimer::start));

    setLanguage(Language::Bash);
}

void CodeEditor::setLanguage(Language language)
{
    QsciLexer* old = m_editor->lexer();
    if (old && language == m_language)
        return;
    m_language = language;
    if (language == Language::Python)
        m_editor->setLexer(new QsciLexerPython(m_editor));
    else
        m_editor->setLexer(new QsciLexerBash(m_editor));
    delete old;
    applyColours();
}

QString CodeEditor::text() const
{
    return m_editor->text();
}

void CodeEditor::setText(const QString& text)
{
    m_idleTimer->stop();
    m_committedText = text;
    if (text == m_editor->text())
        return;

    int line = 0;
    int index = 0;
    m_editor->getCursorPosition(&line, &index);
    {
        const QSignalBlocker blocker(m_editor);
        m_editor->setText(text);
    }
    line = std::clamp(line, 0, std::max(0, m_editor->lines() - 1));
    index = std::clamp(index, 0, std::max(0, int(m_editor->text(line).size())));
    m_editor->setCursorPosition(line, index);
}

QWidget* CodeEditor::editorWidget() const
{
    return m_editor;
}

void CodeEditor::setCommitDelay(int milliseconds)
{
    m_idleTimer->setInterval(milliseconds);
}

void CodeEditor::commit()
{
    m_idleTimer->stop();
    const QString current = m_editor->text();
    if (current == m_committedText)
        return;
    m_committedText = current;
    Q_EMIT textCommitted(current);
}

bool CodeEditor::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_editor && event->type() == QEvent::FocusOut)
        commit();
    return QWidget::eventFilter(watched, event);
}

void CodeEditor::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange)
        applyColours();
    QWidget::changeEvent(event);
}

void CodeEditor::applyColours()
{
    const CodeColours colours = coloursFor(isDarkPalette(palette()));
    QsciLexer* lexer = m_editor->lexer();
    if (!lexer)
        return;

    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    lexer->setDefaultFont(font);
    lexer->setFont(font, -1);
    lexer->setDefaultPaper(colours.paper);
    lexer->setPaper(colours.paper, -1);
    lexer->setDefaultColor(colours.text);
    lexer->setColor(colours.text, -1);
    if (auto* python = qobject_cast<QsciLexerPython*>(lexer))
        colourPython(python, colours);
    else if (auto* bash = qobject_cast<QsciLexerBash*>(lexer))
        colourBash(bash, colours);

    // Setting the lexer again restyles the text with the new colours. It also resets the
    // margin colours, so those are set after it.
    m_editor->setLexer(lexer);
    m_editor->setMarginsBackgroundColor(colours.margin);
    m_editor->setMarginsForegroundColor(colours.marginText);
    m_editor->setMarginsFont(font);
    m_editor->setCaretForegroundColor(colours.text);
    m_editor->setSelectionBackgroundColor(colours.selection);
}

}  // namespace cairn
