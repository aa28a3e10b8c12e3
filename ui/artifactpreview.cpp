#include "artifactpreview.h"

#include "csvpreview.h"
#include "hexview.h"
#include "jsonpreview.h"
#include "textpager.h"

#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QLabel>
#include <QPainter>
#include <QPixmap>
#include <QStackedWidget>
#include <QStringDecoder>
#include <QSvgRenderer>
#include <QVBoxLayout>

namespace cairn {

namespace {

constexpr qint64 kSniffBytes = 4096;

QString suffixOf(const QString& name)
{
    return QFileInfo(name).suffix().toLower();
}

bool isSvg(const QString& name, const QByteArray& head)
{
    if (suffixOf(name) == QLatin1String("svg"))
        return true;
    const QByteArray start = head.trimmed().left(256);
    return start.startsWith("<svg") || (start.startsWith("<?xml") && head.contains("<svg"));
}

// The kind a file's first bytes suggest, for names without a known extension.
ArtifactPreview::Kind sniffKind(const QByteArray& head, qint64 size, bool truncated)
{
    using Kind = ArtifactPreview::Kind;
    if (head.startsWith("\x89PNG\r\n\x1a\n") || head.startsWith("\xff\xd8\xff"))
        return Kind::Image;
    if (isSvg(QString(), head))
        return Kind::Image;
    if (head.contains('\0'))
        return Kind::Hex;

    // Invalid UTF-8 marks a binary file. The last bytes of a truncated sample may be a
    // character cut in two, so they are left out of the check.
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QByteArray checked = truncated ? head.left(head.size() - 4) : head;
    const QString decoded = decoder.decode(checked);
    if (decoder.hasError())
        return Kind::Hex;

    const QByteArray start = head.trimmed();
    if ((start.startsWith('{') || start.startsWith('[')) && size <= JsonPreview::kMaxBytes)
        return Kind::Json;
    return Kind::Text;
}

}  // namespace

ArtifactPreview::ArtifactPreview(QWidget* parent)
    : QWidget(parent),
      m_stack(new QStackedWidget(this)),
      m_message(new QLabel(this)),
      m_text(new TextPager(this)),
      m_json(new JsonPreview(this)),
      m_csv(new CsvPreview(this)),
      m_picture(new QLabel(this)),
      m_hex(new HexView(this))
{
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_picture->setAlignment(Qt::AlignCenter);
    // Ignored lets the label shrink below the pixmap, so the picture follows the panel.
    m_picture->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);

    for (QWidget* page : {static_cast<QWidget*>(m_message), static_cast<QWidget*>(m_text),
                          static_cast<QWidget*>(m_json), static_cast<QWidget*>(m_csv),
                          static_cast<QWidget*>(m_picture), static_cast<QWidget*>(m_hex)})
        m_stack->addWidget(page);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
    clear();
}

ArtifactPreview::Kind ArtifactPreview::kindOf(const QString& path, const QString& name)
{
    QFile file(path);
    const qint64 size = file.size();
    const QString suffix = suffixOf(name);

    static const QStringList textSuffixes = {
        QStringLiteral("txt"), QStringLiteral("log"), QStringLiteral("md"),
        QStringLiteral("out"), QStringLiteral("err"), QStringLiteral("py"),
        QStringLiteral("sh"), QStringLiteral("yaml"), QStringLiteral("yml"),
        QStringLiteral("toml"), QStringLiteral("ini"), QStringLiteral("cfg"),
        QStringLiteral("xml"), QStringLiteral("html"), QStringLiteral("jsonl"),
        QStringLiteral("ndjson")};
    if (textSuffixes.contains(suffix))
        return Kind::Text;
    if (suffix == QLatin1String("json") || suffix == QLatin1String("geojson"))
        return size <= JsonPreview::kMaxBytes ? Kind::Json : Kind::Text;
    if (suffix == QLatin1String("csv") || suffix == QLatin1String("tsv")
        || suffix == QLatin1String("tab"))
        return Kind::Table;
    if (suffix == QLatin1String("png") || suffix == QLatin1String("jpg")
        || suffix == QLatin1String("jpeg") || suffix == QLatin1String("svg"))
        return Kind::Image;

    if (!file.open(QIODevice::ReadOnly))
        return Kind::None;
    const QByteArray head = file.read(kSniffBytes);
    return sniffKind(head, size, size > head.size());
}

bool ArtifactPreview::showFile(const QString& path, const QString& name, QString* error)
{
    clear();
    QString message;
    bool ok = false;
    Kind kind = kindOf(path, name);

    switch (kind) {
    case Kind::Json:
        ok = m_json->openFile(path, &message);
        if (ok)
            break;
        // Not valid JSON after all: the text shows where it goes wrong.
        kind = Kind::Text;
        Q_FALLTHROUGH();
    case Kind::Text:
        ok = m_text->openFile(path, &message);
        break;
    case Kind::Table:
        ok = m_csv->openFile(path, name, &message);
        break;
    case Kind::Image:
        ok = showImage(path, name, &message);
        if (ok)
            break;
        kind = Kind::Hex;
        Q_FALLTHROUGH();
    case Kind::Hex:
        ok = m_hex->openFile(path, &message);
        break;
    case Kind::None: {
        QFile file(path);
        file.open(QIODevice::ReadOnly);
        message = tr("Cannot open %1: %2").arg(path, file.errorString());
        break;
    }
    }

    if (!ok) {
        showMessage(message);
        if (error)
            *error = message;
        return false;
    }

    m_kind = kind;
    QWidget* pages[] = {m_message, m_text, m_json, m_csv, m_picture, m_hex};
    m_stack->setCurrentWidget(pages[int(kind)]);
    return true;
}

void ArtifactPreview::clear()
{
    m_kind = Kind::None;
    m_imageSize = QSize();
    m_image = QImage();
    m_imageBytes = 0;
    m_text->clear();
    m_json->clear();
    m_csv->clear();
    m_hex->clear();
    m_picture->clear();
    showMessage(tr("Select a file to preview it."));
}

qint64 ArtifactPreview::loadedBytes() const
{
    switch (m_kind) {
    case Kind::Text:
        return m_text->loadedBytes();
    case Kind::Json:
        return m_json->loadedBytes();
    case Kind::Table:
        return m_csv->loadedBytes();
    case Kind::Image:
        return m_imageBytes;
    case Kind::Hex:
        return m_hex->loadedBytes();
    case Kind::None:
        break;
    }
    return 0;
}

bool ArtifactPreview::showImage(const QString& path, const QString& name, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot open %1: %2").arg(path, file.errorString());
        return false;
    }
    const QByteArray head = file.peek(kSniffBytes);
    m_imageBytes = file.size();
    file.close();
    const QSize cap(kMaxImageEdge, kMaxImageEdge);

    if (isSvg(name, head)) {
        QSvgRenderer renderer(path);
        if (!renderer.isValid()) {
            *error = tr("%1 is not a valid SVG image.").arg(path);
            return false;
        }
        m_imageSize = renderer.defaultSize();
        QSize target = m_imageSize.isEmpty() ? QSize(512, 512) : m_imageSize;
        if (target.width() > cap.width() || target.height() > cap.height())
            target.scale(cap, Qt::KeepAspectRatio);
        m_image = QImage(target, QImage::Format_ARGB32_Premultiplied);
        m_image.fill(Qt::transparent);
        QPainter painter(&m_image);
        renderer.render(&painter);
    } else {
        QImageReader reader(path);
        reader.setDecideFormatFromContent(true);
        m_imageSize = reader.size();
        // Decoding a huge image scaled down keeps memory at the cap instead of its full size.
        if (m_imageSize.width() > cap.width() || m_imageSize.height() > cap.height())
            reader.setScaledSize(m_imageSize.scaled(cap, Qt::KeepAspectRatio));
        if (!reader.read(&m_image)) {
            *error = tr("Cannot read the image %1: %2").arg(path, reader.errorString());
            m_imageSize = QSize();
            return false;
        }
        if (!m_imageSize.isValid())
            m_imageSize = m_image.size();
    }

    m_picture->setToolTip(tr("%1 × %2 pixels").arg(m_imageSize.width()).arg(m_imageSize.height()));
    scaleImage();
    return true;
}

void ArtifactPreview::showMessage(const QString& text)
{
    m_message->setText(text);
    m_stack->setCurrentWidget(m_message);
}

void ArtifactPreview::scaleImage()
{
    if (m_image.isNull())
        return;
    QSize target = m_image.size();
    // The preview's own size, because the picture page has a stale size until the stack
    // shows it. The layout has no margins and only the stack, so the page gets all of it.
    const QSize available = contentsRect().size();
    // Small pictures keep their size; larger ones shrink to fit.
    if (available.isValid() && !available.isEmpty()
        && (target.width() > available.width() || target.height() > available.height()))
        target.scale(available, Qt::KeepAspectRatio);
    m_picture->setPixmap(QPixmap::fromImage(
        m_image.scaled(target, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
}

void ArtifactPreview::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    scaleImage();
}

}  // namespace cairn
