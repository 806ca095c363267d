// Kalenderprenumeration: data. A private, revocable iCalendar feed per user: the
// owner's calendar events, lessons, due dates and booked meetings, for one pupil or
// for every pupil the owner acts for. The feed's address holds a secret token; the
// state keeps only the token's digest (like sessions), so a stolen snapshot cannot
// open a feed, and a lost link is revoked by deleting the feed.
#pragma once
#include <map>
#include <string>

#include "../date_time.hpp"
#include "../id.hpp"

namespace skolnav {

struct CalendarFeed {
    Id id;
    Id owner_id;
    Id pupil_id;  // empty: every pupil the owner acts for
    std::string token_digest;
    UnixSeconds created_at = 0;
};

struct CalendarFeedState {
    std::map<Id, CalendarFeed> feeds;
    std::map<std::string, Id> by_digest;  // derived: token digest -> feed id
};

constexpr int kCalendarFeedsPerPerson = 20;
// The feed's window, in days around today at the pupil's school.
constexpr int kCalendarFeedDaysBack = 14;
constexpr int kCalendarFeedDaysAhead = 56;

}  // namespace skolnav
