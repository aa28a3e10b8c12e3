#pragma once

// Loading the interface language: Cairn's own messages from the .qm files compiled into
// the executable under :/i18n, and Qt's from its installed translations.

#include <QString>

namespace cairn {

// Installs translators for language (such as "zh_CN"), or for the system locale when
// language is empty. Falls back to English, whose catalogue supplies the plural forms.
// Returns the language in use.
QString installTranslations(const QString& language = QString());

}  // namespace cairn
