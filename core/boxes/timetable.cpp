// Schema: the pupil's timetable by day or ISO week, from the weekly lessons of the
// pupil's group; staff of the group (or the school's admin) keep the lessons.
//   GET    /api/v1/pupils/{pupil}/timetable?date=YYYY-MM-DD | ?week=2026-W49
//   GET    /api/v1/groups/{group}/lessons
//   POST   /api/v1/groups/{group}/lessons
//   PUT    /api/v1/groups/{group}/lessons/{lesson}
//   DELETE /api/v1/groups/{group}/lessons/{lesson}
// A school "keeps its timetable in Skolnav" when it has lessons; Frånvaro's part-of-day
// reports depend on that.
#include "core/boxes/timetable.hpp"

#include <algorithm>

#include "core/api_error.hpp"
#include "core/box_module.hpp"
#include "core/json_mapping.hpp"
#include "core/permissions.hpp"
#include "core/publishing.hpp"
#include "core/pupil_access.hpp"
#include "core/request_body.hpp"

namespace skolnav {

// ---- shared helpers ---------------------------------------------------------------

std::vector<const Lesson*> lessons_on(const State& state, const Id& group_id, const Date& day) {
    std::vector<const Lesson*> out;
    auto ids = state.timetable.by_group.find(group_id);
    if (ids == state.timetable.by_group.end()) return out;
    const int wd = day.weekday();
    for (const Id& id : ids->second) {
        auto it = state.timetable.lessons.find(id);
        if (it == state.timetable.lessons.end()) continue;
        const Lesson& l = it->second;
        if (l.weekday != wd || (l.valid_from && day < *l.valid_from) || (l.valid_to && *l.valid_to < day)) continue;
        out.push_back(&l);
    }
    std::sort(out.begin(), out.end(), [](const Lesson* a, const Lesson* b) {
        return a->start != b->start ? a->start < b->start : a->id < b->id;
    });
    return out;
}

bool keeps_timetable(const State& state, const Id& school_id) {
    auto it = state.timetable.per_school.find(school_id);
    return it != state.timetable.per_school.end() && it->second > 0;
}

const Lesson* find_lesson(const State& state, const Id& lesson_id) {
    auto it = state.timetable.lessons.find(lesson_id);
    return it == state.timetable.lessons.end() ? nullptr : &it->second;
}

// ---- storage ------------------------------------------------------------------------

void to_json(json& j, const Lesson& l) {
    j = {{"id", l.id},
         {"group_id", l.group_id},
         {"subject", l.subject},
         {"weekday", l.weekday},
         {"start", format_time_of_day(l.start)},
         {"end", format_time_of_day(l.end)},
         {"room", l.room},
         {"teacher_id", l.teacher_id},
         {"valid_from", l.valid_from ? json(l.valid_from->iso()) : json(nullptr)},
         {"valid_to", l.valid_to ? json(l.valid_to->iso()) : json(nullptr)}};
}
void from_json(const json& j, Lesson& l) {
    l.id = j.at("id").get<std::string>();
    l.group_id = j.at("group_id").get<std::string>();
    l.subject = j.at("subject").get<std::string>();
    l.weekday = j.at("weekday").get<int>();
    l.start = parse_time_of_day(j.at("start").get<std::string>()).value();
    l.end = parse_time_of_day(j.at("end").get<std::string>()).value();
    l.room = j.value("room", "");
    l.teacher_id = j.value("teacher_id", "");
    l.valid_from = j.contains("valid_from") && !j["valid_from"].is_null() ? std::optional<Date>(j["valid_from"].get<Date>())
                                                                           : std::nullopt;
    l.valid_to = j.contains("valid_to") && !j["valid_to"].is_null() ? std::optional<Date>(j["valid_to"].get<Date>())
                                                                     : std::nullopt;
}

namespace {

void index_lesson(State& state, const Lesson& l, int delta) {
    auto& ids = state.timetable.by_group[l.group_id];
    if (delta > 0) ids.push_back(l.id);
    else ids.erase(std::remove(ids.begin(), ids.end(), l.id), ids.end());
    auto g = state.groups.find(l.group_id);
    if (g != state.groups.end()) state.timetable.per_school[g->second.school_id] += delta;
}

void put_lesson(State& state, Lesson lesson) {
    auto old = state.timetable.lessons.find(lesson.id);
    if (old != state.timetable.lessons.end()) {
        index_lesson(state, old->second, -1);
        state.timetable.lessons.erase(old);
    }
    index_lesson(state, lesson, +1);
    Id id = lesson.id;
    state.timetable.lessons.emplace(std::move(id), std::move(lesson));
}

// ---- the wire -------------------------------------------------------------------------

json lesson_definition_json(const State& state, const Lesson& l) {
    json j = l;
    j.erase("teacher_id");
    j["teacher"] = optional_person_ref(state, l.teacher_id);
    return j;
}

json occurrence_json(const State& state, const School& school, const Lesson& l, const Date& day) {
    return {{"id", l.id},
            {"subject", l.subject},
            {"date", day.iso()},
            {"start", format_time_of_day(l.start)},
            {"end", format_time_of_day(l.end)},
            {"starts_at", school_time(school, local_instant(school, day, l.start))},
            {"ends_at", school_time(school, local_instant(school, day, l.end))},
            {"room", l.room},
            {"teacher", optional_person_ref(state, l.teacher_id)}};
}

std::string timetable_query(const Context& ctx, const char* name) {
    auto it = ctx.request.query.find(name);
    return it == ctx.request.query.end() ? "" : it->second;
}

Response get_timetable(Context& ctx) {
    const std::string date_text = timetable_query(ctx, "date"), week_text = timetable_query(ctx, "week");
    if (!date_text.empty() && !week_text.empty())
        throw bad_request("week", "Ange antingen en dag (date) eller en vecka (week), inte båda.",
                          "Give either a day (date) or a week (week), not both.");
    std::optional<Date> day, monday;
    if (!date_text.empty() && !(day = Date::parse(date_text)))
        throw not_a_date("date");
    if (!week_text.empty() && !(monday = monday_of_iso_week(week_text)))
        throw not_a_week("week");

    auto txn = ctx.services.store.begin();
    const State& state = txn.state();
    const auto access = pupil_box(state, ctx.params.at("pupil"), *ctx.me, ctx.now, Box::Schema);
    if (!day && !monday) monday = week_monday(access.today);
    const Date first = day ? *day : *monday;
    const int count = day ? 1 : 7;
    json days = json::array();
    for (int i = 0; i < count; ++i) {
        const Date d = first.plus_days(i);
        json lessons = json::array();
        for (const Lesson* l : lessons_on(state, access.pupil.group_id, d))
            lessons.push_back(occurrence_json(state, access.school, *l, d));
        days.push_back({{"date", d.iso()}, {"weekday", d.weekday()}, {"lessons", std::move(lessons)}});
    }
    auto group = state.groups.find(access.pupil.group_id);
    Response res;
    res.body = {{"pupil", {{"id", access.pupil.id}, {"name", access.pupil.full_name()}}},
                {"group", group == state.groups.end() ? "" : group->second.name},
                {"today", access.today.iso()},
                {"week", iso_week_label(first)},
                {"from", first.iso()},
                {"to", first.plus_days(count - 1).iso()},
                {"in_skolnav", keeps_timetable(state, access.school.id)},
                {"days", std::move(days)}};
    return res;
}

// The group, for its staff or the school's admin; 404 for anyone else.
const Group& timetable_group(const State& state, const Id& group_id, const Person& me) {
    auto g = state.groups.find(group_id);
    if (g == state.groups.end() || (!is_staff_of_group(state, me, group_id) && !is_admin_of_school(me, g->second.school_id)))
        throw not_found();
    return g->second;
}

// A lesson's fields from a request body; the teacher is checked against the state later.
Lesson lesson_from_body(const std::string& text) {
    RequestBody body(text, {"subject", "weekday", "start", "end", "room", "teacher", "valid_from", "valid_to"});
    Lesson l;
    l.subject = body.required_string("subject", kSubjectMaxChars);
    l.weekday = static_cast<int>(body.required_int("weekday", 1, 7));
    l.start = body.required_time("start");
    l.end = body.required_time("end");
    if (l.end <= l.start) throw bad_request("end", "Lektionen måste sluta efter att den börjar.", "The lesson must end after it begins.");
    l.room = body.optional_string("room", kRoomMaxChars);
    l.teacher_id = body.optional_string("teacher", 40);
    l.valid_from = body.optional_date("valid_from");
    l.valid_to = body.optional_date("valid_to");
    if (l.valid_from && l.valid_to && *l.valid_to < *l.valid_from)
        throw bad_request("valid_to", "Slutdatumet kan inte vara före startdatumet.", "The end date cannot be before the start date.");
    return l;
}

void check_teacher(const State& state, const Lesson& l, const Group& group) {
    if (l.teacher_id.empty()) return;
    const Person* t = find_person(state, l.teacher_id);
    if (!t || t->role != Role::Staff || t->school_id != group.school_id)
        throw bad_request("teacher", "Läraren finns inte bland skolans personal.", "The teacher is not among the school's staff.");
}

Response list_lessons(Context& ctx) {
    auto txn = ctx.services.store.begin();
    const State& state = txn.state();
    const Group& group = timetable_group(state, ctx.params.at("group"), *ctx.me);
    std::vector<const Lesson*> all;
    if (auto ids = state.timetable.by_group.find(group.id); ids != state.timetable.by_group.end())
        for (const Id& id : ids->second)
            if (const Lesson* l = find_lesson(state, id)) all.push_back(l);
    std::sort(all.begin(), all.end(), [](const Lesson* a, const Lesson* b) {
        return a->weekday != b->weekday ? a->weekday < b->weekday : a->start != b->start ? a->start < b->start : a->id < b->id;
    });
    json lessons = json::array();
    for (const Lesson* l : all) lessons.push_back(lesson_definition_json(state, *l));
    Response res;
    res.body = {{"group", {{"id", group.id}, {"name", group.name}}}, {"lessons", std::move(lessons)}};
    return res;
}

Response save_lesson(Context& ctx, bool create) {
    Lesson lesson = lesson_from_body(ctx.request.body);
    json reply;
    std::uint64_t seq;
    {
        auto txn = ctx.services.store.begin();
        const State& state = txn.state();
        const Group& group = timetable_group(state, ctx.params.at("group"), *ctx.me);
        if (!create) {
            const Lesson* old = find_lesson(state, ctx.params.at("lesson"));
            if (!old || old->group_id != group.id) throw not_found();
            lesson.id = old->id;
        }
        lesson.group_id = group.id;
        check_teacher(state, lesson, group);
        if (create) lesson.id = txn.new_id("lsn");  // after every check: a refused request uses no id
        seq = txn.commit({{"type", "lesson_saved"}, {"lesson", lesson}});
        reply = lesson_definition_json(state, lesson);
    }
    ctx.services.store.make_durable(seq);
    Response res;
    res.status = create ? 201 : 200;
    res.body = {{"lesson", reply}};
    return res;
}

Response create_lesson(Context& ctx) { return save_lesson(ctx, true); }
Response update_lesson(Context& ctx) { return save_lesson(ctx, false); }

Response delete_lesson(Context& ctx) {
    std::uint64_t seq;
    {
        auto txn = ctx.services.store.begin();
        const State& state = txn.state();
        const Group& group = timetable_group(state, ctx.params.at("group"), *ctx.me);
        const Lesson* l = find_lesson(state, ctx.params.at("lesson"));
        if (!l || l->group_id != group.id) throw not_found();
        seq = txn.commit({{"type", "lesson_deleted"}, {"id", l->id}});
    }
    ctx.services.store.make_durable(seq);
    Response res;
    res.status = 204;
    return res;
}

// ---- events, snapshot -------------------------------------------------------------------

bool apply(State& state, const std::string& type, const json& event) {
    if (type == "lesson_saved") {
        put_lesson(state, event.at("lesson").get<Lesson>());
    } else if (type == "lesson_deleted") {
        auto it = state.timetable.lessons.find(event.at("id").get<std::string>());
        if (it != state.timetable.lessons.end()) {
            index_lesson(state, it->second, -1);
            state.timetable.lessons.erase(it);
        }
    } else {
        return false;
    }
    return true;
}

void save(const State& state, json& out) {
    json list = json::array();
    for (const auto& [id, l] : state.timetable.lessons) list.push_back(l);
    out["lessons"] = std::move(list);
}

// Load runs before the store rebuilds its own indexes, but groups are already there.
void load(const json& in, State& state) {
    state.timetable = TimetableState{};
    for (const auto& item : in.value("lessons", json::array())) put_lesson(state, item.get<Lesson>());
}

// ---- start-page card ------------------------------------------------------------------------

json card(const CardContext& ctx, Box) {
    const auto tz = TimeZone::named(ctx.school.time_zone);
    const UnixSeconds local = ctx.now + (tz ? tz->offset_minutes_at(ctx.now) : 60) * 60;
    const int minute_now = static_cast<int>(((local % 86400) + 86400) % 86400 / 60);
    const auto today = lessons_on(ctx.state, ctx.pupil.group_id, ctx.today);
    int left_today = 0;
    const Lesson* next = nullptr;
    for (const Lesson* l : today)
        if (l->end > minute_now) {
            ++left_today;
            if (!next) next = l;
        }
    Date next_day = ctx.today;
    if (!next) {
        next_day = ctx.today.plus_days(1);
        const auto tomorrow = lessons_on(ctx.state, ctx.pupil.group_id, next_day);
        if (!tomorrow.empty()) next = tomorrow.front();
    }
    json c = {{"count", left_today}};
    if (!next) {
        c["summary"] = ctx.say("Inga fler lektioner idag eller i morgon", "No more lessons today or tomorrow");
        return c;
    }
    const bool is_today = next_day == ctx.today;
    const bool ongoing = is_today && next->start <= minute_now;
    c["summary"] = (ongoing ? ctx.say("Pågår: ", "Now: ") : is_today ? ctx.say("Nästa: ", "Next: ") : ctx.say("I morgon: ", "Tomorrow: ")) +
                   next->subject + " " + format_time_of_day(next->start) +
                   (next->room.empty() ? "" : ctx.say(" i ", " in ") + next->room);
    c["next"] = occurrence_json(ctx.state, ctx.school, *next, next_day);
    return c;
}

// ---- demo ------------------------------------------------------------------------------------

struct LessonBlock {
    int start, end;
};

// A week of subjects (5 days × blocks), shuffled by the demo's random numbers.
std::vector<std::string> week_of_subjects(DemoRandom& rng, std::vector<std::pair<const char*, int>> weights, std::size_t n,
                                          const char* filler) {
    std::vector<std::string> bag;
    for (const auto& [s, w] : weights)
        for (int i = 0; i < w; ++i) bag.push_back(s);
    while (bag.size() < n) bag.push_back(filler);
    bag.resize(n);
    for (std::size_t i = bag.size(); i > 1; --i) std::swap(bag[i - 1], bag[static_cast<std::size_t>(rng.below(static_cast<int>(i)))]);
    return bag;
}

std::string room_for(const std::string& subject, const std::string& home_room) {
    if (subject.rfind("Idrott", 0) == 0) return "Idrottshallen";
    if (subject == "Slöjd") return "Slöjdsalen";
    if (subject == "Musik") return "Musiksalen";
    if (subject == "Bild") return "Bildsalen";
    if (subject == "NO" || subject.rfind("Kemi", 0) == 0 || subject.rfind("Biologi", 0) == 0) return "NO-salen B12";
    if (subject.rfind("Fysik", 0) == 0) return "Fysiksalen B14";
    if (subject.rfind("Programmering", 0) == 0 || subject.rfind("Teknik", 0) == 0) return "Datasalen C110";
    return home_room;
}

void make_demo(DemoContext& ctx) {
    State& state = ctx.state;
    const Date valid_from = week_monday(ctx.today).plus_days(-7 * 12), valid_to = ctx.today.plus_days(7 * 26);
    // Per group and weekday, the lessons made here (for the registered absence below).
    std::map<Id, std::vector<std::vector<const Lesson*>>> week_of_group;
    std::vector<Lesson> made;
    int room_number = 0;
    for (const auto& [gid, group] : state.groups) {
        auto school = state.schools.find(group.school_id);
        if (school == state.schools.end() || school->second.form == SchoolForm::Forskola) continue;
        const bool gy = school->second.form == SchoolForm::Gymnasieskola;
        const std::string home_room = std::string(1, static_cast<char>('A' + room_number % 3)) +
                                      std::to_string(101 + (room_number / 3) % 3 * 100 + room_number % 20);
        ++room_number;
        std::vector<LessonBlock> blocks;
        std::vector<std::string> subjects;
        if (!gy) {
            const bool young = !group.name.empty() && group.name[0] <= '3';
            blocks = {{490, 540}, {550, 600}, {620, 670}, {680, 730}, {770, 820}};
            if (!young) blocks.push_back({830, 880});
            subjects = week_of_subjects(ctx.rng,
                                        {{"Svenska", 5}, {"Matematik", 5}, {"Engelska", 3}, {"NO", 3}, {"SO", 3},
                                         {"Idrott och hälsa", 2}, {"Bild", 1}, {"Musik", 1}, {"Slöjd", 2}, {"Teknik", 1}},
                                        blocks.size() * 5, "Svenska");
        } else {
            blocks = {{510, 590}, {610, 690}, {750, 830}, {850, 930}};
            const std::string p = group.name.substr(0, 2);
            std::vector<std::pair<const char*, int>> w;
            if (p == "NA") w = {{"Matematik 2c", 3}, {"Fysik 1", 2}, {"Kemi 1", 2}, {"Biologi 1", 2}, {"Svenska 2", 2},
                                {"Engelska 6", 2}, {"Historia 1b", 2}, {"Idrott och hälsa 1", 1}, {"Moderna språk 3", 2}};
            else if (p == "SA") w = {{"Samhällskunskap 1b", 3}, {"Psykologi 1", 2}, {"Historia 1b", 2}, {"Svenska 2", 2},
                                     {"Engelska 6", 2}, {"Matematik 2b", 2}, {"Filosofi 1", 2}, {"Idrott och hälsa 1", 1},
                                     {"Moderna språk 3", 2}};
            else if (p == "TE") w = {{"Teknik 1", 3}, {"Matematik 2c", 3}, {"Fysik 1", 2}, {"Programmering 1", 2},
                                     {"Svenska 2", 2}, {"Engelska 6", 2}, {"Historia 1b", 1}, {"Idrott och hälsa 1", 1},
                                     {"Kemi 1", 2}};
            else w = {{"Företagsekonomi 1", 3}, {"Privatjuridik", 2}, {"Matematik 2b", 2}, {"Svenska 2", 2},
                      {"Engelska 6", 2}, {"Historia 1b", 2}, {"Samhällskunskap 1b", 2}, {"Idrott och hälsa 1", 1},
                      {"Moderna språk 3", 2}};
            subjects = week_of_subjects(ctx.rng, w, blocks.size() * 5, "Svenska 2");
        }
        for (int day = 1; day <= 5; ++day)
            for (std::size_t b = 0; b < blocks.size(); ++b) {
                if (gy && day == 3 && b == 3) continue;  // Wednesday afternoon: mentorstid, no lesson
                if (!gy && day == 5 && b + 1 == blocks.size() && blocks.size() > 5) continue;  // early Friday
                const std::string& subject = subjects[(day - 1) * blocks.size() + b];
                Lesson l;
                l.id = "lsn-" + std::to_string(state.next_id++);
                l.group_id = gid;
                l.subject = subject;
                l.weekday = day;
                l.start = blocks[b].start;
                l.end = blocks[b].end;
                l.room = room_for(subject, home_room);
                if (!group.staff_ids.empty())
                    l.teacher_id = group.staff_ids[(b + static_cast<std::size_t>(day)) % group.staff_ids.size()];
                l.valid_from = valid_from;
                l.valid_to = valid_to;
                made.push_back(std::move(l));
            }
    }
    for (Lesson& l : made) put_lesson(state, std::move(l));
    for (const auto& [id, l] : state.timetable.lessons) {
        auto& week = week_of_group[l.group_id];
        week.resize(8);
        week[static_cast<std::size_t>(l.weekday)].push_back(&l);
    }
    for (auto& [gid, week] : week_of_group)
        for (auto& day : week)
            std::sort(day.begin(), day.end(), [](const Lesson* a, const Lesson* b) { return a->start < b->start; });

    // Registered absence (Frånvaro): it needs the lessons, and this module's demo runs
    // after Frånvaro's. A few pupils, a few past school days each.
    const auto stockholm = TimeZone::named("Europe/Stockholm");
    const Id elsa = [&] {
        auto it = state.username_index.find("demo.elev");
        if (it != state.username_index.end()) return it->second;
        for (const auto& [id, p] : state.people)
            if (p.username == "demo.elev") return id;
        return Id();
    }();
    for (const auto& [pid, pupil] : state.people) {
        if (pupil.role != Role::Pupil) continue;
        auto week = week_of_group.find(pupil.group_id);
        if (week == week_of_group.end()) continue;
        const bool highlighted = pid == elsa;
        if (!highlighted && !ctx.rng.chance(12)) continue;
        const Date day = [&] {
            for (int back = 1 + ctx.rng.below(9);; ++back) {
                const Date d = ctx.today.plus_days(-back);
                if (d.weekday() <= 5) return d;
            }
        }();
        const auto& lessons = week->second[static_cast<std::size_t>(day.weekday())];
        if (lessons.empty()) continue;
        const Group& group = state.groups.at(pupil.group_id);
        RegisteredAbsence r;
        r.id = "rab-" + std::to_string(state.next_id++);
        r.pupil_id = pid;
        r.date = day;
        r.registered_by = group.mentor_id;
        r.registered_at = stockholm->start_of_day(day) + 15 * 3600 + ctx.rng.below(3600);
        const int kind = highlighted ? 0 : ctx.rng.below(4);
        if (kind == 3) {  // a whole day, sick, reported by phone
            r.minutes = 0;
            for (const Lesson* l : lessons) r.minutes += l->end - l->start;
            r.valid = true;
            r.note = "Sjuk, anmält per telefon";
        } else {
            const Lesson* l = kind == 0 ? lessons.front() : lessons[static_cast<std::size_t>(ctx.rng.below(static_cast<int>(lessons.size())))];
            r.lesson = LessonRef{l->id, l->subject, l->start, l->end};
            if (kind == 0) {
                r.minutes = 5 + ctx.rng.below(4) * 5;
                r.valid = false;
                r.note = "Kom för sent";
            } else if (kind == 1) {
                r.minutes = l->end - l->start;
                r.valid = true;
                r.note = "Tandläkarbesök";
            } else {
                r.minutes = l->end - l->start;
                r.valid = false;
                r.note = "";
            }
        }
        state.absence.registered.emplace(r.id, r);
    }
}

}  // namespace

extern const BoxModule timetable_module{
    "timetable",
    {Box::Schema},
    {
        {"GET", "/api/v1/pupils/{pupil}/timetable", true, get_timetable, Access::PupilData},
        {"GET", "/api/v1/groups/{group}/lessons", true, list_lessons, Access::StaffOfGroup},
        {"POST", "/api/v1/groups/{group}/lessons", true, create_lesson, Access::StaffOfGroup},
        {"PUT", "/api/v1/groups/{group}/lessons/{lesson}", true, update_lesson, Access::StaffOfGroup},
        {"DELETE", "/api/v1/groups/{group}/lessons/{lesson}", true, delete_lesson, Access::StaffOfGroup},
    },
    apply,
    save,
    load,
    make_demo,
    card,
};

}  // namespace skolnav
