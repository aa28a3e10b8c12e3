#pragma once

// The undo commands of FlowDocument. Each command records what it needs to restore the
// flow exactly, including the indexes of steps and edges in their lists, and applies its
// change through the document's raw mutations so that the change signals are emitted.

#include "flowdocument.h"

#include <QList>
#include <QPair>
#include <QUndoCommand>

namespace cairn {

// Steps and edges inserted at given indexes; undo takes them out again.
class InsertItemsCommand : public QUndoCommand {
public:
    InsertItemsCommand(FlowDocument* document, const QList<QPair<int, Step>>& steps,
                       const QList<QPair<int, Edge>>& edges, const QString& text);
    void redo() override;
    void undo() override;

private:
    FlowDocument* m_document;
    QList<QPair<int, Step>> m_steps;  // ascending indexes in the edited flow
    QList<QPair<int, Edge>> m_edges;  // ascending indexes in the edited flow
};

// Steps and edges taken out; undo inserts them back at their indexes.
class RemoveItemsCommand : public QUndoCommand {
public:
    RemoveItemsCommand(FlowDocument* document, const QList<QPair<int, Step>>& steps,
                       const QList<QPair<int, Edge>>& edges, const QString& text);
    void redo() override;
    void undo() override;

private:
    FlowDocument* m_document;
    QList<QPair<int, Step>> m_steps;  // ascending indexes in the flow before removal
    QList<QPair<int, Edge>> m_edges;  // ascending indexes in the flow before removal
};

// New positions for steps. A drag is one undo entry: the moves that continue a drag merge
// into the move before them when they move the same steps. Layout uses the same command
// and never merges.
class MoveStepsCommand : public QUndoCommand {
public:
    enum class Merge { Never, StartsDrag, ContinuesDrag };

    MoveStepsCommand(FlowDocument* document, const QHash<QString, QPointF>& oldPositions,
                     const QHash<QString, QPointF>& newPositions, Merge merge,
                     const QString& text);
    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand* other) override;

private:
    FlowDocument* m_document;
    QHash<QString, QPointF> m_oldPositions;
    QHash<QString, QPointF> m_newPositions;
    Merge m_merge;
};

// One step's fields replaced. On a rename the edges naming the old id are rewritten as
// part of the same command.
class EditStepCommand : public QUndoCommand {
public:
    EditStepCommand(FlowDocument* document, const Step& oldStep, const Step& newStep,
                    const QList<int>& renamedEdges, const QString& text);
    void redo() override;
    void undo() override;

private:
    void apply(const Step& from, const Step& to);

    FlowDocument* m_document;
    Step m_oldStep;
    Step m_newStep;
    QList<int> m_renamedEdges;  // ascending indexes of the edges that name the step
};

// The flow's name, description and parameters replaced.
class EditFlowPropertiesCommand : public QUndoCommand {
public:
    struct Header {
        QString name;
        QString description;
        QList<Parameter> parameters;
    };

    EditFlowPropertiesCommand(FlowDocument* document, const Header& oldHeader,
                              const Header& newHeader, const QString& text);
    void redo() override;
    void undo() override;

private:
    FlowDocument* m_document;
    Header m_oldHeader;
    Header m_newHeader;
};

}  // namespace cairn
