#include "server/bankid_rp_client.hpp"

// The same httplib configuration as http_adapter.cpp: one definition of its inline code.
#define CPPHTTPLIB_USE_POLL
#define CPPHTTPLIB_OPENSSL_SUPPORT
#include <httplib.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>

#include <cstdio>
#include <fstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

namespace skolnav {

using json = nlohmann::json;

namespace {
std::runtime_error config_error(const std::string& what) { return std::runtime_error("BankID: " + what); }

// A string field of BankID's answer, or a BankIdError (the answer is not what v6 says).
std::string field(const json& j, const char* name) {
    if (!j.is_object() || !j.contains(name) || !j[name].is_string()) throw BankIdError("internalError");
    return j[name].get<std::string>();
}
}  // namespace

// The client certificate and key, loaded once; each connection takes a reference.
struct BankIdRpClient::Identity {
    X509* cert = nullptr;
    EVP_PKEY* key = nullptr;
    ~Identity() {
        X509_free(cert);
        EVP_PKEY_free(key);
    }
};

BankIdRpClient::BankIdRpClient(BankIdRpConfig config) : config_(std::move(config)), identity_(std::make_unique<Identity>()) {
    // "https://host[:port]/path"
    const std::string prefix = "https://";
    if (config_.url.rfind(prefix, 0) != 0) throw config_error("--bankid-url must start with https://");
    std::string rest = config_.url.substr(prefix.size());
    const auto slash = rest.find('/');
    std::string authority = rest.substr(0, slash);
    base_path_ = slash == std::string::npos ? "" : rest.substr(slash);
    while (!base_path_.empty() && base_path_.back() == '/') base_path_.pop_back();
    host_ = authority;
    if (auto colon = authority.rfind(':'); colon != std::string::npos && authority.find(']') == std::string::npos) {
        host_ = authority.substr(0, colon);
        try {
            port_ = std::stoi(authority.substr(colon + 1));
        } catch (...) {
            throw config_error("--bankid-url has a bad port");
        }
    }
    if (host_.empty()) throw config_error("--bankid-url names no host");

    if (!config_.p12_file.empty()) {
        FILE* f = std::fopen(config_.p12_file.c_str(), "rb");
        if (!f) throw config_error("cannot read " + config_.p12_file);
        PKCS12* p12 = d2i_PKCS12_fp(f, nullptr);
        std::fclose(f);
        if (!p12) throw config_error(config_.p12_file + " is not a PKCS#12 file");
        const bool ok = PKCS12_parse(p12, config_.p12_password.c_str(), &identity_->key, &identity_->cert, nullptr) == 1;
        PKCS12_free(p12);
        if (!ok) throw config_error("cannot open " + config_.p12_file + " (wrong password?)");
    } else {
        FILE* f = std::fopen(config_.cert_file.c_str(), "r");
        if (!f) throw config_error("cannot read " + config_.cert_file);
        identity_->cert = PEM_read_X509(f, nullptr, nullptr, nullptr);
        std::fclose(f);
        f = std::fopen(config_.key_file.c_str(), "r");
        if (!f) throw config_error("cannot read " + config_.key_file);
        identity_->key = PEM_read_PrivateKey(f, nullptr, nullptr, nullptr);
        std::fclose(f);
        if (!identity_->cert) throw config_error(config_.cert_file + " holds no PEM certificate");
        if (!identity_->key) throw config_error(config_.key_file + " holds no PEM private key");
    }
    if (X509_check_private_key(identity_->cert, identity_->key) != 1)
        throw config_error("the client certificate and key do not match");
    if (!std::ifstream(config_.ca_file)) throw config_error("cannot read --bankid-ca " + config_.ca_file);
}

BankIdRpClient::~BankIdRpClient() = default;

std::string BankIdRpClient::call(const std::string& method, const std::string& body) {
    httplib::SSLClient client(host_, port_, identity_->cert, identity_->key);
    client.set_ca_cert_path(config_.ca_file);
    client.enable_server_certificate_verification(true);
    client.enable_server_hostname_verification(true);
    client.set_connection_timeout(config_.timeout_seconds);
    client.set_read_timeout(config_.timeout_seconds);
    client.set_write_timeout(config_.timeout_seconds);
    auto res = client.Post(base_path_ + "/" + method, body, "application/json");
    if (!res) throw BankIdError("unreachable");
    if (res->status == 200) return res->body;
    // BankID's errors: {"errorCode": "...", "details": "..."}.
    json error = json::parse(res->body, nullptr, false);
    if (error.is_object() && error.contains("errorCode") && error["errorCode"].is_string())
        throw BankIdError(error["errorCode"].get<std::string>().substr(0, 64));
    throw BankIdError(res->status >= 500 ? "internalError" : "invalidParameters");
}

BankIdAuth BankIdRpClient::auth(const std::string& end_user_ip) {
    const json answer = json::parse(call("auth", json{{"endUserIp", end_user_ip}}.dump()), nullptr, false);
    return {field(answer, "orderRef"), field(answer, "autoStartToken"), field(answer, "qrStartToken"),
            field(answer, "qrStartSecret")};
}

BankIdCollect BankIdRpClient::collect(const std::string& order_ref) {
    const json answer = json::parse(call("collect", json{{"orderRef", order_ref}}.dump()), nullptr, false);
    BankIdCollect c;
    c.status = field(answer, "status");
    if (c.status != "pending" && c.status != "failed" && c.status != "complete") throw BankIdError("internalError");
    if (answer.contains("hintCode") && answer["hintCode"].is_string()) c.hint_code = answer["hintCode"].get<std::string>().substr(0, 64);
    if (c.status == "complete") {
        // Only who and from where: the signature and OCSP response are left in the answer.
        const json& data = answer.contains("completionData") ? answer["completionData"] : json();
        if (!data.is_object() || !data.contains("user") || !data.contains("device")) throw BankIdError("internalError");
        c.personal_number = field(data["user"], "personalNumber");
        c.device_ip = field(data["device"], "ipAddress");
    }
    return c;
}

void BankIdRpClient::cancel(const std::string& order_ref) { call("cancel", json{{"orderRef", order_ref}}.dump()); }

}  // namespace skolnav
