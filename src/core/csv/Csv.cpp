#include "csv/Csv.h"

#include <cerrno>

#include <QCoreApplication>
#include <QIODevice>
#include <QStringDecoder>

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
    m_error.clear();
    if (looksLikeUtf16(bytes)) {
        m_error = Text::tr("Line 1: %1").arg(utf16Message());
        return false;
    }
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder.decode(bytes);
    if (decoder.hasError()) {
        // Name the line of the first bad byte, so she can find it.
        const qsizetype valid = QString::fromUtf8(bytes).indexOf(QChar::ReplacementCharacter);
        const int line = valid < 0 ? 1 : int(QString::fromUtf8(bytes).left(valid).count(u'\n')) + 1;
        m_error = Text::tr("Line %1: the file is not UTF-8 text. Save it as \"CSV UTF-8\" and try again.").arg(line);
        return false;
    }
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);

    int line = 1;
    qsizetype i = 0;
    const qsizetype n = text.size();
    // Guesses that spare most reallocations: records are about as wide as the one before,
    // and a line of an export is rarely shorter than 40 characters.
    qsizetype fieldsPerRecord = 8;
    m_records.reserve(std::min<qsizetype>(n / 40 + 1, kMaxRows + 1));
    while (i < n) {
        CsvRecord record;
        record.lineNumber = line;
        record.fields.reserve(fieldsPerRecord);
        QString field;
        bool recordDone = false;
        while (!recordDone) {
            field = QString();
            if (i < n && text[i] == u'"') {
                // Quoted field: runs to the next lone quote, across line ends.
                const int openedOnLine = line;
                ++i;
                bool closed = false;
                while (i < n) {
                    const QChar c = text[i];
                    if (c == u'"') {
                        if (i + 1 < n && text[i + 1] == u'"') {
                            field += u'"';
                            i += 2;
                            continue;
                        }
                        ++i;
                        closed = true;
                        break;
                    }
                    if (c == u'\n')
                        ++line;
                    field += c;
                    ++i;
                }
                if (!closed) {
                    m_error = Text::tr("Line %1: a quoted field is never closed.").arg(openedOnLine);
                    return false;
                }
                if (i < n && text[i] != m_delimiter && text[i] != u'\r' && text[i] != u'\n') {
                    m_error = Text::tr("Line %1: unexpected text after a closing quote.").arg(line);
                    return false;
                }
            } else {
                // Unquoted (nearly every field): find its end, then take it in one piece.
                const qsizetype start = i;
                while (i < n && text[i] != m_delimiter && text[i] != u'\r' && text[i] != u'\n') {
                    if (text[i] == u'"') {
                        m_error = Text::tr("Line %1: a quote inside a field that does not start with one.").arg(line);
                        return false;
                    }
                    ++i;
                }
                field = text.mid(start, i - start);
            }
            record.fields.append(std::move(field));
            if (i >= n) {
                recordDone = true;
            } else if (text[i] == m_delimiter) {
                ++i;
            } else { // CR, LF or CRLF ends the record
                if (text[i] == u'\r' && i + 1 < n && text[i + 1] == u'\n')
                    ++i;
                ++i;
                ++line;
                recordDone = true;
            }
        }
        // A blank line (one empty field) carries nothing.
        fieldsPerRecord = record.fields.size();
        if (!(record.fields.size() == 1 && record.fields.first().isEmpty()))
            m_records.append(std::move(record));
        if (m_records.size() > kMaxRows) {
            m_records.clear();
            m_error = Text::tr("more than %1 rows: this is not an export of one family's log.").arg(kMaxRows);
            return false;
        }
    }
    m_records.squeeze();
    return true;
}
