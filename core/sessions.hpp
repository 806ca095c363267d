// The rules of a session's life, shared by sign-in (auth.cpp), the API's session
// check (api.cpp, the live hub) and the session list (sessions.cpp):
//  - a session ends 30 days after sign-in (absolute), or after Services'
//    session_idle_seconds without use (7 days unless the server is told otherwise);
//  - "last used" is stamped coarsely, at most every kSessionUseStamp per session, so a
//    busy browser writes one small journal record per few minutes, not one per request.
//    The stamp is not waited for (a crash may lose the latest one: the session then looks
//    a few minutes older); a session's end and a password change are always made durable.
#pragma once
#include <string>
#include <string_view>

#include "language.hpp"
#include "model.hpp"
#include "store.hpp"

namespace skolnav {

inline constexpr UnixSeconds kSessionLifetime = 30 * 24 * 3600;
inline constexpr UnixSeconds kDefaultSessionIdle = 7 * 24 * 3600;
inline constexpr UnixSeconds kSessionUseStamp = 5 * 60;

// Whether the session still lets its browser in at `now`.
bool session_active(const Session& session, UnixSeconds now, UnixSeconds idle_seconds);

// Stamps the session as used at `now` if its stamp is older than kSessionUseStamp (one
// "session_used" record, not made durable). Call inside the request's transaction.
void note_session_use(Store::Transaction& txn, const std::string& token_digest, UnixSeconds now);

// The browser and system a User-Agent names: {"Chrome", "Windows"}, {"Safari", "iPhone"};
// "" for what it does not tell.
struct Device {
    std::string browser, platform;
};
Device device_from_user_agent(std::string_view user_agent);
// "Chrome på Windows" / "Chrome on Windows"; "Okänd webbläsare" when nothing is known.
std::string device_label(const Session& session, Language language);

}  // namespace skolnav
