// Planeringar: teaching plans per group — subject, title, text and the period they
// cover. Pupils and guardians see the published plans that reach the pupil (drafts
// never); staff write them for their groups and publish when ready.
//   GET    /api/v1/pupils/{pupil}/plans          current first, then upcoming, then past
//   GET    /api/v1/pupils/{pupil}/plans/{plan}
//   GET    /api/v1/schools/{school}/plans        staff: the plans they see, drafts included
//   POST   /api/v1/schools/{school}/plans        staff: create (notifies, "plan", if published)
//   PUT    /api/v1/plans/{plan}                  staff: change (notifies when first published)
//   DELETE /api/v1/plans/{plan}                  staff: delete
#include "core/boxes/plans.hpp"

#include <algorithm>

#include "core/api_error.hpp"
#include "core/box_module.hpp"
#include "core/json_mapping.hpp"
#include "core/notifications.hpp"
#include "core/permissions.hpp"
#include "core/publishing.hpp"
#include "core/pupil_access.hpp"
#include "core/request_body.hpp"

namespace skolnav {

void to_json(json& j, const Plan& p) {
    j = {{"id", p.id},
         {"school_id", p.school_id},
         {"group_ids", p.group_ids},
         {"subject", p.subject},
         {"title", p.title},
         {"body", p.body},
         {"from", p.from.iso()},
         {"to", p.to.iso()},
         {"published", p.published},
         {"author_id", p.author_id},
         {"created_at", p.created_at},
         {"changed_at", p.changed_at},
         {"published_at", p.published_at}};
}
void from_json(const json& j, Plan& p) {
    p.id = j.at("id").get<std::string>();
    p.school_id = j.at("school_id").get<std::string>();
    p.group_ids = j.at("group_ids").get<std::vector<Id>>();
    p.subject = j.at("subject").get<std::string>();
    p.title = j.at("title").get<std::string>();
    p.body = j.at("body").get<std::string>();
    p.from = j.at("from").get<Date>();
    p.to = j.at("to").get<Date>();
    p.published = j.at("published").get<bool>();
    p.author_id = j.at("author_id").get<std::string>();
    p.created_at = j.at("created_at").get<UnixSeconds>();
    p.changed_at = j.at("changed_at").get<UnixSeconds>();
    p.published_at = j.at("published_at").get<UnixSeconds>();
}

namespace {

enum class Period { Current, Upcoming, Past };

Period period_of(const Plan& p, const Date& today) {
    if (today < p.from) return Period::Upcoming;
    if (p.to < today) return Period::Past;
    return Period::Current;
}

const char* period_name(Period p) {
    switch (p) {
        case Period::Current: return "current";
        case Period::Upcoming: return "upcoming";
        case Period::Past: return "past";
    }
    return "";
}

// Current plans first (ending soonest first), then upcoming (starting soonest), then past
// (most recent first).
struct PlanOrder {
    Date today;
    bool operator()(const Plan* a, const Plan* b) const {
        const Period pa = period_of(*a, today), pb = period_of(*b, today);
        if (pa != pb) return static_cast<int>(pa) < static_cast<int>(pb);
        if (pa == Period::Current && a->to != b->to) return a->to < b->to;
        if (pa == Period::Upcoming && a->from != b->from) return a->from < b->from;
        if (pa == Period::Past && a->to != b->to) return b->to < a->to;
        if (a->subject != b->subject) return a->subject < b->subject;
        return a->id < b->id;
    }
};

bool plan_reaches(const Plan& p, const Person& pupil) {
    return p.published && reaches_pupil(pupil, p.school_id, p.group_ids);
}

const Plan& find_plan(const State& state, const Id& id) {
    auto it = state.plans.plans.find(id);
    if (it == state.plans.plans.end()) throw not_found();
    return it->second;
}

void check_period(const Date& from, const Date& to, const char* field) {
    if (to < from) throw bad_request(field, "to får inte vara före from.", "to cannot be before from.");
    if (to.days_since_epoch() - from.days_since_epoch() + 1 > kPlanMaxDays)
        throw bad_request(field, "En planering kan omfatta högst " + std::to_string(kPlanMaxDays) + " dagar.",
                          "A plan can cover at most " + std::to_string(kPlanMaxDays) + " days.");
}

json plan_json(const State& state, const Plan& p, const School& school, const Date& today) {
    return {{"id", p.id},
            {"subject", p.subject},
            {"title", p.title},
            {"body", p.body},
            {"from", p.from.iso()},
            {"to", p.to.iso()},
            {"period", period_name(period_of(p, today))},
            {"author", person_ref(state, p.author_id)},
            {"published_at", p.published_at ? json(school_time(school, p.published_at)) : json(nullptr)},
            {"changed_at", p.changed_at ? json(school_time(school, p.changed_at)) : json(nullptr)},
            {"scope", scope_json(state, p.group_ids)}};
}

json staff_plan_json(const State& state, const Person& me, const Plan& p, const School& school, const Date& today) {
    json j = plan_json(state, p, school, today);
    j["published"] = p.published;
    j["can_change"] = may_publish_to(state, me, p.school_id, p.group_ids);
    return j;
}

std::uint64_t notify_published(Store::Transaction& txn, const Plan& p, UnixSeconds now, const Id& by) {
    return notify_pupils(txn, audience_of(txn.state(), p.school_id, p.group_ids),
                         {Box::Planeringar, "plan", p.id,
                          {"Ny planering i " + p.subject + ": " + p.title, "New plan in " + p.subject + ": " + p.title}},
                         now, by);
}

// --- Handlers -------------------------------------------------------------------------

Response list_plans(Context& ctx) {
    auto txn = ctx.services.store.begin();
    const State& state = txn.state();
    const auto access = pupil_box(state, ctx.params.at("pupil"), *ctx.me, ctx.now, Box::Planeringar);
    std::vector<const Plan*> found;
    for (const auto& [id, p] : state.plans.plans)
        if (plan_reaches(p, access.pupil)) found.push_back(&p);
    std::sort(found.begin(), found.end(), PlanOrder{access.today});
    json plans = json::array();
    for (const Plan* p : found) plans.push_back(plan_json(state, *p, access.school, access.today));
    Response res;
    res.body = {{"pupil", {{"id", access.pupil.id}, {"name", access.pupil.full_name()}}},
                {"today", access.today.iso()},
                {"plans", std::move(plans)}};
    return res;
}

Response get_plan(Context& ctx) {
    auto txn = ctx.services.store.begin();
    const State& state = txn.state();
    const auto access = pupil_box(state, ctx.params.at("pupil"), *ctx.me, ctx.now, Box::Planeringar);
    const Plan& p = find_plan(state, ctx.params.at("plan"));
    if (!plan_reaches(p, access.pupil)) throw not_found();  // drafts look like nothing
    Response res;
    res.body = {{"plan", plan_json(state, p, access.school, access.today)}};
    return res;
}

Response list_school_plans(Context& ctx) {
    auto txn = ctx.services.store.begin();
    const State& state = txn.state();
    const School& school = school_for_staff(state, ctx.params.at("school"), *ctx.me);
    const Date today = today_at(school, ctx.now);
    std::vector<const Plan*> found;
    for (const auto& [id, p] : state.plans.plans)
        if (p.school_id == school.id && staff_sees(state, *ctx.me, school.id, p.group_ids)) found.push_back(&p);
    std::sort(found.begin(), found.end(), PlanOrder{today});
    json plans = json::array();
    for (const Plan* p : found) plans.push_back(staff_plan_json(state, *ctx.me, *p, school, today));
    Response res;
    res.body = {{"school", {{"id", school.id}, {"name", school.name}}}, {"today", today.iso()}, {"plans", std::move(plans)}};
    return res;
}

Response create_plan(Context& ctx) {
    RequestBody body(ctx.request.body, {"subject", "title", "body", "from", "to", "published", "group_ids"});
    Plan plan;
    plan.subject = body.required_string("subject", kPlanSubjectMaxChars);
    plan.title = body.required_string("title", kPlanTitleMaxChars);
    plan.body = body.optional_string("body", kPlanBodyMaxChars);
    plan.from = body.required_date("from");
    plan.to = body.required_date("to");
    check_period(plan.from, plan.to, "to");
    plan.published = body.optional_bool("published").value_or(false);
    plan.group_ids = read_group_ids(body);

    json reply;
    std::uint64_t seq;
    {
        auto txn = ctx.services.store.begin();
        const State& state = txn.state();
        const School& school = school_for_staff(state, ctx.params.at("school"), *ctx.me);
        require_may_publish(state, *ctx.me, school.id, plan.group_ids);
        plan.id = txn.new_id("pln");
        plan.school_id = school.id;
        plan.author_id = ctx.me->id;
        plan.created_at = ctx.now;
        plan.published_at = plan.published ? ctx.now : 0;
        seq = txn.commit({{"type", "plan_created"}, {"plan", plan}});
        if (plan.published) seq = std::max(seq, notify_published(txn, plan, ctx.now, ctx.me->id));
        reply = staff_plan_json(state, *ctx.me, state.plans.plans.at(plan.id), school, today_at(school, ctx.now));
    }
    ctx.services.store.make_durable(seq);
    Response res;
    res.status = 201;
    res.body = {{"plan", std::move(reply)}};
    return res;
}

Response change_plan(Context& ctx) {
    RequestBody body(ctx.request.body, {"subject", "title", "body", "from", "to", "published", "group_ids"});
    bool any = false;
    for (const char* f : {"subject", "title", "body", "from", "to", "published", "group_ids"}) any = any || body.has(f);
    if (!any)
        throw bad_request("", "Ange något att ändra: subject, title, body, from, to, published eller group_ids.",
                          "Give something to change: subject, title, body, from, to, published or group_ids.");
    const std::string subject = body.has("subject") ? body.required_string("subject", kPlanSubjectMaxChars) : "";
    const std::string title = body.has("title") ? body.required_string("title", kPlanTitleMaxChars) : "";
    const std::string text = body.optional_string("body", kPlanBodyMaxChars);
    const auto from = body.optional_date("from"), to = body.optional_date("to");
    const auto published = body.optional_bool("published");
    const auto groups = read_new_group_ids(body);

    json reply;
    std::uint64_t seq;
    {
        auto txn = ctx.services.store.begin();
        const State& state = txn.state();
        Plan plan = find_plan(state, ctx.params.at("plan"));
        require_may_change(state, *ctx.me, plan.school_id, plan.group_ids, groups);
        if (from) plan.from = *from;
        if (to) plan.to = *to;
        check_period(plan.from, plan.to, to ? "to" : "from");
        if (body.has("subject")) plan.subject = subject;
        if (body.has("title")) plan.title = title;
        if (body.has("body")) plan.body = text;
        if (groups) plan.group_ids = *groups;
        const bool first_publication = published && *published && !plan.published && plan.published_at == 0;
        if (published) plan.published = *published;
        if (published && *published && plan.published_at == 0) plan.published_at = ctx.now;
        plan.changed_at = ctx.now;
        seq = txn.commit({{"type", "plan_changed"}, {"plan", plan}});
        if (first_publication) seq = std::max(seq, notify_published(txn, plan, ctx.now, ctx.me->id));
        const School& school = state.schools.at(plan.school_id);
        reply = staff_plan_json(state, *ctx.me, state.plans.plans.at(plan.id), school, today_at(school, ctx.now));
    }
    ctx.services.store.make_durable(seq);
    Response res;
    res.body = {{"plan", std::move(reply)}};
    return res;
}

Response delete_plan(Context& ctx) { return delete_published(ctx, find_plan, "plan", "plan_deleted"); }

// --- Events, snapshot, card -----------------------------------------------------------

bool apply(State& state, const std::string& type, const json& event) {
    if (type == "plan_created" || type == "plan_changed") {
        auto p = event.at("plan").get<Plan>();
        Id id = p.id;
        state.plans.plans[id] = std::move(p);
    } else if (type == "plan_deleted") {
        state.plans.plans.erase(event.at("id").get<std::string>());
    } else {
        return false;
    }
    return true;
}

void save(const State& state, json& out) {
    json list = json::array();
    for (const auto& [id, p] : state.plans.plans) list.push_back(p);
    out["plans"] = std::move(list);
}

void load(const json& in, State& state) {
    state.plans.plans.clear();
    for (const auto& j : in.value("plans", json::array())) {
        auto p = j.get<Plan>();
        Id id = p.id;
        state.plans.plans.emplace(std::move(id), std::move(p));
    }
}

json card(const CardContext& ctx, Box) {
    std::vector<const Plan*> current;
    for (const auto& [id, p] : ctx.state.plans.plans)
        if (plan_reaches(p, ctx.pupil) && period_of(p, ctx.today) == Period::Current) current.push_back(&p);
    std::sort(current.begin(), current.end(), PlanOrder{ctx.today});
    const std::size_t n = current.size();
    json c = {{"summary", n == 0   ? ctx.say("Inga aktuella planeringar", "No current plans")
                          : n == 1 ? ctx.say("1 aktuell planering", "1 current plan")
                                   : ctx.say(std::to_string(n) + " aktuella planeringar", std::to_string(n) + " current plans")},
              {"count", n}};
    if (n)
        c["next"] = {{"id", current.front()->id},
                     {"subject", current.front()->subject},
                     {"title", current.front()->title},
                     {"from", current.front()->from.iso()},
                     {"to", current.front()->to.iso()}};
    return c;
}

// --- Demo -----------------------------------------------------------------------------

struct DemoPlan {
    const char* subject;
    const char* title;
    const char* body;
};

void make_demo(DemoContext& ctx) {
    State& state = ctx.state;
    const DemoPlan compulsory[] = {
        {"Matematik", "Bråk och decimaltal",
         "Mål: du kan jämföra, storleksordna och räkna med bråk och decimaltal.\n\nArbetssätt: genomgångar, arbete i "
         "par och problemlösning. Bedömning: skriftligt prov och muntliga redovisningar."},
        {"Svenska", "Att skriva berättande texter",
         "Vi läser noveller och analyserar hur de är uppbyggda. Du skriver en egen novell som du bearbetar efter "
         "respons från en klasskamrat."},
        {"Engelska", "Travelling and culture",
         "Vi läser och lyssnar på texter om resor och kulturer. Du gör en muntlig presentation om ett land du vill besöka."},
        {"SO", "Vikingatiden",
         "Hur levde människor på vikingatiden? Vi arbetar med källor, gör tidslinjer och skriver faktatexter."},
    };
    const DemoPlan upper[] = {
        {"Matematik 1c", "Funktioner och grafer",
         "Centralt innehåll: linjära funktioner, räta linjens ekvation och grafisk lösning av ekvationer. Prov i slutet "
         "av perioden."},
        {"Svenska 1", "Argumenterande text och tal",
         "Du skriver en debattartikel och håller ett argumenterande tal. Bedömning enligt kunskapskraven för "
         "muntlig och skriftlig framställning."},
        {"Engelska 5", "Short stories",
         "We read short stories by English-speaking authors and discuss themes and narrative techniques."},
        {"Naturkunskap 1b", "Hållbar utveckling",
         "Energi, klimat och ekosystem. Grupparbete med redovisning och en individuell reflekterande text."},
    };
    for (const auto& [gid, g] : state.groups) {
        auto school = state.schools.find(g.school_id);
        if (school == state.schools.end() || g.staff_ids.empty() || school->second.form == SchoolForm::Forskola) continue;
        const DemoPlan* pool = school->second.form == SchoolForm::Grundskola ? compulsory : upper;
        const int first = ctx.rng.below(4);
        const Id author = g.mentor_id.empty() ? g.staff_ids.front() : g.mentor_id;
        // A current plan, an upcoming one and, for some groups, a draft.
        struct Slot { int from, to; bool published; };
        const Slot slots[] = {{-14 - ctx.rng.below(14), 14 + ctx.rng.below(21), true},
                              {36, 70, true},
                              {72, 110, false}};
        const int count = ctx.rng.chance(50) ? 3 : 2;
        for (int i = 0; i < count; ++i) {
            const DemoPlan& d = pool[(first + i) % 4];
            Plan p;
            p.id = "pln-" + std::to_string(state.next_id++);
            p.school_id = g.school_id;
            p.group_ids = {gid};
            p.subject = d.subject;
            p.title = d.title;
            p.body = d.body;
            p.from = ctx.today.plus_days(slots[i].from);
            p.to = ctx.today.plus_days(slots[i].to);
            p.published = slots[i].published;
            p.author_id = author;
            p.created_at = ctx.now - (20 + ctx.rng.below(10)) * 86400;
            p.published_at = p.published ? p.created_at + 86400 : 0;
            state.plans.plans.emplace(p.id, std::move(p));
        }
    }
}

}  // namespace

extern const BoxModule plans_module{
    "plans",
    {Box::Planeringar},
    {
        {"GET", "/api/v1/pupils/{pupil}/plans", true, list_plans, Access::PupilData},
        {"GET", "/api/v1/pupils/{pupil}/plans/{plan}", true, get_plan, Access::PupilData},
        {"GET", "/api/v1/schools/{school}/plans", true, list_school_plans, Access::StaffOfSchool},
        {"POST", "/api/v1/schools/{school}/plans", true, create_plan, Access::StaffOfSchool},
        {"PUT", "/api/v1/plans/{plan}", true, change_plan, Access::StaffOfSchool},
        {"DELETE", "/api/v1/plans/{plan}", true, delete_plan, Access::StaffOfSchool},
    },
    apply,
    save,
    load,
    make_demo,
    card,
};

}  // namespace skolnav
