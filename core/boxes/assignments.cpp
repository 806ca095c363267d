// Uppgifter: assignments a group's staff give (title, description, due date and time,
// files), each pupil's hand-in, and a thread per pupil and assignment.
//
// Staff of the group (StaffOfGroup):
//   GET/POST          /api/v1/groups/{group}/assignments
//   GET/PUT/DELETE    /api/v1/groups/{group}/assignments/{assignment}
//   GET               /api/v1/groups/{group}/assignments/{assignment}/pupils/{pupil}
//   POST              …/pupils/{pupil}/messages   reply in the pupil's thread
//   POST              …/pupils/{pupil}/return     return the hand-in with feedback
// Pupils and guardians (guardians read only):
//   GET               /api/v1/pupils/{pupil}/assignments[/{assignment}]
//   POST              /api/v1/pupils/{pupil}/assignments/{assignment}/messages   (the pupil)
//   POST              /api/v1/pupils/{pupil}/assignments/{assignment}/hand-in    (the pupil)
#include "core/boxes/assignments.hpp"

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

void to_json(json& j, const Assignment& a) {
    j = {{"id", a.id},
         {"group_id", a.group_id},
         {"title", a.title},
         {"description", a.description},
         {"due_date", a.due_date.iso()},
         {"due_minutes", a.due_minutes},
         {"due_at", a.due_at},
         {"attachment_ids", a.attachment_ids},
         {"published", a.published},
         {"created_by", a.created_by},
         {"created_at", a.created_at},
         {"changed_at", a.changed_at}};
}
void from_json(const json& j, Assignment& a) {
    a.id = j.at("id").get<std::string>();
    a.group_id = j.at("group_id").get<std::string>();
    a.title = j.at("title").get<std::string>();
    a.description = j.at("description").get<std::string>();
    a.due_date = j.at("due_date").get<Date>();
    a.due_minutes = j.at("due_minutes").get<int>();
    a.due_at = j.at("due_at").get<UnixSeconds>();
    a.attachment_ids = j.at("attachment_ids").get<std::vector<Id>>();
    a.published = j.at("published").get<bool>();
    a.created_by = j.at("created_by").get<std::string>();
    a.created_at = j.at("created_at").get<UnixSeconds>();
    a.changed_at = j.at("changed_at").get<UnixSeconds>();
}
void to_json(json& j, const HandIn& h) {
    j = {{"assignment_id", h.assignment_id}, {"pupil_id", h.pupil_id},     {"text", h.text},
         {"attachment_ids", h.attachment_ids}, {"handed_in_at", h.handed_in_at}, {"late", h.late},
         {"returned", h.returned},           {"feedback", h.feedback},     {"returned_by", h.returned_by},
         {"returned_at", h.returned_at}};
}
void from_json(const json& j, HandIn& h) {
    h.assignment_id = j.at("assignment_id").get<std::string>();
    h.pupil_id = j.at("pupil_id").get<std::string>();
    h.text = j.at("text").get<std::string>();
    h.attachment_ids = j.at("attachment_ids").get<std::vector<Id>>();
    h.handed_in_at = j.at("handed_in_at").get<UnixSeconds>();
    h.late = j.at("late").get<bool>();
    h.returned = j.at("returned").get<bool>();
    h.feedback = j.at("feedback").get<std::string>();
    h.returned_by = j.at("returned_by").get<std::string>();
    h.returned_at = j.at("returned_at").get<UnixSeconds>();
}
void to_json(json& j, const AssignmentMessage& m) {
    j = {{"id", m.id},           {"assignment_id", m.assignment_id}, {"pupil_id", m.pupil_id},
         {"author_id", m.author_id}, {"text", m.text},               {"sent_at", m.sent_at}};
}
void from_json(const json& j, AssignmentMessage& m) {
    m.id = j.at("id").get<std::string>();
    m.assignment_id = j.at("assignment_id").get<std::string>();
    m.pupil_id = j.at("pupil_id").get<std::string>();
    m.author_id = j.at("author_id").get<std::string>();
    m.text = j.at("text").get<std::string>();
    m.sent_at = j.at("sent_at").get<UnixSeconds>();
}

std::string hand_in_link_id(const Id& assignment_id, const Id& pupil_id) { return assignment_id + ":" + pupil_id; }

std::string hand_in_status(const State& state, const Assignment& a, const Id& pupil_id) {
    auto it = state.assignments.hand_ins.find({a.id, pupil_id});
    if (it == state.assignments.hand_ins.end()) return "not_started";
    if (it->second.returned) return "returned";
    return it->second.late ? "late" : "handed_in";
}

namespace {

const School& school_at(const State& state, const Id& school_id) { return state.schools.at(school_id); }

bool school_uses_uppgifter(const School& school) {
    return std::find(school.enabled_boxes.begin(), school.enabled_boxes.end(), Box::Uppgifter) != school.enabled_boxes.end();
}

// Who is told when a pupil writes or hands in: the teacher who gave the assignment,
// or the group's staff if that teacher has left the group.
std::vector<Id> teachers_of(const State& state, const Assignment& a) {
    const Person* creator = find_person(state, a.created_by);
    if (creator && is_staff_of_group(state, *creator, a.group_id)) return {a.created_by};
    return state.groups.at(a.group_id).staff_ids;
}

const Group& group_for_staff(const State& state, const Id& group_id, const Person& me) {
    auto it = state.groups.find(group_id);
    if (it == state.groups.end() ||
        (!is_staff_of_group(state, me, group_id) && !is_admin_of_school(me, it->second.school_id)))
        throw not_found();
    return it->second;
}

const Assignment& assignment_in_group(const State& state, const Group& group, const Id& id) {
    auto it = state.assignments.assignments.find(id);
    if (it == state.assignments.assignments.end() || it->second.group_id != group.id) throw not_found();
    return it->second;
}

// A published assignment of the pupil's group.
const Assignment& assignment_for_pupil(const State& state, const Person& pupil, const Id& id) {
    auto it = state.assignments.assignments.find(id);
    if (it == state.assignments.assignments.end() || it->second.group_id != pupil.group_id || !it->second.published)
        throw not_found();
    return it->second;
}

json assignment_json(const State& state, const Assignment& a, const School& school) {
    const Group& g = state.groups.at(a.group_id);
    return {{"id", a.id},
            {"group", {{"id", g.id}, {"name", g.name}}},
            {"title", a.title},
            {"description", a.description},
            {"due_date", a.due_date.iso()},
            {"due_time", format_time_of_day(a.due_minutes)},
            {"due_at", school_time(school, a.due_at)},
            {"attachments", attachments_json(state, a.attachment_ids)},
            {"published", a.published},
            {"created_by", person_ref(state, a.created_by)},
            {"created_at", school_time(school, a.created_at)},
            {"changed_at", a.changed_at ? json(school_time(school, a.changed_at)) : json(nullptr)}};
}

json hand_in_json(const State& state, const HandIn& h, const School& school) {
    return {{"text", h.text},
            {"attachments", attachments_json(state, h.attachment_ids)},
            {"handed_in_at", school_time(school, h.handed_in_at)},
            {"late", h.late},
            {"returned", h.returned},
            {"feedback", h.feedback},
            {"returned_by", h.returned ? person_ref(state, h.returned_by) : json(nullptr)},
            {"returned_at", h.returned ? json(school_time(school, h.returned_at)) : json(nullptr)}};
}

// One pupil's view of an assignment: the assignment, status, hand-in and thread.
json pupil_assignment_json(const State& state, const Assignment& a, const Person& pupil, const School& school,
                           UnixSeconds now, bool with_thread) {
    json j = assignment_json(state, a, school);
    j.erase("published");
    const std::string status = hand_in_status(state, a, pupil.id);
    j["status"] = status;
    j["overdue"] = status == "not_started" && now > a.due_at;
    auto h = state.assignments.hand_ins.find({a.id, pupil.id});
    j["hand_in"] = h == state.assignments.hand_ins.end() ? json(nullptr) : hand_in_json(state, h->second, school);
    auto t = state.assignments.threads.find({a.id, pupil.id});
    const std::size_t count = t == state.assignments.threads.end() ? 0 : t->second.size();
    j["message_count"] = count;
    if (with_thread) {
        json messages = json::array();
        if (count)
            for (const auto& m : t->second) {
                const Person* author = find_person(state, m.author_id);
                messages.push_back({{"id", m.id},
                                    {"author", person_ref(state, m.author_id)},
                                    {"from", author && author->id == pupil.id ? "pupil" : "teacher"},
                                    {"text", m.text},
                                    {"sent_at", school_time(school, m.sent_at)}});
            }
        j["messages"] = messages;
    }
    return j;
}

struct AssignmentInput {
    std::string title, description;
    Date due_date;
    int due_minutes;
    std::vector<Id> attachment_ids;
    bool published;
};

AssignmentInput read_assignment(const std::string& text) {
    RequestBody body(text, {"title", "description", "due_date", "due_time", "attachment_ids", "published"});
    AssignmentInput in;
    in.title = body.required_string("title", kAssignmentTitleMaxChars);
    in.description = body.optional_string("description", kAssignmentDescriptionMaxChars);
    in.due_date = body.required_date("due_date");
    in.due_minutes = body.optional_time("due_time").value_or(23 * 60 + 59);
    in.attachment_ids = body.string_list("attachment_ids", kMaxAttachmentsPerItem, 64);
    in.published = body.optional_bool("published").value_or(true);
    return in;
}

Response reply(int status, json body) {
    Response r;
    r.status = status;
    r.body = std::move(body);
    return r;
}

// --- staff ---------------------------------------------------------------------------

json counts_of(const State& state, const Assignment& a) {
    int handed_in = 0, late = 0, returned = 0;
    const auto& pupils = pupils_of_group(state, a.group_id);
    for (const Id& p : pupils) {
        const std::string s = hand_in_status(state, a, p);
        handed_in += s == "handed_in";
        late += s == "late";
        returned += s == "returned";
    }
    return {{"pupils", pupils.size()}, {"handed_in", handed_in}, {"late", late}, {"returned", returned}};
}

Response list_group_assignments(Context& ctx) {
    auto txn = ctx.services.store.begin();
    const State& state = txn.state();
    const Group& group = group_for_staff(state, ctx.params.at("group"), *ctx.me);
    const School& school = school_at(state, group.school_id);
    std::vector<const Assignment*> list;
    for (const auto& [id, a] : state.assignments.assignments)
        if (a.group_id == group.id) list.push_back(&a);
    std::sort(list.begin(), list.end(), [](auto* x, auto* y) { return x->due_at != y->due_at ? x->due_at < y->due_at : x->id < y->id; });
    json items = json::array();
    for (const Assignment* a : list) {
        json j = assignment_json(state, *a, school);
        j["counts"] = counts_of(state, *a);
        items.push_back(std::move(j));
    }
    return reply(200, {{"group", {{"id", group.id}, {"name", group.name}}}, {"assignments", items}});
}

Response get_group_assignment(Context& ctx) {
    auto txn = ctx.services.store.begin();
    const State& state = txn.state();
    const Group& group = group_for_staff(state, ctx.params.at("group"), *ctx.me);
    const School& school = school_at(state, group.school_id);
    const Assignment& a = assignment_in_group(state, group, ctx.params.at("assignment"));
    json j = assignment_json(state, a, school);
    j["counts"] = counts_of(state, a);
    json pupils = json::array();
    for (const Id& pid : pupils_of_group(state, group.id)) {
        const Person& p = state.people.at(pid);
        auto t = state.assignments.threads.find({a.id, pid});
        auto h = state.assignments.hand_ins.find({a.id, pid});
        pupils.push_back({{"pupil", {{"id", pid}, {"name", p.full_name()}}},
                          {"status", hand_in_status(state, a, pid)},
                          {"handed_in_at", h == state.assignments.hand_ins.end()
                                               ? json(nullptr)
                                               : json(school_time(school, h->second.handed_in_at))},
                          {"message_count", t == state.assignments.threads.end() ? 0 : t->second.size()}});
    }
    j["pupils"] = pupils;
    return reply(200, {{"assignment", j}});
}

Response save_assignment(Context& ctx, bool create) {
    const AssignmentInput in = read_assignment(ctx.request.body);
    json result;
    std::uint64_t seq = 0;
    {
        auto txn = ctx.services.store.begin();
        const State& state = txn.state();
        const Group& group = group_for_staff(state, ctx.params.at("group"), *ctx.me);
        const School& school = school_at(state, group.school_id);
        if (!school_uses_uppgifter(school))
            throw ApiError(403, "forbidden",
                           {school.name + " använder inte Uppgifter i Skolnav.",
                            school.name + " does not use Assignments in Skolnav."});
        Assignment a;
        bool was_published = false;
        if (create) {
            a.id = "";  // set below, after every check
            a.group_id = group.id;
            a.created_by = ctx.me->id;
            a.created_at = ctx.now;
        } else {
            a = assignment_in_group(state, group, ctx.params.at("assignment"));
            was_published = a.published;
            a.changed_at = ctx.now;
        }
        const Date today = today_at(school, ctx.now);
        const bool due_changed = create || in.due_date != a.due_date || in.due_minutes != a.due_minutes;
        if (due_changed && in.due_date < today)
            throw bad_request("due_date", "Sista dag för inlämning kan inte ha passerat (idag är " + today.iso() + ").",
                              "The due date cannot be in the past (today is " + today.iso() + ").");
        if (in.due_date > today.plus_days(366))
            throw bad_request("due_date", "Sista dag får vara högst ett år fram.",
                              "The due date can be at most one year ahead.");
        check_attachments(state, *ctx.me, in.attachment_ids, "attachment_ids", "assignment", a.id);
        if (create) a.id = txn.new_id("asg");
        a.title = in.title;
        a.description = in.description;
        a.due_date = in.due_date;
        a.due_minutes = in.due_minutes;
        a.due_at = local_instant(school, in.due_date, in.due_minutes);
        a.attachment_ids = in.attachment_ids;
        a.published = in.published;
        seq = txn.commit({{"type", "assignment_saved"}, {"assignment", a}});
        if (a.published && !was_published)
            seq = std::max(seq, notify_pupils(txn, pupils_of_group(state, group.id),
                                              {Box::Uppgifter, "assignment", a.id,
                                               {"Ny uppgift: " + a.title, "New assignment: " + a.title}},
                                              ctx.now));
        result = assignment_json(state, a, school);
        result["counts"] = counts_of(state, a);
    }
    ctx.services.store.make_durable(seq);
    return reply(create ? 201 : 200, {{"assignment", result}});
}

Response create_assignment(Context& ctx) { return save_assignment(ctx, true); }
Response update_assignment(Context& ctx) { return save_assignment(ctx, false); }

Response delete_assignment(Context& ctx) {
    std::uint64_t seq;
    {
        auto txn = ctx.services.store.begin();
        const State& state = txn.state();
        const Group& group = group_for_staff(state, ctx.params.at("group"), *ctx.me);
        const Assignment& a = assignment_in_group(state, group, ctx.params.at("assignment"));
        seq = txn.commit({{"type", "assignment_deleted"}, {"id", a.id}});
    }
    ctx.services.store.make_durable(seq);
    return reply(204, nullptr);
}

// The pupil in a staff route: one of the group's pupils, else 404.
const Person& pupil_in_group(const State& state, const Group& group, const Id& pupil_id) {
    const Person* p = find_person(state, pupil_id);
    if (!p || p->role != Role::Pupil || p->group_id != group.id) throw not_found();
    return *p;
}

// One pupil's thread on an assignment, as the staff routes name it: group, assignment
// and pupil from the path (404 unless the caller works with the group and both are in it).
struct StaffThread {
    const Group& group;
    const Assignment& assignment;
    const Person& pupil;
};

StaffThread staff_thread(const State& state, const Context& ctx) {
    const Group& group = group_for_staff(state, ctx.params.at("group"), *ctx.me);
    const Assignment& a = assignment_in_group(state, group, ctx.params.at("assignment"));
    return {group, a, pupil_in_group(state, group, ctx.params.at("pupil"))};
}

Response get_pupil_thread_for_staff(Context& ctx) {
    auto txn = ctx.services.store.begin();
    const State& state = txn.state();
    const auto [group, a, pupil] = staff_thread(state, ctx);
    json j = pupil_assignment_json(state, a, pupil, school_at(state, group.school_id), ctx.now, true);
    j["pupil"] = {{"id", pupil.id}, {"name", pupil.full_name()}};
    return reply(200, {{"assignment", j}});
}

json message_json(const State& state, const AssignmentMessage& m, const School& school) {
    return {{"id", m.id},
            {"author", person_ref(state, m.author_id)},
            {"from", m.author_id == m.pupil_id ? "pupil" : "teacher"},
            {"text", m.text},
            {"sent_at", school_time(school, m.sent_at)}};
}

Response staff_reply(Context& ctx) {
    RequestBody body(ctx.request.body, {"text"});
    const std::string text = body.required_string("text", kAssignmentMessageMaxChars);
    json result;
    std::uint64_t seq;
    {
        auto txn = ctx.services.store.begin();
        const State& state = txn.state();
        const auto [group, a, pupil] = staff_thread(state, ctx);
        if (!a.published)
            throw ApiError(409, "conflict", {"Uppgiften är inte publicerad ännu.", "The assignment is not published yet."});
        AssignmentMessage m{txn.new_id("asm"), a.id, pupil.id, ctx.me->id, text, ctx.now};
        seq = txn.commit({{"type", "assignment_message_sent"}, {"message", m}});
        seq = std::max(seq, notify_pupils(txn, {pupil.id},
                                          {Box::Uppgifter, "assignment_reply", a.id,
                                           {"Svar från läraren: " + a.title, "Reply from the teacher: " + a.title}},
                                          ctx.now));
        result = message_json(state, m, school_at(state, group.school_id));
    }
    ctx.services.store.make_durable(seq);
    return reply(201, {{"message", result}});
}

Response return_hand_in(Context& ctx) {
    RequestBody body(ctx.request.body, {"feedback"});
    const std::string feedback = body.optional_string("feedback", kFeedbackMaxChars);
    json result;
    std::uint64_t seq;
    {
        auto txn = ctx.services.store.begin();
        const State& state = txn.state();
        const auto [group, a, pupil] = staff_thread(state, ctx);
        if (!state.assignments.hand_ins.count({a.id, pupil.id}))
            throw ApiError(409, "conflict",
                           {pupil.first_name + " har inte lämnat in något ännu.",
                            pupil.first_name + " has not handed anything in yet."});
        seq = txn.commit({{"type", "assignment_returned"},
                          {"assignment_id", a.id},
                          {"pupil_id", pupil.id},
                          {"feedback", feedback},
                          {"returned_by", ctx.me->id},
                          {"returned_at", ctx.now}});
        seq = std::max(seq, notify_pupils(txn, {pupil.id},
                                          {Box::Uppgifter, "assignment_returned", a.id,
                                           {"Återlämnad med omdöme: " + a.title, "Returned with feedback: " + a.title}},
                                          ctx.now));
        result = pupil_assignment_json(state, a, pupil, school_at(state, group.school_id), ctx.now, true);
    }
    ctx.services.store.make_durable(seq);
    return reply(200, {{"assignment", result}});
}

// --- pupils and guardians --------------------------------------------------------------

Response list_pupil_assignments(Context& ctx) {
    auto txn = ctx.services.store.begin();
    const State& state = txn.state();
    const auto access = pupil_box(state, ctx.params.at("pupil"), *ctx.me, ctx.now, Box::Uppgifter);
    std::vector<const Assignment*> list;
    for (const auto& [id, a] : state.assignments.assignments)
        if (a.group_id == access.pupil.group_id && a.published) list.push_back(&a);
    std::sort(list.begin(), list.end(), [](auto* x, auto* y) { return x->due_at != y->due_at ? x->due_at < y->due_at : x->id < y->id; });
    json items = json::array();
    for (const Assignment* a : list) items.push_back(pupil_assignment_json(state, *a, access.pupil, access.school, ctx.now, false));
    return reply(200, {{"pupil", {{"id", access.pupil.id}, {"name", access.pupil.full_name()}}},
                       {"can_write", ctx.me->id == access.pupil.id},
                       {"assignments", items}});
}

Response get_pupil_assignment(Context& ctx) {
    auto txn = ctx.services.store.begin();
    const State& state = txn.state();
    const auto access = pupil_box(state, ctx.params.at("pupil"), *ctx.me, ctx.now, Box::Uppgifter);
    const Assignment& a = assignment_for_pupil(state, access.pupil, ctx.params.at("assignment"));
    json j = pupil_assignment_json(state, a, access.pupil, access.school, ctx.now, true);
    const bool is_pupil = ctx.me->id == access.pupil.id;
    j["can_write"] = is_pupil;
    j["can_hand_in"] = is_pupil && j["status"] != "returned";
    return reply(200, {{"assignment", j}});
}

// The pupil themself writes; a guardian who sees the pupil reads only.
PupilAccess pupil_writes(const State& state, Context& ctx) {
    auto access = pupil_box(state, ctx.params.at("pupil"), *ctx.me, ctx.now, Box::Uppgifter);
    if (ctx.me->id != access.pupil.id)
        throw ApiError(403, "forbidden",
                       {"Bara eleven själv kan skriva och lämna in uppgifter.",
                        "Only the pupil can write and hand in assignments."});
    return access;
}

Response pupil_message(Context& ctx) {
    RequestBody body(ctx.request.body, {"text"});
    const std::string text = body.required_string("text", kAssignmentMessageMaxChars);
    json result;
    std::uint64_t seq;
    {
        auto txn = ctx.services.store.begin();
        const State& state = txn.state();
        const auto access = pupil_writes(state, ctx);
        const Assignment& a = assignment_for_pupil(state, access.pupil, ctx.params.at("assignment"));
        AssignmentMessage m{txn.new_id("asm"), a.id, access.pupil.id, ctx.me->id, text, ctx.now};
        seq = txn.commit({{"type", "assignment_message_sent"}, {"message", m}});
        seq = std::max(seq, notify_people(txn, teachers_of(state, a), access.pupil.id,
                                          {Box::Uppgifter, "assignment_message", a.id,
                                           {access.pupil.full_name() + " skrev om " + a.title,
                                            access.pupil.full_name() + " wrote about " + a.title}},
                                          ctx.now));
        result = message_json(state, m, access.school);
    }
    ctx.services.store.make_durable(seq);
    return reply(201, {{"message", result}});
}

Response hand_in(Context& ctx) {
    RequestBody body(ctx.request.body, {"text", "attachment_ids"});
    const std::string text = body.optional_string("text", kHandInTextMaxChars);
    const auto ids = body.string_list("attachment_ids", kMaxAttachmentsPerItem, 64);
    if (text.empty() && ids.empty())
        throw bad_request("attachment_ids", "Bifoga minst en fil eller skriv en text.",
                          "Attach at least one file or write a text.");
    json result;
    std::uint64_t seq;
    {
        auto txn = ctx.services.store.begin();
        const State& state = txn.state();
        const auto access = pupil_writes(state, ctx);
        const Assignment& a = assignment_for_pupil(state, access.pupil, ctx.params.at("assignment"));
        auto existing = state.assignments.hand_ins.find({a.id, access.pupil.id});
        if (existing != state.assignments.hand_ins.end() && existing->second.returned)
            throw ApiError(409, "conflict",
                           {"Läraren har redan lämnat tillbaka uppgiften, så den kan inte lämnas in igen.",
                            "The teacher has already returned the assignment, so it cannot be handed in again."});
        check_attachments(state, *ctx.me, ids, "attachment_ids", "hand_in", hand_in_link_id(a.id, access.pupil.id));
        HandIn h;
        h.assignment_id = a.id;
        h.pupil_id = access.pupil.id;
        h.text = text;
        h.attachment_ids = ids;
        h.handed_in_at = ctx.now;
        h.late = ctx.now > a.due_at;
        seq = txn.commit({{"type", "assignment_handed_in"}, {"hand_in", h}});
        seq = std::max(seq, notify_people(txn, teachers_of(state, a), access.pupil.id,
                                          {Box::Uppgifter, "assignment_hand_in", a.id,
                                           {access.pupil.full_name() + " lämnade in " + a.title,
                                            access.pupil.full_name() + " handed in " + a.title}},
                                          ctx.now));
        result = pupil_assignment_json(state, a, access.pupil, access.school, ctx.now, true);
    }
    ctx.services.store.make_durable(seq);
    return reply(201, {{"assignment", result}});
}

// --- events, snapshot, card, demo ---------------------------------------------------------

void erase_assignment(State& state, const Id& id) {
    auto& s = state.assignments;
    const auto lo = AssignmentPupil{id, ""};
    for (auto it = s.hand_ins.lower_bound(lo); it != s.hand_ins.end() && it->first.first == id;) {
        set_attachment_links(state, "hand_in", hand_in_link_id(id, it->first.second), {});
        it = s.hand_ins.erase(it);
    }
    for (auto it = s.threads.lower_bound(lo); it != s.threads.end() && it->first.first == id;) it = s.threads.erase(it);
    set_attachment_links(state, "assignment", id, {});
    s.assignments.erase(id);
}

bool apply(State& state, const std::string& type, const json& event) {
    auto& s = state.assignments;
    if (type == "assignment_saved") {
        auto a = event.at("assignment").get<Assignment>();
        set_attachment_links(state, "assignment", a.id, a.attachment_ids);
        Id id = a.id;
        s.assignments[id] = std::move(a);
    } else if (type == "assignment_deleted") {
        erase_assignment(state, event.at("id").get<std::string>());
    } else if (type == "assignment_handed_in") {
        auto h = event.at("hand_in").get<HandIn>();
        set_attachment_links(state, "hand_in", hand_in_link_id(h.assignment_id, h.pupil_id), h.attachment_ids);
        AssignmentPupil key{h.assignment_id, h.pupil_id};
        s.hand_ins[key] = std::move(h);
    } else if (type == "assignment_returned") {
        HandIn& h = s.hand_ins.at({event.at("assignment_id").get<std::string>(), event.at("pupil_id").get<std::string>()});
        h.returned = true;
        h.feedback = event.at("feedback").get<std::string>();
        h.returned_by = event.at("returned_by").get<std::string>();
        h.returned_at = event.at("returned_at").get<UnixSeconds>();
    } else if (type == "assignment_message_sent") {
        auto m = event.at("message").get<AssignmentMessage>();
        AssignmentPupil key{m.assignment_id, m.pupil_id};
        s.threads[key].push_back(std::move(m));
    } else {
        return false;
    }
    return true;
}

void save(const State& state, json& out) {
    const auto& s = state.assignments;
    json assignments = json::array(), hand_ins = json::array(), messages = json::array();
    for (const auto& [id, a] : s.assignments) assignments.push_back(a);
    for (const auto& [key, h] : s.hand_ins) hand_ins.push_back(h);
    for (const auto& [key, thread] : s.threads)
        for (const auto& m : thread) messages.push_back(m);
    out["assignments"] = std::move(assignments);
    out["assignment_hand_ins"] = std::move(hand_ins);
    out["assignment_messages"] = std::move(messages);
}

void load(const json& in, State& state) {
    auto& s = state.assignments;
    s = {};
    for (const auto& j : in.value("assignments", json::array())) {
        auto a = j.get<Assignment>();
        Id id = a.id;
        s.assignments.emplace(std::move(id), std::move(a));
    }
    for (const auto& j : in.value("assignment_hand_ins", json::array())) {
        auto h = j.get<HandIn>();
        AssignmentPupil key{h.assignment_id, h.pupil_id};
        s.hand_ins.emplace(std::move(key), std::move(h));
    }
    for (const auto& j : in.value("assignment_messages", json::array())) {
        auto m = j.get<AssignmentMessage>();
        AssignmentPupil key{m.assignment_id, m.pupil_id};
        s.threads[key].push_back(std::move(m));
    }
}

json card(const CardContext& ctx, Box) {
    int open = 0, overdue = 0;
    const Assignment* next = nullptr;
    for (const auto& [id, a] : ctx.state.assignments.assignments) {
        if (a.group_id != ctx.pupil.group_id || !a.published) continue;
        if (hand_in_status(ctx.state, a, ctx.pupil.id) != "not_started") continue;
        ++open;
        if (a.due_at < ctx.now) ++overdue;
        else if (!next || a.due_at < next->due_at) next = &a;
    }
    const std::string n = std::to_string(open), late = std::to_string(overdue);
    std::string summary = open == 0 ? ctx.say("Inga uppgifter att lämna in", "No assignments to hand in")
                                    : ctx.say(n + (open == 1 ? " uppgift" : " uppgifter") + " att lämna in",
                                              n + (open == 1 ? " assignment" : " assignments") + " to hand in");
    if (overdue) summary += ctx.say(" (" + late + " försenad" + (overdue == 1 ? "" : "e") + ")", " (" + late + " overdue)");
    json c = {{"count", open}, {"summary", summary}};
    if (next)
        c["next"] = {{"id", next->id}, {"title", next->title}, {"due_date", next->due_date.iso()},
                     {"due_time", format_time_of_day(next->due_minutes)}};
    return c;
}

const char* const kGrTitles[] = {"Matematik: bråk, övningar s. 32–35", "Svenska: skriv en bokrecension",
                                 "Engelska: My summer holiday", "NO: vattnets kretslopp", "SO: källkritik i nyheterna",
                                 "Teknik: rita en bro"};
const char* const kGyTitles[] = {"Labbrapport: titrering", "Essä: upplysningstiden", "Programmering: inlämning 2",
                                 "Samhällskunskap: debattartikel", "Engelska: literary analysis", "Matematik 2c: problemlösning"};
const char* const kDescriptions[] = {
    "Läs instruktionerna noga och lämna in ditt arbete här i Skolnav. Fråga i tråden om något är oklart.",
    "Arbeta enskilt. Skriv med egna ord och ange dina källor.",
    "Uppgiften görs i par men alla lämnar in var för sig. Bifoga gärna bilder."};

void make_demo(DemoContext& ctx) {
    State& state = ctx.state;
    for (const auto& [gid, group] : state.groups) {
        const School& school = state.schools.at(group.school_id);
        if (!school_uses_uppgifter(school) || group.staff_ids.empty()) continue;
        const Id teacher = group.mentor_id.empty() ? group.staff_ids.front() : group.mentor_id;
        const bool gy = school.form == SchoolForm::Gymnasieskola;
        const int offsets[] = {-6, 3, 12};
        std::vector<Id> ids;
        const int first_title = ctx.rng.below(6);
        for (int k = 0; k < 3; ++k) {
            Assignment a;
            a.id = "asg-" + std::to_string(state.next_id++);
            a.group_id = gid;
            a.title = gy ? kGyTitles[(first_title + k) % 6] : kGrTitles[(first_title + k) % 6];
            a.description = ctx.rng.pick(kDescriptions);
            a.due_date = ctx.today.plus_days(offsets[k]);
            a.due_minutes = 16 * 60;
            a.due_at = local_instant(school, a.due_date, a.due_minutes);
            a.published = true;
            a.created_by = teacher;
            a.created_at = ctx.now - (20 - offsets[k]) * 86400 / 2 - 3600;
            ids.push_back(a.id);
            state.assignments.assignments.emplace(a.id, a);
        }
        // Hand-ins of the past assignment by a few pupils, some returned; a thread or two.
        const auto& pupils = pupils_of_group(state, gid);
        const Assignment& past = state.assignments.assignments.at(ids[0]);
        const Assignment& soon = state.assignments.assignments.at(ids[1]);
        for (std::size_t i = 0; i < pupils.size() && i < 6; ++i) {
            if (ctx.rng.chance(25)) continue;
            HandIn h;
            h.assignment_id = past.id;
            h.pupil_id = pupils[i];
            h.text = "Här är min inlämning.";
            h.late = ctx.rng.chance(20);
            h.handed_in_at = past.due_at + (h.late ? 3600 * 20 : -3600 * (2 + ctx.rng.below(48)));
            if (ctx.rng.chance(50)) {
                h.returned = true;
                h.feedback = ctx.rng.chance(50) ? "Bra jobbat! Tydligt och väl genomfört." : "Bra start. Utveckla resonemanget i slutet.";
                h.returned_by = teacher;
                h.returned_at = h.handed_in_at + 86400;
            }
            state.assignments.hand_ins.emplace(AssignmentPupil{past.id, pupils[i]}, h);
        }
        for (std::size_t i = 0; i < pupils.size() && i < 2; ++i) {
            auto& thread = state.assignments.threads[{soon.id, pupils[i]}];
            thread.push_back({"asm-" + std::to_string(state.next_id++), soon.id, pupils[i], pupils[i],
                              "Hej! Hur lång ska texten vara?", ctx.now - 86400});
            thread.push_back({"asm-" + std::to_string(state.next_id++), soon.id, pupils[i], teacher,
                              "Hej! Ungefär en sida räcker gott.", ctx.now - 80000});
        }
    }
}

}  // namespace

bool may_read_assignment(const State& state, const Person& viewer, const Id& assignment_id, UnixSeconds now) {
    auto it = state.assignments.assignments.find(assignment_id);
    if (it == state.assignments.assignments.end()) return false;
    const Assignment& a = it->second;
    if (is_staff_of_group(state, viewer, a.group_id)) return true;
    if (!a.published) return false;
    for (const Person* pupil : pupils_acted_for(state, viewer)) {
        if (pupil->group_id != a.group_id) continue;
        const School* school = school_of(state, *pupil);
        if (school && sees_box(state, viewer, *pupil, Box::Uppgifter, today_at(*school, now))) return true;
    }
    return false;
}

bool may_read_hand_in(const State& state, const Person& viewer, const Id& hand_in_id, UnixSeconds now) {
    const auto colon = hand_in_id.find(':');
    if (colon == std::string::npos) return false;
    const Id assignment_id = hand_in_id.substr(0, colon), pupil_id = hand_in_id.substr(colon + 1);
    auto it = state.assignments.assignments.find(assignment_id);
    const Person* pupil = find_person(state, pupil_id);
    if (it == state.assignments.assignments.end() || !pupil) return false;
    if (is_staff_of_group(state, viewer, it->second.group_id)) return true;
    const School* school = school_of(state, *pupil);
    return it->second.published && school && sees_box(state, viewer, *pupil, Box::Uppgifter, today_at(*school, now));
}

extern const BoxModule assignments_module{
    "assignments",
    {Box::Uppgifter},
    {
        {"GET", "/api/v1/groups/{group}/assignments", true, list_group_assignments, Access::StaffOfGroup},
        {"POST", "/api/v1/groups/{group}/assignments", true, create_assignment, Access::StaffOfGroup},
        {"GET", "/api/v1/groups/{group}/assignments/{assignment}", true, get_group_assignment, Access::StaffOfGroup},
        {"PUT", "/api/v1/groups/{group}/assignments/{assignment}", true, update_assignment, Access::StaffOfGroup},
        {"DELETE", "/api/v1/groups/{group}/assignments/{assignment}", true, delete_assignment, Access::StaffOfGroup},
        {"GET", "/api/v1/groups/{group}/assignments/{assignment}/pupils/{pupil}", true, get_pupil_thread_for_staff,
         Access::StaffOfGroup},
        {"POST", "/api/v1/groups/{group}/assignments/{assignment}/pupils/{pupil}/messages", true, staff_reply,
         Access::StaffOfGroup},
        {"POST", "/api/v1/groups/{group}/assignments/{assignment}/pupils/{pupil}/return", true, return_hand_in,
         Access::StaffOfGroup},
        {"GET", "/api/v1/pupils/{pupil}/assignments", true, list_pupil_assignments, Access::PupilData},
        {"GET", "/api/v1/pupils/{pupil}/assignments/{assignment}", true, get_pupil_assignment, Access::PupilData},
        {"POST", "/api/v1/pupils/{pupil}/assignments/{assignment}/messages", true, pupil_message, Access::PupilOnly},
        {"POST", "/api/v1/pupils/{pupil}/assignments/{assignment}/hand-in", true, hand_in, Access::PupilOnly},
    },
    apply,
    save,
    load,
    make_demo,
    card,
};

}  // namespace skolnav
