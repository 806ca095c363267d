// Tidsregistrering (förskola) and Fritidsschema (grundskola): one module for both boxes,
// the box following the school form. A guardian (with insyn) registers arrival and
// pick-up per day within the school's opening hours, from tomorrow on (today and
// earlier, and days staff locked, are locked); staff of the group read the group's
// week, comment on a child's day (the guardians are notified) and lock days.
//   GET    /api/v1/pupils/{pupil}/care-times?week=2026-W49
//   PUT    /api/v1/pupils/{pupil}/care-times/{date}                {"arrival","pickup","comment"?}
//   DELETE /api/v1/pupils/{pupil}/care-times/{date}
//   PUT    /api/v1/pupils/{pupil}/care-times/{date}/staff-comment  {"comment"}   staff
//   GET    /api/v1/groups/{group}/care-times?week=2026-W49                      staff
//   PUT    /api/v1/groups/{group}/care-times/locked/{date}                      staff
//   DELETE /api/v1/groups/{group}/care-times/locked/{date}                      staff
//   PUT    /api/v1/schools/{school}/opening-hours                  {"open","close"}  admin
#include "core/boxes/care_times.hpp"

#include <algorithm>

#include "core/api_error.hpp"
#include "core/box_module.hpp"
#include "core/json_mapping.hpp"
#include "core/notifications.hpp"
#include "core/permissions.hpp"
#include "core/publishing.hpp"
#include "core/pupil_access.hpp"
#include "core/request_body.hpp"

namespace skolnav {

OpeningHours opening_hours_of(const State& state, const Id& school_id) {
    auto it = state.care_times.opening_hours.find(school_id);
    return it == state.care_times.opening_hours.end() ? OpeningHours{} : it->second;
}

bool is_care_day_locked(const State& state, const Person& pupil, const Date& day, const Date& today) {
    if (day <= today) return true;
    auto it = state.care_times.locked_days.find(pupil.group_id);
    return it != state.care_times.locked_days.end() && it->second.count(day.iso()) > 0;
}

const CareTime* care_time_of(const State& state, const Id& pupil_id, const Date& day) {
    auto p = state.care_times.by_pupil.find(pupil_id);
    if (p == state.care_times.by_pupil.end()) return nullptr;
    auto d = p->second.find(day.iso());
    return d == p->second.end() ? nullptr : &d->second;
}

void to_json(json& j, const CareTime& c) {
    j = {{"pupil_id", c.pupil_id},
         {"date", c.date.iso()},
         {"arrival", c.arrival >= 0 ? json(format_time_of_day(c.arrival)) : json(nullptr)},
         {"pickup", c.pickup >= 0 ? json(format_time_of_day(c.pickup)) : json(nullptr)},
         {"set_by", c.set_by},
         {"set_at", c.set_at}};
    // Kept small: a large demo has several of these per child.
    if (!c.guardian_comment.empty()) j["guardian_comment"] = c.guardian_comment;
    if (!c.staff_comment_by.empty()) {
        j["staff_comment"] = c.staff_comment;
        j["staff_comment_by"] = c.staff_comment_by;
        j["staff_comment_at"] = c.staff_comment_at;
    }
}
void from_json(const json& j, CareTime& c) {
    c.pupil_id = j.at("pupil_id").get<std::string>();
    c.date = j.at("date").get<Date>();
    c.arrival = j.at("arrival").is_null() ? -1 : parse_time_of_day(j["arrival"].get<std::string>()).value();
    c.pickup = j.at("pickup").is_null() ? -1 : parse_time_of_day(j["pickup"].get<std::string>()).value();
    c.guardian_comment = j.value("guardian_comment", "");
    c.set_by = j.value("set_by", "");
    c.set_at = j.value("set_at", UnixSeconds{0});
    c.staff_comment = j.value("staff_comment", "");
    c.staff_comment_by = j.value("staff_comment_by", "");
    c.staff_comment_at = j.value("staff_comment_at", UnixSeconds{0});
}

namespace {

// The box that shows care times at this school form (none at gymnasieskola).
std::optional<Box> care_box(SchoolForm form) {
    if (form == SchoolForm::Forskola) return Box::Tidsregistrering;
    if (form == SchoolForm::Grundskola) return Box::Fritidsschema;
    return std::nullopt;
}

// "Förskolan har stängt på helger.", "The preschool is closed at weekends."
std::string place_name(const School& school, Language language) {
    return school.form == SchoolForm::Forskola ? say(language, "Förskolan", "The preschool")
                                               : say(language, "Fritids", "After-school care");
}

// A pupil whose care box the viewer sees; 404 otherwise (403 no_insyn as everywhere).
PupilAccess care_pupil(const State& state, const Id& pupil_id, const Person& me, UnixSeconds now) {
    const auto access = visible_pupil(state, pupil_id, me, now);
    const auto box = care_box(access.school.form);
    if (!box || !sees_box(state, me, access.pupil, *box, access.today)) throw not_found();
    return access;
}

// The same for staff of the pupil's group (or the school's admin).
PupilAccess care_pupil_for_staff(const State& state, const Id& pupil_id, const Person& me, UnixSeconds now) {
    const auto access = pupil_for_staff(state, pupil_id, me, now);
    const auto box = care_box(access.school.form);
    const auto& enabled = access.school.enabled_boxes;
    if (!box || std::find(enabled.begin(), enabled.end(), *box) == enabled.end()) throw not_found();
    return access;
}

const Group& care_group(const State& state, const Id& group_id, const Person& me) {
    auto g = state.groups.find(group_id);
    if (g == state.groups.end() ||
        (!is_staff_of_group(state, me, group_id) && !is_admin_of_school(me, g->second.school_id)))
        throw not_found();
    const School& school = state.schools.at(g->second.school_id);
    const auto box = care_box(school.form);
    if (!box || std::find(school.enabled_boxes.begin(), school.enabled_boxes.end(), *box) == school.enabled_boxes.end())
        throw not_found();
    return g->second;
}

Date path_date(const Context& ctx) {
    auto d = Date::parse(ctx.params.at("date"));
    if (!d) throw bad_request("date", "Datumet ska skrivas på formen ÅÅÅÅ-MM-DD.", "The date must be written YYYY-MM-DD.");
    return *d;
}

std::optional<Date> week_param(const Context& ctx) {
    auto it = ctx.request.query.find("week");
    if (it == ctx.request.query.end() || it->second.empty()) return std::nullopt;
    auto monday = monday_of_iso_week(it->second);
    if (!monday) throw not_a_week("week");
    return monday;
}

json hours_json(const OpeningHours& h) { return {{"open", format_time_of_day(h.open)}, {"close", format_time_of_day(h.close)}}; }

json day_json(const State& state, const Person& pupil, const Date& day, const Date& today, bool guardian) {
    const CareTime* c = care_time_of(state, pupil.id, day);
    const bool locked = is_care_day_locked(state, pupil, day, today);
    return {{"date", day.iso()},
            {"weekday", day.weekday()},
            {"locked", locked},
            {"can_edit", guardian && !locked && day <= today.plus_days(kCareDaysAhead)},
            {"arrival", c && c->has_times() ? json(format_time_of_day(c->arrival)) : json(nullptr)},
            {"pickup", c && c->has_times() ? json(format_time_of_day(c->pickup)) : json(nullptr)},
            {"comment", c ? c->guardian_comment : ""},
            {"staff_comment", c ? c->staff_comment : ""},
            {"staff_comment_by",
             c && !c->staff_comment.empty() ? optional_person_ref(state, c->staff_comment_by) : json(nullptr)}};
}

Response get_care_times(Context& ctx) {
    auto monday = week_param(ctx);
    auto txn = ctx.services.store.begin();
    const State& state = txn.state();
    const auto access = care_pupil(state, ctx.params.at("pupil"), *ctx.me, ctx.now);
    if (!monday) monday = week_monday(access.today);
    const bool guardian = ctx.me->role == Role::Guardian;
    json days = json::array();
    for (int i = 0; i < 5; ++i) days.push_back(day_json(state, access.pupil, monday->plus_days(i), access.today, guardian));
    Response res;
    res.body = {{"pupil", {{"id", access.pupil.id}, {"name", access.pupil.full_name()}}},
                {"box", to_string(*care_box(access.school.form))},
                {"today", access.today.iso()},
                {"week", iso_week_label(*monday)},
                {"from", monday->iso()},
                {"to", monday->plus_days(4).iso()},
                {"opening_hours", hours_json(opening_hours_of(state, access.school.id))},
                {"can_edit", guardian},
                {"days", std::move(days)}};
    return res;
}

// Guardians only change times; the checks every guardian write shares.
void check_guardian_may_change(const State& state, const Person& me, const PupilAccess& access, const Date& day) {
    if (me.role != Role::Guardian)
        throw ApiError(403, "forbidden", {"Tiderna registreras av vårdnadshavare.", "The times are registered by guardians."});
    if (is_care_day_locked(state, access.pupil, day, access.today))
        throw ApiError(409, "locked",
                       day <= access.today
                           ? Text("Dagen har redan börjat och är låst; kontakta personalen för ändringar.",
                                  "The day has already begun and is locked; contact the staff about changes.")
                           : Text("Personalen har låst " + day.iso() + "; kontakta dem för ändringar.",
                                  "The staff have locked " + day.iso() + "; contact them about changes."),
                       "date");
}

Response put_care_time(Context& ctx) {
    RequestBody body(ctx.request.body, {"arrival", "pickup", "comment"});
    const int arrival = body.required_time("arrival");
    const int pickup = body.required_time("pickup");
    const std::string comment = body.optional_string("comment", kCareCommentMaxChars);
    if (pickup <= arrival)
        throw bad_request("pickup", "Hämtningen måste vara efter lämningen.", "Pick-up must be after drop-off.");
    const Date day = path_date(ctx);

    json reply;
    std::uint64_t seq;
    {
        auto txn = ctx.services.store.begin();
        const State& state = txn.state();
        const auto access = care_pupil(state, ctx.params.at("pupil"), *ctx.me, ctx.now);
        check_guardian_may_change(state, *ctx.me, access, day);
        const School& school = access.school;
        if (day.weekday() > 5)
            throw bad_request("date", place_name(school, Language::sv) + " har stängt på helger.",
                              place_name(school, Language::en) + " is closed at weekends.");
        if (access.today.plus_days(kCareDaysAhead) < day)
            throw bad_request("date", "Tider kan registreras högst åtta veckor framåt.",
                              "Times can be registered at most eight weeks ahead.");
        const OpeningHours hours = opening_hours_of(state, access.school.id);
        if (arrival < hours.open)
            throw bad_request("arrival", place_name(school, Language::sv) + " öppnar " + format_time_of_day(hours.open) + ".",
                              place_name(school, Language::en) + " opens at " + format_time_of_day(hours.open) + ".");
        if (pickup > hours.close)
            throw bad_request("pickup", place_name(school, Language::sv) + " stänger " + format_time_of_day(hours.close) + ".",
                              place_name(school, Language::en) + " closes at " + format_time_of_day(hours.close) + ".");
        seq = txn.commit({{"type", "care_time_set"},
                          {"pupil_id", access.pupil.id},
                          {"date", day.iso()},
                          {"arrival", format_time_of_day(arrival)},
                          {"pickup", format_time_of_day(pickup)},
                          {"comment", comment},
                          {"by", ctx.me->id},
                          {"at", ctx.now}});
        reply = day_json(state, access.pupil, day, access.today, true);
    }
    ctx.services.store.make_durable(seq);
    Response res;
    res.body = {{"day", reply}};
    return res;
}

Response delete_care_time(Context& ctx) {
    const Date day = path_date(ctx);
    std::uint64_t seq;
    {
        auto txn = ctx.services.store.begin();
        const State& state = txn.state();
        const auto access = care_pupil(state, ctx.params.at("pupil"), *ctx.me, ctx.now);
        const CareTime* c = care_time_of(state, access.pupil.id, day);
        if (ctx.me->role == Role::Guardian && (!c || !c->has_times())) throw not_found();
        check_guardian_may_change(state, *ctx.me, access, day);
        seq = txn.commit({{"type", "care_time_removed"}, {"pupil_id", access.pupil.id}, {"date", day.iso()}});
    }
    ctx.services.store.make_durable(seq);
    Response res;
    res.status = 204;
    return res;
}

Response put_staff_comment(Context& ctx) {
    RequestBody body(ctx.request.body, {"comment"});
    if (!body.has("comment")) throw missing("comment");
    const std::string comment = body.optional_string("comment", kCareCommentMaxChars);
    const Date day = path_date(ctx);

    json reply;
    std::uint64_t seq;
    {
        auto txn = ctx.services.store.begin();
        const State& state = txn.state();
        const auto access = care_pupil_for_staff(state, ctx.params.at("pupil"), *ctx.me, ctx.now);
        if (day < access.today.plus_days(-366) || access.today.plus_days(366) < day)
            throw bad_request("date", "Kommentarer kan skrivas för dagar högst ett år bakåt eller framåt.",
                              "Comments can be written for days at most one year back or ahead.");
        seq = txn.commit({{"type", "care_time_staff_comment"},
                          {"pupil_id", access.pupil.id},
                          {"date", day.iso()},
                          {"comment", comment},
                          {"by", ctx.me->id},
                          {"at", ctx.now}});
        if (!comment.empty()) {
            const Box box = *care_box(access.school.form);
            std::vector<Id> guardians;
            if (auto g = state.guardians_of.find(access.pupil.id); g != state.guardians_of.end())
                for (const Id& gid : g->second)
                    if (const Person* p = find_person(state, gid); p && sees_box(state, *p, access.pupil, box, access.today))
                        guardians.push_back(gid);
            const std::uint64_t n = notify_people(
                txn, guardians, access.pupil.id,
                {box, "care_time_comment", day.iso(),
                 {"Personalen har kommenterat " + access.pupil.first_name + "s tider " + short_date(day, Language::sv),
                  "The staff commented on " + access.pupil.first_name + "'s times on " + short_date(day, Language::en)}},
                ctx.now);
            if (n) seq = n;
        }
        reply = day_json(state, access.pupil, day, access.today, false);
    }
    ctx.services.store.make_durable(seq);
    Response res;
    res.body = {{"day", reply}};
    return res;
}

Response get_group_care_times(Context& ctx) {
    auto monday = week_param(ctx);
    auto txn = ctx.services.store.begin();
    const State& state = txn.state();
    const Group& group = care_group(state, ctx.params.at("group"), *ctx.me);
    const School& school = state.schools.at(group.school_id);
    const Date today = today_at(school, ctx.now);
    if (!monday) monday = week_monday(today);

    std::vector<const Person*> pupils;
    for (const Id& id : pupils_of_group(state, group.id))
        if (const Person* p = find_person(state, id)) pupils.push_back(p);
    std::sort(pupils.begin(), pupils.end(), [](const Person* a, const Person* b) {
        return a->first_name != b->first_name ? a->first_name < b->first_name : a->last_name < b->last_name;
    });
    json list = json::array();
    for (const Person* p : pupils) {
        json days = json::array();
        for (int i = 0; i < 5; ++i) {
            const Date d = monday->plus_days(i);
            if (care_time_of(state, p->id, d)) days.push_back(day_json(state, *p, d, today, false));
        }
        list.push_back({{"id", p->id}, {"name", p->full_name()}, {"days", std::move(days)}});
    }
    json locked = json::array();
    for (int i = 0; i < 5; ++i) {
        const Date d = monday->plus_days(i);
        auto it = state.care_times.locked_days.find(group.id);
        if (it != state.care_times.locked_days.end() && it->second.count(d.iso())) locked.push_back(d.iso());
    }
    Response res;
    res.body = {{"group", {{"id", group.id}, {"name", group.name}}},
                {"box", to_string(*care_box(school.form))},
                {"today", today.iso()},
                {"week", iso_week_label(*monday)},
                {"from", monday->iso()},
                {"to", monday->plus_days(4).iso()},
                {"opening_hours", hours_json(opening_hours_of(state, school.id))},
                {"locked_days", std::move(locked)},
                {"pupils", std::move(list)}};
    return res;
}

Response set_lock(Context& ctx, bool locked) {
    const Date day = path_date(ctx);
    std::uint64_t seq;
    {
        auto txn = ctx.services.store.begin();
        const State& state = txn.state();
        const Group& group = care_group(state, ctx.params.at("group"), *ctx.me);
        const Date today = today_at(state.schools.at(group.school_id), ctx.now);
        if (day < today.plus_days(-366) || today.plus_days(366) < day)
            throw bad_request("date", "Dagar kan låsas högst ett år bakåt eller framåt.",
                              "Days can be locked at most one year back or ahead.");
        seq = txn.commit({{"type", "care_day_locked"}, {"group_id", group.id}, {"date", day.iso()}, {"locked", locked}});
    }
    ctx.services.store.make_durable(seq);
    Response res;
    res.status = 204;
    return res;
}
Response lock_day(Context& ctx) { return set_lock(ctx, true); }
Response unlock_day(Context& ctx) { return set_lock(ctx, false); }

Response set_opening_hours(Context& ctx) {
    RequestBody body(ctx.request.body, {"open", "close"});
    const int open = body.required_time("open");
    const int close = body.required_time("close");
    if (close <= open)
        throw bad_request("close", "Stängningstiden måste vara efter öppningstiden.",
                          "The closing time must be after the opening time.");
    std::uint64_t seq;
    {
        auto txn = ctx.services.store.begin();
        const State& state = txn.state();
        auto school = state.schools.find(ctx.params.at("school"));
        if (school == state.schools.end() || !is_admin_of_school(*ctx.me, school->first)) throw not_found();
        seq = txn.commit({{"type", "opening_hours_set"},
                          {"school_id", school->first},
                          {"open", format_time_of_day(open)},
                          {"close", format_time_of_day(close)}});
    }
    ctx.services.store.make_durable(seq);
    Response res;
    res.body = {{"opening_hours", hours_json(OpeningHours{open, close})}};
    return res;
}

// ---- events, snapshot ------------------------------------------------------------------------

CareTime& entry(State& state, const std::string& pupil_id, const std::string& date) {
    CareTime& c = state.care_times.by_pupil[pupil_id][date];
    c.pupil_id = pupil_id;
    c.date = Date::parse(date).value();
    return c;
}

void drop_if_empty(State& state, const std::string& pupil_id, const std::string& date) {
    auto p = state.care_times.by_pupil.find(pupil_id);
    if (p == state.care_times.by_pupil.end()) return;
    auto d = p->second.find(date);
    if (d != p->second.end() && !d->second.has_times() && d->second.staff_comment.empty()) p->second.erase(d);
    if (p->second.empty()) state.care_times.by_pupil.erase(p);
}

bool apply(State& state, const std::string& type, const json& e) {
    if (type == "care_time_set") {
        CareTime& c = entry(state, e.at("pupil_id"), e.at("date"));
        c.arrival = parse_time_of_day(e.at("arrival")).value();
        c.pickup = parse_time_of_day(e.at("pickup")).value();
        c.guardian_comment = e.at("comment");
        c.set_by = e.at("by");
        c.set_at = e.at("at");
    } else if (type == "care_time_removed") {
        auto p = state.care_times.by_pupil.find(e.at("pupil_id"));
        if (p != state.care_times.by_pupil.end())
            if (auto d = p->second.find(e.at("date")); d != p->second.end()) {
                d->second.arrival = d->second.pickup = -1;
                d->second.guardian_comment.clear();
                d->second.set_by.clear();
                d->second.set_at = 0;
            }
        drop_if_empty(state, e.at("pupil_id"), e.at("date"));
    } else if (type == "care_time_staff_comment") {
        CareTime& c = entry(state, e.at("pupil_id"), e.at("date"));
        c.staff_comment = e.at("comment");
        c.staff_comment_by = e.at("by");
        c.staff_comment_at = e.at("at");
        drop_if_empty(state, e.at("pupil_id"), e.at("date"));
    } else if (type == "care_day_locked") {
        auto& days = state.care_times.locked_days[e.at("group_id")];
        if (e.at("locked").get<bool>()) days.insert(e.at("date").get<std::string>());
        else days.erase(e.at("date").get<std::string>());
        if (days.empty()) state.care_times.locked_days.erase(e.at("group_id").get<std::string>());
    } else if (type == "opening_hours_set") {
        state.care_times.opening_hours[e.at("school_id")] =
            OpeningHours{parse_time_of_day(e.at("open")).value(), parse_time_of_day(e.at("close")).value()};
    } else {
        return false;
    }
    return true;
}

void save(const State& state, json& out) {
    json times = json::array();
    for (const auto& [pid, days] : state.care_times.by_pupil)
        for (const auto& [d, c] : days) times.push_back(c);
    json locks = json::array();
    for (const auto& [gid, days] : state.care_times.locked_days)
        for (const auto& d : days) locks.push_back({{"group_id", gid}, {"date", d}});
    json hours = json::array();
    for (const auto& [sid, h] : state.care_times.opening_hours)
        hours.push_back({{"school_id", sid}, {"open", format_time_of_day(h.open)}, {"close", format_time_of_day(h.close)}});
    out["care_times"] = std::move(times);
    out["care_locked_days"] = std::move(locks);
    out["opening_hours"] = std::move(hours);
}

void load(const json& in, State& state) {
    state.care_times = CareTimeState{};
    for (const auto& item : in.value("care_times", json::array())) {
        CareTime c = item.get<CareTime>();
        std::string date = c.date.iso();
        Id pid = c.pupil_id;
        state.care_times.by_pupil[pid].emplace(std::move(date), std::move(c));
    }
    for (const auto& item : in.value("care_locked_days", json::array()))
        state.care_times.locked_days[item.at("group_id").get<std::string>()].insert(item.at("date").get<std::string>());
    for (const auto& item : in.value("opening_hours", json::array()))
        state.care_times.opening_hours[item.at("school_id").get<std::string>()] = OpeningHours{
            parse_time_of_day(item.at("open").get<std::string>()).value(),
            parse_time_of_day(item.at("close").get<std::string>()).value()};
}

// ---- card, demo ------------------------------------------------------------------------------

json card(const CardContext& ctx, Box) {
    int coming = 0;
    const CareTime* next = nullptr;
    auto p = ctx.state.care_times.by_pupil.find(ctx.pupil.id);
    const std::string from = ctx.today.iso(), until = ctx.today.plus_days(7).iso();
    if (p != ctx.state.care_times.by_pupil.end())
        for (auto it = p->second.lower_bound(from); it != p->second.end() && it->first <= until; ++it) {
            if (!it->second.has_times()) continue;
            if (it->first != from) ++coming;
            if (!next) next = &it->second;
        }
    json c = {{"count", coming}};
    if (!next) {
        c["summary"] = ctx.say("Inga tider registrerade för den kommande veckan", "No times registered for the coming week");
        return c;
    }
    c["summary"] = (next->date == ctx.today ? ctx.say("Idag", "Today") : short_date(next->date, ctx.language)) + " " +
                   format_time_of_day(next->arrival) + "–" + format_time_of_day(next->pickup);
    c["next"] = {{"date", next->date.iso()},
                 {"arrival", format_time_of_day(next->arrival)},
                 {"pickup", format_time_of_day(next->pickup)},
                 {"staff_comment", next->staff_comment}};
    return c;
}

void make_demo(DemoContext& ctx) {
    State& state = ctx.state;
    const auto stockholm = TimeZone::named("Europe/Stockholm");
    std::map<Id, bool> fritids_group;  // groups whose pupils have care times
    for (const auto& [gid, g] : state.groups) {
        const School& school = state.schools.at(g.school_id);
        fritids_group[gid] = school.form == SchoolForm::Forskola ||
                             (school.form == SchoolForm::Grundskola && !g.name.empty() && g.name[0] >= '1' && g.name[0] <= '3');
    }
    for (const auto& [sid, school] : state.schools) {
        if (school.form == SchoolForm::Forskola) state.care_times.opening_hours[sid] = OpeningHours{6 * 60 + 30, 18 * 60};
        if (school.form == SchoolForm::Grundskola) state.care_times.opening_hours[sid] = OpeningHours{6 * 60 + 30, 17 * 60 + 30};
    }
    static const char* const guardian_notes[] = {"Mormor hämtar", "Pappa hämtar", "Vi ska till tandläkaren efter lunch",
                                                 "Farfar lämnar", "Hämtas av Sara (granne)"};
    static const char* const staff_notes[] = {"Glöm inte extra kläder, vi är ute hela dagen",
                                              "Utflykt till skogen: ta med matsäck och vattenflaska",
                                              "Sov bra efter lunch idag", "Ta gärna med regnkläder i morgon"};
    const UnixSeconds set_at = ctx.now - 3 * 86400;
    for (const auto& [pid, pupil] : state.people) {
        if (pupil.role != Role::Pupil || !fritids_group[pupil.group_id]) continue;
        const bool preschool = state.schools.at(pupil.school_id).form == SchoolForm::Forskola;
        if (!preschool && !ctx.rng.chance(70)) continue;  // not every pupil goes to fritids
        auto guardians = state.guardians_of.find(pid);
        const Id by = guardians == state.guardians_of.end() || guardians->second.empty() ? "" : guardians->second.front();
        const int usual_arrival = preschool ? 7 * 60 + 15 * ctx.rng.below(7) : 7 * 60 + 15 * ctx.rng.below(4);
        const int usual_pickup = 15 * 60 + 15 * ctx.rng.below(9);
        auto& days = state.care_times.by_pupil[pid];
        for (int i = 0; i <= 7; ++i) {
            const Date d = ctx.today.plus_days(i);
            if (d.weekday() > 5) continue;
            CareTime c;
            c.pupil_id = pid;
            c.date = d;
            c.arrival = usual_arrival;
            c.pickup = usual_pickup - (d.weekday() == 5 ? 60 : 0);
            if (ctx.rng.chance(6)) c.guardian_comment = ctx.rng.pick(guardian_notes);
            c.set_by = by;
            c.set_at = set_at;
            if (i <= 1 && ctx.rng.chance(4)) {
                const Group& g = state.groups.at(pupil.group_id);
                c.staff_comment = ctx.rng.pick(staff_notes);
                c.staff_comment_by = g.mentor_id;
                c.staff_comment_at = stockholm->start_of_day(d) + 7 * 3600;
            }
            days.emplace(d.iso(), std::move(c));
        }
        if (days.empty()) state.care_times.by_pupil.erase(pid);
    }
}

}  // namespace

extern const BoxModule care_times_module{
    "care_times",
    {Box::Tidsregistrering, Box::Fritidsschema},
    {
        {"GET", "/api/v1/pupils/{pupil}/care-times", true, get_care_times, Access::PupilData},
        {"PUT", "/api/v1/pupils/{pupil}/care-times/{date}", true, put_care_time, Access::GuardianOnly},
        {"DELETE", "/api/v1/pupils/{pupil}/care-times/{date}", true, delete_care_time, Access::GuardianOnly},
        {"PUT", "/api/v1/pupils/{pupil}/care-times/{date}/staff-comment", true, put_staff_comment, Access::StaffOfPupil},
        {"GET", "/api/v1/groups/{group}/care-times", true, get_group_care_times, Access::StaffOfGroup},
        {"PUT", "/api/v1/groups/{group}/care-times/locked/{date}", true, lock_day, Access::StaffOfGroup},
        {"DELETE", "/api/v1/groups/{group}/care-times/locked/{date}", true, unlock_day, Access::StaffOfGroup},
        {"PUT", "/api/v1/schools/{school}/opening-hours", true, set_opening_hours, Access::AdminOfSchool},
    },
    apply,
    save,
    load,
    make_demo,
    card,
};

}  // namespace skolnav
