#include <catch2/catch.hpp>

#include <set>

#include "core/boxes/calendar.hpp"
#include "core/permissions.hpp"
#include "test_support.hpp"

using namespace skolnav;
using namespace skolnav::test;

namespace {

const std::string kSchoolCalendar = school_route(kEkbyskolan, "calendar");

std::string calendar_path(const Id& pupil) { return pupil_route(pupil, "calendar"); }

// Removes the demo's events, for tests about exactly which events are shown.
void clear_calendar(ApiFixture& f) {
    f.delete_all(ids_of(f.store.unsafe_state().calendar.events), "calendar_event_deleted");
}

json event(const char* type, const char* title, const char* date, std::vector<Id> groups) {
    return {{"type", type}, {"title", title}, {"date", date}, {"group_ids", groups}};
}

// Events of this week (30 November to 6 December), so that readers' lists show them.
const PublishedBox kCalendar{"calendar", "/api/v1/calendar/", "events", "calendar_event",
                             [](const std::vector<Id>& groups) { return event("activity", "Skridskor", "2026-12-04", groups); }};

json card_of(const ApiFixture& f, const std::string& viewer, const Id& pupil) {
    return f.card("calendar", Box::Kalender, viewer, pupil);
}

}  // namespace

TEST_CASE("ISO weeks", "[calendar]") {
    CHECK(iso_week_name(iso_week_of(*Date::parse("2026-11-30"))) == "2026-W49");
    CHECK(iso_week_name(iso_week_of(*Date::parse("2026-12-06"))) == "2026-W49");
    CHECK(iso_week_name(iso_week_of(*Date::parse("2027-01-01"))) == "2026-W53");  // 2026 has 53 weeks
    CHECK(iso_week_name(iso_week_of(*Date::parse("2025-12-29"))) == "2026-W01");
    CHECK(iso_week_name(iso_week_of(*Date::parse("2021-01-03"))) == "2020-W53");
    CHECK(monday_of(*parse_iso_week("2026-W01")).iso() == "2025-12-29");
    CHECK(monday_of(*parse_iso_week("2026-W53")).iso() == "2026-12-28");
    CHECK(monday_of(*parse_iso_week("2024-W01")).iso() == "2024-01-01");
    for (const char* bad : {"2027-W53", "2026-W00", "2026-W54", "2026-49", "2026W49", "2026-w49", "26-W49", "2026-W4x"})
        CHECK_FALSE(parse_iso_week(bad));
}

TEST_CASE("the calendar shows the week containing today by default, in the school's time zone", "[calendar]") {
    SECTION("Monday 30 November") {
        ApiFixture f("2026-11-30T09:00:00Z");
        const Id elsa = f.child_of("demo.vh", "Elsa");
        auto r = f.get(calendar_path(elsa), {}, f.sign_in("demo.vh"));
        REQUIRE(r.status == 200);
        CHECK(r.body["week"] == "2026-W49");
        CHECK(r.body["from"] == "2026-11-30");
        CHECK(r.body["to"] == "2026-12-06");
        CHECK(r.body["previous_week"] == "2026-W48");
        CHECK(r.body["next_week"] == "2026-W50");
        CHECK(r.body["today"] == "2026-11-30");
    }
    SECTION("23:30 UTC on Sunday is already Monday in Stockholm") {
        ApiFixture f("2026-12-06T23:30:00Z");
        const Id elsa = f.child_of("demo.vh", "Elsa");
        auto r = f.get(calendar_path(elsa), {}, f.sign_in("demo.vh"));
        CHECK(r.body["week"] == "2026-W50");
        CHECK(r.body["from"] == "2026-12-07");
    }
    SECTION("a week across the new year") {
        ApiFixture f;
        const Id elsa = f.child_of("demo.vh", "Elsa");
        auto r = f.get(calendar_path(elsa), {{"week", "2026-W53"}}, f.sign_in("demo.vh"));
        CHECK(r.body["from"] == "2026-12-28");
        CHECK(r.body["to"] == "2027-01-03");
        CHECK(r.body["next_week"] == "2027-W01");
    }
}

TEST_CASE("staff add events; readers see them in range, in order", "[calendar]") {
    ApiFixture f;
    clear_calendar(f);
    const Id elsa = f.child_of("demo.vh", "Elsa");
    const Id class_7a = f.group_of(elsa);
    const auto staff = f.sign_in("demo.personal"), admin = f.sign_in("demo.admin");
    json homework = event("homework", "Glosor kapitel 4", "2026-12-02", {class_7a});
    homework["description"] = "Läs och öva.";
    auto r = f.call("POST", kSchoolCalendar, homework.dump(), staff);
    REQUIRE(r.status == 201);
    const Id hw = r.body["event"]["id"];
    CHECK(r.body["event"]["type_label"] == "Läxa");
    CHECK(r.body["event"]["all_day"] == true);
    CHECK(r.body["event"]["end_date"] == "2026-12-02");
    CHECK(r.body["event"]["start_time"].is_null());
    check_reaches_7a(f, kCalendar, hw);

    json lucia = event("activity", "Luciafirande i aulan", "2026-12-02", {});
    lucia["start_time"] = "08:15";
    lucia["end_time"] = "09:00";
    const Id lu = f.call("POST", kSchoolCalendar, lucia.dump(), admin).body["event"]["id"];
    json lov = event("holiday", "Jullov", "2026-12-21", {});
    lov["end_date"] = "2027-01-08";
    const Id jul = f.call("POST", kSchoolCalendar, lov.dump(), admin).body["event"]["id"];
    const Id early = f.call("POST", kSchoolCalendar, event("study_day", "Studiedag", "2026-11-30", {}).dump(), admin)
                         .body["event"]["id"];

    auto week = f.get(calendar_path(elsa), {}, f.sign_in("demo.elev"));
    REQUIRE(week.body["events"].size() == 3);
    CHECK(week.body["events"][0]["id"] == early);
    CHECK(week.body["events"][1]["id"] == hw);  // all-day before timed on the same day
    CHECK(week.body["events"][2]["id"] == lu);
    CHECK(week.body["events"][2]["start_time"] == "08:15");
    CHECK(week.body["events"][2]["end_time"] == "09:00");
    CHECK(week.body["events"][2]["scope"]["whole_school"] == true);

    // A range that only overlaps the holiday's end.
    auto jan = f.get(calendar_path(elsa), {{"from", "2027-01-04"}, {"to", "2027-01-31"}}, f.sign_in("demo.vh"));
    REQUIRE(jan.status == 200);
    REQUIRE(jan.body["events"].size() == 1);
    CHECK(jan.body["events"][0]["id"] == jul);
    CHECK(jan.body["week"].is_null());
    // Yusuf's school has none of these events.
    const Id yusuf = f.id_of("demo.elev.gy");
    CHECK(f.get(calendar_path(yusuf), {}, f.sign_in("demo.elev.gy")).body["events"].empty());
}

TEST_CASE("calendar queries are validated", "[calendar]") {
    ApiFixture f;
    const Id elsa = f.child_of("demo.vh", "Elsa");
    const auto t = f.sign_in("demo.vh");
    struct Case {
        std::map<std::string, std::string> query;
        std::string field;
    };
    const Case cases[] = {
        {{{"from", "2026-12-10"}, {"to", "2026-12-01"}}, "to"},
        {{{"from", "2026-01-01"}, {"to", "2027-02-05"}}, "to"},  // 401 days
        {{{"from", "2026-12-01"}}, "to"},
        {{{"to", "2026-12-01"}}, "from"},
        {{{"from", "1/12/2026"}, {"to", "2026-12-01"}}, "from"},
        {{{"from", "2026-12-01"}, {"to", "2026-02-30"}}, "to"},
        {{{"week", "2026-49"}}, "week"},
        {{{"week", "2027-W53"}}, "week"},
        {{{"week", "2026-W49"}, {"from", "2026-12-01"}}, "week"},
    };
    for (const auto& c : cases) {
        auto r = f.get(calendar_path(elsa), c.query, t);
        INFO(json(c.query).dump());
        CHECK(r.status == 400);
        CHECK(r.body["error"]["field"] == c.field);
    }
    auto year = f.get(calendar_path(elsa), {{"from", "2026-01-01"}, {"to", "2027-02-04"}}, t);  // 400 days
    CHECK(year.status == 200);
    CHECK(year.body["events"].size() == f.store.unsafe_state().calendar.events.size() -
                                             [&] {
                                                 std::size_t n = 0;  // the events that do not reach Elsa
                                                 const Person& p = f.store.unsafe_state().people.at(elsa);
                                                 for (const auto& [id, e] : f.store.unsafe_state().calendar.events)
                                                     n += !reaches_pupil(p, e.school_id, e.group_ids);
                                                 return n;
                                             }());
}

TEST_CASE("bad event input names the field and changes nothing", "[calendar]") {
    ApiFixture f;
    const Id class_7a = f.group_of(f.id_of("demo.elev"));
    const auto staff = f.sign_in("demo.personal");
    const auto with = [&](json changes) {
        json e = event("activity", "Utflykt", "2026-12-03", {class_7a});
        for (const auto& [k, v] : changes.items()) {
            if (v.is_null()) e.erase(k);
            else e[k] = v;
        }
        return e.dump();
    };
    const std::pair<std::string, std::string> cases[] = {
        {"{", ""},
        {with({{"type", nullptr}}), "type"},
        {with({{"type", "party"}}), "type"},
        {with({{"type", 3}}), "type"},
        {with({{"title", nullptr}}), "title"},
        {with({{"title", std::string(201, 'x')}}), "title"},
        {with({{"description", std::string(5001, 'x')}}), "description"},
        {with({{"date", nullptr}}), "date"},
        {with({{"date", "2026-13-01"}}), "date"},
        {with({{"end_date", "2026-12-02"}}), "end_date"},
        {with({{"end_date", "2027-12-04"}}), "end_date"},
        {with({{"start_time", "25:00"}}), "start_time"},
        {with({{"start_time", "8:15"}}), "start_time"},
        {with({{"end_time", "10:00"}}), "end_time"},
        {with({{"start_time", "10:00"}, {"end_time", "09:00"}}), "end_time"},
        {with({{"start_time", "10:00"}, {"end_time", "10:00"}}), "end_time"},
        {with({{"group_ids", "7A"}}), "group_ids"},
        {with({{"place", "Aulan"}}), "place"},
    };
    const json before = f.store.snapshot()["state"];
    for (const auto& [body, field] : cases) {
        INFO(body);
        auto r = f.call("POST", kSchoolCalendar, body, staff);
        CHECK(r.status == 400);
        CHECK(r.body["error"]["field"] == (field.empty() ? json(nullptr) : json(field)));
    }
    CHECK(f.store.snapshot()["state"] == before);
    // Across midnight on a range is fine; every type is accepted.
    CHECK(f.call("POST", kSchoolCalendar,
                 with({{"end_date", "2026-12-04"}, {"start_time", "22:00"}, {"end_time", "06:00"}}), staff)
              .status == 201);
    for (const auto& type : calendar_event_types())
        CHECK(f.call("POST", kSchoolCalendar, with({{"type", type}}), staff).status == 201);
}

TEST_CASE("changing and deleting events: only with the publisher's rights", "[calendar]") {
    ApiFixture f;
    const DemoCast c(f);
    json e = event("homework", "Matte s. 42", "2026-12-01", {c.class_7a});
    e["start_time"] = "08:00";
    const Id id = f.call("POST", kSchoolCalendar, e.dump(), c.staff).body["event"]["id"];
    const Id whole = f.call("POST", kSchoolCalendar, event("study_day", "Studiedag", "2026-12-04", {}).dump(), c.admin)
                         .body["event"]["id"];
    const std::string path = "/api/v1/calendar/" + id;

    // PUT replaces the event; group_ids are kept when absent; times can be dropped.
    auto r = f.call("PUT", path, json{{"type", "homework"}, {"title", "Matte s. 44"}, {"date", "2026-12-03"}}.dump(), c.staff);
    REQUIRE(r.status == 200);
    CHECK(r.body["event"]["title"] == "Matte s. 44");
    CHECK(r.body["event"]["start_time"].is_null());
    CHECK(r.body["event"]["scope"]["groups"][0]["id"] == c.class_7a);
    CHECK(r.body["event"]["changed_at"] == "2026-11-30T10:00:00+01:00");
    CHECK(f.call("PUT", path, json{{"title", "x"}, {"date", "2026-12-03"}}.dump(), c.staff).body["error"]["field"] == "type");
    CHECK(f.call("PUT", path, event("homework", "x", "2026-12-03", {c.class_7b}).dump(), c.staff).status == 403);

    check_only_publishers_change(f, kCalendar, id, event("homework", "x", "2026-12-03", {c.class_7a}));
    CHECK(f.call("DELETE", "/api/v1/calendar/" + whole, "", c.staff).status == 403);
    CHECK(f.call("DELETE", "/api/v1/calendar/cal-999999", "", c.staff).status == 404);
    CHECK(f.store.unsafe_state().calendar.events.at(id).title == "Matte s. 44");

    // The staff list: their groups' and the school's events, with can_change.
    auto list = f.get(kSchoolCalendar, {{"from", "2026-11-30"}, {"to", "2026-12-06"}}, c.teacher_7b);
    REQUIRE(list.status == 200);
    CHECK(find_id(list.body["events"], id).is_null());
    CHECK(find_id(list.body["events"], whole)["can_change"] == false);
    CHECK(f.get(kSchoolCalendar, {{"week", "bad"}}, c.staff).status == 400);
    CHECK(f.get(kSchoolCalendar, {}, c.elev).status == 404);

    CHECK(f.call("DELETE", path, "", c.admin).status == 204);
    CHECK(find_id(f.get(calendar_path(c.elsa), {}, c.vh).body["events"], id).is_null());
}

TEST_CASE("Kalender denials", "[calendar]") {
    ApiFixture f;
    const Id elsa = f.child_of("demo.vh", "Elsa");
    check_reader_denials(f, "calendar");
    // Publishing: the whole school only by the admin, groups only one's own.
    check_who_publishes(f, kCalendar);
    // A school that switched Kalender off.
    f.switch_box_off(kEkbyskolan, Box::Kalender);
    CHECK(f.get(calendar_path(elsa), {}, f.sign_in("demo.vh")).status == 404);
}

TEST_CASE("the Kalender card shows the next event", "[calendar]") {
    ApiFixture f("2026-11-30T09:00:00Z");
    clear_calendar(f);
    const Id elsa = f.child_of("demo.vh", "Elsa");
    const Id class_7a = f.group_of(elsa);
    CHECK(card_of(f, "demo.vh", elsa)["summary"] == "Inga kommande händelser");
    const auto admin = f.sign_in("demo.admin");
    f.call("POST", kSchoolCalendar, event("holiday", "Lovdag", "2026-12-11", {}).dump(), admin);
    CHECK(card_of(f, "demo.vh", elsa)["summary"] == "fre 11 dec: Lovdag");
    json t = event("homework", "Glosor", "2026-12-01", {class_7a});
    t["start_time"] = "08:30";
    f.call("POST", kSchoolCalendar, t.dump(), admin);
    auto c = card_of(f, "demo.vh", elsa);
    CHECK(c["summary"] == "I morgon 08:30: Glosor");
    CHECK(c["count"] == 1);  // within the coming week
    CHECK(c["next"]["type"] == "homework");
    // A holiday that began yesterday and still goes on is today's.
    json lov = event("holiday", "Höstlov", "2026-11-29", {});
    lov["end_date"] = "2026-12-02";
    f.call("POST", kSchoolCalendar, lov.dump(), admin);
    CHECK(card_of(f, "demo.vh", elsa)["summary"] == "Idag: Höstlov");
    // Past events are not next.
    f.clock.set(at("2026-12-12T09:00:00Z"));
    CHECK(card_of(f, "demo.vh", elsa)["summary"] == "Inga kommande händelser");
}

TEST_CASE("the calendar events replay into the same state", "[calendar]") {
    ApiFixture f;
    const json before = f.store.snapshot();
    const Id class_7a = f.group_of(f.id_of("demo.elev"));
    const auto staff = f.sign_in("demo.personal");
    json e = event("national_test", "NP matematik", "2026-12-02", {class_7a});
    e["start_time"] = "08:30";
    e["end_time"] = "10:30";
    const Id a = f.call("POST", kSchoolCalendar, e.dump(), staff).body["event"]["id"];
    const Id b = f.call("POST", kSchoolCalendar, event("activity", "Bio", "2026-12-03", {class_7a}).dump(), staff).body["event"]["id"];
    REQUIRE(f.call("PUT", "/api/v1/calendar/" + a, event("national_test", "NP ma", "2026-12-09", {}).dump(), f.sign_in("demo.admin")).status == 200);
    REQUIRE(f.call("DELETE", "/api/v1/calendar/" + b, "", staff).status == 204);
    const auto again = check_replay(f, before);
    CHECK(again->unsafe_state().calendar.events.at(a).group_ids.empty());
    check_snapshot_round_trip(f);
}

TEST_CASE("demo calendar: every type within six weeks, lovdagar and national tests", "[calendar]") {
    ApiFixture f;
    const State& s = f.store.unsafe_state();
    std::set<std::string> types;
    const Date today = *Date::parse("2026-11-30");
    for (const auto& [id, e] : s.calendar.events) {
        types.insert(e.type);
        CHECK(e.date.days_since_epoch() >= today.days_since_epoch() - 43);
        CHECK(e.date.days_since_epoch() <= today.days_since_epoch() + 43);
        CHECK(e.date <= e.end_date);
    }
    CHECK(types.size() == calendar_event_types().size());
    const Id yusuf = f.id_of("demo.elev.gy");
    auto gy = f.get(calendar_path(yusuf), {{"from", "2026-10-19"}, {"to", "2027-01-10"}}, f.sign_in("demo.elev.gy"));
    bool national = false, holiday = false;
    for (const auto& e : gy.body["events"]) {
        national = national || e["type"] == "national_test";
        holiday = holiday || e["type"] == "holiday";
    }
    CHECK(national);
    CHECK(holiday);
    CHECK(s.calendar.events.size() <= 8 * s.schools.size() + 4 * s.groups.size());
}

TEST_CASE("one event by id, with its week, only for a pupil it reaches", "[calendar]") {
    ApiFixture f;
    clear_calendar(f);
    const Id elsa = f.child_of("demo.vh", "Elsa");
    const Id class_7a = f.group_of(elsa);
    Id other_group;  // another group at Elsa's school
    const State& state = f.store.unsafe_state();
    for (const auto& [id, g] : state.groups)
        if (id != class_7a && g.school_id == state.groups.at(class_7a).school_id) other_group = id;
    REQUIRE(!other_group.empty());
    const auto staff = f.sign_in("demo.admin");
    json trip = event("activity", "Utflykt till skogen", "2027-01-14", {class_7a});
    trip["end_date"] = "2027-01-19";  // into the next week: the week is the first day's
    auto r = f.call("POST", kSchoolCalendar, trip.dump(), staff);
    REQUIRE(r.status == 201);
    const Id id = r.body["event"]["id"];
    auto r2 = f.call("POST", kSchoolCalendar, event("activity", "Annan klass", "2027-01-14", {other_group}).dump(), staff);
    REQUIRE(r2.status == 201);
    const Id not_elsas = r2.body["event"]["id"];

    const auto vh = f.sign_in("demo.vh");
    auto mine = f.get(calendar_path(elsa) + "/" + id, {}, vh);
    REQUIRE(mine.status == 200);
    CHECK(mine.body["event"]["id"] == id);
    CHECK(mine.body["event"]["title"] == "Utflykt till skogen");
    CHECK(mine.body["week"] == "2027-W02");
    CHECK(f.get(calendar_path(elsa) + "/" + id, {}, f.sign_in("demo.elev")).status == 200);

    // Another group's event and an id that never existed: the same 404, nothing about
    // the event.
    auto other = f.get(calendar_path(elsa) + "/" + not_elsas, {}, vh);
    auto never = f.get(calendar_path(elsa) + "/finns-inte", {}, vh);
    CHECK(other.status == 404);
    CHECK(never.status == 404);
    CHECK(other.body == never.body);
    // Another family: not through Elsa, who is not theirs.
    CHECK(f.get(calendar_path(elsa) + "/" + id, {}, f.sign_in("demo.vh2")).status == 404);
}
