#include <catch2/catch.hpp>

#include "core/journal_format.hpp"

using namespace skolnav;

static std::string three_records() {
    return frame_record(1, R"({"a":1})") + frame_record(2, R"({"b":"åäö"})") + frame_record(3, R"({"c":3})");
}

TEST_CASE("crc32 matches the standard check value") { CHECK(crc32("123456789") == 0xCBF43926u); }

TEST_CASE("a clean journal reads back every record") {
    const auto r = read_journal(three_records(), 0);
    REQUIRE(r.corruption.empty());
    CHECK_FALSE(r.torn_tail);
    REQUIRE(r.records.size() == 3);
    CHECK(r.records[1].payload == R"({"b":"åäö"})");
    CHECK(r.valid_bytes == three_records().size());
}

TEST_CASE("records the snapshot already holds are skipped") {
    const auto r = read_journal(three_records(), 2);
    REQUIRE(r.records.size() == 1);
    CHECK(r.records[0].seq == 3);
}

TEST_CASE("a torn last record is dropped, the rest kept") {
    const std::string full = three_records();
    for (std::size_t cut = 1; cut < frame_record(3, R"({"c":3})").size(); ++cut) {
        const auto r = read_journal(full.substr(0, full.size() - cut), 0);
        CHECK(r.corruption.empty());
        CHECK(r.torn_tail);
        CHECK(r.records.size() == 2);
        CHECK(r.valid_bytes == frame_record(1, R"({"a":1})").size() + frame_record(2, R"({"b":"åäö"})").size());
    }
}

TEST_CASE("damage before the last record is corruption, not guessed around") {
    std::string bytes = three_records();
    bytes[bytes.find("\"a\"") + 1] = 'x';  // flip a byte in record 1's payload
    const auto r = read_journal(bytes, 0);
    CHECK_FALSE(r.corruption.empty());
    CHECK(r.corruption.find("record 1") != std::string::npos);
}

TEST_CASE("a gap in sequence numbers is corruption") {
    const auto r = read_journal(frame_record(1, "{}") + frame_record(3, "{}") + frame_record(4, "{}"), 0);
    CHECK(r.corruption.find("sequence number 3") != std::string::npos);
    const auto missing_start = read_journal(frame_record(5, "{}"), 2);
    CHECK_FALSE(missing_start.corruption.empty());
}
