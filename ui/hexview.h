#pragma once

// A hex dump of the first bytes of a file, for files with no better preview: offset, 16
// bytes in hex and their printable ASCII characters per line. Owned by the artifact
// preview.

#include <QByteArray>
#include <QString>
#include <QWidget>

class QLabel;
class QPlainTextEdit;

namespace cairn {

class HexView : public QWidget {
    Q_OBJECT
public:
    static constexpr qint64 kMaxBytes = 64 * 1024;

    explicit HexView(QWidget* parent = nullptr);

    // Shows the file's size and a dump of its first kMaxBytes bytes. Returns false with
    // *error naming the file when it cannot be read.
    bool openFile(const QString& path, QString* error);
    void clear();

    qint64 loadedBytes() const { return m_loadedBytes; }
    // The dump on screen.
    QString text() const;

    // Formats data as dump lines "00000000  48 65 …  |He…|", offsets counted from 0.
    static QString dump(const QByteArray& data);

private:
    qint64 m_loadedBytes = 0;
    QLabel* m_summary;
    QPlainTextEdit* m_view;
};

}  // namespace cairn
