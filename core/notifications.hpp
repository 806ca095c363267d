// Creating notifications. Box modules call these inside the transaction that
// publishes or changes an item; the audience is computed here from the same rules
// the boxes use, so a notification never tells someone about what they may not see.
#pragma once
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

}  // namespace skolnav
