#include <catch2/catch.hpp>

#include "core/date_time.hpp"
#include "core/model.hpp"
#include "test_support.hpp"

using namespace skolnav;
using skolnav::test::at;

static const TimeZone stockholm = *TimeZone::named("Europe/Stockholm");

TEST_CASE("dates parse strictly and round-trip") {
    CHECK(Date::parse("2026-11-30")->iso() == "2026-11-30");
    CHECK(Date::parse("2028-02-29"));
    CHECK_FALSE(Date::parse("2026-02-29"));
    CHECK_FALSE(Date::parse("2026-13-01"));
    CHECK_FALSE(Date::parse("2026-1-01"));
    CHECK_FALSE(Date::parse("2026-11-30T00:00"));
    CHECK_FALSE(Date::parse("２026-11-30"));
    CHECK(Date::parse("2026-12-31")->plus_days(1).iso() == "2027-01-01");
    CHECK(Date::parse("2026-11-30")->weekday() == 1);  // a Monday
    CHECK(Date::parse("2026-11-29")->weekday() == 7);
    for (std::int64_t d = -800000; d < 800000; d += 997)
        CHECK(Date::from_days_since_epoch(d).days_since_epoch() == d);
}

TEST_CASE("the local date changes at Stockholm midnight, not UTC midnight") {
    // Winter: UTC+1.
    CHECK(stockholm.local_date(at("2026-11-30T22:59:59Z")).iso() == "2026-11-30");
    CHECK(stockholm.local_date(at("2026-11-30T23:00:00Z")).iso() == "2026-12-01");
    // Summer: UTC+2.
    CHECK(stockholm.local_date(at("2026-06-15T21:59:59Z")).iso() == "2026-06-15");
    CHECK(stockholm.local_date(at("2026-06-15T22:00:00Z")).iso() == "2026-06-16");
    // New Year in Stockholm is still the old year in UTC.
    CHECK(stockholm.local_date(at("2026-12-31T23:30:00Z")).iso() == "2027-01-01");
}

TEST_CASE("summer time starts and ends on the EU dates at 01:00 UTC") {
    // 2026: last Sunday of March is the 29th, of October the 25th.
    CHECK(stockholm.offset_minutes_at(at("2026-03-29T00:59:59Z")) == 60);
    CHECK(stockholm.offset_minutes_at(at("2026-03-29T01:00:00Z")) == 120);
    CHECK(stockholm.offset_minutes_at(at("2026-10-25T00:59:59Z")) == 120);
    CHECK(stockholm.offset_minutes_at(at("2026-10-25T01:00:00Z")) == 60);
    CHECK(stockholm.local_iso(at("2026-03-29T01:00:00Z")) == "2026-03-29T03:00:00+02:00");
    CHECK(stockholm.local_iso(at("2026-10-25T00:30:00Z")) == "2026-10-25T02:30:00+02:00");
    CHECK(stockholm.local_iso(at("2026-10-25T01:30:00Z")) == "2026-10-25T02:30:00+01:00");
    // The day after the spring change begins at 22:00 UTC, the day of it at 23:00 UTC.
    CHECK(stockholm.start_of_day(*Date::parse("2026-03-29")) == at("2026-03-28T23:00:00Z"));
    CHECK(stockholm.start_of_day(*Date::parse("2026-03-30")) == at("2026-03-29T22:00:00Z"));
    CHECK(stockholm.start_of_day(*Date::parse("2026-10-25")) == at("2026-10-24T22:00:00Z"));
    CHECK(stockholm.start_of_day(*Date::parse("2026-10-26")) == at("2026-10-25T23:00:00Z"));
    // Half an hour into 30 March (summer time) is still 29 March at UTC+1.
    CHECK(stockholm.local_date(at("2026-03-29T22:30:00Z")).iso() == "2026-03-30");
    CHECK(stockholm.local_date(at("2026-10-25T22:30:00Z")).iso() == "2026-10-25");
    CHECK(stockholm.local_date(at("2026-10-25T23:30:00Z")).iso() == "2026-10-26");
}

TEST_CASE("unknown time zones are refused, not guessed") {
    CHECK_FALSE(TimeZone::named("Mars/Olympus_Mons"));
    CHECK(TimeZone::named("UTC")->local_date(at("2026-11-30T23:30:00Z")).iso() == "2026-11-30");
}

TEST_CASE("a pupil turns 18 on the birthday") {
    const Date born = *Date::parse("2008-12-01");
    CHECK(age_on(born, *Date::parse("2026-11-30")) == 17);
    CHECK(age_on(born, *Date::parse("2026-12-01")) == 18);
    CHECK(age_on(born, *Date::parse("2027-11-30")) == 18);
    // Born on 29 February: 28 February in common years.
    const Date leap = *Date::parse("2008-02-29");
    CHECK(age_on(leap, *Date::parse("2026-02-27")) == 17);
    CHECK(age_on(leap, *Date::parse("2026-02-28")) == 18);
    CHECK(age_on(leap, *Date::parse("2028-02-28")) == 19);
    CHECK(age_on(leap, *Date::parse("2028-02-29")) == 20);
}

TEST_CASE("ISO weeks belong to the year of their Thursday") {
    CHECK(iso_week_name(iso_week_of(*Date::parse("2026-11-30"))) == "2026-W49");
    CHECK(iso_week_name(iso_week_of(*Date::parse("2027-01-03"))) == "2026-W53");  // 2026 has 53 weeks
    CHECK(iso_week_name(iso_week_of(*Date::parse("2024-12-30"))) == "2025-W01");
    CHECK(monday_of(IsoWeek{2026, 1}).iso() == "2025-12-29");
    CHECK(week_monday(*Date::parse("2026-12-06")).iso() == "2026-11-30");  // a Sunday
    CHECK(week_monday(*Date::parse("2026-11-30")).iso() == "2026-11-30");
    // Day by day over a few decades: the week of a day, its Monday and its name all agree,
    // and the week is counted from the Monday of the week 4 January is in.
    for (Date d = *Date::parse("1999-12-27"); d < *Date::parse("2032-01-10"); d = d.plus_days(1)) {
        const IsoWeek w = iso_week_of(d);
        const Date thursday = week_monday(d).plus_days(3);
        const Date week_one = week_monday(Date{thursday.year, 1, 4});
        CHECK(w.year == thursday.year);
        CHECK(w.week == (thursday.days_since_epoch() - week_one.days_since_epoch()) / 7 + 1);
        CHECK(monday_of(w) == week_monday(d));
        CHECK(iso_week_label(d) == iso_week_name(w));
        CHECK(monday_of_iso_week(iso_week_label(d)) == week_monday(d));
    }
}

TEST_CASE("ISO week names parse strictly") {
    CHECK(parse_iso_week("2026-W53")->week == 53);
    CHECK(monday_of_iso_week("2026-W49")->iso() == "2026-11-30");
    for (const char* bad : {"2025-W53", "2026-W54", "2026-W00", "2026-49", "2026-Wxx", "2026-W1", "1899-W01",
                            " 2026-W01", "2026-W01 ", "2026-w01"}) {
        CHECK_FALSE(parse_iso_week(bad));
        CHECK_FALSE(monday_of_iso_week(bad));
    }
}

TEST_CASE("the next given weekday at least some days ahead") {
    const Date monday = *Date::parse("2026-11-30");
    CHECK(next_weekday(monday, 5, 3).iso() == "2026-12-04");   // Friday the same week
    CHECK(next_weekday(monday, 5, 5).iso() == "2026-12-11");   // the 5th is a Saturday: a week later
    CHECK(next_weekday(monday, 1, 0).iso() == "2026-11-30");   // today counts
    CHECK(next_weekday(monday, 1, 10).iso() == "2026-12-14");
    CHECK(next_weekday(monday, 3, -17).iso() == "2026-11-18");  // and the past
}

TEST_CASE("short dates, in Swedish and in English, day before month") {
    CHECK(short_date(*Date::parse("2026-12-01"), Language::sv) == "tis 1 dec");
    CHECK(short_date(*Date::parse("2026-11-29"), Language::sv) == "sön 29 nov");
    CHECK(short_date(*Date::parse("2027-01-04"), Language::sv) == "mån 4 jan");
    CHECK(short_date(*Date::parse("2026-12-01"), Language::en) == "Tue 1 Dec");
    CHECK(short_date(*Date::parse("2026-11-29"), Language::en) == "Sun 29 Nov");
    CHECK(short_date(*Date::parse("2027-05-08"), Language::en) == "Sat 8 May");
}

TEST_CASE("the school's clock") {
    const School school{"s", "S", SchoolForm::Grundskola, "Europe/Stockholm", {}};
    CHECK(local_instant(school, *Date::parse("2026-11-30"), 0) == at("2026-11-29T23:00:00Z"));
    CHECK(local_instant(school, *Date::parse("2026-11-30"), 23 * 60 + 59) == at("2026-11-30T22:59:00Z"));
    // On the switch days the clock's offset changes during the night.
    CHECK(local_instant(school, *Date::parse("2026-03-29"), 0) == at("2026-03-28T23:00:00Z"));
    CHECK(local_instant(school, *Date::parse("2026-03-29"), 10 * 60) == at("2026-03-29T08:00:00Z"));
    CHECK(local_instant(school, *Date::parse("2026-10-25"), 0) == at("2026-10-24T22:00:00Z"));
    CHECK(local_instant(school, *Date::parse("2026-10-25"), 23 * 60 + 59) == at("2026-10-25T22:59:00Z"));
    CHECK(school_time(school, at("2026-12-01T07:00:00Z")) == "2026-12-01T08:00:00+01:00");
    CHECK(school_time(school, at("2026-06-15T07:00:00Z")) == "2026-06-15T09:00:00+02:00");
    const School helsinki{"h", "H", SchoolForm::Grundskola, "Europe/Helsinki", {}};
    CHECK(school_time(helsinki, at("2026-12-01T07:00:00Z")) == "2026-12-01T09:00:00+02:00");
    CHECK(local_instant(helsinki, *Date::parse("2026-12-01"), 9 * 60) == at("2026-12-01T07:00:00Z"));
    // A zone we do not know reads as Stockholm's.
    const School unknown{"u", "U", SchoolForm::Grundskola, "Mars/Olympus_Mons", {}};
    CHECK(school_time_zone(unknown).name == "Europe/Stockholm");
    CHECK(school_time(unknown, at("2026-12-01T07:00:00Z")) == "2026-12-01T08:00:00+01:00");
}
