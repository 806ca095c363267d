#include "journal_format.hpp"

#include <array>
#include <cstdio>

namespace skolnav {

namespace {
std::array<std::uint32_t, 256> make_crc_table() {
    std::array<std::uint32_t, 256> t{};
    for (std::uint32_t i = 0; i < 256; ++i) {
        std::uint32_t c = i;
        for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        t[i] = c;
    }
    return t;
}

// Parses "<seq> <crc> <payload>" (without the newline); false if it isn't one.
bool parse_line(std::string_view line, JournalRecord& out) {
    const auto sp1 = line.find(' ');
    if (sp1 == std::string_view::npos || sp1 == 0 || sp1 > 20) return false;
    const auto sp2 = line.find(' ', sp1 + 1);
    if (sp2 != sp1 + 9) return false;
    std::uint64_t seq = 0;
    for (char c : line.substr(0, sp1)) {
        if (c < '0' || c > '9') return false;
        seq = seq * 10 + static_cast<std::uint64_t>(c - '0');
    }
    std::uint32_t crc = 0;
    for (char c : line.substr(sp1 + 1, 8)) {
        int v = (c >= '0' && c <= '9') ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : -1;
        if (v < 0) return false;
        crc = crc << 4 | static_cast<std::uint32_t>(v);
    }
    const auto payload = line.substr(sp2 + 1);
    if (crc32(payload) != crc) return false;
    out.seq = seq;
    out.payload = std::string(payload);
    return true;
}
}  // namespace

std::uint32_t crc32(std::string_view data) {
    static const auto table = make_crc_table();
    std::uint32_t c = 0xFFFFFFFFu;
    for (unsigned char b : data) c = table[(c ^ b) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

std::string frame_record(std::uint64_t seq, std::string_view payload) {
    char head[40];
    std::snprintf(head, sizeof head, "%llu %08x ", static_cast<unsigned long long>(seq), crc32(payload));
    std::string line(head);
    line.append(payload);
    line.push_back('\n');
    return line;
}

JournalReadResult read_journal(std::string_view bytes, std::uint64_t after_seq) {
    JournalReadResult r;
    std::size_t pos = 0;
    std::uint64_t expected = 0;  // 0: the first record may have any seq above after_seq
    int line_no = 0;
    while (pos < bytes.size()) {
        ++line_no;
        const auto nl = bytes.find('\n', pos);
        const bool last = nl == std::string_view::npos || nl + 1 == bytes.size();
        JournalRecord rec;
        const bool ok = nl != std::string_view::npos && parse_line(bytes.substr(pos, nl - pos), rec);
        if (!ok) {
            if (last) {
                r.torn_tail = true;  // a write cut short by a crash: never acknowledged
            } else {
                r.corruption = "journal record " + std::to_string(line_no) + " (byte offset " + std::to_string(pos) +
                               ") is damaged: its checksum or framing does not match, and records follow it";
            }
            return r;
        }
        if (expected != 0 && rec.seq != expected) {
            r.corruption = "journal record " + std::to_string(line_no) + " has sequence number " + std::to_string(rec.seq) +
                           " where " + std::to_string(expected) + " was expected";
            return r;
        }
        expected = rec.seq + 1;
        if (rec.seq > after_seq) {
            if (r.records.empty() && rec.seq != after_seq + 1) {
                r.corruption = "journal starts at sequence number " + std::to_string(rec.seq) + " but the snapshot ends at " +
                               std::to_string(after_seq) + ": records are missing";
                return r;
            }
            r.records.push_back(std::move(rec));
        }
        pos = nl + 1;
        r.valid_bytes = pos;
    }
    return r;
}

}  // namespace skolnav
