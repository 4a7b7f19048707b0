#pragma once

#include "domain/Session.h"
#include "reference/ReferenceModel.h"

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

// The figures a consultant reads first, over a period (finished sessions only).
struct PeriodSummary {
    int nursingSessions = 0;
    int pumpingSessions = 0;
    std::optional<double> meanLetdownsNursing;
    std::optional<double> meanLetdownsPumping;
    std::optional<double> medianFirstLetdownS;
    std::optional<double> estimatedMlPerDay; // mean over the days with estimable sessions
    int daysWithSessions = 0; // days with at least one estimable session
    int sessionsWithoutEstimate = 0; // nothing measured, no let-down: volume unknown
    int sessionsWithMeasuredTotal = 0; // pumped volume or test-weigh
    // Kept apart, never summed: measured per day (over the days with a measured session) and
    // estimated from let-downs (sessions with nothing measured, over the days with one).
    std::optional<double> measuredMlPerDay;
    std::optional<double> letdownEstimateMlPerDay;
    struct TechniqueUse {
        QString key;
        int sessions = 0;
    };
    QList<TechniqueUse> techniques; // most used first
    struct DatedNote {
        qint64 atUtcMs = 0;
        int utcOffsetS = 0;
        SessionKind kind = SessionKind::Nursing;
        QString text;
    };
    QList<DatedNote> notes; // oldest first
    std::optional<QDate> firstDay;
    std::optional<QDate> lastDay;

    int sessions() const { return nursingSessions + pumpingSessions; }
};

PeriodSummary summarize(const QList<Session> &sessions, const ReferenceModel &model);
