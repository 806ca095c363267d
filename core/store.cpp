#include "store.hpp"

#include <stdexcept>

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

void apply_event(State& state, const json& event) {
    const std::string type = event.at("type").get<std::string>();
    if (event.contains("next_id")) state.next_id = std::max(state.next_id, event["next_id"].get<std::uint64_t>());

    if (type == "absence_reported") {
        auto report = event.at("report").get<AbsenceReport>();
        Id id = report.id;
        state.absence_reports[id] = std::move(report);
    } else if (type == "absence_withdrawn") {
        state.absence_reports.erase(event.at("id").get<std::string>());
    } else if (type == "session_started") {
        auto session = event.at("session").get<Session>();
        std::string key = session.token_digest;
        state.sessions[key] = std::move(session);
    } else if (type == "session_ended") {
        state.sessions.erase(event.at("token_digest").get<std::string>());
    } else {
        throw std::runtime_error("unknown event type: " + type);
    }
}

std::uint64_t Store::Transaction::commit(const json& event) {
    json stamped = event;
    stamped["next_id"] = store_.state_.next_id;
    apply_event(store_.state_, stamped);
    if (!store_.journal_) return ++store_.last_seq_;
    store_.last_seq_ = store_.journal_->append(stamped.dump());
    return store_.last_seq_;
}

Id Store::Transaction::new_id(const char* prefix) {
    return std::string(prefix) + "-" + std::to_string(store_.state_.next_id++);
}

void Store::make_durable(std::uint64_t seq) {
    if (journal_ && seq != 0) journal_->make_durable(seq);
}

void Store::load_snapshot(const json& snapshot) {
    const json& s = snapshot.at("state");
    State st;
    st.municipality_name = s.at("municipality_name").get<std::string>();
    load_map(s.at("schools"), st.schools);
    load_map(s.at("groups"), st.groups);
    load_map(s.at("people"), st.people);
    load_map(s.at("absence_reports"), st.absence_reports);
    for (const auto& item : s.at("sessions")) {
        auto session = item.get<Session>();
        std::string key = session.token_digest;
        st.sessions.emplace(std::move(key), std::move(session));
    }
    st.next_id = s.at("next_id").get<std::uint64_t>();
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

json Store::snapshot() const {
    json s = {{"municipality_name", state_.municipality_name},
              {"schools", dump_map(state_.schools)},
              {"groups", dump_map(state_.groups)},
              {"people", dump_map(state_.people)},
              {"absence_reports", dump_map(state_.absence_reports)},
              {"sessions", dump_map(state_.sessions)},
              {"next_id", state_.next_id}};
    return {{"format", "skolnav-snapshot-1"}, {"seq", last_seq_}, {"state", std::move(s)}};
}

}  // namespace skolnav
