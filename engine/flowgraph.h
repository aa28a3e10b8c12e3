#pragma once

// Read-only graph queries over a valid (acyclic) flow: topological order, upstream and
// downstream steps. Built once per flow; step ids are looked up by index.

#include "flow.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace cairn {

class FlowGraph {
public:
    explicit FlowGraph(const Flow& flow);

    // Step ids in an order where every step comes after its upstream steps. Ties keep the
    // order of the file, so the order is stable.
    const QStringList& topologicalOrder() const { return m_order; }

    // Direct upstream steps of id, in the order of the file's edges.
    QStringList upstream(const QString& id) const { return m_upstream.value(id); }
    QStringList downstream(const QString& id) const { return m_downstream.value(id); }

    QSet<QString> ancestors(const QString& id) const;    // excludes id
    QSet<QString> descendants(const QString& id) const;  // excludes id

    // False when the edges form a cycle; *cycle then names the steps on one cycle, in order.
    bool isAcyclic(QStringList* cycle = nullptr) const;

private:
    QStringList m_ids;
    QHash<QString, QStringList> m_upstream;
    QHash<QString, QStringList> m_downstream;
    QStringList m_order;
};

}  // namespace cairn
