#include "load_scenario.hpp"

#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>
#include <vector>

namespace skolnav::test {

namespace {
using Steady = std::chrono::steady_clock;

// One keep-alive connection asking /me every 20 ms until `stop`; latencies of the 200s.
std::vector<double> measure_me(int port, const std::string& token, const std::atomic<bool>& stop, int& unanswered) {
    std::vector<double> ms;
    int fd = connect_loopback(port, "127.0.0.1");
    std::string carry;
    while (!stop) {
        const auto t = Steady::now();
        RawReply r;
        if (fd >= 0 && send_all(fd, get_request("/api/v1/me", token))) r = read_reply(fd, 2000, carry);
        if (r.status != 200) {
            ++unanswered;
            if (fd >= 0) ::close(fd);
            fd = connect_loopback(port, "127.0.0.1");
            carry.clear();
        } else {
            ms.push_back(std::chrono::duration<double, std::milli>(Steady::now() - t).count());
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    if (fd >= 0) ::close(fd);
    return ms;
}

bool peer_closed(int fd) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 0) <= 0) return false;
    char buf[4096];
    return ::recv(fd, buf, sizeof buf, MSG_DONTWAIT) >= 0;  // a reply (408) or the end: done with it
}

const char* kSlowStart = "GET /api/v1/me HTTP/1.1\r\nHost: x\r\nX-Slow: ";

// The slow and idle connections, kept open (opened again when the server ends one).
struct Attackers {
    int port;
    std::vector<int> slow, idle;
    std::size_t reopened = 0;
    int open_one(int i, bool slow_one) {
        const int fd = connect_loopback(port, "127.0.0." + std::to_string(2 + i % 8));
        if (fd >= 0 && slow_one) send_all(fd, kSlowStart);
        return fd;
    }
    void open_all(int n_slow, int n_idle) {
        for (int i = 0; i < n_slow; ++i) slow.push_back(open_one(i, true));
        for (int i = 0; i < n_idle; ++i) idle.push_back(open_one(i, false));
    }
    void tend(bool reopen) {
        for (std::size_t i = 0; i < slow.size(); ++i) {
            if (slow[i] >= 0 && !peer_closed(slow[i]) && ::send(slow[i], "a", 1, MSG_NOSIGNAL | MSG_DONTWAIT) == 1) continue;
            if (!reopen) continue;
            if (slow[i] >= 0) ::close(slow[i]);
            slow[i] = open_one(static_cast<int>(i), true);
            ++reopened;
        }
        for (std::size_t i = 0; i < idle.size(); ++i) {
            if (idle[i] >= 0 && !peer_closed(idle[i])) continue;
            if (!reopen) continue;
            if (idle[i] >= 0) ::close(idle[i]);
            idle[i] = open_one(static_cast<int>(i), false);
            ++reopened;
        }
    }
    std::size_t held() {
        std::size_t n = 0;
        for (int fd : slow) n += fd >= 0 && !peer_closed(fd);
        for (int fd : idle) n += fd >= 0 && !peer_closed(fd);
        return n;
    }
    ~Attackers() {
        for (int fd : slow) if (fd >= 0) ::close(fd);
        for (int fd : idle) if (fd >= 0) ::close(fd);
    }
};

// Sends every sign-in, then waits (up to 60 s) for each one's reply.
void sign_in_burst(int port, int n, LoadResult& result) {
    std::vector<int> fds;
    std::vector<std::string> carries(static_cast<std::size_t>(n));
    const auto start = Steady::now();
    for (int i = 0; i < n; ++i) {
        const int fd = connect_loopback(port, "127.0.1." + std::to_string(1 + i % 20));
        const std::string user = i % 10 == 0 ? "demo.vh" : "gissning" + std::to_string(i);
        if (fd >= 0) send_all(fd, post_json_request("/api/v1/session", R"({"username":")" + user + R"(","password":"fel"})"));
        fds.push_back(fd);
    }
    std::vector<bool> done(fds.size(), false);
    for (std::size_t i = 0; i < fds.size(); ++i)
        if (fds[i] < 0) {
            done[i] = true;
            ++result.sign_in_outcomes["not connected"];
        }
    std::size_t left = 0;
    for (bool d : done) left += !d;
    while (left > 0 && Steady::now() - start < std::chrono::seconds(60)) {
        std::vector<pollfd> polls;
        std::vector<std::size_t> which;
        for (std::size_t i = 0; i < fds.size(); ++i)
            if (!done[i]) {
                polls.push_back({fds[i], POLLIN, 0});
                which.push_back(i);
            }
        if (::poll(polls.data(), polls.size(), 200) <= 0) continue;
        for (std::size_t k = 0; k < polls.size(); ++k) {
            if (!(polls[k].revents & (POLLIN | POLLHUP | POLLERR))) continue;
            const std::size_t i = which[k];
            RawReply r = read_reply(fds[i], 50, carries[i]);
            if (r.status < 0 && !(polls[k].revents & (POLLHUP | POLLERR))) continue;
            std::string key = r.status < 0 ? "closed without a reply" : std::to_string(r.status);
            if (r.status == 429) {
                key += r.body.find("sign_in_busy") != std::string::npos ? " sign_in_busy" : " too_many_attempts";
                if (r.header("Retry-After").empty()) key += " (no Retry-After)";
            }
            ++result.sign_in_outcomes[key];
            if (r.status > 0) ++result.sign_ins_answered;
            done[i] = true;
            --left;
        }
    }
    if (left > 0) result.sign_in_outcomes["no reply within 60 s"] += static_cast<int>(left);
    result.sign_in_seconds = std::chrono::duration<double>(Steady::now() - start).count();
    for (int fd : fds) if (fd >= 0) ::close(fd);
}

}  // namespace

LoadResult run_load(int port, const std::string& token, const LoadPlan& plan) {
    LoadResult result;
    std::atomic<bool> stop{false};
    {
        std::thread timer([&] {
            std::this_thread::sleep_for(std::chrono::seconds(plan.quiet_seconds));
            stop = true;
        });
        result.quiet = figures(measure_me(port, token, stop, result.quiet_unanswered));
        timer.join();
    }

    Attackers attackers{port, {}, {}};
    attackers.open_all(plan.slow, plan.idle);
    std::atomic<bool> over{false};
    const bool reopen = plan.hold_seconds > 0;
    std::thread trickle([&] {
        while (!over) {
            attackers.tend(reopen);
            for (int i = 0; i < 20 && !over; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
    });
    stop = false;
    std::vector<double> attacked;
    std::thread me([&] { attacked = measure_me(port, token, stop, result.attacked_unanswered); });
    const auto started = Steady::now();
    sign_in_burst(port, plan.sign_ins, result);
    const auto hold_until = started + std::chrono::seconds(plan.hold_seconds);
    std::this_thread::sleep_for(std::chrono::seconds(1));  // a little past the burst
    if (Steady::now() < hold_until) std::this_thread::sleep_until(hold_until);
    stop = true;
    me.join();
    over = true;
    trickle.join();
    result.held_at_end = attackers.held();
    result.reopened = attackers.reopened;
    result.attacked = figures(std::move(attacked));
    return result;
}

void LoadResult::print(const std::string& label) const {
    std::printf("[%s] GET /api/v1/me alone: %zu answered, %d not within 2 s; p50 %.1f ms, p99 %.1f ms, max %.1f ms\n",
                label.c_str(), quiet.count, quiet_unanswered, quiet.p50, quiet.p99, quiet.max);
    std::printf("[%s] under attack (slow/idle held at the end: %zu, opened again: %zu): %zu answered, %d not within 2 s; "
                "p50 %.1f ms, p99 %.1f ms, max %.1f ms\n",
                label.c_str(), held_at_end, reopened, attacked.count, attacked_unanswered, attacked.p50, attacked.p99,
                attacked.max);
    std::printf("[%s] sign-ins: %zu answered in %.1f s:", label.c_str(), sign_ins_answered, sign_in_seconds);
    for (const auto& [key, n] : sign_in_outcomes) std::printf(" %s: %d;", key.c_str(), n);
    std::printf("\n");
    std::fflush(stdout);
}

}  // namespace skolnav::test
