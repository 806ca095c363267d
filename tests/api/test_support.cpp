#include "test_support.hpp"

#include <fstream>
#include <set>
#include <sstream>

#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

namespace skolnav::test {

json find_pupil(const json& me, const std::string& field, const std::string& value) {
    for (const auto& p : me.at("pupils")) {
        const json& v = field == "school.form" ? p.at("school").at("form") : p.at(field);
        if (v.is_string() && v.get<std::string>() == value) return p;
    }
    return nullptr;
}

std::string absence_path(const std::string& pupil_id) { return "/api/v1/pupils/" + pupil_id + "/absence"; }

std::string text_of(const Reply& r) {
    return std::to_string(r.status) + " " + r.body + (r.error.empty() ? "" : " (" + r.error + ")");
}

std::string read_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::vector<std::string> guardians_of_distinct_families(const json& snapshot, std::size_t max) {
    std::vector<std::string> guardians;
    std::set<std::string> covered;
    for (const auto& p : snapshot.at("state").at("people")) {
        if (guardians.size() >= max) break;
        if (p.value("role", "") != "guardian" || p.value("username", "").empty()) continue;
        bool adds = false;
        for (const auto& child : p.value("children", json::array()))
            adds = covered.insert(child.get<std::string>()).second || adds;
        if (adds) guardians.push_back(p["username"]);
    }
    return guardians;
}

}  // namespace skolnav::test
