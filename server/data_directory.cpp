#include "server/data_directory.hpp"

#include <fcntl.h>
#include <malloc.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <stdexcept>

#include "server/snapshot_file.hpp"

namespace skolnav {

DataDirectory::DataDirectory(std::filesystem::path dir) : dir_(std::move(dir)) {
    std::error_code ec;
    std::filesystem::create_directories(dir_, ec);
    if (ec) throw std::runtime_error("cannot create the data folder " + dir_.string() + ": " + ec.message());
    auto lock_file = dir_ / "lock";
    lock_fd_ = ::open(lock_file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (lock_fd_ < 0) throw std::runtime_error("cannot open " + lock_file.string() + ": " + std::strerror(errno));
    if (::flock(lock_fd_, LOCK_EX | LOCK_NB) != 0) {
        ::close(lock_fd_);
        lock_fd_ = -1;
        throw std::runtime_error("the data folder " + dir_.string() +
                                 " is in use by another skolnav-server");
    }
}

DataDirectory::~DataDirectory() {
    stop_background();
    if (store_) store_->set_journal(nullptr);
    journal_.reset();
    if (lock_fd_ >= 0) ::close(lock_fd_);  // releases the flock
}

LoadReport DataDirectory::open(Store& store, const std::function<nlohmann::json()>& make_initial) {
    LoadReport report;
    store_ = &store;
    bool has_journal = std::filesystem::exists(journal_path()) &&
                       std::filesystem::file_size(journal_path()) > 0;
    {
        // The parsed document is several times the size of the state it describes: let
        // it go before anything else is built.
        auto snapshot = read_snapshot(snapshot_path());
        if (snapshot) {
            store.load_snapshot(*snapshot);
        } else if (!has_journal) {
            store.load_snapshot(make_initial());
            report.created = true;
        } else {
            throw std::runtime_error(journal_path().string() + " exists but " +
                                     snapshot_path().string() + " does not: refusing to start "
                                     "from a journal without the state it continues");
        }
    }

    FileJournal::Opened opened;
    journal_ = std::make_unique<FileJournal>(journal_path(), store.last_seq(), opened);
    for (const auto& record : opened.records) {
        nlohmann::json event;
        try {
            event = nlohmann::json::parse(record.payload);
        } catch (const nlohmann::json::exception& e) {
            throw std::runtime_error(journal_path().string() + ": record " +
                                     std::to_string(record.seq) + " is not valid JSON (" + e.what() + ")");
        }
        try {
            store.replay(record.seq, event);
        } catch (const std::exception& e) {
            throw std::runtime_error(journal_path().string() + ": record " +
                                     std::to_string(record.seq) + " cannot be applied (" + e.what() + ")");
        }
        ++report.replayed;
    }
    report.torn_tail = opened.torn_tail;
    journal_->continue_after(store.last_seq());
    store.set_journal(journal_.get());
    // The state as loaded, in one file, so the journal starts empty (not needed when the
    // snapshot already is that state).
    if (report.created || report.replayed > 0 || report.torn_tail) checkpoint();
    ::malloc_trim(0);  // hand the loading's freed memory back to the system
    report.seq = store.last_seq();
    return report;
}

void DataDirectory::checkpoint() {
    if (!store_ || !journal_) return;
    std::lock_guard<std::mutex> lock(store_->mutex());
    journal_->sync_all();
    write_snapshot(snapshot_path(), store_->snapshot());
    // A crash from here on is safe: records at or below the snapshot's number are
    // skipped when the journal is read.
    journal_->restart();
}

void DataDirectory::start_background_checkpoints(std::uint64_t max_records) {
    background_ = std::thread([this, max_records] {
        std::unique_lock<std::mutex> lock(background_mutex_);
        while (!background_stop_) {
            background_wake_.wait_for(lock, std::chrono::seconds(1));
            if (background_stop_) break;
            if (journal_ && journal_->records_in_file() > max_records) {
                lock.unlock();
                auto started = std::chrono::steady_clock::now();
                try {
                    checkpoint();
                    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                                  std::chrono::steady_clock::now() - started).count();
                    std::fprintf(stderr, "skolnav-server: checkpoint at seq %llu (%lld ms)\n",
                                 static_cast<unsigned long long>(journal_->last_seq()),
                                 static_cast<long long>(ms));
                } catch (const std::exception& e) {
                    // The journal still holds every record: keep serving, try again later.
                    std::fprintf(stderr, "skolnav-server: checkpoint failed: %s\n", e.what());
                }
                lock.lock();
            }
        }
    });
}

void DataDirectory::stop_background() {
    {
        std::lock_guard<std::mutex> lock(background_mutex_);
        background_stop_ = true;
    }
    background_wake_.notify_all();
    if (background_.joinable()) background_.join();
}

}  // namespace skolnav
