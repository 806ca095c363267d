// Requests from other sites and the headers a browser is given (server/web_security.hpp),
// through the real server: a forged cross-site request with a valid cookie is refused and
// writes nothing, while the same request from Skolnav's own origin, or from a configured
// embedder, works; JSON routes take JSON only; every HTML page carries the CSP and its
// companions; the session cookie's SameSite follows the embedding settings.
#include <catch2/catch.hpp>

#include <regex>

#include "test_support.hpp"

using namespace skolnav::test;

namespace {

const std::string kJson = "application/json";

std::string error_code(const Reply& r) {
    json b = r.json_body();
    return b.is_object() && b.contains("error") ? b["error"].value("code", "") : "";
}

std::size_t report_count(ApiClient& c, const std::string& path) {
    Reply r = c.get(path);
    INFO(text_of(r));
    REQUIRE(r.status == 200);
    return r.json_body().at("reports").size();
}

struct Guardian {
    std::string absence;  // Elsa's absence path
};

Guardian sign_in_guardian(ApiClient& c) {
    REQUIRE(c.sign_in("demo.vh").status == 200);
    Reply me = c.get("/api/v1/me");
    REQUIRE(me.status == 200);
    json elsa = find_pupil(me.json_body(), "school.form", "grundskola");
    REQUIRE(!elsa.is_null());
    return {absence_path(elsa["id"])};
}

const std::string kTomorrowReport = json{{"date", kTomorrow}, {"comment", "Feber"}}.dump();

// A header's directives: "a 'x'; b" -> {"a 'x'", "b"}.
std::vector<std::string> directives(const std::string& csp) {
    std::vector<std::string> out;
    std::size_t pos = 0;
    while (pos <= csp.size()) {
        std::size_t end = csp.find(';', pos);
        if (end == std::string::npos) end = csp.size();
        std::string d = csp.substr(pos, end - pos);
        d.erase(0, d.find_first_not_of(' '));
        if (!d.empty()) out.push_back(d);
        pos = end + 1;
    }
    return out;
}

bool has_directive(const std::string& csp, const std::string& directive) {
    auto all = directives(csp);
    return std::find(all.begin(), all.end(), directive) != all.end();
}

}  // namespace

TEST_CASE("a forged request from another site is refused and writes nothing; Skolnav's own works",
          "[api][web_security]") {
    Fresh f;
    auto& c = f.client;
    const Guardian g = sign_in_guardian(c);
    const std::string own = "http://127.0.0.1:" + std::to_string(f.server.port());

    SECTION("today's attack: a text/plain POST from https://evil.example with the cookie") {
        Reply r = c.send("POST", g.absence, kTomorrowReport, "text/plain;charset=UTF-8", {{"Origin", "https://evil.example"}});
        INFO(text_of(r));
        CHECK(r.status == 403);
        CHECK(error_code(r) == "cross_site_request");
        CHECK(r.json_body()["error"]["message"].get<std::string>().find("https://evil.example") != std::string::npos);
        CHECK(report_count(c, g.absence) == 0);
        // As JSON it is refused just the same: the origin decides, not the type.
        CHECK(c.send("POST", g.absence, kTomorrowReport, kJson, {{"Origin", "https://evil.example"}}).status == 403);
        CHECK(report_count(c, g.absence) == 0);
    }

    SECTION("every state-changing method is checked; reading is not") {
        for (const char* method : {"POST", "PUT", "PATCH", "DELETE"}) {
            Reply r = c.send(method, g.absence, kTomorrowReport, kJson, {{"Origin", "https://evil.example"}});
            INFO(method << " " << text_of(r));
            CHECK(r.status == 403);
        }
        Reply read = c.get(g.absence, {{"Origin", "https://evil.example"}});
        CHECK(read.status == 200);
        CHECK(read.header("access-control-allow-origin").empty());  // and no CORS: the other site cannot read it
    }

    SECTION("without Origin, Sec-Fetch-Site decides; Origin: null is another site") {
        for (const char* site : {"cross-site", "same-site"}) {
            Reply r = c.send("POST", g.absence, kTomorrowReport, kJson, {{"Sec-Fetch-Site", site}});
            INFO(site << " " << text_of(r));
            CHECK(r.status == 403);
        }
        CHECK(c.send("POST", g.absence, kTomorrowReport, kJson, {{"Origin", "null"}}).status == 403);
        CHECK(report_count(c, g.absence) == 0);
        Reply same = c.send("POST", g.absence, kTomorrowReport, kJson, {{"Sec-Fetch-Site", "same-origin"}});
        INFO(text_of(same));
        CHECK(same.status == 201);
        CHECK(report_count(c, g.absence) == 1);
    }

    SECTION("the same request from Skolnav's own origin works") {
        Reply r = c.send("POST", g.absence, kTomorrowReport, "application/json; charset=utf-8",
                         {{"Origin", own}, {"Sec-Fetch-Site", "same-origin"}});
        INFO(text_of(r));
        CHECK(r.status == 201);
        CHECK(report_count(c, g.absence) == 1);
        // The Host's scheme is not known behind a proxy: https on the same host and port is own too.
        CHECK(c.send("POST", g.absence, json{{"date", kToday}}.dump(), kJson,
                     {{"Origin", "https://127.0.0.1:" + std::to_string(f.server.port())}}).status == 201);
        // Another port on the same host is another origin.
        CHECK(c.send("POST", g.absence, kTomorrowReport, kJson,
                     {{"Origin", "http://127.0.0.1:" + std::to_string(f.server.port() + 1)}}).status == 403);
    }

    SECTION("a sign-in or sign-out from another site is refused (no login CSRF)") {
        Reply in = c.send("POST", "/api/v1/session", json{{"username", "demo.vh"}, {"password", "demo"}}.dump(), kJson,
                          {{"Origin", "https://evil.example"}});
        CHECK(in.status == 403);
        CHECK(in.header("set-cookie").empty());
        CHECK(c.send("DELETE", "/api/v1/session", "", "", {{"Origin", "https://evil.example"}}).status == 403);
        CHECK(c.get("/api/v1/me").status == 200);  // still signed in
        CHECK(c.send("DELETE", "/api/v1/session", "", "", {{"Origin", own}}).status == 204);
        CHECK(c.get("/api/v1/me").status == 401);
    }
}

TEST_CASE("JSON routes take JSON only (415); uploads keep their own types", "[api][web_security]") {
    Fresh f;
    auto& c = f.client;
    const Guardian g = sign_in_guardian(c);
    const std::string own = "http://127.0.0.1:" + std::to_string(f.server.port());

    for (const char* type : {"text/plain", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded",
                             "application/json; charset=latin1", "application/jsonx"}) {
        Reply r = c.send("POST", g.absence, kTomorrowReport, type, {{"Origin", own}});
        INFO(type << " " << text_of(r));
        CHECK(r.status == 415);
        CHECK(error_code(r) == "unsupported_media_type");
        CHECK(r.json_body()["error"]["field"] == "Content-Type");
        CHECK(r.json_body()["error"]["message"].get<std::string>().find("application/json") != std::string::npos);
    }
    CHECK(c.send("POST", g.absence, kTomorrowReport, "", {{"Origin", own}}).status == 415);  // a body says its type
    // A multipart body that is not one fails httplib's own parser first (400); refused all the same.
    CHECK(c.send("POST", g.absence, kTomorrowReport, "multipart/form-data; boundary=x", {{"Origin", own}}).status / 100 == 4);
    CHECK(report_count(c, g.absence) == 0);
    CHECK(c.send("POST", g.absence, kTomorrowReport, "Application/JSON;Charset=\"UTF-8\"", {{"Origin", own}}).status == 201);

    // A bodyless request may name no type (sign-out).
    CHECK(c.send("DELETE", "/api/v1/session", "", "", {{"Origin", own}}).status == 204);

    // An upload is the file's own type; JSON is not required there.
    REQUIRE(c.sign_in("demo.personal").status == 200);
    Reply up = c.send("POST", "/api/v1/attachments?filename=lista.txt", "Mjölk\nÄgg\n", "text/plain", {{"Origin", own}});
    INFO(text_of(up));
    CHECK(up.status == 201);
    CHECK(c.send("POST", "/api/v1/attachments?filename=lista.txt", "x", "text/plain",
                 {{"Origin", "https://evil.example"}}).status == 403);
}

TEST_CASE("embedders: exactly the listed origins pass the CSRF check and may frame Skolnav",
          "[api][web_security]") {
    Fresh f({"--embed-origin", "https://Intranet.Kommun.se/", "--embed-origin", "http://127.0.0.1:9"});
    auto& c = f.client;
    const Guardian g = sign_in_guardian(c);

    CHECK(c.send("POST", g.absence, kTomorrowReport, kJson, {{"Origin", "https://intranet.kommun.se"}}).status == 201);
    for (const char* other : {"https://evil.kommun.se", "http://intranet.kommun.se", "https://intranet.kommun.se:8443",
                              "https://intranet.kommun.se.evil.example"}) {
        Reply r = c.send("POST", g.absence, json{{"date", kToday}}.dump(), kJson, {{"Origin", other}});
        INFO(other << " " << text_of(r));
        CHECK(r.status == 403);
    }
    CHECK(report_count(c, g.absence) == 1);

    Reply page = c.get("/");
    REQUIRE(page.status == 200);
    const std::string csp = page.header("content-security-policy");
    INFO(csp);
    CHECK(has_directive(csp, "frame-ancestors https://intranet.kommun.se http://127.0.0.1:9"));
    CHECK(page.header("x-frame-options").empty());  // it cannot name an origin: frame-ancestors decides
    CHECK(f.server.log().find("Embedding: https://intranet.kommun.se may frame Skolnav") != std::string::npos);
    // Cross-site embedding over plain HTTP cannot keep a session: the operator is told, the
    // cookie stays Strict (SameSite=None needs Secure).
    CHECK(f.server.log().find("Warning: --embed-origin https://intranet.kommun.se") != std::string::npos);
    CHECK(c.sign_in("demo.vh").header("set-cookie").find("SameSite=Strict") != std::string::npos);
}

TEST_CASE("--public-origin: behind a proxy, the origin browsers use is Skolnav's own, not the Host",
          "[api][web_security]") {
    Fresh f({"--public-origin", "https://skolnav.kommun.se"});
    auto& c = f.client;
    const Guardian g = sign_in_guardian(c);
    CHECK(c.send("POST", g.absence, kTomorrowReport, kJson,
                 {{"Origin", "http://127.0.0.1:" + std::to_string(f.server.port())}}).status == 403);
    CHECK(c.send("POST", g.absence, kTomorrowReport, kJson, {{"Origin", "https://skolnav.kommun.se"}}).status == 201);
}

TEST_CASE("a setting that is not an origin stops the server with a usage error", "[api][web_security]") {
    for (const char* bad : {"intranet.kommun.se", "https://intranet.kommun.se/start", "ftp://x.se", "https://a@b.se",
                            "https://x.se:99999", "*"}) {
        TempDir data;
        ServerProcess server(data.path(), {"--embed-origin", bad});
        INFO(bad << ": " << server.log());
        CHECK(!server.started());
        CHECK(server.exit_status() == 2);
        CHECK(server.log().find("--embed-origin wants an origin") != std::string::npos);
    }
}

TEST_CASE("every HTML page carries the CSP and its companions; HSTS once cookies are Secure",
          "[api][web_security]") {
    SECTION("defaults: no inline code, framed by no one, no HSTS over plain HTTP") {
        Fresh f;
        for (const char* path : {"/", "/index.html"}) {
            Reply page = f.client.get(path);
            INFO(path);
            REQUIRE(page.status == 200);
            const std::string csp = page.header("content-security-policy");
            INFO(csp);
            CHECK(has_directive(csp, "script-src 'self' 'wasm-unsafe-eval'"));
            CHECK(has_directive(csp, "default-src 'self'"));
            CHECK(has_directive(csp, "object-src 'none'"));
            CHECK(has_directive(csp, "base-uri 'none'"));
            CHECK(has_directive(csp, "frame-ancestors 'none'"));
            CHECK(csp.find("unsafe-inline") == std::string::npos);
            CHECK(csp.find("'unsafe-eval") == std::string::npos);
            CHECK(page.header("x-frame-options") == "DENY");
            CHECK(page.header("cross-origin-opener-policy") == "same-origin");
            CHECK(page.header("permissions-policy").find("camera=()") != std::string::npos);
            CHECK(page.header("referrer-policy") == "no-referrer");
            CHECK(page.header("strict-transport-security").empty());
            // A revalidated page (304) says the same.
            Reply again = f.client.get(path, {{"If-None-Match", page.header("etag")}});
            CHECK(again.status == 304);
            CHECK(again.header("content-security-policy") == csp);
        }
        // Other files need no page policy; the API none either.
        CHECK(f.client.get("/shell.js").header("content-security-policy").empty());
        CHECK(f.client.get("/api/v1/me").header("strict-transport-security").empty());
    }

    SECTION("the page itself has no inline script, style or handler: it works under that policy") {
        const std::string html = read_file(built_web_dir() / "index.html");
        REQUIRE(!html.empty());
        std::smatch m;
        const std::regex script_tag(R"(<script\b([^>]*)>)", std::regex::icase);
        int scripts = 0;
        for (auto it = std::sregex_iterator(html.begin(), html.end(), script_tag); it != std::sregex_iterator(); ++it) {
            ++scripts;
            INFO((*it)[0].str());
            CHECK((*it)[1].str().find("src=") != std::string::npos);
        }
        CHECK(scripts >= 2);
        CHECK(!std::regex_search(html, std::regex(R"(<style\b)", std::regex::icase)));
        CHECK(!std::regex_search(html, std::regex(R"(\sstyle\s*=)", std::regex::icase)));
        CHECK(!std::regex_search(html, std::regex(R"(\son[a-z]+\s*=)", std::regex::icase)));
        CHECK(!std::regex_search(html, std::regex(R"(javascript:)", std::regex::icase)));
    }

    SECTION("--secure-cookies: HSTS on every reply; SameSite=Strict without a cross-site embedder") {
        Fresh f({"--secure-cookies"});
        CHECK(f.client.get("/").header("strict-transport-security") == "max-age=31536000");
        CHECK(f.client.get("/api/v1/me").header("strict-transport-security") == "max-age=31536000");
        Reply in = f.client.sign_in("demo.vh");
        const std::string cookie = in.header("set-cookie");
        INFO(cookie);
        CHECK(cookie.find("SameSite=Strict") != std::string::npos);
        CHECK(cookie.find("; Secure") != std::string::npos);
        CHECK(cookie.find("Partitioned") == std::string::npos);
    }

    SECTION("a cross-site embedder over TLS: SameSite=None; Secure; Partitioned, set and cleared alike") {
        Fresh f({"--secure-cookies", "--embed-origin", "https://intranet.example.org"});
        CHECK(f.server.log().find("Warning:") == std::string::npos);
        Reply in = f.client.sign_in("demo.vh");
        const std::string cookie = in.header("set-cookie");
        INFO(cookie);
        CHECK(cookie.find("SameSite=None") != std::string::npos);
        CHECK(cookie.find("; Secure") != std::string::npos);
        CHECK(cookie.find("; Partitioned") != std::string::npos);
        Reply out = f.client.del("/api/v1/session");
        INFO(out.header("set-cookie"));
        CHECK(out.header("set-cookie").find("SameSite=None; Partitioned") != std::string::npos);
        CHECK(out.header("set-cookie").find("Max-Age=0") != std::string::npos);
    }

    SECTION("a same-site embedder keeps SameSite=Strict (the frame's requests are same-site)") {
        Fresh f({"--secure-cookies", "--public-origin", "https://skolnav.kommun.se", "--embed-origin",
                 "https://intranet.kommun.se"});
        const std::string cookie = f.client.sign_in("demo.vh").header("set-cookie");
        INFO(cookie);
        CHECK(cookie.find("SameSite=Strict") != std::string::npos);
        // A public suffix between them makes two sites: github.io hosts anyone's pages.
        Fresh g({"--secure-cookies", "--public-origin", "https://skolnav.github.io", "--embed-origin",
                 "https://intranet.github.io"});
        CHECK(g.client.sign_in("demo.vh").header("set-cookie").find("SameSite=None; Partitioned") != std::string::npos);
    }
}
