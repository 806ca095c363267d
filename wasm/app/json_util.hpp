// Reading the API's JSON without exceptions (the wasm build has them off): a missing or
// mistyped field gives an empty value instead of aborting the page.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

namespace app {

using Json = nlohmann::json;

inline const Json& field(const Json& j, const char* key) {
    static const Json null_value;
    if (!j.is_object()) return null_value;
    auto it = j.find(key);
    return it == j.end() ? null_value : *it;
}

inline std::string text(const Json& j, const char* key) {
    const Json& v = field(j, key);
    if (v.is_string()) return v.get<std::string>();
    if (v.is_number_integer()) return std::to_string(v.get<long long>());  // ids may be numbers
    return {};
}

inline bool flag(const Json& j, const char* key, bool fallback = false) {
    const Json& v = field(j, key);
    return v.is_boolean() ? v.get<bool>() : fallback;
}

// A published item's "scope" ({"whole_school": bool, "groups": [{"id","name"}]}) as
// people read it: "Hela skolan", or the groups' names ("7A, 7B").
inline std::string scope_text(const Json& scope) {
    if (flag(scope, "whole_school")) return "Hela skolan";
    std::string out;
    const Json& groups = field(scope, "groups");
    if (groups.is_array())
        for (const Json& g : groups) {
            std::string name = text(g, "name");
            if (!name.empty()) out += (out.empty() ? "" : ", ") + name;
        }
    return out;
}

inline Json parse_json(const std::string& body) {
    return Json::parse(body, nullptr, /*allow_exceptions=*/false);
}

}  // namespace app
