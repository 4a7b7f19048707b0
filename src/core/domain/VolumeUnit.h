#pragma once

// The unit she reads and types volumes in (Preferences); everything is stored in millilitres.
enum class VolumeUnit { Ml, Oz };
inline constexpr double kMlPerOz = 29.5735;
