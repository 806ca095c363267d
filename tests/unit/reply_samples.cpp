#include "reply_samples.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <string_view>
#include <tuple>
#include <vector>

#include "core/routes.hpp"

namespace skolnav::test {

namespace {

// Samples kept per route and status: enough to see optional fields both present and
// absent, few enough that the file stays small (the permission matrix makes thousands).
constexpr std::size_t kSamplesPerKey = 40;

bool same_shape(const std::string& pattern, const std::string& path) {
    std::size_t p = 0, q = 0;
    while (p < pattern.size() && q < path.size()) {
        const auto p_end = std::min(pattern.find('/', p), pattern.size());
        const auto q_end = std::min(path.find('/', q), path.size());
        const std::string_view want(pattern.data() + p, p_end - p), got(path.data() + q, q_end - q);
        const bool param = want.size() > 2 && want.front() == '{' && want.back() == '}';
        if (param ? got.empty() : want != got) return false;
        p = p_end + 1;
        q = q_end + 1;
    }
    return p >= pattern.size() && q >= path.size();
}

// The route core's handle() chose: the first of the table with this method and shape.
const char* route_pattern(const Request& request) {
    for (const Route& route : routes())
        if (request.method == route.method && same_shape(route.pattern, request.path)) return route.pattern;
    return nullptr;
}

struct Samples {
    std::string file;
    std::map<std::tuple<std::string, std::string, int>, std::vector<json>> by_key;
    ~Samples() {
        if (file.empty()) return;
        std::ofstream out(file, std::ios::trunc);
        for (const auto& [key, replies] : by_key)
            for (const json& body : replies)
                out << json{{"method", std::get<0>(key)}, {"route", std::get<1>(key)}, {"status", std::get<2>(key)},
                            {"body", body}}.dump()
                    << '\n';
    }
};

Samples& samples() {
    static Samples s = [] {
        Samples made;
        if (const char* file = std::getenv("SKOLNAV_REPLY_SAMPLES")) made.file = file;
        return made;
    }();
    return s;
}

}  // namespace

void keep_reply_sample(const Request& request, const Response& response) {
    Samples& s = samples();
    if (s.file.empty()) return;
    const char* pattern = route_pattern(request);
    if (!pattern) return;  // an unknown path: no route to hold it against
    auto& kept = s.by_key[{request.method, pattern, response.status}];
    if (kept.size() < kSamplesPerKey) kept.push_back(response.body);
}

}  // namespace skolnav::test
