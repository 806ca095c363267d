// Planeringar: data. Teaching plans per group (subject, period, text); drafts are
// seen by staff only until published.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "../date_time.hpp"
#include "../id.hpp"

namespace skolnav {

struct Plan {
    Id id;
    Id school_id;
    std::vector<Id> group_ids;  // empty: the whole school
    std::string subject;        // "Matematik"
    std::string title;
    std::string body;
    Date from, to;  // the period the plan covers
    bool published = false;
    Id author_id;
    UnixSeconds created_at = 0;
    UnixSeconds changed_at = 0;    // 0: never changed
    UnixSeconds published_at = 0;  // 0: a draft that was never published
};

struct PlanState {
    std::map<Id, Plan> plans;
};

constexpr std::size_t kPlanSubjectMaxChars = 100;
constexpr std::size_t kPlanTitleMaxChars = 200;
constexpr std::size_t kPlanBodyMaxChars = 20000;
constexpr int kPlanMaxDays = 400;

}  // namespace skolnav
