// Frånvaro's data: absence reported by guardians (or adult pupils), for a whole day or
// for some of the day's lessons, and absence registered by staff.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "../date_time.hpp"
#include "../id.hpp"

namespace skolnav {

// A lesson as it was when absence was reported or registered against it (kept as a
// copy, so later timetable changes do not rewrite history).
struct LessonRef {
    Id id;
    std::string subject;
    int start = 0, end = 0;  // minutes after local midnight
};

struct AbsenceReport {
    Id id;
    Id pupil_id;
    Date date;
    std::string comment;
    Id reported_by;
    UnixSeconds reported_at = 0;
    std::vector<LessonRef> lessons;  // empty: the whole day
};

// Absence a teacher registered (närvaroregistrering): a lesson, or the whole day.
struct RegisteredAbsence {
    Id id;
    Id pupil_id;
    Date date;
    std::optional<LessonRef> lesson;  // none: the whole day
    int minutes = 0;
    bool valid = false;  // giltig (true) or ogiltig (false) frånvaro
    std::string note;
    Id registered_by;
    UnixSeconds registered_at = 0;
};

struct AbsenceState {
    std::map<Id, AbsenceReport> reports;
    std::map<Id, RegisteredAbsence> registered;
};

}  // namespace skolnav

namespace skolnav {

struct State;
struct School;

constexpr std::size_t kAbsenceCommentMaxChars = 1000;

// The days a report may be made for: today and tomorrow, at the school.
bool is_reportable_day(const Date& day, const Date& today);
// A whole-day report can be withdrawn until its day begins.
bool is_withdrawable(const AbsenceReport& report, const Date& today);
// Any report: a whole day until the day begins, part of a day until the first chosen
// lesson starts.
bool is_withdrawable(const AbsenceReport& report, const School& school, UnixSeconds now);
// Any report (whole day or part of it) for the pupil on that day.
const AbsenceReport* whole_day_report(const State& state, const Id& pupil_id, const Date& day);

}  // namespace skolnav
