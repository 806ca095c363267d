#include "date_time.hpp"

#include <cstdio>

#include "model.hpp"

namespace skolnav {

namespace {
bool all_digits(std::string_view s) {
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return !s.empty();
}
int to_int(std::string_view s) {
    int v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
}
// The EU summer-time switch: last Sunday of `month` at 01:00 UTC.
UnixSeconds eu_switch(int year, int month) {
    Date last{year, month, days_in_month(year, month)};
    Date sunday = last.plus_days(-(last.weekday() % 7));
    return sunday.days_since_epoch() * 86400 + 3600;
}
}  // namespace

bool is_leap_year(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap_year(y) ? 29 : days[m - 1];
}

std::optional<Date> Date::parse(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    auto ys = s.substr(0, 4), ms = s.substr(5, 2), ds = s.substr(8, 2);
    if (!all_digits(ys) || !all_digits(ms) || !all_digits(ds)) return std::nullopt;
    Date d{to_int(ys), to_int(ms), to_int(ds)};
    if (d.year < 1900 || d.month < 1 || d.month > 12 || d.day < 1 || d.day > days_in_month(d.year, d.month))
        return std::nullopt;
    return d;
}

std::string Date::iso() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
}

// Days from civil and back: the proleptic Gregorian algorithms published by Howard
// Hinnant ("chrono-compatible low-level date algorithms"), rewritten here.
std::int64_t Date::days_since_epoch() const {
    const int y = year - (month <= 2);
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned mp = static_cast<unsigned>(month > 2 ? month - 3 : month + 9);
    const unsigned doy = (153 * mp + 2) / 5 + static_cast<unsigned>(day) - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

Date Date::from_days_since_epoch(std::int64_t z) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    const int y = static_cast<int>(yoe + era * 400) + (m <= 2);
    return Date{y, m, d};
}

int Date::weekday() const {
    const std::int64_t z = days_since_epoch();  // 1970-01-01 was a Thursday (4)
    const int w = static_cast<int>(((z % 7) + 7 + 3) % 7);  // 0 = Monday
    return w + 1;
}

int age_on(const Date& birth, const Date& on) {
    int birthday_day = birth.day;
    if (birth.month == 2 && birth.day == 29 && !is_leap_year(on.year)) birthday_day = 28;
    int age = on.year - birth.year;
    if (on.month < birth.month || (on.month == birth.month && on.day < birthday_day)) --age;
    return age;
}

std::optional<TimeZone> TimeZone::named(std::string_view n) {
    if (n == "UTC" || n == "Etc/UTC") return TimeZone{std::string(n), 0, false};
    // Central European Time zones (UTC+1, EU summer time).
    static const char* cet[] = {"Europe/Stockholm", "Europe/Oslo", "Europe/Copenhagen", "Europe/Berlin",
                                "Europe/Paris",     "Europe/Amsterdam", "Europe/Vienna", "Europe/Warsaw"};
    for (const char* z : cet)
        if (n == z) return TimeZone{std::string(n), 60, true};
    if (n == "Europe/Helsinki") return TimeZone{std::string(n), 120, true};
    if (n == "Europe/London") return TimeZone{std::string(n), 0, true};
    return std::nullopt;
}

int TimeZone::offset_minutes_at(UnixSeconds t) const {
    if (!eu_summer_time) return standard_offset_minutes;
    const int year = Date::from_days_since_epoch((t >= 0 ? t : t - 86399) / 86400).year;
    const bool summer = t >= eu_switch(year, 3) && t < eu_switch(year, 10);
    return standard_offset_minutes + (summer ? 60 : 0);
}

Date TimeZone::local_date(UnixSeconds t) const {
    const UnixSeconds local = t + offset_minutes_at(t) * 60;
    return Date::from_days_since_epoch((local >= 0 ? local : local - 86399) / 86400);
}

UnixSeconds TimeZone::start_of_day(const Date& d) const {
    // Midnight local never falls in an EU switch hour (01:00 UTC), so the offset in
    // force just before the guess is the offset at midnight.
    const UnixSeconds guess = d.days_since_epoch() * 86400 - standard_offset_minutes * 60;
    return d.days_since_epoch() * 86400 - offset_minutes_at(guess - 3600) * 60;
}

std::string TimeZone::local_iso(UnixSeconds t) const {
    const int off = offset_minutes_at(t);
    const UnixSeconds local = t + off * 60;
    const std::int64_t days = (local >= 0 ? local : local - 86399) / 86400;
    const std::int64_t secs = local - days * 86400;
    const Date d = Date::from_days_since_epoch(days);
    char buf[40];
    const int a = off < 0 ? -off : off;
    std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02d%c%02d:%02d", d.iso().c_str(), static_cast<int>(secs / 3600),
                  static_cast<int>(secs / 60 % 60), static_cast<int>(secs % 60), off < 0 ? '-' : '+', a / 60, a % 60);
    return buf;
}

std::string utc_iso(UnixSeconds t) {
    const std::int64_t days = (t >= 0 ? t : t - 86399) / 86400;
    const std::int64_t secs = t - days * 86400;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02dZ", Date::from_days_since_epoch(days).iso().c_str(),
                  static_cast<int>(secs / 3600), static_cast<int>(secs / 60 % 60), static_cast<int>(secs % 60));
    return buf;
}

// --- Weeks -----------------------------------------------------------------------------

IsoWeek iso_week_of(const Date& d) {
    const Date thursday = d.plus_days(4 - d.weekday());
    const auto day_of_year = thursday.days_since_epoch() - Date{thursday.year, 1, 1}.days_since_epoch();
    return {thursday.year, static_cast<int>(day_of_year / 7 + 1)};
}

Date monday_of(const IsoWeek& w) {
    const Date jan4{w.year, 1, 4};  // always in week 1
    return jan4.plus_days(1 - jan4.weekday() + 7 * (w.week - 1));
}

std::optional<IsoWeek> parse_iso_week(const std::string& t) {
    if (t.size() != 8 || t[4] != '-' || t[5] != 'W') return std::nullopt;
    for (int i : {0, 1, 2, 3, 6, 7})
        if (t[i] < '0' || t[i] > '9') return std::nullopt;
    IsoWeek w{to_int(t.substr(0, 4)), to_int(t.substr(6, 2))};
    // 28 December is always in the year's last week: week 53 only in long years.
    if (w.year < 1900 || w.week < 1 || w.week > iso_week_of(Date{w.year, 12, 28}).week) return std::nullopt;
    return w;
}

std::string iso_week_name(const IsoWeek& w) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-W%02d", w.year, w.week);
    return buf;
}

Date week_monday(const Date& day) { return day.plus_days(1 - day.weekday()); }

std::optional<Date> monday_of_iso_week(const std::string& text) {
    auto w = parse_iso_week(text);
    if (!w) return std::nullopt;
    return monday_of(*w);
}

std::string iso_week_label(const Date& day) { return iso_week_name(iso_week_of(day)); }

Date next_weekday(const Date& from, int weekday, int at_least_days) {
    Date d = from.plus_days(at_least_days);
    while (d.weekday() != weekday) d = d.plus_days(1);
    return d;
}

std::string short_date(const Date& day, Language language) {
    static const char* const days_sv[] = {"mån", "tis", "ons", "tor", "fre", "lör", "sön"};
    static const char* const months_sv[] = {"jan", "feb", "mar", "apr", "maj", "jun",
                                            "jul", "aug", "sep", "okt", "nov", "dec"};
    static const char* const days_en[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static const char* const months_en[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const bool en = language == Language::en;
    return std::string((en ? days_en : days_sv)[day.weekday() - 1]) + " " + std::to_string(day.day) + " " +
           (en ? months_en : months_sv)[day.month - 1];
}

// --- The school's clock ----------------------------------------------------------------

TimeZone school_time_zone(const School& school) {
    auto tz = TimeZone::named(school.time_zone);
    return tz ? *tz : *TimeZone::named("Europe/Stockholm");
}

UnixSeconds local_instant(const School& school, const Date& day, int minutes) {
    const TimeZone tz = school_time_zone(school);
    const UnixSeconds wall = day.days_since_epoch() * 86400 + static_cast<UnixSeconds>(minutes) * 60;
    // First guess with midnight's offset; the offset in force at the guess is the one
    // the clock shows at `minutes` (it differs from midnight's on switch days).
    const UnixSeconds guess = wall - tz.offset_minutes_at(tz.start_of_day(day)) * 60;
    return wall - tz.offset_minutes_at(guess) * 60;
}

std::string school_time(const School& school, UnixSeconds t) { return school_time_zone(school).local_iso(t); }

}  // namespace skolnav
