// Notifications: who gets one when something is published, the list, marking them
// read, and the cursor live delivery polls (the server also streams the same reply).
//   GET  /api/v1/notifications[?pupil=ID]   newest first, with the unread count
//   POST /api/v1/notifications/read         {"ids":[...]} or {"all":true}
//   GET  /api/v1/events[?after=N]           cursor, unread, and those after N, oldest first
#include "core/notifications.hpp"

#include <algorithm>
#include <set>

#include "core/api_error.hpp"
#include "core/box_module.hpp"
#include "core/json_mapping.hpp"
#include "core/permissions.hpp"
#include "core/request_body.hpp"

namespace skolnav {

void to_json(json& j, const Notification& n) {
    j = {{"id", n.id},       {"recipient_id", n.recipient_id}, {"pupil_id", n.pupil_id}, {"box", n.box},
         {"kind", n.kind},   {"item_id", n.item_id},           {"title", n.title},       {"created_at", n.created_at},
         {"read", n.read}};
    if (!n.title_en.empty()) j["title_en"] = n.title_en;
}
void from_json(const json& j, Notification& n) {
    n.id = j.at("id").get<std::string>();
    n.recipient_id = j.at("recipient_id").get<std::string>();
    n.pupil_id = j.at("pupil_id").get<std::string>();
    n.box = j.at("box").get<std::string>();
    n.kind = j.at("kind").get<std::string>();
    n.item_id = j.at("item_id").get<std::string>();
    n.title = j.at("title").get<std::string>();
    n.title_en = j.value("title_en", "");
    n.created_at = j.at("created_at").get<UnixSeconds>();
    n.read = j.at("read").get<bool>();
}

namespace {

std::uint64_t commit_notifications(Store::Transaction& txn, json list) {
    if (list.empty()) return 0;
    return txn.commit({{"type", "notifications_created"}, {"notifications", std::move(list)}});
}

json make(Store::Transaction& txn, const Id& recipient, const Id& pupil, const NotificationItem& item, UnixSeconds now) {
    return Notification{txn.new_id("not"), recipient, pupil, to_string(item.box), item.kind, item.item_id,
                        item.title.sv,
                        item.title.en == item.title.sv ? "" : item.title.en,  // kept once when they are the same
                        now,
                        false};
}

}  // namespace

std::uint64_t notify_pupils(Store::Transaction& txn, const std::vector<Id>& pupil_ids, const NotificationItem& item,
                            UnixSeconds now, const Id& except_person) {
    const State& state = txn.state();
    json list = json::array();
    for (const Id& pid : pupil_ids) {
        const Person* pupil = find_person(state, pid);
        const School* school = pupil ? school_of(state, *pupil) : nullptr;
        if (!pupil || !school) continue;
        const Date today = today_at(*school, now);
        std::vector<const Person*> audience;
        if (!pupil->username.empty()) audience.push_back(pupil);
        if (auto g = state.guardians_of.find(pid); g != state.guardians_of.end())
            for (const Id& gid : g->second)
                if (const Person* guardian = find_person(state, gid)) audience.push_back(guardian);
        for (const Person* who : audience)
            if (who->id != except_person && sees_box(state, *who, *pupil, item.box, today))
                list.push_back(make(txn, who->id, pid, item, now));
    }
    return commit_notifications(txn, std::move(list));
}

std::uint64_t notify_people(Store::Transaction& txn, const std::vector<Id>& people, const Id& pupil_id,
                            const NotificationItem& item, UnixSeconds now) {
    json list = json::array();
    for (const Id& who : std::set<Id>(people.begin(), people.end()))
        if (find_person(txn.state(), who)) list.push_back(make(txn, who, pupil_id, item, now));
    return commit_notifications(txn, std::move(list));
}

std::uint64_t notification_seq(const Notification& n) {
    const auto dash = n.id.rfind('-');
    return parse_notification_cursor(dash == std::string::npos ? n.id : n.id.substr(dash + 1)).value_or(0);
}

bool shows_notification(const State& state, const Person& me, const Notification& n, UnixSeconds now) {
    // Insyn can be withdrawn after a notification was made: check again now.
    if (me.role != Role::Guardian || n.pupil_id.empty() || n.pupil_id == me.id) return true;
    const Person* pupil = find_person(state, n.pupil_id);
    const School* school = pupil ? school_of(state, *pupil) : nullptr;
    return pupil && school && may_see_pupil(me, *pupil, today_at(*school, now));
}

std::optional<std::uint64_t> parse_notification_cursor(const std::string& text) {
    if (text.empty() || text.size() > 19) return std::nullopt;  // 19 digits always fit
    std::uint64_t v = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        v = v * 10 + static_cast<std::uint64_t>(c - '0');
    }
    return v;
}

namespace {

// One notification as its recipient gets it: without the recipient, the title in the
// request's language, local time, and its seq.
json wire_json(const Notification& n, Language language) {
    json j = n;
    j.erase("recipient_id");
    j.erase("title_en");
    if (language == Language::en && !n.title_en.empty()) j["title"] = n.title_en;
    j["created_at"] = TimeZone::named("Europe/Stockholm")->local_iso(n.created_at);
    j["seq"] = notification_seq(n);
    return j;
}

const std::vector<Notification>* notifications_of(const State& state, const Id& person) {
    auto it = state.notifications.by_recipient.find(person);
    return it == state.notifications.by_recipient.end() ? nullptr : &it->second;
}

}  // namespace

json notification_events(const State& state, const Person& me, std::optional<std::uint64_t> after, UnixSeconds now,
                         Language language, std::size_t max) {
    std::uint64_t cursor = 0;
    int unread = 0;
    json fresh = json::array();
    if (const auto* mine = notifications_of(state, me.id)) {
        for (const Notification& n : *mine) {  // oldest first
            if (!shows_notification(state, me, n, now)) continue;
            const std::uint64_t seq = notification_seq(n);
            cursor = std::max(cursor, seq);
            unread += !n.read;
            if (after && seq > *after && fresh.size() < max) fresh.push_back(wire_json(n, language));
        }
    }
    return {{"cursor", cursor}, {"unread", unread}, {"new", std::move(fresh)}};
}

std::vector<Id> notification_watchers(const State& state, const json& event) {
    const std::string type = event.value("type", "");
    std::vector<Id> out;
    if (type == "notifications_created") {
        std::set<Id> recipients;
        for (const auto& n : event.at("notifications")) recipients.insert(n.at("recipient_id").get<std::string>());
        out.assign(recipients.begin(), recipients.end());
    } else if (type == "notifications_read") {
        out.push_back(event.at("recipient_id").get<std::string>());
    } else if (type == "insyn_consent_set") {
        if (auto g = state.guardians_of.find(event.at("pupil_id").get<std::string>()); g != state.guardians_of.end())
            out = g->second;
    }
    return out;
}

namespace {

Response list_notifications(Context& ctx) {
    auto txn = ctx.services.store.begin();
    const State& state = txn.state();
    const auto it = ctx.request.query.find("pupil");
    const std::string only_pupil = it == ctx.request.query.end() ? "" : it->second;
    json items = json::array();
    int unread = 0;
    if (const auto* mine = notifications_of(state, ctx.me->id)) {
        for (auto n = mine->rbegin(); n != mine->rend(); ++n) {
            if (!only_pupil.empty() && n->pupil_id != only_pupil) continue;
            if (!shows_notification(state, *ctx.me, *n, ctx.now)) continue;
            unread += !n->read;
            if (items.size() < 200) items.push_back(wire_json(*n, ctx.language()));
        }
    }
    Response r;
    r.body = {{"unread", unread}, {"notifications", items}};
    return r;
}

Response list_events(Context& ctx) {
    std::optional<std::uint64_t> after;
    if (auto it = ctx.request.query.find("after"); it != ctx.request.query.end()) {
        after = parse_notification_cursor(it->second);
        if (!after)
            throw bad_request("after", "Fältet after ska vara ett heltal som är 0 eller större.",
                              "The field after must be a whole number of 0 or more.");
    }
    auto txn = ctx.services.store.begin();
    Response r;
    r.body = notification_events(txn.state(), *ctx.me, after, ctx.now, ctx.language());
    return r;
}

Response mark_read(Context& ctx) {
    RequestBody body(ctx.request.body, {"ids", "all"});
    const bool all = body.optional_bool("all").value_or(false);
    const std::vector<std::string> ids = body.string_list("ids", 1000, 64);
    if (!all && ids.empty()) throw bad_request("ids", "Ange ids eller all.", "Give ids or all.");
    {
        // Only the caller's own notifications: an id that is not one (someone else's, or
        // none at all) gets the same answer.
        auto txn = ctx.services.store.begin();
        const State& state = txn.state();
        const auto* mine = notifications_of(state, ctx.me->id);
        for (const Id& id : ids) {
            const bool own = mine && std::any_of(mine->begin(), mine->end(), [&](const Notification& n) {
                                 return n.id == id && shows_notification(state, *ctx.me, n, ctx.now);
                             });
            if (!own)
                throw bad_request("ids", "Notisen " + id + " finns inte bland dina notiser.",
                                  "The notification " + id + " is not among your notifications.");
        }
    }
    std::uint64_t seq = 0;
    {
        auto txn = ctx.services.store.begin();
        json event = {{"type", "notifications_read"}, {"recipient_id", ctx.me->id}, {"all", all}, {"ids", ids}};
        seq = txn.commit(event);
    }
    ctx.services.store.make_durable(seq);
    Response r;
    r.status = 204;
    return r;
}

bool apply(State& state, const std::string& type, const json& event) {
    if (type == "notifications_created") {
        for (const auto& j : event.at("notifications")) {
            auto n = j.get<Notification>();
            Id recipient = n.recipient_id;
            state.notifications.by_recipient[recipient].push_back(std::move(n));
        }
    } else if (type == "notifications_read") {
        auto it = state.notifications.by_recipient.find(event.at("recipient_id").get<std::string>());
        if (it == state.notifications.by_recipient.end()) return true;
        const bool all = event.at("all").get<bool>();
        const auto ids = event.at("ids").get<std::set<std::string>>();
        for (auto& n : it->second)
            if (all || ids.count(n.id)) n.read = true;
    } else {
        return false;
    }
    return true;
}

void save(const State& state, json& out) {
    json list = json::array();
    for (const auto& [who, items] : state.notifications.by_recipient)
        for (const auto& n : items) list.push_back(n);
    out["notifications"] = std::move(list);
}

void load(const json& in, State& state) {
    state.notifications.by_recipient.clear();
    for (const auto& j : in.value("notifications", json::array())) {
        auto n = j.get<Notification>();
        Id recipient = n.recipient_id;
        state.notifications.by_recipient[recipient].push_back(std::move(n));
    }
}

}  // namespace

extern const BoxModule notifications_module{
    "notifications",
    {},
    {
        {"GET", "/api/v1/notifications", true, list_notifications, Access::SignedIn},
        {"POST", "/api/v1/notifications/read", true, mark_read, Access::SignedIn},
        {"GET", "/api/v1/events", true, list_events, Access::SignedIn},
    },
    apply,
    save,
    load,
};

}  // namespace skolnav
