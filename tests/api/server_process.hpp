// The real skolnav-server as a child process: a temporary data folder, any free
// loopback port (--port 0; the port is read from the "Listening on" line), a log file.
#pragma once
#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

namespace skolnav::test {

// The fixed "now" of the API tests: Monday 30 November 2026, 10:00 in Stockholm.
inline const char* kNow = "2026-11-30T09:00:00Z";
inline const char* kToday = "2026-11-30";
inline const char* kTomorrow = "2026-12-01";
inline const char* kYesterday = "2026-11-29";
inline const char* kDayAfterTomorrow = "2026-12-02";

std::filesystem::path server_executable();
std::filesystem::path built_web_dir();

class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }
private:
    std::filesystem::path path_;
};

// Starts `args` (the program first) with stdout and stderr to `log_file`; the child dies
// with the test runner. Returns its pid.
pid_t spawn_logged(const std::vector<std::string>& args, const std::filesystem::path& log_file);

class ServerProcess {
public:
    // Starts the server and waits for it to listen; `extra` goes after the defaults
    // (--host 127.0.0.1 --port 0 --data DATA --now kNow --web <built web dir>).
    // If the process exits during start-up, started() is false and exit_status() says how.
    ServerProcess(const std::filesystem::path& data_dir, std::vector<std::string> extra = {},
                  const std::filesystem::path& log_file = {});
    ~ServerProcess();  // SIGTERM, then SIGKILL after a while
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    bool started() const { return port_ > 0; }
    int port() const { return port_; }
    std::string host() const { return "127.0.0.1"; }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
    std::string log() const;  // what the server printed so far
    pid_t pid() const { return pid_; }

    void kill_hard();             // SIGKILL, and reap it
    int stop();                   // SIGTERM, wait; returns the exit status (see wait())
    // Waits for the process to end; returns its exit code, or 128 + signal.
    int wait();
    int exit_status() const { return exit_status_; }

private:
    pid_t pid_ = -1;
    int port_ = 0;
    int exit_status_ = -1;
    std::filesystem::path log_file_;
    TempDir* owned_log_dir_ = nullptr;
};

}  // namespace skolnav::test
