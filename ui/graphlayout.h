#pragma once

// Automatic layered layout of a flow, left to right, by Graphviz's dot through its C
// library. Safe to call repeatedly and from any thread, because calls are serialised
// around Graphviz's global state.

#include "flow.h"

#include <QHash>
#include <QPointF>
#include <QString>

namespace cairn {

// Top-left positions in scene pixels for every step of the flow, with nodes of the
// canvas' node size, sources on the left and sinks on the right. When Graphviz fails,
// falls back to columns by longest path from a source. Empty for a flow without steps.
QHash<QString, QPointF> layeredLayout(const Flow& flow);

}  // namespace cairn
