// "Who am I": the signed-in person and the pupils whose start pages they may open,
// each with the boxes this person sees there.
#include "json_mapping.hpp"
#include "permissions.hpp"
#include "routes.hpp"
#include "start_page.hpp"

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
        for (Box b : start_page_boxes(state, me, *pupil, today, ctx.now)) boxes.push_back(to_string(b));
        json entry = pupil_heading(state, me, *pupil, *school, today);
        entry["boxes"] = std::move(boxes);
        pupils.push_back(std::move(entry));
    }
    Response r;
    r.body = {{"person", {{"id", me.id}, {"name", me.full_name()}, {"first_name", me.first_name}, {"role", to_string(me.role)}}},
              {"pupils", pupils}};
    return r;
}

}  // namespace skolnav
