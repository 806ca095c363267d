#include <catch2/catch.hpp>

#include "core/date_time.hpp"
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
