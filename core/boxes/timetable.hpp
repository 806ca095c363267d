// Schema: data. Lessons repeat weekly for a group between two dates; the pupil's
// timetable for a day or an ISO week is the group's lessons placed on those dates.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "../date_time.hpp"
#include "../id.hpp"

namespace skolnav {

struct Lesson {
    Id id;
    Id group_id;
    std::string subject;  // "Matematik", "Fysik 1"
    int weekday = 1;      // 1 = Monday … 7 = Sunday
    int start = 0, end = 0;  // minutes after local midnight
    std::string room;     // "A204"
    Id teacher_id;        // staff id, may be empty
    std::optional<Date> valid_from, valid_to;  // inclusive; absent: no limit
};

struct TimetableState {
    std::map<Id, Lesson> lessons;
    // Derived (apply and load keep them): lesson ids per group, lesson count per school.
    std::map<Id, std::vector<Id>> by_group;
    std::map<Id, int> per_school;
};

}  // namespace skolnav

namespace skolnav {

struct State;

constexpr std::size_t kSubjectMaxChars = 60;
constexpr std::size_t kRoomMaxChars = 30;

// The lessons `group_id` has on `day`, earliest first.
std::vector<const Lesson*> lessons_on(const State& state, const Id& group_id, const Date& day);
// Does the school keep its timetable in Skolnav (it has lessons)?
bool keeps_timetable(const State& state, const Id& school_id);
const Lesson* find_lesson(const State& state, const Id& lesson_id);

}  // namespace skolnav
