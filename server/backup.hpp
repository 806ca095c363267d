// Backing up a data folder while its server runs, and restoring one into an empty folder.
//
// A backup is a plain tar file (ustar), so `tar -tf` shows what it holds and `tar -xf`
// alone could restore it:
//
//     skolnav-backup.json   what it is: format, the sequence number it reaches, counts
//     snapshot.json         the state at some sequence number S
//     journal.log           the records after S, up to the last whole one
//     audit.log             the audit trail (BankID sign-ins), when there is one
//     attachments/<id>      every stored file
//
// It is consistent without stopping the server: the snapshot is read from one open file
// (a checkpoint renames a new one into place, it never rewrites it), the journal after
// it, and if the snapshot was replaced meanwhile (a checkpoint, which then empties the
// journal) the whole read starts over. Files are copied last: every upload is stored
// before the record that names it, so each file a record names is there.
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>

namespace skolnav {

inline constexpr char kBackupFormat[] = "skolnav-backup-1";

struct BackupReport {
    std::uint64_t seq = 0;            // the last change the backup holds
    std::size_t journal_records = 0;  // of which after the snapshot
    std::size_t attachments = 0;
    std::uintmax_t bytes = 0;  // the backup file's size
    int attempts = 1;          // > 1: a checkpoint came between, and the read started over
};

// Writes the backup of `data_dir` to `to` (a temporary file, fsynced, then renamed).
// Throws std::runtime_error naming the problem.
BackupReport write_backup(const std::filesystem::path& data_dir, const std::filesystem::path& to);

struct RestoreReport {
    std::uint64_t seq = 0;
    std::size_t journal_records = 0;
    std::size_t attachments = 0;
};

// Unpacks `from` into `data_dir`, which must be empty or absent, refusing any entry but
// the ones above; checks the manifest and that every journal record follows the
// snapshot. Loading it is left to the server. Throws std::runtime_error naming the
// problem; a refused restore leaves the folder empty.
RestoreReport restore_backup(const std::filesystem::path& from, const std::filesystem::path& data_dir);

}  // namespace skolnav
