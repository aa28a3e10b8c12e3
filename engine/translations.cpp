#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace cairn {

QString installTranslations(const QString& language)
{
    const QLocale locale = language.isEmpty() ? QLocale() : QLocale(language);

    // Owned by the application, so they live as long as it does.
    auto* own = new QTranslator(QCoreApplication::instance());
    QString used = locale.name();
    if (!own->load(locale, QStringLiteral("cairn"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        used = QStringLiteral("en");
        // Without the English catalogue plural forms show as "step(s)"; nothing else breaks.
        if (!own->load(QStringLiteral(":/i18n/cairn_en.qm")))
            qWarning("cairn: the English message catalogue is missing from this build");
    }
    QCoreApplication::installTranslator(own);

    auto* qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(locale, QStringLiteral("qt"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    if (!language.isEmpty())
        QLocale::setDefault(locale);
    return used;
}

}  // namespace cairn
