// The demo municipality: a deterministic generator (same seed and size, same data)
// with one förskola, one grundskola and one gymnasieskola, realistic Swedish names,
// classes, guardians (some with children at two schools), staff and an admin.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "platform.hpp"
#include "store.hpp"

namespace skolnav {

struct DemoOptions {
    std::uint64_t seed = 2026;
    int pupils_per_school = 60;  // the size parameter
    std::string password = "demo";
};

struct DemoSignIn {
    std::string username, password, description;  // description in Swedish
    std::string personal_number;                    // for BankID (a test number)
};

// Builds the municipality as one snapshot-shaped JSON (see Store::load_snapshot).
// `today` places the pupils' birth dates so the demo has adult pupils, and pupils
// turning 18 soon, whatever the date. The password is hashed once and shared by every
// demo account: the demo's password is public anyway, and hashing one per account
// would make a 100,000-pupil demo take hours.
json make_demo_municipality(const DemoOptions& options, const Date& today, Crypto& crypto);

// The highlighted sign-ins printed at start-up: one per role and situation, those of
// them the loaded state has.
std::vector<DemoSignIn> demo_sign_ins(const State& state, const std::string& password);

}  // namespace skolnav
