#pragma once

// The Settings dialog (Edit > Settings…): interface language and the number of parallel
// workers. OK writes the changed values to QSettings, and Cancel writes nothing.

#include <QDialog>

class QComboBox;
class QLabel;
class QSpinBox;

namespace cairn {

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget* parent = nullptr);

    QComboBox* languageBox() const { return m_language; }
    QSpinBox* workersBox() const { return m_workers; }
    QLabel* restartNote() const { return m_restartNote; }

    void accept() override;

private:
    void readSettings();
    void writeSettings() const;

    QComboBox* m_language;
    QLabel* m_restartNote;
    QSpinBox* m_workers;
    int m_shownWorkers = 0;  // the value shown when the dialog opened
};

}  // namespace cairn
