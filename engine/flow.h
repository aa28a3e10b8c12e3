#pragma once

// The flow model: a directed acyclic graph of steps, parameters and edges, as read from
// and written to a flow file (format "cairn.flow", version 1). See docs/flow-format.md.

#include <QList>
#include <QMap>
#include <QPair>
#include <QPointF>
#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

namespace cairn {

// JSON value type used for flow files. Ordered, so that a load/save round trip keeps the
// key order of the file, including keys this version does not know.
using Json = nlohmann::ordered_json;

// Values of parameters by name, already converted to the parameter's type.
using ParamValues = QMap<QString, Json>;

enum class StepKind { Shell, Python, Script };

enum class ParamType { String, Int, Float, Bool };

QString stepKindName(StepKind kind);
bool stepKindFromName(const QString& name, StepKind* kind);
QString paramTypeName(ParamType type);
bool paramTypeFromName(const QString& name, ParamType* type);

// A typed, named value of the flow that steps may use.
struct Parameter {
    QString name;
    ParamType type = ParamType::String;
    Json defaultValue;  // null when the file gives no default
    QString description;
    Json raw = Json::object();  // the object as loaded: key order and unknown keys
};

// One node of the flow: a command or script run as a subprocess.
struct Step {
    QString id;
    QString title;  // display only; empty means "use the id"
    StepKind kind = StepKind::Shell;
    QString command;      // kind shell
    QString script;       // kind python
    QString interpreter;  // kind python; empty means python3
    QString path;         // kind script: file relative to the flow's folder
    QStringList args;     // kind script
    QList<QPair<QString, QString>> env;  // in file order
    QStringList inputs;   // project paths, relative to the flow's folder, hashed into the key
    QStringList outputs;  // project paths the step writes besides its output folder
    QStringList params;   // parameters the step declares it uses
    int retries = 0;
    double timeoutS = 0;  // 0 means no timeout
    bool cache = true;
    QString cacheVersion;
    QPointF position;     // ui.x, ui.y
    Json raw = Json::object();  // the object as loaded: key order and unknown keys
};

// "to runs after from and reads from's artifacts".
struct Edge {
    QString from;
    QString to;
    Json raw = Json::object();
};

struct Flow {
    QString name;
    QString description;
    QList<Parameter> parameters;
    QList<Step> steps;
    QList<Edge> edges;
    Json raw = Json::object();  // the top-level object as loaded
    QString filePath;           // absolute path of the file; not saved

    // The folder steps run in and relative paths resolve against.
    QString directory() const;
    int stepIndex(const QString& id) const;  // -1 when absent
    const Step* step(const QString& id) const;
    const Parameter* parameter(const QString& name) const;
    ParamValues defaultParams() const;
};

// One problem found in a flow file: where (a JSON path such as "steps[3].id"), what, and
// what to do about it.
struct FlowIssue {
    QString path;
    QString message;
    QString hint;

    QString toString() const;  // "steps[3].id: message (hint)"
};

// Parses a flow document. Reports every problem at once in *issues; returns false when
// there is at least one. fileName is used in messages only.
bool parseFlow(const QByteArray& data, const QString& fileName, Flow* flow,
               QList<FlowIssue>* issues);

// Reads and parses a flow file; sets flow->filePath to its absolute path.
bool loadFlow(const QString& filePath, Flow* flow, QList<FlowIssue>* issues);

// True for a valid step id or parameter name: [A-Za-z_][A-Za-z0-9_-]*.
bool isValidIdentifier(const QString& name);

// Checks the graph-level rules of a parsed or edited flow: ids, duplicate ids, edges to
// missing steps, self and duplicate edges, cycles, kinds and their required fields,
// parameter types and defaults, step params naming unknown parameters.
QList<FlowIssue> validateFlow(const Flow& flow);

// Writes the flow as version 1 JSON. Known fields are written over the loaded object, so
// unknown keys and key order survive; fields at their default that the file did not have
// are left out.
QByteArray serializeFlow(const Flow& flow);

// Saves atomically (QSaveFile). Returns false with a message naming the file on failure.
bool saveFlow(const Flow& flow, const QString& filePath, QString* error);

// Converts a command-line value ("trees=300" gives text "300") to the parameter's type.
bool parseParamValue(const Parameter& parameter, const QString& text, Json* value,
                     QString* error);

// Checks that a JSON value fits a parameter type (an int is accepted for float).
bool valueMatchesType(const Json& value, ParamType type);

}  // namespace cairn
