// A data folder written by an earlier release loads in this one. tests/fixtures holds
// one folder per snapshot format, made by that release's server (--demo-size 2, --now
// kNow) and killed with SIGKILL, so its journal still holds the records after the
// snapshot: a guardian's absence report with an emoji and a second line, a file and the
// news item it is attached to, and a meeting booking. Loading must replay them all.
#include <catch2/catch.hpp>

#include <fstream>

#include "test_support.hpp"

using namespace skolnav::test;

namespace {

const std::filesystem::path kFixtures = std::filesystem::path(SKOLNAV_SOURCE_DIR) / "tests" / "fixtures";

// A copy, so the server's checkpoint does not rewrite the committed files.
void copy_fixture(const std::string& name, const std::filesystem::path& to) {
    std::filesystem::copy(kFixtures / name, to, std::filesystem::copy_options::recursive);
}

}  // namespace

TEST_CASE("a data folder of snapshot format 1 loads, with every journal record after it", "[format]") {
    TempDir dir;
    copy_fixture("data-format-1", dir / "data");
    ServerProcess server(dir / "data");
    INFO(server.log());
    REQUIRE(server.started());
    ApiClient vh(server.host(), server.port());
    REQUIRE(vh.sign_in("demo.vh").status == 200);

    // The absence report, character for character.
    const json absence = vh.get("/api/v1/pupils/per-3/absence").json_body();
    REQUIRE(absence["reports"].size() == 1);
    CHECK(absence["reports"][0]["comment"] == "Magsjuk \xF0\x9F\xA4\x92\nrad tv\xC3\xA5");
    CHECK(absence["reports"][0]["date"] == "2026-12-01");

    // The news item and its file, which the guardian of a 7A pupil may download.
    const json news = vh.get("/api/v1/pupils/per-3/news").json_body();
    json skating;
    for (const json& item : news["items"])
        if (item["title"] == "Skridskodag \xE2\x9B\xB8") skating = item;
    REQUIRE(skating.is_object());
    CHECK(skating["body"] == "Ta med skridskor.\nHj\xC3\xA4lm kr\xC3\xA4vs.");
    REQUIRE(skating["attachments"].size() == 1);
    const Reply file = vh.get(skating["attachments"][0]["url"].get<std::string>());
    CHECK(file.status == 200);
    CHECK(file.body == "Packlista: skridskor, hj\xC3\xA4lm\n");

    // The booking.
    const json meetings = vh.get("/api/v1/pupils/per-3/meetings").json_body();
    REQUIRE(meetings["booking"].is_object());
    CHECK(meetings["booking"]["id"] == "mtg-1164");

    // And a new write goes on from there.
    const Reply more = vh.post("/api/v1/pupils/per-3/absence", json{{"date", kToday}});
    CHECK(more.status == 201);
}

TEST_CASE("a snapshot in a format this release does not know stops the start-up, naming it", "[format]") {
    TempDir dir;
    copy_fixture("data-format-1", dir / "data");
    json snapshot = json::parse(read_file(dir / "data" / "snapshot.json"));
    snapshot["format"] = "skolnav-snapshot-99";
    std::ofstream(dir / "data" / "snapshot.json", std::ios::trunc) << snapshot.dump();
    ServerProcess server(dir / "data");
    CHECK_FALSE(server.started());
    CHECK(server.exit_status() != 0);
    CHECK_THAT(server.log(), Catch::Contains("skolnav-snapshot-99"));
    // Nothing was rewritten: the newer release's data is still as it left it.
    CHECK(json::parse(read_file(dir / "data" / "snapshot.json"))["format"] == "skolnav-snapshot-99");
}
