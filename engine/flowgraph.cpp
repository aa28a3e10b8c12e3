#include "flowgraph.h"

#include <algorithm>
#include <functional>
#include <queue>
#include <vector>

namespace cairn {

// Edges naming a missing step, self edges and repeated edges are left out, because the
// graph may be built for a flow that failed validation. A repeated step id refers to its
// first step.
FlowGraph::FlowGraph(const Flow& flow)
{
    QHash<QString, int> index;
    index.reserve(flow.steps.size());
    for (const Step& step : flow.steps) {
        if (!index.contains(step.id)) {
            index.insert(step.id, int(m_ids.size()));
            m_ids.append(step.id);
        }
    }

    const int count = int(m_ids.size());
    std::vector<std::vector<int>> successors(count);
    std::vector<int> inDegree(count, 0);
    QSet<QPair<int, int>> seen;
    seen.reserve(flow.edges.size());
    for (const Edge& edge : flow.edges) {
        const int from = index.value(edge.from, -1);
        const int to = index.value(edge.to, -1);
        if (from < 0 || to < 0 || from == to || seen.contains({from, to}))
            continue;
        seen.insert({from, to});
        successors[from].push_back(to);
        ++inDegree[to];
        m_upstream[edge.to].append(edge.from);
        m_downstream[edge.from].append(edge.to);
    }

    // Kahn's algorithm. The min-heap on file index takes the ready step that comes first
    // in the file, so the order is stable and follows the file where the edges allow.
    std::priority_queue<int, std::vector<int>, std::greater<int>> ready;
    for (int i = 0; i < count; ++i) {
        if (inDegree[i] == 0)
            ready.push(i);
    }
    m_order.reserve(count);
    while (!ready.empty()) {
        const int node = ready.top();
        ready.pop();
        m_order.append(m_ids[node]);
        for (const int next : successors[node]) {
            if (--inDegree[next] == 0)
                ready.push(next);
        }
    }
    // NOTE: on a cyclic graph, m_order lacks the steps on and after the cycles.
}

QSet<QString> FlowGraph::ancestors(const QString& id) const
{
    QSet<QString> found;
    QStringList pending = upstream(id);
    while (!pending.isEmpty()) {
        const QString current = pending.takeLast();
        if (current == id || found.contains(current))
            continue;
        found.insert(current);
        pending.append(upstream(current));
    }
    return found;
}

QSet<QString> FlowGraph::descendants(const QString& id) const
{
    QSet<QString> found;
    QStringList pending = downstream(id);
    while (!pending.isEmpty()) {
        const QString current = pending.takeLast();
        if (current == id || found.contains(current))
            continue;
        found.insert(current);
        pending.append(downstream(current));
    }
    return found;
}

// Every step left out of the topological order has an upstream step that was also left
// out. So a walk upstream through such steps must revisit a step, and the walk from that
// step back to itself is a cycle in reverse.
bool FlowGraph::isAcyclic(QStringList* cycle) const
{
    if (m_order.size() == m_ids.size())
        return true;
    if (!cycle)
        return false;

    const QSet<QString> ordered(m_order.cbegin(), m_order.cend());
    QString start;
    for (const QString& id : m_ids) {
        if (!ordered.contains(id)) {
            start = id;
            break;
        }
    }

    QHash<QString, int> walkIndex;
    QStringList walk;
    QString current = start;
    while (!walkIndex.contains(current)) {
        walkIndex.insert(current, int(walk.size()));
        walk.append(current);
        for (const QString& previous : m_upstream.value(current)) {
            if (!ordered.contains(previous)) {
                current = previous;
                break;
            }
        }
    }

    QStringList found = walk.mid(walkIndex.value(current));
    std::reverse(found.begin(), found.end());

    // Start at the step that comes first in the file, so the result is stable.
    const QSet<QString> onCycle(found.cbegin(), found.cend());
    QHash<QString, int> fileIndex;
    for (int i = 0; i < m_ids.size(); ++i) {
        if (onCycle.contains(m_ids[i]))
            fileIndex.insert(m_ids[i], i);
    }
    const auto first = std::min_element(found.cbegin(), found.cend(),
                                        [&](const QString& a, const QString& b) {
                                            return fileIndex.value(a) < fileIndex.value(b);
                                        });
    std::rotate(found.begin(), found.begin() + (first - found.cbegin()), found.end());
    *cycle = found;
    return false;
}

}  // namespace cairn
