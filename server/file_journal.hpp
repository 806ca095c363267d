// skolnav::Journal on a file (DATA/journal.log) in core's journal format.
//
// append() writes one framed record with write(2) and hands back its sequence number;
// make_durable(seq) is a group commit: one caller at a time runs fdatasync for
// everything written so far while the others wait on a condition variable, so many
// concurrent requests share one disk flush.
//
// A failed write or flush ends the process: the in-memory state would otherwise hold
// changes the disk does not, and after a failed fsync the kernel may already have
// dropped the dirty pages (there is no retrying it).
#pragma once
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <string>
#include <vector>

#include "core/journal_format.hpp"
#include "core/platform.hpp"

namespace skolnav {

class FileJournal : public Journal {
public:
    struct Opened {
        std::vector<JournalRecord> records;  // after `after_seq`, in order
        bool torn_tail = false;              // a damaged last record was cut off
        std::size_t dropped_bytes = 0;
    };

    // Opens (or creates) the file. A torn last record is cut off the file (and logged);
    // damage before the end throws std::runtime_error naming the file and the place.
    FileJournal(std::filesystem::path file, std::uint64_t after_seq, Opened& opened);
    ~FileJournal() override;
    FileJournal(const FileJournal&) = delete;
    FileJournal& operator=(const FileJournal&) = delete;

    // The sequence number of the last record already applied (after replay): the next
    // append gets last_seq + 1.
    void continue_after(std::uint64_t last_seq);

    std::uint64_t append(std::string_view record) override;
    void make_durable(std::uint64_t seq) override;

    void sync_all();  // makes everything written so far durable
    // Empties the file. The caller holds the store's lock (no append can run) and has
    // just written a snapshot containing every record.
    void restart();
    std::uint64_t records_in_file() const { return records_in_file_.load(); }
    std::uint64_t last_seq() const { return written_seq_.load(); }
    std::uint64_t appended() const { return appended_.load(); }  // records appended since opening
    std::uint64_t flushes() const { return flushes_.load(); }    // fdatasync calls since opening
    const std::filesystem::path& path() const { return file_; }

private:
    std::filesystem::path file_;
    int fd_ = -1;

    std::mutex write_mutex_;                  // one writer at a time
    std::atomic<std::uint64_t> written_seq_{0};
    std::atomic<std::uint64_t> records_in_file_{0};
    std::atomic<std::uint64_t> appended_{0};
    std::atomic<std::uint64_t> flushes_{0};

    std::mutex sync_mutex_;                   // guards the two below
    std::condition_variable synced_;
    std::uint64_t durable_seq_ = 0;
    bool syncing_ = false;
};

}  // namespace skolnav
