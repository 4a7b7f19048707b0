#pragma once

#include "reference/ReferenceModel.h"

#include <QString>

#include <optional>

struct ValueInterval {
    double low = 0;
    double high = 0;
    bool operator==(const ValueInterval &) const = default;
};

// Where estimated let-down volumes come from: the k-th let-down gives first * decay^(k-1).
// The published figures are one model (LiteratureVolumeModel); one fitted to her own
// measured sessions will be another. Every estimate names the model it came from.
class VolumeModel
{
public:
    virtual ~VolumeModel() = default;
    virtual QString id() const = 0; // "reference" or "fitted" (stats --json, CSV, report)
    virtual QString source() const = 0; // where the figures come from, in words
    virtual double firstMl() const = 0;
    virtual double decay() const = 0;
    // 95 % intervals, where the model has them (the literature's figures do not).
    virtual std::optional<ValueInterval> firstMlInterval() const { return std::nullopt; }
    virtual std::optional<ValueInterval> decayInterval() const { return std::nullopt; }

    double volumeOfOrderMl(int order) const;
    // The reference figures with this model's volume curve: what the estimate functions take.
    ReferenceModel applyTo(ReferenceModel figures) const;
};

// The published curve: about 30 ml for the first let-down, each later one x0.6 (or the
// values she set in Preferences), from ReferenceModel's citations.
class LiteratureVolumeModel final : public VolumeModel
{
public:
    explicit LiteratureVolumeModel(const ReferenceModel &figures)
        : m_figures(figures)
    { }
    QString id() const override { return QStringLiteral("reference"); }
    QString source() const override;
    double firstMl() const override { return m_figures.firstLetdownMl; }
    double decay() const override { return m_figures.decayR; }

private:
    ReferenceModel m_figures;
};
