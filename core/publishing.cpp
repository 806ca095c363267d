#include "publishing.hpp"

#include <algorithm>

#include "api_error.hpp"
#include "permissions.hpp"
#include "request_body.hpp"

namespace skolnav {

namespace {
// The distinct strings of a list field, in the order given.
std::vector<Id> distinct_ids(const RequestBody& body, const char* field, std::size_t max_items) {
    std::vector<Id> out;
    for (const Id& id : body.string_list(field, max_items, 64))
        if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
    return out;
}
}  // namespace

const School& school_for_staff(const State& state, const Id& school_id, const Person& me) {
    auto it = state.schools.find(school_id);
    if (it == state.schools.end() || !is_staff_at_school(me, school_id)) throw not_found();
    return it->second;
}

std::vector<Id> read_group_ids(const RequestBody& body) { return distinct_ids(body, "group_ids", 100); }

std::optional<std::vector<Id>> read_new_group_ids(const RequestBody& body) {
    if (!body.has("group_ids")) return std::nullopt;
    return read_group_ids(body);
}

std::vector<Id> read_attachment_ids(const RequestBody& body) {
    return distinct_ids(body, "attachment_ids", kMaxAttachments);
}

void require_may_publish(const State& state, const Person& me, const Id& school_id, const std::vector<Id>& group_ids) {
    for (const Id& g : group_ids) {
        auto it = state.groups.find(g);
        if (it == state.groups.end() || it->second.school_id != school_id)
            throw bad_request("group_ids", "Gruppen " + g + " finns inte på skolan.",
                              "The group " + g + " is not at the school.");
    }
    if (may_publish_to(state, me, school_id, group_ids)) return;
    if (group_ids.empty())
        throw ApiError(403, "forbidden",
                       {"Bara skolans administratör kan publicera för hela skolan.",
                        "Only the school's administrator can publish to the whole school."},
                       "group_ids");
    throw ApiError(403, "forbidden",
                   {"Du kan bara publicera för grupper du arbetar med.", "You can only publish to groups you work with."},
                   "group_ids");
}

bool staff_sees(const State& state, const Person& me, const Id& school_id, const std::vector<Id>& group_ids) {
    if (is_admin_of_school(me, school_id)) return true;
    if (me.role != Role::Staff || me.school_id != school_id) return false;
    if (group_ids.empty()) return true;
    return std::any_of(group_ids.begin(), group_ids.end(), [&](const Id& g) { return is_staff_of_group(state, me, g); });
}

void require_may_change(const State& state, const Person& me, const Id& school_id, const std::vector<Id>& group_ids,
                        const std::optional<std::vector<Id>>& new_groups) {
    if (!staff_sees(state, me, school_id, group_ids)) throw not_found();
    if (!may_publish_to(state, me, school_id, group_ids))
        throw ApiError(403, "forbidden",
                       group_ids.empty() ? Text("Bara skolans administratör kan ändra det som gäller hela skolan.",
                                                "Only the school's administrator can change what is for the whole school.")
                                         : Text("Du kan bara ändra det som publicerats för dina egna grupper.",
                                                "You can only change what was published to your own groups."));
    if (new_groups) require_may_publish(state, me, school_id, *new_groups);
}

std::vector<Id> audience_of(const State& state, const Id& school_id, const std::vector<Id>& group_ids) {
    std::vector<Id> out;
    if (group_ids.empty()) {
        for (const auto& [gid, g] : state.groups)
            if (g.school_id == school_id) {
                const auto& members = pupils_of_group(state, gid);
                out.insert(out.end(), members.begin(), members.end());
            }
    } else {
        for (const Id& gid : group_ids) {
            const auto& members = pupils_of_group(state, gid);
            out.insert(out.end(), members.begin(), members.end());
        }
    }
    return out;
}

nlohmann::json scope_json(const State& state, const std::vector<Id>& group_ids) {
    nlohmann::json groups = nlohmann::json::array();
    for (const Id& g : group_ids) {
        auto it = state.groups.find(g);
        groups.push_back({{"id", g}, {"name", it == state.groups.end() ? "" : it->second.name}});
    }
    return {{"whole_school", group_ids.empty()}, {"groups", std::move(groups)}};
}

nlohmann::json person_ref(const State& state, const Id& id) {
    const Person* p = find_person(state, id);
    return {{"id", id}, {"name", p ? p->full_name() : ""}};
}

nlohmann::json optional_person_ref(const State& state, const Id& id) {
    return id.empty() ? nlohmann::json(nullptr) : person_ref(state, id);
}

Date demo_study_day(const Date& today) { return next_weekday(today, 5, 3); }
Date demo_planning_day(const Date& today) { return next_weekday(today, 1, 10); }

}  // namespace skolnav
