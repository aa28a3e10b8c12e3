#include "hashing.h"
#include "testsupport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>
#include <sys/types.h>

using namespace cairn;

namespace {

bool setExecutable(const QString& path, bool executable)
{
    QFile file(path);
    QFileDevice::Permissions permissions = file.permissions();
    permissions.setFlag(QFileDevice::ExeOwner, executable);
    return file.setPermissions(permissions);
}

QByteArray patternData(qint64 size)
{
    QByteArray data(size, Qt::Uninitialized);
    for (qint64 i = 0; i < size; ++i)
        data[i] = char((i * 131 + i / 7) & 0xff);
    return data;
}

}  // namespace

class TestHashing : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sha256KnownVectors_data();
    void sha256KnownVectors();
    void sha256IncrementalMatchesOneShot();
    void hashFileMatchesContent_data();
    void hashFileMatchesContent();
    void hashFileMissingNamesPath();
    void hashFileRejectsFolder();
    void manifestSortedByBytePath();
    void manifestRecordsSizeAndExecutable();
    void manifestDigestFormat();
    void manifestOfEmptyFolder();
    void manifestDigestChanges_data();
    void manifestDigestChanges();
    void manifestRejectsSymlink();
    void manifestRejectsFifo();
    void hashInputPathFileAndFolder();
    void hashInputPathMissing();
};

void TestHashing::sha256KnownVectors_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("expected");

    // FIPS 180-2 examples.
    QTest::newRow("empty") << QByteArray()
        << "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    QTest::newRow("abc") << QByteArray("abc")
        << "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    QTest::newRow("two blocks")
        << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
        << "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1";
}

void TestHashing::sha256KnownVectors()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, expected);
    QCOMPARE(sha256Hex(input), expected);
}

void TestHashing::sha256IncrementalMatchesOneShot()
{
    const QByteArray data = patternData(100000);
    Sha256 hash;
    for (qsizetype offset = 0; offset < data.size(); offset += 997)
        hash.update(data.constData() + offset, size_t(qMin<qsizetype>(997, data.size() - offset)));
    QCOMPARE(hash.finalHex(), sha256Hex(data));
}

void TestHashing::hashFileMatchesContent_data()
{
    QTest::addColumn<qint64>("size");
    QTest::newRow("empty") << qint64(0);
    QTest::newRow("small") << qint64(3);
    QTest::newRow("one read block") << qint64(1 << 20);
    QTest::newRow("block plus one") << qint64((1 << 20) + 1);
    QTest::newRow("several blocks") << qint64(3 * (1 << 20) + 12345);
}

void TestHashing::hashFileMatchesContent()
{
    QFETCH(qint64, size);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("data.bin"));
    const QByteArray data = patternData(size);
    QVERIFY(test::writeFile(path, data));

    QString digest;
    qint64 hashedSize = -1;
    QString error;
    QVERIFY2(hashFile(path, &digest, &hashedSize, &error), qPrintable(error));
    QCOMPARE(digest, sha256Hex(data));
    QCOMPARE(hashedSize, size);
}

void TestHashing::hashFileMissingNamesPath()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("absent.txt"));
    QString digest;
    QString error;
    QVERIFY(!hashFile(path, &digest, nullptr, &error));
    QVERIFY2(error.contains(path), qPrintable(error));
}

void TestHashing::hashFileRejectsFolder()
{
    QTemporaryDir dir;
    QString digest;
    QString error;
    QVERIFY(!hashFile(dir.path(), &digest, nullptr, &error));
    QVERIFY2(error.contains(dir.path()), qPrintable(error));
}

void TestHashing::manifestSortedByBytePath()
{
    QTemporaryDir dir;
    // '-' (0x2d) sorts before '/' (0x2f), and upper case before lower case.
    for (const char* name : {"b", "a/z", "a-b", "A", ".hidden", "a/b/c", "a0"})
        QVERIFY(test::writeFile(dir.filePath(QString::fromLatin1(name)), name));

    Manifest manifest;
    QString error;
    QVERIFY2(buildManifest(dir.path(), &manifest, &error), qPrintable(error));
    QStringList paths;
    for (const ManifestEntry& entry : manifest)
        paths.append(entry.path);
    const QStringList expected = {QStringLiteral(".hidden"), QStringLiteral("A"),
                                  QStringLiteral("a-b"), QStringLiteral("a/b/c"),
                                  QStringLiteral("a/z"), QStringLiteral("a0"),
                                  QStringLiteral("b")};
    QCOMPARE(paths, expected);
}

void TestHashing::manifestRecordsSizeAndExecutable()
{
    QTemporaryDir dir;
    QVERIFY(test::writeFile(dir.filePath(QStringLiteral("run.sh")), "#!/bin/sh\n"));
    QVERIFY(test::writeFile(dir.filePath(QStringLiteral("data.txt")), "12345"));
    QVERIFY(setExecutable(dir.filePath(QStringLiteral("run.sh")), true));

    Manifest manifest;
    QString error;
    QVERIFY2(buildManifest(dir.path(), &manifest, &error), qPrintable(error));
    QCOMPARE(manifest.size(), 2);
    QCOMPARE(manifest.at(0).path, QStringLiteral("data.txt"));
    QCOMPARE(manifest.at(0).size, 5);
    QCOMPARE(manifest.at(0).executable, false);
    QCOMPARE(manifest.at(0).digest, sha256Hex("12345"));
    QCOMPARE(manifest.at(1).path, QStringLiteral("run.sh"));
    QCOMPARE(manifest.at(1).size, 10);
    QCOMPARE(manifest.at(1).executable, true);
}

void TestHashing::manifestDigestFormat()
{
    Manifest manifest;
    manifest.append({QStringLiteral("a.txt"), 3, false, sha256Hex("abc")});
    manifest.append({QStringLiteral("bin/tool"), 0, true, sha256Hex("")});
    const QByteArray lines = sha256Hex("abc").toLatin1() + " 3 - a.txt\n"
        + sha256Hex("").toLatin1() + " 0 x bin/tool\n";
    QCOMPARE(manifestDigest(manifest), sha256Hex(lines));
}

void TestHashing::manifestOfEmptyFolder()
{
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("empty/inner")));
    Manifest manifest;
    QString error;
    QVERIFY2(buildManifest(dir.path(), &manifest, &error), qPrintable(error));
    QVERIFY(manifest.isEmpty());
    QCOMPARE(manifestDigest(manifest), sha256Hex(QByteArray()));
}

void TestHashing::manifestDigestChanges_data()
{
    QTest::addColumn<QString>("change");
    QTest::newRow("one byte") << QStringLiteral("byte");
    QTest::newRow("executable bit") << QStringLiteral("executable");
    QTest::newRow("renamed file") << QStringLiteral("rename");
    QTest::newRow("added empty file") << QStringLiteral("add");
}

void TestHashing::manifestDigestChanges()
{
    QFETCH(QString, change);
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("sub/data.csv"));
    QVERIFY(test::writeFile(data, "a,b\n1,2\n"));
    QVERIFY(test::writeFile(dir.filePath(QStringLiteral("notes.txt")), "notes"));

    Manifest manifest;
    QString error;
    QVERIFY2(buildManifest(dir.path(), &manifest, &error), qPrintable(error));
    const QString before = manifestDigest(manifest);

    if (change == QLatin1String("byte"))
        QVERIFY(test::writeFile(data, "a,b\n1,3\n"));
    else if (change == QLatin1String("executable"))
        QVERIFY(setExecutable(data, true));
    else if (change == QLatin1String("rename"))
        QVERIFY(QFile::rename(data, dir.filePath(QStringLiteral("sub/data2.csv"))));
    else
        QVERIFY(test::writeFile(dir.filePath(QStringLiteral("empty")), QByteArray()));

    QVERIFY2(buildManifest(dir.path(), &manifest, &error), qPrintable(error));
    QVERIFY(manifestDigest(manifest) != before);
}

void TestHashing::manifestRejectsSymlink()
{
    QTemporaryDir dir;
    QVERIFY(test::writeFile(dir.filePath(QStringLiteral("target.txt")), "x"));
    const QString link = dir.filePath(QStringLiteral("sub/link.txt"));
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("sub")));
    QVERIFY(QFile::link(dir.filePath(QStringLiteral("target.txt")), link));

    Manifest manifest;
    QString error;
    QVERIFY(!buildManifest(dir.path(), &manifest, &error));
    QVERIFY2(error.contains(QStringLiteral("link.txt")), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("symbolic link")), qPrintable(error));
}

void TestHashing::manifestRejectsFifo()
{
    QTemporaryDir dir;
    const QString fifo = dir.filePath(QStringLiteral("pipe"));
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);

    Manifest manifest;
    QString error;
    QVERIFY(!buildManifest(dir.path(), &manifest, &error));
    QVERIFY2(error.contains(fifo), qPrintable(error));
}

void TestHashing::hashInputPathFileAndFolder()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("inputs/train.py"));
    QVERIFY(test::writeFile(file, "print('train')\n"));
    QVERIFY(test::writeFile(dir.filePath(QStringLiteral("inputs/data/x.csv")), "1\n"));

    QString digest;
    QString error;
    QVERIFY2(hashInputPath(file, &digest, &error), qPrintable(error));
    QCOMPARE(digest, sha256Hex("print('train')\n"));

    const QString folder = dir.filePath(QStringLiteral("inputs"));
    Manifest manifest;
    QVERIFY2(buildManifest(folder, &manifest, &error), qPrintable(error));
    QCOMPARE(manifest.size(), 2);
    QVERIFY2(hashInputPath(folder, &digest, &error), qPrintable(error));
    QCOMPARE(digest, manifestDigest(manifest));
}

void TestHashing::hashInputPathMissing()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("data/missing.csv"));
    QString digest;
    QString error;
    QVERIFY(!hashInputPath(path, &digest, &error));
    QVERIFY2(error.contains(path), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("not found")), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestHashing)
#include "tst_hashing.moc"
