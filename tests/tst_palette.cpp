// The step templates, the palette and the quick-add popup, driven through their real
// widgets: filtering, activation by double-click and Enter, drag data, and the fragments
// they carry.

#include "flowclipboard.h"
#include "palette.h"
#include "quickadd.h"
#include "steptemplates.h"

#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>

using namespace cairn;

namespace {

// Parses a fragment that must contain exactly one step and no edges.
bool parseOneStep(const QByteArray& fragment, Step* step)
{
    QList<Step> steps;
    QList<Edge> edges;
    QString error;
    if (!parseFlowFragment(fragment, &steps, &edges, &error)) {
        qWarning("fragment does not parse: %s", qPrintable(error));
        return false;
    }
    if (steps.size() != 1 || !edges.isEmpty()) {
        qWarning("fragment has %d steps and %d edges", int(steps.size()), int(edges.size()));
        return false;
    }
    *step = steps.first();
    return true;
}

QStringList visibleNames(const QListWidget* list)
{
    QStringList names;
    for (int row = 0; row < list->count(); ++row) {
        if (!list->item(row)->isHidden())
            names << list->item(row)->text().section(QLatin1Char('\n'), 0, 0);
    }
    return names;
}

int rowOf(const QListWidget* list, const QString& name)
{
    for (int row = 0; row < list->count(); ++row) {
        if (list->item(row)->text().section(QLatin1Char('\n'), 0, 0) == name)
            return row;
    }
    return -1;
}

}  // namespace

class TestPalette : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void templatesAreValidSteps_data();
    void templatesAreValidSteps();
    void trainTemplateUsesDeclaredTrees();
    void filterHidesNonMatching_data();
    void filterHidesNonMatching();
    void doubleClickEmitsFragment_data();
    void doubleClickEmitsFragment();
    void enterInSearchEmitsFirstMatch();
    void dragCarriesFragment();
    void quickAddFilterAndEnter();
    void quickAddArrowsMove();
    void quickAddEscapeCloses();
};

void TestPalette::templatesAreValidSteps_data()
{
    QTest::addColumn<int>("index");
    const QList<StepTemplate> templates = stepTemplates();
    for (int i = 0; i < templates.size(); ++i)
        QTest::newRow(qPrintable(templates[i].name)) << i;
}

void TestPalette::templatesAreValidSteps()
{
    QFETCH(int, index);
    const StepTemplate entry = stepTemplates().at(index);
    QVERIFY(!entry.description.isEmpty());
    QVERIFY(!QIcon(templateIconPath(entry.iconName)).isNull());

    Step step;
    QVERIFY(parseOneStep(entry.fragment, &step));
    QCOMPARE(stepKindName(step.kind), entry.iconName);
    QVERIFY(!step.title.isEmpty());

    // The step is valid on its own, in a flow without parameters.
    Flow flow;
    flow.steps.append(step);
    const QList<FlowIssue> issues = validateFlow(flow);
    QVERIFY2(issues.isEmpty(), qPrintable(issues.value(0).toString()));
}

void TestPalette::trainTemplateUsesDeclaredTrees()
{
    const auto trainOf = [](const Flow& flow) {
        for (const StepTemplate& entry : stepTemplates(flow)) {
            Step step;
            if (parseOneStep(entry.fragment, &step) && step.id == QStringLiteral("train"))
                return step;
        }
        return Step();
    };

    const Step generic = trainOf(Flow());
    QCOMPARE(generic.kind, StepKind::Python);
    QVERIFY(generic.script.contains(QStringLiteral("RandomForestClassifier")));
    QVERIFY(!generic.script.contains(QStringLiteral("{{")));

    Flow withTrees;
    Parameter trees;
    trees.name = QStringLiteral("trees");
    trees.type = ParamType::Int;
    trees.defaultValue = 200;
    withTrees.parameters.append(trees);
    const Step parameterised = trainOf(withTrees);
    QVERIFY(parameterised.script.contains(QStringLiteral("n_estimators={{trees}}")));
    withTrees.steps.append(parameterised);
    QVERIFY(validateFlow(withTrees).isEmpty());
}

void TestPalette::filterHidesNonMatching_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("csv") << QStringLiteral("csv")
                         << QStringList{QStringLiteral("Python: read upstream CSV"),
                                        QStringLiteral("Train model (scikit-learn)")};
    QTest::newRow("curl in description")
        << QStringLiteral("CURL") << QStringList{QStringLiteral("Download file")};
    QTest::newRow("no match") << QStringLiteral("zzz") << QStringList();
    QTest::newRow("empty") << QString()
                           << QStringList{QStringLiteral("Shell command"),
                                          QStringLiteral("Python script"),
                                          QStringLiteral("Script file"),
                                          QStringLiteral("Download file"),
                                          QStringLiteral("Python: read upstream CSV"),
                                          QStringLiteral("Train model (scikit-learn)")};
}

void TestPalette::filterHidesNonMatching()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    Palette palette;
    palette.show();
    QVERIFY(QTest::qWaitForWindowExposed(&palette));

    QTest::keyClicks(palette.searchField(), text);
    QCOMPARE(visibleNames(palette.listWidget()), expected);

    // Clearing the field shows every entry again.
    palette.searchField()->selectAll();
    QTest::keyClick(palette.searchField(), Qt::Key_Backspace);
    QCOMPARE(visibleNames(palette.listWidget()).size(), palette.listWidget()->count());
}

void TestPalette::doubleClickEmitsFragment_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("kind");
    QTest::newRow("shell") << QStringLiteral("Shell command") << QStringLiteral("shell");
    QTest::newRow("python") << QStringLiteral("Python script") << QStringLiteral("python");
    QTest::newRow("script") << QStringLiteral("Script file") << QStringLiteral("script");
    QTest::newRow("download") << QStringLiteral("Download file") << QStringLiteral("shell");
    QTest::newRow("read csv") << QStringLiteral("Python: read upstream CSV")
                              << QStringLiteral("python");
}

void TestPalette::doubleClickEmitsFragment()
{
    QFETCH(QString, name);
    QFETCH(QString, kind);
    Palette palette;
    palette.resize(300, 600);
    palette.show();
    QVERIFY(QTest::qWaitForWindowExposed(&palette));
    QSignalSpy activated(&palette, &Palette::templateActivated);

    QListWidget* list = palette.listWidget();
    const int row = rowOf(list, name);
    QVERIFY(row >= 0);
    const QPoint centre = list->visualItemRect(list->item(row)).center();
    // A real double-click starts with a press and release on the same entry.
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, centre);
    QTest::mouseDClick(list->viewport(), Qt::LeftButton, {}, centre);

    QCOMPARE(activated.count(), 1);
    Step step;
    QVERIFY(parseOneStep(activated.first().first().toByteArray(), &step));
    QCOMPARE(stepKindName(step.kind), kind);
}

void TestPalette::enterInSearchEmitsFirstMatch()
{
    Palette palette;
    palette.show();
    QVERIFY(QTest::qWaitForWindowExposed(&palette));
    QSignalSpy activated(&palette, &Palette::templateActivated);

    QTest::keyClicks(palette.searchField(), QStringLiteral("download"));
    QTest::keyClick(palette.searchField(), Qt::Key_Return);

    QCOMPARE(activated.count(), 1);
    Step step;
    QVERIFY(parseOneStep(activated.first().first().toByteArray(), &step));
    QCOMPARE(step.id, QStringLiteral("download"));
    QCOMPARE(step.kind, StepKind::Shell);
    QVERIFY(step.command.contains(QStringLiteral("$CAIRN_OUTPUT_DIR")));
}

void TestPalette::dragCarriesFragment()
{
    Palette palette;
    QListWidget* list = palette.listWidget();
    const int row = rowOf(list, QStringLiteral("Python script"));
    QVERIFY(row >= 0);

    // The view starts its QDrag with this data.
    const QModelIndex index = list->model()->index(row, 0);
    std::unique_ptr<QMimeData> data(list->model()->mimeData({index}));
    QVERIFY(data);
    const QString mimeType = QString::fromLatin1(kFlowFragmentMimeType);
    QVERIFY(data->hasFormat(mimeType));
    Step step;
    QVERIFY(parseOneStep(data->data(mimeType), &step));
    QCOMPARE(step.kind, StepKind::Python);
    QVERIFY(list->dragEnabled());
}

void TestPalette::quickAddFilterAndEnter()
{
    QuickAddPopup popup;
    QSignalSpy chosen(&popup, &QuickAddPopup::templateChosen);
    popup.popup(QPoint(100, 100));
    QVERIFY(popup.isVisible());

    QTest::keyClicks(popup.filterField(), QStringLiteral("script"));
    QCOMPARE(visibleNames(popup.listWidget()),
             (QStringList{QStringLiteral("Python script"), QStringLiteral("Script file")}));
    QTest::keyClick(popup.filterField(), Qt::Key_Return);

    QCOMPARE(chosen.count(), 1);
    QVERIFY(!popup.isVisible());
    Step step;
    QVERIFY(parseOneStep(chosen.first().first().toByteArray(), &step));
    QCOMPARE(step.kind, StepKind::Python);
}

void TestPalette::quickAddArrowsMove()
{
    QuickAddPopup popup;
    QSignalSpy chosen(&popup, &QuickAddPopup::templateChosen);
    popup.popup(QPoint(100, 100));

    QTest::keyClicks(popup.filterField(), QStringLiteral("script"));
    QTest::keyClick(popup.filterField(), Qt::Key_Down);
    QTest::keyClick(popup.filterField(), Qt::Key_Down);  // stays on the last match
    QTest::keyClick(popup.filterField(), Qt::Key_Up);
    QTest::keyClick(popup.filterField(), Qt::Key_Down);
    QTest::keyClick(popup.filterField(), Qt::Key_Enter);

    QCOMPARE(chosen.count(), 1);
    Step step;
    QVERIFY(parseOneStep(chosen.first().first().toByteArray(), &step));
    QCOMPARE(step.id, QStringLiteral("script"));
}

void TestPalette::quickAddEscapeCloses()
{
    QuickAddPopup popup;
    QSignalSpy chosen(&popup, &QuickAddPopup::templateChosen);
    popup.popup(QPoint(100, 100));
    QTest::keyClicks(popup.filterField(), QStringLiteral("py"));
    QTest::keyClick(popup.filterField(), Qt::Key_Escape);

    QVERIFY(!popup.isVisible());
    QCOMPARE(chosen.count(), 0);

    // Opening again starts with an empty filter.
    popup.popup(QPoint(100, 100));
    QVERIFY(popup.filterField()->text().isEmpty());
    QCOMPARE(visibleNames(popup.listWidget()).size(), popup.listWidget()->count());
    popup.close();
}

QTEST_MAIN(TestPalette)
#include "tst_palette.moc"
