#include "server/snapshot_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace skolnav {
namespace {

std::runtime_error failure(const std::string& what, const std::filesystem::path& file) {
    return std::runtime_error(what + " " + file.string() + ": " + std::strerror(errno));
}

void fsync_or_throw(int fd, const std::filesystem::path& file) {
    int rc;
    do rc = ::fsync(fd); while (rc != 0 && errno == EINTR);
    if (rc != 0) {
        auto error = failure("cannot flush", file);
        ::close(fd);
        throw error;
    }
}

}  // namespace

void write_file_atomically(const std::filesystem::path& file, const std::string& text) {
    std::filesystem::path temporary = file;
    temporary += ".tmp";
    int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) throw failure("cannot create", temporary);
    const char* p = text.data();
    std::size_t left = text.size();
    while (left > 0) {
        ssize_t n = ::write(fd, p, left);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            auto error = failure("cannot write", temporary);
            ::close(fd);
            throw error;
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    fsync_or_throw(fd, temporary);
    if (::close(fd) != 0) throw failure("cannot close", temporary);
    if (::rename(temporary.c_str(), file.c_str()) != 0) throw failure("cannot rename over", file);

    std::filesystem::path folder = file.parent_path();
    if (folder.empty()) folder = ".";
    int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir < 0) throw failure("cannot open folder", folder);
    fsync_or_throw(dir, folder);
    ::close(dir);
}

void write_snapshot(const std::filesystem::path& file, const nlohmann::json& snapshot) {
    write_file_atomically(file, snapshot.dump() + "\n");
}

std::optional<nlohmann::json> read_snapshot(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        if (!std::filesystem::exists(file)) return std::nullopt;
        throw std::runtime_error("cannot read " + file.string());
    }
    // Read the whole file into one string (no stream copies: a 100,000-pupil snapshot
    // is some 200 MB) and parse that.
    std::string text(static_cast<std::size_t>(std::filesystem::file_size(file)), '\0');
    if (!in.read(text.data(), static_cast<std::streamsize>(text.size())))
        throw std::runtime_error("cannot read " + file.string());
    try {
        return nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception& e) {
        throw std::runtime_error(file.string() + " is not valid JSON (" + e.what() +
                                 "). Refusing to start: restore it from a backup.");
    }
}

}  // namespace skolnav
