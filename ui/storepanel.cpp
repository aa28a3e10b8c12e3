#include "storepanel.h"

#include "backgroundtask.h"
#include "store.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace cairn {

// The result of counting on the worker thread.
struct StatsOutcome {
    bool ok = false;
    StoreStats stats;
    QString error;
};

// The result of a gc or its dry run on the worker thread.
struct GcOutcome {
    bool ok = false;
    GcReport report;
    QString error;
};

namespace {

// Both run on a worker thread, so each opens its own store connection.
StatsOutcome readStats(const QString& storeDirectory)
{
    StatsOutcome outcome;
    const std::unique_ptr<Store> store = Store::open(storeDirectory, &outcome.error);
    if (store) {
        outcome.stats = store->stats();
        outcome.ok = true;
    }
    return outcome;
}

GcOutcome collectGarbage(const QString& storeDirectory, const QString& flowName, int keepRuns,
                         bool dryRun)
{
    GcOutcome outcome;
    const std::unique_ptr<Store> store = Store::open(storeDirectory, &outcome.error);
    outcome.ok = store && store->gc(flowName, keepRuns, dryRun, &outcome.report, &outcome.error);
    return outcome;
}

}  // namespace

StorePanel::StorePanel(QWidget* parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("storePanel"));
    setWindowTitle(tr("Store"));
    m_location = new QLabel(this);
    m_location->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_stats = new QLabel(this);
    // 0 stands for "all", so that no value of the box removes every run of the flow.
    m_keepRuns = new QSpinBox(this);
    m_keepRuns->setObjectName(QStringLiteral("keepRuns"));
    m_keepRuns->setRange(0, 1000000);
    m_keepRuns->setSpecialValueText(tr("all"));
    m_keepRuns->setValue(0);
    m_keepRuns->setToolTip(tr("Runs of this flow to keep, newest first; \"all\" keeps every "
                              "run and removes only objects no run refers to."));
    m_preview = new QLabel(this);
    m_preview->setObjectName(QStringLiteral("gcPreview"));
    m_preview->setWordWrap(true);
    m_previewButton = new QPushButton(tr("Preview Garbage Collection"), this);
    m_previewButton->setObjectName(QStringLiteral("previewButton"));
    m_previewButton->setEnabled(false);
    m_collectButton = new QPushButton(tr("Collect"), this);
    m_collectButton->setObjectName(QStringLiteral("collectButton"));
    m_collectButton->setEnabled(false);
    connect(m_previewButton, &QPushButton::clicked, this, &StorePanel::preview);
    connect(m_collectButton, &QPushButton::clicked, this, &StorePanel::collect);
    connect(m_keepRuns, &QSpinBox::valueChanged, this, [this] {
        m_previewShown = false;
        m_collectButton->setEnabled(false);
        m_preview->clear();
    });

    auto* form = new QFormLayout;
    form->addRow(tr("Location:"), m_location);
    form->addRow(tr("Contents:"), m_stats);
    form->addRow(tr("Runs to keep:"), m_keepRuns);
    auto* gcButtons = new QHBoxLayout;
    gcButtons->addWidget(m_previewButton);
    gcButtons->addWidget(m_collectButton);
    gcButtons->addStretch();
    m_closeButtons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(m_closeButtons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(gcButtons);
    layout->addWidget(m_preview);
    layout->addStretch();
    layout->addWidget(m_closeButtons);
}

void StorePanel::setStore(const QString& storeDirectory, const QString& flowName)
{
    m_storeDirectory = storeDirectory;
    m_flowName = flowName;
    m_location->setText(QDir::toNativeSeparators(storeDirectory));
    refresh();
}

void StorePanel::refresh()
{
    m_previewShown = false;
    m_preview->clear();
    startCounting();
}

void StorePanel::startCounting()
{
    setBusy(true);
    m_stats->setText(tr("Counting…"));
    const QString storeDirectory = m_storeDirectory;
    runInBackground<StatsOutcome>(
        this, [storeDirectory] { return readStats(storeDirectory); },
        [this](const StatsOutcome& outcome) { showStats(outcome); });
}

void StorePanel::showStats(const StatsOutcome& outcome)
{
    m_storeOpened = outcome.ok;
    if (outcome.ok) {
        //: The store's contents: "3 runs", "12 objects" and the objects' total size.
        m_stats->setText(tr("%1, %2, %3")
                             .arg(runsText(outcome.stats.runs), objectsText(outcome.stats.objects),
                                  QLocale().formattedDataSize(outcome.stats.objectBytes)));
    } else {
        m_stats->setText(outcome.error);
    }
    setBusy(false);
    Q_EMIT workFinished();
}

void StorePanel::preview()
{
    if (m_busy)
        return;
    m_previewShown = false;
    m_previewedKeepRuns = keepRuns();
    showPreviewText(tr("Working out what garbage collection would free…"));
    startGc(true);
}

void StorePanel::showPreview(const GcOutcome& outcome)
{
    if (outcome.ok) {
        showPreviewText(tr("Garbage collection would remove %1 and %2 and free %3.")
                            .arg(runsText(outcome.report.runsRemoved.size()),
                                 objectsText(outcome.report.objectsRemoved),
                                 QLocale().formattedDataSize(outcome.report.bytesFreed)));
    } else {
        showPreviewText(outcome.error);
    }
    m_previewShown = outcome.ok;
    setBusy(false);
    Q_EMIT workFinished();
}

void StorePanel::collect()
{
    if (m_busy || !m_previewShown)
        return;
    m_previewShown = false;
    showPreviewText(tr("Collecting garbage…"));
    startGc(false);
}

void StorePanel::showCollected(const GcOutcome& outcome)
{
    if (!outcome.ok) {
        showPreviewText(outcome.error);
        setBusy(false);
        Q_EMIT workFinished();
        return;
    }
    showPreviewText(tr("Removed %1 and %2, freeing %3.")
                        .arg(runsText(outcome.report.runsRemoved.size()),
                             objectsText(outcome.report.objectsRemoved),
                             QLocale().formattedDataSize(outcome.report.bytesFreed)));
    Q_EMIT garbageCollected();

    // The counts changed. The result stays shown while they are read again, and
    // workFinished follows the new counts.
    startCounting();
}

void StorePanel::startGc(bool dryRun)
{
    setBusy(true, !dryRun);
    const QString storeDirectory = m_storeDirectory;
    const QString flowName = m_flowName;
    const int keepRuns = m_previewedKeepRuns;
    runInBackground<GcOutcome>(
        this,
        [storeDirectory, flowName, keepRuns, dryRun] {
            return collectGarbage(storeDirectory, flowName, keepRuns, dryRun);
        },
        [this, dryRun](const GcOutcome& outcome) {
            if (dryRun)
                showPreview(outcome);
            else
                showCollected(outcome);
        });
}

void StorePanel::setBusy(bool busy, bool collecting)
{
    // Close stays enabled except during a collection, so that its result is seen. Escape
    // still hides the dialog then, and the collection goes on to its end.
    m_busy = busy;
    m_keepRuns->setEnabled(!busy);
    m_previewButton->setEnabled(!busy && m_storeOpened);
    m_collectButton->setEnabled(!busy && m_previewShown);
    m_closeButtons->setEnabled(!collecting);
}

void StorePanel::showPreviewText(const QString& text)
{
    m_preview->setText(text);
    // A window does not grow by itself for the lines of a wrapped label, and its layout
    // would then squeeze the rows above the label.
    const int needed = layout()->totalHeightForWidth(width());
    if (needed > height())
        resize(width(), needed);
}

int StorePanel::keepRuns() const
{
    return m_keepRuns->value() == 0 ? -1 : m_keepRuns->value();
}

QString StorePanel::runsText(qint64 runs)
{
    return tr("%n run(s)", nullptr, int(runs));
}

QString StorePanel::objectsText(qint64 objects)
{
    return tr("%n object(s)", nullptr, int(objects));
}

QString StorePanel::statsText() const
{
    return m_stats->text();
}

QString StorePanel::previewText() const
{
    return m_preview->text();
}

}  // namespace cairn
