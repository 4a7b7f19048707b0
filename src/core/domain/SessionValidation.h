#pragma once

#include "domain/Session.h"

#include <QDate>
#include <QString>
#include <QStringList>

// Checks a session entered or edited by hand. Errors block saving and are shown beside
// their fields; confirmations are plausible but unusual values she is asked about.
struct SessionValidation {
    QString timesError;
    QString letdownsError;
    QString figuresError;
    QString noteError;
    QStringList confirmations;

    bool hasErrors() const
    {
        return !timesError.isEmpty() || !letdownsError.isEmpty() || !figuresError.isEmpty() || !noteError.isEmpty();
    }
};

inline constexpr qint64 kLongSessionMs = 4LL * 3600 * 1000;
inline constexpr int kMostLetdownsRecorded = 12;
inline constexpr double kLargestRecordedLetdownMl = 140.0;

// `overlaps` names another session of the same kind that overlaps this one, if any.
SessionValidation validateSession(const Session &session, const QString &overlaps = {});
// Why a session's start or end lies outside the dates Letdown takes as real (PlausibleDates.h),
// or empty. Every way in refuses such a session: the dialog, imports, the journal.
QString implausibleDatesError(const Session &session, QDate today);
