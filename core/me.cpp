// "Who am I": the signed-in person and the pupils whose start pages they may open,
// each with the boxes this person sees there.
#include "json_mapping.hpp"
#include "permissions.hpp"
#include "routes.hpp"

namespace skolnav {

Response get_me(Context& ctx) {
    auto txn = ctx.services.store.begin();
    const State& state = txn.state();
    const Person& me = *ctx.me;

    json pupils = json::array();
    for (const Person* pupil : pupils_acted_for(state, me)) {
        const School* school = school_of(state, *pupil);
        if (!school) continue;
        const Date today = today_at(*school, ctx.now);
        json boxes = json::array();
        for (Box b : visible_boxes(state, me, *pupil, today)) boxes.push_back(to_string(b));
        auto group = state.groups.find(pupil->group_id);
        pupils.push_back({{"id", pupil->id},
                          {"name", pupil->full_name()},
                          {"first_name", pupil->first_name},
                          {"group", group == state.groups.end() ? "" : group->second.name},
                          {"adult", is_adult(*pupil, today)},
                          {"insyn", may_see_pupil(me, *pupil, today)},
                          {"school", {{"id", school->id}, {"name", school->name}, {"form", to_string(school->form)}}},
                          {"boxes", boxes}});
    }
    Response r;
    r.body = {{"person", {{"id", me.id}, {"name", me.full_name()}, {"first_name", me.first_name}, {"role", to_string(me.role)}}},
              {"pupils", pupils}};
    return r;
}

}  // namespace skolnav
