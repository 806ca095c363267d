#include "bankid_orders.hpp"

#include <vector>

#include "api_error.hpp"

namespace skolnav {

namespace {
bool pending(const BankIdCollect& c) { return c.status == "pending"; }

void cancel_quietly(BankIdRelyingParty& rp, const std::vector<std::string>& refs) {
    for (const auto& ref : refs) {
        try {
            rp.cancel(ref);
        } catch (const std::exception&) {
            // Gone already, or the service is away: BankID ends the order itself.
        }
    }
}
}  // namespace

BankIdOrders::BankIdOrders(BankIdRelyingParty& rp, BankIdQr& qr, Limits limits) : rp_(rp), qr_(qr), limits_(limits) {}

void BankIdOrders::drop_stale(UnixSeconds now, std::vector<std::string>& to_cancel) {
    for (auto it = orders_.begin(); it != orders_.end();) {
        const Order& o = it->second;
        bool drop = false;
        if (pending(o.last) && o.error_code.empty()) {
            drop = now - o.last_viewed > limits_.abandoned_after || now - o.started_at > limits_.lifetime;
            if (drop) to_cancel.push_back(o.auth.order_ref);
        } else {
            drop = now - o.finished_at > limits_.finished_kept;
        }
        it = drop ? orders_.erase(it) : std::next(it);
    }
}

BankIdOrders::Started BankIdOrders::start(const std::string& id, const std::string& binding_digest,
                                          const std::string& end_user_ip, bool qr, UnixSeconds now) {
    std::vector<std::string> to_cancel;
    {
        std::lock_guard lock(mutex_);
        drop_stale(now, to_cancel);
        // This browser's earlier order ends: one sign-in at a time.
        for (auto it = orders_.begin(); it != orders_.end();) {
            if (it->second.binding_digest != binding_digest) {
                ++it;
                continue;
            }
            if (pending(it->second.last)) to_cancel.push_back(it->second.auth.order_ref);
            it = orders_.erase(it);
        }
        std::size_t from_address = 0;
        for (const auto& [other_id, o] : orders_) from_address += o.address == end_user_ip;
        if (orders_.size() >= limits_.max_orders || from_address >= limits_.max_per_address) {
            cancel_quietly(rp_, to_cancel);
            ApiError busy(429, "bankid_busy",
                          {"Många loggar in med BankID just nu. Försök igen om en liten stund.",
                           "Many are signing in with BankID right now. Try again in a little while."});
            throw busy;
        }
    }
    cancel_quietly(rp_, to_cancel);
    BankIdAuth auth = rp_.auth(end_user_ip);  // slow (a TLS round trip): outside the lock
    Order order;
    order.binding_digest = binding_digest;
    order.address = end_user_ip;
    order.qr = qr;
    order.auth = auth;
    order.started_at = order.last_viewed = now;
    order.last_collect = now - limits_.collect_every;  // collected at the next poll
    order.last = {"pending", "outstandingTransaction", "", ""};
    std::lock_guard lock(mutex_);
    orders_[id] = std::move(order);
    return {id, auth.auto_start_token};
}

std::optional<BankIdOrders::View> BankIdOrders::view(const std::string& id, const std::string& binding_digest,
                                                     UnixSeconds now) {
    View v;
    std::string token, secret;
    {
        std::lock_guard lock(mutex_);
        auto it = orders_.find(id);
        if (it == orders_.end() || it->second.binding_digest != binding_digest) return std::nullopt;
        Order& o = it->second;
        o.last_viewed = now;
        v.status = o.error_code.empty() ? o.last.status : "failed";
        v.hint_code = o.last.hint_code;
        v.error_code = o.error_code;
        v.qr_shown = o.qr;
        v.order_ref = o.auth.order_ref;
        v.started_at = o.started_at;
        if (v.status == "complete") {
            // Handed out once: two requests at the same moment cannot both start a session.
            v.personal_number = o.last.personal_number;
            v.device_ip = o.last.device_ip;
            orders_.erase(it);
            return v;
        }
        if (v.status == "pending" && o.qr) {
            token = o.auth.qr_start_token;
            secret = o.auth.qr_start_secret;
        }
    }
    // Seconds since BankID answered the auth call, as its guidelines count them.
    if (!token.empty()) v.qr = qr_.encode(qr_.data(token, secret, static_cast<long>(now - v.started_at)));
    return v;
}

bool BankIdOrders::cancel(const std::string& id, const std::string& binding_digest) {
    std::vector<std::string> to_cancel;
    {
        std::lock_guard lock(mutex_);
        auto it = orders_.find(id);
        if (it == orders_.end() || it->second.binding_digest != binding_digest) return false;
        if (pending(it->second.last) && it->second.error_code.empty()) to_cancel.push_back(it->second.auth.order_ref);
        orders_.erase(it);
    }
    cancel_quietly(rp_, to_cancel);
    return true;
}

void BankIdOrders::poll(UnixSeconds now) {
    std::vector<std::string> to_cancel;
    std::vector<std::pair<std::string, std::string>> due;  // our id, BankID's orderRef
    {
        std::lock_guard lock(mutex_);
        drop_stale(now, to_cancel);
        for (auto& [id, o] : orders_) {
            if (!pending(o.last) || !o.error_code.empty() || o.collecting) continue;
            if (now - o.last_collect < limits_.collect_every) continue;
            o.collecting = true;
            due.emplace_back(id, o.auth.order_ref);
        }
    }
    cancel_quietly(rp_, to_cancel);
    for (const auto& [id, ref] : due) {
        std::optional<BankIdCollect> answer;
        std::string error;
        try {
            answer = rp_.collect(ref);
        } catch (const BankIdError& e) {
            error = e.error_code;
        }
        std::lock_guard lock(mutex_);
        auto it = orders_.find(id);
        if (it == orders_.end()) continue;  // cancelled meanwhile
        Order& o = it->second;
        o.collecting = false;
        o.last_collect = now;
        if (answer) {
            o.last = *answer;
            o.collect_failures = 0;
        } else if (error == "invalidParameters" || ++o.collect_failures >= limits_.collect_failures_allowed) {
            // BankID no longer knows the order, or keeps failing: this sign-in is over.
            o.error_code = error;
        }
        if (!pending(o.last) || !o.error_code.empty()) o.finished_at = now;
    }
}

std::size_t BankIdOrders::size() const {
    std::lock_guard lock(mutex_);
    return orders_.size();
}

}  // namespace skolnav
