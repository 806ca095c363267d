// Clocks on the machine's real time: the system clock, and a clock that starts at a
// chosen instant and then runs at real speed (`--now`, for tests and demonstrations).
#pragma once
#include <chrono>

#include "core/platform.hpp"

namespace skolnav {

class SystemClock : public Clock {
public:
    UnixSeconds now() const override {
        return std::chrono::duration_cast<std::chrono::seconds>(
                   std::chrono::system_clock::now().time_since_epoch())
            .count();
    }
};

// Starts at `start` when constructed and advances with the monotonic clock, so a test
// that fixes "now" still sees time pass (session expiry, reported_at order).
class OffsetClock : public Clock {
public:
    explicit OffsetClock(UnixSeconds start)
        : start_(start), origin_(std::chrono::steady_clock::now()) {}
    UnixSeconds now() const override {
        auto elapsed = std::chrono::steady_clock::now() - origin_;
        return start_ + std::chrono::duration_cast<std::chrono::seconds>(elapsed).count();
    }
private:
    UnixSeconds start_;
    std::chrono::steady_clock::time_point origin_;
};

}  // namespace skolnav
