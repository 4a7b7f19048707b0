#include "HistoryModel.h"

#include "import/Importer.h"

#include "domain/Technique.h"
#include "domain/TimeFormat.h"
#include "stats/VolumeEstimate.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

#include <algorithm>

namespace {
constexpr int kNotePreviewLength = 60;

QString sidesText(const Session &s)
{
    QStringList sides;
    if (s.sideMs.leftMs > 0)
        sides << HistoryModel::tr("left");
    if (s.sideMs.rightMs > 0)
        sides << HistoryModel::tr("right");
    if (s.sideMs.bothMs > 0)
        sides << HistoryModel::tr("both");
    return sides.join(QStringLiteral(", "));
}

QString techniquesText(const Session &s)
{
    QStringList labels;
    for (const QString &key : s.techniques)
        labels << techniqueLabel(key);
    return labels.join(QStringLiteral(", "));
}
// "Baby Buddy" for "babybuddy": the importer's own name.
QString sourceName(const QString &source)
{
    const Importer *importer = importerWithId(source);
    return importer ? importer->displayName() : source;
}
} // namespace

HistoryModel::HistoryModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void HistoryModel::setSessions(QList<Session> sessions)
{
    std::sort(sessions.begin(), sessions.end(),
        [](const Session &a, const Session &b) { return a.startedAtUtcMs > b.startedAtUtcMs; });
    beginResetModel();
    m_sessions = std::move(sessions);
    endResetModel();
}

void HistoryModel::setPreferences(const Preferences &preferences)
{
    beginResetModel();
    m_model = preferences.referenceModel();
    m_volume = VolumeFormat {preferences.unit};
    endResetModel();
}

int HistoryModel::rowOf(const QString &uuid) const
{
    for (int row = 0; row < m_sessions.size(); ++row)
        if (m_sessions[row].uuid == uuid)
            return row;
    return -1;
}

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_sessions.size());
}

int HistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Session &s = m_sessions[index.row()];
    const auto first = s.firstLetdownOffsetMs();
    const auto measured = measuredTotalMl(s);
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case Started:
            return QLocale().toString(
                storedLocalDateTime(s.startedAtUtcMs, s.startedUtcOffsetS), tr("ddd d MMM yyyy, HH:mm"));
        case Kind: return s.kind == SessionKind::Nursing ? tr("Nursing") : tr("Pumping");
        case Sides: return sidesText(s);
        case Duration:
            if (s.isFinished())
                return formatElapsed(s.activeMs);
            if (const auto origin = m_origins.constFind(s.uuid); origin != m_origins.cend() && origin->elsewhere)
                return tr("running on %1").arg(origin->loggedOn);
            return tr("running");
        case Letdowns: return s.letdownsLogged ? QString::number(s.letdowns.size()) : tr("not logged");
        case FirstLetdown: return first ? formatElapsed(*first) : QString();
        case Volume:
            if (measured)
                return m_volume.text(*measured);
            if (const auto estimate = estimatedSessionVolumeMl(s, m_model))
                return tr("≈ %1").arg(m_volume.text(*estimate));
            return QStringLiteral("—"); // nothing measured, no let-down: unknown
        case Techniques: return techniquesText(s);
        case Note: {
            QString line = s.note.section(u'\n', 0, 0);
            if (line.size() > kNotePreviewLength || s.note.contains(u'\n'))
                line = line.left(kNotePreviewLength) + QStringLiteral("…");
            if (s.source != QLatin1String("letdown") && !s.source.isEmpty())
                line = tr("[from %1] ").arg(sourceName(s.source)) + line;
            if (const auto origin = m_origins.constFind(s.uuid); origin != m_origins.cend() && origin->elsewhere)
                line = tr("[logged on %1] ").arg(origin->loggedOn) + line;
            return s.clockJumpDetected ? tr("[clock changed] ") + line : line;
        }
        case ColumnCount: break;
        }
        break;
    case SortRole:
        switch (Column(index.column())) {
        case Started: return s.startedAtUtcMs;
        case Duration: return s.activeMs;
        case Letdowns: return s.letdownsLogged ? int(s.letdowns.size()) : -1;
        case FirstLetdown: return first ? QVariant(*first) : QVariant(std::numeric_limits<qint64>::max());
        case Volume: return measured ? *measured : estimatedSessionVolumeMl(s, m_model).value_or(-1.0);
        default: return data(index, Qt::DisplayRole);
        }
    case Qt::TextAlignmentRole:
        switch (Column(index.column())) {
        case Duration:
        case Letdowns:
        case FirstLetdown:
        case Volume: return int(Qt::AlignRight | Qt::AlignVCenter);
        default: return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == Duration && !s.isFinished())
            return data(index, Qt::DisplayRole); // "running on Home server" may be cut short
        if (index.column() == Started) {
            const auto origin = m_origins.constFind(s.uuid);
            if (origin == m_origins.cend())
                return {};
            return origin->loggedOn == origin->lastChangedOn
                ? tr("Logged on %1").arg(origin->loggedOn)
                : tr("Logged on %1; last changed on %2").arg(origin->loggedOn, origin->lastChangedOn);
        }
        if (index.column() == Note) {
            QString tip = s.note;
            if (s.clockJumpDetected)
                tip = tr("The computer's clock was changed during this session; its length is still right.")
                    + (tip.isEmpty() ? QString() : QStringLiteral("\n\n") + tip);
            return tip;
        }
        if (index.column() == Volume) {
            QStringList tip {measured ? tr("Measured") : tr("Estimated from the let-downs (see the Trends tab)")};
            if (s.leftVolumeMl)
                tip << tr("Left breast: %1").arg(m_volume.text(*s.leftVolumeMl));
            if (s.rightVolumeMl)
                tip << tr("Right breast: %1").arg(m_volume.text(*s.rightVolumeMl));
            if (s.topupMl)
                tip << tr("Top-up bottle: %1 of %2")
                           .arg(m_volume.text(*s.topupMl),
                               s.topupKind == TopupKind::Formula ? tr("formula") : tr("breast milk"));
            return tip.join(u'\n');
        }
        if (index.column() == Letdowns && !s.letdownsLogged)
            return tr("Imported from %1, which does not log let-downs: this session never counts toward let-down "
                      "figures.")
                .arg(sourceName(s.source));
        return {};
    default: break;
    }
    return {};
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Started: return tr("Started");
    case Kind: return tr("Kind");
    case Sides: return tr("Side(s)");
    case Duration: return tr("Duration");
    case Letdowns: return tr("Let-downs");
    case FirstLetdown: return tr("First let-down");
    case Volume: return tr("Volume");
    case Techniques: return tr("Techniques");
    case Note: return tr("Note");
    case ColumnCount: break;
    }
    return {};
}

void HistoryModel::setOrigins(QHash<QString, SyncOverview::Origin> origins)
{
    m_origins = std::move(origins);
    if (!m_sessions.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}
