// When a relative time ("för 5 min sedan", dates::relative) next changes, so a view can
// redraw then, once, instead of ticking. Implemented beside relative() (swedish_dates.cpp).
#pragma once
#include <string_view>

namespace app::dates {

// Seconds until relative(iso_timestamp, …) says something else ("för 5 min sedan" →
// "för 6 min sedan", "i dag" → "i går" at midnight); -1 when it never will.
long long relative_changes_in(std::string_view iso_timestamp, long long now_unix);

}  // namespace app::dates
