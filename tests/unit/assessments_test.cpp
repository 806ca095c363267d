#include <catch2/catch.hpp>

#include "core/permissions.hpp"
#include "test_support.hpp"

using namespace skolnav;
using namespace skolnav::test;

namespace {

std::string assessments(const Id& pupil) { return pupil_route(pupil, "assessments"); }
std::string grades(const Id& pupil) { return pupil_route(pupil, "grades"); }
std::string criteria(const ApiFixture& f, const std::string& group) { return group_route(f.group_named(group), "criteria"); }
std::string part_path(const Id& pupil, const Id& criterion, int part) {
    return pupil_route(pupil, "criteria/" + criterion + "/parts/" + std::to_string(part));
}
Id new_criterion(ApiFixture& f, const std::string& token, const std::string& group) {
    auto r = f.call("POST", criteria(f, group),
                    R"({"subject":"Bild","title":"Bildframställning","parts":["Skapar bilder","Använder tekniker"]})", token);
    REQUIRE(r.status == 201);
    return r.body["criterion"]["id"];
}

}  // namespace

TEST_CASE("a guardian reads a pupil's assessments by subject with the school's legend", "[assessments]") {
    ApiFixture f;
    const auto vh = f.sign_in("demo.vh");
    const Id elsa = f.child_of("demo.vh", "Elsa");
    auto r = f.call("GET", assessments(elsa), "", vh);
    REQUIRE(r.status == 200);
    CHECK(r.body["legend"]["red"] == "Eleven har ej tillräckliga kunskaper");
    CHECK(r.body["legend"]["yellow"] == "Eleven har delvis uppnått det som beskrivs");
    CHECK(r.body["legend"]["green"] == "Eleven har uppfyllt samtliga delar");
    CHECK(r.body["grades_published"] == false);
    REQUIRE(r.body["subjects"].size() == 3);
    int assessed = 0, empty = 0;
    for (const auto& subject : r.body["subjects"])
        for (const auto& c : subject["criteria"])
            for (const auto& p : c["parts"]) (p["level"].is_null() ? empty : assessed)++;
    CHECK(assessed > 0);
    CHECK(empty > 0);  // some parts not yet covered
    CHECK(r.body["unread"] == 2);

    // Gymnasieskola has its own meanings.
    const auto vh2 = f.sign_in("demo.vh2");
    auto gy = f.call("GET", assessments(f.child_of("demo.vh2", "Yusuf")), "", vh2);
    REQUIRE(gy.status == 200);
    CHECK(gy.body["legend"]["red"].get<std::string>().find("extra stöd") != std::string::npos);
    CHECK(gy.body["grades_published"] == true);
}

TEST_CASE("new assessments are unread until the viewer reads them, per viewer", "[assessments]") {
    ApiFixture f;
    const auto vh = f.sign_in("demo.vh");
    const auto elev = f.sign_in("demo.elev");
    const Id elsa = f.child_of("demo.vh", "Elsa");
    auto card = f.start_card(elsa, vh, "bedomningar");
    CHECK(card["summary"] == "2 nya bedömningar");
    CHECK(card["unread"] == 2);
    REQUIRE(f.call("POST", assessments(elsa) + "/read", "", vh).status == 204);
    CHECK(f.start_card(elsa, vh, "bedomningar")["unread"] == 0);
    CHECK(f.call("GET", assessments(elsa), "", vh).body["unread"] == 0);
    CHECK(f.start_card(elsa, elev, "bedomningar")["unread"] == 2);  // Elsa has not read them yet

    // A new assessment is new again for the guardian, and notified.
    f.clock.advance(3600);
    const auto staff = f.sign_in("demo.personal");
    auto crit = f.call("GET", criteria(f, "7A"), "", staff);
    REQUIRE(crit.status == 200);
    const Id c = crit.body["criteria"][0]["id"];
    REQUIRE(f.call("PUT", part_path(elsa, c, 2), R"({"level":"green"})", staff).status == 200);
    CHECK(f.start_card(elsa, vh, "bedomningar")["summary"] == "1 ny bedömning");
    CHECK(f.notifications(vh, "assessment") == 1);
    CHECK(f.notifications(elev, "assessment") == 1);
}

TEST_CASE("staff create criteria for their group and assess parts; the pupil sees it", "[assessments]") {
    ApiFixture f;
    const auto staff = f.sign_in("demo.personal");
    const Id elsa = f.child_of("demo.vh", "Elsa");
    const Id c = new_criterion(f, staff, "7A");
    auto r = f.call("PUT", part_path(elsa, c, 1), R"({"level":"yellow"})", staff);
    REQUIRE(r.status == 200);
    CHECK(r.body["assessment"]["parts"][1]["level"] == "yellow");
    CHECK(r.body["assessment"]["parts"][0]["level"].is_null());
    REQUIRE(f.call("PUT", pupil_route(elsa, "criteria/" + c + "/comment"), R"({"comment":"Fina färgval"})", staff)
                .status == 200);

    const auto elev = f.sign_in("demo.elev");
    auto mine = f.call("GET", assessments(elsa), "", elev);
    json row;
    for (const auto& s : mine.body["subjects"])
        if (s["subject"] == "Bild") row = s["criteria"][0];
    REQUIRE(row.is_object());
    CHECK(row["parts"][1]["level"] == "yellow");
    CHECK(row["comment"] == "Fina färgval");
    CHECK(row["new"] == true);
    CHECK(row["assessed_by"]["name"] == "Lena Forsberg");

    // Clearing a part: not yet assessed again.
    auto cleared = f.call("PUT", part_path(elsa, c, 1), R"({"level":null})", staff);
    REQUIRE(cleared.status == 200);
    CHECK(cleared.body["assessment"]["parts"][1]["level"].is_null());

    // Staff see the group's matrix.
    auto matrix = f.call("GET", criteria(f, "7A"), "", staff);
    REQUIRE(matrix.status == 200);
    CHECK(matrix.body["criteria"].size() == 4);
    CHECK(matrix.body["pupils"].size() == pupils_of_group(f.store.unsafe_state(), f.group_named("7A")).size());
}

TEST_CASE("assessment input is checked field by field and changes nothing", "[assessments]") {
    ApiFixture f;
    const auto staff = f.sign_in("demo.personal");
    const Id elsa = f.child_of("demo.vh", "Elsa");
    const std::string path = criteria(f, "7A");
    const auto before = f.store.unsafe_state().assessments.criteria.size();
    struct Bad {
        const char* body;
        const char* field;
    };
    for (const Bad& b : {Bad{R"({"title":"T","parts":["a"]})", "subject"}, Bad{R"({"subject":"S","parts":["a"]})", "title"},
                         Bad{R"({"subject":"S","title":"T","parts":[]})", "parts"},
                         Bad{R"({"subject":"S","title":"T","parts":[""]})", "parts"},
                         Bad{R"({"subject":"S","title":"T","parts":["a"],"x":1})", "x"}}) {
        auto r = f.call("POST", path, b.body, staff);
        INFO(b.body);
        CHECK(r.status == 400);
        CHECK(r.body["error"]["field"] == b.field);
    }
    CHECK(f.store.unsafe_state().assessments.criteria.size() == before);

    const Id c = new_criterion(f, staff, "7A");
    const auto records = f.journal.records.size();
    for (const char* body : {"{}", R"({"level":"blue"})", R"({"level":3})", R"({"level":"green","extra":1})"}) {
        auto r = f.call("PUT", part_path(elsa, c, 0), body, staff);
        INFO(body);
        CHECK(r.status == 400);
    }
    CHECK(f.call("PUT", part_path(elsa, c, 0), "{}", staff).body["error"]["field"] == "level");
    CHECK(f.call("PUT", part_path(elsa, c, 7), R"({"level":"red"})", staff).status == 404);
    CHECK(f.call("PUT", pupil_route(elsa, "criteria/" + c + "/parts/x"), R"({"level":"red"})", staff).status == 404);
    CHECK(f.call("PUT", pupil_route(elsa, "criteria/" + c + "/comment"),
                 json{{"comment", std::string(2001, 'a')}}.dump(), staff)
              .body["error"]["field"] == "comment");
    CHECK(f.journal.records.size() == records);
}

TEST_CASE("assessment denials: other families, other groups' staff, guardians on staff routes", "[assessments]") {
    ApiFixture f;
    const Id elsa = f.child_of("demo.vh", "Elsa");
    check_reader_denials(f, "assessments");
    CHECK(f.call("GET", assessments(elsa), "", f.sign_in("demo.vh2")).status == 404);
    CHECK(f.call("GET", assessments(elsa), "", f.sign_in("demo.elev.gy")).status == 404);

    const auto staff = f.sign_in("demo.personal");
    const Id c = new_criterion(f, staff, "7A");
    // A teacher of another group sees neither the group nor Elsa.
    const auto other = f.sign_in(f.teacher_of(f.group_named("7B")));
    CHECK(f.call("POST", criteria(f, "7A"),
                 R"({"subject":"S","title":"T","parts":["a"]})", other)
              .status == 404);
    CHECK(f.call("GET", criteria(f, "7A"), "", other).status == 404);
    CHECK(f.call("PUT", part_path(elsa, c, 0), R"({"level":"red"})", other).status == 404);
    // Guardians and pupils cannot assess.
    CHECK(f.call("PUT", part_path(elsa, c, 0), R"({"level":"green"})", f.sign_in("demo.vh")).status == 404);
    CHECK(f.call("PUT", part_path(elsa, c, 0), R"({"level":"green"})", f.sign_in("demo.elev")).status == 404);
    // A criterion of another group cannot be used on Elsa.
    const Id c7b = new_criterion(f, other, "7B");
    CHECK(f.call("PUT", part_path(elsa, c7b, 0), R"({"level":"green"})", staff).status == 404);

    // A school that disabled Bedömningar shows nothing.
    const auto admin = f.sign_in("demo.admin");
    REQUIRE(f.call("PUT", "/api/v1/schools/sch-2/boxes", R"({"boxes":["franvaro","information"]})", admin).status == 200);
    CHECK(f.call("GET", assessments(elsa), "", f.sign_in("demo.vh")).status == 404);
}

TEST_CASE("the school admin redefines the legend; readers see the school's own", "[assessments]") {
    ApiFixture f;
    const auto admin = f.sign_in("demo.admin");
    const std::string path = "/api/v1/schools/sch-2/assessment-legend";
    auto r = f.call("PUT", path, R"({"red":"Inte än","yellow":"På väg","green":"Klart","not_assessed":"Ej påbörjat"})", admin);
    REQUIRE(r.status == 200);
    CHECK(r.body["legend"]["own"] == true);
    const Id elsa = f.child_of("demo.vh", "Elsa");
    auto read = f.call("GET", assessments(elsa), "", f.sign_in("demo.vh"));
    CHECK(read.body["legend"]["red"] == "Inte än");
    CHECK(read.body["legend"]["not_assessed"] == "Ej påbörjat");
    CHECK(f.call("GET", path, "", f.sign_in("demo.personal")).body["legend"]["green"] == "Klart");
    // The gymnasium keeps its default.
    CHECK(f.call("GET", assessments(f.child_of("demo.vh2", "Yusuf")), "", f.sign_in("demo.vh2"))
              .body["legend"]["green"]
              .get<std::string>()
              .find("nationellt") != std::string::npos);

    CHECK(f.call("PUT", path, R"({"yellow":"a","green":"b"})", admin).body["error"]["field"] == "red");
    CHECK(f.call("PUT", path, R"({"red":"a","yellow":"b","green":"c","blue":"d"})", admin).body["error"]["field"] == "blue");
    CHECK(f.call("PUT", path, R"({"red":"a","yellow":"b","green":"c"})", f.sign_in("demo.personal")).status == 404);
    CHECK(f.call("PUT", "/api/v1/schools/sch-3/assessment-legend", R"({"red":"a","yellow":"b","green":"c"})", admin).status ==
          404);
    CHECK(f.call("GET", path, "", f.sign_in("demo.vh")).status == 404);
}

TEST_CASE("grades are shown only where the school publishes them", "[grades]") {
    ApiFixture f;
    const auto vh = f.sign_in("demo.vh");
    const Id elsa = f.child_of("demo.vh", "Elsa");
    auto hidden = f.call("GET", grades(elsa), "", vh);
    CHECK(hidden.status == 404);
    CHECK(hidden.body["error"]["code"] == "grades_not_published");
    CHECK(hidden.body["error"]["message"].get<std::string>().find("publicerar inte betyg") != std::string::npos);

    // The gymnasium publishes: last term's grades (demo now is HT2026, so VT2026).
    auto gy = f.call("GET", grades(f.child_of("demo.vh2", "Yusuf")), "", f.sign_in("demo.elev.gy"));
    REQUIRE(gy.status == 200);
    REQUIRE(gy.body["terms"].size() == 1);
    CHECK(gy.body["terms"][0]["term"] == "VT2026");
    CHECK(gy.body["terms"][0]["grades"].size() == 3);

    // Staff set a grade for this term; the admin publishes; guardians are notified.
    const auto staff = f.sign_in("demo.personal");
    auto set = f.call("PUT", grades(elsa), R"({"subject":"Matematik","term":"HT2026","grade":"B"})", staff);
    REQUIRE(set.status == 200);
    CHECK(f.notifications(vh, "grade") == 0);
    const auto admin = f.sign_in("demo.admin");
    REQUIRE(f.call("PUT", "/api/v1/schools/sch-2/grade-publishing", R"({"published":true})", admin).status == 200);
    CHECK(f.notifications(vh, "grade") == 1);
    auto shown = f.call("GET", grades(elsa), "", vh);
    REQUIRE(shown.status == 200);
    CHECK(shown.body["terms"][0]["term"] == "HT2026");  // newest first
    CHECK(shown.body["terms"][0]["grades"][0] == json{{"subject", "Matematik"}, {"grade", "B"}});
    CHECK(shown.body["terms"][1]["term"] == "VT2026");
    // A grade set while published notifies at once.
    REQUIRE(f.call("PUT", grades(elsa), R"({"subject":"Svenska","term":"HT2026","grade":"-"})", staff).status == 200);
    CHECK(f.notifications(vh, "grade") == 2);
    // Unpublishing hides them again.
    REQUIRE(f.call("PUT", "/api/v1/schools/sch-2/grade-publishing", R"({"published":false})", admin).status == 200);
    CHECK(f.call("GET", grades(elsa), "", vh).body["error"]["code"] == "grades_not_published");
    // Staff still see them.
    auto group = f.call("GET", group_route(f.group_named("7A"), "grades"), "", staff);
    REQUIRE(group.status == 200);
    CHECK(group.body["published"] == false);
}

TEST_CASE("grade input and grade denials", "[grades]") {
    ApiFixture f;
    const auto staff = f.sign_in("demo.personal");
    const Id elsa = f.child_of("demo.vh", "Elsa");
    const auto records = f.journal.records.size();
    struct Bad {
        const char* body;
        const char* field;
    };
    for (const Bad& b : {Bad{R"({"subject":"Matematik","term":"HT2026","grade":"G"})", "grade"},
                         Bad{R"({"subject":"Matematik","term":"HT26","grade":"A"})", "term"},
                         Bad{R"({"subject":"Matematik","term":"ST2026","grade":"A"})", "term"},
                         Bad{R"({"term":"HT2026","grade":"A"})", "subject"},
                         Bad{R"({"subject":"Matematik","term":"HT2026"})", "grade"}}) {
        auto r = f.call("PUT", grades(elsa), b.body, staff);
        INFO(b.body);
        CHECK(r.status == 400);
        CHECK(r.body["error"]["field"] == b.field);
    }
    CHECK(f.journal.records.size() == records);
    const char* ok = R"({"subject":"Matematik","term":"HT2026","grade":"A"})";
    CHECK(f.call("PUT", grades(elsa), ok, f.sign_in(f.teacher_of(f.group_named("7B")))).status == 404);
    CHECK(f.call("PUT", grades(elsa), ok, f.sign_in("demo.vh")).status == 404);
    CHECK(f.call("PUT", grades(elsa), ok, f.sign_in("demo.elev")).status == 404);
    // Publishing is the admin's, of their own school.
    CHECK(f.call("PUT", "/api/v1/schools/sch-2/grade-publishing", R"({"published":true})", staff).status == 404);
    const auto admin = f.sign_in("demo.admin");
    CHECK(f.call("PUT", "/api/v1/schools/sch-3/grade-publishing", R"({"published":false})", admin).status == 404);
    CHECK(f.call("PUT", "/api/v1/schools/sch-2/grade-publishing", R"({})", admin).body["error"]["field"] == "published");
    CHECK(f.call("PUT", "/api/v1/schools/sch-2/grade-publishing", R"({"published":"yes"})", admin).body["error"]["field"] ==
          "published");
    // Other families never see a pupil's grades, published or not.
    CHECK(f.call("GET", grades(f.child_of("demo.vh2", "Yusuf")), "", f.sign_in("demo.vh")).status == 404);
    CHECK(f.call("GET", grades(f.child_of("demo.vh.gy", "Måns")), "", f.sign_in("demo.vh.gy")).status == 403);
}

TEST_CASE("assessment and grade events replay to the same state", "[assessments][grades]") {
    ApiFixture f;
    const json before = f.store.snapshot();
    const auto staff = f.sign_in("demo.personal");
    const auto admin = f.sign_in("demo.admin");
    const auto vh = f.sign_in("demo.vh");
    const Id elsa = f.child_of("demo.vh", "Elsa");
    const Id c = new_criterion(f, staff, "7A");
    REQUIRE(f.call("PUT", part_path(elsa, c, 0), R"({"level":"red"})", staff).status == 200);
    REQUIRE(f.call("PUT", part_path(elsa, c, 1), R"({"level":"green"})", staff).status == 200);
    REQUIRE(f.call("PUT", part_path(elsa, c, 0), R"({"level":null})", staff).status == 200);
    REQUIRE(f.call("PUT", pupil_route(elsa, "criteria/" + c + "/comment"), R"({"comment":"Bra"})", staff).status == 200);
    REQUIRE(f.call("POST", assessments(elsa) + "/read", "", vh).status == 204);
    REQUIRE(f.call("PUT", grades(elsa), R"({"subject":"Bild","term":"HT2026","grade":"C"})", staff).status == 200);
    REQUIRE(f.call("PUT", "/api/v1/schools/sch-2/grade-publishing", R"({"published":true})", admin).status == 200);
    REQUIRE(f.call("PUT", "/api/v1/schools/sch-2/assessment-legend", R"({"red":"a","yellow":"b","green":"c"})", admin).status ==
            200);
    CHECK(f.journal.durable == f.journal.records.size());

    check_replay(f, before);
    check_snapshot_round_trip(f);
}
