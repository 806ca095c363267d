#include "server/web_security.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <stdexcept>
#include <unordered_set>

namespace skolnav {
namespace {

// Debian's publicsuffix package.
constexpr const char* kPublicSuffixList = "/usr/share/publicsuffix/public_suffix_list.dat";

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

bool state_changing(std::string_view method) {
    return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

struct Origin {
    std::string scheme, host;  // host without port; "[::1]" keeps its brackets
};

Origin split_origin(const std::string& normalized) {
    const auto sep = normalized.find("://");
    std::string authority = normalized.substr(sep + 3);
    std::size_t colon = authority.rfind(':');
    if (colon != std::string::npos && authority.find(']', colon) == std::string::npos)
        authority.resize(colon);
    return {normalized.substr(0, sep), authority};
}

bool is_ip(const std::string& host) {
    if (!host.empty() && host.front() == '[') return true;
    return !host.empty() && std::all_of(host.begin(), host.end(), [](char c) {
        return c == '.' || std::isdigit(static_cast<unsigned char>(c));
    });
}

// The Public Suffix List's rules: plain ("se"), wildcard ("*.ck" kept as "ck" in
// `wildcards`) and exceptions ("!www.ck" kept as "www.ck").
struct PublicSuffixes {
    bool loaded = false;
    std::unordered_set<std::string> rules, wildcards, exceptions;
};

const PublicSuffixes& public_suffixes() {
    static const PublicSuffixes list = [] {
        PublicSuffixes l;
        std::ifstream in(kPublicSuffixList);
        std::string line;
        while (std::getline(in, line)) {
            std::string_view rule = trim(line);
            if (auto space = rule.find_first_of(" \t"); space != std::string_view::npos) rule = rule.substr(0, space);
            if (rule.empty() || rule.rfind("//", 0) == 0) continue;
            l.loaded = true;
            if (rule.front() == '!') l.exceptions.insert(lower(rule.substr(1)));
            else if (rule.rfind("*.", 0) == 0) l.wildcards.insert(lower(rule.substr(2)));
            else l.rules.insert(lower(rule));
        }
        return l;
    }();
    return list;
}

// "intranet.kommun.se" -> "kommun.se"; an IP address or a public suffix is its own site.
std::string registrable_domain(const std::string& host) {
    if (is_ip(host)) return host;
    const PublicSuffixes& psl = public_suffixes();
    std::vector<std::size_t> starts{0};  // where each label starts
    for (std::size_t i = 0; i < host.size(); ++i)
        if (host[i] == '.') starts.push_back(i + 1);
    const std::size_t labels = starts.size();
    std::size_t suffix = labels - 1;  // the default rule "*": the last label
    for (std::size_t i = 0; i < labels; ++i) {
        const std::string candidate = host.substr(starts[i]);
        if (psl.exceptions.count(candidate)) {
            suffix = i + 1;
            break;
        }
        const bool wildcard = i + 1 < labels && psl.wildcards.count(host.substr(starts[i + 1]));
        if (psl.rules.count(candidate) || wildcard) {
            suffix = i;
            break;
        }
    }
    return suffix == 0 ? host : host.substr(starts[suffix - 1]);
}

// "application/json; charset=utf-8" is JSON; so is "application/json". Any other type,
// or another charset, is not.
bool is_json_type(std::string_view content_type) {
    const auto semi = content_type.find(';');
    if (lower(trim(content_type.substr(0, semi))) != "application/json") return false;
    std::string_view params = semi == std::string_view::npos ? std::string_view() : content_type.substr(semi + 1);
    while (!params.empty()) {
        const auto next = params.find(';');
        const std::string param = lower(trim(params.substr(0, next)));
        if (param.rfind("charset=", 0) == 0) {
            std::string charset = param.substr(8);
            if (charset.size() >= 2 && charset.front() == '"' && charset.back() == '"')
                charset = charset.substr(1, charset.size() - 2);
            if (charset != "utf-8") return false;
        }
        params = next == std::string_view::npos ? std::string_view() : params.substr(next + 1);
    }
    return true;
}

}  // namespace

std::optional<std::string> normalize_origin(std::string_view text) {
    std::string s = lower(trim(text));
    if (!s.empty() && s.back() == '/') s.pop_back();  // pasted from an address bar
    std::string scheme;
    if (s.rfind("https://", 0) == 0) scheme = "https";
    else if (s.rfind("http://", 0) == 0) scheme = "http";
    else return std::nullopt;
    std::string authority = s.substr(scheme.size() + 3);
    std::string host = authority, port;
    if (!authority.empty() && authority.front() == '[') {
        const auto close = authority.find(']');
        if (close == std::string::npos || close == 1) return std::nullopt;
        host = authority.substr(0, close + 1);
        const std::string rest = authority.substr(close + 1);
        if (!rest.empty()) {
            if (rest.front() != ':') return std::nullopt;
            port = rest.substr(1);
        }
        if (!std::all_of(host.begin() + 1, host.end() - 1,
                         [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) || c == ':' || c == '.'; }))
            return std::nullopt;
    } else {
        if (const auto colon = authority.find(':'); colon != std::string::npos) {
            host = authority.substr(0, colon);
            port = authority.substr(colon + 1);
        }
        if (host.empty() || host.front() == '.' || host.back() == '.' ||
            !std::all_of(host.begin(), host.end(), [](char c) {
                return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.';
            }))
            return std::nullopt;
    }
    if (!port.empty() || authority.back() == ':') {
        if (port.empty() || port.size() > 5 ||
            !std::all_of(port.begin(), port.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
            return std::nullopt;
        const int number = std::stoi(port);
        if (number < 1 || number > 65535) return std::nullopt;
        port = std::to_string(number);
        if ((scheme == "http" && number == 80) || (scheme == "https" && number == 443)) port.clear();
    }
    return scheme + "://" + host + (port.empty() ? "" : ":" + port);
}

bool same_site(const std::string& origin_a, const std::string& origin_b) {
    const Origin a = split_origin(origin_a), b = split_origin(origin_b);
    if (a.scheme != b.scheme) return false;  // browsers compare sites with their scheme
    if (!public_suffixes().loaded) return a.host == b.host;
    return registrable_domain(a.host) == registrable_domain(b.host);
}

bool is_upload(std::string_view method, std::string_view path) {
    return method == "POST" && path == "/api/v1/attachments";
}

WebGuard::WebGuard(WebSecurityOptions options, bool secure) : options_(std::move(options)), secure_(secure) {
    auto normalize_all = [](std::vector<std::string>& origins, const char* flag) {
        for (auto& o : origins) {
            auto n = normalize_origin(o);
            if (!n)
                throw std::invalid_argument(std::string(flag) + " wants an origin like https://intranet.kommun.se (got \"" +
                                            o + "\")");
            o = *n;
        }
    };
    normalize_all(options_.public_origins, "--public-origin");
    normalize_all(options_.embed_origins, "--embed-origin");

    std::string ancestors;
    for (const auto& o : options_.embed_origins) ancestors += (ancestors.empty() ? "" : " ") + o;
    // No inline script or style anywhere: the page's code is in files of its own origin,
    // and WebAssembly compiles under 'wasm-unsafe-eval' (not 'unsafe-eval').
    html_headers_ = {
        {"Content-Security-Policy",
         "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; base-uri 'none'; "
         "form-action 'none'; frame-ancestors " + (ancestors.empty() ? std::string("'none'") : ancestors)},
        {"Cross-Origin-Opener-Policy", "same-origin"},
        {"Permissions-Policy",
         "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()"},
        {"Referrer-Policy", "no-referrer"},
    };
    // Older browsers know only X-Frame-Options, which cannot name an origin to allow.
    if (ancestors.empty()) html_headers_.emplace_back("X-Frame-Options", "DENY");
    if (secure_) every_reply_.emplace_back("Strict-Transport-Security", "max-age=31536000");
}

bool WebGuard::own_origin(const std::string& origin, std::string_view host) const {
    if (!options_.public_origins.empty())
        return std::find(options_.public_origins.begin(), options_.public_origins.end(), origin) !=
               options_.public_origins.end();
    // The Host header, in the scheme the Origin names (its default port dropped alike).
    const std::string scheme = origin.substr(0, origin.find("://"));
    auto from_host = normalize_origin(scheme + "://" + std::string(trim(host)));
    return from_host && *from_host == origin;
}

std::string WebGuard::own_origin_for(std::string_view host) const {
    const std::string scheme = secure_ ? "https" : "http";
    auto from_host = normalize_origin(scheme + "://" + std::string(trim(host)));
    if (!options_.public_origins.empty()) {
        for (const auto& o : options_.public_origins)
            if (from_host && split_origin(o).host == split_origin(*from_host).host) return o;
        return options_.public_origins.front();
    }
    return from_host ? *from_host : scheme + "://invalid";
}

std::optional<ApiError> WebGuard::refuse(const ApiRequestFacts& r) const {
    if (!state_changing(r.method)) return std::nullopt;

    // Browsers send Origin with every state-changing fetch and form; Sec-Fetch-Site is the
    // fallback. A request with neither is not from a browser (curl, a script): it carries
    // no cookie a browser added on its own, so there is nothing to forge.
    bool allowed = true;
    std::string from;
    if (!r.origin.empty()) {
        auto origin = normalize_origin(r.origin);
        from = origin ? *origin : std::string(r.origin.substr(0, 100));
        allowed = origin && (own_origin(*origin, r.host) ||
                             std::find(options_.embed_origins.begin(), options_.embed_origins.end(), *origin) !=
                                 options_.embed_origins.end());
    } else if (!r.sec_fetch_site.empty()) {
        const std::string site = lower(trim(r.sec_fetch_site));
        from = site;
        allowed = site == "same-origin" || site == "none";
    }
    if (!allowed) {
        return ApiError(403, "cross_site_request",
                        {"Begäran kom från en annan webbplats (" + from +
                             ") och avvisades. Öppna Skolnav på dess egen adress.",
                         "The request came from another site (" + from +
                             ") and was refused. Open Skolnav at its own address."});
    }

    // A JSON route takes JSON only: a cross-site form can send text/plain without asking,
    // never application/json. A bodyless request may name no type.
    if (is_upload(r.method, r.path)) return std::nullopt;
    const bool typed_ok = r.content_type.empty() ? r.body_size == 0 : is_json_type(r.content_type);
    if (!typed_ok) {
        return ApiError(415, "unsupported_media_type",
                        {"Innehållet måste skickas som JSON (Content-Type: application/json).",
                         "The body must be sent as JSON (Content-Type: application/json)."},
                        "Content-Type");
    }
    return std::nullopt;
}

std::string WebGuard::cookie_same_site(std::string_view host) const {
    // A cookie in a frame under another site's page is sent only with SameSite=None, which
    // browsers take only with Secure; Partitioned keeps it to that one embedding site.
    if (!secure_) return "SameSite=Strict";
    const std::string own = own_origin_for(host);
    for (const auto& embedder : options_.embed_origins)
        if (!same_site(embedder, own)) return "SameSite=None; Partitioned";
    return "SameSite=Strict";
}

std::vector<std::string> WebGuard::warnings() const {
    std::vector<std::string> out;
    if (secure_) return out;
    for (const auto& embedder : options_.embed_origins) {
        const bool known = !options_.public_origins.empty();
        if (known && same_site(embedder, options_.public_origins.front())) continue;
        out.push_back("--embed-origin " + embedder + (known ? " is another site than " + options_.public_origins.front()
                                                            : " may be another site than Skolnav's address") +
                      ": a frame there keeps the session cookie only with SameSite=None; Secure, which needs "
                      "HTTPS (--secure-cookies behind a TLS proxy). Without it, sign-in inside that frame fails.");
    }
    return out;
}

}  // namespace skolnav
