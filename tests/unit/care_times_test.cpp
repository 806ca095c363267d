#include <catch2/catch.hpp>

#include "core/boxes/care_times.hpp"
#include "core/permissions.hpp"
#include "test_support.hpp"

using namespace skolnav;
using namespace skolnav::test;

namespace {
std::string care_path(const Id& pupil) { return pupil_route(pupil, "care-times"); }
std::string times(const char* arrival, const char* pickup, const char* comment = "") {
    return json{{"arrival", arrival}, {"pickup", pickup}, {"comment", comment}}.dump();
}
}  // namespace

TEST_CASE("a guardian registers, changes and removes care times from tomorrow on", "[care_times]") {
    ApiFixture f;  // Monday 30 November 2026, 10:00
    const json before = f.store.snapshot();
    const auto t = f.sign_in("demo.vh");
    const Id olle = f.child_of("demo.vh", "Olle");
    auto week = f.call("GET", care_path(olle), "", t);
    REQUIRE(week.status == 200);
    CHECK(week.body["box"] == "tidsregistrering");
    CHECK(week.body["week"] == "2026-W49");
    CHECK(week.body["opening_hours"]["open"] == "06:30");
    CHECK(week.body["opening_hours"]["close"] == "18:00");
    REQUIRE(week.body["days"].size() == 5);
    CHECK(week.body["days"][0]["locked"] == true);
    CHECK(week.body["days"][0]["can_edit"] == false);
    CHECK(week.body["days"][1]["can_edit"] == true);

    auto put = f.call("PUT", care_path(olle) + "/2026-12-01", times("07:30", "16:15", "Mormor hämtar"), t);
    REQUIRE(put.status == 200);
    CHECK(put.body["day"]["arrival"] == "07:30");
    CHECK(put.body["day"]["pickup"] == "16:15");
    CHECK(put.body["day"]["comment"] == "Mormor hämtar");
    // Edges of the opening hours are fine.
    CHECK(f.call("PUT", care_path(olle) + "/2026-12-02", times("06:30", "18:00"), t).status == 200);
    CHECK(f.call("PUT", care_path(olle) + "/2027-01-25", times("08:00", "15:00"), t).status == 200);  // eight weeks ahead
    auto again = f.call("GET", care_path(olle), "", t);
    CHECK(again.body["days"][1]["comment"] == "Mormor hämtar");
    CHECK(again.body["days"][2]["arrival"] == "06:30");

    CHECK(f.call("DELETE", care_path(olle) + "/2026-12-01", "", t).status == 204);
    CHECK(f.call("DELETE", care_path(olle) + "/2026-12-01", "", t).status == 404);
    CHECK(f.call("GET", care_path(olle), "", t).body["days"][1]["arrival"].is_null());
    auto today = f.call("DELETE", care_path(olle) + "/2026-11-30", "", t);
    CHECK(today.status == 409);
    CHECK(today.body["error"]["field"] == "date");
    check_replay(f, before);
}

TEST_CASE("care-time bad input names the field and changes nothing", "[care_times]") {
    ApiFixture f;
    const auto t = f.sign_in("demo.vh");
    const Id olle = f.child_of("demo.vh", "Olle");
    const json before = f.store.snapshot()["state"]["care_times"];
    struct Case { std::string date, body, field; int status; };
    const Case cases[] = {
        {"2026-12-01", times("06:29", "16:00"), "arrival", 400},
        {"2026-12-01", times("07:00", "18:01"), "pickup", 400},
        {"2026-12-01", times("16:00", "07:00"), "pickup", 400},
        {"2026-12-01", times("16:00", "16:00"), "pickup", 400},
        {"2026-12-01", times("7:00", "16:00"), "arrival", 400},
        {"2026-12-01", R"({"arrival":"07:00"})", "pickup", 400},
        {"2026-12-01", R"({"arrival":"07:00","pickup":"16:00","extra":1})", "extra", 400},
        {"2026-12-01", json{{"arrival", "07:00"}, {"pickup", "16:00"}, {"comment", std::string(501, 'x')}}.dump(), "comment", 400},
        {"2026-12-05", times("07:00", "16:00"), "date", 400},   // Saturday
        {"2027-01-26", times("07:00", "16:00"), "date", 400},   // more than eight weeks ahead
        {"2026-13-01", times("07:00", "16:00"), "date", 400},
        {"2026-11-30", times("07:00", "16:00"), "date", 409},   // today is locked
        {"2026-11-27", times("07:00", "16:00"), "date", 409},
    };
    for (const auto& c : cases) {
        INFO(c.date << " " << c.body);
        auto r = f.call("PUT", care_path(olle) + "/" + c.date, c.body, t);
        CHECK(r.status == c.status);
        CHECK(r.body["error"]["field"] == c.field);
    }
    CHECK(f.store.snapshot()["state"]["care_times"] == before);
}

TEST_CASE("staff read the group's week, lock days and comment; guardians are notified", "[care_times]") {
    ApiFixture f;
    const json before = f.store.snapshot();
    const Id olle = f.child_of("demo.vh", "Olle");
    const Id group = f.group_of(olle);
    const auto staff = f.sign_in(f.teacher_of(group));  // the group's generated teacher
    const auto guardian = f.sign_in("demo.vh");
    auto week = f.call("GET", group_route(group, "care-times"), "", staff);
    REQUIRE(week.status == 200);
    CHECK(week.body["box"] == "tidsregistrering");
    CHECK(week.body["pupils"].dump().find(olle) != std::string::npos);

    const std::string lock = group_route(group, "care-times/locked/2026-12-02");
    CHECK(f.call("PUT", lock, "", staff).status == 204);
    CHECK(f.call("GET", care_path(olle), "", guardian).body["days"][2]["locked"] == true);
    auto locked = f.call("PUT", care_path(olle) + "/2026-12-02", times("08:00", "16:00"), guardian);
    CHECK(locked.status == 409);
    CHECK(locked.body["error"]["code"] == "locked");
    CHECK(f.call("DELETE", lock, "", staff).status == 204);
    CHECK(f.call("PUT", care_path(olle) + "/2026-12-02", times("08:00", "16:00"), guardian).status == 200);

    auto comment = f.call("PUT", care_path(olle) + "/2026-12-01/staff-comment", R"({"comment":"Ta med regnkläder"})", staff);
    REQUIRE(comment.status == 200);
    CHECK(comment.body["day"]["staff_comment"] == "Ta med regnkläder");
    auto seen = f.call("GET", care_path(olle), "", guardian);
    CHECK(seen.body["days"][1]["staff_comment"] == "Ta med regnkläder");
    CHECK(seen.body["days"][1]["staff_comment_by"]["name"].is_string());
    CHECK(f.notifications(guardian, "care_time_comment") > 0);
    // A comment on a day without times (today: locked for guardians, not for staff).
    CHECK(f.call("PUT", care_path(olle) + "/2026-12-04/staff-comment", R"({"comment":"Utflykt"})", staff).status == 200);
    CHECK(f.call("PUT", care_path(olle) + "/2026-12-04/staff-comment", R"({"comment":""})", staff).status == 200);
    CHECK(f.call("PUT", care_path(olle) + "/2026-12-04/staff-comment", R"({})", staff).status == 400);
    check_replay(f, before);
}

TEST_CASE("care-time denials", "[care_times]") {
    ApiFixture f;
    const Id olle = f.child_of("demo.vh", "Olle"), elsa = f.child_of("demo.vh", "Elsa");
    const Id amira = f.child_of("demo.vh2", "Amira"), yusuf = f.id_of("demo.elev.gy");
    const auto vh = f.sign_in("demo.vh");
    CHECK(f.call("GET", care_path(olle)).status == 401);
    const auto missing = f.call("GET", care_path("per-999999"), "", vh);
    CHECK(f.call("GET", care_path(amira), "", vh).body == missing.body);
    CHECK(f.call("PUT", care_path(amira) + "/2026-12-01", times("08:00", "16:00"), vh).status == 404);
    CHECK(f.call("GET", care_path(olle), "", f.sign_in("demo.vh2")).status == 404);
    // Grundskola: Fritidsschema; the pupil sees it but does not edit.
    CHECK(f.call("GET", care_path(elsa), "", vh).body["box"] == "fritidsschema");
    const auto pupil = f.sign_in("demo.elev");
    CHECK(f.call("GET", care_path(elsa), "", pupil).status == 200);
    CHECK(f.call("PUT", care_path(elsa) + "/2026-12-01", times("08:00", "16:00"), pupil).status == 403);
    CHECK(f.call("DELETE", care_path(elsa) + "/2026-12-01", "", pupil).status == 403);
    // Gymnasieskola has neither box.
    CHECK(f.call("GET", care_path(yusuf), "", f.sign_in("demo.elev.gy")).status == 404);
    // Staff of another group (and staff on the guardian's route): 404.
    const auto personal = f.sign_in("demo.personal");
    const Id group = f.group_of(olle);
    CHECK(f.call("GET", care_path(olle), "", personal).status == 404);
    CHECK(f.call("PUT", care_path(olle) + "/2026-12-01/staff-comment", R"({"comment":"x"})", personal).status == 404);
    CHECK(f.call("GET", group_route(group, "care-times"), "", personal).status == 404);
    CHECK(f.call("PUT", group_route(group, "care-times/locked/2026-12-01"), "", personal).status == 404);
    CHECK(f.call("PUT", group_route(group, "care-times/locked/2026-12-01"), "", vh).status == 404);
    CHECK(f.call("PUT", care_path(olle) + "/2026-12-01/staff-comment", R"({"comment":"x"})", vh).status == 404);
    // 7A has no fritids schedule to lock? It is a grundskola group with the box: its staff may.
    const Id class_7a = f.group_of(elsa);
    CHECK(f.call("PUT", group_route(class_7a, "care-times/locked/2026-12-01"), "", personal).status == 204);
}

TEST_CASE("opening hours: the school's admin sets them, guardians' times follow", "[care_times]") {
    ApiFixture f;
    const auto admin = f.sign_in("demo.admin");  // Ekbyskolan
    CHECK(f.call("PUT", "/api/v1/schools/sch-2/opening-hours", R"({"open":"07:00","close":"17:00"})", admin).status == 200);
    CHECK(f.call("PUT", "/api/v1/schools/sch-1/opening-hours", R"({"open":"07:00","close":"17:00"})", admin).status == 404);
    CHECK(f.call("PUT", "/api/v1/schools/sch-2/opening-hours", R"({"open":"17:00","close":"07:00"})", admin).body["error"]["field"] == "close");
    CHECK(f.call("PUT", "/api/v1/schools/sch-2/opening-hours", R"({"open":"07:00","close":"17:00"})", f.sign_in("demo.personal")).status == 404);
    const auto vh = f.sign_in("demo.vh");
    const Id elsa = f.child_of("demo.vh", "Elsa");
    CHECK(f.call("PUT", care_path(elsa) + "/2026-12-01", times("06:45", "16:00"), vh).body["error"]["field"] == "arrival");
    CHECK(f.call("PUT", care_path(elsa) + "/2026-12-01", times("07:00", "17:00"), vh).status == 200);
    CHECK(opening_hours_of(f.store.unsafe_state(), "sch-2").close == 17 * 60);
}
