// The common first step of every route about one pupil ({pupil} in the path): find
// the pupil and decide whether the caller may see them at all, with one answer for
// every box: 404 for strangers (the same as for a pupil that does not exist), 403
// "no_insyn" for a guardian of an adult pupil who has not given insyn.
#pragma once
#include "model.hpp"

namespace skolnav {

struct PupilAccess {
    const Person& pupil;
    const School& school;
    Date today;  // in the pupil's school's time zone
};

PupilAccess visible_pupil(const State& state, const Id& pupil_id, const Person& viewer, UnixSeconds now);

// As visible_pupil, and the viewer must also see `box` on the pupil's start page
// (eTest never for guardians, boxes the school disabled for nobody): 404 otherwise.
PupilAccess pupil_box(const State& state, const Id& pupil_id, const Person& viewer, UnixSeconds now, Box box);

// Staff of the pupil's group (or the school's admin) looking at a pupil: 404 otherwise.
PupilAccess pupil_for_staff(const State& state, const Id& pupil_id, const Person& viewer, UnixSeconds now);

}  // namespace skolnav
