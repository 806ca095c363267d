// Dates as Swedish readers expect them: "mån 30 nov", "tisdag 1 december", "kl. 21:04".
// Input is the API's ISO text ("2026-11-30", "2026-11-30T21:04:00+01:00"): the server
// already evaluated it in the school's time zone, so no time-zone maths happens here.
#pragma once
#include <string>
#include <string_view>

namespace app::dates {

std::string short_day(std::string_view iso_date);  // "mån 30 nov"
std::string long_day(std::string_view iso_date);   // "måndag 30 november"
std::string date_time(std::string_view iso_timestamp);  // "mån 30 nov kl. 21:04"

}  // namespace app::dates
