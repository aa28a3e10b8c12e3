#pragma once

// The preview of one file, chosen by its type: paged text for text and logs, a tree for
// JSON, a table for CSV and TSV, the picture for PNG, JPEG and SVG, and a hex dump for
// anything else. Owned by the artifacts panel; usable on any file path.

#include <QImage>
#include <QSize>
#include <QString>
#include <QWidget>

class QLabel;
class QScrollArea;
class QStackedWidget;

namespace cairn {

class CsvPreview;
class HexView;
class JsonPreview;
class TextPager;

class ArtifactPreview : public QWidget {
    Q_OBJECT
public:
    enum class Kind { None, Text, Json, Table, Image, Hex };

    // Largest image edge decoded; larger images are scaled down while they are read.
    static constexpr int kMaxImageEdge = 4096;

    explicit ArtifactPreview(QWidget* parent = nullptr);

    // Shows path. name is the artifact's own file name, because objects in the store have
    // none. Its extension picks the kind, and without a known extension the first bytes
    // decide. Returns false with *error when the file cannot be read, and shows the message.
    bool showFile(const QString& path, const QString& name, QString* error = nullptr);
    void clear();
    // Shows text in place of a preview, such as why there is none.
    void showMessage(const QString& text);

    // The kind the name and content call for, without reading more than a few KiB.
    static Kind kindOf(const QString& path, const QString& name);

    Kind kind() const { return m_kind; }
    // Bytes of the file read for what is on screen.
    qint64 loadedBytes() const;
    // The decoded size of the image on screen before it was scaled to fit; invalid unless
    // kind() is Image.
    QSize imageSize() const { return m_imageSize; }

    TextPager* textPager() const { return m_text; }
    JsonPreview* jsonPreview() const { return m_json; }
    CsvPreview* csvPreview() const { return m_csv; }
    HexView* hexView() const { return m_hex; }

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    bool showImage(const QString& path, const QString& name, QString* error);
    void scaleImage();

    Kind m_kind = Kind::None;
    QSize m_imageSize;
    QImage m_image;  // the decoded image; null unless kind() is Image
    qint64 m_imageBytes = 0;

    QStackedWidget* m_stack;
    QLabel* m_message;
    TextPager* m_text;
    JsonPreview* m_json;
    CsvPreview* m_csv;
    QLabel* m_picture;
    HexView* m_hex;
};

}  // namespace cairn
