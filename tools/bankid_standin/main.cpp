// bankid-standin: a local stand-in for BankID, for the demo and the tests. It speaks
// the relying-party API v6.0 (/rp/v6.0/auth, /collect, /cancel) with its JSON shapes
// over mutual TLS (a client certificate from its CA is required), and serves a tiny
// "BankID app" page over plain HTTP where a person pastes the QR code's text (or the
// autostart token), picks a personnummer and approves, declines, or lets the order run
// out. The QR text's HMAC is checked with the order's qrStartSecret, as the real app's
// server does, so a wrong QR computation fails (startFailed).
//
// What it does not do: real identities, signatures (the blobs are placeholders), the
// user-visible text or requirements, phone/other flows, or rate limits.
#define CPPHTTPLIB_OPENSSL_SUPPORT
#include <httplib.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>
#include <string>
#include <thread>

#include <nlohmann/json.hpp>

namespace {

using json = nlohmann::json;
using Clock = std::chrono::steady_clock;

struct Options {
    std::string host = "127.0.0.1";
    int rp_port = 0, app_port = 0;
    std::string cert, key, client_ca;
    int order_seconds = 180;  // then expiredTransaction, as BankID's own limit
    int no_client_after = 5;  // outstandingTransaction becomes noClient
};

enum class State { Outstanding, Started, UserSign, Complete, Failed };

struct Order {
    std::string ref, auto_start_token, qr_start_token, qr_start_secret, end_user_ip;
    Clock::time_point created;
    State state = State::Outstanding;
    std::string failed_hint, personal_number;
};

std::mutex orders_mutex;
std::map<std::string, Order> orders;  // by orderRef

std::string uuid() {
    unsigned char b[16];
    RAND_bytes(b, sizeof b);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    char out[40];
    std::snprintf(out, sizeof out, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0], b[1],
                  b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
    return out;
}

std::string hmac_hex(const std::string& key, const std::string& message) {
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(message.data()),
         message.size(), mac, &size);
    std::string hex;
    char two[3];
    for (unsigned int i = 0; i < size; ++i) {
        std::snprintf(two, sizeof two, "%02x", mac[i]);
        hex += two;
    }
    return hex;
}

std::string base64(const std::string& bytes) {
    std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
    const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                  reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<int>(bytes.size()));
    out.resize(n);
    return out;
}

long seconds_since(Clock::time_point t) {
    return static_cast<long>(std::chrono::duration_cast<std::chrono::seconds>(Clock::now() - t).count());
}

void rp_error(httplib::Response& res, int status, const std::string& code, const std::string& details) {
    res.status = status;
    res.set_content(json{{"errorCode", code}, {"details", details}}.dump(), "application/json");
}

// The JSON body of an RP call, or an invalidParameters answer (false).
bool rp_body(const httplib::Request& req, httplib::Response& res, json& body) {
    body = json::parse(req.body, nullptr, false);
    if (!body.is_object()) {
        rp_error(res, 400, "invalidParameters", "Invalid JSON in request body");
        return false;
    }
    return true;
}

// --- The RP API -------------------------------------------------------------------
void rp_routes(httplib::Server& rp, const Options& options) {
    rp.Post("/rp/v6.0/auth", [&options](const httplib::Request& req, httplib::Response& res) {
        json body;
        if (!rp_body(req, res, body)) return;
        if (!body.contains("endUserIp") || !body["endUserIp"].is_string() || body["endUserIp"].get<std::string>().empty() ||
            body["endUserIp"].get<std::string>().size() > 45)
            return rp_error(res, 400, "invalidParameters", "Invalid endUserIp");
        Order o;
        o.ref = uuid();
        o.auto_start_token = uuid();
        o.qr_start_token = uuid();
        o.qr_start_secret = uuid();
        o.end_user_ip = body["endUserIp"].get<std::string>();
        o.created = Clock::now();
        res.set_content(json{{"orderRef", o.ref},
                             {"autoStartToken", o.auto_start_token},
                             {"qrStartToken", o.qr_start_token},
                             {"qrStartSecret", o.qr_start_secret}}
                            .dump(),
                        "application/json");
        std::lock_guard lock(orders_mutex);
        // Like BankID, forget orders a while after they ended: a long demo does not grow.
        std::erase_if(orders, [&options](const auto& entry) {
            return seconds_since(entry.second.created) > options.order_seconds + 300;
        });
        orders[o.ref] = o;
    });

    rp.Post("/rp/v6.0/collect", [&options](const httplib::Request& req, httplib::Response& res) {
        json body;
        if (!rp_body(req, res, body)) return;
        const std::string ref = body.value("orderRef", "");
        std::lock_guard lock(orders_mutex);
        auto it = orders.find(ref);
        if (it == orders.end()) return rp_error(res, 400, "invalidParameters", "No such order");
        Order& o = it->second;
        const bool open = o.state != State::Complete && o.state != State::Failed;
        if (open && seconds_since(o.created) >= options.order_seconds) {
            o.state = State::Failed;
            o.failed_hint = "expiredTransaction";
        }
        json answer = {{"orderRef", o.ref}};
        switch (o.state) {
            case State::Outstanding:
                answer["status"] = "pending";
                answer["hintCode"] = seconds_since(o.created) >= options.no_client_after ? "noClient" : "outstandingTransaction";
                break;
            case State::Started: answer["status"] = "pending"; answer["hintCode"] = "started"; break;
            case State::UserSign: answer["status"] = "pending"; answer["hintCode"] = "userSign"; break;
            case State::Failed: answer["status"] = "failed"; answer["hintCode"] = o.failed_hint; break;
            case State::Complete:
                answer["status"] = "complete";
                answer["completionData"] = {
                    {"user",
                     {{"personalNumber", o.personal_number},
                      {"name", "Test Testsson"},
                      {"givenName", "Test"},
                      {"surname", "Testsson"}}},
                    {"device", {{"ipAddress", o.end_user_ip}, {"uhi", base64("stand-in device " + o.ref)}}},
                    {"bankIdIssueDate", "2024-01-01Z"},
                    {"stepUp", {{"mrtd", false}}},
                    // Placeholders with a recognisable text: tests check no log repeats them.
                    {"signature", base64("<standin-signature order=\"" + o.ref + "\"/>")},
                    {"ocspResponse", base64("standin-ocsp-response " + o.ref)}};
                break;
        }
        res.set_content(answer.dump(), "application/json");
    });

    rp.Post("/rp/v6.0/cancel", [](const httplib::Request& req, httplib::Response& res) {
        json body;
        if (!rp_body(req, res, body)) return;
        std::lock_guard lock(orders_mutex);
        if (!orders.erase(body.value("orderRef", ""))) return rp_error(res, 400, "invalidParameters", "No such order");
        res.set_content("{}", "application/json");
    });
}

// --- The "BankID app" page ---------------------------------------------------------
std::string escape(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '<') out += "&lt;";
        else if (c == '>') out += "&gt;";
        else if (c == '&') out += "&amp;";
        else if (c == '"') out += "&quot;";
        else out += c;
    }
    return out;
}

void page(httplib::Response& res, int status, const std::string& title, const std::string& body) {
    res.status = status;
    res.set_content("<!doctype html><html lang=\"sv\"><head><meta charset=\"utf-8\"><title>" + escape(title) +
                        " – BankID (stand-in)</title><meta name=\"viewport\" content=\"width=device-width\">"
                        "<style>body{font-family:sans-serif;max-width:32em;margin:2em auto;padding:0 1em}"
                        "textarea,input{width:100%;font:inherit;margin:.3em 0 1em}button{font:inherit;margin:.2em}"
                        "</style></head><body><h1 id=\"title\">" +
                        escape(title) + "</h1>" + body + "<p><a href=\"/\">Början</a></p></body></html>",
                    "text/html; charset=utf-8");
}

const char* kStartForm =
    "<p>Stand-in för BankID-appen. Klistra in texten i QR-koden (läs av den med en QR-läsare) eller "
    "startkoden (autostarttoken) från länken “BankID på den här enheten”.</p>"
    "<form method=\"post\" action=\"/app/scan\"><label>QR-kodens text eller startkod"
    "<textarea name=\"code\" id=\"code\" rows=\"4\" required></textarea></label>"
    "<button type=\"submit\" id=\"scan\">Läs av</button></form>";

void app_routes(httplib::Server& app, const Options& options) {
    (void)options;
    app.Get("/", [](const httplib::Request&, httplib::Response& res) { page(res, 200, "BankID", kStartForm); });

    app.Post("/app/scan", [](const httplib::Request& req, httplib::Response& res) {
        std::string code = req.get_param_value("code");
        while (!code.empty() && (code.back() == '\n' || code.back() == '\r' || code.back() == ' ')) code.pop_back();
        std::lock_guard lock(orders_mutex);
        Order* found = nullptr;
        if (code.rfind("bankid.", 0) == 0) {
            // bankid.<qrStartToken>.<seconds>.<hex HMAC-SHA256(qrStartSecret, seconds)>
            const auto a = code.find('.', 7), b = a == std::string::npos ? a : code.find('.', a + 1);
            if (b == std::string::npos) return page(res, 400, "Ogiltig QR-kod", "<p>Texten har inte QR-kodens form.</p>");
            const std::string token = code.substr(7, a - 7), seconds = code.substr(a + 1, b - a - 1),
                              auth_code = code.substr(b + 1);
            for (auto& [ref, o] : orders)
                if (o.qr_start_token == token) found = &o;
            if (!found) return page(res, 404, "Okänd QR-kod", "<p>Ingen order har den här QR-koden.</p>");
            if (found->state == State::Complete || found->state == State::Failed)
                return page(res, 409, "Redan avslutad", "<p>Ordern är redan avslutad.</p>");
            if (seconds.empty() || seconds.size() > 6 || seconds.find_first_not_of("0123456789") != std::string::npos ||
                hmac_hex(found->qr_start_secret, seconds) != auth_code) {
                found->state = State::Failed;
                found->failed_hint = "startFailed";
                return page(res, 400, "Fel QR-kod", "<p>QR-kodens kontrollsumma stämmer inte. Ordern avbröts (startFailed).</p>");
            }
            // The real app takes only a recent frame of the animation.
            const long age = seconds_since(found->created) - std::stol(seconds);
            if (age > 10 || age < -2)
                return page(res, 400, "För gammal QR-kod", "<p>QR-koden är inte från nu. Läs av den igen.</p>");
            found->state = State::UserSign;
        } else {
            for (auto& [ref, o] : orders)
                if (o.auto_start_token == code) found = &o;
            if (!found) return page(res, 404, "Okänd startkod", "<p>Ingen order har den här startkoden.</p>");
            if (found->state == State::Complete || found->state == State::Failed)
                return page(res, 409, "Redan avslutad", "<p>Ordern är redan avslutad.</p>");
            found->state = State::Started;
        }
        page(res, 200, "Legitimera dig",
             "<form method=\"post\" action=\"/app/decide\"><input type=\"hidden\" name=\"order\" value=\"" +
                 escape(found->ref) +
                 "\"><label>Personnummer (12 siffror)<input name=\"personalNumber\" id=\"personalNumber\" "
                 "inputmode=\"numeric\" pattern=\"[0-9]{12}\" placeholder=\"ÅÅÅÅMMDDNNNN\"></label>"
                 "<button name=\"decision\" value=\"approve\" id=\"approve\">Legitimera</button>"
                 "<button name=\"decision\" value=\"decline\" id=\"decline\">Avbryt</button>"
                 "<button name=\"decision\" value=\"blocked\" id=\"blocked\">Spärrat BankID</button>"
                 "<button name=\"decision\" value=\"expire\" id=\"expire\">Låt tiden gå ut</button></form>");
    });

    app.Post("/app/decide", [](const httplib::Request& req, httplib::Response& res) {
        const std::string decision = req.get_param_value("decision");
        const std::string number = req.get_param_value("personalNumber");
        std::lock_guard lock(orders_mutex);
        auto it = orders.find(req.get_param_value("order"));
        if (it == orders.end()) return page(res, 404, "Okänd order", "<p>Ordern finns inte (avbruten?).</p>");
        Order& o = it->second;
        if (o.state != State::Started && o.state != State::UserSign)
            return page(res, 409, "Redan avslutad", "<p>Ordern är redan avslutad.</p>");
        if (decision == "approve") {
            if (number.size() != 12 || number.find_first_not_of("0123456789") != std::string::npos)
                return page(res, 400, "Personnummer saknas", "<p>Skriv ett personnummer med 12 siffror.</p>");
            o.state = State::Complete;
            o.personal_number = number;
            return page(res, 200, "Legitimerad", "<p>Klart. Gå tillbaka till tjänsten.</p>");
        }
        o.state = State::Failed;
        o.failed_hint = decision == "decline" ? "userCancel" : decision == "blocked" ? "certificateErr" : "expiredTransaction";
        page(res, 200, "Avslutad", "<p>" + escape(o.failed_hint) + "</p>");
    });
}

int number(const char* flag, const std::string& value) {
    try {
        return std::stoi(value);
    } catch (...) {
        std::fprintf(stderr, "bankid-standin: %s wants a number\n", flag);
        std::exit(2);
    }
}

}  // namespace

int main(int argc, char** argv) {
    Options o;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string flag = argv[i], value = argv[i + 1];
        if (flag == "--host") o.host = value;
        else if (flag == "--rp-port") o.rp_port = number("--rp-port", value);
        else if (flag == "--app-port") o.app_port = number("--app-port", value);
        else if (flag == "--cert") o.cert = value;
        else if (flag == "--key") o.key = value;
        else if (flag == "--client-ca") o.client_ca = value;
        else if (flag == "--order-seconds") o.order_seconds = number("--order-seconds", value);
        else if (flag == "--no-client-after") o.no_client_after = number("--no-client-after", value);
        else {
            std::fprintf(stderr,
                         "usage: bankid-standin --cert PEM --key PEM --client-ca PEM [--host 127.0.0.1] [--rp-port 0]\n"
                         "                      [--app-port 0] [--order-seconds 180] [--no-client-after 5]\n");
            return 2;
        }
    }
    if (o.cert.empty() || o.key.empty() || o.client_ca.empty()) {
        std::fprintf(stderr, "bankid-standin: --cert, --key and --client-ca are needed\n");
        return 2;
    }
    // Mutual TLS: the handshake fails without a client certificate from --client-ca.
    httplib::SSLServer rp(o.cert.c_str(), o.key.c_str(), o.client_ca.c_str());
    if (!rp.is_valid()) {
        std::fprintf(stderr, "bankid-standin: cannot use %s / %s / %s\n", o.cert.c_str(), o.key.c_str(), o.client_ca.c_str());
        return 1;
    }
    httplib::Server app;
    rp_routes(rp, o);
    app_routes(app, o);
    const int rp_port = o.rp_port ? (rp.bind_to_port(o.host, o.rp_port) ? o.rp_port : -1) : rp.bind_to_any_port(o.host);
    const int app_port = o.app_port ? (app.bind_to_port(o.host, o.app_port) ? o.app_port : -1) : app.bind_to_any_port(o.host);
    if (rp_port <= 0 || app_port <= 0) {
        std::fprintf(stderr, "bankid-standin: cannot listen on %s\n", o.host.c_str());
        return 1;
    }
    std::printf("BankID stand-in RP API: https://%s:%d/rp/v6.0\n", o.host.c_str(), rp_port);
    std::printf("BankID stand-in app: http://%s:%d/\n", o.host.c_str(), app_port);
    std::fflush(stdout);
    std::thread app_thread([&] { app.listen_after_bind(); });
    rp.listen_after_bind();
    app.stop();
    app_thread.join();
    return 0;
}
