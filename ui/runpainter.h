#pragma once

// Paints a stored run on the canvas: each step's status, duration and reason from the
// store, and which steps changed since that run, found by comparing the run's flow
// snapshot with the flow being edited.

#include "flow.h"

#include <QString>
#include <QStringList>

namespace cairn {

class FlowScene;
class Store;

// Steps of the current flow compared with a run's flow snapshot.
struct FlowChanges {
    QStringList added;    // in the current flow only
    QStringList removed;  // in the run's snapshot only
    QStringList edited;   // in both, with a field that enters the cache key changed
    bool isEmpty() const { return added.isEmpty() && removed.isEmpty() && edited.isEmpty(); }
    int count() const { return added.size() + removed.size() + edited.size(); }
};

// Compares the steps of two flows on the fields that enter the cache key.
FlowChanges compareFlows(const Flow& before, const Flow& after);

class RunPainter {
public:
    // Paints run on scene, whose steps are those of current. Returns false with *error
    // when the run is not in the store. Fills *changes with the steps changed since the
    // run, and added and edited nodes show it in their detail text.
    static bool paint(FlowScene* scene, const Store& store, const Flow& current, qint64 run,
                      FlowChanges* changes, QString* error);

    // The banner text: "Showing run 4 — 2 steps changed since".
    static QString bannerText(qint64 run, const FlowChanges& changes);
};

}  // namespace cairn
