#pragma once

// The flow being edited in the window: a Flow plus its file, its undo stack and change
// signals. Every edit goes through an undo command pushed by the edit methods below, so
// the canvas, the inspector and the palette never change the flow directly. The document
// knows nothing of the scene or any widget.

#include "flow.h"

#include <QHash>
#include <QObject>
#include <QPointF>
#include <QString>
#include <QStringList>

class QUndoStack;

namespace cairn {

class FlowDocument : public QObject {
    Q_OBJECT
public:
    explicit FlowDocument(QObject* parent = nullptr);
    ~FlowDocument() override;

    const Flow& flow() const { return m_flow; }
    QUndoStack* undoStack() const { return m_undo; }

    QString filePath() const { return m_flow.filePath; }
    bool isModified() const;  // the undo stack is not at its clean index

    // Replaces the document with a new empty flow, a loaded file, or a given flow; clears
    // the undo history and emits documentReset.
    void newFlow();
    bool load(const QString& filePath, QList<FlowIssue>* issues);
    void reset(const Flow& flow);
    // Saves (atomically) and marks the undo stack clean; sets filePath.
    bool save(const QString& filePath, QString* error);

    // --- Edits. Each pushes one undo command; on refusal nothing changes and *error says
    // why in words for the status bar. An edit that would change nothing pushes no
    // command. ---

    // Adds a step; its id is made unique (fetch, fetch_2, …) when taken. Returns the id.
    QString addStep(const Step& step);
    // Adds steps and the edges among them as one command (paste, duplicate, templates).
    // Ids are made unique and the edges follow the renames. Returns the new ids.
    QStringList addSteps(const QList<Step>& steps, const QList<Edge>& edges,
                         const QString& commandText);
    // Connects from's output to to's input. Refuses a self edge, a duplicate and an edge
    // that would close a cycle.
    bool connectSteps(const QString& from, const QString& to, QString* error);
    // Removes steps (with their edges) and edges, as one command.
    void removeItems(const QStringList& stepIds, const QList<QPair<QString, QString>>& edges);
    // Moves steps. Consecutive moves with merge true and the same set of steps merge into
    // one undo entry (a drag); pass merge false to start a new entry.
    void moveSteps(const QHash<QString, QPointF>& positions, bool merge);
    // Replaces one step's fields (an inspector edit). A changed id must be valid and
    // unused; edges follow the rename.
    bool editStep(const QString& id, const Step& edited, QString* error);
    // Replaces the flow's name, description and parameters.
    bool editFlowProperties(const QString& name, const QString& description,
                            const QList<Parameter>& parameters, QString* error);
    // Sets many positions at once as one command named "Lay Out" (automatic layout).
    void applyLayout(const QHash<QString, QPointF>& positions);

    // Helpers for edits.
    QString uniqueStepId(const QString& base) const;
    bool wouldCreateCycle(const QString& from, const QString& to) const;
    bool hasEdge(const QString& from, const QString& to) const;

    // --- Raw mutations used by the undo commands only. They emit the signals. ---
    void insertStepAt(int index, const Step& step);
    Step takeStep(const QString& id);  // removes the step, not its edges
    void replaceStep(const QString& id, const Step& step);
    void setStepPosition(const QString& id, const QPointF& position);
    void insertEdgeAt(int index, const Edge& edge);
    Edge takeEdgeAt(int index);
    void setFlowHeader(const QString& name, const QString& description,
                       const QList<Parameter>& parameters);

Q_SIGNALS:
    void documentReset();
    void stepAdded(const QString& id);
    void stepRemoved(const QString& id);
    // Fields changed; oldId differs from the step's id after a rename.
    void stepChanged(const QString& oldId, const QString& id);
    void stepMoved(const QString& id, const QPointF& position);
    void edgeAdded(const QString& from, const QString& to);
    void edgeRemoved(const QString& from, const QString& to);
    void flowPropertiesChanged();
    void modifiedChanged(bool modified);
    void filePathChanged(const QString& filePath);

private:
    // Index of the step in m_flow.steps, -1 when absent. Looked up in a cache, so that
    // moving many steps of a large flow does not search the list once per step.
    int indexOfStep(const QString& id) const;
    void invalidateStepIndex() { m_stepIndexValid = false; }

    Flow m_flow;
    QUndoStack* m_undo;
    mutable QHash<QString, int> m_stepIndex;  // valid only while m_stepIndexValid
    mutable bool m_stepIndexValid = false;
};

}  // namespace cairn
