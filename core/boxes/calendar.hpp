// Kalender: data. Events of the school or some of its groups: planning days,
// activities, holidays (lovdagar), homework (läxor), study days, term dates and
// national tests; a day or a range of days, optionally with times.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "../date_time.hpp"
#include "../id.hpp"

namespace skolnav {

struct CalendarEvent {
    Id id;
    Id school_id;
    std::vector<Id> group_ids;  // empty: the whole school
    std::string type;           // "planning_day", "activity", "holiday", "homework", …
    std::string title;
    std::string description;
    Date date;                      // first day
    Date end_date;                  // last day (== date for one day)
    std::optional<int> start_time;  // minutes after midnight; none: all day
    std::optional<int> end_time;
    Id author_id;
    UnixSeconds created_at = 0;
    UnixSeconds changed_at = 0;  // 0: never changed
};

struct CalendarState {
    std::map<Id, CalendarEvent> events;
};

constexpr std::size_t kCalendarTitleMaxChars = 200;
constexpr std::size_t kCalendarDescriptionMaxChars = 5000;
constexpr int kCalendarMaxQueryDays = 400;  // a calendar query spans at most this many days
constexpr int kCalendarMaxEventDays = 366;  // an event lasts at most this many days

// The event types on the wire, and their names in a language ("" for an unknown type).
const std::vector<std::string>& calendar_event_types();
std::string calendar_type_label(const std::string& type, Language language);

}  // namespace skolnav
