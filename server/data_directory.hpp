// The data folder: DATA/snapshot.json + DATA/journal.log (+ DATA/lock, held while a
// server uses the folder). Loads the state at start-up, wires the journal into the
// store, and writes checkpoints: a fresh snapshot, then an empty journal.
#pragma once
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

#include <nlohmann/json.hpp>

#include "core/store.hpp"
#include "server/file_journal.hpp"

namespace skolnav {

struct LoadReport {
    bool created = false;          // the folder was empty: the initial state was written
    std::size_t replayed = 0;      // journal records applied after the snapshot
    bool torn_tail = false;        // a torn last record was dropped
    std::uint64_t seq = 0;         // the state's sequence number after loading
};

class DataDirectory {
public:
    // Creates the folder if needed and locks it (one server per folder).
    explicit DataDirectory(std::filesystem::path dir);
    ~DataDirectory();
    DataDirectory(const DataDirectory&) = delete;
    DataDirectory& operator=(const DataDirectory&) = delete;

    // Loads snapshot + journal into `store` (which must be fresh), or, when the folder
    // holds neither, loads `make_initial()` (the demo municipality). Then writes a
    // checkpoint and connects the journal to the store. Throws std::runtime_error with
    // a clear message on damage.
    LoadReport open(Store& store, const std::function<nlohmann::json()>& make_initial);

    // Snapshot now and start the journal afresh, under the store's lock.
    void checkpoint();

    // A background thread that checkpoints when the journal holds more than
    // `max_records` records. Stopped by stop_background() or the destructor.
    void start_background_checkpoints(std::uint64_t max_records);
    void stop_background();

    FileJournal& journal() { return *journal_; }
    const std::filesystem::path& dir() const { return dir_; }
    std::filesystem::path snapshot_path() const { return dir_ / "snapshot.json"; }
    std::filesystem::path journal_path() const { return dir_ / "journal.log"; }

private:
    std::filesystem::path dir_;
    int lock_fd_ = -1;
    Store* store_ = nullptr;
    std::unique_ptr<FileJournal> journal_;

    std::thread background_;
    std::mutex background_mutex_;
    std::condition_variable background_wake_;
    bool background_stop_ = false;
};

}  // namespace skolnav
