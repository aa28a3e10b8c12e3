#include "artifactspanel.h"

#include "artifactpreview.h"
#include "canvasstyle.h"
#include "historymodel.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <tuple>

namespace cairn {

namespace {

// Item data roles of the tree. Run rows carry RunRole; step rows also StepRole; file rows
// also PathRole and DigestRole; log rows also PathRole (the log's name), LogPathRole and
// AttemptRole.
enum Role {
    RunRole = Qt::UserRole + 1,
    StepRole,
    PathRole,
    DigestRole,
    LogPathRole,
    AttemptRole,
    FilledRole,  // a run row whose step rows have been added
};

enum Column { NameColumn, SizeColumn, DigestColumn };

constexpr int kShortDigest = 12;

// The files in which the executor keeps each attempt's output, in Store::logDirectory.
const QString kStdoutLog = QStringLiteral("stdout.log");
const QString kStderrLog = QStringLiteral("stderr.log");

QString logName(OutputStream stream)
{
    return stream == OutputStream::Stderr ? kStderrLog : kStdoutLog;
}

QString formatSize(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes);
}

// The order in which selectArtifact prefers previews: lower is better. Logs come after
// every stored file.
constexpr int kLogRank = 6;
constexpr int kEmptyLogRank = 7;

int previewRank(ArtifactPreview::Kind kind)
{
    switch (kind) {
    case ArtifactPreview::Kind::Image: return 0;
    case ArtifactPreview::Kind::Table: return 1;
    case ArtifactPreview::Kind::Json: return 2;
    case ArtifactPreview::Kind::Text: return 3;
    case ArtifactPreview::Kind::Hex: return 4;
    case ArtifactPreview::Kind::None: break;
    }
    return 5;
}

}  // namespace

ArtifactsPanel::ArtifactsPanel(QWidget* parent)
    : QWidget(parent),
      m_tree(new QTreeWidget(this)),
      m_preview(new ArtifactPreview(this)),
      m_openFolder(new QPushButton(tr("Open Containing Folder"), this)),
      m_saveCopy(new QPushButton(tr("Save a Copy…"), this)),
      m_compare(new QPushButton(tr("Compare with Run…"), this))
{
    m_tree->setColumnCount(3);
    m_tree->setHeaderLabels({tr("Artifact"), tr("Size"), tr("Digest")});
    // Sizes and short digests have a known width; names take the rest.
    m_tree->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(SizeColumn, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(DigestColumn, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(false);
    m_tree->setUniformRowHeights(true);

    auto* actions = new QHBoxLayout;
    actions->addWidget(m_openFolder);
    actions->addWidget(m_saveCopy);
    actions->addWidget(m_compare);
    actions->addStretch(1);

    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addLayout(actions);
    rightLayout->addWidget(m_preview, 1);

    auto* splitter = new QSplitter(this);
    splitter->addWidget(m_tree);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 2);
    // At least wide enough for "Run 12 · succeeded" rows and file names next to their
    // sizes; it starts wide enough for the rows' start times too.
    m_tree->setMinimumWidth(300);
    splitter->setSizes({500, 760});
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    // Step rows of a run are read when the run is first expanded.
    connect(m_tree, &QTreeWidget::itemExpanded, this, &ArtifactsPanel::fillRun);
    connect(m_tree, &QTreeWidget::currentItemChanged, this,
            [this](QTreeWidgetItem* current) { onCurrentItemChanged(current); });
    connect(m_openFolder, &QPushButton::clicked, this, &ArtifactsPanel::openContainingFolder);
    connect(m_saveCopy, &QPushButton::clicked, this, &ArtifactsPanel::saveCopy);
    connect(m_compare, &QPushButton::clicked, this, &ArtifactsPanel::compareWithRun);
    updateActions();
}

ArtifactsPanel::~ArtifactsPanel() = default;

void ArtifactsPanel::setStore(const QString& storeDirectory, const QString& flowName)
{
    m_store.reset();
    m_flowName = flowName;
    m_run = 0;
    QString error;
    if (!storeDirectory.isEmpty())
        m_store = Store::open(storeDirectory, &error);
    reload();
    if (!error.isEmpty())
        m_preview->showMessage(error);
}

void ArtifactsPanel::setRun(qint64 run)
{
    m_run = run;
    QTreeWidgetItem* item = runItem(run);
    if (!item) {
        reload();
        item = runItem(run);
    }
    if (!item)
        return;
    item->setExpanded(true);
    m_tree->setCurrentItem(item);
    m_tree->scrollToItem(item);
}

void ArtifactsPanel::showStep(qint64 run, const QString& stepId)
{
    setRun(run);
    QTreeWidgetItem* step = stepItem(run, stepId);
    if (!step)
        return;
    step->setExpanded(true);
    m_tree->setCurrentItem(step->childCount() > 0 ? step->child(0) : step);
    m_tree->scrollToItem(step);
}

void ArtifactsPanel::refresh()
{
    const FileRef selected = selectedFile();
    reload();
    if (selected.isLog())
        selectLog(selected.run, selected.stepId,
                  selected.path == kStderrLog ? OutputStream::Stderr : OutputStream::Stdout,
                  selected.attempt);
    else if (selected.isValid())
        selectFile(selected.run, selected.stepId, selected.path);
}

bool ArtifactsPanel::selectFile(qint64 run, const QString& stepId, const QString& path)
{
    if (!runItem(run))
        setRun(run);
    QTreeWidgetItem* step = stepItem(run, stepId);
    if (!step)
        return false;
    for (int i = 0; i < step->childCount(); ++i) {
        QTreeWidgetItem* file = step->child(i);
        if (!file->data(NameColumn, DigestRole).isNull()
            && file->data(NameColumn, PathRole).toString() == path) {
            step->setExpanded(true);
            m_tree->setCurrentItem(file);
            m_tree->scrollToItem(file);
            return true;
        }
    }
    return false;
}

bool ArtifactsPanel::selectArtifact(qint64 run, const QString& stepId, const QString& path)
{
    if (!path.isEmpty()) {
        if (selectFile(run, stepId, path))
            return true;
        if (path == kStdoutLog || path == kStderrLog)
            return selectLog(run, stepId, path == kStderrLog ? OutputStream::Stderr : OutputStream::Stdout);
        return false;
    }
    if (!m_store)
        return false;
    if (!runItem(run))
        setRun(run);
    QTreeWidgetItem* item = runItem(run);
    if (!item)
        return false;
    fillRun(item);

    QTreeWidgetItem* best = nullptr;
    std::tuple<int, QString, int> bestKey;
    for (int i = 0; i < item->childCount(); ++i) {
        const QTreeWidgetItem* step = item->child(i);
        if (!stepId.isEmpty() && step->data(NameColumn, StepRole).toString() != stepId)
            continue;
        for (int j = 0; j < step->childCount(); ++j) {
            QTreeWidgetItem* file = step->child(j);
            const QString logFile = file->data(NameColumn, LogPathRole).toString();
            // kindOf reads at most a few KiB of each object.
            const int rank = !logFile.isEmpty()
                ? (QFileInfo(logFile).size() > 0 ? kLogRank : kEmptyLogRank)
                : previewRank(ArtifactPreview::kindOf(
                      m_store->objectPath(file->data(NameColumn, DigestRole).toString()),
                      file->data(NameColumn, PathRole).toString()));
            // Steps finish in any order, so equal ranks go to the first step id, then to the
            // first row of that step (files before logs, stdout before stderr).
            const auto key = std::make_tuple(rank, step->data(NameColumn, StepRole).toString(), j);
            if (!best || key < bestKey) {
                best = file;
                bestKey = key;
            }
        }
    }
    if (!best)
        return false;
    best->parent()->setExpanded(true);
    m_tree->setCurrentItem(best);
    m_tree->scrollToItem(best);
    return true;
}

bool ArtifactsPanel::selectLog(qint64 run, const QString& stepId, OutputStream stream, int attempt)
{
    if (!runItem(run))
        setRun(run);
    QTreeWidgetItem* step = stepItem(run, stepId);
    if (!step)
        return false;
    // Log rows follow the file rows, by attempt, so the last match is the last attempt.
    QTreeWidgetItem* match = nullptr;
    for (int i = 0; i < step->childCount(); ++i) {
        QTreeWidgetItem* row = step->child(i);
        if (row->data(NameColumn, LogPathRole).isNull()
            || row->data(NameColumn, PathRole).toString() != logName(stream))
            continue;
        if (attempt <= 0 || row->data(NameColumn, AttemptRole).toInt() == attempt)
            match = row;
    }
    if (!match)
        return false;
    step->setExpanded(true);
    m_tree->setCurrentItem(match);
    m_tree->scrollToItem(match);
    return true;
}

QStringList ArtifactsPanel::stepIds(qint64 run)
{
    QStringList ids;
    if (!runItem(run))
        setRun(run);
    QTreeWidgetItem* item = runItem(run);
    if (!item)
        return ids;
    fillRun(item);
    for (int i = 0; i < item->childCount(); ++i)
        ids.append(item->child(i)->data(NameColumn, StepRole).toString());
    return ids;
}

ArtifactsPanel::FileRef ArtifactsPanel::selectedFile() const
{
    FileRef ref;
    const QTreeWidgetItem* item = m_tree->currentItem();
    if (!item || item->data(NameColumn, PathRole).isNull())
        return ref;
    ref.run = item->data(NameColumn, RunRole).toLongLong();
    ref.stepId = item->data(NameColumn, StepRole).toString();
    ref.path = item->data(NameColumn, PathRole).toString();
    ref.digest = item->data(NameColumn, DigestRole).toString();
    ref.logPath = item->data(NameColumn, LogPathRole).toString();
    ref.attempt = item->data(NameColumn, AttemptRole).toInt();
    return ref;
}

void ArtifactsPanel::reload()
{
    m_tree->clear();
    m_preview->clear();
    if (!m_store)
        return;

    QList<RunRecord> runs = m_store->runs(m_flowName, kRecentRuns);
    const bool listed = std::any_of(runs.cbegin(), runs.cend(),
                                    [this](const RunRecord& r) { return r.number == m_run; });
    if (m_run > 0 && !listed) {
        // The chosen run is older than the recent ones: it is listed first.
        if (std::optional<RunRecord> chosen = m_store->run(m_run))
            runs.prepend(*chosen);
    }
    for (const RunRecord& run : runs)
        addRunItem(run);
    updateActions();
}

QTreeWidgetItem* ArtifactsPanel::addRunItem(const RunRecord& run)
{
    auto* item = new QTreeWidgetItem(m_tree);
    item->setText(NameColumn, tr("Run %1 · %2 · %3")
                                  .arg(run.number)
                                  .arg(HistoryModel::statusText(runStatusName(run.status)),
                                       QLocale().toString(run.started.toLocalTime(),
                                                          QLocale::ShortFormat)));
    item->setData(NameColumn, RunRole, run.number);
    item->setChildIndicatorPolicy(QTreeWidgetItem::ShowIndicator);
    return item;
}

void ArtifactsPanel::fillRun(QTreeWidgetItem* item)
{
    if (!m_store || item->parent() || item->data(NameColumn, FilledRole).toBool())
        return;
    item->setData(NameColumn, FilledRole, true);
    const qint64 run = item->data(NameColumn, RunRole).toLongLong();

    for (const StepRunRecord& step : m_store->stepRuns(run)) {
        auto* stepRow = new QTreeWidgetItem(item);
        qint64 total = 0;
        for (const ArtifactRecord& artifact : step.artifacts)
            total += artifact.size;
        stepRow->setText(NameColumn, tr("%1 (%2)").arg(step.stepId, CanvasStyle::statusText(step.status)));
        stepRow->setText(SizeColumn, formatSize(total));
        stepRow->setData(NameColumn, RunRole, run);
        stepRow->setData(NameColumn, StepRole, step.stepId);

        for (const ArtifactRecord& artifact : step.artifacts) {
            auto* file = new QTreeWidgetItem(stepRow);
            file->setText(NameColumn, artifact.path);
            file->setText(SizeColumn, formatSize(artifact.size));
            file->setText(DigestColumn, artifact.digest.left(kShortDigest));
            file->setToolTip(DigestColumn, artifact.digest);
            if (artifact.kind != QLatin1String("output"))
                file->setToolTip(NameColumn, tr("Project file %1").arg(artifact.path));
            file->setData(NameColumn, RunRole, run);
            file->setData(NameColumn, StepRole, step.stepId);
            file->setData(NameColumn, PathRole, artifact.path);
            file->setData(NameColumn, DigestRole, artifact.digest);
        }
        addLogRows(stepRow, step);
    }
    if (item->childCount() == 0)
        item->setChildIndicatorPolicy(QTreeWidgetItem::DontShowIndicator);
}

// Adds a row, in italics, for the stdout and stderr log of each attempt of step that
// executed. Cached and skipped steps have none.
void ArtifactsPanel::addLogRows(QTreeWidgetItem* stepRow, const StepRunRecord& step)
{
    for (int attempt = 1; attempt <= step.attempts; ++attempt) {
        for (const OutputStream stream : {OutputStream::Stdout, OutputStream::Stderr}) {
            const QString name = logName(stream);
            const QFileInfo log(logPath(step.run, step.stepId, attempt, name));
            if (!log.isFile())
                continue;
            auto* row = new QTreeWidgetItem(stepRow);
            row->setText(NameColumn, step.attempts > 1 ? tr("%1 (attempt %2)").arg(name).arg(attempt)
                                                       : name);
            QFont font = row->font(NameColumn);
            font.setItalic(true);
            row->setFont(NameColumn, font);
            row->setText(SizeColumn, formatSize(log.size()));
            row->setToolTip(NameColumn, stream == OutputStream::Stderr
                                            ? tr("Standard error of attempt %1, kept at %2")
                                                  .arg(attempt).arg(log.filePath())
                                            : tr("Standard output of attempt %1, kept at %2")
                                                  .arg(attempt).arg(log.filePath()));
            row->setData(NameColumn, RunRole, step.run);
            row->setData(NameColumn, StepRole, step.stepId);
            row->setData(NameColumn, PathRole, name);
            row->setData(NameColumn, LogPathRole, log.filePath());
            row->setData(NameColumn, AttemptRole, attempt);
        }
    }
}

QString ArtifactsPanel::logPath(qint64 run, const QString& stepId, int attempt,
                                const QString& name) const
{
    // NOTE: logDirectory creates the folder when it is missing; callers ask only for
    // attempts that executed, whose folder the run created.
    return QDir(m_store->logDirectory(run, stepId, attempt)).filePath(name);
}

QString ArtifactsPanel::filePath(const FileRef& file) const
{
    return file.isLog() ? file.logPath : m_store->objectPath(file.digest);
}

QTreeWidgetItem* ArtifactsPanel::runItem(qint64 run) const
{
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = m_tree->topLevelItem(i);
        if (item->data(NameColumn, RunRole).toLongLong() == run)
            return item;
    }
    return nullptr;
}

QTreeWidgetItem* ArtifactsPanel::stepItem(qint64 run, const QString& stepId)
{
    QTreeWidgetItem* item = runItem(run);
    if (!item)
        return nullptr;
    fillRun(item);
    for (int i = 0; i < item->childCount(); ++i) {
        if (item->child(i)->data(NameColumn, StepRole).toString() == stepId)
            return item->child(i);
    }
    return nullptr;
}

void ArtifactsPanel::onCurrentItemChanged(QTreeWidgetItem* current)
{
    Q_UNUSED(current);
    const FileRef file = selectedFile();
    updateActions();
    if (!file.isValid() || !m_store) {
        m_preview->clear();
        Q_EMIT fileSelected(0, QString(), QString());
        return;
    }
    // The object has no name of its own, so the artifact's path picks the preview. A log's
    // name ends in .log, which previews it page by page whatever its size.
    m_preview->showFile(filePath(file), file.path);
    Q_EMIT fileSelected(file.run, file.stepId, file.path);
}

}  // namespace cairn
