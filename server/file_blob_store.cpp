#include "server/file_blob_store.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <system_error>

namespace skolnav {

namespace {

[[noreturn]] void fail(const std::string& what, const std::filesystem::path& p) {
    throw std::runtime_error(what + " " + p.string() + ": " + std::strerror(errno));
}

void fsync_or_throw(int fd, const std::filesystem::path& p) {
    int rc;
    do rc = ::fsync(fd); while (rc != 0 && errno == EINTR);
    if (rc != 0) {
        const int saved = errno;
        ::close(fd);
        errno = saved;
        fail("cannot fsync", p);
    }
}

std::atomic<unsigned long> temporary_counter{0};

}  // namespace

FileBlobStore::FileBlobStore(std::filesystem::path dir) : dir_(std::move(dir)) {
    std::error_code ec;
    std::filesystem::create_directories(dir_, ec);
    if (ec) throw std::runtime_error("cannot create " + dir_.string() + ": " + ec.message());
    // Leftovers of puts a crash interrupted are never referenced: remove them.
    for (const auto& entry : std::filesystem::directory_iterator(dir_, ec))
        if (entry.path().filename().string().rfind(".tmp-", 0) == 0) std::filesystem::remove(entry.path(), ec);
}

std::filesystem::path FileBlobStore::path_of(const std::string& id) const {
    if (id.empty() || id.size() > 100) throw std::invalid_argument("bad blob id");
    for (char c : id)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
            throw std::invalid_argument("bad blob id: " + id);
    return dir_ / id;
}

void FileBlobStore::put(const std::string& id, std::string_view bytes) {
    const auto target = path_of(id);
    const auto temporary = dir_ / (".tmp-" + id + "-" + std::to_string(::getpid()) + "-" + std::to_string(++temporary_counter));
    int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) fail("cannot create", temporary);
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            const int saved = errno;
            ::close(fd);
            ::unlink(temporary.c_str());
            errno = saved;
            fail("cannot write", temporary);
        }
        done += static_cast<std::size_t>(n);
    }
    fsync_or_throw(fd, temporary);
    ::close(fd);
    if (::rename(temporary.c_str(), target.c_str()) != 0) {
        const int saved = errno;
        ::unlink(temporary.c_str());
        errno = saved;
        fail("cannot rename into", target);
    }
    int dir = ::open(dir_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir < 0) fail("cannot open", dir_);
    fsync_or_throw(dir, dir_);
    ::close(dir);
}

std::optional<std::string> FileBlobStore::get(const std::string& id) {
    std::filesystem::path p;
    try {
        p = path_of(id);
    } catch (const std::invalid_argument&) {
        return std::nullopt;
    }
    int fd = ::open(p.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ENOENT) return std::nullopt;
        fail("cannot open", p);
    }
    std::string out;
    char buffer[1 << 16];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0) {
            if (errno == EINTR) continue;
            const int saved = errno;
            ::close(fd);
            errno = saved;
            fail("cannot read", p);
        }
        if (n == 0) break;
        out.append(buffer, static_cast<std::size_t>(n));
    }
    ::close(fd);
    return out;
}

void FileBlobStore::remove(const std::string& id) {
    std::error_code ec;
    std::filesystem::remove(path_of(id), ec);
}

}  // namespace skolnav
