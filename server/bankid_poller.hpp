// The timer that collects BankID orders: once a second it lets BankIdOrders collect
// what is due (every two seconds per order) and drop what is stale. One thread, from
// start to stop.
#pragma once
#include <condition_variable>
#include <mutex>
#include <thread>

#include "core/bankid_orders.hpp"
#include "core/platform.hpp"

namespace skolnav {

class BankIdPoller {
public:
    BankIdPoller(BankIdOrders& orders, const Clock& clock);
    ~BankIdPoller();  // stops and joins
    BankIdPoller(const BankIdPoller&) = delete;
    BankIdPoller& operator=(const BankIdPoller&) = delete;

private:
    void run();
    BankIdOrders& orders_;
    const Clock& clock_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace skolnav
