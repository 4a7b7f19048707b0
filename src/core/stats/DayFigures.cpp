#include "stats/DayFigures.h"

#include "domain/TimeFormat.h"
#include "stats/VolumeEstimate.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>

namespace {
struct Timed {
    const Session *session;
    qint64 gapS = -1; // -1: no earlier session
};

// Finished sessions in start order, each with its gap to the session before it.
QList<Timed> withGaps(const QList<Session> &sessions, GapConvention gap)
{
    QList<const Session *> finished;
    for (const Session &s : sessions)
        if (s.isFinished())
            finished << &s;
    std::stable_sort(finished.begin(), finished.end(),
        [](const Session *a, const Session *b) { return a->startedAtUtcMs < b->startedAtUtcMs; });
    QList<Timed> timed;
    timed.reserve(finished.size());
    for (qsizetype i = 0; i < finished.size(); ++i) {
        Timed t {finished[i]};
        if (i > 0) {
            const Session &before = *finished[i - 1];
            const qint64 fromMs = gap == GapConvention::StartToStart ? before.startedAtUtcMs
                                                                     : before.endedAtUtcMs.value_or(before.startedAtUtcMs);
            t.gapS = std::max<qint64>(0, (finished[i]->startedAtUtcMs - fromMs) / 1000);
        }
        timed << t;
    }
    return timed;
}

void add(PeriodFigures &f, const Timed &t, const ReferenceModel &model, const DayOptions &options,
    QList<double> &firstLetdownsS)
{
    const Session &s = *t.session;
    (s.kind == SessionKind::Nursing ? f.nursingSessions : f.pumpingSessions)++;
    const int hour = storedLocalDateTime(s.startedAtUtcMs, s.startedUtcOffsetS).time().hour();
    if (hour >= options.nightFromHour && hour < options.nightToHour)
        ++f.nightSessions;
    if (t.gapS >= 0)
        f.longestGapS = std::max(f.longestGapS.value_or(0), t.gapS);
    f.leftS += s.sideMs.leftMs / 1000;
    f.rightS += s.sideMs.rightMs / 1000;
    if (const auto measured = measuredTotalMl(s)) {
        f.measuredMl += *measured;
        ++f.sessionsMeasured;
    } else if (const auto estimated = estimatedSessionVolumeMl(s, model)) {
        f.estimatedMl = f.estimatedMl.value_or(0) + *estimated;
    }
    if (s.kind == SessionKind::Nursing && s.preFeedWeightG && s.postFeedWeightG)
        f.testWeightsG.append({*s.preFeedWeightG, *s.postFeedWeightG});
    if (s.leftVolumeMl)
        f.pumpedLeftMl = f.pumpedLeftMl.value_or(0) + *s.leftVolumeMl;
    if (s.rightVolumeMl)
        f.pumpedRightMl = f.pumpedRightMl.value_or(0) + *s.rightVolumeMl;
    if (s.topupMl) {
        f.topupMl += *s.topupMl;
        if (s.topupKind == TopupKind::Formula)
            f.topupFormulaMl += *s.topupMl;
    }
    if (s.letdownsLogged) {
        f.letdowns += int(s.letdowns.size());
        ++f.sessionsWithLetdownsLogged;
        if (const auto first = s.firstLetdownOffsetMs())
            firstLetdownsS << double(*first) / 1000.0;
    }
}

void finish(PeriodFigures &f, QList<double> &firstLetdownsS)
{
    if (firstLetdownsS.isEmpty())
        return;
    std::sort(firstLetdownsS.begin(), firstLetdownsS.end());
    const qsizetype n = firstLetdownsS.size();
    f.medianFirstLetdownS = n % 2 ? firstLetdownsS[n / 2] : (firstLetdownsS[n / 2 - 1] + firstLetdownsS[n / 2]) / 2;
}
} // namespace

QList<DayFigures> dayFigures(
    const QList<Session> &sessions, const ReferenceModel &model, const StatsRange &range, const DayOptions &options)
{
    QList<DayFigures> days;
    QList<double> firstLetdownsS;
    for (const Timed &t : withGaps(sessions, options.gap)) {
        const QDate day = localStartDate(*t.session);
        if (!range.contains(day))
            continue;
        if (days.isEmpty() || days.last().date != day) {
            if (!days.isEmpty())
                finish(days.last(), firstLetdownsS);
            firstLetdownsS.clear();
            days.append(DayFigures {});
            days.last().date = day;
        }
        add(days.last(), t, model, options, firstLetdownsS);
    }
    if (!days.isEmpty())
        finish(days.last(), firstLetdownsS);
    return days;
}

PeriodFigures lastDayFigures(
    const QList<Session> &sessions, const ReferenceModel &model, qint64 nowUtcMs, const DayOptions &options)
{
    PeriodFigures figures;
    QList<double> firstLetdownsS;
    constexpr qint64 kDayMs = 24 * 3600 * 1000;
    for (const Timed &t : withGaps(sessions, options.gap))
        if (t.session->startedAtUtcMs > nowUtcMs - kDayMs && t.session->startedAtUtcMs <= nowUtcMs)
            add(figures, t, model, options, firstLetdownsS);
    finish(figures, firstLetdownsS);
    return figures;
}

std::optional<Side> nextSide(const QList<Session> &sessions)
{
    const Session *last = nullptr;
    for (const Session &s : sessions)
        if (s.kind == SessionKind::Nursing && (!last || s.startedAtUtcMs > last->startedAtUtcMs))
            last = &s;
    if (!last)
        return std::nullopt;
    Side ended = last->side;
    if (ended == Side::Both) {
        if (last->sideMs.leftMs == last->sideMs.rightMs)
            return std::nullopt; // no way to tell: she decides
        return last->sideMs.leftMs < last->sideMs.rightMs ? Side::Left : Side::Right;
    }
    return ended == Side::Left ? Side::Right : Side::Left;
}

void writeDayFiguresJson(JsonTextWriter &json, const QList<DayFigures> &days)
{
    json.beginArray();
    for (const DayFigures &d : days) {
        json.beginObject(); // the members in Qt's order, by name
        json.member(QLatin1StringView("date"), d.date.toString(Qt::ISODate));
        json.member(
            QLatin1StringView("estimated_ml"), d.estimatedMl ? std::optional(jsonRounded(*d.estimatedMl)) : std::nullopt);
        json.member(QLatin1StringView("left_s"), d.leftS);
        // Unknown is never 0: null when no session of the day had its let-downs logged.
        json.member(QLatin1StringView("letdowns"),
            d.sessionsWithLetdownsLogged > 0 ? std::optional<qint64>(d.letdowns) : std::nullopt);
        json.member(QLatin1StringView("longest_gap_s"), d.longestGapS);
        json.member(QLatin1StringView("measured_ml"), jsonRounded(d.measuredMl));
        json.member(QLatin1StringView("night_sessions"), d.nightSessions);
        json.member(QLatin1StringView("nursing_sessions"), d.nursingSessions);
        json.member(QLatin1StringView("pumping_sessions"), d.pumpingSessions);
        json.member(QLatin1StringView("right_s"), d.rightS);
        json.member(QLatin1StringView("topup_ml"), jsonRounded(d.topupMl));
        json.endObject();
    }
    json.endArray();
}

QJsonArray dayFiguresToJson(const QList<DayFigures> &days)
{
    JsonTextWriter json;
    writeDayFiguresJson(json, days);
    return QJsonDocument::fromJson(json.text()).array();
}
