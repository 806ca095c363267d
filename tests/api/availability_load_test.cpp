// Issue 10's "done when": 1,000 slow or idle connections and 1,000 concurrent sign-ins
// against the real server while a signed-in person keeps asking GET /api/v1/me
// (load_scenario.hpp). Prints the figures; asserts only generous bounds: every /me is
// answered within 2 s, every sign-in gets an answer (ctest api_load).
// tests/bench/availability_bench.cpp runs the same for longer, against any build.
#include <catch2/catch.hpp>

#include "load_scenario.hpp"
#include "test_support.hpp"

using namespace skolnav::test;

TEST_CASE("load: 1,000 slow or idle connections and 1,000 sign-ins at once; /me is still answered", "[load]") {
    REQUIRE(allow_open_files(8192) >= 2500);
    // The head deadline raised to a minute, so all 1,000 stay open through the run
    // (by default the server drops them after 10 s, which is a defence of its own).
    Fresh fresh({"--request-timeout", "60"});
    REQUIRE(fresh.server.started());
    REQUIRE(fresh.client.sign_in("demo.vh").status == 200);
    const LoadResult r = run_load(fresh.server.port(), fresh.client.session_token(), LoadPlan{});
    r.print("load");

    CHECK(r.quiet_unanswered == 0);
    CHECK(r.attacked_unanswered == 0);
    CHECK(r.attacked.count >= 20);
    CHECK(r.held_at_end >= 900);  // the server held them, without a thread each
    CHECK(r.sign_ins_answered == 1000);
    for (const auto& [outcome, n] : r.sign_in_outcomes) CHECK((outcome == "401" || outcome.rfind("429 ", 0) == 0));
    CHECK(r.sign_in_outcomes.count("429 sign_in_busy (no Retry-After)") == 0);
    CHECK(r.sign_in_outcomes.count("429 too_many_attempts (no Retry-After)") == 0);
    CHECK(r.sign_in_outcomes.count("429 sign_in_busy") == 1);  // the sign-in queue overflowed, and said so
}
