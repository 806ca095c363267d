#include "server/audit_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <stdexcept>
#include <string>

namespace skolnav {

AuditFile::AuditFile(const std::filesystem::path& path) {
    fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (fd_ < 0) throw std::runtime_error("cannot open the audit log " + path.string());
}

AuditFile::~AuditFile() {
    if (fd_ >= 0) ::close(fd_);
}

void AuditFile::record(std::string_view line) {
    std::string text(line);
    for (char& c : text)
        if (c == '\n' || c == '\r') c = ' ';  // one record, one line
    text += '\n';
    std::lock_guard lock(mutex_);
    if (::write(fd_, text.data(), text.size()) != static_cast<ssize_t>(text.size()) || ::fdatasync(fd_) != 0)
        std::fprintf(stderr, "skolnav-server: the audit log could not be written\n");
}

}  // namespace skolnav
