#pragma once

// Work that dialogs move off the GUI thread: store queries, gc and planning (which hashes
// declared inputs). The work runs on Qt's global thread pool and its result comes back to
// the dialog's thread through the event loop.

#include <QFutureWatcher>
#include <QObject>
#include <QPromise>
#include <QThreadPool>

#include <functional>
#include <memory>

namespace cairn {

// Calls work() on a thread of QThreadPool::globalInstance() and then done(result) on the
// thread of context, from its event loop. When context is destroyed first, done is never
// called and the result is dropped, but work still runs to its end, so it must own what it
// uses: copies of its inputs and a Store connection of its own. QCoreApplication's
// destructor waits for the global pool, so quitting waits for running work.
template <typename Result>
void runInBackground(QObject* context, std::function<Result()> work,
                     std::function<void(const Result&)> done)
{
    // The watcher is a child of context, so destroying context disconnects it from the
    // future, which the worker thread may still be finishing.
    auto* watcher = new QFutureWatcher<Result>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, done] {
        if (watcher->future().resultCount() > 0)
            done(watcher->result());
        watcher->deleteLater();
    });

    // QThreadPool::start takes a copyable function, and QPromise is move-only.
    auto promise = std::make_shared<QPromise<Result>>();
    watcher->setFuture(promise->future());
    QThreadPool::globalInstance()->start([promise, work] {
        promise->start();
        promise->addResult(work());
        promise->finish();
    });
}

}  // namespace cairn
