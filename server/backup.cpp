#include "backup.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <stdexcept>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/journal_format.hpp"
#include "core/store.hpp"
#include "server/file_blob_store.hpp"
#include "server/snapshot_file.hpp"

namespace skolnav {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

[[noreturn]] void fail(const std::string& what) { throw std::runtime_error(what); }
[[noreturn]] void fail_errno(const std::string& what, const fs::path& p) {
    fail(what + " " + p.string() + ": " + std::strerror(errno));
}

// A file descriptor that closes itself.
struct Fd {
    int fd = -1;
    explicit Fd(int f) : fd(f) {}
    ~Fd() {
        if (fd >= 0) ::close(fd);
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
};

std::string read_all(int fd, const fs::path& p) {
    std::string out;
    char buffer[1 << 16];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) fail_errno("cannot read", p);
        if (n == 0) return out;
        out.append(buffer, static_cast<std::size_t>(n));
    }
}

// --- ustar ------------------------------------------------------------------------

constexpr std::size_t kBlock = 512;

void put_octal(char* field, std::size_t width, std::uint64_t value) {
    // width - 1 digits and a NUL, as GNU tar writes them.
    std::snprintf(field, width, "%0*llo", static_cast<int>(width - 1), static_cast<unsigned long long>(value));
}

class TarWriter {
public:
    explicit TarWriter(const fs::path& file) : file_(file), fd_(::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600)) {
        if (fd_.fd < 0) fail_errno("cannot create", file);
    }
    void add(const std::string& name, std::string_view bytes) {
        if (name.size() >= 100) fail("a backup entry's name is too long: " + name);
        char header[kBlock] = {};
        std::memcpy(header, name.data(), name.size());
        put_octal(header + 100, 8, 0600);
        put_octal(header + 108, 8, 0);
        put_octal(header + 116, 8, 0);
        put_octal(header + 124, 12, bytes.size());
        put_octal(header + 136, 12, static_cast<std::uint64_t>(std::time(nullptr)));
        header[156] = '0';
        std::memcpy(header + 257, "ustar", 6);
        std::memcpy(header + 263, "00", 2);
        std::memset(header + 148, ' ', 8);
        unsigned sum = 0;
        for (unsigned char c : header) sum += c;
        std::snprintf(header + 148, 8, "%06o", sum);
        write(std::string_view(header, kBlock));
        write(bytes);
        static const char zeros[kBlock] = {};
        if (bytes.size() % kBlock) write(std::string_view(zeros, kBlock - bytes.size() % kBlock));
    }
    // Two empty blocks end the archive; then the file is made durable.
    void finish() {
        static const char zeros[2 * kBlock] = {};
        write(std::string_view(zeros, sizeof zeros));
        if (::fsync(fd_.fd) != 0) fail_errno("cannot fsync", file_);
    }

private:
    void write(std::string_view bytes) {
        while (!bytes.empty()) {
            const ssize_t n = ::write(fd_.fd, bytes.data(), bytes.size());
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) fail_errno("cannot write", file_);
            bytes.remove_prefix(static_cast<std::size_t>(n));
        }
    }
    fs::path file_;
    Fd fd_;
};

struct TarEntry {
    std::string name;
    std::string bytes;
};

std::vector<TarEntry> read_tar(const std::string& archive, const fs::path& file) {
    std::vector<TarEntry> entries;
    std::size_t at = 0;
    for (;;) {
        if (at + kBlock > archive.size()) fail(file.string() + " is not a whole backup (it ends early)");
        const char* header = archive.data() + at;
        if (std::all_of(header, header + kBlock, [](char c) { return c == 0; })) return entries;
        unsigned sum = 0;
        for (std::size_t i = 0; i < kBlock; ++i) sum += (i >= 148 && i < 156) ? ' ' : static_cast<unsigned char>(header[i]);
        if (std::strtoul(std::string(header + 148, 8).c_str(), nullptr, 8) != sum)
            fail(file.string() + " is not a backup (a damaged or foreign tar header at byte " + std::to_string(at) + ")");
        TarEntry e;
        e.name.assign(header, strnlen(header, 100));
        const std::uint64_t size = std::strtoull(std::string(header + 124, 12).c_str(), nullptr, 8);
        const char type = header[156];
        at += kBlock;
        if (size > archive.size() - at) fail(file.string() + " is not a whole backup (" + e.name + " is cut short)");
        if (type == '5') continue;  // a folder, as `tar -c` writes "attachments/"
        if (type != '0' && type != '\0') fail(file.string() + ": " + e.name + " is not a plain file");
        e.bytes = archive.substr(at, size);
        at += (size + kBlock - 1) / kBlock * kBlock;
        entries.push_back(std::move(e));
    }
}

// An attachment's file name as FileBlobStore names them (letters, digits, '-' and '_'):
// checked here too, so a foreign entry is refused by name before anything is written.
bool plain_name(const std::string& name) {
    return !name.empty() && name.size() <= 80 &&
           std::all_of(name.begin(), name.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_'; });
}

std::uint64_t snapshot_seq(const std::string& text, const fs::path& file) {
    // Only the number, not the whole document: it may be hundreds of megabytes.
    const auto at = text.find("\"seq\":");
    if (text.rfind("{\"format\":", 0) != 0 || at == std::string::npos)
        fail(file.string() + " is not a Skolnav snapshot");
    return std::strtoull(text.c_str() + at + 6, nullptr, 10);
}

void fsync_dir(const fs::path& dir) {
    Fd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (fd.fd < 0 || ::fsync(fd.fd) != 0) fail_errno("cannot fsync", dir);
}

}  // namespace

BackupReport write_backup(const fs::path& data_dir, const fs::path& to) {
    const fs::path snapshot_path = data_dir / "snapshot.json", journal_path = data_dir / "journal.log";
    BackupReport report;
    std::string snapshot, journal;
    for (report.attempts = 1;; ++report.attempts) {
        if (report.attempts > 20) fail("the snapshot in " + data_dir.string() + " kept changing while it was read; try again");
        Fd snap(::open(snapshot_path.c_str(), O_RDONLY | O_CLOEXEC));
        if (snap.fd < 0) fail_errno("cannot open", snapshot_path);
        struct stat before {};
        if (::fstat(snap.fd, &before) != 0) fail_errno("cannot stat", snapshot_path);
        snapshot = read_all(snap.fd, snapshot_path);
        report.seq = snapshot_seq(snapshot, snapshot_path);

        Fd jour(::open(journal_path.c_str(), O_RDONLY | O_CLOEXEC));
        journal.clear();
        if (jour.fd >= 0) journal = read_all(jour.fd, journal_path);
        else if (errno != ENOENT) fail_errno("cannot open", journal_path);

        // A checkpoint renames a new snapshot into place before it empties the journal:
        // if the name still leads to the file read, the journal read follows it.
        struct stat after {};
        if (::stat(snapshot_path.c_str(), &after) != 0) fail_errno("cannot stat", snapshot_path);
        if (after.st_ino != before.st_ino || after.st_dev != before.st_dev) continue;
        const JournalReadResult read = read_journal(journal, report.seq);
        if (!read.corruption.empty()) {
            // A journal from after a checkpoint we did not see the snapshot of: read again.
            if (read.corruption.find("records are missing") != std::string::npos) continue;
            fail(journal_path.string() + ": " + read.corruption);
        }
        journal.resize(read.valid_bytes);  // a record still being written is not in the backup
        report.journal_records = read.records.size();
        if (!read.records.empty()) report.seq = read.records.back().seq;
        break;
    }

    const fs::path temp = to.string() + ".partial";
    {
        TarWriter tar(temp);
        std::vector<std::pair<std::string, std::string>> files;
        const fs::path attachments = data_dir / "attachments";
        if (fs::is_directory(attachments))
            for (const auto& entry : fs::directory_iterator(attachments)) {
                const std::string name = entry.path().filename().string();
                if (!entry.is_regular_file() || !plain_name(name)) continue;  // FileBlobStore's temporary files
                Fd fd(::open(entry.path().c_str(), O_RDONLY | O_CLOEXEC));
                if (fd.fd < 0) {
                    if (errno == ENOENT) continue;  // removed meanwhile: its item is gone too
                    fail_errno("cannot open", entry.path());
                }
                files.emplace_back(name, read_all(fd.fd, entry.path()));
            }
        std::sort(files.begin(), files.end());
        report.attachments = files.size();
        const json manifest = {{"format", kBackupFormat},
                               {"snapshot_format", kSnapshotFormat},
                               {"seq", report.seq},
                               {"journal_records", report.journal_records},
                               {"attachments", report.attachments},
                               {"created_at", static_cast<std::int64_t>(std::time(nullptr))}};
        tar.add("skolnav-backup.json", manifest.dump(2) + "\n");
        tar.add("snapshot.json", snapshot);
        tar.add("journal.log", journal);
        // The audit trail (BankID sign-ins), append-only: what it holds now.
        const fs::path audit_path = data_dir / "audit.log";
        if (Fd audit(::open(audit_path.c_str(), O_RDONLY | O_CLOEXEC)); audit.fd >= 0)
            tar.add("audit.log", read_all(audit.fd, audit_path));
        else if (errno != ENOENT)
            fail_errno("cannot open", audit_path);
        for (const auto& [name, bytes] : files) tar.add("attachments/" + name, bytes);
        tar.finish();
    }
    fs::rename(temp, to);
    fsync_dir(fs::absolute(to).parent_path());
    report.bytes = fs::file_size(to);
    return report;
}

RestoreReport restore_backup(const fs::path& from, const fs::path& data_dir) {
    if (fs::exists(data_dir) && !fs::is_empty(data_dir))
        fail(data_dir.string() + " is not empty: a backup is restored into an empty folder only");
    Fd in(::open(from.c_str(), O_RDONLY | O_CLOEXEC));
    if (in.fd < 0) fail_errno("cannot open", from);
    const std::vector<TarEntry> entries = read_tar(read_all(in.fd, from), from);

    const TarEntry* manifest = nullptr;
    const TarEntry* snapshot = nullptr;
    const TarEntry* journal = nullptr;
    const TarEntry* audit = nullptr;
    std::vector<const TarEntry*> files;
    for (const TarEntry& e : entries) {
        if (e.name == "skolnav-backup.json") manifest = &e;
        else if (e.name == "snapshot.json") snapshot = &e;
        else if (e.name == "journal.log") journal = &e;
        else if (e.name == "audit.log") audit = &e;
        else if (e.name.rfind("attachments/", 0) == 0 && plain_name(e.name.substr(12))) files.push_back(&e);
        else fail(from.string() + " holds " + e.name + ", which no Skolnav backup holds: refusing it");
    }
    if (!manifest || !snapshot) fail(from.string() + " is not a Skolnav backup (no skolnav-backup.json or snapshot.json)");
    json m;
    try {
        m = json::parse(manifest->bytes);
    } catch (const json::exception&) {
        fail(from.string() + ": skolnav-backup.json is not JSON");
    }
    if (m.value("format", "") != kBackupFormat)
        fail(from.string() + " is a backup in format \"" + m.value("format", "") + "\"; this release reads " + kBackupFormat);

    RestoreReport report;
    const std::uint64_t snapshot_at = snapshot_seq(snapshot->bytes, "snapshot.json");
    const JournalReadResult read = read_journal(journal ? journal->bytes : "", snapshot_at);
    if (!read.corruption.empty() || read.torn_tail) fail(from.string() + ": its journal is damaged (" + read.corruption + ")");
    report.journal_records = read.records.size();
    report.seq = read.records.empty() ? snapshot_at : read.records.back().seq;
    if (report.seq != m.value("seq", std::uint64_t{0}) || files.size() != m.value("attachments", std::size_t{0}))
        fail(from.string() + " does not hold what its skolnav-backup.json says: it is incomplete");
    report.attachments = files.size();

    // The server's own writers: each file whole after a crash, its folder fsynced.
    fs::create_directories(data_dir);
    try {
        write_file_atomically(data_dir / "snapshot.json", snapshot->bytes);
        write_file_atomically(data_dir / "journal.log", journal ? journal->bytes : "");
        if (audit) write_file_atomically(data_dir / "audit.log", audit->bytes);
        FileBlobStore blobs(data_dir / "attachments");
        for (const TarEntry* f : files) blobs.put(f->name.substr(12), f->bytes);
    } catch (...) {
        for (const auto& entry : fs::directory_iterator(data_dir)) fs::remove_all(entry.path());
        throw;
    }
    return report;
}

}  // namespace skolnav
