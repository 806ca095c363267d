#include "server_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <random>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace skolnav::test {

std::filesystem::path server_executable() {
    if (const char* e = std::getenv("SKOLNAV_SERVER")) return e;
    return SKOLNAV_SERVER_EXE;
}

std::filesystem::path built_web_dir() {
    if (const char* e = std::getenv("SKOLNAV_WEB_DIR")) return e;
    return SKOLNAV_WEB_DIR;
}

TempDir::TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "skolnav-api.XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
}

TempDir::~TempDir() {
    if (std::getenv("SKOLNAV_KEEP_DATA")) return;
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
}

pid_t spawn_logged(const std::vector<std::string>& args, const std::filesystem::path& log_file) {
    std::vector<std::string> copy = args;
    std::vector<char*> argv;
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);

    // fork + exec rather than posix_spawn: the child asks the kernel to end it when the
    // test runner dies, so a crashed test never leaves servers behind.
    const pid_t parent = ::getpid();
    const pid_t pid = ::fork();
    if (pid < 0) throw std::runtime_error("cannot fork");
    if (pid == 0) {
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parent) ::_exit(127);
        int out = ::open(log_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        int in = ::open("/dev/null", O_RDONLY);
        if (out < 0 || in < 0) ::_exit(127);
        ::dup2(in, 0);
        ::dup2(out, 1);
        ::dup2(out, 2);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    return pid;
}

ServerProcess::ServerProcess(const std::filesystem::path& data_dir, std::vector<std::string> extra,
                             const std::filesystem::path& log_file) {
    if (log_file.empty()) {
        owned_log_dir_ = new TempDir();
        log_file_ = owned_log_dir_->path() / "server.log";
    } else {
        log_file_ = log_file;
    }
    std::vector<std::string> args = {server_executable().string(), "--host", "127.0.0.1", "--port", "0",
                                     "--data", data_dir.string(), "--now", kNow,
                                     "--web", built_web_dir().string()};
    args.insert(args.end(), extra.begin(), extra.end());
    pid_ = spawn_logged(args, log_file_);

    static const std::regex listening(R"(Listening on https?://[^ :]+:([0-9]+)/)");
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    while (std::chrono::steady_clock::now() < deadline) {
        int status = 0;
        if (::waitpid(pid_, &status, WNOHANG) == pid_) {
            exit_status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
            pid_ = -1;
            return;  // exited during start-up
        }
        std::smatch m;
        std::string text = log();
        if (std::regex_search(text, m, listening)) {
            port_ = std::stoi(m[1]);
            return;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    kill_hard();
    throw std::runtime_error("the server did not start within 120 s:\n" + log());
}

ServerProcess::~ServerProcess() {
    if (pid_ > 0) stop();
    delete owned_log_dir_;
}

std::string ServerProcess::log() const {
    std::ifstream in(log_file_);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

int ServerProcess::wait() {
    if (pid_ <= 0) return exit_status_;
    int status = 0;
    while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {}
    exit_status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    pid_ = -1;
    return exit_status_;
}

void ServerProcess::kill_hard() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGKILL);
    wait();
}

int ServerProcess::stop() {
    if (pid_ <= 0) return exit_status_;
    ::kill(pid_, SIGTERM);
    for (int i = 0; i < 300; ++i) {  // 30 s for a clean shutdown
        int status = 0;
        if (::waitpid(pid_, &status, WNOHANG) == pid_) {
            exit_status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
            pid_ = -1;
            return exit_status_;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    kill_hard();
    return exit_status_;
}

}  // namespace skolnav::test
