#pragma once

// A JSON document as a tree: one row per object member or array element with its key and,
// for scalars, its value as written in the file. Owned by the artifact preview.

#include <QString>
#include <QWidget>

class QLabel;
class QTreeWidget;

namespace cairn {

class JsonPreview : public QWidget {
    Q_OBJECT
public:
    // Larger files are shown as paged text instead: parsing reads the whole file.
    static constexpr qint64 kMaxBytes = 20 * 1024 * 1024;
    // Children shown per object or array; a last row counts the rest.
    static constexpr int kMaxChildren = 1000;

    explicit JsonPreview(QWidget* parent = nullptr);

    // Parses path and shows its tree. Returns false with *error giving the parse error and
    // its offset when the file is not valid JSON, or naming the file when it cannot be read.
    bool openFile(const QString& path, QString* error);
    void clear();

    QTreeWidget* tree() const { return m_tree; }
    qint64 loadedBytes() const { return m_loadedBytes; }

private:
    qint64 m_loadedBytes = 0;
    QTreeWidget* m_tree;
};

}  // namespace cairn
