#include <catch2/catch.hpp>

#include "core/permissions.hpp"
#include "test_support.hpp"

using namespace skolnav;
using namespace skolnav::test;

namespace {

std::string contacts(const Id& pupil) { return pupil_route(pupil, "contacts"); }

json guardian_entry(const json& body, const Id& guardian) {
    for (const auto& p : body["pupils"])
        if (json g = find_id(p["guardians"], guardian); !g.is_null()) return g;
    return nullptr;
}
// A gymnasium pupil aged 17 today, without consent, with a guardian who signs in.
Id seventeen_year_old(const ApiFixture& f, const Date& today) {
    const State& s = f.store.unsafe_state();
    for (const auto& [id, p] : s.people)
        if (p.role == Role::Pupil && p.school_id == "sch-3" && p.birth_date && age_on(*p.birth_date, today) == 17 &&
            !p.insyn_consent && s.guardians_of.count(id))
            return id;
    throw std::runtime_error("no 17-year-old in the demo");
}

}  // namespace

TEST_CASE("the class list: pupils, guardians' chosen details, staff with the mentor marked", "[contacts]") {
    ApiFixture f;
    const auto vh = f.sign_in("demo.vh");
    const Id elsa = f.child_of("demo.vh", "Elsa");
    auto r = f.call("GET", contacts(elsa), "", vh);
    REQUIRE(r.status == 200);
    CHECK(r.body["group"]["name"] == "7A");
    const State& s = f.store.unsafe_state();
    CHECK(r.body["pupils"].size() == pupils_of_group(s, s.people.at(elsa).group_id).size());
    // Amira's guardian (demo.vh2) has the default: e-mail only.
    const json hassan = guardian_entry(r.body, f.id_of("demo.vh2"));
    REQUIRE(hassan.is_object());
    CHECK(hassan["name"] == "Mohammed Hassan");
    CHECK(hassan.contains("email"));
    CHECK_FALSE(hassan.contains("phone"));
    CHECK_FALSE(hassan.contains("address"));
    // demo.vh shows phone too, and is marked as me.
    const json me = guardian_entry(r.body, f.id_of("demo.vh"));
    REQUIRE(me.is_object());
    CHECK(me.contains("phone"));
    CHECK(me["me"] == true);
    // Staff: demo.personal is the mentor (klassföreståndare).
    const json lena = find_id(r.body["staff"], f.id_of("demo.personal"));
    REQUIRE(lena.is_object());
    CHECK(lena["mentor"] == true);
    CHECK(lena["title"] == "Klassföreståndare");
    CHECK(lena["email"].get<std::string>().find('@') != std::string::npos);
    CHECK(r.body["staff"].size() == 2);

    // The pupil sees the same list.
    CHECK(f.call("GET", contacts(elsa), "", f.sign_in("demo.elev")).body["pupils"].size() == r.body["pupils"].size());
    // Preschool: the department.
    auto olle = f.call("GET", contacts(f.child_of("demo.vh", "Olle")), "", vh);
    REQUIRE(olle.status == 200);
    CHECK(olle.body["group"]["name"] == "Humlan");
}

TEST_CASE("a guardian chooses which details are shown; others see the change at once", "[contacts]") {
    ApiFixture f;
    const auto vh2 = f.sign_in("demo.vh2");
    auto mine = f.call("GET", "/api/v1/me/contact-visibility", "", vh2);
    REQUIRE(mine.status == 200);
    CHECK(mine.body["visibility"] == json{{"phone", false}, {"email", true}, {"address", false}});
    CHECK_FALSE(mine.body["details"]["address"].get<std::string>().empty());
    auto set = f.call("PUT", "/api/v1/me/contact-visibility", R"({"phone":true,"address":true,"email":false})", vh2);
    REQUIRE(set.status == 200);
    CHECK(set.body["visibility"] == json{{"phone", true}, {"email", false}, {"address", true}});

    const auto vh = f.sign_in("demo.vh");
    auto list = f.call("GET", contacts(f.child_of("demo.vh", "Elsa")), "", vh);
    const json hassan = guardian_entry(list.body, f.id_of("demo.vh2"));
    REQUIRE(hassan.is_object());
    CHECK(hassan.contains("phone"));
    CHECK(hassan.contains("address"));
    CHECK_FALSE(hassan.contains("email"));
    // A partial change keeps the rest.
    REQUIRE(f.call("PUT", "/api/v1/me/contact-visibility", R"({"phone":false})", vh2).status == 200);
    CHECK(f.call("GET", "/api/v1/me/contact-visibility", "", vh2).body["visibility"] ==
          json{{"phone", false}, {"email", false}, {"address", true}});
}

TEST_CASE("contact visibility: bad input and who may set it", "[contacts]") {
    ApiFixture f;
    const auto vh = f.sign_in("demo.vh");
    const auto records = f.journal.records.size();
    CHECK(f.call("PUT", "/api/v1/me/contact-visibility", R"({"phone":"ja"})", vh).body["error"]["field"] == "phone");
    CHECK(f.call("PUT", "/api/v1/me/contact-visibility", R"({"fax":true})", vh).body["error"]["field"] == "fax");
    CHECK(f.call("PUT", "/api/v1/me/contact-visibility", R"({})", vh).status == 400);
    CHECK(f.call("PUT", "/api/v1/me/contact-visibility", "[]", vh).status == 400);
    CHECK(f.journal.records.size() == records);
    for (const char* who : {"demo.elev", "demo.personal", "demo.admin"}) {
        const auto t = f.sign_in(who);
        auto r = f.call("PUT", "/api/v1/me/contact-visibility", R"({"phone":true})", t);
        INFO(who);
        CHECK(r.status == 403);
        CHECK(f.call("GET", "/api/v1/me/contact-visibility", "", t).status == 403);
    }
    CHECK(f.call("GET", "/api/v1/me/contact-visibility", "").status == 401);
}

TEST_CASE("class list denials", "[contacts]") {
    ApiFixture f;
    const Id elsa = f.child_of("demo.vh", "Elsa");
    check_reader_denials(f, "contacts");
    CHECK(f.call("GET", contacts(elsa), "", f.sign_in("demo.vh2")).status == 404);
    CHECK(f.call("GET", contacts(elsa), "", f.sign_in("demo.elev.gy")).status == 404);
    CHECK(f.call("GET", contacts("per-0"), "", f.sign_in("demo.vh")).status == 404);
    const auto admin = f.sign_in("demo.admin");
    REQUIRE(f.call("PUT", "/api/v1/schools/sch-2/boxes", R"({"boxes":["franvaro"]})", admin).status == 200);
    CHECK(f.call("GET", contacts(elsa), "", f.sign_in("demo.vh")).status == 404);
}

TEST_CASE("the class list shows guardians of adult pupils only with insyn", "[contacts][insyn]") {
    ApiFixture f;
    const Id tyra = f.child_of("demo.vh.gy", "Tyra");
    const Id gy_vh = f.id_of("demo.vh.gy");
    const auto tyra_token = f.sign_in("demo.elev18");
    auto list = f.call("GET", contacts(tyra), "", tyra_token);
    REQUIRE(list.status == 200);
    CHECK(guardian_entry(list.body, gy_vh).is_object());
    REQUIRE(f.call("PUT", "/api/v1/me/insyn", R"({"consent":false})", tyra_token).status == 200);
    list = f.call("GET", contacts(tyra), "", tyra_token);
    CHECK(guardian_entry(list.body, gy_vh).is_null());
}

TEST_CASE("the Kontaktlista card counts the class", "[contacts]") {
    ApiFixture f;
    const auto vh = f.sign_in("demo.vh");
    const Id elsa = f.child_of("demo.vh", "Elsa");
    const State& s = f.store.unsafe_state();
    const auto n = pupils_of_group(s, s.people.at(elsa).group_id).size();
    const json card = f.start_card(elsa, vh, "kontaktlista");
    REQUIRE(card.is_object());
    CHECK(card["summary"] == std::to_string(n) + " elever i 7A");
    CHECK(card["count"] == n);
}

TEST_CASE("insyn: consent and withdrawal take effect at once, for the adult pupil only", "[insyn]") {
    ApiFixture f;
    const Id mans = f.child_of("demo.vh.gy", "Måns");
    const auto guardian = f.sign_in("demo.vh.gy");
    const auto mans_token = f.sign_in("demo.elev18.privat");
    const std::string page = "/api/v1/pupils/" + mans + "/start";
    CHECK(f.call("GET", page, "", guardian).status == 403);
    CHECK(f.call("GET", "/api/v1/me/insyn", "", mans_token).body["consent"] == false);

    auto give = f.call("PUT", "/api/v1/me/insyn", R"({"consent":true})", mans_token);
    REQUIRE(give.status == 200);
    CHECK(give.body["consent"] == true);
    CHECK(f.call("GET", page, "", guardian).status == 200);
    CHECK(f.call("GET", "/api/v1/pupils/" + mans + "/absence", "", guardian).status == 200);

    REQUIRE(f.call("PUT", "/api/v1/me/insyn", R"({"consent":false})", mans_token).status == 200);
    auto denied = f.call("GET", page, "", guardian);
    CHECK(denied.status == 403);
    CHECK(denied.body["error"]["code"] == "no_insyn");

    // Bad input changes nothing.
    const auto records = f.journal.records.size();
    CHECK(f.call("PUT", "/api/v1/me/insyn", R"({})", mans_token).body["error"]["field"] == "consent");
    CHECK(f.call("PUT", "/api/v1/me/insyn", R"({"consent":"ja"})", mans_token).body["error"]["field"] == "consent");
    CHECK(f.call("PUT", "/api/v1/me/insyn", R"({"consent":true,"x":1})", mans_token).body["error"]["field"] == "x");
    CHECK(f.journal.records.size() == records);

    // Nobody else decides: a minor pupil, the guardian, staff.
    for (const char* who : {"demo.elev.gy", "demo.elev", "demo.vh.gy", "demo.personal", "demo.admin"}) {
        auto r = f.call("PUT", "/api/v1/me/insyn", R"({"consent":true})", f.sign_in(who));
        INFO(who);
        CHECK(r.status == 403);
        CHECK(!r.body["error"]["message"].get<std::string>().empty());
    }
    CHECK(f.call("GET", page, "", guardian).status == 403);
}

TEST_CASE("the 18th birthday turns a guardian's access off unless the pupil consents", "[insyn]") {
    ApiFixture f;
    const Date today = Date::parse("2026-11-30").value();
    const Id pupil = seventeen_year_old(f, today);
    const State& s = f.store.unsafe_state();
    const Person& p = s.people.at(pupil);
    Date birthday{p.birth_date->year + 18, p.birth_date->month, p.birth_date->day};
    if (birthday.month == 2 && birthday.day == 29 && !is_leap_year(birthday.year)) birthday.day = 28;
    const std::string guardian_name = s.people.at(s.guardians_of.at(pupil).front()).username;
    const std::string pupil_name = p.username;
    const std::string page = "/api/v1/pupils/" + pupil + "/start";
    const UnixSeconds midnight = TimeZone::named("Europe/Stockholm")->start_of_day(birthday);

    // Sessions are signed in at each moment (a session does not last for months).
    f.clock.set(midnight - 60);
    CHECK(f.call("GET", page, "", f.sign_in(guardian_name)).status == 200);
    CHECK(f.call("PUT", "/api/v1/me/insyn", R"({"consent":true})", f.sign_in(pupil_name)).status == 403);  // still 17

    f.clock.set(midnight);
    const auto guardian = f.sign_in(guardian_name);
    auto denied = f.call("GET", page, "", guardian);
    CHECK(denied.status == 403);
    CHECK(denied.body["error"]["code"] == "no_insyn");
    REQUIRE(f.call("PUT", "/api/v1/me/insyn", R"({"consent":true})", f.sign_in(pupil_name)).status == 200);
    CHECK(f.call("GET", page, "", guardian).status == 200);
}

TEST_CASE("contact and insyn events replay to the same state", "[contacts][insyn]") {
    ApiFixture f;
    const json before = f.store.snapshot();
    REQUIRE(f.call("PUT", "/api/v1/me/contact-visibility", R"({"phone":true})", f.sign_in("demo.vh2")).status == 200);
    const auto mans = f.sign_in("demo.elev18.privat");
    REQUIRE(f.call("PUT", "/api/v1/me/insyn", R"({"consent":true})", mans).status == 200);
    CHECK(f.journal.durable == f.journal.records.size());
    const auto again = check_replay(f, before);
    CHECK(again->unsafe_state().people.at(f.id_of("demo.elev18.privat")).insyn_consent);
    check_snapshot_round_trip(f);
}
