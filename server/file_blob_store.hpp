// skolnav::BlobStore on files: DATA/attachments/<id>, one file per upload, named by the
// id core generated (never by a name a user chose). put() writes a temporary file,
// fsyncs it, renames it into place and fsyncs the folder, so a stored file is either
// whole or absent after a crash.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "core/platform.hpp"

namespace skolnav {

class FileBlobStore : public BlobStore {
public:
    explicit FileBlobStore(std::filesystem::path dir);  // creates the folder if needed
    void put(const std::string& id, std::string_view bytes) override;
    std::optional<std::string> get(const std::string& id) override;
    void remove(const std::string& id) override;
    const std::filesystem::path& dir() const { return dir_; }

private:
    std::filesystem::path path_of(const std::string& id) const;  // throws for an id that is not a plain name
    std::filesystem::path dir_;
};

}  // namespace skolnav
