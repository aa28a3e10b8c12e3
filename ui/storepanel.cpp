#include "storepanel.h"

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

StorePanel::StorePanel(QWidget* parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("storePanel"));
    setWindowTitle(tr("Store"));
    m_location = new QLabel(this);
    m_location->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_stats = new QLabel(this);
    m_keepRuns = new QSpinBox(this);
    m_keepRuns->setRange(-1, 1000000);
    m_keepRuns->setSpecialValueText(tr("all"));
    m_keepRuns->setValue(-1);
    m_keepRuns->setToolTip(tr("Runs of this flow to keep, newest first; \"all\" keeps every "
                              "run and removes only objects no run refers to."));
    m_preview = new QLabel(this);
    m_preview->setWordWrap(true);
    m_previewButton = new QPushButton(tr("Preview Garbage Collection"), this);
    m_collectButton = new QPushButton(tr("Collect"), this);
    m_collectButton->setObjectName(QStringLiteral("collectButton"));
    m_collectButton->setEnabled(false);
    connect(m_previewButton, &QPushButton::clicked, this, &StorePanel::preview);
    connect(m_collectButton, &QPushButton::clicked, this, &StorePanel::collect);
    connect(m_keepRuns, &QSpinBox::valueChanged, this, [this] {
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
    auto* close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(gcButtons);
    layout->addWidget(m_preview);
    layout->addStretch();
    layout->addWidget(close);
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
    m_collectButton->setEnabled(false);
    m_preview->clear();
    QString error;
    const std::unique_ptr<Store> store = Store::open(m_storeDirectory, &error);
    if (!store) {
        m_stats->setText(error);
        m_previewButton->setEnabled(false);
        return;
    }
    const StoreStats stats = store->stats();
    m_stats->setText(tr("%1 runs, %2 objects, %3")
                         .arg(stats.runs)
                         .arg(stats.objects)
                         .arg(QLocale().formattedDataSize(stats.objectBytes)));
    m_previewButton->setEnabled(true);
}

void StorePanel::preview()
{
    QString error;
    const std::unique_ptr<Store> store = Store::open(m_storeDirectory, &error);
    GcReport report;
    if (!store || !store->gc(m_flowName, m_keepRuns->value(), true, &report, &error)) {
        m_preview->setText(error);
        return;
    }
    m_preview->setText(tr("Garbage collection would remove %1 runs and %2 objects and free %3.")
                           .arg(report.runsRemoved.size())
                           .arg(report.objectsRemoved)
                           .arg(QLocale().formattedDataSize(report.bytesFreed)));
    m_collectButton->setEnabled(true);
}

void StorePanel::collect()
{
    QString error;
    const std::unique_ptr<Store> store = Store::open(m_storeDirectory, &error);
    GcReport report;
    if (!store || !store->gc(m_flowName, m_keepRuns->value(), false, &report, &error)) {
        m_preview->setText(error);
        return;
    }
    refresh();
    m_preview->setText(tr("Removed %1 runs and %2 objects, freeing %3.")
                           .arg(report.runsRemoved.size())
                           .arg(report.objectsRemoved)
                           .arg(QLocale().formattedDataSize(report.bytesFreed)));
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
