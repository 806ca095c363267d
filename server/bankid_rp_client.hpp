// The BankID relying-party service over mutual TLS (RP API v6.0): the client
// certificate BankID issued to the school (PEM certificate and key, or a PKCS#12 file
// and its password) and BankID's CA, which the service's certificate must chain to.
// One connection per call, so calls from the request workers and the collect timer
// never wait for each other.
#pragma once
#include <memory>
#include <string>

#include "core/bankid.hpp"

namespace skolnav {

struct BankIdRpConfig {
    std::string url;  // "https://appapi2.bankid.com/rp/v6.0" (production), the test service, or the stand-in
    std::string cert_file, key_file;  // PEM
    std::string p12_file, p12_password;  // instead of cert_file + key_file
    std::string ca_file;  // PEM: BankID's CA for the service's certificate
    int timeout_seconds = 10;
};

class BankIdRpClient : public BankIdRelyingParty {
public:
    // Reads the certificate, key and CA now: a problem stops the server's start with
    // a message (std::runtime_error) rather than failing the first sign-in.
    explicit BankIdRpClient(BankIdRpConfig config);
    ~BankIdRpClient() override;

    BankIdAuth auth(const std::string& end_user_ip) override;
    BankIdCollect collect(const std::string& order_ref) override;
    void cancel(const std::string& order_ref) override;

    const std::string& host() const { return host_; }

private:
    // POSTs `body` to base path + `method`; the JSON answer, or throws BankIdError.
    std::string call(const std::string& method, const std::string& body);

    BankIdRpConfig config_;
    std::string host_, base_path_;
    int port_ = 443;
    struct Identity;
    std::unique_ptr<Identity> identity_;
};

}  // namespace skolnav
