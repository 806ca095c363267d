// What a person's start page holds for one pupil: shared by the start-page reply and
// "who am I", so both name the same boxes.
#pragma once
#include <vector>

#include "json_mapping.hpp"
#include "model.hpp"

namespace skolnav {

// The boxes shown on `pupil`'s start page for `viewer`: the boxes they may open
// (visible_boxes), less Utvecklingssamtal while there is nothing to book and no booked
// meeting ahead ("Denna box visas enbart när det finns bokningsbara tider").
std::vector<Box> start_page_boxes(const State& state, const Person& viewer, const Person& pupil, const Date& today,
                                  UnixSeconds now);

// The pupil as a start page names them: id, names, class, adult, insyn, school.
json pupil_heading(const State& state, const Person& viewer, const Person& pupil, const School& school,
                   const Date& today);

}  // namespace skolnav
