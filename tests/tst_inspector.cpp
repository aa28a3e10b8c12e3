// The inspector driven through its real widgets: step id validation and rename, the code
// editor's commits, kind switching, the environment table, the flow's parameters table,
// refresh after undo, and the summary of a multiple selection.

#include "codeeditor.h"
#include "flowdocument.h"
#include "flowinspector.h"
#include "inspector.h"
#include "keyvaluetable.h"
#include "stepinspector.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>

using namespace cairn;

namespace {

const char kFlowJson[] = R"json({
  "format": "cairn.flow",
  "version": 1,
  "name": "demo",
  "description": "Two steps",
  "parameters": [
    {"name": "trees", "type": "int", "default": 200, "description": "Forest size"}
  ],
  "steps": [
    {"id": "fetch", "kind": "shell", "command": "echo hi", "env": {"A": "1"}},
    {"id": "train", "kind": "python", "script": "print({{trees}})"}
  ],
  "edges": [{"from": "fetch", "to": "train"}]
})json";

Flow demoFlow()
{
    Flow flow;
    QList<FlowIssue> issues;
    if (!parseFlow(QByteArray(kFlowJson), QStringLiteral("demo.json"), &flow, &issues))
        qFatal("demo flow does not parse: %s", qPrintable(issues.value(0).toString()));
    return flow;
}

template <typename T>
T* child(QWidget* parent, const char* name)
{
    T* widget = parent->findChild<T*>(QString::fromLatin1(name));
    if (!widget)
        qFatal("no child %s", name);
    return widget;
}

// Replaces a line edit's text by typing, then presses Return.
void typeAndReturn(QLineEdit* edit, const QString& text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return);
}

// Opens the editor of a table cell, types text over its content and presses Return.
void editCell(QTableWidget* table, int row, int column, const QString& text)
{
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    table->setCurrentCell(row, column);
    table->editItem(table->item(row, column));
    auto* editor = table->viewport()->findChild<QLineEdit*>();
    QVERIFY(editor);
    editor->selectAll();
    QTest::keyClick(editor, Qt::Key_Backspace);
    QTest::keyClicks(editor, text);
    QTest::keyClick(editor, Qt::Key_Return);
    // The delegate commits the editor's data through a queued call.
    QCoreApplication::processEvents();
}

}  // namespace

class TestInspector : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void idInvalidShowsError_data();
    void idInvalidShowsError();
    void idValidRenames();
    void codeEditorCommitsAfterIdle();
    void codeEditorCommitsOnFocusOut();
    void kindSwitchShowsFields();
    void envTableEdits();
    void paramsCheckCommits();
    void numberFieldsCommit();
    void deselectCommitsPendingCode();
    void undoRefreshesFields();
    void ctrlZInCommittedFieldUndoesFlow();
    void flowParameterDefaultEdits();
    void flowParameterInvalidDefaultRejected();
    void flowNameEdits();
    void flowDescriptionCommitsOnFocusOut();
    void severalStepsShowSummary();

private:
    FlowDocument* m_document = nullptr;
    Inspector* m_inspector = nullptr;
};

void TestInspector::init()
{
    m_document = new FlowDocument;
    m_document->reset(demoFlow());
    m_inspector = new Inspector(m_document);
    m_inspector->resize(420, 900);
    m_inspector->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_inspector));
}

void TestInspector::cleanup()
{
    delete m_inspector;
    delete m_document;
}

void TestInspector::idInvalidShowsError_data()
{
    QTest::addColumn<QString>("id");
    QTest::newRow("space") << QStringLiteral("bad id");
    QTest::newRow("leading digit") << QStringLiteral("1fetch");
    QTest::newRow("taken") << QStringLiteral("train");
    QTest::newRow("empty") << QString();
}

void TestInspector::idInvalidShowsError()
{
    QFETCH(QString, id);
    m_inspector->showSteps({QStringLiteral("fetch")});
    const QByteArray before = serializeFlow(m_document->flow());

    auto* edit = child<QLineEdit>(m_inspector, "stepId");
    typeAndReturn(edit, id);

    auto* error = child<QLabel>(m_inspector, "stepIdError");
    QVERIFY(error->isVisible());
    QVERIFY(!error->text().isEmpty());
    QCOMPARE(serializeFlow(m_document->flow()), before);
    QCOMPARE(m_document->undoStack()->count(), 0);
    QCOMPARE(edit->text(), id);
}

void TestInspector::idValidRenames()
{
    m_inspector->showSteps({QStringLiteral("fetch")});
    auto* edit = child<QLineEdit>(m_inspector, "stepId");
    typeAndReturn(edit, QStringLiteral("download"));

    QCOMPARE(m_document->undoStack()->count(), 1);
    QVERIFY(m_document->flow().step(QStringLiteral("download")));
    QVERIFY(!m_document->flow().step(QStringLiteral("fetch")));
    QCOMPARE(m_document->flow().edges.value(0).from, QStringLiteral("download"));
    QVERIFY(child<QLabel>(m_inspector, "stepIdError")->isHidden());
    QCOMPARE(m_inspector->stepPage()->stepId(), QStringLiteral("download"));

    m_document->undoStack()->undo();
    QVERIFY(m_document->flow().step(QStringLiteral("fetch")));
    QCOMPARE(edit->text(), QStringLiteral("fetch"));
}

void TestInspector::codeEditorCommitsAfterIdle()
{
    m_inspector->showSteps({QStringLiteral("fetch")});
    auto* code = child<CodeEditor>(m_inspector, "stepCode");
    QCOMPARE(code->text(), QStringLiteral("echo hi"));
    code->setCommitDelay(100);

    QWidget* view = code->editorWidget();
    QTest::keyClick(view, Qt::Key_End, Qt::ControlModifier);
    QTest::keyClicks(view, QStringLiteral(" world"));

    QTRY_COMPARE(m_document->flow().step(QStringLiteral("fetch"))->command,
                 QStringLiteral("echo hi world"));
    QCOMPARE(m_document->undoStack()->count(), 1);
}

void TestInspector::codeEditorCommitsOnFocusOut()
{
    m_inspector->showSteps({QStringLiteral("train")});
    auto* code = child<CodeEditor>(m_inspector, "stepCode");
    QCOMPARE(code->language(), CodeEditor::Language::Python);

    QWidget* view = code->editorWidget();
    QTest::keyClick(view, Qt::Key_End, Qt::ControlModifier);
    QTest::keyClick(view, Qt::Key_Return);
    QTest::keyClicks(view, QStringLiteral("x = 1"));
    QFocusEvent focusOut(QEvent::FocusOut, Qt::TabFocusReason);
    QCoreApplication::sendEvent(view, &focusOut);

    QCOMPARE(m_document->undoStack()->count(), 1);
    QCOMPARE(m_document->flow().step(QStringLiteral("train"))->script,
             QStringLiteral("print({{trees}})\nx = 1"));
}

void TestInspector::kindSwitchShowsFields()
{
    m_inspector->showSteps({QStringLiteral("fetch")});
    auto* kind = child<QComboBox>(m_inspector, "stepKind");
    auto* code = child<CodeEditor>(m_inspector, "stepCode");
    auto* path = child<QLineEdit>(m_inspector, "stepPath");
    auto* interpreter = child<QLineEdit>(m_inspector, "stepInterpreter");
    QVERIFY(code->isVisible());
    QVERIFY(!path->isVisible());
    QVERIFY(!interpreter->isVisible());

    kind->setFocus();
    QTest::keyClick(kind, Qt::Key_Down);
    QCOMPARE(m_document->flow().step(QStringLiteral("fetch"))->kind, StepKind::Python);
    QCOMPARE(m_document->undoStack()->count(), 1);
    QVERIFY(code->isVisible());
    QCOMPARE(code->language(), CodeEditor::Language::Python);
    QVERIFY(interpreter->isVisible());
    QVERIFY(!path->isVisible());

    QTest::keyClick(kind, Qt::Key_Down);
    QCOMPARE(m_document->flow().step(QStringLiteral("fetch"))->kind, StepKind::Script);
    QVERIFY(!code->isVisible());
    QVERIFY(path->isVisible());
    QVERIFY(interpreter->isVisible());

    typeAndReturn(path, QStringLiteral("scripts/fetch.sh"));
    QCOMPARE(m_document->flow().step(QStringLiteral("fetch"))->path,
             QStringLiteral("scripts/fetch.sh"));
    QCOMPARE(m_document->undoStack()->count(), 3);
}

void TestInspector::envTableEdits()
{
    m_inspector->showSteps({QStringLiteral("fetch")});
    auto* env = child<KeyValueTable>(m_inspector, "stepEnv");
    QCOMPARE(env->table()->rowCount(), 1);

    editCell(env->table(), 0, 1, QStringLiteral("2"));
    using Pairs = QList<QPair<QString, QString>>;
    QCOMPARE(m_document->flow().step(QStringLiteral("fetch"))->env,
             Pairs({{QStringLiteral("A"), QStringLiteral("2")}}));
    QCOMPARE(m_document->undoStack()->count(), 1);

    // A new row counts once it has a name.
    QTest::mouseClick(child<QToolButton>(env, "addButton"), Qt::LeftButton);
    QCOMPARE(m_document->undoStack()->count(), 1);
    editCell(env->table(), 1, 0, QStringLiteral("B"));
    QCOMPARE(m_document->flow().step(QStringLiteral("fetch"))->env,
             Pairs({{QStringLiteral("A"), QStringLiteral("2")}, {QStringLiteral("B"), QString()}}));
    QCOMPARE(m_document->undoStack()->count(), 2);

    // A repeated name is shown and not saved.
    editCell(env->table(), 1, 0, QStringLiteral("A"));
    QVERIFY(child<QLabel>(m_inspector, "stepError")->isVisible());
    QCOMPARE(m_document->undoStack()->count(), 2);
    QCOMPARE(m_document->flow().step(QStringLiteral("fetch"))->env.size(), 2);
    QCOMPARE(m_document->flow().step(QStringLiteral("fetch"))->env.at(1).first,
             QStringLiteral("B"));
}

void TestInspector::paramsCheckCommits()
{
    m_inspector->showSteps({QStringLiteral("fetch")});
    auto* params = child<QListWidget>(m_inspector, "stepParams");
    QCOMPARE(params->count(), 1);
    QCOMPARE(params->item(0)->checkState(), Qt::Unchecked);

    params->setCurrentRow(0);
    QTest::keyClick(params, Qt::Key_Space);
    QCOMPARE(m_document->flow().step(QStringLiteral("fetch"))->params,
             QStringList{QStringLiteral("trees")});
    QCOMPARE(m_document->undoStack()->count(), 1);

    m_document->undoStack()->undo();
    QCOMPARE(params->item(0)->checkState(), Qt::Unchecked);
}

void TestInspector::numberFieldsCommit()
{
    m_inspector->showSteps({QStringLiteral("fetch")});
    auto* retries = child<QSpinBox>(m_inspector, "stepRetries");
    QTest::keyClick(retries, Qt::Key_Up);
    QCOMPARE(m_document->flow().step(QStringLiteral("fetch"))->retries, 1);

    auto* timeout = child<QDoubleSpinBox>(m_inspector, "stepTimeout");
    QCOMPARE(timeout->text(), QStringLiteral("none"));
    timeout->selectAll();
    QTest::keyClicks(timeout, QStringLiteral("30"));
    QCOMPARE(m_document->flow().step(QStringLiteral("fetch"))->timeoutS, 0.0);
    QTest::keyClick(timeout, Qt::Key_Return);
    QCOMPARE(m_document->flow().step(QStringLiteral("fetch"))->timeoutS, 30.0);

    auto* cache = child<QCheckBox>(m_inspector, "stepCache");
    QVERIFY(cache->isChecked());
    QTest::mouseClick(cache, Qt::LeftButton, {}, QPoint(6, cache->height() / 2));
    QCOMPARE(m_document->flow().step(QStringLiteral("fetch"))->cache, false);

    auto* cacheVersion = child<QLineEdit>(m_inspector, "stepCacheVersion");
    typeAndReturn(cacheVersion, QStringLiteral("2"));
    QCOMPARE(m_document->flow().step(QStringLiteral("fetch"))->cacheVersion, QStringLiteral("2"));
    QCOMPARE(m_document->undoStack()->count(), 4);
}

void TestInspector::deselectCommitsPendingCode()
{
    m_inspector->showSteps({QStringLiteral("fetch")});
    auto* code = child<CodeEditor>(m_inspector, "stepCode");
    code->setCommitDelay(60 * 60 * 1000);  // only the change of page can commit here
    QWidget* view = code->editorWidget();
    QTest::keyClick(view, Qt::Key_End, Qt::ControlModifier);
    QTest::keyClicks(view, QStringLiteral("!"));
    QCOMPARE(m_document->undoStack()->count(), 0);

    m_inspector->showSteps({});
    QCOMPARE(m_document->flow().step(QStringLiteral("fetch"))->command, QStringLiteral("echo hi!"));
    QCOMPARE(m_document->undoStack()->count(), 1);
}

void TestInspector::undoRefreshesFields()
{
    m_inspector->showSteps({QStringLiteral("fetch")});
    auto* title = child<QLineEdit>(m_inspector, "stepTitle");
    typeAndReturn(title, QStringLiteral("Fetch data"));
    QCOMPARE(m_document->flow().step(QStringLiteral("fetch"))->title, QStringLiteral("Fetch data"));

    m_document->undoStack()->undo();
    QCOMPARE(title->text(), QString());
    m_document->undoStack()->redo();
    QCOMPARE(title->text(), QStringLiteral("Fetch data"));

    // A rename made elsewhere moves the inspector to the new id.
    Step renamed = *m_document->flow().step(QStringLiteral("fetch"));
    renamed.id = QStringLiteral("get");
    QVERIFY(m_document->editStep(QStringLiteral("fetch"), renamed, nullptr));
    QCOMPARE(child<QLineEdit>(m_inspector, "stepId")->text(), QStringLiteral("get"));
    QCOMPARE(m_inspector->shownSteps(), QStringList{QStringLiteral("get")});
}

void TestInspector::ctrlZInCommittedFieldUndoesFlow()
{
    // The window's Undo action, as MainWindow has it.
    QAction* undo = m_document->undoStack()->createUndoAction(m_inspector);
    undo->setShortcut(QKeySequence::Undo);
    m_inspector->addAction(undo);

    m_inspector->showSteps({QStringLiteral("fetch")});
    auto* title = child<QLineEdit>(m_inspector, "stepTitle");
    typeAndReturn(title, QStringLiteral("Fetch data"));
    const int entries = m_document->undoStack()->count();
    QVERIFY(title->hasFocus());

    QTest::keyClick(title, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(m_document->flow().step(QStringLiteral("fetch"))->title, QString());
    QCOMPARE(title->text(), QString());

    // Leaving the field adds nothing: the undone title is not committed again.
    title->clearFocus();
    QCOMPARE(m_document->undoStack()->count(), entries);
    QCOMPARE(m_document->undoStack()->index(), entries - 1);
}

void TestInspector::flowParameterDefaultEdits()
{
    m_inspector->showSteps({});
    QTableWidget* table = m_inspector->flowPage()->parametersTable();
    QCOMPARE(table->rowCount(), 1);
    QCOMPARE(table->item(0, FlowInspector::DefaultColumn)->text(), QStringLiteral("200"));

    editCell(table, 0, FlowInspector::DefaultColumn, QStringLiteral("300"));
    QCOMPARE(m_document->undoStack()->count(), 1);
    QVERIFY(m_document->flow().parameters.at(0).defaultValue == Json(300));
    QVERIFY(child<QLabel>(m_inspector, "flowError")->isHidden());

    editCell(table, 0, FlowInspector::DescriptionColumn, QStringLiteral("Number of trees"));
    QCOMPARE(m_document->undoStack()->count(), 2);
    QCOMPARE(m_document->flow().parameters.at(0).description, QStringLiteral("Number of trees"));
}

void TestInspector::flowParameterInvalidDefaultRejected()
{
    m_inspector->showSteps({});
    QTableWidget* table = m_inspector->flowPage()->parametersTable();
    const QByteArray before = serializeFlow(m_document->flow());

    editCell(table, 0, FlowInspector::DefaultColumn, QStringLiteral("many"));
    auto* error = child<QLabel>(m_inspector, "flowError");
    QVERIFY(error->isVisible());
    QVERIFY(error->text().contains(QStringLiteral("many")));
    QCOMPARE(m_document->undoStack()->count(), 0);
    QCOMPARE(serializeFlow(m_document->flow()), before);

    // A name that breaks the id rule is rejected the same way.
    editCell(table, 0, FlowInspector::DefaultColumn, QStringLiteral("200"));
    QVERIFY(error->isHidden());
    editCell(table, 0, FlowInspector::NameColumn, QStringLiteral("two words"));
    QVERIFY(error->isVisible());
    QCOMPARE(serializeFlow(m_document->flow()), before);
    QCOMPARE(m_document->undoStack()->count(), 0);
}

void TestInspector::flowNameEdits()
{
    m_inspector->showSteps({});
    auto* name = child<QLineEdit>(m_inspector, "flowName");
    QCOMPARE(name->text(), QStringLiteral("demo"));
    typeAndReturn(name, QStringLiteral("forecast"));
    QCOMPARE(m_document->flow().name, QStringLiteral("forecast"));
    QCOMPARE(m_document->undoStack()->count(), 1);

    m_document->undoStack()->undo();
    QCOMPARE(name->text(), QStringLiteral("demo"));
}

void TestInspector::flowDescriptionCommitsOnFocusOut()
{
    m_inspector->showSteps({});
    auto* description = child<QPlainTextEdit>(m_inspector, "flowDescription");
    QTest::keyClick(description, Qt::Key_End, Qt::ControlModifier);
    QTest::keyClicks(description, QStringLiteral(" and more"));
    QCOMPARE(m_document->undoStack()->count(), 0);

    QFocusEvent focusOut(QEvent::FocusOut, Qt::TabFocusReason);
    QCoreApplication::sendEvent(description, &focusOut);
    QCOMPARE(m_document->flow().description, QStringLiteral("Two steps and more"));
    QCOMPARE(m_document->undoStack()->count(), 1);
}

void TestInspector::severalStepsShowSummary()
{
    m_inspector->showSteps({QStringLiteral("fetch"), QStringLiteral("train")});
    auto* summary = child<QLabel>(m_inspector, "selectionSummary");
    QVERIFY(summary->isVisible());
    QVERIFY(summary->text().contains(QStringLiteral("2")));
    QVERIFY(summary->text().contains(QStringLiteral("fetch")));
    QVERIFY(summary->text().contains(QStringLiteral("train")));

    m_document->removeItems({QStringLiteral("train")}, {});
    QCOMPARE(m_inspector->shownSteps(), QStringList{QStringLiteral("fetch")});
    QVERIFY(child<QLineEdit>(m_inspector, "stepId")->isVisible());
}

QTEST_MAIN(TestInspector)
#include "tst_inspector.moc"
