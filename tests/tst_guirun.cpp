// Running flows from the window: the weather example to success and then from the cache,
// and a window that keeps processing events while a step runs.

#include "flowscene.h"
#include "flowdocument.h"
#include "logpanel.h"
#include "mainwindow.h"
#include "nodeitem.h"
#include "runcontrol.h"
#include "testsupport.h"

#include <QAction>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace cairn;

namespace {

constexpr int kRunTimeoutMs = 300 * 1000;

bool copyFolder(const QString& from, const QString& to)
{
    QDir().mkpath(to);
    const QDir source(from);
    for (const QFileInfo& entry :
         source.entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString target = to + QLatin1Char('/') + entry.fileName();
        if (entry.isDir() ? !copyFolder(entry.filePath(), target)
                          : !QFile::copy(entry.filePath(), target))
            return false;
    }
    return true;
}

// The steps whose node does not show status, as "id: status" lines.
QStringList nodesNotIn(const MainWindow& window, StepStatus status)
{
    QStringList others;
    for (const Step& step : window.document()->flow().steps) {
        NodeItem* node = window.scene()->nodeItem(step.id);
        if (!node || !node->hasState() || node->status() != status)
            others.append(step.id + QStringLiteral(": ")
                          + (node && node->hasState() ? stepStatusName(node->status())
                                                      : QStringLiteral("none")));
    }
    return others;
}

void trigger(MainWindow* window, const char* actionName)
{
    auto* action = window->findChild<QAction*>(QLatin1String(actionName));
    QVERIFY2(action, actionName);
    QVERIFY2(action->isEnabled(), actionName);
    action->trigger();
}

}  // namespace

class TestGuiRun : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void weatherRunsThenComesFromCache();
    void windowRespondsWhileStepSleeps();
    void stopCancelsRunningStep();

private:
    QString progressText(const MainWindow& window) const
    {
        QString text;
        for (QLabel* label : window.findChildren<QLabel*>()) {
            if (label->text().startsWith(QStringLiteral("Run ")))
                text = label->text();
        }
        return text;
    }
};

void TestGuiRun::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setApplicationName(QStringLiteral("Cairn-tst_guirun"));
    QCoreApplication::setOrganizationName(QStringLiteral("Cairn"));
    QSettings().clear();
}

void TestGuiRun::weatherRunsThenComesFromCache()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString folder = dir.filePath(QStringLiteral("weather"));
    QVERIFY(copyFolder(QStringLiteral(CAIRN_SOURCE_DIR "/resources/examples/weather"), folder));

    MainWindow window;
    window.show();
    QVERIFY(window.openFlow(folder + QStringLiteral("/flow.json")));
    const int steps = int(window.document()->flow().steps.size());
    QVERIFY(steps > 0);

    trigger(&window, "actionRun");
    QVERIFY(window.runControl()->isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(!window.runControl()->isRunning(), kRunTimeoutMs);
    QVERIFY2(nodesNotIn(window, StepStatus::Succeeded).isEmpty(),
             qPrintable(nodesNotIn(window, StepStatus::Succeeded).join(QStringLiteral(", "))
                        + QStringLiteral("\n") + window.logPanel()->text()));
    const QString first = progressText(window);
    QVERIFY2(first.contains(QStringLiteral("succeeded")), qPrintable(first));
    QVERIFY2(first.contains(QStringLiteral("%1 ran, 0 cached").arg(steps)), qPrintable(first));
    QVERIFY(window.logPanel()->text().contains(QStringLiteral("[fetch]")));

    trigger(&window, "actionRun");
    QTRY_VERIFY_WITH_TIMEOUT(!window.runControl()->isRunning(), kRunTimeoutMs);
    QVERIFY2(nodesNotIn(window, StepStatus::Cached).isEmpty(),
             qPrintable(nodesNotIn(window, StepStatus::Cached).join(QStringLiteral(", "))));
    const QString second = progressText(window);
    QVERIFY2(second.contains(QStringLiteral("0 ran, %1 cached").arg(steps)), qPrintable(second));
    QCOMPARE(window.runControl()->lastRun(), 2);
}

void TestGuiRun::windowRespondsWhileStepSleeps()
{
    test::Project project;
    QVERIFY(project.isValid());
    const test::Json flow = test::makeFlow(
        test::Json::array({{{"id", "nap"}, {"kind", "shell"}, {"command", "sleep 5"}}}),
        test::Json::array());
    QVERIFY(project.writeFlow(flow));

    MainWindow window;
    window.show();
    QVERIFY(window.openFlow(project.flowPath()));
    trigger(&window, "actionRun");
    QTRY_VERIFY(window.scene()->nodeItem(QStringLiteral("nap"))->hasState()
                && window.scene()->nodeItem(QStringLiteral("nap"))->status()
                       == StepStatus::Running);

    // A timer posted now must fire while the step is still sleeping.
    bool processed = false;
    QTimer::singleShot(0, &window, [&processed] { processed = true; });
    QTRY_VERIFY_WITH_TIMEOUT(processed, 500);
    QCOMPARE(window.scene()->nodeItem(QStringLiteral("nap"))->status(), StepStatus::Running);
    QVERIFY(window.runControl()->isRunning());

    QTRY_VERIFY_WITH_TIMEOUT(!window.runControl()->isRunning(), 60 * 1000);
    QCOMPARE(window.scene()->nodeItem(QStringLiteral("nap"))->status(), StepStatus::Succeeded);
}

void TestGuiRun::stopCancelsRunningStep()
{
    test::Project project;
    QVERIFY(project.isValid());
    const test::Json flow = test::makeFlow(
        test::Json::array({{{"id", "long"}, {"kind", "shell"}, {"command", "sleep 60"}}}),
        test::Json::array());
    QVERIFY(project.writeFlow(flow));

    MainWindow window;
    window.show();
    QVERIFY(window.openFlow(project.flowPath()));
    trigger(&window, "actionRun");
    QTRY_VERIFY(window.scene()->nodeItem(QStringLiteral("long"))->hasState()
                && window.scene()->nodeItem(QStringLiteral("long"))->status()
                       == StepStatus::Running);
    trigger(&window, "actionStop");
    QTRY_VERIFY_WITH_TIMEOUT(!window.runControl()->isRunning(), 30 * 1000);
    QCOMPARE(window.scene()->nodeItem(QStringLiteral("long"))->status(), StepStatus::Cancelled);
}

QTEST_MAIN(TestGuiRun)

#include "tst_guirun.moc"
