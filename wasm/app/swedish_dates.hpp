// Dates as readers expect them, in the UI's language. Swedish: "mån 30 nov",
// "tisdag 1 december", "kl. 21:04"; English keeps the day-month order and the 24-hour
// clock: "Mon 30 Nov", "Tuesday 1 December", "21:04".
// Input is the API's ISO text ("2026-11-30", "2026-11-30T21:04:00+01:00"): the server
// already evaluated it in the school's time zone, so no time-zone maths happens here.
#pragma once
#include <string>
#include <string_view>

namespace app::dates {

std::string short_day(std::string_view iso_date);  // "mån 30 nov" / "Mon 30 Nov"
std::string long_day(std::string_view iso_date);   // "måndag 30 november" / "Monday 30 November"
std::string date_time(std::string_view iso_timestamp);       // "mån 30 nov kl. 21:04" / "Mon 30 Nov 21:04"
std::string long_date_time(std::string_view iso_timestamp);  // "måndag 30 november kl. 21:04" /
                                                             // "Monday 30 November at 21:04"

// The lines under an article's title: "Publicerad måndag 30 november kl. 21:04 av Anna
// Lind" (no " av …" without an author) and "Ändrad mån 30 nov kl. 21:04".
std::string published(std::string_view iso_timestamp, std::string_view author);
std::string changed(std::string_view iso_timestamp);

// How long ago, as said in a list of notifications: "nyss", "för 5 min sedan",
// "i dag kl. 09:12", "i går kl. 14:00", else date_time(). `now_unix` is the current time
// (seconds since 1970, UTC); a time ahead of it (clocks differ) is said as date_time().
std::string relative(std::string_view iso_timestamp, long long now_unix);

// A clock time as said on its own: "kl. 21:04" / "21:04" (also a range "08:00–08:15").
std::string clock(std::string_view hh_mm);
// 1 = January: "november" / "November".
std::string month_name(int month);
// 0 = Monday: "mån" / "Mon".
std::string short_weekday(int weekday);

// A day or month name to begin a heading or a line: "Måndag 30 november" from long_day(),
// "November". Only the first letter changes; Swedish day and month names begin in ASCII.
std::string capitalized(std::string s);

}  // namespace app::dates
