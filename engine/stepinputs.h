#pragma once

// CAIRN_INPUT_DIR of one step attempt: one read-only folder per upstream step holding its
// artifacts as links to (or copies of) the store's objects, and the check afterwards that
// the step did not write through a link into the store.

#include "message.h"
#include "store.h"

#include <QList>
#include <QMap>
#include <QString>

namespace cairn {

class StepInputs {
public:
    StepInputs(const Store* store, const QString& folder) : m_store(store), m_folder(folder) {}

    // Lays out upstream artifacts (id to artifacts) and makes the folders read-only.
    bool materialize(const QMap<QString, QList<ArtifactRecord>>& upstream, Message* error);

    // Checks that no object behind an input changed (size or modification time). A changed
    // object is removed from the store, so no cache entry can hand it out again, and
    // *error names the file and its step.
    bool verifyUnchanged(Message* error);

    // Makes the folders writable again so the scratch folder can be removed.
    void release();

private:
    struct Watched {
        QString stepId;
        QString path;
        QString digest;
        qint64 size = 0;
        qint64 mtimeNs = 0;
    };

    const Store* m_store;
    QString m_folder;
    QList<Watched> m_watched;
    QStringList m_folders;
};

}  // namespace cairn
