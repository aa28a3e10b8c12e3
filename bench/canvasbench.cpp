// cairn-canvasbench: load time and offscreen paint time of the canvas for a generated
// flow of 2,000 steps (chains and fan-outs). It prints figures and exits 0 whatever they are.
//
//   cairn-canvasbench [STEPS]

#include "flow.h"
#include "flowdocument.h"
#include "flowscene.h"
#include "flowview.h"
#include "graphlayout.h"
#include "nodeitem.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QImage>
#include <QPainter>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace cairn;

namespace {

constexpr int kRenderRounds = 5;

Step makeStep(int index, const QPointF& position)
{
    Step step;
    step.id = QStringLiteral("s%1").arg(index);
    step.title = QStringLiteral("Step %1").arg(index);
    step.command = QStringLiteral("echo %1").arg(index);
    step.position = position;
    return step;
}

// Blocks of 20 steps: a head fanning out into four chains of four, a join and a short
// tail. Blocks run in ten lanes, and each block's head follows the tail of the block before
// it in its lane.
Flow generatedFlow(int stepCount)
{
    constexpr int kBlock = 20;
    constexpr int kLanes = 10;
    constexpr int kColumnsPerBlock = 8;
    Flow flow;
    flow.name = QStringLiteral("generated");
    auto connect = [&](int from, int to) {
        Edge edge;
        edge.from = QStringLiteral("s%1").arg(from);
        edge.to = QStringLiteral("s%1").arg(to);
        flow.edges.append(edge);
    };

    for (int i = 0; i < stepCount; ++i) {
        const int block = i / kBlock;
        const int local = i % kBlock;
        const int start = block * kBlock;
        int column = 0;
        int row = 2;
        if (local == 0) {
            if (block >= kLanes)
                connect(start - kLanes * kBlock + kBlock - 1, i);
        } else if (local <= 16) {
            const int link = (local - 1) % 4;
            column = 1 + link;
            row = (local - 1) / 4;
            connect(link == 0 ? start : i - 1, i);
        } else if (local == 17) {
            column = 5;
            for (int chain = 0; chain < 4; ++chain)
                connect(start + 4 + chain * 4, i);
        } else {
            column = local - 12;
            connect(i - 1, i);
        }
        const int x = (block / kLanes) * kColumnsPerBlock + column;
        const int y = (block % kLanes) * 5 + row;
        flow.steps.append(makeStep(i, QPointF(x * 260, y * 100)));
    }
    return flow;
}

double milliseconds(const QElapsedTimer& timer)
{
    return timer.nsecsElapsed() / 1e6;
}

// Renders the view's whole viewport into an image kRenderRounds times and returns the
// median time in milliseconds.
double medianRenderMs(FlowView* view)
{
    QImage image(view->viewport()->size(), QImage::Format_ARGB32_Premultiplied);
    std::vector<double> times;
    for (int round = 0; round < kRenderRounds; ++round) {
        QElapsedTimer timer;
        timer.start();
        QPainter painter(&image);
        view->render(&painter, QRectF(image.rect()), view->viewport()->rect());
        painter.end();
        times.push_back(milliseconds(timer));
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

}  // namespace

int main(int argc, char** argv)
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int stepCount = argc > 1 ? std::max(1, atoi(argv[1])) : 2000;
    const Flow flow = generatedFlow(stepCount);

    FlowDocument document;
    FlowScene scene(&document);
    FlowView view(&scene);
    view.resize(1600, 1000);
    view.show();
    QCoreApplication::processEvents();

    // Timed from the file, as a user opens it: parse, validate, build the scene, fit.
    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("generated.json"));
    QString error;
    if (!saveFlow(flow, path, &error)) {
        std::fprintf(stderr, "cannot write %s: %s\n", qPrintable(path), qPrintable(error));
        return 1;
    }
    QElapsedTimer load;
    load.start();
    QList<FlowIssue> issues;
    if (!document.load(path, &issues)) {
        std::fprintf(stderr, "cannot load %s\n", qPrintable(path));
        return 1;
    }
    view.fitToView();
    const double loadMs = milliseconds(load);

    const double fitRenderMs = medianRenderMs(&view);
    const qreal fitZoom = view.zoomFactor();

    view.resetZoom();
    view.centerOn(scene.nodeItem(QStringLiteral("s0"))->sceneBoundingRect().center()
                  + QPointF(400, 200));
    const double zoomedRenderMs = medianRenderMs(&view);

    QElapsedTimer layout;
    layout.start();
    const QHash<QString, QPointF> positions = layeredLayout(flow);
    const double layoutMs = milliseconds(layout);

    std::printf("flow: %d steps, %d edges; viewport %dx%d; %s platform\n", int(flow.steps.size()),
                int(flow.edges.size()), view.viewport()->width(), view.viewport()->height(),
                qPrintable(QGuiApplication::platformName()));
    std::printf("open the file into document and scene, then fit to view: %.1f ms\n", loadMs);
    std::printf("render fit-to-view frame (zoom %.3f): %.1f ms (median of %d)\n", fitZoom,
                fitRenderMs, kRenderRounds);
    std::printf("render zoomed-in frame (zoom 1.000): %.1f ms (median of %d)\n",
                zoomedRenderMs, kRenderRounds);
    std::printf("layered layout of %d steps (Graphviz dot): %.1f ms\n", int(positions.size()),
                layoutMs);
    return 0;
}
