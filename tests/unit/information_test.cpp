#include <catch2/catch.hpp>

#include "core/boxes/information.hpp"
#include "core/permissions.hpp"
#include "test_support.hpp"

using namespace skolnav;
using namespace skolnav::test;

namespace {

std::string news_path(const Id& pupil) { return pupil_route(pupil, "news"); }
const std::string kSchoolNews = school_route(kEkbyskolan, "news");

json news(const std::string& title, std::vector<Id> groups) {
    return {{"title", title}, {"body", "Text"}, {"group_ids", groups}};
}

const PublishedBox kNews{"news", "/api/v1/news/", "items", "news",
                         [](const std::vector<Id>& groups) { return news("Utflykt", groups); }};

json card_of(const ApiFixture& f, const std::string& viewer, const Id& pupil) {
    return f.card("information", Box::Information, viewer, pupil);
}

}  // namespace

TEST_CASE("staff publish news to their group; the group's pupils and guardians read it", "[information]") {
    ApiFixtureWithFiles f;
    const Id elsa = f.child_of("demo.vh", "Elsa"), amira = f.child_of("demo.vh2", "Amira");
    const Id class_7a = f.group_of(elsa);
    const auto staff = f.sign_in("demo.personal");
    std::vector<Id> files;
    for (const char* name : {"dagordning.txt", "karta.txt"})
        files.push_back(f.upload(staff, name, "Punkt 1\n", "text/plain").body["attachment"]["id"].get<std::string>());
    json body = {{"title", "Föräldramöte i 7A"},
                 {"body", "Välkomna på tisdag kl. 18."},
                 {"links", {{{"title", "Dagordning"}, {"url", "https://ekby.exempel.se/mote?id=7"}}}},
                 {"attachment_ids", files},
                 {"group_ids", {class_7a}}};
    auto r = f.call("POST", kSchoolNews, body.dump(), staff);
    REQUIRE(r.status == 201);
    const Id id = r.body["item"]["id"];
    CHECK(r.body["item"]["author"]["name"] == "Lena Forsberg");
    CHECK(r.body["item"]["published_at"] == "2026-11-30T10:00:00+01:00");
    CHECK(r.body["item"]["scope"]["whole_school"] == false);
    CHECK(r.body["item"]["scope"]["groups"][0]["name"] == "7A");
    CHECK(r.body["item"]["can_change"] == true);
    CHECK(f.journal.durable == f.journal.records.size());

    // Newest first, unread, for the pupil and for each guardian.
    for (const auto& [who, pupil] : std::vector<std::pair<std::string, Id>>{{"demo.elev", elsa}, {"demo.vh", elsa}, {"demo.vh2", amira}}) {
        auto list = f.call("GET", news_path(pupil), "", f.sign_in(who));
        REQUIRE(list.status == 200);
        CHECK(list.body["items"][0]["id"] == id);
        CHECK(list.body["items"][0]["read"] == false);
        CHECK(list.body["items"][0]["links"][0]["url"] == "https://ekby.exempel.se/mote?id=7");
        CHECK(list.body["items"][0]["attachment_ids"] == json(files));
    }
    check_reaches_7a(f, kNews, id);
    // A pupil of another school cannot open it either.
    const Id yusuf = f.id_of("demo.elev.gy");
    CHECK(f.call("GET", news_path(yusuf) + "/" + id, "", f.sign_in("demo.elev.gy")).status == 404);
}

TEST_CASE("opening an item marks it read for that viewer only, once, and reads its notification", "[information]") {
    ApiFixture f;
    const Id elsa = f.child_of("demo.vh", "Elsa");
    const Id class_7a = f.group_of(elsa);
    const Id id = f.call("POST", kSchoolNews, news("Utflykt", {class_7a}).dump(), f.sign_in("demo.personal")).body["item"]["id"];
    const auto vh = f.sign_in("demo.vh");
    const auto before = card_of(f, "demo.vh", elsa)["unread"].get<int>();

    const auto records = f.journal.records.size();
    auto r = f.call("GET", news_path(elsa) + "/" + id, "", vh);
    REQUIRE(r.status == 200);
    CHECK(r.body["item"]["read"] == true);
    CHECK(r.body["item"]["title"] == "Utflykt");
    CHECK(f.journal.records.size() == records + 2);  // news_read + notifications_read
    CHECK(f.journal.durable == f.journal.records.size());
    CHECK(f.store.unsafe_state().information.read_by.at(id).count(f.id_of("demo.vh")));
    for (const auto& n : f.store.unsafe_state().notifications.by_recipient.at(f.id_of("demo.vh")))
        if (n.item_id == id) CHECK(n.read);
    // Again: nothing more to journal.
    CHECK(f.call("GET", news_path(elsa) + "/" + id, "", vh).status == 200);
    CHECK(f.journal.records.size() == records + 2);

    CHECK(find_id(f.call("GET", news_path(elsa), "", vh).body["items"], id)["read"] == true);
    CHECK(card_of(f, "demo.vh", elsa)["unread"] == before - 1);
    // Elsa herself has not read it.
    auto own = f.call("GET", news_path(elsa), "", f.sign_in("demo.elev"));
    CHECK(find_id(own.body["items"], id)["read"] == false);
}

TEST_CASE("the card counts unread news and shows the newest title", "[information]") {
    ApiFixture f;
    const Id elsa = f.child_of("demo.vh", "Elsa");
    const json before = card_of(f, "demo.vh", elsa);
    CHECK(before["unread"].get<int>() >= 1);
    f.clock.set(at("2026-11-30T10:00:00Z"));
    f.call("POST", kSchoolNews, news("Luciafirande i aulan", {}).dump(), f.sign_in("demo.admin"));
    const json after = card_of(f, "demo.vh", elsa);
    CHECK(after["unread"] == before["unread"].get<int>() + 1);
    CHECK(after["summary"] == std::to_string(after["unread"].get<int>()) + " olästa nyheter");
    CHECK(after["next"]["title"] == "Luciafirande i aulan");
    CHECK(after["count"] == before["count"].get<int>() + 1);
}

TEST_CASE("who may publish to what: own groups, the admin the whole school", "[information]") {
    ApiFixture f;
    const Id elsa = f.child_of("demo.vh", "Elsa");
    const Id gy_group = f.group_of(f.id_of("demo.elev.gy"));
    check_who_publishes(f, kNews);

    // Groups of another school, or of none, are bad input; so is a school that does not exist.
    const auto staff = f.sign_in("demo.personal");
    const auto items = f.store.unsafe_state().information.items.size();
    auto foreign = f.call("POST", kSchoolNews, news("Gymnasiet", {gy_group}).dump(), staff);
    CHECK(foreign.status == 400);
    CHECK(foreign.body["error"]["field"] == "group_ids");
    CHECK(f.call("POST", kSchoolNews, news("Ingen", {"grp-999999"}).dump(), staff).status == 400);
    CHECK(f.call("POST", "/api/v1/schools/sch-999/news", news("x", {}).dump(), staff).status == 404);
    CHECK(f.store.unsafe_state().information.items.size() == items);

    // The admin's whole-school item reaches Elsa and Amira, and notifies both families.
    auto all = f.call("POST", kSchoolNews, news("Studiedag fredag", {}).dump(), f.sign_in("demo.admin"));
    REQUIRE(all.status == 201);
    CHECK(all.body["item"]["scope"]["whole_school"] == true);
    const Id id = all.body["item"]["id"];
    CHECK(f.call("GET", news_path(elsa) + "/" + id, "", f.sign_in("demo.elev")).status == 200);
    CHECK(f.stored_notifications(f.id_of("demo.vh2"), "news", id) == 1);
}

TEST_CASE("bad news input names the field and changes nothing", "[information]") {
    ApiFixtureWithFiles f;
    const Id class_7a = f.group_of(f.id_of("demo.elev"));
    const auto staff = f.sign_in("demo.personal");
    const auto link = [&](json l) { return json{{"title", "t"}, {"group_ids", {class_7a}}, {"links", {l}}}.dump(); };
    struct Case {
        std::string body, field;
    };
    std::vector<Case> cases = {
        {"{nope", ""},
        {"[]", ""},
        {json{{"body", "x"}, {"group_ids", {class_7a}}}.dump(), "title"},
        {json{{"title", ""}, {"group_ids", {class_7a}}}.dump(), "title"},
        {json{{"title", std::string(201, 'a')}, {"group_ids", {class_7a}}}.dump(), "title"},
        {json{{"title", "t"}, {"body", 5}, {"group_ids", {class_7a}}}.dump(), "body"},
        {json{{"title", "t"}, {"colour", "red"}}.dump(), "colour"},
        {json{{"title", "t"}, {"group_ids", class_7a}}.dump(), "group_ids"},
        {json{{"title", "t"}, {"group_ids", {1}}}.dump(), "group_ids"},
        {json{{"title", "t"}, {"group_ids", {class_7a}}, {"links", "https://x.se"}}.dump(), "links"},
        {link({{"title", "Bra"}, {"url", "ftp://x.se/fil"}}), "links"},
        {link({{"title", "Bra"}, {"url", "javascript:alert(1)"}}), "links"},
        {link({{"title", "Bra"}, {"url", "https://"}}), "links"},
        {link({{"title", "Bra"}, {"url", "https://exa mple.se"}}), "links"},
        {link({{"title", "Bra"}, {"url", "https://user@evil.se"}}), "links"},
        {link({{"title", "Bra"}, {"url", "https://x.se:99999999"}}), "links"},
        {link({{"url", "https://x.se"}}), "links"},
        {link({{"title", "Bra"}}), "links"},
        {link({{"title", "Bra"}, {"url", "https://x.se"}, {"target", "_blank"}}), "links"},
        {link({{"title", "Rad\nbrytning"}, {"url", "https://x.se"}}), "links"},
        {link("https://x.se"), "links"},
        {json{{"title", "t"}, {"group_ids", {class_7a}}, {"attachment_ids", {""}}}.dump(), "attachment_ids"},
        {json{{"title", "t"}, {"group_ids", {class_7a}}, {"attachment_ids", {7}}}.dump(), "attachment_ids"},
        {json{{"title", "t"}, {"group_ids", {class_7a}}, {"attachment_ids", "att-1"}}.dump(), "attachment_ids"},
    };
    json eleven = json::array();
    for (int i = 0; i < 11; ++i) eleven.push_back("att-" + std::to_string(i));
    cases.push_back({json{{"title", "t"}, {"group_ids", {class_7a}}, {"attachment_ids", eleven}}.dump(), "attachment_ids"});
    json many_links = json::array();
    for (int i = 0; i < 21; ++i) many_links.push_back({{"title", "l"}, {"url", "https://x.se"}});
    cases.push_back({json{{"title", "t"}, {"group_ids", {class_7a}}, {"links", many_links}}.dump(), "links"});

    const json before = f.store.snapshot()["state"];
    for (const auto& c : cases) {
        INFO(c.body);
        auto r = f.call("POST", kSchoolNews, c.body, staff);
        CHECK(r.status == 400);
        CHECK(r.body["error"]["field"] == (c.field.empty() ? json(nullptr) : json(c.field)));
    }
    CHECK(f.store.snapshot()["state"] == before);

    // Ten attachments and twenty links are fine; so is http and a port.
    json ten = json::array();
    for (int i = 0; i < 10; ++i) ten.push_back(f.upload(staff, "fil.txt", "Text\n", "text/plain").body["attachment"]["id"]);
    json ok = {{"title", "t"}, {"group_ids", {class_7a}}, {"attachment_ids", ten}, {"links", json::array()}};
    for (int i = 0; i < 20; ++i) ok["links"].push_back({{"title", "l"}, {"url", "http://x.se:8080/a?b=c#d"}});
    CHECK(f.call("POST", kSchoolNews, ok.dump(), staff).status == 201);
}

TEST_CASE("web addresses in links", "[information]") {
    for (const char* good : {"https://www.skolverket.se", "http://x.se/a", "HTTPS://X.SE",
                             "https://ekby.exempel.se:8443/sida?a=1#b", "https://[2001:db8::1]/x", "https://göteborg.se"})
        CHECK(is_web_url(good));
    for (const char* bad : {"", "www.x.se", "mailto:a@b.se", "https:/x.se", "https://", "https://x.se/a b",
                            "https://a@b.se", "https://:80", "https://x.se:", "https://x.se:abc", "https://-x.se",
                            "https://x.se\t", "https://[zz]/", "data:text/html,hej"})
        CHECK_FALSE(is_web_url(bad));
}

TEST_CASE("changing and deleting news: only with the publisher's rights", "[information]") {
    ApiFixture f;
    const DemoCast c(f);
    const Id id = f.call("POST", kSchoolNews, news("Utflykt", {c.class_7a}).dump(), c.staff).body["item"]["id"];
    const Id whole = f.call("POST", kSchoolNews, news("Hela skolan", {}).dump(), c.admin).body["item"]["id"];
    const std::string item = "/api/v1/news/" + id;

    SECTION("the publisher changes title and links; readers are told") {
        f.clock.set(at("2026-11-30T12:00:00Z"));
        auto r = f.call("PUT", item,
                        json{{"title", "Utflykt flyttad"}, {"links", {{{"title", "Karta"}, {"url", "https://karta.se"}}}}}.dump(),
                        c.staff);
        REQUIRE(r.status == 200);
        CHECK(r.body["item"]["title"] == "Utflykt flyttad");
        CHECK(r.body["item"]["body"] == "Text");  // unchanged
        CHECK(r.body["item"]["changed_at"] == "2026-11-30T13:00:00+01:00");
        CHECK(f.stored_notifications(f.id_of("demo.vh"), "news_changed", id) == 1);
        CHECK(f.call("GET", news_path(c.elsa) + "/" + id, "", f.sign_in("demo.vh")).body["item"]["title"] == "Utflykt flyttad");
    }
    SECTION("bad changes name the field") {
        CHECK(f.call("PUT", item, "{}", c.staff).status == 400);
        CHECK(f.call("PUT", item, R"({"title":""})", c.staff).body["error"]["field"] == "title");
        CHECK(f.call("PUT", item, json{{"group_ids", {c.class_7b}}}.dump(), c.staff).status == 403);
        CHECK(f.call("PUT", item, json{{"group_ids", json::array()}}.dump(), c.staff).status == 403);
        CHECK(f.store.unsafe_state().information.items.at(id).title == "Utflykt");
    }
    SECTION("staff of another group: the item is not theirs") {
        check_only_publishers_change(f, kNews, id, {{"title", "x"}});
        // A whole-school item they see but may not change.
        CHECK(f.call("PUT", "/api/v1/news/" + whole, R"({"title":"x"})", c.teacher_7b).status == 403);
        CHECK(f.call("DELETE", "/api/v1/news/" + whole, "", c.staff).status == 403);
        CHECK(f.call("DELETE", "/api/v1/news/nws-999999", "", c.staff).status == 404);
        CHECK(f.store.unsafe_state().information.items.count(id));
    }
    SECTION("the admin changes any item; the publisher deletes") {
        CHECK(f.call("PUT", item, R"({"body":"Ny text"})", c.admin).status == 200);
        const auto vh = f.sign_in("demo.vh");
        f.call("GET", news_path(c.elsa) + "/" + id, "", vh);
        CHECK(f.call("DELETE", item, "", c.staff).status == 204);
        CHECK(f.call("GET", news_path(c.elsa) + "/" + id, "", vh).status == 404);
        CHECK(find_id(f.call("GET", news_path(c.elsa), "", vh).body["items"], id).is_null());
        CHECK_FALSE(f.store.unsafe_state().information.read_by.count(id));
        CHECK(f.call("DELETE", item, "", c.staff).status == 404);
    }
    SECTION("the staff list shows what they see, with can_change") {
        auto list = f.call("GET", kSchoolNews, "", c.teacher_7b);
        REQUIRE(list.status == 200);
        CHECK(find_id(list.body["items"], id).is_null());
        CHECK(find_id(list.body["items"], whole)["can_change"] == false);
        auto mine = f.call("GET", kSchoolNews, "", c.staff);
        CHECK(find_id(mine.body["items"], id)["can_change"] == true);
        CHECK(find_id(mine.body["items"], id)["read_count"] == 0);
        CHECK(f.call("GET", kSchoolNews, "", f.sign_in("demo.vh")).status == 404);
        CHECK(f.call("GET", "/api/v1/schools/sch-3/news", "", c.staff).status == 404);
    }
}

TEST_CASE("Information denials for readers", "[information]") {
    ApiFixture f;
    const Id elsa = f.child_of("demo.vh", "Elsa"), amira = f.child_of("demo.vh2", "Amira");
    const Id mans = f.id_of("demo.elev18.privat"), tyra = f.id_of("demo.elev18");
    const Id class_7b = f.group_named(kEkbyskolan, "7B");
    const Id other = f.call("POST", kSchoolNews, news("Bara 7B", {class_7b}).dump(), f.sign_in("demo.admin")).body["item"]["id"];

    SECTION("the denials every reader's route shares") {
        check_reader_denials(f, "news");
        CHECK(f.call("POST", kSchoolNews, news("x", {}).dump()).status == 401);
    }
    SECTION("another family's child's items look like no item") {
        CHECK(f.call("GET", news_path(amira) + "/" + other, "", f.sign_in("demo.vh")).status == 404);
    }
    SECTION("an item for another group looks like no item, and is not marked read") {
        const auto t = f.sign_in("demo.elev");
        const auto records = f.journal.records.size();
        CHECK(f.call("GET", news_path(elsa) + "/" + other, "", t).status == 404);
        CHECK(f.call("GET", news_path(elsa) + "/nws-999999", "", t).status == 404);
        CHECK(f.journal.records.size() == records);
        CHECK(find_id(f.call("GET", news_path(elsa), "", t).body["items"], other).is_null());
    }
    SECTION("adult pupils: their guardian reads with insyn, the pupil always") {
        CHECK(f.call("GET", news_path(tyra), "", f.sign_in("demo.vh.gy")).status == 200);
        CHECK(f.call("GET", news_path(mans), "", f.sign_in("demo.elev18.privat")).status == 200);
    }
    SECTION("a school that switched Information off") {
        f.switch_box_off(kEkbyskolan, Box::Information);
        CHECK(f.call("GET", news_path(elsa), "", f.sign_in("demo.vh")).status == 404);
        CHECK(f.call("GET", news_path(elsa) + "/" + other, "", f.sign_in("demo.elev")).status == 404);
    }
}

TEST_CASE("the news events replay into the same state", "[information]") {
    ApiFixture f;
    const json before = f.store.snapshot();
    const Id elsa = f.child_of("demo.vh", "Elsa");
    const Id class_7a = f.group_of(elsa);
    const auto staff = f.sign_in("demo.personal");
    const Id a = f.call("POST", kSchoolNews, news("A", {class_7a}).dump(), staff).body["item"]["id"];
    const Id b = f.call("POST", kSchoolNews, news("B", {}).dump(), f.sign_in("demo.admin")).body["item"]["id"];
    REQUIRE(f.call("PUT", "/api/v1/news/" + a, R"({"title":"A2","links":[{"title":"l","url":"https://x.se"}]})", staff).status == 200);
    REQUIRE(f.call("GET", news_path(elsa) + "/" + a, "", f.sign_in("demo.vh")).status == 200);
    REQUIRE(f.call("GET", news_path(elsa) + "/" + b, "", f.sign_in("demo.elev")).status == 200);
    REQUIRE(f.call("DELETE", "/api/v1/news/" + b, "", f.sign_in("demo.admin")).status == 204);

    const auto again = check_replay(f, before);
    CHECK(again->unsafe_state().information.items.at(a).title == "A2");
    // And through snapshot text, read marks included.
    const auto copy = check_snapshot_round_trip(f);
    CHECK(copy->unsafe_state().information.read_by == f.store.unsafe_state().information.read_by);
    // A snapshot from before the module existed loads as empty.
    json old = before;
    old["state"].erase("news_items");
    old["state"].erase("news_read");
    Store older;
    older.load_snapshot(old);
    CHECK(older.unsafe_state().information.items.empty());
}

TEST_CASE("demo news: whole-school and per-group items in Swedish", "[information]") {
    ApiFixture f;
    const State& s = f.store.unsafe_state();
    CHECK(s.information.items.size() <= 4 * s.schools.size() + s.groups.size());
    int whole = 0;
    bool lucia_or_spring = false, links = false;
    for (const auto& [id, n] : s.information.items) {
        whole += n.group_ids.empty();
        lucia_or_spring = lucia_or_spring || n.title == "Luciafirande i aulan";
        links = links || !n.links.empty();
        for (const auto& l : n.links) CHECK(is_web_url(l.url));
        CHECK(n.published_at <= f.clock.now());
    }
    CHECK(whole >= 3);
    CHECK(lucia_or_spring);  // the fixture's today is 30 November
    CHECK(links);
    const Id elsa = f.child_of("demo.vh", "Elsa");
    auto list = f.call("GET", news_path(elsa), "", f.sign_in("demo.vh"));
    CHECK(list.body["items"].size() >= 3);
    CHECK(list.body["unread"].get<int>() + 1 == static_cast<int>(list.body["items"].size()));  // the oldest is read
    const Id olle = f.child_of("demo.vh", "Olle");
    CHECK(f.call("GET", news_path(olle), "", f.sign_in("demo.vh")).body["items"].size() >= 2);
}
