#pragma once

// Periodic autosave of a modified flow, so that edits survive a crash. Every 30 s, when
// the document is modified, the flow is written to
// <AppDataLocation>/autosave/<key>.json, where key is a hash of the flow's absolute path
// or "untitled", with the original path in <key>.path beside it. The files are removed
// when the flow is saved or the window closes cleanly. Owned by the main window.

#include "flow.h"

#include <QObject>
#include <QString>

class QTimer;

namespace cairn {

class FlowDocument;

class Autosave : public QObject {
    Q_OBJECT
public:
    Autosave(FlowDocument* document, QObject* parent = nullptr);

    static QString directory();
    // The autosave file of a flow path; empty path means an untitled flow.
    static QString fileFor(const QString& flowPath);
    // Reads the autosave of flowPath into *flow (its filePath set to flowPath) when one
    // exists and parses.
    static bool read(const QString& flowPath, Flow* flow);
    static void remove(const QString& flowPath);

    void setIntervalMs(int ms);
    // Writes the autosave now when the document is modified; returns false on a write
    // error.
    bool saveNow();
    // Removes the autosave this object wrote last, under the current or an earlier path.
    // Autosaves left by other sessions stay until they are recovered or removed.
    void discard();

private:
    void onFilePathChanged(const QString& path);

    FlowDocument* m_document;
    QTimer* m_timer;
    QString m_path;          // the flow path of the last autosave this object wrote
    bool m_written = false;  // an autosave of m_path exists from this object
};

}  // namespace cairn
