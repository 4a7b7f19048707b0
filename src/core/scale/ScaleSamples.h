#pragma once
// Weight samples from a scale under the collection bottle(s), and the files they come in.
// docs/scale.md describes both formats and their limits.
#include <QByteArray>
#include <QString>
#include <QVector>

#include <optional>

struct ScaleSample {
    double atS = 0; // seconds from the start of the recording
    double grams = 0; // what the scale read: bottle, milk and whatever else is on it
};

namespace ScaleSamples {
// A recording longer than a day, or a file larger than this, is not one pumping session.
constexpr qint64 kMaxFileBytes = 16 * 1024 * 1024;
constexpr int kMaxSamples = 200000;
constexpr double kMaxDurationS = 24 * 3600;
// What a kitchen or bottle scale can read at most; anything beyond is a broken value.
constexpr double kMaxGrams = 20000;

// A CSV file with the header `seconds,grams` (seconds from the start of pumping) or Letdown's
// own recording `at,grams` (ISO 8601 times with their UTC offset). Times must not go backwards.
// On failure `error` says what and where (line numbers from 1), and `samples` is empty.
// `firstAtUtcMs`, when given, gets the wall time of the first reading of an `at,grams` file
// (and stays empty for `seconds,grams`, whose zero is the start of pumping).
bool readFile(const QString &path, QVector<ScaleSample> &samples, QString &error,
    std::optional<qint64> *firstAtUtcMs = nullptr);
bool parse(const QByteArray &text, QVector<ScaleSample> &samples, QString &error,
    std::optional<qint64> *firstAtUtcMs = nullptr);

// The plain form: `seconds,grams`, seconds from the first reading's zero as they are.
QByteArray toSecondsCsv(const QVector<ScaleSample> &samples);
// Letdown's own recording of a session's samples: `at,grams`, times from the session's start.
QByteArray toRecordingCsv(const QVector<ScaleSample> &samples, qint64 startedAtUtcMs, int utcOffsetS);

// Compact form kept with a session: time in milliseconds and weight in tenths of a gram (a
// scale's step), each stored as a zigzag varint of the change from the sample before. A
// 25-minute session sampled every second takes about 4 KB.
QByteArray encodeCompact(const QVector<ScaleSample> &samples);
bool decodeCompact(const QByteArray &bytes, QVector<ScaleSample> &samples);
}
