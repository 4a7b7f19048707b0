#include "Translations.h"

#include "TestSupport.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>
#include <QTranslator>

TEST_CASE("German: the translation loads for a German locale and translates what she reads")
{
    REQUIRE(installTranslations(*QCoreApplication::instance(), QLocale(QLocale::German, QLocale::Germany)));
    CHECK(QCoreApplication::translate("SessionPanel", "Let-down now   [L]") == "Milchspende jetzt   [L]");
    CHECK(QCoreApplication::translate("Insights", "below") == "unterhalb");
    CHECK(QCoreApplication::translate("Technique", "Warm compress") == "Warme Kompresse");
    // Leave the other tests in English.
    for (QTranslator *t : QCoreApplication::instance()->findChildren<QTranslator *>()) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
    CHECK(QCoreApplication::translate("SessionPanel", "Let-down now   [L]") == "Let-down now   [L]");
    CHECK_FALSE(installTranslations(*QCoreApplication::instance(), QLocale(QLocale::Japanese, QLocale::Japan)));
    for (QTranslator *t : QCoreApplication::instance()->findChildren<QTranslator *>()) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
}

TEST_CASE("German: every message the window can show is translated")
{
    QFile ts(QStringLiteral(LETDOWN_SOURCE_DIR "/resources/translations/letdown_de.ts"));
    REQUIRE(ts.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(ts.readAll());
    int unfinished = 0, messages = 0;
    static const QRegularExpression context(QStringLiteral("<context>\\s*<name>(.*?)</name>(.*?)</context>"),
        QRegularExpression::DotMatchesEverythingOption);
    for (auto it = context.globalMatch(text); it.hasNext();) {
        const auto match = it.next();
        if (match.captured(1) == QLatin1String("CommandLine"))
            continue; // the command line stays English on purpose: scripts read it
        messages += int(match.captured(2).count(QStringLiteral("<message>")));
        unfinished += int(match.captured(2).count(QStringLiteral("type=\"unfinished\"")));
    }
    CHECK(messages > 400);
    CHECK(unfinished == 0);
}
