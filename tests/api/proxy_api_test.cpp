// Skolnav behind nginx (scripts/nginx/skolnav.conf, the README's reverse-proxy shape),
// with nginx started here on loopback: requests and the event stream pass through, and
// sign-in throttling sees each client's own address (X-Forwarded-For from a trusted
// proxy), not the proxy's. nginx comes from scripts/setup.sh.
#include <catch2/catch.hpp>

#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

#include "raw_http.hpp"
#include "test_support.hpp"

using namespace skolnav::test;

namespace {

std::string nginx_path() {
    for (const char* p : {"/usr/sbin/nginx", "/usr/bin/nginx", "/usr/local/sbin/nginx"})
        if (::access(p, X_OK) == 0) return p;
    return "";
}

int free_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
    socklen_t len = sizeof a;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
    ::close(fd);
    return ntohs(a.sin_port);
}

// The repository's nginx config made runnable here: plain HTTP on `listen_port`, the
// upstream at `upstream_port`, nginx's files in `dir`.
std::string test_config(const std::filesystem::path& dir, int listen_port, int upstream_port) {
    std::ifstream in(std::filesystem::path(SKOLNAV_SOURCE_DIR) / "scripts/nginx/skolnav.conf");
    std::stringstream body;
    std::string line;
    while (std::getline(in, line)) {
        if (line.find("# tls") != std::string::npos) continue;
        if (line.find("# listen") != std::string::npos) line = "    listen 127.0.0.1:" + std::to_string(listen_port) + ";";
        if (line.find("# upstream") != std::string::npos) line = "    server 127.0.0.1:" + std::to_string(upstream_port) + ";";
        body << line << "\n";
    }
    const std::string d = dir.string();
    return "worker_processes 1;\ndaemon off;\npid " + d + "/nginx.pid;\nerror_log " + d + "/error.log;\n"
           "events { worker_connections 512; }\nhttp {\n  access_log off;\n"
           "  client_body_temp_path " + d + "/body;\n  proxy_temp_path " + d + "/proxy;\n"
           "  fastcgi_temp_path " + d + "/fastcgi;\n  uwsgi_temp_path " + d + "/uwsgi;\n  scgi_temp_path " + d + "/scgi;\n" +
           body.str() + "}\n";
}

class Nginx {
public:
    Nginx(const std::string& exe, const std::filesystem::path& dir, int port) : port_(port) {
        pid_ = ::fork();
        if (pid_ == 0) {
            const std::string conf = (dir / "nginx.conf").string(), prefix = dir.string() + "/",
                              log = (dir / "error.log").string();
            ::execl(exe.c_str(), exe.c_str(), "-c", conf.c_str(), "-p", prefix.c_str(), "-e", log.c_str(), nullptr);
            ::_exit(127);
        }
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
        while (std::chrono::steady_clock::now() < deadline) {
            const int fd = connect_loopback(port_);
            if (fd >= 0) {
                ::close(fd);
                up_ = true;
                return;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
    }
    ~Nginx() {
        if (pid_ > 0) {
            ::kill(pid_, SIGTERM);
            int status = 0;
            ::waitpid(pid_, &status, 0);
        }
    }
    bool up() const { return up_; }

private:
    pid_t pid_ = -1;
    int port_;
    bool up_ = false;
};

}  // namespace

TEST_CASE("behind nginx: requests and the event stream pass; throttling sees each client's address", "[proxy]") {
    const std::string nginx = nginx_path();
    REQUIRE_FALSE(nginx.empty());  // installed by scripts/setup.sh
    Fresh fresh({"--trust-proxy", "127.0.0.1"});
    REQUIRE(fresh.server.started());
    TempDir dir;
    const int port = free_port();
    {
        std::ofstream conf(dir / "nginx.conf");
        conf << test_config(dir.path(), port, fresh.server.port());
    }
    Nginx proxy(nginx, dir.path(), port);
    REQUIRE(proxy.up());

    ApiClient through(fresh.server.host(), port);
    REQUIRE(through.sign_in("demo.vh").status == 200);
    CHECK(through.get("/api/v1/me").status == 200);

    // The event stream, unbuffered through the proxy.
    const int stream = connect_loopback(port);
    REQUIRE(stream >= 0);
    send_all(stream, "GET /api/v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\nCookie: skolnav_session=" +
                         through.session_token() + "\r\n\r\n");
    std::string got;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (got.find("event: notifications") == std::string::npos && std::chrono::steady_clock::now() < deadline) {
        char buf[4096];
        const ssize_t n = ::recv(stream, buf, sizeof buf, MSG_DONTWAIT);
        if (n > 0) got.append(buf, static_cast<std::size_t>(n));
        else std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    ::close(stream);
    CHECK(got.find("text/event-stream") != std::string::npos);
    CHECK(got.find("event: notifications") != std::string::npos);

    // 20 failed sign-ins for as many names from one client (127.0.0.2) slow that client;
    // another client (127.0.0.3) behind the same proxy is not slowed.
    auto guess = [&](const std::string& source, const std::string& user) {
        const int fd = connect_loopback(port, source);
        std::string carry;
        send_all(fd, post_json_request("/api/v1/session", R"({"username":")" + user + R"(","password":"fel"})"));
        const int status = read_reply(fd, 10000, carry).status;
        ::close(fd);
        return status;
    };
    for (int i = 0; i < 20; ++i) CHECK(guess("127.0.0.2", "namn" + std::to_string(i)) == 401);
    CHECK(guess("127.0.0.2", "namn-ny") == 429);
    CHECK(guess("127.0.0.3", "namn-ny") == 401);
}
