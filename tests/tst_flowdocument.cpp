// The edited flow document: every edit and its rejections, with undo and redo back to the
// exact bytes of the flow file. Also saving, loading and flow fragments.

#include "flowclipboard.h"
#include "flowdocument.h"
#include "testsupport.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace cairn;

namespace {

// A chain fetch → clean → train → report and a loose step notes, with keys this version
// does not know at every level.
const char kChainFlow[] = R"json({
  "format": "cairn.flow",
  "version": 1,
  "name": "chain",
  "x-owner": "data team",
  "parameters": [
    {"name": "trees", "type": "int", "default": 100, "x-unit": "count"}
  ],
  "steps": [
    {"id": "fetch", "kind": "shell", "command": "echo fetch", "ui": {"x": 0, "y": 0}},
    {"id": "clean", "kind": "shell", "command": "echo clean", "x-colour": "teal",
     "ui": {"x": 200, "y": 0, "collapsed": true}},
    {"id": "train", "title": "Train model", "kind": "python", "script": "print({{trees}})",
     "params": ["trees"], "ui": {"x": 400, "y": 0}},
    {"id": "report", "kind": "shell", "command": "echo report", "ui": {"x": 600, "y": 0}},
    {"id": "notes", "kind": "shell", "command": "echo notes", "ui": {"x": 0, "y": 200}}
  ],
  "edges": [
    {"from": "fetch", "to": "clean"},
    {"from": "clean", "to": "train", "x-label": "table"},
    {"from": "train", "to": "report"}
  ]
})json";

Flow chainFlow()
{
    Flow flow;
    QList<FlowIssue> issues;
    const bool ok = parseFlow(QByteArray(kChainFlow), QStringLiteral("chain.json"), &flow,
                              &issues);
    Q_ASSERT_X(ok, "chainFlow", "the fixture is a valid flow");
    return flow;
}

Step shellStep(const QString& id, const QPointF& position)
{
    Step step;
    step.id = id;
    step.kind = StepKind::Shell;
    step.command = QStringLiteral("echo ") + id;
    step.position = position;
    return step;
}

Edge edge(const QString& from, const QString& to)
{
    Edge result;
    result.from = from;
    result.to = to;
    return result;
}

QStringList edgeTexts(const Flow& flow)
{
    QStringList texts;
    for (const Edge& item : flow.edges)
        texts.append(item.from + QStringLiteral("->") + item.to);
    return texts;
}

QStringList stepIdList(const Flow& flow)
{
    QStringList ids;
    for (const Step& step : flow.steps)
        ids.append(step.id);
    return ids;
}

QString topText(const FlowDocument& document)
{
    const QUndoStack* stack = document.undoStack();
    return stack->text(stack->index() - 1);
}

}  // namespace

class TestFlowDocument : public QObject {
    Q_OBJECT

private:
    // Undoes the last command and compares with before, then redoes it and compares with
    // after.
    void checkUndoRedo(FlowDocument& document, const QByteArray& before,
                       const QByteArray& after)
    {
        document.undoStack()->undo();
        QCOMPARE(serializeFlow(document.flow()), before);
        document.undoStack()->redo();
        QCOMPARE(serializeFlow(document.flow()), after);
    }

private Q_SLOTS:
    void init()
    {
        m_document.reset(chainFlow());
        m_original = serializeFlow(m_document.flow());
    }

    void newFlowIsEmptyAndUntitled()
    {
        FlowDocument document;
        QCOMPARE(document.flow().name, QStringLiteral("untitled"));
        QVERIFY(document.flow().steps.isEmpty());
        QVERIFY(document.flow().edges.isEmpty());
        QVERIFY(document.filePath().isEmpty());
        QVERIFY(!document.isModified());
    }

    void resetClearsHistory()
    {
        m_document.addStep(shellStep(QStringLiteral("extra"), {}));
        QSignalSpy resets(&m_document, &FlowDocument::documentReset);
        QSignalSpy modified(&m_document, &FlowDocument::modifiedChanged);

        m_document.newFlow();

        QCOMPARE(resets.size(), 1);
        QCOMPARE(modified.size(), 1);
        QCOMPARE(modified.front().front().toBool(), false);
        QCOMPARE(m_document.undoStack()->count(), 0);
        QVERIFY(m_document.flow().steps.isEmpty());
    }

    void addStepKeepsPosition()
    {
        QSignalSpy added(&m_document, &FlowDocument::stepAdded);
        const QString id = m_document.addStep(shellStep(QStringLiteral("plot"), {120, 340}));

        QCOMPARE(id, QStringLiteral("plot"));
        QCOMPARE(added.size(), 1);
        QCOMPARE(added.front().front().toString(), QStringLiteral("plot"));
        QCOMPARE(m_document.flow().steps.last().id, QStringLiteral("plot"));
        QCOMPARE(m_document.flow().steps.last().position, QPointF(120, 340));
        QCOMPARE(topText(m_document), QStringLiteral("Add step plot"));
        QVERIFY(m_document.isModified());
        checkUndoRedo(m_document, m_original, serializeFlow(m_document.flow()));
    }

    void addStepMakesIdUnique()
    {
        const QString id = m_document.addStep(shellStep(QStringLiteral("fetch"), {}));

        QCOMPARE(id, QStringLiteral("fetch_2"));
        QCOMPARE(m_document.flow().steps.size(), 6);
        QCOMPARE(topText(m_document), QStringLiteral("Add step fetch_2"));
        checkUndoRedo(m_document, m_original, serializeFlow(m_document.flow()));
    }

    void uniqueStepId_data()
    {
        QTest::addColumn<QString>("base");
        QTest::addColumn<QString>("expected");
        QTest::newRow("free") << "model" << "model";
        QTest::newRow("taken") << "fetch" << "fetch_2";
        QTest::newRow("empty") << "" << "step";
        QTest::newRow("space") << "my step" << "my_step";
        QTest::newRow("leading digit") << "2nd" << "_2nd";
    }

    void uniqueStepId()
    {
        QFETCH(QString, base);
        QFETCH(QString, expected);
        QCOMPARE(m_document.uniqueStepId(base), expected);
    }

    void addStepsRemapsEdges()
    {
        const QList<Step> steps{shellStep(QStringLiteral("fetch"), {10, 500}),
                                shellStep(QStringLiteral("extra"), {210, 500})};
        const QList<Edge> edges{edge(QStringLiteral("fetch"), QStringLiteral("extra")),
                                edge(QStringLiteral("fetch"), QStringLiteral("extra")),
                                edge(QStringLiteral("extra"), QStringLiteral("fetch")),
                                edge(QStringLiteral("fetch"), QStringLiteral("elsewhere"))};

        const QStringList ids = m_document.addSteps(steps, edges, QStringLiteral("Paste 2 steps"));

        QCOMPARE(ids, QStringList({QStringLiteral("fetch_2"), QStringLiteral("extra")}));
        QCOMPARE(m_document.flow().steps[5].position, QPointF(10, 500));
        QCOMPARE(edgeTexts(m_document.flow()),
                 QStringList({"fetch->clean", "clean->train", "train->report",
                              "fetch_2->extra"}));
        QCOMPARE(topText(m_document), QStringLiteral("Paste 2 steps"));
        QCOMPARE(m_document.undoStack()->count(), 1);
        const QByteArray once = serializeFlow(m_document.flow());
        checkUndoRedo(m_document, m_original, once);

        // A second paste of the same steps counts on past the ids the first one took.
        const QStringList again = m_document.addSteps(steps, edges, QStringLiteral("Paste"));
        QCOMPARE(again, QStringList({QStringLiteral("fetch_3"), QStringLiteral("extra_2")}));
        QCOMPARE(edgeTexts(m_document.flow()).last(), QStringLiteral("fetch_3->extra_2"));
        checkUndoRedo(m_document, once, serializeFlow(m_document.flow()));
    }

    void addStepsNamesSingleStep()
    {
        const QStringList ids =
            m_document.addSteps({shellStep(QStringLiteral("report"), {})}, {}, QString());

        QCOMPARE(ids, QStringList({QStringLiteral("report_2")}));
        QCOMPARE(topText(m_document), QStringLiteral("Add step report_2"));
        checkUndoRedo(m_document, m_original, serializeFlow(m_document.flow()));
    }

    void connectStepsAppendsEdge()
    {
        QSignalSpy added(&m_document, &FlowDocument::edgeAdded);
        QString error;
        QVERIFY2(m_document.connectSteps(QStringLiteral("report"), QStringLiteral("notes"),
                                         &error),
                 qPrintable(error));

        QCOMPARE(added.size(), 1);
        QCOMPARE(edgeTexts(m_document.flow()).last(), QStringLiteral("report->notes"));
        QCOMPARE(topText(m_document), QStringLiteral("Connect report → notes"));
        checkUndoRedo(m_document, m_original, serializeFlow(m_document.flow()));
    }

    void connectStepsRejected_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("message");
        QTest::newRow("self") << "train" << "train" << "Cannot connect train to itself.";
        QTest::newRow("duplicate") << "clean" << "train" << "train already runs after clean.";
        QTest::newRow("cycle") << "report" << "fetch"
                               << "Connecting report → fetch would create a cycle: "
                                  "fetch → clean → train → report → fetch.";
        QTest::newRow("short cycle") << "train" << "clean"
                                     << "Connecting train → clean would create a cycle: "
                                        "clean → train → clean.";
        QTest::newRow("missing") << "fetch" << "nowhere"
                                 << "Cannot connect: there is no step nowhere.";
    }

    void connectStepsRejected()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QString, message);

        QString error;
        QVERIFY(!m_document.connectSteps(from, to, &error));
        QCOMPARE(error, message);
        QCOMPARE(m_document.undoStack()->count(), 0);
        QCOMPARE(serializeFlow(m_document.flow()), m_original);
    }

    void wouldCreateCycle()
    {
        QVERIFY(m_document.wouldCreateCycle(QStringLiteral("report"), QStringLiteral("fetch")));
        QVERIFY(m_document.wouldCreateCycle(QStringLiteral("clean"), QStringLiteral("clean")));
        QVERIFY(!m_document.wouldCreateCycle(QStringLiteral("fetch"), QStringLiteral("report")));
        QVERIFY(!m_document.wouldCreateCycle(QStringLiteral("notes"), QStringLiteral("fetch")));
    }

    void removeStepWithEdges()
    {
        QSignalSpy edgesRemoved(&m_document, &FlowDocument::edgeRemoved);
        QSignalSpy stepsRemoved(&m_document, &FlowDocument::stepRemoved);

        m_document.removeItems({QStringLiteral("clean")}, {});

        QCOMPARE(stepIdList(m_document.flow()),
                 QStringList({"fetch", "train", "report", "notes"}));
        QCOMPARE(edgeTexts(m_document.flow()), QStringList({"train->report"}));
        QCOMPARE(edgesRemoved.size(), 2);
        QCOMPARE(stepsRemoved.size(), 1);
        QCOMPARE(topText(m_document), QStringLiteral("Delete step clean"));
        checkUndoRedo(m_document, m_original, serializeFlow(m_document.flow()));
    }

    void removeStepsAndEdge()
    {
        m_document.removeItems({QStringLiteral("fetch"), QStringLiteral("report")},
                               {{QStringLiteral("clean"), QStringLiteral("train")}});

        QCOMPARE(stepIdList(m_document.flow()), QStringList({"clean", "train", "notes"}));
        QVERIFY(m_document.flow().edges.isEmpty());
        QCOMPARE(topText(m_document), QStringLiteral("Delete 3 items"));
        QCOMPARE(m_document.undoStack()->count(), 1);
        checkUndoRedo(m_document, m_original, serializeFlow(m_document.flow()));
    }

    void removeEdgeOnly()
    {
        m_document.removeItems({}, {{QStringLiteral("train"), QStringLiteral("report")}});

        QCOMPARE(edgeTexts(m_document.flow()), QStringList({"fetch->clean", "clean->train"}));
        QCOMPARE(topText(m_document), QStringLiteral("Delete edge train → report"));
        checkUndoRedo(m_document, m_original, serializeFlow(m_document.flow()));
    }

    void moveStepsMergesDrag()
    {
        const QString clean = QStringLiteral("clean");
        const QString train = QStringLiteral("train");
        m_document.moveSteps({{clean, {210, 10}}, {train, {410, 10}}}, false);
        m_document.moveSteps({{clean, {220, 20}}, {train, {420, 20}}}, true);
        m_document.moveSteps({{clean, {230, 30}}, {train, {430, 30}}}, true);

        QCOMPARE(m_document.undoStack()->count(), 1);
        QCOMPARE(topText(m_document), QStringLiteral("Move 2 steps"));
        QCOMPARE(m_document.flow().step(clean)->position, QPointF(230, 30));
        const QByteArray dragged = serializeFlow(m_document.flow());
        checkUndoRedo(m_document, m_original, dragged);

        // A new drag, and a move of other steps, start new entries.
        m_document.moveSteps({{clean, {240, 40}}, {train, {440, 40}}}, false);
        QCOMPARE(m_document.undoStack()->count(), 2);
        m_document.moveSteps({{clean, {250, 50}}}, true);
        QCOMPARE(m_document.undoStack()->count(), 3);
        QCOMPARE(topText(m_document), QStringLiteral("Move step clean"));

        m_document.undoStack()->undo();
        m_document.undoStack()->undo();
        QCOMPARE(serializeFlow(m_document.flow()), dragged);
    }

    void dragBackToStartLeavesNothing()
    {
        const QString notes = QStringLiteral("notes");
        m_document.moveSteps({{notes, {50, 250}}}, false);
        m_document.moveSteps({{notes, {0, 200}}}, true);

        QCOMPARE(m_document.undoStack()->count(), 0);
        QVERIFY(!m_document.isModified());
        QCOMPARE(serializeFlow(m_document.flow()), m_original);
    }

    void moveStepsEmitsStepMoved()
    {
        QSignalSpy moved(&m_document, &FlowDocument::stepMoved);
        m_document.moveSteps({{QStringLiteral("notes"), {5, 250}}}, false);

        QCOMPARE(moved.size(), 1);
        QCOMPARE(moved.front().at(0).toString(), QStringLiteral("notes"));
        QCOMPARE(moved.front().at(1).toPointF(), QPointF(5, 250));
    }

    void moveToSamePlacePushesNothing()
    {
        m_document.moveSteps({{QStringLiteral("fetch"), {0, 0}}}, false);
        QCOMPARE(m_document.undoStack()->count(), 0);
        QVERIFY(!m_document.isModified());
    }

    void applyLayoutIsOneCommand()
    {
        m_document.applyLayout({{QStringLiteral("fetch"), {0, 100}},
                                {QStringLiteral("clean"), {250, 100}},
                                {QStringLiteral("notes"), {0, 300}}});

        QCOMPARE(m_document.undoStack()->count(), 1);
        QCOMPARE(topText(m_document), QStringLiteral("Lay Out"));
        QCOMPARE(m_document.flow().step(QStringLiteral("clean"))->position, QPointF(250, 100));
        const QByteArray laidOut = serializeFlow(m_document.flow());
        checkUndoRedo(m_document, m_original, laidOut);

        // A move after a layout is an entry of its own.
        m_document.moveSteps({{QStringLiteral("fetch"), {0, 120}}}, true);
        QCOMPARE(m_document.undoStack()->count(), 2);
    }

    void editStepKeepsUnknownKeys()
    {
        Step edited = *m_document.flow().step(QStringLiteral("clean"));
        edited.command = QStringLiteral("echo cleaner");
        edited.retries = 2;
        QSignalSpy changed(&m_document, &FlowDocument::stepChanged);

        QString error;
        QVERIFY2(m_document.editStep(QStringLiteral("clean"), edited, &error),
                 qPrintable(error));

        QCOMPARE(changed.size(), 1);
        const QByteArray after = serializeFlow(m_document.flow());
        QVERIFY(after.contains("\"x-colour\": \"teal\""));
        QVERIFY(after.contains("\"collapsed\": true"));
        QVERIFY(after.contains("\"command\": \"echo cleaner\""));
        QCOMPARE(m_document.flow().step(QStringLiteral("clean"))->retries, 2);
        QCOMPARE(topText(m_document), QStringLiteral("Edit step clean"));
        checkUndoRedo(m_document, m_original, after);
    }

    void editStepRenameRewritesEdges()
    {
        Step edited = *m_document.flow().step(QStringLiteral("train"));
        edited.id = QStringLiteral("model");
        QSignalSpy changed(&m_document, &FlowDocument::stepChanged);

        QString error;
        QVERIFY2(m_document.editStep(QStringLiteral("train"), edited, &error),
                 qPrintable(error));

        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.front().at(0).toString(), QStringLiteral("train"));
        QCOMPARE(changed.front().at(1).toString(), QStringLiteral("model"));
        QCOMPARE(stepIdList(m_document.flow()),
                 QStringList({"fetch", "clean", "model", "report", "notes"}));
        QCOMPARE(edgeTexts(m_document.flow()),
                 QStringList({"fetch->clean", "clean->model", "model->report"}));
        QVERIFY(serializeFlow(m_document.flow()).contains("\"x-label\": \"table\""));
        QCOMPARE(m_document.undoStack()->count(), 1);
        QCOMPARE(topText(m_document), QStringLiteral("Rename step train to model"));
        checkUndoRedo(m_document, m_original, serializeFlow(m_document.flow()));
    }

    void renameSignalsNameExistingIds()
    {
        Step edited = *m_document.flow().step(QStringLiteral("clean"));
        edited.id = QStringLiteral("tidy");
        QStringList problems;
        const auto checkExists = [&](const QString& id) {
            if (!m_document.flow().step(id))
                problems.append(id);
        };
        connect(&m_document, &FlowDocument::edgeAdded, this,
                [&](const QString& from, const QString& to) {
                    checkExists(from);
                    checkExists(to);
                });
        connect(&m_document, &FlowDocument::edgeRemoved, this,
                [&](const QString& from, const QString& to) {
                    checkExists(from);
                    checkExists(to);
                });

        QString error;
        QVERIFY2(m_document.editStep(QStringLiteral("clean"), edited, &error),
                 qPrintable(error));
        m_document.undoStack()->undo();
        disconnect(&m_document, nullptr, this, nullptr);

        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char(' '))));
    }

    void editStepRejected_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("newId");
        QTest::addColumn<QString>("message");
        QTest::newRow("leading digit") << "train" << "1train" << "Invalid step id \"1train\"";
        QTest::newRow("space") << "train" << "my model" << "Invalid step id \"my model\"";
        QTest::newRow("empty") << "train" << "" << "Invalid step id \"\"";
        QTest::newRow("taken") << "train" << "fetch" << "The id fetch is already used";
        QTest::newRow("missing") << "nowhere" << "nowhere" << "there is no step nowhere";
    }

    void editStepRejected()
    {
        QFETCH(QString, id);
        QFETCH(QString, newId);
        QFETCH(QString, message);

        Step edited = shellStep(newId, {});
        QString error;
        QVERIFY(!m_document.editStep(id, edited, &error));
        QVERIFY2(error.contains(message), qPrintable(error));
        QCOMPARE(m_document.undoStack()->count(), 0);
        QCOMPARE(serializeFlow(m_document.flow()), m_original);
    }

    void editStepWithoutChangePushesNothing()
    {
        const Step same = *m_document.flow().step(QStringLiteral("train"));
        QString error;
        QVERIFY(m_document.editStep(QStringLiteral("train"), same, &error));
        QCOMPARE(m_document.undoStack()->count(), 0);
    }

    void editFlowProperties()
    {
        QList<Parameter> parameters = m_document.flow().parameters;
        parameters[0].defaultValue = 300;
        Parameter seed;
        seed.name = QStringLiteral("seed");
        seed.type = ParamType::Int;
        seed.defaultValue = 7;
        parameters.append(seed);
        QSignalSpy changed(&m_document, &FlowDocument::flowPropertiesChanged);

        QString error;
        QVERIFY2(m_document.editFlowProperties(QStringLiteral("chain2"),
                                               QStringLiteral("A longer chain."), parameters,
                                               &error),
                 qPrintable(error));

        QCOMPARE(changed.size(), 1);
        QCOMPARE(m_document.flow().name, QStringLiteral("chain2"));
        QCOMPARE(m_document.flow().parameters.size(), 2);
        const QByteArray after = serializeFlow(m_document.flow());
        QVERIFY(after.contains("\"x-unit\": \"count\""));
        QVERIFY(after.contains("\"default\": 300"));
        QCOMPARE(topText(m_document), QStringLiteral("Edit flow properties"));
        checkUndoRedo(m_document, m_original, after);
    }

    void editFlowPropertiesRejected_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("defaultJson");
        QTest::addColumn<QString>("message");
        QTest::newRow("invalid name") << "bad name" << "string" << "null"
                                      << "Invalid parameter name \"bad name\"";
        QTest::newRow("duplicate") << "trees" << "int" << "5" << "Duplicate parameter name";
        QTest::newRow("default type") << "seed" << "int" << "\"seven\"" << "is not of";
        QTest::newRow("removes used") << "" << "" << "" << "unknown parameter \"trees\"";
    }

    void editFlowPropertiesRejected()
    {
        QFETCH(QString, name);
        QFETCH(QString, type);
        QFETCH(QString, defaultJson);
        QFETCH(QString, message);

        // An empty name means the edit removes every parameter.
        QList<Parameter> parameters;
        if (!name.isEmpty()) {
            parameters = m_document.flow().parameters;
            Parameter added;
            added.name = name;
            QVERIFY(paramTypeFromName(type, &added.type));
            added.defaultValue = Json::parse(defaultJson.toStdString());
            parameters.append(added);
        }

        QString error;
        QVERIFY(!m_document.editFlowProperties(QStringLiteral("chain"), QString(), parameters,
                                               &error));
        QVERIFY2(error.contains(message), qPrintable(error));
        QCOMPARE(m_document.undoStack()->count(), 0);
        QCOMPARE(serializeFlow(m_document.flow()), m_original);
    }

    void modifiedFollowsUndoStack()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QSignalSpy modified(&m_document, &FlowDocument::modifiedChanged);

        m_document.addStep(shellStep(QStringLiteral("extra"), {}));
        QVERIFY(m_document.isModified());
        m_document.undoStack()->undo();
        QVERIFY(!m_document.isModified());
        m_document.undoStack()->redo();
        QVERIFY(m_document.isModified());

        QString error;
        QVERIFY2(m_document.save(dir.filePath(QStringLiteral("flow.json")), &error),
                 qPrintable(error));
        QVERIFY(!m_document.isModified());
        QCOMPARE(modified.size(), 4);
        QCOMPARE(modified.last().front().toBool(), false);
    }

    void saveSetsFilePath()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QSignalSpy pathChanged(&m_document, &FlowDocument::filePathChanged);
        const QString path = dir.filePath(QStringLiteral("saved.json"));

        QString error;
        QVERIFY2(m_document.save(path, &error), qPrintable(error));

        QCOMPARE(m_document.filePath(), path);
        QCOMPARE(pathChanged.size(), 1);
        QCOMPARE(test::readFile(path), m_original);
    }

    void saveFailureReportsFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("missing/folder/flow.json"));
        m_document.addStep(shellStep(QStringLiteral("extra"), {}));

        QString error;
        QVERIFY(!m_document.save(path, &error));
        QVERIFY2(error.contains(path), qPrintable(error));
        QVERIFY(m_document.isModified());
        QVERIFY(m_document.filePath().isEmpty());
    }

    void saveWeatherUnchangedIsIdentical()
    {
        const QString source =
            QStringLiteral(CAIRN_SOURCE_DIR "/resources/examples/weather/flow.json");
        QList<FlowIssue> issues;
        QVERIFY(m_document.load(source, &issues));
        QVERIFY(issues.isEmpty());
        QCOMPARE(m_document.filePath(), source);
        QVERIFY(!m_document.isModified());

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString copy = dir.filePath(QStringLiteral("flow.json"));
        QString error;
        QVERIFY2(m_document.save(copy, &error), qPrintable(error));
        QCOMPARE(test::readFile(copy), test::readFile(source));
    }

    void loadFailureKeepsDocument()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("broken.json"));
        QVERIFY(test::writeFile(path, "{\"format\": \"cairn.flow\", \"version\": 1, \"steps\": ["));
        m_document.addStep(shellStep(QStringLiteral("extra"), {}));
        const QByteArray before = serializeFlow(m_document.flow());
        QSignalSpy resets(&m_document, &FlowDocument::documentReset);

        QList<FlowIssue> issues;
        QVERIFY(!m_document.load(path, &issues));

        QVERIFY(!issues.isEmpty());
        QCOMPARE(resets.size(), 0);
        QCOMPARE(serializeFlow(m_document.flow()), before);
        QCOMPARE(m_document.undoStack()->count(), 1);
    }

    void fragmentRoundTrip()
    {
        const Flow& flow = m_document.flow();
        const QByteArray fragment =
            flowFragment(flow, {QStringLiteral("train"), QStringLiteral("clean")});
        QVERIFY(fragment.contains("\"name\": \"fragment\""));
        QVERIFY(fragment.contains("\"name\": \"trees\""));

        QList<Step> steps;
        QList<Edge> edges;
        QString error;
        QVERIFY2(parseFlowFragment(fragment, &steps, &edges, &error), qPrintable(error));

        QCOMPARE(steps.size(), 2);
        QCOMPARE(steps[0].id, QStringLiteral("clean"));
        QCOMPARE(steps[1].id, QStringLiteral("train"));
        QCOMPARE(steps[0].position, QPointF(200, 0));
        QCOMPARE(edges.size(), 1);
        QCOMPARE(edges[0].from, QStringLiteral("clean"));
        QCOMPARE(edges[0].to, QStringLiteral("train"));

        // The steps come back as they were written, unknown keys included.
        Flow reread = flow;
        reread.steps[1] = steps[0];
        reread.steps[2] = steps[1];
        reread.edges[1] = edges[0];
        QCOMPARE(serializeFlow(reread), m_original);
    }

    void fragmentWithoutParametersParses()
    {
        const QByteArray fragment = R"({"format": "cairn.flow", "version": 1,
            "name": "fragment",
            "steps": [{"id": "greet", "kind": "shell", "command": "echo {{who}}",
                       "params": ["greeting"]}]})";
        QList<Step> steps;
        QList<Edge> edges;
        QString error;
        QVERIFY2(parseFlowFragment(fragment, &steps, &edges, &error), qPrintable(error));
        QCOMPARE(steps.size(), 1);
        QCOMPARE(steps[0].command, QStringLiteral("echo {{who}}"));
        QVERIFY(edges.isEmpty());
    }

    void fragmentRejected_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::newRow("not json") << QByteArray("steps: fetch");
        QTest::newRow("wrong format")
            << QByteArray(R"({"format": "other", "version": 1, "steps": []})");
        QTest::newRow("cycle") << QByteArray(R"({"format": "cairn.flow", "version": 1,
            "steps": [{"id": "a", "kind": "shell", "command": "true"},
                      {"id": "b", "kind": "shell", "command": "true"}],
            "edges": [{"from": "a", "to": "b"}, {"from": "b", "to": "a"}]})");
    }

    void fragmentRejected()
    {
        QFETCH(QByteArray, data);
        QList<Step> steps;
        QList<Edge> edges;
        QString error;
        QVERIFY(!parseFlowFragment(data, &steps, &edges, &error));
        QVERIFY(!error.isEmpty());
    }

    void pasteFragmentIntoDocument()
    {
        const QByteArray fragment = flowFragment(
            m_document.flow(), {QStringLiteral("clean"), QStringLiteral("train")});
        QList<Step> steps;
        QList<Edge> edges;
        QString error;
        QVERIFY2(parseFlowFragment(fragment, &steps, &edges, &error), qPrintable(error));

        const QStringList ids = m_document.addSteps(steps, edges, QStringLiteral("Paste 2 steps"));

        QCOMPARE(ids, QStringList({QStringLiteral("clean_2"), QStringLiteral("train_2")}));
        QCOMPARE(edgeTexts(m_document.flow()).last(), QStringLiteral("clean_2->train_2"));
        QVERIFY(validateFlow(m_document.flow()).isEmpty());
        checkUndoRedo(m_document, m_original, serializeFlow(m_document.flow()));
    }

private:
    FlowDocument m_document;
    QByteArray m_original;  // the chain flow as serialised before each test's edits
};

QTEST_MAIN(TestFlowDocument)

#include "tst_flowdocument.moc"
