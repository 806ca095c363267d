// The absence API through the real server over loopback, with "now" fixed at Monday
// 30 November 2026, 10:00 Stockholm (today 2026-11-30, tomorrow 2026-12-01).
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdio>

#include "test_support.hpp"

using namespace skolnav::test;

namespace {

json me_of(ApiClient& c) {
    Reply r = c.get("/api/v1/me");
    INFO(text_of(r));
    REQUIRE(r.status == 200);
    return r.json_body();
}

std::string error_field(const Reply& r) {
    json b = r.json_body();
    if (!b.is_object() || !b.contains("error") || !b["error"]["field"].is_string()) return "";
    return b["error"]["field"].get<std::string>();
}

json reports_of(ApiClient& c, const std::string& pupil_id) {
    Reply r = c.get(absence_path(pupil_id));
    INFO(text_of(r));
    REQUIRE(r.status == 200);
    return r.json_body().at("reports");
}

bool listed(const json& reports, const std::string& id) {
    for (const auto& r : reports)
        if (r.at("id") == id) return true;
    return false;
}

}  // namespace

TEST_CASE("sign-in, session cookie, sign-out", "[api][session]") {
    Fresh f;
    auto& c = f.client;

    SECTION("no session: 401 with the JSON error body") {
        Reply r = c.get("/api/v1/me");
        CHECK(r.status == 401);
        CHECK(r.header("content-type") == "application/json; charset=utf-8");
        CHECK(r.header("cache-control") == "no-store");
        CHECK(r.json_body()["error"]["code"].is_string());
        c.set_session_token("not-a-real-token");
        CHECK(c.get("/api/v1/me").status == 401);
    }

    SECTION("sign in, cookie flags, me, sign out") {
        auto started = std::chrono::steady_clock::now();
        Reply r = c.sign_in("demo.vh");
        auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
        std::printf("[api] one sign-in (argon2id verify, journal fsync, loopback): %.1f ms\n", ms);
        INFO(text_of(r));
        REQUIRE(r.status == 200);
        CHECK(r.json_body()["person"]["role"] == "guardian");
        std::string cookie = r.header("set-cookie");
        INFO(cookie);
        CHECK(cookie.rfind("skolnav_session=", 0) == 0);
        CHECK(cookie.find("HttpOnly") != std::string::npos);
        CHECK(cookie.find("SameSite=Strict") != std::string::npos);
        CHECK(cookie.find("Path=/") != std::string::npos);
        CHECK(cookie.find("Max-Age=") != std::string::npos);
        CHECK(cookie.find("Secure") == std::string::npos);  // plain HTTP here
        CHECK(c.session_token().size() >= 43);               // 256 bits, base64url

        json me = me_of(c);
        CHECK(me["person"]["name"].is_string());
        CHECK(me["pupils"].size() == 2);
        CHECK(!find_pupil(me, "school.form", "grundskola").is_null());
        CHECK(!find_pupil(me, "school.form", "forskola").is_null());

        Reply out = c.del("/api/v1/session");
        CHECK(out.status == 204);
        std::string cleared = out.header("set-cookie");
        CHECK(cleared.rfind("skolnav_session=;", 0) == 0);
        CHECK(cleared.find("Max-Age=0") != std::string::npos);
        // The browser drops the cookie; an attacker who kept the token gets nothing.
        CHECK(c.get("/api/v1/me").status == 401);
    }

    SECTION("wrong password and unknown user: 401, the same message") {
        Reply wrong = c.sign_in("demo.vh", "fel");
        Reply unknown = c.sign_in("ingen.sadan", "demo");
        CHECK(wrong.status == 401);
        CHECK(unknown.status == 401);
        CHECK(wrong.header("set-cookie").empty());
        CHECK(wrong.json_body()["error"] == unknown.json_body()["error"]);
    }
}

TEST_CASE("a guardian reports and withdraws absence", "[api][absence]") {
    Fresh f;
    auto& c = f.client;
    REQUIRE(c.sign_in("demo.vh").status == 200);
    json me = me_of(c);
    json elsa = find_pupil(me, "school.form", "grundskola");
    json olle = find_pupil(me, "school.form", "forskola");
    REQUIRE(!elsa.is_null());
    REQUIRE(!olle.is_null());
    const std::string path = absence_path(elsa["id"]);

    Reply list = c.get(path);
    INFO(text_of(list));
    REQUIRE(list.status == 200);
    CHECK(list.json_body()["today"] == kToday);
    CHECK(list.json_body()["tomorrow"] == kTomorrow);
    CHECK(list.json_body()["can_report"] == true);
    CHECK(list.json_body()["reports"].empty());

    const std::string comment = "Feber och ont i halsen – åäö ÅÄÖ é ü 😷";
    Reply today = c.post(path, {{"date", kToday}, {"comment", comment}});
    INFO(text_of(today));
    REQUIRE(today.status == 201);
    CHECK(today.header("content-type") == "application/json; charset=utf-8");
    json today_report = today.json_body()["report"];
    CHECK(today_report["date"] == kToday);
    CHECK(today_report["comment"] == comment);
    CHECK(today_report["reported_by"]["id"] == me["person"]["id"]);
    CHECK(today_report["can_withdraw"] == false);  // the day has begun

    Reply tomorrow = c.post(path, {{"date", kTomorrow}});
    INFO(text_of(tomorrow));
    REQUIRE(tomorrow.status == 201);
    json tomorrow_report = tomorrow.json_body()["report"];
    CHECK(tomorrow_report["can_withdraw"] == true);

    json reports = reports_of(c, elsa["id"]);
    REQUIRE(reports.size() == 2);
    CHECK(listed(reports, today_report["id"]));
    CHECK(listed(reports, tomorrow_report["id"]));
    for (const auto& r : reports)
        if (r["id"] == today_report["id"]) CHECK(r["comment"] == comment);  // åäö round trip

    SECTION("bad input: 400 naming the field") {
        auto expect_400 = [&](const std::string& body, const std::string& field) {
            Reply r = c.post_raw(path, body);
            INFO(body << " -> " << text_of(r));
            CHECK(r.status == 400);
            CHECK(r.json_body()["error"]["message"].is_string());
            CHECK(error_field(r) == field);
        };
        expect_400(json{{"date", kYesterday}}.dump(), "date");
        expect_400(json{{"date", kDayAfterTomorrow}}.dump(), "date");
        expect_400(R"({"date":"2026-13-01"})", "date");
        expect_400(R"({"date":"30/11/2026"})", "date");
        expect_400(R"({"date":"2026-11-31"})", "date");
        expect_400(R"({"date":20261130})", "date");
        expect_400(R"({})", "date");
        expect_400(json{{"date", kToday}, {"kommentar", "x"}}.dump(), "kommentar");
        expect_400(json{{"date", kTomorrow}, {"comment", std::string(1001, 'a')}}.dump(), "comment");

        Reply malformed = c.post_raw(path, R"({"date": "2026-11-30",)");
        CHECK(malformed.status == 400);
        CHECK(malformed.json_body()["error"]["code"].is_string());
        CHECK(c.post_raw(path, "[1,2]").status == 400);
        // Nothing was added by any of these.
        CHECK(reports_of(c, elsa["id"]).size() == 2);
    }

    SECTION("1000 characters (åäö count as one each) is the limit, not over it") {
        std::string longest;
        for (int i = 0; i < 1000; ++i) longest += "å";
        Reply r = c.post(absence_path(olle["id"]), {{"date", kToday}, {"comment", longest}});
        INFO(text_of(r));
        CHECK(r.status == 201);
    }

    SECTION("the same day twice: 409") {
        Reply again = c.post(path, {{"date", kToday}, {"comment", "igen"}});
        CHECK(again.status == 409);
        CHECK(reports_of(c, elsa["id"]).size() == 2);
    }

    SECTION("withdraw tomorrow's report: 204; today's: 409") {
        Reply w = c.del(path + "/" + tomorrow_report["id"].get<std::string>());
        INFO(text_of(w));
        CHECK(w.status == 204);
        CHECK(w.body.empty());
        Reply w_today = c.del(path + "/" + today_report["id"].get<std::string>());
        CHECK(w_today.status == 409);
        json after = reports_of(c, elsa["id"]);
        CHECK(after.size() == 1);
        CHECK(listed(after, today_report["id"]));
        CHECK(c.del(path + "/" + tomorrow_report["id"].get<std::string>()).status == 404);
        // Withdrawn, so the day can be reported again.
        CHECK(c.post(path, {{"date", kTomorrow}}).status == 201);
    }

    SECTION("another family's child looks exactly like a child that does not exist") {
        ApiClient other(f.server.host(), f.server.port());
        REQUIRE(other.sign_in("demo.vh2").status == 200);
        json amira = find_pupil(me_of(other), "school.form", "grundskola");
        REQUIRE(!amira.is_null());

        Reply foreign_get = c.get(absence_path(amira["id"]));
        Reply missing_get = c.get(absence_path("per-999999"));
        CHECK(foreign_get.status == 404);
        CHECK(missing_get.status == 404);
        CHECK(foreign_get.body == missing_get.body);

        Reply foreign_post = c.post(absence_path(amira["id"]), {{"date", kToday}});
        Reply missing_post = c.post(absence_path("per-999999"), {{"date", kToday}});
        CHECK(foreign_post.status == 404);
        CHECK(foreign_post.body == missing_post.body);

        // ...and the other family cannot see or withdraw this family's reports.
        CHECK(other.get(path).status == 404);
        CHECK(other.del(path + "/" + tomorrow_report["id"].get<std::string>()).status == 404);
        CHECK(reports_of(c, elsa["id"]).size() == 2);
    }

    SECTION("after sign-out the session is gone") {
        CHECK(c.del("/api/v1/session").status == 204);
        CHECK(c.get("/api/v1/me").status == 401);
        CHECK(c.get(path).status == 401);
        CHECK(c.post(path, {{"date", kTomorrow}}).status == 401);
    }
}

TEST_CASE("pupils: under 18 may look, adults report their own", "[api][absence]") {
    Fresh f;

    SECTION("a grundskola pupil under 18: GET own 200, POST 403") {
        auto& c = f.client;
        REQUIRE(c.sign_in("demo.elev").status == 200);
        json me = me_of(c);
        REQUIRE(me["pupils"].size() == 1);
        const std::string id = me["pupils"][0]["id"];
        CHECK(id == me["person"]["id"]);
        Reply get = c.get(absence_path(id));
        CHECK(get.status == 200);
        CHECK(get.json_body()["can_report"] == false);
        Reply post = c.post(absence_path(id), {{"date", kToday}});
        INFO(text_of(post));
        CHECK(post.status == 403);
        CHECK(reports_of(c, id).empty());
    }

    SECTION("an adult gymnasieskola pupil reports their own absence: 201") {
        auto& c = f.client;
        REQUIRE(c.sign_in("demo.elev18").status == 200);
        json me = me_of(c);
        const std::string id = me["person"]["id"];
        Reply post = c.post(absence_path(id), {{"date", kTomorrow}, {"comment", "Tandläkare"}});
        INFO(text_of(post));
        CHECK(post.status == 201);
        CHECK(reports_of(c, id).size() == 1);
    }

    SECTION("guardian of adult pupils: with insyn allowed, without refused") {
        ApiClient adult(f.server.host(), f.server.port());
        REQUIRE(adult.sign_in("demo.elev18").status == 200);
        const std::string tyra = me_of(adult)["person"]["id"];
        ApiClient private_adult(f.server.host(), f.server.port());
        REQUIRE(private_adult.sign_in("demo.elev18.privat").status == 200);
        const std::string mans = me_of(private_adult)["person"]["id"];

        auto& c = f.client;
        REQUIRE(c.sign_in("demo.vh.gy").status == 200);
        Reply with_consent = c.get(absence_path(tyra));
        INFO(text_of(with_consent));
        CHECK(with_consent.status == 200);
        Reply report = c.post(absence_path(tyra), {{"date", kToday}, {"comment", "Sjuk"}});
        INFO(text_of(report));
        CHECK(report.status == 201);
        CHECK(reports_of(adult, tyra).size() == 1);  // the pupil sees it too

        // Without insyn the guardian gets no data, and is told why: the guardian
        // already knows the child exists, so a 404 would only confuse.
        Reply no_consent = c.get(absence_path(mans));
        INFO(text_of(no_consent));
        CHECK(no_consent.status == 403);
        CHECK(no_consent.json_body()["error"]["code"] == "no_insyn");
        CHECK(!no_consent.json_body().contains("reports"));
        Reply no_consent_post = c.post(absence_path(mans), {{"date", kToday}});
        CHECK(no_consent_post.status == 403);
        CHECK(no_consent_post.json_body()["error"]["code"] == "no_insyn");
        CHECK(reports_of(private_adult, mans).empty());
    }
}

TEST_CASE("a restarted server keeps every report and session", "[api][persistence]") {
    TempDir data;
    std::vector<std::pair<std::string, std::string>> expected;  // pupil id, report id
    std::string token;
    {
        ServerProcess server(data.path());
        REQUIRE(server.started());
        ApiClient c(server.host(), server.port());
        REQUIRE(c.sign_in("demo.vh").status == 200);
        token = c.session_token();
        const json me = me_of(c);
        for (const auto& p : me["pupils"]) {
            for (const char* day : {kToday, kTomorrow}) {
                Reply r = c.post(absence_path(p["id"]), {{"date", day}, {"comment", "Omstart åäö"}});
                INFO(text_of(r));
                REQUIRE(r.status == 201);
                expected.emplace_back(p["id"], r.json_body()["report"]["id"]);
            }
        }
        // Withdrawals survive too.
        Reply w = c.del(absence_path(expected.back().first) + "/" + expected.back().second);
        REQUIRE(w.status == 204);
        expected.pop_back();
        CHECK(server.stop() == 0);  // clean shutdown writes a snapshot
        INFO(server.log());
        CHECK(server.log().find("Stopped") != std::string::npos);
    }
    for (int round = 0; round < 2; ++round) {
        ServerProcess server(data.path());
        REQUIRE(server.started());
        ApiClient c(server.host(), server.port());
        c.set_session_token(token);  // the session survived as well
        json me = me_of(c);
        std::size_t found = 0, total = 0;
        for (const auto& p : me["pupils"]) {
            json reports = reports_of(c, p["id"]);
            total += reports.size();
            for (const auto& [pupil, report] : expected)
                if (pupil == p["id"] && listed(reports, report)) ++found;
        }
        CHECK(found == expected.size());
        CHECK(total == expected.size());
        if (round == 0) server.kill_hard();  // and once more after a crash
    }
}

TEST_CASE("API edge cases at the HTTP layer", "[api][http]") {
    Fresh f;
    auto& c = f.client;

    SECTION("unknown /api paths are core's JSON 404") {
        Reply r = c.get("/api/v1/nothing-here");
        CHECK(r.status == 404);
        CHECK(r.header("content-type") == "application/json; charset=utf-8");
        CHECK(r.json_body()["error"]["code"] == "not_found");
    }

    SECTION("a body over 1 MiB: 413 with the JSON error body") {
        std::string big = R"({"username":")" + std::string(2 << 20, 'a') + R"(","password":"x"})";
        Reply r = c.post_raw("/api/v1/session", big);
        INFO(r.status << " " << r.body.substr(0, 200) << " " << r.error);
        CHECK(r.status == 413);
        CHECK(r.json_body()["error"]["code"] == "payload_too_large");
    }

    SECTION("wrong method on a known path: 405") {
        CHECK(c.get("/api/v1/session").status == 405);
    }

    SECTION("messages in English when Accept-Language asks for it, in Swedish otherwise") {
        CHECK(c.get("/api/v1/nothing-here").json_body()["error"]["message"] == "Hittades inte.");
        CHECK(c.get("/api/v1/nothing-here", {{"Accept-Language", "en-GB,en;q=0.9"}}).json_body()["error"]["message"] ==
              "Not found.");
        CHECK(c.get("/api/v1/nothing-here", {{"Accept-Language", "de-DE, sv;q=0.8"}}).json_body()["error"]["message"] ==
              "Hittades inte.");
        CHECK(c.get("/api/v1/me", {{"Accept-Language", "en"}}).json_body()["error"]["message"] == "You are not signed in.");
    }
}
