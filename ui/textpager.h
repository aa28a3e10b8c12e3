#pragma once

// A read-only view of a text file one page at a time, so that a file of any size opens at
// once: only the page on screen is read from disk. Owned by the artifact preview.

#include <QString>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSlider;

namespace cairn {

class TextPager : public QWidget {
    Q_OBJECT
public:
    static constexpr qint64 kPageBytes = 256 * 1024;

    explicit TextPager(QWidget* parent = nullptr);

    // Shows the first page of path. Returns false with *error naming the file when it
    // cannot be opened.
    bool openFile(const QString& path, QString* error);
    void clear();

    // Shows page index (from 0); out-of-range indexes are clamped.
    void showPage(qint64 index);
    qint64 page() const { return m_page; }
    qint64 pageCount() const;
    qint64 fileSize() const { return m_size; }

    // Bytes read from the file for the page on screen; never more than kPageBytes.
    qint64 loadedBytes() const { return m_loadedBytes; }
    // The text on screen.
    QString text() const;

private:
    void updateControls();

    QString m_path;
    qint64 m_size = 0;
    qint64 m_page = 0;
    qint64 m_loadedBytes = 0;

    QPlainTextEdit* m_view;
    QPushButton* m_previous;
    QPushButton* m_next;
    QSlider* m_slider;
    QLabel* m_position;
};

}  // namespace cairn
