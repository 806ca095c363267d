// BankID as core sees it: the relying-party service (RP API v6.0: auth, collect,
// cancel) and the animated QR code, both behind small interfaces like platform.hpp's.
// The server implements them over mutual TLS (server/bankid_rp_client.*) and with
// OpenSSL's HMAC and Nayuki's QR encoder (server/bankid_qr.*); tests use fakes. Core
// keeps the orders and their rules (bankid_orders.hpp); it does no I/O here.
#pragma once
#include <stdexcept>
#include <string>

namespace skolnav {

// POST /rp/v6.0/auth's answer.
struct BankIdAuth {
    std::string order_ref, auto_start_token, qr_start_token, qr_start_secret;
};

// POST /rp/v6.0/collect's answer, without the signature and OCSP response (core has no
// use for them, so they never reach a log or the journal).
struct BankIdCollect {
    std::string status;     // "pending", "failed", "complete"
    std::string hint_code;  // pending and failed: "outstandingTransaction", "userCancel", …
    std::string personal_number, device_ip;  // complete
};

// The service refused or could not be reached: BankID's errorCode ("invalidParameters",
// "alreadyInProgress", "internalError", "maintenance", "requestTimeout"…), or
// "unreachable" when no answer came.
class BankIdError : public std::runtime_error {
public:
    explicit BankIdError(std::string code) : std::runtime_error("BankID: " + code), error_code(std::move(code)) {}
    std::string error_code;
};

class BankIdRelyingParty {
public:
    virtual ~BankIdRelyingParty() = default;
    virtual BankIdAuth auth(const std::string& end_user_ip) = 0;  // throws BankIdError
    virtual BankIdCollect collect(const std::string& order_ref) = 0;
    virtual void cancel(const std::string& order_ref) = 0;
};

// One frame of the animated QR code as modules: `size` rows of `size`, each row as
// hex digits (4 modules a digit, the first in the high bit, the row padded to whole
// digits). The browser only draws it; the secret stays on the server.
struct QrModules {
    int size = 0;
    std::string rows;
};

class BankIdQr {
public:
    virtual ~BankIdQr() = default;
    // "bankid." + token + "." + seconds + "." + hex(HMAC-SHA256(secret, seconds)).
    virtual std::string data(const std::string& qr_start_token, const std::string& qr_start_secret, long seconds) = 0;
    virtual QrModules encode(const std::string& data) = 0;
};

}  // namespace skolnav
