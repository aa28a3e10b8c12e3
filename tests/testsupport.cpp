#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QMap>

namespace cairn::test {

bool writeFile(const QString& path, const QByteArray& data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(data) == data.size();
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QString cliPath()
{
    return QStringLiteral(CAIRN_CLI_PATH);
}

CliResult runCli(const QStringList& args, int timeoutMs, const QStringList& extraEnv)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("CAIRN_STORE"));
    for (const QString& entry : extraEnv) {
        const qsizetype eq = entry.indexOf(QLatin1Char('='));
        env.insert(entry.left(eq), entry.mid(eq + 1));
    }
    process.setProcessEnvironment(env);
    process.start(cliPath(), args);

    CliResult result;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        result.err = "cairn-cli did not finish in time";
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

int lineCount(const QString& path)
{
    const QByteArray data = readFile(path);
    return int(data.count('\n'));
}

Json countingStep(const QString& id, const QString& extra)
{
    const QString command = QStringLiteral(
        "echo run >> \"$COUNTERS/%1\"\n"
        "{ cat \"$CAIRN_INPUT_DIR\"/*/*.txt 2>/dev/null; echo %1 %2; } > \"$CAIRN_OUTPUT_DIR/%1.txt\"")
        .arg(id, extra);
    return Json{{"id", id.toStdString()}, {"kind", "shell"}, {"command", command.toStdString()}};
}

Project::Project()
{
    QDir().mkpath(countersPath());
}

bool Project::writeFlow(const Json& flow) const
{
    return writeFile(flowPath(), QByteArray::fromStdString(flow.dump(2)));
}

int Project::executions(const QString& id) const
{
    return lineCount(QDir(countersPath()).filePath(id));
}

CliResult Project::cli(const QString& verb, const QStringList& args) const
{
    QStringList all = {verb, flowPath(), QStringLiteral("--store"), storePath()};
    all += args;
    return runCli(all, 120000, {QStringLiteral("COUNTERS=") + countersPath()});
}

Json makeFlow(const Json& steps, const Json& edges, const Json& parameters)
{
    Json edgeList = Json::array();
    for (const Json& edge : edges)
        edgeList.push_back({{"from", edge[0]}, {"to", edge[1]}});
    return Json{{"format", "cairn.flow"}, {"version", 1}, {"name", "test"},
                {"parameters", parameters}, {"steps", steps}, {"edges", edgeList}};
}

Json diamondFlow()
{
    return makeFlow(Json::array({countingStep(QStringLiteral("a")), countingStep(QStringLiteral("b")),
                                 countingStep(QStringLiteral("c")), countingStep(QStringLiteral("d"))}),
                    Json::array({{"a", "b"}, {"a", "c"}, {"b", "d"}, {"c", "d"}}));
}

Json stepOf(const Json& run, const QString& id)
{
    if (!run.is_object() || !run.contains("steps"))
        return Json();
    for (const Json& step : run["steps"]) {
        if (step.value("id", std::string()) == id.toStdString())
            return step;
    }
    return Json();
}

QMap<QString, QString> statuses(const Json& run)
{
    QMap<QString, QString> result;
    if (!run.is_object() || !run.contains("steps"))
        return result;
    for (const Json& step : run["steps"]) {
        const std::string field = step.contains("status") ? "status" : "action";
        result.insert(QString::fromStdString(step.value("id", std::string())),
                      QString::fromStdString(step.value(field, std::string())));
    }
    return result;
}

}  // namespace cairn::test
