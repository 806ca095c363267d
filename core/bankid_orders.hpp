// The BankID sign-ins in progress: each order the relying-party service gave us, which
// browser started it, and what the last collect said. The server's timer calls poll()
// (BankID asks RPs to collect every two seconds, from the server, never the browser);
// the browser reads the latest state and the QR code of the current second through the
// API (bankid_sign_in.cpp).
//
// Rules kept here:
//  - an order belongs to the browser that started it (the digest of a random cookie):
//    any other browser is told it does not exist;
//  - one order per browser: starting another cancels the first;
//  - an order nobody has asked about for `abandoned_after` (the tab was closed) is
//    cancelled at BankID and dropped; so is one older than `lifetime`, whatever BankID
//    says; a finished one is kept `finished_kept` for its browser to read, then dropped;
//  - at most `max_orders` at once, `max_per_address` from one client address.
// Orders live in memory only: after a restart a browser starts again.
#pragma once
#include <cstddef>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "bankid.hpp"
#include "date_time.hpp"

namespace skolnav {

class BankIdOrders {
public:
    struct Limits {
        UnixSeconds collect_every = 2;
        UnixSeconds abandoned_after = 30;
        UnixSeconds lifetime = 6 * 60;
        UnixSeconds finished_kept = 60;
        std::size_t max_orders = 2000;
        std::size_t max_per_address = 10;
        int collect_failures_allowed = 5;  // in a row, then the order fails (RFA5)
    };

    BankIdOrders(BankIdRelyingParty& rp, BankIdQr& qr, Limits limits);
    BankIdOrders(BankIdRelyingParty& rp, BankIdQr& qr) : BankIdOrders(rp, qr, Limits{}) {}

    struct Started {
        std::string id;  // the order's public handle (not BankID's orderRef)
        std::string auto_start_token;
    };
    // Asks BankID for an order for `end_user_ip`. Throws BankIdError when the service
    // refuses, and ApiError(429) when too many orders are open.
    // `qr`: the user is shown the QR code (another device), not the app on this one.
    Started start(const std::string& id, const std::string& binding_digest, const std::string& end_user_ip, bool qr,
                  UnixSeconds now);

    struct View {
        std::string status;  // "pending", "failed", "complete"
        std::string hint_code;
        std::string error_code;  // set when our side gave up (collect kept failing)
        bool qr_shown = false;        // started for another device
        std::optional<QrModules> qr;  // pending, another device: the code for `now`
        std::string order_ref, personal_number, device_ip;  // complete
        UnixSeconds started_at = 0;
    };
    // The order as its browser sees it now; nullopt when there is no such order for
    // this browser. Asking keeps the order from being abandoned. A complete order is
    // handed out once and forgotten.
    std::optional<View> view(const std::string& id, const std::string& binding_digest, UnixSeconds now);
    // Cancels the order at BankID and forgets it; false when this browser has no such order.
    bool cancel(const std::string& id, const std::string& binding_digest);

    // Collects every pending order that is due; cancels and drops the stale ones.
    void poll(UnixSeconds now);
    std::size_t size() const;

private:
    struct Order {
        std::string binding_digest, address;
        BankIdAuth auth;
        UnixSeconds started_at = 0, last_viewed = 0, last_collect = 0, finished_at = 0;
        BankIdCollect last;
        std::string error_code;
        int collect_failures = 0;
        bool collecting = false;
        bool qr = true;
    };
    // Under the lock: drops what is stale, adding the orderRefs to cancel at BankID.
    void drop_stale(UnixSeconds now, std::vector<std::string>& to_cancel);

    BankIdRelyingParty& rp_;
    BankIdQr& qr_;
    Limits limits_;
    mutable std::mutex mutex_;
    std::map<std::string, Order> orders_;
};

}  // namespace skolnav
