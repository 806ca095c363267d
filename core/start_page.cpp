// The start page in one reply: for one pupil (or, for a guardian, all children at
// once with every card tagged with its child), the boxes this person sees and each
// box's card summary (in the request's language) with the caller's unread notifications
// from that box, plus the unread notification count for the pupil.
//   GET /api/v1/pupils/{pupil}/start
//   GET /api/v1/start                      the combined page (every pupil acted for)
#include "start_page.hpp"

#include <map>

#include "api_error.hpp"
#include "box_module.hpp"
#include "boxes/meetings.hpp"
#include "json_mapping.hpp"
#include "notifications.hpp"
#include "permissions.hpp"
#include "pupil_access.hpp"
#include "routes.hpp"

namespace skolnav {

std::vector<Box> start_page_boxes(const State& state, const Person& viewer, const Person& pupil, const Date& today,
                                  UnixSeconds now) {
    std::vector<Box> out;
    for (Box box : visible_boxes(state, viewer, pupil, today))
        if (box != Box::Utvecklingssamtal || meetings_box_active(state, pupil, now)) out.push_back(box);
    return out;
}

json pupil_heading(const State& state, const Person& viewer, const Person& pupil, const School& school,
                   const Date& today) {
    auto group = state.groups.find(pupil.group_id);
    return {{"id", pupil.id},
            {"name", pupil.full_name()},
            {"first_name", pupil.first_name},
            {"group", group == state.groups.end() ? "" : group->second.name},
            {"adult", is_adult(pupil, today)},
            {"insyn", may_see_pupil(viewer, pupil, today)},
            {"school", {{"id", school.id}, {"name", school.name}, {"form", to_string(school.form)}}}};
}

namespace {

const BoxModule* module_of(Box box) {
    for (const BoxModule* m : box_modules())
        for (Box b : m->boxes)
            if (b == box) return m;
    return nullptr;
}

// The caller's unread notifications about the pupil, all and by box (wire name).
struct Unread {
    int all = 0;
    std::map<std::string, int> by_box;
};
// Only those the caller may still see: a guardian whose adult child has withdrawn insyn
// gets no count about her (the same rule as the notification list and the live events).
Unread unread_for(const State& state, const Person& me, const Id& pupil_id, UnixSeconds now) {
    Unread u;
    auto it = state.notifications.by_recipient.find(me.id);
    if (it == state.notifications.by_recipient.end()) return u;
    for (const auto& note : it->second)
        if (!note.read && note.pupil_id == pupil_id && shows_notification(state, me, note, now)) {
            ++u.all;
            ++u.by_box[note.box];
        }
    return u;
}

json pupil_page(const State& state, const Person& me, const Person& pupil, const School& school, const Date& today,
                UnixSeconds now, Language language) {
    json boxes = json::array();
    const CardContext ctx{state, me, pupil, school, today, now, language};
    const Unread unread = unread_for(state, me, pupil.id, now);
    for (Box box : start_page_boxes(state, me, pupil, today, now)) {
        const BoxModule* m = module_of(box);
        json card = m && m->card ? m->card(ctx, box) : json::object();
        const auto n = unread.by_box.find(to_string(box));
        boxes.push_back({{"box", to_string(box)},
                         {"unread", n == unread.by_box.end() ? 0 : n->second},
                         {"card", std::move(card)}});
    }
    return {{"pupil", pupil_heading(state, me, pupil, school, today)},
            {"today", today.iso()},
            {"unread", unread.all},
            {"boxes", std::move(boxes)}};
}

}  // namespace

Response get_start_page(Context& ctx) {
    auto txn = ctx.services.store.begin();
    const auto access = visible_pupil(txn.state(), ctx.params.at("pupil"), *ctx.me, ctx.now);
    Response r;
    r.body = pupil_page(txn.state(), *ctx.me, access.pupil, access.school, access.today, ctx.now, ctx.language());
    return r;
}

Response get_combined_start_page(Context& ctx) {
    auto txn = ctx.services.store.begin();
    const State& state = txn.state();
    json pages = json::array();
    for (const Person* pupil : pupils_acted_for(state, *ctx.me)) {
        const School* school = school_of(state, *pupil);
        if (!school) continue;
        const Date today = today_at(*school, ctx.now);
        pages.push_back(pupil_page(state, *ctx.me, *pupil, *school, today, ctx.now, ctx.language()));
    }
    Response r;
    r.body = {{"pupils", std::move(pages)}};
    return r;
}

}  // namespace skolnav
