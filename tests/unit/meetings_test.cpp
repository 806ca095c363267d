#include <catch2/catch.hpp>

#include "core/boxes/meetings.hpp"
#include "core/permissions.hpp"
#include "test_support.hpp"

using namespace skolnav;
using namespace skolnav::test;

namespace {
std::string meetings_path(const Id& pupil) { return pupil_route(pupil, "meetings"); }
std::string booking_path(const Id& pupil, const std::string& slot) { return meetings_path(pupil) + "/" + slot + "/booking"; }
std::string slots_path(const Id& group) { return group_route(group, "meeting-slots"); }
void check_meetings_replay(const ApiFixture& f, const json& before) {
    const auto again = check_replay(f, before);
    const auto& a = again->unsafe_state().meetings;
    const auto& b = f.store.unsafe_state().meetings;
    CHECK(a.by_group == b.by_group);
    CHECK(a.by_pupil == b.by_pupil);
    CHECK(a.booked_by_pupil == b.booked_by_pupil);
}
}  // namespace

TEST_CASE("a guardian books, changes and cancels a meeting", "[meetings]") {
    ApiFixture f;  // Monday 30 November 2026, 10:00; 7A's slots are next week
    const json before = f.store.snapshot();
    const auto t = f.sign_in("demo.vh");
    const Id elsa = f.child_of("demo.vh", "Elsa");
    auto list = f.call("GET", meetings_path(elsa), "", t);
    REQUIRE(list.status == 200);
    CHECK(list.body["booking"].is_null());
    const auto slots = list.body["slots"];
    REQUIRE(slots.size() == 23);  // 24 offered, one booked by Amira's guardian
    CHECK(slots[0]["starts_at"] == "2026-12-07T14:00:00+01:00");
    CHECK(slots[0]["end"] == "14:20");
    CHECK(slots[0]["staff"]["name"] == "Lena Forsberg");

    const std::string first = slots[0]["id"], second = slots[5]["id"];
    auto booked = f.call("POST", booking_path(elsa, first), "", t);
    REQUIRE(booked.status == 201);
    CHECK(booked.body["booking"]["id"] == first);
    CHECK(booked.body["booking"]["booked_by"]["name"] == "Anna Lindqvist");
    auto after = f.call("GET", meetings_path(elsa), "", t);
    CHECK(after.body["booking"]["id"] == first);
    CHECK(after.body["slots"].size() == 22);
    CHECK(f.notifications(f.sign_in("demo.personal"), "meeting_booked") > 0);
    // The same slot again: nothing changes.
    CHECK(f.call("POST", booking_path(elsa, first), "", t).status == 200);

    auto changed = f.call("POST", booking_path(elsa, second), "", t);
    REQUIRE(changed.status == 200);
    CHECK(changed.body["changed"] == true);
    const auto& m = f.store.unsafe_state().meetings;
    CHECK(m.slots.at(first).booked_for.empty());
    CHECK(m.slots.at(second).booked_for == elsa);
    CHECK(m.booked_by_pupil.at(elsa).size() == 1);

    CHECK(f.call("DELETE", meetings_path(elsa) + "/booking", "", t).status == 204);
    CHECK(f.call("DELETE", meetings_path(elsa) + "/booking", "", t).status == 404);
    CHECK(f.call("GET", meetings_path(elsa), "", t).body["slots"].size() == 23);
    check_meetings_replay(f, before);
}

TEST_CASE("a slot is never booked twice, and past slots cannot be booked", "[meetings]") {
    ApiFixture f;
    const auto vh = f.sign_in("demo.vh"), vh2 = f.sign_in("demo.vh2");
    const Id elsa = f.child_of("demo.vh", "Elsa"), amira = f.child_of("demo.vh2", "Amira");
    const auto booked_by_amira = f.call("GET", meetings_path(amira), "", vh2).body["booking"];
    REQUIRE(booked_by_amira.is_object());
    auto taken = f.call("POST", booking_path(elsa, booked_by_amira["id"]), "", vh);
    CHECK(taken.status == 409);
    CHECK(f.store.unsafe_state().meetings.slots.at(booked_by_amira["id"]).booked_for == amira);
    const std::string free = f.call("GET", meetings_path(elsa), "", vh).body["slots"][0]["id"];
    f.clock.set(at("2026-12-07T13:00:00Z"));  // 14:00 Monday next week: the first slot begins
    CHECK(f.call("POST", booking_path(elsa, free), "", vh).status == 409);
    CHECK(f.call("POST", booking_path(elsa, "mtg-999999"), "", vh).status == 404);
}

TEST_CASE("who sees and books Utvecklingssamtal", "[meetings]") {
    ApiFixture f;
    const Id elsa = f.child_of("demo.vh", "Elsa"), olle = f.child_of("demo.vh", "Olle");
    const Id amira = f.child_of("demo.vh2", "Amira"), yusuf = f.id_of("demo.elev.gy");
    const Id tyra = f.id_of("demo.elev18"), mans = f.id_of("demo.elev18.privat");
    const auto vh = f.sign_in("demo.vh");
    CHECK(f.call("GET", meetings_path(elsa)).status == 401);
    CHECK(f.call("GET", meetings_path(olle), "", vh).status == 200);  // förskola: guardians
    const auto missing = f.call("GET", meetings_path("per-999999"), "", vh);
    CHECK(f.call("GET", meetings_path(amira), "", vh).body == missing.body);
    CHECK(f.call("GET", meetings_path(elsa), "", f.sign_in("demo.elev")).status == 403);  // grundskola pupils do not book
    CHECK(f.call("GET", meetings_path(yusuf), "", f.sign_in("demo.elev.gy")).status == 403);  // under 18
    CHECK(f.call("GET", meetings_path(yusuf), "", f.sign_in("demo.vh2")).status == 200);
    const auto adult = f.sign_in("demo.elev18");
    auto own = f.call("GET", meetings_path(tyra), "", adult);
    REQUIRE(own.status == 200);
    REQUIRE(!own.body["slots"].empty());
    CHECK(f.call("POST", booking_path(tyra, own.body["slots"][0]["id"]), "", adult).status == 201);
    const auto vh_gy = f.sign_in("demo.vh.gy");
    CHECK(f.call("GET", meetings_path(tyra), "", vh_gy).body["booking"].is_object());  // insyn: sees the booking
    CHECK(f.call("GET", meetings_path(mans), "", vh_gy).body["error"]["code"] == "no_insyn");
    // A slot offered to another group cannot be booked through this pupil.
    CHECK(f.call("POST", booking_path(elsa, own.body["slots"][1]["id"]), "", vh).status == 404);
    CHECK(f.call("GET", meetings_path(elsa), "", f.sign_in("demo.personal")).status == 404);
}

TEST_CASE("staff offer slots to the group or one pupil, and withdraw them", "[meetings]") {
    ApiFixture f;
    const json before = f.store.snapshot();
    const Id elsa = f.child_of("demo.vh", "Elsa"), amira = f.child_of("demo.vh2", "Amira");
    const Id class_7a = f.group_of(elsa);
    const auto staff = f.sign_in("demo.personal");
    const auto vh = f.sign_in("demo.vh"), vh2 = f.sign_in("demo.vh2");
    auto offered = f.call("POST", slots_path(class_7a),
                          R"({"date":"2026-12-10","start":"08:00","duration_minutes":15,"count":3,"place":"Rum 12"})", staff);
    REQUIRE(offered.status == 201);
    REQUIRE(offered.body["slots"].size() == 3);
    CHECK(offered.body["slots"][2]["start"] == "08:30");
    CHECK(f.notifications(vh, "meeting_slots") > 0);
    CHECK(f.notifications(f.sign_in("demo.elev"), "meeting_slots") == 0);  // grundskola pupils do not book
    CHECK(f.call("GET", meetings_path(elsa), "", vh).body["slots"].size() == 26);

    // One pupil only: Amira's guardian does not see it.
    auto only_elsa = f.call("POST", slots_path(class_7a), json{{"date", "2026-12-11"}, {"start", "09:00"}, {"pupil", elsa}}.dump(), staff);
    REQUIRE(only_elsa.status == 201);
    const std::string private_slot = only_elsa.body["slots"][0]["id"];
    CHECK(only_elsa.body["slots"][0]["offered_to"] == "pupil");
    CHECK(f.call("GET", meetings_path(amira), "", vh2).body.dump().find(private_slot) == std::string::npos);
    CHECK(f.call("POST", booking_path(amira, private_slot), "", vh2).status == 404);
    REQUIRE(f.call("POST", booking_path(elsa, private_slot), "", vh).status == 201);

    auto listed = f.call("GET", slots_path(class_7a), "", staff);
    REQUIRE(listed.status == 200);
    CHECK(listed.body["slots"].size() == 28);
    CHECK(listed.body.dump().find("Elsa Lindqvist") != std::string::npos);

    // Withdrawing a booked slot tells the family.
    CHECK(f.call("DELETE", slots_path(class_7a) + "/" + private_slot, "", staff).status == 204);
    CHECK(f.notifications(vh, "meeting_cancelled") > 0);
    CHECK(f.call("GET", meetings_path(elsa), "", vh).body["booking"].is_null());
    CHECK(f.call("DELETE", slots_path(class_7a) + "/" + private_slot, "", staff).status == 404);
    check_meetings_replay(f, before);
}

TEST_CASE("offering slots: bad input and denials", "[meetings]") {
    ApiFixture f;
    const Id elsa = f.child_of("demo.vh", "Elsa"), yusuf = f.id_of("demo.elev.gy");
    const Id class_7a = f.group_of(elsa);
    const auto staff = f.sign_in("demo.personal");
    const auto count = f.store.unsafe_state().meetings.slots.size();
    const std::pair<std::string, std::string> cases[] = {
        {R"({"start":"08:00"})", "date"},
        {R"({"date":"2026-12-10"})", "start"},
        {R"({"date":"2026-12-10","start":"25:00"})", "start"},
        {R"({"date":"2026-11-30","start":"09:00"})", "start"},  // already past
        {R"({"date":"2026-12-10","start":"08:00","duration_minutes":300})", "duration_minutes"},
        {R"({"date":"2026-12-10","start":"08:00","count":0})", "count"},
        {R"({"date":"2026-12-10","start":"23:00","count":4})", "count"},
        {json{{"date", "2026-12-10"}, {"start", "08:00"}, {"pupil", yusuf}}.dump(), "pupil"},
        {R"({"date":"2026-12-10","start":"08:00","room":"x"})", "room"},
        {R"({"date":"2028-12-10","start":"08:00"})", "date"},
    };
    for (const auto& [body, field] : cases) {
        INFO(body);
        auto r = f.call("POST", slots_path(class_7a), body, staff);
        CHECK(r.status == 400);
        CHECK(r.body["error"]["field"] == field);
    }
    // Overlapping one's own slots: 409 (7A's demo slots are Monday 7 December 14:00–16:00).
    CHECK(f.call("POST", slots_path(class_7a), R"({"date":"2026-12-07","start":"15:50"})", staff).status == 409);
    CHECK(f.store.unsafe_state().meetings.slots.size() == count);

    const std::string ok = R"({"date":"2026-12-10","start":"08:00"})";
    const Id class_7b = f.group_named("7B");
    CHECK(f.call("POST", slots_path(class_7b), ok, staff).status == 404);
    CHECK(f.call("GET", slots_path(class_7b), "", staff).status == 404);
    for (const char* who : {"demo.vh", "demo.elev"}) CHECK(f.call("POST", slots_path(class_7a), ok, f.sign_in(who)).status == 404);
    CHECK(f.call("POST", slots_path(class_7a), ok, f.sign_in("demo.admin")).status == 201);
}

TEST_CASE("the box is active only while a slot can be booked or a booking is ahead", "[meetings]") {
    ApiFixture f;
    const State& s = f.store.unsafe_state();
    const Person& elsa = s.people.at(f.child_of("demo.vh", "Elsa"));
    CHECK(meetings_box_active(s, elsa, at("2026-11-30T09:00:00Z")));
    CHECK_FALSE(meetings_box_active(s, elsa, at("2026-12-31T09:00:00Z")));  // every slot has passed
    for (const auto& [id, g] : s.groups)
        if (g.name == "9B")
            for (const Id& p : pupils_of_group(s, id)) CHECK_FALSE(meetings_box_active(s, s.people.at(p), at("2026-11-30T09:00:00Z")));
    const UnixSeconds now = at("2026-11-30T09:00:00Z");
    json card = f.card("meetings", Box::Utvecklingssamtal, "demo.vh", elsa.id, now);
    CHECK(card["active"] == true);
    CHECK(card["count"] == 23);
    const auto t = f.sign_in("demo.vh");
    const std::string slot = f.call("GET", meetings_path(elsa.id), "", t).body["slots"][3]["id"];
    REQUIRE(f.call("POST", booking_path(elsa.id, slot), "", t).status == 201);
    card = f.card("meetings", Box::Utvecklingssamtal, "demo.vh", elsa.id, now);
    CHECK_THAT(card["summary"].get<std::string>(), Catch::StartsWith("Bokat: mån 7 dec 15:20"));
    CHECK(meetings_box_active(s, elsa, at("2026-12-07T14:10:00Z")));  // during the meeting
    CHECK_FALSE(meetings_box_active(s, elsa, at("2026-12-11T09:00:00Z")));
}
