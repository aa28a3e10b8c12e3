#include "store.h"
#include "testsupport.h"

#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QtTest>

#include <sqlite3.h>

#include <thread>

#include <sys/stat.h>

using namespace cairn;

namespace {

// Reads one value of the store's database through a separate SQLite connection.
QString queryText(const QString& storeDir, const char* sql)
{
    sqlite3* db = nullptr;
    QString value;
    const QByteArray path = QFile::encodeName(storeDir + QLatin1String("/cairn.db"));
    if (sqlite3_open_v2(path.constData(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_stmt* statement = nullptr;
        if (sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) == SQLITE_OK
            && sqlite3_step(statement) == SQLITE_ROW)
            value = QString::fromUtf8(
                reinterpret_cast<const char*>(sqlite3_column_text(statement, 0)));
        sqlite3_finalize(statement);
    }
    sqlite3_close(db);
    return value;
}

bool execute(const QString& storeDir, const char* sql)
{
    sqlite3* db = nullptr;
    const QByteArray path = QFile::encodeName(storeDir + QLatin1String("/cairn.db"));
    bool ok = sqlite3_open_v2(path.constData(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK
        && sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
    sqlite3_close(db);
    return ok;
}

int countFiles(const QString& dir)
{
    int count = 0;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        ++count;
    }
    return count;
}

mode_t fileMode(const QString& path)
{
    struct stat status;
    if (::stat(QFile::encodeName(path).constData(), &status) != 0)
        return 0;
    return status.st_mode & 07777;
}

RunRecord makeRun(const QString& flowName)
{
    RunRecord run;
    run.flowName = flowName;
    run.flowPath = QStringLiteral("/project/") + flowName + QStringLiteral(".cairn.json");
    run.flowSnapshot = "{\"name\":\"" + flowName.toUtf8() + "\"}";
    run.started = QDateTime::currentDateTimeUtc();
    run.host = QSysInfo::machineHostName();
    run.pid = QCoreApplication::applicationPid();
    return run;
}

StepRunRecord makeStepRun(qint64 run, const QString& stepId, StepStatus status,
                          const QString& key)
{
    StepRunRecord record;
    record.run = run;
    record.stepId = stepId;
    record.status = status;
    record.key = key;
    record.attempts = 1;
    record.started = QDateTime::currentDateTimeUtc();
    record.finished = record.started.addMSecs(1500);
    return record;
}

// The pid of a process that has already ended.
qint64 endedProcessPid()
{
    QProcess process;
    process.start(QStringLiteral("true"), {});
    if (!process.waitForStarted())
        return 0;
    const qint64 pid = process.processId();
    process.waitForFinished();
    return pid;
}

}  // namespace

class TestStore : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void openUsesWalAndSchemaVersion();
    void openCreatesFolders();
    void reopenKeepsData();
    void newerSchemaRejected();
    void runRoundTripsEveryField();
    void runNumbersIncrease();
    void runNumbersUniqueAcrossConnections();
    void runsNewestFirstWithLimit();
    void finishRunRecordsEnd();
    void finishRunUnknownRunFails();
    void stepRunRoundTripsEveryField();
    void saveStepRunUpserts();
    void saveStepRunUnknownRunFails();
    void findCachedReturnsNewest();
    void findCachedSkipsMissingObject();
    void findCachedIgnoresFailed();
    void previousStepRunFindsEarlierKey();
    void clearCachedResultsHidesStepOnly();
    void clearCachedResultsUnknownStepClearsNothing();
    void ingestIdenticalFilesStoredOnce();
    void ingestedObjectReadOnly_data();
    void ingestedObjectReadOnly();
    void ingestMoveRemovesSource();
    void ingestCopyKeepsSource();
    void ingestMoveCopiesHardLinkedFile();
    void ingestMoveAcrossFilesystems();
    void ingestRejectsSymlink();
    void materializeBytesAndMode_data();
    void materializeBytesAndMode();
    void materializeCopyIsIndependent();
    void materializeReplacesExistingFile();
    void materializeMissingObjectFails();
    void recoveryInterruptsDeadRun();
    void recoveryLeavesLiveAndRemoteRuns();
    void logAndScratchFolders();
    void defaultStoreFolder();
    void statsCountsRunsAndObjects();
};

void TestStore::openUsesWalAndSchemaVersion()
{
    QTemporaryDir dir;
    QString error;
    auto store = Store::open(dir.path(), &error);
    QVERIFY2(store, qPrintable(error));
    QCOMPARE(queryText(dir.path(), "PRAGMA journal_mode"), QStringLiteral("wal"));
    QCOMPARE(queryText(dir.path(), "PRAGMA user_version"),
             QString::number(Store::kSchemaVersion));
}

void TestStore::openCreatesFolders()
{
    QTemporaryDir dir;
    const QString root = dir.filePath(QStringLiteral("nested/store"));
    QString error;
    auto store = Store::open(root, &error);
    QVERIFY2(store, qPrintable(error));
    QCOMPARE(store->directory(), root);
    for (const char* folder : {"objects", "runs", "tmp"})
        QVERIFY2(QFileInfo(root + QLatin1Char('/') + QLatin1String(folder)).isDir(), folder);
}

void TestStore::reopenKeepsData()
{
    QTemporaryDir dir;
    QString error;
    qint64 number = 0;
    {
        auto store = Store::open(dir.path(), &error);
        QVERIFY2(store, qPrintable(error));
        RunRecord run = makeRun(QStringLiteral("weather"));
        QVERIFY2(store->createRun(&run, &error), qPrintable(error));
        QVERIFY2(store->finishRun(run.number, RunStatus::Succeeded, {}, &error),
                 qPrintable(error));
        number = run.number;
    }
    auto store = Store::open(dir.path(), &error);
    QVERIFY2(store, qPrintable(error));
    const auto run = store->run(number, &error);
    QVERIFY2(run, qPrintable(error));
    QCOMPARE(run->flowName, QStringLiteral("weather"));
    QCOMPARE(run->status, RunStatus::Succeeded);
}

void TestStore::newerSchemaRejected()
{
    QTemporaryDir dir;
    QString error;
    QVERIFY2(Store::open(dir.path(), &error), qPrintable(error));
    const QByteArray bump = "PRAGMA user_version = " + QByteArray::number(Store::kSchemaVersion + 1);
    QVERIFY(execute(dir.path(), bump.constData()));

    error.clear();
    QVERIFY(!Store::open(dir.path(), &error));
    QVERIFY2(error.contains(QStringLiteral("newer Cairn")), qPrintable(error));
    QVERIFY2(error.contains(dir.path()), qPrintable(error));
}

void TestStore::runRoundTripsEveryField()
{
    QTemporaryDir dir;
    QString error;
    auto store = Store::open(dir.path(), &error);
    QVERIFY2(store, qPrintable(error));

    RunRecord run;
    run.flowName = QStringLiteral("weather");
    run.flowPath = QStringLiteral("/home/ana/weather/weather.cairn.json");
    run.flowSnapshot = QByteArray("{\"steps\":[]}\0tail", 17);
    run.params = Json{{"trees", 300}, {"rate", 0.25}, {"label", "température"}, {"deep", true}};
    run.status = RunStatus::Failed;
    run.started = QDateTime(QDate(2024, 5, 1), QTime(10, 0, 0, 123), QTimeZone::utc());
    run.finished = QDateTime(QDate(2024, 5, 1), QTime(12, 30, 5, 7), QTimeZone(7200));
    run.originRun = 7;
    run.resumeStep = QStringLiteral("train");
    run.host = QStringLiteral("lab-7");
    run.pid = 4242;
    run.error = QStringLiteral("step train failed");
    QVERIFY2(store->createRun(&run, &error), qPrintable(error));

    const auto loaded = store->run(run.number, &error);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(loaded->number, run.number);
    QCOMPARE(loaded->flowName, run.flowName);
    QCOMPARE(loaded->flowPath, run.flowPath);
    QCOMPARE(loaded->flowSnapshot, run.flowSnapshot);
    QCOMPARE(loaded->params, run.params);
    QCOMPARE(loaded->status, run.status);
    QCOMPARE(loaded->started, run.started);
    QCOMPARE(loaded->started.time().msec(), 123);
    QCOMPARE(loaded->finished, run.finished);
    QCOMPARE(loaded->originRun, run.originRun);
    QCOMPARE(loaded->resumeStep, run.resumeStep);
    QCOMPARE(loaded->host, run.host);
    QCOMPARE(loaded->pid, run.pid);
    QCOMPARE(loaded->error, run.error);

    RunRecord plain = makeRun(QStringLiteral("weather"));
    QVERIFY2(store->createRun(&plain, &error), qPrintable(error));
    const auto loadedPlain = store->run(plain.number, &error);
    QVERIFY2(loadedPlain, qPrintable(error));
    QVERIFY(!loadedPlain->originRun);
    QVERIFY(!loadedPlain->finished.isValid());
    QCOMPARE(loadedPlain->status, RunStatus::Running);
}

void TestStore::runNumbersIncrease()
{
    QTemporaryDir dir;
    QString error;
    auto store = Store::open(dir.path(), &error);
    QVERIFY2(store, qPrintable(error));
    QList<qint64> numbers;
    for (const char* flow : {"a", "b", "a"}) {
        RunRecord run = makeRun(QString::fromLatin1(flow));
        QVERIFY2(store->createRun(&run, &error), qPrintable(error));
        numbers.append(run.number);
    }
    QCOMPARE(numbers, (QList<qint64>{1, 2, 3}));
    QCOMPARE(store->latestRun(QStringLiteral("a")), std::optional<qint64>(3));
    QCOMPARE(store->latestRun(QStringLiteral("b")), std::optional<qint64>(2));
    QVERIFY(!store->latestRun(QStringLiteral("c")));
}

void TestStore::runNumbersUniqueAcrossConnections()
{
    QTemporaryDir dir;
    QString error;
    QVERIFY2(Store::open(dir.path(), &error), qPrintable(error));

    // Two connections create runs at the same time, as two processes sharing a store do.
    constexpr int kRunsPerThread = 25;
    QList<qint64> numbers[2];
    QString errors[2];
    const auto createRuns = [&](int index) {
        auto store = Store::open(dir.path(), &errors[index]);
        for (int i = 0; store && i < kRunsPerThread; ++i) {
            RunRecord run = makeRun(QStringLiteral("flow%1").arg(index));
            if (!store->createRun(&run, &errors[index]))
                return;
            numbers[index].append(run.number);
        }
    };
    std::thread first(createRuns, 0);
    std::thread second(createRuns, 1);
    first.join();
    second.join();

    QVERIFY2(errors[0].isEmpty(), qPrintable(errors[0]));
    QVERIFY2(errors[1].isEmpty(), qPrintable(errors[1]));
    const QList<qint64> all = numbers[0] + numbers[1];
    QCOMPARE(all.size(), 2 * kRunsPerThread);
    QCOMPARE(QSet<qint64>(all.cbegin(), all.cend()).size(), 2 * kRunsPerThread);
}

void TestStore::runsNewestFirstWithLimit()
{
    QTemporaryDir dir;
    QString error;
    auto store = Store::open(dir.path(), &error);
    QVERIFY2(store, qPrintable(error));
    for (const char* flow : {"a", "b", "a", "a"}) {
        RunRecord run = makeRun(QString::fromLatin1(flow));
        QVERIFY2(store->createRun(&run, &error), qPrintable(error));
    }

    QList<qint64> all;
    for (const RunRecord& run : store->runs(QStringLiteral("a")))
        all.append(run.number);
    QCOMPARE(all, (QList<qint64>{4, 3, 1}));

    const QList<RunRecord> limited = store->runs(QStringLiteral("a"), 2);
    QCOMPARE(limited.size(), 2);
    QCOMPARE(limited.at(0).number, 4);
    QCOMPARE(limited.at(1).number, 3);
}

void TestStore::finishRunRecordsEnd()
{
    QTemporaryDir dir;
    QString error;
    auto store = Store::open(dir.path(), &error);
    QVERIFY2(store, qPrintable(error));
    RunRecord run = makeRun(QStringLiteral("weather"));
    QVERIFY2(store->createRun(&run, &error), qPrintable(error));

    const QDateTime before = QDateTime::currentDateTimeUtc();
    QVERIFY2(store->finishRun(run.number, RunStatus::Cancelled, QStringLiteral("stopped"),
                              &error),
             qPrintable(error));
    const auto loaded = store->run(run.number, &error);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(loaded->status, RunStatus::Cancelled);
    QCOMPARE(loaded->error, QStringLiteral("stopped"));
    QVERIFY(loaded->finished.isValid());
    QVERIFY(loaded->finished >= before);
}

void TestStore::finishRunUnknownRunFails()
{
    QTemporaryDir dir;
    QString error;
    auto store = Store::open(dir.path(), &error);
    QVERIFY2(store, qPrintable(error));
    QVERIFY(!store->finishRun(99, RunStatus::Succeeded, {}, &error));
    QVERIFY2(error.contains(QStringLiteral("99")), qPrintable(error));
    QVERIFY(!store->run(99, &error));
    QVERIFY2(error.contains(QStringLiteral("not found")), qPrintable(error));
}

void TestStore::stepRunRoundTripsEveryField()
{
    QTemporaryDir dir;
    QString error;
    auto store = Store::open(dir.path(), &error);
    QVERIFY2(store, qPrintable(error));
    RunRecord run = makeRun(QStringLiteral("weather"));
    QVERIFY2(store->createRun(&run, &error), qPrintable(error));

    StepRunRecord record;
    record.run = run.number;
    record.stepId = QStringLiteral("train");
    record.status = StepStatus::Cached;
    record.attempts = 2;
    record.key = QString(64, QLatin1Char('k'));
    record.components = Json{{"kind", "python"}, {"params", {{"trees", 200}}}};
    record.reason = QStringLiteral("parameter trees: 200 → 300");
    record.error = QStringLiteral("exited with status 2");
    record.started = QDateTime(QDate(2024, 5, 1), QTime(10, 0, 0, 1), QTimeZone::utc());
    record.finished = QDateTime(QDate(2024, 5, 1), QTime(10, 0, 2, 999), QTimeZone::utc());
    record.exitCode = 2;
    record.sourceRun = 3;
    record.sourceDurationS = 12.5;
    record.outputsDigest = sha256Hex("manifest");
    record.artifacts.append({QStringLiteral("model.pkl"), QStringLiteral("output"), 10, false,
                             sha256Hex("model")});
    record.artifacts.append({QStringLiteral("bin/predict"), QStringLiteral("project"), 20, true,
                             sha256Hex("predict")});
    QVERIFY2(store->saveStepRun(record, &error), qPrintable(error));

    const auto loaded = store->stepRun(run.number, QStringLiteral("train"));
    QVERIFY(loaded);
    QCOMPARE(loaded->run, record.run);
    QCOMPARE(loaded->stepId, record.stepId);
    QCOMPARE(loaded->status, record.status);
    QCOMPARE(loaded->attempts, record.attempts);
    QCOMPARE(loaded->key, record.key);
    QCOMPARE(loaded->components, record.components);
    QCOMPARE(loaded->reason, record.reason);
    QCOMPARE(loaded->error, record.error);
    QCOMPARE(loaded->started, record.started);
    QCOMPARE(loaded->finished, record.finished);
    QCOMPARE(loaded->exitCode, record.exitCode);
    QCOMPARE(loaded->sourceRun, record.sourceRun);
    QCOMPARE(loaded->sourceDurationS, record.sourceDurationS);
    QCOMPARE(loaded->outputsDigest, record.outputsDigest);
    QCOMPARE(loaded->artifacts.size(), 2);
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(loaded->artifacts.at(i).path, record.artifacts.at(i).path);
        QCOMPARE(loaded->artifacts.at(i).kind, record.artifacts.at(i).kind);
        QCOMPARE(loaded->artifacts.at(i).size, record.artifacts.at(i).size);
        QCOMPARE(loaded->artifacts.at(i).executable, record.artifacts.at(i).executable);
        QCOMPARE(loaded->artifacts.at(i).digest, record.artifacts.at(i).digest);
    }
    QVERIFY(!store->stepRun(run.number, QStringLiteral("absent")));
}

void TestStore::saveStepRunUpserts()
{
    QTemporaryDir dir;
    QString error;
    auto store = Store::open(dir.path(), &error);
    QVERIFY2(store, qPrintable(error));
    RunRecord run = makeRun(QStringLiteral("weather"));
    QVERIFY2(store->createRun(&run, &error), qPrintable(error));

    StepRunRecord train = makeStepRun(run.number, QStringLiteral("train"), StepStatus::Running, {});
    train.artifacts.append({QStringLiteral("a.txt"), QStringLiteral("output"), 1, false,
                            sha256Hex("a")});
    train.artifacts.append({QStringLiteral("b.txt"), QStringLiteral("output"), 1, false,
                            sha256Hex("b")});
    QVERIFY2(store->saveStepRun(train, &error), qPrintable(error));
    const StepRunRecord fetch =
        makeStepRun(run.number, QStringLiteral("fetch"), StepStatus::Succeeded, {});
    QVERIFY2(store->saveStepRun(fetch, &error), qPrintable(error));

    train.status = StepStatus::Succeeded;
    train.exitCode = 0;
    train.artifacts = {{QStringLiteral("c.txt"), QStringLiteral("output"), 2, true,
                        sha256Hex("cc")}};
    QVERIFY2(store->saveStepRun(train, &error), qPrintable(error));

    const QList<StepRunRecord> steps = store->stepRuns(run.number);
    QCOMPARE(steps.size(), 2);
    QCOMPARE(steps.at(0).stepId, QStringLiteral("train"));  // first inserted stays first
    QCOMPARE(steps.at(1).stepId, QStringLiteral("fetch"));
    QCOMPARE(steps.at(0).status, StepStatus::Succeeded);
    QCOMPARE(steps.at(0).exitCode, std::optional<int>(0));
    QCOMPARE(steps.at(0).artifacts.size(), 1);
    QCOMPARE(steps.at(0).artifacts.at(0).path, QStringLiteral("c.txt"));
    QCOMPARE(steps.at(0).artifacts.at(0).executable, true);
    QVERIFY(steps.at(1).artifacts.isEmpty());
}

void TestStore::saveStepRunUnknownRunFails()
{
    QTemporaryDir dir;
    QString error;
    auto store = Store::open(dir.path(), &error);
    QVERIFY2(store, qPrintable(error));
    const StepRunRecord orphan = makeStepRun(5, QStringLiteral("train"), StepStatus::Running, {});
    QVERIFY(!store->saveStepRun(orphan, &error));
    QVERIFY2(error.contains(QStringLiteral("train")), qPrintable(error));
    QVERIFY(store->stepRuns(5).isEmpty());
}

void TestStore::findCachedReturnsNewest()
{
    QTemporaryDir dir;
    QTemporaryDir work;
    QString error;
    auto store = Store::open(dir.path(), &error);
    QVERIFY2(store, qPrintable(error));
    const QString key = sha256Hex("key");

    for (int i = 0; i < 2; ++i) {
        RunRecord run = makeRun(QStringLiteral("weather"));
        QVERIFY2(store->createRun(&run, &error), qPrintable(error));
        const QString file = work.filePath(QStringLiteral("out%1.txt").arg(i));
        QVERIFY(test::writeFile(file, QByteArray::number(i)));
        StepRunRecord record = makeStepRun(run.number, QStringLiteral("train"),
                                           i == 0 ? StepStatus::Succeeded : StepStatus::Cached, key);
        ArtifactRecord artifact;
        artifact.path = QStringLiteral("out.txt");
        QVERIFY2(store->ingestFile(file, true, &artifact, &error), qPrintable(error));
        record.artifacts.append(artifact);
        QVERIFY2(store->saveStepRun(record, &error), qPrintable(error));
    }

    const auto found = store->findCached(key);
    QVERIFY(found);
    QCOMPARE(found->run, 2);
    QCOMPARE(found->artifacts.size(), 1);
    QCOMPARE(found->artifacts.at(0).digest, sha256Hex("1"));
    QVERIFY(!store->findCached(sha256Hex("other key")));
    QVERIFY(!store->findCached(QString()));
}

void TestStore::findCachedSkipsMissingObject()
{
    QTemporaryDir dir;
    QTemporaryDir work;
    QString error;
    auto store = Store::open(dir.path(), &error);
    QVERIFY2(store, qPrintable(error));
    const QString key = sha256Hex("key");

    QStringList digests;
    for (int i = 0; i < 2; ++i) {
        RunRecord run = makeRun(QStringLiteral("weather"));
        QVERIFY2(store->createRun(&run, &error), qPrintable(error));
        const QString file = work.filePath(QStringLiteral("out%1.txt").arg(i));
        QVERIFY(test::writeFile(file, "content " + QByteArray::number(i)));
        StepRunRecord record = makeStepRun(run.number, QStringLiteral("train"),
                                           StepStatus::Succeeded, key);
        ArtifactRecord artifact;
        artifact.path = QStringLiteral("out.txt");
        QVERIFY2(store->ingestFile(file, false, &artifact, &error), qPrintable(error));
        record.artifacts.append(artifact);
        digests.append(artifact.digest);
        QVERIFY2(store->saveStepRun(record, &error), qPrintable(error));
    }

    QVERIFY(QFile::remove(store->objectPath(digests.at(1))));
    QVERIFY(!store->hasObject(digests.at(1)));
    const auto found = store->findCached(key);
    QVERIFY(found);
    QCOMPARE(found->run, 1);
    QCOMPARE(found->artifacts.at(0).digest, digests.at(0));

    QVERIFY(QFile::remove(store->objectPath(digests.at(0))));
    QVERIFY(!store->findCached(key));
}

void TestStore::findCachedIgnoresFailed()
{
    QTemporaryDir dir;
    QString error;
    auto store = Store::open(dir.path(), &error);
    QVERIFY2(store, qPrintable(error));
    const QString key = sha256Hex("key");
    RunRecord run = makeRun(QStringLiteral("weather"));
    QVERIFY2(store->createRun(&run, &error), qPrintable(error));
    for (StepStatus status : {StepStatus::Failed, StepStatus::Cancelled, StepStatus::Running}) {
        const StepRunRecord record =
            makeStepRun(run.number, stepStatusName(status), status, key);
        QVERIFY2(store->saveStepRun(record, &error), qPrintable(error));
    }
    QVERIFY(!store->findCached(key));

    const StepRunRecord succeeded =
        makeStepRun(run.number, QStringLiteral("ok"), StepStatus::Succeeded, key);
    QVERIFY2(store->saveStepRun(succeeded, &error), qPrintable(error));
    const auto found = store->findCached(key);
    QVERIFY(found);
    QCOMPARE(found->stepId, QStringLiteral("ok"));
}

void TestStore::previousStepRunFindsEarlierKey()
{
    QTemporaryDir dir;
    QString error;
    auto store = Store::open(dir.path(), &error);
    QVERIFY2(store, qPrintable(error));

    // Runs 1 and 2 of weather have keys, run 3 of another flow has one too, and run 4 of
    // weather never computed its key.
    const QStringList flows = {QStringLiteral("weather"), QStringLiteral("weather"),
                               QStringLiteral("other"), QStringLiteral("weather")};
    for (int i = 0; i < flows.size(); ++i) {
        RunRecord run = makeRun(flows.at(i));
        QVERIFY2(store->createRun(&run, &error), qPrintable(error));
        const QString key = i == 3 ? QString() : sha256Hex(QByteArray::number(i));
        const StepRunRecord record =
            makeStepRun(run.number, QStringLiteral("train"), StepStatus::Succeeded, key);
        QVERIFY2(store->saveStepRun(record, &error), qPrintable(error));
    }

    const auto latest = store->previousStepRun(QStringLiteral("weather"), QStringLiteral("train"));
    QVERIFY(latest);
    QCOMPARE(latest->run, 2);
    QCOMPARE(latest->key, sha256Hex("1"));

    const auto beforeTwo =
        store->previousStepRun(QStringLiteral("weather"), QStringLiteral("train"), 2);
    QVERIFY(beforeTwo);
    QCOMPARE(beforeTwo->run, 1);

    QVERIFY(!store->previousStepRun(QStringLiteral("weather"), QStringLiteral("train"), 1));
    QVERIFY(!store->previousStepRun(QStringLiteral("weather"), QStringLiteral("fetch")));
}

void TestStore::clearCachedResultsHidesStepOnly()
{
    QTemporaryDir dir;
    QTemporaryDir work;
    QString error;
    auto store = Store::open(dir.path(), &error);
    QVERIFY2(store, qPrintable(error));

    // Runs 1 and 2 of weather and run 3 of other each store train and fetch with one
    // artifact. Run 2's train is a cache hit of run 1's, and run 1 also has a failed step.
    const QString trainKey = sha256Hex("train key");
    const QString fetchKey = sha256Hex("fetch key");
    const QString otherKey = sha256Hex("other flow's train key");
    const QStringList flows = {QStringLiteral("weather"), QStringLiteral("weather"),
                               QStringLiteral("other")};
    for (int i = 0; i < flows.size(); ++i) {
        RunRecord run = makeRun(flows.at(i));
        QVERIFY2(store->createRun(&run, &error), qPrintable(error));
        for (const QString& stepId : {QStringLiteral("train"), QStringLiteral("fetch")}) {
            QString key = fetchKey;
            if (stepId == QLatin1String("train"))
                key = i == 2 ? otherKey : trainKey;
            StepRunRecord record = makeStepRun(
                run.number, stepId, i == 1 ? StepStatus::Cached : StepStatus::Succeeded, key);
            record.components = Json{{"step", stepId.toStdString()}, {"run", i}};
            const QString file = work.filePath(QStringLiteral("%1%2.txt").arg(stepId).arg(i));
            QVERIFY(test::writeFile(file, stepId.toUtf8() + QByteArray::number(i)));
            ArtifactRecord artifact;
            artifact.path = QStringLiteral("out.txt");
            QVERIFY2(store->ingestFile(file, true, &artifact, &error), qPrintable(error));
            record.artifacts.append(artifact);
            QVERIFY2(store->saveStepRun(record, &error), qPrintable(error));
        }
    }
    const StepRunRecord failed =
        makeStepRun(1, QStringLiteral("evaluate"), StepStatus::Failed, sha256Hex("evaluate"));
    QVERIFY2(store->saveStepRun(failed, &error), qPrintable(error));
    const StoreStats before = store->stats();
    const int filesBefore = countFiles(dir.path() + QLatin1String("/objects"));
    QVERIFY(store->findCached(trainKey));

    QCOMPARE(store->clearCachedResults(QStringLiteral("weather"), QStringLiteral("train"),
                                       &error),
             2);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    // train of weather is no longer offered, whatever its status was.
    QVERIFY(!store->findCached(trainKey));

    // "Why did this step run?" still finds the newest train with its components.
    const auto previous =
        store->previousStepRun(QStringLiteral("weather"), QStringLiteral("train"));
    QVERIFY(previous);
    QCOMPARE(previous->run, 2);
    QVERIFY(previous->components == Json({{"step", "train"}, {"run", 1}}));
    QCOMPARE(previous->artifacts.size(), 1);

    // Other steps, other flows, objects and the failed step run are as they were.
    QVERIFY(store->findCached(fetchKey));
    QVERIFY(store->findCached(otherKey));
    QCOMPARE(store->stepRun(1, QStringLiteral("evaluate"))->key, sha256Hex("evaluate"));
    for (qint64 run : {1, 2})
        QCOMPARE(store->stepRun(run, QStringLiteral("fetch"))->key, fetchKey);
    const StoreStats after = store->stats();
    QCOMPARE(after.runs, before.runs);
    QCOMPARE(after.objects, before.objects);
    QCOMPARE(after.objectBytes, before.objectBytes);
    QCOMPARE(countFiles(dir.path() + QLatin1String("/objects")), filesBefore);

    // A second clear finds nothing left, and a new result of train is offered again.
    QCOMPARE(store->clearCachedResults(QStringLiteral("weather"), QStringLiteral("train"),
                                       &error),
             0);
    RunRecord rerun = makeRun(QStringLiteral("weather"));
    QVERIFY2(store->createRun(&rerun, &error), qPrintable(error));
    QVERIFY2(store->saveStepRun(makeStepRun(rerun.number, QStringLiteral("train"),
                                            StepStatus::Succeeded, trainKey),
                                &error),
             qPrintable(error));
    const auto fresh = store->findCached(trainKey);
    QVERIFY(fresh);
    QCOMPARE(fresh->run, rerun.number);
}

void TestStore::clearCachedResultsUnknownStepClearsNothing()
{
    QTemporaryDir dir;
    QString error;
    auto store = Store::open(dir.path(), &error);
    QVERIFY2(store, qPrintable(error));
    RunRecord run = makeRun(QStringLiteral("weather"));
    QVERIFY2(store->createRun(&run, &error), qPrintable(error));
    const QString key = sha256Hex("key");
    QVERIFY2(store->saveStepRun(makeStepRun(run.number, QStringLiteral("train"),
                                            StepStatus::Succeeded, key),
                                &error),
             qPrintable(error));

    QCOMPARE(store->clearCachedResults(QStringLiteral("weather"), QStringLiteral("missing"),
                                       &error),
             0);
    QCOMPARE(store->clearCachedResults(QStringLiteral("other"), QStringLiteral("train"), &error),
             0);
    QVERIFY(store->findCached(key));
}

void TestStore::ingestIdenticalFilesStoredOnce()
{
    QTemporaryDir dir;
    QTemporaryDir work;
    QString error;
    auto store = Store::open(dir.path(), &error);
    QVERIFY2(store, qPrintable(error));
    const QString first = work.filePath(QStringLiteral("a/result.csv"));
    const QString second = work.filePath(QStringLiteral("b/copy.csv"));
    QVERIFY(test::writeFile(first, "x,y\n1,2\n"));
    QVERIFY(test::writeFile(second, "x,y\n1,2\n"));

    ArtifactRecord a;
    ArtifactRecord b;
    QVERIFY2(store->ingestFile(first, false, &a, &error), qPrintable(error));
    QVERIFY2(store->ingestFile(second, true, &b, &error), qPrintable(error));
    QCOMPARE(a.digest, sha256Hex("x,y\n1,2\n"));
    QCOMPARE(b.digest, a.digest);
    QCOMPARE(a.size, 8);
    QCOMPARE(countFiles(dir.filePath(QStringLiteral("objects"))), 1);
    QCOMPARE(store->objectPath(a.digest),
             dir.filePath(QStringLiteral("objects/") + a.digest.left(2) + QLatin1Char('/')
                          + a.digest.mid(2)));
    QVERIFY(!QFileInfo::exists(second));  // moved into an existing object: removed
}

void TestStore::ingestedObjectReadOnly_data()
{
    QTest::addColumn<bool>("move");
    QTest::addColumn<bool>("executable");
    QTest::newRow("copy") << false << false;
    QTest::newRow("copy executable") << false << true;
    QTest::newRow("move") << true << false;
    QTest::newRow("move executable") << true << true;
}

void TestStore::ingestedObjectReadOnly()
{
    QFETCH(bool, move);
    QFETCH(bool, executable);
    QTemporaryDir dir;
    QTemporaryDir work;
    QString error;
    auto store = Store::open(dir.path(), &error);
    QVERIFY2(store, qPrintable(error));
    const QString file = work.filePath(QStringLiteral("tool"));
    QVERIFY(test::writeFile(file, "#!/bin/sh\necho hi\n"));
    QCOMPARE(::chmod(QFile::encodeName(file).constData(), executable ? 0755 : 0644), 0);

    ArtifactRecord artifact;
    QVERIFY2(store->ingestFile(file, move, &artifact, &error), qPrintable(error));
    QCOMPARE(artifact.executable, executable);
    const QString object = store->objectPath(artifact.digest);
    QVERIFY(store->hasObject(artifact.digest));
    QCOMPARE(fileMode(object), mode_t(executable ? 0555 : 0444));
    QCOMPARE(test::readFile(object), QByteArray("#!/bin/sh\necho hi\n"));
}

void TestStore::ingestMoveRemovesSource()
{
    QTemporaryDir dir;
    QTemporaryDir work;
    QString error;
    auto store = Store::open(dir.path(), &error);
    QVERIFY2(store, qPrintable(error));
    const QString file = work.filePath(QStringLiteral("model.bin"));
    QVERIFY(test::writeFile(file, "weights"));
    struct stat before;
    QCOMPARE(::stat(QFile::encodeName(file).constData(), &before), 0);

    ArtifactRecord artifact;
    QVERIFY2(store->ingestFile(file, true, &artifact, &error), qPrintable(error));
    QVERIFY(!QFileInfo::exists(file));

    // On one filesystem the object is the same inode, renamed.
    struct stat after;
    QCOMPARE(::stat(QFile::encodeName(store->objectPath(artifact.digest)).constData(), &after), 0);
    if (before.st_dev == after.st_dev)
        QCOMPARE(after.st_ino, before.st_ino);
}

void TestStore::ingestCopyKeepsSource()
{
    QTemporaryDir dir;
    QTemporaryDir work;
    QString error;
    auto store = Store::open(dir.path(), &error);
    QVERIFY2(store, qPrintable(error));
    const QString file = work.filePath(QStringLiteral("data.csv"));
    QVERIFY(test::writeFile(file, "1,2,3\n"));
    QCOMPARE(::chmod(QFile::encodeName(file).constData(), 0644), 0);

    ArtifactRecord artifact;
    QVERIFY2(store->ingestFile(file, false, &artifact, &error), qPrintable(error));
    QCOMPARE(test::readFile(file), QByteArray("1,2,3\n"));
    QCOMPARE(fileMode(file), mode_t(0644));
    QCOMPARE(test::readFile(store->objectPath(artifact.digest)), QByteArray("1,2,3\n"));
    QCOMPARE(countFiles(dir.filePath(QStringLiteral("objects"))), 1);  // no temporary left
}

void TestStore::ingestMoveCopiesHardLinkedFile()
{
    QTemporaryDir dir;
    QTemporaryDir work;
    QString error;
    auto store = Store::open(dir.path(), &error);
    QVERIFY2(store, qPrintable(error));
    const QString project = work.filePath(QStringLiteral("project.csv"));
    const QString output = work.filePath(QStringLiteral("out/project.csv"));
    QVERIFY(test::writeFile(project, "shared"));
    QCOMPARE(::chmod(QFile::encodeName(project).constData(), 0644), 0);
    QVERIFY(QDir(work.path()).mkpath(QStringLiteral("out")));
    QCOMPARE(::link(QFile::encodeName(project).constData(), QFile::encodeName(output).constData()),
             0);

    ArtifactRecord artifact;
    QVERIFY2(store->ingestFile(output, true, &artifact, &error), qPrintable(error));
    QVERIFY(!QFileInfo::exists(output));
    QCOMPARE(fileMode(project), mode_t(0644));  // the project file stays writable

    struct stat projectStatus;
    struct stat objectStatus;
    QCOMPARE(::stat(QFile::encodeName(project).constData(), &projectStatus), 0);
    QCOMPARE(::stat(QFile::encodeName(store->objectPath(artifact.digest)).constData(),
                    &objectStatus),
             0);
    QVERIFY(projectStatus.st_ino != objectStatus.st_ino);
}

void TestStore::ingestMoveAcrossFilesystems()
{
    QTemporaryDir dir;
    QTemporaryDir other(QStringLiteral("/dev/shm/cairn-test-XXXXXX"));
    if (!other.isValid())
        QSKIP("/dev/shm is not available");
    struct stat storeStatus;
    struct stat otherStatus;
    QCOMPARE(::stat(QFile::encodeName(dir.path()).constData(), &storeStatus), 0);
    QCOMPARE(::stat(QFile::encodeName(other.path()).constData(), &otherStatus), 0);
    if (storeStatus.st_dev == otherStatus.st_dev)
        QSKIP("/dev/shm is on the same filesystem as the temporary folder");

    QString error;
    auto store = Store::open(dir.path(), &error);
    QVERIFY2(store, qPrintable(error));
    const QString file = other.filePath(QStringLiteral("features.parquet"));
    QVERIFY(test::writeFile(file, "columns"));
    QCOMPARE(::chmod(QFile::encodeName(file).constData(), 0755), 0);

    ArtifactRecord artifact;
    QVERIFY2(store->ingestFile(file, true, &artifact, &error), qPrintable(error));
    QVERIFY(!QFileInfo::exists(file));
    QCOMPARE(test::readFile(store->objectPath(artifact.digest)), QByteArray("columns"));
    QCOMPARE(fileMode(store->objectPath(artifact.digest)), mode_t(0555));
    QCOMPARE(countFiles(dir.filePath(QStringLiteral("objects"))), 1);
}

void TestStore::ingestRejectsSymlink()
{
    QTemporaryDir dir;
    QTemporaryDir work;
    QString error;
    auto store = Store::open(dir.path(), &error);
    QVERIFY2(store, qPrintable(error));
    const QString target = work.filePath(QStringLiteral("target.txt"));
    const QString link = work.filePath(QStringLiteral("link.txt"));
    QVERIFY(test::writeFile(target, "x"));
    QVERIFY(QFile::link(target, link));

    ArtifactRecord artifact;
    QVERIFY(!store->ingestFile(link, true, &artifact, &error));
    QVERIFY2(error.contains(link), qPrintable(error));
    QVERIFY(QFileInfo(link).isSymLink());
    QCOMPARE(countFiles(dir.filePath(QStringLiteral("objects"))), 0);
}

void TestStore::materializeBytesAndMode_data()
{
    QTest::addColumn<bool>("linkOk");
    QTest::addColumn<bool>("executable");
    QTest::addColumn<bool>("objectExecutable");
    QTest::addColumn<int>("expectedMode");
    QTest::newRow("copy") << false << false << false << 0644;
    QTest::newRow("copy executable") << false << true << true << 0755;
    QTest::newRow("link") << true << false << false << 0444;
    QTest::newRow("link executable") << true << true << true << 0555;
    QTest::newRow("link, executable bit differs") << true << true << false << 0555;
}

void TestStore::materializeBytesAndMode()
{
    QFETCH(bool, linkOk);
    QFETCH(bool, executable);
    QFETCH(bool, objectExecutable);
    QFETCH(int, expectedMode);
    QTemporaryDir dir;
    QTemporaryDir work;
    QString error;
    auto store = Store::open(dir.path(), &error);
    QVERIFY2(store, qPrintable(error));
    const QByteArray data = QByteArray(300000, 'q') + "end";
    const QString file = work.filePath(QStringLiteral("source.bin"));
    QVERIFY(test::writeFile(file, data));
    QCOMPARE(::chmod(QFile::encodeName(file).constData(), objectExecutable ? 0755 : 0644), 0);
    ArtifactRecord artifact;
    QVERIFY2(store->ingestFile(file, true, &artifact, &error), qPrintable(error));

    const QString dest = work.filePath(QStringLiteral("inputs/up/source.bin"));
    QVERIFY2(store->materialize(artifact.digest, dest, linkOk, executable, &error),
             qPrintable(error));
    QCOMPARE(test::readFile(dest), data);
    QCOMPARE(fileMode(dest), mode_t(expectedMode));
    QCOMPARE(fileMode(store->objectPath(artifact.digest)), mode_t(objectExecutable ? 0555 : 0444));
}

void TestStore::materializeCopyIsIndependent()
{
    QTemporaryDir dir;
    QTemporaryDir work;
    QString error;
    auto store = Store::open(dir.path(), &error);
    QVERIFY2(store, qPrintable(error));
    const QString file = work.filePath(QStringLiteral("report.txt"));
    QVERIFY(test::writeFile(file, "original"));
    ArtifactRecord artifact;
    QVERIFY2(store->ingestFile(file, false, &artifact, &error), qPrintable(error));

    const QString dest = work.filePath(QStringLiteral("restored/report.txt"));
    QVERIFY2(store->materialize(artifact.digest, dest, false, false, &error), qPrintable(error));
    QFile edit(dest);
    QVERIFY(edit.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QVERIFY(edit.write("edited in place") > 0);
    edit.close();
    QCOMPARE(test::readFile(store->objectPath(artifact.digest)), QByteArray("original"));
}

void TestStore::materializeReplacesExistingFile()
{
    QTemporaryDir dir;
    QTemporaryDir work;
    QString error;
    auto store = Store::open(dir.path(), &error);
    QVERIFY2(store, qPrintable(error));
    const QString file = work.filePath(QStringLiteral("a.txt"));
    QVERIFY(test::writeFile(file, "stored"));
    ArtifactRecord artifact;
    QVERIFY2(store->ingestFile(file, false, &artifact, &error), qPrintable(error));

    const QString dest = work.filePath(QStringLiteral("b.txt"));
    QVERIFY(test::writeFile(dest, "stale and longer content"));
    QCOMPARE(::chmod(QFile::encodeName(dest).constData(), 0444), 0);
    QVERIFY2(store->materialize(artifact.digest, dest, true, false, &error), qPrintable(error));
    QCOMPARE(test::readFile(dest), QByteArray("stored"));

    const QString folder = work.filePath(QStringLiteral("folder"));
    QVERIFY(QDir(work.path()).mkpath(QStringLiteral("folder")));
    QVERIFY(!store->materialize(artifact.digest, folder, false, false, &error));
    QVERIFY2(error.contains(folder), qPrintable(error));
}

void TestStore::materializeMissingObjectFails()
{
    QTemporaryDir dir;
    QTemporaryDir work;
    QString error;
    auto store = Store::open(dir.path(), &error);
    QVERIFY2(store, qPrintable(error));
    const QString digest = sha256Hex("never stored");
    const QString dest = work.filePath(QStringLiteral("x.txt"));
    QVERIFY(!store->materialize(digest, dest, true, false, &error));
    QVERIFY2(error.contains(digest), qPrintable(error));
    QVERIFY(!QFileInfo::exists(dest));
}

void TestStore::recoveryInterruptsDeadRun()
{
    QTemporaryDir dir;
    QString error;
    const qint64 deadPid = endedProcessPid();
    QVERIFY(deadPid > 0);
    qint64 number = 0;
    {
        auto store = Store::open(dir.path(), &error);
        QVERIFY2(store, qPrintable(error));
        RunRecord run = makeRun(QStringLiteral("weather"));
        run.pid = deadPid;
        QVERIFY2(store->createRun(&run, &error), qPrintable(error));
        number = run.number;
        for (StepStatus status : {StepStatus::Succeeded, StepStatus::Running, StepStatus::Pending}) {
            StepRunRecord record = makeStepRun(number, stepStatusName(status), status, {});
            if (status != StepStatus::Succeeded)
                record.finished = QDateTime();
            QVERIFY2(store->saveStepRun(record, &error), qPrintable(error));
        }
        const auto stillRunning = store->run(number, &error);
        QVERIFY(stillRunning);
        QCOMPARE(stillRunning->status, RunStatus::Running);
    }

    auto store = Store::open(dir.path(), &error);
    QVERIFY2(store, qPrintable(error));
    const auto run = store->run(number, &error);
    QVERIFY2(run, qPrintable(error));
    QCOMPARE(run->status, RunStatus::Interrupted);
    QVERIFY(run->finished.isValid());
    QVERIFY2(run->error.contains(QStringLiteral("ended unexpectedly")), qPrintable(run->error));

    const QList<StepRunRecord> steps = store->stepRuns(number);
    QCOMPARE(steps.size(), 3);
    QCOMPARE(steps.at(0).status, StepStatus::Succeeded);
    QCOMPARE(steps.at(1).status, StepStatus::Cancelled);
    QCOMPARE(steps.at(1).reason, QStringLiteral("interrupted"));
    QVERIFY(steps.at(1).finished.isValid());
    QCOMPARE(steps.at(2).status, StepStatus::Cancelled);
    QCOMPARE(steps.at(2).reason, QStringLiteral("interrupted"));
}

void TestStore::recoveryLeavesLiveAndRemoteRuns()
{
    QTemporaryDir dir;
    QString error;
    const qint64 deadPid = endedProcessPid();
    QVERIFY(deadPid > 0);
    qint64 live = 0;
    qint64 remote = 0;
    {
        auto store = Store::open(dir.path(), &error);
        QVERIFY2(store, qPrintable(error));
        RunRecord liveRun = makeRun(QStringLiteral("weather"));  // this process
        QVERIFY2(store->createRun(&liveRun, &error), qPrintable(error));
        RunRecord remoteRun = makeRun(QStringLiteral("weather"));
        remoteRun.host = QStringLiteral("elsewhere.invalid");
        remoteRun.pid = deadPid;
        QVERIFY2(store->createRun(&remoteRun, &error), qPrintable(error));
        live = liveRun.number;
        remote = remoteRun.number;
    }

    auto store = Store::open(dir.path(), &error);
    QVERIFY2(store, qPrintable(error));
    QCOMPARE(store->run(live)->status, RunStatus::Running);
    QCOMPARE(store->run(remote)->status, RunStatus::Running);
}

void TestStore::logAndScratchFolders()
{
    QTemporaryDir dir;
    QString error;
    auto store = Store::open(dir.path(), &error);
    QVERIFY2(store, qPrintable(error));

    const QString logs = store->logDirectory(12, QStringLiteral("train"), 2);
    QCOMPARE(logs, dir.filePath(QStringLiteral("runs/12/train/2")));
    QVERIFY(QFileInfo(logs).isDir());

    const QString scratch = store->scratchDirectory(12, QStringLiteral("train"), 2);
    QCOMPARE(scratch, dir.filePath(QStringLiteral("tmp/12-train-2")));
    QVERIFY(QFileInfo(scratch).isDir());
}

void TestStore::defaultStoreFolder()
{
    const QByteArray saved = qgetenv("CAIRN_STORE");
    qunsetenv("CAIRN_STORE");
    QCOMPARE(defaultStoreDirectory(QStringLiteral("/projects/weather/weather.cairn.json")),
             QStringLiteral("/projects/weather/.cairn"));
    qputenv("CAIRN_STORE", "");
    QCOMPARE(defaultStoreDirectory(QStringLiteral("/projects/weather/weather.cairn.json")),
             QStringLiteral("/projects/weather/.cairn"));
    qputenv("CAIRN_STORE", "/srv/cairn-store");
    QCOMPARE(defaultStoreDirectory(QStringLiteral("/projects/weather/weather.cairn.json")),
             QStringLiteral("/srv/cairn-store"));
    if (saved.isNull())
        qunsetenv("CAIRN_STORE");
    else
        qputenv("CAIRN_STORE", saved);
}

void TestStore::statsCountsRunsAndObjects()
{
    QTemporaryDir dir;
    QTemporaryDir work;
    QString error;
    auto store = Store::open(dir.path(), &error);
    QVERIFY2(store, qPrintable(error));
    RunRecord run = makeRun(QStringLiteral("weather"));
    QVERIFY2(store->createRun(&run, &error), qPrintable(error));
    StepRunRecord record = makeStepRun(run.number, QStringLiteral("fetch"), StepStatus::Succeeded,
                                       sha256Hex("k"));
    for (const char* content : {"abc", "defgh", "abc"}) {
        const QString file = work.filePath(QString::fromLatin1(content) + QLatin1String(".txt"));
        QVERIFY(test::writeFile(file, content));
        ArtifactRecord artifact;
        artifact.path = QFileInfo(file).fileName() + QString::number(record.artifacts.size());
        QVERIFY2(store->ingestFile(file, true, &artifact, &error), qPrintable(error));
        record.artifacts.append(artifact);
    }
    QVERIFY2(store->saveStepRun(record, &error), qPrintable(error));

    const StoreStats stats = store->stats();
    QCOMPARE(stats.runs, 1);
    QCOMPARE(stats.objects, 2);
    QCOMPARE(stats.objectBytes, 8);
}

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
