// Kalenderprenumeration: a private, revocable iCalendar feed a phone's calendar
// subscribes to. The feed's address carries a secret token (the only credential: a
// calendar app has no session); the state keeps the token's digest only, so the
// address is shown once, when the feed is made.
//   GET    /api/v1/calendar-feeds                          my feeds (never their tokens)
//   POST   /api/v1/calendar-feeds                          {"pupil": ID} or {} for every pupil
//                                                          I act for: 201 with the address
//   DELETE /api/v1/calendar-feeds/{feed}                   revoke (the owner only)
//   GET    /api/v1/calendar-feeds/{token}/skolnav.ics      the feed, no session: text/calendar
//
// What a feed shows is decided when it is fetched, by the rules the boxes use: the
// owner's view of each pupil now (a guardian who loses insyn of an adult pupil stops
// getting that pupil's items; eTests are never in it): Kalender events, the Schema's
// lessons, Uppgifter's due dates and booked Utvecklingssamtal, from two weeks back to
// eight weeks ahead.
#include "core/boxes/calendar_feed.hpp"

#include <algorithm>

#include "core/api_error.hpp"
#include "core/box_module.hpp"
#include "core/icalendar.hpp"
#include "core/permissions.hpp"
#include "core/pupil_access.hpp"
#include "core/request_body.hpp"

namespace skolnav {

void to_json(json& j, const CalendarFeed& f) {
    j = {{"id", f.id},
         {"owner_id", f.owner_id},
         {"pupil_id", f.pupil_id},
         {"token_digest", f.token_digest},
         {"created_at", f.created_at}};
}
void from_json(const json& j, CalendarFeed& f) {
    f.id = j.at("id").get<std::string>();
    f.owner_id = j.at("owner_id").get<std::string>();
    f.pupil_id = j.value("pupil_id", "");
    f.token_digest = j.at("token_digest").get<std::string>();
    f.created_at = j.at("created_at").get<UnixSeconds>();
}

namespace {

constexpr const char* kFeedsPath = "/api/v1/calendar-feeds";
constexpr const char* kFeedFile = "skolnav.ics";

const TimeZone& stockholm() {
    static const TimeZone tz = *TimeZone::named("Europe/Stockholm");
    return tz;
}

std::string feed_path(const std::string& token) { return std::string(kFeedsPath) + "/" + token + "/" + kFeedFile; }

json feed_json(const State& state, const CalendarFeed& f) {
    json pupil = nullptr;
    if (const Person* p = f.pupil_id.empty() ? nullptr : find_person(state, f.pupil_id))
        pupil = {{"id", p->id}, {"name", p->full_name()}, {"first_name", p->first_name}};
    return {{"id", f.id}, {"pupil", pupil}, {"created_at", stockholm().local_iso(f.created_at)}};
}

std::vector<const CalendarFeed*> feeds_of(const State& state, const Id& owner) {
    std::vector<const CalendarFeed*> out;
    for (const auto& [id, f] : state.calendar_feeds.feeds)
        if (f.owner_id == owner) out.push_back(&f);
    std::sort(out.begin(), out.end(), [](const CalendarFeed* a, const CalendarFeed* b) {
        return a->created_at != b->created_at ? a->created_at < b->created_at : a->id < b->id;
    });
    return out;
}

// --- Handlers: managing feeds ---------------------------------------------------------

Response list_feeds(Context& ctx) {
    auto txn = ctx.services.store.begin();
    const State& state = txn.state();
    json feeds = json::array();
    for (const CalendarFeed* f : feeds_of(state, ctx.me->id)) feeds.push_back(feed_json(state, *f));
    Response res;
    res.body = {{"feeds", std::move(feeds)}};
    return res;
}

Response create_feed(Context& ctx) {
    RequestBody body(ctx.request.body, {"pupil"});
    const std::string pupil_id = body.optional_string("pupil", 40);
    const std::string token = ctx.services.crypto.random_token();
    json reply;
    std::uint64_t seq;
    {
        auto txn = ctx.services.store.begin();
        const State& state = txn.state();
        if (pupils_acted_for(state, *ctx.me).empty())
            throw ApiError(403, "forbidden",
                           {"Kalenderprenumeration finns för elever och vårdnadshavare.",
                            "Calendar subscriptions are for pupils and guardians."});
        // A pupil the caller does not see answers as one that does not exist.
        if (!pupil_id.empty()) {
            try {
                visible_pupil(state, pupil_id, *ctx.me, ctx.now);
            } catch (ApiError& e) {
                e.field = "pupil";  // the id came in the body: name the field
                throw;
            }
        }
        if (feeds_of(state, ctx.me->id).size() >= static_cast<std::size_t>(kCalendarFeedsPerPerson))
            throw ApiError(409, "conflict",
                           {"Du har redan " + std::to_string(kCalendarFeedsPerPerson) +
                                " prenumerationslänkar. Ta bort en först.",
                            "You already have " + std::to_string(kCalendarFeedsPerPerson) +
                                " subscription links. Remove one first."});
        CalendarFeed feed{txn.new_id("ical"), ctx.me->id, pupil_id, ctx.services.crypto.digest(token), ctx.now};
        seq = txn.commit({{"type", "calendar_feed_created"}, {"feed", feed}});
        reply = feed_json(state, state.calendar_feeds.feeds.at(feed.id));
    }
    ctx.services.store.make_durable(seq);
    reply["path"] = feed_path(token);  // the only time the token is told
    Response res;
    res.status = 201;
    res.body = {{"feed", std::move(reply)}};
    return res;
}

Response revoke_feed(Context& ctx) {
    std::uint64_t seq;
    {
        auto txn = ctx.services.store.begin();
        const State& state = txn.state();
        auto it = state.calendar_feeds.feeds.find(ctx.params.at("feed"));
        if (it == state.calendar_feeds.feeds.end() || it->second.owner_id != ctx.me->id) throw not_found();
        seq = txn.commit({{"type", "calendar_feed_revoked"}, {"id", it->first}});
    }
    ctx.services.store.make_durable(seq);
    Response res;
    res.status = 204;
    return res;
}

// --- The feed -------------------------------------------------------------------------

// One VEVENT, before it is written. An item that reaches two of the owner's children
// (a whole-school event for siblings) is one entry with both names.
struct Entry {
    std::string uid;
    std::vector<std::string> names;  // the children it is for (first names)
    std::string summary, description, location, category;
    std::string tzid;
    Date start;
    Date end;                        // all-day: the day after the last day (exclusive)
    std::optional<int> start_minutes, end_minutes;  // none: all day
};

bool chronological(const Entry* a, const Entry* b) {
    if (a->start != b->start) return a->start < b->start;
    const int sa = a->start_minutes.value_or(-1), sb = b->start_minutes.value_or(-1);
    if (sa != sb) return sa < sb;
    return a->uid < b->uid;
}

std::string joined_names(const std::vector<std::string>& names, Language language) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) out += i + 1 == names.size() ? say(language, " och ", " and ") : ", ";
        out += names[i];
    }
    return out;
}

class FeedBuilder {
public:
    FeedBuilder(const State& state, const Person& owner, Language language, UnixSeconds now)
        : state_(state), owner_(owner), language_(language), now_(now) {}

    // Everything `owner_` sees of `pupil` now, in the window around the school's today.
    void add_pupil(const Person& pupil) {
        const School* school = school_of(state_, pupil);
        if (!school) return;
        const Date today = today_at(*school, now_);
        if (!may_see_pupil(owner_, pupil, today)) return;
        const Date from = today.plus_days(-kCalendarFeedDaysBack), to = today.plus_days(kCalendarFeedDaysAhead);
        const TimeZone tz = school_time_zone(*school);
        zones_.emplace(tz.name, tz);
        auto sees = [&](Box b) { return sees_box(state_, owner_, pupil, b, today); };
        if (sees(Box::Kalender)) add_events(pupil, tz.name, from, to);
        if (sees(Box::Schema)) add_lessons(pupil, tz.name, from, to);
        if (sees(Box::Uppgifter)) add_assignments(pupil, tz.name, from, to);
        if (sees(Box::Utvecklingssamtal)) add_meetings(pupil, tz, from, to);
    }

    std::string write(const std::string& calendar_name, bool name_children) const {
        ical::Writer w;
        w.begin("VCALENDAR");
        w.property("VERSION", "2.0");
        w.text("PRODID", "-//Skolnav//Skolnav//" + std::string(language_ == Language::en ? "EN" : "SV"));
        w.property("CALSCALE", "GREGORIAN");
        w.text("NAME", calendar_name);
        w.text("X-WR-CALNAME", calendar_name);
        w.text("X-WR-TIMEZONE", "Europe/Stockholm");
        w.property("REFRESH-INTERVAL", "PT1H", {{"VALUE", "DURATION"}});
        w.property("X-PUBLISHED-TTL", "PT1H");
        for (const auto& [name, tz] : zones_) {
            // The zones Skolnav knows follow the EU rule; Stockholm's are called CET/CEST.
            const bool central = tz.standard_offset_minutes == 60;
            w.eu_time_zone(name, tz.standard_offset_minutes, tz.eu_summer_time, central ? "CET" : "",
                           central ? "CEST" : "");
        }
        std::vector<const Entry*> sorted;
        for (const auto& [uid, e] : entries_) sorted.push_back(&e);
        std::sort(sorted.begin(), sorted.end(), chronological);
        const std::string stamp = ical::utc_date_time(now_);
        for (const Entry* e : sorted) {
            w.begin("VEVENT");
            w.property("UID", e->uid);
            w.property("DTSTAMP", stamp);
            if (e->start_minutes) {
                w.property("DTSTART", ical::local_date_time(e->start, *e->start_minutes), {{"TZID", e->tzid}});
                if (e->end_minutes)
                    w.property("DTEND", ical::local_date_time(e->end, *e->end_minutes), {{"TZID", e->tzid}});
            } else {
                w.property("DTSTART", ical::date_value(e->start), {{"VALUE", "DATE"}});
                w.property("DTEND", ical::date_value(e->end), {{"VALUE", "DATE"}});
                w.property("TRANSP", "TRANSPARENT");
            }
            w.text("SUMMARY", name_children ? joined_names(e->names, language_) + ": " + e->summary : e->summary);
            if (!e->location.empty()) w.text("LOCATION", e->location);
            if (!e->description.empty()) w.text("DESCRIPTION", e->description);
            if (!e->category.empty()) w.text("CATEGORIES", e->category);
            w.end("VEVENT");
        }
        w.end("VCALENDAR");
        return w.str();
    }

private:
    // The entry for `uid`; a second child's copy of the same item adds only the name.
    Entry* add(const std::string& uid, const Person& pupil) {
        auto [it, fresh] = entries_.try_emplace(uid);
        Entry& e = it->second;
        if (std::find(e.names.begin(), e.names.end(), pupil.first_name) == e.names.end()) e.names.push_back(pupil.first_name);
        if (!fresh) return nullptr;
        e.uid = uid;
        return &e;
    }

    void add_events(const Person& pupil, const std::string& tzid, const Date& from, const Date& to) {
        for (const auto& [id, ev] : state_.calendar.events) {
            if (ev.end_date < from || to < ev.date || !reaches_pupil(pupil, ev.school_id, ev.group_ids)) continue;
            Entry* e = add(ev.id + "@skolnav", pupil);
            if (!e) continue;
            e->summary = ev.title;
            e->description = ev.description;
            e->category = calendar_type_label(ev.type, language_);
            e->tzid = tzid;
            e->start = ev.date;
            if (ev.start_time) {
                e->start_minutes = ev.start_time;
                e->end = ev.end_date;
                // Without an end time: an hour, as calendars do.
                e->end_minutes = ev.end_time ? *ev.end_time : *ev.start_time + 60;
            } else {
                e->end = ev.end_date.plus_days(1);
            }
        }
    }

    void add_lessons(const Person& pupil, const std::string& tzid, const Date& from, const Date& to) {
        for (Date d = from; d <= to; d = d.plus_days(1)) {
            for (const Lesson* l : lessons_on(state_, pupil.group_id, d)) {
                Entry* e = add(l->id + "-" + ical::date_value(d) + "@skolnav", pupil);
                if (!e) continue;
                e->summary = l->subject;
                e->location = l->room;
                if (const Person* teacher = l->teacher_id.empty() ? nullptr : find_person(state_, l->teacher_id))
                    e->description = say(language_, "Lärare: ", "Teacher: ") + teacher->full_name();
                e->category = say(language_, "Lektion", "Lesson");
                e->tzid = tzid;
                e->start = e->end = d;
                e->start_minutes = l->start;
                e->end_minutes = l->end;
            }
        }
    }

    void add_assignments(const Person& pupil, const std::string& tzid, const Date& from, const Date& to) {
        for (const auto& [id, a] : state_.assignments.assignments) {
            if (!a.published || a.group_id != pupil.group_id || a.due_date < from || to < a.due_date) continue;
            Entry* e = add(a.id + "@skolnav", pupil);
            if (!e) continue;
            e->summary = say(language_, "Inlämning: ", "Due: ") + a.title;
            e->description = say(language_, "Lämnas in senast ", "Hand in by ") + format_time_of_day(a.due_minutes) + ".";
            if (!a.description.empty()) e->description += "\n\n" + a.description;
            e->category = say(language_, "Uppgift", "Assignment");
            e->tzid = tzid;
            e->start = a.due_date;
            e->end = a.due_date.plus_days(1);
        }
    }

    void add_meetings(const Person& pupil, const TimeZone& tz, const Date& from, const Date& to) {
        auto booked = state_.meetings.booked_by_pupil.find(pupil.id);
        if (booked == state_.meetings.booked_by_pupil.end()) return;
        for (const Id& slot_id : booked->second) {
            auto it = state_.meetings.slots.find(slot_id);
            if (it == state_.meetings.slots.end()) continue;
            const MeetingSlot& s = it->second;
            const Date day = tz.local_date(s.start);
            if (day < from || to < day) continue;
            Entry* e = add(s.id + "@skolnav", pupil);
            if (!e) continue;
            const Person* staff = s.staff_id.empty() ? nullptr : find_person(state_, s.staff_id);
            e->summary = say(language_, "Utvecklingssamtal", "Development talk") +
                         (staff ? say(language_, " med ", " with ") + staff->full_name() : "");
            e->location = s.place;
            e->category = say(language_, "Utvecklingssamtal", "Development talk");
            e->tzid = tz.name;
            e->start = e->end = day;
            e->start_minutes = static_cast<int>((s.start - tz.start_of_day(day)) / 60);
            e->end_minutes = *e->start_minutes + s.duration_minutes;
        }
    }

    const State& state_;
    const Person& owner_;
    Language language_;
    UnixSeconds now_;
    std::map<std::string, Entry> entries_;
    std::map<std::string, TimeZone> zones_;
};

Response get_feed(Context& ctx) {
    const std::string& token = ctx.params.at("token");
    if (token.size() > 200) throw not_found();
    const std::string digest = ctx.services.crypto.digest(token);
    std::string bytes;
    {
        auto txn = ctx.services.store.begin();
        const State& state = txn.state();
        auto id = state.calendar_feeds.by_digest.find(digest);
        if (id == state.calendar_feeds.by_digest.end()) throw not_found();
        const CalendarFeed& feed = state.calendar_feeds.feeds.at(id->second);
        const Person* owner = find_person(state, feed.owner_id);
        if (!owner) throw not_found();
        const auto acted_for = pupils_acted_for(state, *owner);
        FeedBuilder builder(state, *owner, ctx.language(), ctx.now);
        std::string name = "Skolnav";
        bool name_children = false;
        if (!feed.pupil_id.empty()) {
            // Only while the pupil is still one the owner acts for.
            for (const Person* p : acted_for)
                if (p->id == feed.pupil_id) {
                    builder.add_pupil(*p);
                    if (owner->id != p->id) name += " – " + p->first_name;
                }
        } else {
            for (const Person* p : acted_for) builder.add_pupil(*p);
            name_children = acted_for.size() > 1;
        }
        bytes = builder.write(name, name_children);
    }
    Response res;
    res.file_bytes = std::move(bytes);
    res.file_content_type = "text/calendar; charset=utf-8";
    res.file_name = kFeedFile;
    res.file_inline = true;
    return res;
}

// --- Events and snapshot ----------------------------------------------------------------

bool apply(State& state, const std::string& type, const json& event) {
    auto& feeds = state.calendar_feeds;
    if (type == "calendar_feed_created") {
        auto f = event.at("feed").get<CalendarFeed>();
        feeds.by_digest[f.token_digest] = f.id;
        Id id = f.id;
        feeds.feeds[id] = std::move(f);
    } else if (type == "calendar_feed_revoked") {
        auto it = feeds.feeds.find(event.at("id").get<std::string>());
        if (it == feeds.feeds.end()) throw std::runtime_error("revoking an unknown calendar feed");
        feeds.by_digest.erase(it->second.token_digest);
        feeds.feeds.erase(it);
    } else {
        return false;
    }
    return true;
}

void save(const State& state, json& out) {
    json list = json::array();
    for (const auto& [id, f] : state.calendar_feeds.feeds) list.push_back(f);
    out["calendar_feeds"] = std::move(list);
}

void load(const json& in, State& state) {
    state.calendar_feeds = CalendarFeedState{};
    const json list = in.value("calendar_feeds", json::array());
    for (const auto& j : list) {
        auto f = j.get<CalendarFeed>();
        state.calendar_feeds.by_digest[f.token_digest] = f.id;
        Id id = f.id;
        state.calendar_feeds.feeds.emplace(std::move(id), std::move(f));
    }
}

}  // namespace

extern const BoxModule calendar_feed_module{
    "calendar_feed",
    {},
    {
        {"GET", "/api/v1/calendar-feeds", true, list_feeds, Access::SignedIn},
        {"POST", "/api/v1/calendar-feeds", true, create_feed, Access::SignedIn},
        {"DELETE", "/api/v1/calendar-feeds/{feed}", true, revoke_feed, Access::SignedIn},
        {"GET", "/api/v1/calendar-feeds/{token}/skolnav.ics", false, get_feed, Access::Anyone},
    },
    apply,
    save,
    load,
    nullptr,
    nullptr,
};

}  // namespace skolnav
