#pragma once

// Her choices for the consultant's day figures (stats/DayFigures.h), kept with her preferences.
// How the gap between two sessions is counted: from one start to the next (the consultants'
// convention, the default) or from the end of one to the start of the next.
enum class GapConvention { StartToStart, EndToStart };

struct DayOptions {
    GapConvention gap = GapConvention::StartToStart;
    int nightFromHour = 0; // a session is a night session when it starts in [from, to)
    int nightToHour = 6; // 24: until midnight
    bool operator==(const DayOptions &) const = default;
};
