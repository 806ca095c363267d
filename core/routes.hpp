// The route table: every API endpoint, its method, path pattern and handler. The
// table is data so tests (and the OpenAPI check) can walk every route.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "api.hpp"

namespace skolnav {

struct Context {
    const Request& request;
    Services& services;
    std::map<std::string, std::string> params;  // from "{name}" path segments
    const Person* me = nullptr;                 // the signed-in person (routes that need one)
    std::string session_digest;
    UnixSeconds now = 0;

    // The request's language, and the text in it: ctx.say("Inga nyheter", "No news").
    Language language() const { return request.language; }
    std::string say(std::string swedish, std::string english) const {
        return skolnav::say(request.language, std::move(swedish), std::move(english));
    }
};

using Handler = Response (*)(Context&);

// Who a route is for, as the permission-matrix test reads it. The handler enforces
// it; this says what the test must find allowed and denied.
enum class Access {
    Anyone,          // no session needed
    SignedIn,        // any signed-in person, about themself
    PupilData,       // {pupil}: the pupil themself, or a guardian with insyn
    PupilOnly,       // {pupil}: the pupil themself only (eTest)
    ReportForPupil,  // {pupil}: a guardian with insyn, or the adult pupil themself
    GuardianOnly,    // {pupil}: a guardian with insyn only
    StaffOfGroup,    // {group}: staff of that group, or the school's admin
    StaffOfPupil,    // {pupil}: staff of the pupil's group, or the school's admin
    StaffOfSchool,   // staff at the school of the object in the path
    AdminOfSchool,   // {school}: that school's admin
};

struct Route {
    const char* method;
    const char* pattern;  // "/api/v1/pupils/{pupil}/absence"
    bool needs_session;
    Handler handler;
    Access access = Access::SignedIn;
};

// Every route: core's own (sign-in, me, notifications) and every box module's.
const std::vector<Route>& routes();
// The route handle() chooses for a method and path (without its query), or null.
const Route* route_for(const std::string& method, const std::string& path);

// Handlers, one file per concept.
Response sign_in(Context&);   // auth.cpp
Response sign_out(Context&);  // auth.cpp
// A new session for `person_id`, its cookie in the reply; `audit` (or null) goes into the
// journal's record of it.
Response signed_in(Context&, const Id& person_id, const nlohmann::json& audit);  // auth.cpp
Response start_bankid_order(Context&);   // bankid_sign_in.cpp
Response get_bankid_order(Context&);     // bankid_sign_in.cpp
Response cancel_bankid_order(Context&);  // bankid_sign_in.cpp
Response list_sessions(Context&);    // sessions.cpp
Response end_sessions(Context&);     // sessions.cpp
Response end_session(Context&);      // sessions.cpp
Response change_password(Context&);  // password.cpp
Response get_me(Context&);    // me.cpp
Response get_start_page(Context&);           // start_page.cpp
Response get_combined_start_page(Context&);  // start_page.cpp
Response set_school_boxes(Context&);         // school_admin.cpp

// Session look-up for handle() and the live hub: the person behind a token whose
// session is active (sessions.hpp), or nullptr.
const Person* authenticate(const State& state, const Services& services, const std::string& token, UnixSeconds now,
                           std::string& digest_out);

}  // namespace skolnav
