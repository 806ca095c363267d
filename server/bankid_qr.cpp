#include "server/bankid_qr.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <qrcodegen/qrcodegen.hpp>

namespace skolnav {

std::string BankIdQrCodes::data(const std::string& token, const std::string& secret, long seconds) {
    const std::string time = std::to_string(seconds);
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int mac_size = 0;
    HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()), reinterpret_cast<const unsigned char*>(time.data()),
         time.size(), mac, &mac_size);
    static const char* hex = "0123456789abcdef";
    std::string auth_code;
    for (unsigned int i = 0; i < mac_size; ++i) {
        auth_code += hex[mac[i] >> 4];
        auth_code += hex[mac[i] & 15];
    }
    return "bankid." + token + "." + time + "." + auth_code;
}

QrModules BankIdQrCodes::encode(const std::string& data) {
    // Error correction L: the smallest code (version 6 for BankID's ~110 characters),
    // read from a screen, not a worn sticker.
    const qrcodegen::QrCode qr = qrcodegen::QrCode::encodeText(data.c_str(), qrcodegen::QrCode::Ecc::LOW);
    static const char* hex = "0123456789abcdef";
    QrModules m;
    m.size = qr.getSize();
    for (int y = 0; y < m.size; ++y)
        for (int x = 0; x < m.size; x += 4) {
            int nibble = 0;
            for (int b = 0; b < 4; ++b) nibble = (nibble << 1) | (x + b < m.size && qr.getModule(x + b, y) ? 1 : 0);
            m.rows += hex[nibble];
        }
    return m;
}

}  // namespace skolnav
