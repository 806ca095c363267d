// The permission matrix, generated from the route table itself, so a new route cannot
// be missed: every route × every kind of person × their own vs. someone else's pupil,
// group and school.
//
// What it asserts for every route:
//  - without a session: 401 (except the few routes for anyone);
//  - GET routes whose only parameters are {pupil}, {group} or {school}: exactly the
//    people the route's Access names get past the permission check, everyone else is
//    denied (401/403/404) with the same answer as for an object that does not exist;
//  - every route, any method, asked by someone with no right to the object: denied or
//    refused, and the stored state is unchanged.
#include <catch2/catch.hpp>

#include <regex>
#include <set>

#include "core/box_module.hpp"
#include "core/permissions.hpp"
#include "test_support.hpp"

using namespace skolnav;
using namespace skolnav::test;

namespace {

const char* kPersonas[] = {"demo.vh", "demo.vh2", "demo.vh.gy", "demo.elev", "demo.elev.gy", "demo.elev18",
                           "demo.elev18.privat", "demo.personal", "demo.admin"};

bool is_denial(const Response& r) {
    if (r.status == 401) return true;
    if (r.status != 403 && r.status != 404) return false;
    const std::string code = r.body.is_object() && r.body.contains("error") ? r.body["error"].value("code", "") : "";
    return code == "not_found" || code == "no_insyn" || code == "forbidden" || code == "unauthenticated";
}

std::vector<std::string> params_of(const std::string& pattern) {
    std::vector<std::string> out;
    static const std::regex param(R"(\{([a-z_]+)\})");
    for (auto it = std::sregex_iterator(pattern.begin(), pattern.end(), param); it != std::sregex_iterator(); ++it)
        out.push_back((*it)[1]);
    return out;
}

std::string fill(std::string pattern, const std::map<std::string, std::string>& values) {
    for (const auto& [k, v] : values) {
        const std::string key = "{" + k + "}";
        for (auto pos = pattern.find(key); pos != std::string::npos; pos = pattern.find(key)) pattern.replace(pos, key.size(), v);
    }
    return pattern;
}

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
    // Objects no persona below may change: another family's child, another school.
    const Id amira = f.child_of("demo.vh2", "Amira");
    const Id other_group = s.people.at(f.id_of("demo.elev.gy")).group_id;
    const std::map<std::string, std::string> foreign = {{"pupil", amira}, {"group", other_group}, {"school", "sch-3"}};
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
            const json before = f.store.snapshot()["state"];
            for (const char* body : {"{}", R"({"date":"2026-12-01","comment":"x","title":"x","body":"x"})"}) {
                const auto r = f.call(route.method, fill(route.pattern, values), body, token);
                INFO(route.method << " " << route.pattern << " as " << who << " -> " << r.status << " " << r.body.dump());
                CHECK((r.status >= 400 && r.status < 500));
            }
            json after = f.store.snapshot()["state"];
            CHECK(after["sessions"].size() == before["sessions"].size());
            after["sessions"] = before["sessions"];
            CHECK(after == before);
        }
    }
}
