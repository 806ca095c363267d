// Test doubles for core's platform interfaces, and a small fixture that runs the real
// API (core::handle) over the demo municipality with a fixed clock.
#pragma once
#include <string>
#include <vector>

#include "core/api.hpp"
#include "core/demo.hpp"

namespace skolnav::test {

// Fast, deterministic stand-in for argon2id: unit tests check the rules around
// passwords, not the hash (the server's tests use the real one).
class TestCrypto : public Crypto {
public:
    std::string hash_password(std::string_view pw) override { return "test$" + std::string(pw); }
    bool verify_password(std::string_view hash, std::string_view pw) override { return hash == "test$" + std::string(pw); }
    std::string random_token() override { return "token-" + std::to_string(++counter_); }
    std::string digest(std::string_view data) override { return "digest:" + std::string(data); }
private:
    int counter_ = 0;
};

// Keeps every appended record, so tests can replay them into a fresh store.
class MemoryJournal : public Journal {
public:
    std::uint64_t append(std::string_view record) override {
        records.emplace_back(record);
        return records.size();
    }
    void make_durable(std::uint64_t seq) override { durable = seq; }
    std::vector<std::string> records;
    std::uint64_t durable = 0;
};

UnixSeconds at(const char* utc_iso);  // "2026-11-30T09:00:00Z" -> seconds

struct ApiFixture {
    explicit ApiFixture(const char* now_utc = "2026-11-30T09:00:00Z");
    Response call(const std::string& method, const std::string& path, const std::string& body = "",
                  const std::string& token = "");
    std::string sign_in(const std::string& username);  // returns the session token
    Id id_of(const std::string& username) const;
    Id child_of(const std::string& guardian_username, const std::string& first_name) const;

    FixedClock clock;
    TestCrypto crypto;
    MemoryJournal journal;
    Store store{&journal};
    Services services{clock, crypto, store};
};

}  // namespace skolnav::test
