// The "Why did this step run?" text. It compares a step run with the one the planner
// compared it with, so the reason and the list of changes name the same run. Also the text
// for a step or run without a record, and which run the window explains: the run shown on
// the canvas. Stores are built by real runs of a diamond a → b, a → c, b → d, c → d whose
// parameter p only c uses.

#include "historypanel.h"
#include "mainwindow.h"
#include "planpreview.h"
#include "runcontrol.h"
#include "store.h"
#include "testsupport.h"
#include "whydialog.h"

#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace cairn;
using namespace cairn::test;

namespace {

constexpr int kRunTimeoutMs = 120 * 1000;
constexpr int kWorkTimeoutMs = 60 * 1000;

// The diamond with an int parameter p (default 1) that only step c's command uses.
Json diamondWithParameter()
{
    return makeFlow(Json::array({countingStep(QStringLiteral("a")), countingStep(QStringLiteral("b")),
                                 countingStep(QStringLiteral("c"), QStringLiteral("{{p}}")),
                                 countingStep(QStringLiteral("d"))}),
                    Json::array({{"a", "b"}, {"a", "c"}, {"b", "d"}, {"c", "d"}}),
                    Json::array({{{"name", "p"}, {"type", "int"}, {"default", 1}}}));
}

// The run number after pattern's "%1" in text, or 0 when text does not contain it.
qint64 runNamed(const QString& text, const QString& pattern)
{
    const qsizetype at = pattern.indexOf(QStringLiteral("%1"));
    const QRegularExpression expression(QRegularExpression::escape(pattern.left(at))
                                        + QStringLiteral("(\\d+)")
                                        + QRegularExpression::escape(pattern.mid(at + 2)));
    const QRegularExpressionMatch match = expression.match(text);
    return match.hasMatch() ? match.captured(1).toLongLong() : 0;
}

// The line of text that starts with prefix, or empty.
QString lineStartingWith(const QString& text, const QString& prefix)
{
    for (const QString& line : text.split(QLatin1Char('\n'))) {
        if (line.startsWith(prefix))
            return line;
    }
    return QString();
}

QString explainStored(const Project& project, qint64 run, const QString& stepId)
{
    QString error;
    const std::unique_ptr<Store> store = Store::open(project.storePath(), &error);
    return store ? WhyDialog::explain(*store, QStringLiteral("test"), run, stepId) : error;
}

}  // namespace

class TestWhyDialog : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void changesNameReasonRun_data();
    void changesNameReasonRun();
    void reusedStepNamesItsSourceRun();
    void stepAddedAfterRunExplained();
    void removedRunExplained();
    void windowExplainsPaintedRun();
    void windowExplainsResumedRunInLiveView();

private:
    // Runs cairn-cli with args and returns the new run's number, or 0 on failure.
    qint64 cliRun(const QString& verb, const QStringList& args) const;

    std::unique_ptr<Project> m_project;
};

void TestWhyDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setApplicationName(QStringLiteral("Cairn-tst_whydialog"));
    QCoreApplication::setOrganizationName(QStringLiteral("Cairn"));
    QSettings().clear();
}

void TestWhyDialog::init()
{
    // Each test gets a fresh project with run 1 (p = 1) and run 2 (p = 2). Runs started by
    // the window read the store and counter folders from the environment.
    m_project = std::make_unique<Project>();
    QVERIFY(m_project->isValid());
    QVERIFY(m_project->writeFlow(diamondWithParameter()));
    qputenv("CAIRN_STORE", m_project->storePath().toLocal8Bit());
    qputenv("COUNTERS", m_project->countersPath().toLocal8Bit());
    QCOMPARE(cliRun(QStringLiteral("run"), {}), qint64(1));
    QCOMPARE(cliRun(QStringLiteral("run"), {QStringLiteral("--param"), QStringLiteral("p=2")}),
             qint64(2));
}

qint64 TestWhyDialog::cliRun(const QString& verb, const QStringList& args) const
{
    const CliResult result = m_project->cli(verb, QStringList{QStringLiteral("--json")} + args);
    if (result.exitCode != 0) {
        qWarning() << "cairn-cli" << verb << args << "failed:" << result.err;
        return 0;
    }
    return result.parsed().value("run", qint64(0));
}

void TestWhyDialog::changesNameReasonRun_data()
{
    QTest::addColumn<QString>("verb");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<qint64>("comparedRun");
    QTest::addColumn<QString>("change");

    // Resuming run 1 compares c with run 1, although run 2 is newer.
    QTest::newRow("resume of run 1")
        << QStringLiteral("resume")
        << QStringList{QStringLiteral("--origin"), QStringLiteral("1"), QStringLiteral("--from"),
                       QStringLiteral("b"), QStringLiteral("--param"), QStringLiteral("p=3")}
        << qint64(1) << QStringLiteral("parameter p: 1 → 3");
    // A plain run compares c with its newest earlier run.
    QTest::newRow("plain run")
        << QStringLiteral("run") << QStringList{QStringLiteral("--param"), QStringLiteral("p=3")}
        << qint64(2) << QStringLiteral("parameter p: 2 → 3");
}

void TestWhyDialog::changesNameReasonRun()
{
    QFETCH(QString, verb);
    QFETCH(QStringList, args);
    QFETCH(qint64, comparedRun);
    QFETCH(QString, change);

    const qint64 run = cliRun(verb, args);
    QCOMPARE(run, qint64(3));
    const QString text = explainStored(*m_project, run, QStringLiteral("c"));

    const QString reason = lineStartingWith(text, QStringLiteral("Reason: "));
    QVERIFY2(!reason.isEmpty(), qPrintable(text));
    QCOMPARE(runNamed(reason, QStringLiteral("since run %1")), comparedRun);
    QCOMPARE(runNamed(text, QStringLiteral("Changes since run %1:")), comparedRun);
    QVERIFY2(text.contains(QStringLiteral("• ") + change), qPrintable(text));
}

void TestWhyDialog::reusedStepNamesItsSourceRun()
{
    // a is reused from run 1, and run 2 took it from the cache too, so both have its key.
    const qint64 run = cliRun(QStringLiteral("resume"),
                              {QStringLiteral("--origin"), QStringLiteral("1"),
                               QStringLiteral("--from"), QStringLiteral("b")});
    QCOMPARE(run, qint64(3));
    const QString text = explainStored(*m_project, run, QStringLiteral("a"));

    QCOMPARE(runNamed(lineStartingWith(text, QStringLiteral("Reason: ")),
                      QStringLiteral("unchanged since run %1")),
             qint64(1));
    QVERIFY2(text.contains(QStringLiteral("The cache key is the same as in run 1,")),
             qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("Changes since")), qPrintable(text));
}

void TestWhyDialog::stepAddedAfterRunExplained()
{
    Json flow = diamondWithParameter();
    flow["steps"].push_back(countingStep(QStringLiteral("e")));
    QVERIFY(m_project->writeFlow(flow));

    const QString text = explainStored(*m_project, 2, QStringLiteral("e"));
    QCOMPARE(text, QStringLiteral("Step e was added to the flow after run 2, so that run has no "
                                  "record of it."));
}

void TestWhyDialog::removedRunExplained()
{
    const CliResult gc = m_project->cli(QStringLiteral("gc"), {QStringLiteral("--keep-runs"),
                                                               QStringLiteral("1")});
    QCOMPARE(gc.exitCode, 0);

    const QString text = explainStored(*m_project, 1, QStringLiteral("b"));
    QVERIFY2(text.startsWith(QStringLiteral("Run 1 is no longer in the store.")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("History tab")), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("cairn-cli")), qPrintable(text));
}

void TestWhyDialog::windowExplainsPaintedRun()
{
    MainWindow window;
    window.setMessageHandler([](const QString&, QMessageBox::StandardButtons) {
        return QMessageBox::No;
    });
    QVERIFY(window.openFlow(m_project->flowPath()));
    QCOMPARE(window.shownRun(), qint64(2));
    QVERIFY2(window.explainStep(QStringLiteral("c")).startsWith(QStringLiteral("Run 2, step c")),
             qPrintable(window.explainStep(QStringLiteral("c"))));

    window.historyPanel()->selectRun(1);
    QCOMPARE(window.shownRun(), qint64(1));
    QVERIFY2(window.explainStep(QStringLiteral("c")).startsWith(QStringLiteral("Run 1, step c")),
             qPrintable(window.explainStep(QStringLiteral("c"))));

    // The live view shows the latest run, though run 1 stays selected in History.
    window.showLiveView();
    QCOMPARE(window.selectedRun(), qint64(1));
    QCOMPARE(window.shownRun(), qint64(2));
    QVERIFY2(window.explainStep(QStringLiteral("c")).startsWith(QStringLiteral("Run 2, step c")),
             qPrintable(window.explainStep(QStringLiteral("c"))));
}

void TestWhyDialog::windowExplainsResumedRunInLiveView()
{
    MainWindow window;
    window.setMessageHandler([](const QString&, QMessageBox::StandardButtons) {
        return QMessageBox::No;
    });
    QVERIFY(window.openFlow(m_project->flowPath()));
    window.historyPanel()->selectRun(1);
    QCOMPARE(window.shownRun(), qint64(1));

    window.setPlanPreviewHandler([](PlanPreviewDialog& dialog) {
        return QTest::qWaitFor([&dialog] { return !dialog.isPlanning(); }, kWorkTimeoutMs);
    });
    QSignalSpy finished(window.runControl(), &RunControl::finished);
    window.resumeFrom(QStringLiteral("b"));
    QVERIFY(finished.count() == 1 || finished.wait(kRunTimeoutMs));
    const qint64 run = finished.first().at(0).toLongLong();
    QCOMPARE(run, qint64(3));

    // The run returned the canvas to the live view, which shows the run just finished.
    QVERIFY(window.bannerText().isEmpty());
    QCOMPARE(window.shownRun(), run);
    const QString text = window.explainStep(QStringLiteral("b"));
    QVERIFY2(text.startsWith(QStringLiteral("Run 3, step b")), qPrintable(text));
    // b is the resume point, and its key is that of run 1, the origin.
    QVERIFY2(text.contains(QStringLiteral("The cache key is the same as in run 1.")),
             qPrintable(text));
}

QTEST_MAIN(TestWhyDialog)

#include "tst_whydialog.moc"
