// Times opening the History tab on a store of 10,000 runs of a 7-step flow: constructing
// the panel (model and view), setting the store, and showing until the table has painted.
// Prints figures only. Usage: cairn-historybench [RUNS]

#include "historymodel.h"
#include "historypanel.h"
#include "store.h"

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QEvent>
#include <QFile>
#include <QTableView>
#include <QTemporaryDir>

#include <sqlite3.h>

#include <cstdio>
#include <memory>

namespace {

constexpr int kStepsPerRun = 7;

bool exec(sqlite3* db, const char* sql)
{
    if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK)
        return true;
    std::fprintf(stderr, "SQL failed: %s\n", sqlite3_errmsg(db));
    return false;
}

// Writes runs straight into the store's tables in one transaction, because one
// Store::createRun() and seven saveStepRun() transactions per run take far longer than the
// figure being measured. Every third run is a resume of the one before, every tenth fails.
bool fillStore(const QString& directory, int runs)
{
    sqlite3* db = nullptr;
    const QByteArray path = QFile::encodeName(QDir(directory).filePath(QStringLiteral("cairn.db")));
    if (sqlite3_open(path.constData(), &db) != SQLITE_OK) {
        std::fprintf(stderr, "failed to open %s: %s\n", path.constData(), sqlite3_errmsg(db));
        sqlite3_close(db);
        return false;
    }

    sqlite3_stmt* insertRun = nullptr;
    sqlite3_stmt* insertStep = nullptr;
    sqlite3_prepare_v2(db,
                       "INSERT INTO runs (number, flow_name, params, status, started, finished, "
                       "origin_run, resume_step) VALUES (?1, 'bench', ?2, ?3, ?4, ?5, ?6, ?7)",
                       -1, &insertRun, nullptr);
    sqlite3_prepare_v2(db,
                       "INSERT INTO step_runs (run, step_id, status, attempts, started, finished) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
                       -1, &insertStep, nullptr);

    bool ok = exec(db, "BEGIN");
    const QDateTime start = QDateTime::currentDateTimeUtc().addDays(-30);
    for (int number = 1; ok && number <= runs; ++number) {
        const bool resumed = number % 3 == 0;
        const bool failed = number % 10 == 0;
        const QByteArray params = QStringLiteral("{\"trees\":%1,\"test_year\":2015}").arg(100 + number % 7 * 50).toUtf8();
        const QByteArray started = start.addSecs(number * 60).toString(Qt::ISODateWithMs).toUtf8();
        const QByteArray finished = start.addSecs(number * 60 + 42).toString(Qt::ISODateWithMs).toUtf8();

        sqlite3_bind_int64(insertRun, 1, number);
        sqlite3_bind_text(insertRun, 2, params.constData(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(insertRun, 3, failed ? "failed" : "succeeded", -1, SQLITE_STATIC);
        sqlite3_bind_text(insertRun, 4, started.constData(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(insertRun, 5, finished.constData(), -1, SQLITE_TRANSIENT);
        if (resumed)
            sqlite3_bind_int64(insertRun, 6, number - 1);
        else
            sqlite3_bind_null(insertRun, 6);
        sqlite3_bind_text(insertRun, 7, resumed ? "train" : "", -1, SQLITE_STATIC);
        ok = sqlite3_step(insertRun) == SQLITE_DONE;
        sqlite3_reset(insertRun);

        for (int step = 0; ok && step < kStepsPerRun; ++step) {
            const QByteArray id = "step" + QByteArray::number(step);
            const bool cached = resumed && step < 4;
            const bool stepFailed = failed && step == kStepsPerRun - 1;
            sqlite3_bind_int64(insertStep, 1, number);
            sqlite3_bind_text(insertStep, 2, id.constData(), -1, SQLITE_TRANSIENT);
            const char* status = "succeeded";
            if (stepFailed)
                status = "failed";
            else if (cached)
                status = "cached";
            sqlite3_bind_text(insertStep, 3, status, -1, SQLITE_STATIC);
            sqlite3_bind_int(insertStep, 4, cached ? 0 : 1);
            sqlite3_bind_text(insertStep, 5, finished.constData(), -1, SQLITE_TRANSIENT);
            ok = sqlite3_step(insertStep) == SQLITE_DONE;
            sqlite3_reset(insertStep);
        }
    }
    if (!ok)
        std::fprintf(stderr, "insert failed: %s\n", sqlite3_errmsg(db));
    ok = ok && exec(db, "COMMIT");

    sqlite3_finalize(insertRun);
    sqlite3_finalize(insertStep);
    sqlite3_close(db);
    return ok;
}

// Records when a widget receives its first paint event.
class PaintWatcher : public QObject {
public:
    bool painted = false;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint)
            painted = true;
        return QObject::eventFilter(watched, event);
    }
};

double elapsedMs(const QElapsedTimer& timer)
{
    return timer.nsecsElapsed() / 1e6;
}

}  // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY")
        && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int runs = argc > 1 ? QByteArray(argv[1]).toInt() : 10000;

    QTemporaryDir dir;
    QString error;
    QElapsedTimer timer;
    timer.start();
    {
        // Store::open creates the schema. The store is closed again before the timed part.
        std::unique_ptr<cairn::Store> store = cairn::Store::open(dir.path(), &error);
        if (!store) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 3;
        }
    }
    if (!fillStore(dir.path(), runs))
        return 3;
    std::printf("store: %d runs of %d steps written in %.0f ms\n", runs, kStepsPerRun, elapsedMs(timer));

    timer.restart();
    cairn::HistoryPanel panel;
    panel.resize(1200, 600);
    const double constructed = elapsedMs(timer);

    panel.setStore(dir.path(), QStringLiteral("bench"));
    const double storeSet = elapsedMs(timer);

    PaintWatcher watcher;
    panel.view()->viewport()->installEventFilter(&watcher);
    panel.show();
    while (!watcher.painted)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    const double firstScreen = elapsedMs(timer);

    std::printf("construct panel (model + view): %.1f ms\n", constructed);
    std::printf("setStore (first page of %d runs): %.1f ms\n", cairn::HistoryModel::kPageSize,
                storeSet - constructed);
    std::printf("show until first paint: %.1f ms\n", firstScreen - storeSet);
    std::printf("total to first screen: %.1f ms (rows loaded: %d of %d)\n", firstScreen,
                panel.model()->rowCount(), runs);

    // Loading every remaining page, as scrolling to the end does.
    timer.restart();
    while (panel.model()->canFetchMore(QModelIndex()))
        panel.model()->fetchMore(QModelIndex());
    std::printf("fetch all remaining pages: %.1f ms (rows loaded: %d)\n", elapsedMs(timer),
                panel.model()->rowCount());
    return 0;
}
