// The graph-level rules of a flow: ids, kinds and their required fields, parameters,
// edges and cycles. Runs on parsed flows and on flows edited in memory, so it reads only
// the Flow structure. Every check is linear in the size of the flow (or n log n), so that
// flows of 10,000 steps validate quickly on every load and edit.

#include "flow.h"

#include "cachekey.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <vector>

namespace cairn {

namespace {

// Longer cycles are shown as their first steps, "…", and the count.
constexpr int kMaxCycleStepsShown = 10;

QString stepPath(int index, const char* field = nullptr)
{
    QString path = QStringLiteral("steps[%1]").arg(index);
    if (field)
        path += QLatin1Char('.') + QLatin1String(field);
    return path;
}

QString parameterPath(int index, const char* field)
{
    return QStringLiteral("parameters[%1].%2").arg(index).arg(QLatin1String(field));
}

QString edgePath(int index, const char* field = nullptr)
{
    QString path = QStringLiteral("edges[%1]").arg(index);
    if (field)
        path += QLatin1Char('.') + QLatin1String(field);
    return path;
}


// A valid name close to the given one, for hints: other characters become '_'.
QString suggestedName(const QString& name)
{
    QString suggestion;
    for (const QChar c : name) {
        const char16_t u = c.unicode();
        const bool allowed = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z')
            || (u >= u'0' && u <= u'9') || u == u'_' || u == u'-';
        suggestion += allowed ? c : QLatin1Char('_');
    }
    if (suggestion.isEmpty() || !isValidIdentifier(suggestion.left(1)))
        suggestion.prepend(QLatin1Char('_'));
    return suggestion;
}

QString nameRuleText()
{
    return QCoreApplication::translate("FlowValidate",
                                       "Use letters, digits, '_' and '-', starting with a letter "
                                       "or '_'");
}

class Validator {
public:
    explicit Validator(const Flow& flow) : m_flow(flow) {}

    QList<FlowIssue> run()
    {
        checkParameters();
        checkSteps();
        checkEdges();
        checkCycles();
        return m_issues;
    }

private:
    struct Arc {
        int to;
        int edge;  // index in flow.edges
    };

    void report(const QString& path, const QString& message, const QString& hint)
    {
        m_issues.append({path, message, hint});
    }

    void checkParameters();
    void checkSteps();
    void checkStepFields(int index);
    void checkPlaceholders(const QString& text, const QString& path, const Step& step);
    void checkEdges();
    void checkEdgeEnd(int edgeIndex, const char* field, const QString& id);
    void checkCycles();
    void reportCycle(const std::vector<int>& component, std::vector<int>* mark, int stamp);

    const Flow& m_flow;
    QList<FlowIssue> m_issues;
    QSet<QString> m_parameterNames;
    QHash<QString, int> m_stepIndex;          // first step with each id
    std::vector<std::vector<Arc>> m_arcs;  // valid, non-self edges by source step
};

void Validator::checkParameters()
{
    QHash<QString, int> firstIndex;
    for (int i = 0; i < m_flow.parameters.size(); ++i) {
        const Parameter& parameter = m_flow.parameters[i];
        m_parameterNames.insert(parameter.name);
        if (parameter.name.isEmpty()) {
            report(parameterPath(i, "name"),
                   QCoreApplication::translate("FlowValidate", "The parameter has no name."),
                   QCoreApplication::translate("FlowValidate",
                                               "Give it a unique name such as trees."));
        } else if (!isValidIdentifier(parameter.name)) {
            report(parameterPath(i, "name"),
                   QCoreApplication::translate("FlowValidate", "Invalid parameter name \"%1\".")
                       .arg(parameter.name),
                   QCoreApplication::translate("FlowValidate", "%1, for example %2.")
                       .arg(nameRuleText(), suggestedName(parameter.name)));
        } else if (const auto first = firstIndex.constFind(parameter.name);
                   first != firstIndex.constEnd()) {
            report(parameterPath(i, "name"),
                   QCoreApplication::translate("FlowValidate",
                                               "Duplicate parameter name \"%1\": parameters[%2] "
                                               "has the same name.")
                       .arg(parameter.name, QString::number(*first)),
                   QCoreApplication::translate("FlowValidate",
                                               "Rename or remove one of the two parameters."));
        } else {
            firstIndex.insert(parameter.name, i);
        }

        if (!parameter.defaultValue.is_null()
            && !valueMatchesType(parameter.defaultValue, parameter.type)) {
            const QString typeName = paramTypeName(parameter.type);
            report(parameterPath(i, "default"),
                   QCoreApplication::translate("FlowValidate",
                                               "The default %1 of parameter \"%2\" is not of "
                                               "type %3.")
                       .arg(QString::fromStdString(parameter.defaultValue.dump()),
                            parameter.name, typeName),
                   QCoreApplication::translate("FlowValidate",
                                               "Write a default of type %1, or change the type.")
                       .arg(typeName));
        }
    }
}

void Validator::checkSteps()
{
    m_stepIndex.reserve(m_flow.steps.size());
    for (int i = 0; i < m_flow.steps.size(); ++i) {
        const Step& step = m_flow.steps[i];
        if (step.id.isEmpty()) {
            report(stepPath(i, "id"),
                   QCoreApplication::translate("FlowValidate", "The step has no id."),
                   QCoreApplication::translate("FlowValidate",
                                               "Give it a unique id such as fetch_data."));
        } else if (!isValidIdentifier(step.id)) {
            report(stepPath(i, "id"),
                   QCoreApplication::translate("FlowValidate", "Invalid step id \"%1\".")
                       .arg(step.id),
                   QCoreApplication::translate("FlowValidate", "%1, for example %2.")
                       .arg(nameRuleText(), suggestedName(step.id)));
        }

        // Invalid ids still take part in the graph, so that their edges are not reported
        // as edges to missing steps on top of the id problem.
        if (!step.id.isEmpty()) {
            const auto first = m_stepIndex.constFind(step.id);
            if (first == m_stepIndex.constEnd()) {
                m_stepIndex.insert(step.id, i);
            } else {
                report(stepPath(i, "id"),
                       QCoreApplication::translate("FlowValidate",
                                                   "Duplicate step id \"%1\": steps[%2] has the "
                                                   "same id.")
                           .arg(step.id, QString::number(*first)),
                       QCoreApplication::translate("FlowValidate",
                                                   "Rename one of the two steps."));
            }
        }
        checkStepFields(i);
    }
}

void Validator::checkStepFields(int index)
{
    const Step& step = m_flow.steps[index];
    const QString name = step.id.isEmpty() ? stepPath(index) : step.id;
    switch (step.kind) {
    case StepKind::Shell:
        if (step.command.trimmed().isEmpty()) {
            report(stepPath(index, "command"),
                   QCoreApplication::translate("FlowValidate",
                                               "Shell step \"%1\" has no command.")
                       .arg(name),
                   QCoreApplication::translate("FlowValidate",
                                               "Set command to the shell command to run."));
        }
        break;
    case StepKind::Python:
        if (step.script.trimmed().isEmpty()) {
            report(stepPath(index, "script"),
                   QCoreApplication::translate("FlowValidate",
                                               "Python step \"%1\" has no script.")
                       .arg(name),
                   QCoreApplication::translate("FlowValidate",
                                               "Set script to the Python code to run."));
        }
        break;
    case StepKind::Script:
        if (step.path.trimmed().isEmpty()) {
            report(stepPath(index, "path"),
                   QCoreApplication::translate("FlowValidate",
                                               "Script step \"%1\" has no path.")
                       .arg(name),
                   QCoreApplication::translate("FlowValidate",
                                               "Set path to the script file, relative to the "
                                               "flow file's folder."));
        }
        break;
    }

    if (step.retries < 0) {
        report(stepPath(index, "retries"),
               QCoreApplication::translate("FlowValidate",
                                           "Step \"%1\" has retries %2, but it must be 0 or "
                                           "more.")
                   .arg(name, QString::number(step.retries)),
               QCoreApplication::translate("FlowValidate", "Use 0 for no retries."));
    }
    if (!(step.timeoutS >= 0)) {
        report(stepPath(index, "timeout_s"),
               QCoreApplication::translate("FlowValidate",
                                           "Step \"%1\" has timeout_s %2, but it must be 0 "
                                           "or more.")
                   .arg(name, QString::number(step.timeoutS)),
               QCoreApplication::translate("FlowValidate", "Use 0 for no timeout."));
    }

    for (int k = 0; k < step.params.size(); ++k) {
        if (m_parameterNames.contains(step.params[k]))
            continue;
        report(stepPath(index, "params") + QStringLiteral("[%1]").arg(k),
               QCoreApplication::translate("FlowValidate",
                                           "Step \"%1\" uses the unknown parameter \"%2\".")
                   .arg(name, step.params[k]),
               QCoreApplication::translate("FlowValidate",
                                           "Declare %1 under parameters, or remove it from "
                                           "params.")
                   .arg(step.params[k]));
    }

    // Every text field is checked whatever the kind, because the cache key counts
    // placeholders in all of them as parameter use.
    checkPlaceholders(step.command, stepPath(index, "command"), step);
    checkPlaceholders(step.script, stepPath(index, "script"), step);
    for (int k = 0; k < step.args.size(); ++k)
        checkPlaceholders(step.args[k], stepPath(index, "args") + QStringLiteral("[%1]").arg(k),
                          step);
}

void Validator::checkPlaceholders(const QString& text, const QString& path, const Step& step)
{
    for (const QString& parameter : placeholderNames(text)) {
        if (m_parameterNames.contains(parameter))
            continue;
        report(path,
               QCoreApplication::translate("FlowValidate",
                                           "{{%1}} names the unknown parameter \"%1\".")
                   .arg(parameter),
               QCoreApplication::translate("FlowValidate",
                                           "Declare %1 under parameters, or fix the name in "
                                           "step \"%2\".")
                   .arg(parameter, step.id));
    }
}

void Validator::checkEdges()
{
    m_arcs.assign(m_flow.steps.size(), {});
    QHash<QPair<int, int>, int> firstEdge;
    firstEdge.reserve(m_flow.edges.size());

    for (int k = 0; k < m_flow.edges.size(); ++k) {
        const Edge& edge = m_flow.edges[k];
        checkEdgeEnd(k, "from", edge.from);
        checkEdgeEnd(k, "to", edge.to);
        const int from = m_stepIndex.value(edge.from, -1);
        const int to = m_stepIndex.value(edge.to, -1);
        if (from < 0 || to < 0)
            continue;

        if (from == to) {
            report(edgePath(k),
                   QCoreApplication::translate("FlowValidate",
                                               "The edge connects step \"%1\" to itself.")
                       .arg(edge.from),
                   QCoreApplication::translate("FlowValidate",
                                               "Remove the edge: a step cannot run after "
                                               "itself."));
            continue;
        }
        const auto first = firstEdge.constFind({from, to});
        if (first != firstEdge.constEnd()) {
            report(edgePath(k),
                   QCoreApplication::translate("FlowValidate",
                                               "Duplicate edge %1 → %2: edges[%3] already "
                                               "connects them.")
                       .arg(edge.from, edge.to, QString::number(*first)),
                   QCoreApplication::translate("FlowValidate", "Remove one of the two edges."));
            continue;
        }
        firstEdge.insert({from, to}, k);
        m_arcs[from].push_back({to, k});
    }
}

void Validator::checkEdgeEnd(int edgeIndex, const char* field, const QString& id)
{
    if (id.isEmpty()) {
        report(edgePath(edgeIndex, field),
               QCoreApplication::translate("FlowValidate", "The edge has no \"%1\" step.")
                   .arg(QLatin1String(field)),
               QCoreApplication::translate("FlowValidate",
                                           "Set it to the id of an existing step."));
    } else if (!m_stepIndex.contains(id)) {
        report(edgePath(edgeIndex, field),
               QCoreApplication::translate("FlowValidate",
                                           "The edge's \"%1\" names the missing step \"%2\".")
                   .arg(QLatin1String(field), id),
               QCoreApplication::translate("FlowValidate",
                                           "Use the id of an existing step, or remove the "
                                           "edge."));
    }
}

// Finds the strongly connected components with Tarjan's algorithm, iteratively so that a
// chain of 10,000 steps does not overflow the stack, and reports one cycle per component
// of two or more steps. Every step on a cycle lies in such a component.
void Validator::checkCycles()
{
    const int count = int(m_arcs.size());
    std::vector<int> order(count, -1);
    std::vector<int> low(count, 0);
    std::vector<char> onStack(count, 0);
    std::vector<int> stack;
    std::vector<std::pair<int, std::size_t>> calls;  // step, next arc to follow
    std::vector<std::vector<int>> components;
    int counter = 0;

    for (int root = 0; root < count; ++root) {
        if (order[root] >= 0)
            continue;
        order[root] = low[root] = counter++;
        stack.push_back(root);
        onStack[root] = 1;
        calls.push_back({root, 0});

        while (!calls.empty()) {
            const int node = calls.back().first;
            const std::size_t arc = calls.back().second;
            if (arc < m_arcs[node].size()) {
                ++calls.back().second;
                const int next = m_arcs[node][arc].to;
                if (order[next] < 0) {
                    order[next] = low[next] = counter++;
                    stack.push_back(next);
                    onStack[next] = 1;
                    calls.push_back({next, 0});
                } else if (onStack[next]) {
                    low[node] = std::min(low[node], order[next]);
                }
                continue;
            }

            calls.pop_back();
            if (!calls.empty())
                low[calls.back().first] = std::min(low[calls.back().first], low[node]);
            if (low[node] != order[node])
                continue;
            std::vector<int> component;
            int member = -1;
            do {
                member = stack.back();
                stack.pop_back();
                onStack[member] = 0;
                component.push_back(member);
            } while (member != node);
            if (component.size() > 1)
                components.push_back(std::move(component));
        }
    }

    // Report in file order of each component's first step, so the output is stable.
    for (std::vector<int>& component : components)
        std::sort(component.begin(), component.end());
    std::sort(components.begin(), components.end());
    std::vector<int> mark(count, -1);
    for (std::size_t c = 0; c < components.size(); ++c)
        reportCycle(components[c], &mark, int(c));
}

// Reports the shortest cycle through the component's first step: a breadth-first search
// inside the component from that step back to itself.
void Validator::reportCycle(const std::vector<int>& component, std::vector<int>* mark, int stamp)
{
    for (const int member : component)
        (*mark)[member] = stamp;
    const int start = component.front();

    QHash<int, int> predecessor;  // step to the step it was first reached from
    std::vector<int> queue{start};
    int closingEdge = -1;
    for (std::size_t head = 0; head < queue.size() && closingEdge < 0; ++head) {
        const int node = queue[head];
        for (const Arc& arc : m_arcs[node]) {
            if ((*mark)[arc.to] != stamp)
                continue;
            if (arc.to == start) {
                closingEdge = arc.edge;
                predecessor.insert(start, node);
                break;
            }
            if (!predecessor.contains(arc.to)) {
                predecessor.insert(arc.to, node);
                queue.push_back(arc.to);
            }
        }
    }
    Q_ASSERT_X(closingEdge >= 0, "reportCycle",
               "every step of a strongly connected component lies on a cycle");

    QStringList cycle;
    for (int node = predecessor.value(start); node != start; node = predecessor.value(node))
        cycle.prepend(m_flow.steps[node].id);
    cycle.prepend(m_flow.steps[start].id);

    QStringList shown = cycle;
    if (shown.size() > kMaxCycleStepsShown) {
        shown = cycle.mid(0, kMaxCycleStepsShown);
        shown.append(QStringLiteral("…"));
    }
    shown.append(cycle.front());
    QString text = shown.join(QStringLiteral(" → "));
    if (cycle.size() > kMaxCycleStepsShown)
        text += QCoreApplication::translate("FlowValidate", " (%1 steps)").arg(cycle.size());

    report(edgePath(closingEdge),
           QCoreApplication::translate("FlowValidate", "The edges form a cycle: %1.").arg(text),
           QCoreApplication::translate("FlowValidate",
                                       "Remove one of the edges on the cycle: a flow must not "
                                       "loop back to an earlier step."));
}

}  // namespace

QList<FlowIssue> validateFlow(const Flow& flow)
{
    return Validator(flow).run();
}

bool isValidIdentifier(const QString& name)
{
    if (name.isEmpty())
        return false;
    for (qsizetype i = 0; i < name.size(); ++i) {
        const char16_t c = name[i].unicode();
        const bool letter = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'_';
        const bool digit = c >= u'0' && c <= u'9';
        if (!letter && (i == 0 || (!digit && c != u'-')))
            return false;
    }
    return true;
}

}  // namespace cairn
