#pragma once

// A table of the first rows of a CSV or TSV file. Only the bytes of those rows are read,
// so large files open at once. Owned by the artifact preview.

#include <QList>
#include <QStringList>
#include <QWidget>

class QIODevice;
class QLabel;
class QTableWidget;

namespace cairn {

// Rows of delimited text parsed as RFC 4180 describes: fields in double quotes may hold
// delimiters, line breaks and doubled quotes (""). CRLF and LF both end a row.
struct DelimitedRows {
    QList<QStringList> rows;
    bool truncated = false;  // the input has more rows than were read
    qint64 bytesRead = 0;
};

// Reads up to maxRows rows from device, which must be open for reading.
DelimitedRows readDelimitedRows(QIODevice* device, char delimiter, int maxRows);

class CsvPreview : public QWidget {
    Q_OBJECT
public:
    static constexpr int kMaxRows = 1000;

    explicit CsvPreview(QWidget* parent = nullptr);

    // Shows the first kMaxRows rows of path; the first row is the header. A file named
    // *.tsv or *.tab, or whose first line has tabs but no commas, is read as TSV.
    bool openFile(const QString& path, const QString& name, QString* error);
    void clear();

    QTableWidget* table() const { return m_table; }
    qint64 loadedBytes() const { return m_loadedBytes; }

private:
    qint64 m_loadedBytes = 0;
    QLabel* m_summary;
    QTableWidget* m_table;
};

}  // namespace cairn
