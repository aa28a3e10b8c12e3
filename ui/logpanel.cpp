#include "logpanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTextCharFormat>
#include <QVBoxLayout>

namespace cairn {

namespace {

// Lines kept in the view and in the panel's own list; older lines are dropped.
constexpr int kMaxLines = 20000;

int streamIndex(OutputStream stream)
{
    return stream == OutputStream::Stderr ? 1 : 0;
}

// A red that reads on the palette's base colour, dark or light.
QColor stderrColor(const QPalette& palette)
{
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    return dark ? QColor::fromHsl(0, 200, 170) : QColor::fromHsl(0, 200, 90);
}

}  // namespace

LogPanel::LogPanel(QWidget* parent)
    : QWidget(parent), m_filter(new QComboBox(this)), m_follow(new QCheckBox(this)),
      m_view(new QPlainTextEdit(this))
{
    m_filter->setObjectName(QStringLiteral("logStepFilter"));
    m_filter->addItem(tr("All steps"), QString());
    m_filter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_follow->setObjectName(QStringLiteral("logFollow"));
    m_follow->setText(tr("Follow running step"));
    m_view->setObjectName(QStringLiteral("logView"));
    m_view->setReadOnly(true);
    m_view->setMaximumBlockCount(kMaxLines);
    m_view->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    auto* bar = new QHBoxLayout;
    auto* label = new QLabel(tr("Step:"), this);
    label->setBuddy(m_filter);
    bar->addWidget(label);
    bar->addWidget(m_filter);
    bar->addWidget(m_follow);
    bar->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);

    connect(m_filter, &QComboBox::currentIndexChanged, this, [this] { rebuildView(); });
}

void LogPanel::setSteps(const QStringList& ids)
{
    const QString filtered = shownStep();
    const QSignalBlocker blocker(m_filter);
    m_filter->clear();
    m_filter->addItem(tr("All steps"), QString());
    for (const QString& id : ids)
        m_filter->addItem(id, id);
    const int index = m_filter->findData(filtered);
    m_filter->setCurrentIndex(index < 0 ? 0 : index);
    if (index < 0 && !filtered.isEmpty())
        rebuildView();
}

void LogPanel::clear()
{
    m_lines.clear();
    m_partial[0].clear();
    m_partial[1].clear();
    m_view->clear();
}

void LogPanel::appendOutput(const QString& stepId, OutputStream stream, const QByteArray& data)
{
    QByteArray& pending = m_partial[streamIndex(stream)][stepId];
    pending += data;
    qsizetype start = 0;
    for (qsizetype end = pending.indexOf('\n'); end >= 0; end = pending.indexOf('\n', start)) {
        QByteArray text = pending.mid(start, end - start);
        if (text.endsWith('\r'))
            text.chop(1);
        addLine({stepId, stream, QString::fromUtf8(text)});
        start = end + 1;
    }
    pending.remove(0, start);
}

void LogPanel::appendMessage(const QString& text)
{
    // A step's unfinished last line is written out first, so that it is not lost when the
    // step has ended without a newline.
    for (auto& partial : m_partial) {
        for (auto it = partial.begin(); it != partial.end(); ++it) {
            if (!it.value().isEmpty())
                addLine({it.key(), &partial == &m_partial[1] ? OutputStream::Stderr
                                                           : OutputStream::Stdout,
                         QString::fromUtf8(it.value())});
        }
        partial.clear();
    }
    addLine({QString(), OutputStream::Stdout, text});
}

void LogPanel::stepStarted(const QString& stepId)
{
    if (followsRunningStep())
        showStep(stepId);
}

void LogPanel::showStep(const QString& stepId)
{
    int index = m_filter->findData(stepId);
    if (index < 0 && !stepId.isEmpty()) {
        m_filter->addItem(stepId, stepId);
        index = m_filter->count() - 1;
    }
    m_filter->setCurrentIndex(index < 0 ? 0 : index);
}

QString LogPanel::shownStep() const
{
    return m_filter->currentData().toString();
}

bool LogPanel::followsRunningStep() const
{
    return m_follow->isChecked();
}

void LogPanel::setFollowRunningStep(bool follow)
{
    m_follow->setChecked(follow);
}

QString LogPanel::text() const
{
    return m_view->toPlainText();
}

void LogPanel::addLine(const Line& line)
{
    m_lines.append(line);
    if (m_lines.size() > kMaxLines)
        m_lines.remove(0, m_lines.size() - kMaxLines);
    if (isShown(line))
        writeLine(line);
}

bool LogPanel::isShown(const Line& line) const
{
    const QString filtered = shownStep();
    return filtered.isEmpty() || line.stepId.isEmpty() || line.stepId == filtered;
}

void LogPanel::writeLine(const Line& line)
{
    QScrollBar* scroll = m_view->verticalScrollBar();
    const bool atEnd = scroll->value() == scroll->maximum();

    QTextCharFormat format;
    if (line.stream == OutputStream::Stderr)
        format.setForeground(stderrColor(m_view->palette()));
    const QString prefix = line.stepId.isEmpty() ? QStringLiteral("== ")
                                                 : QStringLiteral("[%1] ").arg(line.stepId);
    QTextCursor cursor(m_view->document());
    cursor.movePosition(QTextCursor::End);
    if (!m_view->document()->isEmpty())
        cursor.insertBlock();
    cursor.insertText(prefix + line.text, format);

    // Keeps the newest line in sight unless the user has scrolled up to read.
    if (atEnd)
        scroll->setValue(scroll->maximum());
}

void LogPanel::rebuildView()
{
    m_view->clear();
    for (const Line& line : std::as_const(m_lines)) {
        if (isShown(line))
            writeLine(line);
    }
}

}  // namespace cairn
