#include "stats/KeptStatistics.h"

#include <QCoreApplication>
#include <QDataStream>
#include <QFileInfo>
#include <QIODevice>
#include <QLocale>

namespace {

// The layout's number, first in the bytes: a change of layout makes every kept answer stale.
constexpr quint8 kLayout = 1;

QDataStream &operator<<(QDataStream &out, const ValueInterval &interval)
{
    return out << interval.low << interval.high;
}

QDataStream &operator>>(QDataStream &in, ValueInterval &interval)
{
    return in >> interval.low >> interval.high;
}

} // namespace

QByteArray SessionDerivedStatistics::toBytes() const
{
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_4);
    out << qint32(letdownsLeftOut) << insightsJson << daysText << fit.has_value();
    if (fit) {
        const VolumeFit &f = *fit;
        out << qint32(f.sessions) << qint32(f.sessionsMeasuredByLetdown) << qint32(f.distinctCounts) << f.fitted
            << f.firstMl << f.decay << f.firstMlInterval << f.decayInterval << qint32(f.volumeOfOrderIntervals.size());
        for (const ValueInterval &interval : f.volumeOfOrderIntervals)
            out << interval;
        out << f.ready << f.needs << qint32(f.moreSessionsNeeded) << f.moreSessionsIsEstimate;
    }
    // Compressed: ten years' days are 1.4 MB of text, a tenth of that packed (and unpacked in
    // a few milliseconds), and up to four answers are kept in her file.
    return QByteArray(1, char(kLayout)) + qCompress(bytes, 1);
}

bool SessionDerivedStatistics::fromBytes(const QByteArray &bytes, SessionDerivedStatistics &statistics)
{
    if (bytes.isEmpty() || quint8(bytes.front()) != kLayout)
        return false;
    const QByteArray unpacked = qUncompress(reinterpret_cast<const uchar *>(bytes.constData()) + 1, bytes.size() - 1);
    if (unpacked.isEmpty())
        return false;
    QDataStream in(unpacked);
    in.setVersion(QDataStream::Qt_6_4);
    SessionDerivedStatistics read;
    qint32 letdownsLeftOut = 0;
    bool hasFit = false;
    in >> letdownsLeftOut >> read.insightsJson >> read.daysText >> hasFit;
    read.letdownsLeftOut = letdownsLeftOut;
    if (hasFit) {
        VolumeFit f;
        qint32 sessions = 0, byLetdown = 0, distinct = 0, orders = 0, more = 0;
        in >> sessions >> byLetdown >> distinct >> f.fitted >> f.firstMl >> f.decay >> f.firstMlInterval
            >> f.decayInterval >> orders;
        if (orders < 0 || orders > VolumeFit::kOrdersWithBand)
            return false;
        f.volumeOfOrderIntervals.resize(orders);
        for (ValueInterval &interval : f.volumeOfOrderIntervals)
            in >> interval;
        in >> f.ready >> f.needs >> more >> f.moreSessionsIsEstimate;
        f.sessions = sessions;
        f.sessionsMeasuredByLetdown = byLetdown;
        f.distinctCounts = distinct;
        f.moreSessionsNeeded = more;
        read.fit = f;
    }
    if (in.status() != QDataStream::Ok || !in.atEnd())
        return false;
    statistics = std::move(read);
    return true;
}

QByteArray sessionDerivedStatisticsKey(
    const StatsRange &range, QDate today, double decayR, double firstLetdownMl, bool fittedChosen)
{
    const auto date = [](const std::optional<QDate> &day) {
        return day ? day->toString(Qt::ISODate).toLatin1() : QByteArray("-");
    };
    // This program as built: its size and time change with every build that is installed.
    const QFileInfo program(QCoreApplication::applicationFilePath());
    const QLocale locale;
    return QByteArrayList {"stats-from-sessions", QByteArray::number(kLayout),
        QByteArray::number(program.size()), QByteArray::number(program.lastModified().toMSecsSinceEpoch()),
        locale.name().toUtf8(), locale.uiLanguages().join(QLatin1Char(',')).toUtf8(), date(range.from),
        date(range.to), date(today), QByteArray::number(decayR, 'g', 17), QByteArray::number(firstLetdownMl, 'g', 17),
        fittedChosen ? "fitted" : "reference"}
        .join('|');
}
