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
