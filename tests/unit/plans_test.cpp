#include <catch2/catch.hpp>

#include "core/boxes/plans.hpp"
#include "core/permissions.hpp"
#include "test_support.hpp"

using namespace skolnav;
using namespace skolnav::test;

namespace {

const std::string kSchoolPlans = school_route(kEkbyskolan, "plans");

std::string plans_path(const Id& pupil) { return pupil_route(pupil, "plans"); }

json plan(const char* subject, const char* from, const char* to, bool published, std::vector<Id> groups) {
    return {{"subject", subject}, {"title", "Arbetsområde"}, {"body", "Mål och arbetssätt."}, {"from", from},
            {"to", to},           {"published", published},  {"group_ids", groups}};
}

const PublishedBox kPlans{"plans", "/api/v1/plans/", "plans", "plan", [](const std::vector<Id>& groups) {
                              return plan("Musik", "2026-11-16", "2026-12-18", true, groups);
                          }};

json card_of(const ApiFixture& f, const std::string& viewer, const Id& pupil) {
    return f.card("plans", Box::Planeringar, viewer, pupil);
}

void clear_plans(ApiFixture& f) { f.delete_all(ids_of(f.store.unsafe_state().plans.plans), "plan_deleted"); }

}  // namespace

TEST_CASE("published plans reach the group; drafts stay with staff until published", "[plans]") {
    ApiFixture f;
    clear_plans(f);
    const Id elsa = f.child_of("demo.vh", "Elsa"), amira = f.child_of("demo.vh2", "Amira");
    const Id class_7a = f.group_of(elsa);
    const auto staff = f.sign_in("demo.personal"), vh = f.sign_in("demo.vh"), elev = f.sign_in("demo.elev");

    auto pub = f.call("POST", kSchoolPlans, plan("Matematik", "2026-11-16", "2026-12-18", true, {class_7a}).dump(), staff);
    REQUIRE(pub.status == 201);
    const Id current = pub.body["plan"]["id"];
    CHECK(pub.body["plan"]["period"] == "current");
    CHECK(pub.body["plan"]["published"] == true);
    CHECK(pub.body["plan"]["published_at"] == "2026-11-30T10:00:00+01:00");
    check_reaches_7a(f, kPlans, current);

    const Id upcoming = f.call("POST", kSchoolPlans, plan("Svenska", "2027-01-11", "2027-02-12", true, {class_7a}).dump(), staff)
                            .body["plan"]["id"];
    const Id past = f.call("POST", kSchoolPlans, plan("SO", "2026-09-01", "2026-10-30", true, {class_7a}).dump(), staff)
                        .body["plan"]["id"];
    auto draft = f.call("POST", kSchoolPlans, plan("Engelska", "2026-12-01", "2026-12-18", false, {class_7a}).dump(), staff);
    REQUIRE(draft.status == 201);
    const Id draft_id = draft.body["plan"]["id"];
    CHECK(draft.body["plan"]["published_at"].is_null());
    CHECK(f.stored_notifications(f.id_of("demo.vh"), "plan", draft_id) == 0);

    auto list = f.call("GET", plans_path(elsa), "", vh);
    REQUIRE(list.status == 200);
    REQUIRE(list.body["plans"].size() == 3);
    CHECK(list.body["plans"][0]["id"] == current);
    CHECK(list.body["plans"][1]["id"] == upcoming);
    CHECK(list.body["plans"][2]["id"] == past);
    CHECK(list.body["plans"][2]["period"] == "past");
    CHECK_FALSE(list.body["plans"][0].contains("published"));
    CHECK(f.call("GET", plans_path(elsa) + "/" + draft_id, "", elev).status == 404);
    CHECK(f.call("GET", plans_path(elsa) + "/" + current, "", elev).body["plan"]["subject"] == "Matematik");
    CHECK(f.call("GET", plans_path(amira), "", f.sign_in("demo.vh2")).body["plans"].size() == 3);

    // Publishing the draft notifies, once.
    auto published = f.call("PUT", "/api/v1/plans/" + draft_id, R"({"published":true})", staff);
    REQUIRE(published.status == 200);
    CHECK(f.stored_notifications(f.id_of("demo.vh"), "plan", draft_id) == 1);
    CHECK(f.call("GET", plans_path(elsa) + "/" + draft_id, "", elev).status == 200);
    CHECK(f.call("PUT", "/api/v1/plans/" + draft_id, R"({"published":true,"title":"Ny"})", staff).status == 200);
    CHECK(f.call("PUT", "/api/v1/plans/" + draft_id, R"({"published":false})", staff).status == 200);
    CHECK(f.call("GET", plans_path(elsa) + "/" + draft_id, "", elev).status == 404);  // withdrawn to a draft
    CHECK(f.call("PUT", "/api/v1/plans/" + draft_id, R"({"published":true})", staff).status == 200);
    CHECK(f.stored_notifications(f.id_of("demo.vh"), "plan", draft_id) == 1);  // not again

    // Staff see drafts in their list.
    f.call("POST", kSchoolPlans, plan("Bild", "2026-12-01", "2026-12-18", false, {class_7a}).dump(), staff);
    auto staff_list = f.call("GET", kSchoolPlans, "", staff);
    REQUIRE(staff_list.status == 200);
    CHECK(staff_list.body["plans"].size() == 5);
}

TEST_CASE("bad plan input names the field and changes nothing", "[plans]") {
    ApiFixture f;
    const Id class_7a = f.group_of(f.id_of("demo.elev"));
    const Id class_7b = f.group_named(kEkbyskolan, "7B");
    const auto staff = f.sign_in("demo.personal");
    const auto with = [&](json changes) {
        json p = plan("Matematik", "2026-12-01", "2026-12-18", true, {class_7a});
        for (const auto& [k, v] : changes.items()) {
            if (v.is_null()) p.erase(k);
            else p[k] = v;
        }
        return p.dump();
    };
    const std::tuple<std::string, int, std::string> cases[] = {
        {with({{"subject", nullptr}}), 400, "subject"},
        {with({{"subject", std::string(101, 'x')}}), 400, "subject"},
        {with({{"title", ""}}), 400, "title"},
        {with({{"body", std::string(20001, 'x')}}), 400, "body"},
        {with({{"from", nullptr}}), 400, "from"},
        {with({{"to", "18/12"}}), 400, "to"},
        {with({{"to", "2026-11-30"}}), 400, "to"},
        {with({{"to", "2028-02-01"}}), 400, "to"},
        {with({{"published", "ja"}}), 400, "published"},
        {with({{"group_ids", {class_7b}}}), 403, "group_ids"},
        {with({{"group_ids", json::array()}}), 403, "group_ids"},
        {with({{"period", "HT"}}), 400, "period"},
    };
    const json before = f.store.snapshot()["state"];
    for (const auto& [body, status, field] : cases) {
        INFO(body);
        auto r = f.call("POST", kSchoolPlans, body, staff);
        CHECK(r.status == status);
        CHECK(r.body["error"]["field"] == field);
    }
    CHECK(f.store.snapshot()["state"] == before);
    // Without "published" a plan is a draft.
    auto d = f.call("POST", kSchoolPlans, with({{"published", nullptr}}), staff);
    CHECK(d.body["plan"]["published"] == false);
    // Changes: the combined period must hold.
    const std::string path = "/api/v1/plans/" + d.body["plan"]["id"].get<std::string>();
    CHECK(f.call("PUT", path, R"({"from":"2026-12-19"})", staff).body["error"]["field"] == "from");
    CHECK(f.call("PUT", path, R"({"to":"2026-11-01"})", staff).body["error"]["field"] == "to");
    CHECK(f.call("PUT", path, "{}", staff).status == 400);
    CHECK(f.call("PUT", path, R"({"from":"2026-12-10","to":"2027-01-15"})", staff).status == 200);
}

TEST_CASE("changing and deleting plans: only with the publisher's rights", "[plans]") {
    ApiFixture f;
    const Id elsa = f.child_of("demo.vh", "Elsa");
    const Id class_7a = f.group_of(elsa);
    const auto staff = f.sign_in("demo.personal"), admin = f.sign_in("demo.admin");
    const Id id = f.call("POST", kSchoolPlans, plan("NO", "2026-11-01", "2026-12-18", false, {class_7a}).dump(), staff)
                      .body["plan"]["id"];
    const std::string path = "/api/v1/plans/" + id;
    check_only_publishers_change(f, kPlans, id, {{"title", "x"}});
    CHECK(f.call("PUT", path, R"({"subject":"Biologi"})", admin).status == 200);
    CHECK(f.call("DELETE", path, "", staff).status == 204);
    CHECK(f.call("DELETE", path, "", staff).status == 404);
}

TEST_CASE("Planeringar denials for readers", "[plans]") {
    ApiFixture f;
    const Id elsa = f.child_of("demo.vh", "Elsa"), olle = f.child_of("demo.vh", "Olle");
    const auto t = f.sign_in("demo.vh");
    check_reader_denials(f, "plans");
    CHECK(f.call("GET", plans_path(olle), "", t).status == 404);  // förskolan has no Planeringar
    // Plans of another group look like no plan.
    const Id class_7b = f.group_named(kEkbyskolan, "7B");
    const Id other = f.call("POST", kSchoolPlans, plan("NO", "2026-11-01", "2026-12-18", true, {class_7b}).dump(),
                            f.sign_in(f.teacher_of(class_7b)))
                         .body["plan"]["id"];
    CHECK(f.call("GET", plans_path(elsa) + "/" + other, "", t).status == 404);
}

TEST_CASE("the Planeringar card counts current plans", "[plans]") {
    ApiFixture f;
    clear_plans(f);
    const Id elsa = f.child_of("demo.vh", "Elsa");
    const Id class_7a = f.group_of(elsa);
    const auto staff = f.sign_in("demo.personal");
    CHECK(card_of(f, "demo.vh", elsa)["summary"] == "Inga aktuella planeringar");
    f.call("POST", kSchoolPlans, plan("Matematik", "2026-11-16", "2026-12-18", true, {class_7a}).dump(), staff);
    CHECK(card_of(f, "demo.vh", elsa)["summary"] == "1 aktuell planering");
    f.call("POST", kSchoolPlans, plan("Svenska", "2026-11-30", "2026-12-04", true, {class_7a}).dump(), staff);
    f.call("POST", kSchoolPlans, plan("Engelska", "2026-11-30", "2026-12-04", false, {class_7a}).dump(), staff);
    f.call("POST", kSchoolPlans, plan("SO", "2026-12-01", "2026-12-04", true, {class_7a}).dump(), staff);
    auto c = card_of(f, "demo.vh", elsa);
    CHECK(c["summary"] == "2 aktuella planeringar");
    CHECK(c["count"] == 2);
    CHECK(c["next"]["subject"] == "Svenska");  // ends soonest
}

TEST_CASE("the plan events replay into the same state", "[plans]") {
    ApiFixture f;
    const json before = f.store.snapshot();
    const Id class_7a = f.group_of(f.id_of("demo.elev"));
    const auto staff = f.sign_in("demo.personal");
    const Id a = f.call("POST", kSchoolPlans, plan("Ma", "2026-11-01", "2026-12-18", false, {class_7a}).dump(), staff)
                     .body["plan"]["id"];
    const Id b = f.call("POST", kSchoolPlans, plan("Sv", "2026-11-01", "2026-12-18", true, {class_7a}).dump(), staff)
                     .body["plan"]["id"];
    REQUIRE(f.call("PUT", "/api/v1/plans/" + a, R"({"published":true,"to":"2027-01-20"})", staff).status == 200);
    REQUIRE(f.call("DELETE", "/api/v1/plans/" + b, "", staff).status == 204);
    const auto again = check_replay(f, before);
    CHECK(again->unsafe_state().plans.plans.at(a).published);
    check_snapshot_round_trip(f);
}

TEST_CASE("demo plans: a current plan per group of grundskola and gymnasiet", "[plans]") {
    ApiFixture f;
    const State& s = f.store.unsafe_state();
    CHECK(s.plans.plans.size() <= 3 * s.groups.size());
    bool draft = false;
    for (const auto& [id, p] : s.plans.plans) {
        draft = draft || !p.published;
        CHECK(p.from <= p.to);
        CHECK(s.schools.at(p.school_id).form != SchoolForm::Forskola);
    }
    CHECK(draft);
    const Id elsa = f.child_of("demo.vh", "Elsa");
    CHECK(card_of(f, "demo.vh", elsa)["count"].get<int>() >= 1);
    CHECK(card_of(f, "demo.elev.gy", f.id_of("demo.elev.gy"))["count"].get<int>() >= 1);
}
