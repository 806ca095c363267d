#include <catch2/catch.hpp>

#include "test_support.hpp"

using namespace skolnav;
using namespace skolnav::test;

TEST_CASE("replaying the journal over the snapshot rebuilds the same state") {
    ApiFixture f;
    const json snapshot_before = f.store.snapshot();
    const auto token = f.sign_in("demo.vh");
    const Id elsa = f.child_of("demo.vh", "Elsa");
    REQUIRE(f.call("POST", pupil_route(elsa, "absence"), R"({"date":"2026-12-01","comment":"Feber"})", token).status == 201);
    REQUIRE(f.call("POST", pupil_route(elsa, "absence"), R"({"date":"2026-11-30"})", token).status == 201);
    CHECK(f.journal.durable == f.journal.records.size());  // every acknowledged write is durable

    const auto again = check_replay(f, snapshot_before);
    CHECK(again->unsafe_state().absence.reports.size() == 2);
}

TEST_CASE("a snapshot round-trips through JSON text") {
    ApiFixture f;
    f.sign_in("demo.vh");
    check_snapshot_round_trip(f);
}

TEST_CASE("an event of unknown type stops replay with a clear error") {
    Store s;
    CHECK_THROWS_WITH(s.replay(1, json{{"type", "meteor_strike"}}), Catch::Contains("unknown event type: meteor_strike"));
}

TEST_CASE("ids are never handed out twice, also after a restart") {
    ApiFixture f;
    const auto token = f.sign_in("demo.vh");
    const Id elsa = f.child_of("demo.vh", "Elsa");
    const auto first = f.call("POST", pupil_route(elsa, "absence"), R"({"date":"2026-12-01"})", token);
    Store restarted;
    restarted.load_snapshot(f.store.snapshot());
    auto txn = restarted.begin();
    CHECK(txn.new_id("abs") != first.body["report"]["id"].get<std::string>());
}
