// Bedömningar and Betyg.
//   GET  /api/v1/pupils/{pupil}/assessments                      by subject: criteria, parts, levels, the legend
//   POST /api/v1/pupils/{pupil}/assessments/read                 the viewer has seen them (unread markers)
//   GET  /api/v1/pupils/{pupil}/grades                           only where the school publishes grades
//   GET  /api/v1/groups/{group}/criteria                         staff: the group's matrix
//   POST /api/v1/groups/{group}/criteria                         staff: a new criterion with parts
//   PUT  /api/v1/pupils/{pupil}/criteria/{criterion}/parts/{part}  staff: {"level": "red"|"yellow"|"green"|null}
//   PUT  /api/v1/pupils/{pupil}/criteria/{criterion}/comment     staff: {"comment": "…"}
//   PUT  /api/v1/pupils/{pupil}/grades                           staff: {"subject","term","grade"}
//   GET  /api/v1/groups/{group}/grades                           staff: the group's grades
//   GET  /api/v1/schools/{school}/assessment-legend              staff and admin of the school
//   PUT  /api/v1/schools/{school}/assessment-legend              admin: the school's own meanings
//   PUT  /api/v1/schools/{school}/grade-publishing               admin: {"published": true|false}
//
// "New" (unread) assessments: changed within the last 14 days and after the viewer
// last read the pupil's assessments.
#include "core/boxes/assessments.hpp"

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

namespace {

constexpr UnixSeconds kNewForSeconds = 14 * 86400;
constexpr std::size_t kSubjectMaxChars = 80, kTitleMaxChars = 200, kPartMaxChars = 500, kCommentMaxChars = 2000,
                      kLegendMaxChars = 500, kMaxParts = 20;

const char* level_name(AssessmentLevel l) {
    switch (l) {
        case AssessmentLevel::Red: return "red";
        case AssessmentLevel::Yellow: return "yellow";
        case AssessmentLevel::Green: return "green";
    }
    return "red";
}

std::optional<AssessmentLevel> level_from(const std::string& s) {
    if (s == "red") return AssessmentLevel::Red;
    if (s == "yellow") return AssessmentLevel::Yellow;
    if (s == "green") return AssessmentLevel::Green;
    return std::nullopt;
}

}  // namespace

void to_json(json& j, const AssessmentCriterion& c) {
    j = {{"id", c.id},       {"group_id", c.group_id},     {"subject", c.subject},      {"title", c.title},
         {"parts", c.parts}, {"created_by", c.created_by}, {"created_at", c.created_at}};
}
void from_json(const json& j, AssessmentCriterion& c) {
    c.id = j.at("id").get<std::string>();
    c.group_id = j.at("group_id").get<std::string>();
    c.subject = j.at("subject").get<std::string>();
    c.title = j.at("title").get<std::string>();
    c.parts = j.at("parts").get<std::vector<std::string>>();
    c.created_by = j.at("created_by").get<std::string>();
    c.created_at = j.at("created_at").get<UnixSeconds>();
}
void to_json(json& j, const PupilAssessment& a) {
    json levels = json::object();
    for (const auto& [part, level] : a.levels) levels[std::to_string(part)] = level_name(level);
    j = {{"pupil_id", a.pupil_id}, {"criterion_id", a.criterion_id}, {"levels", levels},
         {"comment", a.comment},   {"assessed_by", a.assessed_by},   {"assessed_at", a.assessed_at}};
}
void from_json(const json& j, PupilAssessment& a) {
    a.pupil_id = j.at("pupil_id").get<std::string>();
    a.criterion_id = j.at("criterion_id").get<std::string>();
    a.levels.clear();
    for (const auto& [part, level] : j.at("levels").items()) {
        auto l = level_from(level.get<std::string>());
        if (!l) throw std::runtime_error("unknown assessment level: " + level.get<std::string>());
        a.levels[std::stoi(part)] = *l;
    }
    a.comment = j.at("comment").get<std::string>();
    a.assessed_by = j.at("assessed_by").get<std::string>();
    a.assessed_at = j.at("assessed_at").get<UnixSeconds>();
}
void to_json(json& j, const AssessmentLegend& l) {
    j = {{"red", l.red}, {"yellow", l.yellow}, {"green", l.green}, {"not_assessed", l.not_assessed}};
}
void from_json(const json& j, AssessmentLegend& l) {
    l.red = j.at("red").get<std::string>();
    l.yellow = j.at("yellow").get<std::string>();
    l.green = j.at("green").get<std::string>();
    l.not_assessed = j.at("not_assessed").get<std::string>();
}
void to_json(json& j, const Grade& g) {
    j = {{"pupil_id", g.pupil_id}, {"subject", g.subject}, {"term", g.term},
         {"grade", g.grade},       {"set_by", g.set_by},   {"set_at", g.set_at}};
}
void from_json(const json& j, Grade& g) {
    g.pupil_id = j.at("pupil_id").get<std::string>();
    g.subject = j.at("subject").get<std::string>();
    g.term = j.at("term").get<std::string>();
    g.grade = j.at("grade").get<std::string>();
    g.set_by = j.at("set_by").get<std::string>();
    g.set_at = j.at("set_at").get<UnixSeconds>();
}

namespace {

// The meanings SPEC.md gives each school form (reference/infomentor-hub-overview.sv.txt),
// in the reader's language; a school's own meanings are shown as written.
AssessmentLegend default_legend(SchoolForm form, Language language) {
    if (form == SchoolForm::Gymnasieskola)
        return {say(language,
                    "Eleven behöver extra stöd för att uppfylla kunskapskravet. Det är då skolans ansvar att utreda vilka "
                    "stödåtgärder som behövs för att hjälpa eleven.",
                    "The pupil needs extra support to meet the knowledge requirement. It is then the school's "
                    "responsibility to find out what support the pupil needs."),
                say(language,
                    "Eleven uppfyller det krav som lärarna har satt upp för den aktuella terminen/årskursen, men har ännu "
                    "inte uppfyllt det nationellt fastställda kunskapskravet för kursen.",
                    "The pupil meets the requirement the teachers have set for this term or year, but has not yet met "
                    "the national knowledge requirement for the course."),
                say(language,
                    "Eleven har uppfyllt det nationellt fastställda kunskapskravet för kursen och arbetar vidare mot nästa "
                    "nivå.",
                    "The pupil has met the national knowledge requirement for the course and is working towards the next "
                    "level."),
                say(language, "Kunskapskravet har ännu inte behandlats i undervisningen.",
                    "The knowledge requirement has not yet been covered in teaching.")};
    return {say(language, "Eleven har ej tillräckliga kunskaper", "The pupil does not yet have enough knowledge"),
            say(language, "Eleven har delvis uppnått det som beskrivs", "The pupil has partly achieved what is described"),
            say(language, "Eleven har uppfyllt samtliga delar", "The pupil has met every part"),
            say(language, "Ännu inte behandlat i undervisningen", "Not yet covered in teaching")};
}

AssessmentLegend legend_of(const State& state, const School& school, Language language) {
    auto it = state.assessments.legends.find(school.id);
    return it == state.assessments.legends.end() ? default_legend(school.form, language) : it->second;
}

json legend_json(const State& state, const School& school, Language language) {
    json j = legend_of(state, school, language);
    j["own"] = state.assessments.legends.count(school.id) > 0;  // false: the default meanings
    return j;
}

std::string seen_key(const Id& viewer, const Id& pupil) { return viewer + "|" + pupil; }

UnixSeconds new_after(const State& state, const Id& viewer, const Id& pupil, UnixSeconds now) {
    UnixSeconds baseline = now - kNewForSeconds;
    auto it = state.assessments.seen.find(seen_key(viewer, pupil));
    if (it != state.assessments.seen.end()) baseline = std::max(baseline, it->second);
    return baseline;
}

const std::map<Id, PupilAssessment>& assessments_of(const State& state, const Id& pupil) {
    static const std::map<Id, PupilAssessment> none;
    auto it = state.assessments.by_pupil.find(pupil);
    return it == state.assessments.by_pupil.end() ? none : it->second;
}

int new_count(const State& state, const Id& viewer, const Id& pupil, UnixSeconds now) {
    const UnixSeconds after = new_after(state, viewer, pupil, now);
    int n = 0;
    for (const auto& [cid, a] : assessments_of(state, pupil)) n += !a.levels.empty() && a.assessed_at > after;
    return n;
}

std::string group_name(const State& state, const Id& id) {
    auto it = state.groups.find(id);
    return it == state.groups.end() ? "" : it->second.name;
}

// The criteria a pupil has: their group's, and any other they were assessed on.
std::vector<const AssessmentCriterion*> criteria_of(const State& state, const Person& pupil) {
    std::vector<const AssessmentCriterion*> out;
    const auto& mine = assessments_of(state, pupil.id);
    for (const auto& [id, c] : state.assessments.criteria)
        if (c.group_id == pupil.group_id || mine.count(id)) out.push_back(&c);
    return out;
}

json criterion_row(const State& state, const AssessmentCriterion& c, const PupilAssessment* a, const School& school,
                   UnixSeconds new_since) {
    json parts = json::array();
    for (std::size_t i = 0; i < c.parts.size(); ++i) {
        json level = nullptr;
        if (a)
            if (auto it = a->levels.find(static_cast<int>(i)); it != a->levels.end()) level = level_name(it->second);
        parts.push_back({{"index", i}, {"text", c.parts[i]}, {"level", level}});
    }
    const bool assessed = a && !a->levels.empty();
    return {{"id", c.id},
            {"title", c.title},
            {"group", {{"id", c.group_id}, {"name", group_name(state, c.group_id)}}},
            {"parts", parts},
            {"comment", a ? a->comment : ""},
            {"assessed_at", a ? json(school_time(school, a->assessed_at)) : json(nullptr)},
            {"assessed_by", a ? person_ref(state, a->assessed_by) : json(nullptr)},
            {"new", assessed && a->assessed_at > new_since}};
}

// A group the caller may assess in (its staff, or the school's admin): 404 otherwise.
const Group& group_for_staff(const State& state, const Person& me, const Id& group_id) {
    auto it = state.groups.find(group_id);
    if (it == state.groups.end() || !may_publish_to(state, me, it->second.school_id, {group_id})) throw not_found();
    return it->second;
}

const School& school_for_admin(const State& state, const Person& me, const Id& school_id) {
    auto it = state.schools.find(school_id);
    if (it == state.schools.end() || !is_admin_of_school(me, school_id)) throw not_found();
    return it->second;
}

// A criterion of the pupil's group that the caller may assess.
const AssessmentCriterion& criterion_for_staff(const State& state, const Person& me, const Person& pupil,
                                               const Id& criterion_id) {
    auto it = state.assessments.criteria.find(criterion_id);
    if (it == state.assessments.criteria.end() || it->second.group_id != pupil.group_id) throw not_found();
    group_for_staff(state, me, it->second.group_id);
    return it->second;
}

// What staff get back after changing the pupil's assessment of `c`: its row as it now
// stands, without the reader's "new" mark.
json staff_row(const State& state, const AssessmentCriterion& c, const Person& pupil, const School& school,
               UnixSeconds now) {
    const auto& mine = assessments_of(state, pupil.id);
    auto it = mine.find(c.id);
    json row = criterion_row(state, c, it == mine.end() ? nullptr : &it->second, school, now);
    row.erase("new");
    return row;
}

bool valid_term(const std::string& t) {
    if (t.size() != 6 || (t.rfind("HT", 0) != 0 && t.rfind("VT", 0) != 0)) return false;
    for (std::size_t i = 2; i < 6; ++i)
        if (t[i] < '0' || t[i] > '9') return false;
    const int year = std::stoi(t.substr(2));
    return year >= 2000 && year <= 2100;
}
// Newest first: VT2027 after HT2026 after VT2026.
int term_order(const std::string& t) { return std::stoi(t.substr(2)) * 2 + (t[0] == 'H' ? 1 : 0); }

const char* const kGrades[] = {"A", "B", "C", "D", "E", "F", "-"};

std::string grade_key(const std::string& term, const std::string& subject) { return term + "|" + subject; }

// --- Reader routes ---------------------------------------------------------------

Response list_assessments(Context& ctx) {
    auto txn = ctx.services.store.begin();
    const State& state = txn.state();
    const auto access = pupil_box(state, ctx.params.at("pupil"), *ctx.me, ctx.now, Box::Bedomningar);
    const UnixSeconds since = new_after(state, ctx.me->id, access.pupil.id, ctx.now);
    const auto& mine = assessments_of(state, access.pupil.id);

    auto criteria = criteria_of(state, access.pupil);
    std::stable_sort(criteria.begin(), criteria.end(), [](const AssessmentCriterion* a, const AssessmentCriterion* b) {
        return a->subject != b->subject ? a->subject < b->subject : a->created_at < b->created_at;
    });
    json subjects = json::array();
    int unread = 0;
    for (const AssessmentCriterion* c : criteria) {
        auto it = mine.find(c->id);
        json row = criterion_row(state, *c, it == mine.end() ? nullptr : &it->second, access.school, since);
        unread += row["new"].get<bool>();
        if (subjects.empty() || subjects.back()["subject"] != c->subject)
            subjects.push_back({{"subject", c->subject}, {"criteria", json::array()}});
        subjects.back()["criteria"].push_back(std::move(row));
    }
    Response r;
    r.body = {{"pupil", {{"id", access.pupil.id}, {"name", access.pupil.full_name()}}},
              {"legend", legend_of(state, access.school, ctx.language())},
              {"grades_published", state.assessments.grades_published.count(access.school.id) > 0},
              {"unread", unread},
              {"subjects", std::move(subjects)}};
    return r;
}

Response mark_assessments_read(Context& ctx) {
    std::uint64_t seq;
    {
        auto txn = ctx.services.store.begin();
        const auto access = pupil_box(txn.state(), ctx.params.at("pupil"), *ctx.me, ctx.now, Box::Bedomningar);
        seq = txn.commit({{"type", "assessments_seen"},
                          {"viewer_id", ctx.me->id},
                          {"pupil_id", access.pupil.id},
                          {"at", ctx.now}});
    }
    ctx.services.store.make_durable(seq);
    Response r;
    r.status = 204;
    return r;
}

Response list_grades(Context& ctx) {
    auto txn = ctx.services.store.begin();
    const State& state = txn.state();
    const auto access = pupil_box(state, ctx.params.at("pupil"), *ctx.me, ctx.now, Box::Bedomningar);
    if (!state.assessments.grades_published.count(access.school.id))
        throw ApiError(404, "grades_not_published",
                       {access.school.name + " publicerar inte betyg i Skolnav.",
                        access.school.name + " does not publish grades in Skolnav."});
    std::map<std::string, json> by_term;
    if (auto it = state.assessments.grades.find(access.pupil.id); it != state.assessments.grades.end())
        for (const auto& [key, g] : it->second) {
            json& t = by_term[g.term];
            if (t.is_null()) t = {{"term", g.term}, {"grades", json::array()}};
            t["grades"].push_back({{"subject", g.subject}, {"grade", g.grade}});
        }
    std::vector<std::string> terms;
    for (const auto& [term, j] : by_term) terms.push_back(term);
    std::sort(terms.begin(), terms.end(), [](const auto& a, const auto& b) { return term_order(a) > term_order(b); });
    json list = json::array();
    for (const auto& t : terms) list.push_back(by_term[t]);
    Response r;
    r.body = {{"pupil", {{"id", access.pupil.id}, {"name", access.pupil.full_name()}}}, {"terms", std::move(list)}};
    return r;
}

// --- Staff routes ----------------------------------------------------------------

Response group_criteria(Context& ctx) {
    auto txn = ctx.services.store.begin();
    const State& state = txn.state();
    const Group& group = group_for_staff(state, *ctx.me, ctx.params.at("group"));
    const School& school = state.schools.at(group.school_id);
    json criteria = json::array();
    for (const auto& [id, c] : state.assessments.criteria)
        if (c.group_id == group.id)
            criteria.push_back({{"id", c.id}, {"subject", c.subject}, {"title", c.title}, {"parts", c.parts}});
    json pupils = json::array();
    for (const Id& pid : pupils_of_group(state, group.id)) {
        const Person& p = state.people.at(pid);
        json rows = json::object();
        for (const auto& [cid, a] : assessments_of(state, pid)) {
            if (state.assessments.criteria.at(cid).group_id != group.id) continue;
            json levels = json::object();
            for (const auto& [part, level] : a.levels) levels[std::to_string(part)] = level_name(level);
            rows[cid] = {{"levels", levels}, {"comment", a.comment}};
        }
        pupils.push_back({{"id", pid}, {"name", p.full_name()}, {"assessments", rows}});
    }
    Response r;
    r.body = {{"group", {{"id", group.id}, {"name", group.name}}},
              {"legend", legend_of(state, school, ctx.language())},
              {"criteria", criteria},
              {"pupils", pupils}};
    return r;
}

Response create_criterion(Context& ctx) {
    RequestBody body(ctx.request.body, {"subject", "title", "parts"});
    const std::string subject = body.required_string("subject", kSubjectMaxChars);
    const std::string title = body.required_string("title", kTitleMaxChars);
    const auto parts = body.string_list("parts", kMaxParts, kPartMaxChars);
    if (parts.empty())
        throw bad_request("parts", "Ett kunskapskrav behöver minst en del.", "A knowledge requirement needs at least one part.");
    std::uint64_t seq;
    json reply;
    {
        auto txn = ctx.services.store.begin();
        const Group& group = group_for_staff(txn.state(), *ctx.me, ctx.params.at("group"));
        AssessmentCriterion c{txn.new_id("krit"), group.id, subject, title, parts, ctx.me->id, ctx.now};
        seq = txn.commit({{"type", "assessment_criterion_created"}, {"criterion", c}});
        reply = {{"id", c.id}, {"group_id", c.group_id}, {"subject", subject}, {"title", title}, {"parts", parts}};
    }
    ctx.services.store.make_durable(seq);
    Response r;
    r.status = 201;
    r.body = {{"criterion", reply}};
    return r;
}

Response set_part_level(Context& ctx) {
    RequestBody body(ctx.request.body, {"level"});
    const json whole = json::parse(ctx.request.body.empty() ? "{}" : ctx.request.body);
    if (!whole.contains("level"))
        throw bad_request("level", "Fältet level saknas (red, yellow, green eller null).",
                          "The field level is missing (red, yellow, green or null).");
    std::optional<AssessmentLevel> level;
    if (!whole["level"].is_null()) {
        level = whole["level"].is_string() ? level_from(whole["level"].get<std::string>()) : std::nullopt;
        if (!level)
            throw bad_request("level", "Fältet level ska vara red, yellow, green eller null.",
                              "The field level must be red, yellow, green or null.");
    }
    const std::string part_text = ctx.params.at("part");
    if (part_text.empty() || part_text.size() > 3 ||
        !std::all_of(part_text.begin(), part_text.end(), [](char c) { return c >= '0' && c <= '9'; }))
        throw not_found();
    const int part = std::stoi(part_text);

    std::uint64_t seq;
    json reply;
    {
        auto txn = ctx.services.store.begin();
        const State& state = txn.state();
        const auto access = pupil_for_staff(state, ctx.params.at("pupil"), *ctx.me, ctx.now);
        const AssessmentCriterion& c = criterion_for_staff(state, *ctx.me, access.pupil, ctx.params.at("criterion"));
        if (part >= static_cast<int>(c.parts.size())) throw not_found();
        seq = txn.commit({{"type", "assessment_part_set"},
                          {"pupil_id", access.pupil.id},
                          {"criterion_id", c.id},
                          {"part", part},
                          {"level", level ? json(level_name(*level)) : json(nullptr)},
                          {"by", ctx.me->id},
                          {"at", ctx.now}});
        if (level) {
            const auto n = notify_pupils(txn, {access.pupil.id},
                                         {Box::Bedomningar, "assessment", c.id,
                                          {"Ny bedömning i " + c.subject + ": " + c.title,
                                           "New assessment in " + c.subject + ": " + c.title}},
                                         ctx.now, ctx.me->id);
            seq = std::max(seq, n);
        }
        reply = staff_row(state, c, access.pupil, access.school, ctx.now);
    }
    ctx.services.store.make_durable(seq);
    Response r;
    r.body = {{"assessment", reply}};
    return r;
}

Response set_criterion_comment(Context& ctx) {
    RequestBody body(ctx.request.body, {"comment"});
    const std::string comment = body.optional_string("comment", kCommentMaxChars);
    std::uint64_t seq;
    json reply;
    {
        auto txn = ctx.services.store.begin();
        const State& state = txn.state();
        const auto access = pupil_for_staff(state, ctx.params.at("pupil"), *ctx.me, ctx.now);
        const AssessmentCriterion& c = criterion_for_staff(state, *ctx.me, access.pupil, ctx.params.at("criterion"));
        seq = txn.commit({{"type", "assessment_comment_set"},
                          {"pupil_id", access.pupil.id},
                          {"criterion_id", c.id},
                          {"comment", comment},
                          {"by", ctx.me->id},
                          {"at", ctx.now}});
        reply = staff_row(state, c, access.pupil, access.school, ctx.now);
    }
    ctx.services.store.make_durable(seq);
    Response r;
    r.body = {{"assessment", reply}};
    return r;
}

Response set_grade(Context& ctx) {
    RequestBody body(ctx.request.body, {"subject", "term", "grade"});
    const std::string subject = body.required_string("subject", kSubjectMaxChars);
    const std::string term = body.required_string("term", 6);
    if (!valid_term(term))
        throw bad_request("term", "Fältet term ska vara en termin som HT2026 eller VT2027.",
                          "The field term must be a term such as HT2026 (autumn) or VT2027 (spring).");
    const std::string grade = body.required_string("grade", 1);
    if (std::find(std::begin(kGrades), std::end(kGrades), grade) == std::end(kGrades))
        throw bad_request("grade", "Fältet grade ska vara A, B, C, D, E, F eller -.",
                          "The field grade must be A, B, C, D, E, F or -.");
    std::uint64_t seq;
    {
        auto txn = ctx.services.store.begin();
        const State& state = txn.state();
        const auto access = pupil_for_staff(state, ctx.params.at("pupil"), *ctx.me, ctx.now);
        group_for_staff(state, *ctx.me, access.pupil.group_id);
        seq = txn.commit({{"type", "grade_set"}, {"grade", Grade{access.pupil.id, subject, term, grade, ctx.me->id, ctx.now}}});
        if (state.assessments.grades_published.count(access.school.id))
            seq = std::max(seq, notify_pupils(txn, {access.pupil.id},
                                              {Box::Bedomningar, "grade", access.school.id,
                                               {"Nytt betyg i " + subject, "New grade in " + subject}},
                                              ctx.now, ctx.me->id));
    }
    ctx.services.store.make_durable(seq);
    Response r;
    r.body = {{"grade", {{"pupil_id", ctx.params.at("pupil")}, {"subject", subject}, {"term", term}, {"grade", grade}}}};
    return r;
}

Response group_grades(Context& ctx) {
    auto txn = ctx.services.store.begin();
    const State& state = txn.state();
    const Group& group = group_for_staff(state, *ctx.me, ctx.params.at("group"));
    json pupils = json::array();
    for (const Id& pid : pupils_of_group(state, group.id)) {
        json grades = json::array();
        if (auto it = state.assessments.grades.find(pid); it != state.assessments.grades.end())
            for (const auto& [key, g] : it->second)
                grades.push_back({{"term", g.term}, {"subject", g.subject}, {"grade", g.grade}});
        pupils.push_back({{"id", pid}, {"name", state.people.at(pid).full_name()}, {"grades", grades}});
    }
    Response r;
    r.body = {{"group", {{"id", group.id}, {"name", group.name}}},
              {"published", state.assessments.grades_published.count(group.school_id) > 0},
              {"pupils", pupils}};
    return r;
}

Response get_legend(Context& ctx) {
    auto txn = ctx.services.store.begin();
    const State& state = txn.state();
    auto it = state.schools.find(ctx.params.at("school"));
    if (it == state.schools.end() || !is_staff_at_school(*ctx.me, it->first)) throw not_found();
    Response r;
    r.body = {{"legend", legend_json(state, it->second, ctx.language())}};
    return r;
}

Response set_legend(Context& ctx) {
    RequestBody body(ctx.request.body, {"red", "yellow", "green", "not_assessed"});
    AssessmentLegend legend{body.required_string("red", kLegendMaxChars), body.required_string("yellow", kLegendMaxChars),
                            body.required_string("green", kLegendMaxChars),
                            body.optional_string("not_assessed", kLegendMaxChars)};
    std::uint64_t seq;
    json reply;
    {
        auto txn = ctx.services.store.begin();
        const School& school = school_for_admin(txn.state(), *ctx.me, ctx.params.at("school"));
        // Kept as the school's data, so in Swedish whatever the admin's language.
        if (legend.not_assessed.empty()) legend.not_assessed = legend_of(txn.state(), school, Language::sv).not_assessed;
        seq = txn.commit({{"type", "assessment_legend_set"}, {"school_id", school.id}, {"legend", legend}});
        reply = legend_json(txn.state(), school, ctx.language());
    }
    ctx.services.store.make_durable(seq);
    Response r;
    r.body = {{"legend", reply}};
    return r;
}

Response set_grade_publishing(Context& ctx) {
    RequestBody body(ctx.request.body, {"published"});
    const auto published = body.optional_bool("published");
    if (!published)
        throw bad_request("published", "Fältet published saknas (true eller false).",
                          "The field published is missing (true or false).");
    std::uint64_t seq;
    {
        auto txn = ctx.services.store.begin();
        const State& state = txn.state();
        const School& school = school_for_admin(state, *ctx.me, ctx.params.at("school"));
        const bool was = state.assessments.grades_published.count(school.id) > 0;
        seq = txn.commit({{"type", "grade_publishing_set"}, {"school_id", school.id}, {"published", *published}});
        if (*published && !was) {
            std::vector<Id> graded;
            for (const auto& [pid, grades] : state.assessments.grades) {
                const Person* p = find_person(state, pid);
                if (p && p->school_id == school.id && !grades.empty()) graded.push_back(pid);
            }
            seq = std::max(seq, notify_pupils(txn, graded,
                                              {Box::Bedomningar, "grade", school.id,
                                               {"Betygen är publicerade", "Grades have been published"}},
                                              ctx.now, ctx.me->id));
        }
    }
    ctx.services.store.make_durable(seq);
    Response r;
    r.body = {{"school_id", ctx.params.at("school")}, {"published", *published}};
    return r;
}

// --- Events, snapshot, demo, card -----------------------------------------------

bool apply(State& state, const std::string& type, const json& event) {
    auto& s = state.assessments;
    if (type == "assessment_criterion_created") {
        auto c = event.at("criterion").get<AssessmentCriterion>();
        Id id = c.id;
        s.criteria[id] = std::move(c);
    } else if (type == "assessment_part_set" || type == "assessment_comment_set") {
        const Id pupil = event.at("pupil_id").get<std::string>();
        const Id criterion = event.at("criterion_id").get<std::string>();
        PupilAssessment& a = s.by_pupil[pupil][criterion];
        a.pupil_id = pupil;
        a.criterion_id = criterion;
        bool touched;
        if (type == "assessment_part_set") {
            const int part = event.at("part").get<int>();
            const json& level = event.at("level");
            touched = !level.is_null();
            if (level.is_null()) {
                a.levels.erase(part);
            } else {
                auto l = level_from(level.get<std::string>());
                if (!l) throw std::runtime_error("unknown assessment level in event");
                a.levels[part] = *l;
            }
        } else {
            a.comment = event.at("comment").get<std::string>();
            touched = !a.comment.empty();
        }
        if (touched) {
            a.assessed_by = event.at("by").get<std::string>();
            a.assessed_at = event.at("at").get<UnixSeconds>();
        }
        if (a.levels.empty() && a.comment.empty()) {
            s.by_pupil[pupil].erase(criterion);
            if (s.by_pupil[pupil].empty()) s.by_pupil.erase(pupil);
        }
    } else if (type == "assessments_seen") {
        s.seen[seen_key(event.at("viewer_id").get<std::string>(), event.at("pupil_id").get<std::string>())] =
            event.at("at").get<UnixSeconds>();
    } else if (type == "assessment_legend_set") {
        s.legends[event.at("school_id").get<std::string>()] = event.at("legend").get<AssessmentLegend>();
    } else if (type == "grade_set") {
        auto g = event.at("grade").get<Grade>();
        Id pupil = g.pupil_id;
        std::string key = grade_key(g.term, g.subject);
        s.grades[pupil][key] = std::move(g);
    } else if (type == "grade_publishing_set") {
        const Id school = event.at("school_id").get<std::string>();
        if (event.at("published").get<bool>()) s.grades_published.insert(school);
        else s.grades_published.erase(school);
    } else {
        return false;
    }
    return true;
}

void save(const State& state, json& out) {
    const auto& s = state.assessments;
    json criteria = json::array(), assessments = json::array(), legends = json::object(), grades = json::array(),
         seen = json::object();
    for (const auto& [id, c] : s.criteria) criteria.push_back(c);
    for (const auto& [pupil, rows] : s.by_pupil)
        for (const auto& [cid, a] : rows) assessments.push_back(a);
    for (const auto& [school, l] : s.legends) legends[school] = l;
    for (const auto& [pupil, list] : s.grades)
        for (const auto& [key, g] : list) grades.push_back(g);
    for (const auto& [key, at] : s.seen) seen[key] = at;
    out["assessment_criteria"] = std::move(criteria);
    out["assessments"] = std::move(assessments);
    out["assessment_legends"] = std::move(legends);
    out["grades"] = std::move(grades);
    out["grades_published"] = s.grades_published;
    out["assessments_seen"] = std::move(seen);
}

void load(const json& in, State& state) {
    auto& s = state.assessments;
    s = AssessmentState{};
    for (const auto& j : in.value("assessment_criteria", json::array())) {
        auto c = j.get<AssessmentCriterion>();
        Id id = c.id;
        s.criteria.emplace(std::move(id), std::move(c));
    }
    for (const auto& j : in.value("assessments", json::array())) {
        auto a = j.get<PupilAssessment>();
        Id pupil = a.pupil_id, cid = a.criterion_id;
        s.by_pupil[pupil].emplace(std::move(cid), std::move(a));
    }
    const json assessment_legends_json = in.value("assessment_legends", json::object());
    for (const auto& [school, l] : assessment_legends_json.items())
        s.legends[school] = l.get<AssessmentLegend>();
    for (const auto& j : in.value("grades", json::array())) {
        auto g = j.get<Grade>();
        Id pupil = g.pupil_id;
        std::string key = grade_key(g.term, g.subject);
        s.grades[pupil].emplace(std::move(key), std::move(g));
    }
    for (const auto& school : in.value("grades_published", json::array())) s.grades_published.insert(school.get<std::string>());
    const json assessments_seen_json = in.value("assessments_seen", json::object());
    for (const auto& [key, at] : assessments_seen_json.items()) s.seen[key] = at.get<UnixSeconds>();
}

struct DemoCriterion {
    const char* subject;
    const char* title;
    const char* parts[3];
};
const DemoCriterion kGrundskolaCriteria[] = {
    {"Matematik", "Problemlösning",
     {"Formulerar och löser problem med hjälp av matematik", "Värderar valda strategier och metoder",
      "Använder matematiska begrepp och visar hur de hänger ihop"}},
    {"Svenska", "Läsa och skriva",
     {"Läser skönlitteratur och sakprosa med flyt", "Skriver olika slags texter med tydligt innehåll och struktur",
      "För enkla resonemang om texters innehåll"}},
    {"Engelska", "Muntlig kommunikation",
     {"Förstår det huvudsakliga innehållet i tydligt talad engelska", "Formulerar sig enkelt och begripligt i tal",
      "Använder strategier för att lösa problem i samtal"}},
};
const DemoCriterion kGymnasieCriteria[] = {
    {"Matematik 1c", "Begrepp och procedurer",
     {"Beskriver innebörden av centrala begrepp", "Löser uppgifter av standardkaraktär med säkerhet",
      "Växlar mellan olika representationer"}},
    {"Svenska 1", "Muntlig framställning",
     {"Håller en anförande anpassat till syfte och mottagare", "Använder stödord och presentationstekniska hjälpmedel",
      "Ger respons på andras framställningar"}},
    {"Engelska 5", "Skriftlig produktion",
     {"Formulerar sig med viss variation och tydlighet", "Strukturerar texten så att den blir sammanhängande",
      "Bearbetar och förbättrar egna texter"}},
};

AssessmentLevel demo_level(DemoRandom& rng) {
    const int r = rng.below(100);
    return r < 45 ? AssessmentLevel::Green : r < 85 ? AssessmentLevel::Yellow : AssessmentLevel::Red;
}

// The term before the one `today` is in: autumn term from August, spring term until July.
std::string last_term(const Date& today) {
    if (today.month >= 8) return "VT" + std::to_string(today.year);
    return "HT" + std::to_string(today.year - 1);
}

void make_demo(DemoContext& ctx) {
    State& state = ctx.state;
    auto& s = state.assessments;
    const UnixSeconds day = 86400;
    int next = 1;
    const std::string term = last_term(ctx.today);
    for (const auto& [gid, group] : state.groups) {
        const School& school = state.schools.at(group.school_id);
        if (school.form == SchoolForm::Forskola) continue;
        const bool gy = school.form == SchoolForm::Gymnasieskola;
        const Id teacher = !group.mentor_id.empty() ? group.mentor_id : group.staff_ids.empty() ? "" : group.staff_ids[0];
        const DemoCriterion* defs = gy ? kGymnasieCriteria : kGrundskolaCriteria;
        std::vector<Id> ids;
        for (int i = 0; i < 3; ++i) {
            AssessmentCriterion c{"krit-demo-" + std::to_string(next++), gid, defs[i].subject, defs[i].title,
                                  {defs[i].parts[0], defs[i].parts[1], defs[i].parts[2]}, teacher,
                                  ctx.now - (90 + i) * day};
            ids.push_back(c.id);
            s.criteria.emplace(c.id, std::move(c));
        }
        // Grades from year 6 in grundskola, every year in gymnasieskola.
        const bool graded = gy || (!group.name.empty() && group.name[0] >= '6' && group.name[0] <= '9');
        for (const Id& pid : pupils_of_group(state, gid)) {
            auto& rows = s.by_pupil[pid];
            for (int i = 0; i < 3; ++i) {
                PupilAssessment a{pid, ids[i], {}, "", teacher, 0};
                // Two recent assessments (new on the start page), one from earlier in the term.
                a.assessed_at = i < 2 ? ctx.now - (1 + ctx.rng.below(9)) * day - ctx.rng.below(8) * 3600
                                      : ctx.now - (30 + ctx.rng.below(50)) * day;
                const int assessed_parts = i < 2 ? 2 + ctx.rng.below(2) : 1 + ctx.rng.below(2);
                for (int p = 0; p < assessed_parts; ++p) a.levels[p] = demo_level(ctx.rng);
                if (ctx.rng.chance(30)) a.comment = "Bra arbete! Fortsätt att visa hur du tänker.";
                rows.emplace(ids[i], std::move(a));
            }
            if (graded)
                for (int i = 0; i < 3; ++i) {
                    static const char* const letters[] = {"A", "B", "C", "C", "D", "E", "E", "F"};
                    Grade g{pid, defs[i].subject, term, ctx.rng.pick(letters), teacher, ctx.now - 120 * day};
                    s.grades[pid].emplace(grade_key(term, g.subject), std::move(g));
                }
        }
    }
    for (const auto& [sid, school] : state.schools)
        if (school.form == SchoolForm::Gymnasieskola) s.grades_published.insert(sid);
}

json card(const CardContext& ctx, Box) {
    const int unread = new_count(ctx.state, ctx.viewer.id, ctx.pupil.id, ctx.now);
    int assessed = 0;
    for (const auto& [cid, a] : assessments_of(ctx.state, ctx.pupil.id)) assessed += !a.levels.empty();
    const std::string n = std::to_string(unread), all = std::to_string(assessed);
    std::string summary = unread == 1    ? ctx.say("1 ny bedömning", "1 new assessment")
                          : unread > 1   ? ctx.say(n + " nya bedömningar", n + " new assessments")
                          : assessed > 0 ? ctx.say(all + (assessed == 1 ? " bedömning" : " bedömningar"),
                                                   all + (assessed == 1 ? " assessment" : " assessments"))
                                         : ctx.say("Inga bedömningar än", "No assessments yet");
    json c = {{"summary", summary}, {"count", assessed}, {"unread", unread}};
    c["grades_published"] = ctx.state.assessments.grades_published.count(ctx.school.id) > 0;
    return c;
}

}  // namespace

extern const BoxModule assessments_module{
    "assessments",
    {Box::Bedomningar},
    {
        {"GET", "/api/v1/pupils/{pupil}/assessments", true, list_assessments, Access::PupilData},
        {"POST", "/api/v1/pupils/{pupil}/assessments/read", true, mark_assessments_read, Access::PupilData},
        {"GET", "/api/v1/pupils/{pupil}/grades", true, list_grades, Access::PupilData},
        {"PUT", "/api/v1/pupils/{pupil}/grades", true, set_grade, Access::StaffOfPupil},
        {"GET", "/api/v1/groups/{group}/criteria", true, group_criteria, Access::StaffOfGroup},
        {"POST", "/api/v1/groups/{group}/criteria", true, create_criterion, Access::StaffOfGroup},
        {"GET", "/api/v1/groups/{group}/grades", true, group_grades, Access::StaffOfGroup},
        {"PUT", "/api/v1/pupils/{pupil}/criteria/{criterion}/parts/{part}", true, set_part_level, Access::StaffOfPupil},
        {"PUT", "/api/v1/pupils/{pupil}/criteria/{criterion}/comment", true, set_criterion_comment, Access::StaffOfPupil},
        {"GET", "/api/v1/schools/{school}/assessment-legend", true, get_legend, Access::StaffOfSchool},
        {"PUT", "/api/v1/schools/{school}/assessment-legend", true, set_legend, Access::AdminOfSchool},
        {"PUT", "/api/v1/schools/{school}/grade-publishing", true, set_grade_publishing, Access::AdminOfSchool},
    },
    apply,
    save,
    load,
    make_demo,
    card,
};

}  // namespace skolnav
