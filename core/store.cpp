#include "store.hpp"

#include <stdexcept>

#include "box_module.hpp"
#include "json_mapping.hpp"

namespace skolnav {

namespace {
template <class T>
void load_map(const json& list, std::map<Id, T>& into) {
    into.clear();
    for (const auto& item : list) {
        T value = item.get<T>();
        Id id = value.id;
        into.emplace(std::move(id), std::move(value));
    }
}
template <class Map>
json dump_map(const Map& m) {
    json list = json::array();
    for (const auto& [key, value] : m) list.push_back(value);
    return list;
}
}  // namespace

void rebuild_indexes(State& state) {
    state.group_members.clear();
    state.guardians_of.clear();
    state.personal_number_index.clear();
    for (const auto& [id, person] : state.people) {
        if (!person.personal_number.empty()) state.personal_number_index.emplace(person.personal_number, id);
        if (person.role == Role::Pupil && !person.group_id.empty()) state.group_members[person.group_id].push_back(id);
        if (person.role == Role::Guardian)
            for (const Id& child : person.children) state.guardians_of[child].push_back(id);
    }
}

void apply_event(State& state, const json& event) {
    const std::string type = event.at("type").get<std::string>();
    if (event.contains("next_id")) state.next_id = std::max(state.next_id, event["next_id"].get<std::uint64_t>());

    if (type == "session_started") {
        auto session = event.at("session").get<Session>();
        std::string key = session.token_digest;
        state.sessions[key] = std::move(session);
    } else if (type == "school_boxes_set") {
        School& school = state.schools.at(event.at("school_id").get<std::string>());
        school.enabled_boxes.clear();
        for (const auto& name : event.at("boxes")) {
            auto box = box_from(name.get<std::string>());
            if (!box) throw std::runtime_error("unknown box in event: " + name.get<std::string>());
            school.enabled_boxes.push_back(*box);
        }
    } else if (type == "bankid_sign_in_refused") {
        // Audit only: a BankID sign-in whose personnummer no one here has.
    } else if (type == "session_ended") {
        state.sessions.erase(event.at("token_digest").get<std::string>());
    } else if (type == "session_used") {
        // A stamp for a session that has ended since changes nothing.
        auto it = state.sessions.find(event.at("token_digest").get<std::string>());
        if (it != state.sessions.end()) it->second.last_used_at = std::max(it->second.last_used_at, event.at("at").get<UnixSeconds>());
    } else if (type == "sessions_ended" || type == "password_changed") {
        // Every session of the person but the one kept ("" keeps none).
        const Id person = event.at("person_id").get<std::string>();
        const std::string kept = event.at("kept_session").get<std::string>();
        if (type == "password_changed") state.people.at(person).password_hash = event.at("password_hash").get<std::string>();
        std::erase_if(state.sessions, [&](const auto& entry) { return entry.second.person_id == person && entry.first != kept; });
    } else {
        for (const BoxModule* m : box_modules())
            if (m->apply && m->apply(state, type, event)) return;
        throw std::runtime_error("unknown event type: " + type);
    }
}

std::uint64_t Store::Transaction::commit(const json& event) {
    json stamped = event;
    stamped["next_id"] = store_.state_.next_id;
    apply_event(store_.state_, stamped);
    store_.last_seq_ = store_.journal_ ? store_.journal_->append(stamped.dump()) : store_.last_seq_ + 1;
    if (StoreListener* l = store_.listener_) l->on_commit(store_.state_, store_.last_seq_, stamped);
    return store_.last_seq_;
}

Id Store::Transaction::new_id(const char* prefix) {
    return std::string(prefix) + "-" + std::to_string(store_.state_.next_id++);
}

void Store::make_durable(std::uint64_t seq) {
    if (seq == 0) return;
    if (journal_) journal_->make_durable(seq);
    if (StoreListener* l = listener_) l->on_durable(seq);
}

void Store::load_snapshot(const json& snapshot) {
    const auto format = snapshot.value("format", std::string());
    if (format != kSnapshotFormat)
        throw std::runtime_error("the snapshot's format is \"" + format + "\"; this release reads \"" +
                                 kSnapshotFormat + "\" (was it written by a newer release?)");
    const json& s = snapshot.at("state");
    State st;
    st.municipality_name = s.at("municipality_name").get<std::string>();
    load_map(s.at("schools"), st.schools);
    load_map(s.at("groups"), st.groups);
    load_map(s.at("people"), st.people);
    for (const auto& item : s.at("sessions")) {
        auto session = item.get<Session>();
        std::string key = session.token_digest;
        st.sessions.emplace(std::move(key), std::move(session));
    }
    st.next_id = s.at("next_id").get<std::uint64_t>();
    for (const BoxModule* m : box_modules())
        if (m->load) m->load(s, st);
    rebuild_indexes(st);
    for (const auto& [id, person] : st.people) {
        if (person.username.empty()) continue;
        if (!st.username_index.emplace(person.username, id).second)
            throw std::runtime_error("snapshot has two people with the username " + person.username);
    }
    state_ = std::move(st);
    last_seq_ = snapshot.at("seq").get<std::uint64_t>();
}

void Store::replay(std::uint64_t seq, const json& event) {
    apply_event(state_, event);
    last_seq_ = seq;
}

json Store::snapshot() const { return snapshot_of(state_, last_seq_); }

json Store::snapshot_of(const State& state, std::uint64_t seq) {
    json s = {{"municipality_name", state.municipality_name},
              {"schools", dump_map(state.schools)},
              {"groups", dump_map(state.groups)},
              {"people", dump_map(state.people)},
              {"sessions", dump_map(state.sessions)},
              {"next_id", state.next_id}};
    for (const BoxModule* m : box_modules())
        if (m->save) m->save(state, s);
    return {{"format", kSnapshotFormat}, {"seq", seq}, {"state", std::move(s)}};
}

}  // namespace skolnav
