// Kalenderprenumeration: making, listing and revoking feeds, and what a feed holds for
// each kind of owner, checked against what the same owner's box routes show.
#include <catch2/catch.hpp>

#include <set>

#include "core/boxes/calendar_feed.hpp"
#include "core/permissions.hpp"
#include "test_support.hpp"

using namespace skolnav;
using namespace skolnav::test;

namespace {

const std::string kFeeds = "/api/v1/calendar-feeds";

// A feed's VEVENTs, each as its unfolded properties: "SUMMARY" -> value, and for
// properties with parameters "DTSTART;TZID=Europe/Stockholm" -> value under both that
// full name and the bare name.
struct Ics {
    std::string text;
    std::vector<std::map<std::string, std::string>> events;
    std::vector<std::string> lines;  // unfolded
    std::set<std::string> uids() const {
        std::set<std::string> out;
        for (const auto& e : events) out.insert(e.at("UID"));
        return out;
    }
    const std::map<std::string, std::string>* event(const std::string& uid) const {
        for (const auto& e : events)
            if (e.at("UID") == uid) return &e;
        return nullptr;
    }
};

// A TEXT value as written: "\\," is ",", "\\n" a line break.
std::string unescape(const std::string& value) {
    std::string out;
    for (std::size_t i = 0; i < value.size(); ++i) {
        if (value[i] == '\\' && i + 1 < value.size()) {
            ++i;
            out += value[i] == 'n' || value[i] == 'N' ? '\n' : value[i];
        } else {
            out += value[i];
        }
    }
    return out;
}

Ics parse(const std::string& text) {
    Ics ics{text, {}, {}};
    std::string unfolded;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text.compare(i, 3, "\r\n ") == 0) {
            i += 2;
            continue;
        }
        unfolded += text[i];
    }
    std::size_t pos = 0;
    std::map<std::string, std::string>* current = nullptr;
    while (pos < unfolded.size()) {
        const auto end = unfolded.find("\r\n", pos);
        REQUIRE(end != std::string::npos);
        const std::string line = unfolded.substr(pos, end - pos);
        pos = end + 2;
        ics.lines.push_back(line);
        if (line == "BEGIN:VEVENT") {
            ics.events.emplace_back();
            current = &ics.events.back();
        } else if (line == "END:VEVENT") {
            current = nullptr;
        } else if (current) {
            const auto colon = line.find(':');
            const std::string full = line.substr(0, colon), value = unescape(line.substr(colon + 1));
            (*current)[full] = value;
            (*current)[full.substr(0, full.find(';'))] = value;
        }
    }
    return ics;
}

struct Feed {
    std::string id, path;
};

Feed make_feed(ApiFixture& f, const std::string& token, const std::string& pupil = "") {
    const auto r = f.call("POST", kFeeds, pupil.empty() ? "{}" : json{{"pupil", pupil}}.dump(), token);
    INFO(r.body.dump());
    REQUIRE(r.status == 201);
    return {r.body["feed"]["id"], r.body["feed"]["path"]};
}

Ics fetch(ApiFixture& f, const std::string& path) {
    const auto r = f.call("GET", path);  // no session: the token in the path is the credential
    INFO(path << " -> " << r.status << " " << r.body.dump());
    REQUIRE(r.status == 200);
    CHECK(r.file_content_type == "text/calendar; charset=utf-8");
    CHECK(r.file_inline);
    CHECK(r.file_name == "skolnav.ics");
    return parse(r.file_bytes);
}

std::string compact(const std::string& iso_date) {
    std::string out;
    for (char c : iso_date)
        if (c != '-') out += c;
    return out;
}

// The lesson occurrences `token`'s owner sees in Elsa's timetable this week, as feed UIDs
// with their local start ("20261130T081000").
std::map<std::string, std::string> lessons_this_week(ApiFixture& f, const Id& pupil, const std::string& token) {
    const auto week = f.call("GET", pupil_route(pupil, "timetable"), "", token);
    REQUIRE(week.status == 200);
    std::map<std::string, std::string> out;
    for (const auto& day : week.body["days"])
        for (const auto& l : day["lessons"]) {
            const std::string date = compact(l["date"]);
            std::string start = l["start"];
            out[l["id"].get<std::string>() + "-" + date + "@skolnav"] = date + "T" + start.substr(0, 2) + start.substr(3, 2) + "00";
        }
    return out;
}

std::set<std::string> calendar_uids(ApiFixture& f, const Id& pupil, const std::string& token) {
    const auto r = f.get(pupil_route(pupil, "calendar"), {{"from", "2026-11-16"}, {"to", "2027-01-25"}}, token);
    REQUIRE(r.status == 200);
    std::set<std::string> out;
    for (const auto& e : r.body["events"]) out.insert(e["id"].get<std::string>() + "@skolnav");
    return out;
}

bool has_prefix(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

}  // namespace

TEST_CASE("a guardian's feed for all children: events, lessons, due dates, meetings, named by child", "[calendar_feed]") {
    ApiFixture f;  // Monday 30 November 2026, 10:00 in Stockholm
    const json before = f.store.snapshot();
    const auto vh = f.sign_in("demo.vh");
    const Id elsa = f.child_of("demo.vh", "Elsa"), olle = f.child_of("demo.vh", "Olle");

    // Book a meeting for Elsa, so the feed has one.
    const auto meetings = f.call("GET", pupil_route(elsa, "meetings"), "", vh);
    REQUIRE(meetings.body["slots"].size() > 0);
    const std::string slot = meetings.body["slots"][0]["id"];
    REQUIRE(f.call("POST", pupil_route(elsa, "meetings/" + slot + "/booking"), "", vh).status == 201);

    const auto records = f.journal.records.size();
    const Feed feed = make_feed(f, vh);
    CHECK(f.journal.records.size() == records + 1);
    CHECK(has_prefix(feed.path, kFeeds + "/"));
    CHECK(feed.path.size() > 40);
    // Only the token's digest is kept: the token appears in no journal record.
    const std::string token = feed.path.substr(kFeeds.size() + 1, feed.path.rfind('/') - kFeeds.size() - 1);
    CHECK(token == "token-3");  // TestCrypto's third token (the session's token and its public id came first)
    CHECK(f.journal.records.back().find("\"" + token + "\"") == std::string::npos);
    CHECK(f.store.unsafe_state().calendar_feeds.feeds.at(feed.id).token_digest == f.crypto.digest(token));

    const Ics ics = fetch(f, feed.path);
    CHECK(has_prefix(ics.text, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    CHECK(ics.text.size() > 10000);
    for (const std::string& l : ics.lines) CHECK(l.find('\n') == std::string::npos);
    std::size_t pos = 0;
    int physical = 0;
    for (auto e = ics.text.find("\r\n"); e != std::string::npos; e = ics.text.find("\r\n", pos)) {
        CHECK(e - pos <= 75);
        pos = e + 2;
        ++physical;
    }
    CHECK(pos == ics.text.size());
    CHECK(std::count(ics.lines.begin(), ics.lines.end(), "TZID:Europe/Stockholm") == 1);
    CHECK(std::count(ics.lines.begin(), ics.lines.end(), "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU") == 1);

    const std::set<std::string> uids = ics.uids();
    CHECK(uids.size() == ics.events.size());  // one VEVENT per item, even where it reaches both children

    // Elsa's lessons this week, at their local times.
    const auto lessons = lessons_this_week(f, elsa, vh);
    REQUIRE(lessons.size() >= 25);
    for (const auto& [uid, start] : lessons) {
        const auto* e = ics.event(uid);
        INFO(uid);
        REQUIRE(e);
        CHECK(e->at("DTSTART;TZID=Europe/Stockholm") == start);
        CHECK(e->count("DTEND;TZID=Europe/Stockholm") == 1);
        CHECK(has_prefix(e->at("SUMMARY"), "Elsa: "));
    }
    // Every Kalender event of either child in the window, each once.
    for (const Id& child : {elsa, olle})
        for (const std::string& uid : calendar_uids(f, child, vh)) {
            INFO(uid);
            CHECK(uids.count(uid) == 1);
        }
    // Assignments due in the window, as all-day events.
    const auto assignments = f.call("GET", pupil_route(elsa, "assignments"), "", vh);
    int due = 0;
    for (const auto& a : assignments.body["assignments"]) {
        const std::string date = a["due_date"];
        if (date < "2026-11-16" || date > "2027-01-25") continue;
        const auto* e = ics.event(a["id"].get<std::string>() + "@skolnav");
        REQUIRE(e);
        CHECK(e->at("DTSTART;VALUE=DATE") == compact(date));
        CHECK(e->at("SUMMARY") == "Elsa: Inlämning: " + a["title"].get<std::string>());
        ++due;
    }
    CHECK(due > 0);
    // The booked meeting, at its local time with the teacher's name.
    const auto* talk = ics.event(slot + "@skolnav");
    REQUIRE(talk);
    CHECK(talk->at("DTSTART;TZID=Europe/Stockholm") == "20261207T140000");
    CHECK(talk->at("DTEND;TZID=Europe/Stockholm") == "20261207T142000");
    CHECK(talk->at("SUMMARY") == "Elsa: Utvecklingssamtal med Lena Forsberg");

    // An item for both children (a whole-school event reaches only one school; Olle's
    // förskola is another) has both prefixes only where it reaches both: every summary
    // starts with a child's name.
    int olles = 0;
    for (const auto& e : ics.events) {
        const std::string& s = e.at("SUMMARY");
        CHECK((has_prefix(s, "Elsa: ") || has_prefix(s, "Olle: ") || has_prefix(s, "Elsa och Olle: ")));
        olles += has_prefix(s, "Olle: ");
    }
    CHECK(olles > 0);
    // eTests never reach a guardian's feed; another family's booked meeting neither.
    for (const auto& [id, t] : f.store.unsafe_state().etests.tests) CHECK(uids.count(id + "@skolnav") == 0);
    const Id amira = f.child_of("demo.vh2", "Amira");
    for (const Id& s : f.store.unsafe_state().meetings.booked_by_pupil.at(amira)) CHECK(uids.count(s + "@skolnav") == 0);

    check_replay(f, before);
    const auto loaded = check_snapshot_round_trip(f);
    CHECK(loaded->unsafe_state().calendar_feeds.by_digest == f.store.unsafe_state().calendar_feeds.by_digest);
}

TEST_CASE("a feed for one child holds only that child's items, without name prefixes", "[calendar_feed]") {
    ApiFixture f;
    const auto vh = f.sign_in("demo.vh");
    const Id elsa = f.child_of("demo.vh", "Elsa"), olle = f.child_of("demo.vh", "Olle");
    const Ics all = fetch(f, make_feed(f, vh).path);
    const Ics only_olle = fetch(f, make_feed(f, vh, olle).path);
    CHECK(std::count(only_olle.lines.begin(), only_olle.lines.end(), "X-WR-CALNAME:Skolnav – Olle") == 1);
    REQUIRE(only_olle.events.size() > 0);
    const std::set<std::string> olle_uids = calendar_uids(f, olle, vh);
    CHECK(only_olle.uids() == olle_uids);  // Olle's förskola has Kalender only
    for (const auto& e : only_olle.events) CHECK_FALSE(has_prefix(e.at("SUMMARY"), "Olle"));
    // Each of Olle's items is in the all-children feed with his name; nothing of Elsa's is in his.
    for (const auto& e : all.events) {
        const std::string& s = e.at("SUMMARY");
        if (has_prefix(s, "Olle: ")) CHECK(olle_uids.count(e.at("UID")) == 1);
        if (has_prefix(s, "Elsa: ")) CHECK(olle_uids.count(e.at("UID")) == 0);
    }
    for (const auto& [uid, start] : lessons_this_week(f, elsa, vh)) CHECK(only_olle.event(uid) == nullptr);

    // The list shows both feeds with their child, never a token.
    const auto list = f.call("GET", kFeeds, "", vh);
    REQUIRE(list.status == 200);
    REQUIRE(list.body["feeds"].size() == 2);
    CHECK(list.body["feeds"][0]["pupil"].is_null());
    CHECK(list.body["feeds"][1]["pupil"]["first_name"] == "Olle");
    CHECK(list.body["feeds"][1]["created_at"] == "2026-11-30T10:00:00+01:00");
    CHECK(list.body.dump().find("token") == std::string::npos);
    CHECK(list.body.dump().find("path") == std::string::npos);
}

TEST_CASE("a pupil's own feed: their lessons and events, no names, no eTests", "[calendar_feed]") {
    ApiFixture f;
    const auto elev = f.sign_in("demo.elev");
    const Id elsa = f.id_of("demo.elev");
    const Ics ics = fetch(f, make_feed(f, elev).path);
    for (const auto& [uid, start] : lessons_this_week(f, elsa, elev)) CHECK(ics.event(uid) != nullptr);
    for (const std::string& uid : calendar_uids(f, elsa, elev)) CHECK(ics.event(uid) != nullptr);
    for (const auto& e : ics.events) CHECK_FALSE(has_prefix(e.at("SUMMARY"), "Elsa"));
    for (const auto& [id, t] : f.store.unsafe_state().etests.tests) CHECK(ics.event(id + "@skolnav") == nullptr);
    // A pupil under 18 does not see Utvecklingssamtal: no meeting in the feed either.
    for (const auto& [id, s] : f.store.unsafe_state().meetings.slots) CHECK(ics.event(id + "@skolnav") == nullptr);
}

TEST_CASE("the server's words follow the request's language; Swedish without one", "[calendar_feed]") {
    ApiFixture f;
    const auto vh = f.sign_in("demo.vh");
    const Feed feed = make_feed(f, vh, f.child_of("demo.vh", "Elsa"));
    auto count_with = [](const Ics& ics, const std::string& prefix) {
        int n = 0;
        for (const auto& e : ics.events) n += has_prefix(e.at("SUMMARY"), prefix);
        return n;
    };
    const Ics sv = fetch(f, feed.path);
    f.language = Language::en;
    const Ics en = fetch(f, feed.path);
    CHECK(count_with(sv, "Inlämning: ") > 0);
    CHECK(count_with(en, "Due: ") == count_with(sv, "Inlämning: "));
    CHECK(count_with(en, "Inlämning: ") == 0);
    CHECK(sv.uids() == en.uids());
}

TEST_CASE("without a valid token there is no feed; revoking ends it", "[calendar_feed]") {
    ApiFixture f;
    const auto vh = f.sign_in("demo.vh"), vh2 = f.sign_in("demo.vh2");
    const Feed feed = make_feed(f, vh);
    const auto unknown = f.call("GET", kFeeds + "/token-999/skolnav.ics");
    CHECK(unknown.status == 404);
    CHECK(unknown.file_bytes.empty());
    CHECK(f.call("GET", kFeeds + "/" + std::string(300, 'a') + "/skolnav.ics").status == 404);
    // The session token is no feed token.
    CHECK(f.call("GET", kFeeds + "/" + vh + "/skolnav.ics").status == 404);
    // Managing feeds needs a session; nobody but the owner revokes.
    CHECK(f.call("GET", kFeeds).status == 401);
    CHECK(f.call("POST", kFeeds, "{}").status == 401);
    CHECK(f.call("DELETE", kFeeds + "/" + feed.id).status == 401);
    const auto records = f.journal.records.size();
    const auto foreign = f.call("DELETE", kFeeds + "/" + feed.id, "", vh2);
    CHECK(foreign.status == 404);
    CHECK(foreign.body == f.call("DELETE", kFeeds + "/ical-999999", "", vh2).body);
    CHECK(f.journal.records.size() == records);
    CHECK(f.call("GET", kFeeds, "", vh2).body["feeds"].empty());
    fetch(f, feed.path);  // still there

    REQUIRE(f.call("DELETE", kFeeds + "/" + feed.id, "", vh).status == 204);
    const auto revoked = f.call("GET", feed.path);
    CHECK(revoked.status == 404);
    CHECK(revoked.body == unknown.body);  // a revoked feed answers like one that never was
    CHECK(f.call("DELETE", kFeeds + "/" + feed.id, "", vh).status == 404);
    CHECK(f.call("GET", kFeeds, "", vh).body["feeds"].empty());
    CHECK(f.store.unsafe_state().calendar_feeds.by_digest.empty());
}

TEST_CASE("who may make a feed for whom", "[calendar_feed]") {
    ApiFixture f;
    const auto vh = f.sign_in("demo.vh"), vh2 = f.sign_in("demo.vh2"), staff = f.sign_in("demo.personal");
    const Id elsa = f.child_of("demo.vh", "Elsa");
    const auto records = f.journal.records.size();
    // Another family's child answers exactly like a pupil that does not exist.
    const auto other = f.call("POST", kFeeds, json{{"pupil", elsa}}.dump(), vh2);
    CHECK(other.status == 404);
    CHECK(other.body == f.call("POST", kFeeds, R"({"pupil":"x-999999"})", vh2).body);
    // Staff have no feed; bad bodies name the field.
    const auto by_staff = f.call("POST", kFeeds, "{}", staff);
    CHECK(by_staff.status == 403);
    CHECK(by_staff.body["error"]["code"] == "forbidden");
    const auto bad = f.call("POST", kFeeds, R"({"pupil":17})", vh);
    CHECK(bad.status == 400);
    CHECK(bad.body["error"]["field"] == "pupil");
    CHECK(f.call("POST", kFeeds, R"({"child":"x"})", vh).body["error"]["field"] == "child");
    CHECK(f.journal.records.size() == records);
    // At most kCalendarFeedsPerPerson each.
    for (int i = 0; i < kCalendarFeedsPerPerson; ++i) make_feed(f, vh);
    CHECK(f.call("POST", kFeeds, "{}", vh).status == 409);
}

TEST_CASE("an adult pupil without insyn is not in the guardian's feed", "[calendar_feed]") {
    ApiFixture f;
    const auto karin = f.sign_in("demo.vh.gy");
    const Id tyra = f.child_of("demo.vh.gy", "Tyra"), mans = f.child_of("demo.vh.gy", "Måns");
    REQUIRE(f.store.unsafe_state().people.at(tyra).insyn_consent);
    REQUIRE_FALSE(f.store.unsafe_state().people.at(mans).insyn_consent);

    // No feed for Måns: the same refusal as his box routes give.
    const auto refused = f.call("POST", kFeeds, json{{"pupil", mans}}.dump(), karin);
    CHECK(refused.status == 403);
    CHECK(refused.body["error"]["code"] == "no_insyn");

    const Feed all = make_feed(f, karin), only_tyra = make_feed(f, karin, tyra);
    const Ics ics = fetch(f, all.path);
    REQUIRE(ics.events.size() > 0);
    for (const auto& e : ics.events) {
        CHECK(has_prefix(e.at("SUMMARY"), "Tyra: "));
        CHECK(e.at("SUMMARY").find("Måns") == std::string::npos);
    }
    const auto mans_lessons = lessons_this_week(f, mans, f.sign_in("demo.elev18.privat"));
    REQUIRE_FALSE(mans_lessons.empty());
    for (const auto& [uid, start] : mans_lessons) CHECK(ics.event(uid) == nullptr);
    CHECK(fetch(f, only_tyra.path).events.size() > 0);

    // Tyra withdraws insyn: from the next fetch her items are gone from both feeds.
    const auto tyra_session = f.sign_in("demo.elev18");
    REQUIRE(f.call("PUT", "/api/v1/me/insyn", R"({"consent":false})", tyra_session).status == 200);
    CHECK(fetch(f, all.path).events.empty());
    CHECK(fetch(f, only_tyra.path).events.empty());
    // And back.
    REQUIRE(f.call("PUT", "/api/v1/me/insyn", R"({"consent":true})", tyra_session).status == 200);
    CHECK(fetch(f, only_tyra.path).events.size() > 0);
}
