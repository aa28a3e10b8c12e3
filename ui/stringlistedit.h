#pragma once

// An editable list of strings (a step's inputs, outputs or args) with Add and Remove
// buttons. Every change made by the user is reported once through edited(). Entries left
// empty are dropped from the reported list.

#include <QStringList>
#include <QWidget>

class QListWidget;

namespace cairn {

class StringListEdit : public QWidget {
    Q_OBJECT
public:
    explicit StringListEdit(QWidget* parent = nullptr);

    // Replaces the entries without emitting edited. An equal list keeps the selection.
    void setItems(const QStringList& items);
    QStringList items() const;

    QListWidget* listWidget() const { return m_list; }

Q_SIGNALS:
    void edited(const QStringList& items);

private:
    void addEntry();
    void removeCurrent();

    QListWidget* m_list;
    bool m_updating = false;  // true while setItems fills the list
};

}  // namespace cairn
