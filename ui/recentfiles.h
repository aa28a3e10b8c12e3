#pragma once

// The list of recently opened flow files, newest first, kept in QSettings under
// "recentFiles".

#include <QString>
#include <QStringList>

namespace cairn::recentfiles {

inline constexpr int kMaxRecentFiles = 10;

// The stored list, without files that no longer exist.
QStringList list();
// Moves path (made absolute) to the front of the list.
void add(const QString& path);
void remove(const QString& path);
void clear();

}  // namespace cairn::recentfiles
