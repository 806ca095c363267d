// Frånvaro: whole-day absence reports by a guardian (or an adult pupil in
// gymnasieskola) for today or tomorrow in the school's time zone, withdrawable until
// the reported day begins.
#pragma once
#include <optional>
#include <string>

#include "model.hpp"

namespace skolnav {

constexpr std::size_t kAbsenceCommentMaxChars = 1000;

// The days a report may be made for: today and tomorrow, at the school.
bool is_reportable_day(const Date& day, const Date& today);
// A report can be withdrawn until its day begins.
bool is_withdrawable(const AbsenceReport& report, const Date& today);
const AbsenceReport* whole_day_report(const State& state, const Id& pupil_id, const Date& day);

}  // namespace skolnav
