#include "reply_samples.hpp"

#include <cstdlib>
#include <fstream>
#include <map>
#include <tuple>
#include <vector>

#include "core/routes.hpp"

namespace skolnav::test {

namespace {

// Samples kept per route and status: enough to see optional fields both present and
// absent, few enough that the file stays small (the permission matrix makes thousands).
constexpr std::size_t kSamplesPerKey = 40;

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
    const Route* route = route_for(request.method, request.path);
    if (!route) return;  // an unknown path: no route to hold it against
    auto& kept = s.by_key[{request.method, route->pattern, response.status}];
    if (kept.size() < kSamplesPerKey) kept.push_back(response.body);
}

}  // namespace skolnav::test
