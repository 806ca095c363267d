// Group commit: many concurrent writes share one journal flush, and each is still
// durable before its reply (the crash test checks that part).
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <regex>
#include <thread>

#include "test_support.hpp"

using namespace skolnav::test;

TEST_CASE("concurrent writes share journal flushes", "[api][durability]") {
    TempDir data;
    ServerProcess server(data.path());
    REQUIRE(server.started());
    json snapshot = json::parse(read_file(data / "snapshot.json"));
    const int threads = 16, rounds = 15;
    std::vector<std::string> guardians = guardians_of_distinct_families(snapshot, threads);
    REQUIRE(guardians.size() == static_cast<std::size_t>(threads));

    std::atomic<int> ok{0}, bad{0};
    std::atomic<int> ready{0};
    std::atomic<bool> go{false};
    std::chrono::steady_clock::time_point start;
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t)
        pool.emplace_back([&, t] {
            ApiClient c(server.host(), server.port());
            bool signed_in = c.sign_in(guardians[t]).status == 200;
            std::string pupil;
            if (signed_in) {
                json me = c.get("/api/v1/me").json_body();
                for (const auto& p : me["pupils"])
                    if (p["adult"] == false) pupil = p["id"];
            }
            ++ready;
            while (!go) std::this_thread::yield();
            if (pupil.empty()) {
                ++bad;
                return;
            }
            for (int i = 0; i < rounds; ++i) {
                Reply r = c.post(absence_path(pupil), {{"date", kTomorrow}});
                if (r.status != 201) {
                    ++bad;
                    continue;
                }
                std::string id = r.json_body()["report"]["id"];
                (c.del(absence_path(pupil) + "/" + id).status == 204 ? ok : bad)++;
            }
        });
    while (ready < threads) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    start = std::chrono::steady_clock::now();
    go = true;
    for (auto& t : pool) t.join();
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    CHECK(bad == 0);
    REQUIRE(server.stop() == 0);

    std::smatch m;
    std::string log = server.log();
    static const std::regex stats(R"(this run: ([0-9]+) journal records, ([0-9]+) flushes)");
    INFO(log);
    REQUIRE(std::regex_search(log, m, stats));
    const long records = std::stol(m[1]), flushes = std::stol(m[2]);
    const int writes = 2 * ok;
    std::printf("[group commit] %d durable writes from %d threads in %.2f s (%.0f/s); "
                "%ld journal records, %ld flushes (%.1f records per flush)\n",
                writes, threads, seconds, writes / seconds, records, flushes,
                static_cast<double>(records) / std::max(1L, flushes));
    CHECK(records >= writes);
    CHECK(flushes < records);  // without group commit there would be one per record
}
