// cairn-hashbench: measures the throughput of cairn::hashFile on one file and compares it
// with `openssl dgst -sha256` on the same file. It exits non-zero only for invalid
// arguments or when the file cannot be read or openssl cannot run. A low figure or
// differing digests are printed, not turned into an exit status.

#include "hashing.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTextStream>

#include <algorithm>

namespace {

// cairn's hashing is expected to reach at least this fraction of openssl's throughput.
constexpr double kTargetRatio = 0.8;

constexpr double kBytesPerMiB = 1024.0 * 1024.0;

// Width of the program column, so the figures of both programs line up.
constexpr int kLabelWidth = 20;

QString tr(const char* text)
{
    return QCoreApplication::translate("hashbench", text);
}

QTextStream& out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream& err()
{
    static QTextStream stream(stderr);
    return stream;
}

struct Options {
    QString filePath;
    int repeat = 3;
};

// One timed pass over the file.
struct Measurement {
    qint64 bytes = 0;
    double seconds = 0;

    double mibPerSecond() const { return seconds > 0 ? bytes / kBytesPerMiB / seconds : 0; }
};

// Best throughput of a series of passes and the digest of its last pass.
struct Series {
    double bestMibPerSecond = 0;
    QString digest;
};

bool parseArguments(const QCoreApplication& app, Options* options, QString* error)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Measures SHA-256 throughput of cairn's hashFile on FILE and compares it with "
           "`openssl dgst -sha256 FILE`. The file is read once first, so both read it from "
           "the page cache."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("FILE"), tr("File to hash."));
    parser.addOption({QStringLiteral("repeat"),
                      tr("Number of timed passes for each program (default: 3)."),
                      tr("N"), QStringLiteral("3")});
    parser.process(app);

    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        *error = tr("expected exactly one FILE argument; usage: cairn-hashbench FILE "
                    "[--repeat N]");
        return false;
    }
    options->filePath = positional.first();

    bool ok = false;
    options->repeat = parser.value(QStringLiteral("repeat")).toInt(&ok);
    if (!ok || options->repeat < 1) {
        *error = tr("--repeat expects a whole number of at least 1, not \"%1\"")
                     .arg(parser.value(QStringLiteral("repeat")));
        return false;
    }
    return true;
}

// Reads the whole file once and discards the bytes, so the timed passes read it from the
// page cache and measure hashing, not the disk. This holds only while the file fits in
// free memory.
bool warmPageCache(const QString& filePath, qint64* bytes, QString* error)
{
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("cannot read %1: %2").arg(filePath, file.errorString());
        return false;
    }
    QByteArray buffer(1 << 20, Qt::Uninitialized);
    qint64 total = 0;
    for (;;) {
        const qint64 count = file.read(buffer.data(), buffer.size());
        if (count < 0) {
            *error = tr("cannot read %1: %2").arg(filePath, file.errorString());
            return false;
        }
        if (count == 0)
            break;
        total += count;
    }
    *bytes = total;
    return true;
}

void printPass(const QString& label, int pass, const Measurement& measurement)
{
    out() << QStringLiteral("%1 pass %2: %3 bytes  %4 s  %5 MiB/s")
                 .arg(label, -kLabelWidth)
                 .arg(pass)
                 .arg(measurement.bytes)
                 .arg(measurement.seconds, 0, 'f', 3)
                 .arg(measurement.mibPerSecond(), 0, 'f', 1)
          << Qt::endl;
}

bool measureCairn(const Options& options, Series* series, QString* error)
{
    const QString label = QStringLiteral("cairn hashFile");
    for (int pass = 1; pass <= options.repeat; ++pass) {
        QElapsedTimer timer;
        timer.start();
        Measurement measurement;
        QString digest;
        if (!cairn::hashFile(options.filePath, &digest, &measurement.bytes, error))
            return false;
        measurement.seconds = timer.nsecsElapsed() / 1e9;

        printPass(label, pass, measurement);
        series->bestMibPerSecond = std::max(series->bestMibPerSecond, measurement.mibPerSecond());
        series->digest = digest;
    }
    out() << QStringLiteral("%1 best: %2 MiB/s")
                 .arg(label, -kLabelWidth)
                 .arg(series->bestMibPerSecond, 0, 'f', 1)
          << Qt::endl;
    return true;
}

// Runs `openssl dgst -sha256 FILE` once and returns the hex digest it printed. The caller's
// time includes starting the process: 4 to 7 ms for a tiny file on the machine recorded in
// docs/benchmarks.md, against about a second of hashing for a file of a gibibyte.
bool runOpensslOnce(const QString& program, const QString& filePath, QString* digest,
                    QString* error)
{
    QProcess process;
    process.start(program, {QStringLiteral("dgst"), QStringLiteral("-sha256"), filePath});
    if (!process.waitForFinished(-1) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0) {
        *error = tr("`%1 dgst -sha256 %2` failed: %3 %4")
                     .arg(program, filePath, process.errorString(),
                          QString::fromLocal8Bit(process.readAllStandardError()).trimmed());
        return false;
    }

    // OpenSSL 3.0 prints "SHA2-256(FILE)= <hex>". The match relies only on the "= <hex>"
    // ending, which does not depend on how the release names the algorithm.
    const QString output = QString::fromLocal8Bit(process.readAllStandardOutput()).trimmed();
    static const QRegularExpression hexAtEnd(QStringLiteral("= ([0-9a-f]{64})$"));
    const QRegularExpressionMatch match = hexAtEnd.match(output);
    if (!match.hasMatch()) {
        *error = tr("cannot find a SHA-256 digest in the output of `%1 dgst -sha256`: %2")
                     .arg(program, output);
        return false;
    }
    *digest = match.captured(1);
    return true;
}

bool measureOpenssl(const Options& options, qint64 fileSize, Series* series, QString* error)
{
    const QString program = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (program.isEmpty()) {
        *error = tr("openssl not found in PATH; install the openssl package to compare "
                    "throughput with it");
        return false;
    }

    const QString label = QStringLiteral("openssl dgst -sha256");
    for (int pass = 1; pass <= options.repeat; ++pass) {
        QElapsedTimer timer;
        timer.start();
        QString digest;
        if (!runOpensslOnce(program, options.filePath, &digest, error))
            return false;
        const Measurement measurement{fileSize, timer.nsecsElapsed() / 1e9};

        printPass(label, pass, measurement);
        series->bestMibPerSecond = std::max(series->bestMibPerSecond, measurement.mibPerSecond());
        series->digest = digest;
    }
    out() << QStringLiteral("%1 best: %2 MiB/s")
                 .arg(label, -kLabelWidth)
                 .arg(series->bestMibPerSecond, 0, 'f', 1)
          << Qt::endl;
    return true;
}

void printComparison(const Series& cairnSeries, const Series& opensslSeries)
{
    const double ratio = opensslSeries.bestMibPerSecond > 0
        ? cairnSeries.bestMibPerSecond / opensslSeries.bestMibPerSecond
        : 0;
    out() << QStringLiteral("ratio cairn/openssl: %1 (%2%)")
                 .arg(ratio, 0, 'f', 3)
                 .arg(ratio * 100, 0, 'f', 1)
          << Qt::endl;
    out() << QStringLiteral("target, at least %1% of openssl: %2")
                 .arg(kTargetRatio * 100, 0, 'f', 0)
                 .arg(ratio >= kTargetRatio ? QStringLiteral("met") : QStringLiteral("not met"))
          << Qt::endl;

    if (cairnSeries.digest == opensslSeries.digest) {
        out() << QStringLiteral("digests equal: %1").arg(cairnSeries.digest) << Qt::endl;
    } else {
        out() << tr("WARNING: the digests differ: cairn %1, openssl %2")
                     .arg(cairnSeries.digest, opensslSeries.digest)
              << Qt::endl;
    }
}

}  // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("cairn-hashbench"));

    Options options;
    QString error;
    if (!parseArguments(app, &options, &error)) {
        err() << error << Qt::endl;
        return 2;
    }

    qint64 fileSize = 0;
    if (!warmPageCache(options.filePath, &fileSize, &error)) {
        err() << error << Qt::endl;
        return 1;
    }
    out() << QStringLiteral("file: %1 (%2 bytes, %3 MiB), %4 passes each")
                 .arg(QFileInfo(options.filePath).absoluteFilePath())
                 .arg(fileSize)
                 .arg(fileSize / kBytesPerMiB, 0, 'f', 1)
                 .arg(options.repeat)
          << Qt::endl;

    Series cairnSeries;
    if (!measureCairn(options, &cairnSeries, &error)) {
        err() << error << Qt::endl;
        return 1;
    }
    Series opensslSeries;
    if (!measureOpenssl(options, fileSize, &opensslSeries, &error)) {
        err() << error << Qt::endl;
        return 1;
    }
    printComparison(cairnSeries, opensslSeries);
    return 0;
}
