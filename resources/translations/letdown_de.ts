<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Backups</name>
    <message>
        <source>Cannot create the backup folder %1.</source>
        <translation>Der Sicherungsordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>The copy failed: %1</source>
        <translation>Die Kopie ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The copy did not check out: %1</source>
        <translation>Die Kopie hat die Prüfung nicht bestanden: %1</translation>
    </message>
    <message>
        <source>Cannot name the backup %1.</source>
        <translation>Die Sicherung kann nicht %1 genannt werden.</translation>
    </message>
    <message>
        <source>That backup cannot be used: %1</source>
        <translation>Diese Sicherung ist nicht verwendbar: %1</translation>
    </message>
    <message>
        <source>Cannot copy the backup next to %1.</source>
        <translation>Die Sicherung kann nicht neben %1 kopiert werden.</translation>
    </message>
    <message>
        <source>Cannot move the damaged file aside.</source>
        <translation>Die beschädigte Datei kann nicht beiseitegelegt werden.</translation>
    </message>
    <message>
        <source>Cannot put the backup in place of %1.</source>
        <translation>Die Sicherung kann nicht an die Stelle von %1 gesetzt werden.</translation>
    </message>
    <message>
        <source>Backed up to %1.</source>
        <translation>Gesichert in %1.</translation>
    </message>
    <message>
        <source>Cannot create a file in the backup folder %1.</source>
        <translation>Im Sicherungsordner %1 kann keine Datei angelegt werden.</translation>
    </message>
    <message>
        <source>The copy could not be written to the disk (fsync failed).</source>
        <translation>Die Kopie konnte nicht auf die Platte geschrieben werden (fsync fehlgeschlagen).</translation>
    </message>
    <message>
        <source>The backup %1 was written, but its folder could not be synced to the disk.</source>
        <translation>Die Sicherung %1 wurde geschrieben, aber ihr Ordner konnte nicht auf die Platte gebracht werden.</translation>
    </message>
    <message>
        <source>The backup was put in place of %1, but the folder could not be synced to the disk.</source>
        <translation>Die Sicherung steht an der Stelle von %1, aber der Ordner konnte nicht auf die Platte gebracht werden.</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>--%1 must be a date like 2026-11-28, not &apos;%2&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--kind must be nursing, pumping or both, not &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--to is before --from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First day, YYYY-MM-DD (local time).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last day, YYYY-MM-DD (local time).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nursing, pumping or both (default).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>week      sessions  let-downs/nursing  let-downs/pumping  first let-down (s)  ml/day (est.)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 must be a whole number from 1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--out FILE.png is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--database FILE is required (demo data never goes into your real log).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is write-protected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already holds sessions; demo data only goes into a new, empty database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote %1 demo sessions (%2 weeks from %3) to %4
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--sessions OUT.csv is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--units must be ml or oz, not &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1 sessions.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is write-protected; nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing was imported:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported %1 sessions with %2 let-downs; %3 were already there.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--out FILE.pdf is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print weekly statistics (text, or JSON with --json).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print one JSON object (see docs/cli.md).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw the four trend charts into one PNG file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PNG file to write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many weeks up to this one, or &apos;all&apos; (default 12).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image width in pixels (default 1600).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image height in pixels (default 1000).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill a new, empty database with plausible demo sessions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many weeks (default 12).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions per day (default 8).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random seed: the same seed gives the same data (default 1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First day, YYYY-MM-DD (default: so that the data ends today).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write sessions (and let-downs) as CSV for a spreadsheet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The let-downs CSV file to write (optional).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sessions CSV file to read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The let-downs CSV file to read (needed when the sessions have let-downs).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take a verified backup now (into backups/ beside the file).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the report for the lactation consultant as a PDF.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF file to write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Try &apos;letdown %1 --help&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown command. The commands are: %1. Try &apos;letdown --help&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The volume model&apos;s decay r, above 0 and at most 1 (default: your setting).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the image could not be encoded or written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sessions CSV file to write (&apos;-&apos;: standard output).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ml or oz (default: your setting).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--from must be auto or one of the formats (%1), not &apos;%2&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name the files (letdown import FILE...) or give --sessions IN.csv, not both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Would import %1 sessions with %2 let-downs (dry run: nothing written).
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the files and say what would be imported; write nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--timezone &apos;%1&apos; is not a time zone like Europe/Berlin or America/New_York.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read sessions from Letdown&apos;s export or another tracker&apos;s (Baby Buddy, Huckleberry, Baby Tracker).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The format of the files named after the command: auto (default, by their headers), letdown, babybuddy, huckleberry or babytracker.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The time zone the other app wrote its times in, like Europe/Berlin (default: this computer&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ml or oz, for amounts written without a unit (Baby Buddy).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the phone remote without a window (docs/remote.md); Ctrl+C stops it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The port (default 8717, or the one in Preferences).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An address of this computer to listen on (may repeat; default: its home-network addresses).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not one address of this computer (name each address to listen on).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a home-network address: anyone who can reach it can try to guess the key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No home-network address found: listening on this computer only (127.0.0.1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--port takes a number from 1024 to 65535.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another Letdown (process %1) has this database open. Switch the phone remote on there (Edit &gt; Phone remote...), or close it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot set up the stop signal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped with steps not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported %1 let-downs without a feed.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>say one step: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--kind is nursing or pumping, and only for start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--side is left, right or both, and only for start and switch-side.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: recorded.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: nothing to do (%2)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One step of the live session: start, stop, pause, resume, switch-side, letdown or letdown-without-feed (for a desktop shortcut; handed to the open window if there is one).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>start: nursing or pumping (default: as last chosen).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>start or switch-side: left, right or both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this program cannot draw; run it through &apos;letdown&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>letdown import: ... and %1 more rows skipped (counted above by reason).
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no backup could be taken, so nothing was replaced: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>replacing session %1 failed: %2 (the backup is %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replaced %1 sessions whose times differed; the file as it was is in %2
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>letdown import: %1 of the sessions already there have the same ids but other times (imported before with another --timezone?); they were kept as they are. Run the same command with --replace to replace them (a backup is taken first).
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace sessions already there whose times differ (a corrected --timezone); a backup is taken first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--notes-days must be a whole number from 0 to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A third CSV file, one row per day: feeds, night sessions, the longest gap, minutes per breast, measured and estimated milk, top-ups (optional).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Her notes from this many days before the last day go to the appendix (0: none; default: her setting, 14).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--samples FILE.csv is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 let-down found in %1 min of readings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 let-downs found in %2 min of readings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  %1. at %2: %3 ml</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Milk in the bottle: %1 ml, of it %2 ml/min trickling between let-downs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Readings set aside (a lifted bottle, a bump): %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Times the weight jumped and stayed (a bottle emptied or swapped; only milk was counted): %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find let-downs in a scale&apos;s recording of a pumping session (docs/scale.md); changes nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recording: CSV with the header seconds,grams (or at,grams).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name one file of readings: letdown attach-scale FILE.csv --session last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--session is required: &apos;last&apos; (the last pumping session) or its id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no finished pumping session to attach the readings to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no session %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attached %1 readings to the session of %2: %3 let-downs found (%4 matched your taps, %5 added), %6 ml in the bottle.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of your taps had no let-down on the scale; they are kept as you made them.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach a scale&apos;s readings to a finished pumping session: the let-downs found get their measured volumes (docs/scale.md).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;last&apos; (the last finished pumping session) or a session&apos;s id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An MQTT broker where a scale under the bottle publishes its weight (docs/scale.md).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scale&apos;s topic on that broker (its weight in grams).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--scale-mqtt HOST:PORT and --scale-topic TOPIC go together.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--folder is required: the folder Syncthing keeps the same on every device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sync folder %1 does not exist (is the disk there? has Syncthing made it?).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This device: %1 (%2).
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent %1 changes in %2 files.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received %1 changes from %2.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received nothing new.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 edits made at the same time on two devices lost to a later one; they are kept (Preferences &gt; Sync).
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exchange changes once with a folder that Syncthing keeps the same on every device (docs/sync.md).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This device&apos;s name as the others show it (kept; default: the computer&apos;s name).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the log in sync through this folder (Syncthing; docs/sync.md).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This device&apos;s name for the other devices.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sync folder %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write to standard output: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Csv</name>
    <message>
        <source>The file is too large (%1 MB; the limit is %2 MB).</source>
        <translation>Die Datei ist zu groß (%1 MB; höchstens %2 MB).</translation>
    </message>
    <message>
        <source>The file is too large (the limit is %1 MB).</source>
        <translation>Die Datei ist zu groß (höchstens %1 MB).</translation>
    </message>
    <message>
        <source>Line %1: the file is not UTF-8 text. Save it as &quot;CSV UTF-8&quot; and try again.</source>
        <translation>Zeile %1: Die Datei ist kein UTF-8-Text. Speichern Sie sie als „CSV UTF-8“ und versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <source>Line %1: a quoted field is never closed.</source>
        <translation>Zeile %1: Ein Feld in Anführungszeichen wird nie geschlossen.</translation>
    </message>
    <message>
        <source>Line %1: unexpected text after a closing quote.</source>
        <translation>Zeile %1: unerwarteter Text nach einem schließenden Anführungszeichen.</translation>
    </message>
    <message>
        <source>Line %1: a quote inside a field that does not start with one.</source>
        <translation>Zeile %1: ein Anführungszeichen in einem Feld, das nicht mit einem beginnt.</translation>
    </message>
    <message>
        <source>the file is not UTF-8 text (it looks like UTF-16, a spreadsheet&apos;s &quot;Unicode text&quot;). Save it as &quot;CSV UTF-8&quot; and try again.</source>
        <translation>die Datei ist kein UTF-8-Text (sie sieht nach UTF-16 aus, dem „Unicode-Text“ einer Tabellenkalkulation). Bitte als „CSV UTF-8“ speichern und noch einmal versuchen.</translation>
    </message>
    <message>
        <source>Line 1: %1</source>
        <translation>Zeile 1: %1</translation>
    </message>
    <message>
        <source>more than %1 rows: this is not an export of one family&apos;s log.</source>
        <translation>mehr als %1 Zeilen: Das ist kein Export des Protokolls einer Familie.</translation>
    </message>
</context>
<context>
    <name>CsvFiles</name>
    <message>
        <source>... and %1 more.</source>
        <translation>… und %1 weitere.</translation>
    </message>
</context>
<context>
    <name>DamagedFileDialog</name>
    <message>
        <source>Letdown cannot open its data</source>
        <translation>Letdown kann seine Daten nicht öffnen</translation>
    </message>
    <message>
        <source>A checked backup from %1 is available.</source>
        <translation>Eine geprüfte Sicherung vom %1 ist vorhanden.</translation>
    </message>
    <message>
        <source>Restore the newest backup</source>
        <translation>Neueste Sicherung wiederherstellen</translation>
    </message>
    <message>
        <source>Open another file...</source>
        <translation>Andere Datei öffnen …</translation>
    </message>
</context>
<context>
    <name>DataFile</name>
    <message>
        <source>%1 is empty, but backups of it exist. It was left untouched.</source>
        <translation>%1 ist leer, aber es gibt Sicherungen davon. Die Datei wurde nicht verändert.</translation>
    </message>
    <message>
        <source>the backup of your current data failed (%1)</source>
        <translation>die Sicherung Ihrer aktuellen Daten ist fehlgeschlagen (%1)</translation>
    </message>
    <message>
        <source>%1 already exists; choose a new file name.</source>
        <translation>%1 gibt es schon; wählen Sie einen neuen Dateinamen.</translation>
    </message>
    <message>
        <source>the backup before the move failed (%1)</source>
        <translation>die Sicherung vor dem Verschieben ist fehlgeschlagen (%1)</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Cannot create %1: %2</source>
        <translation>%1 kann nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>There is no database at %1.</source>
        <translation>Unter %1 gibt es keine Datenbank.</translation>
    </message>
    <message>
        <source>%1 is a folder, not a database file.</source>
        <translation>%1 ist ein Ordner, keine Datenbankdatei.</translation>
    </message>
    <message>
        <source>%1 cannot be read safely: its folder is write-protected and its latest changes are still in %1-wal. Make the folder writable and start Letdown again.</source>
        <translation>%1 kann nicht sicher gelesen werden: Ihr Ordner ist schreibgeschützt, und die letzten Änderungen stehen noch in %1-wal. Machen Sie den Ordner beschreibbar und starten Sie Letdown erneut.</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>%1 is write-protected and needs updating to this version of Letdown; make it writable and try again.</source>
        <translation>%1 ist schreibgeschützt und muss für diese Version von Letdown aktualisiert werden; machen Sie die Datei beschreibbar und versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <source>Not updating %1: the backup before the update failed (%2).</source>
        <translation>%1 wird nicht aktualisiert: Die Sicherung davor ist fehlgeschlagen (%2).</translation>
    </message>
    <message>
        <source>%1 is damaged: parts of it cannot be read. It was left untouched.</source>
        <translation>%1 ist beschädigt: Teile davon sind nicht lesbar. Die Datei wurde nicht verändert.</translation>
    </message>
    <message>
        <source>The file is %1 bytes long; its header says %2.</source>
        <translation>Die Datei ist %1 Bytes lang; ihr Kopf nennt %2.</translation>
    </message>
    <message>
        <source>%1 is damaged: it was cut short. It was left untouched.</source>
        <translation>%1 ist beschädigt: Sie wurde abgeschnitten. Die Datei wurde nicht verändert.</translation>
    </message>
    <message>
        <source>%1 already exists; choose a new file name.</source>
        <translation>%1 gibt es schon; wählen Sie einen neuen Dateinamen.</translation>
    </message>
    <message>
        <source>Cannot create the folder for %1.</source>
        <translation>Der Ordner für %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Cannot move %1 to %2.</source>
        <translation>%1 kann nicht nach %2 verschoben werden.</translation>
    </message>
    <message>
        <source>Cannot put the backup in place of %1.</source>
        <translation>Die Sicherung kann nicht an die Stelle von %1 gesetzt werden.</translation>
    </message>
    <message>
        <source>%1 is not a Letdown database, or it is damaged (%2). It was left untouched.</source>
        <translation>%1 ist keine Letdown-Datenbank oder beschädigt (%2). Die Datei wurde nicht verändert.</translation>
    </message>
    <message>
        <source>%1 belongs to another application, not Letdown. It was left untouched.</source>
        <translation>%1 gehört zu einem anderen Programm, nicht zu Letdown. Die Datei wurde nicht verändert.</translation>
    </message>
    <message>
        <source>%1 was made by a newer version of Letdown (data format %2; this version reads up to %3). Please update Letdown. The file was left untouched.</source>
        <translation>%1 stammt von einer neueren Version von Letdown (Datenformat %2; diese Version liest bis %3). Bitte aktualisieren Sie Letdown. Die Datei wurde nicht verändert.</translation>
    </message>
    <message>
        <source>Cannot switch %1 to write-ahead logging: %2</source>
        <translation>%1 kann nicht auf Write-Ahead-Logging umgestellt werden: %2</translation>
    </message>
    <message>
        <source>Database error in %1: %2</source>
        <translation>Datenbankfehler in %1: %2</translation>
    </message>
    <message>
        <source>Cannot open %1 read-only.</source>
        <translation>%1 kann nicht schreibgeschützt geöffnet werden.</translation>
    </message>
    <message>
        <source>%1 was moved, but its folder could not be synced to the disk.</source>
        <translation>%1 wurde verschoben, aber ihr Ordner konnte nicht auf die Platte gebracht werden.</translation>
    </message>
    <message>
        <source>The backup is in place, but the folder could not be synced to the disk.</source>
        <translation>Die Sicherung ist an ihrem Platz, aber der Ordner konnte nicht auf die Platte gebracht werden.</translation>
    </message>
    <message>
        <source>The disk that holds %1 is full (%2 free). Free some space and start Letdown again; the file was left untouched and is not damaged.</source>
        <translation>Der Datenträger mit %1 ist voll (%2 frei). Schaffen Sie Platz und starten Sie Letdown erneut; die Datei wurde nicht verändert und ist nicht beschädigt.</translation>
    </message>
    <message>
        <source>%1 (and undoing the half-done change failed, so the file was reopened)</source>
        <translation>%1 (und das Zurücknehmen der halb fertigen Änderung schlug fehl, daher wurde die Datei neu geöffnet)</translation>
    </message>
    <message>
        <source>no backup could be taken first</source>
        <translation>vorher konnte keine Sicherung angelegt werden</translation>
    </message>
    <message>
        <source>Cannot create %1.</source>
        <translation>%1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>%1 has no change count.</source>
        <translation>%1 hat keinen Änderungszähler.</translation>
    </message>
</context>
<context>
    <name>DayRaster</name>
    <message>
        <source>&gt; 5 h</source>
        <translation>&gt; 5 h</translation>
    </message>
    <message>
        <source>nursing</source>
        <translation>Stillen</translation>
    </message>
    <message>
        <source>pumping</source>
        <translation>Abpumpen</translation>
    </message>
    <message>
        <source>let-down</source>
        <translation>Milchspendereflex</translation>
    </message>
    <message>
        <source>gap over 5 h</source>
        <translation>Pause über 5 h</translation>
    </message>
    <message>
        <source>night (%1:00 to %2:00)</source>
        <translation>Nacht (%1:00 bis %2:00)</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export CSV</source>
        <translation>CSV exportieren</translation>
    </message>
    <message>
        <source>Sessions:</source>
        <translation>Sitzungen:</translation>
    </message>
    <message>
        <source>&amp;All dates</source>
        <translation>&amp;Alle Tage</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Bis:</translation>
    </message>
    <message>
        <source>&amp;Units:</source>
        <translation>&amp;Einheit:</translation>
    </message>
    <message>
        <source>&amp;Sessions file:</source>
        <translation>&amp;Sitzungsdatei:</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>Durchsuchen …</translation>
    </message>
    <message>
        <source>&amp;Let-downs file:</source>
        <translation>&amp;Milchspendereflex-Datei:</translation>
    </message>
    <message>
        <source>&amp;Notes in the appendix:</source>
        <translation>&amp;Notizen im Anhang:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Her notes from this many days before the report&apos;s last day go to its appendix</source>
        <translation>Ihre Notizen aus so vielen Tagen vor dem letzten Tag des Berichts kommen in den Anhang</translation>
    </message>
    <message>
        <source>&amp;Days file:</source>
        <translation>&amp;Tagesdatei:</translation>
    </message>
    <message>
        <source>optional: one line per day, for the consultant</source>
        <translation>optional: eine Zeile pro Tag, für die Stillberaterin</translation>
    </message>
    <message>
        <source>A third file, one line per day: feeds, night sessions, the longest gap, minutes per breast, measured and estimated milk, top-ups</source>
        <translation>Eine dritte Datei, eine Zeile pro Tag: Mahlzeiten, Nachtsitzungen, die längste Pause, Minuten pro Brust, gemessene und geschätzte Milch, Zufütterung</translation>
    </message>
    <message>
        <source>Choose the days file</source>
        <translation>Tagesdatei wählen</translation>
    </message>
    <message>
        <source>Choose where to write the days file</source>
        <translation>Wählen, wohin die Tagesdatei geschrieben wird</translation>
    </message>
</context>
<context>
    <name>FittedVolumeModel</name>
    <message>
        <source>1 more measured session with let-downs logged</source>
        <translation>noch 1 gemessene Sitzung mit notierten Milchspendereflexen</translation>
    </message>
    <message>
        <source>%1 more measured sessions with let-downs logged</source>
        <translation>noch %1 gemessene Sitzungen mit notierten Milchspendereflexen</translation>
    </message>
    <message>
        <source>measured sessions with a different number of let-downs</source>
        <translation>gemessene Sitzungen mit einer anderen Zahl von Milchspendereflexen</translation>
    </message>
    <message>
        <source>fitted to your %1 measured sessions</source>
        <translation>an Ihre %1 gemessenen Sitzungen angepasst</translation>
    </message>
    <message>
        <source>about %1 more measured sessions: the decay is still uncertain (%2 to %3)</source>
        <translation>etwa %1 weitere gemessene Sitzungen: die Abnahme ist noch unsicher (%2 bis %3)</translation>
    </message>
    <message>
        <source>fitted to your %1 measured sessions, %2 of them with each let-down weighed by a scale</source>
        <translation>angepasst an Ihre %1 gemessenen Sitzungen, davon %2 mit jedem Milchspendereflex von einer Waage gewogen</translation>
    </message>
</context>
<context>
    <name>FlowChart</name>
    <message>
        <source>Milk flow</source>
        <translation>Milchfluss</translation>
    </message>
    <message>
        <source>Let-downs</source>
        <translation>Milchspendereflexe</translation>
    </message>
    <message>
        <source>Found, not confirmed</source>
        <translation>Gefunden, nicht bestätigt</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <source>ml/min</source>
        <translation>ml/min</translation>
    </message>
    <message>
        <source>Milk flow from the scale</source>
        <translation>Milchfluss laut Waage</translation>
    </message>
    <message>
        <source>Let-down at %1: %2 ml, flow up to %3 ml/min</source>
        <translation>Milchspendereflex bei %1: %2 ml, Fluss bis %3 ml/min</translation>
    </message>
    <message>
        <source>No let-down found yet.</source>
        <translation>Noch kein Milchspendereflex gefunden.</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>left</source>
        <translation>links</translation>
    </message>
    <message>
        <source>right</source>
        <translation>rechts</translation>
    </message>
    <message>
        <source>both</source>
        <translation>beide</translation>
    </message>
    <message>
        <source>ddd d MMM yyyy, HH:mm</source>
        <translation>ddd d. MMM yyyy, HH:mm</translation>
    </message>
    <message>
        <source>Nursing</source>
        <translation>Stillen</translation>
    </message>
    <message>
        <source>Pumping</source>
        <translation>Abpumpen</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>≈ %1</source>
        <translation>≈ %1</translation>
    </message>
    <message>
        <source>[clock changed] </source>
        <translation>[Uhr verstellt] </translation>
    </message>
    <message>
        <source>The computer&apos;s clock was changed during this session; its length is still right.</source>
        <translation>Die Uhr des Computers wurde während dieser Sitzung verstellt; ihre Dauer stimmt trotzdem.</translation>
    </message>
    <message>
        <source>Measured</source>
        <translation>Gemessen</translation>
    </message>
    <message>
        <source>Estimated from the let-downs (see the Trends tab)</source>
        <translation>Aus den Milchspendereflexen geschätzt (siehe Reiter Verlauf)</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Side(s)</source>
        <translation>Seite(n)</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Let-downs</source>
        <translation>Milchspendereflexe</translation>
    </message>
    <message>
        <source>First let-down</source>
        <translation>Erster Milchspendereflex</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Techniques</source>
        <translation>Hilfen</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>not logged</source>
        <translation>nicht notiert</translation>
    </message>
    <message>
        <source>[from %1] </source>
        <translation>[aus %1] </translation>
    </message>
    <message>
        <source>Left breast: %1</source>
        <translation>Linke Brust: %1</translation>
    </message>
    <message>
        <source>Right breast: %1</source>
        <translation>Rechte Brust: %1</translation>
    </message>
    <message>
        <source>Top-up bottle: %1 of %2</source>
        <translation>Zufütterung: %1 %2</translation>
    </message>
    <message>
        <source>formula</source>
        <translation>Pre-Nahrung</translation>
    </message>
    <message>
        <source>breast milk</source>
        <translation>Muttermilch</translation>
    </message>
    <message>
        <source>Imported from %1, which does not log let-downs: this session never counts toward let-down figures.</source>
        <translation>Importiert aus %1, das keine Milchspendereflexe notiert: Diese Sitzung zählt nie zu den Zahlen über Milchspendereflexe.</translation>
    </message>
    <message>
        <source>running on %1</source>
        <translation>läuft auf %1</translation>
    </message>
    <message>
        <source>[logged on %1] </source>
        <translation>[notiert auf %1] </translation>
    </message>
    <message>
        <source>Logged on %1</source>
        <translation>Notiert auf %1</translation>
    </message>
    <message>
        <source>Logged on %1; last changed on %2</source>
        <translation>Notiert auf %1; zuletzt geändert auf %2</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>All &amp;dates</source>
        <translation>Alle &amp;Tage</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Von:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>Bis:</translation>
    </message>
    <message>
        <source>Which sessions</source>
        <translation>Welche Sitzungen</translation>
    </message>
    <message>
        <source>&amp;Add session...</source>
        <translation>Sitzung &amp;hinzufügen …</translation>
    </message>
    <message>
        <source>Ed&amp;it...</source>
        <translation>&amp;Bearbeiten …</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>All sessions</source>
        <translation>Alle Sitzungen</translation>
    </message>
    <message>
        <source>Delete session</source>
        <translation>Sitzung löschen</translation>
    </message>
    <message>
        <source>Nursing and pumping</source>
        <translation>Stillen und Abpumpen</translation>
    </message>
    <message>
        <source>Nursing only</source>
        <translation>Nur Stillen</translation>
    </message>
    <message>
        <source>Pumping only</source>
        <translation>Nur Abpumpen</translation>
    </message>
    <message>
        <source>Pumping</source>
        <translation>Abpumpen</translation>
    </message>
    <message>
        <source>left, right</source>
        <translation>links, rechts</translation>
    </message>
    <message>
        <source>First let-down</source>
        <translation>Erster Milchspendereflex</translation>
    </message>
    <message>
        <source>Back or shoulder rub, Breast massage</source>
        <translation>Rücken- oder Schultermassage, Brustmassage</translation>
    </message>
    <message>
        <source>Cannot read the sessions: %1</source>
        <translation>Die Sitzungen können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>1 session</source>
        <translation>1 Sitzung</translation>
    </message>
    <message>
        <source>%1 sessions</source>
        <translation>%1 Sitzungen</translation>
    </message>
    <message>
        <source>Stop the running session first.</source>
        <translation>Beenden Sie zuerst die laufende Sitzung.</translation>
    </message>
    <message>
        <source>This session is still running: stop it on the Session tab before editing it.</source>
        <translation>Diese Sitzung läuft noch: Beenden Sie sie im Reiter Sitzung, bevor Sie sie bearbeiten.</translation>
    </message>
    <message>
        <source>ddd d MMM, HH:mm</source>
        <translation>ddd d. MMM, HH:mm</translation>
    </message>
    <message>
        <source>Delete the %1 session of %2 (%3 let-downs, %4)? You can undo this with Ctrl+Z.</source>
        <translation>Die Sitzung (%1) vom %2 löschen (%3 Milchspendereflexe, %4)? Mit Strg+Z lässt sich das rückgängig machen.</translation>
    </message>
    <message>
        <source>nursing</source>
        <translation>Stillen</translation>
    </message>
    <message>
        <source>pumping</source>
        <translation>Abpumpen</translation>
    </message>
    <message>
        <source>Show sessions of every day, or only between the two dates</source>
        <translation>Sitzungen aller Tage zeigen oder nur zwischen den beiden Daten</translation>
    </message>
    <message>
        <source>First day shown</source>
        <translation>Erster gezeigter Tag</translation>
    </message>
    <message>
        <source>Last day shown</source>
        <translation>Letzter gezeigter Tag</translation>
    </message>
    <message>
        <source>Nursing, pumping, or both</source>
        <translation>Stillen, Abpumpen oder beides</translation>
    </message>
    <message>
        <source>Enter a session you forgot to record</source>
        <translation>Eine Sitzung nachtragen, die Sie nicht aufgezeichnet haben</translation>
    </message>
    <message>
        <source>Change the selected session and its let-downs</source>
        <translation>Die gewählte Sitzung und ihre Milchspendereflexe ändern</translation>
    </message>
    <message>
        <source>Delete the selected session (Ctrl+Z brings it back)</source>
        <translation>Die gewählte Sitzung löschen (Strg+Z holt sie zurück)</translation>
    </message>
    <message>
        <source>Every session, newest first; click a column title to sort</source>
        <translation>Alle Sitzungen, die neueste zuerst; zum Sortieren auf einen Spaltentitel klicken</translation>
    </message>
    <message>
        <source>Remove let-down without a feed</source>
        <translation>Milchspendereflex ohne Mahlzeit entfernen</translation>
    </message>
    <message>
        <source>Let-downs without a feed</source>
        <translation>Milchspendereflexe ohne Mahlzeit</translation>
    </message>
    <message>
        <source>Remo&amp;ve</source>
        <translation>Ent&amp;fernen</translation>
    </message>
    <message>
        <source>Remove the selected let-down without a feed (Ctrl+Z brings it back)</source>
        <translation>Den gewählten Milchspendereflex ohne Mahlzeit entfernen (Strg+Z holt ihn zurück)</translation>
    </message>
    <message>
        <source>Cannot read the let-downs without a feed: %1</source>
        <translation>Die Milchspendereflexe ohne Mahlzeit können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Let-downs without a feed: %1. Kept apart: they count in no session&apos;s figures.</source>
        <translation>Milchspendereflexe ohne Mahlzeit: %1. Getrennt gehalten: Sie zählen in keiner Sitzung mit.</translation>
    </message>
    <message>
        <source>&amp;Scale...</source>
        <translation>&amp;Waage...</translation>
    </message>
    <message>
        <source>The scale&apos;s readings of the selected pumping session, or a recording to attach</source>
        <translation>Die Messwerte der Waage zur gewählten Pumpsitzung, oder eine Aufzeichnung zum Anhängen</translation>
    </message>
    <message>
        <source>Cannot read which device logged the sessions: %1</source>
        <translation>Es kann nicht gelesen werden, auf welchem Gerät die Sitzungen notiert wurden: %1</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import from another app</source>
        <translation>Aus einer anderen App importieren</translation>
    </message>
    <message>
        <source>Choose the files another tracker exported (Baby Buddy and Baby Tracker write one per activity: choose them together). Letdown recognises the app by the files&apos; columns and shows what it found before anything is saved. Imported sessions keep their times, sides and volumes; their let-downs were not logged, so they never count toward let-down figures.</source>
        <translation>Wählen Sie die Dateien, die eine andere App exportiert hat (Baby Buddy und Baby Tracker schreiben eine pro Tätigkeit: wählen Sie sie zusammen). Letdown erkennt die App an den Spalten der Dateien und zeigt, was es gefunden hat, bevor etwas gespeichert wird. Importierte Sitzungen behalten ihre Zeiten, Seiten und Mengen; ihre Milchspendereflexe wurden nicht notiert und zählen daher nie zu den Zahlen über Milchspendereflexe.</translation>
    </message>
    <message>
        <source>Files to import</source>
        <translation>Zu importierende Dateien</translation>
    </message>
    <message>
        <source>&amp;Add files...</source>
        <translation>Dateien &amp;hinzufügen …</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Times were written in &amp;time zone:</source>
        <translation>Die Zeiten stammen aus der &amp;Zeitzone:</translation>
    </message>
    <message>
        <source>The other app wrote local times without their offset: the zone they were written in</source>
        <translation>Die andere App schrieb Ortszeiten ohne Zeitverschiebung: die Zone, in der sie geschrieben wurden</translation>
    </message>
    <message>
        <source>Amounts &amp;without a unit are in:</source>
        <translation>Mengen &amp;ohne Einheit sind in:</translation>
    </message>
    <message>
        <source>What will be imported:</source>
        <translation>Was importiert wird:</translation>
    </message>
    <message>
        <source>What will be imported</source>
        <translation>Was importiert wird</translation>
    </message>
    <message>
        <source>%1 (this computer)</source>
        <translation>%1 (dieser Computer)</translation>
    </message>
    <message>
        <source>Millilitres (ml)</source>
        <translation>Milliliter (ml)</translation>
    </message>
    <message>
        <source>Ounces (oz)</source>
        <translation>Unzen (oz)</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>Files from another app</source>
        <translation>Dateien aus einer anderen App</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>No files chosen yet.</source>
        <translation>Noch keine Dateien gewählt.</translation>
    </message>
    <message>
        <source>Nothing can be imported until these lines are fixed:</source>
        <translation>Nichts kann importiert werden, bis diese Zeilen korrigiert sind:</translation>
    </message>
    <message>
        <source>Warnings:</source>
        <translation>Hinweise:</translation>
    </message>
    <message>
        <source>Skipped:</source>
        <translation>Übersprungen:</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>Nichts wurde importiert: %1</translation>
    </message>
    <message>
        <source>Imported %1 sessions from %2; %3 were already there.</source>
        <translation>%1 Sitzungen aus %2 importiert; %3 waren schon vorhanden.</translation>
    </message>
</context>
<context>
    <name>Importer</name>
    <message>
        <source>These files come from different apps; import them one app at a time.</source>
        <translation>Diese Dateien stammen aus verschiedenen Apps; importieren Sie sie App für App.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is too large (the limit is %2 MB).</source>
        <translation>%1 ist zu groß (höchstens %2 MB).</translation>
    </message>
    <message>
        <source>%1: %2 nursing and %3 pumping sessions</source>
        <translation>%1: %2 Still- und %3 Abpumpsitzungen</translation>
    </message>
    <message>
        <source> from %1 to %2</source>
        <translation> vom %1 bis %2</translation>
    </message>
    <message>
        <source>, times read in %1</source>
        <translation>, Zeiten gelesen in %1</translation>
    </message>
    <message>
        <source>; no rows skipped</source>
        <translation>; keine Zeilen übersprungen</translation>
    </message>
    <message>
        <source>; %1 rows skipped: %2</source>
        <translation>; %1 Zeilen übersprungen: %2</translation>
    </message>
    <message>
        <source>; %1 warnings (below)</source>
        <translation>; %1 Hinweise (unten)</translation>
    </message>
    <message>
        <source>the imported session of %1 overlaps the one you logged in Letdown at %2; both are kept.</source>
        <translation>die importierte Sitzung vom %1 überschneidet sich mit Ihrer in Letdown notierten um %2; beide bleiben erhalten.</translation>
    </message>
    <message>
        <source>Your own sessions could not be read to look for overlaps: %1</source>
        <translation>Ihre eigenen Sitzungen konnten nicht auf Überschneidungen geprüft werden: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 (%2 file)</source>
        <translation>%1 (Datei %2)</translation>
    </message>
    <message>
        <source>%1 line 1: this is not a file Letdown can import: its columns are not those of Letdown&apos;s own export, Baby Buddy, Huckleberry or Baby Tracker.</source>
        <translation>%1 Zeile 1: Diese Datei kann Letdown nicht importieren: Ihre Spalten sind nicht die des Letdown-Exports, von Baby Buddy, Huckleberry oder Baby Tracker.</translation>
    </message>
    <message>
        <source>%1 line 1: this looks like an export of %2, but the column(s) %3 are missing.</source>
        <translation>%1 Zeile 1: Das sieht nach einem Export von %2 aus, aber die Spalte(n) %3 fehlen.</translation>
    </message>
</context>
<context>
    <name>Insights</name>
    <message>
        <source>Your usual spot: too few sessions to say yet (%1 there, %2 elsewhere with a let-down; at least %3 of each are needed).</source>
        <translation>Ihr gewohnter Platz: noch zu wenige Sitzungen für eine Aussage (%1 dort, %2 anderswo mit Milchspendereflex; je mindestens %3 sind nötig).</translation>
    </message>
    <message>
        <source>%4: too few sessions to say yet (%1 with it, %2 without, counting sessions with a let-down; at least %3 of each are needed).</source>
        <translation>%4: noch zu wenige Sitzungen für eine Aussage (%1 mit, %2 ohne, gezählt werden Sitzungen mit Milchspendereflex; je mindestens %3 sind nötig).</translation>
    </message>
    <message>
        <source>below</source>
        <translation>unterhalb</translation>
    </message>
    <message>
        <source>above</source>
        <translation>oberhalb</translation>
    </message>
    <message>
        <source>within</source>
        <translation>innerhalb</translation>
    </message>
    <message>
        <source>Self-logged let-downs usually undercount: studies find that later ones are often not felt.</source>
        <translation>Selbst notierte Milchspendereflexe sind meist zu wenige: Studien zeigen, dass spätere oft nicht gespürt werden.</translation>
    </message>
    <message>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message>
        <source>In the %1 sessions where you measured each let-down, the first gave %2 % of the milk on average; pumping studies found about %3 to %4 %.</source>
        <translation>In den %1 Sitzungen, in denen Sie jeden Milchspendereflex gemessen haben, brachte der erste im Mittel %2 % der Milch; Studien zum Abpumpen fanden etwa %3 bis %4 %.</translation>
    </message>
    <message>
        <source>%1 and %2 went together in most of their sessions: their effects on your let-downs cannot be told apart.</source>
        <translation>%1 und %2 kamen in den meisten ihrer Sitzungen zusammen vor: Ihre Wirkungen auf Ihre Milchspendereflexe lassen sich nicht auseinanderhalten.</translation>
    </message>
    <message>
        <source>In the last two weeks you logged fewer let-downs per session (%1) than your usual (%2), more than chance would explain. This can have many ordinary causes, and logged counts vary; if it goes on or worries you, it may be worth mentioning to your lactation consultant.</source>
        <translation>In den letzten zwei Wochen haben Sie weniger Milchspendereflexe pro Sitzung notiert (%1) als üblich (%2), mehr als der Zufall erklären würde. Das kann viele alltägliche Gründe haben, und notierte Zahlen schwanken; wenn es anhält oder Sie beunruhigt, sprechen Sie es vielleicht bei Ihrer Stillberaterin an.</translation>
    </message>
    <message>
        <source>More let-downs, more milk? Not enough measured sessions with different let-down counts to say yet (%1 measured; 10 are needed).</source>
        <translation>Mehr Milchspendereflexe, mehr Milch? Noch zu wenige gemessene Sitzungen mit unterschiedlich vielen Milchspendereflexen für eine Aussage (%1 gemessen; 10 sind nötig).</translation>
    </message>
    <message>
        <source>In your usual spot, your first let-down typically came sooner: after %1, against %2 elsewhere (%3 sooner).</source>
        <translation>An Ihrem gewohnten Platz kam Ihr erster Milchspendereflex meist früher: nach %1, gegenüber %2 anderswo (%3 früher).</translation>
    </message>
    <message>
        <source>With %1, your first let-down typically came sooner: after %2, against %3 without it (%4 sooner).</source>
        <translation>Mit %1 kam Ihr erster Milchspendereflex meist früher: nach %2, gegenüber %3 ohne (%4 früher).</translation>
    </message>
    <message>
        <source>In your usual spot, your first let-down typically came later: after %1, against %2 elsewhere (%3 later).</source>
        <translation>An Ihrem gewohnten Platz kam Ihr erster Milchspendereflex meist später: nach %1, gegenüber %2 anderswo (%3 später).</translation>
    </message>
    <message>
        <source>With %1, your first let-down typically came later: after %2, against %3 without it (%4 later).</source>
        <translation>Mit %1 kam Ihr erster Milchspendereflex meist später: nach %2, gegenüber %3 ohne (%4 später).</translation>
    </message>
    <message>
        <source>Your usual spot or elsewhere: no clear difference in the time to your first let-down (typically %1 there, %2 elsewhere).</source>
        <translation>Gewohnter Platz oder anderswo: kein deutlicher Unterschied in der Zeit bis zu Ihrem ersten Milchspendereflex (meist %1 dort, %2 anderswo).</translation>
    </message>
    <message>
        <source>%1: no clear difference in the time to your first let-down (typically %2 with it, %3 without).</source>
        <translation>%1: kein deutlicher Unterschied in der Zeit bis zu Ihrem ersten Milchspendereflex (meist %2 mit, %3 ohne).</translation>
    </message>
    <message>
        <source>Median difference %1 (95 % interval %2 to %3); %4 and %5 let-downs per session; %6 and %7 sessions.</source>
        <translation>Unterschied der Mediane %1 (95-%-Intervall %2 bis %3); %4 und %5 Milchspendereflexe pro Sitzung; %6 und %7 Sitzungen.</translation>
    </message>
    <message>
        <source>Your breastfeeds are compared with the studies once you have logged %1 (%2 so far).</source>
        <translation>Ihr Stillen wird mit den Studien verglichen, sobald Sie %1 Stillsitzungen notiert haben (bisher %2).</translation>
    </message>
    <message>
        <source>In your %1 breastfeeds you logged %2 let-downs on average, %3 the %4 to %5 that ultrasound studies measured.</source>
        <translation>In Ihren %1 Stillsitzungen haben Sie im Mittel %2 Milchspendereflexe notiert, %3 der %4 bis %5, die Ultraschallstudien gemessen haben.</translation>
    </message>
    <message>
        <source>Your pumping sessions are compared with the studies once you have logged %1 (%2 so far).</source>
        <translation>Ihr Abpumpen wird mit den Studien verglichen, sobald Sie %1 Abpumpsitzungen notiert haben (bisher %2).</translation>
    </message>
    <message>
        <source>In your %1 pumping sessions you logged %2 let-downs on average, %3 the %4 to %5 that pumping studies report.</source>
        <translation>In Ihren %1 Abpumpsitzungen haben Sie im Mittel %2 Milchspendereflexe notiert, %3 der %4 bis %5, die Studien zum Abpumpen nennen.</translation>
    </message>
    <message>
        <source>How much of the milk comes with the first let-down needs each let-down measured in at least %1 sessions; you have %2 so far (studies found about %3 to %4 %).</source>
        <translation>Wie viel der Milch mit dem ersten Milchspendereflex kommt, braucht jeden Milchspendereflex gemessen in mindestens %1 Sitzungen; bisher sind es %2 (Studien fanden etwa %3 bis %4 %).</translation>
    </message>
    <message>
        <source>Typically, your first let-down came after %1 (the median of %2 sessions).</source>
        <translation>Meist kam Ihr erster Milchspendereflex nach %1 (der Median aus %2 Sitzungen).</translation>
    </message>
    <message>
        <source>In your %1 measured sessions, more let-downs usually went with more milk.</source>
        <translation>In Ihren %1 gemessenen Sitzungen gingen mehr Milchspendereflexe meist mit mehr Milch einher.</translation>
    </message>
    <message>
        <source>In your %1 measured sessions, more let-downs usually went with less milk.</source>
        <translation>In Ihren %1 gemessenen Sitzungen gingen mehr Milchspendereflexe meist mit weniger Milch einher.</translation>
    </message>
    <message>
        <source>In your %1 measured sessions, the number of let-downs did not clearly go with the amount of milk.</source>
        <translation>In Ihren %1 gemessenen Sitzungen hing die Zahl der Milchspendereflexe nicht deutlich mit der Milchmenge zusammen.</translation>
    </message>
    <message>
        <source>Rank correlation (Spearman&apos;s rho) %1, 95 % interval %2 to %3.</source>
        <translation>Rangkorrelation (Spearmans rho) %1, 95-%-Intervall %2 bis %3.</translation>
    </message>
</context>
<context>
    <name>InsightsPanel</name>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Show gentle &amp;alerts</source>
        <translation>Behutsame &amp;Hinweise zeigen</translation>
    </message>
    <message>
        <source>Alerts point out a change in your own pattern, gently; they never diagnose.</source>
        <translation>Hinweise zeigen behutsam eine Veränderung in Ihrem eigenen Muster; sie stellen nie eine Diagnose.</translation>
    </message>
    <message>
        <source>Cannot read the sessions for the insights: %1</source>
        <translation>Die Sitzungen für die Erkenntnisse können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No finished sessions in this period yet. Log a few sessions, tick the techniques you try, and this page will tell you what your own log shows.</source>
        <translation>In diesem Zeitraum gibt es noch keine beendeten Sitzungen. Notieren Sie einige Sitzungen und kreuzen Sie an, was Sie ausprobieren; dann zeigt diese Seite, was Ihr eigenes Protokoll sagt.</translation>
    </message>
    <message>
        <source>What seems to help you</source>
        <translation>Was Ihnen zu helfen scheint</translation>
    </message>
    <message>
        <source>You have not ticked any technique in this period. Tick the ones you try on the Session tab to see whether they change anything for you.</source>
        <translation>Sie haben in diesem Zeitraum keine Hilfe angekreuzt. Kreuzen Sie im Reiter Sitzung an, was Sie ausprobieren, um zu sehen, ob es für Sie etwas ändert.</translation>
    </message>
    <message>
        <source>Where you nursed</source>
        <translation>Wo Sie gestillt haben</translation>
    </message>
    <message>
        <source>usual spot</source>
        <translation>gewohnter Platz</translation>
    </message>
    <message>
        <source>with</source>
        <translation>mit</translation>
    </message>
    <message>
        <source>elsewhere</source>
        <translation>anderswo</translation>
    </message>
    <message>
        <source>without</source>
        <translation>ohne</translation>
    </message>
    <message>
        <source>Time to first let-down with and without %1</source>
        <translation>Zeit bis zum ersten Milchspendereflex mit und ohne %1</translation>
    </message>
    <message>
        <source>You and the studies</source>
        <translation>Sie und die Studien</translation>
    </message>
    <message>
        <source>&lt;i&gt;Nothing here is medical advice. If something worries you, talk to your lactation consultant.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Nichts hier ist ein medizinischer Rat. Wenn Sie etwas beunruhigt, sprechen Sie mit Ihrer Stillberaterin.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>The period the sentences are about</source>
        <translation>Der Zeitraum, um den es in den Sätzen geht</translation>
    </message>
    <message>
        <source>Your own numbers</source>
        <translation>Ihre eigenen Zahlen</translation>
    </message>
    <message>
        <source>Let-downs against measured volume, one dot per session</source>
        <translation>Milchspendereflexe gegenüber gemessener Menge, ein Punkt pro Sitzung</translation>
    </message>
    <message>
        <source>Your own volume curve: log pumped volumes (or test-weighs) for sessions with let-downs, and Letdown will fit the first let-down&apos;s volume and the decay to you once it has %1 of them.</source>
        <translation>Ihre eigene Mengenkurve: Notieren Sie abgepumpte Mengen (oder Stillproben durch Wiegen) für Sitzungen mit Milchspendereflexen; sobald es %1 davon gibt, passt Letdown die Menge des ersten Milchspendereflexes und die Abnahme an Sie an.</translation>
    </message>
    <message>
        <source>Your volumes are estimated with your own curve: %1.</source>
        <translation>Ihre Mengen werden mit Ihrer eigenen Kurve geschätzt: %1.</translation>
    </message>
    <message>
        <source>Your own volume curve is ready: %1. Your volumes are still estimated with the published curve until you choose yours.</source>
        <translation>Ihre eigene Mengenkurve ist bereit: %1. Ihre Mengen werden weiter mit der veröffentlichten Kurve geschätzt, bis Sie Ihre wählen.</translation>
    </message>
    <message>
        <source>Your own volume curve so far: %1. Not ready yet: it needs %2.</source>
        <translation>Ihre eigene Mengenkurve bisher: %1. Noch nicht bereit: es braucht %2.</translation>
    </message>
    <message>
        <source>Your own volume curve is not ready yet: it needs %1.</source>
        <translation>Ihre eigene Mengenkurve ist noch nicht bereit: es braucht %1.</translation>
    </message>
    <message>
        <source>Use my own curve for estimates</source>
        <translation>Meine eigene Kurve für Schätzungen verwenden</translation>
    </message>
    <message>
        <source>Your own experiment, so far over 1 session: </source>
        <translation>Ihr eigenes Experiment, bisher über 1 Sitzung: </translation>
    </message>
    <message>
        <source>Your own experiment over %1 sessions: </source>
        <translation>Ihr eigenes Experiment über %1 Sitzungen: </translation>
    </message>
    <message>
        <source>each technique compared with the sessions without it. Studies suggest each mother&apos;s pattern is fairly stable, so your log is a good guide for you; it is not a promise, and small differences can be chance. In the small charts, the dot is your typical time to the first let-down (the median) and the bar the middle half of the sessions; below them, the difference. &quot;Sooner&quot; or &quot;later&quot; is said only when the difference stays clear after allowing for how many techniques were compared.</source>
        <translation>jede Hilfe verglichen mit den Sitzungen ohne sie. Studien zeigen, dass das Muster jeder Mutter recht stabil ist; Ihr Protokoll ist also ein guter Wegweiser für Sie. Es ist kein Versprechen, und kleine Unterschiede können Zufall sein. In den kleinen Diagrammen ist der Punkt Ihre übliche Zeit bis zum ersten Milchspendereflex (der Median) und der Balken die mittlere Hälfte der Sitzungen; darunter der Unterschied. „Früher“ oder „später“ steht nur da, wenn der Unterschied deutlich bleibt, auch wenn man berücksichtigt, wie viele Hilfen verglichen wurden.</translation>
    </message>
    <message>
        <source>your first let-down gives about %1 and each later one about %2 % of the one before, from %3 measured sessions</source>
        <translation>Ihr erster Milchspendereflex bringt etwa %1 und jeder weitere etwa %2 % des vorigen, aus %3 gemessenen Sitzungen</translation>
    </message>
    <message>
        <source>First let-down %1 (95 % interval %2 to %3); each later one ×%4 (%5 to %6).</source>
        <translation>Erster Milchspendereflex %1 (95-%-Intervall %2 bis %3); jeder weitere ×%4 (%5 bis %6).</translation>
    </message>
</context>
<context>
    <name>InstanceGuard</name>
    <message>
        <source>Cannot create the lock file %1.</source>
        <translation>Die Sperrdatei %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Cannot open the local socket %1: %2</source>
        <translation>Der lokale Socket %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>The Letdown that has the file open did not finish the command.</source>
        <translation>Das Letdown, das die Datei geöffnet hat, hat den Befehl nicht zu Ende geführt.</translation>
    </message>
    <message>
        <source>The Letdown that has the file open (process %1) did not answer.</source>
        <translation>Das Letdown, das die Datei geöffnet hat (Prozess %1), hat nicht geantwortet.</translation>
    </message>
</context>
<context>
    <name>Journal</name>
    <message>
        <source>There is no session %1.</source>
        <translation>Es gibt keine Sitzung %1.</translation>
    </message>
    <message>
        <source>A scale&apos;s readings belong to a pumping session; this one is a breastfeed.</source>
        <translation>Die Messwerte einer Waage gehören zu einer Pumpsitzung; diese ist eine Stillmahlzeit.</translation>
    </message>
    <message>
        <source>The session is still running: stop it first, then attach the readings.</source>
        <translation>Die Sitzung läuft noch: erst beenden, dann die Messwerte anhängen.</translation>
    </message>
    <message>
        <source>There are no readings to attach.</source>
        <translation>Es gibt keine Messwerte zum Anhängen.</translation>
    </message>
</context>
<context>
    <name>LetdownCsvImporter</name>
    <message>
        <source>%1: only one sessions file and one let-downs file can be imported together.</source>
        <translation>%1: Es lassen sich nur eine Sitzungsdatei und eine Milchspendereflex-Datei zusammen importieren.</translation>
    </message>
    <message>
        <source>A Letdown import needs its sessions file, not only the let-downs.</source>
        <translation>Ein Letdown-Import braucht seine Sitzungsdatei, nicht nur die Milchspendereflexe.</translation>
    </message>
</context>
<context>
    <name>LiveScale</name>
    <message>
        <source>The scale&apos;s readings could not be kept with the session: %1</source>
        <translation>Die Messwerte der Waage konnten nicht bei der Sitzung gespeichert werden: %1</translation>
    </message>
    <message>
        <source>No pumping session is running: start one, then the scale&apos;s readings are used.</source>
        <translation>Es läuft keine Pumpsitzung: starten Sie eine, dann werden die Messwerte der Waage verwendet.</translation>
    </message>
    <message>
        <source>%1 is not a weight in grams a scale can read.</source>
        <translation>%1 ist kein Gewicht in Gramm, das eine Waage anzeigen kann.</translation>
    </message>
    <message>
        <source>The session already has %1 readings; no more are taken.</source>
        <translation>Die Sitzung hat schon %1 Messwerte; weitere werden nicht angenommen.</translation>
    </message>
    <message>
        <source>The session has ended.</source>
        <translation>Die Sitzung ist beendet.</translation>
    </message>
    <message>
        <source>The scale&apos;s readings could not be saved yet: %1</source>
        <translation>Die Messwerte der Waage konnten noch nicht gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Letdown</source>
        <translation>Letdown</translation>
    </message>
    <message>
        <source>Save warning</source>
        <translation>Warnung zum Speichern</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Export CSV...</source>
        <translation>CSV &amp;exportieren …</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>Save &amp;report as PDF...</source>
        <translation>&amp;Bericht als PDF speichern …</translation>
    </message>
    <message>
        <source>Ctrl+Shift+S</source>
        <translation>Ctrl+Shift+S</translation>
    </message>
    <message>
        <source>&amp;Print report...</source>
        <translation>Bericht &amp;drucken …</translation>
    </message>
    <message>
        <source>Ctrl+P</source>
        <translation>Ctrl+P</translation>
    </message>
    <message>
        <source>Restore from &amp;backup...</source>
        <translation>Aus &amp;Sicherung wiederherstellen …</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;About Letdown</source>
        <translation>&amp;Über Letdown</translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation>&amp;Sitzung</translation>
    </message>
    <message>
        <source>&amp;Trends</source>
        <translation>&amp;Verlauf</translation>
    </message>
    <message>
        <source>&amp;Insights</source>
        <translation>&amp;Erkenntnisse</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Protokoll</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>&amp;Preferences...</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Mini timer</source>
        <translation>&amp;Mini-Stoppuhr</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Datenbank: %1</translation>
    </message>
    <message>
        <source>Print report (last 12 weeks)</source>
        <translation>Bericht drucken (letzte 12 Wochen)</translation>
    </message>
    <message>
        <source>Could not print the report: %1</source>
        <translation>Der Bericht konnte nicht gedruckt werden: %1</translation>
    </message>
    <message>
        <source>This database is write-protected (%1): you can look at everything, but nothing new can be recorded. Make the file writable and restart Letdown.</source>
        <translation>Diese Datenbank ist schreibgeschützt (%1): Sie können alles ansehen, aber nichts Neues aufzeichnen. Machen Sie die Datei beschreibbar und starten Sie Letdown neu.</translation>
    </message>
    <message>
        <source>Stop the running session before moving the data file.</source>
        <translation>Beenden Sie die laufende Sitzung, bevor Sie die Datendatei verschieben.</translation>
    </message>
    <message>
        <source>Not moved: %1</source>
        <translation>Nicht verschoben: %1</translation>
    </message>
    <message>
        <source>Show Letdown</source>
        <translation>Letdown zeigen</translation>
    </message>
    <message>
        <source>Mini timer</source>
        <translation>Mini-Stoppuhr</translation>
    </message>
    <message>
        <source>Stop the running session before restoring a backup.</source>
        <translation>Beenden Sie die laufende Sitzung, bevor Sie eine Sicherung wiederherstellen.</translation>
    </message>
    <message>
        <source>Not restored: %1</source>
        <translation>Nicht wiederhergestellt: %1</translation>
    </message>
    <message>
        <source>Restored. Your data from before is in %1.</source>
        <translation>Wiederhergestellt. Ihre vorherigen Daten liegen in %1.</translation>
    </message>
    <message>
        <source>The daily backup failed: %1</source>
        <translation>Die tägliche Sicherung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>About Letdown</source>
        <translation>Über Letdown</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Letdown&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Logs nursing and pumping sessions and every let-down in them.&lt;/p&gt;&lt;p&gt;Data file: %2&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Letdown&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Protokolliert Still- und Abpumpsitzungen und jeden Milchspendereflex darin.&lt;/p&gt;&lt;p&gt;Datendatei: %2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The data file was moved to %1, but %2 Start Letdown with --database %1 until this is fixed.</source>
        <translation>Die Datendatei wurde nach %1 verschoben, aber %2 Starten Sie Letdown mit --database %1, bis das behoben ist.</translation>
    </message>
    <message>
        <source>Your own volume curve could not be fitted: %1</source>
        <translation>Ihre eigene Mengenkurve konnte nicht angepasst werden: %1</translation>
    </message>
    <message>
        <source>Your own volume curve is ready. Insights shows it; you can use it for your estimates there or in Preferences.</source>
        <translation>Ihre eigene Mengenkurve ist bereit. Die Erkenntnisse zeigen sie; dort oder in den Einstellungen können Sie sie für Ihre Schätzungen verwenden.</translation>
    </message>
    <message>
        <source>Your volumes are now estimated with your own curve (Edit &gt; Preferences to go back).</source>
        <translation>Ihre Mengen werden jetzt mit Ihrer eigenen Kurve geschätzt (Bearbeiten &gt; Einstellungen, um zurückzuwechseln).</translation>
    </message>
    <message>
        <source>Phone &amp;remote...</source>
        <translation>&amp;Fernbedienung per Handy …</translation>
    </message>
    <message>
        <source>Let-down &amp;without a feed</source>
        <translation>Milchspendereflex &amp;ohne Mahlzeit</translation>
    </message>
    <message>
        <source>She felt one with no session running (the baby cried): kept apart from sessions</source>
        <translation>Ein Milchspendereflex ohne laufende Sitzung (das Baby hat geweint): getrennt von den Sitzungen</translation>
    </message>
    <message>
        <source>Let-down without a feed saved (%1). It is kept apart from your sessions.</source>
        <translation>Milchspendereflex ohne Mahlzeit gespeichert (%1). Er wird getrennt von Ihren Sitzungen gehalten.</translation>
    </message>
    <message>
        <source>Let-down without a feed</source>
        <translation>Milchspendereflex ohne Mahlzeit</translation>
    </message>
    <message>
        <source>Sessions imported by the command line.</source>
        <translation>Sitzungen über die Befehlszeile importiert.</translation>
    </message>
    <message>
        <source>Started by a shortcut or the command line.</source>
        <translation>Über ein Tastenkürzel oder die Befehlszeile gestartet.</translation>
    </message>
    <message>
        <source>Stopped by a shortcut or the command line.</source>
        <translation>Über ein Tastenkürzel oder die Befehlszeile beendet.</translation>
    </message>
    <message>
        <source>Paused by a shortcut or the command line.</source>
        <translation>Über ein Tastenkürzel oder die Befehlszeile pausiert.</translation>
    </message>
    <message>
        <source>Resumed by a shortcut or the command line.</source>
        <translation>Über ein Tastenkürzel oder die Befehlszeile fortgesetzt.</translation>
    </message>
    <message>
        <source>Side switched by a shortcut or the command line.</source>
        <translation>Seite über ein Tastenkürzel oder die Befehlszeile gewechselt.</translation>
    </message>
    <message>
        <source>Let-down marked by a shortcut or the command line.</source>
        <translation>Milchspendereflex über ein Tastenkürzel oder die Befehlszeile erfasst.</translation>
    </message>
    <message>
        <source>Let-down without a feed marked by a shortcut or the command line.</source>
        <translation>Milchspendereflex ohne Mahlzeit über ein Tastenkürzel oder die Befehlszeile erfasst.</translation>
    </message>
    <message>
        <source>&amp;Import...</source>
        <translation>&amp;Importieren...</translation>
    </message>
    <message>
        <source>Import Letdown&apos;s own CSV export, or the export of Baby Buddy, Huckleberry or Baby Tracker</source>
        <translation>Den CSV-Export von Letdown oder den Export von Baby Buddy, Huckleberry oder Baby Tracker importieren</translation>
    </message>
    <message>
        <source>The scale weighed %1 ml; let-downs found: %2.</source>
        <translation>Die Waage hat %1 ml gewogen; gefundene Milchspendereflexe: %2.</translation>
    </message>
    <message>
        <source>Scale over MQTT: %1</source>
        <translation>Waage über MQTT: %1</translation>
    </message>
    <message>
        <source>The scale over MQTT cannot start: %1</source>
        <translation>Die Waage über MQTT kann nicht starten: %1</translation>
    </message>
    <message>
        <source>Sync: %1</source>
        <translation>Abgleich: %1</translation>
    </message>
    <message>
        <source>Changes from %1 arrived (%2).</source>
        <translation>Änderungen von %1 sind angekommen (%2).</translation>
    </message>
    <message>
        <source>Cannot read the sync state: %1</source>
        <translation>Der Stand des Abgleichs kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The device&apos;s name could not be saved: %1</source>
        <translation>Der Name des Geräts konnte nicht gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>Measurements</name>
    <message>
        <source>The volume cannot be negative.</source>
        <translation>Die Menge kann nicht negativ sein.</translation>
    </message>
    <message>
        <source>A volume above 500 ml for one session is not plausible; please check it.</source>
        <translation>Mehr als 500 ml in einer Sitzung ist nicht plausibel; bitte prüfen Sie den Wert.</translation>
    </message>
    <message>
        <source>Baby weights must be between 300 g and 30000 g.</source>
        <translation>Das Gewicht des Babys muss zwischen 300 g und 30000 g liegen.</translation>
    </message>
    <message>
        <source>A test-weigh needs both weights: before and after the feed.</source>
        <translation>Eine Stillprobe braucht beide Gewichte: vor und nach dem Stillen.</translation>
    </message>
    <message>
        <source>The weight after the feed is lower than before: please check both weights.</source>
        <translation>Das Gewicht nach dem Stillen ist geringer als davor: Bitte prüfen Sie beide Werte.</translation>
    </message>
    <message>
        <source>A weight gain above 500 g in one feed is not plausible; please check it.</source>
        <translation>Eine Zunahme von mehr als 500 g bei einer Mahlzeit ist nicht plausibel; bitte prüfen Sie den Wert.</translation>
    </message>
    <message>
        <source>The total is the sum of both breasts (%1 ml): leave it empty or correct it.</source>
        <translation>Die Gesamtmenge ist die Summe beider Brüste (%1 ml): lassen Sie sie leer oder korrigieren Sie sie.</translation>
    </message>
    <message>
        <source>Say what the top-up bottle held: breast milk or formula.</source>
        <translation>Geben Sie an, was in der Zufütterungsflasche war: Muttermilch oder Pre-Nahrung.</translation>
    </message>
</context>
<context>
    <name>MiniTimer</name>
    <message>
        <source>Let-down [L]</source>
        <translation>Milchspendereflex [L]</translation>
    </message>
    <message>
        <source>Letdown timer</source>
        <translation>Letdown-Stoppuhr</translation>
    </message>
    <message>
        <source>Session time</source>
        <translation>Sitzungsdauer</translation>
    </message>
    <message>
        <source>Marks a let-down at this moment</source>
        <translation>Notiert jetzt einen Milchspendereflex</translation>
    </message>
    <message>
        <source>%1 let-downs</source>
        <translation>%1 Milchspendereflexe</translation>
    </message>
    <message>
        <source> · paused</source>
        <translation> · pausiert</translation>
    </message>
    <message>
        <source>Stop [Space]</source>
        <translation>Stopp [Leertaste]</translation>
    </message>
    <message>
        <source>Start [Space]</source>
        <translation>Start [Leertaste]</translation>
    </message>
</context>
<context>
    <name>MqttScale</name>
    <message>
        <source>The broker&apos;s port is a number from 1 to 65535: &apos;%1&apos;.</source>
        <translation>Der Port des Brokers ist eine Zahl von 1 bis 65535: &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>Name the broker as HOST:PORT, such as 192.168.1.20:1883.</source>
        <translation>Geben Sie den Broker als HOST:PORT an, etwa 192.168.1.20:1883.</translation>
    </message>
    <message>
        <source>Name the scale&apos;s topic exactly, such as esphome/bottle-scale/sensor/weight/state.</source>
        <translation>Geben Sie das Topic der Waage genau an, etwa esphome/bottle-scale/sensor/weight/state.</translation>
    </message>
    <message>
        <source>The MQTT client could not be made.</source>
        <translation>Der MQTT-Client konnte nicht angelegt werden.</translation>
    </message>
    <message>
        <source>The broker %1:%2 cannot be used: %3</source>
        <translation>Der Broker %1:%2 ist nicht nutzbar: %3</translation>
    </message>
    <message>
        <source>The MQTT client could not start.</source>
        <translation>Der MQTT-Client konnte nicht starten.</translation>
    </message>
    <message>
        <source>Connecting to %1:%2 ...</source>
        <translation>Verbinde mit %1:%2 …</translation>
    </message>
    <message>
        <source>Connected; listening to %1.</source>
        <translation>Verbunden; empfange %1.</translation>
    </message>
    <message>
        <source>The broker refused the connection: %1</source>
        <translation>Der Broker hat die Verbindung abgelehnt: %1</translation>
    </message>
    <message>
        <source>The broker went away; trying again.</source>
        <translation>Der Broker ist weg; neuer Versuch läuft.</translation>
    </message>
</context>
<context>
    <name>OtherTrackers</name>
    <message>
        <source>%1: %2 &apos;%3&apos; is not a date and time this format writes.</source>
        <translation>%1: %2 „%3“ ist kein Datum mit Uhrzeit, wie dieses Format es schreibt.</translation>
    </message>
    <message>
        <source>%1: %2 %3 does not exist in %4 (the clocks went forward then).</source>
        <translation>%1: %2 %3 gibt es in %4 nicht (die Uhren wurden da vorgestellt).</translation>
    </message>
    <message>
        <source>%1: %2 %3 happened twice in %4 (the clocks went back); the first, summer-time one was taken.</source>
        <translation>%1: %2 %3 gab es in %4 zweimal (die Uhren wurden zurückgestellt); die erste, in Sommerzeit, wurde genommen.</translation>
    </message>
    <message>
        <source>a bottle feed (%1)</source>
        <translation>eine Flaschenmahlzeit (%1)</translation>
    </message>
    <message>
        <source>not a breastfeed (%1, %2)</source>
        <translation>kein Stillen (%1, %2)</translation>
    </message>
    <message>
        <source>not breast milk (%1)</source>
        <translation>keine Muttermilch (%1)</translation>
    </message>
    <message>
        <source>%1: amount &apos;%2&apos; is not a number.</source>
        <translation>%1: die Menge „%2“ ist keine Zahl.</translation>
    </message>
    <message>
        <source>%1: amount &apos;%2&apos; has no unit; say whether the file is in ml or oz.</source>
        <translation>%1: die Menge „%2“ hat keine Einheit; geben Sie an, ob die Datei in ml oder oz ist.</translation>
    </message>
    <message>
        <source>%1: an older export with one time per session: its duration is not known (0).</source>
        <translation>%1: ein älterer Export mit einer Zeit pro Sitzung: ihre Dauer ist unbekannt (0).</translation>
    </message>
    <message>
        <source>a bottle or solid feed (%1)</source>
        <translation>eine Flasche oder Beikost (%1)</translation>
    </message>
    <message>
        <source>%1: not a feed or pumping session</source>
        <translation>%1: keine Mahlzeit und kein Abpumpen</translation>
    </message>
    <message>
        <source>%1: side times &apos;%2&apos; and &apos;%3&apos; are not like 00:08R and 00:06L.</source>
        <translation>%1: die Seitenzeiten „%2“ und „%3“ sehen nicht aus wie 00:08R und 00:06L.</translation>
    </message>
    <message>
        <source>%1: pumped amounts &apos;%2&apos; and &apos;%3&apos; are not like 100ml or 2.5oz.</source>
        <translation>%1: die abgepumpten Mengen „%2“ und „%3“ sehen nicht aus wie 100ml oder 2.5oz.</translation>
    </message>
    <message>
        <source>%1: the durations are not minutes.</source>
        <translation>%1: die Dauern sind keine Minuten.</translation>
    </message>
    <message>
        <source>%1: the amounts are not numbers.</source>
        <translation>%1: die Mengen sind keine Zahlen.</translation>
    </message>
    <message>
        <source>%1: %2 %3 happened twice in %4 (the clocks went back); the %5 one was taken.</source>
        <translation>%1: %2 %3 gab es in %4 zweimal (die Uhren wurden zurückgestellt); die %5 wurde genommen.</translation>
    </message>
    <message>
        <source>first, summer-time</source>
        <translation>erste, in Sommerzeit,</translation>
    </message>
    <message>
        <source>second, winter-time</source>
        <translation>zweite, in Winterzeit,</translation>
    </message>
    <message>
        <source>a bottle feed without an amount (%1)</source>
        <translation>eine Flaschenmahlzeit ohne Menge (%1)</translation>
    </message>
    <message>
        <source>a bottle feed whose amount has no unit; say whether the file is in ml or oz (%1)</source>
        <translation>eine Flaschenmahlzeit, deren Menge keine Einheit hat; geben Sie an, ob die Datei in ml oder oz ist (%1)</translation>
    </message>
    <message>
        <source>a bottle feed of an implausible amount (%1)</source>
        <translation>eine Flaschenmahlzeit mit unplausibler Menge (%1)</translation>
    </message>
    <message>
        <source>a bottle feed with no breastfeed in the hour before it (%1)</source>
        <translation>eine Flaschenmahlzeit ohne Stillmahlzeit in der Stunde davor (%1)</translation>
    </message>
    <message>
        <source>%1: the bottles after one feed held breast milk and formula; kept as formula.</source>
        <translation>%1: Die Flaschen nach einer Mahlzeit enthielten Muttermilch und Pre-Nahrung; als Pre-Nahrung übernommen.</translation>
    </message>
</context>
<context>
    <name>OutputFiles</name>
    <message>
        <source>Cannot write to standard output.</source>
        <translation>Die Standardausgabe kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>a folder</source>
        <translation>ein Ordner</translation>
    </message>
    <message>
        <source>a character device</source>
        <translation>ein zeichenorientiertes Gerät</translation>
    </message>
    <message>
        <source>a block device</source>
        <translation>ein blockorientiertes Gerät</translation>
    </message>
    <message>
        <source>a pipe (FIFO)</source>
        <translation>eine Pipe (FIFO)</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>ein Socket</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>keine gewöhnliche Datei</translation>
    </message>
    <message>
        <source>%1 is your Letdown database; an output never replaces it. Choose another file.</source>
        <translation>%1 ist Ihre Letdown-Datenbank; eine Ausgabe ersetzt sie nie. Wählen Sie eine andere Datei.</translation>
    </message>
    <message>
        <source>%1 belongs to your Letdown database (%2); an output never replaces it.</source>
        <translation>%1 gehört zu Ihrer Letdown-Datenbank (%2); eine Ausgabe ersetzt sie nie.</translation>
    </message>
    <message>
        <source>%1 is in (or is) a backup of your Letdown database; an output never goes there.</source>
        <translation>%1 liegt in einer Sicherung Ihrer Letdown-Datenbank (oder ist eine); dorthin wird nie etwas ausgegeben.</translation>
    </message>
    <message>
        <source>Only one output can go to standard output (-).</source>
        <translation>Nur eine Ausgabe kann auf die Standardausgabe (-) gehen.</translation>
    </message>
    <message>
        <source>This output cannot go to standard output (-): name a file.</source>
        <translation>Diese Ausgabe kann nicht auf die Standardausgabe (-) gehen: Nennen Sie eine Datei.</translation>
    </message>
    <message>
        <source>No output file was named.</source>
        <translation>Es wurde keine Ausgabedatei genannt.</translation>
    </message>
    <message>
        <source>%1 is %2, not a regular file; Letdown writes outputs only to regular files%3.</source>
        <translation>%1 ist %2, keine gewöhnliche Datei; Letdown schreibt Ausgaben nur in gewöhnliche Dateien%3.</translation>
    </message>
    <message>
        <source> (use - for standard output)</source>
        <translation> (- steht für die Standardausgabe)</translation>
    </message>
    <message>
        <source>%1 and %2 are the same file: each output needs a file of its own.</source>
        <translation>%1 und %2 sind dieselbe Datei: Jede Ausgabe braucht eine eigene Datei.</translation>
    </message>
    <message>
        <source>Cannot write %1: the folder %2 does not exist.</source>
        <translation>%1 kann nicht geschrieben werden: Den Ordner %2 gibt es nicht.</translation>
    </message>
    <message>
        <source>Cannot create a temporary file in %1: %2</source>
        <translation>In %1 kann keine temporäre Datei angelegt werden: %2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>standard output</source>
        <translation>Standardausgabe</translation>
    </message>
    <message>
        <source>Cannot write %1: the data could not be synced to the disk.</source>
        <translation>%1 kann nicht geschrieben werden: Die Daten konnten nicht auf die Platte gebracht werden.</translation>
    </message>
    <message>
        <source>Cannot write %1: the file came out incomplete (is the disk full?).</source>
        <translation>%1 kann nicht geschrieben werden: Die Datei ist unvollständig geworden (ist der Datenträger voll?).</translation>
    </message>
    <message>
        <source>Internal error: an output was not written.</source>
        <translation>Interner Fehler: Eine Ausgabe wurde nicht geschrieben.</translation>
    </message>
    <message>
        <source>Cannot put %1 in place.</source>
        <translation>%1 kann nicht an ihren Platz gesetzt werden.</translation>
    </message>
    <message>
        <source>%1 was written, but its folder could not be synced to the disk.</source>
        <translation>%1 wurde geschrieben, aber ihr Ordner konnte nicht auf die Platte gebracht werden.</translation>
    </message>
</context>
<context>
    <name>PdfInfo</name>
    <message>
        <source>Cannot open %1 to add its properties: %2</source>
        <translation>%1 lässt sich nicht öffnen, um die Eigenschaften einzutragen: %2</translation>
    </message>
    <message>
        <source>%1 does not end like a complete PDF: its properties were not added.</source>
        <translation>%1 endet nicht wie ein vollständiges PDF: Die Eigenschaften wurden nicht eingetragen.</translation>
    </message>
    <message>
        <source>Cannot add the properties to %1: %2</source>
        <translation>Die Eigenschaften lassen sich nicht in %1 eintragen: %2</translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <source>oz</source>
        <translation>oz</translation>
    </message>
    <message>
        <source>ml</source>
        <translation>ml</translation>
    </message>
    <message>
        <source>Your preferences could not be saved to %1.</source>
        <translation>Ihre Einstellungen konnten nicht in %1 gespeichert werden.</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Volumes in:</source>
        <translation>&amp;Mengen in:</translation>
    </message>
    <message>
        <source>Millilitres or ounces, everywhere: screens, charts, exports and the report</source>
        <translation>Milliliter oder Unzen, überall: Anzeigen, Diagramme, Exporte und Bericht</translation>
    </message>
    <message>
        <source>New sessions &amp;start as:</source>
        <translation>Neue Sitzungen &amp;beginnen als:</translation>
    </message>
    <message>
        <source>Charts:</source>
        <translation>Diagramme:</translation>
    </message>
    <message>
        <source>Show the &amp;reference lines from the studies</source>
        <translation>&amp;Referenzlinien aus den Studien zeigen</translation>
    </message>
    <message>
        <source>Volume of a first let-down in the estimate when a session has no measured total</source>
        <translation>Menge eines ersten Milchspendereflexes in der Schätzung, wenn eine Sitzung keine gemessene Gesamtmenge hat</translation>
    </message>
    <message>
        <source>Each later let-down is (×&amp;r):</source>
        <translation>Jeder weitere Milchspendereflex ist (×&amp;r):</translation>
    </message>
    <message>
        <source>Each later let-down is this fraction of the one before, in the estimate</source>
        <translation>In der Schätzung ist jeder weitere Milchspendereflex dieser Bruchteil des vorigen</translation>
    </message>
    <message>
        <source>Reset to the &amp;published values (30 ml, ×0.6)</source>
        <translation>Auf die &amp;veröffentlichten Werte zurücksetzen (30 ml, ×0,6)</translation>
    </message>
    <message>
        <source>Calendars start on:</source>
        <translation>Kalender beginnen am:</translation>
    </message>
    <message>
        <source>First day of the week in the date pickers; weekly statistics always run Monday to Sunday (ISO weeks)</source>
        <translation>Erster Wochentag in den Datumsauswahlen; die Wochenstatistik läuft immer von Montag bis Sonntag (ISO-Wochen)</translation>
    </message>
    <message>
        <source>Data file:</source>
        <translation>Datendatei:</translation>
    </message>
    <message>
        <source>&amp;Move the data file...</source>
        <translation>Datendatei &amp;verschieben …</translation>
    </message>
    <message>
        <source>Millilitres (ml)</source>
        <translation>Milliliter (ml)</translation>
    </message>
    <message>
        <source>Ounces (oz)</source>
        <translation>Unzen (oz)</translation>
    </message>
    <message>
        <source>What I used last</source>
        <translation>Wie zuletzt</translation>
    </message>
    <message>
        <source>Nursing</source>
        <translation>Stillen</translation>
    </message>
    <message>
        <source>Pumping</source>
        <translation>Abpumpen</translation>
    </message>
    <message>
        <source>Move the data file to</source>
        <translation>Datendatei verschieben nach</translation>
    </message>
    <message>
        <source>Letdown databases (*.sqlite)</source>
        <translation>Letdown-Datenbanken (*.sqlite)</translation>
    </message>
    <message>
        <source>Estimate &amp;volumes with:</source>
        <translation>&amp;Mengen schätzen mit:</translation>
    </message>
    <message>
        <source>The curve that estimates each let-down&apos;s volume: the published one, or yours once it is fitted to enough of your measured sessions</source>
        <translation>Die Kurve, die die Menge jedes Milchspendereflexes schätzt: die veröffentlichte oder Ihre, sobald sie an genug gemessene Sitzungen angepasst ist</translation>
    </message>
    <message>
        <source>Published curve: &amp;first let-down (ml):</source>
        <translation>Veröffentlichte Kurve: &amp;erster Milchspendereflex (ml):</translation>
    </message>
    <message>
        <source>The published curve</source>
        <translation>Die veröffentlichte Kurve</translation>
    </message>
    <message>
        <source>My own curve (fitted to my measured sessions)</source>
        <translation>Meine eigene Kurve (an meine gemessenen Sitzungen angepasst)</translation>
    </message>
    <message>
        <source>Your own curve needs measured sessions (a pumped volume or a test-weigh) with let-downs logged.</source>
        <translation>Ihre eigene Kurve braucht gemessene Sitzungen (abgepumpte Menge oder Wiegen) mit notierten Milchspendereflexen.</translation>
    </message>
    <message>
        <source>Your own curve is not ready yet: it needs %1.</source>
        <translation>Ihre eigene Kurve ist noch nicht bereit: es braucht %1.</translation>
    </message>
    <message>
        <source>Your own curve: first let-down %1, each later one ×%2, from %3 measured sessions.</source>
        <translation>Ihre eigene Kurve: erster Milchspendereflex %1, jeder weitere ×%2, aus %3 gemessenen Sitzungen.</translation>
    </message>
    <message>
        <source>Until it is, the published curve estimates your volumes.</source>
        <translation>Bis dahin schätzt die veröffentlichte Kurve Ihre Mengen.</translation>
    </message>
    <message>
        <source>Phone remote:</source>
        <translation>Fernbedienung per Handy:</translation>
    </message>
    <message>
        <source>&amp;Phone remote...</source>
        <translation>Fernbedienung per &amp;Handy …</translation>
    </message>
    <message>
        <source>Tap Start, Let-down and Stop from a phone on the home network (off until you switch it on)</source>
        <translation>Start, Milchspendereflex und Stopp auf einem Handy im Heimnetz tippen (aus, bis Sie es einschalten)</translation>
    </message>
    <message>
        <source>%1&lt;br/&gt;&lt;small&gt;Letdown opens this file from now on.&lt;/small&gt;</source>
        <translation>%1&lt;br/&gt;&lt;small&gt;Letdown öffnet ab jetzt diese Datei.&lt;/small&gt;</translation>
    </message>
    <message>
        <source>&amp;Names on the report:</source>
        <translation>&amp;Namen im Bericht:</translation>
    </message>
    <message>
        <source>Mother (optional)</source>
        <translation>Mutter (optional)</translation>
    </message>
    <message>
        <source>Mother&apos;s name on the report</source>
        <translation>Name der Mutter im Bericht</translation>
    </message>
    <message>
        <source>Printed on the report&apos;s first page and in its PDF properties; optional</source>
        <translation>Steht auf der ersten Seite des Berichts und in den PDF-Eigenschaften; optional</translation>
    </message>
    <message>
        <source>Baby (optional)</source>
        <translation>Baby (optional)</translation>
    </message>
    <message>
        <source>Baby&apos;s name on the report</source>
        <translation>Name des Babys im Bericht</translation>
    </message>
    <message>
        <source>Printed on the report&apos;s first page; optional</source>
        <translation>Steht auf der ersten Seite des Berichts; optional</translation>
    </message>
    <message>
        <source>&amp;Gap between feeds:</source>
        <translation>&amp;Abstand zwischen Mahlzeiten:</translation>
    </message>
    <message>
        <source>How the 24-hour view and the report count the time between two sessions</source>
        <translation>Wie die 24-Stunden-Ansicht und der Bericht die Zeit zwischen zwei Sitzungen zählen</translation>
    </message>
    <message>
        <source>&amp;Night is from:</source>
        <translation>&amp;Nacht ist von:</translation>
    </message>
    <message>
        <source>:00</source>
        <translation>:00</translation>
    </message>
    <message>
        <source>Night starts at</source>
        <translation>Nacht beginnt um</translation>
    </message>
    <message>
        <source>Sessions that start from this hour count as night sessions</source>
        <translation>Sitzungen, die ab dieser Stunde beginnen, zählen als Nachtsitzungen</translation>
    </message>
    <message>
        <source>&amp;to</source>
        <translation>&amp;bis</translation>
    </message>
    <message>
        <source>Night ends at</source>
        <translation>Nacht endet um</translation>
    </message>
    <message>
        <source>Sessions that start before this hour count as night sessions</source>
        <translation>Sitzungen, die vor dieser Stunde beginnen, zählen als Nachtsitzungen</translation>
    </message>
    <message>
        <source>From start to start (as consultants count)</source>
        <translation>Von Beginn zu Beginn (wie Stillberaterinnen zählen)</translation>
    </message>
    <message>
        <source>From the end of one to the start of the next</source>
        <translation>Vom Ende der einen bis zum Beginn der nächsten</translation>
    </message>
    <message>
        <source>Night must end after it starts (for example from 0:00 to 6:00).</source>
        <translation>Die Nacht muss nach ihrem Beginn enden (zum Beispiel von 0:00 bis 6:00).</translation>
    </message>
    <message>
        <source>Scale:</source>
        <translation>Waage:</translation>
    </message>
    <message>
        <source>&amp;Add the let-downs a scale finds without asking</source>
        <translation>Milchspendereflexe der Waage ohne Nachfrage &amp;eintragen</translation>
    </message>
    <message>
        <source>A scale under the bottle sends its readings while you pump (docs/scale.md); unticked, each let-down it finds waits for your Yes</source>
        <translation>Eine Waage unter der Flasche sendet beim Pumpen ihre Messwerte (docs/scale.md); ohne Haken wartet jeder gefundene Milchspendereflex auf Ihr Ja</translation>
    </message>
    <message>
        <source>Unticked, each let-down the scale finds is offered on the Session tab to confirm</source>
        <translation>Ohne Haken wird jeder von der Waage gefundene Milchspendereflex im Reiter Sitzung zur Bestätigung angeboten</translation>
    </message>
    <message>
        <source>Scale over M&amp;QTT:</source>
        <translation>Waage über M&amp;QTT:</translation>
    </message>
    <message>
        <source>host:port</source>
        <translation>Rechner:Port</translation>
    </message>
    <message>
        <source>MQTT broker of the scale</source>
        <translation>MQTT-Broker der Waage</translation>
    </message>
    <message>
        <source>Host and port of the broker where the scale publishes; empty: no scale over MQTT</source>
        <translation>Rechner und Port des Brokers, an den die Waage sendet; leer: keine Waage über MQTT</translation>
    </message>
    <message>
        <source>topic</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>MQTT topic of the scale</source>
        <translation>MQTT-Topic der Waage</translation>
    </message>
    <message>
        <source>The topic where the scale publishes its weight in grams, such as esphome/bottle-scale/sensor/weight/state</source>
        <translation>Das Topic, unter dem die Waage ihr Gewicht in Gramm sendet, etwa esphome/bottle-scale/sensor/weight/state</translation>
    </message>
    <message>
        <source>A scale over MQTT needs both its broker and its topic.</source>
        <translation>Eine Waage über MQTT braucht Broker und Topic.</translation>
    </message>
    <message>
        <source>The scale&apos;s broker: %1</source>
        <translation>Broker der Waage: %1</translation>
    </message>
    <message>
        <source>S&amp;ync folder:</source>
        <translation>&amp;Abgleichordner:</translation>
    </message>
    <message>
        <source>none: this computer only</source>
        <translation>keiner: nur dieser Computer</translation>
    </message>
    <message>
        <source>Sync folder</source>
        <translation>Abgleichordner</translation>
    </message>
    <message>
        <source>A folder Syncthing keeps the same on the family&apos;s devices; each device writes only its own part of it</source>
        <translation>Ein Ordner, den Syncthing auf den Geräten der Familie gleich hält; jedes Gerät schreibt nur in seinen eigenen Teil davon</translation>
    </message>
    <message>
        <source>&amp;Browse...</source>
        <translation>Aus&amp;wählen …</translation>
    </message>
    <message>
        <source>This device&apos;s na&amp;me:</source>
        <translation>&amp;Name dieses Geräts:</translation>
    </message>
    <message>
        <source>as the other devices show it</source>
        <translation>wie die anderen Geräte es zeigen</translation>
    </message>
    <message>
        <source>Shown on the other devices beside the sessions logged here</source>
        <translation>Wird auf den anderen Geräten neben den hier notierten Sitzungen gezeigt</translation>
    </message>
    <message>
        <source>The folder Syncthing shares</source>
        <translation>Der Ordner, den Syncthing teilt</translation>
    </message>
    <message>
        <source>The sync folder must be a full path, such as /home/you/Sync/letdown.</source>
        <translation>Der Abgleichordner muss ein vollständiger Pfad sein, zum Beispiel /home/sie/Sync/letdown.</translation>
    </message>
    <message>
        <source>Your log stays on this computer. To share it with the family&apos;s other devices, choose a folder that Syncthing keeps the same on each of them (docs/sync.md).</source>
        <translation>Ihr Protokoll bleibt auf diesem Computer. Um es mit den anderen Geräten der Familie zu teilen, wählen Sie einen Ordner, den Syncthing auf jedem von ihnen gleich hält (docs/sync.md).</translation>
    </message>
    <message>
        <source>No other device has written to the folder yet.</source>
        <translation>Noch kein anderes Gerät hat in den Ordner geschrieben.</translation>
    </message>
    <message>
        <source>%1 (last change %2)</source>
        <translation>%1 (letzte Änderung %2)</translation>
    </message>
    <message>
        <source>Other devices: %1.</source>
        <translation>Andere Geräte: %1.</translation>
    </message>
    <message>
        <source>The session of %1, as %2 had it: %3 let-downs</source>
        <translation>Die Sitzung vom %1, wie %2 sie hatte: %3 Milchspendereflexe</translation>
    </message>
    <message>
        <source>, note “%1”</source>
        <translation>, Notiz „%1“</translation>
    </message>
    <message>
        <source>Edits that lost a conflict</source>
        <translation>Änderungen, die einen Konflikt verloren haben</translation>
    </message>
    <message>
        <source>These versions were changed on one device while another changed the same session. The later change is in your log; these are kept here so nothing typed is lost. Copy what you need into the session (History &gt; Edit).</source>
        <translation>Diese Fassungen wurden auf einem Gerät geändert, während ein anderes dieselbe Sitzung änderte. Die spätere Änderung steht in Ihrem Protokoll; diese hier werden aufbewahrt, damit nichts Eingegebenes verloren geht. Übernehmen Sie, was Sie brauchen, in die Sitzung (Protokoll &gt; Bearbeiten).</translation>
    </message>
    <message>
        <source>ddd d MMM, HH:mm</source>
        <translation>ddd d. MMM, HH:mm</translation>
    </message>
    <message>
        <source>1 edit made at the same time on two devices lost to a later one and is kept: &lt;a href=&quot;conflicts&quot;&gt;show it&lt;/a&gt;.</source>
        <translation>1 Änderung, gleichzeitig auf zwei Geräten gemacht, hat gegen eine spätere verloren und wird aufbewahrt: &lt;a href=&quot;conflicts&quot;&gt;zeigen&lt;/a&gt;.</translation>
    </message>
    <message>
        <source>%1 edits made at the same time on two devices lost to later ones and are kept: &lt;a href=&quot;conflicts&quot;&gt;show them&lt;/a&gt;.</source>
        <translation>%1 Änderungen, gleichzeitig auf zwei Geräten gemacht, haben gegen spätere verloren und werden aufbewahrt: &lt;a href=&quot;conflicts&quot;&gt;zeigen&lt;/a&gt;.</translation>
    </message>
</context>
<context>
    <name>ReferenceModel</name>
    <message>
        <source>The decay r must be above 0 and at most 1.</source>
        <translation>Der Faktor r muss größer als 0 und höchstens 1 sein.</translation>
    </message>
    <message>
        <source>The first let-down volume must be above 0 and at most 140 ml.</source>
        <translation>Die Menge des ersten Milchspendereflexes muss größer als 0 und höchstens 140 ml sein.</translation>
    </message>
</context>
<context>
    <name>RemoteDialog</name>
    <message>
        <source>Phone remote</source>
        <translation>Fernbedienung per Handy</translation>
    </message>
    <message>
        <source>Tap Start, Let-down and Stop from your phone while the baby is on your arm. The phone must be on the same home network as this computer. Only phones that scanned this code can use it.</source>
        <translation>Tippen Sie Start, Milchspendereflex und Stopp auf dem Handy, während das Baby auf Ihrem Arm liegt. Das Handy muss im selben Heimnetz sein wie dieser Computer. Nur Handys, die diesen Code gescannt haben, können es benutzen.</translation>
    </message>
    <message>
        <source>&amp;Let a phone on the home network tap here</source>
        <translation>&amp;Ein Handy im Heimnetz darf hier tippen</translation>
    </message>
    <message>
        <source>&amp;Forget all phones</source>
        <translation>Alle Handys &amp;vergessen</translation>
    </message>
    <message>
        <source>Makes a new code: every phone paired so far has to scan it again.</source>
        <translation>Erzeugt einen neuen Code: Jedes bisher gekoppelte Handy muss ihn neu scannen.</translation>
    </message>
    <message>
        <source>All phones forgotten. Scan the new code with the phones you keep.</source>
        <translation>Alle Handys vergessen. Scannen Sie den neuen Code mit den Handys, die Sie behalten.</translation>
    </message>
    <message>
        <source>The code opens %1 with its key. Typing the address alone is not enough: scan the code once on each phone.</source>
        <translation>Der Code öffnet %1 mit seinem Schlüssel. Die Adresse allein einzutippen reicht nicht: Scannen Sie den Code einmal auf jedem Handy.</translation>
    </message>
    <message>
        <source>Off. Nothing listens on the network.</source>
        <translation>Aus. Nichts lauscht im Netzwerk.</translation>
    </message>
    <message>
        <source>No home network found: only this computer can open the remote.</source>
        <translation>Kein Heimnetz gefunden: Nur dieser Computer kann die Fernbedienung öffnen.</translation>
    </message>
    <message>
        <source>On. A phone was last here at %1.</source>
        <translation>An. Zuletzt war um %1 ein Handy da.</translation>
    </message>
    <message>
        <source>On. No phone yet: scan the code with the phone&apos;s camera.</source>
        <translation>An. Noch kein Handy: Scannen Sie den Code mit der Kamera des Handys.</translation>
    </message>
    <message>
        <source>Also listening on %1.</source>
        <translation>Außerdem erreichbar unter %1.</translation>
    </message>
</context>
<context>
    <name>RemoteService</name>
    <message>
        <source>The setting could not be saved.</source>
        <translation>Die Einstellung konnte nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>The phone remote could not start: %1</source>
        <translation>Die Fernbedienung per Handy konnte nicht starten: %1</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>Letdown: let-down log report</source>
        <translation>Letdown: Bericht zum Milchspendereflex-Protokoll</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Zeitraum:</translation>
    </message>
    <message>
        <source>Prepared:</source>
        <translation>Erstellt:</translation>
    </message>
    <message>
        <source>ddd d MMM yyyy, HH:mm</source>
        <translation>ddd d. MMM yyyy, HH:mm</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Überblick</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Kennzahl</translation>
    </message>
    <message>
        <source>Her log</source>
        <translation>Ihr Protokoll</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referenz</translation>
    </message>
    <message>
        <source>Kind of figure</source>
        <translation>Art der Zahl</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>%1 nursing, %2 pumping</source>
        <translation>%1 Stillen, %2 Abpumpen</translation>
    </message>
    <message>
        <source>counted</source>
        <translation>gezählt</translation>
    </message>
    <message>
        <source>Let-downs per nursing session (mean)</source>
        <translation>Milchspendereflexe pro Stillsitzung (Mittel)</translation>
    </message>
    <message>
        <source>%1 ± %2 (Ramsay 2004, ultrasound)</source>
        <translation>%1 ± %2 (Ramsay 2004, Ultraschall)</translation>
    </message>
    <message>
        <source>logged (the ones she noticed)</source>
        <translation>notiert (die bemerkten)</translation>
    </message>
    <message>
        <source>Let-downs per pumping session (mean)</source>
        <translation>Milchspendereflexe pro Abpumpsitzung (Mittel)</translation>
    </message>
    <message>
        <source>%1 – %2 (Prime 2011, Ramsay 2005)</source>
        <translation>%1 – %2 (Prime 2011, Ramsay 2005)</translation>
    </message>
    <message>
        <source>Time to first let-down (median)</source>
        <translation>Zeit bis zum ersten Milchspendereflex (Median)</translation>
    </message>
    <message>
        <source>logged</source>
        <translation>notiert</translation>
    </message>
    <message>
        <source>%1: %2 sessions</source>
        <translation>%1: %2 Sitzungen</translation>
    </message>
    <message>
        <source>Techniques used</source>
        <translation>Verwendete Hilfen</translation>
    </message>
    <message>
        <source>none ticked</source>
        <translation>keine angekreuzt</translation>
    </message>
    <message>
        <source>ticked by her</source>
        <translation>von ihr angekreuzt</translation>
    </message>
    <message>
        <source>Weekly trends</source>
        <translation>Wöchentlicher Verlauf</translation>
    </message>
    <message>
        <source>Week by week</source>
        <translation>Woche für Woche (MSR: Milchspendereflexe)</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Woche</translation>
    </message>
    <message>
        <source>Let-downs / nursing</source>
        <translation>MSR / Stillen</translation>
    </message>
    <message>
        <source>Let-downs / pumping</source>
        <translation>MSR / Abpumpen</translation>
    </message>
    <message>
        <source>What her own log suggests</source>
        <translation>Was ihr eigenes Protokoll nahelegt</translation>
    </message>
    <message>
        <source>nursing</source>
        <translation>Stillen</translation>
    </message>
    <message>
        <source>pumping</source>
        <translation>Abpumpen</translation>
    </message>
    <message>
        <source>#%1: %2</source>
        <translation>#%1: %2</translation>
    </message>
    <message>
        <source>Milk by let-down order (mean)</source>
        <translation>Milch nach Reihenfolge des Milchspendereflexes (Mittel)</translation>
    </message>
    <message>
        <source>estimated (model below)</source>
        <translation>geschätzt (Modell unten)</translation>
    </message>
    <message>
        <source>Measured: counts, times and any pumped volume or test-weigh she entered. Estimated: the volume of each let-down, %1 for the first and ×%2 for each later one (model: %3), or her measured total shared in the same proportions. Logged let-downs are the ones she noticed; studies find later ones often go unfelt. Not medical advice.</source>
        <translation>Gemessen: Zahlen, Zeiten und jede abgepumpte Menge oder Wiegeprobe, die sie eingetragen hat. Geschätzt: die Menge jedes Milchspendereflexes, %1 für den ersten und ×%2 für jeden weiteren (Modell: %3), oder ihre gemessene Gesamtmenge im gleichen Verhältnis aufgeteilt. Notierte Milchspendereflexe sind die, die sie bemerkt hat; Studien zeigen, dass spätere oft nicht gespürt werden. Kein medizinischer Rat.</translation>
    </message>
    <message>
        <source>Let-downs without a feed</source>
        <translation>Milchspendereflexe ohne Mahlzeit</translation>
    </message>
    <message>
        <source>logged (felt with no session running; in no session&apos;s figures)</source>
        <translation>erfasst (ohne laufende Sitzung gespürt; in keiner Sitzungszahl enthalten)</translation>
    </message>
    <message>
        <source>Milk per day, measured (pumped, test weights)</source>
        <translation>Milch pro Tag, gemessen (abgepumpt, Wiegeproben)</translation>
    </message>
    <message>
        <source>measured; mean over the days with a measured session (%1 of %2 sessions measured)</source>
        <translation>gemessen; Mittel über die Tage mit gemessener Sitzung (%1 von %2 Sitzungen gemessen)</translation>
    </message>
    <message>
        <source>Milk per day, estimated from let-downs</source>
        <translation>Milch pro Tag, aus Milchspendereflexen geschätzt</translation>
    </message>
    <message>
        <source>estimated, for the sessions with nothing measured; %1 could not be estimated (nothing measured, no let-down)</source>
        <translation>geschätzt, für die Sitzungen ohne Messung; %1 ließen sich nicht schätzen (nichts gemessen, kein Milchspendereflex)</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>The last 24 hours (to %1)</source>
        <translation>Die letzten 24 Stunden (bis %1)</translation>
    </message>
    <message>
        <source>ddd d MMM, HH:mm</source>
        <translation>ddd d. MMM, HH:mm</translation>
    </message>
    <message>
        <source>Breastfeeds (aim %1–%2)</source>
        <translation>Stillmahlzeiten (Ziel %1–%2)</translation>
    </message>
    <message>
        <source>Pump sessions</source>
        <translation>Abpumpsitzungen</translation>
    </message>
    <message>
        <source>Longest gap (aim ≤ %1 h)</source>
        <translation>Längste Pause (Ziel ≤ %1 h)</translation>
    </message>
    <message>
        <source>%1/%2 (%3)</source>
        <translation>%1/%2 (%3)</translation>
    </message>
    <message>
        <source>Milk &lt;b&gt;measured&lt;/b&gt;</source>
        <translation>Milch &lt;b&gt;gemessen&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Top-ups (of which formula)</source>
        <translation>Zufütterung (davon Pre)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>not logged</source>
        <translation>nicht notiert</translation>
    </message>
    <message>
        <source>The last 14 days (volumes in %1)</source>
        <translation>Die letzten 14 Tage (Mengen in %1)</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Feeds</source>
        <translation>Stillen</translation>
    </message>
    <message>
        <source>Pumps</source>
        <translation>Pumpen</translation>
    </message>
    <message>
        <source>Night</source>
        <translation>Nacht</translation>
    </message>
    <message>
        <source>Longest gap</source>
        <translation>Längste Pause</translation>
    </message>
    <message>
        <source>Measured</source>
        <translation>Gemessen</translation>
    </message>
    <message>
        <source>Estimated</source>
        <translation>Geschätzt</translation>
    </message>
    <message>
        <source>No sessions in these 14 days.</source>
        <translation>Keine Sitzungen in diesen 14 Tagen.</translation>
    </message>
    <message>
        <source>Bold: outside the usual aim (%1 to %2 breastfeeds a day, at least one at night, no gap over %3 h); her consultant may set others. Gaps are counted %4. Measured: pumped and test weights. Estimated: from let-downs, for sessions with nothing measured. The two are never added together.</source>
        <translation>Fett: außerhalb des üblichen Ziels (%1 bis %2 Stillmahlzeiten am Tag, mindestens eine nachts, keine Pause über %3 h); ihre Stillberaterin kann andere setzen. Pausen werden %4 gezählt. Gemessen: abgepumpt und Wiegeproben. Geschätzt: aus Milchspendereflexen, für Sitzungen ohne Messung. Beides wird nie zusammengezählt. MSR: Milchspendereflex.</translation>
    </message>
    <message>
        <source>from start to start</source>
        <translation>von Beginn zu Beginn</translation>
    </message>
    <message>
        <source>from the end of one to the start of the next</source>
        <translation>vom Ende der einen bis zum Beginn der nächsten</translation>
    </message>
    <message>
        <source>First let-down (median)</source>
        <translation>Erster MSR (Median)</translation>
    </message>
    <message>
        <source>Measured %1/day</source>
        <translation>Gemessen %1/Tag</translation>
    </message>
    <message>
        <source>Estimated %1/day</source>
        <translation>Geschätzt %1/Tag</translation>
    </message>
    <message>
        <source>Appendix: her notes from %1</source>
        <translation>Anhang: ihre Notizen ab %1</translation>
    </message>
    <message>
        <source>Appendix: her notes</source>
        <translation>Anhang: ihre Notizen</translation>
    </message>
    <message>
        <source>No notes in this part of the period.</source>
        <translation>Keine Notizen in diesem Teil des Zeitraums.</translation>
    </message>
    <message>
        <source>Letdown report for %1</source>
        <translation>Letdown-Bericht für %1</translation>
    </message>
    <message>
        <source>Baby: %1</source>
        <translation>Baby: %1</translation>
    </message>
    <message>
        <source>Top-up</source>
        <comment>short column title of the 14-day table</comment>
        <translation>Flasche</translation>
    </message>
    <message>
        <source>Let-downs</source>
        <comment>short column title of the 14-day table</comment>
        <translation>MSR</translation>
    </message>
    <message>
        <source>Min L/R</source>
        <translation>Min L/R</translation>
    </message>
    <message>
        <source>d/M</source>
        <translation>d.M.</translation>
    </message>
    <message>
        <source>Test weights</source>
        <translation>Wiegeproben</translation>
    </message>
    <message>
        <source>(pumped L %1, R %2)</source>
        <translation>(abgepumpt L %1, R %2)</translation>
    </message>
    <message>
        <source>Night %1–%2 h (aim ≥ %3)</source>
        <translation>Nachts %1–%2 Uhr (Ziel ≥ %3)</translation>
    </message>
    <message>
        <source>+%1 g&lt;br/&gt;(%2 → %3)</source>
        <translation>+%1 g&lt;br/&gt;(%2 → %3)</translation>
    </message>
    <message>
        <source>Minutes L / R (left&apos;s share)</source>
        <translation>Minuten L / R (Anteil L)</translation>
    </message>
    <message>
        <source>Milk &lt;b&gt;estimated&lt;/b&gt; (let-downs)</source>
        <translation>Milch &lt;b&gt;geschätzt&lt;/b&gt; (aus MSR)</translation>
    </message>
    <message>
        <source>Let-downs/session (studies %1), first</source>
        <translation>MSR pro Sitzung (Studien: %1), erster nach</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from backup</source>
        <translation>Aus Sicherung wiederherstellen</translation>
    </message>
    <message>
        <source>Choose a backup to go back to. Your current data is backed up first, so this can be undone by restoring that backup.</source>
        <translation>Wählen Sie eine Sicherung, zu der Sie zurückkehren möchten. Ihre aktuellen Daten werden vorher gesichert; so lässt sich das durch Wiederherstellen dieser Sicherung rückgängig machen.</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sicherungen</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>ddd d MMM yyyy, HH:mm</source>
        <translation>ddd d. MMM yyyy, HH:mm</translation>
    </message>
    <message>
        <source>checked, usable</source>
        <translation>geprüft, verwendbar</translation>
    </message>
    <message>
        <source>There are no backups yet. Letdown takes one each day that has changes, in %1.</source>
        <translation>Es gibt noch keine Sicherungen. Letdown legt an jedem Tag mit Änderungen eine an, in %1.</translation>
    </message>
</context>
<context>
    <name>ScaleDialog</name>
    <message>
        <source>Scale readings of %1</source>
        <translation>Messwerte der Waage vom %1</translation>
    </message>
    <message>
        <source>&amp;Attach a recording...</source>
        <translation>Aufzeichnung &amp;anhängen...</translation>
    </message>
    <message>
        <source>A scale&apos;s readings saved as CSV (seconds,grams or at,grams): its let-downs are matched to yours and get their measured volumes</source>
        <translation>Die Messwerte einer Waage als CSV (seconds,grams oder at,grams): ihre Milchspendereflexe werden Ihren zugeordnet und bekommen ihre gemessenen Mengen</translation>
    </message>
    <message>
        <source>Attach a scale&apos;s readings</source>
        <translation>Messwerte einer Waage anhängen</translation>
    </message>
    <message>
        <source>Scale readings (*.csv);;All files (*)</source>
        <translation>Messwerte der Waage (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>No scale readings are kept with this session. Attach a recording made while you pumped, and its let-downs get their measured volumes.</source>
        <translation>Zu dieser Sitzung sind keine Messwerte einer Waage gespeichert. Hängen Sie eine beim Pumpen gemachte Aufzeichnung an, dann bekommen ihre Milchspendereflexe ihre gemessenen Mengen.</translation>
    </message>
    <message>
        <source>%1 readings over %2 min: %3 ml in the bottle; let-downs found: %4.</source>
        <translation>%1 Messwerte über %2 min: %3 ml in der Flasche; gefundene Milchspendereflexe: %4.</translation>
    </message>
    <message>
        <source>Attached: %1 let-downs found, %2 matched yours, %3 added.</source>
        <translation>Angehängt: %1 Milchspendereflexe gefunden, %2 Ihren zugeordnet, %3 hinzugefügt.</translation>
    </message>
</context>
<context>
    <name>ScalePanel</name>
    <message>
        <source>Yes, a let-down  [C]</source>
        <translation>Ja, ein Reflex  [C]</translation>
    </message>
    <message>
        <source>Adds the let-down the scale found to this session. Shortcut: C</source>
        <translation>Trägt den von der Waage gefundenen Milchspendereflex in diese Sitzung ein. Taste: C</translation>
    </message>
    <message>
        <source>Not one</source>
        <translation>Keiner</translation>
    </message>
    <message>
        <source>Scale: %1 ml in the bottle; let-downs found: %2.</source>
        <translation>Waage: %1 ml in der Flasche; gefundene Milchspendereflexe: %2.</translation>
    </message>
    <message>
        <source>The scale found a let-down at %1 (%2 ml so far). Was it one?</source>
        <translation>Die Waage hat bei %1 einen Milchspendereflex gefunden (bisher %2 ml). War es einer?</translation>
    </message>
    <message>
        <source>Let-downs the scale finds are added by themselves.</source>
        <translation>Von der Waage gefundene Milchspendereflexe werden selbst eingetragen.</translation>
    </message>
    <message>
        <source>Let-downs the scale finds are offered here to confirm.</source>
        <translation>Von der Waage gefundene Milchspendereflexe werden hier zur Bestätigung angeboten.</translation>
    </message>
</context>
<context>
    <name>ScaleSamples</name>
    <message>
        <source>line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 gibt es nicht.</translation>
    </message>
    <message>
        <source>%1 is %2 MB: a pumping session&apos;s samples fit in %3 MB, so this is not one.</source>
        <translation>%1 ist %2 MB groß: die Messwerte einer Pumpsitzung passen in %3 MB, das hier ist also keine.</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is larger than %2 MB.</source>
        <translation>%1 ist größer als %2 MB.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>the file is empty; expected a header &apos;seconds,grams&apos; or &apos;at,grams&apos;.</source>
        <translation>die Datei ist leer; erwartet wird die Kopfzeile &apos;seconds,grams&apos; oder &apos;at,grams&apos;.</translation>
    </message>
    <message>
        <source>the first line must be the header &apos;seconds,grams&apos; (or &apos;at,grams&apos;), not &apos;%1&apos;.</source>
        <translation>die erste Zeile muss die Kopfzeile &apos;seconds,grams&apos; (oder &apos;at,grams&apos;) sein, nicht &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>%1 samples: one pumping session has at most %2.</source>
        <translation>%1 Messwerte: eine Pumpsitzung hat höchstens %2.</translation>
    </message>
    <message>
        <source>expected two fields, time and grams.</source>
        <translation>erwartet werden zwei Felder, Zeit und Gramm.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an ISO 8601 time with its UTC offset.</source>
        <translation>&apos;%1&apos; ist keine ISO-8601-Zeit mit UTC-Versatz.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number of seconds.</source>
        <translation>&apos;%1&apos; ist keine Zahl von Sekunden.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a weight in grams (at most %2).</source>
        <translation>&apos;%1&apos; ist kein Gewicht in Gramm (höchstens %2).</translation>
    </message>
    <message>
        <source>the time goes backwards (%1 s after %2 s).</source>
        <translation>die Zeit läuft rückwärts (%1 s nach %2 s).</translation>
    </message>
    <message>
        <source>the recording runs longer than a day.</source>
        <translation>die Aufzeichnung dauert länger als einen Tag.</translation>
    </message>
    <message>
        <source>the file has a header but no samples.</source>
        <translation>die Datei hat eine Kopfzeile, aber keine Messwerte.</translation>
    </message>
</context>
<context>
    <name>SessionCsv</name>
    <message>
        <source>: the file is empty.</source>
        <translation>: Die Datei ist leer.</translation>
    </message>
    <message>
        <source> line 1: missing column(s) %1. Is this a Letdown export?</source>
        <translation> Zeile 1: Spalte(n) %1 fehlen. Ist das ein Export von Letdown?</translation>
    </message>
    <message>
        <source>%1 line %2: %3</source>
        <translation>%1 Zeile %2: %3</translation>
    </message>
    <message>
        <source>%1 &apos;%2&apos; is not a time like 2026-11-28T03:14:07+01:00 (with its UTC offset).</source>
        <translation>%1 „%2“ ist keine Zeit wie 2026-11-28T03:14:07+01:00 (mit UTC-Abstand).</translation>
    </message>
    <message>
        <source>%1 &apos;%2&apos; is not a number (use a dot for decimals).</source>
        <translation>%1 „%2“ ist keine Zahl (Dezimalpunkt verwenden).</translation>
    </message>
    <message>
        <source>%1 is negative (%2).</source>
        <translation>%1 ist negativ (%2).</translation>
    </message>
    <message>
        <source>%1 is %2, above the plausible limit of %3.</source>
        <translation>%1 ist %2, über der plausiblen Grenze von %3.</translation>
    </message>
    <message>
        <source>%1 fields where the header has %2 (a missing quote or comma?).</source>
        <translation>%1 Felder, wo die Kopfzeile %2 hat (ein fehlendes Anführungszeichen oder Komma?).</translation>
    </message>
    <message>
        <source>session_id &apos;%1&apos; is not a UUID.</source>
        <translation>session_id „%1“ ist keine UUID.</translation>
    </message>
    <message>
        <source>session_id %1 appears twice.</source>
        <translation>session_id %1 kommt zweimal vor.</translation>
    </message>
    <message>
        <source>unknown kind &apos;%1&apos; (expected nursing or pumping).</source>
        <translation>unbekannte Art „%1“ (erwartet: nursing oder pumping).</translation>
    </message>
    <message>
        <source>ended_at is before started_at.</source>
        <translation>ended_at liegt vor started_at.</translation>
    </message>
    <message>
        <source>unknown side &apos;%1&apos; (expected left, right or both).</source>
        <translation>unbekannte Seite „%1“ (erwartet: left, right oder both).</translation>
    </message>
    <message>
        <source>unknown technique &apos;%1&apos;.</source>
        <translation>unbekannte Hilfe „%1“.</translation>
    </message>
    <message>
        <source>letdowns &apos;%1&apos; is not a count.</source>
        <translation>letdowns „%1“ ist keine Anzahl.</translation>
    </message>
    <message>
        <source>a nursing session&apos;s measured volume comes from a test-weigh: give pre_feed_weight_g and post_feed_weight_g.</source>
        <translation>die gemessene Menge einer Stillsitzung stammt aus einer Stillprobe: Geben Sie pre_feed_weight_g und post_feed_weight_g an.</translation>
    </message>
    <message>
        <source>the note is longer than %1 characters.</source>
        <translation>die Notiz ist länger als %1 Zeichen.</translation>
    </message>
    <message>
        <source>session_id %1 is not in %2.</source>
        <translation>session_id %1 steht nicht in %2.</translation>
    </message>
    <message>
        <source>order &apos;%1&apos; is not 1, 2, 3 ...</source>
        <translation>order „%1“ ist nicht 1, 2, 3 …</translation>
    </message>
    <message>
        <source>let-down %1 of session %2 appears twice.</source>
        <translation>Milchspendereflex %1 der Sitzung %2 kommt zweimal vor.</translation>
    </message>
    <message>
        <source>unknown side &apos;%1&apos;.</source>
        <translation>unbekannte Seite „%1“.</translation>
    </message>
    <message>
        <source>the let-down falls outside its session.</source>
        <translation>der Milchspendereflex liegt außerhalb seiner Sitzung.</translation>
    </message>
    <message>
        <source>%1 line %2: letdowns says %3 but %4 holds %5 for this session.</source>
        <translation>%1 Zeile %2: letdowns nennt %3, aber %4 enthält %5 für diese Sitzung.</translation>
    </message>
    <message>
        <source>no let-down file was given, so it</source>
        <translation>es wurde keine Milchspendereflex-Datei angegeben, sie</translation>
    </message>
    <message>
        <source>%1 &apos;%2&apos; has a UTC offset beyond ±14:00.</source>
        <translation>%1 „%2“ hat einen UTC-Versatz jenseits von ±14:00.</translation>
    </message>
    <message>
        <source>%1 &apos;%2&apos; is outside %3 to %4.</source>
        <translation>%1 „%2“ liegt außerhalb von %3 bis %4.</translation>
    </message>
    <message>
        <source>ended_at disagrees with started_at + duration_s + paused_s by %1 s.</source>
        <translation>ended_at weicht um %1 s von started_at + duration_s + paused_s ab.</translation>
    </message>
    <message>
        <source>left_s and right_s add up to more than duration_s.</source>
        <translation>left_s und right_s ergeben zusammen mehr als duration_s.</translation>
    </message>
    <message>
        <source>source &apos;%1&apos; is not a source name like letdown or babybuddy.</source>
        <translation>source „%1“ ist kein Quellenname wie letdown oder babybuddy.</translation>
    </message>
    <message>
        <source>letdowns_logged &apos;%1&apos; must be 1 or 0.</source>
        <translation>letdowns_logged „%1“ muss 1 oder 0 sein.</translation>
    </message>
    <message>
        <source>a session whose let-downs were not logged cannot list %1 of them.</source>
        <translation>eine Sitzung ohne notierte Milchspendereflexe kann keine %1 davon aufführen.</translation>
    </message>
    <message>
        <source>topup_kind &apos;%1&apos; must be breast_milk or formula.</source>
        <translation>topup_kind „%1“ muss breast_milk oder formula sein.</translation>
    </message>
    <message>
        <source>per-breast volumes belong to pumping sessions.</source>
        <translation>Mengen je Brust gehören zu Abpumpsitzungen.</translation>
    </message>
    <message>
        <source>a top-up belongs to a nursing session.</source>
        <translation>eine Zufütterung gehört zu einer Stillsitzung.</translation>
    </message>
    <message>
        <source>letdowns is empty; give the count (0 when none were felt).</source>
        <translation>letdowns ist leer; geben Sie die Anzahl an (0, wenn keiner gespürt wurde).</translation>
    </message>
</context>
<context>
    <name>SessionDialog</name>
    <message>
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <source>&amp;Start:</source>
        <translation>&amp;Beginn:</translation>
    </message>
    <message>
        <source>yyyy-MM-dd HH:mm:ss</source>
        <translation>dd.MM.yyyy HH:mm:ss</translation>
    </message>
    <message>
        <source>&amp;End:</source>
        <translation>&amp;Ende:</translation>
    </message>
    <message>
        <source>Si&amp;de:</source>
        <translation>Sei&amp;te:</translation>
    </message>
    <message>
        <source>&amp;Pumped volume (ml):</source>
        <translation>&amp;Abgepumpte Menge (ml):</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>Baby &amp;before feed (g):</source>
        <translation>Baby &amp;vor dem Stillen (g):</translation>
    </message>
    <message>
        <source>Baby &amp;after feed (g):</source>
        <translation>Baby &amp;nach dem Stillen (g):</translation>
    </message>
    <message>
        <source>Techniques tried</source>
        <translation>Ausprobierte Hilfen</translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation>Notiz (optional)</translation>
    </message>
    <message>
        <source>Let-downs (time from the start, pauses excluded, as m:ss):</source>
        <translation>Milchspendereflexe (Zeit ab Beginn ohne Pausen, als m:ss):</translation>
    </message>
    <message>
        <source>&amp;Add let-down</source>
        <translation>Milchspendereflex &amp;hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove let-down</source>
        <translation>Milchspendereflex &amp;entfernen</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Rechts</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>Beide</translation>
    </message>
    <message>
        <source>Please check</source>
        <translation>Bitte prüfen</translation>
    </message>
    <message>
        <source>Add a session</source>
        <translation>Sitzung hinzufügen</translation>
    </message>
    <message>
        <source>Edit session</source>
        <translation>Sitzung bearbeiten</translation>
    </message>
    <message>
        <source>Nursing</source>
        <translation>Stillen</translation>
    </message>
    <message>
        <source>Pumping</source>
        <translation>Abpumpen</translation>
    </message>
    <message>
        <source>Time (m:ss)</source>
        <translation>Zeit (m:ss)</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Seite</translation>
    </message>
    <message>
        <source>Measured ml</source>
        <translation>Gemessen ml</translation>
    </message>
    <message>
        <source>&amp;Pumped volume (%1):</source>
        <translation>&amp;Abgepumpte Menge (%1):</translation>
    </message>
    <message>
        <source>Measured %1</source>
        <translation>Gemessen %1</translation>
    </message>
    <message>
        <source>Please enter numbers only, for example 85 or 85.5.</source>
        <translation>Bitte nur Zahlen eingeben, zum Beispiel 85 oder 85,5.</translation>
    </message>
    <message>
        <source>Let-down row %1: write the time from the start as m:ss (for example 4:12), and the volume as a number.</source>
        <translation>Milchspendereflex in Zeile %1: Schreiben Sie die Zeit ab Beginn als m:ss (zum Beispiel 4:12) und die Menge als Zahl.</translation>
    </message>
    <message>
        <source>d MMM HH:mm</source>
        <translation>d. MMM HH:mm</translation>
    </message>
    <message>
        <source>&amp;Left breast (ml):</source>
        <translation>&amp;Linke Brust (ml):</translation>
    </message>
    <message>
        <source>What the left breast gave; with both breasts given, the total is their sum</source>
        <translation>Was die linke Brust gab; sind beide Brüste angegeben, ist die Gesamtmenge ihre Summe</translation>
    </message>
    <message>
        <source>&amp;Right breast (ml):</source>
        <translation>&amp;Rechte Brust (ml):</translation>
    </message>
    <message>
        <source>What the right breast gave; with both breasts given, the total is their sum</source>
        <translation>Was die rechte Brust gab; sind beide Brüste angegeben, ist die Gesamtmenge ihre Summe</translation>
    </message>
    <message>
        <source>&amp;Top-up bottle (ml):</source>
        <translation>&amp;Zufütterung (ml):</translation>
    </message>
    <message>
        <source>A bottle given with this feed</source>
        <translation>Eine Flasche, die zu dieser Mahlzeit gegeben wurde</translation>
    </message>
    <message>
        <source>Breast milk or formula in the top-up bottle</source>
        <translation>Muttermilch oder Pre-Nahrung in der Zufütterungsflasche</translation>
    </message>
    <message>
        <source>What the top-up bottle held</source>
        <translation>Was in der Zufütterungsflasche war</translation>
    </message>
    <message>
        <source>breast milk</source>
        <translation>Muttermilch</translation>
    </message>
    <message>
        <source>formula</source>
        <translation>Pre-Nahrung</translation>
    </message>
    <message>
        <source>&amp;Left breast (%1):</source>
        <translation>&amp;Linke Brust (%1):</translation>
    </message>
    <message>
        <source>&amp;Right breast (%1):</source>
        <translation>&amp;Rechte Brust (%1):</translation>
    </message>
    <message>
        <source>&amp;Top-up bottle (%1):</source>
        <translation>&amp;Zufütterung (%1):</translation>
    </message>
    <message>
        <source>Ti&amp;me on each side (m:ss):</source>
        <translation>&amp;Zeit je Seite (m:ss):</translation>
    </message>
    <message>
        <source>0:00</source>
        <translation>0:00</translation>
    </message>
    <message>
        <source>Time on the left side</source>
        <translation>Zeit auf der linken Seite</translation>
    </message>
    <message>
        <source>Time on the left side alone, as m:ss</source>
        <translation>Zeit allein auf der linken Seite, als m:ss</translation>
    </message>
    <message>
        <source>Time on the right side</source>
        <translation>Zeit auf der rechten Seite</translation>
    </message>
    <message>
        <source>Time on the right side alone, as m:ss</source>
        <translation>Zeit allein auf der rechten Seite, als m:ss</translation>
    </message>
    <message>
        <source>Time on both sides at once</source>
        <translation>Zeit auf beiden Seiten zugleich</translation>
    </message>
    <message>
        <source>Time on both sides at once (double pumping), as m:ss</source>
        <translation>Zeit auf beiden Seiten zugleich (Doppelpumpen), als m:ss</translation>
    </message>
    <message>
        <source>Write the time on each side as m:ss, for example 12:30.</source>
        <translation>Schreiben Sie die Zeit je Seite als m:ss, zum Beispiel 12:30.</translation>
    </message>
    <message>
        <source>The times on each side add up to more than the session&apos;s running time (%1).</source>
        <translation>Die Zeiten je Seite ergeben zusammen mehr als die Laufzeit der Sitzung (%1).</translation>
    </message>
</context>
<context>
    <name>SessionPanel</name>
    <message>
        <source>&amp;Nursing</source>
        <translation>&amp;Stillen</translation>
    </message>
    <message>
        <source>The session is breastfeeding</source>
        <translation>Die Sitzung ist Stillen</translation>
    </message>
    <message>
        <source>Pu&amp;mping</source>
        <translation>A&amp;bpumpen</translation>
    </message>
    <message>
        <source>The session is pumping</source>
        <translation>Die Sitzung ist Abpumpen</translation>
    </message>
    <message>
        <source>Side:</source>
        <translation>Seite:</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Rechts</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>Beide</translation>
    </message>
    <message>
        <source>Session time</source>
        <translation>Sitzungsdauer</translation>
    </message>
    <message>
        <source>Starts or stops the session. Shortcut: Space</source>
        <translation>Startet oder beendet die Sitzung. Taste: Leertaste</translation>
    </message>
    <message>
        <source>Marks a let-down at this moment. Shortcut: L</source>
        <translation>Notiert jetzt einen Milchspendereflex. Taste: L</translation>
    </message>
    <message>
        <source>Pauses or resumes the timer. Shortcut: P</source>
        <translation>Hält die Uhr an oder lässt sie weiterlaufen. Taste: P</translation>
    </message>
    <message>
        <source>Switches between left and right. Shortcut: S</source>
        <translation>Wechselt zwischen links und rechts. Taste: S</translation>
    </message>
    <message>
        <source>Techniques tried</source>
        <translation>Ausprobierte Hilfen</translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation>Notiz (optional)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Let-downs this session</source>
        <translation>Milchspendereflexe dieser Sitzung</translation>
    </message>
    <message>
        <source>After the session</source>
        <translation>Nach der Sitzung</translation>
    </message>
    <message>
        <source>Pumped volume (ml):</source>
        <translation>Abgepumpte Menge (ml):</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>Pumped volume in millilitres</source>
        <translation>Abgepumpte Menge in Millilitern</translation>
    </message>
    <message>
        <source>Baby before feed (g):</source>
        <translation>Baby vor dem Stillen (g):</translation>
    </message>
    <message>
        <source>Baby&apos;s weight before the feed in grams</source>
        <translation>Gewicht des Babys vor dem Stillen in Gramm</translation>
    </message>
    <message>
        <source>Baby after feed (g):</source>
        <translation>Baby nach dem Stillen (g):</translation>
    </message>
    <message>
        <source>Baby&apos;s weight after the feed in grams</source>
        <translation>Gewicht des Babys nach dem Stillen in Gramm</translation>
    </message>
    <message>
        <source>Save figures</source>
        <translation>Werte speichern</translation>
    </message>
    <message>
        <source>Recent sessions</source>
        <translation>Letzte Sitzungen</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Let-downs</source>
        <translation>Milchspendereflexe</translation>
    </message>
    <message>
        <source>Nursing</source>
        <translation>Stillen</translation>
    </message>
    <message>
        <source>Pumping</source>
        <translation>Abpumpen</translation>
    </message>
    <message>
        <source>left</source>
        <translation>links</translation>
    </message>
    <message>
        <source>right</source>
        <translation>rechts</translation>
    </message>
    <message>
        <source>both</source>
        <translation>beide</translation>
    </message>
    <message>
        <source>A note can hold up to %1 characters; the rest was left out.</source>
        <translation>Eine Notiz fasst bis zu %1 Zeichen; der Rest wurde weggelassen.</translation>
    </message>
    <message>
        <source>Pumped volume (%1):</source>
        <translation>Abgepumpte Menge (%1):</translation>
    </message>
    <message>
        <source>Pumped volume in %1</source>
        <translation>Abgepumpte Menge in %1</translation>
    </message>
    <message>
        <source>Please enter numbers only, for example 85 or 85.5.</source>
        <translation>Bitte nur Zahlen eingeben, zum Beispiel 85 oder 85,5.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>Stop   [Space]</source>
        <translation>Stopp   [Leertaste]</translation>
    </message>
    <message>
        <source>Start   [Space]</source>
        <translation>Start   [Leertaste]</translation>
    </message>
    <message>
        <source>Let-down now   [L]</source>
        <translation>Milchspendereflex jetzt   [L]</translation>
    </message>
    <message>
        <source>Resume   [P]</source>
        <translation>Weiter   [P]</translation>
    </message>
    <message>
        <source>Pause   [P]</source>
        <translation>Pause   [P]</translation>
    </message>
    <message>
        <source>Switch side   [S]</source>
        <translation>Seite wechseln   [S]</translation>
    </message>
    <message>
        <source>Techniques tried (this session)</source>
        <translation>Ausprobierte Hilfen (diese Sitzung)</translation>
    </message>
    <message>
        <source>Techniques tried (for the next session)</source>
        <translation>Ausprobierte Hilfen (für die nächste Sitzung)</translation>
    </message>
    <message>
        <source>Ready. Press Start (or Space) when the session begins.</source>
        <translation>Bereit. Drücken Sie Start (oder die Leertaste), wenn die Sitzung beginnt.</translation>
    </message>
    <message>
        <source>Paused (paused time is not counted)</source>
        <translation>Pausiert (die Pause wird nicht mitgezählt)</translation>
    </message>
    <message>
        <source>Running on the %1 side</source>
        <translation>Läuft, Seite: %1</translation>
    </message>
    <message>
        <source>left %1 · right %2 · both %3</source>
        <translation>links %1 · rechts %2 · beide %3</translation>
    </message>
    <message>
        <source>Session finished. Press Start (or Space) for the next one.</source>
        <translation>Sitzung beendet. Drücken Sie Start (oder die Leertaste) für die nächste.</translation>
    </message>
    <message>
        <source>#%1 at %2 · %3</source>
        <translation>Nr. %1 bei %2 · %3</translation>
    </message>
    <message>
        <source>(not saved yet)</source>
        <translation>(noch nicht gespeichert)</translation>
    </message>
    <message>
        <source>Let-downs this session: %1</source>
        <translation>Milchspendereflexe dieser Sitzung: %1</translation>
    </message>
    <message>
        <source>1 let-down</source>
        <translation>1 Milchspendereflex</translation>
    </message>
    <message>
        <source>%1 let-downs</source>
        <translation>%1 Milchspendereflexe</translation>
    </message>
    <message>
        <source>%1, %2 (paused %3), %4</source>
        <translation>%1, %2 (Pause %3), %4</translation>
    </message>
    <message>
        <source>, the first after %1.</source>
        <translation>, die erste nach %1.</translation>
    </message>
    <message>
        <source>Cannot read the recent sessions: %1</source>
        <translation>Die letzten Sitzungen können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>ddd d MMM, HH:mm</source>
        <translation>ddd d. MMM, HH:mm</translation>
    </message>
    <message>
        <source>Nursing or pumping on the left side now</source>
        <translation>Jetzt links stillen oder abpumpen</translation>
    </message>
    <message>
        <source>Nursing or pumping on the right side now</source>
        <translation>Jetzt rechts stillen oder abpumpen</translation>
    </message>
    <message>
        <source>Pumping both sides at once</source>
        <translation>Beide Seiten gleichzeitig abpumpen</translation>
    </message>
    <message>
        <source>A note for this session; saved as you type</source>
        <translation>Eine Notiz zu dieser Sitzung; wird beim Tippen gespeichert</translation>
    </message>
    <message>
        <source>Each let-down of this session, with its time from the start</source>
        <translation>Jeder Milchspendereflex dieser Sitzung mit seiner Zeit ab Beginn</translation>
    </message>
    <message>
        <source>Saves the pumped volume or the test-weigh for the session just finished</source>
        <translation>Speichert die abgepumpte Menge oder die Stillprobe der eben beendeten Sitzung</translation>
    </message>
    <message>
        <source>Your latest sessions, newest first</source>
        <translation>Ihre letzten Sitzungen, die neueste zuerst</translation>
    </message>
    <message>
        <source>Time counted in this session, without pauses. Shortcut to hear it to the second: T</source>
        <translation>In dieser Sitzung gezählte Zeit, ohne Pausen. Auf die Sekunde vorlesen lassen: T</translation>
    </message>
    <message>
        <source>Session time: not running</source>
        <translation>Sitzungszeit: läuft nicht</translation>
    </message>
    <message>
        <source>Session time: 1 minute</source>
        <translation>Sitzungszeit: 1 Minute</translation>
    </message>
    <message>
        <source>Session time: %1 minutes</source>
        <translation>Sitzungszeit: %1 Minuten</translation>
    </message>
    <message>
        <source>1 second</source>
        <translation>1 Sekunde</translation>
    </message>
    <message>
        <source>%1 seconds</source>
        <translation>%1 Sekunden</translation>
    </message>
    <message>
        <source>Left breast (ml):</source>
        <translation>Linke Brust (ml):</translation>
    </message>
    <message>
        <source>What the left breast gave, if you measured each breast; with both given, the total is their sum</source>
        <translation>Was die linke Brust gab, wenn Sie jede Brust gemessen haben; sind beide angegeben, ist die Gesamtmenge ihre Summe</translation>
    </message>
    <message>
        <source>Right breast (ml):</source>
        <translation>Rechte Brust (ml):</translation>
    </message>
    <message>
        <source>What the right breast gave, if you measured each breast; with both given, the total is their sum</source>
        <translation>Was die rechte Brust gab, wenn Sie jede Brust gemessen haben; sind beide angegeben, ist die Gesamtmenge ihre Summe</translation>
    </message>
    <message>
        <source>Top-up bottle (ml):</source>
        <translation>Zufütterung (ml):</translation>
    </message>
    <message>
        <source>A bottle given with this feed, counted with it</source>
        <translation>Eine Flasche zu dieser Mahlzeit, mit ihr gezählt</translation>
    </message>
    <message>
        <source>Breast milk or formula in the top-up bottle</source>
        <translation>Muttermilch oder Pre-Nahrung in der Zufütterungsflasche</translation>
    </message>
    <message>
        <source>What the top-up bottle held</source>
        <translation>Was in der Zufütterungsflasche war</translation>
    </message>
    <message>
        <source>breast milk</source>
        <translation>Muttermilch</translation>
    </message>
    <message>
        <source>formula</source>
        <translation>Pre-Nahrung</translation>
    </message>
    <message>
        <source>Left breast (%1):</source>
        <translation>Linke Brust (%1):</translation>
    </message>
    <message>
        <source>Pumped from the left breast in %1</source>
        <translation>Aus der linken Brust abgepumpt in %1</translation>
    </message>
    <message>
        <source>Right breast (%1):</source>
        <translation>Rechte Brust (%1):</translation>
    </message>
    <message>
        <source>Pumped from the right breast in %1</source>
        <translation>Aus der rechten Brust abgepumpt in %1</translation>
    </message>
    <message>
        <source>Top-up bottle (%1):</source>
        <translation>Zufütterung (%1):</translation>
    </message>
    <message>
        <source>Top-up bottle in %1</source>
        <translation>Zufütterung in %1</translation>
    </message>
    <message>
        <source>When you stop a session, its summary appears here and you can add the pumped volume (per breast if you measured each), a test-weigh or a top-up bottle.</source>
        <translation>Wenn Sie eine Sitzung beenden, erscheint hier ihre Zusammenfassung, und Sie können die abgepumpte Menge (je Brust, wenn Sie jede gemessen haben), eine Wiegeprobe oder eine Zufütterung eintragen.</translation>
    </message>
    <message>
        <source>not logged</source>
        <translation>nicht notiert</translation>
    </message>
    <message>
        <source>The last 24 hours</source>
        <translation>Die letzten 24 Stunden</translation>
    </message>
    <message>
        <source>%1 pump sessions</source>
        <translation>%1 Abpumpsitzungen</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>Last feed started %1 ago</source>
        <translation>Letzte Mahlzeit begann vor %1</translation>
    </message>
    <message>
        <source>No breastfeed in the last two days</source>
        <translation>Keine Stillmahlzeit in den letzten zwei Tagen</translation>
    </message>
    <message>
        <source>next side: %1</source>
        <translation>nächste Seite: %1</translation>
    </message>
    <message>
        <source>1 breastfeed</source>
        <translation>1 Stillmahlzeit</translation>
    </message>
    <message>
        <source>%1 breastfeeds</source>
        <translation>%1 Stillmahlzeiten</translation>
    </message>
    <message>
        <source>Last 24 h: %1 (aim %2–%3), %4 at night, longest gap %5 (aim ≤ %6 h)</source>
        <translation>Letzte 24 h: %1 (Ziel %2–%3), %4 nachts, längste Pause %5 (Ziel ≤ %6 h)</translation>
    </message>
    <message>
        <source>1 pump session</source>
        <translation>1 Abpumpsitzung</translation>
    </message>
    <message>
        <source>Today so far: %1 (aim %2–%3 a day), %4 at night</source>
        <translation>Heute bisher: %1 (Ziel %2–%3 am Tag), %4 nachts</translation>
    </message>
    <message>
        <source>Cannot read which device logged a session: %1</source>
        <translation>Es kann nicht gelesen werden, auf welchem Gerät eine Sitzung notiert wurde: %1</translation>
    </message>
    <message>
        <source>a breastfeed</source>
        <translation>eine Stillmahlzeit</translation>
    </message>
    <message>
        <source>a pump session</source>
        <translation>eine Abpumpsitzung</translation>
    </message>
    <message>
        <source>Running on %1: %2 since %3, %4 so far (stopped there)</source>
        <translation>Läuft auf %1: %2 seit %3, bisher %4 (wird dort beendet)</translation>
    </message>
</context>
<context>
    <name>SessionRecorder</name>
    <message>
        <source>A session is already running.</source>
        <translation>Es läuft bereits eine Sitzung.</translation>
    </message>
    <message>
        <source>The last session is not saved yet; wait until it is.</source>
        <translation>Die letzte Sitzung ist noch nicht gespeichert; bitte warten Sie, bis sie es ist.</translation>
    </message>
    <message>
        <source>Start a session before marking a let-down.</source>
        <translation>Starten Sie eine Sitzung, bevor Sie einen Milchspendereflex notieren.</translation>
    </message>
    <message>
        <source>There is no session on screen.</source>
        <translation>Es wird keine Sitzung angezeigt.</translation>
    </message>
    <message>
        <source>That let-down is no longer in the session.</source>
        <translation>Dieser Milchspendereflex ist nicht mehr in der Sitzung.</translation>
    </message>
    <message>
        <source>Only a running session can be paused.</source>
        <translation>Nur eine laufende Sitzung lässt sich anhalten.</translation>
    </message>
    <message>
        <source>Only a paused session can be resumed.</source>
        <translation>Nur eine angehaltene Sitzung lässt sich fortsetzen.</translation>
    </message>
    <message>
        <source>Start a session before choosing a side.</source>
        <translation>Starten Sie eine Sitzung, bevor Sie eine Seite wählen.</translation>
    </message>
    <message>
        <source>No session is running.</source>
        <translation>Es läuft keine Sitzung.</translation>
    </message>
    <message>
        <source>There is no session to tag.</source>
        <translation>Es gibt keine Sitzung zum Markieren.</translation>
    </message>
    <message>
        <source>There is no session to add a note to.</source>
        <translation>Es gibt keine Sitzung für eine Notiz.</translation>
    </message>
    <message>
        <source>A note can hold up to %1 characters.</source>
        <translation>Eine Notiz fasst bis zu %1 Zeichen.</translation>
    </message>
    <message>
        <source>There is no session to add figures to.</source>
        <translation>Es gibt keine Sitzung für diese Werte.</translation>
    </message>
    <message>
        <source>Not saved yet: %1. Letdown keeps it and tries again.</source>
        <translation>Noch nicht gespeichert: %1. Letdown behält es und versucht es erneut.</translation>
    </message>
    <message>
        <source>Another program is using the data file. Your taps (let-downs: %1) are kept here and saved in order as soon as it is free.</source>
        <translation>Ein anderes Programm benutzt die Datendatei. Ihre Eingaben (Milchspendereflexe: %1) bleiben hier und werden der Reihe nach gespeichert, sobald sie frei ist.</translation>
    </message>
    <message>
        <source>A session is running: this let-down belongs to it.</source>
        <translation>Es läuft eine Sitzung: Dieser Milchspendereflex gehört zu ihr.</translation>
    </message>
    <message>
        <source>A let-down without a feed is not saved yet; wait until it is.</source>
        <translation>Ein Milchspendereflex ohne Mahlzeit ist noch nicht gespeichert; bitte warten, bis er es ist.</translation>
    </message>
    <message>
        <source>There is no session stopped in the last 15 minutes to resume; start a new one.</source>
        <translation>In den letzten 15 Minuten wurde keine Sitzung beendet, die sich fortsetzen ließe; beginnen Sie eine neue.</translation>
    </message>
    <message>
        <source>This session has let-downs now; stop it, and delete it in History if it was a mistake.</source>
        <translation>Diese Sitzung enthält schon Milchspendereflexe; beenden Sie sie und löschen Sie sie im Protokoll, falls sie ein Versehen war.</translation>
    </message>
    <message>
        <source>The session is not saved yet; wait until it is.</source>
        <translation>Die Sitzung ist noch nicht gespeichert; bitte warten Sie, bis sie es ist.</translation>
    </message>
    <message>
        <source>The start could not be undone: %1</source>
        <translation>Der Start konnte nicht rückgängig gemacht werden: %1</translation>
    </message>
</context>
<context>
    <name>SessionValidation</name>
    <message>
        <source>The end must be after the start.</source>
        <translation>Das Ende muss nach dem Beginn liegen.</translation>
    </message>
    <message>
        <source>This overlaps another %1 session (%2).</source>
        <translation>Das überschneidet sich mit einer anderen Sitzung (%1, %2).</translation>
    </message>
    <message>
        <source>nursing</source>
        <translation>Stillen</translation>
    </message>
    <message>
        <source>pumping</source>
        <translation>Abpumpen</translation>
    </message>
    <message>
        <source>The session lasts more than 4 hours. Is that right?</source>
        <translation>Die Sitzung dauert länger als 4 Stunden. Stimmt das?</translation>
    </message>
    <message>
        <source>Let-down #%1 is outside the session (it lasts %2 s).</source>
        <translation>Milchspendereflex Nr. %1 liegt außerhalb der Sitzung (sie dauert %2 s).</translation>
    </message>
    <message>
        <source>Let-down #%1: a volume must be between 0 and 500 ml.</source>
        <translation>Milchspendereflex Nr. %1: Eine Menge muss zwischen 0 und 500 ml liegen.</translation>
    </message>
    <message>
        <source>Let-down #%1 is above 140 ml, the largest single let-down on record. Is that right?</source>
        <translation>Milchspendereflex Nr. %1 liegt über 140 ml, dem größten je gemessenen einzelnen Milchspendereflex. Stimmt das?</translation>
    </message>
    <message>
        <source>%1 let-downs: the most recorded in one session is 12. Are you sure?</source>
        <translation>%1 Milchspendereflexe: Die meisten je in einer Sitzung gemessenen sind 12. Sind Sie sicher?</translation>
    </message>
    <message>
        <source>A note can hold up to %1 characters; this one has %2.</source>
        <translation>Eine Notiz fasst bis zu %1 Zeichen; diese hat %2.</translation>
    </message>
    <message>
        <source>A session must lie between %1 and %2.</source>
        <translation>Eine Sitzung muss zwischen %1 und %2 liegen.</translation>
    </message>
</context>
<context>
    <name>SpreadChart</name>
    <message>
        <source>difference</source>
        <translation>Unterschied</translation>
    </message>
    <message>
        <source>Difference %1 (95 % interval %2 to %3)</source>
        <translation>Unterschied %1 (95-%-Intervall %2 bis %3)</translation>
    </message>
    <message>
        <source>%1: no session with a let-down</source>
        <translation>%1: keine Sitzung mit Milchspendereflex</translation>
    </message>
    <message>
        <source>%1: typically %2, the middle half %3 to %4 (%5 sessions with a let-down)</source>
        <translation>%1: meist %2, die mittlere Hälfte %3 bis %4 (%5 Sitzungen mit Milchspendereflex)</translation>
    </message>
</context>
<context>
    <name>Technique</name>
    <message>
        <source>Warm compress</source>
        <translation>Warme Kompresse</translation>
    </message>
    <message>
        <source>Warm moist compress, or a warm shower or bath</source>
        <translation>Warme, feuchte Kompresse oder eine warme Dusche oder ein Bad</translation>
    </message>
    <message>
        <source>Breast massage</source>
        <translation>Brustmassage</translation>
    </message>
    <message>
        <source>Light or firm breast massage</source>
        <translation>Leichte oder kräftige Brustmassage</translation>
    </message>
    <message>
        <source>Back or shoulder rub</source>
        <translation>Rücken- oder Schultermassage</translation>
    </message>
    <message>
        <source>Shoulder or back rub, spine walk, acupressure point</source>
        <translation>Schulter- oder Rückenmassage, Wirbelsäulenstreichen, Akupressurpunkt</translation>
    </message>
    <message>
        <source>Nipple stimulation</source>
        <translation>Brustwarzenstimulation</translation>
    </message>
    <message>
        <source>Tickling, rolling or gently pulling the nipple</source>
        <translation>Die Brustwarze kitzeln, rollen oder sanft ziehen</translation>
    </message>
    <message>
        <source>Reverse pressure softening</source>
        <translation>Areola-Kompression (RPS)</translation>
    </message>
    <message>
        <source>Pressing around the areola to soften it (RPS)</source>
        <translation>Druck rund um den Warzenhof, um ihn weicher zu machen (RPS)</translation>
    </message>
    <message>
        <source>Oxytocin spray</source>
        <translation>Oxytocin-Spray</translation>
    </message>
    <message>
        <source>Synthetic oxytocin nasal spray</source>
        <translation>Synthetisches Oxytocin-Nasenspray</translation>
    </message>
    <message>
        <source>Usual nursing spot</source>
        <translation>Gewohnter Stillplatz</translation>
    </message>
    <message>
        <source>Her usual place for nursing or pumping</source>
        <translation>Ihr gewohnter Platz zum Stillen oder Abpumpen</translation>
    </message>
    <message>
        <source>a warm compress</source>
        <translation>einer warmen Kompresse</translation>
    </message>
    <message>
        <source>breast massage</source>
        <translation>Brustmassage</translation>
    </message>
    <message>
        <source>a back or shoulder rub</source>
        <translation>einer Rücken- oder Schultermassage</translation>
    </message>
    <message>
        <source>nipple stimulation</source>
        <translation>Brustwarzenstimulation</translation>
    </message>
    <message>
        <source>reverse pressure softening</source>
        <translation>Areola-Kompression</translation>
    </message>
    <message>
        <source>oxytocin spray</source>
        <translation>Oxytocin-Spray</translation>
    </message>
    <message>
        <source>your usual spot</source>
        <translation>Ihrem gewohnten Platz</translation>
    </message>
</context>
<context>
    <name>TrackerImport</name>
    <message>
        <source>%1: the file is empty.</source>
        <translation>%1: die Datei ist leer.</translation>
    </message>
    <message>
        <source>%1 line %2</source>
        <translation>%1 Zeile %2</translation>
    </message>
    <message>
        <source>the date %1 is outside %2 to %3.</source>
        <translation>das Datum %1 liegt außerhalb von %2 bis %3.</translation>
    </message>
    <message>
        <source>a session of more than a day.</source>
        <translation>eine Sitzung von mehr als einem Tag.</translation>
    </message>
    <message>
        <source>it ends before it starts.</source>
        <translation>sie endet, bevor sie beginnt.</translation>
    </message>
    <message>
        <source>a breast&apos;s volume outside 0 to %1 ml.</source>
        <translation>die Menge einer Brust liegt außerhalb von 0 bis %1 ml.</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <source>Millilitres (ml)</source>
        <translation>Milliliter (ml)</translation>
    </message>
    <message>
        <source>Ounces (oz)</source>
        <translation>Unzen (oz)</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>CSV exportieren</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>Save report as PDF</source>
        <translation>Bericht als PDF speichern</translation>
    </message>
    <message>
        <source>&amp;PDF file:</source>
        <translation>&amp;PDF-Datei:</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Choose a file first.</source>
        <translation>Wählen Sie zuerst eine Datei.</translation>
    </message>
    <message>
        <source>The end date is before the start date.</source>
        <translation>Das Enddatum liegt vor dem Anfangsdatum.</translation>
    </message>
    <message>
        <source>Exported %1 sessions to %2.</source>
        <translation>%1 Sitzungen nach %2 exportiert.</translation>
    </message>
    <message>
        <source>Saved the report to %1.</source>
        <translation>Bericht in %1 gespeichert.</translation>
    </message>
    <message>
        <source>Sessions CSV file</source>
        <translation>CSV-Datei der Sitzungen</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Bericht</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <source>Let-downs CSV file</source>
        <translation>CSV-Datei der Milchspendereflexe</translation>
    </message>
    <message>
        <source>A few pages for your lactation consultant: the last 24 hours and 14 days on the first page, then the summary, trend charts, week by week, and your notes as an appendix.</source>
        <translation>Einige Seiten für Ihre Stillberaterin: die letzten 24 Stunden und 14 Tage auf der ersten Seite, dann die Zusammenfassung, die Verlaufsdiagramme, Woche für Woche und Ihre Notizen als Anhang.</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Days CSV file</source>
        <translation>CSV-Datei der Tage</translation>
    </message>
    <message>
        <source>Two files for a spreadsheet: one line per session, and one line per let-down; a third, if you name it, with one line per day for your consultant. Only you can read them.</source>
        <translation>Zwei Dateien für eine Tabellenkalkulation: eine Zeile pro Sitzung und eine Zeile pro Milchspendereflex; eine dritte, wenn Sie sie benennen, mit einer Zeile pro Tag für Ihre Stillberaterin. Nur Sie können sie lesen.</translation>
    </message>
</context>
<context>
    <name>TrendCharts</name>
    <message>
        <source>Week %1 (from %2)</source>
        <translation>Woche %1 (ab %2)</translation>
    </message>
    <message>
        <source>1 session</source>
        <translation>1 Sitzung</translation>
    </message>
    <message>
        <source>%1 sessions</source>
        <translation>%1 Sitzungen</translation>
    </message>
    <message>
        <source>Let-downs per session (weekly mean)</source>
        <translation>Milchspendereflexe/Sitzung (Wochenmittel)</translation>
    </message>
    <message>
        <source>%1
%2: %3 let-downs per session
from %4</source>
        <translation>%1
%2: %3 Milchspendereflexe pro Sitzung
aus %4</translation>
    </message>
    <message>
        <source>%1 baseline</source>
        <translation>%1, üblicher Wert</translation>
    </message>
    <message>
        <source>%1
%2 baseline: %3 let-downs per session
from %4 in the 4 weeks before</source>
        <translation>%1
%2, Ihr üblicher Wert: %3 Milchspendereflexe pro Sitzung
aus %4 in den 4 Wochen davor</translation>
    </message>
    <message>
        <source>Nursing</source>
        <translation>Stillen</translation>
    </message>
    <message>
        <source>Pumping</source>
        <translation>Abpumpen</translation>
    </message>
    <message>
        <source>Estimated volume by let-down order</source>
        <translation>Geschätzte Menge je Milchspendereflex</translation>
    </message>
    <message>
        <source>let-down number in the session</source>
        <translation>Nummer des Milchspendereflexes in der Sitzung</translation>
    </message>
    <message>
        <source>Time to first let-down (weekly median)</source>
        <translation>Zeit bis zum 1. Milchspendereflex (Median)</translation>
    </message>
    <message>
        <source>Your weekly median</source>
        <translation>Ihr Wochenmedian</translation>
    </message>
    <message>
        <source>%1 per day</source>
        <translation>%1 pro Tag</translation>
    </message>
    <message>
        <source>
1 session not estimated (nothing measured, no let-down)</source>
        <translation>
1 Sitzung nicht geschätzt (nichts gemessen, kein Milchspendereflex)</translation>
    </message>
    <message>
        <source>
%1 sessions not estimated (nothing measured, no let-down)</source>
        <translation>
%1 Sitzungen nicht geschätzt (nichts gemessen, kein Milchspendereflex)</translation>
    </message>
    <message>
        <source>Your mean</source>
        <translation>Ihr Mittel</translation>
    </message>
    <message>
        <source>Published curve</source>
        <translation>Veröffentlichte Kurve</translation>
    </message>
    <message>
        <source>Your curve</source>
        <translation>Ihre Kurve</translation>
    </message>
    <message>
        <source>Your curve (not ready)</source>
        <translation>Ihre Kurve (nicht bereit)</translation>
    </message>
    <message>
        <source>Let-down #%1: %2 on average (estimated)
from %3; published curve %4</source>
        <translation>Milchspendereflex Nr. %1: im Mittel %2 (geschätzt)
aus %3; veröffentlichte Kurve %4</translation>
    </message>
    <message>
        <source>; your curve %1 (95 % band %2 to %3)</source>
        <translation>; Ihre Kurve %1 (95-%-Band %2 bis %3)</translation>
    </message>
    <message>
        <source>95 % band</source>
        <translation>95-%-Band</translation>
    </message>
    <message>
        <source>Week starting Monday</source>
        <translation>Woche ab Montag</translation>
    </message>
    <message>
        <source>min:sec</source>
        <translation>Min:Sek</translation>
    </message>
    <message>
        <source>per session</source>
        <translation>pro Sitzung</translation>
    </message>
    <message>
        <source>Pumping studies</source>
        <translation>Studien Abpumpen</translation>
    </message>
    <message>
        <source>Nursing studies</source>
        <translation>Studien Stillen</translation>
    </message>
    <message>
        <source>Your curve (about %1 more sessions needed)</source>
        <translation>Ihre Kurve (etwa %1 Sitzungen fehlen)</translation>
    </message>
    <message>
        <source>Your curve (1 more session needed)</source>
        <translation>Ihre Kurve (1 Sitzung fehlt)</translation>
    </message>
    <message>
        <source>Your curve (%1 more sessions needed)</source>
        <translation>Ihre Kurve (%1 Sitzungen fehlen)</translation>
    </message>
    <message>
        <source>%1
first let-down after %2 (median)
from %3 with a let-down</source>
        <translation>%1
erster Milchspendereflex nach %2 (Median)
aus %3 mit Milchspendereflex</translation>
    </message>
    <message>
        <source>Milk per day (weekly mean)</source>
        <translation>Milch pro Tag (Wochenmittel)</translation>
    </message>
    <message>
        <source>Measured</source>
        <translation>Gemessen</translation>
    </message>
    <message>
        <source>%1
%2 per day measured (pumped, test weights)
mean of the days with a measured session</source>
        <translation>%1
%2 pro Tag gemessen (abgepumpt, Wiegeproben)
Mittel der Tage mit gemessener Sitzung</translation>
    </message>
    <message>
        <source>Estimated from let-downs</source>
        <translation>Aus Milchspendereflexen geschätzt</translation>
    </message>
    <message>
        <source>%1
%2 per day estimated from let-downs
(sessions with nothing measured)</source>
        <translation>%1
%2 pro Tag aus Milchspendereflexen geschätzt
(Sitzungen ohne Messung)</translation>
    </message>
</context>
<context>
    <name>TrendsPanel</name>
    <message>
        <source>&amp;Range:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
    <message>
        <source>Range of weeks</source>
        <translation>Wochenbereich</translation>
    </message>
    <message>
        <source>S&amp;essions:</source>
        <translation>S&amp;itzungen:</translation>
    </message>
    <message>
        <source>Which sessions</source>
        <translation>Welche Sitzungen</translation>
    </message>
    <message>
        <source>Save chart as &amp;image...</source>
        <translation>Diagramm als &amp;Bild speichern …</translation>
    </message>
    <message>
        <source>Nursing and pumping</source>
        <translation>Stillen und Abpumpen</translation>
    </message>
    <message>
        <source>Nursing only</source>
        <translation>Nur Stillen</translation>
    </message>
    <message>
        <source>Pumping only</source>
        <translation>Nur Abpumpen</translation>
    </message>
    <message>
        <source>&lt;h3&gt;No finished sessions yet&lt;/h3&gt;&lt;p&gt;On the &lt;b&gt;Session&lt;/b&gt; tab, press &lt;b&gt;Start&lt;/b&gt; (or Space) when a feed or pumping session begins, press &lt;b&gt;Let-down now&lt;/b&gt; (or L) each time you feel or see a let-down, and &lt;b&gt;Stop&lt;/b&gt; at the end.&lt;/p&gt;&lt;p&gt;Your weekly trends appear here.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Noch keine beendeten Sitzungen&lt;/h3&gt;&lt;p&gt;Drücken Sie im Reiter &lt;b&gt;Sitzung&lt;/b&gt; auf &lt;b&gt;Start&lt;/b&gt; (oder die Leertaste), wenn eine Still- oder Abpumpsitzung beginnt, auf &lt;b&gt;Milchspendereflex jetzt&lt;/b&gt; (oder L), sobald Sie einen Milchspendereflex spüren oder sehen, und am Ende auf &lt;b&gt;Stopp&lt;/b&gt;.&lt;/p&gt;&lt;p&gt;Ihr wöchentlicher Verlauf erscheint dann hier.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Cannot read the sessions for the trends: %1</source>
        <translation>Die Sitzungen für den Verlauf können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Could not save the image to %1.</source>
        <translation>Das Bild konnte nicht in %1 gespeichert werden.</translation>
    </message>
    <message>
        <source>Save chart as image</source>
        <translation>Diagramm als Bild speichern</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>How many weeks the charts show</source>
        <translation>Wie viele Wochen die Diagramme zeigen</translation>
    </message>
    <message>
        <source>Nursing, pumping, or both</source>
        <translation>Stillen, Abpumpen oder beides</translation>
    </message>
    <message>
        <source>Saves the four charts as one PNG picture</source>
        <translation>Speichert die vier Diagramme als ein PNG-Bild</translation>
    </message>
    <message>
        <source>your own curve</source>
        <translation>Ihrer eigenen Kurve</translation>
    </message>
    <message>
        <source>the published curve</source>
        <translation>der veröffentlichten Kurve</translation>
    </message>
    <message>
        <source>Published curve: about %1 for the first let-down, each later one about %2 % of the one before.</source>
        <translation>Veröffentlichte Kurve: etwa %1 für den ersten Milchspendereflex, jeder weitere etwa %2 % des vorigen.</translation>
    </message>
    <message>
        <source>Your curve: about %1 for the first, each later one about %2 % of the one before, from %3 measured sessions.</source>
        <translation>Ihre Kurve: etwa %1 für den ersten, jeder weitere etwa %2 % des vorigen, aus %3 gemessenen Sitzungen.</translation>
    </message>
    <message>
        <source>Your curve so far (not ready yet): about %1 for the first, each later one about %2 % of the one before, from %3 measured sessions.</source>
        <translation>Ihre Kurve bisher (noch nicht bereit): etwa %1 für den ersten, jeder weitere etwa %2 % des vorigen, aus %3 gemessenen Sitzungen.</translation>
    </message>
    <message>
        <source>Dashed line and shaded band: what studies found (%1 let-downs per breastfeed; %2 to %3 when pumping). Dotted lines: your own baseline, the mean of the four weeks before. The let-downs you log are the ones you noticed: studies find later ones often go unfelt, so counts below the averages are common. Volumes are estimates with %4 (or your measured total shared the same way). %5 This is not medical advice.</source>
        <translation>Gestrichelte Linie und schattiertes Band: was Studien fanden (%1 Milchspendereflexe pro Stillmahlzeit; %2 bis %3 beim Abpumpen). Gepunktete Linien: Ihr üblicher Wert, das Mittel der vier Wochen davor. Die notierten Milchspendereflexe sind die, die Sie bemerkt haben: Studien zeigen, dass spätere oft nicht gespürt werden; Zahlen unter den Mittelwerten sind daher häufig. Mengen sind Schätzungen mit %4 (oder Ihre gemessene Gesamtmenge, genauso aufgeteilt). %5 Dies ist kein medizinischer Rat.</translation>
    </message>
</context>
<context>
    <name>TrendsView</name>
    <message>
        <source>No data in this period.</source>
        <translation>Keine Daten in diesem Zeitraum.</translation>
    </message>
</context>
<context>
    <name>UndoCommands</name>
    <message>
        <source>d MMM HH:mm</source>
        <translation>d. MMM HH:mm</translation>
    </message>
    <message>
        <source>add session of %1</source>
        <translation>Sitzung vom %1 hinzufügen</translation>
    </message>
    <message>
        <source>Could not add the session: %1</source>
        <translation>Die Sitzung konnte nicht hinzugefügt werden: %1</translation>
    </message>
    <message>
        <source>Could not undo adding the session: %1</source>
        <translation>Das Hinzufügen der Sitzung konnte nicht rückgängig gemacht werden: %1</translation>
    </message>
    <message>
        <source>edit session of %1</source>
        <translation>Sitzung vom %1 bearbeiten</translation>
    </message>
    <message>
        <source>Could not change the session: %1</source>
        <translation>Die Sitzung konnte nicht geändert werden: %1</translation>
    </message>
    <message>
        <source>delete session of %1</source>
        <translation>Sitzung vom %1 löschen</translation>
    </message>
    <message>
        <source>Could not delete the session: %1</source>
        <translation>Die Sitzung konnte nicht gelöscht werden: %1</translation>
    </message>
    <message>
        <source>Could not bring the session back: %1</source>
        <translation>Die Sitzung konnte nicht zurückgeholt werden: %1</translation>
    </message>
    <message>
        <source>let-down at %1</source>
        <translation>Milchspendereflex bei %1</translation>
    </message>
    <message>
        <source>start of the session</source>
        <translation>Start der Sitzung</translation>
    </message>
    <message>
        <source>stop of the session</source>
        <translation>Ende der Sitzung</translation>
    </message>
</context>
<context>
    <name>VolumeModel</name>
    <message>
        <source>published studies (Ramsay 2004 and 2005, Prime 2011)</source>
        <translation>veröffentlichte Studien (Ramsay 2004 und 2005, Prime 2011)</translation>
    </message>
</context>
<context>
    <name>VolumeScatter</name>
    <message>
        <source>let-downs in the session</source>
        <translation>Milchspendereflexe in der Sitzung</translation>
    </message>
    <message>
        <source>1 let-down</source>
        <translation>1 Milchspendereflex</translation>
    </message>
    <message>
        <source>%1 let-downs</source>
        <translation>%1 Milchspendereflexe</translation>
    </message>
    <message>
        <source>%1 measured</source>
        <translation>%1 gemessen</translation>
    </message>
    <message>
        <source>1 session</source>
        <translation>1 Sitzung</translation>
    </message>
    <message>
        <source>%1 sessions</source>
        <translation>%1 Sitzungen</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <source>%1: %2, %3</source>
        <translation>%1: %2, %3</translation>
    </message>
</context>
<context>
    <name>WeekRanges</name>
    <message>
        <source>Last %1 weeks</source>
        <translation>Letzte %1 Wochen</translation>
    </message>
    <message>
        <source>All weeks</source>
        <translation>Alle Wochen</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Letdown is already open on this database (process %1); it was brought to the front.</source>
        <translation>Letdown ist mit dieser Datenbank schon geöffnet (Prozess %1); das Fenster wurde nach vorn geholt.</translation>
    </message>
    <message>
        <source>Letdown is already open on this database (process %1), but it did not answer. Look for its window, or close it and try again.</source>
        <translation>Letdown ist mit dieser Datenbank schon geöffnet (Prozess %1), antwortet aber nicht. Suchen Sie sein Fenster, oder schließen Sie es und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Letdown is already open</source>
        <translation>Letdown ist schon geöffnet</translation>
    </message>
    <message>
        <source>Restore failed</source>
        <translation>Wiederherstellen fehlgeschlagen</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>Sicherung wiederhergestellt</translation>
    </message>
    <message>
        <source>The damaged file was kept, untouched, as %1.</source>
        <translation>Die beschädigte Datei wurde unverändert als %1 aufbewahrt.</translation>
    </message>
    <message>
        <source>Open or create a Letdown database</source>
        <translation>Letdown-Datenbank öffnen oder anlegen</translation>
    </message>
    <message>
        <source>Letdown databases (*.sqlite)</source>
        <translation>Letdown-Datenbanken (*.sqlite)</translation>
    </message>
    <message>
        <source>Letdown cannot read its data</source>
        <translation>Letdown kann seine Daten nicht lesen</translation>
    </message>
</context>
</TS>
