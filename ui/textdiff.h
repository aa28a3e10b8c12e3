#pragma once

// A line diff of two texts, and a dialog that shows it unified with removed lines in red
// and added lines in green.

#include <QDialog>
#include <QList>
#include <QString>
#include <QStringList>

class QLabel;
class QPlainTextEdit;

namespace cairn {

struct DiffLine {
    enum class Op { Same, Removed, Added };
    Op op = Op::Same;
    QString text;
};

struct TextDiff {
    enum class Outcome { Identical, Different, TooLarge, Unreadable };
    Outcome outcome = Outcome::Identical;
    QList<DiffLine> lines;  // the whole of both texts, empty unless Different
    QString error;          // for Unreadable: the file that could not be read and why
};

// Diffs two lists of lines by their longest common subsequence, after trimming the common
// start and end. Returns TooLarge when the lines left between them need a table of more
// than kMaxDiffCells cells.
inline constexpr qint64 kMaxDiffCells = 16 * 1000 * 1000;
TextDiff diffLines(const QStringList& before, const QStringList& after);

// Diffs two text files of at most kMaxDiffFileBytes each; larger files give TooLarge.
inline constexpr qint64 kMaxDiffFileBytes = 8 * 1024 * 1024;
TextDiff diffFiles(const QString& beforePath, const QString& afterPath);

// The diff as text: "  same", "- removed", "+ added" lines.
QString unifiedText(const TextDiff& diff);

class TextDiffDialog : public QDialog {
    Q_OBJECT
public:
    // title names the two sides, e.g. "train/metrics.json: run 3 → run 5".
    TextDiffDialog(const QString& title, const TextDiff& diff, QWidget* parent = nullptr);

private:
    QLabel* m_summary;
    QPlainTextEdit* m_view;
};

}  // namespace cairn
