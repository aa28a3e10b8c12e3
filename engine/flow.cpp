#include "flow.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <cmath>
#include <cstdint>
#include <iterator>

namespace cairn {

namespace {

// Names as written in flow files, indexed by the enum's value.
const char* const kStepKindNames[] = {"shell", "python", "script"};
const char* const kParamTypeNames[] = {"string", "int", "float", "bool"};

bool parseBool(const QString& text, bool* value)
{
    const QString lower = text.toLower();
    if (lower == u"true" || lower == u"1" || lower == u"yes") {
        *value = true;
        return true;
    }
    if (lower == u"false" || lower == u"0" || lower == u"no") {
        *value = false;
        return true;
    }
    return false;
}

}  // namespace

QString stepKindName(StepKind kind)
{
    return QString::fromLatin1(kStepKindNames[int(kind)]);
}

bool stepKindFromName(const QString& name, StepKind* kind)
{
    for (int i = 0; i < int(std::size(kStepKindNames)); ++i) {
        if (name == QLatin1String(kStepKindNames[i])) {
            *kind = StepKind(i);
            return true;
        }
    }
    return false;
}

QString paramTypeName(ParamType type)
{
    return QString::fromLatin1(kParamTypeNames[int(type)]);
}

bool paramTypeFromName(const QString& name, ParamType* type)
{
    for (int i = 0; i < int(std::size(kParamTypeNames)); ++i) {
        if (name == QLatin1String(kParamTypeNames[i])) {
            *type = ParamType(i);
            return true;
        }
    }
    return false;
}

QString Flow::directory() const
{
    if (filePath.isEmpty())
        return QDir::currentPath();
    return QFileInfo(filePath).absolutePath();
}

// NOTE: a linear search, so callers that look up every step should build their own
// QHash of ids instead (validateFlow and FlowGraph do).
int Flow::stepIndex(const QString& id) const
{
    for (int i = 0; i < steps.size(); ++i) {
        if (steps[i].id == id)
            return i;
    }
    return -1;
}

const Step* Flow::step(const QString& id) const
{
    const int index = stepIndex(id);
    return index < 0 ? nullptr : &steps[index];
}

const Parameter* Flow::parameter(const QString& name) const
{
    for (const Parameter& parameter : parameters) {
        if (parameter.name == name)
            return &parameter;
    }
    return nullptr;
}

// Float parameters always get a double here, even when the file writes the default as
// an integer, so a default of 3 and a command-line value "3" give the same value.
ParamValues Flow::defaultParams() const
{
    ParamValues values;
    for (const Parameter& parameter : parameters) {
        if (parameter.defaultValue.is_null())
            continue;
        Json value = parameter.defaultValue;
        if (parameter.type == ParamType::Float && value.is_number_integer())
            value = value.get<double>();
        values.insert(parameter.name, value);
    }
    return values;
}

QString FlowIssue::toString() const
{
    QString text = path.isEmpty() ? message : path + QStringLiteral(": ") + message;
    if (!hint.isEmpty())
        text = QCoreApplication::translate("FlowIssue", "%1 (%2)", "a problem, then in brackets what to do")
                   .arg(text, hint);
    return text;
}

bool parseParamValue(const Parameter& parameter, const QString& text, Json* value,
                     QString* error)
{
    const QString trimmed = text.trimmed();
    bool ok = false;
    switch (parameter.type) {
    case ParamType::String:
        *value = text.toStdString();
        return true;
    case ParamType::Int: {
        const qlonglong number = trimmed.toLongLong(&ok);
        if (ok)
            *value = std::int64_t(number);
        break;
    }
    case ParamType::Float: {
        const double number = trimmed.toDouble(&ok);
        ok = ok && std::isfinite(number);  // JSON has no NaN or infinity
        if (ok)
            *value = number;
        break;
    }
    case ParamType::Bool: {
        bool flag = false;
        ok = parseBool(trimmed, &flag);
        if (ok)
            *value = flag;
        break;
    }
    }

    if (!ok && error) {
        QString expected = paramTypeName(parameter.type);
        if (parameter.type == ParamType::Bool)
            expected += QStringLiteral(" (true, false, 1, 0, yes or no)");
        *error = QCoreApplication::translate(
                     "Flow", "Invalid value \"%1\" for parameter %2: expected %3.")
                     .arg(text, parameter.name, expected);
    }
    return ok;
}

bool valueMatchesType(const Json& value, ParamType type)
{
    switch (type) {
    case ParamType::String:
        return value.is_string();
    case ParamType::Int:
        return value.is_number_integer();
    case ParamType::Float:
        return value.is_number();
    case ParamType::Bool:
        return value.is_boolean();
    }
    return false;
}

}  // namespace cairn
