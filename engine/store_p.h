#pragma once

// SQLite helpers shared by the store's source files (store.cpp, storeschema.cpp,
// objects.cpp): a prepared statement, a write transaction, and the text form of times and
// JSON in the database. Not part of the engine's API.

#include "flow.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <sqlite3.h>

#include <optional>

namespace cairn::storedb {

// Times are stored as ISO 8601 UTC with milliseconds: "2024-05-01T10:00:00.123Z".
inline QString timeText(const QDateTime& time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

// Compact JSON text. Invalid UTF-8 in a string becomes U+FFFD instead of an exception.
inline QByteArray jsonText(const Json& value)
{
    return QByteArray::fromStdString(value.dump(-1, ' ', false, Json::error_handler_t::replace));
}

// A prepared statement, finalized when it leaves scope. Bind indices start at 1 and
// column indices at 0, as in SQLite.
class Statement {
public:
    Statement(sqlite3* db, const char* sql) : m_db(db)
    {
        m_status = sqlite3_prepare_v2(db, sql, -1, &m_statement, nullptr);
        if (m_status != SQLITE_OK)
            m_error = QString::fromUtf8(sqlite3_errmsg(db));
    }
    ~Statement() { sqlite3_finalize(m_statement); }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    void bindInt(int index, qint64 value) { sqlite3_bind_int64(m_statement, index, value); }
    void bindReal(int index, double value) { sqlite3_bind_double(m_statement, index, value); }
    void bindText(int index, const QString& value) { bindUtf8(index, value.toUtf8()); }
    void bindUtf8(int index, const QByteArray& value)
    {
        sqlite3_bind_text(m_statement, index, value.constData(), int(value.size()),
                          SQLITE_TRANSIENT);
    }
    void bindBlob(int index, const QByteArray& value)
    {
        sqlite3_bind_blob(m_statement, index, value.constData(), int(value.size()),
                          SQLITE_TRANSIENT);
    }
    void bindTime(int index, const QDateTime& time)
    {
        if (time.isValid())
            bindText(index, timeText(time));
        else
            sqlite3_bind_null(m_statement, index);
    }
    void bindOptional(int index, const std::optional<qint64>& value)
    {
        if (value)
            bindInt(index, *value);
        else
            sqlite3_bind_null(m_statement, index);
    }

    // Steps to the next row. Returns false at the end and on failure (see failed()).
    bool next()
    {
        if (m_status != SQLITE_OK && m_status != SQLITE_ROW)
            return false;
        m_status = sqlite3_step(m_statement);
        if (failed())
            m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
        return m_status == SQLITE_ROW;
    }

    // Runs the statement to its end, skipping any rows. On failure sets *error.
    bool exec(QString* error)
    {
        while (next()) {
        }
        if (failed()) {
            *error = m_error;
            return false;
        }
        return true;
    }

    // Makes the statement ready to run again with new bindings.
    void reset()
    {
        if (!m_statement)
            return;
        sqlite3_reset(m_statement);
        sqlite3_clear_bindings(m_statement);
        m_status = SQLITE_OK;
    }

    bool failed() const
    {
        return m_status != SQLITE_OK && m_status != SQLITE_ROW && m_status != SQLITE_DONE;
    }
    QString errorMessage() const { return m_error; }

    bool isNull(int column) const
    {
        return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
    }
    qint64 integer(int column) const { return sqlite3_column_int64(m_statement, column); }
    double real(int column) const { return sqlite3_column_double(m_statement, column); }
    QByteArray bytes(int column) const
    {
        const auto* data = static_cast<const char*>(sqlite3_column_blob(m_statement, column));
        return QByteArray(data, sqlite3_column_bytes(m_statement, column));
    }
    QString text(int column) const { return QString::fromUtf8(bytes(column)); }
    QDateTime time(int column) const
    {
        return isNull(column) ? QDateTime()
                              : QDateTime::fromString(text(column), Qt::ISODateWithMs);
    }
    std::optional<qint64> optionalInteger(int column) const
    {
        return isNull(column) ? std::nullopt : std::optional<qint64>(integer(column));
    }

private:
    sqlite3* m_db;
    sqlite3_stmt* m_statement = nullptr;
    int m_status = SQLITE_OK;  // of the last prepare or step
    QString m_error;
};

// BEGIN IMMEDIATE … COMMIT, rolled back when it leaves scope uncommitted. IMMEDIATE takes
// the write lock at the start (waiting up to the busy timeout), so no statement inside
// fails because another connection began writing in the meantime.
class Transaction {
public:
    explicit Transaction(sqlite3* db) : m_db(db) {}
    ~Transaction()
    {
        if (m_open)
            sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
    }
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    bool begin(QString* error) { return run("BEGIN IMMEDIATE", true, error); }
    bool commit(QString* error) { return run("COMMIT", false, error); }

private:
    bool run(const char* sql, bool openAfter, QString* error)
    {
        if (sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr) != SQLITE_OK) {
            *error = QString::fromUtf8(sqlite3_errmsg(m_db));
            return false;
        }
        m_open = openAfter;
        return true;
    }

    sqlite3* m_db;
    bool m_open = false;
};

}  // namespace cairn::storedb
