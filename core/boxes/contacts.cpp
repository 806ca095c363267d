// Kontaktlista, and the adult pupil's insyn consent.
//   GET /api/v1/pupils/{pupil}/contacts      the class list (preschool: the department):
//                                           pupils, their guardians with the details each
//                                           chose to show, the group's staff with e-mail
//   GET /api/v1/me/contact-visibility        a guardian's own choice and details
//   PUT /api/v1/me/contact-visibility        {"phone": bool, "email": bool, "address": bool}
//   GET /api/v1/me/insyn                     an adult pupil's consent
//   PUT /api/v1/me/insyn                     {"consent": true|false}, adult pupils only
//
// Guardians are listed for pupils under 18, and for adult pupils who gave insyn.
// Insyn is a field of Person (permissions read it); its event is applied here.
#include "core/boxes/contacts.hpp"

#include <algorithm>

#include "core/api_error.hpp"
#include "core/box_module.hpp"
#include "core/json_mapping.hpp"
#include "core/permissions.hpp"
#include "core/pupil_access.hpp"
#include "core/request_body.hpp"

namespace skolnav {

void to_json(json& j, const ContactVisibility& v) { j = {{"phone", v.phone}, {"email", v.email}, {"address", v.address}}; }
void from_json(const json& j, ContactVisibility& v) {
    v.phone = j.at("phone").get<bool>();
    v.email = j.at("email").get<bool>();
    v.address = j.at("address").get<bool>();
}

namespace {

ContactVisibility visibility_of(const State& state, const Id& guardian) {
    auto it = state.contacts.visibility.find(guardian);
    return it == state.contacts.visibility.end() ? ContactVisibility{} : it->second;
}

std::string address_of(const State& state, const Id& guardian) {
    auto it = state.contacts.addresses.find(guardian);
    return it == state.contacts.addresses.end() ? "" : it->second;
}

// Does the class list show this pupil's guardians?
bool shows_guardians(const Person& pupil, const Date& today) { return !is_adult(pupil, today) || pupil.insyn_consent; }

json guardian_entry(const State& state, const Person& g, const Person& viewer) {
    const ContactVisibility v = visibility_of(state, g.id);
    json j = {{"id", g.id}, {"name", g.full_name()}};
    if (v.email && !g.email.empty()) j["email"] = g.email;
    if (v.phone && !g.phone.empty()) j["phone"] = g.phone;
    if (const std::string a = address_of(state, g.id); v.address && !a.empty()) j["address"] = a;
    if (g.id == viewer.id) j["me"] = true;
    return j;
}

std::string staff_title(SchoolForm form, bool mentor, Language language) {
    if (form == SchoolForm::Forskola)
        return mentor ? say(language, "Ansvarig pedagog", "Lead teacher") : say(language, "Pedagog", "Teacher");
    if (form == SchoolForm::Gymnasieskola) return mentor ? "Mentor" : say(language, "Lärare", "Teacher");
    return mentor ? say(language, "Klassföreståndare", "Class teacher") : say(language, "Lärare", "Teacher");
}

Response class_list(Context& ctx) {
    auto txn = ctx.services.store.begin();
    const State& state = txn.state();
    const auto access = pupil_box(state, ctx.params.at("pupil"), *ctx.me, ctx.now, Box::Kontaktlista);
    auto gi = state.groups.find(access.pupil.group_id);
    if (gi == state.groups.end()) throw not_found();
    const Group& group = gi->second;

    std::vector<const Person*> pupils;
    for (const Id& pid : pupils_of_group(state, group.id))
        if (const Person* p = find_person(state, pid)) pupils.push_back(p);
    std::sort(pupils.begin(), pupils.end(), [](const Person* a, const Person* b) {
        return a->last_name != b->last_name ? a->last_name < b->last_name : a->first_name < b->first_name;
    });
    json pupil_list = json::array();
    for (const Person* p : pupils) {
        json guardians = json::array();
        if (shows_guardians(*p, access.today))
            if (auto it = state.guardians_of.find(p->id); it != state.guardians_of.end())
                for (const Id& gid : it->second)
                    if (const Person* g = find_person(state, gid)) guardians.push_back(guardian_entry(state, *g, *ctx.me));
        pupil_list.push_back({{"id", p->id}, {"name", p->full_name()}, {"guardians", std::move(guardians)}});
    }
    json staff = json::array();
    for (const Id& sid : group.staff_ids)
        if (const Person* s = find_person(state, sid)) {
            const bool mentor = sid == group.mentor_id;
            staff.push_back({{"id", s->id},
                             {"name", s->full_name()},
                             {"email", s->email},
                             {"mentor", mentor},
                             {"title", staff_title(access.school.form, mentor, ctx.language())}});
        }
    Response r;
    r.body = {{"pupil", {{"id", access.pupil.id}, {"name", access.pupil.full_name()}}},
              {"group", {{"id", group.id}, {"name", group.name}}},
              {"school", {{"id", access.school.id}, {"name", access.school.name}}},
              {"pupils", std::move(pupil_list)},
              {"staff", std::move(staff)}};
    return r;
}

void require_guardian(const Person& me) {
    if (me.role != Role::Guardian)
        throw ApiError(403, "forbidden",
                       {"Bara vårdnadshavare väljer vilka kontaktuppgifter som visas i kontaktlistan.",
                        "Only guardians choose which contact details the contact list shows."});
}

json visibility_reply(const State& state, const Person& me) {
    return {{"visibility", visibility_of(state, me.id)},
            {"details", {{"email", me.email}, {"phone", me.phone}, {"address", address_of(state, me.id)}}}};
}

Response get_visibility(Context& ctx) {
    require_guardian(*ctx.me);
    auto txn = ctx.services.store.begin();
    Response r;
    r.body = visibility_reply(txn.state(), *ctx.me);
    return r;
}

Response set_visibility(Context& ctx) {
    RequestBody body(ctx.request.body, {"phone", "email", "address"});
    const auto phone = body.optional_bool("phone"), email = body.optional_bool("email"),
               address = body.optional_bool("address");
    require_guardian(*ctx.me);
    if (!phone && !email && !address)
        throw bad_request("", "Ange phone, email eller address (true eller false).",
                          "Give phone, email or address (true or false).");
    std::uint64_t seq;
    json reply;
    {
        auto txn = ctx.services.store.begin();
        ContactVisibility v = visibility_of(txn.state(), ctx.me->id);
        if (phone) v.phone = *phone;
        if (email) v.email = *email;
        if (address) v.address = *address;
        seq = txn.commit({{"type", "contact_visibility_set"}, {"guardian_id", ctx.me->id}, {"visibility", v}});
        reply = visibility_reply(txn.state(), *ctx.me);
    }
    ctx.services.store.make_durable(seq);
    Response r;
    r.body = std::move(reply);
    return r;
}

// The adult pupil themself; everyone else 403 with a message.
const School& adult_pupil_school(const State& state, const Person& me, UnixSeconds now) {
    const School* school = me.role == Role::Pupil ? school_of(state, me) : nullptr;
    if (!school || !is_adult(me, today_at(*school, now)))
        throw ApiError(403, "forbidden",
                       {"Bara myndiga elever bestämmer om vårdnadshavare får insyn.",
                        "Only pupils aged 18 or over decide whether guardians get access."});
    return *school;
}

Response get_insyn(Context& ctx) {
    auto txn = ctx.services.store.begin();
    adult_pupil_school(txn.state(), *ctx.me, ctx.now);
    Response r;
    r.body = {{"consent", ctx.me->insyn_consent}};
    return r;
}

Response set_insyn(Context& ctx) {
    RequestBody body(ctx.request.body, {"consent"});
    const auto consent = body.optional_bool("consent");
    if (!consent)
        throw bad_request("consent", "Fältet consent saknas (true eller false).", "The field consent is missing (true or false).");
    std::uint64_t seq;
    {
        auto txn = ctx.services.store.begin();
        adult_pupil_school(txn.state(), *ctx.me, ctx.now);
        seq = txn.commit({{"type", "insyn_consent_set"}, {"pupil_id", ctx.me->id}, {"consent", *consent}, {"at", ctx.now}});
    }
    ctx.services.store.make_durable(seq);
    Response r;
    r.body = {{"consent", *consent}};
    return r;
}

bool apply(State& state, const std::string& type, const json& event) {
    if (type == "contact_visibility_set") {
        state.contacts.visibility[event.at("guardian_id").get<std::string>()] = event.at("visibility").get<ContactVisibility>();
    } else if (type == "insyn_consent_set") {
        auto it = state.people.find(event.at("pupil_id").get<std::string>());
        if (it == state.people.end()) throw std::runtime_error("insyn event for an unknown person");
        it->second.insyn_consent = event.at("consent").get<bool>();
    } else {
        return false;
    }
    return true;
}

void save(const State& state, json& out) {
    json vis = json::object(), addresses = json::object();
    for (const auto& [id, v] : state.contacts.visibility) vis[id] = v;
    for (const auto& [id, a] : state.contacts.addresses) addresses[id] = a;
    out["contact_visibility"] = std::move(vis);
    out["contact_addresses"] = std::move(addresses);
}

void load(const json& in, State& state) {
    state.contacts = ContactState{};
    const json contact_visibility_json = in.value("contact_visibility", json::object());
    for (const auto& [id, v] : contact_visibility_json.items())
        state.contacts.visibility[id] = v.get<ContactVisibility>();
    const json contact_addresses_json = in.value("contact_addresses", json::object());
    for (const auto& [id, a] : contact_addresses_json.items())
        state.contacts.addresses[id] = a.get<std::string>();
}

const char* const kStreets[] = {"Storgatan", "Skolvägen", "Björkvägen", "Ekbacken", "Kyrkogatan", "Parkvägen",
                                "Tallstigen", "Ängsvägen", "Lärkgatan", "Sjövägen", "Granvägen", "Mejerigatan"};

void make_demo(DemoContext& ctx) {
    State& state = ctx.state;
    // A family shares an address: each child's guardians get one, unless they have one.
    for (const auto& [pid, guardians] : state.guardians_of) {
        std::string address;
        for (const Id& gid : guardians) {
            auto& a = state.contacts.addresses[gid];
            if (!a.empty()) continue;
            if (address.empty())
                address = std::string(ctx.rng.pick(kStreets)) + " " + std::to_string(1 + ctx.rng.below(60)) + ", " +
                          std::to_string(18230 + ctx.rng.below(60) * 10).insert(3, " ") + " Ekby";
            a = address;
        }
    }
    for (const auto& [id, p] : state.people) {
        if (p.role != Role::Guardian) continue;
        ContactVisibility v;
        if (p.username == "demo.vh") {
            v.phone = true;
        } else if (p.username.rfind("demo.", 0) == 0) {
            continue;  // the other demo guardians keep the default
        } else {
            const int r = ctx.rng.below(100);
            if (r < 30) continue;  // the default: e-mail only
            v.phone = r < 75;
            v.address = r >= 60 && r < 85;
            v.email = r < 95;
        }
        state.contacts.visibility[id] = v;
    }
}

json card(const CardContext& ctx, Box) {
    auto gi = ctx.state.groups.find(ctx.pupil.group_id);
    if (gi == ctx.state.groups.end()) return json::object();
    const int n = static_cast<int>(pupils_of_group(ctx.state, gi->second.id).size());
    const std::string noun = ctx.school.form == SchoolForm::Forskola
                                 ? ctx.say(" barn på ", n == 1 ? " child in " : " children in ")
                                 : ctx.say(n == 1 ? " elev i " : " elever i ", n == 1 ? " pupil in " : " pupils in ");
    return {{"count", n}, {"summary", std::to_string(n) + noun + gi->second.name}};
}

}  // namespace

extern const BoxModule contacts_module{
    "contacts",
    {Box::Kontaktlista},
    {
        {"GET", "/api/v1/pupils/{pupil}/contacts", true, class_list, Access::PupilData},
        {"GET", "/api/v1/me/contact-visibility", true, get_visibility, Access::SignedIn},
        {"PUT", "/api/v1/me/contact-visibility", true, set_visibility, Access::SignedIn},
        {"GET", "/api/v1/me/insyn", true, get_insyn, Access::SignedIn},
        {"PUT", "/api/v1/me/insyn", true, set_insyn, Access::SignedIn},
    },
    apply,
    save,
    load,
    make_demo,
    card,
};

}  // namespace skolnav
