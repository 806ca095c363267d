// The state store: the whole state in memory, every change an event appended to the
// journal before anyone is told it happened.
//
// Handlers take a Transaction (an exclusive lock on the state), check and apply their
// events, drop it, then wait for durability with make_durable(). Checks and changes in
// one transaction are atomic, so check-then-act races (two bookings of one slot) cannot
// happen. Slow work (password hashing) is done outside a transaction.
#pragma once
#include <atomic>
#include <cstdint>
#include <mutex>

#include <nlohmann/json.hpp>

#include "model.hpp"
#include "platform.hpp"

namespace skolnav {

using json = nlohmann::json;

// Applies one event to the state. Events are JSON objects with a "type"; unknown
// types or malformed events throw std::runtime_error (a journal we cannot understand
// must stop start-up, not be skipped).
void apply_event(State& state, const json& event);
// Recomputes the derived parts of the state (group members) from the people.
void rebuild_indexes(State& state);

// Told about changes as they happen, e.g. by the server's live notification hub.
// on_commit runs under the store's lock right after `event` (sequence number `seq`) was
// applied, with the state as it is now: it must be quick and must not call back into
// the store. on_durable(seq) runs once every change up to `seq` survives a crash (after
// the journal's flush; at once without a journal), outside the lock, possibly from
// several threads and out of order: a listener keeps the highest it has heard.
class StoreListener {
public:
    virtual ~StoreListener() = default;
    virtual void on_commit(const State& state, std::uint64_t seq, const json& event) = 0;
    virtual void on_durable(std::uint64_t seq) = 0;
};

// The snapshot's format, written in it. Raise it only when an older release could not
// read the new one; add a fixture of the old one (tests/fixtures) when you do.
inline constexpr char kSnapshotFormat[] = "skolnav-snapshot-1";

class Store {
public:
    explicit Store(Journal* journal = nullptr) : journal_(journal) {}

    class Transaction {
    public:
        const State& state() const { return store_.state_; }
        // Applies the event and appends it to the journal; returns its sequence number.
        std::uint64_t commit(const json& event);
        // Hands out a fresh id with a readable prefix ("abs-17"). Part of the state, so
        // ids never repeat after a restart.
        Id new_id(const char* prefix);
    private:
        friend class Store;
        explicit Transaction(Store& s) : store_(s), lock_(s.mutex_) {}
        Store& store_;
        std::unique_lock<std::mutex> lock_;
    };

    Transaction begin() { return Transaction(*this); }
    // Waits until `seq` and every change before it survive a crash (no-op for seq 0 or
    // without a journal), then tells the listener.
    void make_durable(std::uint64_t seq);

    // Loading, before serving: a snapshot, then the journal's records after it. A
    // snapshot names its format (kSnapshotFormat); one this release does not know (a
    // newer release wrote it) is refused with std::runtime_error rather than misread.
    // Every earlier format keeps loading: tests/fixtures/data-format-1 is the proof.
    void load_snapshot(const json& snapshot);
    void replay(std::uint64_t seq, const json& event);
    // The whole state with the sequence number it includes. Call from a Transaction's
    // owner or before serving.
    json snapshot() const;
    static json snapshot_of(const State& state, std::uint64_t seq);
    std::uint64_t last_seq() const { return last_seq_; }
    void set_journal(Journal* j) { journal_ = j; }
    // One listener (or none); set before serving and cleared after.
    void set_listener(StoreListener* l) { listener_ = l; }
    std::mutex& mutex() { return mutex_; }
    const State& unsafe_state() const { return state_; }  // tests and loading only

private:
    State state_;
    Journal* journal_ = nullptr;
    std::atomic<StoreListener*> listener_{nullptr};
    std::uint64_t last_seq_ = 0;
    std::mutex mutex_;
};

}  // namespace skolnav
