// Utvecklingssamtal: staff offer meeting slots to one pupil's guardians or to a group
// (any pupil of the group may book a slot, one booking per pupil); the guardians (or,
// in gymnasieskola, the adult pupil) book, change (book another slot: the old one is
// released in the same event) and cancel. Checking and booking happen in one store
// transaction, so a slot can never be booked twice.
//   GET    /api/v1/pupils/{pupil}/meetings                  bookable slots and the booking
//   POST   /api/v1/pupils/{pupil}/meetings/{slot}/booking   book (201) or change to this slot (200)
//   DELETE /api/v1/pupils/{pupil}/meetings/booking          cancel
//   GET    /api/v1/groups/{group}/meeting-slots             staff: the group's slots and bookings
//   POST   /api/v1/groups/{group}/meeting-slots             staff: offer slots (to the group or one pupil)
//   DELETE /api/v1/groups/{group}/meeting-slots/{slot}      staff: withdraw a slot
#include "core/boxes/meetings.hpp"

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
bool box_enabled(const School& school) {
    return std::find(school.enabled_boxes.begin(), school.enabled_boxes.end(), Box::Utvecklingssamtal) !=
           school.enabled_boxes.end();
}
bool offered_to(const MeetingSlot& s, const Person& pupil) {
    return s.pupil_id.empty() ? s.group_id == pupil.group_id && s.school_id == pupil.school_id : s.pupil_id == pupil.id;
}
}  // namespace

const MeetingSlot* current_booking(const State& state, const Id& pupil_id, UnixSeconds now) {
    auto it = state.meetings.booked_by_pupil.find(pupil_id);
    if (it == state.meetings.booked_by_pupil.end()) return nullptr;
    const MeetingSlot* best = nullptr;
    for (const Id& id : it->second) {
        auto s = state.meetings.slots.find(id);
        if (s == state.meetings.slots.end() || s->second.end() <= now) continue;
        if (!best || s->second.start < best->start) best = &s->second;
    }
    return best;
}

namespace {
// Free slots the pupil can still book, earliest first.
std::vector<const MeetingSlot*> bookable_slots(const State& state, const Person& pupil, UnixSeconds now) {
    std::vector<const MeetingSlot*> out;
    auto add = [&](const std::map<Id, std::set<Id>>& index, const Id& key) {
        auto it = index.find(key);
        if (it == index.end()) return;
        for (const Id& id : it->second) {
            auto s = state.meetings.slots.find(id);
            if (s != state.meetings.slots.end() && s->second.booked_for.empty() && s->second.start > now &&
                offered_to(s->second, pupil))
                out.push_back(&s->second);
        }
    };
    add(state.meetings.by_group, pupil.group_id);
    add(state.meetings.by_pupil, pupil.id);
    std::sort(out.begin(), out.end(), [](const MeetingSlot* a, const MeetingSlot* b) {
        return a->start != b->start ? a->start < b->start : a->id < b->id;
    });
    return out;
}
}  // namespace

bool meetings_box_active(const State& state, const Person& pupil, UnixSeconds now) {
    return current_booking(state, pupil.id, now) != nullptr || !bookable_slots(state, pupil, now).empty();
}

bool may_book_meetings(const State& state, const Person& viewer, const Person& pupil, const Date& today) {
    const School* school = school_of(state, pupil);
    if (!school || !box_enabled(*school) || !may_see_pupil(viewer, pupil, today)) return false;
    if (viewer.role == Role::Guardian) return true;
    return viewer.id == pupil.id && school->form == SchoolForm::Gymnasieskola && is_adult(pupil, today);
}

void to_json(json& j, const MeetingSlot& s) {
    j = {{"id", s.id},
         {"school_id", s.school_id},
         {"group_id", s.group_id},
         {"pupil_id", s.pupil_id},
         {"start", s.start},
         {"duration_minutes", s.duration_minutes},
         {"place", s.place},
         {"staff_id", s.staff_id},
         {"created_at", s.created_at},
         {"booked_for", s.booked_for},
         {"booked_by", s.booked_by},
         {"booked_at", s.booked_at}};
}
void from_json(const json& j, MeetingSlot& s) {
    s.id = j.at("id").get<std::string>();
    s.school_id = j.at("school_id").get<std::string>();
    s.group_id = j.at("group_id").get<std::string>();
    s.pupil_id = j.value("pupil_id", "");
    s.start = j.at("start").get<UnixSeconds>();
    s.duration_minutes = j.at("duration_minutes").get<int>();
    s.place = j.value("place", "");
    s.staff_id = j.value("staff_id", "");
    s.created_at = j.value("created_at", UnixSeconds{0});
    s.booked_for = j.value("booked_for", "");
    s.booked_by = j.value("booked_by", "");
    s.booked_at = j.value("booked_at", UnixSeconds{0});
}

namespace {

// ---- indexes ---------------------------------------------------------------------------

void index_slot(MeetingState& m, const MeetingSlot& s, bool add) {
    auto touch = [&](std::map<Id, std::set<Id>>& index, const Id& key) {
        if (key.empty()) return;
        if (add) {
            index[key].insert(s.id);
        } else if (auto it = index.find(key); it != index.end()) {
            it->second.erase(s.id);
            if (it->second.empty()) index.erase(it);
        }
    };
    if (s.pupil_id.empty()) touch(m.by_group, s.group_id);
    else touch(m.by_pupil, s.pupil_id);
    touch(m.booked_by_pupil, s.booked_for);
}

void put_slot(MeetingState& m, MeetingSlot s) {
    if (auto old = m.slots.find(s.id); old != m.slots.end()) {
        index_slot(m, old->second, false);
        m.slots.erase(old);
    }
    index_slot(m, s, true);
    Id id = s.id;
    m.slots.emplace(std::move(id), std::move(s));
}

void set_booking(MeetingState& m, const Id& slot_id, const Id& pupil, const Id& by, UnixSeconds at) {
    auto it = m.slots.find(slot_id);
    if (it == m.slots.end()) throw std::runtime_error("meeting event for an unknown slot: " + slot_id);
    MeetingSlot s = it->second;
    s.booked_for = pupil;
    s.booked_by = by;
    s.booked_at = at;
    put_slot(m, std::move(s));
}

// ---- the wire ------------------------------------------------------------------------------

const School& school_at(const State& state, const Id& id) { return state.schools.at(id); }

json slot_json(const State& state, const MeetingSlot& s) {
    const School& school = school_at(state, s.school_id);
    const TimeZone tz = school_time_zone(school);
    const Date day = tz.local_date(s.start);
    const int minutes = static_cast<int>((s.start - tz.start_of_day(day)) / 60);
    return {{"id", s.id},
            {"starts_at", tz.local_iso(s.start)},
            {"ends_at", tz.local_iso(s.end())},
            {"date", day.iso()},
            {"start", format_time_of_day(minutes)},
            {"end", format_time_of_day(minutes + s.duration_minutes)},
            {"duration_minutes", s.duration_minutes},
            {"place", s.place},
            {"staff", optional_person_ref(state, s.staff_id)},
            {"offered_to", s.pupil_id.empty() ? "group" : "pupil"}};
}

// "tis 8 dec 14:40", "Tue 8 Dec 14:40"
std::string when_text(const State& state, const MeetingSlot& s, Language language) {
    const json j = slot_json(state, s);
    return short_date(Date::parse(j["date"].get<std::string>()).value(), language) + " " + j["start"].get<std::string>();
}

json booking_json(const State& state, const MeetingSlot& s, UnixSeconds now) {
    json j = slot_json(state, s);
    j["booked_by"] = optional_person_ref(state, s.booked_by);
    j["booked_at"] = school_time(school_at(state, s.school_id), s.booked_at);
    j["can_change"] = s.start > now;
    return j;
}

// The pupil, for someone who may book for them: 404 when the box is not there for
// anyone (strangers, disabled box), 403 with the reason for pupils who may not book.
PupilAccess booking_pupil(const State& state, const Context& ctx) {
    const auto access = visible_pupil(state, ctx.params.at("pupil"), *ctx.me, ctx.now);
    if (!box_enabled(access.school)) throw not_found();
    if (!may_book_meetings(state, *ctx.me, access.pupil, access.today))
        throw ApiError(403, "forbidden",
                       access.school.form == SchoolForm::Gymnasieskola
                           ? Text("Utvecklingssamtal för elever under 18 år bokas av vårdnadshavare.",
                                  "Development talks for pupils under 18 are booked by guardians.")
                           : Text("Utvecklingssamtal bokas av vårdnadshavare.", "Development talks are booked by guardians."));
    return access;
}

Response get_meetings(Context& ctx) {
    auto txn = ctx.services.store.begin();
    const State& state = txn.state();
    const auto access = booking_pupil(state, ctx);
    const MeetingSlot* booked = current_booking(state, access.pupil.id, ctx.now);
    json slots = json::array();
    for (const MeetingSlot* s : bookable_slots(state, access.pupil, ctx.now)) slots.push_back(slot_json(state, *s));
    Response res;
    res.body = {{"pupil", {{"id", access.pupil.id}, {"name", access.pupil.full_name()}}},
                {"can_book", true},
                {"booking", booked ? booking_json(state, *booked, ctx.now) : json(nullptr)},
                {"slots", std::move(slots)}};
    return res;
}

// Staff to tell about a booking change: the holders of the slots concerned.
std::vector<Id> holders(const MeetingSlot* a, const MeetingSlot* b) {
    std::vector<Id> out;
    for (const MeetingSlot* s : {a, b})
        if (s && !s->staff_id.empty()) out.push_back(s->staff_id);
    return out;
}

Response book_meeting(Context& ctx) {
    json reply;
    bool changed = false, unchanged = false;
    std::uint64_t seq = 0;
    {
        auto txn = ctx.services.store.begin();
        const State& state = txn.state();
        const auto access = booking_pupil(state, ctx);
        auto it = state.meetings.slots.find(ctx.params.at("slot"));
        if (it == state.meetings.slots.end() || !offered_to(it->second, access.pupil)) throw not_found();
        const MeetingSlot& slot = it->second;
        if (slot.start <= ctx.now)
            throw ApiError(409, "conflict", {"Den tiden har redan varit. Välj en annan tid.", "That time has passed. Choose another time."});
        if (slot.booked_for == access.pupil.id) {
            unchanged = true;
        } else {
            if (!slot.booked_for.empty())
                throw ApiError(409, "conflict",
                               {"Tiden är redan bokad av någon annan. Välj en annan tid.",
                                "The time is already booked by someone else. Choose another time."});
            const MeetingSlot* old = current_booking(state, access.pupil.id, ctx.now);
            if (old && old->start <= ctx.now)
                throw ApiError(409, "conflict",
                               {"Samtalet pågår redan och kan inte bytas.", "The talk has already begun and cannot be moved."});
            changed = old != nullptr;
            const Id old_id = old ? old->id : "";
            const std::vector<Id> staff = holders(&slot, old);
            seq = txn.commit({{"type", "meeting_booked"},
                              {"slot_id", slot.id},
                              {"pupil_id", access.pupil.id},
                              {"by", ctx.me->id},
                              {"at", ctx.now},
                              {"released", old_id}});
            const MeetingSlot& now_booked = state.meetings.slots.at(ctx.params.at("slot"));
            const Text title(access.pupil.full_name() +
                                 (changed ? ": utvecklingssamtalet har bytt tid till " : ": utvecklingssamtal bokat ") +
                                 when_text(state, now_booked, Language::sv),
                             access.pupil.full_name() +
                                 (changed ? ": the development talk has moved to " : ": development talk booked for ") +
                                 when_text(state, now_booked, Language::en));
            if (auto n = notify_people(txn, staff, access.pupil.id,
                                       {Box::Utvecklingssamtal, "meeting_booked", now_booked.id, title}, ctx.now))
                seq = n;
        }
        reply = booking_json(state, state.meetings.slots.at(ctx.params.at("slot")), ctx.now);
    }
    ctx.services.store.make_durable(seq);
    Response res;
    res.status = changed || unchanged ? 200 : 201;
    res.body = {{"booking", reply}, {"changed", changed}};
    return res;
}

Response cancel_meeting(Context& ctx) {
    std::uint64_t seq;
    {
        auto txn = ctx.services.store.begin();
        const State& state = txn.state();
        const auto access = booking_pupil(state, ctx);
        const MeetingSlot* booked = current_booking(state, access.pupil.id, ctx.now);
        if (!booked) throw ApiError(404, "not_found", {"Det finns ingen bokad tid att avboka.", "There is no booked time to cancel."});
        if (booked->start <= ctx.now)
            throw ApiError(409, "conflict",
                           {"Samtalet har redan börjat och kan inte avbokas.", "The talk has already begun and cannot be cancelled."});
        const MeetingSlot copy = *booked;
        seq = txn.commit({{"type", "meeting_cancelled"}, {"slot_id", copy.id}});
        if (auto n = notify_people(txn, holders(&copy, nullptr), access.pupil.id,
                                   {Box::Utvecklingssamtal, "meeting_booked", copy.id,
                                    {access.pupil.full_name() + ": utvecklingssamtalet " +
                                         when_text(state, copy, Language::sv) + " är avbokat",
                                     access.pupil.full_name() + ": the development talk " +
                                         when_text(state, copy, Language::en) + " is cancelled"}},
                                   ctx.now))
            seq = n;
    }
    ctx.services.store.make_durable(seq);
    Response res;
    res.status = 204;
    return res;
}

// ---- staff -----------------------------------------------------------------------------------

const Group& meeting_group(const State& state, const Id& group_id, const Person& me) {
    auto g = state.groups.find(group_id);
    if (g == state.groups.end() ||
        (!is_staff_of_group(state, me, group_id) && !is_admin_of_school(me, g->second.school_id)))
        throw not_found();
    if (!box_enabled(state.schools.at(g->second.school_id))) throw not_found();
    return g->second;
}

// Guardians and (adult) pupils who may book for each pupil: one notification each.
std::uint64_t notify_bookers(Store::Transaction& txn, const std::vector<Id>& pupil_ids, const NotificationItem& item,
                             UnixSeconds now) {
    const State& state = txn.state();
    std::uint64_t seq = 0;
    for (const Id& pid : pupil_ids) {
        const Person* pupil = find_person(state, pid);
        const School* school = pupil ? school_of(state, *pupil) : nullptr;
        if (!pupil || !school) continue;
        const Date today = today_at(*school, now);
        std::vector<Id> who;
        if (may_book_meetings(state, *pupil, *pupil, today)) who.push_back(pid);
        if (auto g = state.guardians_of.find(pid); g != state.guardians_of.end())
            for (const Id& gid : g->second)
                if (const Person* guardian = find_person(state, gid); guardian && may_book_meetings(state, *guardian, *pupil, today))
                    who.push_back(gid);
        if (!who.empty())
            if (auto n = notify_people(txn, who, pid, item, now)) seq = n;
    }
    return seq;
}

Response list_group_slots(Context& ctx) {
    auto txn = ctx.services.store.begin();
    const State& state = txn.state();
    const Group& group = meeting_group(state, ctx.params.at("group"), *ctx.me);
    std::vector<const MeetingSlot*> slots;
    for (const auto& [id, s] : state.meetings.slots)
        if (s.group_id == group.id) slots.push_back(&s);
    std::sort(slots.begin(), slots.end(), [](const MeetingSlot* a, const MeetingSlot* b) {
        return a->start != b->start ? a->start < b->start : a->id < b->id;
    });
    json list = json::array();
    for (const MeetingSlot* s : slots) {
        json j = slot_json(state, *s);
        j["pupil"] = optional_person_ref(state, s->pupil_id);
        j["booked_for"] = optional_person_ref(state, s->booked_for);
        j["booked_by"] = optional_person_ref(state, s->booked_by);
        list.push_back(std::move(j));
    }
    Response res;
    res.body = {{"group", {{"id", group.id}, {"name", group.name}}}, {"slots", std::move(list)}};
    return res;
}

Response offer_slots(Context& ctx) {
    RequestBody body(ctx.request.body, {"date", "start", "duration_minutes", "count", "place", "pupil"});
    const Date day = body.required_date("date");
    const int start = body.required_time("start");
    const int duration = body.has("duration_minutes") ? static_cast<int>(body.required_int("duration_minutes", 5, 240)) : 20;
    const int count = body.has("count") ? static_cast<int>(body.required_int("count", 1, 40)) : 1;
    const std::string place = body.optional_string("place", kMeetingPlaceMaxChars);
    const std::string pupil_id = body.optional_string("pupil", 40);
    if (start + duration * count > 24 * 60)
        throw bad_request("count", "Alla tiderna måste rymmas inom samma dag.", "All the times must fit within the same day.");

    json reply = json::array();
    std::uint64_t seq;
    {
        auto txn = ctx.services.store.begin();
        const State& state = txn.state();
        const Group& group = meeting_group(state, ctx.params.at("group"), *ctx.me);
        const School& school = state.schools.at(group.school_id);
        const Date today = today_at(school, ctx.now);
        if (!pupil_id.empty()) {
            const Person* p = find_person(state, pupil_id);
            if (!p || p->role != Role::Pupil || p->group_id != group.id)
                throw bad_request("pupil", "Eleven finns inte i " + group.name + ".", "The pupil is not in " + group.name + ".");
        }
        if (today.plus_days(366) < day)
            throw bad_request("date", "Tider kan erbjudas högst ett år framåt.", "Times can be offered at most one year ahead.");
        const UnixSeconds first = local_instant(school, day, start);
        if (first <= ctx.now) throw bad_request("start", "Tiden har redan varit.", "The time has already passed.");
        const UnixSeconds last_end = first + static_cast<UnixSeconds>(duration) * count * 60;
        for (const auto& [id, s] : state.meetings.slots)
            if (s.staff_id == ctx.me->id && s.start < last_end && first < s.end())
                throw ApiError(409, "conflict",
                               {"Du har redan en samtalstid " + when_text(state, s, Language::sv) +
                                    " som krockar med de nya tiderna.",
                                "You already have a talk at " + when_text(state, s, Language::en) +
                                    " that clashes with the new times."},
                               "start");
        json slots = json::array();
        std::vector<MeetingSlot> made;
        for (int i = 0; i < count; ++i) {
            MeetingSlot s;
            s.id = txn.new_id("mtg");
            s.school_id = school.id;
            s.group_id = group.id;
            s.pupil_id = pupil_id;
            s.start = first + static_cast<UnixSeconds>(duration) * i * 60;
            s.duration_minutes = duration;
            s.place = place;
            s.staff_id = ctx.me->id;
            s.created_at = ctx.now;
            slots.push_back(s);
            made.push_back(std::move(s));
        }
        seq = txn.commit({{"type", "meeting_slots_offered"}, {"slots", slots}});
        for (const MeetingSlot& s : made) reply.push_back(slot_json(state, s));
        const std::vector<Id> pupils = pupil_id.empty() ? pupils_of_group(state, group.id) : std::vector<Id>{pupil_id};
        if (auto n = notify_bookers(txn, pupils,
                                    {Box::Utvecklingssamtal, "meeting_slots", made.front().id,
                                     {"Nya tider för utvecklingssamtal: boka en tid",
                                      "New times for development talks: book a time"}},
                                    ctx.now))
            seq = n;
    }
    ctx.services.store.make_durable(seq);
    Response res;
    res.status = 201;
    res.body = {{"slots", std::move(reply)}};
    return res;
}

Response withdraw_slot(Context& ctx) {
    std::uint64_t seq;
    {
        auto txn = ctx.services.store.begin();
        const State& state = txn.state();
        const Group& group = meeting_group(state, ctx.params.at("group"), *ctx.me);
        auto it = state.meetings.slots.find(ctx.params.at("slot"));
        if (it == state.meetings.slots.end() || it->second.group_id != group.id) throw not_found();
        const MeetingSlot copy = it->second;
        seq = txn.commit({{"type", "meeting_slot_removed"}, {"slot_id", copy.id}});
        if (!copy.booked_for.empty() && copy.start > ctx.now)
            if (auto n = notify_bookers(txn, {copy.booked_for},
                                        {Box::Utvecklingssamtal, "meeting_cancelled", copy.id,
                                         {"Utvecklingssamtalet " + when_text(state, copy, Language::sv) +
                                              " är inställt: boka gärna en ny tid",
                                          "The development talk " + when_text(state, copy, Language::en) +
                                              " is cancelled: please book a new time"}},
                                        ctx.now))
                seq = n;
    }
    ctx.services.store.make_durable(seq);
    Response res;
    res.status = 204;
    return res;
}

// ---- events, snapshot -----------------------------------------------------------------------

bool apply(State& state, const std::string& type, const json& e) {
    MeetingState& m = state.meetings;
    if (type == "meeting_slots_offered") {
        for (const auto& s : e.at("slots")) put_slot(m, s.get<MeetingSlot>());
    } else if (type == "meeting_booked") {
        const std::string released = e.value("released", "");
        if (!released.empty()) set_booking(m, released, "", "", 0);
        set_booking(m, e.at("slot_id"), e.at("pupil_id"), e.at("by"), e.at("at"));
    } else if (type == "meeting_cancelled") {
        set_booking(m, e.at("slot_id"), "", "", 0);
    } else if (type == "meeting_slot_removed") {
        auto it = m.slots.find(e.at("slot_id").get<std::string>());
        if (it != m.slots.end()) {
            index_slot(m, it->second, false);
            m.slots.erase(it);
        }
    } else {
        return false;
    }
    return true;
}

void save(const State& state, json& out) {
    json list = json::array();
    for (const auto& [id, s] : state.meetings.slots) list.push_back(s);
    out["meeting_slots"] = std::move(list);
}

void load(const json& in, State& state) {
    state.meetings = MeetingState{};
    for (const auto& item : in.value("meeting_slots", json::array())) put_slot(state.meetings, item.get<MeetingSlot>());
}

// ---- card, demo ------------------------------------------------------------------------------

json card(const CardContext& ctx, Box) {
    if (const MeetingSlot* b = current_booking(ctx.state, ctx.pupil.id, ctx.now)) {
        const json j = booking_json(ctx.state, *b, ctx.now);
        return {{"active", true},
                {"count", 1},
                {"summary", ctx.say("Bokat: ", "Booked: ") + when_text(ctx.state, *b, ctx.language) +
                                (b->place.empty() ? "" : ", " + b->place)},
                {"next", j}};
    }
    const auto free = bookable_slots(ctx.state, ctx.pupil, ctx.now);
    if (free.empty())
        return {{"active", false}, {"count", 0}, {"summary", ctx.say("Inga bokningsbara tider just nu", "No times to book right now")}};
    const bool one = free.size() == 1;
    return {{"active", true},
            {"count", free.size()},
            {"summary", std::to_string(free.size()) +
                            ctx.say(std::string(one ? " ledig tid" : " lediga tider") + " att boka, från ",
                                    std::string(one ? " free time" : " free times") + " to book, from ") +
                            when_text(ctx.state, *free.front(), ctx.language)},
            {"next", slot_json(ctx.state, *free.front())}};
}

void make_demo(DemoContext& ctx) {
    State& state = ctx.state;
    std::map<std::string, const Person*> named;
    for (const auto& [id, p] : state.people)
        if (p.username.rfind("demo.", 0) == 0) named[p.username] = &p;
    auto person = [&](const char* username) -> const Person* {
        auto it = named.find(username);
        return it == named.end() ? nullptr : it->second;
    };
    const Date next_monday = week_monday(ctx.today).plus_days(7);
    auto offer = [&](const Id& group_id, const Date& day, int start, int count, int duration, const std::string& place) {
        auto g = state.groups.find(group_id);
        if (g == state.groups.end()) return;
        const School& school = state.schools.at(g->second.school_id);
        for (int i = 0; i < count; ++i) {
            MeetingSlot s;
            s.id = "mtg-" + std::to_string(state.next_id++);
            s.school_id = school.id;
            s.group_id = group_id;
            s.start = local_instant(school, day, start + i * duration);
            s.duration_minutes = duration;
            s.place = place;
            s.staff_id = g->second.mentor_id;
            s.created_at = ctx.now - 2 * 86400;
            put_slot(state.meetings, std::move(s));
        }
    };
    // 7A: Monday–Thursday next week, 14:00–16:00 in 20-minute slots (demo.vh can book).
    if (const Person* elsa = person("demo.elev"))
        for (int d = 0; d < 4; ++d) offer(elsa->group_id, next_monday.plus_days(d), 14 * 60, 6, 20, "Klassrummet, A204");
    // Gymnasiet: the mentors of Yusuf's and Tyra's classes; Olle's preschool group.
    for (const char* who : {"demo.elev.gy", "demo.elev18"})
        if (const Person* p = person(who))
            for (int d = 1; d <= 2; ++d) offer(p->group_id, next_monday.plus_days(d), 15 * 60, 4, 30, "Mentorsrummet, B112");
    if (const Person* vh = person("demo.vh"))
        for (const Id& child : vh->children)
            if (const Person* c = find_person(state, child); c && state.schools.at(c->school_id).form == SchoolForm::Forskola)
                offer(c->group_id, next_monday.plus_days(7 + 1), 16 * 60, 3, 30, "Avdelningen " + state.groups.at(c->group_id).name);
    // Amira's guardian has already booked one of 7A's times.
    if (const Person* vh2 = person("demo.vh2"))
        for (const Id& child : vh2->children) {
            const Person* c = find_person(state, child);
            if (!c || !person("demo.elev") || c->group_id != person("demo.elev")->group_id) continue;
            auto slots = state.meetings.by_group.find(c->group_id);
            if (slots == state.meetings.by_group.end() || slots->second.size() < 3) continue;
            std::vector<const MeetingSlot*> ordered;
            for (const Id& id : slots->second) ordered.push_back(&state.meetings.slots.at(id));
            std::sort(ordered.begin(), ordered.end(), [](auto* a, auto* b) { return a->start < b->start; });
            set_booking(state.meetings, ordered[2]->id, c->id, vh2->id, ctx.now - 86400);
        }
}

}  // namespace

extern const BoxModule meetings_module{
    "meetings",
    {Box::Utvecklingssamtal},
    {
        {"GET", "/api/v1/pupils/{pupil}/meetings", true, get_meetings, Access::ReportForPupil},
        {"POST", "/api/v1/pupils/{pupil}/meetings/{slot}/booking", true, book_meeting, Access::ReportForPupil},
        {"DELETE", "/api/v1/pupils/{pupil}/meetings/booking", true, cancel_meeting, Access::ReportForPupil},
        {"GET", "/api/v1/groups/{group}/meeting-slots", true, list_group_slots, Access::StaffOfGroup},
        {"POST", "/api/v1/groups/{group}/meeting-slots", true, offer_slots, Access::StaffOfGroup},
        {"DELETE", "/api/v1/groups/{group}/meeting-slots/{slot}", true, withdraw_slot, Access::StaffOfGroup},
    },
    apply,
    save,
    load,
    make_demo,
    card,
};

}  // namespace skolnav
