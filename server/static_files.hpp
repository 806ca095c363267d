// The built web client, served from a folder: content types, precompressed .gz
// siblings, validators (ETag / 304), and no way out of the folder.
#pragma once
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace skolnav {

struct StaticReply {
    int status = 404;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
};

class StaticFiles {
public:
    explicit StaticFiles(std::filesystem::path root) : root_(std::move(root)) {}
    // `url_path` is the decoded request path ("/", "/skolnav.wasm").
    StaticReply get(const std::string& url_path, const std::string& accept_encoding,
                    const std::string& if_none_match) const;
    const std::filesystem::path& root() const { return root_; }

private:
    std::filesystem::path root_;
};

std::string content_type_for(const std::filesystem::path& file);
bool accepts_gzip(const std::string& accept_encoding);
// The relative file a URL path names, or empty when it is not a plain path inside the
// folder (.., empty or hidden segments, backslashes, NUL bytes).
std::filesystem::path safe_relative_path(const std::string& url_path);

}  // namespace skolnav
