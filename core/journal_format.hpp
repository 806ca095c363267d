// The journal's on-disk (or in-browser-storage) format, shared by every Journal
// implementation. One record per line:
//
//     <seq> <crc32 of payload, 8 hex digits> <payload: one line of JSON>\n
//
// Sequence numbers rise by one. Reading stops at the first damaged record: if it is
// the last one (a write torn by a crash, never acknowledged) it is dropped; anything
// damaged before the end is corruption and is reported, never guessed around.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace skolnav {

std::uint32_t crc32(std::string_view data);

std::string frame_record(std::uint64_t seq, std::string_view payload);

struct JournalRecord {
    std::uint64_t seq = 0;
    std::string payload;
};

struct JournalReadResult {
    std::vector<JournalRecord> records;
    std::size_t valid_bytes = 0;  // length of the undamaged prefix
    bool torn_tail = false;       // the last record was incomplete or damaged and dropped
    std::string corruption;       // non-empty: damage before the end (what and where)
};

// `after_seq`: the sequence number the first record must follow (from the snapshot);
// records at or below it are skipped, as a snapshot already contains them.
JournalReadResult read_journal(std::string_view bytes, std::uint64_t after_seq);

}  // namespace skolnav
