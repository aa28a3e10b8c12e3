// The Settings dialog: what it shows from QSettings, what OK writes and that Cancel writes
// nothing.

#include "settingsdialog.h"
#include "settingskeys.h"
#include "mainwindow.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

using namespace cairn;

namespace {

void chooseLanguage(SettingsDialog& dialog, const QString& code)
{
    const int index = dialog.languageBox()->findData(code);
    QVERIFY2(index >= 0, qPrintable(QStringLiteral("no entry for language %1").arg(code)));
    dialog.languageBox()->setCurrentIndex(index);
}

void clickButton(SettingsDialog& dialog, QDialogButtonBox::StandardButton standardButton)
{
    auto* box = dialog.findChild<QDialogButtonBox*>();
    QVERIFY(box);
    QPushButton* button = box->button(standardButton);
    QVERIFY(button);
    QTest::mouseClick(button, Qt::LeftButton);
}

}  // namespace

class TestSettings : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();

    void languagesNamedInThemselves();
    void showsStoredValues();
    void okWritesLanguage_data();
    void okWritesLanguage();
    void systemDefaultRemovesLanguage();
    void okWritesChangedWorkers();
    void okKeepsUntouchedWorkersUnset();
    void cancelWritesNothing();
    void editMenuOpensDialog();

private:
    QTemporaryDir m_settingsDir;
};

void TestSettings::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    QCoreApplication::setApplicationName(QStringLiteral("Cairn-tst_settings"));
    QCoreApplication::setOrganizationName(QStringLiteral("Cairn"));
}

void TestSettings::init()
{
    QSettings().clear();
}

void TestSettings::languagesNamedInThemselves()
{
    SettingsDialog dialog;
    // A picture for checking the layout by eye, when CAIRN_TEST_PICTURES names a folder.
    const QString pictures = qEnvironmentVariable("CAIRN_TEST_PICTURES");
    if (!pictures.isEmpty()) {
        dialog.show();
        QCoreApplication::processEvents();
        QVERIFY(dialog.grab().save(QDir(pictures).filePath(QStringLiteral("settings-en.png"))));
    }
    QComboBox* box = dialog.languageBox();
    QCOMPARE(box->count(), 3);
    QCOMPARE(box->itemData(0).toString(), QString());
    QCOMPARE(box->itemText(box->findData(QStringLiteral("en"))), QStringLiteral("English"));
    QCOMPARE(box->itemText(box->findData(QStringLiteral("zh_CN"))), QStringLiteral("简体中文"));
    QVERIFY(!dialog.restartNote()->text().isEmpty());
}

void TestSettings::showsStoredValues()
{
    QSettings().setValue(settingskeys::kLanguage, QStringLiteral("zh_CN"));
    QSettings().setValue(settingskeys::kWorkers, 3);
    SettingsDialog dialog;
    QCOMPARE(dialog.languageBox()->currentData().toString(), QStringLiteral("zh_CN"));
    QCOMPARE(dialog.workersBox()->value(), 3);
}

void TestSettings::okWritesLanguage_data()
{
    QTest::addColumn<QString>("code");
    QTest::newRow("English") << QStringLiteral("en");
    QTest::newRow("Chinese") << QStringLiteral("zh_CN");
}

void TestSettings::okWritesLanguage()
{
    QFETCH(QString, code);
    SettingsDialog dialog;
    dialog.show();
    chooseLanguage(dialog, code);
    clickButton(dialog, QDialogButtonBox::Ok);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(QSettings().value(settingskeys::kLanguage).toString(), code);
}

void TestSettings::systemDefaultRemovesLanguage()
{
    QSettings().setValue(settingskeys::kLanguage, QStringLiteral("en"));
    SettingsDialog dialog;
    chooseLanguage(dialog, QString());
    dialog.accept();
    QVERIFY(!QSettings().contains(settingskeys::kLanguage));
}

void TestSettings::okWritesChangedWorkers()
{
    SettingsDialog dialog;
    const int other = dialog.workersBox()->value() == 2 ? 3 : 2;
    dialog.workersBox()->setValue(other);
    dialog.accept();
    QCOMPARE(QSettings().value(settingskeys::kWorkers).toInt(), other);
}

void TestSettings::okKeepsUntouchedWorkersUnset()
{
    SettingsDialog dialog;
    QCOMPARE(dialog.workersBox()->value(), qMax(1, QThread::idealThreadCount()));
    dialog.accept();
    QVERIFY(!QSettings().contains(settingskeys::kWorkers));
}

void TestSettings::cancelWritesNothing()
{
    SettingsDialog dialog;
    dialog.show();
    chooseLanguage(dialog, QStringLiteral("zh_CN"));
    dialog.workersBox()->setValue(dialog.workersBox()->value() == 2 ? 3 : 2);
    clickButton(dialog, QDialogButtonBox::Cancel);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QCOMPARE(QSettings().allKeys(), QStringList());
}

void TestSettings::editMenuOpensDialog()
{
    MainWindow window;
    auto* action = window.findChild<QAction*>(QStringLiteral("actionSettings"));
    QVERIFY(action);
    QCOMPARE(action->shortcut(), QKeySequence(QKeySequence::Preferences));

    QMenu* edit = nullptr;
    for (QAction* menuAction : window.menuBar()->actions()) {
        if (menuAction->menu() && menuAction->menu()->actions().contains(action))
            edit = menuAction->menu();
    }
    QVERIFY2(edit, "the Settings action is in no menu");
    QCOMPARE(edit->title(), MainWindow::tr("&Edit"));

    // The dialog is modal: pick Chinese in it and press OK once it shows.
    bool seen = false;
    QTimer::singleShot(0, &window, [&seen] {
        auto* dialog = qobject_cast<SettingsDialog*>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        seen = true;
        chooseLanguage(*dialog, QStringLiteral("zh_CN"));
        dialog->accept();
    });
    action->trigger();
    QVERIFY(seen);
    QCOMPARE(QSettings().value(settingskeys::kLanguage).toString(), QStringLiteral("zh_CN"));
}

QTEST_MAIN(TestSettings)
#include "tst_settings.moc"
