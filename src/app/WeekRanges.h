#pragma once

#include <QComboBox>
#include <QCoreApplication>

// The period picker of the Trends and Insights tabs: the last 4, 12, 26, 52 weeks, or
// all (data 0), starting on 12 weeks.
inline void fillWeekRanges(QComboBox *combo)
{
    for (int weeks : {4, 12, 26, 52})
        combo->addItem(QCoreApplication::translate("WeekRanges", "Last %1 weeks").arg(weeks), weeks);
    combo->addItem(QCoreApplication::translate("WeekRanges", "All weeks"), 0);
    combo->setCurrentIndex(combo->findData(12));
}
