#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <string_view>
#include <utility>

class QIODevice;

// Formats a number with a dot, no thousands separator and no trailing zeros.
QString csvNumber(double value, int maxDecimals);

// One record assembled as UTF-8 bytes, a cell at a time: for writers of many rows (an export
// of ten years), which would otherwise make a list of strings for every row.
class CsvLine
{
public:
    void clear();
    CsvLine &text(QStringView cell); // quoted where needed (as CsvWriter::quoted)
    CsvLine &ascii(std::string_view cell); // known to need no quotes: keys, numbers, times
    CsvLine &integer(qint64 value);
    // Fixed notation with at most `maxDecimals` decimals, trailing zeros dropped, never "-0":
    // the digits QString::number(value, 'f', maxDecimals) gives (ties away from zero).
    CsvLine &number(double value, int maxDecimals);
    CsvLine &empty() { return ascii({}); }
    const QByteArray &bytes() const { return m_bytes; }
    // Adds the line end (CRLF) and gives the whole line; clear() starts the next.
    const QByteArray &endLine();

private:
    char *startCell(qsizetype bytes); // room for a cell's bytes, after its comma

    QByteArray m_bytes;
    bool m_started = false;
};

// RFC 4180 CSV: comma separated, CRLF line ends, fields with a comma, quote, CR or LF in
// double quotes with inner quotes doubled, UTF-8.
class CsvWriter
{
public:
    explicit CsvWriter(QIODevice *device);

    // Writes one record. Text cells go through protectText(); numbers do not need it.
    bool writeRow(const QStringList &fields);
    bool writeLine(CsvLine &line); // adds the line end (CsvLine::endLine)
    QString errorString() const { return m_error; }

    // A cell that starts with = + - @ tab or CR would run as a formula in a spreadsheet
    // (OWASP "CSV injection"): it is written with a leading apostrophe, which spreadsheets
    // show as text. CsvReader-based imports strip that apostrophe again (unprotectText).
    static QString protectText(const QString &text);
    static QString unprotectText(const QString &text);
    static QString quoted(const QString &field);

private:
    QIODevice *m_device;
    QString m_error;
    QString m_line; // reused: one allocation for the whole file
};

struct CsvRecord {
    int lineNumber = 0; // the physical line (from 1) on which the record starts
    QStringList fields;
};

// Parses a whole CSV text. Accepts a UTF-8 byte-order mark, CRLF or LF line ends, and
// quoted fields across lines. Refuses what is not UTF-8 and bad quoting, with line numbers.
// The delimiter is a comma unless given (other trackers' exports may use ';' or a tab).
class CsvReader
{
public:
    static constexpr qint64 kMaxFileBytes = 64LL * 1024 * 1024;
    // Rows are counted while reading: a file of 64 MB in two-byte rows would otherwise hold
    // 33 million records in memory (gigabytes) before anything was checked.
    static constexpr qsizetype kMaxRows = 2'000'000;
    // A spreadsheet's "Unicode text" (UTF-16): a byte-order mark, or NUL bytes in the text.
    // Its NULs are valid UTF-8, so without this check it would read as a file of odd columns.
    static bool looksLikeUtf16(const QByteArray &bytes);
    // What to say about such a file.
    static QString utf16Message();

    // The delimiter is ASCII (a comma, ';' or a tab): the bytes are parsed as they are.
    explicit CsvReader(QChar delimiter = u',')
        : m_delimiter(char(delimiter.unicode()))
    {
        Q_ASSERT(delimiter.unicode() < 0x80);
    }

    bool parse(const QByteArray &bytes); // all of it into records()
    // The same, a record at a time and nothing held: `visit` gets one record object, refilled
    // for each row (copy what it keeps), and returns false to stop reading (parse then
    // returns true). records() is left as it was.
    bool parse(const QByteArray &bytes, const std::function<bool(const CsvRecord &)> &visit);
    bool read(QIODevice *device); // reads all, checks the size, then parse()
    const QList<CsvRecord> &records() const { return m_records; }
    QList<CsvRecord> takeRecords() { return std::exchange(m_records, {}); }
    QString errorString() const { return m_error; }

private:
    char m_delimiter;
    QList<CsvRecord> m_records;
    QString m_error;
};
