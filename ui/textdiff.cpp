#include "textdiff.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFile>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QStringDecoder>
#include <QTextCharFormat>
#include <QTextCursor>
#include <QVBoxLayout>

#include <vector>

namespace cairn {

namespace {

// Translation context of this file's messages.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(TextDiff)
};

// Appends the diff of before[b0, b1) and after[a0, a1) by a longest-common-subsequence
// table. The caller has checked that the table fits under kMaxDiffCells.
void appendLcsDiff(const QStringList& before, qsizetype b0, qsizetype b1,
                   const QStringList& after, qsizetype a0, qsizetype a1, QList<DiffLine>* out)
{
    const qsizetype n = b1 - b0;
    const qsizetype m = a1 - a0;
    // length[i][j]: LCS length of before[b0 + i, b1) and after[a0 + j, a1).
    std::vector<int> length(size_t((n + 1) * (m + 1)), 0);
    auto at = [m, &length](qsizetype i, qsizetype j) -> int& { return length[size_t(i * (m + 1) + j)]; };
    for (qsizetype i = n - 1; i >= 0; --i) {
        for (qsizetype j = m - 1; j >= 0; --j) {
            at(i, j) = before[b0 + i] == after[a0 + j] ? at(i + 1, j + 1) + 1
                                                       : qMax(at(i + 1, j), at(i, j + 1));
        }
    }

    qsizetype i = 0;
    qsizetype j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && before[b0 + i] == after[a0 + j]) {
            out->append({DiffLine::Op::Same, before[b0 + i]});
            ++i;
            ++j;
        } else if (i < n && (j == m || at(i + 1, j) >= at(i, j + 1))) {
            // Removed lines come before the added lines that replace them.
            out->append({DiffLine::Op::Removed, before[b0 + i]});
            ++i;
        } else {
            out->append({DiffLine::Op::Added, after[a0 + j]});
            ++j;
        }
    }
}

bool readText(const QString& path, QStringList* lines, qint64* size, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = Text::tr("Cannot open %1: %2").arg(path, file.errorString());
        return false;
    }
    *size = file.size();
    if (*size > kMaxDiffFileBytes)
        return true;
    QStringDecoder decoder(QStringDecoder::Utf8);
    QString text = decoder.decode(file.readAll());
    if (text.endsWith(QLatin1Char('\n')))
        text.chop(1);
    *lines = text.split(QLatin1Char('\n'));
    for (QString& line : *lines) {
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
    }
    return true;
}

}  // namespace

TextDiff diffLines(const QStringList& before, const QStringList& after)
{
    TextDiff diff;
    if (before == after)
        return diff;

    // Trimming the common start and end keeps the table small for the usual small edit.
    qsizetype start = 0;
    while (start < before.size() && start < after.size() && before[start] == after[start])
        ++start;
    qsizetype endBefore = before.size();
    qsizetype endAfter = after.size();
    while (endBefore > start && endAfter > start && before[endBefore - 1] == after[endAfter - 1]) {
        --endBefore;
        --endAfter;
    }
    if (qint64(endBefore - start + 1) * qint64(endAfter - start + 1) > kMaxDiffCells) {
        diff.outcome = TextDiff::Outcome::TooLarge;
        return diff;
    }

    diff.outcome = TextDiff::Outcome::Different;
    for (qsizetype i = 0; i < start; ++i)
        diff.lines.append({DiffLine::Op::Same, before[i]});
    appendLcsDiff(before, start, endBefore, after, start, endAfter, &diff.lines);
    for (qsizetype i = endBefore; i < before.size(); ++i)
        diff.lines.append({DiffLine::Op::Same, before[i]});
    return diff;
}

TextDiff diffFiles(const QString& beforePath, const QString& afterPath)
{
    TextDiff diff;
    QStringList before;
    QStringList after;
    qint64 beforeSize = 0;
    qint64 afterSize = 0;
    if (!readText(beforePath, &before, &beforeSize, &diff.error)
        || !readText(afterPath, &after, &afterSize, &diff.error)) {
        diff.outcome = TextDiff::Outcome::Unreadable;
        return diff;
    }
    if (beforeSize > kMaxDiffFileBytes || afterSize > kMaxDiffFileBytes) {
        diff.outcome = TextDiff::Outcome::TooLarge;
        return diff;
    }
    return diffLines(before, after);
}

QString unifiedText(const TextDiff& diff)
{
    QString text;
    for (const DiffLine& line : diff.lines) {
        switch (line.op) {
        case DiffLine::Op::Same:
            text += QLatin1String("  ");
            break;
        case DiffLine::Op::Removed:
            text += QLatin1String("- ");
            break;
        case DiffLine::Op::Added:
            text += QLatin1String("+ ");
            break;
        }
        text += line.text + QLatin1Char('\n');
    }
    return text;
}

TextDiffDialog::TextDiffDialog(const QString& title, const TextDiff& diff, QWidget* parent)
    : QDialog(parent), m_summary(new QLabel(this)), m_view(new QPlainTextEdit(this))
{
    setWindowTitle(title);
    resize(800, 600);
    m_view->setReadOnly(true);
    m_view->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    switch (diff.outcome) {
    case TextDiff::Outcome::Identical:
        m_summary->setText(Text::tr("The files are identical."));
        break;
    case TextDiff::Outcome::TooLarge:
        m_summary->setText(Text::tr("The files are too large to compare here (over %1 MiB, or too many "
                              "changed lines).").arg(kMaxDiffFileBytes / (1024 * 1024)));
        break;
    case TextDiff::Outcome::Unreadable:
        m_summary->setText(diff.error);
        break;
    case TextDiff::Outcome::Different:
        m_summary->setText(title);
        break;
    }

    QTextCharFormat removed;
    removed.setBackground(QColor(255, 220, 220));
    QTextCharFormat added;
    added.setBackground(QColor(220, 255, 220));
    QTextCursor cursor(m_view->document());
    for (const DiffLine& line : diff.lines) {
        const TextDiff single{TextDiff::Outcome::Different, {line}, {}};
        const QTextCharFormat format = line.op == DiffLine::Op::Removed ? removed
                                       : line.op == DiffLine::Op::Added ? added
                                                                         : QTextCharFormat();
        cursor.insertText(unifiedText(single), format);
    }
    m_view->moveCursor(QTextCursor::Start);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_view, 1);
    layout->addWidget(buttons);
}

}  // namespace cairn
