#include "flowclipboard.h"

#include "cachekey.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

namespace cairn {

namespace {

void addPlaceholderNames(const QString& text, QSet<QString>* names)
{
    for (const QString& name : placeholderNames(text))
        names->insert(name);
}

// Parameters the step declares in params or names in placeholders of its texts.
QSet<QString> usedParameterNames(const Step& step)
{
    const QStringList used = paramsUsedBy(step);
    return QSet<QString>(used.cbegin(), used.cend());
}

QString jsonText(const Json& value)
{
    return value.is_string() ? QString::fromStdString(value.get<std::string>()) : QString();
}

// The names the fragment's steps use that it does not declare. Read from the JSON text
// so that they can be declared before the flow is parsed and validated.
QStringList undeclaredParameterNames(const Json& document)
{
    QSet<QString> declared;
    QSet<QString> used;
    if (const auto parameters = document.find("parameters");
        parameters != document.end() && parameters->is_array()) {
        for (const Json& parameter : *parameters) {
            if (parameter.is_object() && parameter.contains("name"))
                declared.insert(jsonText(parameter["name"]));
        }
    }
    if (const auto steps = document.find("steps"); steps != document.end() && steps->is_array()) {
        for (const Json& step : *steps) {
            if (!step.is_object())
                continue;
            if (step.contains("args") && step["args"].is_array()) {
                for (const Json& item : step["args"])
                    addPlaceholderNames(jsonText(item), &used);
            }
            if (step.contains("params") && step["params"].is_array()) {
                for (const Json& item : step["params"])
                    used.insert(jsonText(item));
            }
            for (const char* key : {"command", "script"}) {
                if (step.contains(key))
                    addPlaceholderNames(jsonText(step[key]), &used);
            }
        }
    }
    used.remove(QString());
    QStringList missing;
    for (const QString& name : std::as_const(used)) {
        if (!declared.contains(name))
            missing.append(name);
    }
    missing.sort();
    return missing;
}

}  // namespace

QByteArray flowFragment(const Flow& flow, const QStringList& stepIds)
{
    const QSet<QString> wanted(stepIds.cbegin(), stepIds.cend());
    Flow fragment;
    fragment.name = QStringLiteral("fragment");

    QSet<QString> usedParameters;
    for (const Step& step : flow.steps) {
        if (!wanted.contains(step.id))
            continue;
        fragment.steps.append(step);
        usedParameters.unite(usedParameterNames(step));
    }
    for (const Parameter& parameter : flow.parameters) {
        if (usedParameters.contains(parameter.name))
            fragment.parameters.append(parameter);
    }
    for (const Edge& edge : flow.edges) {
        if (wanted.contains(edge.from) && wanted.contains(edge.to))
            fragment.edges.append(edge);
    }
    return serializeFlow(fragment);
}

bool parseFlowFragment(const QByteArray& data, QList<Step>* steps, QList<Edge>* edges,
                       QString* error)
{
    // Declare the parameters the steps use as strings, so that a fragment copied without
    // its flow's parameters still parses; the paste target declares its own.
    QByteArray document = data;
    Json json = Json::parse(data.toStdString(), nullptr, false);
    if (json.is_object()) {
        const QStringList missing = undeclaredParameterNames(json);
        if (!missing.isEmpty()) {
            Json& parameters = json["parameters"];
            if (!parameters.is_array())
                parameters = Json::array();
            for (const QString& name : missing)
                parameters.push_back({{"name", name.toStdString()}, {"type", "string"}});
            document = QByteArray::fromStdString(json.dump());
        }
    }

    Flow flow;
    QList<FlowIssue> issues;
    if (!parseFlow(document, QCoreApplication::translate("FlowClipboard", "the pasted steps"),
                   &flow, &issues)) {
        if (error) {
            *error = issues.isEmpty()
                ? QCoreApplication::translate("FlowClipboard", "The pasted steps are invalid.")
                : issues.front().toString();
        }
        return false;
    }
    if (steps)
        *steps = flow.steps;
    if (edges)
        *edges = flow.edges;
    return true;
}

}  // namespace cairn
