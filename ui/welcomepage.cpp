#include "welcomepage.h"

#include "flow.h"
#include "recentfiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QGridLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace cairn {

namespace {

constexpr int kPathRole = Qt::UserRole + 1;

QLabel* heading(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.2);
    label->setFont(font);
    return label;
}

}  // namespace

WelcomePage::WelcomePage(QWidget* parent)
    : QWidget(parent), m_examples(new QListWidget(this)), m_recent(new QListWidget(this))
{
    setObjectName(QStringLiteral("welcomePage"));
    m_examples->setObjectName(QStringLiteral("welcomeExamples"));
    m_recent->setObjectName(QStringLiteral("welcomeRecent"));

    auto* title = heading(tr("Cairn"), this);
    auto* intro = new QLabel(tr("Draw a flow of steps, run it, and reuse the results of "
                                "steps whose inputs have not changed."), this);
    intro->setWordWrap(true);
    auto* newButton = new QPushButton(tr("New Flow"), this);
    newButton->setObjectName(QStringLiteral("welcomeNew"));
    auto* openButton = new QPushButton(tr("Open…"), this);
    openButton->setObjectName(QStringLiteral("welcomeOpen"));

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(newButton);
    buttons->addWidget(openButton);
    buttons->addStretch(1);

    auto* lists = new QGridLayout;
    lists->addWidget(heading(tr("Open an Example"), this), 0, 0);
    lists->addWidget(heading(tr("Recent Files"), this), 0, 1);
    lists->addWidget(m_examples, 1, 0);
    lists->addWidget(m_recent, 1, 1);

    auto* column = new QVBoxLayout;
    column->addWidget(title);
    column->addWidget(intro);
    column->addLayout(buttons);
    column->addSpacing(12);
    column->addLayout(lists, 1);
    auto* outer = new QHBoxLayout(this);
    outer->addStretch(1);
    outer->addLayout(column, 4);
    outer->addStretch(1);

    connect(newButton, &QPushButton::clicked, this, &WelcomePage::newFlowRequested);
    connect(openButton, &QPushButton::clicked, this, &WelcomePage::openRequested);
    connect(m_examples, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        const QString path = item->data(kPathRole).toString();
        if (!path.isEmpty())
            Q_EMIT openExampleRequested(path);
    });
    connect(m_recent, &QListWidget::itemActivated, this, &WelcomePage::onItemActivated);

    fillExamples();
    refresh();
}

QString WelcomePage::examplesDirectory()
{
    const QStringList candidates = {
        QCoreApplication::applicationDirPath() + QStringLiteral("/../share/cairn/examples"),
#ifdef CAIRN_INSTALLED_EXAMPLES_DIR
        QStringLiteral(CAIRN_INSTALLED_EXAMPLES_DIR),
#endif
#ifdef CAIRN_SOURCE_EXAMPLES_DIR
        QStringLiteral(CAIRN_SOURCE_EXAMPLES_DIR),
#endif
    };
    for (const QString& candidate : candidates) {
        if (QFileInfo(candidate).isDir())
            return QDir::cleanPath(candidate);
    }
    return QString();
}

QStringList WelcomePage::exampleFlows()
{
    const QString root = examplesDirectory();
    if (root.isEmpty())
        return {};
    QStringList flows;
    const QDir dir(root);
    for (const QString& name : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QString path = dir.filePath(name + QStringLiteral("/flow.json"));
        if (QFileInfo::exists(path))
            flows.append(path);
    }
    return flows;
}

void WelcomePage::refresh()
{
    m_recent->clear();
    for (const QString& path : recentfiles::list()) {
        auto* item = new QListWidgetItem(QFileInfo(path).fileName(), m_recent);
        item->setToolTip(path);
        item->setData(kPathRole, path);
        item->setText(QStringLiteral("%1 — %2").arg(QFileInfo(path).dir().dirName(), path));
    }
    if (m_recent->count() == 0) {
        auto* item = new QListWidgetItem(tr("No recent files"), m_recent);
        item->setFlags(Qt::NoItemFlags);
    }
}

void WelcomePage::fillExamples()
{
    for (const QString& path : exampleFlows()) {
        Flow flow;
        QList<FlowIssue> issues;
        loadFlow(path, &flow, &issues);
        const QString name = flow.name.isEmpty() ? QFileInfo(path).dir().dirName() : flow.name;
        auto* item = new QListWidgetItem(name, m_examples);
        item->setToolTip(flow.description);
        item->setData(kPathRole, path);
    }
    if (m_examples->count() == 0) {
        auto* item = new QListWidgetItem(tr("No examples installed"), m_examples);
        item->setFlags(Qt::NoItemFlags);
    }
}

void WelcomePage::onItemActivated(QListWidgetItem* item)
{
    const QString path = item->data(kPathRole).toString();
    if (!path.isEmpty())
        Q_EMIT openPathRequested(path);
}

}  // namespace cairn
