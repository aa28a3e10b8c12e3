#include "cachekey.h"

#include "hashing.h"

#include <QCoreApplication>
#include <QDir>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <functional>

namespace cairn {

namespace {

const QRegularExpression& placeholderPattern()
{
    // One per thread: hash jobs on worker threads match it concurrently.
    thread_local const QRegularExpression pattern(
        QStringLiteral("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_-]*)\\s*\\}\\}"));
    return pattern;
}

void collectPlaceholders(const QString& text, QStringList* names)
{
    auto it = placeholderPattern().globalMatch(text);
    while (it.hasNext()) {
        const QString name = it.next().captured(1);
        if (!names->contains(name))
            names->append(name);
    }
}

QString shellQuote(const QString& text)
{
    QString quoted = text;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

std::string utf8(const QString& text)
{
    return text.toStdString();
}

QString fromUtf8(const Json& value)
{
    return value.is_string() ? QString::fromStdString(value.get<std::string>()) : QString();
}

// Objects of the form {"name": value} compared key by key; reports added, removed, changed.
void diffObjects(const Json& before, const Json& after,
                 const std::function<void(const QString&, const Json*, const Json*)>& report)
{
    QSet<QString> seen;
    if (before.is_object()) {
        for (auto it = before.begin(); it != before.end(); ++it) {
            const QString name = QString::fromStdString(it.key());
            seen.insert(name);
            const Json* other = after.is_object() && after.contains(it.key())
                ? &after.at(it.key()) : nullptr;
            if (!other || *other != it.value())
                report(name, &it.value(), other);
        }
    }
    if (after.is_object()) {
        for (auto it = after.begin(); it != after.end(); ++it) {
            if (!seen.contains(QString::fromStdString(it.key())))
                report(QString::fromStdString(it.key()), nullptr, &it.value());
        }
    }
}

// Turns a list of {"<keyName>": ..., "<valueName>": ...} into an object keyed by keyName.
Json indexBy(const Json& list, const char* keyName, const char* valueName)
{
    Json index = Json::object();
    if (!list.is_array())
        return index;
    for (const Json& entry : list) {
        if (entry.is_object() && entry.contains(keyName))
            index[entry.at(keyName).get<std::string>()] = entry.value(valueName, Json());
    }
    return index;
}

// A message of this file's translation context. Mark source with
// QT_TRANSLATE_NOOP("CacheKey", …) so that lupdate extracts it.
Message message(const char* source)
{
    return Message("CacheKey", source);
}

Message valueText(const Json* value)
{
    return value ? Message::plain(paramValueText(*value))
                 : message(QT_TRANSLATE_NOOP("CacheKey", "(none)"));
}

}  // namespace

QStringList paramsUsedBy(const Step& step)
{
    QStringList names;
    for (const QString& name : step.params) {
        if (!names.contains(name))
            names.append(name);
    }
    collectPlaceholders(step.command, &names);
    collectPlaceholders(step.script, &names);
    for (const QString& arg : step.args)
        collectPlaceholders(arg, &names);
    return names;
}

QStringList placeholderNames(const QString& text)
{
    QStringList names;
    collectPlaceholders(text, &names);
    return names;
}

QString paramValueText(const Json& value)
{
    if (value.is_string())
        return fromUtf8(value);
    if (value.is_null())
        return QString();
    return QString::fromStdString(value.dump());
}

QString substituteParams(const QString& text, const ParamValues& values, bool quote)
{
    QString result;
    qsizetype last = 0;
    auto it = placeholderPattern().globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        result += text.mid(last, match.capturedStart() - last);
        const QString name = match.captured(1);
        if (values.contains(name)) {
            const QString value = paramValueText(values.value(name));
            result += quote ? shellQuote(value) : value;
        } else {
            result += match.captured(0);
        }
        last = match.capturedEnd();
    }
    result += text.mid(last);
    return result;
}

QString paramEnvironmentName(const QString& parameter)
{
    QString name = parameter.toUpper();
    for (QChar& c : name) {
        const bool plain = (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
            || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('_');
        if (!plain)
            c = QLatin1Char('_');
    }
    return QStringLiteral("CAIRN_PARAM_") + name;
}

bool computeKeyComponents(const Flow& flow, const Step& step, const ParamValues& params,
                          const QMap<QString, QString>& upstreamOutputs, Json* components,
                          QString* error)
{
    Message failure;
    if (computeKeyComponents(flow, step, params, upstreamOutputs, components, &failure))
        return true;
    *error = failure.text();
    return false;
}

bool computeKeyComponents(const Flow& flow, const Step& step, const ParamValues& params,
                          const QMap<QString, QString>& upstreamOutputs, Json* components,
                          Message* error)
{
    const QDir base(flow.directory());
    Json doc = Json::object();
    doc["schema"] = kCacheSchema;
    doc["kind"] = utf8(stepKindName(step.kind));

    switch (step.kind) {
    case StepKind::Shell:
        doc["command"] = utf8(step.command);
        break;
    case StepKind::Python:
        doc["script"] = utf8(step.script);
        doc["interpreter"] = utf8(step.interpreter);
        break;
    case StepKind::Script: {
        QString digest;
        QString reason;
        if (!hashInputPath(base.absoluteFilePath(step.path), &digest, &reason)) {
            *error = message(QT_TRANSLATE_NOOP("CacheKey", "step %1: script file %2 cannot be read: %3"))
                         .arg(step.id)
                         .arg(step.path)
                         .arg(reason);
            return false;
        }
        doc["script_file"] = {{"path", utf8(step.path)}, {"digest", utf8(digest)}};
        Json args = Json::array();
        for (const QString& arg : step.args)
            args.push_back(utf8(arg));
        doc["args"] = args;
        doc["interpreter"] = utf8(step.interpreter);
        break;
    }
    }

    // Sorted, so that reordering env entries in the file changes nothing.
    QList<QPair<QString, QString>> env = step.env;
    std::sort(env.begin(), env.end());
    Json envDoc = Json::object();
    for (const auto& [name, value] : env)
        envDoc[utf8(name)] = utf8(value);
    doc["env"] = envDoc;
    doc["cache_version"] = utf8(step.cacheVersion);

    QStringList used = paramsUsedBy(step);
    used.sort();
    Json paramDoc = Json::object();
    for (const QString& name : used)
        paramDoc[utf8(name)] = params.value(name, Json());
    doc["params"] = paramDoc;

    // NOTE: declared inputs are hashed in full on every run. A cache of digests keyed by
    // path, size, mtime and inode would avoid rereading large unchanged data files.
    QStringList inputs = step.inputs;
    inputs.sort();
    Json inputDoc = Json::array();
    for (const QString& input : inputs) {
        QString digest;
        QString reason;
        if (!hashInputPath(base.absoluteFilePath(input), &digest, &reason)) {
            *error = message(QT_TRANSLATE_NOOP("CacheKey",
                                               "step %1: declared input %2 cannot be read: %3. "
                                               "Create it, or remove it from the step's inputs."))
                         .arg(step.id)
                         .arg(input)
                         .arg(reason);
            return false;
        }
        inputDoc.push_back({{"path", utf8(input)}, {"digest", utf8(digest)}});
    }
    doc["inputs"] = inputDoc;

    Json upstreamDoc = Json::array();
    for (auto it = upstreamOutputs.begin(); it != upstreamOutputs.end(); ++it)
        upstreamDoc.push_back({{"id", utf8(it.key())}, {"outputs", utf8(it.value())}});
    doc["upstream"] = upstreamDoc;

    *components = std::move(doc);
    return true;
}

QString cacheKey(const Json& components)
{
    return sha256Hex(QByteArray::fromStdString(components.dump()));
}

QList<Message> explainKeyChangeMessages(const Json& before, const Json& after)
{
    QList<Message> reasons;
    auto field = [](const Json& doc, const char* name) {
        return doc.is_object() && doc.contains(name) ? doc.at(name) : Json();
    };
    auto changed = [&](const char* name) { return field(before, name) != field(after, name); };

    if (changed("schema"))
        reasons << message(QT_TRANSLATE_NOOP("CacheKey", "the engine's cache format changed"));
    if (changed("kind")) {
        reasons << message(QT_TRANSLATE_NOOP("CacheKey", "kind changed: %1 → %2"))
                       .arg(fromUtf8(field(before, "kind")))
                       .arg(fromUtf8(field(after, "kind")));
    }
    if (changed("command"))
        reasons << message(QT_TRANSLATE_NOOP("CacheKey", "command changed"));
    if (changed("script"))
        reasons << message(QT_TRANSLATE_NOOP("CacheKey", "script changed"));
    if (changed("interpreter"))
        reasons << message(QT_TRANSLATE_NOOP("CacheKey", "interpreter changed"));
    if (changed("script_file")) {
        const QString path = fromUtf8(field(field(after, "script_file"), "path"));
        reasons << message(QT_TRANSLATE_NOOP("CacheKey", "script file %1 changed")).arg(path);
    }
    if (changed("args"))
        reasons << message(QT_TRANSLATE_NOOP("CacheKey", "arguments changed"));
    if (changed("cache_version"))
        reasons << message(QT_TRANSLATE_NOOP("CacheKey", "cache_version changed"));

    diffObjects(field(before, "env"), field(after, "env"),
                [&](const QString& name, const Json*, const Json*) {
                    reasons << message(QT_TRANSLATE_NOOP("CacheKey", "environment variable %1 changed"))
                                   .arg(name);
                });
    diffObjects(field(before, "params"), field(after, "params"),
                [&](const QString& name, const Json* old, const Json* now) {
                    if (!old)
                        reasons << message(QT_TRANSLATE_NOOP("CacheKey", "now uses parameter %1"))
                                       .arg(name);
                    else if (!now)
                        reasons << message(QT_TRANSLATE_NOOP("CacheKey", "no longer uses parameter %1"))
                                       .arg(name);
                    else
                        reasons << message(QT_TRANSLATE_NOOP("CacheKey", "parameter %1: %2 → %3"))
                                       .arg(name)
                                       .arg(valueText(old))
                                       .arg(valueText(now));
                });
    diffObjects(indexBy(field(before, "inputs"), "path", "digest"),
                indexBy(field(after, "inputs"), "path", "digest"),
                [&](const QString& path, const Json* old, const Json* now) {
                    if (!old)
                        reasons << message(QT_TRANSLATE_NOOP("CacheKey", "input %1 added"))
                                       .arg(path);
                    else if (!now)
                        reasons << message(QT_TRANSLATE_NOOP("CacheKey", "input %1 removed"))
                                       .arg(path);
                    else
                        reasons << message(QT_TRANSLATE_NOOP("CacheKey", "input %1 changed"))
                                       .arg(path);
                });
    diffObjects(indexBy(field(before, "upstream"), "id", "outputs"),
                indexBy(field(after, "upstream"), "id", "outputs"),
                [&](const QString& id, const Json* old, const Json* now) {
                    if (!old)
                        reasons << message(QT_TRANSLATE_NOOP("CacheKey", "new upstream step %1"))
                                       .arg(id);
                    else if (!now)
                        reasons << message(QT_TRANSLATE_NOOP("CacheKey", "upstream step %1 removed"))
                                       .arg(id);
                    else
                        reasons << message(QT_TRANSLATE_NOOP("CacheKey", "upstream %1 produced new outputs"))
                                       .arg(id);
                });
    return reasons;
}

QStringList explainKeyChange(const Json& before, const Json& after)
{
    QStringList texts;
    for (const Message& reason : explainKeyChangeMessages(before, after))
        texts.append(reason.text());
    return texts;
}

}  // namespace cairn
