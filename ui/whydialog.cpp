#include "whydialog.h"

#include "cachekey.h"
#include "canvasstyle.h"
#include "store.h"

#include <QDialogButtonBox>
#include <QStringList>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace cairn {

namespace {

QString componentText(const Json& components, const char* name)
{
    if (!components.is_object() || !components.contains(name) || !components.at(name).is_string())
        return QString();
    return QString::fromStdString(components.at(name).get<std::string>());
}

// A line diff of two texts: lines only in before start with "- ", lines only in after
// with "+ ". Lines are matched by a longest common subsequence, which is quadratic in the
// line count; commands and inline scripts are short.
QStringList lineDiff(const QString& before, const QString& after)
{
    const QStringList a = before.split(QLatin1Char('\n'));
    const QStringList b = after.split(QLatin1Char('\n'));
    const int n = a.size();
    const int m = b.size();
    QList<QList<int>> common(n + 1, QList<int>(m + 1, 0));
    for (int i = n - 1; i >= 0; --i) {
        for (int j = m - 1; j >= 0; --j) {
            common[i][j] = a[i] == b[j] ? common[i + 1][j + 1] + 1
                                        : qMax(common[i + 1][j], common[i][j + 1]);
        }
    }

    QStringList lines;
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && a[i] == b[j]) {
            lines << QStringLiteral("  ") + a[i];
            ++i;
            ++j;
        } else if (j < m && (i == n || common[i][j + 1] >= common[i + 1][j])) {
            lines << QStringLiteral("+ ") + b[j++];
        } else {
            lines << QStringLiteral("- ") + a[i++];
        }
    }
    return lines;
}

}  // namespace

WhyDialog::WhyDialog(const QString& storeDirectory, const QString& flowName, qint64 run,
                     const QString& stepId, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("whyDialog"));
    setWindowTitle(tr("Why Did %1 Run?").arg(stepId));
    m_text = new QTextBrowser(this);
    m_text->setLineWrapMode(QTextEdit::NoWrap);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_text);
    layout->addWidget(buttons);
    resize(640, 420);

    QString error;
    const std::unique_ptr<Store> store = Store::open(storeDirectory, &error);
    m_text->setPlainText(store ? explain(*store, flowName, run, stepId) : error);
}

QString WhyDialog::text() const
{
    return m_text->toPlainText();
}

QString WhyDialog::explain(const Store& store, const QString& flowName, qint64 run,
                           const QString& stepId)
{
    const std::optional<StepRunRecord> current = store.stepRun(run, stepId);
    if (!current)
        return tr("Step %1 has no record in run %2.").arg(stepId).arg(run);

    QStringList lines;
    lines << tr("Run %1, step %2: %3").arg(run).arg(stepId, CanvasStyle::statusText(current->status));
    if (!current->reason.isEmpty())
        lines << tr("Reason: %1").arg(current->reason);
    if (!current->error.isEmpty())
        lines << tr("Error: %1").arg(current->error);

    const std::optional<StepRunRecord> previous = store.previousStepRun(flowName, stepId, run);
    if (!previous) {
        lines << tr("No earlier run of this step has a cache key to compare with.");
        return lines.join(QLatin1Char('\n'));
    }
    const QStringList changes = explainKeyChange(previous->components, current->components);
    if (changes.isEmpty()) {
        lines << tr("The cache key is the same as in run %1.").arg(previous->run);
        return lines.join(QLatin1Char('\n'));
    }
    lines << tr("Changes since run %1:").arg(previous->run);
    for (const QString& change : changes)
        lines << QStringLiteral("• ") + change;

    for (const char* field : {"command", "script"}) {
        const QString before = componentText(previous->components, field);
        const QString after = componentText(current->components, field);
        if (before == after)
            continue;
        lines << QString() << tr("%1 diff:").arg(QLatin1String(field));
        lines << lineDiff(before, after);
    }
    return lines.join(QLatin1Char('\n'));
}

}  // namespace cairn
