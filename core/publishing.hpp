// Publishing: the rules the published-content boxes (Information, Kalender, Blogg,
// Planeringar) share. An item belongs to a school and either some of its groups or the
// whole school (no groups); staff see it from the staff side when it is for the whole
// school or one of their groups, and only someone who may publish to its groups may
// change or delete it.
//
// Also the person reference every box shows on the wire ({"id","name"}).
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include <nlohmann/json.hpp>

#include "date_time.hpp"
#include "id.hpp"
#include "routes.hpp"
#include "store.hpp"

namespace skolnav {

class RequestBody;

constexpr std::size_t kMaxAttachments = 10;  // files on a news item or blog post

// The school in a staff route's path: 404 unless the caller is staff or admin there.
const School& school_for_staff(const State& state, const Id& school_id, const Person& me);

// "group_ids" from a request body: a list of distinct group ids (empty: whole school).
std::vector<Id> read_group_ids(const RequestBody& body);
// "group_ids" of a change: none when the body leaves the item's groups as they are.
std::optional<std::vector<Id>> read_new_group_ids(const RequestBody& body);
// "attachment_ids" from a request body: at most kMaxAttachments distinct uploads.
std::vector<Id> read_attachment_ids(const RequestBody& body);

// Throws unless `me` may publish to these groups of the school: 400 (field group_ids)
// for a group that is not the school's, 403 for groups that are not the caller's or
// the whole school by a non-admin.
void require_may_publish(const State& state, const Person& me, const Id& school_id, const std::vector<Id>& group_ids);
// An existing item at `school_id` for `group_ids`, changed or deleted by `me`: 404 if
// `me` does not even see it from the staff side (not staff at the school, or none of
// its groups is theirs), 403 if they see it but may not change it. A change that moves
// the item to `new_groups` must also be one `me` may publish (require_may_publish).
void require_may_change(const State& state, const Person& me, const Id& school_id, const std::vector<Id>& group_ids,
                        const std::optional<std::vector<Id>>& new_groups = std::nullopt);
// Does `me` see an item of the school for these groups from the staff side (the
// school's admin: all; staff there: whole-school items and their groups' items)?
bool staff_sees(const State& state, const Person& me, const Id& school_id, const std::vector<Id>& group_ids);
// Every pupil an item for these groups reaches (empty groups: every pupil of the school).
std::vector<Id> audience_of(const State& state, const Id& school_id, const std::vector<Id>& group_ids);

// {"whole_school": bool, "groups": [{"id","name"}]} for the wire.
nlohmann::json scope_json(const State& state, const std::vector<Id>& group_ids);
// {"id","name"} of a person (name empty if unknown).
nlohmann::json person_ref(const State& state, const Id& id);
// person_ref, or null where there is no one (an empty id).
nlohmann::json optional_person_ref(const State& state, const Id& id);

// DELETE of a published item, the same in every box: the item `find` gives for the
// path's `id_param` (404 if there is none), which `me` must be allowed to change
// (require_may_change); then one event {"type": deleted_event, "id": …}; 204.
template <class Item>
Response delete_published(Context& ctx, const Item& (*find)(const State&, const Id&), const char* id_param,
                          const char* deleted_event) {
    std::uint64_t seq;
    {
        auto txn = ctx.services.store.begin();
        const State& state = txn.state();
        const Item& item = find(state, ctx.params.at(id_param));
        require_may_change(state, *ctx.me, item.school_id, item.group_ids);
        seq = txn.commit({{"type", deleted_event}, {"id", item.id}});
    }
    ctx.services.store.make_durable(seq);
    Response res;
    res.status = 204;
    return res;
}

// Demo dates News and Kalender agree on: the grundskola/gymnasium study day (a Friday)
// and the preschool's planning day (a Monday).
Date demo_study_day(const Date& today);
Date demo_planning_day(const Date& today);

}  // namespace skolnav
