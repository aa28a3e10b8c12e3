#pragma once

// The page the main window shows in place of the canvas while no flow is open: New flow,
// Open, the bundled examples and the recent files.

#include <QString>
#include <QWidget>

class QListWidget;
class QListWidgetItem;

namespace cairn {

class WelcomePage : public QWidget {
    Q_OBJECT
public:
    explicit WelcomePage(QWidget* parent = nullptr);

    // The folder of bundled examples: share/cairn/examples beside the executable, the
    // installed one, or the source tree's; empty when none exists.
    static QString examplesDirectory();
    // The flow files of the bundled examples (<example>/flow.json), sorted by folder name.
    static QStringList exampleFlows();

    // Refills the recent files list from the settings.
    void refresh();

Q_SIGNALS:
    void newFlowRequested();
    void openRequested();
    void openPathRequested(const QString& path);     // a recent file
    void openExampleRequested(const QString& path);  // the flow file of an example

private:
    void fillExamples();
    void onItemActivated(QListWidgetItem* item);

    QListWidget* m_examples;
    QListWidget* m_recent;
};

}  // namespace cairn
