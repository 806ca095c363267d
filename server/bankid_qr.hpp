// The animated BankID QR code, made on the server: the HMAC with OpenSSL, the module
// matrix with Nayuki's encoder (Debian's libqrcodegencpp). The browser gets only the
// modules to draw: no QR encoder in the WebAssembly, and qrStartSecret never leaves here.
#pragma once
#include "core/bankid.hpp"

namespace skolnav {

class BankIdQrCodes : public BankIdQr {
public:
    std::string data(const std::string& qr_start_token, const std::string& qr_start_secret, long seconds) override;
    QrModules encode(const std::string& data) override;
};

}  // namespace skolnav
