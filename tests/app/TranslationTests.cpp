#include "DamagedFileDialog.h"
#include "ImportDialog.h"
#include "MainWindow.h"
#include "PreferencesDialog.h"
#include "RemoteDialog.h"
#include "RestoreDialog.h"
#include "SessionDialog.h"
#include "TransferDialog.h"
#include "Translations.h"
#include "demo/DemoData.h"
#include "recorder/SessionRecorder.h"
#include "settings/Preferences.h"
#include "storage/SessionStore.h"

#include "SessionFixtures.h"
#include "TestSupport.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAction>
#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QTabWidget>
#include <QTest>
#include <QXmlStreamReader>

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>
#include <QTranslator>

TEST_CASE("German: the translation loads for a German locale and translates what she reads")
{
    REQUIRE(installTranslations(*QCoreApplication::instance(), QLocale(QLocale::German, QLocale::Germany)));
    CHECK(QCoreApplication::translate("SessionPanel", "Let-down now   [L]") == "Milchspendereflex jetzt   [L]");
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
    // "Milchspende" alone reads as donating milk: the reflex is "Milchspendereflex", as on the phone.
    static const QRegularExpression donation(QStringLiteral("<translation>[^<]*Milchspende(?!reflex)"));
    const auto donations = donation.match(text);
    INFO(donations.captured().toStdString());
    CHECK_FALSE(donations.hasMatch());
}

namespace {
// Every text a person can read or hear in `root`: titles, labels, buttons, tooltips, menu
// entries, combo items, placeholders, tab and column titles, the values of number fields.
QStringList readableTexts(QWidget *root)
{
    QStringList texts {root->windowTitle()};
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    for (QWidget *w : std::as_const(widgets)) {
        texts << w->toolTip() << w->accessibleName() << w->accessibleDescription() << w->whatsThis();
        if (auto *label = qobject_cast<QLabel *>(w))
            texts << label->text();
        if (auto *button = qobject_cast<QAbstractButton *>(w))
            texts << button->text();
        if (auto *group = qobject_cast<QGroupBox *>(w))
            texts << group->title();
        if (auto *edit = qobject_cast<QLineEdit *>(w))
            texts << edit->placeholderText();
        if (auto *spin = qobject_cast<QAbstractSpinBox *>(w))
            texts << spin->text();
        if (auto *combo = qobject_cast<QComboBox *>(w))
            for (int i = 0; i < combo->count(); ++i)
                texts << combo->itemText(i);
        if (auto *tabs = qobject_cast<QTabWidget *>(w))
            for (int i = 0; i < tabs->count(); ++i)
                texts << tabs->tabText(i) << tabs->tabToolTip(i);
        if (auto *view = qobject_cast<QAbstractItemView *>(w); view && view->model())
            for (int c = 0; c < view->model()->columnCount(); ++c)
                texts << view->model()->headerData(c, Qt::Horizontal).toString()
                      << view->model()->headerData(c, Qt::Horizontal, Qt::ToolTipRole).toString();
    }
    for (QAction *action : root->findChildren<QAction *>())
        texts << action->text() << action->toolTip() << action->statusTip();
    QStringList plain;
    static const QRegularExpression tags(QStringLiteral("<[^>]*>"));
    for (QString text : std::as_const(texts)) {
        text = text.remove(tags).replace(QStringLiteral("&amp;"), QStringLiteral("&"));
        text.remove(QRegularExpression(QStringLiteral("&(?=\\w)"))); // accelerators
        if (!text.trimmed().isEmpty())
            plain << text.trimmed();
    }
    plain.removeDuplicates();
    return plain;
}

// What is English in a German screen: a word only English uses, a decimal point where German
// writes a comma, or exactly a source text that has a German translation.
struct EnglishFinder {
    QList<QRegularExpression> translatedSources;
    QRegularExpression englishWord {QStringLiteral(
                                        "\\b(the|your|you|and|of|with|is|this|for|from|not|let-downs?|sessions?|"
                                        "nursing|pumping|save|cancel|close|open|file|week|weeks|none|curve)\\b"),
        QRegularExpression::CaseInsensitiveOption};
    QRegularExpression decimalPoint {QStringLiteral("(?<![\\d.])\\d+\\.\\d+(?![\\d.])")};

    EnglishFinder()
    {
        QFile ts(QStringLiteral(LETDOWN_SOURCE_DIR "/resources/translations/letdown_de.ts"));
        REQUIRE(ts.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&ts);
        QString context, source;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == QLatin1String("name"))
                context = xml.readElementText();
            else if (xml.name() == QLatin1String("source"))
                source = xml.readElementText();
            else if (xml.name() == QLatin1String("translation") && context != QLatin1String("CommandLine")) {
                const QString translation = xml.readElementText();
                QString plain = source;
                plain.remove(QRegularExpression(QStringLiteral("<[^>]*>"))).remove(QRegularExpression(QStringLiteral("&(?=\\w)")));
                plain = plain.trimmed();
                // Only texts with real words outside their placeholders say something in English.
                QString words = plain;
                words.remove(QRegularExpression(QStringLiteral("%\\d")));
                if (translation == source || words.count(QRegularExpression(QStringLiteral("[A-Za-z]{3,}"))) < 2)
                    continue;
                QString pattern = QRegularExpression::escape(plain);
                pattern.replace(QRegularExpression(QStringLiteral("%\\d")), QStringLiteral(".*"));
                translatedSources << QRegularExpression(QStringLiteral("^") + pattern + QStringLiteral("$"),
                    QRegularExpression::DotMatchesEverythingOption);
            }
        }
        REQUIRE(translatedSources.size() > 300);
    }

    QStringList englishIn(QWidget *root, const QString &where) const
    {
        QStringList found;
        for (const QString &text : readableTexts(root)) {
            QString reason;
            if (const auto match = englishWord.match(text); match.hasMatch())
                reason = QStringLiteral("English word '%1'").arg(match.captured());
            else if (const auto number = decimalPoint.match(text); number.hasMatch())
                reason = QStringLiteral("decimal point in '%1'").arg(number.captured());
            else
                for (const QRegularExpression &source : translatedSources)
                    if (source.match(text).hasMatch()) {
                        reason = QStringLiteral("untranslated source text");
                        break;
                    }
            if (!reason.isEmpty())
                found << QStringLiteral("%1: %2: \"%3\"").arg(where, reason, text.left(120));
        }
        return found;
    }
};

// The app as a German desktop runs it: German messages and German numbers and dates.
struct GermanDesktop {
    QLocale before;
    GermanDesktop()
    {
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        REQUIRE(installTranslations(*QCoreApplication::instance(), QLocale()));
    }
    ~GermanDesktop()
    {
        for (QTranslator *t : QCoreApplication::instance()->findChildren<QTranslator *>()) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
        QLocale::setDefault(before);
    }
};
} // namespace

TEST_CASE("German: every tab and every dialog reads German, with German numbers")
{
    GermanDesktop german;
    const EnglishFinder finder;
    CleanSettings clean;
    TempDatabase db;
    SessionStore store {db.database};
    FakeClock clock {berlin(2026, 11, 30, 10, 0).toMSecsSinceEpoch()};
    SessionRecorder recorder {store, clock};
    DemoDataOptions demo;
    demo.firstDay = QDate(2026, 9, 7);
    demo.weeks = 12;
    demo.sessionsPerDay = 6;
    const QList<Session> sessions = generateDemoSessions(demo);
    REQUIRE(store.saveSessions(sessions));
    QStringList english;

    MainWindow window(db.file, recorder, store, clock);
    window.show();
    auto *tabs = window.findChild<QTabWidget *>("tabs");
    REQUIRE(tabs);
    for (int tab = 0; tab < tabs->count(); ++tab) {
        tabs->setCurrentIndex(tab); // panels build their contents when first shown
        QTest::qWait(50);
    }
    english << finder.englishIn(&window, QStringLiteral("main window"));

    PreferencesDialog preferences(Preferences::load(), db.path);
    english << finder.englishIn(&preferences, QStringLiteral("Preferences"));
    SessionDialog edit(store, sessions.last(), QDateTime::currentDateTime());
    english << finder.englishIn(&edit, QStringLiteral("Edit session"));
    SessionDialog add(store, std::nullopt, QDateTime::currentDateTime());
    english << finder.englishIn(&add, QStringLiteral("Add session"));
    ImportDialog import(window.journal());
    english << finder.englishIn(&import, QStringLiteral("Import"));
    TransferDialog exportCsv(TransferDialog::Mode::ExportCsv, window.journal(), QDate(2026, 11, 30));
    english << finder.englishIn(&exportCsv, QStringLiteral("Export"));
    TransferDialog report(TransferDialog::Mode::ReportPdf, window.journal(), QDate(2026, 11, 30));
    english << finder.englishIn(&report, QStringLiteral("Report"));
    RemoteDialog remoteDialog(window.remoteService());
    english << finder.englishIn(&remoteDialog, QStringLiteral("Phone remote"));
    RestoreDialog restore(db.path);
    english << finder.englishIn(&restore, QStringLiteral("Restore"));
    DamagedFileDialog damaged(QStringLiteral("Die Datei ist beschädigt."), QString(), QDateTime::currentDateTime());
    english << finder.englishIn(&damaged, QStringLiteral("Damaged file"));

    INFO(english.join(QLatin1Char('\n')).toStdString());
    CHECK(english.isEmpty());
}
