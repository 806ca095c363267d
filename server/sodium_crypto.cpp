#include "server/sodium_crypto.hpp"

#include <sodium.h>

#include <stdexcept>
#include <string>

namespace skolnav {

SodiumCrypto::SodiumCrypto() {
    // sodium_init() is thread-safe and idempotent: 0 first time, 1 afterwards.
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
}

std::string SodiumCrypto::hash_password(std::string_view password) {
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, password.data(), password.size(),
                          crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
        throw std::runtime_error("password hashing ran out of memory");
    }
    return std::string(out);
}

bool SodiumCrypto::verify_password(std::string_view hash, std::string_view password) {
    if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return false;
    std::string terminated(hash);  // libsodium wants a NUL-terminated string
    return crypto_pwhash_str_verify(terminated.c_str(), password.data(), password.size()) == 0;
}

std::string SodiumCrypto::random_token() {
    unsigned char bytes[32];
    randombytes_buf(bytes, sizeof bytes);
    constexpr int variant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
    char text[sodium_base64_ENCODED_LEN(sizeof bytes, variant)];
    sodium_bin2base64(text, sizeof text, bytes, sizeof bytes, variant);
    return std::string(text);
}

std::string SodiumCrypto::digest(std::string_view data) {
    unsigned char hash[crypto_generichash_BYTES];  // 32 bytes: BLAKE2b-256
    crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(data.data()),
                       data.size(), nullptr, 0);
    char hex[sizeof hash * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
    return std::string(hex);
}

}  // namespace skolnav
