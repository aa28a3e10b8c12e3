#pragma once

// The quick-add popup opened by typing on the canvas: a filter field and the matching
// step templates. Typing filters, Up and Down move, Enter emits templateChosen and closes,
// Escape closes.

#include "steptemplates.h"

#include <QFrame>

class QLineEdit;
class QListWidget;

namespace cairn {

class FlowDocument;

class QuickAddPopup : public QFrame {
    Q_OBJECT
public:
    explicit QuickAddPopup(QWidget* parent = nullptr);
    // With a document, templates that can use the flow's parameters do so.
    explicit QuickAddPopup(FlowDocument* document, QWidget* parent = nullptr);

    // Shows the popup with its top-left corner at globalPos, an empty filter and the
    // focus in the filter field.
    void popup(const QPoint& globalPos);

    QLineEdit* filterField() const { return m_filter; }
    QListWidget* listWidget() const { return m_list; }

Q_SIGNALS:
    void templateChosen(const QByteArray& fragment);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void reloadTemplates();
    void applyFilter(const QString& text);
    void moveCurrent(int step);
    void chooseRow(int row);

    FlowDocument* m_document = nullptr;
    QLineEdit* m_filter;
    QListWidget* m_list;
    QList<StepTemplate> m_templates;  // in list order
};

}  // namespace cairn
