#include "DayRaster.h"

#include "domain/TimeFormat.h"
#include "stats/WeeklyStats.h"

#include <QCoreApplication>
#include <QFont>
#include <QFontMetricsF>
#include <QLocale>
#include <QPainter>

#include <algorithm>

namespace {
// lupdate reads Text::tr("...") with this context.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(DayRaster)
};

constexpr qint64 kDayMs = 24 * 3600 * 1000;
const QString kDayFormat = QStringLiteral("ddd d.M.");

// Local milliseconds since the epoch: the clock she saw at that moment.
qint64 localMs(qint64 utcMs, int offsetS)
{
    return utcMs + qint64(offsetS) * 1000;
}

qint64 localMidnightMs(QDate day)
{
    return QDateTime(day, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
}
} // namespace

void DayRaster::paint(QPainter &painter, const QRectF &area, const Input &input)
{
    const QFontMetricsF metrics(painter.font());
    const qreal lineH = metrics.height();
    const QDate firstDay = input.lastDay.addDays(1 - input.days);
    const QLocale locale;
    qreal labelW = 0;
    for (int row = 0; row < input.days; ++row)
        labelW = std::max(labelW, metrics.horizontalAdvance(locale.toString(firstDay.addDays(row), kDayFormat)));
    labelW += metrics.horizontalAdvance(QStringLiteral("  "));
    const qreal left = area.left() + labelW;
    const qreal right = area.right() - metrics.horizontalAdvance(QStringLiteral("24:00")) / 2 - 2;
    const qreal top = area.top() + lineH * 1.4; // hour labels above the rows
    const qreal rowH = (area.bottom() - top - lineH * 1.6) / input.days; // a key below
    const auto x = [&](qint64 msIntoDay) { return left + (right - left) * double(msIntoDay) / double(kDayMs); };
    const QColor ink(0x20, 0x20, 0x20);

    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    // Hours across, every three; faint lines down.
    for (int hour = 0; hour <= 24; hour += 3) {
        const qreal hx = x(qint64(hour) * 3600 * 1000);
        painter.setPen(QPen(QColor(0xc8, 0xc8, 0xc8), 0.8));
        painter.drawLine(QPointF(hx, top), QPointF(hx, top + rowH * input.days));
        painter.setPen(ink);
        painter.drawText(QRectF(hx - 30, area.top(), 60, lineH), Qt::AlignHCenter | Qt::AlignBottom,
            QStringLiteral("%1:00").arg(hour));
    }
    // Night shaded lightly, so night feeds stand out.
    painter.fillRect(QRectF(x(qint64(input.options.nightFromHour) * 3600 * 1000), top,
                         x(qint64(input.options.nightToHour) * 3600 * 1000)
                             - x(qint64(input.options.nightFromHour) * 3600 * 1000),
                         rowH * input.days),
        QColor(0, 0, 0, 18));
    for (int row = 0; row < input.days; ++row) {
        const QDate day = firstDay.addDays(row);
        const qreal y = top + rowH * row;
        painter.setPen(ink);
        painter.drawText(QRectF(area.left(), y, labelW - 6, rowH), Qt::AlignRight | Qt::AlignVCenter,
            locale.toString(day, kDayFormat));
        painter.setPen(QPen(QColor(0xc8, 0xc8, 0xc8), 0.6));
        painter.drawLine(QPointF(left, y + rowH), QPointF(right, y + rowH));
    }

    // Sessions in start order, each drawn on the rows it spans (local time as she saw it).
    QList<const Session *> finished;
    for (const Session &s : input.sessions)
        if (s.isFinished())
            finished << &s;
    std::sort(finished.begin(), finished.end(),
        [](const Session *a, const Session *b) { return a->startedAtUtcMs < b->startedAtUtcMs; });
    const qreal barH = rowH * 0.42;
    const auto rowOf = [&](qint64 local) { return int(firstDay.daysTo(QDateTime::fromMSecsSinceEpoch(local, Qt::UTC).date())); };
    const auto pointAt = [&](qint64 local, qreal dy) {
        const int row = rowOf(local);
        const QDate day = firstDay.addDays(row);
        return QPointF(x(local - localMidnightMs(day)), top + rowH * row + dy);
    };
    const Session *previous = nullptr;
    for (const Session *s : std::as_const(finished)) {
        const qint64 start = localMs(s->startedAtUtcMs, s->startedUtcOffsetS);
        const qint64 end = localMs(s->endedAtUtcMs.value_or(s->startedAtUtcMs), s->endedUtcOffsetS);
        // A gap over the aim, marked on the row of the later session.
        if (previous && rowOf(start) >= 0 && rowOf(start) < input.days) {
            const qint64 fromUtc = input.options.gap == GapConvention::StartToStart
                ? previous->startedAtUtcMs
                : previous->endedAtUtcMs.value_or(previous->startedAtUtcMs);
            if (s->startedAtUtcMs - fromUtc > FeedingTargets::kLongestGapS * 1000) {
                const qint64 fromLocal = localMs(fromUtc, previous->startedUtcOffsetS);
                const qint64 rowStart = localMidnightMs(firstDay.addDays(rowOf(start)));
                const QPointF to = pointAt(start, rowH * 0.18);
                const QPointF from(fromLocal < rowStart ? left : pointAt(fromLocal, 0).x(), to.y());
                painter.setPen(QPen(ink, 1.0, Qt::DashLine));
                painter.drawLine(from, to);
                painter.drawLine(QPointF(from.x(), to.y() - 3), QPointF(from.x(), to.y() + 3));
                painter.drawLine(QPointF(to.x(), to.y() - 3), QPointF(to.x(), to.y() + 3));
                QFont small = painter.font();
                small.setPixelSize(std::max(8, int(painter.font().pixelSize() * 0.85)));
                painter.save();
                painter.setFont(small);
                painter.drawText(QRectF((from.x() + to.x()) / 2 - 40, to.y() - lineH * 0.95, 80, lineH),
                    Qt::AlignHCenter | Qt::AlignBottom, Text::tr("> 5 h"));
                painter.restore();
            }
        }
        previous = s;
        // The bar, split at each midnight it crosses.
        for (qint64 from = start; from < std::max(end, start + 60 * 1000);) {
            const int row = rowOf(from);
            const qint64 rowEnd = localMidnightMs(firstDay.addDays(row + 1));
            const qint64 to = std::min(std::max(end, start + 60 * 1000), rowEnd);
            if (row >= 0 && row < input.days) {
                const QPointF a = pointAt(from, rowH * 0.5);
                const qreal width = std::max(2.0, (right - left) * double(to - from) / double(kDayMs));
                const QRectF bar(a.x(), a.y() - barH / 2 + rowH * 0.08, width, barH);
                painter.setPen(QPen(ink, 0.8));
                painter.setBrush(s->kind == SessionKind::Nursing ? QBrush(ink) : QBrush(ink, Qt::BDiagPattern));
                painter.drawRect(bar);
            }
            from = to;
        }
        // A tick above the bar for each let-down.
        painter.setPen(QPen(ink, 1.2));
        for (const Letdown &letdown : s->letdowns) {
            // Its own moment when known (a full read); else the start plus its active offset.
            const qint64 atUtc = letdown.atUtcMs != 0 ? letdown.atUtcMs : s->startedAtUtcMs + letdown.offsetMs;
            const qint64 at = localMs(atUtc, s->startedUtcOffsetS);
            const int row = rowOf(at);
            if (row < 0 || row >= input.days)
                continue;
            const QPointF p = pointAt(at, rowH * 0.5 - barH / 2 + rowH * 0.08);
            painter.drawLine(QPointF(p.x(), p.y() - rowH * 0.2), QPointF(p.x(), p.y() - 1));
        }
    }
    // The key.
    const qreal keyY = top + rowH * input.days + lineH * 0.4;
    qreal keyX = left;
    const auto keyItem = [&](const QBrush &brush, const QString &text, bool tick = false) {
        painter.setPen(QPen(ink, tick ? 1.2 : 0.8));
        if (tick) {
            painter.drawLine(QPointF(keyX + 7, keyY + 1), QPointF(keyX + 7, keyY + lineH * 0.8));
        } else {
            painter.setBrush(brush);
            painter.drawRect(QRectF(keyX, keyY + lineH * 0.2, 16, lineH * 0.6));
        }
        painter.drawText(QPointF(keyX + 20, keyY + metrics.ascent()), text);
        keyX += 20 + metrics.horizontalAdvance(text) + 18;
    };
    keyItem(QBrush(ink), Text::tr("nursing"));
    keyItem(QBrush(ink, Qt::BDiagPattern), Text::tr("pumping"));
    keyItem(Qt::NoBrush, Text::tr("let-down"), true);
    painter.setPen(QPen(ink, 1.0, Qt::DashLine));
    painter.drawLine(QPointF(keyX, keyY + lineH * 0.5), QPointF(keyX + 16, keyY + lineH * 0.5));
    painter.setPen(ink);
    const QString gapKey = Text::tr("gap over 5 h");
    painter.drawText(QPointF(keyX + 20, keyY + metrics.ascent()), gapKey);
    keyX += 20 + metrics.horizontalAdvance(gapKey) + 18;
    painter.fillRect(QRectF(keyX, keyY + lineH * 0.2, 16, lineH * 0.6), QColor(0, 0, 0, 18));
    painter.drawText(QPointF(keyX + 20, keyY + metrics.ascent()),
        Text::tr("night (%1:00 to %2:00)").arg(input.options.nightFromHour).arg(input.options.nightToHour));
    painter.restore();
}

QImage DayRaster::render(const Input &input, int widthPx, int fontPx)
{
    const int heightPx = int(fontPx * 1.3 * 3.2 + input.days * fontPx * 1.2);
    QImage image(widthPx, heightPx, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(fontPx);
    painter.setFont(font);
    paint(painter, QRectF(0, 0, widthPx, heightPx), input);
    return image;
}
