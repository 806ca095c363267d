// A box's part of core, as one value: its routes, the events it applies, how its data
// is kept in the snapshot, its demo content and its start-page card. Adding a box is
// adding a file that defines one of these and listing it in box_modules.cpp; store,
// router, start page and demo generator walk the list and need no change.
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "demo_random.hpp"
#include "model.hpp"
#include "routes.hpp"

namespace skolnav {

using json = nlohmann::json;

// What a module's demo generator gets: the municipality's people, schools and groups
// are already in `state`; the module adds its own content, relative to "now" so the
// demo always looks alive.
struct DemoContext {
    State& state;
    DemoRandom& rng;
    Date today;      // in Europe/Stockholm
    UnixSeconds now;
};

struct CardContext {
    const State& state;
    const Person& viewer;
    const Person& pupil;
    const School& school;
    Date today;
    UnixSeconds now;
    Language language = Language::sv;  // of the server's own words in the card

    std::string say(std::string swedish, std::string english) const {
        return skolnav::say(language, std::move(swedish), std::move(english));
    }
};

struct BoxModule {
    const char* name;                 // "information"
    std::vector<Box> boxes;           // the start-page boxes it serves
    std::vector<Route> routes;
    // Applies one event if its type is this module's; returns false otherwise.
    bool (*apply)(State& state, const std::string& type, const json& event) = nullptr;
    // The module's part of the snapshot's "state" object: save adds keys, load reads
    // them (a snapshot from before the module existed lacks them: load nothing).
    void (*save)(const State& state, json& out) = nullptr;
    void (*load)(const json& in, State& state) = nullptr;
    void (*make_demo)(DemoContext& ctx) = nullptr;
    // The card's summary for `box` on the pupil's start page, as the viewer sees it:
    // {"summary": "one-liner in ctx.language", "count": N, "unread": N, "next": {...}} —
    // all keys optional.
    json (*card)(const CardContext& ctx, Box box) = nullptr;
};

const std::vector<const BoxModule*>& box_modules();

}  // namespace skolnav
