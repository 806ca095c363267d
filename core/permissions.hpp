// Who may see and do what: the product's spine. Every rule is a function of the
// state and "today" in the pupil's school's time zone, so it can be tested alone.
//
// - A guardian sees their own children; for an adult pupil only with the pupil's
//   consent (insyn).
// - A pupil sees only themself.
// - eTest never reaches guardians.
// - Absence: guardians report for children they see; adult pupils in gymnasieskola
//   report for themselves; a pupil under 18 cannot.
#pragma once
#include <vector>

#include "model.hpp"

namespace skolnav {

const Person* find_person(const State& state, const Id& id);
const School* school_of(const State& state, const Person& person);
Date today_at(const School& school, UnixSeconds now);

bool is_adult(const Person& pupil, const Date& today);
bool is_guardian_of(const Person& guardian, const Id& pupil_id);

// May `viewer` see `pupil`'s school data at all?
bool may_see_pupil(const Person& viewer, const Person& pupil, const Date& today);

// The pupils whose start page `viewer` may open (children for a guardian, whether or
// not an adult child gave insyn; themself for a pupil).
std::vector<const Person*> pupils_acted_for(const State& state, const Person& viewer);

// The boxes `viewer` sees on `pupil`'s start page.
std::vector<Box> visible_boxes(const State& state, const Person& viewer, const Person& pupil, const Date& today);

bool may_report_absence(const State& state, const Person& viewer, const Person& pupil, const Date& today);

// Does `viewer` see `box` on `pupil`'s start page (the box rules above, in one call)?
bool sees_box(const State& state, const Person& viewer, const Person& pupil, Box box, const Date& today);

// Staff and admins.
bool is_staff_of_group(const State& state, const Person& staff, const Id& group_id);
bool is_staff_of_pupil(const State& state, const Person& staff, const Person& pupil);
bool is_staff_at_school(const Person& person, const Id& school_id);  // staff or admin there
bool is_admin_of_school(const Person& person, const Id& school_id);
// Items published to a school or some of its groups: does one reach this pupil?
// (empty group_ids: the whole school)
bool reaches_pupil(const Person& pupil, const Id& school_id, const std::vector<Id>& group_ids);
// May `staff` publish to these groups of the school? Staff: only their own groups;
// the school's admin: any group, or the whole school (empty group_ids).
bool may_publish_to(const State& state, const Person& staff, const Id& school_id, const std::vector<Id>& group_ids);
// The pupils in a group (class), from the derived index.
const std::vector<Id>& pupils_of_group(const State& state, const Id& group_id);

}  // namespace skolnav
