// Dokumentation: Portfolio, IUP, Åtgärdsprogram and Anteckningar per pupil, each kind
// where the school uses it; staff of the pupil's group write, pupils and guardians read.
#include <catch2/catch.hpp>

#include "core/boxes/documentation.hpp"
#include "core/permissions.hpp"
#include "test_support.hpp"

using namespace skolnav;
using namespace skolnav::test;

namespace {

struct Fixture : ApiFixture, DemoCast {
    Id olle;
    Fixture() : DemoCast(static_cast<ApiFixture&>(*this)), olle(child_of("demo.vh", "Olle")) {}
    static std::string path(const Id& p) { return pupil_route(p, "documentation"); }
    Id create(const Id& pupil, const json& body, const std::string& token) {
        auto r = call("POST", path(pupil), body.dump(), token);
        INFO(r.body.dump());
        REQUIRE(r.status == 201);
        return r.body["item"]["id"];
    }
    json kind(const Id& pupil, const std::string& token, const std::string& k) {
        auto r = call("GET", path(pupil), "", token);
        REQUIRE(r.status == 200);
        for (const auto& x : r.body["kinds"])
            if (x["kind"] == k) return x;
        return nullptr;
    }
};

bool has_item(const json& kind, const Id& id) { return kind.is_object() && !find_id(kind["items"], id).is_null(); }

}  // namespace

TEST_CASE("staff add a portfolio item; pupil and guardians read it by kind and are notified", "[documentation]") {
    Fixture f;
    const Id id = f.create(f.elsa, {{"kind", "portfolio"}, {"title", "Självporträtt"}, {"body", "Akvarell."}}, f.staff);
    auto list = f.call("GET", Fixture::path(f.elsa), "", f.vh);
    REQUIRE(list.status == 200);
    std::vector<std::string> kinds;
    for (const auto& k : list.body["kinds"]) kinds.push_back(k["kind"]);
    CHECK(kinds == std::vector<std::string>{"portfolio", "iup", "atgardsprogram", "anteckningar"});
    CHECK(has_item(f.kind(f.elsa, f.vh, "portfolio"), id));
    CHECK(has_item(f.kind(f.elsa, f.elev, "portfolio"), id));
    auto item = f.call("GET", Fixture::path(f.elsa) + "/" + id, "", f.elev);
    REQUIRE(item.status == 200);
    CHECK(item.body["item"]["title"] == "Självporträtt");
    CHECK(item.body["item"]["date"] == "2026-11-30");
    CHECK(item.body["item"]["kind_name"] == "Portfolio");
    CHECK(item.body["item"]["created_by"]["name"] == "Lena Forsberg");
    CHECK_FALSE(item.body["item"].contains("published"));
    CHECK(f.notifications(f.vh, "portfolio", id) > 0);
    CHECK(f.notifications(f.elev, "portfolio", id) > 0);

    const Id iup = f.create(f.elsa, {{"kind", "iup"}, {"title", "IUP ht"}, {"body", "Mål…"}, {"date", "2026-11-20"}}, f.staff);
    CHECK(has_item(f.kind(f.elsa, f.vh, "iup"), iup));
    CHECK(f.notifications(f.vh, "document", iup) > 0);
}

TEST_CASE("documentation denials: other families, other staff, no insyn, pupils writing", "[documentation]") {
    Fixture f;
    const Id id = f.create(f.elsa, {{"kind", "anteckningar"}, {"title", "Samtal"}}, f.staff);
    const auto vh2 = f.sign_in("demo.vh2");
    CHECK(f.call("GET", Fixture::path(f.elsa), "", vh2).status == 404);
    CHECK(f.call("GET", Fixture::path(f.elsa) + "/" + id, "", vh2).status == 404);
    // Amira's page does not show Elsa's item.
    const Id amira = f.child_of("demo.vh2", "Amira");
    CHECK(f.call("GET", Fixture::path(amira) + "/" + id, "", vh2).status == 404);
    // Staff of another group, the pupil, the guardian: cannot write.
    const json body = {{"kind", "portfolio"}, {"title", "x"}};
    CHECK(f.call("POST", Fixture::path(f.elsa), body.dump(), f.sign_in(f.teacher_of(f.group_named("8B")))).status == 404);
    CHECK(f.call("POST", Fixture::path(f.elsa), body.dump(), f.elev).status == 404);
    CHECK(f.call("POST", Fixture::path(f.elsa), body.dump(), f.vh).status == 404);
    CHECK(f.call("PUT", Fixture::path(f.elsa) + "/" + id, body.dump(), f.vh).status == 404);
    CHECK(f.call("DELETE", Fixture::path(f.elsa) + "/" + id, "", f.elev).status == 404);
    // An item id through another pupil's path: 404.
    CHECK(f.call("DELETE", Fixture::path(amira) + "/" + id, "", f.staff).status == 404);
    // No insyn.
    const Id mans = f.child_of("demo.vh.gy", "Måns");
    auto r = f.call("GET", Fixture::path(mans), "", f.sign_in("demo.vh.gy"));
    CHECK(r.status == 403);
    CHECK(r.body["error"]["code"] == "no_insyn");
    CHECK(f.call("GET", Fixture::path(f.elsa)).status == 401);
}

TEST_CASE("each school form offers its kinds; preschool staff document the child", "[documentation]") {
    Fixture f;
    const auto humlan = f.sign_in(f.teacher_of(f.group_named("Humlan")));
    const Id p = f.create(f.olle, {{"kind", "portfolio"}, {"title", "Vi bygger en koja"}}, humlan);
    CHECK(f.create(f.olle, {{"kind", "anteckningar"}, {"title", "Inskolning"}}, humlan).size() > 0);
    auto iup = f.call("POST", Fixture::path(f.olle), json{{"kind", "iup"}, {"title", "x"}}.dump(), humlan);
    CHECK(iup.status == 400);
    CHECK(iup.body["error"]["field"] == "kind");
    CHECK(has_item(f.kind(f.olle, f.vh, "portfolio"), p));
    CHECK(f.kind(f.olle, f.vh, "iup").is_null());
    // Gymnasieskola: no Åtgärdsprogram.
    const Id yusuf = f.child_of("demo.vh2", "Yusuf");
    const auto gy_teacher = f.sign_in(f.teacher_of(f.group_of(yusuf)));
    auto ap = f.call("POST", Fixture::path(yusuf), json{{"kind", "atgardsprogram"}, {"title", "x"}}.dump(), gy_teacher);
    CHECK(ap.status == 400);
    CHECK(ap.body["error"]["field"] == "kind");
}

TEST_CASE("bad documentation input is refused naming the field", "[documentation]") {
    Fixture f;
    const auto records = f.journal.records.size();
    auto expect = [&](json body, const char* field) {
        auto r = f.call("POST", Fixture::path(f.elsa), body.dump(), f.staff);
        INFO(r.body.dump());
        CHECK(r.status == 400);
        CHECK(r.body["error"]["field"] == field);
    };
    expect({{"title", "x"}}, "kind");
    expect({{"kind", "dagbok"}, {"title", "x"}}, "kind");
    expect({{"kind", "portfolio"}}, "title");
    expect({{"kind", "portfolio"}, {"title", std::string(201, 'a')}}, "title");
    expect({{"kind", "portfolio"}, {"title", "x"}, {"date", "30/11"}}, "date");
    expect({{"kind", "portfolio"}, {"title", "x"}, {"date", "2026-12-24"}}, "date");
    expect({{"kind", "portfolio"}, {"title", "x"}, {"attachment_ids", {"att-1"}}}, "attachment_ids");
    expect({{"kind", "portfolio"}, {"title", "x"}, {"secret", true}}, "secret");
    CHECK(f.journal.records.size() == records);
}

TEST_CASE("drafts stay with staff until published; changes and deletes", "[documentation]") {
    Fixture f;
    const Id id = f.create(f.elsa, {{"kind", "iup"}, {"title", "Utkast"}, {"published", false}}, f.staff);
    CHECK_FALSE(has_item(f.kind(f.elsa, f.vh, "iup"), id));
    CHECK(f.call("GET", Fixture::path(f.elsa) + "/" + id, "", f.vh).status == 404);
    CHECK(f.notifications(f.vh, "document", id) == 0);
    auto group = f.call("GET", group_route(f.group_named("7A"), "documentation"), "", f.staff);
    REQUIRE(group.status == 200);
    bool draft_listed = false;
    for (const auto& p : group.body["pupils"])
        for (const auto& i : p["items"]) draft_listed = draft_listed || (i["id"] == id && i["published"] == false);
    CHECK(draft_listed);
    CHECK(f.call("GET", group_route(f.group_named("7A"), "documentation"), "", f.vh).status == 404);
    CHECK(f.call("GET", group_route(f.group_named("8B"), "documentation"), "", f.staff).status == 404);

    auto put = f.call("PUT", Fixture::path(f.elsa) + "/" + id,
                      json{{"kind", "iup"}, {"title", "IUP ht 2026"}, {"body", "Klar"}}.dump(), f.staff);
    REQUIRE(put.status == 200);
    CHECK(put.body["item"]["changed_at"].is_string());
    CHECK(f.notifications(f.vh, "document", id) > 0);
    CHECK(f.call("GET", Fixture::path(f.elsa) + "/" + id, "", f.vh).body["item"]["title"] == "IUP ht 2026");
    CHECK(f.call("PUT", Fixture::path(f.elsa) + "/doc-404", json{{"kind", "iup"}, {"title", "x"}}.dump(), f.staff).status == 404);
    CHECK(f.call("DELETE", Fixture::path(f.elsa) + "/" + id, "", f.staff).status == 204);
    CHECK(f.call("GET", Fixture::path(f.elsa) + "/" + id, "", f.vh).status == 404);
}

TEST_CASE("the admin chooses which kinds the school uses", "[documentation]") {
    Fixture f;
    const Id iup = f.create(f.elsa, {{"kind", "iup"}, {"title", "IUP"}}, f.staff);
    const auto admin = f.sign_in("demo.admin");
    const std::string kinds = "/api/v1/schools/sch-2/documentation-kinds";
    auto get = f.call("GET", kinds, "", f.staff);
    REQUIRE(get.status == 200);
    CHECK(get.body["kinds"].size() == 4);
    auto bad = f.call("PUT", kinds, R"({"kinds":["portfolio","dagbok"]})", admin);
    CHECK(bad.status == 400);
    CHECK(bad.body["error"]["field"] == "kinds");
    CHECK(f.call("PUT", kinds, R"({"kinds":["portfolio","portfolio"]})", admin).status == 400);
    CHECK(f.call("PUT", kinds, "{}", admin).status == 400);
    CHECK(f.call("PUT", kinds, R"({"kinds":["portfolio"]})", f.staff).status == 404);
    CHECK(f.call("PUT", "/api/v1/schools/sch-1/documentation-kinds", R"({"kinds":["portfolio"]})", admin).status == 404);
    CHECK(f.call("GET", "/api/v1/schools/sch-1/documentation-kinds", "", admin).status == 404);
    CHECK(f.call("GET", kinds, "", f.vh).status == 404);

    auto put = f.call("PUT", kinds, R"({"kinds":["anteckningar","portfolio"]})", admin);
    REQUIRE(put.status == 200);
    CHECK(put.body["kinds"] == json({"portfolio", "anteckningar"}));
    CHECK(f.kind(f.elsa, f.vh, "iup").is_null());
    CHECK(f.call("GET", Fixture::path(f.elsa) + "/" + iup, "", f.vh).status == 404);
    auto refused = f.call("POST", Fixture::path(f.elsa), json{{"kind", "iup"}, {"title", "x"}}.dump(), f.staff);
    CHECK(refused.status == 400);
    CHECK(refused.body["error"]["field"] == "kind");

    // A school without the Dokumentation box: nobody reads, staff cannot write.
    REQUIRE(f.call("PUT", "/api/v1/schools/sch-2/boxes", R"({"boxes":["franvaro","information"]})", admin).status == 200);
    CHECK(f.call("GET", Fixture::path(f.elsa), "", f.vh).status == 404);
    CHECK(f.call("GET", Fixture::path(f.elsa), "", f.elev).status == 404);
    CHECK(f.call("POST", Fixture::path(f.elsa), json{{"kind", "portfolio"}, {"title", "x"}}.dump(), f.staff).status == 403);
}

TEST_CASE("the demo documents children, and documentation events replay", "[documentation]") {
    Fixture f;
    auto olle = f.kind(f.olle, f.vh, "portfolio");
    REQUIRE(olle.is_object());
    CHECK(olle["items"].size() >= 1);

    const json before = f.store.snapshot();
    const Id a = f.create(f.elsa, {{"kind", "portfolio"}, {"title", "A"}}, f.staff);
    REQUIRE(f.call("PUT", Fixture::path(f.elsa) + "/" + a, json{{"kind", "portfolio"}, {"title", "B"}}.dump(), f.staff).status == 200);
    const Id b = f.create(f.elsa, {{"kind", "anteckningar"}, {"title", "C"}}, f.staff);
    REQUIRE(f.call("DELETE", Fixture::path(f.elsa) + "/" + b, "", f.staff).status == 204);
    REQUIRE(f.call("PUT", "/api/v1/schools/sch-2/documentation-kinds", R"({"kinds":["portfolio","iup"]})",
                   f.sign_in("demo.admin")).status == 200);
    const auto again = check_replay(f, before);
    CHECK(again->unsafe_state().documentation.by_pupil == f.store.unsafe_state().documentation.by_pupil);
    check_snapshot_round_trip(f);
}

TEST_CASE("the Dokumentation card counts what readers see", "[documentation]") {
    Fixture f;
    auto card = [&] { return f.card("documentation", Box::Dokumentation, "demo.vh", f.elsa); };
    const int before = card()["count"];
    f.create(f.elsa, {{"kind", "portfolio"}, {"title", "Utkast"}, {"published", false}}, f.staff);
    CHECK(card()["count"] == before);
    const Id id = f.create(f.elsa, {{"kind", "portfolio"}, {"title", "Klar"}}, f.staff);
    json c = card();
    CHECK(c["count"] == before + 1);
    CHECK(c["next"]["id"] == id);
}
