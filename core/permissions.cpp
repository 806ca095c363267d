#include "permissions.hpp"

#include <algorithm>

namespace skolnav {

const Person* find_person(const State& state, const Id& id) {
    auto it = state.people.find(id);
    return it == state.people.end() ? nullptr : &it->second;
}

const School* school_of(const State& state, const Person& person) {
    auto it = state.schools.find(person.school_id);
    return it == state.schools.end() ? nullptr : &it->second;
}

Date today_at(const School& school, UnixSeconds now) {
    auto tz = TimeZone::named(school.time_zone);
    return (tz ? *tz : *TimeZone::named("Europe/Stockholm")).local_date(now);
}

bool is_adult(const Person& pupil, const Date& today) {
    return pupil.role == Role::Pupil && pupil.birth_date && age_on(*pupil.birth_date, today) >= 18;
}

bool is_guardian_of(const Person& guardian, const Id& pupil_id) {
    return guardian.role == Role::Guardian &&
           std::find(guardian.children.begin(), guardian.children.end(), pupil_id) != guardian.children.end();
}

bool may_see_pupil(const Person& viewer, const Person& pupil, const Date& today) {
    if (pupil.role != Role::Pupil) return false;
    if (viewer.role == Role::Pupil) return viewer.id == pupil.id;
    if (viewer.role == Role::Guardian)
        return is_guardian_of(viewer, pupil.id) && (!is_adult(pupil, today) || pupil.insyn_consent);
    return false;  // staff and admins work through their own routes (later issues)
}

std::vector<const Person*> pupils_acted_for(const State& state, const Person& viewer) {
    std::vector<const Person*> out;
    if (viewer.role == Role::Pupil) {
        out.push_back(&viewer);
    } else if (viewer.role == Role::Guardian) {
        for (const Id& id : viewer.children)
            if (const Person* child = find_person(state, id); child && child->role == Role::Pupil) out.push_back(child);
    }
    return out;
}

std::vector<Box> visible_boxes(const State& state, const Person& viewer, const Person& pupil, const Date& today) {
    std::vector<Box> out;
    const School* school = school_of(state, pupil);
    if (!school || !may_see_pupil(viewer, pupil, today)) return out;
    const bool guardian = viewer.role == Role::Guardian;
    for (Box b : school->enabled_boxes) {
        if (b == Box::ETest && guardian) continue;  // eTest is the pupil's own, never the guardian's
        // Utvecklingssamtal is booked by guardians; in gymnasieskola also by the adult
        // pupil, never by a pupil under 18 (SPEC.md). Whether there is anything to book
        // decides only whether its card shows (start_page_boxes).
        if (b == Box::Utvecklingssamtal && !guardian &&
            !(school->form == SchoolForm::Gymnasieskola && is_adult(pupil, today)))
            continue;
        out.push_back(b);
    }
    return out;
}

bool may_report_absence(const State& state, const Person& viewer, const Person& pupil, const Date& today) {
    const School* school = school_of(state, pupil);
    if (!school || !may_see_pupil(viewer, pupil, today)) return false;
    if (std::find(school->enabled_boxes.begin(), school->enabled_boxes.end(), Box::Franvaro) == school->enabled_boxes.end())
        return false;
    if (viewer.role == Role::Guardian) return true;
    return viewer.id == pupil.id && school->form == SchoolForm::Gymnasieskola && is_adult(pupil, today);
}

bool sees_box(const State& state, const Person& viewer, const Person& pupil, Box box, const Date& today) {
    const auto boxes = visible_boxes(state, viewer, pupil, today);
    return std::find(boxes.begin(), boxes.end(), box) != boxes.end();
}

bool is_staff_of_group(const State& state, const Person& staff, const Id& group_id) {
    if (staff.role != Role::Staff) return false;
    auto g = state.groups.find(group_id);
    return g != state.groups.end() && g->second.school_id == staff.school_id &&
           std::find(g->second.staff_ids.begin(), g->second.staff_ids.end(), staff.id) != g->second.staff_ids.end();
}

bool is_staff_of_pupil(const State& state, const Person& staff, const Person& pupil) {
    return pupil.role == Role::Pupil && is_staff_of_group(state, staff, pupil.group_id);
}

bool is_staff_at_school(const Person& person, const Id& school_id) {
    return (person.role == Role::Staff || person.role == Role::SchoolAdmin) && person.school_id == school_id;
}

bool is_admin_of_school(const Person& person, const Id& school_id) {
    return person.role == Role::SchoolAdmin && person.school_id == school_id;
}

bool reaches_pupil(const Person& pupil, const Id& school_id, const std::vector<Id>& group_ids) {
    if (pupil.school_id != school_id) return false;
    return group_ids.empty() || std::find(group_ids.begin(), group_ids.end(), pupil.group_id) != group_ids.end();
}

bool may_publish_to(const State& state, const Person& staff, const Id& school_id, const std::vector<Id>& group_ids) {
    if (is_admin_of_school(staff, school_id)) {
        for (const Id& g : group_ids) {
            auto it = state.groups.find(g);
            if (it == state.groups.end() || it->second.school_id != school_id) return false;
        }
        return true;
    }
    if (staff.role != Role::Staff || staff.school_id != school_id || group_ids.empty()) return false;
    for (const Id& g : group_ids)
        if (!is_staff_of_group(state, staff, g)) return false;
    return true;
}

const std::vector<Id>& pupils_of_group(const State& state, const Id& group_id) {
    static const std::vector<Id> none;
    auto it = state.group_members.find(group_id);
    return it == state.group_members.end() ? none : it->second;
}

}  // namespace skolnav
