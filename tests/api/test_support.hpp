// Shared helpers for the API tests: a fresh server per test, demo people's ids.
#pragma once
#include <string>

#include "api_client.hpp"
#include "server_process.hpp"

namespace skolnav::test {

// A fresh data folder and a server on it, plus one client.
struct Fresh {
    TempDir data;
    ServerProcess server;
    ApiClient client;
    explicit Fresh(std::vector<std::string> extra = {})
        : server(data.path(), std::move(extra)), client(server.host(), server.port()) {}
};

// The pupil in /api/v1/me whose `field` (a top-level key, or "school.form") equals value.
json find_pupil(const json& me, const std::string& field, const std::string& value);
std::string absence_path(const std::string& pupil_id);
std::string text_of(const Reply& r);
std::string read_file(const std::filesystem::path& p);

// Usernames of up to `max` guardians from a snapshot (DATA/snapshot.json), each adding
// children none of the earlier ones has: sign-ins are slow on purpose (argon2id), so
// this reaches as many children as it can with few of them.
std::vector<std::string> guardians_of_distinct_families(const json& snapshot, std::size_t max);  // status and body, for failure messages

}  // namespace skolnav::test
