// Uppgifter: staff give assignments to their groups; the pupil discusses each in a
// thread and hands in; guardians read; staff reply and return with feedback.
#include <catch2/catch.hpp>

#include "core/boxes/assignments.hpp"
#include "core/permissions.hpp"
#include "test_support.hpp"

using namespace skolnav;
using namespace skolnav::test;

namespace {

struct Fixture : ApiFixtureWithFiles, DemoCast {
    Fixture() : DemoCast(static_cast<ApiFixture&>(*this)) {}
    std::string group_path(const Id& g) const { return group_route(g, "assignments"); }
    std::string pupil_path(const Id& p) const { return pupil_route(p, "assignments"); }
    Id create(const json& body) {
        auto r = call("POST", group_path(class_7a), body.dump(), staff);
        INFO(r.body.dump());
        REQUIRE(r.status == 201);
        return r.body["assignment"]["id"];
    }
    Id upload_pdf(const std::string& token, const std::string& name) {
        auto r = upload(token, name, "%PDF-1.4 inlämning", "application/pdf");
        REQUIRE(r.status == 201);
        return r.body["attachment"]["id"];
    }
};

const json kEssay = {{"title", "Skriv en novell"},
                     {"description", "Minst en sida."},
                     {"due_date", "2026-12-04"},
                     {"due_time", "16:00"}};

}  // namespace

TEST_CASE("staff create an assignment; the group's pupils and guardians see it and are notified", "[assignments]") {
    Fixture f;
    const Id a = f.create(kEssay);
    auto list = f.call("GET", f.pupil_path(f.elsa), "", f.elev);
    REQUIRE(list.status == 200);
    json found = find_id(list.body["assignments"], a);
    REQUIRE(found.is_object());
    CHECK(found["status"] == "not_started");
    CHECK(found["overdue"] == false);
    CHECK(found["due_at"] == "2026-12-04T16:00:00+01:00");
    CHECK(found["due_time"] == "16:00");
    CHECK(found["group"]["name"] == "7A");
    CHECK(list.body["can_write"] == true);
    CHECK(f.notifications(f.elev, "assignment", a) > 0);
    CHECK(f.notifications(f.vh, "assignment", a) > 0);
    // The guardian reads, cannot write.
    auto g = f.call("GET", f.pupil_path(f.elsa) + "/" + a, "", f.vh);
    REQUIRE(g.status == 200);
    CHECK(g.body["assignment"]["can_write"] == false);
    CHECK(g.body["assignment"]["can_hand_in"] == false);
    // Amira (other family, same class) sees it on her own page, not on Elsa's.
    const auto vh2 = f.sign_in("demo.vh2");
    const Id amira = f.child_of("demo.vh2", "Amira");
    CHECK(f.call("GET", f.pupil_path(amira) + "/" + a, "", vh2).status == 200);
    CHECK(f.call("GET", f.pupil_path(f.elsa) + "/" + a, "", vh2).status == 404);
    CHECK(f.call("GET", f.pupil_path(f.elsa), "", vh2).status == 404);
    // A pupil of another group does not see it.
    const Id yusuf = f.child_of("demo.vh2", "Yusuf");
    CHECK(f.call("GET", f.pupil_path(yusuf) + "/" + a, "", f.sign_in("demo.elev.gy")).status == 404);
    // The staff list has it with counts.
    auto staff_list = f.call("GET", f.group_path(f.class_7a), "", f.staff);
    REQUIRE(staff_list.status == 200);
    bool listed = false;
    for (const auto& x : staff_list.body["assignments"])
        if (x["id"] == a) listed = x["counts"]["handed_in"] == 0;
    CHECK(listed);
    auto detail = f.call("GET", f.group_path(f.class_7a) + "/" + a, "", f.staff);
    REQUIRE(detail.status == 200);
    CHECK(detail.body["assignment"]["pupils"].size() == pupils_of_group(f.store.unsafe_state(), f.class_7a).size());
}

TEST_CASE("assignment input is checked field by field, nothing changes on a refusal", "[assignments]") {
    Fixture f;
    const auto records = f.journal.records.size();
    auto expect400 = [&](json body, const char* field) {
        auto r = f.call("POST", f.group_path(f.class_7a), body.dump(), f.staff);
        INFO(r.body.dump());
        CHECK(r.status == 400);
        CHECK(r.body["error"]["field"] == field);
    };
    json b = kEssay;
    b.erase("title");
    expect400(b, "title");
    b = kEssay;
    b["due_date"] = "2026-13-01";
    expect400(b, "due_date");
    b["due_date"] = "2026-11-29";  // passed
    expect400(b, "due_date");
    b = kEssay;
    b["due_time"] = "25:00";
    expect400(b, "due_time");
    b = kEssay;
    b["title"] = std::string(201, 'x');
    expect400(b, "title");
    b = kEssay;
    b["colour"] = "red";
    expect400(b, "colour");
    b = kEssay;
    b["attachment_ids"] = {"att-404"};
    expect400(b, "attachment_ids");
    b = kEssay;
    b["published"] = "yes";
    expect400(b, "published");
    CHECK(f.journal.records.size() == records);
}

TEST_CASE("only the group's staff (and the school's admin) manage its assignments", "[assignments]") {
    Fixture f;
    const Id a = f.create(kEssay);
    const auto other = f.sign_in(f.teacher_of(f.group_named("8B")));
    CHECK(f.call("GET", f.group_path(f.class_7a), "", f.sign_in("demo.admin")).status == 200);
    for (const auto& token : {other, f.vh, f.elev}) {
        CHECK(f.call("GET", f.group_path(f.class_7a), "", token).status == 404);
        CHECK(f.call("POST", f.group_path(f.class_7a), kEssay.dump(), token).status == 404);
        CHECK(f.call("PUT", f.group_path(f.class_7a) + "/" + a, kEssay.dump(), token).status == 404);
        CHECK(f.call("DELETE", f.group_path(f.class_7a) + "/" + a, "", token).status == 404);
        CHECK(f.call("POST", f.group_path(f.class_7a) + "/" + a + "/pupils/" + f.elsa + "/messages",
                     R"({"text":"hej"})", token)
                  .status == 404);
    }
    CHECK(f.call("GET", f.group_path("grp-9999"), "", f.staff).status == 404);
    // The other 7A teacher may.
    CHECK(f.call("GET", f.group_path(f.class_7a) + "/" + a, "", f.sign_in(f.teacher_of(f.group_named("7A")))).status == 200);
    // The assignment is not reachable through another group's path.
    const Id group_8b = f.group_named("8B");
    CHECK(f.call("GET", f.group_path(group_8b) + "/" + a, "", other).status == 404);
    // Preschool groups have no Uppgifter.
    const Id humlan = f.group_of(f.child_of("demo.vh", "Olle"));
    CHECK(f.call("POST", f.group_path(humlan), kEssay.dump(), f.sign_in(f.teacher_of(f.group_named("Humlan")))).status == 403);
}

TEST_CASE("the pupil writes in the thread and hands in; the teacher replies and returns", "[assignments]") {
    Fixture f;
    const Id a = f.create(kEssay);
    const std::string base = f.pupil_path(f.elsa) + "/" + a;

    // Pupil asks; the teacher is told.
    auto m = f.call("POST", base + "/messages", R"({"text":"Får man skriva på engelska?"})", f.elev);
    REQUIRE(m.status == 201);
    CHECK(m.body["message"]["from"] == "pupil");
    CHECK(f.notifications(f.staff, "assignment_message", a) > 0);
    // Guardians read but do not write; other families get 404; bad input 400.
    CHECK(f.call("POST", base + "/messages", R"({"text":"hej"})", f.vh).status == 403);
    CHECK(f.call("POST", base + "/hand-in", R"({"text":"hej"})", f.vh).status == 403);
    CHECK(f.call("POST", base + "/messages", R"({"text":"hej"})", f.sign_in("demo.vh2")).status == 404);
    auto empty = f.call("POST", base + "/messages", R"({"text":""})", f.elev);
    CHECK(empty.status == 400);
    CHECK(empty.body["error"]["field"] == "text");

    // Teacher replies; pupil and guardian are told.
    const std::string staff_base = f.group_path(f.class_7a) + "/" + a + "/pupils/" + f.elsa;
    auto reply = f.call("POST", staff_base + "/messages", R"({"text":"Nej, på svenska."})", f.staff);
    REQUIRE(reply.status == 201);
    CHECK(reply.body["message"]["from"] == "teacher");
    CHECK(f.notifications(f.elev, "assignment_reply", a) > 0);
    CHECK(f.notifications(f.vh, "assignment_reply", a) > 0);
    auto thread = f.call("GET", base, "", f.vh);
    REQUIRE(thread.body["assignment"]["messages"].size() == 2);
    CHECK(thread.body["assignment"]["messages"][1]["text"] == "Nej, på svenska.");

    // Hand-in with the pupil's own file.
    const Id file = f.upload_pdf(f.elev, "novell.pdf");
    auto bad = f.call("POST", base + "/hand-in", "{}", f.elev);
    CHECK(bad.status == 400);
    CHECK(bad.body["error"]["field"] == "attachment_ids");
    const Id teachers_file = f.upload_pdf(f.staff, "facit.pdf");
    auto foreign = f.call("POST", base + "/hand-in", json{{"attachment_ids", {teachers_file}}}.dump(), f.elev);
    CHECK(foreign.status == 400);
    CHECK(foreign.body["error"]["field"] == "attachment_ids");
    auto h = f.call("POST", base + "/hand-in", json{{"text", "Här är min novell."}, {"attachment_ids", {file}}}.dump(),
                    f.elev);
    REQUIRE(h.status == 201);
    CHECK(h.body["assignment"]["status"] == "handed_in");
    CHECK(h.body["assignment"]["hand_in"]["attachments"].size() == 1);
    CHECK(f.notifications(f.staff, "assignment_hand_in", a) > 0);
    // The teacher and the guardian may download the handed-in file; other families not.
    CHECK(f.call("GET", "/api/v1/attachments/" + file, "", f.staff).status == 200);
    CHECK(f.call("GET", "/api/v1/attachments/" + file, "", f.vh).status == 200);
    CHECK(f.call("GET", "/api/v1/attachments/" + file, "", f.sign_in("demo.vh2")).status == 404);
    CHECK(f.call("GET", "/api/v1/attachments/" + file, "", f.sign_in(f.teacher_of(f.group_named("8B")))).status == 404);

    // After the due time a new hand-in replaces the old one and is late.
    f.clock.set(at("2026-12-04T15:30:00Z"));  // 16:30 Stockholm
    auto late = f.call("POST", base + "/hand-in", R"({"text":"Ny version."})", f.elev);
    REQUIRE(late.status == 201);
    CHECK(late.body["assignment"]["status"] == "late");
    CHECK(late.body["assignment"]["hand_in"]["text"] == "Ny version.");
    CHECK(late.body["assignment"]["hand_in"]["attachments"].empty());

    // Returned with feedback: final.
    auto ret = f.call("POST", staff_base + "/return", R"({"feedback":"Spännande intrig!"})", f.staff);
    REQUIRE(ret.status == 200);
    CHECK(ret.body["assignment"]["status"] == "returned");
    CHECK(ret.body["assignment"]["hand_in"]["feedback"] == "Spännande intrig!");
    CHECK(f.notifications(f.elev, "assignment_returned", a) > 0);
    CHECK(f.call("POST", base + "/hand-in", R"({"text":"En till."})", f.elev).status == 409);
    auto mine = f.call("GET", base, "", f.elev);
    CHECK(mine.body["assignment"]["can_hand_in"] == false);
    // Returning needs a hand-in.
    const Id amira = f.child_of("demo.vh2", "Amira");
    CHECK(f.call("POST", f.group_path(f.class_7a) + "/" + a + "/pupils/" + amira + "/return", "{}", f.staff).status == 409);
    // A pupil not in the group: 404 from the staff side.
    const Id yusuf = f.child_of("demo.vh2", "Yusuf");
    CHECK(f.call("GET", f.group_path(f.class_7a) + "/" + a + "/pupils/" + yusuf, "", f.staff).status == 404);
    auto staff_view = f.call("GET", staff_base, "", f.staff);
    REQUIRE(staff_view.status == 200);
    CHECK(staff_view.body["assignment"]["messages"].size() == 2);
}

TEST_CASE("drafts are the staff's own until published; delete removes everything", "[assignments]") {
    Fixture f;
    json draft = kEssay;
    draft["published"] = false;
    const Id a = f.create(draft);
    CHECK(f.call("GET", f.pupil_path(f.elsa) + "/" + a, "", f.elev).status == 404);
    CHECK(f.call("POST", f.pupil_path(f.elsa) + "/" + a + "/hand-in", R"({"text":"x"})", f.elev).status == 404);
    CHECK(f.notifications(f.elev, "assignment", a) == 0);
    json pub = kEssay;
    pub["title"] = "Skriv en novell (publicerad)";
    auto put = f.call("PUT", f.group_path(f.class_7a) + "/" + a, pub.dump(), f.staff);
    REQUIRE(put.status == 200);
    CHECK(put.body["assignment"]["title"] == "Skriv en novell (publicerad)");
    CHECK(f.notifications(f.elev, "assignment", a) > 0);
    REQUIRE(f.call("POST", f.pupil_path(f.elsa) + "/" + a + "/hand-in", R"({"text":"x"})", f.elev).status == 201);

    CHECK(f.call("DELETE", f.group_path(f.class_7a) + "/" + a, "", f.staff).status == 204);
    CHECK(f.call("GET", f.pupil_path(f.elsa) + "/" + a, "", f.elev).status == 404);
    const auto& s = f.store.unsafe_state().assignments;
    CHECK(s.assignments.count(a) == 0);
    CHECK(s.hand_ins.count({a, f.elsa}) == 0);
}

TEST_CASE("a guardian of an adult pupil without insyn is refused; eTest-style rules do not apply", "[assignments]") {
    Fixture f;
    const auto vh_gy = f.sign_in("demo.vh.gy");
    const Id mans = f.child_of("demo.vh.gy", "Måns");
    const Id tyra = f.child_of("demo.vh.gy", "Tyra");
    auto r = f.call("GET", f.pupil_path(mans), "", vh_gy);
    CHECK(r.status == 403);
    CHECK(r.body["error"]["code"] == "no_insyn");
    CHECK(f.call("GET", f.pupil_path(tyra), "", vh_gy).status == 200);
}

TEST_CASE("the demo has assignments with hand-ins, and assignment events replay", "[assignments]") {
    Fixture f;
    auto list = f.call("GET", f.pupil_path(f.elsa), "", f.elev);
    REQUIRE(list.status == 200);
    CHECK(list.body["assignments"].size() >= 3);
    CHECK_FALSE(f.store.unsafe_state().assignments.hand_ins.empty());

    const json before = f.store.snapshot();
    const Id a = f.create(kEssay);
    const std::string base = f.pupil_path(f.elsa) + "/" + a;
    REQUIRE(f.call("POST", base + "/messages", R"({"text":"Fråga"})", f.elev).status == 201);
    REQUIRE(f.call("POST", base + "/hand-in", json{{"attachment_ids", {f.upload_pdf(f.elev, "a.pdf")}}}.dump(), f.elev).status == 201);
    REQUIRE(f.call("POST", f.group_path(f.class_7a) + "/" + a + "/pupils/" + f.elsa + "/return", R"({"feedback":"Bra"})", f.staff).status == 200);
    const Id b = f.create(kEssay);
    REQUIRE(f.call("DELETE", f.group_path(f.class_7a) + "/" + b, "", f.staff).status == 204);
    check_replay(f, before);
    check_snapshot_round_trip(f);
}

TEST_CASE("the Uppgifter card counts what is left to hand in", "[assignments]") {
    Fixture f;
    auto card = [&] { return f.card("assignments", Box::Uppgifter, "demo.elev", f.elsa); };
    const int before = card()["count"];
    const Id a = f.create(kEssay);
    json c = card();
    CHECK(c["count"] == before + 1);
    CHECK(c["summary"].get<std::string>().find("att lämna in") != std::string::npos);
    REQUIRE(f.call("POST", f.pupil_path(f.elsa) + "/" + a + "/hand-in", R"({"text":"klar"})", f.elev).status == 201);
    CHECK(card()["count"] == before);
}
