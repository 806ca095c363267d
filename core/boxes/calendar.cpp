// Kalender: the school's and the groups' events, week by week. Readers see the events
// that reach the pupil in a date range (default: the ISO week containing today at the
// school); staff publish to their groups, the admin to the whole school.
//   GET    /api/v1/pupils/{pupil}/calendar[?from=YYYY-MM-DD&to=YYYY-MM-DD | ?week=2026-W49]
//   GET    /api/v1/pupils/{pupil}/calendar/{event}   one event and its week (deep links)
//   GET    /api/v1/schools/{school}/calendar[?…same…]   staff: the events they see
//   POST   /api/v1/schools/{school}/calendar            staff: create (notifies, "calendar_event")
//   PUT    /api/v1/calendar/{event}                     staff: replace (group_ids kept if absent)
//   DELETE /api/v1/calendar/{event}                     staff: delete
#include "core/boxes/calendar.hpp"

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

const std::vector<std::string>& calendar_event_types() {
    static const std::vector<std::string> types = {"planning_day", "activity",  "holiday",      "homework",
                                                   "study_day",    "term_dates", "national_test"};
    return types;
}

std::string calendar_type_label(const std::string& type, Language language) {
    if (type == "planning_day") return say(language, "Planeringsdag", "Planning day");
    if (type == "activity") return say(language, "Aktivitet", "Activity");
    if (type == "holiday") return say(language, "Lovdag", "Holiday");
    if (type == "homework") return say(language, "Läxa", "Homework");
    if (type == "study_day") return say(language, "Studiedag", "Study day");
    if (type == "term_dates") return say(language, "Terminsdatum", "Term dates");
    if (type == "national_test") return say(language, "Nationellt prov", "National test");
    return "";
}

namespace {
json optional_time_json(const std::optional<int>& t) { return t ? json(format_time_of_day(*t)) : json(nullptr); }
std::optional<int> optional_time_from(const json& j, const char* key) {
    if (!j.contains(key) || j[key].is_null()) return std::nullopt;
    return j[key].get<int>();
}
}  // namespace

void to_json(json& j, const CalendarEvent& e) {
    j = {{"id", e.id},
         {"school_id", e.school_id},
         {"group_ids", e.group_ids},
         {"type", e.type},
         {"title", e.title},
         {"description", e.description},
         {"date", e.date.iso()},
         {"end_date", e.end_date.iso()},
         {"start_time", e.start_time ? json(*e.start_time) : json(nullptr)},
         {"end_time", e.end_time ? json(*e.end_time) : json(nullptr)},
         {"author_id", e.author_id},
         {"created_at", e.created_at},
         {"changed_at", e.changed_at}};
}
void from_json(const json& j, CalendarEvent& e) {
    e.id = j.at("id").get<std::string>();
    e.school_id = j.at("school_id").get<std::string>();
    e.group_ids = j.at("group_ids").get<std::vector<Id>>();
    e.type = j.at("type").get<std::string>();
    e.title = j.at("title").get<std::string>();
    e.description = j.at("description").get<std::string>();
    e.date = j.at("date").get<Date>();
    e.end_date = j.at("end_date").get<Date>();
    e.start_time = optional_time_from(j, "start_time");
    e.end_time = optional_time_from(j, "end_time");
    e.author_id = j.at("author_id").get<std::string>();
    e.created_at = j.at("created_at").get<UnixSeconds>();
    e.changed_at = j.at("changed_at").get<UnixSeconds>();
}

namespace {

// --- Queries and bodies ---------------------------------------------------------------

struct Range {
    Date from, to;
    std::optional<IsoWeek> week;  // when the range is a week
};

const std::string* query_param(const Context& ctx, const char* name) {
    auto it = ctx.request.query.find(name);
    return it == ctx.request.query.end() ? nullptr : &it->second;
}

Date query_date(const Context& ctx, const char* name) {
    const std::string* v = query_param(ctx, name);
    const std::string n = name;
    if (!v) throw bad_request(n, "Ange både from och to (" + n + " saknas).", "Give both from and to (" + n + " is missing).");
    auto d = Date::parse(*v);
    if (!d) throw bad_request(n, n + " ska vara ett datum på formen ÅÅÅÅ-MM-DD.", n + " must be a date written YYYY-MM-DD.");
    return *d;
}

// Read before any state is touched: only the school's "today" is needed for the default.
Range read_range(const Context& ctx, const Date& today) {
    const std::string* week = query_param(ctx, "week");
    const bool dates = query_param(ctx, "from") || query_param(ctx, "to");
    if (week) {
        if (dates)
            throw bad_request("week", "Ange antingen week eller from och to, inte båda.",
                              "Give either week or from and to, not both.");
        auto w = parse_iso_week(*week);
        if (!w)
            throw bad_request("week", "week ska vara en vecka på formen ÅÅÅÅ-Vnn, till exempel 2026-W49.",
                              "week must be a week written YYYY-Wnn, for example 2026-W49.");
        return {monday_of(*w), monday_of(*w).plus_days(6), w};
    }
    if (dates) {
        const Date from = query_date(ctx, "from"), to = query_date(ctx, "to");
        if (to < from) throw bad_request("to", "to får inte vara före from.", "to cannot be before from.");
        if (to.days_since_epoch() - from.days_since_epoch() + 1 > kCalendarMaxQueryDays)
            throw bad_request("to", "Högst " + std::to_string(kCalendarMaxQueryDays) + " dagar åt gången.",
                              "At most " + std::to_string(kCalendarMaxQueryDays) + " days at a time.");
        return {from, to, std::nullopt};
    }
    const IsoWeek w = iso_week_of(today);
    return {monday_of(w), monday_of(w).plus_days(6), w};
}

// The event's own fields from a POST or PUT body (everything but ids and scope).
CalendarEvent read_event(const RequestBody& body) {
    CalendarEvent e;
    e.type = body.required_string("type", 40);
    if (calendar_type_label(e.type, Language::sv).empty())
        throw bad_request("type",
                          "Okänd typ av händelse: " + e.type +
                              ". Tillåtna: planning_day, activity, holiday, homework, study_day, term_dates, "
                              "national_test.",
                          "Unknown type of event: " + e.type +
                              ". Allowed: planning_day, activity, holiday, homework, study_day, term_dates, "
                              "national_test.");
    e.title = body.required_string("title", kCalendarTitleMaxChars);
    e.description = body.optional_string("description", kCalendarDescriptionMaxChars);
    e.date = body.required_date("date");
    e.end_date = body.optional_date("end_date").value_or(e.date);
    if (e.end_date < e.date) throw bad_request("end_date", "end_date får inte vara före date.", "end_date cannot be before date.");
    if (e.end_date.days_since_epoch() - e.date.days_since_epoch() + 1 > kCalendarMaxEventDays)
        throw bad_request("end_date", "En händelse kan vara högst " + std::to_string(kCalendarMaxEventDays) + " dagar.",
                          "An event can be at most " + std::to_string(kCalendarMaxEventDays) + " days long.");
    e.start_time = body.optional_time("start_time");
    e.end_time = body.optional_time("end_time");
    if (e.end_time && !e.start_time)
        throw bad_request("end_time", "Ange start_time när end_time anges.", "Give start_time when end_time is given.");
    if (e.start_time && e.end_time && e.date == e.end_date && *e.end_time <= *e.start_time)
        throw bad_request("end_time", "end_time ska vara efter start_time.", "end_time must be after start_time.");
    return e;
}

// --- Wire form ------------------------------------------------------------------------

json event_json(const State& state, const CalendarEvent& e, const School& school, Language language) {
    return {{"id", e.id},
            {"type", e.type},
            {"type_label", calendar_type_label(e.type, language)},
            {"title", e.title},
            {"description", e.description},
            {"date", e.date.iso()},
            {"end_date", e.end_date.iso()},
            {"all_day", !e.start_time.has_value()},
            {"start_time", optional_time_json(e.start_time)},
            {"end_time", optional_time_json(e.end_time)},
            {"author", person_ref(state, e.author_id)},
            {"created_at", school_time(school, e.created_at)},
            {"changed_at", e.changed_at ? json(school_time(school, e.changed_at)) : json(nullptr)},
            {"scope", scope_json(state, e.group_ids)}};
}

bool chronological(const CalendarEvent* a, const CalendarEvent* b) {
    if (a->date != b->date) return a->date < b->date;
    const int sa = a->start_time.value_or(-1), sb = b->start_time.value_or(-1);  // all-day first
    if (sa != sb) return sa < sb;
    if (a->title != b->title) return a->title < b->title;
    return a->id < b->id;
}

bool overlaps(const CalendarEvent& e, const Date& from, const Date& to) { return e.date <= to && from <= e.end_date; }

json range_json(const Range& r) {
    json j = {{"from", r.from.iso()}, {"to", r.to.iso()}, {"week", nullptr}};
    if (r.week) {
        j["week"] = iso_week_name(*r.week);
        j["previous_week"] = iso_week_name(iso_week_of(r.from.plus_days(-7)));
        j["next_week"] = iso_week_name(iso_week_of(r.from.plus_days(7)));
    }
    return j;
}

const CalendarEvent& find_event(const State& state, const Id& id) {
    auto it = state.calendar.events.find(id);
    if (it == state.calendar.events.end()) throw not_found();
    return it->second;
}

// --- Handlers -------------------------------------------------------------------------

Response list_calendar(Context& ctx) {
    auto txn = ctx.services.store.begin();
    const State& state = txn.state();
    const auto access = pupil_box(state, ctx.params.at("pupil"), *ctx.me, ctx.now, Box::Kalender);
    const Range range = read_range(ctx, access.today);
    std::vector<const CalendarEvent*> found;
    for (const auto& [id, e] : state.calendar.events)
        if (overlaps(e, range.from, range.to) && reaches_pupil(access.pupil, e.school_id, e.group_ids)) found.push_back(&e);
    std::sort(found.begin(), found.end(), chronological);
    json events = json::array();
    for (const CalendarEvent* e : found) events.push_back(event_json(state, *e, access.school, ctx.language()));
    Response res;
    res.body = range_json(range);
    res.body["pupil"] = {{"id", access.pupil.id}, {"name", access.pupil.full_name()}};
    res.body["today"] = access.today.iso();
    res.body["events"] = std::move(events);
    return res;
}

// One event that reaches the pupil, with the ISO week containing its first day (a link or
// a notification opens that week with the event shown). Not the pupil's: 404, as for an
// id that never existed.
Response get_calendar_event(Context& ctx) {
    auto txn = ctx.services.store.begin();
    const State& state = txn.state();
    const auto access = pupil_box(state, ctx.params.at("pupil"), *ctx.me, ctx.now, Box::Kalender);
    const CalendarEvent& e = find_event(state, ctx.params.at("event"));
    if (!reaches_pupil(access.pupil, e.school_id, e.group_ids)) throw not_found();
    Response res;
    res.body = {{"event", event_json(state, e, access.school, ctx.language())},
                {"week", iso_week_name(iso_week_of(e.date))}};
    return res;
}

json staff_event_json(const State& state, const Person& me, const CalendarEvent& e, const School& school,
                      Language language) {
    json j = event_json(state, e, school, language);
    j["can_change"] = may_publish_to(state, me, e.school_id, e.group_ids);
    return j;
}

Response list_school_calendar(Context& ctx) {
    auto txn = ctx.services.store.begin();
    const State& state = txn.state();
    const School& school = school_for_staff(state, ctx.params.at("school"), *ctx.me);
    const Range range = read_range(ctx, today_at(school, ctx.now));
    std::vector<const CalendarEvent*> found;
    for (const auto& [id, e] : state.calendar.events)
        if (e.school_id == school.id && overlaps(e, range.from, range.to) &&
            staff_sees(state, *ctx.me, school.id, e.group_ids))
            found.push_back(&e);
    std::sort(found.begin(), found.end(), chronological);
    json events = json::array();
    for (const CalendarEvent* e : found) events.push_back(staff_event_json(state, *ctx.me, *e, school, ctx.language()));
    Response res;
    res.body = range_json(range);
    res.body["school"] = {{"id", school.id}, {"name", school.name}};
    res.body["today"] = today_at(school, ctx.now).iso();
    res.body["events"] = std::move(events);
    return res;
}

Response create_event(Context& ctx) {
    RequestBody body(ctx.request.body,
                     {"type", "title", "description", "date", "end_date", "start_time", "end_time", "group_ids"});
    CalendarEvent event = read_event(body);
    event.group_ids = read_group_ids(body);

    json reply;
    std::uint64_t seq;
    {
        auto txn = ctx.services.store.begin();
        const State& state = txn.state();
        const School& school = school_for_staff(state, ctx.params.at("school"), *ctx.me);
        require_may_publish(state, *ctx.me, school.id, event.group_ids);
        event.id = txn.new_id("cal");
        event.school_id = school.id;
        event.author_id = ctx.me->id;
        event.created_at = ctx.now;
        seq = txn.commit({{"type", "calendar_event_created"}, {"event", event}});
        seq = std::max(seq, notify_pupils(txn, audience_of(state, school.id, event.group_ids),
                                          {Box::Kalender, "calendar_event", event.id,
                                           {calendar_type_label(event.type, Language::sv) + " " +
                                                short_date(event.date, Language::sv) + ": " + event.title,
                                            calendar_type_label(event.type, Language::en) + " " +
                                                short_date(event.date, Language::en) + ": " + event.title}},
                                          ctx.now, ctx.me->id));
        reply = staff_event_json(state, *ctx.me, state.calendar.events.at(event.id), school, ctx.language());
    }
    ctx.services.store.make_durable(seq);
    Response res;
    res.status = 201;
    res.body = {{"event", std::move(reply)}};
    return res;
}

Response change_event(Context& ctx) {
    RequestBody body(ctx.request.body,
                     {"type", "title", "description", "date", "end_date", "start_time", "end_time", "group_ids"});
    CalendarEvent changed = read_event(body);
    const auto groups = read_new_group_ids(body);

    json reply;
    std::uint64_t seq;
    {
        auto txn = ctx.services.store.begin();
        const State& state = txn.state();
        const CalendarEvent& old = find_event(state, ctx.params.at("event"));
        require_may_change(state, *ctx.me, old.school_id, old.group_ids, groups);
        changed.id = old.id;
        changed.school_id = old.school_id;
        changed.group_ids = groups ? *groups : old.group_ids;
        changed.author_id = old.author_id;
        changed.created_at = old.created_at;
        changed.changed_at = ctx.now;
        seq = txn.commit({{"type", "calendar_event_changed"}, {"event", changed}});
        reply = staff_event_json(state, *ctx.me, state.calendar.events.at(changed.id), state.schools.at(changed.school_id),
                                 ctx.language());
    }
    ctx.services.store.make_durable(seq);
    Response res;
    res.body = {{"event", std::move(reply)}};
    return res;
}

Response delete_event(Context& ctx) { return delete_published(ctx, find_event, "event", "calendar_event_deleted"); }

// --- Events, snapshot, card -----------------------------------------------------------

bool apply(State& state, const std::string& type, const json& event) {
    if (type == "calendar_event_created" || type == "calendar_event_changed") {
        auto e = event.at("event").get<CalendarEvent>();
        Id id = e.id;
        state.calendar.events[id] = std::move(e);
    } else if (type == "calendar_event_deleted") {
        state.calendar.events.erase(event.at("id").get<std::string>());
    } else {
        return false;
    }
    return true;
}

void save(const State& state, json& out) {
    json list = json::array();
    for (const auto& [id, e] : state.calendar.events) list.push_back(e);
    out["calendar_events"] = std::move(list);
}

void load(const json& in, State& state) {
    state.calendar.events.clear();
    for (const auto& j : in.value("calendar_events", json::array())) {
        auto e = j.get<CalendarEvent>();
        Id id = e.id;
        state.calendar.events.emplace(std::move(id), std::move(e));
    }
}

json card(const CardContext& ctx, Box) {
    const CalendarEvent* next = nullptr;
    int this_week = 0;
    const Date week_end = ctx.today.plus_days(6);
    for (const auto& [id, e] : ctx.state.calendar.events) {
        if (e.end_date < ctx.today || !reaches_pupil(ctx.pupil, e.school_id, e.group_ids)) continue;
        if (e.date <= week_end) ++this_week;
        // An event that began earlier and is still going on counts as today's.
        if (!next || chronological(&e, next)) next = &e;
    }
    if (!next) return {{"summary", ctx.say("Inga kommande händelser", "No upcoming events")}, {"count", 0}};
    const Date shown = next->date < ctx.today ? ctx.today : next->date;
    std::string when = shown == ctx.today                 ? ctx.say("Idag", "Today")
                       : shown == ctx.today.plus_days(1) ? ctx.say("I morgon", "Tomorrow")
                                                         : short_date(shown, ctx.language);
    if (next->start_time && shown == next->date) when += " " + format_time_of_day(*next->start_time);
    return {{"summary", when + ": " + next->title},
            {"count", this_week},
            {"next",
             {{"id", next->id},
              {"type", next->type},
              {"type_label", calendar_type_label(next->type, ctx.language)},
              {"title", next->title},
              {"date", next->date.iso()},
              {"end_date", next->end_date.iso()},
              {"start_time", optional_time_json(next->start_time)}}}};
}

// --- Demo -----------------------------------------------------------------------------

std::string holiday_name(const Date& d) {
    switch (d.month) {
        case 12: case 1: return "Jullov";
        case 2: case 3: return "Sportlov";
        case 4: return "Påsklov";
        case 6: case 7: case 8: return "Sommarlov";
        case 10: case 11: return "Höstlov";
        default: return "Lovdagar";
    }
}

void make_demo(DemoContext& ctx) {
    State& state = ctx.state;
    const Date today = ctx.today;
    auto add = [&](const Id& school, std::vector<Id> groups, const Id& author, const char* type, std::string title,
                   std::string description, Date date, std::optional<Date> end = std::nullopt,
                   std::optional<int> start = std::nullopt, std::optional<int> stop = std::nullopt) {
        CalendarEvent e;
        e.id = "cal-" + std::to_string(state.next_id++);
        e.school_id = school;
        e.group_ids = std::move(groups);
        e.type = type;
        e.title = std::move(title);
        e.description = std::move(description);
        e.date = date;
        e.end_date = end.value_or(date);
        e.start_time = start;
        e.end_time = stop;
        e.author_id = author;
        e.created_at = ctx.now - (10 + ctx.rng.below(20)) * 86400;
        if (e.date.days_since_epoch() < today.days_since_epoch())
            e.created_at = std::min(e.created_at, TimeZone::named("Europe/Stockholm")->start_of_day(e.date) - 7 * 86400);
        state.calendar.events.emplace(e.id, std::move(e));
    };
    auto hm = [](int h, int m) { return h * 60 + m; };

    // Who signs whole-school events: the school's admin, else the first group's mentor.
    std::map<Id, Id> signer;
    for (const auto& [id, p] : state.people)
        if (p.role == Role::SchoolAdmin && !signer.count(p.school_id)) signer[p.school_id] = id;
    for (const auto& [gid, g] : state.groups)
        if (!signer.count(g.school_id) && !g.mentor_id.empty()) signer[g.school_id] = g.mentor_id;

    const Date holiday_start = next_weekday(today, 1, 21);       // a week of lov in three weeks or so
    const Date term_end = holiday_start.plus_days(-3);             // the Friday before
    const Date past_lovdag = next_weekday(today.plus_days(-30), 5, 0);
    const bool autumn = today.month >= 7;
    const bool winter = today.month == 11 || today.month == 12;

    for (const auto& [sid, school] : state.schools) {
        if (!signer.count(sid)) continue;
        const Id& by = signer[sid];
        const std::string lov = holiday_name(holiday_start);
        add(sid, {}, by, "holiday", lov, lov + " – skolan är stängd.", holiday_start, holiday_start.plus_days(4));
        add(sid, {}, by, "holiday", "Lovdag", "Ingen verksamhet.", past_lovdag);
        switch (school.form) {
            case SchoolForm::Forskola:
                add(sid, {}, by, "planning_day", "Planeringsdag – förskolan stängd",
                    "Personalen planerar. Behöver ni omsorg, hör av er senast en vecka innan.", demo_planning_day(today));
                add(sid, {}, by, "planning_day", "Planeringsdag", "Förskolan stängd.", next_weekday(today, 1, -35));
                add(sid, {}, by, "activity", winter ? "Luciatåg för föräldrar" : "Föräldrakaffe",
                    "Välkomna att fika med oss i matsalen.", next_weekday(today, 4, 8), std::nullopt, hm(15, 0), hm(16, 30));
                break;
            case SchoolForm::Grundskola:
                add(sid, {}, by, "study_day", "Studiedag", "Eleverna är lediga. Fritids har öppet för anmälda barn.",
                    demo_study_day(today));
                add(sid, {}, by, "term_dates", autumn ? "Höstterminen slutar" : "Vårterminen slutar",
                    "Avslutning i aulan kl. 10. Eleverna slutar efter avslutningen.", term_end, std::nullopt, hm(10, 0),
                    hm(11, 0));
                add(sid, {}, by, "activity", winter ? "Luciafirande i aulan" : "Vårfest i aulan",
                    "Föräldrar är välkomna.", next_weekday(today, 3, 9), std::nullopt, hm(8, 15), hm(9, 0));
                add(sid, {}, by, "activity", "Friluftsdag", "Hela skolan är ute. Matsäck och kläder efter väder.",
                    next_weekday(today, 2, -24));
                break;
            case SchoolForm::Gymnasieskola:
                add(sid, {}, by, "study_day", "Studiedag", "Ingen undervisning; studiehallen har öppet 9–15.",
                    demo_study_day(today));
                add(sid, {}, by, "term_dates", autumn ? "Höstterminen slutar" : "Vårterminen slutar",
                    "Sista undervisningsdag.", term_end);
                add(sid, {}, by, "term_dates", autumn ? "Vårterminen börjar" : "Höstterminen börjar",
                    "Första skoldag enligt schema.", next_weekday(holiday_start, 1, 7));
                add(sid, {}, by, "study_day", "Studiedag", "Ingen undervisning.", next_weekday(today, 3, -17));
                break;
        }
    }

    const char* const homework[] = {"Glosor kapitel 4", "Matte s. 42–43", "Läs kapitel 3 i SO-boken",
                                    "Öva på multiplikationstabellen", "Skriv klart berättelsen", "Läs 20 minuter varje dag"};
    const char* const tests[] = {"Nationellt prov i svenska 1", "Nationellt prov i engelska 5",
                                 "Nationellt prov i matematik 1c", "Nationellt prov i matematik 2c"};
    for (const auto& [gid, g] : state.groups) {
        auto school = state.schools.find(g.school_id);
        if (school == state.schools.end() || g.staff_ids.empty()) continue;
        const Id by = g.mentor_id.empty() ? g.staff_ids.front() : g.mentor_id;
        switch (school->second.form) {
            case SchoolForm::Forskola:
                add(g.school_id, {gid}, by, "activity", "Skogsdag för " + g.name,
                    "Vi är i skogen hela förmiddagen. Ta med extra kläder.", next_weekday(today, 4, 1));
                add(g.school_id, {gid}, by, "activity", "Föräldramöte " + g.name, "I " + g.name + "s rum.",
                    next_weekday(today, 2, 12), std::nullopt, hm(18, 0), hm(19, 30));
                break;
            case SchoolForm::Grundskola:
                add(g.school_id, {gid}, by, "homework", std::string("Läxa: ") + ctx.rng.pick(homework),
                    "Till lektionen.", next_weekday(today, 2, 1));
                add(g.school_id, {gid}, by, "homework", std::string("Läxa: ") + ctx.rng.pick(homework),
                    "Lämnas in på torsdag.", next_weekday(today, 4, 1));
                add(g.school_id, {gid}, by, "activity", "Utflykt till Naturhistoriska riksmuseet",
                    "Vi åker buss från skolan. Ta med matsäck.", next_weekday(today, 3, 15), std::nullopt, hm(9, 0),
                    hm(14, 0));
                if (!g.name.empty() && (g.name[0] == '3' || g.name[0] == '6' || g.name[0] == '9'))
                    add(g.school_id, {gid}, by, "national_test", "Nationellt prov i matematik", "Ta med penna och sudd.",
                        next_weekday(today, 2, 8), std::nullopt, hm(8, 30), hm(10, 30));
                break;
            case SchoolForm::Gymnasieskola:
            {
                // One random draw per statement: argument evaluation order is unspecified.
                const std::string written = ctx.rng.pick(tests);
                const int written_day = 1 + ctx.rng.below(5);
                const std::string oral = ctx.rng.pick(tests);
                const int oral_day = 1 + ctx.rng.below(5);
                add(g.school_id, {gid}, by, "national_test", written, "Provet skrivs i aulan. Mobilen lämnas i skåpet.",
                    next_weekday(today, written_day, 4), std::nullopt, hm(8, 30), hm(12, 30));
                add(g.school_id, {gid}, by, "national_test", oral + " – muntlig del", "Muntlig del i grupp.",
                    next_weekday(today, oral_day, -20), std::nullopt, hm(13, 0), hm(15, 0));
                add(g.school_id, {gid}, by, "homework", "Inlämning: laborationsrapport", "Lämnas in i Uppgifter.",
                    next_weekday(today, 5, 2));
                break;
            }
        }
    }
}

}  // namespace

extern const BoxModule calendar_module{
    "calendar",
    {Box::Kalender},
    {
        {"GET", "/api/v1/pupils/{pupil}/calendar", true, list_calendar, Access::PupilData},
        {"GET", "/api/v1/pupils/{pupil}/calendar/{event}", true, get_calendar_event, Access::PupilData},
        {"GET", "/api/v1/schools/{school}/calendar", true, list_school_calendar, Access::StaffOfSchool},
        {"POST", "/api/v1/schools/{school}/calendar", true, create_event, Access::StaffOfSchool},
        {"PUT", "/api/v1/calendar/{event}", true, change_event, Access::StaffOfSchool},
        {"DELETE", "/api/v1/calendar/{event}", true, delete_event, Access::StaffOfSchool},
    },
    apply,
    save,
    load,
    make_demo,
    card,
};

}  // namespace skolnav
