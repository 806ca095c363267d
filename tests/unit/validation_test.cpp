// Bad input, for every write route the route table addresses by its owner alone (the
// same routes and valid bodies as the permission matrix): a body that is not JSON, not
// an object, has an unknown field, or a field of the wrong type, far too long, or an
// impossible date, gets a 400 that names the field, and nothing is written. The valid
// body, sent last by the same person, succeeds: the 400s were about the input.
#include <catch2/catch.hpp>

#include <regex>

#include "core/request_body.hpp"
#include "route_samples.hpp"
#include "test_support.hpp"

using namespace skolnav;
using namespace skolnav::test;

namespace {

// The object an AllowedCaller names, in the fixture's demo.
std::string resolve(const ApiFixture& f, const std::string& target) {
    const Id elsa = f.child_of("demo.vh", "Elsa");
    if (target == "Elsa") return elsa;
    if (target == "Olle") return f.child_of("demo.vh", "Olle");
    if (target == "7A") return f.store.unsafe_state().people.at(elsa).group_id;
    return target;
}

json wrong_type(const json& v) { return v.is_string() ? json(12345) : json("x"); }

}  // namespace

TEST_CASE("every write route refuses bad bodies naming the field, and writes nothing", "[validation]") {
    static const std::regex iso_date(R"(\d{4}-\d{2}-\d{2})");
    int routes_checked = 0;
    for (const Route& route : routes()) {
        if (std::string(route.method) == "GET" || !route.needs_session || !addressed_by_owner_alone(route)) continue;
        const auto sample = valid_body(route);
        INFO(route.method << " " << route.pattern);
        REQUIRE(sample);
        if (sample->empty()) continue;  // takes no body

        ApiFixture f;
        const AllowedCaller caller = allowed_caller(route.access);
        REQUIRE(*caller.param);
        const auto token = f.sign_in(caller.who);
        const Id class_7a = f.store.unsafe_state().people.at(f.child_of("demo.vh", "Elsa")).group_id;
        const json valid = json::parse(fill(*sample, {{"group", class_7a}}));
        const std::string path = fill(route.pattern, {{caller.param, resolve(f, caller.target)}, {"date", "2026-12-03"}});

        // What to send, and which field the answer must name ("" for the body as a whole).
        std::vector<std::pair<std::string, std::string>> bad = {{"{\"title\": ", ""}, {"[1, 2]", ""}};
        json unknown = valid;
        unknown["colour"] = "blå";
        bad.push_back({unknown.dump(), "colour"});
        for (const auto& [key, value] : valid.items()) {
            json b = valid;
            b[key] = wrong_type(value);
            bad.push_back({b.dump(), key});
            if (value.is_string()) {
                b[key] = std::string(300000, 'x');
                bad.push_back({b.dump(), key});
                if (std::regex_match(value.get<std::string>(), iso_date)) {
                    b[key] = "2026-02-30";
                    bad.push_back({b.dump(), key});
                }
            }
        }

        const auto records = f.journal.records.size();
        for (const auto& [body, field] : bad) {
            const auto r = f.call(route.method, path, body, token);
            INFO(caller.who << " sent " << body.substr(0, 120) << " -> " << r.status << " " << r.body.dump());
            CHECK(r.status == 400);
            if (!field.empty()) {
                const json named = r.body["error"]["field"];
                REQUIRE(named.is_string());
                CHECK_THAT(named.get<std::string>(), Catch::StartsWith(field));
            }
            CHECK(!r.body["error"]["message"].get<std::string>().empty());
        }
        CHECK(f.journal.records.size() == records);

        const auto ok = f.call(route.method, path, valid.dump(), token);
        INFO(caller.who << " sent the valid body -> " << ok.status << " " << ok.body.dump());
        CHECK(ok.status < 300);
        ++routes_checked;
    }
    CHECK(routes_checked >= 20);
}

// What every body is checked for while it is parsed (RequestBody, the one place all
// bodies pass): numbers no double holds, a key given twice, text with control or bidi
// characters or broken UTF-8, and dates outside the sensible range. Over the same route
// table: each is a 400 naming the field, nothing is written, the valid body still works.
namespace {

// The valid body with `key`'s value written as raw JSON text (numbers nlohmann cannot hold).
std::string with_raw(json body, const std::string& key, const std::string& raw) {
    body.erase(key);
    const std::string rest = body.dump();
    return "{" + json(key).dump() + ":" + raw + (body.empty() ? "}" : "," + rest.substr(1));
}

const std::string kHugeInteger = std::string(400, '7');

}  // namespace

TEST_CASE("every write route refuses out-of-range numbers, repeated keys, forbidden text and far dates", "[validation]") {
    static const std::regex iso_date(R"(\d{4}-\d{2}-\d{2}(T.*)?)");
    int routes_checked = 0;
    for (const Route& route : routes()) {
        if (std::string(route.method) == "GET" || !route.needs_session || !addressed_by_owner_alone(route)) continue;
        const auto sample = valid_body(route);
        INFO(route.method << " " << route.pattern);
        REQUIRE(sample);
        if (sample->empty()) continue;

        ApiFixture f;
        const AllowedCaller caller = allowed_caller(route.access);
        const auto token = f.sign_in(caller.who);
        const Id class_7a = f.store.unsafe_state().people.at(f.child_of("demo.vh", "Elsa")).group_id;
        const json valid = json::parse(fill(*sample, {{"group", class_7a}}));
        const std::string path = fill(route.pattern, {{caller.param, resolve(f, caller.target)}, {"date", "2026-12-03"}});

        std::vector<std::pair<std::string, std::string>> bad;
        for (const auto& [key, value] : valid.items()) {
            for (const std::string& raw : {std::string("1e999"), std::string("-1e400"), kHugeInteger, "[" + kHugeInteger + "]"})
                bad.push_back({with_raw(valid, key, raw), key});
            // The same key twice: nlohmann would keep the last one silently.
            bad.push_back({valid.dump().substr(0, valid.dump().size() - 1) + "," + json(key).dump() + ":" + value.dump() + "}", key});
            if (value.is_string()) {
                const std::string text = value.get<std::string>();
                for (const char* evil : {"\u202E", "\u202A", "\u2066", "\u2069", "\x07", "\r", "\x1b[2J", "\u0085", "\u009B"}) {
                    json b = valid;
                    b[key] = text + evil;
                    bad.push_back({b.dump(), key});
                }
                // A title, a name, an id: one line. Only the fields that may span lines take breaks.
                if (!takes_line_breaks(key) && !std::regex_match(text, iso_date))
                    for (const char* line_break : {"\nrad två", "\tkolumn"}) {
                        json b = valid;
                        b[key] = text + line_break;
                        bad.push_back({b.dump(), key});
                    }
                bad.push_back({with_raw(valid, key, "\"" + text + "\xff\xfe\""), key});   // not UTF-8
                bad.push_back({with_raw(valid, key, "\"" + text + "\\ud800\""), key});  // a lone surrogate
                if (std::regex_match(text, iso_date))
                    for (const char* far : {"9999-12-31", "1999-12-31", "2032-01-01", "0001-01-01"}) {
                        json b = valid;
                        b[key] = far + text.substr(10);
                        bad.push_back({b.dump(), key});
                    }
            }
        }

        const auto records = f.journal.records.size();
        for (const auto& [body, field] : bad) {
            const auto r = f.call(route.method, path, body, token);
            INFO(caller.who << " sent " << body.substr(0, 160) << " -> " << r.status << " " << r.body.dump());
            CHECK(r.status == 400);
            CHECK(r.body["error"]["field"] == field);
        }
        CHECK(f.journal.records.size() == records);
        // The valid body, with a second line in every field that may span lines.
        json multi_line = valid;
        for (auto& [key, value] : multi_line.items())
            if (takes_line_breaks(key) && value.is_string() && !value.get<std::string>().empty())
                value = value.get<std::string>() + "\nrad två\tmed tabb";
        const auto ok = f.call(route.method, path, multi_line.dump(), token);
        INFO(caller.who << " sent the valid body -> " << ok.status << " " << ok.body.dump());
        CHECK(ok.status < 300);
        ++routes_checked;
    }
    CHECK(routes_checked >= 20);
}

TEST_CASE("no body on any route makes a 500: numbers out of range, signed in or not", "[validation]") {
    ApiFixture f;
    const auto staff = f.sign_in("demo.personal");
    int checked = 0;
    for (const Route& route : routes()) {
        if (std::string(route.pattern) == "/api/v1/attachments") continue;  // its body is a file, not JSON
        std::map<std::string, std::string> values;
        for (const auto& p : params_of(route.pattern)) values[p] = "x-1";
        for (const std::string& token : {std::string(), staff}) {
            for (const std::string& body : {std::string(R"({"n":1e999})"), std::string("{\"n\":[-1e400]}"), "{\"n\":" + kHugeInteger + "}"}) {
                const auto r = f.call(route.method, fill(route.pattern, values), body, token);
                INFO(route.method << " " << route.pattern << " " << body.substr(0, 20) << " -> " << r.status << " " << r.body.dump());
                CHECK(r.status < 500);
                if (r.status == 400) CHECK(r.body["error"]["field"] == "n");
                ++checked;
            }
        }
    }
    CHECK(checked > 300);
    // Unauthenticated, on the sign-in itself.
    auto r = f.call("POST", "/api/v1/session", R"({"username":"demo.vh","password":1e999})");
    CHECK(r.status == 400);
    CHECK(r.body["error"]["field"] == "password");
}

TEST_CASE("emoji, combining marks and other valid text are stored byte for byte", "[validation]") {
    ApiFixture f;
    const auto vh = f.sign_in("demo.vh");
    const Id elsa = f.child_of("demo.vh", "Elsa");
    const std::string comment = "Magsjuk \xF0\x9F\xA4\x92, e\xCC\x81, \xF0\x9D\x94\x98, \xE2\x80\x8F\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D, \xEF\xBB\xBF\xE2\x80\x8D\tslut\nrad 2";
    auto r = f.call("POST", "/api/v1/pupils/" + elsa + "/absence", json{{"date", "2026-12-01"}, {"comment", comment}}.dump(), vh);
    REQUIRE(r.status == 201);
    CHECK(r.body["report"]["comment"].get<std::string>() == comment);
    auto list = f.call("GET", "/api/v1/pupils/" + elsa + "/absence", "", vh);
    REQUIRE(list.status == 200);
    CHECK(list.body["reports"][0]["comment"].get<std::string>() == comment);
    CHECK(f.journal.records.back().find("\xF0\x9F\xA4\x92") != std::string::npos);  // the emoji's own bytes
}
