// The bundled weather example end to end: a run, then a resume from train with another
// forest size, which reruns train and what follows it and reuses the rest.

#include "testsupport.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

using namespace cairn::test;

class WeatherTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void runThenResumeFromTrain();

private:
    QTemporaryDir m_dir;
    QString m_flow;
};

namespace {

bool copyTree(const QString& from, const QString& to)
{
    QDirIterator it(from, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString source = it.next();
        if (source.contains(QStringLiteral("__pycache__")) || source.contains(QStringLiteral("/.cairn/")))
            continue;
        const QString dest = to + source.mid(from.size());
        QDir().mkpath(QFileInfo(dest).absolutePath());
        if (!QFile::copy(source, dest))
            return false;
        QFile::setPermissions(dest, QFileInfo(source).permissions());
    }
    return true;
}

QString text(const Json& value)
{
    return value.is_string() ? QString::fromStdString(value.get<std::string>()) : QString();
}

}  // namespace

void WeatherTest::initTestCase()
{
    if (!QFileInfo::exists(QStringLiteral("/usr/lib/python3/dist-packages/vega_datasets/_data/seattle-weather.csv")))
        QSKIP("python3-vega-datasets is not installed");
    QVERIFY(m_dir.isValid());
    QVERIFY(copyTree(QStringLiteral(CAIRN_SOURCE_DIR "/resources/examples/weather"), m_dir.path()));
    m_flow = m_dir.filePath(QStringLiteral("flow.json"));
}

void WeatherTest::runThenResumeFromTrain()
{
    const CliResult first = runCli({QStringLiteral("run"), m_flow, QStringLiteral("--json")}, 600000);
    QVERIFY2(first.exitCode == 0, first.err.constData());
    const Json run = first.parsed();
    for (const QString id : {"fetch", "clean", "features", "train", "baseline", "evaluate", "report"})
        QCOMPARE(statuses(run).value(id), QStringLiteral("succeeded"));

    const CliResult second = runCli({QStringLiteral("resume"), m_flow, QStringLiteral("--from"), QStringLiteral("train"),
                                     QStringLiteral("--param"), QStringLiteral("trees=25"), QStringLiteral("--json")},
                                    600000);
    QVERIFY2(second.exitCode == 0, second.err.constData());
    const Json resumed = second.parsed();
    QCOMPARE(resumed["origin_run"].get<int>(), run["run"].get<int>());
    QCOMPARE(resumed["params"]["trees"].get<int>(), 25);
    for (const QString id : {"fetch", "clean", "features", "baseline"}) {
        QCOMPARE(statuses(resumed).value(id), QStringLiteral("cached"));
        QCOMPARE(stepOf(resumed, id)["source_run"].get<int>(), run["run"].get<int>());
    }
    for (const QString id : {"train", "evaluate", "report"})
        QCOMPARE(statuses(resumed).value(id), QStringLiteral("succeeded"));

    // The metrics artifact of the resumed run exists and contains an accuracy.
    const QString runNumber = QString::number(resumed["run"].get<int>());
    const QString exportDir = m_dir.filePath(QStringLiteral("exported"));
    const CliResult artifacts = runCli({QStringLiteral("artifacts"), m_flow, runNumber, QStringLiteral("evaluate"),
                                        QStringLiteral("--export"), exportDir});
    QVERIFY2(artifacts.exitCode == 0, artifacts.err.constData());
    const Json metrics = Json::parse(readFile(exportDir + QStringLiteral("/metrics.json")).toStdString(), nullptr, false);
    QVERIFY(metrics.is_object());
    const double accuracy = metrics["accuracy"].get<double>();
    QVERIFY(accuracy > 0.5 && accuracy <= 1.0);
    QVERIFY(text(stepOf(resumed, "train")["reason"]) == QStringLiteral("selected as resume point"));
}

QTEST_GUILESS_MAIN(WeatherTest)
#include "tst_weather.moc"
