#include "textpager.h"

#include <QFile>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSlider>
#include <QStringDecoder>
#include <QVBoxLayout>

namespace cairn {

TextPager::TextPager(QWidget* parent)
    : QWidget(parent),
      m_view(new QPlainTextEdit(this)),
      m_previous(new QPushButton(tr("Previous page"), this)),
      m_next(new QPushButton(tr("Next page"), this)),
      m_slider(new QSlider(Qt::Horizontal, this)),
      m_position(new QLabel(this))
{
    m_view->setReadOnly(true);
    m_view->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    auto* controls = new QHBoxLayout;
    controls->addWidget(m_previous);
    controls->addWidget(m_slider, 1);
    controls->addWidget(m_next);
    controls->addWidget(m_position);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view, 1);
    layout->addLayout(controls);

    connect(m_previous, &QPushButton::clicked, this, [this] { showPage(m_page - 1); });
    connect(m_next, &QPushButton::clicked, this, [this] { showPage(m_page + 1); });
    // The slider moves while dragged; the page is read once it is released.
    m_slider->setTracking(false);
    connect(m_slider, &QSlider::valueChanged, this, [this](int value) { showPage(value); });
    updateControls();
}

bool TextPager::openFile(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("Cannot open %1: %2").arg(path, file.errorString());
        clear();
        return false;
    }
    m_path = path;
    m_size = file.size();
    m_page = -1;
    showPage(0);
    return true;
}

void TextPager::clear()
{
    m_path.clear();
    m_size = 0;
    m_page = 0;
    m_loadedBytes = 0;
    m_view->clear();
    updateControls();
}

qint64 TextPager::pageCount() const
{
    return qMax<qint64>(1, (m_size + kPageBytes - 1) / kPageBytes);
}

void TextPager::showPage(qint64 index)
{
    index = qBound<qint64>(0, index, pageCount() - 1);
    if (index == m_page || m_path.isEmpty())
        return;

    QFile file(m_path);
    QByteArray data;
    if (file.open(QIODevice::ReadOnly) && file.seek(index * kPageBytes))
        data = file.read(kPageBytes);
    m_page = index;
    m_loadedBytes = data.size();

    // NOTE: pages start at fixed byte offsets, so a line or a multi-byte UTF-8 character
    // that crosses a page boundary shows split over two pages.
    QStringDecoder decoder(QStringDecoder::Utf8);
    QString text = decoder.decode(data);
    text.replace(QChar(0), QChar(0xFFFD));
    m_view->setPlainText(text);
    updateControls();
}

QString TextPager::text() const
{
    return m_view->toPlainText();
}

void TextPager::updateControls()
{
    const qint64 count = pageCount();
    m_previous->setEnabled(m_page > 0);
    m_next->setEnabled(m_page + 1 < count);

    // QSlider takes int; a page count past INT_MAX would need a file of 512 TiB.
    const QSignalBlocker blocker(m_slider);
    m_slider->setRange(0, int(qMin<qint64>(count - 1, INT_MAX)));
    m_slider->setValue(int(m_page));
    m_slider->setVisible(count > 1);

    const QLocale locale;
    m_position->setText(tr("Page %1 of %2 (%3)")
                            .arg(m_page + 1)
                            .arg(count)
                            .arg(locale.formattedDataSize(m_size)));
}

}  // namespace cairn
