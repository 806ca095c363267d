// Crash safety: SIGKILL the server while many reports are in flight, restart, and find
// every acknowledged report; a torn last journal record is dropped, damage before the
// end stops start-up.
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <sstream>
#include <thread>

#include "test_support.hpp"

using namespace skolnav::test;

namespace {

void write_file(const std::filesystem::path& p, const std::string& text) {
    std::ofstream(p, std::ios::binary | std::ios::trunc) << text;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::stringstream s(text);
    std::string line;
    while (std::getline(s, line)) lines.push_back(line);
    return lines;
}

double seconds_since(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

struct Task {
    std::string token, pupil, date;
};
struct Acked {
    std::string token, pupil, date, report_id;
};

// A few acknowledged reports, then SIGKILL: the journal holds them, the snapshot not.
std::vector<Acked> reports_then_kill(const std::filesystem::path& data) {
    std::vector<Acked> acked;
    ServerProcess server(data);
    REQUIRE(server.started());
    ApiClient c(server.host(), server.port());
    REQUIRE(c.sign_in("demo.vh").status == 200);
    json me = c.get("/api/v1/me").json_body();
    for (const auto& p : me["pupils"]) {
        Reply r = c.post(absence_path(p["id"]), {{"date", kTomorrow}, {"comment", "Före kraschen"}});
        REQUIRE(r.status == 201);
        acked.push_back({c.session_token(), p["id"], kTomorrow, r.json_body()["report"]["id"]});
    }
    server.kill_hard();
    return acked;
}

std::size_t count_listed(ServerProcess& server, const std::vector<Acked>& acked) {
    std::size_t found = 0;
    ApiClient c(server.host(), server.port());
    for (const auto& a : acked) {
        c.set_session_token(a.token);
        Reply r = c.get(absence_path(a.pupil));
        INFO(text_of(r));
        REQUIRE(r.status == 200);
        const json body = r.json_body();
        for (const auto& rep : body["reports"])
            if (rep["id"] == a.report_id && rep["date"] == a.date) ++found;
    }
    return found;
}

}  // namespace

TEST_CASE("no acknowledged report is lost when the server is killed mid-load", "[crash]") {
    TempDir data;
    auto server = std::make_unique<ServerProcess>(data.path(), std::vector<std::string>{"--demo-size", "150"});
    REQUIRE(server->started());

    // Guardians who can sign in, from the snapshot the server wrote at start-up.
    json snapshot = json::parse(read_file(data / "snapshot.json"));
    std::vector<std::string> guardians = guardians_of_distinct_families(snapshot, 120);
    REQUIRE(guardians.size() >= 50);

    // Sign them all in, 8 at a time.
    const int threads = 8;
    std::vector<std::string> tokens(guardians.size());
    std::atomic<std::size_t> next{0};
    auto t0 = std::chrono::steady_clock::now();
    {
        std::vector<std::thread> pool;
        for (int t = 0; t < threads; ++t)
            pool.emplace_back([&] {
                ApiClient c(server->host(), server->port());
                for (std::size_t i; (i = next++) < guardians.size();) {
                    c.set_session_token("");
                    if (c.sign_in(guardians[i]).status == 200) tokens[i] = c.session_token();
                }
            });
        for (auto& t : pool) t.join();
    }
    double sign_in_seconds = seconds_since(t0);
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        INFO(guardians[i]);
        REQUIRE(!tokens[i].empty());
    }
    std::printf("[crash] %zu guardians signed in from %d threads in %.2f s (%.0f ms each on average)\n",
                tokens.size(), threads, sign_in_seconds, 1000.0 * sign_in_seconds / tokens.size() * threads);

    // Every child under 18 once (two guardians share a child: one report per child and day).
    std::vector<Task> tasks;
    {
        ApiClient c(server->host(), server->port());
        std::set<std::string> seen;
        for (const auto& token : tokens) {
            c.set_session_token(token);
            json me = c.get("/api/v1/me").json_body();
            for (const auto& p : me["pupils"]) {
                if (p["adult"] == true || !seen.insert(p["id"].get<std::string>()).second) continue;
                for (const char* day : {kToday, kTomorrow}) tasks.push_back({token, p["id"], day});
            }
        }
    }
    std::shuffle(tasks.begin(), tasks.end(), std::mt19937(2026));
    REQUIRE(tasks.size() >= 100);

    // Report from 16 threads; SIGKILL the server once a third are acknowledged.
    std::mutex acked_mutex;
    std::vector<Acked> acked;
    std::atomic<std::size_t> acked_count{0}, refused{0}, failed{0};
    next = 0;
    std::vector<std::thread> pool;
    auto load_start = std::chrono::steady_clock::now();
    for (int t = 0; t < 16; ++t)
        pool.emplace_back([&] {
            ApiClient c(server->host(), server->port());
            for (std::size_t i; (i = next++) < tasks.size();) {
                const Task& task = tasks[i];
                c.set_session_token(task.token);
                Reply r = c.post(absence_path(task.pupil), {{"date", task.date}, {"comment", "Krasch-test åäö"}});
                if (r.status == 201) {
                    std::lock_guard<std::mutex> lock(acked_mutex);
                    acked.push_back({task.token, task.pupil, task.date, r.json_body()["report"]["id"]});
                    ++acked_count;
                } else if (r.status > 0) {
                    ++refused;
                } else {
                    ++failed;
                    break;  // the server is gone
                }
            }
        });
    while (acked_count < tasks.size() / 3 && seconds_since(load_start) < 60)
        std::this_thread::yield();
    double load_seconds = seconds_since(load_start);
    std::size_t acked_at_kill = acked_count;
    server->kill_hard();
    for (auto& t : pool) t.join();
    CHECK(refused == 0);
    std::printf("[crash] %zu tasks; SIGKILL after %.3f s with %zu acknowledged (%.0f reports/s); "
                "%zu acknowledged in all, %zu requests cut off\n",
                tasks.size(), load_seconds, acked_at_kill, acked_at_kill / load_seconds, acked.size(),
                failed.load());
    REQUIRE(!acked.empty());
    REQUIRE(acked.size() < tasks.size());  // the kill came mid-load

    // Restart on the same folder: every acknowledged report is there.
    auto restart_start = std::chrono::steady_clock::now();
    server = std::make_unique<ServerProcess>(data.path());
    REQUIRE(server->started());
    double restart_seconds = seconds_since(restart_start);
    std::size_t found = count_listed(*server, acked);

    // Reports that were in flight but never acknowledged may be there or not.
    std::size_t total_after = 0;
    {
        ApiClient c(server->host(), server->port());
        std::set<std::string> pupils;
        for (const auto& task : tasks) {
            if (!pupils.insert(task.pupil).second) continue;
            c.set_session_token(task.token);
            total_after += c.get(absence_path(task.pupil)).json_body()["reports"].size();
        }
    }
    std::printf("[crash] after restart (%.2f s): %zu of %zu acknowledged reports found; %zu reports in all "
                "(%zu in flight, not acknowledged, but kept)\n",
                restart_seconds, found, acked.size(), total_after, total_after - found);
    INFO(server->log());
    CHECK(found == acked.size());
    CHECK(total_after >= acked.size());
}

TEST_CASE("a torn last journal record is dropped and start-up goes on", "[crash]") {
    TempDir data;
    std::vector<Acked> acked = reports_then_kill(data.path());
    const auto journal = data / "journal.log";
    std::string text = read_file(journal);
    auto lines = lines_of(text);
    REQUIRE(lines.size() >= 3);  // session_started + one report per child
    const std::string last = lines.back();
    const std::uint64_t last_seq = std::stoull(last.substr(0, last.find(' ')));

    SECTION("half a record, no newline (the write was cut short)") {
        std::string next = std::to_string(last_seq + 1) + last.substr(last.find(' '));
        write_file(journal, text + next.substr(0, next.size() / 2));
    }
    SECTION("a whole last line with a wrong checksum") {
        std::string next = std::to_string(last_seq + 1) + " 00000000" + last.substr(last.find(' ') + 9);
        write_file(journal, text + next + "\n");
    }

    ServerProcess server(data.path());
    INFO(server.log());
    REQUIRE(server.started());
    CHECK(server.log().find("torn") != std::string::npos);
    CHECK(count_listed(server, acked) == acked.size());
    // New writes go on after the dropped record.
    ApiClient c(server.host(), server.port());
    c.set_session_token(acked[0].token);
    CHECK(c.post(absence_path(acked[0].pupil), {{"date", kToday}}).status == 201);
    server.kill_hard();
    ServerProcess again(data.path());
    REQUIRE(again.started());
    ApiClient c2(again.host(), again.port());
    c2.set_session_token(acked[0].token);
    CHECK(c2.get(absence_path(acked[0].pupil)).json_body()["reports"].size() == 2);
}

TEST_CASE("damage before the end of the journal stops start-up with a clear message", "[crash]") {
    TempDir data;
    reports_then_kill(data.path());
    const auto journal = data / "journal.log";
    std::string text = read_file(journal);
    REQUIRE(lines_of(text).size() >= 3);
    // Change one byte of the first record's payload (same length, checksum now wrong).
    std::size_t first_end = text.find('\n');
    std::size_t at = text.rfind("\"type\"", first_end);
    REQUIRE(at != std::string::npos);
    text[at + 1] = 'T';
    write_file(journal, text);
    const std::string snapshot_before = read_file(data / "snapshot.json");

    ServerProcess server(data.path());
    INFO(server.log());
    CHECK(!server.started());
    CHECK(server.exit_status() != 0);
    CHECK(server.log().find("journal.log") != std::string::npos);
    CHECK(server.log().find("damaged") != std::string::npos);
    std::printf("[crash] start-up refused (exit %d): %s", server.exit_status(), server.log().c_str());
    // Nothing was "repaired" behind our back.
    CHECK(read_file(journal) == text);
    CHECK(read_file(data / "snapshot.json") == snapshot_before);
}

TEST_CASE("background checkpoints: snapshot, empty journal, nothing lost", "[crash]") {
    TempDir data;
    std::vector<Acked> acked;
    {
        // A checkpoint as soon as the journal holds more than 3 records.
        ServerProcess server(data.path(), {"--checkpoint-records", "3"});
        REQUIRE(server.started());
        ApiClient c(server.host(), server.port());
        REQUIRE(c.sign_in("demo.vh").status == 200);
        json me = c.get("/api/v1/me").json_body();
        for (const auto& p : me["pupils"])
            for (const char* day : {kToday, kTomorrow}) {
                Reply r = c.post(absence_path(p["id"]), {{"date", day}});
                REQUIRE(r.status == 201);
                acked.push_back({c.session_token(), p["id"], day, r.json_body()["report"]["id"]});
            }
        // The checkpoint thread looks once a second.
        for (int i = 0; i < 50 && server.log().find("checkpoint at seq") == std::string::npos; ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        INFO(server.log());
        CHECK(server.log().find("checkpoint at seq") != std::string::npos);
        CHECK(std::filesystem::file_size(data / "journal.log") == 0);
        json snapshot = json::parse(read_file(data / "snapshot.json"));
        CHECK(snapshot["seq"].get<std::uint64_t>() >= 5);
        // One more write after the checkpoint lives only in the journal.
        Reply w = c.del(absence_path(acked.back().pupil) + "/" + acked.back().report_id);
        REQUIRE(w.status == 204);
        acked.pop_back();
        server.kill_hard();
    }
    ServerProcess server(data.path());
    REQUIRE(server.started());
    CHECK(count_listed(server, acked) == acked.size());
    ApiClient c(server.host(), server.port());
    c.set_session_token(acked[0].token);
    std::size_t total = 0;
    std::set<std::string> pupils;
    for (const auto& a : acked)
        if (pupils.insert(a.pupil).second) total += c.get(absence_path(a.pupil)).json_body()["reports"].size();
    CHECK(total == acked.size());  // the withdrawal was replayed too
}
