// The OpenAPI document and the route table must describe the same API. The document
// is kept in parts beside the code (core/openapi/base.json and one file per box
// module); this test merges them, checks them against the routes, and writes the
// whole document to the build folder.
#include <catch2/catch.hpp>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "core/routes.hpp"

using namespace skolnav;

namespace {
json read_json(const std::filesystem::path& p) {
    std::ifstream file(p);
    REQUIRE(file);
    std::stringstream text;
    text << file.rdbuf();
    return json::parse(text.str());
}
}  // namespace

TEST_CASE("every route is in the OpenAPI document, and nothing else is") {
    const std::filesystem::path dir = SKOLNAV_OPENAPI_DIR;
    json doc = read_json(dir / "base.json");
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.path().filename() == "base.json" || entry.path().extension() != ".json") continue;
        const json part = read_json(entry.path());
        const json paths = part.value("paths", json::object());
        const json schemas = part.value("components", json::object()).value("schemas", json::object());
        for (const auto& [path, item] : paths.items()) {
            INFO(entry.path().filename().string() << ": " << path);
            CHECK_FALSE(doc["paths"].contains(path));
            doc["paths"][path] = item;
        }
        for (const auto& [name, schema] : schemas.items())
            doc["components"]["schemas"][name] = schema;
    }

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

    // Every $ref points at something that exists.
    std::function<void(const json&)> check_refs = [&](const json& j) {
        if (j.is_object()) {
            if (j.contains("$ref")) {
                const std::string ref = j["$ref"];
                REQUIRE(ref.rfind("#/", 0) == 0);
                INFO(ref);
                CHECK(doc.contains(json::json_pointer(ref.substr(1))));
            }
            for (const auto& [k, v] : j.items()) check_refs(v);
        } else if (j.is_array()) {
            for (const auto& v : j) check_refs(v);
        }
    };
    check_refs(doc);
    std::ofstream(SKOLNAV_OPENAPI_OUT) << doc.dump(2) << "\n";
}
