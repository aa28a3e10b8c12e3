#include "hexview.h"

#include <QFile>
#include <QFontDatabase>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace cairn {

HexView::HexView(QWidget* parent)
    : QWidget(parent), m_summary(new QLabel(this)), m_view(new QPlainTextEdit(this))
{
    m_view->setReadOnly(true);
    m_view->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_view, 1);
}

bool HexView::openFile(const QString& path, QString* error)
{
    clear();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("Cannot open %1: %2").arg(path, file.errorString());
        return false;
    }

    const QByteArray data = file.read(kMaxBytes);
    m_loadedBytes = data.size();
    const QLocale locale;
    const QString size = locale.formattedDataSize(file.size());
    if (file.size() > data.size())
        m_summary->setText(tr("%1; showing the first %2").arg(size, locale.formattedDataSize(data.size())));
    else
        m_summary->setText(size);
    m_view->setPlainText(dump(data));
    return true;
}

void HexView::clear()
{
    m_loadedBytes = 0;
    m_summary->clear();
    m_view->clear();
}

QString HexView::text() const
{
    return m_view->toPlainText();
}

QString HexView::dump(const QByteArray& data)
{
    constexpr int kBytesPerLine = 16;
    QString result;
    result.reserve(data.size() / kBytesPerLine * 80 + 80);

    for (qsizetype offset = 0; offset < data.size(); offset += kBytesPerLine) {
        const QByteArray line = data.mid(offset, kBytesPerLine);
        QString hex;
        QString ascii;
        for (qsizetype i = 0; i < kBytesPerLine; ++i) {
            if (i < line.size()) {
                const uchar byte = uchar(line[i]);
                hex += QStringLiteral("%1 ").arg(byte, 2, 16, QLatin1Char('0'));
                ascii += (byte >= 0x20 && byte < 0x7f) ? QChar(byte) : QChar(u'.');
            } else {
                hex += QStringLiteral("   ");
            }
            if (i == kBytesPerLine / 2 - 1)
                hex += QLatin1Char(' ');
        }
        result += QStringLiteral("%1  %2 |%3|\n").arg(offset, 8, 16, QLatin1Char('0')).arg(hex, ascii);
    }
    return result;
}

}  // namespace cairn
