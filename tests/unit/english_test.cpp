// The server's own words in English when the request asks for it (Accept-Language: en),
// and exactly today's Swedish when it does not: error messages here, start-page cards
// further down. Names and texts people wrote stay as written.
#include <catch2/catch.hpp>

#include <cstring>
#include <functional>
#include <regex>
#include <set>
#include <sstream>

#include "route_samples.hpp"
#include "test_support.hpp"

using namespace skolnav;
using namespace skolnav::test;

namespace {

bool has_swedish_letters(const std::string& s) {
    for (const char* letter : {"å", "ä", "ö", "Å", "Ä", "Ö"})
        if (s.find(letter) != std::string::npos) return true;
    return false;
}

std::string message_of(const Response& r) { return r.body["error"]["message"].get<std::string>(); }

// The same request in Swedish (no Accept-Language) and in English.
struct Both {
    Response sv, en;
};
Both in_both(ApiFixture& f, const std::string& method, const std::string& path, const std::string& body,
             const std::string& token) {
    f.language = Language::sv;
    Response sv = f.call(method, path, body, token);
    f.language = Language::en;
    Response en = f.call(method, path, body, token);
    f.language = Language::sv;
    return {std::move(sv), std::move(en)};
}

}  // namespace

TEST_CASE("errors in English when asked, today's Swedish otherwise", "[language][errors]") {
    ApiFixture f;
    const auto vh = f.sign_in("demo.vh");
    const Id elsa = f.child_of("demo.vh", "Elsa");
    const std::string absence = pupil_route(elsa, "absence");

    struct Case {
        const char* what;
        std::string method, path, body;
        int status;
        const char* swedish;
        const char* english;
    };
    const Case cases[] = {
        {"a body that is not JSON", "POST", absence, "{\"date\": ", 400, "Förfrågan är inte giltig JSON.",
         "The request is not valid JSON."},
        {"an unknown field", "POST", absence, R"({"date":"2026-11-30","colour":"blå"})", 400, "Okänt fält: colour.",
         "Unknown field: colour."},
        {"a missing field", "POST", absence, R"({"comment":"Sjuk"})", 400, "Fältet date saknas.",
         "The field date is missing."},
        {"an object that does not exist", "GET", pupil_route("nobody", "absence"), "", 404, "Hittades inte.", "Not found."},
        {"a path that does not exist", "GET", "/api/v1/nothing-here", "", 404, "Hittades inte.", "Not found."},
        {"a method the path does not take", "PATCH", absence, "", 405, "Metoden PATCH stöds inte här.",
         "The method PATCH is not supported here."},
        {"absence outside today and tomorrow", "POST", absence, R"({"date":"2026-12-02"})", 400,
         "Frånvaro kan bara anmälas för idag (2026-11-30) eller i morgon (2026-12-01).",
         "Absence can only be reported for today (2026-11-30) or tomorrow (2026-12-01)."},
        {"an adult pupil who gave no insyn", "GET", pupil_route(f.id_of("demo.elev18.privat"), "absence"), "", 403,
         "Måns är myndig och har inte gett vårdnadshavare insyn.", "Måns is over 18 and has not given guardians access."},
        {"not signed in", "GET", absence, "", 401, "Du är inte inloggad.", "You are not signed in."},
    };
    const std::string guardian_of_mans = f.sign_in("demo.vh.gy");
    for (const Case& c : cases) {
        INFO(c.what);
        const std::string token = c.status == 401 ? "" : c.status == 403 ? guardian_of_mans : vh;
        const Both r = in_both(f, c.method, c.path, c.body, token);
        REQUIRE(r.sv.status == c.status);
        REQUIRE(r.en.status == c.status);
        CHECK(r.en.body["error"]["code"] == r.sv.body["error"]["code"]);
        CHECK(r.en.body["error"]["field"] == r.sv.body["error"]["field"]);
        CHECK(message_of(r.sv) == c.swedish);
        CHECK(message_of(r.en) == c.english);
    }
    CHECK(f.store.unsafe_state().absence.reports.empty());
}

TEST_CASE("a domain rule's message carries its values in English too", "[language][errors]") {
    ApiFixture f;
    const auto vh = f.sign_in("demo.vh");
    const Id elsa = f.child_of("demo.vh", "Elsa");
    REQUIRE(f.call("POST", pupil_route(elsa, "absence"), R"({"date":"2026-12-01"})", vh).status == 201);
    const Both again = in_both(f, "POST", pupil_route(elsa, "absence"), R"({"date":"2026-12-01"})", vh);
    REQUIRE(again.sv.status == 409);
    CHECK(message_of(again.sv) == "Elsa är redan frånvaroanmäld 2026-12-01.");
    CHECK(message_of(again.en) == "Elsa is already reported absent on 2026-12-01.");
}

// Every write route, sent the bad bodies of the validation test (not JSON, not an
// object, an unknown field, a field of the wrong type, far too long, an impossible
// date): the English message is not the Swedish one and has no Swedish letters (the
// messages name only fields, which are English words).
TEST_CASE("every write route refuses bad bodies in English when asked", "[language][errors]") {
    static const std::regex iso_date(R"(\d{4}-\d{2}-\d{2})");
    int checked = 0;
    ApiFixture f;
    for (const Route& route : routes()) {
        if (std::string(route.method) == "GET" || !route.needs_session || !addressed_by_owner_alone(route)) continue;
        const auto sample = valid_body(route);
        INFO(route.method << " " << route.pattern);
        REQUIRE(sample);
        if (sample->empty()) continue;
        const AllowedCaller caller = allowed_caller(route.access);
        const auto token = f.sign_in(caller.who);
        const Id elsa = f.child_of("demo.vh", "Elsa");
        std::string target = caller.target;
        if (target == "Elsa") target = elsa;
        else if (target == "Olle") target = f.child_of("demo.vh", "Olle");
        else if (target == "7A") target = f.group_of(elsa);
        const json valid = json::parse(fill(*sample, {{"group", f.group_of(elsa)}}));
        const std::string path = fill(route.pattern, {{caller.param, target}, {"date", "2026-12-03"}});

        std::vector<std::string> bad = {"{\"title\": ", "[1, 2]"};
        json unknown = valid;
        unknown["colour"] = "blå";
        bad.push_back(unknown.dump());
        for (const auto& [key, value] : valid.items()) {
            json b = valid;
            b[key] = value.is_string() ? json(12345) : json("x");
            bad.push_back(b.dump());
            if (value.is_string()) {
                b[key] = std::string(300000, 'x');
                bad.push_back(b.dump());
                if (std::regex_match(value.get<std::string>(), iso_date)) {
                    b[key] = "2026-02-30";
                    bad.push_back(b.dump());
                }
            }
        }
        for (const std::string& body : bad) {
            const Both r = in_both(f, route.method, path, body, token);
            INFO(body.substr(0, 120) << " -> " << r.sv.body.dump() << " / " << r.en.body.dump());
            REQUIRE(r.sv.status == 400);
            REQUIRE(r.en.status == 400);
            CHECK(r.en.body["error"]["field"] == r.sv.body["error"]["field"]);
            CHECK(message_of(r.en) != message_of(r.sv));
            CHECK_FALSE(has_swedish_letters(message_of(r.en)));
            ++checked;
        }
    }
    CHECK(checked >= 100);
}

// ---- Start-page cards ---------------------------------------------------------------------

namespace {

// The words of the demo's data (names, titles, subjects, rooms, places): what a card may
// carry over from the data in either language. Long texts (bodies, descriptions) are
// left out, so a Swedish word of a card's own cannot hide behind one of them.
std::set<std::string> data_words(const ApiFixture& f) {
    std::set<std::string> words;
    std::function<void(const json&)> walk = [&](const json& j) {
        if (j.is_object() || j.is_array()) {
            for (const auto& v : j) walk(v);
        } else if (j.is_string() && j.get<std::string>().size() <= 60) {
            std::istringstream in(j.get<std::string>());
            for (std::string w; in >> w;) words.insert(w);
        }
    };
    walk(f.store.snapshot()["state"]);
    return words;
}

// The card summaries of every start page `username` sees, by "pupil/box".
std::map<std::string, std::string> summaries(ApiFixture& f, const std::string& token, Language language) {
    f.language = language;
    const Response r = f.call("GET", "/api/v1/start", "", token);
    f.language = Language::sv;
    REQUIRE(r.status == 200);
    std::map<std::string, std::string> out;
    for (const auto& page : r.body["pupils"])
        for (const auto& b : page["boxes"])
            if (b["card"].contains("summary"))
                out[page["pupil"]["first_name"].get<std::string>() + "/" + b["box"].get<std::string>()] =
                    b["card"]["summary"].get<std::string>();
    return out;
}

std::string strip_punctuation(std::string w) {
    while (!w.empty() && std::strchr(",.:;()”“\"", w.back())) w.pop_back();
    while (!w.empty() && std::strchr(",.:;()”“\"", w.front())) w.erase(w.begin());
    return w;
}

}  // namespace

// Over the demo, for every persona and two moments (a school morning, and an evening when
// "next" means tomorrow): every card's English summary is not its Swedish one, and any
// word with å, ä or ö in it comes from the data (a name, a title), so it is in the
// Swedish summary too.
TEST_CASE("every start-page card has its summary in English", "[language][start]") {
    std::set<std::string> boxes_seen;
    int cards = 0;
    for (const char* now : {"2026-11-30T09:00:00Z", "2026-12-03T18:30:00Z"}) {
        ApiFixture f(now);
        const auto words = data_words(f);
        for (const char* persona : kPersonas) {
            const auto token = f.sign_in(persona);
            const auto sv = summaries(f, token, Language::sv), en = summaries(f, token, Language::en);
            REQUIRE(sv.size() == en.size());
            for (const auto& [card, swedish] : sv) {
                INFO(now << " " << persona << " " << card << ": " << swedish << " / " << en.at(card));
                CHECK(en.at(card) != swedish);
                std::istringstream in(en.at(card));
                for (std::string word; in >> word;) {
                    if (!has_swedish_letters(word)) continue;
                    INFO(word);
                    CHECK(swedish.find(strip_punctuation(word)) != std::string::npos);
                    CHECK((words.count(word) || words.count(strip_punctuation(word))));
                }
                boxes_seen.insert(card.substr(card.find('/') + 1));
                ++cards;
            }
        }
    }
    // The demo shows every box somewhere (Utvecklingssamtal while there are times to book).
    CHECK(boxes_seen.size() == 14);
    CHECK(cards > 50);
}

TEST_CASE("cards: dates and counts in English, and today's Swedish without a language", "[language][start]") {
    ApiFixture f;
    const Id elsa = f.child_of("demo.vh", "Elsa");
    const auto vh = f.sign_in("demo.vh");
    REQUIRE(f.call("POST", pupil_route(elsa, "absence"), R"({"date":"2026-12-01"})", vh).status == 201);
    // The demo has registered absence for Elsa in the last 30 days too.
    auto summary = [&](const json& card) { return card["summary"].get<std::string>(); };
    CHECK_THAT(summary(f.start_card(elsa, vh, "franvaro")),
               Catch::Matches("1 anmäld frånvaro framåt, \\d+ registrerad frånvaro senaste 30 dagarna"));
    f.language = Language::en;
    CHECK_THAT(summary(f.start_card(elsa, vh, "franvaro")),
               Catch::Matches("1 reported absence coming up, \\d+ registered absences? in the last 30 days"));
    // The same card straight from the module, as the start page makes it.
    CHECK_THAT(summary(f.card("absence", Box::Franvaro, "demo.vh", elsa)), Catch::StartsWith("1 reported absence coming up, "));
    f.language = Language::sv;
    CHECK_THAT(summary(f.card("absence", Box::Franvaro, "demo.vh", elsa)), Catch::StartsWith("1 anmäld frånvaro framåt, "));

    // Utvecklingssamtal: free times from a day next week, "tis 8 dec 14:00" / "Tue 8 Dec 14:00".
    const auto sv = f.start_card(elsa, vh, "utvecklingssamtal")["summary"].get<std::string>();
    f.language = Language::en;
    const auto en = f.start_card(elsa, vh, "utvecklingssamtal")["summary"].get<std::string>();
    CHECK_THAT(sv, Catch::Contains("lediga tider att boka, från mån 7 dec 14:00"));
    CHECK_THAT(en, Catch::Contains("free times to book, from Mon 7 Dec 14:00"));
}

TEST_CASE("server-made labels and notification titles in English when asked", "[language]") {
    ApiFixture f;
    const DemoCast c(f);
    // A calendar event: its type label, and the notification a guardian gets.
    const json event = {{"type", "homework"}, {"title", "Läs kapitel 5"}, {"date", "2026-12-03"},
                        {"group_ids", {c.class_7a}}};
    const auto made = f.call("POST", school_route(kEkbyskolan, "calendar"), event.dump(), c.staff);
    REQUIRE(made.status == 201);
    CHECK(made.body["event"]["type_label"] == "Läxa");
    const Id id = made.body["event"]["id"];
    auto title_for = [&](Language language) {
        f.language = language;
        const Response list = f.call("GET", "/api/v1/notifications", "", c.vh);
        f.language = Language::sv;
        for (const auto& n : list.body["notifications"])
            if (n["item_id"] == id) return n["title"].get<std::string>();
        return std::string();
    };
    CHECK(title_for(Language::sv) == "Läxa tor 3 dec: Läs kapitel 5");
    CHECK(title_for(Language::en) == "Homework Thu 3 Dec: Läs kapitel 5");  // the title as the teacher wrote it
    f.language = Language::en;
    const auto week = f.call("GET", pupil_route(c.elsa, "calendar") + "?week=2026-W49", "", c.vh);
    CHECK(find_id(week.body["events"], id)["type_label"] == "Homework");
    // A news item's title is the teacher's: the same in both languages.
    const json news = {{"title", "Skogsutflykt på fredag"}, {"body", "Ta med matsäck."}, {"group_ids", {c.class_7a}}};
    const auto published = f.call("POST", school_route(kEkbyskolan, "news"), news.dump(), c.staff);
    REQUIRE(published.status == 201);
    const Id news_id = published.body["item"]["id"];
    for (Language l : {Language::sv, Language::en}) {
        f.language = l;
        const Response list = f.call("GET", "/api/v1/notifications", "", c.vh);  // kept while its list is read
        bool found = false;
        for (const auto& n : list.body["notifications"])
            if (n["item_id"] == news_id) found = n["title"] == "Skogsutflykt på fredag";
        CHECK(found);
    }
}
