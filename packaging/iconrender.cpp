// cairn-icon-render: renders an SVG icon to square PNGs, one per size, at build time.
// Usage: cairn-icon-render ICON.svg OUTPUT_DIR NAME SIZE... writes
// OUTPUT_DIR/SIZExSIZE/apps/NAME.png, the hicolor theme layout.
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>

#include <cstdio>

namespace {

bool renderPng(QSvgRenderer& renderer, int size, const QString& path)
{
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    renderer.render(&painter, QRectF(0, 0, size, size));
    painter.end();

    if (!QDir().mkpath(QFileInfo(path).absolutePath()) || !image.save(path, "PNG")) {
        std::fprintf(stderr, "cairn-icon-render: failed to write %s\n", qPrintable(path));
        return false;
    }
    return true;
}

}  // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 5) {
        std::fprintf(stderr, "usage: cairn-icon-render ICON.svg OUTPUT_DIR NAME SIZE...\n");
        return 2;
    }

    QSvgRenderer renderer(args.at(1));
    if (!renderer.isValid()) {
        std::fprintf(stderr, "cairn-icon-render: %s is not a valid SVG file\n",
                     qPrintable(args.at(1)));
        return 1;
    }

    for (const QString& sizeText : args.mid(4)) {
        bool ok = false;
        const int size = sizeText.toInt(&ok);
        if (!ok || size <= 0) {
            std::fprintf(stderr, "cairn-icon-render: invalid size \"%s\": expected a positive "
                                 "number of pixels\n", qPrintable(sizeText));
            return 2;
        }
        const QString path = QStringLiteral("%1/%2x%2/apps/%3.png").arg(args.at(2)).arg(size).arg(args.at(3));
        if (!renderPng(renderer, size, path))
            return 1;
    }
    return 0;
}
