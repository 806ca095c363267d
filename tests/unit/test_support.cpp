#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <stdexcept>

#include "core/json_mapping.hpp"
#include "core/permissions.hpp"
#include "reply_samples.hpp"

namespace skolnav::test {

UnixSeconds at(const char* s) {
    const std::string iso(s);
    auto d = Date::parse(iso.substr(0, 10));
    if (!d || iso.size() != 20 || iso[10] != 'T' || iso[19] != 'Z') throw std::invalid_argument(iso);
    return d->days_since_epoch() * 86400 + std::stoi(iso.substr(11, 2)) * 3600 + std::stoi(iso.substr(14, 2)) * 60 +
           std::stoi(iso.substr(17, 2));
}

std::string pupil_route(const Id& pupil, const std::string& rest) { return "/api/v1/pupils/" + pupil + "/" + rest; }
std::string group_route(const Id& group, const std::string& rest) { return "/api/v1/groups/" + group + "/" + rest; }
std::string school_route(const Id& school, const std::string& rest) { return "/api/v1/schools/" + school + "/" + rest; }

json find_id(const json& list, const Id& id) {
    for (const auto& e : list)
        if (e["id"] == id) return e;
    return nullptr;
}

const BoxModule* box_module(const std::string& name) {
    for (const BoxModule* m : box_modules())
        if (m->name == name) return m;
    return nullptr;
}

ApiFixture::ApiFixture(const char* now_utc) : clock(at(now_utc)) {
    // Box tests move the clock weeks ahead with one sign-in: only the 30-day limit applies
    // to them. sessions_test.cpp sets the idle time it tests.
    services.session_idle_seconds = kSessionLifetime;
    DemoOptions options;
    options.pupils_per_school = 20;
    const Date today = TimeZone::named("Europe/Stockholm")->local_date(clock.now());
    store.load_snapshot(make_demo_municipality(options, today, crypto));
}

Response ApiFixture::call(const std::string& method, const std::string& path, const std::string& body,
                          const std::string& token) {
    Request r;
    r.method = method;
    r.path = path;
    // "?a=1&b=2" becomes the query map, as the HTTP adapter does (no %-decoding needed here).
    if (auto q = path.find('?'); q != std::string::npos) {
        r.path = path.substr(0, q);
        std::string rest = path.substr(q + 1);
        while (!rest.empty()) {
            const auto amp = rest.find('&');
            const std::string pair = rest.substr(0, amp);
            const auto eq = pair.find('=');
            r.query.emplace(pair.substr(0, eq), eq == std::string::npos ? "" : pair.substr(eq + 1));
            rest = amp == std::string::npos ? "" : rest.substr(amp + 1);
        }
    }
    r.body = body;
    r.session_token = token;
    r.language = language;
    return answer(r);
}

Response ApiFixture::get(const std::string& path, const std::map<std::string, std::string>& query,
                         const std::string& token) {
    Request r;
    r.method = "GET";
    r.path = path;
    r.query = query;
    r.session_token = token;
    r.language = language;
    return answer(r);
}

Response ApiFixture::upload(const std::string& token, const std::string& filename, const std::string& bytes,
                            const std::string& content_type, bool with_filename) {
    Request r;
    r.method = "POST";
    r.path = "/api/v1/attachments";
    if (with_filename) r.query["filename"] = filename;
    r.body = bytes;
    r.content_type = content_type;
    r.session_token = token;
    r.language = language;
    return answer(r);
}

Response ApiFixture::answer(const Request& request) {
    Response r = handle(request, services);
    keep_reply_sample(request, r);
    return r;
}

std::string ApiFixture::sign_in(const std::string& username) {
    auto r = call("POST", "/api/v1/session", json{{"username", username}, {"password", "demo"}}.dump());
    if (r.status != 200 || !r.set_session_token) throw std::runtime_error("sign-in failed for " + username);
    return *r.set_session_token;
}

Id ApiFixture::id_of(const std::string& username) const {
    return store.unsafe_state().username_index.at(username);
}

Id ApiFixture::child_of(const std::string& guardian, const std::string& first_name) const {
    const State& s = store.unsafe_state();
    for (const Id& id : s.people.at(id_of(guardian)).children)
        if (s.people.at(id).first_name == first_name) return id;
    throw std::runtime_error(guardian + " has no child named " + first_name);
}

Id ApiFixture::group_of(const Id& pupil) const { return store.unsafe_state().people.at(pupil).group_id; }

Id ApiFixture::group_named(const std::string& name) const {
    for (const auto& [id, g] : store.unsafe_state().groups)
        if (g.name == name) return id;
    throw std::runtime_error("no group " + name);
}

Id ApiFixture::group_named(const Id& school, const std::string& name) const {
    for (const auto& [id, g] : store.unsafe_state().groups)
        if (g.school_id == school && g.name == name) return id;
    throw std::runtime_error("no group " + name + " at " + school);
}

std::string ApiFixture::teacher_of(const Id& group) const {
    const State& s = store.unsafe_state();
    for (const Id& id : s.groups.at(group).staff_ids)
        if (s.people.at(id).username != "demo.personal") return s.people.at(id).username;
    throw std::runtime_error("no teacher for " + group);
}

int ApiFixture::stored_notifications(const Id& recipient, const std::string& kind, const Id& item) const {
    const auto& all = store.unsafe_state().notifications.by_recipient;
    auto it = all.find(recipient);
    if (it == all.end()) return 0;
    int n = 0;
    for (const auto& note : it->second) n += note.kind == kind && (item.empty() || note.item_id == item);
    return n;
}

int ApiFixture::notifications(const std::string& token, const std::string& kind, const Id& item) {
    Response r = call("GET", "/api/v1/notifications", "", token);  // kept alive while its list is read
    int n = 0;
    for (const auto& note : r.body["notifications"]) n += note["kind"] == kind && (item.empty() || note["item_id"] == item);
    return n;
}

json ApiFixture::card(const std::string& module, Box box, const std::string& viewer, const Id& pupil) const {
    return card(module, box, viewer, pupil, clock.now());
}

json ApiFixture::card(const std::string& module, Box box, const std::string& viewer, const Id& pupil,
                      UnixSeconds now) const {
    const BoxModule* m = box_module(module);
    INFO("box module " << module);
    REQUIRE(m != nullptr);
    const State& s = store.unsafe_state();
    const Person& p = s.people.at(pupil);
    const School& school = s.schools.at(p.school_id);
    return m->card(CardContext{s, s.people.at(id_of(viewer)), p, school, today_at(school, now), now, language}, box);
}

json ApiFixture::start_card(const Id& pupil, const std::string& token, const std::string& box) {
    auto r = call("GET", pupil_route(pupil, "start"), "", token);
    REQUIRE(r.status == 200);
    for (const auto& b : r.body["boxes"])
        if (b["box"] == box) return b["card"];
    return nullptr;
}

void ApiFixture::switch_box_off(const Id& school, Box box) {
    json names = json::array();
    for (Box b : store.unsafe_state().schools.at(school).enabled_boxes)
        if (b != box) names.push_back(to_string(b));
    store.begin().commit({{"type", "school_boxes_set"}, {"school_id", school}, {"boxes", names}});
}

void ApiFixture::delete_all(const std::vector<Id>& ids, const std::string& event_type) {
    auto txn = store.begin();
    for (const Id& id : ids) txn.commit({{"type", event_type}, {"id", id}});
}

DemoCast::DemoCast(ApiFixture& f)
    : elsa(f.child_of("demo.vh", "Elsa")),
      amira(f.child_of("demo.vh2", "Amira")),
      class_7a(f.group_of(elsa)),
      class_7b(f.group_named(kEkbyskolan, "7B")),
      staff(f.sign_in("demo.personal")),
      admin(f.sign_in("demo.admin")),
      teacher_7b(f.sign_in(f.teacher_of(class_7b))),
      elev(f.sign_in("demo.elev")),
      vh(f.sign_in("demo.vh")),
      vh2(f.sign_in("demo.vh2")) {}

std::unique_ptr<Store> check_replay(const ApiFixture& f, const json& before) {
    auto again = std::make_unique<Store>();
    again->load_snapshot(before);
    std::uint64_t seq = 0;
    for (const auto& record : f.journal.records) again->replay(++seq, json::parse(record));
    CHECK(again->snapshot()["state"] == f.store.snapshot()["state"]);
    return again;
}

std::unique_ptr<Store> check_snapshot_round_trip(const ApiFixture& f) {
    auto copy = std::make_unique<Store>();
    copy->load_snapshot(json::parse(f.store.snapshot().dump()));
    CHECK(copy->snapshot() == f.store.snapshot());
    return copy;
}

void check_reader_denials(ApiFixture& f, const std::string& box) {
    const Id elsa = f.child_of("demo.vh", "Elsa"), amira = f.child_of("demo.vh2", "Amira");
    const Id mans = f.id_of("demo.elev18.privat");
    INFO("the reader's route of " << box);
    CHECK(f.call("GET", pupil_route(elsa, box)).status == 401);
    const auto vh = f.sign_in("demo.vh");
    const auto stranger = f.call("GET", pupil_route(amira, box), "", vh);
    const auto nobody = f.call("GET", pupil_route("per-999999", box), "", vh);
    CHECK(stranger.status == 404);
    CHECK(nobody.status == 404);
    CHECK(stranger.body == nobody.body);
    CHECK(f.call("GET", pupil_route(amira, box), "", f.sign_in("demo.elev")).status == 404);
    const auto no_insyn = f.call("GET", pupil_route(mans, box), "", f.sign_in("demo.vh.gy"));
    CHECK(no_insyn.status == 403);
    CHECK(no_insyn.body["error"]["code"] == "no_insyn");
    CHECK(f.call("GET", pupil_route(elsa, box), "", f.sign_in("demo.personal")).status == 404);
}

void check_who_publishes(ApiFixture& f, const PublishedBox& box) {
    const Id class_7a = f.group_of(f.id_of("demo.elev")), class_7b = f.group_named(kEkbyskolan, "7B");
    const Id gy_group = f.group_of(f.id_of("demo.elev.gy"));
    const auto staff = f.sign_in("demo.personal"), vh = f.sign_in("demo.vh"), elev = f.sign_in("demo.elev");
    const json before = f.store.snapshot()["state"];
    INFO("publishing to " << box.name);
    auto whole = f.call("POST", box.school_path(), box.body({}).dump(), staff);
    CHECK(whole.status == 403);
    CHECK(whole.body["error"]["field"] == "group_ids");
    CHECK(f.call("POST", box.school_path(), box.body({class_7b}).dump(), staff).status == 403);
    CHECK(f.call("POST", box.school_path(), box.body({class_7a, class_7b}).dump(), staff).status == 403);
    // Another school's route: 404 as if it did not exist.
    CHECK(f.call("POST", school_route("sch-3", box.name), box.body({gy_group}).dump(), staff).status == 404);
    CHECK(f.call("POST", school_route("sch-1", box.name), box.body({class_7a}).dump(), staff).status == 404);
    // Guardians and pupils publish nothing.
    for (const auto& token : {vh, elev}) CHECK(f.call("POST", box.school_path(), box.body({class_7a}).dump(), token).status == 404);
    CHECK(f.call("POST", box.school_path(), box.body({class_7a}).dump()).status == 401);
    CHECK(f.store.snapshot()["state"] == before);

    const auto admin = f.sign_in("demo.admin");
    CHECK(f.call("POST", box.school_path(), box.body({}).dump(), admin).status == 201);
    CHECK(f.call("POST", box.school_path(), box.body({class_7b}).dump(), admin).status == 201);
    CHECK(f.call("POST", box.school_path(), box.body({class_7b}).dump(), f.sign_in(f.teacher_of(class_7b))).status == 201);
}

void check_reaches_7a(ApiFixture& f, const PublishedBox& box, const Id& item) {
    const Id elsa = f.child_of("demo.vh", "Elsa"), amira = f.child_of("demo.vh2", "Amira");
    const Id yusuf = f.id_of("demo.elev.gy");
    INFO(box.name << " " << item);
    for (const auto& [who, pupil] : std::vector<std::pair<std::string, Id>>{{"demo.elev", elsa}, {"demo.vh", elsa}, {"demo.vh2", amira}}) {
        INFO(who);
        CHECK(f.stored_notifications(f.id_of(who), box.kind, item) == 1);
        auto list = f.call("GET", pupil_route(pupil, box.name), "", f.sign_in(who));
        CHECK(list.status == 200);
        CHECK_FALSE(find_id(list.body[box.list_key], item).is_null());
    }
    CHECK(f.stored_notifications(f.id_of("demo.personal"), box.kind, item) == 0);  // not to the publisher
    // A pupil of another school does not get it.
    CHECK(f.stored_notifications(yusuf, box.kind, item) == 0);
    auto other = f.call("GET", pupil_route(yusuf, box.name), "", f.sign_in("demo.elev.gy"));
    CHECK(other.status == 200);
    CHECK(find_id(other.body[box.list_key], item).is_null());
}

void check_only_publishers_change(ApiFixture& f, const PublishedBox& box, const Id& item, const json& change) {
    const Id class_7b = f.group_named(kEkbyskolan, "7B");
    const auto teacher_7b = f.sign_in(f.teacher_of(class_7b));
    const auto gy_teacher = f.sign_in(f.teacher_of(f.group_of(f.id_of("demo.elev.gy"))));
    const auto vh = f.sign_in("demo.vh"), elev = f.sign_in("demo.elev");
    const std::string path = box.item_route + item;
    const json before = f.store.snapshot()["state"];
    INFO(path);
    for (const auto& token : {teacher_7b, gy_teacher, vh, elev}) {
        CHECK(f.call("PUT", path, change.dump(), token).status == 404);
        CHECK(f.call("DELETE", path, "", token).status == 404);
    }
    CHECK(f.store.snapshot()["state"] == before);
    auto other_list = f.call("GET", box.school_path(), "", teacher_7b);
    REQUIRE(other_list.status == 200);
    CHECK(find_id(other_list.body[box.list_key], item).is_null());
    CHECK(f.call("GET", box.school_path(), "", vh).status == 404);
    auto own_list = f.call("GET", box.school_path(), "", f.sign_in("demo.personal"));
    REQUIRE(own_list.status == 200);
    CHECK(find_id(own_list.body[box.list_key], item)["can_change"] == true);
}

}  // namespace skolnav::test
