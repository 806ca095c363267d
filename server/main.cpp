// skolnav-server: the data folder, the demo municipality on first start, and the HTTP
// server around core's handle().
#include <pthread.h>
#include <signal.h>
#include <sys/resource.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/api.hpp"
#include "core/bankid_orders.hpp"
#include "core/demo.hpp"
#include "core/sign_in_throttle.hpp"
#include "server/backup.hpp"
#include "server/audit_file.hpp"
#include "server/bankid_poller.hpp"
#include "server/bankid_qr.hpp"
#include "server/bankid_rp_client.hpp"
#include "server/data_directory.hpp"
#include "server/file_blob_store.hpp"
#include "server/http_adapter.hpp"
#include "server/sodium_crypto.hpp"
#include "server/system_clock.hpp"
#include "server/tls_context.hpp"

#ifndef SKOLNAV_WEB_DIR
#define SKOLNAV_WEB_DIR "web"
#endif

namespace {

using namespace skolnav;

struct Options {
    std::string host = "127.0.0.1";
    int port = 8080;
    std::string data = "./data";
    std::string web = SKOLNAV_WEB_DIR;
    std::uint64_t demo_seed = 2026;
    int demo_size = 60;
    std::optional<UnixSeconds> now;
    std::uint64_t checkpoint_records = 50000;
    std::size_t threads = 32;
    bool secure_cookies = false;
    std::string tls_cert, tls_key;
    std::vector<std::string> trusted_proxies;
    std::size_t per_address = 256;
    int request_timeout = 10;
    std::size_t sign_in_threads = std::max(1u, std::thread::hardware_concurrency() / 2);
    int session_idle_days = 7;
    WebSecurityOptions web_security;
    BankIdRpConfig bankid;  // url empty: no BankID sign-in
};

const char* kUsage =
    "usage: skolnav-server [--host 127.0.0.1] [--port 8080 (0: any free port)]\n"
    "                      [--data DIR (./data)] [--web DIR (the built web client)]\n"
    "                      [--demo-seed N (2026)] [--demo-size N (pupils per school, 60)]\n"
    "                      [--now YYYY-MM-DDTHH:MM:SSZ (start the clock there)]\n"
    "                      [--checkpoint-records N (50000)] [--threads N (32)]\n"
    "                      [--secure-cookies (behind a TLS proxy)] [--session-idle-days N (7)]\n"
    "                      [--tls-cert FILE --tls-key FILE (serve HTTPS: PEM chain and key)]\n"
    "                      [--trust-proxy ADDRESS (a reverse proxy's; repeatable)]\n"
    "                      [--max-connections-per-address N (256)] [--sign-in-threads N]\n"
    "                      [--request-timeout SECONDS (10: a request's head must arrive within)]\n"
    "                      [--public-origin https://skolnav.kommun.se (the address browsers use,\n"
    "                       behind a proxy; repeatable; default: the request's Host)]\n"
    "                      [--embed-origin https://intranet.kommun.se (a page that may frame\n"
    "                       Skolnav; repeatable; default: none may)]\n"
    "       skolnav-server backup --data DIR --to FILE   (while the server runs, too)\n"
    "       skolnav-server restore --from FILE --data DIR   (DIR empty; then start the server on it)\n";

[[noreturn]] void usage_error(const std::string& message) {
    std::fprintf(stderr, "skolnav-server: %s\n%s", message.c_str(), kUsage);
    std::exit(2);
}

std::optional<UnixSeconds> parse_utc(const std::string& text) {
    // Exactly "YYYY-MM-DDTHH:MM:SSZ".
    if (text.size() != 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[19] != 'Z')
        return std::nullopt;
    auto date = Date::parse(text.substr(0, 10));
    if (!date) return std::nullopt;
    auto two = [&](std::size_t at) -> int {
        if (!std::isdigit(static_cast<unsigned char>(text[at])) ||
            !std::isdigit(static_cast<unsigned char>(text[at + 1])))
            return -1;
        return (text[at] - '0') * 10 + (text[at + 1] - '0');
    };
    int h = two(11), m = two(14), s = two(17);
    if (h < 0 || h > 23 || m < 0 || m > 59 || s < 0 || s > 59) return std::nullopt;
    return date->days_since_epoch() * 86400 + h * 3600 + m * 60 + s;
}

long long parse_number(const std::string& flag, const std::string& text, long long min, long long max) {
    try {
        std::size_t used = 0;
        long long v = std::stoll(text, &used);
        if (used == text.size() && v >= min && v <= max) return v;
    } catch (...) {
    }
    usage_error(flag + " wants a whole number from " + std::to_string(min) + " to " + std::to_string(max));
}

Options parse_options(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        std::string flag = argv[i];
        if (flag == "--help" || flag == "-h") {
            std::fputs(kUsage, stdout);
            std::exit(0);
        }
        if (flag == "--secure-cookies") {
            o.secure_cookies = true;
            continue;
        }
        std::string value;
        if (auto eq = flag.find('='); eq != std::string::npos && flag.rfind("--", 0) == 0) {
            value = flag.substr(eq + 1);
            flag = flag.substr(0, eq);
        } else {
            if (i + 1 >= argc) usage_error(flag + " needs a value");
            value = argv[++i];
        }
        if (flag == "--host") o.host = value;
        else if (flag == "--port") o.port = static_cast<int>(parse_number(flag, value, 0, 65535));
        else if (flag == "--data") o.data = value;
        else if (flag == "--web") o.web = value;
        else if (flag == "--demo-seed") o.demo_seed = static_cast<std::uint64_t>(parse_number(flag, value, 0, INT64_MAX));
        else if (flag == "--demo-size") o.demo_size = static_cast<int>(parse_number(flag, value, 1, 10000000));
        else if (flag == "--checkpoint-records") o.checkpoint_records = static_cast<std::uint64_t>(parse_number(flag, value, 1, INT64_MAX));
        else if (flag == "--threads") o.threads = static_cast<std::size_t>(parse_number(flag, value, 1, 1024));
        else if (flag == "--tls-cert") o.tls_cert = value;
        else if (flag == "--tls-key") o.tls_key = value;
        else if (flag == "--trust-proxy") o.trusted_proxies.push_back(value);
        else if (flag == "--max-connections-per-address") o.per_address = static_cast<std::size_t>(parse_number(flag, value, 1, 1000000));
        else if (flag == "--request-timeout") o.request_timeout = static_cast<int>(parse_number(flag, value, 1, 3600));
        else if (flag == "--sign-in-threads") o.sign_in_threads = static_cast<std::size_t>(parse_number(flag, value, 1, 64));
        else if (flag == "--session-idle-days") o.session_idle_days = static_cast<int>(parse_number(flag, value, 1, 30));
        else if (flag == "--bankid-url") o.bankid.url = value;
        else if (flag == "--bankid-cert") o.bankid.cert_file = value;
        else if (flag == "--bankid-key") o.bankid.key_file = value;
        else if (flag == "--bankid-p12") o.bankid.p12_file = value;
        else if (flag == "--bankid-p12-password") o.bankid.p12_password = value;
        else if (flag == "--bankid-ca") o.bankid.ca_file = value;
        else if (flag == "--public-origin" || flag == "--embed-origin") {
            auto origin = normalize_origin(value);
            if (!origin) usage_error(flag + " wants an origin like https://intranet.kommun.se (scheme and host, no path)");
            (flag == "--public-origin" ? o.web_security.public_origins : o.web_security.embed_origins).push_back(*origin);
        }
        else if (flag == "--now") {
            o.now = parse_utc(value);
            if (!o.now) usage_error("--now wants a UTC instant like 2026-11-30T09:00:00Z");
        } else usage_error("unknown option " + flag);
    }
    if (o.tls_cert.empty() != o.tls_key.empty()) usage_error("--tls-cert and --tls-key go together");
    if (!o.tls_cert.empty()) o.secure_cookies = true;  // served over TLS: cookies are Secure, HSTS is sent
    const BankIdRpConfig& b = o.bankid;
    const bool pem = !b.cert_file.empty() || !b.key_file.empty();
    if (!b.url.empty() || pem || !b.p12_file.empty() || !b.ca_file.empty()) {
        if (b.url.empty() || b.ca_file.empty())
            usage_error("BankID needs --bankid-url and --bankid-ca, and a client certificate");
        if (pem == !b.p12_file.empty() || (pem && (b.cert_file.empty() || b.key_file.empty())))
            usage_error("BankID's client certificate: --bankid-cert and --bankid-key, or --bankid-p12");
    }
    return o;
}

void print_sign_ins(Store& store) {
    std::vector<DemoSignIn> sign_ins;
    try {
        sign_ins = demo_sign_ins(store.unsafe_state(), "demo");
    } catch (const std::exception& e) {
        std::printf("(no demo sign-ins: %s)\n", e.what());
        return;
    }
    if (sign_ins.empty()) return;
    std::size_t w_user = std::strlen("Användarnamn"), w_pass = std::strlen("Lösenord");
    for (const auto& s : sign_ins) {
        w_user = std::max(w_user, s.username.size());
        w_pass = std::max(w_pass, s.password.size());
    }
    auto row = [&](const std::string& u, std::size_t u_extra, const std::string& p, std::size_t p_extra, const std::string& d) {
        std::printf("  %-*s  %-*s  %s\n", static_cast<int>(w_user + u_extra), u.c_str(),
                    static_cast<int>(w_pass + p_extra), p.c_str(), d.c_str());
    };
    std::printf("\nDemo sign-ins (Användarnamn / Lösenord / Vem):\n");
    // printf pads by bytes: the headings' å and ö take two bytes each.
    row("Användarnamn", 1, "Lösenord", 1, "Vem");
    row(std::string(w_user, '-'), 0, std::string(w_pass, '-'), 0, "---");
    for (const auto& s : sign_ins) row(s.username, 0, s.password, 0, s.description);
    std::printf("\nBankID (test personnummer, for the BankID stand-in's app):\n");
    for (const auto& s : sign_ins)
        if (!s.personal_number.empty()) std::printf("  %s  %s\n", s.personal_number.c_str(), s.username.c_str());
    std::printf("\n");
}

// `skolnav-server backup|restore …`: one job, then exit (see server/backup.hpp).
int backup_command(int argc, char** argv) {
    const std::string command = argv[1];
    std::string data, file;
    for (int i = 2; i < argc; ++i) {
        const std::string flag = argv[i];
        if (i + 1 >= argc) usage_error(flag + " needs a value");
        if (flag == "--data") data = argv[++i];
        else if (flag == (command == "backup" ? "--to" : "--from")) file = argv[++i];
        else usage_error("unknown option " + flag + " for " + command);
    }
    if (data.empty() || file.empty())
        usage_error(command == "backup" ? "backup needs --data DIR --to FILE" : "restore needs --from FILE --data DIR");
    try {
        if (command == "backup") {
            const BackupReport r = write_backup(data, file);
            std::printf("Backup of %s in %s: %llu bytes, up to change %llu (%zu after the snapshot), %zu files%s\n",
                        data.c_str(), file.c_str(), static_cast<unsigned long long>(r.bytes),
                        static_cast<unsigned long long>(r.seq), r.journal_records, r.attachments,
                        r.attempts > 1 ? " (read again after a checkpoint)" : "");
        } else {
            const RestoreReport r = restore_backup(file, data);
            std::printf("Restored %s into %s: up to change %llu (%zu after the snapshot), %zu files. Start the "
                        "server with --data %s.\n",
                        file.c_str(), data.c_str(), static_cast<unsigned long long>(r.seq), r.journal_records,
                        r.attachments, data.c_str());
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "skolnav-server %s: %s\n", command.c_str(), e.what());
        return 1;
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc >= 2 && (std::strcmp(argv[1], "backup") == 0 || std::strcmp(argv[1], "restore") == 0))
        return backup_command(argc, argv);
    Options options = parse_options(argc, argv);

    // Signals are taken by one thread with sigwait; every other thread inherits the mask.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    signal(SIGPIPE, SIG_IGN);
    // Every open event stream is a file descriptor: allow as many as the system lets us.
    rlimit files{};
    if (getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < files.rlim_max) {
        files.rlim_cur = files.rlim_max;
        setrlimit(RLIMIT_NOFILE, &files);
    }

    try {
        // Certificate problems stop the start before anything else.
        std::unique_ptr<TlsContext> tls;
        if (!options.tls_cert.empty()) tls = std::make_unique<TlsContext>(options.tls_cert, options.tls_key);
        std::unique_ptr<Clock> clock;
        if (options.now) clock = std::make_unique<OffsetClock>(*options.now);
        else clock = std::make_unique<SystemClock>();
        SodiumCrypto crypto;

        Store store;
        DataDirectory data(options.data);
        auto started = std::chrono::steady_clock::now();
        LoadReport loaded = data.open(store, [&] {
            auto zone = TimeZone::named("Europe/Stockholm");
            Date today = zone->local_date(clock->now());
            DemoOptions demo;
            demo.seed = options.demo_seed;
            demo.pupils_per_school = options.demo_size;
            return make_demo_municipality(demo, today, crypto);
        });
        auto load_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                           std::chrono::steady_clock::now() - started).count();
        if (loaded.created) {
            std::printf("Data: %s (new: demo municipality, seed %llu, %d pupils per school; %lld ms)\n",
                        options.data.c_str(), static_cast<unsigned long long>(options.demo_seed),
                        options.demo_size, static_cast<long long>(load_ms));
        } else {
            std::printf("Data: %s (loaded: seq %llu, %zu journal records replayed%s; %lld ms)\n",
                        options.data.c_str(), static_cast<unsigned long long>(loaded.seq),
                        loaded.replayed, loaded.torn_tail ? ", torn last record dropped" : "",
                        static_cast<long long>(load_ms));
        }
        data.start_background_checkpoints(options.checkpoint_records);

        FileBlobStore blobs(std::filesystem::path(options.data) / "attachments");
        SignInThrottle throttle;
        AuditFile audit(std::filesystem::path(options.data) / "audit.log");
        Services services{*clock, crypto, store, &blobs, &throttle};
        services.audit = &audit;
        services.session_idle_seconds = static_cast<UnixSeconds>(options.session_idle_days) * 86400;
        // BankID: the certificates are read now, so a problem stops the start.
        std::unique_ptr<BankIdRpClient> bankid_rp;
        BankIdQrCodes bankid_qr;
        std::unique_ptr<BankIdOrders> bankid;
        std::unique_ptr<BankIdPoller> bankid_poller;
        if (!options.bankid.url.empty()) {
            bankid_rp = std::make_unique<BankIdRpClient>(options.bankid);
            bankid = std::make_unique<BankIdOrders>(*bankid_rp, bankid_qr);
            bankid_poller = std::make_unique<BankIdPoller>(*bankid, *clock);
            services.bankid = bankid.get();
            std::printf("BankID: %s\n", options.bankid.url.c_str());
        }
        HttpOptions http;
        http.web_dir = options.web;
        http.secure_cookies = options.secure_cookies;
        http.web_security = options.web_security;
        for (const auto& warning : WebGuard(options.web_security, options.secure_cookies).warnings())
            std::printf("Warning: %s\n", warning.c_str());
        for (const auto& origin : options.web_security.embed_origins)
            std::printf("Embedding: %s may frame Skolnav\n", origin.c_str());
        http.threads = options.threads;
        http.password_threads = options.sign_in_threads;
        http.max_connections_per_address = options.per_address;
        http.trusted_proxies = options.trusted_proxies;
        http.read_timeout_seconds = options.request_timeout;
        http.tls = tls.get();
        if (!std::filesystem::exists(std::filesystem::path(options.web) / "index.html"))
            std::printf("Web client: %s has no index.html (not built?): serving the API only\n", options.web.c_str());
        else
            std::printf("Web client: %s\n", options.web.c_str());
        if (options.now)
            std::printf("Clock: starts at %s (Stockholm %s)\n", utc_iso(*options.now).c_str(),
                        TimeZone::named("Europe/Stockholm")->local_iso(*options.now).c_str());

        HttpServer server(services, http);
        int port = server.bind(options.host, options.port);
        print_sign_ins(store);
        std::string shown_host = options.host.find(':') != std::string::npos ? "[" + options.host + "]" : options.host;
        std::printf("Listening on %s://%s:%d/\n", tls ? "https" : "http", shown_host.c_str(), port);
        std::fflush(stdout);

        std::atomic<bool> stopping{false};
        std::thread signal_thread([&] {
            int received = 0;
            sigwait(&stop_signals, &received);
            if (received == 0) return;  // woken by ourselves at the end
            std::printf("Stopping (%s)...\n", received == SIGINT ? "SIGINT" : "SIGTERM");
            std::fflush(stdout);
            stopping = true;
            server.stop();
        });

        server.run();
        if (!stopping) {
            // run() ended on its own (an error): wake the signal thread to end it.
            pthread_kill(signal_thread.native_handle(), SIGTERM);
        }
        signal_thread.join();

        data.stop_background();
        data.checkpoint();
        std::printf("Stopped; snapshot written at seq %llu (this run: %llu journal records, %llu flushes)\n",
                    static_cast<unsigned long long>(store.last_seq()),
                    static_cast<unsigned long long>(data.journal().appended()),
                    static_cast<unsigned long long>(data.journal().flushes()));
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "skolnav-server: %s\n", e.what());
        return 1;
    }
}
