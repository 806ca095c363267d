// PUT /api/v1/me/password: a signed-in person changes their password. The current one
// must be given (a browser left signed in is not enough to take the account), the new
// one has at least kMinPasswordChars characters, and every other session of the person
// ends: whoever else was signed in must sign in again with the new password. This
// session stays.
//
// Both hashes run outside any transaction (argon2id is slow), as in sign_in; the change
// is committed only if the password was not changed meanwhile by another request.
#include "api_error.hpp"
#include "request_body.hpp"
#include "routes.hpp"

namespace skolnav {

namespace {
constexpr std::size_t kMinPasswordChars = 8;
constexpr std::size_t kMaxPasswordChars = 200;  // as sign-in accepts
}  // namespace

Response change_password(Context& ctx) {
    RequestBody body(ctx.request.body, {"current_password", "new_password"});
    const std::string current = body.required_string("current_password", kMaxPasswordChars);
    const std::string fresh = body.required_string("new_password", kMaxPasswordChars);
    if (utf8_length(fresh) < kMinPasswordChars)
        throw ApiError(400, "password_too_short",
                       {"Det nya lösenordet måste ha minst 8 tecken.", "The new password must have at least 8 characters."},
                       "new_password");
    if (fresh == current)
        throw ApiError(400, "password_unchanged",
                       {"Det nya lösenordet är samma som det nuvarande.", "The new password is the same as the current one."},
                       "new_password");

    std::string old_hash;
    {
        auto txn = ctx.services.store.begin();
        old_hash = txn.state().people.at(ctx.me->id).password_hash;
    }
    if (old_hash.empty() || !ctx.services.crypto.verify_password(old_hash, current))
        throw ApiError(400, "wrong_password",
                       {"Det nuvarande lösenordet stämmer inte.", "The current password is not right."}, "current_password");
    const std::string new_hash = ctx.services.crypto.hash_password(fresh);

    int ended = 0;
    std::uint64_t seq;
    {
        auto txn = ctx.services.store.begin();
        const State& state = txn.state();
        // Changed in another request since we checked, or this session ended meanwhile.
        if (state.people.at(ctx.me->id).password_hash != old_hash)
            throw ApiError(409, "conflict", {"Lösenordet har just ändrats. Försök igen.", "The password was just changed. Try again."});
        if (!state.sessions.count(ctx.session_digest)) throw unauthenticated();
        for (const auto& [digest, s] : state.sessions)
            if (s.person_id == ctx.me->id && digest != ctx.session_digest) ++ended;
        seq = txn.commit({{"type", "password_changed"},
                          {"person_id", ctx.me->id},
                          {"password_hash", new_hash},
                          {"kept_session", ctx.session_digest}});
    }
    ctx.services.store.make_durable(seq);
    Response r;
    r.body = {{"ended", ended}};
    return r;
}

}  // namespace skolnav
