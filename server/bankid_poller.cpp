#include "server/bankid_poller.hpp"

#include <chrono>
#include <cstdio>
#include <exception>

namespace skolnav {

BankIdPoller::BankIdPoller(BankIdOrders& orders, const Clock& clock)
    : orders_(orders), clock_(clock), thread_([this] { run(); }) {}

BankIdPoller::~BankIdPoller() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

void BankIdPoller::run() {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        lock.unlock();
        try {
            orders_.poll(clock_.now());
        } catch (const std::exception& e) {
            std::fprintf(stderr, "skolnav-server: BankID collect failed: %.300s\n", e.what());
        }
        lock.lock();
        wake_.wait_for(lock, std::chrono::seconds(1), [this] { return stopping_; });
    }
}

}  // namespace skolnav
