#pragma once

// Flow fragments: a few steps and the edges among them, written as a complete flow
// document (format cairn.flow, version 1, name "fragment"). Copy and paste, palette drags,
// quick-add and step templates all carry steps in this form.

#include "flow.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace cairn {

// MIME type of a fragment on the clipboard and in drag and drop.
inline constexpr char kFlowFragmentMimeType[] = "application/x-cairn-flow-fragment";

// Writes the steps of flow named by stepIds (in the flow's order), the edges among them
// and the parameters they use. Positions and unknown keys are kept. Ids that are not in
// the flow are skipped.
QByteArray flowFragment(const Flow& flow, const QStringList& stepIds);

// Reads a fragment's steps and edges. Parameters the steps use need not be declared in
// the fragment, because a paste adds steps to a flow that declares its own. Returns false
// with *error naming the problem when the data is not a valid flow document.
bool parseFlowFragment(const QByteArray& data, QList<Step>* steps, QList<Edge>* edges,
                       QString* error);

}  // namespace cairn
