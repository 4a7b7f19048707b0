#pragma once

#include "domain/Session.h"
#include "stats/DayFigures.h"

#include <QDate>
#include <QImage>
#include <QList>

class QPainter;

// The consultant's picture of a fortnight (docs/consultant.md): one row per local day, the
// hours across, one bar per session (solid for nursing, hatched for pumping, so it reads in
// black and white), a tick above the bar for each let-down, and a bracket with "> 5 h" over
// every gap longer than five hours (start to start, or as she chose). A session across
// midnight goes on to the next row.
namespace DayRaster {
struct Input {
    QList<Session> sessions; // finished, any order; may reach before the first day
    QDate lastDay;
    int days = 14;
    DayOptions options;
};
void paint(QPainter &painter, const QRectF &area, const Input &input);
// At `widthPx`, its height set by the rows; text about `fontPx` high.
QImage render(const Input &input, int widthPx, int fontPx);
} // namespace DayRaster
