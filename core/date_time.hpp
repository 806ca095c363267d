// Civil dates and the school's local time.
//
// Every date rule in Skolnav (today/tomorrow, the 18-year rule, week views) is
// evaluated in the school's time zone. Time zones are computed from their rules here
// rather than from the operating system's tz database, so the same answer comes out on
// the server and inside the browser (WebAssembly has no tz database).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace skolnav {

using UnixSeconds = std::int64_t;  // seconds since 1970-01-01T00:00:00Z

struct Date {
    int year = 1970, month = 1, day = 1;

    static std::optional<Date> parse(std::string_view iso);  // "YYYY-MM-DD", strictly
    std::string iso() const;                                  // "YYYY-MM-DD"
    std::int64_t days_since_epoch() const;
    static Date from_days_since_epoch(std::int64_t days);
    Date plus_days(int n) const { return from_days_since_epoch(days_since_epoch() + n); }
    int weekday() const;  // 1 = Monday … 7 = Sunday (ISO 8601)

    friend bool operator==(const Date& a, const Date& b) { return a.year == b.year && a.month == b.month && a.day == b.day; }
    friend bool operator!=(const Date& a, const Date& b) { return !(a == b); }
    friend bool operator<(const Date& a, const Date& b) { return a.days_since_epoch() < b.days_since_epoch(); }
    friend bool operator<=(const Date& a, const Date& b) { return !(b < a); }
    friend bool operator>(const Date& a, const Date& b) { return b < a; }
};

bool is_leap_year(int year);
int days_in_month(int year, int month);

// Whole years of age on `on`. Someone born on 29 February has their birthday on
// 28 February in common years (lag (1930:173) om beräkning av lagstadgad tid).
int age_on(const Date& birth, const Date& on);

// A time zone by its IANA name. Supported: the zones that follow the EU summer-time
// rule (last Sunday of March to last Sunday of October, changing at 01:00 UTC) and UTC.
struct TimeZone {
    std::string name;
    int standard_offset_minutes = 0;  // east of UTC, outside summer time
    bool eu_summer_time = false;

    static std::optional<TimeZone> named(std::string_view iana_name);
    int offset_minutes_at(UnixSeconds t) const;       // UTC offset in force at t
    Date local_date(UnixSeconds t) const;             // the calendar date at t, here
    UnixSeconds start_of_day(const Date& d) const;    // the instant local midnight begins d
    std::string local_iso(UnixSeconds t) const;       // "YYYY-MM-DDTHH:MM:SS+01:00"
};

std::string utc_iso(UnixSeconds t);  // "YYYY-MM-DDTHH:MM:SSZ"

}  // namespace skolnav
