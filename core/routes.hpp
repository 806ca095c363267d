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
};

using Handler = Response (*)(Context&);

struct Route {
    const char* method;
    const char* pattern;  // "/api/v1/pupils/{pupil}/absence"
    bool needs_session;
    Handler handler;
};

const std::vector<Route>& routes();

// Handlers, one file per concept.
Response sign_in(Context&);          // auth.cpp
Response sign_out(Context&);         // auth.cpp
Response get_me(Context&);           // me.cpp
Response list_absence(Context&);     // absence.cpp
Response report_absence(Context&);   // absence.cpp
Response withdraw_absence(Context&); // absence.cpp

// Session look-up for handle(): the person behind a token, or nullptr.
const Person* authenticate(const State& state, Crypto& crypto, const std::string& token, UnixSeconds now,
                           std::string& digest_out);

}  // namespace skolnav
