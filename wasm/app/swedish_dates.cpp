#include "app/swedish_dates.hpp"

#include <cstdio>

namespace app::dates {
namespace {

struct Ymd {
    int y = 0, m = 0, d = 0;
    bool ok = false;
};

Ymd parse(std::string_view s) {
    Ymd r;
    if (s.size() < 10) return r;
    r.ok = std::sscanf(std::string(s.substr(0, 10)).c_str(), "%d-%d-%d", &r.y, &r.m, &r.d) == 3 &&
           r.m >= 1 && r.m <= 12 && r.d >= 1 && r.d <= 31;
    return r;
}

// 0 = Monday … 6 = Sunday (days-from-civil, Howard Hinnant's algorithm).
int weekday(const Ymd& v) {
    int y = v.y - (v.m <= 2);
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (v.m + (v.m > 2 ? -3 : 9)) + 2) / 5 + v.d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    long days = static_cast<long>(era) * 146097 + doe - 719468;  // 1970-01-01 was a Thursday
    return static_cast<int>(((days % 7) + 7 + 3) % 7);
}

const char* const kShortDays[] = {"mån", "tis", "ons", "tors", "fre", "lör", "sön"};
const char* const kLongDays[] = {"måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"};
const char* const kShortMonths[] = {"jan", "feb", "mars", "apr", "maj", "juni",
                                    "juli", "aug", "sep", "okt", "nov", "dec"};
const char* const kLongMonths[] = {"januari", "februari", "mars", "april", "maj", "juni",
                                   "juli", "augusti", "september", "oktober", "november", "december"};

}  // namespace

std::string short_day(std::string_view iso) {
    Ymd v = parse(iso);
    if (!v.ok) return std::string(iso);
    return std::string(kShortDays[weekday(v)]) + " " + std::to_string(v.d) + " " + kShortMonths[v.m - 1];
}

std::string long_day(std::string_view iso) {
    Ymd v = parse(iso);
    if (!v.ok) return std::string(iso);
    return std::string(kLongDays[weekday(v)]) + " " + std::to_string(v.d) + " " + kLongMonths[v.m - 1];
}

std::string date_time(std::string_view iso) {
    std::string day = short_day(iso);
    if (iso.size() >= 16 && iso[10] == 'T') day += " kl. " + std::string(iso.substr(11, 5));
    return day;
}

}  // namespace app::dates
