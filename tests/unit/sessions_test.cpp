// One's own sessions: the idle and absolute limits, the coarse "last used" stamp, the
// session list with devices, ending one or all, and changing one's password. Each
// change that ends sessions must replay from the journal to the same state.
#include <catch2/catch.hpp>

#include "core/sessions.hpp"
#include "test_support.hpp"

using namespace skolnav;
using namespace skolnav::test;

namespace {

constexpr char kChromeWindows[] =
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";
constexpr char kSafariIphone[] =
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 "
    "Mobile/15E148 Safari/604.1";

// Signs in as a browser with this User-Agent; returns the token.
std::string sign_in_from(ApiFixture& f, const std::string& username, const std::string& user_agent) {
    Request r;
    r.method = "POST";
    r.path = "/api/v1/session";
    r.body = json{{"username", username}, {"password", "demo"}}.dump();
    r.user_agent = user_agent;
    const Response out = handle(r, f.services);
    REQUIRE(out.status == 200);
    return *out.set_session_token;
}

json sessions_of(ApiFixture& f, const std::string& token) {
    const auto r = f.call("GET", "/api/v1/sessions", "", token);
    REQUIRE(r.status == 200);
    return r.body["sessions"];
}

std::string password_body(const std::string& current, const std::string& fresh) {
    return json{{"current_password", current}, {"new_password", fresh}}.dump();
}

}  // namespace

TEST_CASE("a device is named from its User-Agent") {
    auto named = [](const char* ua) {
        const Device d = device_from_user_agent(ua);
        return d.browser + "/" + d.platform;
    };
    CHECK(named(kChromeWindows) == "Chrome/Windows");
    CHECK(named(kSafariIphone) == "Safari/iPhone");
    CHECK(named("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_1) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 "
                "Safari/605.1.15") == "Safari/Mac");
    CHECK(named("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 "
                "Safari/537.36 Edg/120.0.0.0") == "Edge/Windows");
    CHECK(named("Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0") == "Firefox/Linux");
    CHECK(named("Mozilla/5.0 (Linux; Android 14; SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/23.0 "
                "Chrome/115.0.0.0 Mobile Safari/537.36") == "Samsung Internet/Android");
    CHECK(named("Mozilla/5.0 (iPad; CPU OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/120.0 "
                "Mobile/15E148 Safari/604.1") == "Chrome/iPad");
    CHECK(named("") == "/");
    CHECK(named("curl/8.4.0") == "/");

    Session s;
    s.browser = "Chrome";
    s.platform = "Windows";
    CHECK(device_label(s, Language::sv) == "Chrome på Windows");
    CHECK(device_label(s, Language::en) == "Chrome on Windows");
    s.browser = s.platform = "";
    CHECK(device_label(s, Language::sv) == "Okänd webbläsare");
    CHECK(device_label(s, Language::en) == "Unknown browser");
}

TEST_CASE("a session unused for the idle time ends; use keeps it alive until the absolute limit") {
    ApiFixture f;
    f.services.session_idle_seconds = kDefaultSessionIdle;
    const auto idle = f.sign_in("demo.vh");
    const auto busy = f.sign_in("demo.vh");
    // Used every day: alive after the idle time, while the unused one has ended.
    for (int day = 1; day <= 8; ++day) {
        f.clock.advance(24 * 3600);
        CHECK(f.call("GET", "/api/v1/me", "", busy).status == 200);
    }
    CHECK(f.call("GET", "/api/v1/me", "", idle).status == 401);
    // Just under the idle time counts as in use; the limit is the server's setting.
    f.services.session_idle_seconds = 2 * 24 * 3600;
    f.clock.advance(2 * 24 * 3600 - 60);
    CHECK(f.call("GET", "/api/v1/me", "", busy).status == 200);
    // Daily use does not pass the absolute limit of 30 days.
    for (int day = 0; day < 22; ++day) {
        f.clock.advance(24 * 3600);
        f.call("GET", "/api/v1/me", "", busy);
    }
    CHECK(f.call("GET", "/api/v1/me", "", busy).status == 401);
}

TEST_CASE("last used is stamped at most every few minutes, and never made durable") {
    ApiFixture f;
    const auto token = f.sign_in("demo.vh");
    const auto records = f.journal.records.size();
    const auto durable = f.journal.durable;
    for (int i = 0; i < 20; ++i) {
        f.clock.advance(10);  // 20 requests in 200 seconds: no stamp yet
        REQUIRE(f.call("GET", "/api/v1/me", "", token).status == 200);
    }
    CHECK(f.journal.records.size() == records);
    f.clock.advance(kSessionUseStamp);
    REQUIRE(f.call("GET", "/api/v1/me", "", token).status == 200);
    REQUIRE(f.call("GET", "/api/v1/me", "", token).status == 200);
    REQUIRE(f.journal.records.size() == records + 1);
    CHECK(json::parse(f.journal.records.back())["type"] == "session_used");
    CHECK(f.journal.durable == durable);
    const auto& s = f.store.unsafe_state().sessions.at(f.crypto.digest(token));
    CHECK(s.last_used_at == f.clock.now());
}

TEST_CASE("the session list shows one's own sessions with device, this one marked, never the token") {
    ApiFixture f;
    const auto pc = sign_in_from(f, "demo.vh", kChromeWindows);
    const auto phone = sign_in_from(f, "demo.vh", kSafariIphone);
    const auto someone_else = sign_in_from(f, "demo.vh2", kChromeWindows);
    f.clock.advance(3600);
    f.call("GET", "/api/v1/me", "", pc);

    const json list = sessions_of(f, phone);
    REQUIRE(list.size() == 2);
    CHECK(list[0]["current"] == true);
    CHECK(list[0]["device"] == "Safari på iPhone");
    CHECK(list[1]["current"] == false);
    CHECK(list[1]["device"] == "Chrome på Windows");
    CHECK(list[1]["last_used_at"] == "2026-11-30T11:00:00+01:00");
    CHECK(list[1]["created_at"] == "2026-11-30T10:00:00+01:00");
    // The public id is neither a token nor a digest of one.
    for (const auto& s : list)
        for (const auto& token : {pc, phone, someone_else}) {
            CHECK(s["id"] != token);
            CHECK(s["id"] != f.crypto.digest(token));
            CHECK(s.dump().find(f.crypto.digest(token)) == std::string::npos);
        }
    // In English the device is named in English.
    f.language = Language::en;
    CHECK(sessions_of(f, phone)[0]["device"] == "Safari on iPhone");
    // Idle sessions are not listed: the phone was last used 20 minutes ago.
    f.clock.advance(1200);
    REQUIRE(f.call("GET", "/api/v1/me", "", pc).status == 200);
    f.services.session_idle_seconds = 1000;
    const json left = sessions_of(f, pc);
    REQUIRE(left.size() == 1);
    CHECK(left[0]["device"] == "Chrome on Windows");
}

TEST_CASE("ending one session: only one's own, the other browser is signed out at its next request") {
    ApiFixture f;
    const auto pc = sign_in_from(f, "demo.vh", kChromeWindows);
    const auto phone = sign_in_from(f, "demo.vh", kSafariIphone);
    const auto stranger = f.sign_in("demo.vh2");
    const Id phone_id = sessions_of(f, phone)[0]["id"];
    const Id stranger_id = sessions_of(f, stranger)[0]["id"];
    const json before = f.store.snapshot();

    // Another person's session answers like one that does not exist, and nothing changes.
    const auto records = f.journal.records.size();
    const auto theirs = f.call("DELETE", "/api/v1/sessions/" + stranger_id, "", pc);
    CHECK(theirs.status == 404);
    CHECK(theirs.body == f.call("DELETE", "/api/v1/sessions/ses-nothing", "", pc).body);
    CHECK(f.journal.records.size() == records);
    CHECK(f.call("GET", "/api/v1/me", "", stranger).status == 200);
    CHECK(f.call("DELETE", "/api/v1/sessions/" + phone_id).status == 401);

    const auto ended = f.call("DELETE", "/api/v1/sessions/" + phone_id, "", pc);
    CHECK(ended.status == 204);
    CHECK_FALSE(ended.clear_session);
    CHECK(f.journal.durable == f.journal.records.size());
    CHECK(f.call("GET", "/api/v1/me", "", phone).status == 401);
    CHECK(f.call("GET", "/api/v1/me", "", pc).status == 200);
    CHECK(f.call("DELETE", "/api/v1/sessions/" + phone_id, "", pc).status == 404);

    // Ending this session by its id signs this browser out too.
    const Id pc_id = sessions_of(f, pc)[0]["id"];
    const auto self = f.call("DELETE", "/api/v1/sessions/" + pc_id, "", pc);
    CHECK(self.status == 204);
    CHECK(self.clear_session);
    CHECK(f.call("GET", "/api/v1/me", "", pc).status == 401);
    check_replay(f, before);
}

TEST_CASE("signing out everywhere: the others, or this one too; another person's stay") {
    ApiFixture f;
    const auto a = f.sign_in("demo.vh"), b = f.sign_in("demo.vh"), c = f.sign_in("demo.vh");
    const auto stranger = f.sign_in("demo.vh2");
    const json before = f.store.snapshot();

    CHECK(f.call("DELETE", "/api/v1/sessions?include_current=maybe", "", a).body["error"]["field"] == "include_current");
    const auto others = f.call("DELETE", "/api/v1/sessions", "", a);
    CHECK(others.status == 200);
    CHECK(others.body["ended"] == 2);
    CHECK_FALSE(others.clear_session);
    CHECK(f.journal.durable == f.journal.records.size());
    CHECK(f.call("GET", "/api/v1/me", "", a).status == 200);
    CHECK(f.call("GET", "/api/v1/me", "", b).status == 401);
    CHECK(f.call("GET", "/api/v1/me", "", c).status == 401);
    CHECK(f.call("GET", "/api/v1/me", "", stranger).status == 200);
    // Nothing else to end: no record.
    const auto records = f.journal.records.size();
    CHECK(f.call("DELETE", "/api/v1/sessions", "", a).body["ended"] == 0);
    CHECK(f.journal.records.size() == records);

    const auto d = f.sign_in("demo.vh");
    const auto all = f.call("DELETE", "/api/v1/sessions?include_current=true", "", a);
    CHECK(all.body["ended"] == 2);
    CHECK(all.clear_session);
    CHECK(f.call("GET", "/api/v1/me", "", a).status == 401);
    CHECK(f.call("GET", "/api/v1/me", "", d).status == 401);
    CHECK(f.call("GET", "/api/v1/me", "", stranger).status == 200);

    auto again = check_replay(f, before);
    for (const auto& [digest, s] : again->unsafe_state().sessions) CHECK(s.person_id != f.id_of("demo.vh"));
}

TEST_CASE("changing one's password needs the current one, ends the other sessions and keeps this one") {
    ApiFixture f;
    const auto here = f.sign_in("demo.vh"), there = f.sign_in("demo.vh");
    const auto stranger = f.sign_in("demo.vh2");
    const json before = f.store.snapshot();
    const auto records = f.journal.records.size();

    auto refused = [&](const std::string& body, const char* code, const char* field) {
        const auto r = f.call("PUT", "/api/v1/me/password", body, here);
        INFO(body << " -> " << r.body.dump());
        CHECK(r.status == 400);
        CHECK(r.body["error"]["code"] == code);
        CHECK(r.body["error"]["field"] == field);
    };
    refused(password_body("fel-lösenord", "ett nytt lösenord"), "wrong_password", "current_password");
    refused(password_body("demo", "kort"), "password_too_short", "new_password");
    refused(password_body("demo", "åäöåäöå"), "password_too_short", "new_password");  // 7 characters, 14 bytes
    refused(password_body("demo", std::string(201, 'x')), "bad_request", "new_password");
    refused(R"({"new_password":"ett nytt lösenord"})", "bad_request", "current_password");
    CHECK(f.journal.records.size() == records);
    CHECK(f.call("PUT", "/api/v1/me/password", password_body("demo", "ett nytt lösenord")).status == 401);

    const auto ok = f.call("PUT", "/api/v1/me/password", password_body("demo", "ett nytt lösenord"), here);
    REQUIRE(ok.status == 200);
    CHECK(ok.body["ended"] == 1);
    CHECK(f.journal.durable == f.journal.records.size());
    CHECK(f.call("GET", "/api/v1/me", "", here).status == 200);
    CHECK(f.call("GET", "/api/v1/me", "", there).status == 401);
    CHECK(f.call("GET", "/api/v1/me", "", stranger).status == 200);
    // The old password no longer signs in; the new one does; others' passwords are unchanged.
    CHECK(f.call("POST", "/api/v1/session", R"({"username":"demo.vh","password":"demo"})").status == 401);
    CHECK(f.call("POST", "/api/v1/session", R"({"username":"demo.vh","password":"ett nytt lösenord"})").status == 200);
    CHECK(f.call("POST", "/api/v1/session", R"({"username":"demo.vh2","password":"demo"})").status == 200);
    // The same again is refused: the current password is now the new one.
    refused(password_body("ett nytt lösenord", "ett nytt lösenord"), "password_unchanged", "new_password");

    auto again = check_replay(f, before);
    CHECK(again->unsafe_state().people.at(f.id_of("demo.vh")).password_hash == f.crypto.hash_password("ett nytt lösenord"));
    check_snapshot_round_trip(f);
}

TEST_CASE("sessions journaled before public ids and stamps load with both") {
    Store store;
    store.load_snapshot(ApiFixture().store.snapshot());
    store.replay(store.last_seq() + 1, json{{"type", "session_started"},
                                            {"session",
                                             {{"token_digest", "d1"}, {"person_id", "per-1"}, {"created_at", 100},
                                              {"expires_at", 100 + kSessionLifetime}}}});
    const Session& s = store.unsafe_state().sessions.at("d1");
    CHECK_FALSE(s.id.empty());
    CHECK(s.id.find("d1") == std::string::npos);
    CHECK(s.last_used_at == 100);
    CHECK(session_active(s, 200, kDefaultSessionIdle));
    CHECK_FALSE(session_active(s, 100 + kDefaultSessionIdle, kDefaultSessionIdle));
}
