#include "flowdocument.h"

#include "flowcommands.h"

#include <QFileInfo>
#include <QHash>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSet>
#include <QUndoStack>

namespace cairn {

namespace {

Q_LOGGING_CATEGORY(lcDocument, "cairn.ui.document", QtWarningMsg)

// Longer paths in cycle messages show their first and last steps around "…".
constexpr int kMaxPathStepsShown = 8;
constexpr int kPathEndsShown = 3;

// A valid id close to base: other characters become '_', and an empty base gives "step".
QString sanitizedStepId(const QString& base)
{
    QString id;
    for (const QChar c : base) {
        const bool allowed = c.isLetterOrNumber() && c.unicode() < 128;
        id += allowed || c == u'_' || c == u'-' ? c : QLatin1Char('_');
    }
    if (id.isEmpty())
        return QStringLiteral("step");
    if (!isValidIdentifier(id))
        id.prepend(QLatin1Char('_'));
    return id;
}

// base itself when free, else base_2, base_3, … A base that already ends in such a
// suffix counts on from its stem, so duplicating fetch_2 gives fetch_3, not fetch_2_2.
QString uniqueIdAmong(const QString& base, const QSet<QString>& taken)
{
    const QString id = sanitizedStepId(base);
    if (!taken.contains(id))
        return id;

    static const QRegularExpression suffix(QStringLiteral("^(.+)_(\\d+)$"));
    const QRegularExpressionMatch match = suffix.match(id);
    const QString stem = match.hasMatch() ? match.captured(1) : id;
    for (int n = 2;; ++n) {
        const QString candidate = stem + QStringLiteral("_%1").arg(n);
        if (!taken.contains(candidate))
            return candidate;
    }
}

QSet<QString> stepIds(const Flow& flow)
{
    QSet<QString> ids;
    ids.reserve(flow.steps.size());
    for (const Step& step : flow.steps)
        ids.insert(step.id);
    return ids;
}

// Steps from start to goal along edges (both included), found breadth first so the path
// is a shortest one; empty when goal cannot be reached.
QStringList pathAlongEdges(const QList<Edge>& edges, const QString& start, const QString& goal)
{
    QHash<QString, QStringList> downstream;
    for (const Edge& edge : edges)
        downstream[edge.from].append(edge.to);

    QHash<QString, QString> predecessor;
    QStringList queue{start};
    for (qsizetype head = 0; head < queue.size(); ++head) {
        const QString node = queue[head];
        if (node == goal) {
            QStringList path{goal};
            for (QString at = goal; at != start; at = predecessor.value(at))
                path.prepend(predecessor.value(at));
            return path;
        }
        for (const QString& next : downstream.value(node)) {
            if (next != start && !predecessor.contains(next)) {
                predecessor.insert(next, node);
                queue.append(next);
            }
        }
    }
    return {};
}

bool containsEdge(const QList<Edge>& edges, const QString& from, const QString& to)
{
    for (const Edge& edge : edges) {
        if (edge.from == from && edge.to == to)
            return true;
    }
    return false;
}

QString shortenedPath(const QStringList& path)
{
    if (path.size() <= kMaxPathStepsShown)
        return path.join(QStringLiteral(" → "));
    QStringList shown = path.first(kPathEndsShown);
    shown.append(QStringLiteral("…"));
    shown.append(path.last(kPathEndsShown));
    return shown.join(QStringLiteral(" → "));
}

// Whether two steps would be written identically, unknown keys included.
bool sameStep(const Step& a, const Step& b)
{
    Flow left;
    left.steps = {a};
    Flow right;
    right.steps = {b};
    return serializeFlow(left) == serializeFlow(right);
}

QSet<QString> issueTexts(const QList<FlowIssue>& issues)
{
    QSet<QString> texts;
    for (const FlowIssue& issue : issues)
        texts.insert(issue.path + QLatin1Char('\n') + issue.message);
    return texts;
}

}  // namespace

FlowDocument::FlowDocument(QObject* parent) : QObject(parent), m_undo(new QUndoStack(this))
{
    connect(m_undo, &QUndoStack::cleanChanged, this,
            [this](bool clean) { Q_EMIT modifiedChanged(!clean); });
    newFlow();
}

FlowDocument::~FlowDocument() = default;

bool FlowDocument::isModified() const
{
    return !m_undo->isClean();
}

void FlowDocument::newFlow()
{
    Flow flow;
    flow.name = QStringLiteral("untitled");
    reset(flow);
}

bool FlowDocument::load(const QString& filePath, QList<FlowIssue>* issues)
{
    Flow loaded;
    if (!loadFlow(filePath, &loaded, issues)) {
        qCInfo(lcDocument) << "cannot open" << filePath;
        return false;
    }
    reset(loaded);
    return true;
}

void FlowDocument::reset(const Flow& flow)
{
    const QString oldPath = m_flow.filePath;
    m_flow = flow;
    invalidateStepIndex();
    m_undo->clear();
    Q_EMIT documentReset();
    if (m_flow.filePath != oldPath)
        Q_EMIT filePathChanged(m_flow.filePath);
}

bool FlowDocument::save(const QString& filePath, QString* error)
{
    if (!saveFlow(m_flow, filePath, error))
        return false;

    const QString absolutePath = QFileInfo(filePath).absoluteFilePath();
    m_undo->setClean();
    if (absolutePath != m_flow.filePath) {
        m_flow.filePath = absolutePath;
        Q_EMIT filePathChanged(absolutePath);
    }
    return true;
}

QString FlowDocument::addStep(const Step& step)
{
    Step added = step;
    added.id = uniqueStepId(step.id);
    const QList<QPair<int, Step>> steps{{int(m_flow.steps.size()), added}};
    m_undo->push(new InsertItemsCommand(this, steps, {}, tr("Add step %1").arg(added.id)));
    return added.id;
}

// Edges to or from steps outside the list, repeated edges and edges that would close a
// loop are dropped. The new steps have no edges to the rest of the flow, so a loop can only
// form among them.
QStringList FlowDocument::addSteps(const QList<Step>& steps, const QList<Edge>& edges,
                                   const QString& commandText)
{
    if (steps.isEmpty())
        return {};

    QSet<QString> taken = stepIds(m_flow);
    QHash<QString, QString> newIds;
    QList<QPair<int, Step>> addedSteps;
    QStringList ids;
    for (const Step& step : steps) {
        Step added = step;
        added.id = uniqueIdAmong(step.id, taken);
        taken.insert(added.id);
        if (!newIds.contains(step.id))
            newIds.insert(step.id, added.id);
        addedSteps.append({int(m_flow.steps.size() + addedSteps.size()), added});
        ids.append(added.id);
    }

    QList<Edge> kept;
    QList<QPair<int, Edge>> addedEdges;
    for (const Edge& edge : edges) {
        if (!newIds.contains(edge.from) || !newIds.contains(edge.to))
            continue;
        Edge added = edge;
        added.from = newIds.value(edge.from);
        added.to = newIds.value(edge.to);
        if (added.from == added.to || containsEdge(kept, added.from, added.to)
            || !pathAlongEdges(kept, added.to, added.from).isEmpty()) {
            qCDebug(lcDocument) << "dropped edge" << edge.from << "->" << edge.to
                                << "of the added steps";
            continue;
        }
        kept.append(added);
        addedEdges.append({int(m_flow.edges.size() + addedEdges.size()), added});
    }

    QString text = commandText;
    if (text.isEmpty()) {
        text = ids.size() == 1 ? tr("Add step %1").arg(ids.front())
                               : tr("Add %n steps", nullptr, int(ids.size()));
    }
    m_undo->push(new InsertItemsCommand(this, addedSteps, addedEdges, text));
    return ids;
}

bool FlowDocument::connectSteps(const QString& from, const QString& to, QString* error)
{
    QString message;
    if (indexOfStep(from) < 0) {
        message = tr("Cannot connect: there is no step %1.").arg(from);
    } else if (indexOfStep(to) < 0) {
        message = tr("Cannot connect: there is no step %1.").arg(to);
    } else if (from == to) {
        message = tr("Cannot connect %1 to itself.").arg(from);
    } else if (hasEdge(from, to)) {
        message = tr("%1 already runs after %2.").arg(to, from);
    } else if (const QStringList path = pathAlongEdges(m_flow.edges, to, from);
               !path.isEmpty()) {
        message = tr("Connecting %1 → %2 would create a cycle: %3 → %4.")
                      .arg(from, to, shortenedPath(path), to);
    }
    if (!message.isEmpty()) {
        if (error)
            *error = message;
        return false;
    }

    Edge edge;
    edge.from = from;
    edge.to = to;
    const QList<QPair<int, Edge>> edges{{int(m_flow.edges.size()), edge}};
    m_undo->push(new InsertItemsCommand(this, {}, edges,
                                        tr("Connect %1 → %2").arg(from, to)));
    return true;
}

void FlowDocument::removeItems(const QStringList& stepIds,
                               const QList<QPair<QString, QString>>& edges)
{
    const QSet<QString> removedIds(stepIds.cbegin(), stepIds.cend());
    QList<QPair<int, Step>> removedSteps;
    for (int i = 0; i < m_flow.steps.size(); ++i) {
        if (removedIds.contains(m_flow.steps[i].id))
            removedSteps.append({i, m_flow.steps[i]});
    }

    // Edges of removed steps go too; only the edges named directly count as items.
    const QSet<QPair<QString, QString>> namedPairs(edges.cbegin(), edges.cend());
    QList<QPair<int, Edge>> removedEdges;
    int namedEdges = 0;
    for (int k = 0; k < m_flow.edges.size(); ++k) {
        const Edge& edge = m_flow.edges[k];
        const bool named = namedPairs.contains({edge.from, edge.to});
        if (named)
            ++namedEdges;
        if (named || removedIds.contains(edge.from) || removedIds.contains(edge.to))
            removedEdges.append({k, edge});
    }
    if (removedSteps.isEmpty() && removedEdges.isEmpty())
        return;

    QString text;
    if (removedSteps.size() == 1 && namedEdges == 0) {
        text = tr("Delete step %1").arg(removedSteps.front().second.id);
    } else if (removedSteps.isEmpty() && namedEdges == 1) {
        const Edge& edge = removedEdges.front().second;
        text = tr("Delete edge %1 → %2").arg(edge.from, edge.to);
    } else {
        text = tr("Delete %n items", nullptr, int(removedSteps.size()) + namedEdges);
    }
    m_undo->push(new RemoveItemsCommand(this, removedSteps, removedEdges, text));
}

void FlowDocument::moveSteps(const QHash<QString, QPointF>& positions, bool merge)
{
    QHash<QString, QPointF> oldPositions;
    QHash<QString, QPointF> newPositions;
    bool changed = false;
    for (auto it = positions.cbegin(); it != positions.cend(); ++it) {
        const int index = indexOfStep(it.key());
        if (index < 0)
            continue;
        const Step* step = &m_flow.steps[index];
        oldPositions.insert(it.key(), step->position);
        newPositions.insert(it.key(), it.value());
        changed = changed || step->position != it.value();
    }
    if (!changed)
        return;

    const QString text = newPositions.size() == 1
        ? tr("Move step %1").arg(newPositions.cbegin().key())
        : tr("Move %n steps", nullptr, int(newPositions.size()));
    const auto mergeMode = merge ? MoveStepsCommand::Merge::ContinuesDrag
                                 : MoveStepsCommand::Merge::StartsDrag;
    m_undo->push(new MoveStepsCommand(this, oldPositions, newPositions, mergeMode, text));
}

bool FlowDocument::editStep(const QString& id, const Step& edited, QString* error)
{
    const int index = indexOfStep(id);
    QString message;
    if (index < 0) {
        message = tr("Cannot edit: there is no step %1.").arg(id);
    } else if (edited.id != id && !isValidIdentifier(edited.id)) {
        message = tr("Invalid step id \"%1\": use letters, digits, '_' and '-', starting "
                     "with a letter or '_'.")
                      .arg(edited.id);
    } else if (edited.id != id && indexOfStep(edited.id) >= 0) {
        message = tr("The id %1 is already used by another step.").arg(edited.id);
    }
    if (!message.isEmpty()) {
        if (error)
            *error = message;
        return false;
    }

    const Step& current = m_flow.steps[index];
    Step next = edited;
    if (next.raw.empty() && !current.raw.empty())
        next.raw = current.raw;  // a step built from scratch keeps the file's unknown keys
    if (sameStep(current, next))
        return true;

    QList<int> renamedEdges;
    if (next.id != id) {
        for (int k = 0; k < m_flow.edges.size(); ++k) {
            if (m_flow.edges[k].from == id || m_flow.edges[k].to == id)
                renamedEdges.append(k);
        }
    }
    const QString text = next.id == id ? tr("Edit step %1").arg(id)
                                       : tr("Rename step %1 to %2").arg(id, next.id);
    m_undo->push(new EditStepCommand(this, current, next, renamedEdges, text));
    return true;
}

// The edit is rejected when the flow would have a problem it does not have now: an
// invalid or duplicate parameter name, a default of the wrong type, or a step that uses
// a parameter the edit removes.
bool FlowDocument::editFlowProperties(const QString& name, const QString& description,
                                      const QList<Parameter>& parameters, QString* error)
{
    Flow edited = m_flow;
    edited.name = name;
    edited.description = description;
    edited.parameters = parameters;

    const QSet<QString> known = issueTexts(validateFlow(m_flow));
    for (const FlowIssue& issue : validateFlow(edited)) {
        if (known.contains(issue.path + QLatin1Char('\n') + issue.message))
            continue;
        if (error) {
            *error = issue.hint.isEmpty() ? issue.message
                                          : issue.message + QLatin1Char(' ') + issue.hint;
        }
        return false;
    }
    if (serializeFlow(edited) == serializeFlow(m_flow))
        return true;

    const EditFlowPropertiesCommand::Header oldHeader{m_flow.name, m_flow.description,
                                                      m_flow.parameters};
    const EditFlowPropertiesCommand::Header newHeader{name, description, parameters};
    m_undo->push(new EditFlowPropertiesCommand(this, oldHeader, newHeader,
                                               tr("Edit flow properties")));
    return true;
}

void FlowDocument::applyLayout(const QHash<QString, QPointF>& positions)
{
    QHash<QString, QPointF> oldPositions;
    QHash<QString, QPointF> newPositions;
    for (auto it = positions.cbegin(); it != positions.cend(); ++it) {
        const int index = indexOfStep(it.key());
        if (index < 0 || m_flow.steps[index].position == it.value())
            continue;
        const Step* step = &m_flow.steps[index];
        oldPositions.insert(it.key(), step->position);
        newPositions.insert(it.key(), it.value());
    }
    if (newPositions.isEmpty())
        return;

    m_undo->push(new MoveStepsCommand(this, oldPositions, newPositions,
                                      MoveStepsCommand::Merge::Never, tr("Lay Out")));
}

QString FlowDocument::uniqueStepId(const QString& base) const
{
    return uniqueIdAmong(base, stepIds(m_flow));
}

bool FlowDocument::wouldCreateCycle(const QString& from, const QString& to) const
{
    return from == to || !pathAlongEdges(m_flow.edges, to, from).isEmpty();
}

bool FlowDocument::hasEdge(const QString& from, const QString& to) const
{
    return containsEdge(m_flow.edges, from, to);
}

int FlowDocument::indexOfStep(const QString& id) const
{
    if (!m_stepIndexValid) {
        m_stepIndex.clear();
        m_stepIndex.reserve(m_flow.steps.size());
        for (int i = int(m_flow.steps.size()) - 1; i >= 0; --i)
            m_stepIndex.insert(m_flow.steps[i].id, i);  // the first of duplicate ids wins
        m_stepIndexValid = true;
    }
    return m_stepIndex.value(id, -1);
}

void FlowDocument::insertStepAt(int index, const Step& step)
{
    Q_ASSERT_X(index >= 0 && index <= m_flow.steps.size(), "FlowDocument::insertStepAt",
               "commands insert steps back at indexes they recorded");
    m_flow.steps.insert(index, step);
    invalidateStepIndex();
    Q_EMIT stepAdded(step.id);
}

Step FlowDocument::takeStep(const QString& id)
{
    const int index = indexOfStep(id);
    Q_ASSERT_X(index >= 0, "FlowDocument::takeStep", "commands remove only existing steps");
    const Step step = m_flow.steps.takeAt(index);
    invalidateStepIndex();
    Q_EMIT stepRemoved(id);
    return step;
}

void FlowDocument::replaceStep(const QString& id, const Step& step)
{
    const int index = indexOfStep(id);
    Q_ASSERT_X(index >= 0, "FlowDocument::replaceStep", "commands edit only existing steps");
    m_flow.steps[index] = step;
    if (step.id != id)
        invalidateStepIndex();
    Q_EMIT stepChanged(id, step.id);
}

void FlowDocument::setStepPosition(const QString& id, const QPointF& position)
{
    const int index = indexOfStep(id);
    Q_ASSERT_X(index >= 0, "FlowDocument::setStepPosition", "commands move only existing steps");
    m_flow.steps[index].position = position;
    Q_EMIT stepMoved(id, position);
}

void FlowDocument::insertEdgeAt(int index, const Edge& edge)
{
    Q_ASSERT_X(index >= 0 && index <= m_flow.edges.size(), "FlowDocument::insertEdgeAt",
               "commands insert edges back at indexes they recorded");
    m_flow.edges.insert(index, edge);
    Q_EMIT edgeAdded(edge.from, edge.to);
}

Edge FlowDocument::takeEdgeAt(int index)
{
    Q_ASSERT_X(index >= 0 && index < m_flow.edges.size(), "FlowDocument::takeEdgeAt",
               "commands remove only existing edges");
    const Edge edge = m_flow.edges.takeAt(index);
    Q_EMIT edgeRemoved(edge.from, edge.to);
    return edge;
}

void FlowDocument::setFlowHeader(const QString& name, const QString& description,
                                 const QList<Parameter>& parameters)
{
    m_flow.name = name;
    m_flow.description = description;
    m_flow.parameters = parameters;
    Q_EMIT flowPropertiesChanged();
}

}  // namespace cairn
