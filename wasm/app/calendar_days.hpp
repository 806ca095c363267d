// Calendar-day arithmetic on the server's ISO days ("2026-11-30") and ISO weeks
// ("2026-W49"): stepping to the next day or week, the weekday, the days of a month.
// The server already evaluated "today" in the school's time zone, so this is plain
// civil-calendar counting with no time zones. One copy for every box that pages through
// days and weeks (Kalender, Schema, Tidsregistrering) and for the day names in
// swedish_dates; how a day is *said* stays in swedish_dates.
#pragma once
#include <string>
#include <string_view>

namespace app::calendar {

// A civil date: 2026, 11 (November), 30.
struct Day {
    int y = 0, m = 0, d = 0;
    bool ok() const { return y > 0 && m >= 1 && m <= 12 && d >= 1 && d <= 31; }
};

// "2026-11-30", or the day of a timestamp "2026-11-30T08:10:00+01:00"; !ok() when it is
// neither.
Day parse_day(std::string_view iso);
// "2026-11-30".
std::string iso(const Day& day);

// Days since 1970-01-01 and back (Howard Hinnant's days_from_civil / civil_from_days).
long days_from_civil(const Day& day);
Day civil_from_days(long days);

Day plus_days(const Day& day, long n);
int weekday(const Day& day);  // 0 = Monday … 6 = Sunday
int days_in_month(int y, int m);

// ISO weeks run Monday to Sunday; the week's Thursday decides its year.
std::string iso_week_of(const Day& day);           // "2026-W49"; empty when !day.ok()
Day monday_of_week(std::string_view iso_week);     // !ok() when it is not "YYYY-Www"
int week_number(std::string_view iso_week);        // 49 from "2026-W49"; 0 without a "W"

}  // namespace app::calendar
