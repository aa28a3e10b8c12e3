#include "settingsdialog.h"

#include "settingskeys.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QSettings>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>

namespace cairn {

SettingsDialog::SettingsDialog(QWidget* parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));

    // Each language is named in itself, so that a user who cannot read the current
    // interface still finds their own.
    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("languageBox"));
    m_language->addItem(tr("System default"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
    m_restartNote = new QLabel(tr("The new language takes effect when Cairn is restarted."), this);
    m_restartNote->setObjectName(QStringLiteral("restartNote"));
    m_restartNote->setWordWrap(true);

    m_workers = new QSpinBox(this);
    m_workers->setObjectName(QStringLiteral("workersBox"));
    m_workers->setRange(1, settingskeys::kMaxWorkers);
    m_workers->setToolTip(tr("Steps that may run at the same time. The default is one per "
                             "CPU core."));

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Interface language:"), m_language);
    form->addRow(QString(), m_restartNote);
    form->addRow(tr("Parallel workers:"), m_workers);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch();
    layout->addWidget(buttons);

    readSettings();
}

void SettingsDialog::accept()
{
    writeSettings();
    QDialog::accept();
}

void SettingsDialog::readSettings()
{
    const QSettings settings;
    const int index = m_language->findData(settings.value(settingskeys::kLanguage).toString());
    m_language->setCurrentIndex(qMax(0, index));

    const int fallback = qMax(1, QThread::idealThreadCount());
    m_shownWorkers = qBound(1, settings.value(settingskeys::kWorkers, fallback).toInt(),
                            settingskeys::kMaxWorkers);
    m_workers->setValue(m_shownWorkers);
}

void SettingsDialog::writeSettings() const
{
    QSettings settings;
    const QString language = m_language->currentData().toString();
    if (language.isEmpty())
        settings.remove(settingskeys::kLanguage);
    else
        settings.setValue(settingskeys::kLanguage, language);

    // An untouched count stays unset, so that it keeps following the number of cores.
    if (m_workers->value() != m_shownWorkers || settings.contains(settingskeys::kWorkers))
        settings.setValue(settingskeys::kWorkers, m_workers->value());
}

}  // namespace cairn
