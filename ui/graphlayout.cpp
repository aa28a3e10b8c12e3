#include "graphlayout.h"

#include "canvasstyle.h"
#include "flowgraph.h"

#include <gvc.h>

#include <QByteArray>

#include <algorithm>
#include <cmath>
#include <mutex>

namespace cairn {

namespace {

// Graphviz measures node sizes in inches and positions in points (1/72 inch). With node
// sizes given as pixels / 72, one point is one scene pixel.
constexpr double kPointsPerInch = 72;
constexpr double kRankGap = 70;  // pixels between columns
constexpr double kNodeGap = 30;  // pixels between nodes of one column

// Graphviz's C API takes char* for names and values it does not modify.
char* cString(const char* text)
{
    return const_cast<char*>(text);
}

void setDefault(Agraph_t* graph, int kind, const char* name, const QByteArray& value)
{
    agattr(graph, kind, cString(name), cString(value.constData()));
}

QByteArray inches(double pixels)
{
    return QByteArray::number(pixels / kPointsPerInch, 'f', 4);
}

// Graphviz keeps global state (the context, error level, layout tables), so every call
// into it holds this lock.
std::mutex& graphvizMutex()
{
    static std::mutex mutex;
    return mutex;
}

void setDefaults(Agraph_t* graph)
{
    setDefault(graph, AGRAPH, "rankdir", QByteArray("LR"));
    setDefault(graph, AGRAPH, "ranksep", inches(kRankGap));
    setDefault(graph, AGRAPH, "nodesep", inches(kNodeGap));
    // The canvas draws its own curves, so dot need not route edges.
    setDefault(graph, AGRAPH, "splines", QByteArray("none"));
    setDefault(graph, AGNODE, "shape", QByteArray("box"));
    setDefault(graph, AGNODE, "fixedsize", QByteArray("true"));
    setDefault(graph, AGNODE, "label", QByteArray(""));
    setDefault(graph, AGNODE, "width", inches(CanvasStyle::kNodeWidth));
    setDefault(graph, AGNODE, "height", inches(CanvasStyle::kNodeHeight));
}

bool graphvizLayout(const Flow& flow, QHash<QString, QPointF>* positions)
{
    const std::lock_guard<std::mutex> lock(graphvizMutex());
    static GVC_t* context = [] {
        agseterr(AGERR);  // warnings about the input would only reach stderr
        return gvContext();
    }();
    if (!context)
        return false;

    Agraph_t* graph = agopen(cString("flow"), Agdirected, nullptr);
    if (!graph)
        return false;
    setDefaults(graph);

    // Steps and edges go in file order, so the same flow always gets the same layout.
    QHash<QString, Agnode_t*> nodes;
    for (const Step& step : flow.steps) {
        QByteArray name = step.id.toUtf8();
        nodes.insert(step.id, agnode(graph, name.data(), 1));
    }
    for (const Edge& edge : flow.edges) {
        Agnode_t* from = nodes.value(edge.from);
        Agnode_t* to = nodes.value(edge.to);
        if (from && to)
            agedge(graph, from, to, nullptr, 1);
    }

    if (gvLayout(context, graph, "dot") != 0) {
        agclose(graph);
        return false;
    }

    // dot's y axis points up and its coordinates are node centres. The scene's y axis
    // points down and positions are top-left corners.
    const boxf bounds = GD_bb(graph);
    for (auto it = nodes.cbegin(); it != nodes.cend(); ++it) {
        const pointf centre = ND_coord(it.value());
        const double x = centre.x - bounds.LL.x - CanvasStyle::kNodeWidth / 2;
        const double y = bounds.UR.y - centre.y - CanvasStyle::kNodeHeight / 2;
        positions->insert(it.key(), QPointF(std::round(x), std::round(y)));
    }
    gvFreeLayout(context, graph);
    agclose(graph);
    return true;
}

// Columns by longest path from a source, rows in file order within a column.
QHash<QString, QPointF> columnLayout(const Flow& flow)
{
    const FlowGraph graph(flow);
    QHash<QString, int> column;
    for (const QString& id : graph.topologicalOrder()) {
        int value = 0;
        for (const QString& upstream : graph.upstream(id))
            value = std::max(value, column.value(upstream, 0) + 1);
        column.insert(id, value);
    }

    QHash<int, int> rowsUsed;
    QHash<QString, QPointF> positions;
    for (const Step& step : flow.steps) {
        const int x = column.value(step.id, 0);
        const int y = rowsUsed[x]++;
        positions.insert(step.id, QPointF(x * (CanvasStyle::kNodeWidth + kRankGap),
                                          y * (CanvasStyle::kNodeHeight + kNodeGap)));
    }
    return positions;
}

}  // namespace

QHash<QString, QPointF> layeredLayout(const Flow& flow)
{
    QHash<QString, QPointF> positions;
    if (flow.steps.isEmpty())
        return positions;
    if (graphvizLayout(flow, &positions))
        return positions;
    return columnLayout(flow);
}

}  // namespace cairn
