#include "domain/Session.h"

namespace {
char16_t unitOf(QChar c) { return c.unicode(); }
char16_t unitOf(char c) { return uchar(c); }

// Whether `key` is the ASCII word `word`, compared unit by unit in the key's own encoding.
// Keys are read for every stored session and let-down; QAnyStringView::equal decoded the
// UTF-8 of each (a tenth of an export of ten years).
bool isKey(QAnyStringView key, QStringView word)
{
    if (key.size() != word.size())
        return false;
    return key.visit([word](auto view) {
        for (qsizetype i = 0; i < word.size(); ++i)
            if (unitOf(view.data()[i]) != word[i].unicode())
                return false;
        return true;
    });
}
} // namespace

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
        if (isKey(key, toKey(kind)))
            return kind;
    return std::nullopt;
}

std::optional<Side> sideFromKey(QAnyStringView key)
{
    for (auto side : {Side::Left, Side::Right, Side::Both})
        if (isKey(key, toKey(side)))
            return side;
    return std::nullopt;
}

std::optional<SessionState> sessionStateFromKey(QAnyStringView key)
{
    for (auto state : {SessionState::Running, SessionState::Paused, SessionState::Stopped})
        if (isKey(key, toKey(state)))
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
    for (auto kind : {TopupKind::BreastMilk, TopupKind::Formula})
        if (isKey(key, toKey(kind)))
            return kind;
    return std::nullopt;
}
