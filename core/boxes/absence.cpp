// Frånvaro: absence reports by a guardian (or an adult pupil in gymnasieskola) for
// today or tomorrow in the school's time zone — the whole day, or some of the day's
// lessons where the school keeps its timetable in Skolnav — withdrawable until the day
// (or the first chosen lesson) begins; and absence registered by the pupil's teachers.
//   GET    /api/v1/pupils/{pupil}/absence                        reports, registered absence, choosable lessons
//   POST   /api/v1/pupils/{pupil}/absence                        {"date","comment","lessons"?}
//   DELETE /api/v1/pupils/{pupil}/absence/{report}
//   POST   /api/v1/pupils/{pupil}/registered-absence             staff of the pupil's group
//   DELETE /api/v1/pupils/{pupil}/registered-absence/{absence}
//   GET    /api/v1/groups/{group}/absence?date=YYYY-MM-DD        staff: the group's absence that day
#include "core/boxes/absence.hpp"

#include <algorithm>
#include <set>

#include "core/api_error.hpp"
#include "core/box_module.hpp"
#include "core/boxes/timetable.hpp"
#include "core/json_mapping.hpp"
#include "core/permissions.hpp"
#include "core/publishing.hpp"
#include "core/pupil_access.hpp"
#include "core/request_body.hpp"

namespace skolnav {

bool is_reportable_day(const Date& day, const Date& today) { return day == today || day == today.plus_days(1); }

bool is_withdrawable(const AbsenceReport& report, const Date& today) { return today < report.date; }

bool is_withdrawable(const AbsenceReport& report, const School& school, UnixSeconds now) {
    if (report.lessons.empty()) return today_at(school, now) < report.date;
    int first = report.lessons.front().start;
    for (const LessonRef& l : report.lessons) first = std::min(first, l.start);
    return now < local_instant(school, report.date, first);
}

const AbsenceReport* whole_day_report(const State& state, const Id& pupil_id, const Date& day) {
    for (const auto& [id, r] : state.absence.reports)
        if (r.pupil_id == pupil_id && r.date == day && r.lessons.empty()) return &r;
    return nullptr;
}

void to_json(json& j, const LessonRef& l) {
    j = {{"id", l.id}, {"subject", l.subject}, {"start", format_time_of_day(l.start)}, {"end", format_time_of_day(l.end)}};
}
void from_json(const json& j, LessonRef& l) {
    l.id = j.at("id").get<std::string>();
    l.subject = j.at("subject").get<std::string>();
    l.start = parse_time_of_day(j.at("start").get<std::string>()).value();
    l.end = parse_time_of_day(j.at("end").get<std::string>()).value();
}

void to_json(json& j, const AbsenceReport& a) {
    j = {{"id", a.id},           {"pupil_id", a.pupil_id},       {"date", a.date.iso()},
         {"comment", a.comment}, {"reported_by", a.reported_by}, {"reported_at", a.reported_at}};
    if (!a.lessons.empty()) j["lessons"] = a.lessons;
}
void from_json(const json& j, AbsenceReport& a) {
    a.id = j.at("id").get<std::string>();
    a.pupil_id = j.at("pupil_id").get<std::string>();
    a.date = j.at("date").get<Date>();
    a.comment = j.at("comment").get<std::string>();
    a.reported_by = j.at("reported_by").get<std::string>();
    a.reported_at = j.at("reported_at").get<UnixSeconds>();
    a.lessons = j.value("lessons", std::vector<LessonRef>{});
}

void to_json(json& j, const RegisteredAbsence& a) {
    j = {{"id", a.id},
         {"pupil_id", a.pupil_id},
         {"date", a.date.iso()},
         {"lesson", a.lesson ? json(*a.lesson) : json(nullptr)},
         {"minutes", a.minutes},
         {"valid", a.valid},
         {"note", a.note},
         {"registered_by", a.registered_by},
         {"registered_at", a.registered_at}};
}
void from_json(const json& j, RegisteredAbsence& a) {
    a.id = j.at("id").get<std::string>();
    a.pupil_id = j.at("pupil_id").get<std::string>();
    a.date = j.at("date").get<Date>();
    if (j.contains("lesson") && !j["lesson"].is_null()) a.lesson = j["lesson"].get<LessonRef>();
    a.minutes = j.at("minutes").get<int>();
    a.valid = j.at("valid").get<bool>();
    a.note = j.value("note", "");
    a.registered_by = j.at("registered_by").get<std::string>();
    a.registered_at = j.at("registered_at").get<UnixSeconds>();
}

namespace {

constexpr std::size_t kMaxLessonsPerReport = 20;

// Why someone who sees the pupil still may not report or withdraw absence.
ApiError absence_refused(const State& state, const Person& me, const Person& pupil) {
    const School* school = school_of(state, pupil);
    const auto& boxes = school->enabled_boxes;
    if (std::find(boxes.begin(), boxes.end(), Box::Franvaro) == boxes.end())
        return ApiError(403, "forbidden",
                        {school->name + " tar inte emot frånvaroanmälningar i Skolnav.",
                         school->name + " does not take absence reports in Skolnav."});
    if (me.id == pupil.id && school->form != SchoolForm::Gymnasieskola)
        return ApiError(403, "forbidden", {"Frånvaro anmäls av vårdnadshavare.", "Absence is reported by guardians."});
    return ApiError(403, "forbidden",
                    {"Frånvaro för elever under 18 år anmäls av vårdnadshavare.",
                     "Absence for pupils under 18 is reported by guardians."});
}

json report_json(const State& state, const AbsenceReport& r, const School& school, bool can_withdraw) {
    return {{"id", r.id},
            {"date", r.date.iso()},
            {"comment", r.comment},
            {"part_of_day", !r.lessons.empty()},
            {"lessons", r.lessons},
            {"reported_by", person_ref(state, r.reported_by)},
            {"reported_at", school_time(school, r.reported_at)},
            {"can_withdraw", can_withdraw}};
}

json registered_json(const State& state, const RegisteredAbsence& r, const School& school, Language language) {
    return {{"id", r.id},
            {"date", r.date.iso()},
            {"whole_day", !r.lesson},
            {"lesson", r.lesson ? json(*r.lesson) : json(nullptr)},
            {"minutes", r.minutes},
            {"valid", r.valid},
            {"validity", r.valid ? say(language, "giltig", "excused") : say(language, "ogiltig", "unexcused")},
            {"note", r.note},
            {"registered_by", person_ref(state, r.registered_by)},
            {"registered_at", school_time(school, r.registered_at)}};
}

LessonRef ref_of(const Lesson& l) { return LessonRef{l.id, l.subject, l.start, l.end}; }

std::vector<const AbsenceReport*> reports_on(const State& state, const Id& pupil_id, const Date& day) {
    std::vector<const AbsenceReport*> out;
    for (const auto& [id, r] : state.absence.reports)
        if (r.pupil_id == pupil_id && r.date == day) out.push_back(&r);
    return out;
}

// The lessons one may choose for a day, each saying whether a report already covers it.
json choosable_lessons(const State& state, const Person& pupil, const School& school, const Date& day) {
    json out = json::array();
    if (!keeps_timetable(state, school.id)) return out;
    const auto reports = reports_on(state, pupil.id, day);
    for (const Lesson* l : lessons_on(state, pupil.group_id, day)) {
        bool reported = false;
        for (const AbsenceReport* r : reports) {
            reported = reported || r->lessons.empty();
            for (const LessonRef& ref : r->lessons) reported = reported || ref.id == l->id;
        }
        out.push_back({{"id", l->id},
                       {"subject", l->subject},
                       {"start", format_time_of_day(l->start)},
                       {"end", format_time_of_day(l->end)},
                       {"reported", reported}});
    }
    return out;
}

Response list_absence(Context& ctx) {
    auto txn = ctx.services.store.begin();
    const State& state = txn.state();
    const auto access = visible_pupil(state, ctx.params.at("pupil"), *ctx.me, ctx.now);
    const bool may_report = may_report_absence(state, *ctx.me, access.pupil, access.today);

    std::vector<const AbsenceReport*> mine;
    for (const auto& [id, r] : state.absence.reports)
        if (r.pupil_id == access.pupil.id) mine.push_back(&r);
    std::sort(mine.begin(), mine.end(), [](const AbsenceReport* a, const AbsenceReport* b) {
        return a->date != b->date ? b->date < a->date : a->reported_at > b->reported_at;
    });
    json reports = json::array();
    for (const AbsenceReport* r : mine)
        reports.push_back(
            report_json(state, *r, access.school, may_report && is_withdrawable(*r, access.school, ctx.now)));

    std::vector<const RegisteredAbsence*> registered;
    for (const auto& [id, r] : state.absence.registered)
        if (r.pupil_id == access.pupil.id) registered.push_back(&r);
    std::sort(registered.begin(), registered.end(), [](const RegisteredAbsence* a, const RegisteredAbsence* b) {
        if (a->date != b->date) return b->date < a->date;
        const int sa = a->lesson ? a->lesson->start : -1, sb = b->lesson ? b->lesson->start : -1;
        return sa != sb ? sa < sb : a->id < b->id;
    });
    json registered_list = json::array();
    for (const RegisteredAbsence* r : registered)
        registered_list.push_back(registered_json(state, *r, access.school, ctx.language()));

    Response res;
    res.body = {{"pupil", {{"id", access.pupil.id}, {"name", access.pupil.full_name()}}},
                {"today", access.today.iso()},
                {"tomorrow", access.today.plus_days(1).iso()},
                {"can_report", may_report},
                {"timetable_in_skolnav", keeps_timetable(state, access.school.id)},
                {"lessons_today", choosable_lessons(state, access.pupil, access.school, access.today)},
                {"lessons_tomorrow", choosable_lessons(state, access.pupil, access.school, access.today.plus_days(1))},
                {"reports", reports},
                {"registered", registered_list}};
    return res;
}

Response report_absence(Context& ctx) {
    RequestBody body(ctx.request.body, {"date", "comment", "lessons"});
    const Date day = body.required_date("date");
    const std::string comment = body.optional_string("comment", kAbsenceCommentMaxChars);
    const bool part_of_day = body.has("lessons");
    const auto lesson_ids = body.string_list("lessons", kMaxLessonsPerReport, 40);
    if (part_of_day && lesson_ids.empty())
        throw bad_request("lessons", "Välj minst en lektion, eller anmäl frånvaro för hela dagen.",
                          "Choose at least one lesson, or report absence for the whole day.");

    json reply;
    std::uint64_t seq;
    {
        auto txn = ctx.services.store.begin();
        const State& state = txn.state();
        const auto access = visible_pupil(state, ctx.params.at("pupil"), *ctx.me, ctx.now);
        if (!may_report_absence(state, *ctx.me, access.pupil, access.today))
            throw absence_refused(state, *ctx.me, access.pupil);
        if (!is_reportable_day(day, access.today))
            throw bad_request("date",
                              "Frånvaro kan bara anmälas för idag (" + access.today.iso() + ") eller i morgon (" +
                                  access.today.plus_days(1).iso() + ").",
                              "Absence can only be reported for today (" + access.today.iso() + ") or tomorrow (" +
                                  access.today.plus_days(1).iso() + ").");

        AbsenceReport report{"", access.pupil.id, day, comment, ctx.me->id, ctx.now, {}};
        const auto existing = reports_on(state, access.pupil.id, day);
        if (part_of_day) {
            if (!keeps_timetable(state, access.school.id))
                throw bad_request("lessons",
                                  access.school.name +
                                      " har inget schema i Skolnav, så frånvaro kan bara anmälas för hela dagar.",
                                  access.school.name +
                                      " has no timetable in Skolnav, so absence can only be reported for whole days.");
            const auto that_day = lessons_on(state, access.pupil.group_id, day);
            std::set<Id> chosen;
            for (const Id& id : lesson_ids) {
                auto it = std::find_if(that_day.begin(), that_day.end(), [&](const Lesson* l) { return l->id == id; });
                if (it == that_day.end())
                    throw bad_request("lessons", access.pupil.first_name + " har ingen sådan lektion " + day.iso() + ".",
                                      access.pupil.first_name + " has no such lesson on " + day.iso() + ".");
                if (chosen.insert(id).second) report.lessons.push_back(ref_of(**it));
            }
            std::sort(report.lessons.begin(), report.lessons.end(),
                      [](const LessonRef& a, const LessonRef& b) { return a.start < b.start; });
            for (const AbsenceReport* r : existing) {
                if (r->lessons.empty())
                    throw ApiError(409, "conflict",
                                   {access.pupil.first_name + " är redan frånvaroanmäld hela dagen " + day.iso() + ".",
                                    access.pupil.first_name + " is already reported absent for the whole day on " +
                                        day.iso() + "."},
                                   "lessons");
                for (const LessonRef& ref : r->lessons)
                    if (chosen.count(ref.id))
                        throw ApiError(409, "conflict",
                                       {access.pupil.first_name + " är redan frånvaroanmäld för " + ref.subject + " " +
                                            format_time_of_day(ref.start) + " " + day.iso() + ".",
                                        access.pupil.first_name + " is already reported absent for " + ref.subject + " " +
                                            format_time_of_day(ref.start) + " on " + day.iso() + "."},
                                       "lessons");
            }
        } else if (!existing.empty()) {
            const bool whole_day = existing.front()->lessons.empty();
            throw ApiError(409, "conflict",
                           {access.pupil.first_name + " är redan frånvaroanmäld " + day.iso() +
                                (whole_day ? "." : " för en del av dagen; ta bort den anmälan först."),
                            access.pupil.first_name + " is already reported absent on " + day.iso() +
                                (whole_day ? "." : " for part of the day; remove that report first.")},
                           "date");
        }
        report.id = txn.new_id("abs");  // only once every check passed: a refused request uses no id
        seq = txn.commit({{"type", "absence_reported"}, {"report", report}});
        reply = report_json(state, report, access.school, is_withdrawable(report, access.school, ctx.now));
    }
    ctx.services.store.make_durable(seq);  // the reply promises the report survives a crash
    Response res;
    res.status = 201;
    res.body = {{"report", reply}};
    return res;
}

Response withdraw_absence(Context& ctx) {
    std::uint64_t seq;
    {
        auto txn = ctx.services.store.begin();
        const State& state = txn.state();
        const auto access = visible_pupil(state, ctx.params.at("pupil"), *ctx.me, ctx.now);
        auto it = state.absence.reports.find(ctx.params.at("report"));
        if (it == state.absence.reports.end() || it->second.pupil_id != access.pupil.id) throw not_found();
        if (!may_report_absence(state, *ctx.me, access.pupil, access.today))
            throw absence_refused(state, *ctx.me, access.pupil);
        if (!is_withdrawable(it->second, access.school, ctx.now))
            throw ApiError(409, "conflict",
                           it->second.lessons.empty()
                               ? Text("Dagen har redan börjat, så frånvaroanmälan kan inte tas bort.",
                                      "The day has already begun, so the absence report cannot be removed.")
                               : Text("Den första anmälda lektionen har redan börjat, så frånvaroanmälan kan inte tas bort.",
                                      "The first reported lesson has already begun, so the absence report cannot be removed."));
        seq = txn.commit({{"type", "absence_withdrawn"}, {"id", it->second.id}});
    }
    ctx.services.store.make_durable(seq);
    Response res;
    res.status = 204;
    return res;
}

// ---- registered absence (staff) -----------------------------------------------------------

Response register_absence(Context& ctx) {
    RequestBody body(ctx.request.body, {"date", "lesson", "minutes", "valid", "note"});
    const Date day = body.required_date("date");
    const std::string lesson_id = body.optional_string("lesson", 40);
    const std::optional<int> minutes =
        body.has("minutes") ? std::optional<int>(static_cast<int>(body.required_int("minutes", 1, 24 * 60))) : std::nullopt;
    const auto valid = body.optional_bool("valid");
    if (!valid)
        throw bad_request("valid", "Ange om frånvaron är giltig (true) eller ogiltig (false).",
                          "Say whether the absence is excused (true) or unexcused (false).");
    const std::string note = body.optional_string("note", kAbsenceCommentMaxChars);

    json reply;
    std::uint64_t seq;
    {
        auto txn = ctx.services.store.begin();
        const State& state = txn.state();
        const auto access = pupil_for_staff(state, ctx.params.at("pupil"), *ctx.me, ctx.now);
        if (access.today < day)
            throw bad_request("date", "Frånvaro kan inte registreras för en dag som inte har kommit.",
                              "Absence cannot be registered for a day that has not come yet.");
        if (day < access.today.plus_days(-366))
            throw bad_request("date", "Frånvaro kan registreras högst ett år bakåt.",
                              "Absence can be registered at most one year back.");
        RegisteredAbsence r;
        r.pupil_id = access.pupil.id;
        r.date = day;
        r.valid = *valid;
        r.note = note;
        r.registered_by = ctx.me->id;
        r.registered_at = ctx.now;
        const auto that_day = lessons_on(state, access.pupil.group_id, day);
        if (!lesson_id.empty()) {
            auto it = std::find_if(that_day.begin(), that_day.end(), [&](const Lesson* l) { return l->id == lesson_id; });
            if (it == that_day.end())
                throw bad_request("lesson", access.pupil.first_name + " har ingen sådan lektion " + day.iso() + ".",
                                  access.pupil.first_name + " has no such lesson on " + day.iso() + ".");
            r.lesson = ref_of(**it);
            const int length = (*it)->end - (*it)->start;
            if (minutes && *minutes > length)
                throw bad_request("minutes", "Lektionen är " + std::to_string(length) + " minuter lång.",
                                  "The lesson is " + std::to_string(length) + " minutes long.");
            r.minutes = minutes.value_or(length);
        } else {
            int total = 0;
            for (const Lesson* l : that_day) total += l->end - l->start;
            r.minutes = minutes.value_or(total);
        }
        for (const auto& [id, other] : state.absence.registered) {
            if (other.pupil_id != r.pupil_id || other.date != day) continue;
            if (!other.lesson || !r.lesson || other.lesson->id == r.lesson->id)
                throw ApiError(409, "conflict",
                               {"Frånvaro är redan registrerad för " + access.pupil.first_name + " " + day.iso() +
                                    (other.lesson ? " (" + other.lesson->subject + ")." : " (hela dagen)."),
                                "Absence is already registered for " + access.pupil.first_name + " on " + day.iso() +
                                    (other.lesson ? " (" + other.lesson->subject + ")." : " (the whole day).")},
                               r.lesson ? "lesson" : "date");
        }
        r.id = txn.new_id("rab");
        seq = txn.commit({{"type", "absence_registered"}, {"absence", r}});
        reply = registered_json(state, r, access.school, ctx.language());
    }
    ctx.services.store.make_durable(seq);
    Response res;
    res.status = 201;
    res.body = {{"absence", reply}};
    return res;
}

Response unregister_absence(Context& ctx) {
    std::uint64_t seq;
    {
        auto txn = ctx.services.store.begin();
        const State& state = txn.state();
        const auto access = pupil_for_staff(state, ctx.params.at("pupil"), *ctx.me, ctx.now);
        auto it = state.absence.registered.find(ctx.params.at("absence"));
        if (it == state.absence.registered.end() || it->second.pupil_id != access.pupil.id) throw not_found();
        seq = txn.commit({{"type", "registered_absence_removed"}, {"id", it->second.id}});
    }
    ctx.services.store.make_durable(seq);
    Response res;
    res.status = 204;
    return res;
}

Response group_absence(Context& ctx) {
    auto q = ctx.request.query.find("date");
    std::optional<Date> day;
    if (q != ctx.request.query.end() && !(day = Date::parse(q->second)))
        throw not_a_date("date");

    auto txn = ctx.services.store.begin();
    const State& state = txn.state();
    auto g = state.groups.find(ctx.params.at("group"));
    if (g == state.groups.end() ||
        (!is_staff_of_group(state, *ctx.me, g->first) && !is_admin_of_school(*ctx.me, g->second.school_id)))
        throw not_found();
    const School& school = state.schools.at(g->second.school_id);
    const Date today = today_at(school, ctx.now);
    if (!day) day = today;

    json lessons = json::array();
    for (const Lesson* l : lessons_on(state, g->first, *day)) lessons.push_back(ref_of(*l));

    std::vector<const Person*> pupils;
    for (const Id& id : pupils_of_group(state, g->first))
        if (const Person* p = find_person(state, id)) pupils.push_back(p);
    std::sort(pupils.begin(), pupils.end(), [](const Person* a, const Person* b) {
        return a->last_name != b->last_name ? a->last_name < b->last_name : a->first_name < b->first_name;
    });
    std::map<Id, json> reported, registered;
    for (const auto& [id, r] : state.absence.reports)
        if (r.date == *day) reported[r.pupil_id].push_back(report_json(state, r, school, false));
    for (const auto& [id, r] : state.absence.registered)
        if (r.date == *day) registered[r.pupil_id].push_back(registered_json(state, r, school, ctx.language()));
    json list = json::array();
    for (const Person* p : pupils) {
        auto rep = reported.find(p->id);
        auto reg = registered.find(p->id);
        list.push_back({{"id", p->id},
                        {"name", p->full_name()},
                        {"reported", rep == reported.end() ? json::array() : rep->second},
                        {"registered", reg == registered.end() ? json::array() : reg->second}});
    }
    Response res;
    res.body = {{"group", {{"id", g->first}, {"name", g->second.name}}},
                {"date", day->iso()},
                {"lessons", std::move(lessons)},
                {"pupils", std::move(list)}};
    return res;
}

// ---- events, snapshot, card ------------------------------------------------------------------

bool apply(State& state, const std::string& type, const json& event) {
    if (type == "absence_reported") {
        auto report = event.at("report").get<AbsenceReport>();
        Id id = report.id;
        state.absence.reports[id] = std::move(report);
    } else if (type == "absence_withdrawn") {
        state.absence.reports.erase(event.at("id").get<std::string>());
    } else if (type == "absence_registered") {
        auto r = event.at("absence").get<RegisteredAbsence>();
        Id id = r.id;
        state.absence.registered[id] = std::move(r);
    } else if (type == "registered_absence_removed") {
        state.absence.registered.erase(event.at("id").get<std::string>());
    } else {
        return false;
    }
    return true;
}

void save(const State& state, json& out) {
    json list = json::array();
    for (const auto& [id, r] : state.absence.reports) list.push_back(r);
    out["absence_reports"] = std::move(list);
    json reg = json::array();
    for (const auto& [id, r] : state.absence.registered) reg.push_back(r);
    out["registered_absence"] = std::move(reg);
}

void load(const json& in, State& state) {
    state.absence.reports.clear();
    state.absence.registered.clear();
    for (const auto& item : in.value("absence_reports", json::array())) {
        auto r = item.get<AbsenceReport>();
        Id id = r.id;
        state.absence.reports.emplace(std::move(id), std::move(r));
    }
    for (const auto& item : in.value("registered_absence", json::array())) {
        auto r = item.get<RegisteredAbsence>();
        Id id = r.id;
        state.absence.registered.emplace(std::move(id), std::move(r));
    }
}

json card(const CardContext& ctx, Box) {
    int coming = 0;
    const AbsenceReport* next = nullptr;
    for (const auto& [id, r] : ctx.state.absence.reports)
        if (r.pupil_id == ctx.pupil.id && ctx.today <= r.date) {
            ++coming;
            if (!next || r.date < next->date) next = &r;
        }
    int registered_recent = 0;
    const Date month_ago = ctx.today.plus_days(-30);
    for (const auto& [id, r] : ctx.state.absence.registered)
        if (r.pupil_id == ctx.pupil.id && month_ago <= r.date) ++registered_recent;
    const std::string n = std::to_string(coming), recent = std::to_string(registered_recent);
    std::string summary = coming == 0 ? ctx.say("Ingen anmäld frånvaro", "No absence reported")
                                      : ctx.say(n + " anmäld frånvaro framåt",
                                                n + (coming == 1 ? " reported absence" : " reported absences") + " coming up");
    if (registered_recent > 0)
        summary += ctx.say(", " + recent + " registrerad frånvaro senaste 30 dagarna",
                           ", " + recent + (registered_recent == 1 ? " registered absence" : " registered absences") +
                               " in the last 30 days");
    json c = {{"count", coming}, {"summary", summary}, {"registered_recent", registered_recent}};
    if (next) {
        c["next"] = {{"date", next->date.iso()}, {"comment", next->comment}};
        if (!next->lessons.empty()) c["next"]["lessons"] = next->lessons;
    }
    return c;
}

}  // namespace

extern const BoxModule absence_module{
    "absence",
    {Box::Franvaro},
    {
        {"GET", "/api/v1/pupils/{pupil}/absence", true, list_absence, Access::PupilData},
        {"POST", "/api/v1/pupils/{pupil}/absence", true, report_absence, Access::ReportForPupil},
        {"DELETE", "/api/v1/pupils/{pupil}/absence/{report}", true, withdraw_absence, Access::ReportForPupil},
        {"POST", "/api/v1/pupils/{pupil}/registered-absence", true, register_absence, Access::StaffOfPupil},
        {"DELETE", "/api/v1/pupils/{pupil}/registered-absence/{absence}", true, unregister_absence, Access::StaffOfPupil},
        {"GET", "/api/v1/groups/{group}/absence", true, group_absence, Access::StaffOfGroup},
    },
    apply,
    save,
    load,
    nullptr,
    card,
};

}  // namespace skolnav
