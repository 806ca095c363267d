// Slows password guessing without locking anyone out for good (OWASP's authentication
// guidance): after a few free failures, an account — and, more leniently, a client
// address — must wait before its next try, the wait doubling with each further failure
// up to a ceiling, and forgotten after an hour without failures. A correct password
// clears the account's count. The reply says how long to wait (429, Retry-After).
//
// Every admitted attempt counts as a failure until it is known to have succeeded, so a
// flood of concurrent guesses is slowed as much as the same guesses one after another.
// Time is core's injectable clock (UnixSeconds). Used by sign_in (auth.cpp); the browser
// backend, with one user, has none.
#pragma once
#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_map>

#include "date_time.hpp"

namespace skolnav {

struct SignInThrottleRules {
    int free_account_failures = 5;
    UnixSeconds max_account_wait = 15 * 60;
    // A school's guardians may share one address (a NAT): more free failures, a lower ceiling.
    int free_address_failures = 20;
    UnixSeconds max_address_wait = 60;
    // After the free failures; doubling from there. Two, not one: time is in whole
    // seconds, and a wait of one could be over the moment it began.
    UnixSeconds first_wait = 2;
    UnixSeconds forget_after = 3600;  // no failure for this long: a clean slate
    std::size_t max_tracked = 100000; // accounts and addresses each; the stalest go first
};

class SignInThrottle {
public:
    explicit SignInThrottle(SignInThrottleRules rules = {}) : rules_(rules) {}

    // 0: go ahead (the attempt now counts as a failure until succeeded() says otherwise);
    // else the seconds to wait, and nothing is counted. An empty address is not tracked.
    UnixSeconds admit(const std::string& account, const std::string& address, UnixSeconds now);
    // The admitted attempt had the right password.
    void succeeded(const std::string& account, const std::string& address);
    // It had not: the wait runs from now (the slow hash is done), not from admit().
    void failed(const std::string& account, const std::string& address, UnixSeconds now);

private:
    struct Record {
        int failures = 0;
        UnixSeconds last = 0;  // the latest failure (or admitted attempt)
    };
    using Records = std::unordered_map<std::string, Record>;
    UnixSeconds wait(Records& records, const std::string& key, int free, UnixSeconds ceiling, UnixSeconds now);
    void count(Records& records, const std::string& key, UnixSeconds now);

    SignInThrottleRules rules_;
    std::mutex mutex_;
    Records accounts_, addresses_;
};

}  // namespace skolnav
