// Bad input, for every write route the route table addresses by its owner alone (the
// same routes and valid bodies as the permission matrix): a body that is not JSON, not
// an object, has an unknown field, or a field of the wrong type, far too long, or an
// impossible date, gets a 400 that names the field, and nothing is written. The valid
// body, sent last by the same person, succeeds: the 400s were about the input.
#include <catch2/catch.hpp>

#include <regex>

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
