// What core needs from the machine it runs on, kept behind small interfaces so the
// same core runs in the server (files, libsodium, the system clock) and inside the
// browser (browser storage, Web Crypto). Core itself does no I/O.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "date_time.hpp"

namespace skolnav {

// "Now", injectable so tests can fix it.
class Clock {
public:
    virtual ~Clock() = default;
    virtual UnixSeconds now() const = 0;
};

class FixedClock : public Clock {
public:
    explicit FixedClock(UnixSeconds t) : t_(t) {}
    UnixSeconds now() const override { return t_; }
    void set(UnixSeconds t) { t_ = t; }
    void advance(UnixSeconds s) { t_ += s; }
private:
    UnixSeconds t_;
};

// Password hashing (argon2id on the server), secure random tokens, and a one-way
// digest so session tokens are stored only as digests.
class Crypto {
public:
    virtual ~Crypto() = default;
    virtual std::string hash_password(std::string_view password) = 0;  // self-describing hash string
    virtual bool verify_password(std::string_view hash, std::string_view password) = 0;
    virtual std::string random_token() = 0;                         // >= 256 bits, URL-safe text
    virtual std::string digest(std::string_view data) = 0;          // hex, collision resistant
};

// Where every change is written. append() hands over one record (one line of text)
// and returns its sequence number; make_durable(seq) returns once that record and all
// before it survive a crash. Splitting the two lets the server batch many requests'
// records into one fsync (group commit).
class Journal {
public:
    virtual ~Journal() = default;
    virtual std::uint64_t append(std::string_view record) = 0;
    virtual void make_durable(std::uint64_t seq) = 0;
};

}  // namespace skolnav
