// Live notifications, measured: the real server with K idle, signed-in event streams
// open (guardians of 7A's families, each on its own connection), and beside each K the
// API's latency (sequential GET /api/v1/me on one keep-alive connection), the server's
// resident memory and thread count, and how long one published news item takes to
// reach every stream. Figures, not pass/fail.
//
//   build/tests/bench/live_bench [K,K,... (1000,5000,15000)] [requests per step (200)]
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "../api/server_process.hpp"

using namespace skolnav::test;
using json = nlohmann::json;
using Steady = std::chrono::steady_clock;

namespace {

int port_ = 0;

int connect_to_server() {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) throw std::runtime_error("socket: out of file descriptors?");
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port_));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        ::close(fd);
        throw std::runtime_error("connect failed");
    }
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return fd;
}

void send_all(int fd, const std::string& s) {
    std::size_t off = 0;
    while (off < s.size()) {
        ssize_t n = ::send(fd, s.data() + off, s.size() - off, MSG_NOSIGNAL);
        if (n <= 0) throw std::runtime_error("send failed");
        off += static_cast<std::size_t>(n);
    }
}

// One HTTP/1.1 exchange on a keep-alive connection (replies with Content-Length).
struct HttpReply {
    int status = 0;
    std::string headers, body;
};
HttpReply http_exchange(int fd, const std::string& request) {
    send_all(fd, request);
    std::string buf;
    char chunk[16384];
    for (;;) {
        auto end = buf.find("\r\n\r\n");
        if (end != std::string::npos) {
            HttpReply r;
            r.headers = buf.substr(0, end + 4);
            r.status = std::atoi(r.headers.c_str() + 9);
            std::size_t length = 0;
            auto cl = r.headers.find("Content-Length: ");
            if (cl != std::string::npos) length = std::stoul(r.headers.substr(cl + 16));
            if (buf.size() >= end + 4 + length) {
                r.body = buf.substr(end + 4, length);
                return r;
            }
        }
        ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
        if (n <= 0) throw std::runtime_error("connection closed mid-reply");
        buf.append(chunk, static_cast<std::size_t>(n));
    }
}

std::string sign_in(const std::string& username) {
    int fd = connect_to_server();
    const std::string body = json{{"username", username}, {"password", "demo"}}.dump();
    HttpReply r = http_exchange(fd, "POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: " +
                                   std::to_string(body.size()) + "\r\n\r\n" + body);
    ::close(fd);
    auto at = r.headers.find("skolnav_session=");
    if (r.status != 200 || at == std::string::npos) throw std::runtime_error("sign-in failed for " + username);
    at += 16;
    return r.headers.substr(at, r.headers.find(';', at) - at);
}

std::string get_request(const std::string& path, const std::string& token) {
    return "GET " + path + " HTTP/1.1\r\nHost: x\r\nCookie: skolnav_session=" + token + "\r\n\r\n";
}

struct Latency {
    double p50, p99;
};
Latency measure(const std::string& token, int requests) {
    int fd = connect_to_server();
    const std::string request = get_request("/api/v1/me", token);
    http_exchange(fd, request);  // warm
    std::vector<double> ms;
    for (int i = 0; i < requests; ++i) {
        auto t0 = Steady::now();
        HttpReply r = http_exchange(fd, request);
        ms.push_back(std::chrono::duration<double, std::milli>(Steady::now() - t0).count());
        if (r.status != 200) throw std::runtime_error("GET /api/v1/me: " + std::to_string(r.status));
    }
    ::close(fd);
    std::sort(ms.begin(), ms.end());
    return {ms[ms.size() / 2], ms[std::min(ms.size() - 1, ms.size() * 99 / 100)]};
}

std::string proc_status(pid_t pid, const std::string& key) {
    std::ifstream f("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(f, line))
        if (line.rfind(key + ":", 0) == 0) {
            std::string v = line.substr(key.size() + 1);
            v.erase(0, v.find_first_not_of(" \t"));
            return v;
        }
    return "?";
}

// Every open stream, read through one epoll set: counts the messages each has had.
struct Listeners {
    int ep = ::epoll_create1(0);
    struct One {
        int fd;
        int messages = 0;
        int want = 1;  // the first message, then one per item published since it opened
        std::string tail;
    };
    std::vector<One> all;

    void open(const std::string& token) {
        int fd = connect_to_server();
        send_all(fd, "GET /api/v1/events HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\nCookie: skolnav_session=" +
                         token + "\r\n\r\n");
        epoll_event ev{};
        ev.events = EPOLLIN;
        ev.data.u32 = static_cast<uint32_t>(all.size());
        epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev);
        all.push_back(One{fd, 0, 1, {}});
    }
    // Reads until every stream has had the messages it wants; false on timeout.
    bool wait_all(std::chrono::seconds within) {
        std::size_t behind = 0;
        for (const auto& o : all) behind += o.messages < o.want;
        const auto deadline = Steady::now() + within;
        std::vector<epoll_event> events(1024);
        char buf[8192];
        while (behind > 0) {
            if (Steady::now() > deadline) return false;
            int n = epoll_wait(ep, events.data(), static_cast<int>(events.size()), 200);
            for (int i = 0; i < n; ++i) {
                One& o = all[events[i].data.u32];
                ssize_t got = ::recv(o.fd, buf, sizeof buf, MSG_DONTWAIT);
                if (got == 0) throw std::runtime_error("a stream was closed by the server");
                if (got < 0) continue;
                std::string text = o.tail + std::string(buf, static_cast<std::size_t>(got));
                const bool was_behind = o.messages < o.want;
                for (std::size_t at = text.find("event: notifications"); at != std::string::npos;
                     at = text.find("event: notifications", at + 1))
                    ++o.messages;
                o.tail = text.size() > 24 ? text.substr(text.size() - 24) : text;
                // (A match inside the kept tail would count twice: the tail is shorter
                // than the marker plus its line end, and a full match is never kept.)
                if (o.tail.find("event: notifications") != std::string::npos) o.tail.clear();
                if (was_behind && o.messages >= o.want) --behind;
            }
        }
        return true;
    }
};

std::vector<std::string> guardians_of_group(const json& snapshot, const std::string& group_name, std::string& group_id) {
    const json& state = snapshot.at("state");
    for (const auto& g : state.at("groups"))
        if (g.at("name") == group_name && g.at("school_id") == "sch-2") group_id = g.at("id");
    std::set<std::string> pupils;
    for (const auto& p : state.at("people"))
        if (p.value("role", "") == "pupil" && p.value("group_id", "") == group_id) pupils.insert(p.at("id"));
    std::vector<std::string> out;
    for (const auto& p : state.at("people")) {
        if (p.value("role", "") != "guardian" || p.value("username", "").empty()) continue;
        for (const auto& c : p.value("children", json::array()))
            if (pupils.count(c)) {
                out.push_back(p.at("username"));
                break;
            }
    }
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<int> steps = {1000, 5000, 15000};
    int requests = 200;
    if (argc > 1) {
        steps.clear();
        std::stringstream list(argv[1]);
        std::string item;
        while (std::getline(list, item, ',')) steps.push_back(std::stoi(item));
    }
    if (argc > 2) requests = std::atoi(argv[2]);

    rlimit files{};
    getrlimit(RLIMIT_NOFILE, &files);
    files.rlim_cur = files.rlim_max;
    setrlimit(RLIMIT_NOFILE, &files);
    std::printf("open files allowed: %llu (this process; the server raises its own the same way)\n",
                static_cast<unsigned long long>(files.rlim_cur));

    TempDir data;
    ServerProcess server(data.path());
    if (!server.started()) {
        std::fprintf(stderr, "server did not start:\n%s\n", server.log().c_str());
        return 1;
    }
    port_ = server.port();
    std::string group;
    const auto guardians = guardians_of_group(json::parse([&] {
                                                  std::ifstream f(data / "snapshot.json");
                                                  std::stringstream s;
                                                  s << f.rdbuf();
                                                  return s.str();
                                              }()),
                                              "7A", group);
    std::vector<std::string> tokens;
    for (std::size_t i = 0; i < guardians.size() && i < 16; ++i) tokens.push_back(sign_in(guardians[i]));
    const std::string staff = sign_in("demo.personal");
    std::printf("server pid %d on port %d; %zu guardians of 7A signed in; listeners spread over them\n\n",
                static_cast<int>(server.pid()), port_, tokens.size());

    std::printf("%9s  %12s  %12s  %10s  %8s  %16s\n", "listeners", "me p50 (ms)", "me p99 (ms)", "RSS", "threads",
                "news to all (ms)");
    Listeners listeners;
    auto row = [&](int k, double reach_ms) {
        Latency l = measure(tokens[0], requests);
        std::printf("%9d  %12.2f  %12.2f  %10s  %8s  %16s\n", k, l.p50, l.p99, proc_status(server.pid(), "VmRSS").c_str(),
                    proc_status(server.pid(), "Threads").c_str(),
                    reach_ms < 0 ? "-" : std::to_string(static_cast<int>(reach_ms + 0.5)).c_str());
        std::fflush(stdout);
    };
    row(0, -1);
    for (int k : steps) {
        try {
            // Open up to k in batches, each batch's first messages read before the next.
            while (static_cast<int>(listeners.all.size()) < k) {
                const int batch = std::min<int>(500, k - static_cast<int>(listeners.all.size()));
                for (int i = 0; i < batch; ++i) listeners.open(tokens[listeners.all.size() % tokens.size()]);
                if (!listeners.wait_all(std::chrono::seconds(60))) throw std::runtime_error("first messages did not arrive");
            }
        } catch (const std::exception& e) {
            std::printf("stopped at %zu listeners: %s\n", listeners.all.size(), e.what());
            break;
        }
        // One news item to 7A: every listener's guardian is notified.
        int fd = connect_to_server();
        const std::string body =
            json{{"title", "Mätning " + std::to_string(k)}, {"body", "Hej"}, {"group_ids", {group}}}.dump();
        const auto t0 = Steady::now();
        HttpReply r = http_exchange(fd, "POST /api/v1/schools/sch-2/news HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nCookie: "
                                   "skolnav_session=" + staff + "\r\nContent-Length: " + std::to_string(body.size()) +
                                   "\r\n\r\n" + body);
        ::close(fd);
        if (r.status != 201) throw std::runtime_error("publish failed: " + std::to_string(r.status));
        for (auto& o : listeners.all) ++o.want;
        const bool all = listeners.wait_all(std::chrono::seconds(120));
        const double reach = std::chrono::duration<double, std::milli>(Steady::now() - t0).count();
        row(static_cast<int>(listeners.all.size()), all ? reach : -1);
    }
    std::printf("\n(httplib's own thread-per-connection path holds as many streams as it has workers: 32 by "
                "default, and every one of them blocks a worker the API then lacks.)\n");
    for (auto& o : listeners.all) ::close(o.fd);
    server.stop();
    return 0;
}
