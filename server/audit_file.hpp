// The audit trail as a file: DATA/audit.log, one JSON line per record, appended and
// flushed to disk before the request is answered. Never compacted, never rewritten.
#pragma once
#include <filesystem>
#include <mutex>

#include "core/platform.hpp"

namespace skolnav {

class AuditFile : public AuditLog {
public:
    explicit AuditFile(const std::filesystem::path& path);  // throws when it cannot be opened
    ~AuditFile() override;
    void record(std::string_view line) override;

private:
    std::mutex mutex_;
    int fd_ = -1;
};

}  // namespace skolnav
