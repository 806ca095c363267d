// The server's TLS settings (OpenSSL 3): a certificate chain and its key, TLS 1.2 or
// newer. The connection gate speaks TLS on every connection through it; a file that
// cannot be read or a key that does not match the certificate stops the start-up.
#pragma once
#include <filesystem>

typedef struct ssl_ctx_st SSL_CTX;

namespace skolnav {

class TlsContext {
public:
    // Throws std::runtime_error naming the file at fault.
    TlsContext(const std::filesystem::path& certificate_chain, const std::filesystem::path& private_key);
    ~TlsContext();
    TlsContext(const TlsContext&) = delete;
    TlsContext& operator=(const TlsContext&) = delete;

    SSL_CTX* native() const { return ctx_; }

private:
    SSL_CTX* ctx_ = nullptr;
};

}  // namespace skolnav
