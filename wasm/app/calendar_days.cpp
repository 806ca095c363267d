#include "app/calendar_days.hpp"

#include <cstdio>
#include <cstdlib>

namespace app::calendar {

Day parse_day(std::string_view iso) {
    Day r;
    if (iso.size() < 10) return Day{};
    const std::string s(iso);
    if (std::sscanf(s.c_str(), "%d-%d-%d", &r.y, &r.m, &r.d) != 3) return Day{};
    return r.ok() ? r : Day{};
}

std::string iso(const Day& v) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", v.y, v.m, v.d);
    return buf;
}

long days_from_civil(const Day& v) {
    int y = v.y - (v.m <= 2);
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (v.m + (v.m > 2 ? -3 : 9)) + 2) / 5 + v.d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return static_cast<long>(era) * 146097 + doe - 719468;
}

Day civil_from_days(long z) {
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    Day r;
    r.d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    r.m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    r.y = static_cast<int>(yoe + era * 400 + (r.m <= 2));
    return r;
}

Day plus_days(const Day& v, long n) { return civil_from_days(days_from_civil(v) + n); }

int weekday(const Day& v) { return static_cast<int>(((days_from_civil(v) % 7) + 7 + 3) % 7); }  // 1970-01-01: Thursday

int days_in_month(int y, int m) {
    Day next = m == 12 ? Day{y + 1, 1, 1} : Day{y, m + 1, 1};
    return static_cast<int>(days_from_civil(next) - days_from_civil(Day{y, m, 1}));
}

std::string iso_week_of(const Day& v) {
    if (!v.ok()) return {};
    Day thursday = plus_days(v, 3 - weekday(v));
    int week = static_cast<int>((days_from_civil(thursday) - days_from_civil(Day{thursday.y, 1, 1})) / 7 + 1);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-W%02d", thursday.y, week);
    return buf;
}

Day monday_of_week(std::string_view iso_week) {
    int y, w;
    if (std::sscanf(std::string(iso_week).c_str(), "%d-W%d", &y, &w) != 2) return Day{};
    const Day jan4{y, 1, 4};  // always in week 1
    return plus_days(jan4, -weekday(jan4) + (w - 1) * 7L);
}

int week_number(std::string_view iso_week) {
    const size_t w = iso_week.find('W');
    return w == std::string_view::npos ? 0 : std::atoi(std::string(iso_week.substr(w + 1)).c_str());
}

}  // namespace app::calendar
