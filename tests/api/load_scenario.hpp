// Issue 10's attack, as one function for the api_load test and availability_bench: slow
// connections (a request line, then a header byte every 2 s) and idle ones (connect,
// send nothing) held open, a burst of concurrent wrong-password sign-ins, and meanwhile
// a signed-in person asking GET /api/v1/me on one keep-alive connection every 20 ms.
#pragma once
#include <map>
#include <string>

#include "raw_http.hpp"

namespace skolnav::test {

struct LoadPlan {
    int slow = 500, idle = 500;  // from 127.0.0.2–9
    int sign_ins = 1000;         // at once, from 127.0.1.1–20; every tenth for a real account
    int quiet_seconds = 2;       // /me alone first
    int hold_seconds = 0;        // /me under attack at least this long (slow and idle ones
                                 // closed by the server are opened again)
};

struct LoadResult {
    Figures quiet, attacked;            // /me latency, alone and under attack
    int quiet_unanswered = 0, attacked_unanswered = 0;  // not a 200 within 2 s
    std::size_t held_at_end = 0;        // slow and idle connections still open at the end
    std::size_t reopened = 0;           // … and how many had to be opened again
    std::map<std::string, int> sign_in_outcomes;  // "401", "429 sign_in_busy", "no reply", …
    std::size_t sign_ins_answered = 0;
    double sign_in_seconds = 0;         // until the last sign-in was answered
    void print(const std::string& label) const;
};

// `token`: a session of the person asking /me. Needs ~2,500 open files (allow_open_files).
LoadResult run_load(int port, const std::string& token, const LoadPlan& plan);

}  // namespace skolnav::test
