// The OpenAPI document and the route table must describe the same API.
#include <catch2/catch.hpp>

#include <cctype>
#include <fstream>
#include <set>
#include <sstream>

#include "core/routes.hpp"

using namespace skolnav;

TEST_CASE("every route is in core/openapi.json, and nothing else is") {
    std::ifstream file(SKOLNAV_OPENAPI_PATH);
    REQUIRE(file);
    std::stringstream text;
    text << file.rdbuf();
    const json doc = json::parse(text.str());

    std::set<std::string> documented, routed;
    for (const auto& [path, item] : doc.at("paths").items())
        for (const auto& [method, op] : item.items())
            if (method != "parameters") {
                std::string upper = method;
                for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
                documented.insert(upper + " " + path);
            }
    for (const Route& r : routes()) routed.insert(std::string(r.method) + " " + r.pattern);
    CHECK(documented == routed);
}
