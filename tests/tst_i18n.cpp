// The Chinese interface: the window, its panels and the Settings dialog under zh_CN, and
// cairn-cli's errors under CAIRN_LANG and the locale variables.

#include "historymodel.h"
#include "historypanel.h"
#include "inspector.h"
#include "mainwindow.h"
#include "palette.h"
#include "settingsdialog.h"
#include "stepinspector.h"
#include "flowscene.h"
#include "testsupport.h"
#include "translations.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>

#include <memory>

using namespace cairn;
using namespace cairn::test;

namespace {

bool containsCjk(const QString& text)
{
    for (QChar c : text) {
        if (c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF)
            return true;
    }
    return false;
}

// Checks that each shown text is Chinese: not the English source and with CJK characters.
void checkChinese(const QStringList& shown, const QStringList& english, const char* kind)
{
    QVERIFY2(!shown.isEmpty(), kind);
    QCOMPARE(shown.size(), english.size());
    for (qsizetype i = 0; i < shown.size(); ++i) {
        const QString message = QStringLiteral("%1: \"%2\" (English \"%3\")")
                                    .arg(QLatin1String(kind), shown.at(i), english.at(i));
        QVERIFY2(shown.at(i) != english.at(i), qPrintable(message));
        QVERIFY2(containsCjk(shown.at(i)), qPrintable(message));
    }
}

// The label texts of a form layout's rows, skipping rows without a label.
QStringList formLabels(const QFormLayout* form)
{
    QStringList labels;
    for (int row = 0; row < form->rowCount(); ++row) {
        QLayoutItem* item = form->itemAt(row, QFormLayout::LabelRole);
        auto* label = item ? qobject_cast<QLabel*>(item->widget()) : nullptr;
        if (label && !label->text().isEmpty() && label->isVisibleTo(form->parentWidget()))
            labels << label->text();
    }
    return labels;
}

// Saves a picture of widget into the folder named by CAIRN_TEST_PICTURES, when it is set,
// for checking the layout by eye.
void savePicture(QWidget* widget, const QString& fileName)
{
    const QString folder = qEnvironmentVariable("CAIRN_TEST_PICTURES");
    if (folder.isEmpty())
        return;
    QCoreApplication::processEvents();
    const QString path = QDir(folder).filePath(fileName);
    QVERIFY2(widget->grab().save(path), qPrintable(path));
}

QString mainWindowText(const char* source)
{
    return QCoreApplication::translate("cairn::MainWindow", source);
}

}  // namespace

class TestI18n : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void menuTitlesChinese();
    void toolBarChinese();
    void paletteChinese();
    void inspectorChinese();
    void historyHeadersChinese();
    void settingsDialogChinese();

    void cliErrorChinese_data();
    void cliErrorChinese();
    void cliFollowsLocale_data();
    void cliFollowsLocale();

private:
    MainWindow* openWindow();

    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
};

void TestI18n::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath(QStringLiteral("settings")));
    QCoreApplication::setApplicationName(QStringLiteral("Cairn-tst_i18n"));
    QCoreApplication::setOrganizationName(QStringLiteral("Cairn"));
    QCOMPARE(installTranslations(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
}

void TestI18n::cleanup()
{
    if (m_window) {
        m_window->setMessageHandler(
            [](const QString&, QMessageBox::StandardButtons) { return QMessageBox::Discard; });
        m_window->close();
    }
    m_window.reset();
}

// A window with a one-step flow open, so that the canvas, inspector and tabs are filled.
MainWindow* TestI18n::openWindow()
{
    const QString path = m_dir.filePath(QStringLiteral("flow/flow.json"));
    const Json flow = makeFlow(Json::array({countingStep(QStringLiteral("fetch"))}), Json::array());
    if (!writeFile(path, QByteArray::fromStdString(flow.dump(2))))
        return nullptr;
    m_window = std::make_unique<MainWindow>();
    m_window->setMessageHandler(
        [](const QString&, QMessageBox::StandardButtons) { return QMessageBox::No; });
    if (!m_window->openFlow(path))
        return nullptr;
    m_window->resize(1400, 860);  // the size of `cairn --screenshot`
    m_window->show();
    return m_window.get();
}

void TestI18n::menuTitlesChinese()
{
    MainWindow* window = openWindow();
    QVERIFY(window);
    QStringList shown;
    for (QAction* action : window->menuBar()->actions())
        shown << action->text();
    const QStringList english{QStringLiteral("&File"), QStringLiteral("&Edit"),
                              QStringLiteral("&View"), QStringLiteral("&Run")};
    QCOMPARE(shown.first(), mainWindowText("&File"));
    QCOMPARE(shown.last(), mainWindowText("&Run"));
    checkChinese(shown, english, "menu title");
}

void TestI18n::toolBarChinese()
{
    MainWindow* window = openWindow();
    QVERIFY(window);
    auto* bar = window->findChild<QToolBar*>(QStringLiteral("mainToolBar"));
    QVERIFY(bar);
    QStringList shown;
    QStringList english;
    for (QAction* action : bar->actions()) {
        if (action->isSeparator())
            continue;
        shown << action->text();
        english << action->objectName();  // never Chinese, so the comparison is fair
    }
    auto* run = window->findChild<QAction*>(QStringLiteral("actionRun"));
    QVERIFY(run);
    QCOMPARE(run->text(), mainWindowText("&Run"));
    checkChinese(shown, english, "toolbar action");
}

void TestI18n::paletteChinese()
{
    MainWindow* window = openWindow();
    QVERIFY(window);
    QListWidget* list = window->stepPalette()->listWidget();
    QStringList shown;
    for (int row = 0; row < list->count(); ++row)
        shown << list->item(row)->text().section(QLatin1Char('\n'), 0, 0);
    QVERIFY(shown.contains(QCoreApplication::translate("StepTemplates", "Shell command")));
    checkChinese(shown, QStringList(shown.size(), QStringLiteral("Shell command")), "palette entry");
}

void TestI18n::inspectorChinese()
{
    MainWindow* window = openWindow();
    QVERIFY(window);
    window->scene()->selectSteps({QStringLiteral("fetch")});
    QCOMPARE(window->inspector()->shownSteps(), QStringList{QStringLiteral("fetch")});

    auto* form = window->inspector()->stepPage()->findChild<QFormLayout*>();
    QVERIFY(form);
    QStringList shown = formLabels(form);
    QVERIFY2(shown.size() >= 5, qPrintable(shown.join(QLatin1String(", "))));
    QVERIFY(shown.contains(QCoreApplication::translate("cairn::StepInspector", "Title")));
    // Chinese interfaces write "ID" in Latin letters, so that label is only checked to be
    // translated.
    const QString id = QCoreApplication::translate("cairn::StepInspector", "Id");
    QCOMPARE(id, QStringLiteral("ID"));
    QVERIFY(shown.removeAll(id) == 1);
    QVERIFY(shown.contains(QCoreApplication::translate("cairn::StepInspector", "Kind")));
    checkChinese(shown, QStringList(shown.size(), QStringLiteral("Title")), "inspector label");
    savePicture(window, QStringLiteral("inspector-zh_CN.png"));
}

void TestI18n::historyHeadersChinese()
{
    MainWindow* window = openWindow();
    QVERIFY(window);
    HistoryModel* model = window->historyPanel()->model();
    QStringList shown;
    for (int column = 0; column < model->columnCount(); ++column)
        shown << model->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString();
    QVERIFY(shown.contains(QCoreApplication::translate("cairn::HistoryModel", "Status")));
    QVERIFY(shown.contains(QCoreApplication::translate("cairn::HistoryModel", "Started")));
    checkChinese(shown, QStringList(shown.size(), QStringLiteral("Status")), "History column");
}

void TestI18n::settingsDialogChinese()
{
    SettingsDialog dialog;
    dialog.show();
    auto* form = dialog.findChild<QFormLayout*>();
    QVERIFY(form);
    QStringList shown = formLabels(form);
    QCOMPARE(shown.size(), 2);
    QCOMPARE(shown.first(),
             QCoreApplication::translate("cairn::SettingsDialog", "Interface language:"));
    shown << dialog.windowTitle() << dialog.restartNote()->text()
          << dialog.languageBox()->itemText(0);
    auto* buttons = dialog.findChild<QDialogButtonBox*>();
    QVERIFY(buttons);
    // OK and Cancel come from Qt's own catalogue.
    shown << buttons->button(QDialogButtonBox::Cancel)->text();
    checkChinese(shown, QStringList(shown.size(), QStringLiteral("Settings")), "Settings dialog");

    savePicture(&dialog, QStringLiteral("settings-zh_CN.png"));
}

void TestI18n::cliErrorChinese_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("contents");  // empty: the file is not created
    QTest::newRow("missing") << QStringLiteral("missing.json") << QByteArray();
    QTest::newRow("malformed") << QStringLiteral("malformed.json") << QByteArray("{\"steps\": [");
}

void TestI18n::cliErrorChinese()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, contents);
    const QString path = m_dir.filePath(QStringLiteral("cli/") + fileName);
    if (!contents.isEmpty())
        QVERIFY(writeFile(path, contents));

    const CliResult result = runCli({QStringLiteral("validate"), path}, 120000,
                                    {QStringLiteral("CAIRN_LANG=zh_CN")});
    const QString error = QString::fromUtf8(result.err);
    QVERIFY2(result.exitCode != 0, qPrintable(error));
    QVERIFY2(containsCjk(error), qPrintable(error));
    QVERIFY2(error.contains(path), qPrintable(error));
}

void TestI18n::cliFollowsLocale_data()
{
    QTest::addColumn<QStringList>("environment");
    QTest::addColumn<bool>("chinese");
    // CAIRN_LANG and the locale variables are cleared first, then these are set.
    QTest::newRow("LANG") << QStringList{QStringLiteral("LANG=zh_CN.UTF-8")} << true;
    QTest::newRow("LC_ALL") << QStringList{QStringLiteral("LC_ALL=zh_CN.UTF-8")} << true;
    QTest::newRow("LC_MESSAGES") << QStringList{QStringLiteral("LC_MESSAGES=zh_CN.UTF-8")} << true;
    QTest::newRow("LANGUAGE") << QStringList{QStringLiteral("LANG=C.UTF-8"),
                                             QStringLiteral("LANGUAGE=zh_CN")} << true;
    QTest::newRow("C") << QStringList{QStringLiteral("LANG=C.UTF-8")} << false;
    QTest::newRow("CAIRN_LANG over LANG")
        << QStringList{QStringLiteral("LANG=zh_CN.UTF-8"), QStringLiteral("CAIRN_LANG=en")} << false;
}

void TestI18n::cliFollowsLocale()
{
    QFETCH(QStringList, environment);
    QFETCH(bool, chinese);
    QStringList cleared;
    for (const char* name : {"CAIRN_LANG", "LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE"})
        cleared << QLatin1String(name) + QLatin1Char('=');

    const QString path = m_dir.filePath(QStringLiteral("cli/absent.json"));
    const CliResult result = runCli({QStringLiteral("validate"), path}, 120000,
                                    cleared + environment);
    const QString error = QString::fromUtf8(result.err);
    QVERIFY2(result.exitCode != 0, qPrintable(error));
    QVERIFY2(error.contains(path), qPrintable(error));
    QCOMPARE(containsCjk(error), chinese);
}

QTEST_MAIN(TestI18n)
#include "tst_i18n.moc"
