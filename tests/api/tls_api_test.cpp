// The server on TLS itself (--tls-cert/--tls-key): a certificate made at test time with
// the openssl command, a client that verifies it (OpenSSL), sign-in with a Secure
// cookie, a kept-alive connection, the event stream, and old TLS versions refused.
#include <catch2/catch.hpp>

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>
#include <unistd.h>

#include <cstdlib>
#include <memory>

#include "raw_http.hpp"
#include "test_support.hpp"

using namespace skolnav::test;

namespace {

// A self-signed certificate for 127.0.0.1, valid for a day.
bool make_certificate(const TempDir& dir) {
    const std::string command = "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 1 "
                                "-subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 -keyout '" +
                                (dir / "key.pem").string() + "' -out '" + (dir / "cert.pem").string() +
                                "' >/dev/null 2>&1";
    return std::system(command.c_str()) == 0;
}

// One TLS connection, verifying the server against `ca`.
class TlsClient {
public:
    TlsClient(int port, const std::string& ca, int max_version = 0) {
        ctx_ = SSL_CTX_new(TLS_client_method());
        SSL_CTX_load_verify_locations(ctx_, ca.c_str(), nullptr);
        SSL_CTX_set_verify(ctx_, SSL_VERIFY_PEER, nullptr);
        if (max_version) {
            SSL_CTX_set_security_level(ctx_, 0);  // let this client offer what is old
            SSL_CTX_set_min_proto_version(ctx_, TLS1_VERSION);
            SSL_CTX_set_max_proto_version(ctx_, max_version);
        }
        fd_ = connect_loopback(port);
        ssl_ = SSL_new(ctx_);
        SSL_set_fd(ssl_, fd_);
        X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl_), "127.0.0.1");
        connected_ = fd_ >= 0 && SSL_connect(ssl_) == 1;
        ERR_clear_error();
    }
    ~TlsClient() {
        SSL_free(ssl_);
        if (fd_ >= 0) ::close(fd_);
        SSL_CTX_free(ctx_);
    }
    bool connected() const { return connected_; }
    std::string version() const { return SSL_get_version(ssl_); }
    bool send(const std::string& bytes) {
        std::size_t put = 0;
        return SSL_write_ex(ssl_, bytes.data(), bytes.size(), &put) == 1 && put == bytes.size();
    }
    // Reads until `until` appears in what came (or the peer closes); returns all of it.
    std::string read_until(const std::string& until) {
        char buf[4096];
        while (got_.find(until) == std::string::npos) {
            std::size_t n = 0;
            if (SSL_read_ex(ssl_, buf, sizeof buf, &n) != 1) break;
            got_.append(buf, n);
        }
        return got_;
    }
    void forget() { got_.clear(); }

private:
    SSL_CTX* ctx_ = nullptr;
    SSL* ssl_ = nullptr;
    int fd_ = -1;
    bool connected_ = false;
    std::string got_;
};

}  // namespace

TEST_CASE("TLS: the server speaks HTTPS itself; Secure cookie, keep-alive, event stream; TLS 1.1 refused", "[tls]") {
    TempDir certs;
    REQUIRE(make_certificate(certs));
    TempDir data;
    ServerProcess server(data.path(), {"--tls-cert", (certs / "cert.pem").string(), "--tls-key", (certs / "key.pem").string()});
    REQUIRE(server.started());
    CHECK(server.log().find("Listening on https://") != std::string::npos);
    const std::string ca = (certs / "cert.pem").string();

    TlsClient client(server.port(), ca);
    REQUIRE(client.connected());
    CHECK((client.version() == "TLSv1.3" || client.version() == "TLSv1.2"));
    REQUIRE(client.send(post_json_request("/api/v1/session", R"({"username":"demo.vh","password":"demo"})")));
    const std::string signed_in = client.read_until("\"person\"");
    CHECK(signed_in.rfind("HTTP/1.1 200", 0) == 0);
    const auto cookie_at = signed_in.find("Set-Cookie: skolnav_session=");
    REQUIRE(cookie_at != std::string::npos);
    const std::string cookie_line = signed_in.substr(cookie_at, signed_in.find("\r\n", cookie_at) - cookie_at);
    CHECK(cookie_line.find("; Secure") != std::string::npos);
    const auto token_start = cookie_at + std::string("Set-Cookie: skolnav_session=").size();
    const std::string token = signed_in.substr(token_start, signed_in.find(';', token_start) - token_start);

    // The same connection, kept alive: who am I.
    client.forget();
    REQUIRE(client.send(get_request("/api/v1/me", token)));
    const std::string me = client.read_until("\"pupils\"");
    CHECK(me.rfind("HTTP/1.1 200", 0) == 0);

    // The event stream over TLS (the gate relays the live hub's plain stream).
    TlsClient stream(server.port(), ca);
    REQUIRE(stream.connected());
    REQUIRE(stream.send("GET /api/v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\nCookie: skolnav_session=" +
                        token + "\r\n\r\n"));
    const std::string events = stream.read_until("event: notifications");
    CHECK(events.rfind("HTTP/1.1 200", 0) == 0);
    CHECK(events.find("Content-Type: text/event-stream") != std::string::npos);
    CHECK(events.find("event: notifications") != std::string::npos);

    // TLS 1.1 and plain HTTP get no reply.
    TlsClient old(server.port(), ca, TLS1_1_VERSION);
    CHECK_FALSE(old.connected());
    const int plain = connect_loopback(server.port());
    REQUIRE(plain >= 0);
    send_all(plain, get_request("/api/v1/me"));
    std::string carry;
    CHECK(read_reply(plain, 3000, carry).status == -1);
    ::close(plain);
}

TEST_CASE("TLS: a key that does not match the certificate stops the start with a clear message", "[tls]") {
    TempDir one, two;
    REQUIRE(make_certificate(one));
    REQUIRE(make_certificate(two));
    TempDir data;
    ServerProcess server(data.path(), {"--tls-cert", (one / "cert.pem").string(), "--tls-key", (two / "key.pem").string()});
    CHECK_FALSE(server.started());
    CHECK(server.exit_status() == 1);
    CHECK(server.log().find("skolnav-server: --tls-key") != std::string::npos);
    CHECK(server.log().find("Listening") == std::string::npos);
}
