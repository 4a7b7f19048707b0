#include "model/VolumeModel.h"

#include <QCoreApplication>

#include <cmath>

namespace {
// lupdate reads Text::tr("...") with this context.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(VolumeModel)
};
} // namespace

double VolumeModel::volumeOfOrderMl(int order) const
{
    return firstMl() * std::pow(decay(), std::max(0, order - 1));
}

ReferenceModel VolumeModel::applyTo(ReferenceModel figures) const
{
    figures.firstLetdownMl = firstMl();
    figures.decayR = decay();
    figures.volumeModelId = id();
    figures.volumeModelSource = source();
    return figures;
}

QString LiteratureVolumeModel::source() const
{
    return Text::tr("published studies (Ramsay 2004 and 2005, Prime 2011)");
}
