// One's own sessions: the list in Inställningar (device, last used, this one marked),
// ending one of them, and signing out everywhere. Also the session rules declared in
// sessions.hpp. A person sees and ends only their own sessions; another's session id
// answers exactly like one that does not exist.
#include "sessions.hpp"

#include <algorithm>

#include "api_error.hpp"
#include "routes.hpp"

namespace skolnav {

bool session_active(const Session& session, UnixSeconds now, UnixSeconds idle_seconds) {
    return now < session.expires_at && now < session.last_used_at + idle_seconds;
}

void note_session_use(Store::Transaction& txn, const std::string& token_digest, UnixSeconds now) {
    auto it = txn.state().sessions.find(token_digest);
    if (it == txn.state().sessions.end() || now < it->second.last_used_at + kSessionUseStamp) return;
    txn.commit({{"type", "session_used"}, {"token_digest", token_digest}, {"at", now}});
}

Device device_from_user_agent(std::string_view ua) {
    auto has = [&](std::string_view s) { return ua.find(s) != std::string_view::npos; };
    Device d;
    // Order matters: Edge, Opera and Samsung say "Chrome" too, and Chrome says "Safari".
    if (has("Edg/") || has("EdgA/") || has("EdgiOS/")) d.browser = "Edge";
    else if (has("OPR/") || has("Opera")) d.browser = "Opera";
    else if (has("SamsungBrowser/")) d.browser = "Samsung Internet";
    else if (has("Firefox/") || has("FxiOS/")) d.browser = "Firefox";
    else if (has("Chrome/") || has("CriOS/") || has("Chromium/")) d.browser = "Chrome";
    else if (has("Safari/")) d.browser = "Safari";
    // iPhones and iPads say "like Mac OS X": look for them first.
    if (has("iPhone")) d.platform = "iPhone";
    else if (has("iPad")) d.platform = "iPad";
    else if (has("Android")) d.platform = "Android";
    else if (has("CrOS")) d.platform = "ChromeOS";
    else if (has("Windows")) d.platform = "Windows";
    else if (has("Macintosh") || has("Mac OS X")) d.platform = "Mac";
    else if (has("Linux")) d.platform = "Linux";
    return d;
}

std::string device_label(const Session& s, Language language) {
    if (!s.browser.empty() && !s.platform.empty())
        return say(language, s.browser + " på " + s.platform, s.browser + " on " + s.platform);
    if (!s.browser.empty()) return s.browser;
    if (!s.platform.empty()) return say(language, "Webbläsare på " + s.platform, "Browser on " + s.platform);
    return say(language, "Okänd webbläsare", "Unknown browser");
}

namespace {
std::string stockholm_time(UnixSeconds t) {
    static const TimeZone zone = *TimeZone::named("Europe/Stockholm");
    return zone.local_iso(t);
}
}  // namespace

// GET /api/v1/sessions: the caller's active sessions, this one first, then the most
// recently used.
Response list_sessions(Context& ctx) {
    std::vector<const Session*> mine;
    json list = json::array();
    {
        auto txn = ctx.services.store.begin();
        for (const auto& [digest, s] : txn.state().sessions)
            if (s.person_id == ctx.me->id && session_active(s, ctx.now, ctx.services.session_idle_seconds))
                mine.push_back(&s);
        std::sort(mine.begin(), mine.end(), [&](const Session* a, const Session* b) {
            const bool a_here = a->token_digest == ctx.session_digest, b_here = b->token_digest == ctx.session_digest;
            if (a_here != b_here) return a_here;
            if (a->last_used_at != b->last_used_at) return a->last_used_at > b->last_used_at;
            return a->id < b->id;
        });
        for (const Session* s : mine)
            list.push_back({{"id", s->id},
                            {"device", device_label(*s, ctx.language())},
                            {"browser", s->browser},
                            {"platform", s->platform},
                            {"created_at", stockholm_time(s->created_at)},
                            {"last_used_at", stockholm_time(s->last_used_at)},
                            {"current", s->token_digest == ctx.session_digest}});
    }
    Response r;
    r.body = {{"sessions", std::move(list)},
              {"idle_days", ctx.services.session_idle_seconds / 86400},
              {"lifetime_days", kSessionLifetime / 86400}};
    return r;
}

// DELETE /api/v1/sessions: signs out every other browser; ?include_current=true signs out
// this one too ("Logga ut överallt").
Response end_sessions(Context& ctx) {
    bool include_current = false;
    if (auto it = ctx.request.query.find("include_current"); it != ctx.request.query.end()) {
        if (it->second != "true" && it->second != "false")
            throw bad_request("include_current", "Fältet include_current ska vara true eller false.",
                              "The field include_current must be true or false.");
        include_current = it->second == "true";
    }
    const std::string kept = include_current ? "" : ctx.session_digest;
    int ended = 0;
    std::uint64_t seq = 0;
    {
        auto txn = ctx.services.store.begin();
        for (const auto& [digest, s] : txn.state().sessions)
            if (s.person_id == ctx.me->id && digest != kept) ++ended;
        if (ended > 0)
            seq = txn.commit({{"type", "sessions_ended"}, {"person_id", ctx.me->id}, {"kept_session", kept}});
    }
    ctx.services.store.make_durable(seq);
    Response r;
    r.body = {{"ended", ended}};
    r.clear_session = include_current;
    return r;
}

// DELETE /api/v1/sessions/{session}: one of the caller's sessions, by its public id.
Response end_session(Context& ctx) {
    const std::string& id = ctx.params.at("session");
    std::uint64_t seq = 0;
    bool was_current = false;
    {
        auto txn = ctx.services.store.begin();
        const auto& sessions = txn.state().sessions;
        auto it = std::find_if(sessions.begin(), sessions.end(),
                               [&](const auto& entry) { return entry.second.id == id && entry.second.person_id == ctx.me->id; });
        if (it == sessions.end()) throw not_found();
        was_current = it->first == ctx.session_digest;
        seq = txn.commit({{"type", "session_ended"}, {"token_digest", it->first}});
    }
    ctx.services.store.make_durable(seq);
    Response r;
    r.status = 204;
    r.clear_session = was_current;
    return r;
}

}  // namespace skolnav
