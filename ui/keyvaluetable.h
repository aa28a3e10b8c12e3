#pragma once

// A two-column table of names and values (a step's environment variables) with Add and
// Remove buttons. Every change made by the user is reported once through edited(). Rows
// whose name is empty are left out of the reported list.

#include <QList>
#include <QPair>
#include <QString>
#include <QWidget>

class QTableWidget;

namespace cairn {

using KeyValueList = QList<QPair<QString, QString>>;

class KeyValueTable : public QWidget {
    Q_OBJECT
public:
    explicit KeyValueTable(QWidget* parent = nullptr);

    // Replaces the rows without emitting edited. Equal rows keep the current cell.
    void setPairs(const KeyValueList& pairs);
    KeyValueList pairs() const;

    QTableWidget* table() const { return m_table; }

Q_SIGNALS:
    void edited(const KeyValueList& pairs);

private:
    void addRow();
    void removeCurrentRow();
    void appendRow(const QString& name, const QString& value);

    QTableWidget* m_table;
    bool m_updating = false;  // true while rows are filled in by code
};

}  // namespace cairn
