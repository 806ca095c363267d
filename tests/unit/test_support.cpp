#include "test_support.hpp"

#include <stdexcept>

namespace skolnav::test {

UnixSeconds at(const char* s) {
    const std::string iso(s);
    auto d = Date::parse(iso.substr(0, 10));
    if (!d || iso.size() != 20 || iso[10] != 'T' || iso[19] != 'Z') throw std::invalid_argument(iso);
    return d->days_since_epoch() * 86400 + std::stoi(iso.substr(11, 2)) * 3600 + std::stoi(iso.substr(14, 2)) * 60 +
           std::stoi(iso.substr(17, 2));
}

ApiFixture::ApiFixture(const char* now_utc) : clock(at(now_utc)) {
    DemoOptions options;
    options.pupils_per_school = 20;
    const Date today = TimeZone::named("Europe/Stockholm")->local_date(clock.now());
    store.load_snapshot(make_demo_municipality(options, today, crypto));
}

Response ApiFixture::call(const std::string& method, const std::string& path, const std::string& body,
                          const std::string& token) {
    Request r;
    r.method = method;
    r.path = path;
    // "?a=1&b=2" becomes the query map, as the HTTP adapter does (no %-decoding needed here).
    if (auto q = path.find('?'); q != std::string::npos) {
        r.path = path.substr(0, q);
        std::string rest = path.substr(q + 1);
        while (!rest.empty()) {
            const auto amp = rest.find('&');
            const std::string pair = rest.substr(0, amp);
            const auto eq = pair.find('=');
            r.query.emplace(pair.substr(0, eq), eq == std::string::npos ? "" : pair.substr(eq + 1));
            rest = amp == std::string::npos ? "" : rest.substr(amp + 1);
        }
    }
    r.body = body;
    r.session_token = token;
    return handle(r, services);
}

std::string ApiFixture::sign_in(const std::string& username) {
    auto r = call("POST", "/api/v1/session", json{{"username", username}, {"password", "demo"}}.dump());
    if (r.status != 200 || !r.set_session_token) throw std::runtime_error("sign-in failed for " + username);
    return *r.set_session_token;
}

Id ApiFixture::id_of(const std::string& username) const {
    return store.unsafe_state().username_index.at(username);
}

Id ApiFixture::child_of(const std::string& guardian, const std::string& first_name) const {
    const State& s = store.unsafe_state();
    for (const Id& id : s.people.at(id_of(guardian)).children)
        if (s.people.at(id).first_name == first_name) return id;
    throw std::runtime_error(guardian + " has no child named " + first_name);
}

}  // namespace skolnav::test
