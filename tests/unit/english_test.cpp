// The server's own words in English when the request asks for it (Accept-Language: en),
// and exactly today's Swedish when it does not: error messages here, start-page cards
// further down. Names and texts people wrote stay as written.
#include <catch2/catch.hpp>

#include <regex>

#include "route_samples.hpp"
#include "test_support.hpp"

using namespace skolnav;
using namespace skolnav::test;

namespace {

bool has_swedish_letters(const std::string& s) {
    for (const char* letter : {"å", "ä", "ö", "Å", "Ä", "Ö"})
        if (s.find(letter) != std::string::npos) return true;
    return false;
}

std::string message_of(const Response& r) { return r.body["error"]["message"].get<std::string>(); }

// The same request in Swedish (no Accept-Language) and in English.
struct Both {
    Response sv, en;
};
Both in_both(ApiFixture& f, const std::string& method, const std::string& path, const std::string& body,
             const std::string& token) {
    f.language = Language::sv;
    Response sv = f.call(method, path, body, token);
    f.language = Language::en;
    Response en = f.call(method, path, body, token);
    f.language = Language::sv;
    return {std::move(sv), std::move(en)};
}

}  // namespace

TEST_CASE("errors in English when asked, today's Swedish otherwise", "[language][errors]") {
    ApiFixture f;
    const auto vh = f.sign_in("demo.vh");
    const Id elsa = f.child_of("demo.vh", "Elsa");
    const std::string absence = pupil_route(elsa, "absence");

    struct Case {
        const char* what;
        std::string method, path, body;
        int status;
        const char* swedish;
        const char* english;
    };
    const Case cases[] = {
        {"a body that is not JSON", "POST", absence, "{\"date\": ", 400, "Förfrågan är inte giltig JSON.",
         "The request is not valid JSON."},
        {"an unknown field", "POST", absence, R"({"date":"2026-11-30","colour":"blå"})", 400, "Okänt fält: colour.",
         "Unknown field: colour."},
        {"a missing field", "POST", absence, R"({"comment":"Sjuk"})", 400, "Fältet date saknas.",
         "The field date is missing."},
        {"an object that does not exist", "GET", pupil_route("nobody", "absence"), "", 404, "Hittades inte.", "Not found."},
        {"a path that does not exist", "GET", "/api/v1/nothing-here", "", 404, "Hittades inte.", "Not found."},
        {"a method the path does not take", "PATCH", absence, "", 405, "Metoden PATCH stöds inte här.",
         "The method PATCH is not supported here."},
        {"absence outside today and tomorrow", "POST", absence, R"({"date":"2026-12-02"})", 400,
         "Frånvaro kan bara anmälas för idag (2026-11-30) eller i morgon (2026-12-01).",
         "Absence can only be reported for today (2026-11-30) or tomorrow (2026-12-01)."},
        {"an adult pupil who gave no insyn", "GET", pupil_route(f.id_of("demo.elev18.privat"), "absence"), "", 403,
         "Måns är myndig och har inte gett vårdnadshavare insyn.", "Måns is over 18 and has not given guardians access."},
        {"not signed in", "GET", absence, "", 401, "Du är inte inloggad.", "You are not signed in."},
    };
    const std::string guardian_of_mans = f.sign_in("demo.vh.gy");
    for (const Case& c : cases) {
        INFO(c.what);
        const std::string token = c.status == 401 ? "" : c.status == 403 ? guardian_of_mans : vh;
        const Both r = in_both(f, c.method, c.path, c.body, token);
        REQUIRE(r.sv.status == c.status);
        REQUIRE(r.en.status == c.status);
        CHECK(r.en.body["error"]["code"] == r.sv.body["error"]["code"]);
        CHECK(r.en.body["error"]["field"] == r.sv.body["error"]["field"]);
        CHECK(message_of(r.sv) == c.swedish);
        CHECK(message_of(r.en) == c.english);
    }
    CHECK(f.store.unsafe_state().absence.reports.empty());
}

TEST_CASE("a domain rule's message carries its values in English too", "[language][errors]") {
    ApiFixture f;
    const auto vh = f.sign_in("demo.vh");
    const Id elsa = f.child_of("demo.vh", "Elsa");
    REQUIRE(f.call("POST", pupil_route(elsa, "absence"), R"({"date":"2026-12-01"})", vh).status == 201);
    const Both again = in_both(f, "POST", pupil_route(elsa, "absence"), R"({"date":"2026-12-01"})", vh);
    REQUIRE(again.sv.status == 409);
    CHECK(message_of(again.sv) == "Elsa är redan frånvaroanmäld 2026-12-01.");
    CHECK(message_of(again.en) == "Elsa is already reported absent on 2026-12-01.");
}

// Every write route, sent the bad bodies of the validation test (not JSON, not an
// object, an unknown field, a field of the wrong type, far too long, an impossible
// date): the English message is not the Swedish one and has no Swedish letters (the
// messages name only fields, which are English words).
TEST_CASE("every write route refuses bad bodies in English when asked", "[language][errors]") {
    static const std::regex iso_date(R"(\d{4}-\d{2}-\d{2})");
    int checked = 0;
    ApiFixture f;
    for (const Route& route : routes()) {
        if (std::string(route.method) == "GET" || !route.needs_session || !addressed_by_owner_alone(route)) continue;
        const auto sample = valid_body(route);
        INFO(route.method << " " << route.pattern);
        REQUIRE(sample);
        if (sample->empty()) continue;
        const AllowedCaller caller = allowed_caller(route.access);
        const auto token = f.sign_in(caller.who);
        const Id elsa = f.child_of("demo.vh", "Elsa");
        std::string target = caller.target;
        if (target == "Elsa") target = elsa;
        else if (target == "Olle") target = f.child_of("demo.vh", "Olle");
        else if (target == "7A") target = f.group_of(elsa);
        const json valid = json::parse(fill(*sample, {{"group", f.group_of(elsa)}}));
        const std::string path = fill(route.pattern, {{caller.param, target}, {"date", "2026-12-03"}});

        std::vector<std::string> bad = {"{\"title\": ", "[1, 2]"};
        json unknown = valid;
        unknown["colour"] = "blå";
        bad.push_back(unknown.dump());
        for (const auto& [key, value] : valid.items()) {
            json b = valid;
            b[key] = value.is_string() ? json(12345) : json("x");
            bad.push_back(b.dump());
            if (value.is_string()) {
                b[key] = std::string(300000, 'x');
                bad.push_back(b.dump());
                if (std::regex_match(value.get<std::string>(), iso_date)) {
                    b[key] = "2026-02-30";
                    bad.push_back(b.dump());
                }
            }
        }
        for (const std::string& body : bad) {
            const Both r = in_both(f, route.method, path, body, token);
            INFO(body.substr(0, 120) << " -> " << r.sv.body.dump() << " / " << r.en.body.dump());
            REQUIRE(r.sv.status == 400);
            REQUIRE(r.en.status == 400);
            CHECK(r.en.body["error"]["field"] == r.sv.body["error"]["field"]);
            CHECK(message_of(r.en) != message_of(r.sv));
            CHECK_FALSE(has_swedish_letters(message_of(r.en)));
            ++checked;
        }
    }
    CHECK(checked >= 100);
}
