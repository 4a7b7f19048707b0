#include "scale/SimulatedPumping.h"

#include <algorithm>
#include <cmath>
#include <random>

namespace {
constexpr double kGramsPerMl = 1.03;

// The flow of one let-down, t seconds after its onset, per ml of its volume: a rise
// (1 - e^(-t/rise))^2 times a fall e^(-t/fade), scaled so it adds up to 1 over all time.
struct Shape {
    double riseS;
    double fadeS;
    double perMl(double t) const
    {
        if (t <= 0)
            return 0;
        const double up = 1 - std::exp(-t / riseS);
        return up * up * std::exp(-t / fadeS) / area();
    }
    double area() const
    {
        // The integral of (1 - 2e^(-t/r) + e^(-2t/r)) e^(-t/f) over t >= 0.
        const double f = fadeS, r = riseS;
        return f - 2 / (1 / r + 1 / f) + 1 / (2 / r + 1 / f);
    }
    double milkBy(double t) const // the share of its volume that has arrived t s after onset
    {
        if (t <= 0)
            return 0;
        const double f = fadeS, r = riseS;
        const double a = 1 / f, b = 1 / r + 1 / f, c = 2 / r + 1 / f;
        return ((1 - std::exp(-a * t)) / a - 2 * (1 - std::exp(-b * t)) / b + (1 - std::exp(-c * t)) / c) / area();
    }
};
} // namespace

SimulatedPumping PumpingSimulation::simulate(
    const QVector<SimulatedLetdown> &letdowns, const PumpingConditions &conditions, unsigned seed)
{
    std::mt19937 random(seed);
    std::uniform_real_distribution<double> unit(0, 1);
    std::normal_distribution<double> noise(0, conditions.noiseG);
    QVector<Shape> shapes;
    for (int k = 0; k < letdowns.size(); ++k)
        shapes.append({3 + 7 * unit(random), 20 + 30 * unit(random)});
    const double bottleG = 80 + 80 * unit(random);
    auto milkGramsAt = [&](double t) {
        double ml = conditions.trickleMlPerS * t;
        for (int k = 0; k < letdowns.size(); ++k)
            ml += letdowns[k].volumeMl * shapes[k].milkBy(t - letdowns[k].onsetS);
        return ml * kGramsPerMl;
    };
    // Lifts and bumps at random moments.
    QVector<std::pair<double, double>> lifts; // from, to
    for (int k = 0; k < conditions.lifts; ++k) {
        const double from = conditions.durationS * (0.1 + 0.8 * unit(random));
        lifts.append({from, from + 2 + 6 * unit(random)});
    }
    const bool taredWithBottle = unit(random) < 0.5; // lifted, it reads minus the bottle; else near zero
    SimulatedPumping session;
    double t = unit(random) * conditions.meanIntervalS;
    while (t <= conditions.durationS) {
        double grams = (taredWithBottle ? 0 : bottleG) + milkGramsAt(t) + noise(random);
        for (const auto &lift : lifts)
            if (t >= lift.first && t <= lift.second)
                grams = (taredWithBottle ? -bottleG : 0) + 2 * unit(random);
        session.samples.append({t, std::round(grams * 10) / 10});
        t += conditions.meanIntervalS * (0.6 + 0.8 * unit(random));
    }
    for (int k = 0; k < conditions.bumps && session.samples.size() > 10; ++k) {
        const int at = 5 + int(unit(random) * (session.samples.size() - 10));
        session.samples[at].grams += std::round((unit(random) < 0.7 ? 1 : -1) * (50 + 550 * unit(random))) / 10;
    }
    session.letdowns = letdowns;
    session.totalMl = milkGramsAt(conditions.durationS) / kGramsPerMl;
    return session;
}

SimulatedPumping PumpingSimulation::randomSession(unsigned seed)
{
    std::mt19937 random(seed * 2654435761u + 17);
    std::uniform_real_distribution<double> unit(0, 1);
    PumpingConditions conditions;
    conditions.durationS = 60 * (12 + 13 * unit(random));
    conditions.meanIntervalS = 1 + 4 * unit(random);
    conditions.noiseG = 0.1 + 0.3 * unit(random);
    conditions.trickleMlPerS = unit(random) < 0.3 ? 0 : 0.02 * unit(random);
    conditions.lifts = int(3 * unit(random));
    conditions.bumps = int(4 * unit(random));
    // 1 to 6 let-downs, about 2.5 on average as in the studies.
    static const int kCounts[] = {1, 1, 2, 2, 2, 3, 3, 3, 4, 5, 6};
    const int count = kCounts[int(unit(random) * std::size(kCounts))];
    QVector<SimulatedLetdown> letdowns;
    double onsetS = 20 + 130 * unit(random);
    double volumeMl = 15 + 30 * unit(random);
    for (int k = 0; k < count && onsetS < conditions.durationS - 180; ++k) {
        letdowns.append({onsetS, volumeMl});
        onsetS += 40 + 260 * unit(random); // some start before the one before has faded
        volumeMl *= 0.35 + 0.5 * unit(random);
    }
    return simulate(letdowns, conditions, seed);
}
