#pragma once

// Steps offered by the palette and the quick-add popup: one per step kind plus a few
// ready-made steps. Each carries its step as a flow fragment, the same form that copy and
// paste use, so adding a template is a paste.

#include "flow.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace cairn {

struct StepTemplate {
    QString name;         // shown in the list, translated
    QString description;  // one line, translated
    QString iconName;     // an icon under :/icons/<iconName>.svg
    QByteArray fragment;  // a flow fragment holding one step
};

// The templates for a flow without parameters.
QList<StepTemplate> stepTemplates();

// The templates for adding to flow: a template whose text can use a parameter uses it
// as a {{name}} placeholder when flow declares that parameter.
QList<StepTemplate> stepTemplates(const Flow& flow);

// Whether a template's name or description contains text, ignoring case. Empty text
// matches every template.
bool templateMatches(const StepTemplate& stepTemplate, const QString& text);

// The icon of a template or step kind: :/icons/<iconName>.svg.
QString templateIconPath(const QString& iconName);

}  // namespace cairn
