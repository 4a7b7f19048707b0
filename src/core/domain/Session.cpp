#include "domain/Session.h"

QString toKey(SessionKind kind)
{
    return kind == SessionKind::Nursing ? QStringLiteral("nursing") : QStringLiteral("pumping");
}

QString toKey(Side side)
{
    switch (side) {
    case Side::Left: return QStringLiteral("left");
    case Side::Right: return QStringLiteral("right");
    case Side::Both: return QStringLiteral("both");
    }
    return {};
}

QString toKey(SessionState state)
{
    switch (state) {
    case SessionState::Running: return QStringLiteral("running");
    case SessionState::Paused: return QStringLiteral("paused");
    case SessionState::Stopped: return QStringLiteral("stopped");
    }
    return {};
}

std::optional<SessionKind> sessionKindFromKey(QAnyStringView key)
{
    for (auto kind : {SessionKind::Nursing, SessionKind::Pumping})
        if (QAnyStringView::equal(toKey(kind), key))
            return kind;
    return std::nullopt;
}

std::optional<Side> sideFromKey(QAnyStringView key)
{
    for (auto side : {Side::Left, Side::Right, Side::Both})
        if (QAnyStringView::equal(toKey(side), key))
            return side;
    return std::nullopt;
}

std::optional<SessionState> sessionStateFromKey(QAnyStringView key)
{
    for (auto state : {SessionState::Running, SessionState::Paused, SessionState::Stopped})
        if (QAnyStringView::equal(toKey(state), key))
            return state;
    return std::nullopt;
}

qint64 &SideDurations::forSide(Side side)
{
    switch (side) {
    case Side::Left: return leftMs;
    case Side::Right: return rightMs;
    case Side::Both: break;
    }
    return bothMs;
}

QString toKey(TopupKind kind)
{
    return kind == TopupKind::Formula ? QStringLiteral("formula") : QStringLiteral("breast_milk");
}

std::optional<TopupKind> topupKindFromKey(QAnyStringView key)
{
    if (QAnyStringView::equal(key, QLatin1String("breast_milk")))
        return TopupKind::BreastMilk;
    if (QAnyStringView::equal(key, QLatin1String("formula")))
        return TopupKind::Formula;
    return std::nullopt;
}
