#include <catch2/catch.hpp>

#include <set>

#include "core/permissions.hpp"
#include "test_support.hpp"

using namespace skolnav;
using namespace skolnav::test;

TEST_CASE("the demo municipality is deterministic and scales") {
    TestCrypto crypto;
    const Date today = *Date::parse("2026-11-30");
    DemoOptions small;
    small.pupils_per_school = 30;
    CHECK(make_demo_municipality(small, today, crypto) == make_demo_municipality(small, today, crypto));
    DemoOptions other = small;
    other.seed = 7;
    CHECK(make_demo_municipality(other, today, crypto) != make_demo_municipality(small, today, crypto));

    DemoOptions big = small;
    big.pupils_per_school = 2000;
    Store store;
    store.load_snapshot(make_demo_municipality(big, today, crypto));  // also checks usernames are unique
    const State& s = store.unsafe_state();
    std::size_t pupils = 0, two_school_guardians = 0;
    for (const auto& [id, p] : s.people) {
        pupils += p.role == Role::Pupil;
        if (p.role == Role::Guardian) {
            std::set<Id> schools;
            for (const Id& c : p.children) schools.insert(s.people.at(c).school_id);
            two_school_guardians += schools.size() > 1;
        }
    }
    CHECK(pupils >= 6000);
    CHECK(two_school_guardians > 100);
    CHECK(s.schools.size() == 3);
}

TEST_CASE("the demo's highlighted accounts are in the situations they are named for") {
    ApiFixture f;
    const State& s = f.store.unsafe_state();
    const Date today = *Date::parse("2026-11-30");
    const Person& tyra = s.people.at(f.id_of("demo.elev18"));
    const Person& mans = s.people.at(f.id_of("demo.elev18.privat"));
    CHECK(is_adult(tyra, today));
    CHECK(tyra.insyn_consent);
    CHECK(is_adult(mans, today));
    CHECK_FALSE(mans.insyn_consent);
    CHECK_FALSE(is_adult(s.people.at(f.id_of("demo.elev")), today));
    CHECK_FALSE(is_adult(s.people.at(f.id_of("demo.elev.gy")), today));
    // demo.vh has children at two schools of different forms.
    const Person& vh = s.people.at(f.id_of("demo.vh"));
    REQUIRE(vh.children.size() == 2);
    CHECK(s.people.at(vh.children[0]).school_id != s.people.at(vh.children[1]).school_id);
    CHECK(demo_sign_ins(f.store.unsafe_state(), "demo").size() == 9);
}
