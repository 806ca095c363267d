// Creating notifications. Box modules call these inside the transaction that
// publishes or changes an item; the audience is computed here from the same rules
// the boxes use, so a notification never tells someone about what they may not see.
//
// Live delivery reads them through a cursor: each notification's seq (the number in
// its id "not-N", from the state's one id counter, so it only grows), and a person's
// cursor is the highest seq among the notifications they see.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "language.hpp"
#include "model.hpp"
#include "store.hpp"

namespace skolnav {

struct NotificationItem {
    Box box;
    std::string kind;  // "news", "blog_post", "assessment", …
    Id item_id;
    Text title;  // both languages, each reader gets theirs; names and titles people wrote stay as written
};

// Everyone who sees `box` on the start page of any of `pupils`: each pupil who signs
// in and sees the box, and each guardian who sees it (insyn respected; eTest never
// reaches guardians). One notification per recipient and pupil. Returns the journal
// sequence number (0 if nobody was notified).
std::uint64_t notify_pupils(Store::Transaction& txn, const std::vector<Id>& pupil_ids, const NotificationItem& item,
                            UnixSeconds now, const Id& except_person = "");

// Named people (e.g. the teacher when a pupil replies), tagged with the pupil concerned.
std::uint64_t notify_people(Store::Transaction& txn, const std::vector<Id>& people, const Id& pupil_id,
                            const NotificationItem& item, UnixSeconds now);

// A notification's seq: the number in its id ("not-17" -> 17).
std::uint64_t notification_seq(const Notification& n);

// Whether `me` sees `n` now: a guardian no longer sees those about an adult pupil who
// has withdrawn insyn since. GET /api/v1/notifications and GET /api/v1/events both
// filter with it.
bool shows_notification(const State& state, const Person& me, const Notification& n, UnixSeconds now);

// The reply of GET /api/v1/events?after=N: {"cursor", "unread", "new"}, `new` the
// notifications `me` sees with seq > after, oldest first, at most `max` (none without
// `after`), titles in `language`. The server's event stream sends the same reply.
json notification_events(const State& state, const Person& me, std::optional<std::uint64_t> after, UnixSeconds now,
                         Language language, std::size_t max = 100);

// A cursor as a client sends it (?after=, Last-Event-ID): a whole number >= 0 written
// in digits only; nullopt for anything else.
std::optional<std::uint64_t> parse_notification_cursor(const std::string& text);

// Whose notifications (as they see them) an event changes: new ones for each recipient
// (notifications_created), read marks for the reader (notifications_read), and an adult
// pupil's guardians when the pupil gives or withdraws insyn. Empty for other events.
std::vector<Id> notification_watchers(const State& state, const json& event);

}  // namespace skolnav
