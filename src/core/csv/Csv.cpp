#include "csv/Csv.h"

#include <array>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <string>

#include <QCoreApplication>
#include <QIODevice>

namespace {
// lupdate reads Text::tr("...") with this context.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(Csv)
};

bool startsLikeFormula(const QString &text)
{
    if (text.isEmpty())
        return false;
    const QChar first = text.front();
    return first == u'=' || first == u'+' || first == u'-' || first == u'@' || first == u'\t' || first == u'\r';
}

// A text that starts with an apostrophe is protected too: otherwise "'=x" would come back
// from an import as "=x" (the apostrophe taken for Letdown's own).
bool needsProtection(const QString &text)
{
    return startsLikeFormula(text) || text.startsWith(u'\'');
}
} // namespace

CsvWriter::CsvWriter(QIODevice *device)
    : m_device(device)
{ }

QString CsvWriter::protectText(const QString &text)
{
    return needsProtection(text) ? QStringLiteral("'") + text : text;
}

QString CsvWriter::unprotectText(const QString &text)
{
    if (text.size() > 1 && text.front() == u'\'' && needsProtection(text.mid(1)))
        return text.mid(1);
    return text;
}

namespace {
bool needsQuotes(const QString &field)
{
    for (const QChar c : field)
        if (c == u',' || c == u'"' || c == u'\r' || c == u'\n')
            return true;
    return false;
}

void appendField(QString &line, const QString &field)
{
    if (!needsQuotes(field)) {
        line += field;
        return;
    }
    line += u'"';
    for (const QChar c : field) {
        if (c == u'"')
            line += u'"';
        line += c;
    }
    line += u'"';
}
} // namespace

QString CsvWriter::quoted(const QString &field)
{
    QString out;
    appendField(out, field);
    return out;
}

QString csvNumber(double value, int maxDecimals)
{
    QString text = QString::number(value, 'f', maxDecimals);
    if (text.contains(u'.')) {
        while (text.endsWith(u'0'))
            text.chop(1);
        if (text.endsWith(u'.'))
            text.chop(1);
    }
    return text == QLatin1String("-0") ? QStringLiteral("0") : text;
}

void CsvLine::clear()
{
    m_bytes.truncate(0); // keeps its capacity (clear() would free it, and every line allocate again)
    m_started = false;
}

char *CsvLine::startCell(qsizetype bytes)
{
    // One resize for the comma and the cell: QByteArray's own appends cost more than the cells.
    const qsizetype comma = m_started ? 1 : 0;
    const qsizetype at = m_bytes.size();
    m_bytes.resize(at + comma + bytes);
    char *out = m_bytes.data() + at;
    if (m_started)
        *out++ = ',';
    m_started = true;
    return out;
}

CsvLine &CsvLine::text(QStringView cell)
{
    // Nearly every cell is plain ASCII: copied as it is checked. Anything else is rolled
    // back and written quoted as UTF-8.
    static constexpr auto kNeedsQuotes = [] {
        std::array<bool, 0x80> needs {};
        for (const char c : {',', '"', '\r', '\n'})
            needs[uchar(c)] = true;
        return needs;
    }();
    const qsizetype before = m_bytes.size();
    const bool wasStarted = m_started;
    char *out = startCell(cell.size());
    for (const QChar c : cell) {
        const char16_t unit = c.unicode();
        if (unit >= 0x80 || kNeedsQuotes[unit]) {
            m_bytes.truncate(before);
            m_started = wasStarted;
            QString quoted;
            appendField(quoted, cell.toString());
            const QByteArray utf8 = quoted.toUtf8();
            std::memcpy(startCell(utf8.size()), utf8.constData(), size_t(utf8.size()));
            return *this;
        }
        *out++ = char(unit);
    }
    return *this;
}

CsvLine &CsvLine::ascii(std::string_view cell)
{
    char *out = startCell(qsizetype(cell.size()));
    if (!cell.empty()) // an empty cell's view may hold no pointer at all, which memcpy must not get
        std::memcpy(out, cell.data(), cell.size());
    return *this;
}

const QByteArray &CsvLine::endLine()
{
    m_bytes.append("\r\n", 2);
    return m_bytes;
}

CsvLine &CsvLine::integer(qint64 value)
{
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    return ascii(std::string_view(digits, size_t(end - digits)));
}

CsvLine &CsvLine::number(double value, int maxDecimals)
{
    // to_chars rounds an exact tie to even, Qt away from zero. A tie is value * 10^decimals
    // landing exactly on a half; there the next double away from zero gives Qt's digits (one
    // unit in the last place crosses no other rounding boundary). Checked exactly with fma, for
    // magnitudes where the product is an exact integer when it is one at all; anything larger
    // (never a volume), NaN or infinity goes Qt's way.
    constexpr double kPowersOfTen[] = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6};
    if (!std::isfinite(value) || std::abs(value) >= 1e9 || maxDecimals < 0 || maxDecimals > 6)
        return ascii(csvNumber(value, maxDecimals).toStdString());
    const double twice = value * 2 * kPowersOfTen[maxDecimals];
    const bool exact = std::fma(value, 2 * kPowersOfTen[maxDecimals], -twice) == 0;
    const bool tie = exact && std::fmod(std::abs(twice), 2.0) == 1.0;
    const double rounded = tie ? std::nextafter(value, value < 0 ? -HUGE_VAL : HUGE_VAL) : value;
    char digits[48];
    char *end = std::to_chars(digits, digits + sizeof digits, rounded, std::chars_format::fixed, maxDecimals).ptr;
    if (maxDecimals > 0) {
        while (end[-1] == '0')
            --end;
        if (end[-1] == '.')
            --end;
    }
    if (end - digits == 2 && digits[0] == '-' && digits[1] == '0')
        return ascii("0");
    return ascii(std::string_view(digits, size_t(end - digits)));
}

bool CsvWriter::writeLine(CsvLine &line)
{
    errno = 0;
    const QByteArray &bytes = line.endLine(); // one write for the line and its end
    if (m_device->write(bytes) != bytes.size()) {
        m_error = errno != 0 ? qt_error_string(errno) : m_device->errorString();
        return false;
    }
    return true;
}

bool CsvWriter::writeRow(const QStringList &fields)
{
    m_line.clear();
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            m_line += u',';
        appendField(m_line, fields[i]);
    }
    m_line += QStringLiteral("\r\n");
    const QByteArray bytes = m_line.toUtf8();
    errno = 0;
    if (m_device->write(bytes) != bytes.size()) {
        // A write the system refused (a full disk, a file size limit) can leave QFile's text
        // at "Unknown error": the system's own reason says what happened.
        m_error = errno != 0 ? qt_error_string(errno) : m_device->errorString();
        return false;
    }
    return true;
}

bool CsvReader::read(QIODevice *device)
{
    if (device->size() > kMaxFileBytes) {
        m_error = Text::tr("The file is too large (%1 MB; the limit is %2 MB).")
                      .arg(device->size() / (1024 * 1024))
                      .arg(kMaxFileBytes / (1024 * 1024));
        return false;
    }
    const QByteArray bytes = device->read(kMaxFileBytes + 1);
    if (bytes.size() > kMaxFileBytes) {
        m_error = Text::tr("The file is too large (the limit is %1 MB).").arg(kMaxFileBytes / (1024 * 1024));
        return false;
    }
    return parse(bytes);
}

bool CsvReader::looksLikeUtf16(const QByteArray &bytes)
{
    return bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF") || bytes.left(4096).contains('\0');
}

QString CsvReader::utf16Message()
{
    return Text::tr("the file is not UTF-8 text (it looks like UTF-16, a spreadsheet's \"Unicode text\"). Save it "
                    "as \"CSV UTF-8\" and try again.");
}

bool CsvReader::parse(const QByteArray &bytes)
{
    m_records.clear();
    // Guess that spares most reallocations: a line of an export is rarely shorter than 40 characters.
    m_records.reserve(std::min<qsizetype>(bytes.size() / 40 + 1, kMaxRows + 1));
    const bool parsed = parse(bytes, [this](const CsvRecord &record) {
        m_records.append(record);
        return true;
    });
    if (!parsed)
        m_records.clear();
    m_records.squeeze();
    return parsed;
}

namespace {
// Puts a cell's UTF-8 bytes (the whole file is known to be valid UTF-8) into `cell`, in the
// memory it already has: nearly every cell is ASCII, widened byte by byte without a decoder.
void assignUtf8(QString &cell, QByteArrayView bytes)
{
    const qsizetype n = bytes.size();
    const char *in = bytes.data();
    uchar anyHighBit = 0;
    for (qsizetype k = 0; k < n; ++k)
        anyHighBit |= uchar(in[k]);
    if (anyHighBit & 0x80) {
        cell = QString::fromUtf8(bytes);
        return;
    }
    cell.resize(n);
    char16_t *out = reinterpret_cast<char16_t *>(cell.data());
    for (qsizetype k = 0; k < n; ++k)
        out[k] = uchar(in[k]);
}
} // namespace

bool CsvReader::parse(const QByteArray &bytes, const std::function<bool(const CsvRecord &)> &visit)
{
    m_error.clear();
    if (looksLikeUtf16(bytes)) {
        m_error = Text::tr("Line 1: %1").arg(utf16Message());
        return false;
    }
    // The bytes are read as they are, not decoded to UTF-16 first: the quotes, delimiters and
    // line ends are ASCII, which never occurs inside a longer UTF-8 sequence. (Decoding ten
    // years' 18 MB first took 36 MB of fresh memory and a third of the parse.)
    if (!bytes.isValidUtf8()) {
        // Name the line of the first bad byte, so she can find it.
        const qsizetype valid = QString::fromUtf8(bytes).indexOf(QChar::ReplacementCharacter);
        const int line = valid < 0 ? 1 : int(QString::fromUtf8(bytes).left(valid).count(u'\n')) + 1;
        m_error = Text::tr("Line %1: the file is not UTF-8 text. Save it as \"CSV UTF-8\" and try again.").arg(line);
        return false;
    }
    const char *text = bytes.constData();
    const qsizetype n = bytes.size();
    qsizetype i = bytes.startsWith("\xEF\xBB\xBF") ? 3 : 0; // a byte-order mark is not text
    const char delimiter = m_delimiter;
    const auto endsCell = [delimiter](char c) { return c == delimiter || c == '\r' || c == '\n'; };
    // The bytes an unquoted cell stops at (its end, or a quote that does not belong there),
    // found by one look-up per byte instead of four comparisons.
    std::array<bool, 256> stopsCell {};
    for (const char c : {delimiter, '\r', '\n', '"'})
        stopsCell[uchar(c)] = true;

    int line = 1;
    qsizetype records = 0;
    // One record, reused: a cell's text goes into the string that held the same cell of the
    // record before, whose memory is kept when `visit` kept no copy of it. (A new string per
    // cell was three million allocations for ten years, and their page faults.)
    CsvRecord record;
    QByteArray quotedCell; // a quoted cell's bytes, its doubled quotes made single
    while (i < n) {
        if (!record.fields.isDetached())
            record.fields = QStringList(); // `visit` kept the last one whole: nothing to reuse
        record.lineNumber = line;
        qsizetype cells = 0;
        bool recordDone = false;
        while (!recordDone) {
            if (cells == record.fields.size())
                record.fields.append(QString());
            QString &field = record.fields[cells++];
            if (i < n && text[i] == '"') {
                // Quoted field: runs to the next lone quote, across line ends.
                const int openedOnLine = line;
                ++i;
                bool closed = false;
                quotedCell.resize(0);
                qsizetype pieceStart = i;
                while (i < n) {
                    const char c = text[i];
                    if (c == '"') {
                        quotedCell.append(text + pieceStart, i - pieceStart);
                        if (i + 1 < n && text[i + 1] == '"') {
                            quotedCell.append('"');
                            i += 2;
                            pieceStart = i;
                            continue;
                        }
                        ++i;
                        closed = true;
                        break;
                    }
                    if (c == '\n')
                        ++line;
                    ++i;
                }
                if (!closed) {
                    m_error = Text::tr("Line %1: a quoted field is never closed.").arg(openedOnLine);
                    return false;
                }
                if (i < n && !endsCell(text[i])) {
                    m_error = Text::tr("Line %1: unexpected text after a closing quote.").arg(line);
                    return false;
                }
                assignUtf8(field, quotedCell);
            } else {
                // Unquoted (nearly every field): find its end, then take it in one piece.
                const qsizetype start = i;
                while (i < n && !stopsCell[uchar(text[i])])
                    ++i;
                if (i < n && text[i] == '"') {
                    m_error = Text::tr("Line %1: a quote inside a field that does not start with one.").arg(line);
                    return false;
                }
                assignUtf8(field, QByteArrayView(text + start, i - start));
            }
            if (i >= n) {
                recordDone = true;
            } else if (text[i] == delimiter) {
                ++i;
            } else { // CR, LF or CRLF ends the record
                if (text[i] == '\r' && i + 1 < n && text[i + 1] == '\n')
                    ++i;
                ++i;
                ++line;
                recordDone = true;
            }
        }
        record.fields.resize(cells);
        // A blank line (one empty field) carries nothing.
        if (cells == 1 && record.fields.first().isEmpty())
            continue;
        if (++records > kMaxRows) {
            m_error = Text::tr("more than %1 rows: this is not an export of one family's log.").arg(kMaxRows);
            return false;
        }
        if (!visit(record))
            return true;
    }
    return true;
}
