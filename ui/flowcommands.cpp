#include "flowcommands.h"

namespace cairn {

namespace {

// Merge id shared by all moves; other commands keep the default -1 and never merge.
constexpr int kMoveStepsCommandId = 1;

Edge withRenamedEnds(Edge edge, const QString& oldId, const QString& newId)
{
    if (edge.from == oldId)
        edge.from = newId;
    if (edge.to == oldId)
        edge.to = newId;
    return edge;
}

}  // namespace

InsertItemsCommand::InsertItemsCommand(FlowDocument* document,
                                       const QList<QPair<int, Step>>& steps,
                                       const QList<QPair<int, Edge>>& edges,
                                       const QString& text)
    : QUndoCommand(text), m_document(document), m_steps(steps), m_edges(edges)
{
}

// Steps go in before the edges that name them. Inserting in ascending index order puts
// every item at its recorded index, because the items before it are already in place.
void InsertItemsCommand::redo()
{
    for (const auto& [index, step] : std::as_const(m_steps))
        m_document->insertStepAt(index, step);
    for (const auto& [index, edge] : std::as_const(m_edges))
        m_document->insertEdgeAt(index, edge);
}

void InsertItemsCommand::undo()
{
    for (auto it = m_edges.crbegin(); it != m_edges.crend(); ++it)
        m_document->takeEdgeAt(it->first);
    for (auto it = m_steps.crbegin(); it != m_steps.crend(); ++it)
        m_document->takeStep(it->second.id);
}

RemoveItemsCommand::RemoveItemsCommand(FlowDocument* document,
                                       const QList<QPair<int, Step>>& steps,
                                       const QList<QPair<int, Edge>>& edges,
                                       const QString& text)
    : QUndoCommand(text), m_document(document), m_steps(steps), m_edges(edges)
{
}

// Edges leave before their steps, from the highest index down so that the recorded
// indexes stay valid.
void RemoveItemsCommand::redo()
{
    for (auto it = m_edges.crbegin(); it != m_edges.crend(); ++it)
        m_document->takeEdgeAt(it->first);
    for (auto it = m_steps.crbegin(); it != m_steps.crend(); ++it)
        m_document->takeStep(it->second.id);
}

void RemoveItemsCommand::undo()
{
    for (const auto& [index, step] : std::as_const(m_steps))
        m_document->insertStepAt(index, step);
    for (const auto& [index, edge] : std::as_const(m_edges))
        m_document->insertEdgeAt(index, edge);
}

MoveStepsCommand::MoveStepsCommand(FlowDocument* document,
                                   const QHash<QString, QPointF>& oldPositions,
                                   const QHash<QString, QPointF>& newPositions, Merge merge,
                                   const QString& text)
    : QUndoCommand(text),
      m_document(document),
      m_oldPositions(oldPositions),
      m_newPositions(newPositions),
      m_merge(merge)
{
}

void MoveStepsCommand::redo()
{
    for (auto it = m_newPositions.cbegin(); it != m_newPositions.cend(); ++it)
        m_document->setStepPosition(it.key(), it.value());
}

void MoveStepsCommand::undo()
{
    for (auto it = m_oldPositions.cbegin(); it != m_oldPositions.cend(); ++it)
        m_document->setStepPosition(it.key(), it.value());
}

int MoveStepsCommand::id() const
{
    return m_merge == Merge::Never ? -1 : kMoveStepsCommandId;
}

// other is the newer move. It joins this one when it continues a drag of the same steps.
// A drag that ends where it started leaves nothing to undo.
bool MoveStepsCommand::mergeWith(const QUndoCommand* other)
{
    const auto* move = static_cast<const MoveStepsCommand*>(other);
    if (move->m_merge != Merge::ContinuesDrag)
        return false;
    if (move->m_newPositions.size() != m_newPositions.size())
        return false;
    for (auto it = move->m_newPositions.cbegin(); it != move->m_newPositions.cend(); ++it) {
        if (!m_newPositions.contains(it.key()))
            return false;
    }

    m_newPositions = move->m_newPositions;
    setObsolete(m_newPositions == m_oldPositions);
    return true;
}

EditStepCommand::EditStepCommand(FlowDocument* document, const Step& oldStep,
                                 const Step& newStep, const QList<int>& renamedEdges,
                                 const QString& text)
    : QUndoCommand(text),
      m_document(document),
      m_oldStep(oldStep),
      m_newStep(newStep),
      m_renamedEdges(renamedEdges)
{
}

void EditStepCommand::redo()
{
    apply(m_oldStep, m_newStep);
}

void EditStepCommand::undo()
{
    apply(m_newStep, m_oldStep);
}

// A renamed step's edges are taken out before the step changes and put back after, so
// that every signal names ids that exist in the flow at that moment.
void EditStepCommand::apply(const Step& from, const Step& to)
{
    QList<Edge> edges;
    for (auto it = m_renamedEdges.crbegin(); it != m_renamedEdges.crend(); ++it)
        edges.prepend(m_document->takeEdgeAt(*it));

    m_document->replaceStep(from.id, to);

    for (int k = 0; k < m_renamedEdges.size(); ++k)
        m_document->insertEdgeAt(m_renamedEdges[k], withRenamedEnds(edges[k], from.id, to.id));
}

EditFlowPropertiesCommand::EditFlowPropertiesCommand(FlowDocument* document,
                                                     const Header& oldHeader,
                                                     const Header& newHeader,
                                                     const QString& text)
    : QUndoCommand(text), m_document(document), m_oldHeader(oldHeader), m_newHeader(newHeader)
{
}

void EditFlowPropertiesCommand::redo()
{
    m_document->setFlowHeader(m_newHeader.name, m_newHeader.description,
                              m_newHeader.parameters);
}

void EditFlowPropertiesCommand::undo()
{
    m_document->setFlowHeader(m_oldHeader.name, m_oldHeader.description,
                              m_oldHeader.parameters);
}

}  // namespace cairn
