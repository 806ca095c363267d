// Every route of the route table over real HTTP, as someone its Access lets in: each
// GET answers 200 with JSON (objects below a list are taken from the list), each write
// addressed by its owner takes its valid body, and a body that is not JSON gets a JSON
// 400. The valid bodies and callers are the unit tests' (tests/unit/route_samples).
#include <catch2/catch.hpp>

#include <map>

#include "../unit/route_samples.hpp"
#include "test_support.hpp"

using namespace skolnav;
using namespace skolnav::test;

namespace {

struct Demo {
    std::map<std::string, std::string> ids;  // "Elsa", "Olle", "7A" -> id
};

Demo demo_ids(const json& snapshot) {
    Demo d;
    const json& state = snapshot.at("state");
    std::string anna;
    for (const auto& p : state.at("people"))
        if (p.value("username", "") == "demo.vh") anna = p.at("id");
    for (const auto& p : state.at("people"))
        for (const char* name : {"Elsa", "Olle"})
            if (p.value("first_name", "") == name && p.value("last_name", "") == "Lindqvist" && p.value("role", "") == "pupil") {
                d.ids[name] = p.at("id");
                if (std::string(name) == "Elsa") d.ids["7A"] = p.at("group_id");
            }
    return d;
}

// Lists for objects that are not listed right above their route.
const std::map<std::string, std::string> kListOf = {{"post", "/api/v1/schools/sch-2/blog"}};
// The right answer where the demo has nothing to show: Ekbyskolan does not publish grades.
const std::map<std::string, std::string> kOtherAnswer = {{"/api/v1/pupils/{pupil}/grades", "grades_not_published"}};

// The first object with an "id" inside a list reply, depth first (documentation lists
// its items per kind).
std::string first_id(const json& body) {
    if (body.is_array()) {
        for (const auto& element : body) {
            if (element.is_object() && element.contains("id") && element["id"].is_string()) return element["id"];
            if (std::string id = first_id(element); !id.empty()) return id;
        }
    } else if (body.is_object()) {
        for (const auto& [key, value] : body.items())
            if (value.is_structured())
                if (std::string id = first_id(value); !id.empty()) return id;
    }
    return "";
}

}  // namespace

TEST_CASE("every route answers over HTTP for someone it lets in", "[api][routes]") {
    Fresh fresh;
    REQUIRE(fresh.server.started());
    const Demo demo = demo_ids(json::parse(read_file(fresh.data / "snapshot.json")));
    REQUIRE(demo.ids.size() == 3);
    std::map<std::string, std::unique_ptr<ApiClient>> clients;
    auto client_for = [&](const char* who) -> ApiClient& {
        auto& c = clients[who];
        if (!c) {
            c = std::make_unique<ApiClient>(fresh.server.host(), fresh.server.port());
            REQUIRE(c->sign_in(who).status == 200);
        }
        return *c;
    };
    auto target_of = [&](const AllowedCaller& caller) {
        auto it = demo.ids.find(caller.target);
        return it == demo.ids.end() ? std::string(caller.target) : it->second;
    };

    int gets = 0, writes = 0;
    std::vector<std::string> unreached;
    for (const Route& route : routes()) {
        if (std::string(route.method) != "GET" || !route.needs_session) continue;
        AllowedCaller caller = allowed_caller(route.access);
        if (std::string(route.pattern) == "/api/v1/me/insyn") caller.who = "demo.elev18";  // adult pupils decide insyn
        ApiClient& c = client_for(caller.who);
        std::map<std::string, std::string> values;
        if (*caller.param) values[caller.param] = target_of(caller);
        std::string path = route.pattern;
        // Parameters past the owner: the first object of the list the route sits below.
        std::string why;
        for (const auto& p : params_of(route.pattern)) {
            if (values.count(p)) continue;
            if (p == "pupil") {  // staff looking at one pupil of their group
                values[p] = demo.ids.at("Elsa");
                continue;
            }
            std::string list = std::string(route.pattern).substr(0, std::string(route.pattern).find("/{" + p + "}"));
            Reply listed = c.get(fill(list, values));
            if (listed.status != 200 && kListOf.count(p)) {
                list = kListOf.at(p);
                listed = c.get(list);
            }
            const std::string id = listed.status == 200 ? first_id(listed.json_body()) : "";
            if (id.empty()) {
                why = list + " -> " + text_of(listed).substr(0, 200);
                break;
            }
            values[p] = id;
        }
        path = fill(route.pattern, values);
        if (path.find('{') != std::string::npos) {
            unreached.push_back(std::string(route.pattern) + " (" + why + ")");
            continue;
        }
        Reply r = c.get(path);
        INFO("GET " << path << " as " << caller.who << " -> " << text_of(r).substr(0, 300));
        auto documented = kOtherAnswer.find(route.pattern);
        if (documented != kOtherAnswer.end()) CHECK(r.json_body()["error"]["code"] == documented->second);
        else CHECK(r.status == 200);
        CHECK_THAT(r.header("content-type"), Catch::StartsWith("application/json"));
        CHECK_FALSE(r.json_body().is_discarded());
        ++gets;
    }

    // Writes: the school's box choice last, since it turns boxes off.
    std::vector<const Route*> write_routes;
    for (const Route& route : routes())
        if (std::string(route.method) != "GET" && route.needs_session && addressed_by_owner_alone(route)) write_routes.push_back(&route);
    std::stable_partition(write_routes.begin(), write_routes.end(),
                          [](const Route* r) { return std::string(r->pattern).find("/boxes") == std::string::npos; });
    for (const Route* route : write_routes) {
        const auto sample = valid_body(*route);
        INFO(route->method << " " << route->pattern);
        REQUIRE(sample);
        const AllowedCaller caller = allowed_caller(route->access);
        ApiClient& c = client_for(caller.who);
        const std::string path = fill(route->pattern, {{caller.param, target_of(caller)}, {"date", "2026-12-03"}});
        const std::string body = fill(*sample, {{"group", demo.ids.at("7A")}});
        auto send = [&](const std::string& b) {
            if (std::string(route->method) == "POST") return c.post_raw(path, b);
            if (std::string(route->method) == "PUT") return c.put_raw(path, b);
            return c.del(path);
        };
        if (!body.empty()) {
            Reply bad = send("{\"title\": ");
            INFO("not JSON -> " << text_of(bad));
            CHECK(bad.status == 400);
            CHECK(bad.json_body()["error"]["code"] == "bad_request");
        }
        Reply r = send(body);
        INFO("valid -> " << text_of(r).substr(0, 300));
        CHECK((r.status < 300 || r.status == 409));
        ++writes;
    }
    std::printf("[routes] over HTTP: %d GET routes, %d write routes answered; %zu GET routes without an object to open\n",
                gets, writes, unreached.size());
    for (const auto& u : unreached) std::printf("  (no object for %s)\n", u.c_str());
    CHECK(unreached.size() <= 1);  // attachments: uploaded and fetched in attachments_api_test
    CHECK(gets >= 40);
    CHECK(writes >= 20);
}
