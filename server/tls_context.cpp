#include "server/tls_context.hpp"

#include <openssl/err.h>
#include <openssl/ssl.h>

#include <stdexcept>
#include <string>

namespace skolnav {

namespace {
std::string openssl_error() {
    unsigned long e = ERR_get_error();
    char text[256] = "unknown error";
    if (e != 0) ERR_error_string_n(e, text, sizeof text);
    ERR_clear_error();
    return text;
}
}  // namespace

TlsContext::TlsContext(const std::filesystem::path& certificate_chain, const std::filesystem::path& private_key) {
    ctx_ = SSL_CTX_new(TLS_server_method());
    if (!ctx_) throw std::runtime_error("TLS: " + openssl_error());
    SSL_CTX_set_min_proto_version(ctx_, TLS1_2_VERSION);
    // The gate writes from buffers that may move between attempts, a part at a time.
    SSL_CTX_set_mode(ctx_, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
    SSL_CTX_set_options(ctx_, SSL_OP_NO_RENEGOTIATION | SSL_OP_CIPHER_SERVER_PREFERENCE);
    auto fail = [&](const std::string& what) {
        const std::string reason = openssl_error();
        SSL_CTX_free(ctx_);
        ctx_ = nullptr;
        throw std::runtime_error(what + ": " + reason);
    };
    if (SSL_CTX_use_certificate_chain_file(ctx_, certificate_chain.c_str()) != 1)
        fail("--tls-cert " + certificate_chain.string());
    if (SSL_CTX_use_PrivateKey_file(ctx_, private_key.c_str(), SSL_FILETYPE_PEM) != 1)
        fail("--tls-key " + private_key.string());
    if (SSL_CTX_check_private_key(ctx_) != 1) fail("--tls-key does not match --tls-cert");
}

TlsContext::~TlsContext() {
    if (ctx_) SSL_CTX_free(ctx_);
}

}  // namespace skolnav
