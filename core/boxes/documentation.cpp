// Dokumentation: Portfolio, IUP, Åtgärdsprogram and Anteckningar per pupil, written by
// the staff of the pupil's group, each kind only where the school uses it.
//   GET    /api/v1/pupils/{pupil}/documentation          readers: published items by kind
//   GET    /api/v1/pupils/{pupil}/documentation/{item}   readers: one item
//   POST   /api/v1/pupils/{pupil}/documentation          staff of the pupil: new item
//   PUT    /api/v1/pupils/{pupil}/documentation/{item}   staff of the pupil: change
//   DELETE /api/v1/pupils/{pupil}/documentation/{item}   staff of the pupil: delete
//   GET    /api/v1/groups/{group}/documentation          staff of the group: every item, drafts too
//   GET    /api/v1/schools/{school}/documentation-kinds  staff at the school: offered and enabled kinds
//   PUT    /api/v1/schools/{school}/documentation-kinds  the school's admin: {"kinds": [...]}
#include "core/boxes/documentation.hpp"

#include <algorithm>

#include "core/api_error.hpp"
#include "core/box_module.hpp"
#include "core/boxes/attachments.hpp"
#include "core/json_mapping.hpp"
#include "core/notifications.hpp"
#include "core/permissions.hpp"
#include "core/publishing.hpp"
#include "core/pupil_access.hpp"
#include "core/request_body.hpp"

namespace skolnav {

void to_json(json& j, const DocumentationItem& d) {
    j = {{"id", d.id},
         {"pupil_id", d.pupil_id},
         {"kind", d.kind},
         {"title", d.title},
         {"body", d.body},
         {"attachment_ids", d.attachment_ids},
         {"date", d.date.iso()},
         {"published", d.published},
         {"created_by", d.created_by},
         {"created_at", d.created_at},
         {"changed_at", d.changed_at}};
}
void from_json(const json& j, DocumentationItem& d) {
    d.id = j.at("id").get<std::string>();
    d.pupil_id = j.at("pupil_id").get<std::string>();
    d.kind = j.at("kind").get<std::string>();
    d.title = j.at("title").get<std::string>();
    d.body = j.at("body").get<std::string>();
    d.attachment_ids = j.at("attachment_ids").get<std::vector<Id>>();
    d.date = j.at("date").get<Date>();
    d.published = j.at("published").get<bool>();
    d.created_by = j.at("created_by").get<std::string>();
    d.created_at = j.at("created_at").get<UnixSeconds>();
    d.changed_at = j.at("changed_at").get<UnixSeconds>();
}

namespace {
const char* const kAllKinds[] = {"portfolio", "iup", "atgardsprogram", "anteckningar"};
}

std::vector<std::string> offered_documentation_kinds(SchoolForm form) {
    if (form == SchoolForm::Grundskola) return {"portfolio", "iup", "atgardsprogram", "anteckningar"};
    return {"portfolio", "anteckningar"};
}

std::vector<std::string> enabled_documentation_kinds(const State& state, const School& school) {
    auto it = state.documentation.kinds_by_school.find(school.id);
    return it == state.documentation.kinds_by_school.end() ? offered_documentation_kinds(school.form) : it->second;
}

std::string documentation_kind_name(const std::string& kind, Language language) {
    if (kind == "portfolio") return "Portfolio";
    if (kind == "iup") return say(language, "IUP", "Development plan (IUP)");
    if (kind == "atgardsprogram") return say(language, "Åtgärdsprogram", "Action programme");
    if (kind == "anteckningar") return say(language, "Anteckningar", "Notes");
    return kind;
}

namespace {

bool contains(const std::vector<std::string>& list, const std::string& s) {
    return std::find(list.begin(), list.end(), s) != list.end();
}

bool school_uses_box(const School& school) {
    return std::find(school.enabled_boxes.begin(), school.enabled_boxes.end(), Box::Dokumentation) !=
           school.enabled_boxes.end();
}

// Readers see published items of the kinds the school uses.
bool readable(const State& state, const DocumentationItem& d, const School& school) {
    return d.published && contains(enabled_documentation_kinds(state, school), d.kind);
}

json item_json(const State& state, const DocumentationItem& d, const School& school, bool staff, Language language) {
    json j = {{"id", d.id},
              {"kind", d.kind},
              {"kind_name", documentation_kind_name(d.kind, language)},
              {"title", d.title},
              {"body", d.body},
              {"date", d.date.iso()},
              {"attachments", attachments_json(state, d.attachment_ids)},
              {"created_by", person_ref(state, d.created_by)},
              {"created_at", school_time(school, d.created_at)},
              {"changed_at", d.changed_at ? json(school_time(school, d.changed_at)) : json(nullptr)}};
    if (staff) j["published"] = d.published;
    return j;
}

// The pupil's items, newest date first.
std::vector<const DocumentationItem*> items_of(const State& state, const Id& pupil_id) {
    std::vector<const DocumentationItem*> out;
    auto it = state.documentation.by_pupil.find(pupil_id);
    if (it != state.documentation.by_pupil.end())
        for (const Id& id : it->second) out.push_back(&state.documentation.items.at(id));
    std::sort(out.begin(), out.end(), [](auto* a, auto* b) {
        return a->date != b->date ? b->date < a->date : a->created_at != b->created_at ? a->created_at > b->created_at : a->id > b->id;
    });
    return out;
}

Response reply(int status, json body) {
    Response r;
    r.status = status;
    r.body = std::move(body);
    return r;
}

// --- readers -------------------------------------------------------------------------

Response list_documentation(Context& ctx) {
    auto txn = ctx.services.store.begin();
    const State& state = txn.state();
    const auto access = pupil_box(state, ctx.params.at("pupil"), *ctx.me, ctx.now, Box::Dokumentation);
    const auto items = items_of(state, access.pupil.id);
    json kinds = json::array();
    for (const std::string& kind : enabled_documentation_kinds(state, access.school)) {
        json list = json::array();
        for (const DocumentationItem* d : items)
            if (d->kind == kind && d->published) list.push_back(item_json(state, *d, access.school, false, ctx.language()));
        kinds.push_back({{"kind", kind}, {"name", documentation_kind_name(kind, ctx.language())}, {"items", std::move(list)}});
    }
    return reply(200, {{"pupil", {{"id", access.pupil.id}, {"name", access.pupil.full_name()}}}, {"kinds", kinds}});
}

Response get_documentation_item(Context& ctx) {
    auto txn = ctx.services.store.begin();
    const State& state = txn.state();
    const auto access = pupil_box(state, ctx.params.at("pupil"), *ctx.me, ctx.now, Box::Dokumentation);
    auto it = state.documentation.items.find(ctx.params.at("item"));
    if (it == state.documentation.items.end() || it->second.pupil_id != access.pupil.id ||
        !readable(state, it->second, access.school))
        throw not_found();
    return reply(200, {{"item", item_json(state, it->second, access.school, false, ctx.language())}});
}

// --- staff ---------------------------------------------------------------------------

struct ItemInput {
    std::string kind, title, body;
    std::optional<Date> date;
    std::vector<Id> attachment_ids;
    bool published;
};

ItemInput read_item(const std::string& text) {
    RequestBody body(text, {"kind", "title", "body", "date", "attachment_ids", "published"});
    ItemInput in;
    in.kind = body.required_string("kind", 40);
    if (!std::any_of(std::begin(kAllKinds), std::end(kAllKinds), [&](const char* k) { return in.kind == k; }))
        throw bad_request("kind", "Okänd sorts dokumentation: " + in.kind + " (portfolio, iup, atgardsprogram eller anteckningar).",
                          "Unknown kind of documentation: " + in.kind + " (portfolio, iup, atgardsprogram or anteckningar).");
    in.title = body.required_string("title", kDocumentTitleMaxChars);
    in.body = body.optional_string("body", kDocumentBodyMaxChars);
    in.date = body.optional_date("date");
    in.attachment_ids = body.string_list("attachment_ids", kMaxAttachmentsPerItem, 64);
    in.published = body.optional_bool("published").value_or(true);
    return in;
}

void check_kind(const State& state, const School& school, const std::string& kind) {
    if (!school_uses_box(school))
        throw ApiError(403, "forbidden",
                       {school.name + " använder inte Dokumentation i Skolnav.",
                        school.name + " does not use Documentation in Skolnav."});
    if (!contains(enabled_documentation_kinds(state, school), kind))
        throw bad_request("kind", school.name + " använder inte " + documentation_kind_name(kind, Language::sv) + ".",
                          school.name + " does not use " + documentation_kind_name(kind, Language::en) + ".");
}

Response save_item(Context& ctx, bool create) {
    const ItemInput in = read_item(ctx.request.body);
    json result;
    std::uint64_t seq;
    {
        auto txn = ctx.services.store.begin();
        const State& state = txn.state();
        const auto access = pupil_for_staff(state, ctx.params.at("pupil"), *ctx.me, ctx.now);
        DocumentationItem d;
        bool was_published = false;
        if (create) {
            d.pupil_id = access.pupil.id;
            d.created_by = ctx.me->id;
            d.created_at = ctx.now;
        } else {
            auto it = state.documentation.items.find(ctx.params.at("item"));
            if (it == state.documentation.items.end() || it->second.pupil_id != access.pupil.id) throw not_found();
            d = it->second;
            was_published = d.published;
            d.changed_at = ctx.now;
        }
        check_kind(state, access.school, in.kind);
        const Date date = in.date.value_or(create ? access.today : d.date);
        if (access.today < date) throw bad_request("date", "Datumet kan inte ligga i framtiden.", "The date cannot be in the future.");
        check_attachments(state, *ctx.me, in.attachment_ids, "attachment_ids", "documentation", d.id);
        if (create) d.id = txn.new_id("doc");
        d.kind = in.kind;
        d.title = in.title;
        d.body = in.body;
        d.date = date;
        d.attachment_ids = in.attachment_ids;
        d.published = in.published;
        seq = txn.commit({{"type", "documentation_saved"}, {"item", d}});
        if (d.published && !was_published)
            seq = std::max(seq, notify_pupils(txn, {access.pupil.id},
                                              {Box::Dokumentation, d.kind == "portfolio" ? "portfolio" : "document", d.id,
                                               {documentation_kind_name(d.kind, Language::sv) + ": " + d.title,
                                                documentation_kind_name(d.kind, Language::en) + ": " + d.title}},
                                              ctx.now));
        result = item_json(state, d, access.school, true, ctx.language());
    }
    ctx.services.store.make_durable(seq);
    return reply(create ? 201 : 200, {{"item", result}});
}

Response create_item(Context& ctx) { return save_item(ctx, true); }
Response update_item(Context& ctx) { return save_item(ctx, false); }

Response delete_item(Context& ctx) {
    std::uint64_t seq;
    {
        auto txn = ctx.services.store.begin();
        const State& state = txn.state();
        const auto access = pupil_for_staff(state, ctx.params.at("pupil"), *ctx.me, ctx.now);
        auto it = state.documentation.items.find(ctx.params.at("item"));
        if (it == state.documentation.items.end() || it->second.pupil_id != access.pupil.id) throw not_found();
        seq = txn.commit({{"type", "documentation_deleted"}, {"id", it->first}});
    }
    ctx.services.store.make_durable(seq);
    return reply(204, nullptr);
}

Response list_group_documentation(Context& ctx) {
    auto txn = ctx.services.store.begin();
    const State& state = txn.state();
    auto g = state.groups.find(ctx.params.at("group"));
    if (g == state.groups.end() ||
        (!is_staff_of_group(state, *ctx.me, g->first) && !is_admin_of_school(*ctx.me, g->second.school_id)))
        throw not_found();
    const School& school = state.schools.at(g->second.school_id);
    json pupils = json::array();
    for (const Id& pid : pupils_of_group(state, g->first)) {
        json items = json::array();
        for (const DocumentationItem* d : items_of(state, pid)) items.push_back(item_json(state, *d, school, true, ctx.language()));
        pupils.push_back({{"pupil", {{"id", pid}, {"name", state.people.at(pid).full_name()}}}, {"items", items}});
    }
    json kinds = json::array();
    for (const auto& k : enabled_documentation_kinds(state, school))
        kinds.push_back({{"kind", k}, {"name", documentation_kind_name(k, ctx.language())}});
    return reply(200, {{"group", {{"id", g->first}, {"name", g->second.name}}},
                       {"uses_documentation", school_uses_box(school)},
                       {"kinds", kinds},
                       {"pupils", pupils}});
}

json kinds_reply(const State& state, const School& school, Language language) {
    json offered = json::array(), enabled = json::array();
    for (const auto& k : offered_documentation_kinds(school.form))
        offered.push_back({{"kind", k}, {"name", documentation_kind_name(k, language)}});
    for (const auto& k : enabled_documentation_kinds(state, school)) enabled.push_back(k);
    return {{"school", {{"id", school.id}, {"name", school.name}}}, {"offered", offered}, {"kinds", enabled}};
}

Response get_kinds(Context& ctx) {
    auto txn = ctx.services.store.begin();
    const State& state = txn.state();
    auto s = state.schools.find(ctx.params.at("school"));
    if (s == state.schools.end() || !is_staff_at_school(*ctx.me, s->first)) throw not_found();
    return reply(200, kinds_reply(state, s->second, ctx.language()));
}

Response set_kinds(Context& ctx) {
    RequestBody body(ctx.request.body, {"kinds"});
    if (!body.has("kinds")) throw missing("kinds");
    const auto names = body.string_list("kinds", 10, 40);
    json result;
    std::uint64_t seq;
    {
        auto txn = ctx.services.store.begin();
        const State& state = txn.state();
        auto s = state.schools.find(ctx.params.at("school"));
        if (s == state.schools.end() || !is_admin_of_school(*ctx.me, s->first)) throw not_found();
        const auto offered = offered_documentation_kinds(s->second.form);
        for (const auto& n : names) {
            if (!contains(offered, n))
                throw bad_request("kinds", documentation_kind_name(n, Language::sv) + " finns inte för " + s->second.name + ".",
                                  documentation_kind_name(n, Language::en) + " is not available for " + s->second.name + ".");
            if (std::count(names.begin(), names.end(), n) > 1)
                throw bad_request("kinds", documentation_kind_name(n, Language::sv) + " står två gånger.",
                                  documentation_kind_name(n, Language::en) + " is listed twice.");
        }
        std::vector<std::string> chosen;  // in the offered order
        for (const auto& k : offered)
            if (contains(names, k)) chosen.push_back(k);
        seq = txn.commit({{"type", "documentation_kinds_set"}, {"school_id", s->first}, {"kinds", chosen}});
        result = kinds_reply(state, s->second, ctx.language());
    }
    ctx.services.store.make_durable(seq);
    return reply(200, result);
}

// --- events, snapshot, card, demo ---------------------------------------------------------

void index_item(State& state, const DocumentationItem& d) {
    auto& ids = state.documentation.by_pupil[d.pupil_id];
    if (std::find(ids.begin(), ids.end(), d.id) == ids.end()) ids.push_back(d.id);
}

bool apply(State& state, const std::string& type, const json& event) {
    auto& s = state.documentation;
    if (type == "documentation_saved") {
        auto d = event.at("item").get<DocumentationItem>();
        set_attachment_links(state, "documentation", d.id, d.attachment_ids);
        index_item(state, d);
        Id id = d.id;
        s.items[id] = std::move(d);
    } else if (type == "documentation_deleted") {
        const Id id = event.at("id").get<std::string>();
        auto it = s.items.find(id);
        if (it == s.items.end()) return true;
        auto& ids = s.by_pupil[it->second.pupil_id];
        ids.erase(std::remove(ids.begin(), ids.end(), id), ids.end());
        set_attachment_links(state, "documentation", id, {});
        s.items.erase(it);
    } else if (type == "documentation_kinds_set") {
        s.kinds_by_school[event.at("school_id").get<std::string>()] = event.at("kinds").get<std::vector<std::string>>();
    } else {
        return false;
    }
    return true;
}

void save(const State& state, json& out) {
    json items = json::array();
    for (const auto& [id, d] : state.documentation.items) items.push_back(d);
    out["documentation_items"] = std::move(items);
    json kinds = json::object();
    for (const auto& [school, list] : state.documentation.kinds_by_school) kinds[school] = list;
    out["documentation_kinds"] = std::move(kinds);
}

void load(const json& in, State& state) {
    auto& s = state.documentation;
    s = {};
    for (const auto& j : in.value("documentation_items", json::array())) {
        auto d = j.get<DocumentationItem>();
        index_item(state, d);
        Id id = d.id;
        s.items.emplace(std::move(id), std::move(d));
    }
    const json kinds = in.value("documentation_kinds", json::object());
    for (const auto& [school, list] : kinds.items()) s.kinds_by_school[school] = list.get<std::vector<std::string>>();
}

json card(const CardContext& ctx, Box) {
    int count = 0;
    const DocumentationItem* latest = nullptr;
    for (const DocumentationItem* d : items_of(ctx.state, ctx.pupil.id)) {
        if (!readable(ctx.state, *d, ctx.school)) continue;
        ++count;
        if (!latest) latest = d;
    }
    json c = {{"count", count},
              {"summary", count == 0 ? ctx.say("Ingen dokumentation ännu", "No documentation yet")
                                     : std::to_string(count) +
                                           ctx.say(" dokument om ", count == 1 ? " document about " : " documents about ") +
                                           ctx.pupil.first_name}};
    if (latest)
        c["next"] = {{"id", latest->id}, {"kind", latest->kind}, {"title", latest->title}, {"date", latest->date.iso()}};
    return c;
}

const char* const kPreschoolPortfolio[] = {"Vi bygger med klossar", "Utflykt till skogen", "Målning med vattenfärg",
                                           "Sångsamling", "Vi planterar solrosor", "Snögubbe på gården"};
const char* const kSchoolPortfolio[] = {"Bildarbete: självporträtt", "Slöjd: fågelholk", "Berättelse: Min dröm",
                                        "Teknik: egen bro av glasspinnar", "Musik: vi spelar ukulele"};
const char* const kPortfolioText[] = {"Idag arbetade vi tillsammans och alla bidrog med idéer.",
                                      "Koncentrerad och nyfiken under hela passet.",
                                      "Visade stolt upp resultatet för kompisarna."};

void make_demo(DemoContext& ctx) {
    State& state = ctx.state;
    for (const auto& [gid, group] : state.groups) {
        const School& school = state.schools.at(group.school_id);
        if (!school_uses_box(school) || school.form == SchoolForm::Gymnasieskola || group.staff_ids.empty()) continue;
        const Id author = group.mentor_id.empty() ? group.staff_ids.front() : group.mentor_id;
        const bool preschool = school.form == SchoolForm::Forskola;
        for (const Id& pid : pupils_of_group(state, gid)) {
            auto add = [&](const std::string& kind, const std::string& title, const std::string& body, int days_ago) {
                DocumentationItem d;
                d.id = "doc-" + std::to_string(state.next_id++);
                d.pupil_id = pid;
                d.kind = kind;
                d.title = title;
                d.body = body;
                d.date = ctx.today.plus_days(-days_ago);
                d.created_by = author;
                d.created_at = ctx.now - days_ago * 86400 - 7200;
                index_item(state, d);
                state.documentation.items.emplace(d.id, std::move(d));
            };
            const int portfolio = 1 + ctx.rng.below(2);
            for (int k = 0; k < portfolio; ++k)
                add("portfolio", preschool ? ctx.rng.pick(kPreschoolPortfolio) : ctx.rng.pick(kSchoolPortfolio),
                    ctx.rng.pick(kPortfolioText), 3 + ctx.rng.below(60));
            // The demo pupil (demo.elev) always has an IUP and notes to show.
            const bool showcase = state.people.at(pid).username == "demo.elev";
            if (!preschool && (ctx.rng.chance(25) || showcase))
                add("iup", "IUP höstterminen", "Mål: läsa med flyt och förståelse, visa uträkningar i matematik. "
                                               "Skolan stöttar med lästräning två gånger i veckan.", 20 + ctx.rng.below(30));
            if (!preschool && (ctx.rng.chance(25) || showcase))
                add("anteckningar", "Anteckning från samtal", "Pratade om trivsel i klassen. Allt känns bra.",
                    5 + ctx.rng.below(30));
        }
    }
}

}  // namespace

bool may_read_documentation_item(const State& state, const Person& viewer, const Id& item_id, UnixSeconds now) {
    auto it = state.documentation.items.find(item_id);
    if (it == state.documentation.items.end()) return false;
    const DocumentationItem& d = it->second;
    const Person* pupil = find_person(state, d.pupil_id);
    const School* school = pupil ? school_of(state, *pupil) : nullptr;
    if (!pupil || !school) return false;
    if (is_staff_of_pupil(state, viewer, *pupil) || is_admin_of_school(viewer, school->id)) return true;
    return readable(state, d, *school) && sees_box(state, viewer, *pupil, Box::Dokumentation, today_at(*school, now));
}

extern const BoxModule documentation_module{
    "documentation",
    {Box::Dokumentation},
    {
        {"GET", "/api/v1/pupils/{pupil}/documentation", true, list_documentation, Access::PupilData},
        {"POST", "/api/v1/pupils/{pupil}/documentation", true, create_item, Access::StaffOfPupil},
        {"GET", "/api/v1/pupils/{pupil}/documentation/{item}", true, get_documentation_item, Access::PupilData},
        {"PUT", "/api/v1/pupils/{pupil}/documentation/{item}", true, update_item, Access::StaffOfPupil},
        {"DELETE", "/api/v1/pupils/{pupil}/documentation/{item}", true, delete_item, Access::StaffOfPupil},
        {"GET", "/api/v1/groups/{group}/documentation", true, list_group_documentation, Access::StaffOfGroup},
        {"GET", "/api/v1/schools/{school}/documentation-kinds", true, get_kinds, Access::StaffOfSchool},
        {"PUT", "/api/v1/schools/{school}/documentation-kinds", true, set_kinds, Access::AdminOfSchool},
    },
    apply,
    save,
    load,
    make_demo,
    card,
};

}  // namespace skolnav
