// DATA/snapshot.json: the whole state at one sequence number, replaced atomically
// (temporary file, fsync, rename over the old one, fsync of the folder).
#pragma once
#include <filesystem>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace skolnav {

// Writes `text` to `file` so that after a crash the file holds either the old or the
// new contents, whole. Throws std::runtime_error on failure (the old file is intact).
void write_file_atomically(const std::filesystem::path& file, const std::string& text);

void write_snapshot(const std::filesystem::path& file, const nlohmann::json& snapshot);

// The snapshot, or nullopt when there is none. A file that is not valid JSON throws
// std::runtime_error with the file's name (it was written atomically, so that is damage).
std::optional<nlohmann::json> read_snapshot(const std::filesystem::path& file);

}  // namespace skolnav
