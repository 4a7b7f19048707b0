#pragma once

#include "domain/Session.h"
#include "reference/ReferenceModel.h"
#include "settings/Preferences.h"
#include "sync/SyncFolder.h"

#include <QAbstractTableModel>

// All sessions of the chosen period, one row each, newest first. Qt::DisplayRole gives
// the text she reads, SortRole the raw value to sort by (so 10:00 sorts after 9:00).
class HistoryModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Started, Kind, Sides, Duration, Letdowns, FirstLetdown, Volume, Techniques, Note, ColumnCount };
    static constexpr int SortRole = Qt::UserRole;

    explicit HistoryModel(QObject *parent = nullptr);

    void setSessions(QList<Session> sessions); // any order; shown newest first
    void setPreferences(const Preferences &preferences);
    // Which device logged each session and changed it last (sync; docs/sync.md).
    void setOrigins(QHash<QString, SyncOverview::Origin> origins);
    const Session &sessionAt(int row) const { return m_sessions.at(row); }
    int rowOf(const QString &uuid) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Session> m_sessions;
    QHash<QString, SyncOverview::Origin> m_origins;
    ReferenceModel m_model;
    VolumeFormat m_volume;
};
