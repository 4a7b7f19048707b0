#include "scale/ScaleSamples.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QLocale>

#include <cmath>

namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(ScaleSamples)
};

QString lineError(int line, const QString &what)
{
    return Text::tr("line %1: %2").arg(line).arg(what);
}

// Lines without their end, with a final line that has no newline kept too.
QList<QByteArray> linesOf(const QByteArray &text)
{
    QList<QByteArray> lines = text.split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    for (QByteArray &line : lines)
        if (line.endsWith('\r'))
            line.chop(1);
    return lines;
}

void appendVarint(QByteArray &out, qint64 value)
{
    quint64 zigzag = (quint64(value) << 1) ^ quint64(value >> 63);
    while (zigzag >= 0x80) {
        out.append(char((zigzag & 0x7f) | 0x80));
        zigzag >>= 7;
    }
    out.append(char(zigzag));
}

bool readVarint(const QByteArray &bytes, int &position, qint64 &value)
{
    quint64 zigzag = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        if (position >= bytes.size())
            return false;
        const quint8 byte = quint8(bytes[position++]);
        zigzag |= quint64(byte & 0x7f) << shift;
        if (!(byte & 0x80)) {
            value = qint64(zigzag >> 1) ^ -qint64(zigzag & 1);
            return true;
        }
    }
    return false;
}
} // namespace

bool ScaleSamples::readFile(
    const QString &path, QVector<ScaleSample> &samples, QString &error, std::optional<qint64> *firstAtUtcMs)
{
    samples.clear();
    const QFileInfo info(path);
    if (!info.exists()) {
        error = Text::tr("%1 does not exist.").arg(path);
        return false;
    }
    if (info.size() > kMaxFileBytes) {
        error = Text::tr("%1 is %2 MB: a pumping session's samples fit in %3 MB, so this is not one.")
                    .arg(path)
                    .arg(info.size() / (1024 * 1024))
                    .arg(kMaxFileBytes / (1024 * 1024));
        return false;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        error = Text::tr("%1 cannot be read: %2").arg(path, file.errorString());
        return false;
    }
    const QByteArray text = file.read(kMaxFileBytes + 1);
    if (text.size() > kMaxFileBytes) { // it grew while we looked
        error = Text::tr("%1 is larger than %2 MB.").arg(path).arg(kMaxFileBytes / (1024 * 1024));
        return false;
    }
    if (!parse(text, samples, error, firstAtUtcMs)) {
        error = Text::tr("%1: %2").arg(path, error);
        return false;
    }
    return true;
}

bool ScaleSamples::parse(
    const QByteArray &text, QVector<ScaleSample> &samples, QString &error, std::optional<qint64> *firstAtUtcMs)
{
    samples.clear();
    if (firstAtUtcMs)
        firstAtUtcMs->reset();
    QList<QByteArray> lines = linesOf(text);
    if (lines.isEmpty()) {
        error = Text::tr("the file is empty; expected a header 'seconds,grams' or 'at,grams'.");
        return false;
    }
    QByteArray header = lines.first().trimmed().toLower();
    if (header.startsWith("\xef\xbb\xbf"))
        header.remove(0, 3);
    const bool absolute = header == "at,grams";
    if (!absolute && header != "seconds,grams") {
        error = Text::tr("the first line must be the header 'seconds,grams' (or 'at,grams'), not '%1'.")
                    .arg(QString::fromUtf8(lines.first().left(60)));
        return false;
    }
    if (lines.size() - 1 > kMaxSamples) {
        error = Text::tr("%1 samples: one pumping session has at most %2.").arg(lines.size() - 1).arg(kMaxSamples);
        return false;
    }
    QVector<ScaleSample> read;
    read.reserve(lines.size() - 1);
    qint64 firstAtMs = 0;
    for (int i = 1; i < lines.size(); ++i) {
        const int lineNumber = i + 1;
        const QByteArray line = lines[i].trimmed();
        if (line.isEmpty())
            continue;
        const QList<QByteArray> fields = line.split(',');
        if (fields.size() != 2) {
            error = lineError(lineNumber, Text::tr("expected two fields, time and grams."));
            return false;
        }
        ScaleSample sample;
        bool ok = false;
        if (absolute) {
            const QDateTime at = QDateTime::fromString(QString::fromLatin1(fields[0].trimmed()), Qt::ISODateWithMs);
            ok = at.isValid() && at.timeSpec() != Qt::LocalTime;
            if (!ok) {
                error = lineError(lineNumber,
                    Text::tr("'%1' is not an ISO 8601 time with its UTC offset.")
                        .arg(QString::fromUtf8(fields[0].left(40))));
                return false;
            }
            if (read.isEmpty())
                firstAtMs = at.toMSecsSinceEpoch();
            sample.atS = double(at.toMSecsSinceEpoch() - firstAtMs) / 1000.0;
        } else {
            sample.atS = QLocale::c().toDouble(fields[0].trimmed(), &ok);
            if (!ok || !std::isfinite(sample.atS) || sample.atS < 0) {
                error = lineError(lineNumber,
                    Text::tr("'%1' is not a number of seconds.").arg(QString::fromUtf8(fields[0].left(40))));
                return false;
            }
        }
        sample.grams = QLocale::c().toDouble(fields[1].trimmed(), &ok);
        if (!ok || !std::isfinite(sample.grams) || std::abs(sample.grams) > kMaxGrams) {
            error = lineError(lineNumber,
                Text::tr("'%1' is not a weight in grams (at most %2).")
                    .arg(QString::fromUtf8(fields[1].left(40)))
                    .arg(kMaxGrams));
            return false;
        }
        if (!read.isEmpty() && sample.atS < read.last().atS) {
            error = lineError(lineNumber, Text::tr("the time goes backwards (%1 s after %2 s).")
                                              .arg(QLocale::c().toString(sample.atS, 'f', 1),
                                                  QLocale::c().toString(read.last().atS, 'f', 1)));
            return false;
        }
        if (sample.atS - (read.isEmpty() ? sample.atS : read.first().atS) > kMaxDurationS) {
            error = lineError(lineNumber, Text::tr("the recording runs longer than a day."));
            return false;
        }
        read.append(sample);
    }
    if (read.isEmpty()) {
        error = Text::tr("the file has a header but no samples.");
        return false;
    }
    samples = std::move(read);
    if (firstAtUtcMs && absolute)
        *firstAtUtcMs = firstAtMs;
    return true;
}

QByteArray ScaleSamples::toSecondsCsv(const QVector<ScaleSample> &samples)
{
    QByteArray out("seconds,grams\n");
    for (const ScaleSample &sample : samples)
        out += QByteArray::number(sample.atS, 'f', 3) + ',' + QByteArray::number(sample.grams, 'f', 1) + '\n';
    return out;
}

QByteArray ScaleSamples::toRecordingCsv(const QVector<ScaleSample> &samples, qint64 startedAtUtcMs, int utcOffsetS)
{
    QByteArray out("at,grams\n");
    for (const ScaleSample &sample : samples) {
        const QDateTime at = QDateTime::fromMSecsSinceEpoch(
            startedAtUtcMs + qint64(std::llround(sample.atS * 1000)), Qt::OffsetFromUTC, utcOffsetS);
        out += at.toString(Qt::ISODateWithMs).toLatin1();
        out += ',';
        out += QByteArray::number(sample.grams, 'f', 1);
        out += '\n';
    }
    return out;
}

QByteArray ScaleSamples::encodeCompact(const QVector<ScaleSample> &samples)
{
    QByteArray out;
    out.reserve(samples.size() * 3 + 8);
    appendVarint(out, samples.size());
    qint64 lastMs = 0, lastDecigrams = 0;
    for (const ScaleSample &sample : samples) {
        const qint64 ms = std::llround(sample.atS * 1000);
        const qint64 decigrams = std::llround(sample.grams * 10);
        appendVarint(out, ms - lastMs);
        appendVarint(out, decigrams - lastDecigrams);
        lastMs = ms;
        lastDecigrams = decigrams;
    }
    return out;
}

bool ScaleSamples::decodeCompact(const QByteArray &bytes, QVector<ScaleSample> &samples)
{
    samples.clear();
    int position = 0;
    qint64 count = 0;
    if (!readVarint(bytes, position, count) || count < 0 || count > kMaxSamples)
        return false;
    QVector<ScaleSample> decoded;
    decoded.reserve(int(count));
    qint64 ms = 0, decigrams = 0;
    for (qint64 i = 0; i < count; ++i) {
        qint64 msChange = 0, decigramChange = 0;
        if (!readVarint(bytes, position, msChange) || !readVarint(bytes, position, decigramChange) || msChange < 0)
            return false;
        ms += msChange;
        decigrams += decigramChange;
        decoded.append({double(ms) / 1000.0, double(decigrams) / 10.0});
    }
    if (position != bytes.size())
        return false;
    samples = std::move(decoded);
    return true;
}
