// Sign-in with username and password, sessions, sign-out. BankID's sign-in
// (bankid_sign_in.cpp) starts its session here too.
//
// Passwords are checked with the platform's slow hash (argon2id) outside any
// transaction, so one sign-in never holds up other requests. An unknown username
// costs the same hash as a wrong password, so timing does not tell which it was.
#include "api_error.hpp"
#include "json_mapping.hpp"
#include "request_body.hpp"
#include "routes.hpp"
#include "sessions.hpp"
#include "sign_in_throttle.hpp"

namespace skolnav {

namespace {

// "Försök igen om 8 sekunder" / "om 15 minuter".
Response too_many_attempts(UnixSeconds wait, Language language) {
    const bool minutes = wait >= 120;
    const UnixSeconds n = minutes ? (wait + 59) / 60 : wait;
    const std::string count = std::to_string(n);
    const std::string sv = minutes ? " minuter." : n == 1 ? " sekund." : " sekunder.";
    const std::string en = minutes ? " minutes." : n == 1 ? " second." : " seconds.";
    Response r = error_response(ApiError(429, "too_many_attempts",
                                         {"För många misslyckade inloggningar. Försök igen om " + count + sv,
                                          "Too many failed sign-ins. Try again in " + count + en}),
                                language);
    r.retry_after_seconds = static_cast<int>(wait);
    return r;
}
}  // namespace

const Person* authenticate(const State& state, const Services& services, const std::string& token, UnixSeconds now,
                           std::string& digest_out) {
    if (token.empty() || token.size() > 200) return nullptr;
    digest_out = services.crypto.digest(token);
    auto it = state.sessions.find(digest_out);
    if (it == state.sessions.end() || !session_active(it->second, now, services.session_idle_seconds)) return nullptr;
    auto person = state.people.find(it->second.person_id);
    return person == state.people.end() ? nullptr : &person->second;
}

Response sign_in(Context& ctx) {
    RequestBody body(ctx.request.body, {"username", "password"});
    const std::string username = body.required_string("username", 100);
    const std::string password = body.required_string("password", 200);

    // Throttled before the slow hash: a refused guess costs the server next to nothing.
    SignInThrottle* throttle = ctx.services.sign_in_throttle;
    if (throttle) {
        if (UnixSeconds wait = throttle->admit(username, ctx.request.client_address, ctx.now); wait > 0)
            return too_many_attempts(wait, ctx.request.language);
    }

    std::string hash;
    Id person_id;
    {
        auto txn = ctx.services.store.begin();
        auto it = txn.state().username_index.find(username);
        if (it != txn.state().username_index.end()) {
            person_id = it->second;
            hash = txn.state().people.at(person_id).password_hash;
        }
    }
    // Unknown user or no password: verify against a throw-away hash all the same.
    static const std::string decoy = ctx.services.crypto.hash_password("skolnav-decoy-password");
    const bool ok = ctx.services.crypto.verify_password(hash.empty() ? decoy : hash, password) && !hash.empty();
    if (!ok) {
        if (throttle) throttle->failed(username, ctx.request.client_address, ctx.services.clock.now());
        throw ApiError(401, "invalid_credentials", {"Fel användarnamn eller lösenord.", "Wrong username or password."});
    }
    if (throttle) throttle->succeeded(username, ctx.request.client_address);
    return signed_in(ctx, person_id, nullptr);
}

Response signed_in(Context& ctx, const Id& person_id, const json& audit) {
    const std::string token = ctx.services.crypto.random_token();
    Session session;
    session.token_digest = ctx.services.crypto.digest(token);
    // The public id is a random value of its own: knowing it gives nothing towards the token.
    session.id = "ses-" + ctx.services.crypto.random_token().substr(0, 22);
    session.person_id = person_id;
    session.created_at = session.last_used_at = ctx.now;
    session.expires_at = ctx.now + kSessionLifetime;
    const Device device = device_from_user_agent(ctx.request.user_agent);
    session.browser = device.browser;
    session.platform = device.platform;
    json person;
    std::uint64_t seq;
    {
        auto txn = ctx.services.store.begin();
        json event = {{"type", "session_started"}, {"session", session}};
        if (!audit.is_null()) event["audit"] = audit;  // how the sign-in was proven (BankID's order)
        seq = txn.commit(event);
        const Person& p = txn.state().people.at(person_id);
        person = {{"id", p.id}, {"name", p.full_name()}, {"first_name", p.first_name}, {"role", to_string(p.role)}};
    }
    ctx.services.store.make_durable(seq);

    Response r;
    r.body = {{"person", person}};
    r.set_session_token = token;
    r.session_max_age_seconds = static_cast<int>(kSessionLifetime);
    return r;
}

Response sign_out(Context& ctx) {
    Response r;
    r.status = 204;
    r.clear_session = true;
    if (ctx.request.session_token.empty()) return r;
    const std::string digest = ctx.services.crypto.digest(ctx.request.session_token);
    std::uint64_t seq = 0;
    {
        auto txn = ctx.services.store.begin();
        if (txn.state().sessions.count(digest)) seq = txn.commit({{"type", "session_ended"}, {"token_digest", digest}});
    }
    ctx.services.store.make_durable(seq);
    return r;
}

}  // namespace skolnav
