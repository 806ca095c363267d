// Backup while the server is busy, restore into an empty folder, and every write that
// was acknowledged before the backup began is there; the file is a plain tar.
#include <catch2/catch.hpp>

#include <atomic>
#include <fstream>
#include <mutex>
#include <set>
#include <thread>

#include "test_support.hpp"

using namespace skolnav::test;

namespace {

int run(const std::string& command) { return std::system((command + " > /dev/null 2>&1").c_str()); }

std::string quoted(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

}  // namespace

TEST_CASE("backup of a busy server restores with every acknowledged write", "[backup]") {
    TempDir dir;
    // Checkpoints every few records, so backups meet them (and must read again).
    ServerProcess server(dir / "data", {"--checkpoint-records", "3"});
    REQUIRE(server.started());
    ApiClient staff(server.host(), server.port());
    REQUIRE(staff.sign_in("demo.admin").status == 200);
    const Reply upload = staff.post_raw("/api/v1/attachments?filename=schema.txt", "Vecka 50\n", "text/plain");
    REQUIRE(upload.status == 201);
    const std::string file_id = upload.json_body()["attachment"]["id"];

    // A writer publishes news as fast as it can while backups are taken.
    std::mutex mutex;
    std::vector<std::string> acknowledged;
    std::atomic<bool> stop{false};
    std::thread writer([&] {
        ApiClient c(server.host(), server.port());
        c.set_session_token(staff.session_token());
        for (int i = 0; !stop && i < 2000; ++i) {
            json body = {{"title", "Nyhet " + std::to_string(i)}, {"body", "Text."}};
            if (i == 0) body["attachment_ids"] = {file_id};
            const Reply r = c.post("/api/v1/schools/sch-2/news", body);
            if (r.status != 201) continue;
            std::lock_guard<std::mutex> lock(mutex);
            acknowledged.push_back(r.json_body()["item"]["id"]);
        }
    });
    auto acknowledged_now = [&] {
        std::lock_guard<std::mutex> lock(mutex);
        return acknowledged;
    };
    while (acknowledged_now().size() < 20) std::this_thread::sleep_for(std::chrono::milliseconds(20));

    std::vector<std::string> before_last;
    const std::string exe = quoted(server_executable());
    for (int b = 0; b < 5; ++b) {
        before_last = acknowledged_now();
        INFO("backup " << b);
        REQUIRE(run(exe + " backup --data " + quoted(dir / "data") + " --to " + quoted(dir / "backup.tar")) == 0);
    }
    stop = true;
    writer.join();
    INFO(before_last.size() << " news items acknowledged before the last backup began, "
                            << acknowledged.size() << " in all");

    // A plain tar: the standard tool lists it.
    CHECK(run("tar -tf " + quoted(dir / "backup.tar") + " snapshot.json journal.log skolnav-backup.json") == 0);

    REQUIRE(run(exe + " restore --from " + quoted(dir / "backup.tar") + " --data " + quoted(dir / "restored")) == 0);
    ServerProcess restored(dir / "restored");
    REQUIRE(restored.started());
    ApiClient again(restored.host(), restored.port());
    REQUIRE(again.sign_in("demo.admin").status == 200);
    const json news = again.get("/api/v1/schools/sch-2/news").json_body();
    std::set<std::string> found;
    for (const json& item : news["items"]) found.insert(item["id"].get<std::string>());
    int missing = 0;
    for (const std::string& id : before_last) missing += found.count(id) ? 0 : 1;
    CHECK(missing == 0);
    // The file came along, and still downloads.
    const Reply file = again.get("/api/v1/attachments/" + file_id);
    CHECK(file.status == 200);
    CHECK(file.body == "Vecka 50\n");
}

TEST_CASE("restore refuses a folder that is not empty, and a file that is not a backup", "[backup]") {
    TempDir dir;
    {
        ServerProcess server(dir / "data");
        REQUIRE(server.started());
    }
    const std::string exe = quoted(server_executable());
    REQUIRE(run(exe + " backup --data " + quoted(dir / "data") + " --to " + quoted(dir / "backup.tar")) == 0);
    // Into the live folder: refused, nothing touched.
    CHECK(run(exe + " restore --from " + quoted(dir / "backup.tar") + " --data " + quoted(dir / "data")) != 0);
    // A tar with something else in it (a path out of the folder).
    std::filesystem::create_directories(dir / "evil");
    std::ofstream(dir / "evil" / "x") << "x";
    REQUIRE(run("tar -cf " + quoted(dir / "evil.tar") + " -C " + quoted(dir / "evil") + " x") == 0);
    CHECK(run(exe + " restore --from " + quoted(dir / "evil.tar") + " --data " + quoted(dir / "into")) != 0);
    CHECK((!std::filesystem::exists(dir / "into") || std::filesystem::is_empty(dir / "into")));
    // A cut backup: incomplete, refused.
    const std::string whole = read_file(dir / "backup.tar");
    std::ofstream(dir / "cut.tar", std::ios::binary) << whole.substr(0, whole.size() / 2);
    CHECK(run(exe + " restore --from " + quoted(dir / "cut.tar") + " --data " + quoted(dir / "into2")) != 0);
}
