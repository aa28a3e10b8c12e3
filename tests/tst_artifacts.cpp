// Tests of the Artifacts tab: the preview of each file type, paged text for a 1 GiB file,
// the logs of each step, and comparing the same file across two runs, on a store built by
// cairn-cli.

#include "artifactpreview.h"
#include "artifactspanel.h"
#include "csvpreview.h"
#include "hexview.h"
#include "jsonpreview.h"
#include "textdiff.h"
#include "textpager.h"
#include "testsupport.h"

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QLocale>
#include <QLabel>
#include <QPixmap>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

using namespace cairn;
using namespace cairn::test;

namespace {

Json shellStep(const QString& id, const QString& command)
{
    return Json{{"id", id.toStdString()}, {"kind", "shell"}, {"command", command.toStdString()}};
}

// One step per preview kind, and step "chatty" that only writes to stdout and stderr. Only
// step "text" uses the parameter greeting, and it also prints it.
Json artifactFlow()
{
    Json text = shellStep(QStringLiteral("text"),
                          QStringLiteral("{ echo 'first line'; echo second {{greeting}}; echo 'third line'; }"
                                         " > \"$CAIRN_OUTPUT_DIR/notes.txt\"; echo greeting {{greeting}}"));
    text["params"] = Json::array({"greeting"});
    Json picture = shellStep(QStringLiteral("picture"),
                             QStringLiteral("cp fixtures/picture.png \"$CAIRN_OUTPUT_DIR/picture.png\""));
    picture["inputs"] = Json::array({"fixtures/picture.png"});

    const Json steps = Json::array({
        text,
        shellStep(QStringLiteral("log"),
                  QStringLiteral("echo 'log start' > \"$CAIRN_OUTPUT_DIR/run.log\"; "
                                 "echo 'log end' >> \"$CAIRN_OUTPUT_DIR/run.log\"")),
        shellStep(QStringLiteral("json"),
                  QStringLiteral("printf '%s\\n' '{\"model\": {\"trees\": 200, \"depth\": 7},' "
                                 "'\"scores\": [0.5, 0.75]}' > \"$CAIRN_OUTPUT_DIR/metrics.json\"")),
        shellStep(QStringLiteral("csv"),
                  QStringLiteral("printf 'name,comment,value\\nalpha,\"has, comma\",1\\n"
                                 "beta,\"say \"\"hi\"\"\",2\\n' > \"$CAIRN_OUTPUT_DIR/table.csv\"")),
        picture,
        shellStep(QStringLiteral("svg"),
                  QStringLiteral("echo '<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"120\" "
                                 "height=\"80\"><rect width=\"120\" height=\"80\" fill=\"red\"/></svg>'"
                                 " > \"$CAIRN_OUTPUT_DIR/drawing.svg\"")),
        shellStep(QStringLiteral("binary"),
                  QStringLiteral("printf '\\000\\001\\002\\377cairn' > \"$CAIRN_OUTPUT_DIR/blob.bin\"")),
        shellStep(QStringLiteral("chatty"),
                  QStringLiteral("echo 'to stdout'; echo 'to stderr' >&2")),
    });
    const Json parameters = Json::array(
        {Json{{"name", "greeting"}, {"type", "string"}, {"default", "hello"}}});
    return makeFlow(steps, Json::array(), parameters);
}

// The content of the preview that identifies its file: the first text line, the keys
// under the JSON root, the second cell of the first CSV row, the image size, or the first
// hex dump line.
QString keyContent(const ArtifactPreview& preview)
{
    switch (preview.kind()) {
    case ArtifactPreview::Kind::Text:
        return preview.textPager()->text().section(QLatin1Char('\n'), 0, 0);
    case ArtifactPreview::Kind::Json: {
        const QTreeWidgetItem* root = preview.jsonPreview()->tree()->topLevelItem(0);
        QStringList keys;
        for (int i = 0; root && i < root->childCount(); ++i)
            keys.append(root->child(i)->text(0));
        return keys.join(QLatin1Char(','));
    }
    case ArtifactPreview::Kind::Table: {
        const QTableWidgetItem* cell = preview.csvPreview()->table()->item(0, 1);
        return cell ? cell->text() : QString();
    }
    case ArtifactPreview::Kind::Image:
        return QStringLiteral("%1x%2").arg(preview.imageSize().width()).arg(preview.imageSize().height());
    case ArtifactPreview::Kind::Hex:
        return preview.hexView()->text().section(QLatin1Char('\n'), 0, 0);
    case ArtifactPreview::Kind::None:
        break;
    }
    return QString();
}

}  // namespace

class TestArtifacts : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void previewOfEachType_data();
    void previewOfEachType();
    void showStepSelectsFirstFile();
    void selectArtifact_data();
    void selectArtifact();
    void largeTextLoadsOnePage();
    void imageScaledToPreview();
    void kindFromContent_data();
    void kindFromContent();
    void delimitedRows_data();
    void delimitedRows();
    void lineDiff_data();
    void lineDiff();
    void lineDiffTooLarge();
    void compareShowsChangedLine();
    void compareCachedFileIsIdentical();
    void saveCopyIsWritable();
    void exportKeepsContent();
    void logRowsFollowFiles();
    void logPreview_data();
    void logPreview();
    void cachedStepHasNoLog();
    void largeLogLoadsOnePage();
    void compareLogWithRun();
    void saveLogCopy();
    void stepIdsOfRun();
    void jsonNumbersAsWritten_data();
    void jsonNumbersAsWritten();
    void jsonParseErrorNamesOffset();

private:
    Project m_project;
};

void TestArtifacts::initTestCase()
{
    QVERIFY(m_project.isValid());
    QImage picture(40, 30, QImage::Format_RGB32);
    picture.fill(Qt::blue);
    QDir().mkpath(m_project.path(QStringLiteral("fixtures")));
    QVERIFY(picture.save(m_project.path(QStringLiteral("fixtures/picture.png"))));
    QVERIFY(m_project.writeFlow(artifactFlow()));

    const CliResult first = m_project.cli(QStringLiteral("run"), {QStringLiteral("--param"), QStringLiteral("greeting=hello")});
    QVERIFY2(first.exitCode == 0, first.err.constData());
    const CliResult second = m_project.cli(QStringLiteral("run"), {QStringLiteral("--param"), QStringLiteral("greeting=world")});
    QVERIFY2(second.exitCode == 0, second.err.constData());
}

void TestArtifacts::previewOfEachType_data()
{
    QTest::addColumn<QString>("stepId");
    QTest::addColumn<QString>("path");
    QTest::addColumn<ArtifactPreview::Kind>("kind");
    QTest::addColumn<QString>("content");

    using Kind = ArtifactPreview::Kind;
    QTest::newRow("text") << "text" << "notes.txt" << Kind::Text << "first line";
    QTest::newRow("log") << "log" << "run.log" << Kind::Text << "log start";
    QTest::newRow("json") << "json" << "metrics.json" << Kind::Json << "model,scores";
    QTest::newRow("csv") << "csv" << "table.csv" << Kind::Table << "has, comma";
    QTest::newRow("png") << "picture" << "picture.png" << Kind::Image << "40x30";
    QTest::newRow("svg") << "svg" << "drawing.svg" << Kind::Image << "120x80";
    QTest::newRow("binary") << "binary" << "blob.bin" << Kind::Hex
                            << "00000000  00 01 02 ff 63 61 69 72  6e                       |....cairn|";
}

void TestArtifacts::previewOfEachType()
{
    QFETCH(QString, stepId);
    QFETCH(QString, path);
    QFETCH(ArtifactPreview::Kind, kind);
    QFETCH(QString, content);

    ArtifactsPanel panel;
    panel.setStore(m_project.storePath(), QStringLiteral("test"));
    QVERIFY(panel.selectFile(1, stepId, path));

    QCOMPARE(panel.selectedFile().path, path);
    QCOMPARE(panel.preview()->kind(), kind);
    QCOMPARE(keyContent(*panel.preview()), content);
}

void TestArtifacts::showStepSelectsFirstFile()
{
    ArtifactsPanel panel;
    panel.setStore(m_project.storePath(), QStringLiteral("test"));
    panel.showStep(2, QStringLiteral("json"));

    const ArtifactsPanel::FileRef file = panel.selectedFile();
    QCOMPARE(file.run, 2);
    QCOMPARE(file.stepId, QStringLiteral("json"));
    QCOMPARE(file.path, QStringLiteral("metrics.json"));
    QCOMPARE(panel.preview()->kind(), ArtifactPreview::Kind::Json);

    // The nested object is in the tree with its values.
    const QList<QTreeWidgetItem*> trees = panel.preview()->jsonPreview()->tree()->findItems(
        QStringLiteral("trees"), Qt::MatchExactly | Qt::MatchRecursive);
    QCOMPARE(trees.size(), 1);
    QCOMPARE(trees.first()->text(1), QStringLiteral("200"));
}

void TestArtifacts::selectArtifact_data()
{
    QTest::addColumn<qint64>("run");
    QTest::addColumn<QString>("stepId");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expectedStep");
    QTest::addColumn<QString>("expectedPath");
    QTest::addColumn<ArtifactPreview::Kind>("kind");

    using Kind = ArtifactPreview::Kind;
    // Steps picture and svg both stored an image; picture comes first in the flow.
    QTest::newRow("best of run") << qint64(2) << "" << "" << "picture" << "picture.png" << Kind::Image;
    QTest::newRow("best of csv step") << qint64(1) << "csv" << "" << "csv" << "table.csv" << Kind::Table;
    QTest::newRow("best of json step") << qint64(2) << "json" << "" << "json" << "metrics.json" << Kind::Json;
    QTest::newRow("best of binary step") << qint64(2) << "binary" << "" << "binary" << "blob.bin" << Kind::Hex;
    QTest::newRow("named file") << qint64(1) << "text" << "notes.txt" << "text" << "notes.txt" << Kind::Text;
    // A step that stored no file previews its stdout, the first log.
    QTest::newRow("best of chatty step") << qint64(1) << "chatty" << "" << "chatty" << "stdout.log" << Kind::Text;
    QTest::newRow("named log") << qint64(1) << "chatty" << "stderr.log" << "chatty" << "stderr.log" << Kind::Text;
    QTest::newRow("unknown step") << qint64(1) << "missing" << "" << "" << "" << Kind::None;
    QTest::newRow("unknown file") << qint64(1) << "csv" << "other.csv" << "" << "" << Kind::None;
    QTest::newRow("unknown run") << qint64(99) << "" << "" << "" << "" << Kind::None;
}

void TestArtifacts::selectArtifact()
{
    QFETCH(qint64, run);
    QFETCH(QString, stepId);
    QFETCH(QString, path);
    QFETCH(QString, expectedStep);
    QFETCH(QString, expectedPath);
    QFETCH(ArtifactPreview::Kind, kind);

    ArtifactsPanel panel;
    panel.setStore(m_project.storePath(), QStringLiteral("test"));
    QCOMPARE(panel.selectArtifact(run, stepId, path), !expectedPath.isEmpty());

    const ArtifactsPanel::FileRef file = panel.selectedFile();
    QCOMPARE(file.isValid(), !expectedPath.isEmpty());
    QCOMPARE(panel.preview()->kind(), kind);
    if (expectedPath.isEmpty())
        return;
    QCOMPARE(file.run, run);
    QCOMPARE(file.stepId, expectedStep);
    QCOMPARE(file.path, expectedPath);
}

void TestArtifacts::largeTextLoadsOnePage()
{
    constexpr qint64 kGiB = qint64(1) << 30;
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("big.log"));

    // The file past its first line is a hole that reads as zeros and takes no disk space.
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("first line of a large log\nsecond line\n");
    QVERIFY(file.resize(kGiB));
    file.close();

    ArtifactPreview preview;
    QVERIFY(preview.showFile(path, QStringLiteral("big.log")));
    QCOMPARE(preview.kind(), ArtifactPreview::Kind::Text);
    QCOMPARE(preview.loadedBytes(), TextPager::kPageBytes);
    QCOMPARE(preview.textPager()->pageCount(), kGiB / TextPager::kPageBytes);
    QCOMPARE(preview.textPager()->text().section(QLatin1Char('\n'), 0, 0),
             QStringLiteral("first line of a large log"));

    preview.textPager()->showPage(preview.textPager()->pageCount() - 1);
    QCOMPARE(preview.textPager()->page(), kGiB / TextPager::kPageBytes - 1);
    QCOMPARE(preview.loadedBytes(), TextPager::kPageBytes);
    QVERIFY(!preview.textPager()->text().contains(QStringLiteral("first line")));
}

void TestArtifacts::imageScaledToPreview()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("large.png"));
    QImage image(1200, 900, QImage::Format_RGB32);
    image.fill(Qt::darkCyan);
    QVERIFY(image.save(path));

    // The preview is laid out showing its message page, so the picture page has never
    // been given a size when the image arrives.
    ArtifactPreview preview;
    preview.resize(400, 300);
    preview.show();
    QVERIFY(QTest::qWaitForWindowExposed(&preview));
    QVERIFY(preview.showFile(path, QStringLiteral("large.png")));
    QCOMPARE(preview.imageSize(), QSize(1200, 900));

    QPixmap pixmap;
    for (const QLabel* label : preview.findChildren<QLabel*>()) {
        if (!label->pixmap().isNull())
            pixmap = label->pixmap();
    }
    QVERIFY(!pixmap.isNull());
    // Scaled to fit 400 × 300 with the image's 4:3 aspect ratio.
    QCOMPARE(pixmap.size(), QSize(400, 300));
}

void TestArtifacts::kindFromContent_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<ArtifactPreview::Kind>("kind");

    using Kind = ArtifactPreview::Kind;
    QImage image(4, 3, QImage::Format_RGB32);
    image.fill(Qt::green);
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");

    QTest::newRow("png") << png << Kind::Image;
    QTest::newRow("svg") << QByteArray("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
                         << Kind::Image;
    QTest::newRow("json") << QByteArray("  {\"a\": 1}\n") << Kind::Json;
    QTest::newRow("text") << QByteArray("epoch 1 loss 0.5\n") << Kind::Text;
    QTest::newRow("nul byte") << QByteArray("abc\0def", 7) << Kind::Hex;
    QTest::newRow("invalid utf-8") << QByteArray("abc\xff\xfe def") << Kind::Hex;
}

void TestArtifacts::kindFromContent()
{
    QFETCH(QByteArray, data);
    QFETCH(ArtifactPreview::Kind, kind);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("object"));
    QVERIFY(writeFile(path, data));
    QCOMPARE(ArtifactPreview::kindOf(path, QStringLiteral("noextension")), kind);

    ArtifactPreview preview;
    QVERIFY(preview.showFile(path, QStringLiteral("noextension")));
    QCOMPARE(preview.kind(), kind);
}

void TestArtifacts::delimitedRows_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<char>("delimiter");
    QTest::addColumn<int>("maxRows");
    QTest::addColumn<QList<QStringList>>("rows");
    QTest::addColumn<bool>("truncated");

    using Rows = QList<QStringList>;
    QTest::newRow("plain") << QByteArray("a,b\n1,2\n") << ',' << 10
                           << Rows{{"a", "b"}, {"1", "2"}} << false;
    QTest::newRow("no final newline") << QByteArray("a,b\n1,2") << ',' << 10
                                      << Rows{{"a", "b"}, {"1", "2"}} << false;
    QTest::newRow("crlf") << QByteArray("a,b\r\n1,2\r\n") << ',' << 10
                          << Rows{{"a", "b"}, {"1", "2"}} << false;
    QTest::newRow("quoted newline") << QByteArray("a,\"line 1\nline 2\"\n") << ',' << 10
                                    << Rows{{"a", "line 1\nline 2"}} << false;
    QTest::newRow("doubled quote") << QByteArray("\"say \"\"hi\"\"\",x\n") << ',' << 10
                                   << Rows{{"say \"hi\"", "x"}} << false;
    QTest::newRow("empty fields") << QByteArray(",,\n") << ',' << 10 << Rows{{"", "", ""}} << false;
    QTest::newRow("tabs") << QByteArray("a\tb,c\n") << '\t' << 10 << Rows{{"a", "b,c"}} << false;
    QTest::newRow("row limit") << QByteArray("1\n2\n3\n") << ',' << 2 << Rows{{"1"}, {"2"}} << true;
}

void TestArtifacts::delimitedRows()
{
    QFETCH(QByteArray, data);
    QFETCH(char, delimiter);
    QFETCH(int, maxRows);
    QFETCH(QList<QStringList>, rows);
    QFETCH(bool, truncated);

    QBuffer buffer(&data);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    const DelimitedRows parsed = readDelimitedRows(&buffer, delimiter, maxRows);
    QCOMPARE(parsed.rows, rows);
    QCOMPARE(parsed.truncated, truncated);
}

void TestArtifacts::lineDiff_data()
{
    QTest::addColumn<QStringList>("before");
    QTest::addColumn<QStringList>("after");
    QTest::addColumn<QString>("unified");

    QTest::newRow("identical") << QStringList{"a", "b"} << QStringList{"a", "b"} << QString();
    QTest::newRow("insert") << QStringList{"a", "c"} << QStringList{"a", "b", "c"}
                            << QStringLiteral("  a\n+ b\n  c\n");
    QTest::newRow("delete last") << QStringList{"a", "b"} << QStringList{"a"}
                                 << QStringLiteral("  a\n- b\n");
    QTest::newRow("moved line") << QStringList{"x", "a", "b"} << QStringList{"a", "b", "x"}
                                << QStringLiteral("- x\n  a\n  b\n+ x\n");
    QTest::newRow("from empty") << QStringList{} << QStringList{"a"} << QStringLiteral("+ a\n");
}

void TestArtifacts::lineDiff()
{
    QFETCH(QStringList, before);
    QFETCH(QStringList, after);
    QFETCH(QString, unified);

    const TextDiff diff = diffLines(before, after);
    QCOMPARE(diff.outcome, unified.isEmpty() ? TextDiff::Outcome::Identical
                                             : TextDiff::Outcome::Different);
    QCOMPARE(unifiedText(diff), unified);
}

void TestArtifacts::lineDiffTooLarge()
{
    // Two texts with no line in common need a table of 5,001 × 5,001 cells.
    QStringList before;
    QStringList after;
    for (int i = 0; i < 5000; ++i) {
        before.append(QStringLiteral("before %1").arg(i));
        after.append(QStringLiteral("after %1").arg(i));
    }
    QVERIFY(qint64(5001) * 5001 > kMaxDiffCells);
    const TextDiff diff = diffLines(before, after);
    QCOMPARE(diff.outcome, TextDiff::Outcome::TooLarge);
    QVERIFY(diff.lines.isEmpty());
}

void TestArtifacts::compareShowsChangedLine()
{
    ArtifactsPanel panel;
    panel.setStore(m_project.storePath(), QStringLiteral("test"));
    QVERIFY(panel.selectFile(2, QStringLiteral("text"), QStringLiteral("notes.txt")));
    QCOMPARE(panel.compareCandidates(), QList<qint64>{1});

    const TextDiff diff = panel.compareSelectedWith(1);
    QCOMPARE(diff.outcome, TextDiff::Outcome::Different);
    QCOMPARE(unifiedText(diff), QStringLiteral("  first line\n"
                                               "- second hello\n"
                                               "+ second world\n"
                                               "  third line\n"));
}

void TestArtifacts::compareCachedFileIsIdentical()
{
    ArtifactsPanel panel;
    panel.setStore(m_project.storePath(), QStringLiteral("test"));
    QVERIFY(panel.selectFile(2, QStringLiteral("csv"), QStringLiteral("table.csv")));

    const TextDiff diff = panel.compareSelectedWith(1);
    QCOMPARE(diff.outcome, TextDiff::Outcome::Identical);
    QVERIFY(diff.lines.isEmpty());

    const TextDiff missing = panel.compareSelectedWith(99);
    QCOMPARE(missing.outcome, TextDiff::Outcome::Unreadable);
    QVERIFY2(missing.error.contains(QStringLiteral("table.csv")), qPrintable(missing.error));
}

void TestArtifacts::saveCopyIsWritable()
{
    ArtifactsPanel panel;
    panel.setStore(m_project.storePath(), QStringLiteral("test"));
    QVERIFY(panel.selectFile(1, QStringLiteral("log"), QStringLiteral("run.log")));

    QTemporaryDir dir;
    const QString dest = dir.filePath(QStringLiteral("copy.log"));
    QVERIFY(writeFile(dest, "older content"));
    QString error;
    QVERIFY2(panel.saveSelectedTo(dest, &error), qPrintable(error));
    QCOMPARE(readFile(dest), QByteArray("log start\nlog end\n"));
    QVERIFY(QFileInfo(dest).isWritable());
}

void TestArtifacts::exportKeepsContent()
{
    ArtifactsPanel panel;
    panel.setStore(m_project.storePath(), QStringLiteral("test"));
    QVERIFY(panel.selectFile(2, QStringLiteral("text"), QStringLiteral("notes.txt")));

    QString error;
    const QString exported = panel.exportSelected(&error);
    QVERIFY2(!exported.isEmpty(), qPrintable(error));
    QCOMPARE(QFileInfo(exported).fileName(), QStringLiteral("notes.txt"));
    QVERIFY(exported.contains(panel.selectedFile().digest.left(32)));
    QCOMPARE(readFile(exported), QByteArray("first line\nsecond world\nthird line\n"));
    // A second export of the same object reuses the copy.
    QCOMPARE(panel.exportSelected(&error), exported);
}

// The rows of a step run: its files, then its logs in italics.
void TestArtifacts::logRowsFollowFiles()
{
    ArtifactsPanel panel;
    panel.setStore(m_project.storePath(), QStringLiteral("test"));
    QVERIFY(panel.selectFile(1, QStringLiteral("text"), QStringLiteral("notes.txt")));
    const QTreeWidgetItem* step = panel.tree()->currentItem()->parent();
    QVERIFY(step);

    QStringList names;
    QList<bool> italic;
    for (int i = 0; i < step->childCount(); ++i) {
        names.append(step->child(i)->text(0));
        italic.append(step->child(i)->font(0).italic());
    }
    QCOMPARE(names, (QStringList{QStringLiteral("notes.txt"), QStringLiteral("stdout.log"),
                                 QStringLiteral("stderr.log")}));
    QCOMPARE(italic, (QList<bool>{false, true, true}));
}

void TestArtifacts::logPreview_data()
{
    QTest::addColumn<QString>("stepId");
    QTest::addColumn<OutputStream>("stream");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("content");

    QTest::newRow("stdout") << "chatty" << OutputStream::Stdout << "stdout.log" << "to stdout\n";
    QTest::newRow("stderr") << "chatty" << OutputStream::Stderr << "stderr.log" << "to stderr\n";
    QTest::newRow("empty stderr") << "text" << OutputStream::Stderr << "stderr.log" << "";
}

void TestArtifacts::logPreview()
{
    QFETCH(QString, stepId);
    QFETCH(OutputStream, stream);
    QFETCH(QString, name);
    QFETCH(QString, content);

    ArtifactsPanel panel;
    panel.setStore(m_project.storePath(), QStringLiteral("test"));
    QVERIFY(panel.selectLog(1, stepId, stream));

    const ArtifactsPanel::FileRef file = panel.selectedFile();
    QVERIFY(file.isValid());
    QVERIFY(file.isLog());
    QCOMPARE(file.run, 1);
    QCOMPARE(file.stepId, stepId);
    QCOMPARE(file.path, name);
    QCOMPARE(file.attempt, 1);
    QVERIFY(file.digest.isEmpty());
    QCOMPARE(QFileInfo(file.logPath).fileName(), name);
    QCOMPARE(panel.preview()->kind(), ArtifactPreview::Kind::Text);
    QCOMPARE(panel.preview()->textPager()->text(), content);
}

void TestArtifacts::cachedStepHasNoLog()
{
    // The second run reused every step but "text", so only that step has logs in it.
    ArtifactsPanel panel;
    panel.setStore(m_project.storePath(), QStringLiteral("test"));
    QVERIFY(!panel.selectLog(2, QStringLiteral("chatty"), OutputStream::Stdout));
    QVERIFY(!panel.selectArtifact(2, QStringLiteral("chatty")));
    QVERIFY(panel.selectLog(2, QStringLiteral("text"), OutputStream::Stdout));
    QCOMPARE(panel.preview()->textPager()->text(), QStringLiteral("greeting world\n"));
    QVERIFY(!panel.selectLog(1, QStringLiteral("chatty"), OutputStream::Stdout, 2));
}

void TestArtifacts::largeLogLoadsOnePage()
{
    constexpr qint64 kGiB = qint64(1) << 30;
    Project project;
    QVERIFY(project.isValid());
    QVERIFY(project.writeFlow(makeFlow(
        Json::array({shellStep(QStringLiteral("loud"), QStringLiteral("echo 'first line of a large log'"))}),
        Json::array())));
    const CliResult result = project.cli(QStringLiteral("run"));
    QVERIFY2(result.exitCode == 0, result.err.constData());

    ArtifactsPanel panel;
    panel.setStore(project.storePath(), QStringLiteral("test"));
    QVERIFY(panel.selectLog(1, QStringLiteral("loud"), OutputStream::Stdout));
    // The log past its first line becomes a hole that reads as zeros and takes no disk space.
    QFile log(panel.selectedFile().logPath);
    QVERIFY(log.resize(kGiB));
    panel.refresh();

    QCOMPARE(panel.selectedFile().path, QStringLiteral("stdout.log"));
    QCOMPARE(panel.preview()->kind(), ArtifactPreview::Kind::Text);
    QCOMPARE(panel.preview()->loadedBytes(), TextPager::kPageBytes);
    QCOMPARE(panel.preview()->textPager()->pageCount(), kGiB / TextPager::kPageBytes);
    QCOMPARE(panel.preview()->textPager()->text().section(QLatin1Char('\n'), 0, 0),
             QStringLiteral("first line of a large log"));
    QCOMPARE(panel.tree()->currentItem()->text(1), QLocale().formattedDataSize(kGiB));
}

void TestArtifacts::compareLogWithRun()
{
    ArtifactsPanel panel;
    panel.setStore(m_project.storePath(), QStringLiteral("test"));
    QVERIFY(panel.selectLog(2, QStringLiteral("text"), OutputStream::Stdout));
    QCOMPARE(panel.compareCandidates(), QList<qint64>{1});

    const TextDiff diff = panel.compareSelectedWith(1);
    QCOMPARE(diff.outcome, TextDiff::Outcome::Different);
    QCOMPARE(unifiedText(diff), QStringLiteral("- greeting hello\n+ greeting world\n"));

    // Step chatty executed only in run 1.
    QVERIFY(panel.selectLog(1, QStringLiteral("chatty"), OutputStream::Stdout));
    QVERIFY(panel.compareCandidates().isEmpty());
    QCOMPARE(panel.compareSelectedWith(2).outcome, TextDiff::Outcome::Unreadable);
}

void TestArtifacts::saveLogCopy()
{
    ArtifactsPanel panel;
    panel.setStore(m_project.storePath(), QStringLiteral("test"));
    QVERIFY(panel.selectLog(1, QStringLiteral("chatty"), OutputStream::Stderr));

    QTemporaryDir dir;
    const QString dest = dir.filePath(QStringLiteral("chatty.err"));
    QString error;
    QVERIFY2(panel.saveSelectedTo(dest, &error), qPrintable(error));
    QCOMPARE(readFile(dest), QByteArray("to stderr\n"));
    QVERIFY(QFileInfo(dest).isWritable());
    QCOMPARE(panel.exportSelected(&error), panel.selectedFile().logPath);
}

void TestArtifacts::stepIdsOfRun()
{
    ArtifactsPanel panel;
    panel.setStore(m_project.storePath(), QStringLiteral("test"));
    QStringList ids = panel.stepIds(1);
    ids.sort();
    QCOMPARE(ids, (QStringList{"binary", "chatty", "csv", "json", "log", "picture", "svg", "text"}));
    QVERIFY(panel.stepIds(99).isEmpty());
}

void TestArtifacts::jsonNumbersAsWritten_data()
{
    QTest::addColumn<QByteArray>("number");

    QTest::newRow("decimal") << QByteArray("0.7068");
    QTest::newRow("trailing zero") << QByteArray("1.50");
    QTest::newRow("exponent") << QByteArray("1e-7");
    QTest::newRow("negative") << QByteArray("-42");
    QTest::newRow("2^53 + 1") << QByteArray("9007199254740993");
    QTest::newRow("max uint64") << QByteArray("18446744073709551615");
    QTest::newRow("beyond 64 bits") << QByteArray("123456789012345678901234567890");
}

void TestArtifacts::jsonNumbersAsWritten()
{
    QFETCH(QByteArray, number);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("metrics.json"));
    QVERIFY(writeFile(path, "{\"value\": " + number + ", \"list\": [" + number + "]}\n"));
    JsonPreview preview;
    QString error;
    QVERIFY2(preview.openFile(path, &error), qPrintable(error));

    const QTreeWidgetItem* root = preview.tree()->topLevelItem(0);
    QVERIFY(root);
    QCOMPARE(root->childCount(), 2);
    QCOMPARE(root->child(0)->text(0), QStringLiteral("value"));
    QCOMPARE(root->child(0)->text(1), QString::fromLatin1(number));
    QCOMPARE(root->child(1)->child(0)->text(0), QStringLiteral("[0]"));
    QCOMPARE(root->child(1)->child(0)->text(1), QString::fromLatin1(number));
}

void TestArtifacts::jsonParseErrorNamesOffset()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("broken.json"));
    QVERIFY(writeFile(path, "{\"a\": 1,, \"b\": 2}"));
    JsonPreview preview;
    QString error;
    QVERIFY(!preview.openFile(path, &error));
    QVERIFY2(error.contains(path), qPrintable(error));
    // The second comma is the 9th byte.
    QVERIFY2(error.contains(QStringLiteral("at byte 9")), qPrintable(error));
    QVERIFY2(!error.contains(QStringLiteral("json.exception")), qPrintable(error));
    QCOMPARE(preview.tree()->topLevelItemCount(), 0);
}

QTEST_MAIN(TestArtifacts)
#include "tst_artifacts.moc"
