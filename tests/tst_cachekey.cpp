// The cache key: what goes into it, what stays out, and how a change is explained.

#include "cachekey.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace cairn;

class CacheKeyTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void paramsUsedByCollectsPlaceholders();
    void substituteQuotesForShell();
    void paramEnvironmentNameIsUpperCase();
    void keyIgnoresDisplayFields();
    void keyChangesWith_data();
    void keyChangesWith();
    void envOrderDoesNotMatter();
    void missingInputNamesStepAndPath();
    void explainNamesEachChange();

private:
    QString keyOf(const Step& step, const ParamValues& params = {},
                  const QMap<QString, QString>& upstream = {});

    QTemporaryDir m_dir;
    Flow m_flow;
};

void CacheKeyTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_flow.name = QStringLiteral("keys");
    m_flow.filePath = m_dir.filePath(QStringLiteral("flow.json"));
    QVERIFY(test::writeFile(m_dir.filePath(QStringLiteral("data.csv")), "a,b\n1,2\n"));
    QVERIFY(test::writeFile(m_dir.filePath(QStringLiteral("folder/x.txt")), "x\n"));
}

QString CacheKeyTest::keyOf(const Step& step, const ParamValues& params,
                            const QMap<QString, QString>& upstream)
{
    Json components;
    QString error;
    if (!computeKeyComponents(m_flow, step, params, upstream, &components, &error)) {
        qWarning("%s", qPrintable(error));
        return QString();
    }
    return cacheKey(components);
}

void CacheKeyTest::paramsUsedByCollectsPlaceholders()
{
    Step step;
    step.params = {QStringLiteral("a")};
    step.command = QStringLiteral("run --n {{b}} --m {{ a }} {{c}}");
    step.args = {QStringLiteral("{{d}}")};
    QCOMPARE(paramsUsedBy(step), (QStringList{QStringLiteral("a"), QStringLiteral("b"),
                                              QStringLiteral("c"), QStringLiteral("d")}));
}

void CacheKeyTest::substituteQuotesForShell()
{
    ParamValues values;
    values.insert(QStringLiteral("name"), Json("it's"));
    values.insert(QStringLiteral("n"), Json(3));
    QCOMPARE(substituteParams(QStringLiteral("echo {{name}} {{n}} {{other}}"), values, true),
             QStringLiteral("echo 'it'\\''s' '3' {{other}}"));
    QCOMPARE(substituteParams(QStringLiteral("x={{n}}"), values, false), QStringLiteral("x=3"));
}

void CacheKeyTest::paramEnvironmentNameIsUpperCase()
{
    QCOMPARE(paramEnvironmentName(QStringLiteral("learning-rate")), QStringLiteral("CAIRN_PARAM_LEARNING_RATE"));
}

void CacheKeyTest::keyIgnoresDisplayFields()
{
    Step step;
    step.id = QStringLiteral("s");
    step.command = QStringLiteral("echo hi");
    const QString before = keyOf(step);
    step.title = QStringLiteral("A title");
    step.position = QPointF(300, 40);
    step.id = QStringLiteral("renamed");
    QCOMPARE(keyOf(step), before);
}

void CacheKeyTest::keyChangesWith_data()
{
    QTest::addColumn<QString>("field");
    QTest::newRow("command") << "command";
    QTest::newRow("kind") << "kind";
    QTest::newRow("env") << "env";
    QTest::newRow("cache_version") << "cache_version";
    QTest::newRow("parameter value") << "param";
    QTest::newRow("input content") << "input";
    QTest::newRow("upstream outputs") << "upstream";
}

void CacheKeyTest::keyChangesWith()
{
    QFETCH(QString, field);
    Step step;
    step.id = QStringLiteral("s");
    step.command = QStringLiteral("echo {{n}}");
    step.inputs = {QStringLiteral("data.csv"), QStringLiteral("folder")};
    ParamValues params;
    params.insert(QStringLiteral("n"), Json(1));
    QMap<QString, QString> upstream{{QStringLiteral("up"), QStringLiteral("d1")}};
    const QString before = keyOf(step, params, upstream);
    QVERIFY(!before.isEmpty());

    if (field == QLatin1String("command"))
        step.command += QLatin1Char(' ');
    else if (field == QLatin1String("kind"))
        step.kind = StepKind::Python, step.script = step.command;
    else if (field == QLatin1String("env"))
        step.env.append({QStringLiteral("X"), QStringLiteral("1")});
    else if (field == QLatin1String("cache_version"))
        step.cacheVersion = QStringLiteral("2");
    else if (field == QLatin1String("param"))
        params.insert(QStringLiteral("n"), Json(2));
    else if (field == QLatin1String("input"))
        QVERIFY(test::writeFile(m_dir.filePath(QStringLiteral("folder/x.txt")), "changed\n"));
    else if (field == QLatin1String("upstream"))
        upstream.insert(QStringLiteral("up"), QStringLiteral("d2"));

    QVERIFY(keyOf(step, params, upstream) != before);
    QVERIFY(test::writeFile(m_dir.filePath(QStringLiteral("folder/x.txt")), "x\n"));
}

void CacheKeyTest::envOrderDoesNotMatter()
{
    Step step;
    step.command = QStringLiteral("true");
    step.env = {{QStringLiteral("A"), QStringLiteral("1")}, {QStringLiteral("B"), QStringLiteral("2")}};
    const QString before = keyOf(step);
    step.env = {{QStringLiteral("B"), QStringLiteral("2")}, {QStringLiteral("A"), QStringLiteral("1")}};
    QCOMPARE(keyOf(step), before);
}

void CacheKeyTest::missingInputNamesStepAndPath()
{
    Step step;
    step.id = QStringLiteral("reader");
    step.command = QStringLiteral("true");
    step.inputs = {QStringLiteral("nowhere.csv")};
    Json components;
    QString error;
    QVERIFY(!computeKeyComponents(m_flow, step, {}, {}, &components, &error));
    QVERIFY(error.contains(QStringLiteral("reader")));
    QVERIFY(error.contains(QStringLiteral("nowhere.csv")));
}

void CacheKeyTest::explainNamesEachChange()
{
    Step step;
    step.id = QStringLiteral("s");
    step.command = QStringLiteral("echo {{trees}}");
    step.inputs = {QStringLiteral("data.csv")};
    ParamValues params;
    params.insert(QStringLiteral("trees"), Json(200));
    Json before;
    Json after;
    QString error;
    QVERIFY(computeKeyComponents(m_flow, step, params, {{QStringLiteral("up"), QStringLiteral("d1")}}, &before, &error));
    QCOMPARE(explainKeyChange(before, before), QStringList());

    step.command = QStringLiteral("echo {{trees}} more");
    params.insert(QStringLiteral("trees"), Json(300));
    QVERIFY(test::writeFile(m_dir.filePath(QStringLiteral("data.csv")), "a,b\n1,3\n"));
    QVERIFY(computeKeyComponents(m_flow, step, params, {{QStringLiteral("up"), QStringLiteral("d2")}}, &after, &error));
    const QStringList reasons = explainKeyChange(before, after);
    QVERIFY2(reasons.contains(QStringLiteral("command changed")), qPrintable(reasons.join(';')));
    QVERIFY(reasons.contains(QStringLiteral("parameter trees: 200 → 300")));
    QVERIFY(reasons.contains(QStringLiteral("input data.csv changed")));
    QVERIFY(reasons.contains(QStringLiteral("upstream up produced new outputs")));
    QCOMPARE(reasons.size(), 4);
}

QTEST_GUILESS_MAIN(CacheKeyTest)
#include "tst_cachekey.moc"
