// Frånvaro's data: absence reported by guardians (or adult pupils).
#pragma once
#include <map>
#include <string>

#include "../date_time.hpp"
#include "../id.hpp"

namespace skolnav {

struct AbsenceReport {
    Id id;
    Id pupil_id;
    Date date;
    std::string comment;
    Id reported_by;
    UnixSeconds reported_at = 0;
};

struct AbsenceState {
    std::map<Id, AbsenceReport> reports;
};

}  // namespace skolnav

namespace skolnav {

struct State;

constexpr std::size_t kAbsenceCommentMaxChars = 1000;

// The days a report may be made for: today and tomorrow, at the school.
bool is_reportable_day(const Date& day, const Date& today);
// A report can be withdrawn until its day begins.
bool is_withdrawable(const AbsenceReport& report, const Date& today);
const AbsenceReport* whole_day_report(const State& state, const Id& pupil_id, const Date& day);

}  // namespace skolnav
