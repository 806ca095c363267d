// Tidsregistrering (förskola) and Fritidsschema (grundskola): data. Per child and day
// the times a guardian says the child will arrive and be picked up, with comments from
// the guardian and from staff; days staff locked; each school's opening hours.
#pragma once
#include <map>
#include <set>
#include <string>
#include <vector>

#include "../date_time.hpp"
#include "../id.hpp"

namespace skolnav {

struct CareTime {
    Id pupil_id;
    Date date;
    int arrival = -1, pickup = -1;  // minutes after local midnight; -1: no times (only a staff comment)
    std::string guardian_comment;
    Id set_by;
    UnixSeconds set_at = 0;
    std::string staff_comment;
    Id staff_comment_by;
    UnixSeconds staff_comment_at = 0;

    bool has_times() const { return arrival >= 0 && pickup >= 0; }
};

struct OpeningHours {
    int open = 6 * 60 + 30, close = 18 * 60;  // 06:30–18:00 unless the school set its own
};

struct CareTimeState {
    std::map<Id, std::map<std::string, CareTime>> by_pupil;  // pupil -> "YYYY-MM-DD" -> day
    std::map<Id, std::set<std::string>> locked_days;         // group -> days staff locked
    std::map<Id, OpeningHours> opening_hours;                // school -> its hours
};

}  // namespace skolnav

namespace skolnav {

struct State;
struct Person;

constexpr std::size_t kCareCommentMaxChars = 500;
constexpr int kCareDaysAhead = 8 * 7;  // guardians register at most eight weeks ahead

OpeningHours opening_hours_of(const State& state, const Id& school_id);
// Locked days cannot be changed by guardians: today and earlier, and days staff locked.
bool is_care_day_locked(const State& state, const Person& pupil, const Date& day, const Date& today);
const CareTime* care_time_of(const State& state, const Id& pupil_id, const Date& day);

}  // namespace skolnav
