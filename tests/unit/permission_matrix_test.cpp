// The permission matrix, generated from the route table itself, so a new route cannot
// be missed: every route × every kind of person × their own vs. someone else's pupil,
// group and school.
//
// What it asserts for every route:
//  - without a session: 401 (except the few routes for anyone);
//  - GET routes whose only parameters are {pupil}, {group} or {school}: exactly the
//    people the route's Access names get past the permission check, everyone else is
//    denied (401/403/404) with the same answer as for an object that does not exist;
//  - write routes whose only parameters are {pupil}, {group}, {school} (and {date}):
//    with a valid body, exactly the people the route's Access names get past the
//    permission check, and a denial writes nothing to the journal;
//  - every route, any method, asked by someone with no right to the object: denied or
//    refused, and the stored state is unchanged.
#include <catch2/catch.hpp>

#include <regex>
#include <set>

#include "core/box_module.hpp"
#include "core/permissions.hpp"
#include "core/request_body.hpp"
#include "route_samples.hpp"
#include "test_support.hpp"

using namespace skolnav;
using namespace skolnav::test;

namespace {


// The boxes a route belongs to: its module's (core's own routes: none).
std::vector<Box> boxes_of(const Route& route) {
    for (const BoxModule* m : box_modules())
        for (const Route& r : m->routes)
            if (std::string(r.method) == route.method && std::string(r.pattern) == route.pattern) return m->boxes;
    return {};
}

// What the route's Access says about `viewer` and the object in the path.
bool expected_allowed(const State& s, const Route& route, const Person& viewer, const Person* pupil, const Id& group,
                      const Id& school, const Date& today) {
    const auto boxes = boxes_of(route);
    auto box_ok = [&](const Person& p) {
        if (boxes.empty()) return true;
        for (Box b : boxes)
            if (sees_box(s, viewer, p, b, today)) return true;
        return false;
    };
    switch (route.access) {
        case Access::Anyone:
        case Access::SignedIn: return true;
        case Access::PupilData: return pupil && may_see_pupil(viewer, *pupil, today) && box_ok(*pupil);
        case Access::PupilOnly: return pupil && viewer.id == pupil->id && box_ok(*pupil);
        case Access::ReportForPupil: return pupil && may_report_absence(s, viewer, *pupil, today);
        case Access::GuardianOnly:
            return pupil && viewer.role == Role::Guardian && may_see_pupil(viewer, *pupil, today) && box_ok(*pupil);
        case Access::StaffOfPupil:
            return pupil && (is_staff_of_pupil(s, viewer, *pupil) || is_admin_of_school(viewer, pupil->school_id));
        case Access::StaffOfGroup:
            return !group.empty() && (is_staff_of_group(s, viewer, group) ||
                                      is_admin_of_school(viewer, s.groups.at(group).school_id));
        case Access::StaffOfSchool: return !school.empty() && is_staff_at_school(viewer, school);
        case Access::AdminOfSchool: return !school.empty() && is_admin_of_school(viewer, school);
    }
    return false;
}

}  // namespace

TEST_CASE("every route denies without a session", "[matrix]") {
    ApiFixture f;
    for (const Route& route : routes()) {
        if (!route.needs_session) continue;
        std::map<std::string, std::string> values;
        for (const auto& p : params_of(route.pattern)) values[p] = "x-1";
        const auto r = f.call(route.method, fill(route.pattern, values), "{}");
        INFO(route.method << " " << route.pattern);
        CHECK(r.status == 401);
    }
}

TEST_CASE("GET routes let in exactly the people their Access names", "[matrix]") {
    ApiFixture f;
    const State& s = f.store.unsafe_state();
    const Date today = *Date::parse("2026-11-30");
    // Pupils in every situation: own child, other family, preschool, gymnasium minor,
    // adults with and without insyn, a pupil of another class at the same school.
    std::vector<Id> pupils = {f.child_of("demo.vh", "Elsa"), f.child_of("demo.vh", "Olle"), f.child_of("demo.vh2", "Amira"),
                              f.id_of("demo.elev.gy"), f.id_of("demo.elev18"), f.id_of("demo.elev18.privat")};
    for (const auto& [id, p] : s.people)
        if (p.role == Role::Pupil && p.school_id == "sch-2" && p.group_id != s.people.at(pupils[0]).group_id) {
            pupils.push_back(id);
            break;
        }
    const Id group_7a = s.people.at(pupils[0]).group_id;
    const std::vector<Id> groups = {group_7a, s.people.at(pupils.back()).group_id, s.people.at(pupils[3]).group_id};
    const std::vector<Id> schools = {"sch-1", "sch-2", "sch-3"};

    int checked = 0;
    for (const Route& route : routes()) {
        if (std::string(route.method) != "GET" || !route.needs_session) continue;
        const auto params = params_of(route.pattern);
        if (params.size() != 1 || (params[0] != "pupil" && params[0] != "group" && params[0] != "school")) continue;
        for (const char* who : kPersonas) {
            const Person& viewer = s.people.at(f.id_of(who));
            const auto token = f.sign_in(who);
            const std::vector<Id>& targets = params[0] == "pupil" ? pupils : params[0] == "group" ? groups : schools;
            for (const Id& target : targets) {
                const Person* pupil = params[0] == "pupil" ? &s.people.at(target) : nullptr;
                const bool allowed = expected_allowed(s, route, viewer, pupil, params[0] == "group" ? target : "",
                                                      params[0] == "school" ? target : "", today);
                const auto r = f.call("GET", fill(route.pattern, {{params[0], target}}), "", token);
                INFO(route.pattern << " as " << who << " on " << target << " -> " << r.status << " " << r.body.dump());
                CHECK(is_denial(r) != allowed);
                if (!allowed && r.status == 404) {
                    // Indistinguishable from an object that does not exist.
                    CHECK(r.body == f.call("GET", fill(route.pattern, {{params[0], "x-999999"}}), "", token).body);
                }
                ++checked;
            }
        }
    }
    CHECK(checked > 100);
}

TEST_CASE("no route lets anyone change what is not theirs", "[matrix]") {
    ApiFixture f;
    const State& s = f.store.unsafe_state();
    // Objects no persona below may change: another family's child, another school,
    const Id amira = f.child_of("demo.vh2", "Amira");
    const Id other_group = s.people.at(f.id_of("demo.elev.gy")).group_id;
    // and a session of someone else (demo.admin's), by its public id.
    const auto admin_sessions = f.call("GET", "/api/v1/sessions", "", f.sign_in("demo.admin"));
    const std::string admin_session = admin_sessions.body["sessions"][0]["id"];
    const std::map<std::string, std::string> foreign = {
        {"pupil", amira}, {"group", other_group}, {"school", "sch-3"}, {"session", admin_session}};
    for (const char* who : {"demo.vh", "demo.elev", "demo.vh.gy", "demo.elev18"}) {
        const auto token = f.sign_in(who);
        for (const Route& route : routes()) {
            if (std::string(route.method) == "GET" || !route.needs_session) continue;
            std::map<std::string, std::string> values;
            bool touches_foreign = false;
            for (const auto& p : params_of(route.pattern)) {
                auto it = foreign.find(p);
                values[p] = it == foreign.end() ? "x-1" : it->second;
                touches_foreign = touches_foreign || it != foreign.end();
            }
            if (!touches_foreign) continue;
            // Every change to the state is a journal record: a refusal appends none.
            const auto records = f.journal.records.size();
            for (const char* body : {"{}", R"({"date":"2026-12-01","comment":"x","title":"x","body":"x"})"}) {
                const auto r = f.call(route.method, fill(route.pattern, values), body, token);
                INFO(route.method << " " << route.pattern << " as " << who << " -> " << r.status << " " << r.body.dump());
                CHECK((r.status >= 400 && r.status < 500));
            }
            CHECK(f.journal.records.size() == records);
        }
    }
}

TEST_CASE("write routes let in exactly the people their Access names, and a denial writes nothing", "[matrix]") {
    int checked = 0;
    for (const Route& route : routes()) {
        if (std::string(route.method) == "GET" || !route.needs_session || !addressed_by_owner_alone(route)) continue;
        const std::string key = std::string(route.method) + " " + route.pattern;
        INFO(key);
        const auto sample = valid_body(route);
        REQUIRE(sample);
        // A fresh municipality per route: what one allowed call changes must not decide the next.
        ApiFixture f;
        const State& s = f.store.unsafe_state();
        const Date today = *Date::parse("2026-11-30");
        std::vector<Id> pupils = {f.child_of("demo.vh", "Elsa"), f.child_of("demo.vh", "Olle"),
                                  f.child_of("demo.vh2", "Amira"), f.id_of("demo.elev.gy"),
                                  f.id_of("demo.elev18"), f.id_of("demo.elev18.privat")};
        const Id group_7a = s.people.at(pupils[0]).group_id;
        std::vector<Id> groups = {group_7a, s.people.at(pupils[1]).group_id, s.people.at(pupils[3]).group_id};
        for (const auto& [id, g] : s.groups)
            if (g.school_id == "sch-2" && id != group_7a) {
                groups.push_back(id);  // a class at the same school that demo.personal does not teach
                break;
            }
        const std::vector<Id> schools = {"sch-1", "sch-2", "sch-3"};
        const std::string body = fill(*sample, {{"group", group_7a}});
        const std::string param = params_of(route.pattern)[0];
        const std::vector<Id>& targets = param == "pupil" ? pupils : param == "group" ? groups : schools;

        for (const char* who : kPersonas) {
            const Person& viewer = s.people.at(f.id_of(who));
            const auto token = f.sign_in(who);
            for (const Id& target : targets) {
                const Person* pupil = param == "pupil" ? &s.people.at(target) : nullptr;
                const bool allowed = expected_allowed(s, route, viewer, pupil, param == "group" ? target : "",
                                                      param == "school" ? target : "", today);
                const std::string path = fill(route.pattern, {{param, target}, {"date", "2026-12-03"}});
                const auto records = f.journal.records.size();
                const auto r = f.call(route.method, path, body, token);
                INFO(who << " on " << target << " -> " << r.status << " " << r.body.dump());
                CHECK(is_denial(r) != allowed);
                if (allowed) {
                    CHECK((r.status < 300 || r.status == 409));  // 409: allowed, but it clashes with an earlier call
                } else {
                    CHECK(f.journal.records.size() == records);
                    if (r.status == 404) {
                        const auto missing = f.call(route.method, fill(route.pattern, {{param, "x-999999"}, {"date", "2026-12-03"}}),
                                                    body, token);
                        CHECK(r.body == missing.body);
                    }
                }
                ++checked;
            }
        }
    }
    CHECK(checked > 500);
}

// --- ids in bodies ---------------------------------------------------------------------
// Ids that arrive in a body are walked like ids in paths: for every POST/PUT route, the
// fields its body knows (as RequestBody reports them) must each be declared an id field
// or plain data; every id field is sent someone else's id of its kind (another family's
// child, another school's group or staff, another person's upload or notification, a
// lesson of another class) and one that does not exist: each is refused with the field
// named, the same answer for both, and nothing is written; the caller's own id is taken.

namespace {

struct Write {
    std::string who;  // demo username
    std::string path;
    json body;
};

std::string key_of(const Route& route) { return std::string(route.method) + " " + route.pattern; }

const BoxModule* module_of(const Route& route) {
    for (const BoxModule* m : box_modules())
        for (const Route& r : m->routes)
            if (key_of(r) == key_of(route)) return m;
    return nullptr;
}

std::string target_of(const ApiFixture& f, const AllowedCaller& c) {
    const std::string t = c.target;
    if (t == "Elsa") return f.child_of("demo.vh", "Elsa");
    if (t == "Olle") return f.child_of("demo.vh", "Olle");
    if (t == "7A") return f.group_of(f.child_of("demo.vh", "Elsa"));
    return t;
}

// The id an item's create route answered with: the first object in the reply with one.
Id created_id(const json& reply) {
    for (const auto& [k, v] : reply.items())
        if (v.is_object() && v.contains("id")) return v["id"].get<std::string>();
    return "";
}

// A valid write for an owner-alone route (its sample body, sent by someone its Access names).
std::optional<Write> owner_write(ApiFixture& f, const Route& route) {
    const auto sample = valid_body(route);
    if (!sample) return std::nullopt;
    const AllowedCaller c = allowed_caller(route.access);
    const Id class_7a = f.group_of(f.child_of("demo.vh", "Elsa"));
    return Write{c.who, fill(route.pattern, {{c.param, target_of(f, c)}, {"date", "2026-12-03"}}),
                 sample->empty() ? json::object() : json::parse(fill(*sample, {{"group", class_7a}}))};
}

// Makes the item an owner-alone POST route of `module` creates; its id.
Id create_in(ApiFixture& f, const BoxModule& module) {
    for (const Route& r : module.routes) {
        if (std::string(r.method) != "POST" || !addressed_by_owner_alone(r)) continue;
        auto w = owner_write(f, r);
        if (!w) continue;
        const auto reply = f.call("POST", w->path, w->body.dump(), f.sign_in(w->who));
        if (reply.status == 201 || reply.status == 200) return created_id(reply.body);
    }
    return "";
}

// A valid POST/PUT request for the route: owner-alone routes from their samples; a PUT
// of one item (/news/{item}, /groups/{group}/lessons/{lesson}) changes an item its
// module's create route makes, with the create body; the rest by hand.
std::optional<Write> sample_write(ApiFixture& f, const Route& route) {
    const std::string key = key_of(route);
    const Id elsa = f.child_of("demo.vh", "Elsa");
    if (addressed_by_owner_alone(route)) return owner_write(f, route);
    if (key == "POST /api/v1/pupils/{pupil}/assignments/{assignment}/hand-in") {
        const Id a = create_in(f, *module_of(route));
        return Write{"demo.elev", "/api/v1/pupils/" + elsa + "/assignments/" + a + "/hand-in", {{"text", "Klar"}}};
    }
    if (key == "POST /api/v1/calendar-feeds") return Write{"demo.vh", "/api/v1/calendar-feeds", json::object()};
    if (key == "POST /api/v1/notifications/read") {
        // News for 7A notifies demo.vh (Elsa's guardian): a notification of their own.
        for (const Route& r : routes())
            if (key_of(r) == "POST /api/v1/schools/{school}/news") create_in(f, *module_of(r));
        return Write{"demo.vh", "/api/v1/notifications/read", {{"all", true}}};
    }
    if (std::string(route.method) != "PUT") return std::nullopt;
    std::vector<std::string> item_params;
    for (const auto& p : params_of(route.pattern))
        if (p != "pupil" && p != "group" && p != "school" && p != "date") item_params.push_back(p);
    const BoxModule* module = module_of(route);
    if (item_params.size() != 1 || !module) return std::nullopt;
    std::optional<Write> create;
    for (const Route& r : module->routes)
        if (std::string(r.method) == "POST" && addressed_by_owner_alone(r) && !create) create = owner_write(f, r);
    const Id item = create_in(f, *module);
    if (!create || item.empty()) return std::nullopt;
    const AllowedCaller c = allowed_caller(route.access);
    return Write{c.who, fill(route.pattern, {{c.param, target_of(f, c)}, {item_params[0], item}}), create->body};
}

Id uploaded_by(ApiFixtureWithFiles& f, const std::string& who) {
    const auto r = f.upload(f.sign_in(who), "lista.txt", "Att ta med: matsäck\n", "text/plain");
    REQUIRE(r.status == 201);
    return r.body["attachment"]["id"].get<std::string>();
}

// Someone else's ids of a kind, as `who` sees them, and one that does not exist.
struct ForeignIds {
    std::vector<Id> not_theirs;
    Id missing;
};

ForeignIds foreign_ids(ApiFixtureWithFiles& f, IdKind kind, const std::string& who) {
    const State& s = f.store.unsafe_state();
    const Id gy_pupil = f.id_of("demo.elev.gy");
    switch (kind) {
        case IdKind::Attachment:
            // A colleague's upload, a gymnasium pupil's private file.
            return {{uploaded_by(f, f.teacher_of(f.group_named(kEkbyskolan, "7B"))), uploaded_by(f, "demo.elev.gy")},
                    "att-0123456789abcdef0123456789abcdef"};
        case IdKind::Group: return {{s.people.at(gy_pupil).group_id}, "grp-999999"};
        case IdKind::Pupil: {
            std::vector<Id> pupils = {gy_pupil, f.id_of("demo.elev18.privat")};
            if (s.people.at(f.id_of(who)).role == Role::Guardian) pupils.push_back(f.child_of("demo.vh2", "Amira"));
            return {pupils, "per-999999"};
        }
        case IdKind::Staff: {
            std::vector<Id> people = {f.id_of("demo.vh"), gy_pupil};
            for (const auto& [id, p] : s.people)
                if (p.role == Role::Staff && p.school_id != kEkbyskolan) {
                    people.push_back(id);
                    break;
                }
            return {people, "per-999999"};
        }
        case IdKind::Lesson: {
            const Id own_group = f.group_of(f.child_of("demo.vh", "Elsa"));
            for (const auto& [id, l] : s.timetable.lessons)
                if (l.group_id != own_group) return {{id}, "lsn-999999"};
            return {{}, "lsn-999999"};
        }
        case IdKind::Notification: {
            f.call("POST", "/api/v1/notifications/read", R"({"all":true})", f.sign_in(who));  // nothing unread of theirs
            for (const auto& [person, notes] : s.notifications.by_recipient)
                if (person != f.id_of(who) && !notes.empty()) return {{notes.front().id}, "ntf-999999"};
            return {{}, "ntf-999999"};
        }
    }
    return {};
}

// One of the caller's own ids of the kind, usable in this request.
Id own_id(ApiFixtureWithFiles& f, IdKind kind, const Write& w) {
    const State& s = f.store.unsafe_state();
    const Id elsa = f.child_of("demo.vh", "Elsa");
    switch (kind) {
        case IdKind::Attachment: return uploaded_by(f, w.who);
        case IdKind::Group: return f.group_of(elsa);
        case IdKind::Pupil: return elsa;
        case IdKind::Staff: return f.id_of("demo.personal");
        case IdKind::Lesson: {
            const Date day = *Date::parse(w.body.value("date", "2026-12-03"));
            for (const auto& [id, l] : s.timetable.lessons)
                if (l.group_id == f.group_of(elsa) && l.weekday == day.weekday()) return id;
            return "";
        }
        case IdKind::Notification: {
            auto it = s.notifications.by_recipient.find(f.id_of(w.who));
            return it == s.notifications.by_recipient.end() || it->second.empty() ? "" : it->second.back().id;
        }
    }
    return "";
}

// The reply with `id` written as ID: to compare the answers for two different ids.
std::string without(const Response& r, const Id& id) {
    std::string text = std::to_string(r.status) + " " + r.body.dump();
    for (auto pos = text.find(id); pos != std::string::npos; pos = text.find(id)) text.replace(pos, id.size(), "ID");
    return text;
}

}  // namespace

TEST_CASE("ids in bodies are checked like ids in paths: someone else's is refused and nothing is written", "[matrix]") {
    int routes_walked = 0, ids_refused = 0;
    for (const Route& route : routes()) {
        const std::string method = route.method;
        if (method != "POST" && method != "PUT") continue;
        const std::string key = key_of(route);
        if (writes_without_body_ids().count(key)) continue;
        INFO(key);
        ApiFixtureWithFiles f;
        const auto w = sample_write(f, route);
        REQUIRE(w);  // a new write route needs a sample (route_samples.cpp) or a reason in writes_without_body_ids
        const auto token = f.sign_in(w->who);

        // The fields the body knows, from RequestBody itself: sent with one field too many,
        // the route reads the body (recording what it knows) and refuses it.
        std::set<std::string> known;
        RequestBody::record_known_fields(&known);
        json probe = w->body;
        probe["zz_probe"] = 1;
        const auto probed = f.call(method, w->path, probe.dump(), token);
        RequestBody::record_known_fields(nullptr);
        INFO(w->who << " " << w->path << " -> " << probed.status << " " << probed.body.dump());
        REQUIRE(probed.status == 400);
        CHECK(probed.body["error"]["field"] == "zz_probe");
        CHECK(!known.empty());

        for (const std::string& field : known) {
            INFO("field " << field);
            auto id_field = body_id_fields().find(field);
            if (id_field == body_id_fields().end()) {
                CHECK(is_plain_body_field(field));  // declare it in route_samples.cpp: ids, or plain data
                continue;
            }
            const auto [kind, list] = id_field->second;
            auto with_id = [&](const Id& id) {
                json b = w->body;
                b[field] = list ? json::array({id}) : json(id);
                return b.dump();
            };
            const ForeignIds foreign = foreign_ids(f, kind, w->who);
            CHECK(!foreign.not_theirs.empty());
            const auto records = f.journal.records.size();
            const auto missing = f.call(method, w->path, with_id(foreign.missing), token);
            INFO("does not exist -> " << missing.status << " " << missing.body.dump());
            CHECK((missing.status == 400 || missing.status == 403 || missing.status == 404));
            CHECK(missing.body["error"]["field"] == field);
            for (const Id& id : foreign.not_theirs) {
                const auto r = f.call(method, w->path, with_id(id), token);
                INFO("someone else's " << id << " -> " << r.status << " " << r.body.dump());
                CHECK(without(r, id) == without(missing, foreign.missing));
                ++ids_refused;
            }
            CHECK(f.journal.records.size() == records);

            const Id own = own_id(f, kind, *w);
            REQUIRE(!own.empty());
            const auto ok = f.call(method, w->path, with_id(own), token);
            INFO("their own " << own << " -> " << ok.status << " " << ok.body.dump());
            CHECK((ok.status < 300 || ok.status == 409));  // 409: taken, but it clashes with the sample's earlier call
        }
        ++routes_walked;
    }
    CHECK(routes_walked >= 30);
    CHECK(ids_refused >= 30);
}
