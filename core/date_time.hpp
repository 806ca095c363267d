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

#include "language.hpp"

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

// --- Weeks -----------------------------------------------------------------------------

// An ISO 8601 week, "2026-W49": weeks begin on Monday and belong to the year their
// Thursday falls in, so 2027-01-01 is in 2026-W53.
struct IsoWeek {
    int year = 1970, week = 1;
};
IsoWeek iso_week_of(const Date& d);
Date monday_of(const IsoWeek& w);
std::optional<IsoWeek> parse_iso_week(const std::string& text);  // nullopt unless "YYYY-Www", a week of that year
std::string iso_week_name(const IsoWeek& w);                      // "2026-W49"
// The Monday of the week `day` is in.
Date week_monday(const Date& day);
// Shorthands for the week views: the Monday of "2026-W49" (nullopt if not a week), and
// the name of the week a day is in.
std::optional<Date> monday_of_iso_week(const std::string& text);
std::string iso_week_label(const Date& day);

// The first `weekday` (1 = Monday) at least `at_least_days` after `from`.
Date next_weekday(const Date& from, int weekday, int at_least_days);

// A short date for cards and notifications, day before month: "tis 1 dec", "Tue 1 Dec".
std::string short_date(const Date& day, Language language);

// --- The school's clock ----------------------------------------------------------------

struct School;

// The school's time zone; Stockholm if its name is not one we know.
TimeZone school_time_zone(const School& school);
// The instant the school's clock shows `minutes` after local midnight of `day`
// (wall-clock time, right across the summer-time switch).
UnixSeconds local_instant(const School& school, const Date& day, int minutes);
// Instants on the wire: local ISO time at the school ("2026-12-01T08:00:00+01:00").
std::string school_time(const School& school, UnixSeconds t);

}  // namespace skolnav
