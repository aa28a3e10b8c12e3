// Reading and writing flow files (format "cairn.flow", version 1). Parsing checks the JSON
// types of the known keys, then runs validateFlow for the graph-level rules, and reports
// every problem with its JSON path. Writing starts from the object that was loaded, so keys
// this version does not know keep their values and their place.

#include "flow.h"
#include "logging.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>

namespace cairn {

namespace {

constexpr const char* kFormatName = "cairn.flow";
constexpr int kFormatVersion = 1;

// The JSON types a known key can require, for wrong-type messages.
enum class Expect { String, Integer, Number, Bool, Object, Array, StringList };

struct ExpectText {
    const char* expected;
    const char* hint;
};

// Indexed by Expect.
const ExpectText kExpectTexts[] = {
    {QT_TRANSLATE_NOOP("FlowJson", "a string"),
     QT_TRANSLATE_NOOP("FlowJson", "Put the value in double quotes.")},
    {QT_TRANSLATE_NOOP("FlowJson", "an integer"),
     QT_TRANSLATE_NOOP("FlowJson", "Use a whole number such as 0 or 3, without quotes.")},
    {QT_TRANSLATE_NOOP("FlowJson", "a number"),
     QT_TRANSLATE_NOOP("FlowJson", "Use a number such as 0 or 2.5, without quotes.")},
    {QT_TRANSLATE_NOOP("FlowJson", "true or false"),
     QT_TRANSLATE_NOOP("FlowJson", "Use true or false, without quotes.")},
    {QT_TRANSLATE_NOOP("FlowJson", "an object"),
     QT_TRANSLATE_NOOP("FlowJson", "Use a JSON object such as {}.")},
    {QT_TRANSLATE_NOOP("FlowJson", "a list"),
     QT_TRANSLATE_NOOP("FlowJson", "Use a JSON list such as [].")},
    {QT_TRANSLATE_NOOP("FlowJson", "a list of strings"),
     QT_TRANSLATE_NOOP("FlowJson", "Use a list of strings such as [\"a\", \"b\"].")},
};

bool hasType(const Json& value, Expect expect)
{
    switch (expect) {
    case Expect::String:
        return value.is_string();
    case Expect::Integer:
        return value.is_number_integer();
    case Expect::Number:
        return value.is_number();
    case Expect::Bool:
        return value.is_boolean();
    case Expect::Object:
        return value.is_object();
    case Expect::Array:
    case Expect::StringList:
        return value.is_array();
    }
    return false;
}

QString foundText(const Json& value)
{
    switch (value.type()) {
    case Json::value_t::null:
        return QCoreApplication::translate("FlowJson", "null");
    case Json::value_t::boolean:
        return QCoreApplication::translate("FlowJson", "a boolean");
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
        return QCoreApplication::translate("FlowJson", "an integer");
    case Json::value_t::number_float:
        return QCoreApplication::translate("FlowJson", "a number with a fraction");
    case Json::value_t::string:
        return QCoreApplication::translate("FlowJson", "a string");
    case Json::value_t::array:
        return QCoreApplication::translate("FlowJson", "a list");
    case Json::value_t::object:
        return QCoreApplication::translate("FlowJson", "an object");
    default:
        return QCoreApplication::translate("FlowJson", "another type");
    }
}

QString fromJson(const Json& value)
{
    return QString::fromStdString(value.get<std::string>());
}

QString keyPath(const QString& parent, const QString& key)
{
    bool plain = !key.isEmpty();
    for (const QChar c : key) {
        const bool asciiWord = c.isLetterOrNumber() && c.unicode() < 128;
        plain = plain && (asciiWord || c == u'_');
    }
    if (!plain) {
        QString quoted = key;
        quoted.replace(QLatin1Char('"'), QLatin1String("\\\""));
        return parent + QStringLiteral("[\"") + quoted + QStringLiteral("\"]");
    }
    return parent.isEmpty() ? key : parent + QLatin1Char('.') + key;
}

QString indexPath(const QString& parent, qsizetype index)
{
    return parent + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}

// Collects structural problems. Issues that validateFlow finds at a path in `suppressed`,
// or below one, are dropped because the structural issue already explains them. For
// example, a step whose kind is unknown is not also reported as lacking a command.
class Parser {
public:
    QList<FlowIssue> issues;
    QSet<QString> suppressed;

    void report(const QString& path, const QString& message, const QString& hint)
    {
        issues.append({path, message, hint});
        suppressed.insert(path);
    }

    bool isSuppressed(const QString& path) const
    {
        for (QString prefix = path; !prefix.isEmpty(); prefix = parentPath(prefix)) {
            if (suppressed.contains(prefix))
                return true;
        }
        return false;
    }

    void reportType(const QString& path, Expect expect, const Json& found)
    {
        const ExpectText& text = kExpectTexts[int(expect)];
        report(path,
               QCoreApplication::translate("FlowJson", "Wrong type: expected %1, found %2.")
                   .arg(QCoreApplication::translate("FlowJson", text.expected),
                        foundText(found)),
               QCoreApplication::translate("FlowJson", text.hint));
    }

    // Returns the value at key when it has the expected type. Returns nullptr when the key
    // is absent, or reports the wrong type and returns nullptr.
    const Json* field(const Json& object, const char* key, const QString& parent, Expect expect)
    {
        const auto it = object.find(key);
        if (it == object.end())
            return nullptr;
        if (!hasType(*it, expect)) {
            reportType(keyPath(parent, QLatin1String(key)), expect, *it);
            return nullptr;
        }
        return &*it;
    }

    bool readString(const Json& object, const char* key, const QString& parent, QString* out)
    {
        const Json* value = field(object, key, parent, Expect::String);
        if (value)
            *out = fromJson(*value);
        return value;
    }

    void readNumber(const Json& object, const char* key, const QString& parent, double* out)
    {
        if (const Json* value = field(object, key, parent, Expect::Number))
            *out = value->get<double>();
    }

    void readBool(const Json& object, const char* key, const QString& parent, bool* out)
    {
        if (const Json* value = field(object, key, parent, Expect::Bool))
            *out = value->get<bool>();
    }

    void readInt(const Json& object, const char* key, const QString& parent, int* out)
    {
        const Json* value = field(object, key, parent, Expect::Integer);
        if (!value)
            return;
        const bool fits = value->is_number_unsigned()
            ? value->get<std::uint64_t>() <= std::uint64_t(std::numeric_limits<int>::max())
            : value->get<std::int64_t>() >= std::numeric_limits<int>::min()
                && value->get<std::int64_t>() <= std::numeric_limits<int>::max();
        if (!fits) {
            report(keyPath(parent, QLatin1String(key)),
                   QCoreApplication::translate("FlowJson", "The value %1 is too large.")
                       .arg(QString::fromStdString(value->dump())),
                   QCoreApplication::translate("FlowJson", "Use a smaller whole number."));
            return;
        }
        *out = value->get<int>();
    }

    // A wrong element becomes an empty string, so that later elements keep their index
    // and validateFlow's paths match the file.
    void readStringList(const Json& object, const char* key, const QString& parent,
                        QStringList* out)
    {
        const Json* list = field(object, key, parent, Expect::StringList);
        if (!list)
            return;
        const QString path = keyPath(parent, QLatin1String(key));
        for (std::size_t i = 0; i < list->size(); ++i) {
            const Json& element = (*list)[i];
            if (element.is_string()) {
                out->append(fromJson(element));
            } else {
                reportType(indexPath(path, qsizetype(i)), Expect::String, element);
                out->append(QString());
            }
        }
    }

    void readEnv(const Json& object, const QString& parent, QList<QPair<QString, QString>>* out)
    {
        const Json* env = field(object, "env", parent, Expect::Object);
        if (!env)
            return;
        const QString path = keyPath(parent, QStringLiteral("env"));
        for (auto entry = env->begin(); entry != env->end(); ++entry) {
            const QString name = QString::fromStdString(entry.key());
            if (entry.value().is_string())
                out->append({name, fromJson(entry.value())});
            else
                reportType(keyPath(path, name), Expect::String, entry.value());
        }
    }

    template <typename Item>
    void parseList(const Json& document, const char* key, QList<Item>* out,
                   Item (Parser::*parseItem)(const Json&, const QString&))
    {
        const Json* list = field(document, key, QString(), Expect::Array);
        if (!list)
            return;
        for (std::size_t i = 0; i < list->size(); ++i) {
            const QString path = indexPath(QLatin1String(key), qsizetype(i));
            const Json& element = (*list)[i];
            if (element.is_object()) {
                out->append((this->*parseItem)(element, path));
            } else {
                reportType(path, Expect::Object, element);
                out->append(Item());
            }
        }
    }

    void checkFormat(const Json& document);
    bool checkVersion(const Json& document);
    Parameter parseParameter(const Json& object, const QString& path);
    Step parseStep(const Json& object, const QString& path);
    Edge parseEdge(const Json& object, const QString& path);
    void parseDocument(const Json& document, Flow* flow);

private:
    static QString parentPath(const QString& path)
    {
        const qsizetype cut = std::max(path.lastIndexOf(QLatin1Char('.')),
                                       path.lastIndexOf(QLatin1Char('[')));
        return cut <= 0 ? QString() : path.left(cut);
    }
};

void Parser::checkFormat(const Json& document)
{
    const QString hint = QCoreApplication::translate("FlowJson",
                                                     "Add \"format\": \"cairn.flow\" at the top.");
    const auto it = document.find("format");
    if (it == document.end()) {
        report(QStringLiteral("format"),
               QCoreApplication::translate("FlowJson",
                                           "Missing \"format\": this is not marked as a Cairn "
                                           "flow file."),
               hint);
    } else if (!it->is_string() || *it != kFormatName) {
        report(QStringLiteral("format"),
               QCoreApplication::translate("FlowJson", "Unknown format %1: expected \"%2\".")
                   .arg(QString::fromStdString(it->dump()), QLatin1String(kFormatName)),
               hint);
    }
}

// Returns false when the file names a version this build cannot read, so that parsing
// stops instead of reporting the newer format's keys as errors.
bool Parser::checkVersion(const Json& document)
{
    const QString supported = QString::number(kFormatVersion);
    const auto it = document.find("version");
    if (it == document.end()) {
        report(QStringLiteral("version"),
               QCoreApplication::translate("FlowJson",
                                           "Missing \"version\". Supported versions: %1.")
                   .arg(supported),
               QCoreApplication::translate("FlowJson", "Add \"version\": %1 at the top.")
                   .arg(supported));
        return true;
    }
    if (!it->is_number()) {
        report(QStringLiteral("version"),
               QCoreApplication::translate("FlowJson",
                                           "The version must be a number, found %1. "
                                           "Supported versions: %2.")
                   .arg(foundText(*it), supported),
               QCoreApplication::translate("FlowJson", "Write \"version\": %1 without quotes.")
                   .arg(supported));
        return true;
    }
    if (*it != kFormatVersion) {
        report(QStringLiteral("version"),
               QCoreApplication::translate("FlowJson",
                                           "Unsupported version %1. Supported versions: %2.")
                   .arg(QString::fromStdString(it->dump()), supported),
               QCoreApplication::translate("FlowJson",
                                           "Open the file with the Cairn release that wrote it."));
        return false;
    }
    return true;
}

Parameter Parser::parseParameter(const Json& object, const QString& path)
{
    Parameter parameter;
    parameter.raw = object;
    readString(object, "name", path, &parameter.name);
    readString(object, "description", path, &parameter.description);
    if (const auto it = object.find("default"); it != object.end())
        parameter.defaultValue = *it;

    const QString typePath = keyPath(path, QStringLiteral("type"));
    const QString typeHint = QCoreApplication::translate(
        "FlowJson", "Use one of the types string, int, float, bool.");
    QString typeName;
    if (readString(object, "type", path, &typeName)) {
        if (!paramTypeFromName(typeName, &parameter.type)) {
            report(typePath,
                   QCoreApplication::translate("FlowJson", "Unknown parameter type \"%1\".")
                       .arg(typeName),
                   typeHint);
        }
    } else if (!object.contains("type")) {
        report(typePath,
               QCoreApplication::translate("FlowJson", "The parameter has no type."),
               typeHint);
    }

    // Without a known type, the default cannot be checked against it.
    if (suppressed.contains(typePath))
        suppressed.insert(keyPath(path, QStringLiteral("default")));
    return parameter;
}

Step Parser::parseStep(const Json& object, const QString& path)
{
    Step step;
    step.raw = object;
    readString(object, "id", path, &step.id);
    readString(object, "title", path, &step.title);
    readString(object, "command", path, &step.command);
    readString(object, "script", path, &step.script);
    readString(object, "interpreter", path, &step.interpreter);
    readString(object, "path", path, &step.path);
    readStringList(object, "args", path, &step.args);
    readEnv(object, path, &step.env);
    readStringList(object, "inputs", path, &step.inputs);
    readStringList(object, "outputs", path, &step.outputs);
    readStringList(object, "params", path, &step.params);
    readInt(object, "retries", path, &step.retries);
    readNumber(object, "timeout_s", path, &step.timeoutS);
    readBool(object, "cache", path, &step.cache);
    readString(object, "cache_version", path, &step.cacheVersion);

    const QString kindPath = keyPath(path, QStringLiteral("kind"));
    const QString kindHint = QCoreApplication::translate(
        "FlowJson", "Use one of the kinds shell, python, script.");
    QString kindName;
    if (readString(object, "kind", path, &kindName)) {
        if (!stepKindFromName(kindName, &step.kind)) {
            report(kindPath,
                   QCoreApplication::translate("FlowJson", "Unknown step kind \"%1\".")
                       .arg(kindName),
                   kindHint);
        }
    } else if (!object.contains("kind")) {
        report(kindPath, QCoreApplication::translate("FlowJson", "The step has no kind."),
               kindHint);
    }
    if (suppressed.contains(kindPath)) {
        // Which text field is required depends on the kind, which is not known.
        for (const char* field : {"command", "script", "path"})
            suppressed.insert(keyPath(path, QLatin1String(field)));
    }

    if (const Json* ui = field(object, "ui", path, Expect::Object)) {
        const QString uiPath = keyPath(path, QStringLiteral("ui"));
        double x = 0;
        double y = 0;
        readNumber(*ui, "x", uiPath, &x);
        readNumber(*ui, "y", uiPath, &y);
        step.position = QPointF(x, y);
    }
    return step;
}

Edge Parser::parseEdge(const Json& object, const QString& path)
{
    Edge edge;
    edge.raw = object;
    readString(object, "from", path, &edge.from);
    readString(object, "to", path, &edge.to);
    return edge;
}

// Elements of the wrong type are kept as empty placeholders, so that the indices of the
// rest match the file. Issues that validateFlow finds in a placeholder are suppressed.
void Parser::parseDocument(const Json& document, Flow* flow)
{
    flow->raw = document;
    readString(document, "name", QString(), &flow->name);
    readString(document, "description", QString(), &flow->description);

    parseList(document, "parameters", &flow->parameters, &Parser::parseParameter);
    parseList(document, "steps", &flow->steps, &Parser::parseStep);
    parseList(document, "edges", &flow->edges, &Parser::parseEdge);
    field(document, "ui", QString(), Expect::Object);
}

// Converts nlohmann's byte offset (1-based, of the last character read) into a 1-based
// line and column. The column counts characters, not bytes.
QPair<int, int> lineAndColumn(const QByteArray& data, std::size_t byte)
{
    const qsizetype before = qBound<qsizetype>(0, qsizetype(byte) - 1, data.size());
    const QByteArray head = data.left(before);
    const qsizetype lineStart = head.lastIndexOf('\n') + 1;
    const int line = int(head.count('\n')) + 1;
    const int column = int(QString::fromUtf8(head.mid(lineStart)).size()) + 1;
    return {line, column};
}

// nlohmann's message without its "[json.exception…] parse error at …:" prefix and without
// the echo of the text it last read, which may span lines.
QString parseErrorDetail(const char* what)
{
    QString text = QString::fromUtf8(what);
    const qsizetype parseError = text.indexOf(QLatin1String("parse error"));
    const qsizetype colon = text.indexOf(QLatin1String(": "), std::max<qsizetype>(parseError, 0));
    if (colon >= 0)
        text = text.mid(colon + 2);
    const qsizetype lastRead = text.indexOf(QLatin1String("; last read: '"));
    if (lastRead >= 0) {
        const qsizetype expected = text.indexOf(QLatin1String("'; expected "), lastRead);
        if (expected >= 0)
            text.remove(lastRead, expected + 1 - lastRead);
        else
            text.truncate(lastRead);
    }
    return text;
}

// Document-level messages name the file, because they have no JSON path to point at.
QString withFileName(const QString& fileName, const QString& message)
{
    if (fileName.isEmpty())
        return message;
    return QStringLiteral("%1: %2").arg(fileName, message);
}

bool parseJson(const QByteArray& data, const QString& fileName, Json* document,
               QList<FlowIssue>* issues)
{
    try {
        *document = Json::parse(data.constBegin(), data.constEnd());
        return true;
    } catch (const Json::parse_error& error) {
        const auto [line, column] = lineAndColumn(data, error.byte);
        const QString message =
            QCoreApplication::translate("FlowJson", "Not valid JSON at line %1, column %2: %3.")
                .arg(line)
                .arg(column)
                .arg(parseErrorDetail(error.what()));
        issues->append({QString(), withFileName(fileName, message),
                        QCoreApplication::translate("FlowJson",
                                                    "Fix the JSON syntax there, for example a "
                                                    "missing comma, quote or bracket.")});
        return false;
    }
}

// Serialisation helpers.

Json toJson(const QString& text)
{
    return Json(text.toStdString());
}

Json toJson(const QStringList& list)
{
    Json array = Json::array();
    for (const QString& text : list)
        array.push_back(text.toStdString());
    return array;
}

// Whole numbers are written without a fraction, as people write coordinates and timeouts.
Json numberJson(double value)
{
    constexpr double kMaxExactInteger = 9007199254740992.0;  // 2^53
    if (std::isfinite(value) && std::trunc(value) == value && std::abs(value) <= kMaxExactInteger)
        return std::int64_t(value);
    return value;
}

// Writes one known key. An existing key keeps its text when the value is equal (so 1.0
// stays 1.0) and is updated in place otherwise. A missing key is added only when the value
// is not the default.
void writeField(Json& object, const char* key, const Json& value, bool isDefault)
{
    const auto it = object.find(key);
    if (it == object.end()) {
        if (!isDefault)
            object[key] = value;
        return;
    }
    if (*it != value)
        *it = value;
}

Json parameterJson(const Parameter& parameter)
{
    Json object = parameter.raw.is_object() ? parameter.raw : Json::object();
    writeField(object, "name", toJson(parameter.name), false);
    writeField(object, "type", toJson(paramTypeName(parameter.type)), false);
    writeField(object, "default", parameter.defaultValue, parameter.defaultValue.is_null());
    writeField(object, "description", toJson(parameter.description),
               parameter.description.isEmpty());
    return object;
}

Json stepJson(const Step& step)
{
    Json object = step.raw.is_object() ? step.raw : Json::object();
    const bool isNew = object.empty();

    Json env = Json::object();
    for (const auto& [name, value] : step.env)
        env[name.toStdString()] = value.toStdString();

    writeField(object, "id", toJson(step.id), false);
    writeField(object, "title", toJson(step.title), step.title.isEmpty());
    writeField(object, "kind", toJson(stepKindName(step.kind)), false);
    writeField(object, "command", toJson(step.command),
               step.kind != StepKind::Shell && step.command.isEmpty());
    writeField(object, "script", toJson(step.script),
               step.kind != StepKind::Python && step.script.isEmpty());
    writeField(object, "interpreter", toJson(step.interpreter), step.interpreter.isEmpty());
    writeField(object, "path", toJson(step.path),
               step.kind != StepKind::Script && step.path.isEmpty());
    writeField(object, "args", toJson(step.args), step.args.isEmpty());
    writeField(object, "env", env, step.env.isEmpty());
    writeField(object, "inputs", toJson(step.inputs), step.inputs.isEmpty());
    writeField(object, "outputs", toJson(step.outputs), step.outputs.isEmpty());
    writeField(object, "params", toJson(step.params), step.params.isEmpty());
    writeField(object, "retries", step.retries, step.retries == 0);
    writeField(object, "timeout_s", numberJson(step.timeoutS), step.timeoutS == 0);
    writeField(object, "cache", step.cache, step.cache);
    writeField(object, "cache_version", toJson(step.cacheVersion), step.cacheVersion.isEmpty());

    // New steps always get a position, so the editor places them where they were drawn.
    const auto oldUi = object.find("ui");
    const bool hasUi = oldUi != object.end() && oldUi->is_object();
    if (hasUi || isNew || !step.position.isNull()) {
        Json ui = hasUi ? *oldUi : Json::object();
        writeField(ui, "x", numberJson(step.position.x()), false);
        writeField(ui, "y", numberJson(step.position.y()), false);
        writeField(object, "ui", ui, false);
    }
    return object;
}

Json edgeJson(const Edge& edge)
{
    Json object = edge.raw.is_object() ? edge.raw : Json::object();
    writeField(object, "from", toJson(edge.from), false);
    writeField(object, "to", toJson(edge.to), false);
    return object;
}

}  // namespace

bool parseFlow(const QByteArray& data, const QString& fileName, Flow* flow,
               QList<FlowIssue>* issues)
{
    Q_ASSERT_X(flow, "parseFlow", "the caller must provide the flow to fill");
    *flow = Flow();
    Parser parser;

    Json document;
    if (!parseJson(data, fileName, &document, &parser.issues)) {
        if (issues)
            *issues = parser.issues;
        return false;
    }

    if (!document.is_object()) {
        const QString message =
            QCoreApplication::translate("FlowJson",
                                        "The document is %1, but a flow is a JSON object.")
                .arg(foundText(document));
        parser.report(QString(), withFileName(fileName, message),
                      QCoreApplication::translate("FlowJson",
                                                  "Start the file with { \"format\": "
                                                  "\"cairn.flow\", \"version\": 1, … }."));
    } else {
        parser.checkFormat(document);
        if (parser.checkVersion(document)) {
            parser.parseDocument(document, flow);
            for (const FlowIssue& issue : validateFlow(*flow)) {
                if (!parser.isSuppressed(issue.path))
                    parser.issues.append(issue);
            }
        } else {
            flow->raw = document;
        }
    }

    qCDebug(lcFlow) << "parsed" << fileName << "with" << parser.issues.size() << "issues";
    if (issues)
        *issues = parser.issues;
    return parser.issues.isEmpty();
}

bool loadFlow(const QString& filePath, Flow* flow, QList<FlowIssue>* issues)
{
    Q_ASSERT_X(flow, "loadFlow", "the caller must provide the flow to fill");
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly)) {
        *flow = Flow();
        flow->filePath = QFileInfo(filePath).absoluteFilePath();
        if (issues) {
            *issues = {{QString(),
                        QCoreApplication::translate("FlowJson", "Cannot open %1: %2.")
                            .arg(filePath, file.errorString()),
                        QCoreApplication::translate("FlowJson",
                                                    "Check that the file exists and is "
                                                    "readable.")}};
        }
        return false;
    }

    const bool ok = parseFlow(file.readAll(), filePath, flow, issues);
    flow->filePath = QFileInfo(filePath).absoluteFilePath();
    return ok;
}

QByteArray serializeFlow(const Flow& flow)
{
    Json document = flow.raw.is_object() ? flow.raw : Json::object();
    const bool isNew = document.empty();

    Json parameters = Json::array();
    for (const Parameter& parameter : flow.parameters)
        parameters.push_back(parameterJson(parameter));
    Json steps = Json::array();
    for (const Step& step : flow.steps)
        steps.push_back(stepJson(step));
    Json edges = Json::array();
    for (const Edge& edge : flow.edges)
        edges.push_back(edgeJson(edge));

    // A new document shows its three lists even when empty, as a template to fill.
    writeField(document, "format", kFormatName, false);
    writeField(document, "version", kFormatVersion, false);
    writeField(document, "name", toJson(flow.name), flow.name.isEmpty());
    writeField(document, "description", toJson(flow.description), flow.description.isEmpty());
    writeField(document, "parameters", parameters, !isNew && flow.parameters.isEmpty());
    writeField(document, "steps", steps, !isNew && flow.steps.isEmpty());
    writeField(document, "edges", edges, !isNew && flow.edges.isEmpty());

    const std::string text = document.dump(2, ' ', false, Json::error_handler_t::replace);
    return QByteArray::fromStdString(text) + '\n';
}

bool saveFlow(const Flow& flow, const QString& filePath, QString* error)
{
    QSaveFile file(filePath);
    const QByteArray data = serializeFlow(flow);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        if (error) {
            *error = QCoreApplication::translate("FlowJson", "Cannot save the flow to %1: %2.")
                         .arg(filePath, file.errorString());
        }
        qCWarning(lcFlow) << "saving" << filePath << "failed:" << file.errorString();
        return false;
    }
    return true;
}

}  // namespace cairn
