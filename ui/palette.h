#pragma once

// The step palette on the left of the window: a search field over the step templates and
// a list of them. Dragging an entry carries its fragment (kFlowFragmentMimeType) to the
// canvas, and double-click or Enter emits templateActivated.

#include "steptemplates.h"

#include <QWidget>

class QLineEdit;
class QListWidget;

namespace cairn {

class FlowDocument;

class Palette : public QWidget {
    Q_OBJECT
public:
    explicit Palette(QWidget* parent = nullptr);
    // With a document, templates that can use the flow's parameters do so, and the list
    // follows changes of the parameters.
    explicit Palette(FlowDocument* document, QWidget* parent = nullptr);

    QLineEdit* searchField() const { return m_search; }
    QListWidget* listWidget() const { return m_list; }

    // Rebuilds the entries from stepTemplates(), keeping the filter.
    void reloadTemplates();

Q_SIGNALS:
    void templateActivated(const QByteArray& fragment);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void applyFilter(const QString& text);
    void activateRow(int row);

    FlowDocument* m_document = nullptr;
    QLineEdit* m_search;
    QListWidget* m_list;
    QList<StepTemplate> m_templates;  // in list order
};

}  // namespace cairn
