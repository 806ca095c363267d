// skolnav::Crypto on libsodium: argon2id password hashes, CSPRNG tokens, BLAKE2b digests.
#pragma once
#include "core/platform.hpp"

namespace skolnav {

class SodiumCrypto : public Crypto {
public:
    SodiumCrypto();  // initialises libsodium (once per process); throws if it cannot
    std::string hash_password(std::string_view password) override;
    bool verify_password(std::string_view hash, std::string_view password) override;
    std::string random_token() override;
    std::string digest(std::string_view data) override;
};

}  // namespace skolnav
