#include "csvpreview.h"

#include <QFile>
#include <QHeaderView>
#include <QIODevice>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace cairn {

namespace {

constexpr qint64 kChunkBytes = 64 * 1024;

// Parser state between chunks.
struct RowParser {
    char delimiter = ',';
    QList<QStringList> rows;
    QStringList row;
    QByteArray field;
    bool inQuotes = false;
    bool quotePending = false;  // inside quotes, the previous byte was a quote
    bool fieldStarted = false;  // the current row has content, so a newline ends a row

    void endField()
    {
        row.append(QString::fromUtf8(field));
        field.clear();
    }
    void endRow()
    {
        endField();
        rows.append(row);
        row.clear();
        fieldStarted = false;
    }

    // Feeds one byte; returns true when it completed a row.
    bool feed(char c)
    {
        if (inQuotes) {
            if (quotePending) {
                quotePending = false;
                if (c == '"') {
                    field.append('"');
                    return false;
                }
                inQuotes = false;  // the quote closed the field; c is handled below
            } else if (c == '"') {
                quotePending = true;
                return false;
            } else {
                field.append(c);
                return false;
            }
        }

        if (c == '"' && field.isEmpty()) {
            inQuotes = true;
            fieldStarted = true;
        } else if (c == delimiter) {
            endField();
            fieldStarted = true;
        } else if (c == '\n') {
            if (!fieldStarted && row.isEmpty() && field.isEmpty())
                return false;  // skip empty lines
            endRow();
            return true;
        } else if (c != '\r') {
            field.append(c);
            fieldStarted = true;
        }
        return false;
    }
};

}  // namespace

DelimitedRows readDelimitedRows(QIODevice* device, char delimiter, int maxRows)
{
    RowParser parser;
    parser.delimiter = delimiter;
    DelimitedRows result;

    while (parser.rows.size() < maxRows) {
        const QByteArray chunk = device->read(kChunkBytes);
        if (chunk.isEmpty())
            break;
        qsizetype i = 0;
        for (; i < chunk.size() && parser.rows.size() < maxRows; ++i)
            parser.feed(chunk[i]);
        result.bytesRead += i;
        if (parser.rows.size() >= maxRows) {
            result.truncated = i < chunk.size() || !device->atEnd();
            break;
        }
    }

    // A last row without a final newline.
    if (parser.rows.size() < maxRows && (parser.fieldStarted || !parser.field.isEmpty()))
        parser.endRow();
    result.rows = parser.rows;
    return result;
}

CsvPreview::CsvPreview(QWidget* parent)
    : QWidget(parent), m_summary(new QLabel(this)), m_table(new QTableWidget(this))
{
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
}

static char detectDelimiter(QFile* file, const QString& name)
{
    const QString lower = name.toLower();
    if (lower.endsWith(QLatin1String(".tsv")) || lower.endsWith(QLatin1String(".tab")))
        return '\t';
    const QByteArray firstLine = file->peek(kChunkBytes).split('\n').value(0);
    return firstLine.contains('\t') && !firstLine.contains(',') ? '\t' : ',';
}

bool CsvPreview::openFile(const QString& path, const QString& name, QString* error)
{
    clear();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("Cannot open %1: %2").arg(path, file.errorString());
        return false;
    }

    const char delimiter = detectDelimiter(&file, name);
    // One more row than shown: the first row is the header.
    const DelimitedRows parsed = readDelimitedRows(&file, delimiter, kMaxRows + 1);
    m_loadedBytes = parsed.bytesRead;

    const QStringList header = parsed.rows.value(0);
    qsizetype columns = header.size();
    for (const QStringList& row : parsed.rows)
        columns = qMax(columns, row.size());

    m_table->setColumnCount(int(columns));
    m_table->setHorizontalHeaderLabels(header);
    m_table->setRowCount(int(qMax<qsizetype>(0, parsed.rows.size() - 1)));
    for (int r = 1; r < parsed.rows.size(); ++r) {
        const QStringList& row = parsed.rows[r];
        for (int c = 0; c < row.size(); ++c)
            m_table->setItem(r - 1, c, new QTableWidgetItem(row[c]));
    }

    const int rowCount = m_table->rowCount();
    m_summary->setText(parsed.truncated ? tr("First %n rows", nullptr, rowCount)
                                        : tr("%n rows", nullptr, rowCount));
    return true;
}

void CsvPreview::clear()
{
    m_loadedBytes = 0;
    m_summary->clear();
    m_table->clear();
    m_table->setRowCount(0);
    m_table->setColumnCount(0);
}

}  // namespace cairn
