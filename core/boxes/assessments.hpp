// Bedömningar and Betyg: data.
//
// A criterion (kunskapskrav, a row of the matrix) belongs to a group and a subject and
// has parts; staff assess each part per pupil red/yellow/green (or leave it empty: not
// yet covered). The symbols' meanings are the school's legend. Grades (A–F, "-") are
// per pupil, subject and term, shown to pupils and guardians only where the school
// publishes them.
#pragma once
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "../date_time.hpp"
#include "../id.hpp"

namespace skolnav {

enum class AssessmentLevel { Red, Yellow, Green };

struct AssessmentCriterion {
    Id id;
    Id group_id;
    std::string subject;             // "Matematik"
    std::string title;               // "Problemlösning"
    std::vector<std::string> parts;  // the parts assessed one by one
    Id created_by;
    UnixSeconds created_at = 0;
};

// One pupil's assessment of one criterion: a level per assessed part.
struct PupilAssessment {
    Id pupil_id;
    Id criterion_id;
    std::map<int, AssessmentLevel> levels;  // part index -> level; absent: not yet assessed
    std::string comment;
    Id assessed_by;
    UnixSeconds assessed_at = 0;  // the latest change
};

struct AssessmentLegend {
    std::string red, yellow, green, not_assessed;
};

struct Grade {
    Id pupil_id;
    std::string subject;
    std::string term;   // "HT2026", "VT2027"
    std::string grade;  // "A"…"F" or "-"
    Id set_by;
    UnixSeconds set_at = 0;
};

struct AssessmentState {
    std::map<Id, AssessmentCriterion> criteria;
    std::map<Id, std::map<Id, PupilAssessment>> by_pupil;  // pupil -> criterion -> assessment
    std::map<Id, AssessmentLegend> legends;                // school -> its own legend (absent: default)
    std::map<Id, std::map<std::string, Grade>> grades;     // pupil -> "term|subject" -> grade
    std::set<Id> grades_published;                         // schools that publish grades
    std::map<std::string, UnixSeconds> seen;               // "viewer|pupil" -> when the viewer last read
};

}  // namespace skolnav
