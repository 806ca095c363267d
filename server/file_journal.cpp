#include "server/file_journal.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <stdexcept>

namespace skolnav {
namespace {

[[noreturn]] void fatal(const std::filesystem::path& file, const char* what) {
    std::fprintf(stderr, "skolnav-server: FATAL: %s %s: %s; stopping so that no change "
                 "is acknowledged without being on disk\n",
                 what, file.c_str(), std::strerror(errno));
    std::fflush(stderr);
    std::_Exit(70);
}

std::string read_all(int fd, const std::filesystem::path& file) {
    std::string bytes;
    char buffer[1 << 16];
    for (;;) {
        ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw std::runtime_error("cannot read " + file.string() + ": " + std::strerror(errno));
        if (n == 0) break;
        bytes.append(buffer, static_cast<std::size_t>(n));
    }
    return bytes;
}

}  // namespace

FileJournal::FileJournal(std::filesystem::path file, std::uint64_t after_seq, Opened& opened)
    : file_(std::move(file)) {
    fd_ = ::open(file_.c_str(), O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (fd_ < 0) throw std::runtime_error("cannot open " + file_.string() + ": " + std::strerror(errno));

    std::string bytes = read_all(fd_, file_);
    JournalReadResult result = read_journal(bytes, after_seq);
    if (!result.corruption.empty()) {
        ::close(fd_);
        fd_ = -1;
        throw std::runtime_error(file_.string() + " is damaged before its end (" +
                                 result.corruption +
                                 "). Refusing to start rather than guess: restore the data "
                                 "folder from a backup, or move the journal aside to start "
                                 "from the last snapshot.");
    }
    if (result.torn_tail || result.valid_bytes < bytes.size()) {
        opened.torn_tail = true;
        opened.dropped_bytes = bytes.size() - result.valid_bytes;
        std::fprintf(stderr, "skolnav-server: %s: dropped a torn record at the end (%zu bytes "
                     "from offset %zu; it was never acknowledged)\n",
                     file_.c_str(), opened.dropped_bytes, result.valid_bytes);
        if (::ftruncate(fd_, static_cast<off_t>(result.valid_bytes)) != 0 || ::fsync(fd_) != 0) {
            throw std::runtime_error("cannot cut the torn record off " + file_.string() + ": " +
                                     std::strerror(errno));
        }
    }
    std::uint64_t last = after_seq;
    for (const auto& r : result.records) last = std::max(last, r.seq);
    written_seq_ = last;
    durable_seq_ = last;
    records_in_file_ = result.records.size();
    opened.records = std::move(result.records);
}

FileJournal::~FileJournal() {
    if (fd_ >= 0) {
        ::fdatasync(fd_);
        ::close(fd_);
    }
}

void FileJournal::continue_after(std::uint64_t last_seq) {
    std::lock_guard<std::mutex> lock(write_mutex_);
    written_seq_ = last_seq;
    std::lock_guard<std::mutex> sync_lock(sync_mutex_);
    durable_seq_ = last_seq;
}

std::uint64_t FileJournal::append(std::string_view record) {
    std::lock_guard<std::mutex> lock(write_mutex_);
    std::uint64_t seq = written_seq_.load() + 1;
    std::string line = frame_record(seq, record);
    const char* p = line.data();
    std::size_t left = line.size();
    while (left > 0) {
        ssize_t n = ::write(fd_, p, left);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) fatal(file_, "cannot write to");
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    records_in_file_.fetch_add(1);
    appended_.fetch_add(1);
    written_seq_.store(seq);  // only once the whole line is in the file
    return seq;
}

void FileJournal::make_durable(std::uint64_t seq) {
    seq = std::min(seq, written_seq_.load());  // nothing beyond what was written
    std::unique_lock<std::mutex> lock(sync_mutex_);
    while (durable_seq_ < seq) {
        if (syncing_) {
            synced_.wait(lock);
            continue;
        }
        // This caller flushes for everyone: every record written up to now.
        syncing_ = true;
        std::uint64_t target = written_seq_.load();
        lock.unlock();
        int rc;
        do rc = ::fdatasync(fd_); while (rc != 0 && errno == EINTR);
        if (rc != 0) fatal(file_, "cannot flush");
        flushes_.fetch_add(1);
        lock.lock();
        syncing_ = false;
        if (target > durable_seq_) durable_seq_ = target;
        synced_.notify_all();
    }
}

void FileJournal::sync_all() { make_durable(written_seq_.load()); }

void FileJournal::restart() {
    sync_all();
    std::lock_guard<std::mutex> lock(write_mutex_);
    if (::ftruncate(fd_, 0) != 0) fatal(file_, "cannot empty");
    if (::fsync(fd_) != 0) fatal(file_, "cannot flush");
    records_in_file_ = 0;
}

}  // namespace skolnav
