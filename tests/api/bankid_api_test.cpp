// BankID sign-in over the real protocol: the real server as a relying party, talking RP
// API v6.0 over mutual TLS to the stand-in (tools/bankid_standin), whose "app" page is
// driven here as a person would. The QR code the server sends is drawn to an image and
// read back with zbarimg, and the stand-in checks its HMAC.
#include <catch2/catch.hpp>

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <regex>
#include <thread>
#include <tuple>
#include <vector>

#include "api_client.hpp"
#include "raw_http.hpp"
#include "server_process.hpp"

using namespace skolnav::test;

namespace {

const std::filesystem::path kCerts = SKOLNAV_BANKID_CERTS;

// The stand-in on free ports, its two addresses read from what it prints.
class Standin {
public:
    explicit Standin(std::vector<std::string> extra = {}) {
        log_ = dir_ / "standin.log";
        std::vector<std::string> args = {SKOLNAV_STANDIN_EXE,
                                         "--cert", (kCerts / "standin.pem").string(),
                                         "--key", (kCerts / "standin.key").string(),
                                         "--client-ca", (kCerts / "ca.pem").string()};
        args.insert(args.end(), extra.begin(), extra.end());
        pid_ = spawn_logged(args, log_);
        static const std::regex rp(R"(RP API: https://127\.0\.0\.1:([0-9]+)/)"), app(R"(app: http://127\.0\.0\.1:([0-9]+)/)");
        for (int i = 0; i < 500 && (!rp_port || !app_port); ++i) {
            std::ifstream in(log_);
            std::string text((std::istreambuf_iterator<char>(in)), {});
            std::smatch m;
            if (std::regex_search(text, m, rp)) rp_port = std::stoi(m[1]);
            if (std::regex_search(text, m, app)) app_port = std::stoi(m[1]);
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        REQUIRE(rp_port > 0);
        REQUIRE(app_port > 0);
    }
    ~Standin() {
        ::kill(pid_, SIGTERM);
        int status = 0;
        ::waitpid(pid_, &status, 0);
    }
    std::string url() const { return "https://127.0.0.1:" + std::to_string(rp_port) + "/rp/v6.0"; }
    // The server's flags for this stand-in, with the RP client certificate.
    std::vector<std::string> server_flags(const std::string& cert = "rp") const {
        return {"--bankid-url", url(), "--bankid-ca", (kCerts / "ca.pem").string(),
                "--bankid-cert", (kCerts / (cert + ".pem")).string(), "--bankid-key", (kCerts / (cert + ".key")).string()};
    }
    // The "app": a form post, as its page sends it.
    Reply app(const std::string& path, const std::string& form) {
        ApiClient c("127.0.0.1", app_port);
        return c.post_raw(path, form, "application/x-www-form-urlencoded");
    }
    int rp_port = 0, app_port = 0;

private:
    TempDir dir_;
    std::filesystem::path log_;
    pid_t pid_ = -1;
};

std::string form_encode(const std::string& s) {
    std::string out;
    char buf[4];
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '.' || c == '-' || c == '_') out += static_cast<char>(c);
        else {
            std::snprintf(buf, sizeof buf, "%%%02X", c);
            out += buf;
        }
    }
    return out;
}

// A browser: its BankID binding cookie and, once signed in, its session.
struct Browser {
    explicit Browser(int port) : client("127.0.0.1", port) {}
    ApiClient client;
    std::string binding;
    std::map<std::string, std::string> cookie() const {
        if (binding.empty()) return {};
        return {{"Cookie", "skolnav_bankid=" + binding}};
    }
    void keep_cookies(const Reply& r) {
        for (auto [it, end] = r.headers.equal_range("set-cookie"); it != end; ++it) {
            if (it->second.rfind("skolnav_bankid=", 0) == 0)
                binding = it->second.substr(15, it->second.find(';') - 15);
            if (it->second.rfind("skolnav_session=", 0) == 0) client.set_session_token(cookie_token(it->second));
        }
    }
    Reply send(const std::string& method, const std::string& path, const std::string& body = "") {
        Reply r = client.send(method, path, body, body.empty() ? "" : "application/json", cookie());
        keep_cookies(r);
        return r;
    }
    json start(bool qr = true) {
        Reply r = send("POST", "/api/v1/bankid/orders", qr ? "{}" : "{\"qr\": false}");
        REQUIRE(r.status == 201);
        return r.json_body();
    }
    json status(const std::string& order) { return send("GET", "/api/v1/bankid/orders/" + order).json_body(); }
    // Asks until the order leaves `from` (status or hintCode), as the page does once a second.
    json wait_change(const std::string& order, const std::string& from_hint, int seconds = 8) {
        json s;
        for (int i = 0; i < seconds * 5; ++i) {
            s = status(order);
            if (s.is_null() || s["status"] != "pending" || s["hint_code"] != from_hint) return s;
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
        }
        return s;
    }
};

// Draws the server's QR modules to a PGM image (4 modules of quiet zone, 4 px a module)
// and reads it with zbarimg, as a phone's camera would read the screen.
std::string decode_qr(const json& qr, const TempDir& dir) {
    const int size = qr["size"], scale = 4, border = 4, px = (size + 2 * border) * scale;
    const std::string rows = qr["rows"];
    const int digits = (size + 3) / 4;
    REQUIRE(rows.size() == static_cast<std::size_t>(digits * size));
    std::string image = "P5\n" + std::to_string(px) + " " + std::to_string(px) + "\n255\n";
    for (int y = 0; y < px; ++y)
        for (int x = 0; x < px; ++x) {
            const int mx = x / scale - border, my = y / scale - border;
            bool dark = false;
            if (mx >= 0 && my >= 0 && mx < size && my < size) {
                const char h = rows[my * digits + mx / 4];
                const int nibble = h <= '9' ? h - '0' : h - 'a' + 10;
                dark = (nibble >> (3 - mx % 4)) & 1;
            }
            image += static_cast<char>(dark ? 0 : 255);
        }
    const auto file = dir / "qr.pgm";
    std::ofstream(file, std::ios::binary) << image;
    std::string out;
    if (FILE* p = ::popen(("zbarimg --quiet --raw " + file.string() + " 2>/dev/null").c_str(), "r")) {
        char buf[512];
        while (std::fgets(buf, sizeof buf, p)) out += buf;
        ::pclose(p);
    }
    while (!out.empty() && out.back() == '\n') out.pop_back();
    return out;
}

// The orderRef the stand-in's app page carries in its form.
std::string order_ref_in(const std::string& page) {
    std::smatch m;
    static const std::regex field(R"re(name="order" value="([^"]+)")re");
    return std::regex_search(page, m, field) ? m[1].str() : "";
}

std::string personal_number_of(const std::string& server_log, const std::string& username) {
    std::smatch m;
    const std::regex line("  ([0-9]{12})  " + std::regex_replace(username, std::regex(R"(\.)"), R"(\.)") + "\n");
    REQUIRE(std::regex_search(server_log, m, line));
    return m[1];
}

// One TLS request to the stand-in's RP API with (or without) a client certificate:
// the HTTP status, or -1 when the handshake or the reply failed.
int rp_post(int port, const std::string& cert, const std::string& path, const std::string& body) {
    ::signal(SIGPIPE, SIG_IGN);  // a refused handshake closes the socket under our write
    SSL_CTX* ctx = SSL_CTX_new(TLS_client_method());
    SSL_CTX_load_verify_locations(ctx, (kCerts / "ca.pem").c_str(), nullptr);
    SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, nullptr);
    if (!cert.empty()) {
        SSL_CTX_use_certificate_file(ctx, (kCerts / (cert + ".pem")).c_str(), SSL_FILETYPE_PEM);
        SSL_CTX_use_PrivateKey_file(ctx, (kCerts / (cert + ".key")).c_str(), SSL_FILETYPE_PEM);
    }
    const int fd = connect_loopback(port);
    SSL* ssl = SSL_new(ctx);
    SSL_set_fd(ssl, fd);
    int status = -1;
    if (fd >= 0 && SSL_connect(ssl) == 1) {
        const std::string request = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                                    "Content-Length: " + std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
        std::size_t put = 0;
        std::string reply;
        if (SSL_write_ex(ssl, request.data(), request.size(), &put) == 1) {
            char buf[4096];
            std::size_t n = 0;
            while (SSL_read_ex(ssl, buf, sizeof buf, &n) == 1) reply.append(buf, n);
        }
        if (reply.rfind("HTTP/1.1 ", 0) == 0) status = std::stoi(reply.substr(9, 3));
    }
    ERR_clear_error();
    SSL_free(ssl);
    SSL_CTX_free(ctx);
    if (fd >= 0) ::close(fd);
    return status;
}

}  // namespace

TEST_CASE("BankID: the stand-in speaks only mutual TLS, with a client certificate from its CA", "[bankid]") {
    Standin standin;
    const std::string auth = "/rp/v6.0/auth", body = R"({"endUserIp":"192.0.2.1"})";
    CHECK(rp_post(standin.rp_port, "", auth, body) == -1);          // no client certificate
    CHECK(rp_post(standin.rp_port, "stranger", auth, body) == -1);  // one from another CA
    CHECK(rp_post(standin.rp_port, "rp", auth, body) == 200);
    CHECK(rp_post(standin.rp_port, "rp", auth, "{}") == 400);       // invalidParameters

    // A server holding the wrong client certificate is refused too: BankID's RFA5.
    TempDir data;
    ServerProcess server(data.path(), standin.server_flags("stranger"));
    REQUIRE(server.started());
    Browser b(server.port());
    Reply r = b.send("POST", "/api/v1/bankid/orders", "{}");
    CHECK(r.status == 502);
    CHECK(r.json_body()["error"]["message"] == "Internt tekniskt fel. Försök igen.");
}

TEST_CASE("BankID: the RP certificate may be a PKCS#12 file; a wrong password stops the start", "[bankid]") {
    Standin standin;
    TempDir data;
    {
        ServerProcess server(data.path(), {"--bankid-url", standin.url(), "--bankid-ca", (kCerts / "ca.pem").string(),
                                           "--bankid-p12", (kCerts / "rp.p12").string(), "--bankid-p12-password", "qwerty"});
        REQUIRE(server.started());
        Browser b(server.port());
        CHECK(b.send("POST", "/api/v1/bankid/orders", "{}").status == 201);
    }
    TempDir other;
    ServerProcess refused(other.path(), {"--bankid-url", standin.url(), "--bankid-ca", (kCerts / "ca.pem").string(),
                                         "--bankid-p12", (kCerts / "rp.p12").string(), "--bankid-p12-password", "fel"});
    CHECK_FALSE(refused.started());
    CHECK(refused.exit_status() == 1);
    CHECK(refused.log().find("wrong password") != std::string::npos);
}

TEST_CASE("BankID: QR sign-in end to end, its hintCodes mapped, the signature never logged", "[bankid]") {
    Standin standin;
    TempDir data;
    ServerProcess server(data.path(), standin.server_flags());
    REQUIRE(server.started());
    const std::string elsa_number = personal_number_of(server.log(), "demo.elev");

    Browser b(server.port());
    json started = b.start();
    const std::string order = started["order"];
    CHECK(started["message_key"] == "RFA1");
    json s = b.status(order);
    REQUIRE(s["status"] == "pending");
    REQUIRE(s.contains("qr"));
    const std::string code = decode_qr(s["qr"], data);
    INFO(code);
    REQUIRE(std::regex_match(code, std::regex(R"(bankid\.[0-9a-f-]{36}\.[0-9]+\.[0-9a-f]{64})")));
    CHECK(code.find(started["auto_start_token"].get<std::string>()) == std::string::npos);

    // The app reads the code: the stand-in checks its HMAC, and the user is asked to sign.
    Reply scanned = standin.app("/app/scan", "code=" + form_encode(code));
    REQUIRE(scanned.status == 200);
    const std::string ref = order_ref_in(scanned.body);
    REQUIRE(!ref.empty());
    s = b.wait_change(order, "outstandingTransaction");
    CHECK(s["hint_code"] == "userSign");
    CHECK(s["message_key"] == "RFA9");

    CHECK(standin.app("/app/decide", "order=" + ref + "&decision=approve&personalNumber=" + elsa_number).status == 200);
    s = b.wait_change(order, "userSign");
    REQUIRE(s["status"] == "complete");
    CHECK(s["person"]["first_name"] == "Elsa");
    Reply me = b.send("GET", "/api/v1/me");
    CHECK(me.status == 200);
    CHECK(me.json_body()["person"]["first_name"] == "Elsa");

    // The audit trail has BankID's order reference, the device's address and the time;
    // the completion's signature and OCSP response are nowhere: log, journal, audit.
    std::ifstream audit_file(data / "audit.log");
    const std::string audit((std::istreambuf_iterator<char>(audit_file)), {});
    CHECK(audit.find("\"order_ref\":\"" + ref + "\"") != std::string::npos);
    CHECK(audit.find("\"device_ip\":\"127.0.0.1\"") != std::string::npos);
    CHECK(audit.find("\"at\":\"2026-11-30T09:") != std::string::npos);
    CHECK(audit.find("\"outcome\":\"signed_in\"") != std::string::npos);
    std::ifstream journal(data / "journal.log");
    const std::string written((std::istreambuf_iterator<char>(journal)), {});
    for (const std::string& text : {server.log(), written, audit}) {
        CHECK(text.find("standin-signature") == std::string::npos);
        CHECK(text.find("PHN0YW5kaW4tc2lnbmF0dXJl") == std::string::npos);  // its base64
        CHECK(text.find("c3RhbmRpbi1vY3Nw") == std::string::npos);
    }
}

TEST_CASE("BankID: a wrong QR code fails the order; decline, blocked, expiry and the same-device start", "[bankid]") {
    Standin standin;
    TempDir data;
    ServerProcess server(data.path(), standin.server_flags());
    REQUIRE(server.started());
    Browser b(server.port());

    SECTION("a QR text with a wrong HMAC: startFailed, RFA17") {
        const std::string order = b.start()["order"];
        std::string code = decode_qr(b.status(order)["qr"], data);
        REQUIRE(!code.empty());
        code.back() = code.back() == '0' ? '1' : '0';
        CHECK(standin.app("/app/scan", "code=" + form_encode(code)).status == 400);
        json s = b.wait_change(order, "outstandingTransaction");
        CHECK(s["status"] == "failed");
        CHECK(s["hint_code"] == "startFailed");
        CHECK(s["message_key"] == "RFA17");
    }
    const std::vector<std::tuple<std::string, std::string, std::string>> endings = {
        {"decline", "userCancel", "RFA6"}, {"blocked", "certificateErr", "RFA16"}, {"expire", "expiredTransaction", "RFA8"}};
    for (const auto& [decision, hint, key] : endings) {
        DYNAMIC_SECTION("the same-device start, then " << decision) {
            json started = b.start(false);
            const std::string order = started["order"];
            CHECK(started["message_key"] == "RFA13");
            CHECK(b.status(order).count("qr") == 0);
            // The app opened with the autostart token: started, RFA15.
            Reply scanned = standin.app("/app/scan", "code=" + form_encode(started["auto_start_token"]));
            REQUIRE(scanned.status == 200);
            json s = b.wait_change(order, "outstandingTransaction");
            CHECK(s["hint_code"] == "started");
            CHECK(s["message_key"] == "RFA15");
            const std::string ref = order_ref_in(scanned.body);
            REQUIRE(!ref.empty());
            standin.app("/app/decide", "order=" + ref + "&decision=" + decision);
            s = b.wait_change(order, "started");
            CHECK(s["status"] == "failed");
            CHECK(s["hint_code"] == hint);
            CHECK(s["message_key"] == key);
            CHECK(b.send("GET", "/api/v1/me").status == 401);
        }
    }
}

TEST_CASE("BankID: cancel ends the order at BankID; an unknown personnummer gets no session", "[bankid]") {
    Standin standin;
    TempDir data;
    ServerProcess server(data.path(), standin.server_flags());
    REQUIRE(server.started());
    Browser b(server.port());

    json started = b.start(false);
    const std::string order = started["order"];
    CHECK(b.send("DELETE", "/api/v1/bankid/orders/" + order).status == 204);
    CHECK(b.send("GET", "/api/v1/bankid/orders/" + order).status == 404);
    // BankID no longer knows it: the app cannot pick it up.
    CHECK(standin.app("/app/scan", "code=" + form_encode(started["auto_start_token"])).status == 404);

    started = b.start(false);
    Reply scanned = standin.app("/app/scan", "code=" + form_encode(started["auto_start_token"]));
    const std::string ref = order_ref_in(scanned.body);
    REQUIRE(!ref.empty());
    standin.app("/app/decide", "order=" + ref + "&decision=approve&personalNumber=195005059893");
    json s = b.wait_change(started["order"], "outstandingTransaction");
    for (int i = 0; i < 20 && s["status"] == "pending"; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        s = b.status(started["order"]);
    }
    CHECK(s["status"] == "failed");
    CHECK(s["message_key"] == "unknown_person");
    CHECK(b.send("GET", "/api/v1/me").status == 401);
}

TEST_CASE("BankID: two browsers signing in at once each get their own person", "[bankid]") {
    Standin standin;
    TempDir data;
    ServerProcess server(data.path(), standin.server_flags());
    REQUIRE(server.started());
    const std::string log = server.log();
    Browser anna(server.port()), elsa(server.port());
    json a = anna.start(false), e = elsa.start(false);
    CHECK(anna.binding != elsa.binding);
    // Neither browser can read or cancel the other's order.
    CHECK(elsa.send("GET", "/api/v1/bankid/orders/" + a["order"].get<std::string>()).status == 404);
    CHECK(elsa.send("DELETE", "/api/v1/bankid/orders/" + a["order"].get<std::string>()).status == 404);

    auto approve = [&](const json& started, const std::string& username) {
        Reply scanned = standin.app("/app/scan", "code=" + form_encode(started["auto_start_token"]));
        const std::string ref = order_ref_in(scanned.body);
        REQUIRE(!ref.empty());
        standin.app("/app/decide", "order=" + ref + "&decision=approve&personalNumber=" + personal_number_of(log, username));
    };
    approve(e, "demo.elev");
    approve(a, "demo.vh");
    json sa = anna.wait_change(a["order"], "outstandingTransaction");
    json se = elsa.wait_change(e["order"], "outstandingTransaction");
    for (int i = 0; i < 20 && (sa["status"] == "pending" || se["status"] == "pending"); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        if (sa["status"] == "pending") sa = anna.status(a["order"]);
        if (se["status"] == "pending") se = elsa.status(e["order"]);
    }
    CHECK(sa["person"]["first_name"] == "Anna");
    CHECK(se["person"]["first_name"] == "Elsa");
    CHECK(anna.send("GET", "/api/v1/me").json_body()["person"]["first_name"] == "Anna");
    CHECK(elsa.send("GET", "/api/v1/me").json_body()["person"]["first_name"] == "Elsa");
}
