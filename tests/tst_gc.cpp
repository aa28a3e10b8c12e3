#include "store.h"
#include "testsupport.h"

#include <QDirIterator>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QtTest>

using namespace cairn;

namespace {

QStringList objectFiles(const QString& storeDir)
{
    QStringList files;
    const QString objects = storeDir + QLatin1String("/objects");
    QDirIterator it(objects, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(it.next().mid(objects.size() + 1));
    files.sort();
    return files;
}

QList<qint64> runNumbers(const Store& store, const QString& flowName)
{
    QList<qint64> numbers;
    for (const RunRecord& run : store.runs(flowName))
        numbers.append(run.number);
    return numbers;
}

// A store in a temporary folder, with helpers that add runs whose step "s" stored files.
class StoreFixture {
public:
    bool open(QString* error)
    {
        m_store = Store::open(m_dir.path(), error);
        return m_store != nullptr;
    }

    Store& store() { return *m_store; }
    QString path() const { return m_dir.path(); }

    // Creates a run of flowName whose step "s" wrote a log and stored each of contents as an
    // artifact. Returns the run number, or 0 on failure.
    qint64 addRun(const QString& flowName, const QList<QByteArray>& contents, QString* error,
                  RunStatus status = RunStatus::Succeeded)
    {
        RunRecord run;
        run.flowName = flowName;
        run.started = QDateTime::currentDateTimeUtc();
        run.host = QSysInfo::machineHostName();
        run.pid = QCoreApplication::applicationPid();
        if (!m_store->createRun(&run, error))
            return 0;

        StepRunRecord step;
        step.run = run.number;
        step.stepId = QStringLiteral("s");
        step.status = StepStatus::Succeeded;
        step.key = sha256Hex(flowName.toUtf8());
        for (const QByteArray& content : contents) {
            const QString file = m_work.filePath(QStringLiteral("output"));
            if (!test::writeFile(file, content))
                return 0;
            ArtifactRecord artifact;
            artifact.path = QStringLiteral("file%1").arg(step.artifacts.size());
            if (!m_store->ingestFile(file, true, &artifact, error))
                return 0;
            step.artifacts.append(artifact);
        }
        const QString logs = m_store->logDirectory(run.number, step.stepId, 1);
        if (!test::writeFile(logs + QLatin1String("/stdout.log"), "log\n")
            || !m_store->saveStepRun(step, error))
            return 0;
        if (status != RunStatus::Running && !m_store->finishRun(run.number, status, {}, error))
            return 0;
        return run.number;
    }

    QString logFolder(qint64 run) const
    {
        return m_dir.filePath(QStringLiteral("runs/%1").arg(run));
    }

private:
    QTemporaryDir m_dir;
    QTemporaryDir m_work;
    std::unique_ptr<Store> m_store;
};

}  // namespace

class TestGc : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void gcRemovesRunsBeyondKept();
    void gcKeepsObjectsOfKeptRuns();
    void gcRemovesOrphanObjectFiles();
    void gcEmptiesScratch();
    void gcDryRunChangesNothing();
    void gcKeepAllRemovesOnlyGarbage();
    void gcRejectedWhileRunRunning();
    void gcRemovedNumberNotReused();
    void statsAfterGc();
};

void TestGc::gcRemovesRunsBeyondKept()
{
    StoreFixture fixture;
    QString error;
    QVERIFY2(fixture.open(&error), qPrintable(error));
    for (int i = 1; i <= 4; ++i)
        QVERIFY2(fixture.addRun(QStringLiteral("f"), {"run " + QByteArray::number(i)}, &error),
                 qPrintable(error));
    QVERIFY2(fixture.addRun(QStringLiteral("g"), {"other flow"}, &error), qPrintable(error));

    GcReport report;
    QVERIFY2(fixture.store().gc(QStringLiteral("f"), 2, false, &report, &error),
             qPrintable(error));
    QCOMPARE(report.runsRemoved, (QList<qint64>{2, 1}));
    QCOMPARE(runNumbers(fixture.store(), QStringLiteral("f")), (QList<qint64>{4, 3}));
    QCOMPARE(runNumbers(fixture.store(), QStringLiteral("g")), (QList<qint64>{5}));
    QVERIFY(!fixture.store().run(1));
    QVERIFY(fixture.store().stepRuns(1).isEmpty());

    QVERIFY(!QFileInfo::exists(fixture.logFolder(1)));
    QVERIFY(!QFileInfo::exists(fixture.logFolder(2)));
    QVERIFY(QFileInfo::exists(fixture.logFolder(3)));
    QVERIFY(QFileInfo::exists(fixture.logFolder(5)));
}

void TestGc::gcKeepsObjectsOfKeptRuns()
{
    StoreFixture fixture;
    QString error;
    QVERIFY2(fixture.open(&error), qPrintable(error));
    QVERIFY2(fixture.addRun(QStringLiteral("f"), {"old only", "shared"}, &error),
             qPrintable(error));
    QVERIFY2(fixture.addRun(QStringLiteral("f"), {"new only", "shared"}, &error),
             qPrintable(error));
    QVERIFY2(fixture.addRun(QStringLiteral("g"), {"other flow"}, &error), qPrintable(error));
    QCOMPARE(objectFiles(fixture.path()).size(), 4);

    GcReport report;
    QVERIFY2(fixture.store().gc(QStringLiteral("f"), 1, false, &report, &error),
             qPrintable(error));
    QCOMPARE(report.runsRemoved, (QList<qint64>{1}));
    QCOMPARE(report.objectsRemoved, 1);
    // The object only run 1 used and run 1's log go.
    QCOMPARE(report.bytesFreed, qint64(QByteArray("old only").size() + QByteArray("log\n").size()));
    QVERIFY(!fixture.store().hasObject(sha256Hex("old only")));
    QVERIFY(fixture.store().hasObject(sha256Hex("shared")));
    QVERIFY(fixture.store().hasObject(sha256Hex("new only")));
    QVERIFY(fixture.store().hasObject(sha256Hex("other flow")));
    QCOMPARE(objectFiles(fixture.path()).size(), 3);
    QVERIFY(fixture.store().findCached(sha256Hex("f")));
}

void TestGc::gcRemovesOrphanObjectFiles()
{
    StoreFixture fixture;
    QString error;
    QVERIFY2(fixture.open(&error), qPrintable(error));
    QVERIFY2(fixture.addRun(QStringLiteral("f"), {"kept"}, &error), qPrintable(error));

    // An object that a killed process ingested but never recorded, and a temporary file
    // that a killed copy left behind.
    const QString orphan = fixture.store().objectPath(sha256Hex("orphan"));
    QVERIFY(test::writeFile(orphan, "orphan"));
    const QString temporary = QFileInfo(orphan).path() + QLatin1String("/.tmp-0123456789abcdef");
    QVERIFY(test::writeFile(temporary, "partial"));

    GcReport report;
    QVERIFY2(fixture.store().gc(QStringLiteral("f"), -1, false, &report, &error),
             qPrintable(error));
    QVERIFY(report.runsRemoved.isEmpty());
    QCOMPARE(report.objectsRemoved, 2);
    QCOMPARE(report.bytesFreed, qint64(QByteArray("orphan").size() + QByteArray("partial").size()));
    QVERIFY(!QFileInfo::exists(orphan));
    QVERIFY(!QFileInfo::exists(temporary));
    QVERIFY(fixture.store().hasObject(sha256Hex("kept")));
}

void TestGc::gcEmptiesScratch()
{
    StoreFixture fixture;
    QString error;
    QVERIFY2(fixture.open(&error), qPrintable(error));
    const QString scratch = fixture.store().scratchDirectory(9, QStringLiteral("s"), 1);
    QVERIFY(test::writeFile(scratch + QLatin1String("/partial/out.bin"), "x"));
    // A step may leave a read-only folder behind.
    QVERIFY(QFile::setPermissions(scratch + QLatin1String("/partial"),
                                  QFileDevice::ReadOwner | QFileDevice::ExeOwner));

    GcReport report;
    QVERIFY2(fixture.store().gc(QStringLiteral("f"), -1, false, &report, &error),
             qPrintable(error));
    QVERIFY(!QFileInfo::exists(scratch));
    QVERIFY(QFileInfo(fixture.path() + QLatin1String("/tmp")).isDir());
}

void TestGc::gcDryRunChangesNothing()
{
    StoreFixture fixture;
    QString error;
    QVERIFY2(fixture.open(&error), qPrintable(error));
    for (int i = 1; i <= 3; ++i)
        QVERIFY2(fixture.addRun(QStringLiteral("f"), {"run " + QByteArray::number(i), "same"},
                                &error),
                 qPrintable(error));
    QVERIFY(test::writeFile(fixture.store().objectPath(sha256Hex("orphan")), "orphan"));
    const QStringList filesBefore = objectFiles(fixture.path());
    const StoreStats statsBefore = fixture.store().stats();

    GcReport dryReport;
    QVERIFY2(fixture.store().gc(QStringLiteral("f"), 1, true, &dryReport, &error),
             qPrintable(error));
    QCOMPARE(dryReport.runsRemoved, (QList<qint64>{2, 1}));
    QCOMPARE(dryReport.objectsRemoved, 3);
    QCOMPARE(objectFiles(fixture.path()), filesBefore);
    QCOMPARE(runNumbers(fixture.store(), QStringLiteral("f")), (QList<qint64>{3, 2, 1}));
    QCOMPARE(fixture.store().stats().objects, statsBefore.objects);
    QVERIFY(QFileInfo::exists(fixture.logFolder(1)));

    GcReport report;
    QVERIFY2(fixture.store().gc(QStringLiteral("f"), 1, false, &report, &error),
             qPrintable(error));
    QCOMPARE(report.runsRemoved, dryReport.runsRemoved);
    QCOMPARE(report.objectsRemoved, dryReport.objectsRemoved);
    QCOMPARE(report.bytesFreed, dryReport.bytesFreed);
    QCOMPARE(objectFiles(fixture.path()).size(), filesBefore.size() - 3);
}

void TestGc::gcKeepAllRemovesOnlyGarbage()
{
    StoreFixture fixture;
    QString error;
    QVERIFY2(fixture.open(&error), qPrintable(error));
    QVERIFY2(fixture.addRun(QStringLiteral("f"), {"a"}, &error), qPrintable(error));
    QVERIFY2(fixture.addRun(QStringLiteral("f"), {"b"}, &error), qPrintable(error));

    GcReport report;
    QVERIFY2(fixture.store().gc(QStringLiteral("f"), -1, false, &report, &error),
             qPrintable(error));
    QVERIFY(report.runsRemoved.isEmpty());
    QCOMPARE(report.objectsRemoved, 0);
    QCOMPARE(runNumbers(fixture.store(), QStringLiteral("f")), (QList<qint64>{2, 1}));
    QCOMPARE(objectFiles(fixture.path()).size(), 2);

    QVERIFY2(fixture.store().gc(QStringLiteral("f"), 0, false, &report, &error),
             qPrintable(error));
    QCOMPARE(report.runsRemoved, (QList<qint64>{2, 1}));
    QCOMPARE(report.objectsRemoved, 2);
    QVERIFY(objectFiles(fixture.path()).isEmpty());
}

void TestGc::gcRejectedWhileRunRunning()
{
    StoreFixture fixture;
    QString error;
    QVERIFY2(fixture.open(&error), qPrintable(error));
    QVERIFY2(fixture.addRun(QStringLiteral("f"), {"old"}, &error), qPrintable(error));
    const qint64 running =
        fixture.addRun(QStringLiteral("other"), {"new"}, &error, RunStatus::Running);
    QVERIFY2(running, qPrintable(error));
    QVERIFY(test::writeFile(fixture.store().objectPath(sha256Hex("orphan")), "orphan"));

    GcReport report;
    error.clear();
    QVERIFY(!fixture.store().gc(QStringLiteral("f"), 0, false, &report, &error));
    QVERIFY2(error.contains(QStringLiteral("run %1").arg(running)), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("running")), qPrintable(error));
    QCOMPARE(runNumbers(fixture.store(), QStringLiteral("f")), (QList<qint64>{1}));
    QCOMPARE(objectFiles(fixture.path()).size(), 3);

    QVERIFY2(fixture.store().finishRun(running, RunStatus::Succeeded, {}, &error),
             qPrintable(error));
    QVERIFY2(fixture.store().gc(QStringLiteral("f"), 0, false, &report, &error),
             qPrintable(error));
    QCOMPARE(report.runsRemoved, (QList<qint64>{1}));
}

void TestGc::gcRemovedNumberNotReused()
{
    StoreFixture fixture;
    QString error;
    QVERIFY2(fixture.open(&error), qPrintable(error));
    QVERIFY2(fixture.addRun(QStringLiteral("f"), {"a"}, &error), qPrintable(error));
    QVERIFY2(fixture.addRun(QStringLiteral("f"), {"b"}, &error), qPrintable(error));

    GcReport report;
    QVERIFY2(fixture.store().gc(QStringLiteral("f"), 0, false, &report, &error),
             qPrintable(error));
    QCOMPARE(report.runsRemoved.size(), 2);
    const qint64 next = fixture.addRun(QStringLiteral("f"), {"c"}, &error);
    QVERIFY2(next, qPrintable(error));
    QCOMPARE(next, 3);
}

void TestGc::statsAfterGc()
{
    StoreFixture fixture;
    QString error;
    QVERIFY2(fixture.open(&error), qPrintable(error));
    QVERIFY2(fixture.addRun(QStringLiteral("f"), {"12345"}, &error), qPrintable(error));
    QVERIFY2(fixture.addRun(QStringLiteral("f"), {"123"}, &error), qPrintable(error));
    QCOMPARE(fixture.store().stats().objects, 2);
    QCOMPARE(fixture.store().stats().objectBytes, 8);

    GcReport report;
    QVERIFY2(fixture.store().gc(QStringLiteral("f"), 1, false, &report, &error),
             qPrintable(error));
    const StoreStats stats = fixture.store().stats();
    QCOMPARE(stats.runs, 1);
    QCOMPARE(stats.objects, 1);
    QCOMPARE(stats.objectBytes, 3);
}

QTEST_GUILESS_MAIN(TestGc)
#include "tst_gc.moc"
