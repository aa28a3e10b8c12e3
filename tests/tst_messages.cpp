// Language-neutral messages: encoding and decoding, translation when shown, and step
// reasons and run errors that a run stores in one interface language and `cairn-cli show`
// prints in another.

#include "message.h"
#include "store.h"
#include "testsupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

#include <sqlite3.h>

Q_DECLARE_METATYPE(cairn::Message)

using namespace cairn;
using namespace cairn::test;

namespace {

constexpr const char* kChineseCatalogue = ":/i18n/cairn_zh_CN.qm";

// The text of message with the Chinese catalogue installed; empty when it cannot be loaded.
QString chineseText(const Message& message)
{
    QTranslator translator;
    if (!translator.load(QString::fromLatin1(kChineseCatalogue)))
        return QString();
    QCoreApplication::installTranslator(&translator);
    const QString text = message.text();
    QCoreApplication::removeTranslator(&translator);
    return text;
}

// Runs cairn-cli VERB flow.json --store store ARGS in language ("" for the C locale).
CliResult cliIn(const Project& project, const QString& language, const QString& verb,
                const QStringList& args = {})
{
    QStringList all = {verb, project.flowPath(), QStringLiteral("--store"), project.storePath()};
    all += args;
    return runCli(all, 120000,
                  {QStringLiteral("COUNTERS=") + project.countersPath(),
                   QStringLiteral("LC_ALL=C.UTF-8"), QStringLiteral("LANG=C.UTF-8"),
                   QStringLiteral("LANGUAGE="), QStringLiteral("CAIRN_LANG=") + language});
}

QString jsonText(const Json& value)
{
    return value.is_string() ? QString::fromStdString(value.get<std::string>()) : QString();
}

// The text of a stored column, read with SQLite directly.
QString storedColumn(const QString& storeDir, const char* sql)
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

Message planner(const char* source)
{
    return Message("Planner", source);
}

// The reasons and errors expected of the two runs that runTwiceAndShow() makes.
struct Expected {
    Message firstReason;    // step a and b in run 1
    Message commandReason;  // step a in run 2
    Message upstreamReason; // step b in run 2
    Message stepError;      // step c in run 2
    Message runError;       // run 2
};

Expected expectedMessages()
{
    Expected expected;
    expected.firstReason = planner("no earlier run of this step");
    const Message since = planner("since run %1").arg(1);
    // The planner puts the changes and "since run N" into its "%1 %2" message.
    expected.commandReason = planner("%1 %2").arg(Message("CacheKey", "command changed")).arg(since);
    expected.upstreamReason =
        planner("%1 %2")
            .arg(Message("CacheKey", "upstream %1 produced new outputs").arg(QStringLiteral("a")))
            .arg(since);
    expected.stepError = Message("Executor", "exited with status %1").arg(3);
    expected.runError = Message("Scheduler", "step %1 failed").arg(QStringLiteral("c"));
    return expected;
}

// Flow a → b → c, where c fails once failC is set.
Json flowOf(const QString& extra, bool failC)
{
    Json c = countingStep(QStringLiteral("c"));
    if (failC)
        c["command"] = "exit 3";
    return makeFlow(Json::array({countingStep(QStringLiteral("a"), extra),
                                 countingStep(QStringLiteral("b")), c}),
                    Json::array({{"a", "b"}, {"b", "c"}}));
}

}  // namespace

class MessagesTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void roundTrip_data();
    void roundTrip();
    void encodedFormIsCompactJson();
    void plainTextStoredAsItIs();
    void decodeKeepsForeignText_data();
    void decodeKeepsForeignText();
    void argumentsFilledInOnePass();
    void textFollowsCurrentLanguage();
    void nestedArgumentTranslated();
    void storeDecodesOnRead();
    void storeReadsOldPlainText();
    void chineseRunShownInEnglish();
    void englishRunShownInChinese();
};

void MessagesTest::initTestCase()
{
    QTranslator translator;
    QVERIFY2(translator.load(QString::fromLatin1(kChineseCatalogue)),
             "the Chinese catalogue is not compiled into this test");
}

void MessagesTest::roundTrip_data()
{
    QTest::addColumn<Message>("message");

    QTest::newRow("empty") << Message();
    QTest::newRow("plain") << Message::plain(QStringLiteral("exited with status 2"));
    QTest::newRow("plain like JSON") << Message::plain(QStringLiteral("{\"c\":\"x\",\"s\":\"y\"}"));
    QTest::newRow("no arguments") << planner("no earlier run of this step");
    QTest::newRow("arguments")
        << Message("Planner", "no cached result: it %1 in run %2")
               .arg(planner("failed"))
               .arg(7);
    QTest::newRow("text argument")
        << Message("CacheKey", "parameter %1: %2 → %3")
               .arg(QStringLiteral("trees"))
               .arg(QStringLiteral("200"))
               .arg(Message("CacheKey", "(none)"));
    QTest::newRow("joined")
        << Message::joined({Message::joined({Message("CacheKey", "command changed"),
                                             Message("CacheKey", "input %1 changed")
                                                 .arg(QStringLiteral("data/路径.csv"))},
                                            QStringLiteral("; ")),
                            planner("since run %1").arg(3)},
                           QStringLiteral(" "));
}

void MessagesTest::roundTrip()
{
    QFETCH(Message, message);
    const QString stored = message.encode();
    const Message decoded = Message::decode(stored);
    QVERIFY2(decoded == message, qPrintable(stored));
    QCOMPARE(decoded.text(), message.text());
    QCOMPARE(decoded.encode(), stored);
}

void MessagesTest::encodedFormIsCompactJson()
{
    QCOMPARE(planner("new since run %1").arg(3).encode(),
             QStringLiteral(R"({"a":["3"],"c":"Planner","s":"new since run %1"})"));
    QCOMPARE(Message::joined({Message("CacheKey", "command changed"), planner("since run %1").arg(1)},
                             QStringLiteral(" "))
                 .encode(),
             QStringLiteral(R"({"j":" ","m":[{"c":"CacheKey","s":"command changed"},)"
                            R"({"a":["1"],"c":"Planner","s":"since run %1"}]})"));
}

void MessagesTest::plainTextStoredAsItIs()
{
    QCOMPARE(Message::plain(QStringLiteral("exited with status 2")).encode(),
             QStringLiteral("exited with status 2"));
    QCOMPARE(Message().encode(), QString());
    QVERIFY(Message::joined({Message(), Message()}, QStringLiteral("; ")).isEmpty());
}

void MessagesTest::decodeKeepsForeignText_data()
{
    QTest::addColumn<QString>("stored");

    QTest::newRow("English reason") << QStringLiteral("command changed since run 1");
    QTest::newRow("Chinese reason") << QStringLiteral("自运行 1 以来命令已更改");
    QTest::newRow("broken JSON") << QStringLiteral("{\"c\":\"Planner\",");
    QTest::newRow("other JSON object") << QStringLiteral("{\"exit\":3}");
    QTest::newRow("argument list not an array")
        << QStringLiteral("{\"a\":\"3\",\"c\":\"Planner\",\"s\":\"since run %1\"}");
}

void MessagesTest::decodeKeepsForeignText()
{
    QFETCH(QString, stored);
    const Message decoded = Message::decode(stored);
    QCOMPARE(decoded.text(), stored);
    QCOMPARE(chineseText(decoded), stored);
}

void MessagesTest::argumentsFilledInOnePass()
{
    // A path containing "%2" stays as it is, and a repeated placeholder gets the same argument.
    const Message message = Message("StepJob", "cannot provide input %1 from step %2: %3")
                                .arg(QStringLiteral("odd%2name.csv"))
                                .arg(QStringLiteral("prep"))
                                .arg(QStringLiteral("No such file"));
    QCOMPARE(message.text(),
             QStringLiteral("cannot provide input odd%2name.csv from step prep: No such file"));

    const Message repeated = Message("Test", "%2 then %1 then %2")
                                 .arg(QStringLiteral("one"))
                                 .arg(QStringLiteral("two"));
    QCOMPARE(repeated.text(), QStringLiteral("two then one then two"));

    const Message missing = Message("Test", "%1 and %2").arg(QStringLiteral("one"));
    QCOMPARE(missing.text(), QStringLiteral("one and %2"));
}

void MessagesTest::textFollowsCurrentLanguage()
{
    const Message message = planner("new since run %1").arg(3);
    QCOMPARE(message.text(), QStringLiteral("new since run 3"));

    const QString chinese = chineseText(message);
    QVERIFY2(!chinese.isEmpty(), "the Chinese catalogue did not load");
    QVERIFY2(chinese != message.text(), qPrintable(chinese));
    QVERIFY2(chinese.contains(QLatin1Char('3')), qPrintable(chinese));
    QVERIFY2(!chinese.contains(QLatin1String("%1")), qPrintable(chinese));
}

void MessagesTest::nestedArgumentTranslated()
{
    const Message failed = planner("failed");
    const Message message = planner("no cached result: it %1 in run %2").arg(failed).arg(4);
    QCOMPARE(message.text(), QStringLiteral("no cached result: it failed in run 4"));

    const QString chineseWord = chineseText(failed);
    QVERIFY2(chineseWord != QLatin1String("failed"), qPrintable(chineseWord));
    const QString chinese = chineseText(message);
    QVERIFY2(chinese.contains(chineseWord), qPrintable(chinese));
    QVERIFY2(!chinese.contains(QLatin1String("failed")), qPrintable(chinese));
}

void MessagesTest::storeDecodesOnRead()
{
    QTemporaryDir dir;
    QString error;
    auto store = Store::open(dir.path(), &error);
    QVERIFY2(store, qPrintable(error));

    RunRecord run;
    run.flowName = QStringLiteral("test");
    QVERIFY2(store->createRun(&run, &error), qPrintable(error));
    StepRunRecord record;
    record.run = run.number;
    record.stepId = QStringLiteral("a");
    record.status = StepStatus::Failed;
    record.reasonMessage = planner("new since run %1").arg(1);
    record.reason = QStringLiteral("ignored when reasonMessage is set");
    record.errorMessage = Message("Executor", "exited with status %1").arg(2);
    QVERIFY2(store->saveStepRun(record, &error), qPrintable(error));
    const Message runError = Message("Scheduler", "step %1 failed").arg(QStringLiteral("a"));
    QVERIFY2(store->finishRunWithMessage(run.number, RunStatus::Failed, runError, &error),
             qPrintable(error));

    QCOMPARE(storedColumn(dir.path(), "SELECT reason FROM step_runs"),
             record.reasonMessage.encode());
    QCOMPARE(storedColumn(dir.path(), "SELECT error FROM runs"), runError.encode());

    const auto loaded = store->stepRun(run.number, QStringLiteral("a"));
    QVERIFY(loaded);
    QCOMPARE(loaded->reason, QStringLiteral("new since run 1"));
    QVERIFY(loaded->reasonMessage == record.reasonMessage);
    QCOMPARE(loaded->error, QStringLiteral("exited with status 2"));
    QVERIFY(loaded->errorMessage == record.errorMessage);
    const auto loadedRun = store->run(run.number, &error);
    QVERIFY2(loadedRun, qPrintable(error));
    QCOMPARE(loadedRun->error, QStringLiteral("step a failed"));
}

void MessagesTest::storeReadsOldPlainText()
{
    // Records without messages are stored as their text, as versions before messages did.
    Project project;
    QVERIFY(project.writeFlow(flowOf(QString(), false)));
    const QString oldReason = QStringLiteral("自运行 1 以来命令已更改");
    const QString oldError = QStringLiteral("step train failed");
    {
        QString error;
        auto store = Store::open(project.storePath(), &error);
        QVERIFY2(store, qPrintable(error));
        RunRecord run;
        run.flowName = QStringLiteral("test");
        QVERIFY2(store->createRun(&run, &error), qPrintable(error));
        StepRunRecord record;
        record.run = run.number;
        record.stepId = QStringLiteral("a");
        record.status = StepStatus::Succeeded;
        record.reason = oldReason;
        QVERIFY2(store->saveStepRun(record, &error), qPrintable(error));
        QVERIFY2(store->finishRun(run.number, RunStatus::Failed, oldError, &error),
                 qPrintable(error));
    }
    QCOMPARE(storedColumn(project.storePath(), "SELECT reason FROM step_runs"), oldReason);
    QCOMPARE(storedColumn(project.storePath(), "SELECT error FROM runs"), oldError);

    for (const QString& language : {QString(), QStringLiteral("zh_CN")}) {
        const CliResult shown = cliIn(project, language, QStringLiteral("show"),
                                      {QStringLiteral("1"), QStringLiteral("--json")});
        QVERIFY2(shown.exitCode == 0, shown.err.constData());
        const Json doc = shown.parsed();
        QCOMPARE(jsonText(doc["error"]), oldError);
        QCOMPARE(jsonText(stepOf(doc, QStringLiteral("a"))["reason"]), oldReason);
    }
}

namespace {

// Makes run 1 of flowOf, then run 2 with a's command changed and c failing, both in
// language. Then checks what `cairn-cli show` prints of both runs in English and in Chinese.
void runTwiceAndShow(const QString& language)
{
    Project project;
    QVERIFY(project.writeFlow(flowOf(QString(), false)));
    const CliResult first = cliIn(project, language, QStringLiteral("run"));
    QVERIFY2(first.exitCode == 0, first.err.constData());
    QVERIFY(project.writeFlow(flowOf(QStringLiteral("changed"), true)));
    const CliResult second = cliIn(project, language, QStringLiteral("run"));
    QVERIFY2(second.exitCode != 0, second.out.constData());

    const Expected expected = expectedMessages();
    struct Display {
        QString language;
        QString (*text)(const Message&);  // the expected text in that language
    };
    const QList<Display> displays = {
        {QString(), [](const Message& message) { return message.text(); }},
        {QStringLiteral("zh_CN"), [](const Message& message) { return chineseText(message); }},
    };
    for (const Display& shown : displays) {
        qInfo("run made in %s, shown in %s", language.isEmpty() ? "English" : qPrintable(language),
              shown.language.isEmpty() ? "English" : qPrintable(shown.language));
        const CliResult result = cliIn(project, shown.language, QStringLiteral("show"),
                                       {QStringLiteral("2"), QStringLiteral("--json")});
        QVERIFY2(result.exitCode == 0, result.err.constData());
        const Json doc = result.parsed();
        QVERIFY2(doc.is_object(), result.out.constData());
        const Json a = stepOf(doc, QStringLiteral("a"));
        const Json b = stepOf(doc, QStringLiteral("b"));
        const Json c = stepOf(doc, QStringLiteral("c"));
        QCOMPARE(jsonText(a["reason"]), shown.text(expected.commandReason));
        QCOMPARE(jsonText(b["reason"]), shown.text(expected.upstreamReason));
        QCOMPARE(jsonText(c["error"]), shown.text(expected.stepError));
        QCOMPARE(jsonText(doc["error"]), shown.text(expected.runError));

        const CliResult firstShown = cliIn(project, shown.language, QStringLiteral("show"),
                                           {QStringLiteral("1"), QStringLiteral("--json")});
        QVERIFY2(firstShown.exitCode == 0, firstShown.err.constData());
        QCOMPARE(jsonText(stepOf(firstShown.parsed(), QStringLiteral("a"))["reason"]),
                 shown.text(expected.firstReason));
    }

    // The Chinese texts really differ from the English ones, so the checks above tell the
    // two languages apart.
    QVERIFY(chineseText(expected.commandReason) != expected.commandReason.text());
    QVERIFY(chineseText(expected.upstreamReason) != expected.upstreamReason.text());
    QVERIFY(chineseText(expected.stepError) != expected.stepError.text());
    QVERIFY(chineseText(expected.runError) != expected.runError.text());
    QVERIFY(chineseText(expected.firstReason) != expected.firstReason.text());
}

}  // namespace

void MessagesTest::chineseRunShownInEnglish()
{
    runTwiceAndShow(QStringLiteral("zh_CN"));
}

void MessagesTest::englishRunShownInChinese()
{
    runTwiceAndShow(QString());
}

QTEST_GUILESS_MAIN(MessagesTest)
#include "tst_messages.moc"
