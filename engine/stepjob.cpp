#include "stepjob.h"

#include "cachekey.h"
#include "hashing.h"
#include "logging.h"
#include "stepinputs.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcessEnvironment>

namespace cairn {

namespace {

// A message of this file's translation context. Mark source with
// QT_TRANSLATE_NOOP("StepJob", …) so that lupdate extracts it.
Message message(const char* source)
{
    return Message("StepJob", source);
}

// A stable seed per flow and step, so reruns draw the same random numbers.
qint64 stepSeed(const QString& flowName, const QString& stepId)
{
    const QString digest = sha256Hex((flowName + QLatin1Char('/') + stepId).toUtf8());
    return digest.left(8).toLongLong(nullptr, 16) & 0x7fffffff;
}

QStringList stepEnvironment(const StepJobInput& input, const Step& step, int attempt,
                            const QString& outputDir, const QString& inputDir)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CAIRN_OUTPUT_DIR"), outputDir);
    env.insert(QStringLiteral("CAIRN_INPUT_DIR"), inputDir);
    env.insert(QStringLiteral("CAIRN_RUN_ID"), QString::number(input.run));
    env.insert(QStringLiteral("CAIRN_STEP_ID"), step.id);
    env.insert(QStringLiteral("CAIRN_ATTEMPT"), QString::number(attempt));
    env.insert(QStringLiteral("CAIRN_SEED"), QString::number(stepSeed(input.flow->name, step.id)));
    env.insert(QStringLiteral("CAIRN_FLOW_DIR"), input.flow->directory());
    env.insert(QStringLiteral("PYTHONUNBUFFERED"), QStringLiteral("1"));
    for (const QString& name : paramsUsedBy(step))
        env.insert(paramEnvironmentName(name), paramValueText(input.params.value(name)));

    const QString helper = pythonHelperDirectory();
    const QString pythonPath = env.value(QStringLiteral("PYTHONPATH"));
    env.insert(QStringLiteral("PYTHONPATH"),
               pythonPath.isEmpty() ? helper : helper + QLatin1Char(':') + pythonPath);

    for (const auto& [name, value] : step.env)
        env.insert(name, value);
    return env.toStringList();
}

// Fills the program and arguments for the step's kind. Python scripts are written to a
// file in scratch, so tracebacks name a real file.
bool commandLine(const StepJobInput& input, const Step& step, const QString& scratch,
                 ProcessSpec* spec, Message* error)
{
    const bool quote = step.kind == StepKind::Shell;
    switch (step.kind) {
    case StepKind::Shell:
        spec->program = QStringLiteral("/bin/sh");
        spec->arguments = {QStringLiteral("-c"), substituteParams(step.command, input.params, quote)};
        return true;
    case StepKind::Python: {
        const QString scriptPath = scratch + QStringLiteral("/") + step.id + QStringLiteral(".py");
        QFile file(scriptPath);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
            || file.write(substituteParams(step.script, input.params, false).toUtf8()) < 0) {
            *error = message(QT_TRANSLATE_NOOP("StepJob", "cannot write the script of step %1 to %2: %3"))
                         .arg(step.id)
                         .arg(scriptPath)
                         .arg(file.errorString());
            return false;
        }
        spec->program = step.interpreter.isEmpty() ? QStringLiteral("python3") : step.interpreter;
        spec->arguments = {scriptPath};
        return true;
    }
    case StepKind::Script: {
        const QString path = QDir(input.flow->directory()).absoluteFilePath(step.path);
        QStringList args;
        for (const QString& arg : step.args)
            args << substituteParams(arg, input.params, false);
        if (!step.interpreter.isEmpty()) {
            spec->program = step.interpreter;
            spec->arguments = QStringList{path} + args;
            return true;
        }
        if (!QFileInfo(path).isExecutable()) {
            *error = message(QT_TRANSLATE_NOOP("StepJob",
                                               "script %1 of step %2 is not executable; run chmod "
                                               "+x on it or set the step's interpreter"))
                         .arg(step.path)
                         .arg(step.id);
            return false;
        }
        spec->program = path;
        spec->arguments = args;
        return true;
    }
    }
    return false;
}

class JobSink : public OutputSink {
public:
    JobSink(StepJobListener* listener, const QString& stepId, int attempt)
        : m_listener(listener), m_stepId(stepId), m_attempt(attempt) {}
    void output(OutputStream stream, const QByteArray& data) override
    {
        if (m_listener)
            m_listener->jobOutput(m_stepId, m_attempt, stream, data);
    }

private:
    StepJobListener* m_listener;
    QString m_stepId;
    int m_attempt;
};

}  // namespace

QString artifactsDigest(const QList<ArtifactRecord>& artifacts)
{
    Manifest manifest;
    for (const ArtifactRecord& artifact : artifacts) {
        const QString path = artifact.kind == QLatin1String("project")
            ? QStringLiteral("@project/") + artifact.path : artifact.path;
        manifest.append({path, artifact.size, artifact.executable, artifact.digest});
    }
    std::sort(manifest.begin(), manifest.end(),
              [](const ManifestEntry& a, const ManifestEntry& b) { return a.path < b.path; });
    return manifestDigest(manifest);
}

namespace {

QString findPythonHelperDirectory()
{
    const QString configured = qEnvironmentVariable("CAIRN_PYTHON_DIR");
    if (!configured.isEmpty())
        return configured;
    const QString besideBinary = QCoreApplication::applicationDirPath()
        + QStringLiteral("/../share/cairn/python");
    for (const QString& dir : {besideBinary, QStringLiteral(CAIRN_INSTALLED_PYTHON_DIR)}) {
        if (QFileInfo::exists(dir + QStringLiteral("/cairn_step.py")))
            return QDir(dir).canonicalPath();
    }
    return QStringLiteral(CAIRN_SOURCE_PYTHON_DIR);
}

}  // namespace

QString pythonHelperDirectory()
{
    // Computed once: QCoreApplication::applicationDirPath() fills a cache without a lock,
    // so concurrent first calls from worker threads would race on it.
    static const QString directory = findPythonHelperDirectory();
    return directory;
}

StepJob::StepJob(StepJobInput input)
    : m_input(std::move(input))
{
    setAutoDelete(true);
}

void StepJob::run()
{
    const StepJobResult result = runHere();
    if (m_input.listener)
        m_input.listener->jobFinished(result);
}

StepJobResult StepJob::runHere()
{
    switch (m_input.mode) {
    case StepJobInput::Mode::Hash: return hash();
    case StepJobInput::Mode::Execute: return execute();
    case StepJobInput::Mode::Restore: return restore();
    }
    return {};
}

StepJobResult StepJob::hash()
{
    StepJobResult result;
    result.mode = StepJobInput::Mode::Hash;
    result.stepId = m_input.stepId;
    const Step* step = m_input.flow->step(m_input.stepId);
    result.ok = computeKeyComponents(*m_input.flow, *step, m_input.params, m_input.upstreamOutputs,
                                     &result.components, &result.error);
    return result;
}

StepJobResult StepJob::restore()
{
    StepJobResult result;
    result.mode = StepJobInput::Mode::Restore;
    result.stepId = m_input.stepId;
    result.ok = true;
    const QDir base(m_input.flow->directory());
    for (const ArtifactRecord& artifact : m_input.restoreArtifacts) {
        if (artifact.kind != QLatin1String("project"))
            continue;
        QString error;
        if (!m_input.store->materialize(artifact.digest, base.absoluteFilePath(artifact.path),
                                        false, artifact.executable, &error)) {
            result.ok = false;
            result.error = message(QT_TRANSLATE_NOOP("StepJob", "cannot restore output %1 of step %2: %3"))
                               .arg(artifact.path)
                               .arg(m_input.stepId)
                               .arg(error);
            return result;
        }
    }
    return result;
}

StepJobResult StepJob::execute()
{
    StepJobResult result;
    result.mode = StepJobInput::Mode::Execute;
    result.stepId = m_input.stepId;
    result.started = QDateTime::currentDateTimeUtc();

    const Step* step = m_input.flow->step(m_input.stepId);
    const int maxAttempts = 1 + qMax(0, step->retries);
    for (int attempt = 1; attempt <= maxAttempts; ++attempt) {
        result.attempts = attempt;
        if (runAttempt(attempt, &result))
            break;
        if (result.status == StepStatus::Cancelled)
            break;
        if (attempt < maxAttempts)
            qCInfo(lcScheduler) << "step" << step->id << "failed attempt" << attempt
                                << "of" << maxAttempts << ":" << result.error.text() << "; retrying";
    }
    result.finished = QDateTime::currentDateTimeUtc();
    return result;
}

bool StepJob::runAttempt(int attempt, StepJobResult* result)
{
    const Step* step = m_input.flow->step(m_input.stepId);
    const QString scratch = m_input.store->scratchDirectory(m_input.run, step->id, attempt);
    const QString outputDir = scratch + QStringLiteral("/out");
    const QString inputDir = scratch + QStringLiteral("/in");
    result->ok = false;
    result->status = StepStatus::Failed;
    result->exitCode.reset();
    result->artifacts.clear();

    // A fresh output folder per attempt, so a retry never finds a failed attempt's files.
    QDir(scratch).removeRecursively();
    if (!QDir().mkpath(outputDir) || !QDir().mkpath(inputDir)) {
        result->error = message(QT_TRANSLATE_NOOP("StepJob", "cannot create the scratch folder %1"))
                            .arg(scratch);
        return false;
    }
    StepInputs inputs(m_input.store, inputDir);
    if (!inputs.materialize(m_input.upstreamArtifacts, &result->error)) {
        inputs.release();
        return false;
    }

    ProcessSpec spec;
    spec.workingDirectory = m_input.flow->directory();
    spec.environment = stepEnvironment(m_input, *step, attempt, outputDir, inputDir);
    spec.timeoutS = step->timeoutS;
    const QString logDir = m_input.store->logDirectory(m_input.run, step->id, attempt);
    spec.stdoutLogPath = logDir + QStringLiteral("/stdout.log");
    spec.stderrLogPath = logDir + QStringLiteral("/stderr.log");
    if (!commandLine(m_input, *step, scratch, &spec, &result->error))
        return false;

    if (m_input.listener)
        m_input.listener->jobAttemptStarted(step->id, attempt);
    JobSink sink(m_input.listener, step->id, attempt);
    const ProcessOutcome outcome = runProcess(spec, *m_input.cancel, &sink);
    if (outcome.kind == ProcessOutcome::Kind::Exited)
        result->exitCode = outcome.exitCode;

    bool ok = false;
    if (outcome.kind == ProcessOutcome::Kind::Cancelled) {
        result->status = StepStatus::Cancelled;
        result->error = outcome.message();
    } else if (!outcome.succeeded()) {
        result->error = outcome.message();
    } else if (inputs.verifyUnchanged(&result->error)) {
        ok = collectOutputs(outputDir, result);
    }

    // Partial outputs of a failed attempt are dropped with the scratch folder.
    inputs.release();
    QDir(scratch).removeRecursively();
    if (ok) {
        result->ok = true;
        result->status = StepStatus::Succeeded;
    }
    return ok;
}

bool StepJob::collectOutputs(const QString& outputDir, StepJobResult* result)
{
    const Step* step = m_input.flow->step(m_input.stepId);
    Manifest manifest;
    QString error;
    if (!buildManifest(outputDir, &manifest, &error)) {
        result->error = message(QT_TRANSLATE_NOOP("StepJob", "cannot read the outputs of step %1: %2"))
                            .arg(step->id)
                            .arg(error);
        return false;
    }

    QList<ArtifactRecord> artifacts;
    for (const ManifestEntry& entry : manifest) {
        ArtifactRecord artifact;
        artifact.path = entry.path;
        if (!m_input.store->ingestFile(outputDir + QLatin1Char('/') + entry.path, true, &artifact,
                                       &error)) {
            result->error = message(QT_TRANSLATE_NOOP("StepJob", "cannot store output %1 of step %2: %3"))
                                .arg(entry.path)
                                .arg(step->id)
                                .arg(error);
            return false;
        }
        artifacts.append(artifact);
    }

    // Declared project outputs are copied, never moved or linked: they stay the user's files.
    const QDir base(m_input.flow->directory());
    for (const QString& declared : step->outputs) {
        const QString path = base.absoluteFilePath(declared);
        const QFileInfo info(path);
        QStringList files;
        if (info.isDir()) {
            Manifest folder;
            if (!buildManifest(path, &folder, &error)) {
                result->error = message(QT_TRANSLATE_NOOP("StepJob",
                                                          "cannot read declared output %1 of step %2: %3"))
                                    .arg(declared)
                                    .arg(step->id)
                                    .arg(error);
                return false;
            }
            for (const ManifestEntry& entry : folder)
                files << declared + QLatin1Char('/') + entry.path;
        } else if (info.isFile()) {
            files << declared;
        } else {
            result->error = message(QT_TRANSLATE_NOOP("StepJob",
                                                      "step %1 did not write its declared output %2"))
                                .arg(step->id)
                                .arg(declared);
            return false;
        }
        for (const QString& file : files) {
            ArtifactRecord artifact;
            artifact.kind = QStringLiteral("project");
            artifact.path = QDir::cleanPath(file);
            if (!m_input.store->ingestFile(base.absoluteFilePath(file), false, &artifact, &error)) {
                result->error = message(QT_TRANSLATE_NOOP("StepJob", "cannot store output %1 of step %2: %3"))
                                    .arg(file)
                                    .arg(step->id)
                                    .arg(error);
                return false;
            }
            artifacts.append(artifact);
        }
    }

    result->artifacts = artifacts;
    result->outputsDigest = artifactsDigest(artifacts);
    return true;
}

}  // namespace cairn
