#include "sign_in_throttle.hpp"

#include <algorithm>
#include <vector>

namespace skolnav {

UnixSeconds SignInThrottle::wait(Records& records, const std::string& key, int free, UnixSeconds ceiling,
                                 UnixSeconds now) {
    auto it = records.find(key);
    if (it == records.end()) return 0;
    Record& r = it->second;
    if (now - r.last >= rules_.forget_after) {
        records.erase(it);
        return 0;
    }
    if (r.failures < free) return 0;
    const int doublings = std::min(r.failures - free, 30);
    const UnixSeconds delay = std::min(rules_.first_wait << doublings, ceiling);
    return std::max<UnixSeconds>(0, r.last + delay - now);
}

void SignInThrottle::count(Records& records, const std::string& key, UnixSeconds now) {
    if (records.size() >= rules_.max_tracked && !records.count(key)) {
        // Full (someone trying very many names): drop the stalest half.
        std::vector<UnixSeconds> times;
        times.reserve(records.size());
        for (const auto& [k, r] : records) times.push_back(r.last);
        std::nth_element(times.begin(), times.begin() + static_cast<long>(times.size() / 2), times.end());
        const UnixSeconds median = times[times.size() / 2];
        for (auto it = records.begin(); it != records.end();) it = it->second.last <= median ? records.erase(it) : std::next(it);
    }
    Record& r = records[key];
    ++r.failures;
    r.last = now;
}

UnixSeconds SignInThrottle::admit(const std::string& account, const std::string& address, UnixSeconds now) {
    std::lock_guard<std::mutex> lock(mutex_);
    UnixSeconds w = wait(accounts_, account, rules_.free_account_failures, rules_.max_account_wait, now);
    if (!address.empty())
        w = std::max(w, wait(addresses_, address, rules_.free_address_failures, rules_.max_address_wait, now));
    if (w > 0) return w;
    count(accounts_, account, now);
    if (!address.empty()) count(addresses_, address, now);
    return 0;
}

void SignInThrottle::succeeded(const std::string& account, const std::string& address) {
    std::lock_guard<std::mutex> lock(mutex_);
    accounts_.erase(account);
    if (auto it = addresses_.find(address); it != addresses_.end() && --it->second.failures <= 0) addresses_.erase(it);
}

void SignInThrottle::failed(const std::string& account, const std::string& address, UnixSeconds now) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (auto it = accounts_.find(account); it != accounts_.end()) it->second.last = std::max(it->second.last, now);
    if (auto it = addresses_.find(address); it != addresses_.end()) it->second.last = std::max(it->second.last, now);
}

}  // namespace skolnav
