#include "pupil_access.hpp"

#include "api_error.hpp"
#include "permissions.hpp"

namespace skolnav {

namespace {
PupilAccess find(const State& state, const Id& pupil_id, UnixSeconds now) {
    const Person* pupil = find_person(state, pupil_id);
    const School* school = pupil && pupil->role == Role::Pupil ? school_of(state, *pupil) : nullptr;
    if (!pupil || !school) throw not_found();
    return {*pupil, *school, today_at(*school, now)};
}
}  // namespace

PupilAccess visible_pupil(const State& state, const Id& pupil_id, const Person& viewer, UnixSeconds now) {
    PupilAccess access = find(state, pupil_id, now);
    if (!may_see_pupil(viewer, access.pupil, access.today)) {
        if (is_guardian_of(viewer, access.pupil.id))
            throw ApiError(403, "no_insyn",
                           {access.pupil.first_name + " är myndig och har inte gett vårdnadshavare insyn.",
                            access.pupil.first_name + " is over 18 and has not given guardians access."});
        throw not_found();
    }
    return access;
}

PupilAccess pupil_box(const State& state, const Id& pupil_id, const Person& viewer, UnixSeconds now, Box box) {
    PupilAccess access = visible_pupil(state, pupil_id, viewer, now);
    if (!sees_box(state, viewer, access.pupil, box, access.today)) throw not_found();
    return access;
}

PupilAccess pupil_for_staff(const State& state, const Id& pupil_id, const Person& viewer, UnixSeconds now) {
    PupilAccess access = find(state, pupil_id, now);
    if (!is_staff_of_pupil(state, viewer, access.pupil) && !is_admin_of_school(viewer, access.school.id)) throw not_found();
    return access;
}

}  // namespace skolnav
