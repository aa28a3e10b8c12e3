#include "storeactions.h"

#include "store.h"

namespace cairn {

int clearCachedResults(const QString& storeDirectory, const QString& flowName,
                       const QString& stepId, QString* error)
{
    // Store::open would create an empty store, and a folder without a database has no
    // results to clear.
    if (!Store::exists(storeDirectory))
        return 0;

    // NOTE: this runs on the GUI thread because it is one UPDATE, indexed by step id and
    // run. It still waits for the write lock, up to the store's busy timeout of 10 s, while
    // another process holds it, such as a `cairn-cli gc` of a large store.
    const std::unique_ptr<Store> store = Store::open(storeDirectory, error);
    if (!store)
        return -1;
    return store->clearCachedResults(flowName, stepId, error);
}

}  // namespace cairn
