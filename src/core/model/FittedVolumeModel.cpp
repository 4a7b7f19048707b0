#include "model/FittedVolumeModel.h"

#include <QCoreApplication>
#include <QLocale>
#include <QHash>

#include <algorithm>
#include <cmath>

namespace {
// lupdate reads Text::tr("...") with this context.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(FittedVolumeModel)
};

// Observations that share a curve term are pooled: the least-squares error only needs
// their count, sum and sum of squares. A term is a session total of k let-downs,
// v1 (1 - r^k) / (1 - r), or a single let-down of order k, v1 r^(k-1).
struct Term {
    bool single = false;
    int k = 0;
    bool operator==(const Term &) const = default;
};
size_t qHash(const Term &term, size_t seed = 0)
{
    return ::qHash(term.k * 2 + (term.single ? 1 : 0), seed);
}

struct Pool {
    double count = 0;
    double sum = 0;
    double sumOfSquares = 0;
};

// r^0 .. r^maxPower by multiplication: every curve value at one r from one table (pow()
// for every term at every trial r was a third of the fit's time).
void powersOf(double r, int maxPower, double *powers)
{
    powers[0] = 1;
    for (int p = 1; p <= maxPower; ++p)
        powers[p] = powers[p - 1] * r;
}

double curve(const Term &term, double r, const double *powers)
{
    if (term.single)
        return powers[term.k - 1];
    return r >= 1.0 ? double(term.k) : (1 - powers[term.k]) / (1 - r);
}

// Every observation in one flat list, session after session: a bootstrap draw then walks
// the observations of the sessions it drew without chasing a list per session, and finds
// an observation's term and volume side by side.
struct Observation {
    qsizetype term = 0; // index into Observations::terms
    double ml = 0;
};
struct Observations {
    QList<Term> terms;
    QList<qsizetype> firstOfSession; // session i: observations [first[i], first[i + 1])
    QList<Observation> all;
    double largestMl = 0;
};

__extension__ using Wide = unsigned __int128; // GCC's 128-bit integer, for one product

// SplitMix64 (Steele, Lea and Flood 2014): small, fast, and the same numbers everywhere.
class SplitMix64
{
public:
    explicit SplitMix64(quint64 seed)
        : m_state(seed)
    { }
    quint64 next()
    {
        quint64 z = (m_state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }

private:
    quint64 m_state;
};

Observations observationsOf(const QList<MeasuredSession> &sessions)
{
    Observations o;
    QHash<Term, qsizetype> index;
    const auto termIndex = [&](Term term) {
        auto it = index.constFind(term);
        if (it != index.constEnd())
            return *it;
        o.terms << term;
        return index.insert(term, o.terms.size() - 1).value();
    };
    const auto add = [&](Term term, double ml) {
        o.all << Observation {termIndex(term), ml};
        o.largestMl = std::max(o.largestMl, ml);
    };
    for (const MeasuredSession &s : sessions) {
        o.firstOfSession << o.all.size();
        if (s.totalMl && !s.everyLetdownMeasured)
            add({false, s.letdowns}, *s.totalMl);
        else
            for (const auto &[order, ml] : s.singleLetdownsMl)
                add({true, order}, ml);
    }
    o.firstOfSession << o.all.size();
    return o;
}

// For a given r the best v1 has a closed form (within 0 .. the largest volume recorded);
// r is then found on a grid of 0.01 and refined by golden section around the best point.
struct Estimate {
    double firstMl = 0;
    double decay = 0;
};

double bestFirstMl(const QList<Term> &terms, const QList<Pool> &pools, double r, double largestMl, double &error)
{
    // At most a few dozen terms and let-down counts: their curve values and the powers of r
    // on the stack, computed once per r.
    constexpr qsizetype kOnStack = 64;
    double curveOnStack[kOnStack], powersOnStack[kOnStack + 1];
    QList<double> curveOnHeap, powersOnHeap;
    double *c = curveOnStack, *powers = powersOnStack;
    int maxPower = 0;
    for (const Term &term : terms)
        maxPower = std::max(maxPower, term.k);
    if (terms.size() > kOnStack) {
        curveOnHeap.resize(terms.size());
        c = curveOnHeap.data();
    }
    if (maxPower > kOnStack) {
        powersOnHeap.resize(maxPower + 1);
        powers = powersOnHeap.data();
    }
    powersOf(r, maxPower, powers);
    double numerator = 0, denominator = 0;
    for (qsizetype i = 0; i < terms.size(); ++i) {
        c[i] = curve(terms[i], r, powers);
        numerator += c[i] * pools[i].sum;
        denominator += c[i] * c[i] * pools[i].count;
    }
    const double v1 = denominator > 0 ? std::clamp(numerator / denominator, 0.0, largestMl) : 0;
    error = 0;
    for (qsizetype i = 0; i < terms.size(); ++i)
        error += pools[i].sumOfSquares - 2 * v1 * c[i] * pools[i].sum + v1 * v1 * c[i] * c[i] * pools[i].count;
    return v1;
}

Estimate fitPools(const QList<Term> &terms, const QList<Pool> &pools, double largestMl)
{
    constexpr double kLowestDecay = 0.01; // r = 0 would mean no milk after the first let-down
    double bestR = 1, bestError = 0;
    bestFirstMl(terms, pools, 1.0, largestMl, bestError);
    for (int step = 1; step < 100; ++step) {
        const double r = step / 100.0;
        double error = 0;
        bestFirstMl(terms, pools, r, largestMl, error);
        if (error < bestError) {
            bestError = error;
            bestR = r;
        }
    }
    double low = std::max(kLowestDecay, bestR - 0.01), high = std::min(1.0, bestR + 0.01);
    const double golden = (std::sqrt(5.0) - 1) / 2;
    for (int i = 0; i < 30; ++i) {
        const double a = high - golden * (high - low), b = low + golden * (high - low);
        double errorA = 0, errorB = 0;
        bestFirstMl(terms, pools, a, largestMl, errorA);
        bestFirstMl(terms, pools, b, largestMl, errorB);
        (errorA <= errorB ? high : low) = errorA <= errorB ? b : a;
    }
    Estimate e;
    e.decay = (low + high) / 2;
    double error = 0;
    e.firstMl = bestFirstMl(terms, pools, e.decay, largestMl, error);
    return e;
}

int distinctTotalCounts(const QList<Term> &terms, const QList<Pool> &pools)
{
    // Orders of single let-downs pin r down as well as different totals do.
    int distinct = 0;
    for (qsizetype i = 0; i < terms.size(); ++i)
        distinct += pools[i].count > 0 ? 1 : 0;
    return distinct;
}

// The pools of `draws` sessions, the j-th being sessionOf(j): every session once, or a
// bootstrap's draws made as they are pooled (no list of drawn indexes in between).
template <typename SessionOf> QList<Pool> pooled(const Observations &o, qsizetype draws, SessionOf sessionOf)
{
    // The bootstrap's inner loop (400 times every session): plain pointers, no checks.
    QList<Pool> pools(o.terms.size());
    Pool *const pool = pools.data();
    const qsizetype *const first = o.firstOfSession.constData();
    const Observation *const observations = o.all.constData();
    for (qsizetype j = 0; j < draws; ++j) {
        const qsizetype s = sessionOf(j);
        for (qsizetype i = first[s]; i < first[s + 1]; ++i) {
            const Observation &observation = observations[i];
            Pool &p = pool[observation.term];
            p.count += 1;
            p.sum += observation.ml;
            p.sumOfSquares += observation.ml * observation.ml;
        }
    }
    return pools;
}

double percentile(QList<double> values, double q)
{
    std::sort(values.begin(), values.end());
    const double position = q * double(values.size() - 1);
    const qsizetype below = qsizetype(std::floor(position));
    const qsizetype above = std::min(below + 1, values.size() - 1);
    return values[below] + (values[above] - values[below]) * (position - double(below));
}
} // namespace

std::optional<MeasuredSession> measuredSession(const Session &s)
{
    if (!s.isFinished() || !s.letdownsLogged || s.letdowns.isEmpty())
        return std::nullopt;
    MeasuredSession m;
    m.letdowns = int(s.letdowns.size());
    if (s.kind == SessionKind::Pumping && s.pumpedVolumeMl && *s.pumpedVolumeMl > 0)
        m.totalMl = s.pumpedVolumeMl;
    else if (s.kind == SessionKind::Nursing && s.preFeedWeightG && s.postFeedWeightG
        && *s.postFeedWeightG > *s.preFeedWeightG)
        m.totalMl = *s.postFeedWeightG - *s.preFeedWeightG;
    for (int i = 0; i < s.letdowns.size(); ++i)
        if (const auto ml = s.letdowns[i].measuredVolumeMl; ml && *ml > 0)
            m.singleLetdownsMl.append({i + 1, *ml});
    m.everyLetdownMeasured = m.singleLetdownsMl.size() == s.letdowns.size();
    if (!m.totalMl && m.singleLetdownsMl.isEmpty())
        return std::nullopt;
    return m;
}

QList<MeasuredSession> measuredSessions(const QList<Session> &sessions)
{
    QList<MeasuredSession> measured;
    for (const Session &s : sessions)
        if (const auto m = measuredSession(s))
            measured << *m;
    return measured;
}

std::optional<VolumeFit> fitVolumeModel(const QList<MeasuredSession> &sessions)
{
    if (sessions.isEmpty())
        return std::nullopt;
    VolumeFit fit;
    fit.sessions = int(sessions.size());
    fit.sessionsMeasuredByLetdown = int(std::count_if(
        sessions.begin(), sessions.end(), [](const MeasuredSession &s) { return s.everyLetdownMeasured; }));
    const Observations o = observationsOf(sessions);
    const qsizetype n = sessions.size();
    const QList<Pool> pools = pooled(o, n, [](qsizetype j) { return j; });
    fit.distinctCounts = distinctTotalCounts(o.terms, pools);
    if (fit.distinctCounts >= 2) {
        const Estimate estimate = fitPools(o.terms, pools, o.largestMl);
        fit.fitted = true;
        fit.firstMl = estimate.firstMl;
        fit.decay = estimate.decay;
        // Bootstrap over sessions: resample them with replacement, fit again; the 2.5th and
        // 97.5th percentiles of the refits are the interval. A fixed seed: same data, same answer.
        SplitMix64 random(VolumeFit::kBootstrapSeed);
        QList<double> firsts, decays;
        for (int replicate = 0; replicate < VolumeFit::kBootstrapReplicates; ++replicate) {
            // n sessions drawn with replacement, each index in [0, n) from the high half of a
            // 64x64-bit product (Lemire 2019): no division in the loop, a bias below n / 2^64.
            const QList<Pool> resampled = pooled(o, n,
                [&random, n](qsizetype) { return qsizetype((static_cast<Wide>(random.next()) * quint64(n)) >> 64); });
            if (distinctTotalCounts(o.terms, resampled) < 2)
                continue; // this draw cannot tell v1 from r
            const Estimate e = fitPools(o.terms, resampled, o.largestMl);
            firsts << e.firstMl;
            decays << e.decay;
        }
        if (firsts.size() >= VolumeFit::kBootstrapReplicates / 2) {
            fit.firstMlInterval = {percentile(firsts, 0.025), percentile(firsts, 0.975)};
            fit.decayInterval = {percentile(decays, 0.025), percentile(decays, 0.975)};
            for (int order = 1; order <= VolumeFit::kOrdersWithBand; ++order) {
                QList<double> volumes;
                for (qsizetype i = 0; i < firsts.size(); ++i)
                    volumes << firsts[i] * std::pow(decays[i], order - 1);
                fit.volumeOfOrderIntervals << ValueInterval {percentile(volumes, 0.025), percentile(volumes, 0.975)};
            }
        } else {
            fit.firstMlInterval = {0, o.largestMl};
            fit.decayInterval = {0, 1};
        }
    }
    const double decayWidth = fit.decayInterval.high - fit.decayInterval.low;
    if (fit.sessions < VolumeFit::kMinimumSessions) {
        fit.moreSessionsNeeded = VolumeFit::kMinimumSessions - fit.sessions;
        fit.needs = fit.moreSessionsNeeded == 1 ? Text::tr("1 more measured session with let-downs logged")
                                                : Text::tr("%1 more measured sessions with let-downs logged")
                                                      .arg(fit.moreSessionsNeeded);
    } else if (!fit.fitted) {
        fit.needs = Text::tr("measured sessions with a different number of let-downs");
    } else if (decayWidth > VolumeFit::kMaximumDecayIntervalWidth) {
        // An interval narrows about as 1/sqrt(n): the sessions for the wanted width, roughly.
        const double ratio = decayWidth / VolumeFit::kMaximumDecayIntervalWidth;
        fit.moreSessionsNeeded = std::max(1, int(std::ceil(fit.sessions * ratio * ratio)) - fit.sessions);
        fit.moreSessionsIsEstimate = true;
        fit.needs = Text::tr("about %1 more measured sessions: the decay is still uncertain (%2 to %3)")
                        .arg(fit.moreSessionsNeeded)
                        .arg(QLocale().toString(fit.decayInterval.low, 'f', 2),
                            QLocale().toString(fit.decayInterval.high, 'f', 2));
    }
    fit.ready = fit.needs.isEmpty();
    return fit;
}

QString FittedVolumeModel::source() const
{
    if (m_fit.sessionsMeasuredByLetdown > 0)
        return Text::tr("fitted to your %1 measured sessions, %2 of them with each let-down weighed by a scale")
            .arg(m_fit.sessions)
            .arg(m_fit.sessionsMeasuredByLetdown);
    return Text::tr("fitted to your %1 measured sessions").arg(m_fit.sessions);
}
