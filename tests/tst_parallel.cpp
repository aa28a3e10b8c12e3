// Independent steps run at the same time with --workers 2. Each of the two steps waits
// for the other's marker file, so the run only succeeds when both run at once; the
// recorded start and finish times must then overlap.

#include "testsupport.h"

#include <QDateTime>
#include <QtTest>

using namespace cairn::test;

class ParallelTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void independentStepsOverlap();
    void dependentStepsDoNotOverlap();
};

namespace {

// Touches its marker, then waits (bounded) for the other step's marker.
Json barrierStep(const QString& id, const QString& other)
{
    const QString command = QStringLiteral(
        "touch %1.here\n"
        "i=0; while [ ! -f %2.here ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i+1)); done\n"
        "[ -f %2.here ] && echo %1 > \"$CAIRN_OUTPUT_DIR/%1.txt\"")
        .arg(id, other);
    return Json{{"id", id.toStdString()}, {"kind", "shell"}, {"command", command.toStdString()}};
}

QDateTime time(const Json& step, const char* field)
{
    return QDateTime::fromString(QString::fromStdString(step[field].get<std::string>()), Qt::ISODateWithMs);
}

}  // namespace

void ParallelTest::independentStepsOverlap()
{
    Project project;
    QVERIFY(project.writeFlow(makeFlow(Json::array({barrierStep(QStringLiteral("left"), QStringLiteral("right")),
                                                    barrierStep(QStringLiteral("right"), QStringLiteral("left"))}),
                                       Json::array())));
    const CliResult result = project.cli(QStringLiteral("run"),
                                         {QStringLiteral("--json"), QStringLiteral("--workers"), QStringLiteral("2")});
    QCOMPARE(result.exitCode, 0);
    const Json run = result.parsed();
    const Json left = stepOf(run, "left");
    const Json right = stepOf(run, "right");
    QVERIFY(time(left, "started").isValid());
    QVERIFY(time(left, "started") < time(right, "finished"));
    QVERIFY(time(right, "started") < time(left, "finished"));
}

void ParallelTest::dependentStepsDoNotOverlap()
{
    Project project;
    QVERIFY(project.writeFlow(makeFlow(Json::array({countingStep(QStringLiteral("up")), countingStep(QStringLiteral("down"))}),
                                       Json::array({{"up", "down"}}))));
    const CliResult result = project.cli(QStringLiteral("run"),
                                         {QStringLiteral("--json"), QStringLiteral("--workers"), QStringLiteral("2")});
    QCOMPARE(result.exitCode, 0);
    const Json run = result.parsed();
    QVERIFY(time(stepOf(run, "up"), "finished") <= time(stepOf(run, "down"), "started"));
}

QTEST_GUILESS_MAIN(ParallelTest)
#include "tst_parallel.moc"
