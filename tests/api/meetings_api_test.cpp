// Utvecklingssamtal through the real server: many guardians race for one meeting slot
// from many threads; exactly one gets it, the rest a 409, and a restart keeps the one
// booking. "now" is fixed at Monday 30 November 2026, 10:00 Stockholm.
#include <catch2/catch.hpp>

#include <atomic>
#include <cstdio>
#include <map>
#include <set>
#include <thread>

#include "test_support.hpp"

using namespace skolnav::test;

namespace {

struct Family {
    std::string guardian, pupil;  // username, pupil id
};

// One guardian per family with a child in the group, from the snapshot the server wrote.
std::vector<Family> families_of_group(const json& snapshot, const std::string& group_name, std::string& group_id) {
    const json& state = snapshot.at("state");
    for (const auto& g : state.at("groups"))
        if (g.at("name") == group_name && g.at("school_id") == "sch-2") group_id = g.at("id");
    std::set<std::string> pupils;
    for (const auto& p : state.at("people"))
        if (p.value("role", "") == "pupil" && p.value("group_id", "") == group_id) pupils.insert(p.at("id"));
    std::vector<Family> out;
    std::set<std::string> covered;
    for (const auto& p : state.at("people")) {
        if (p.value("role", "") != "guardian" || p.value("username", "").empty()) continue;
        for (const auto& child : p.value("children", json::array())) {
            const std::string id = child;
            if (pupils.count(id) && covered.insert(id).second) {
                out.push_back({p.at("username"), id});
                break;
            }
        }
    }
    return out;
}

json booked_for(ApiClient& staff, const std::string& group_id, const std::string& slot_id) {
    Reply r = staff.get("/api/v1/groups/" + group_id + "/meeting-slots");
    INFO(text_of(r));
    REQUIRE(r.status == 200);
    const json body = r.json_body();
    for (const auto& s : body.at("slots"))
        if (s.at("id") == slot_id) return s.at("booked_for");
    FAIL("slot " << slot_id << " not listed");
    return nullptr;
}

}  // namespace

TEST_CASE("many guardians race for one slot: exactly one booking, also after a restart", "[api][meetings]") {
    TempDir data;
    std::string slot_id, group_id, staff_token, winner_pupil, winner_token;
    {
        ServerProcess server(data.path(), {"--demo-size", "720"});
        REQUIRE(server.started());
        const json snapshot = json::parse(read_file(data / "snapshot.json"));
        std::vector<Family> families = families_of_group(snapshot, "7A", group_id);
        REQUIRE(families.size() >= 30);
        if (families.size() > 40) families.resize(40);

        ApiClient staff(server.host(), server.port());
        REQUIRE(staff.sign_in("demo.personal").status == 200);
        staff_token = staff.session_token();
        Reply offered = staff.post("/api/v1/groups/" + group_id + "/meeting-slots",
                                   {{"date", "2026-12-09"}, {"start", "08:00"}, {"duration_minutes", 30}, {"place", "Rum 12"}});
        INFO(text_of(offered));
        REQUIRE(offered.status == 201);
        slot_id = offered.json_body()["slots"][0]["id"];

        // Sign every guardian in (argon2id: slow on purpose), 8 at a time.
        std::vector<std::string> tokens(families.size());
        std::atomic<std::size_t> next{0};
        {
            std::vector<std::thread> pool;
            for (int t = 0; t < 8; ++t)
                pool.emplace_back([&] {
                    ApiClient c(server.host(), server.port());
                    for (std::size_t i; (i = next++) < families.size();) {
                        c.set_session_token("");
                        if (c.sign_in(families[i].guardian).status == 200) tokens[i] = c.session_token();
                    }
                });
            for (auto& t : pool) t.join();
        }
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            INFO(families[i].guardian);
            REQUIRE(!tokens[i].empty());
        }

        // Everyone at once: one thread per guardian, released together.
        std::vector<Reply> replies(families.size());
        std::atomic<bool> go{false};
        std::atomic<int> ready{0};
        std::vector<std::thread> racers;
        for (std::size_t i = 0; i < families.size(); ++i)
            racers.emplace_back([&, i] {
                ApiClient c(server.host(), server.port());
                c.set_session_token(tokens[i]);
                ++ready;
                while (!go) std::this_thread::yield();
                replies[i] = c.post("/api/v1/pupils/" + families[i].pupil + "/meetings/" + slot_id + "/booking", json::object());
            });
        while (ready < static_cast<int>(families.size())) std::this_thread::yield();
        go = true;
        for (auto& t : racers) t.join();

        int won = 0, conflicts = 0, other = 0;
        std::string others;  // what the unexpected answers were, for the failure message
        for (std::size_t i = 0; i < replies.size(); ++i) {
            const int status = replies[i].status;
            if (status == 201 || status == 200) {
                ++won;
                winner_pupil = families[i].pupil;
                winner_token = tokens[i];
            } else if (status == 409) {
                ++conflicts;
            } else {
                ++other;
                others += families[i].guardian + ": " + text_of(replies[i]) + "\n";
            }
        }
        std::printf("[meetings] %zu guardians raced for one slot: %d booked, %d got 409, %d other\n", families.size(), won,
                    conflicts, other);
        INFO(others);
        CHECK(won == 1);
        CHECK(conflicts == static_cast<int>(families.size()) - 1);
        CHECK(other == 0);
        CHECK(booked_for(staff, group_id, slot_id)["id"] == winner_pupil);
        CHECK(server.stop() == 0);
    }
    // After a restart (snapshot + journal) the slot still has exactly that one booking.
    ServerProcess server(data.path());
    REQUIRE(server.started());
    ApiClient staff(server.host(), server.port());
    staff.set_session_token(staff_token);
    CHECK(booked_for(staff, group_id, slot_id)["id"] == winner_pupil);
    ApiClient winner(server.host(), server.port());
    winner.set_session_token(winner_token);
    Reply mine = winner.get("/api/v1/pupils/" + winner_pupil + "/meetings");
    INFO(text_of(mine));
    REQUIRE(mine.status == 200);
    CHECK(mine.json_body()["booking"]["id"] == slot_id);
    server.kill_hard();
}
