// What the server promises a browser, apart from permissions (core's):
//  - requests from other sites are refused: a state-changing /api request must come from
//    Skolnav's own origin or a configured embedder (403), and a JSON route takes JSON only
//    (415), so a cross-site form or a text/plain fetch cannot act with a user's cookie;
//  - every HTML page says where it may run and what it may load (Content-Security-Policy,
//    frame-ancestors from --embed-origin, COOP, Permissions-Policy, Referrer-Policy), and
//    every reply asks for HTTPS only (HSTS) once cookies are Secure;
//  - the session cookie's SameSite: Strict, or None; Secure; Partitioned when a page on
//    another site may frame Skolnav.
// Plain functions of header values and the settings: no HTTP library here.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/api_error.hpp"

namespace skolnav {

struct WebSecurityOptions {
    // The origins browsers reach Skolnav at (--public-origin, behind a proxy). Empty: the
    // request's Host header tells (any scheme, the same host and port).
    std::vector<std::string> public_origins;
    // Pages that may frame Skolnav (--embed-origin); their requests pass the CSRF check too.
    std::vector<std::string> embed_origins;
};

// "HTTPS://Intranet.Kommun.se:443" -> "https://intranet.kommun.se": an http(s) origin with
// the scheme and host in lower case and the default port dropped; nullopt for anything
// else (a path, user info, "null", another scheme).
std::optional<std::string> normalize_origin(std::string_view text);

// Two origins are the same site when their schemes match and their hosts share a
// registrable domain (Public Suffix List: Debian's publicsuffix). Without the list, only
// the same host counts as the same site (the safe answer: cookies then stay usable in a
// frame).
bool same_site(const std::string& origin_a, const std::string& origin_b);

// The headers of one /api request that the guard reads.
struct ApiRequestFacts {
    std::string_view method;          // "POST"
    std::string_view path;            // "/api/v1/session"
    std::string_view host;            // Host header
    std::string_view origin;          // Origin header ("" when absent)
    std::string_view sec_fetch_site;  // Sec-Fetch-Site header ("" when absent)
    std::string_view content_type;    // Content-Type header ("" when absent)
    std::size_t body_size = 0;
};

// The one route whose body is not JSON: a file upload, sent with the file's own type.
bool is_upload(std::string_view method, std::string_view path);

class WebGuard {
public:
    // `secure`: cookies are Secure (served over TLS, or behind a TLS proxy). Throws
    // std::invalid_argument naming a setting that is not an origin.
    WebGuard(WebSecurityOptions options, bool secure);

    // Nothing when the request may go on; otherwise the 403 (another site) or 415 (not
    // JSON) to answer with.
    std::optional<ApiError> refuse(const ApiRequestFacts& request) const;

    // Headers for every HTML page, and for every reply (HSTS once cookies are Secure).
    const std::vector<std::pair<std::string, std::string>>& html_headers() const { return html_headers_; }
    const std::vector<std::pair<std::string, std::string>>& every_reply_headers() const { return every_reply_; }

    // The session cookie's SameSite attributes for a request that reached the server at
    // `host` (Host header): "SameSite=Strict", or "SameSite=None; Partitioned" when an
    // embed origin is on another site and cookies are Secure.
    std::string cookie_same_site(std::string_view host) const;

    // Start-up advice for the operator: settings that cannot work as given (empty if none).
    std::vector<std::string> warnings() const;

    const WebSecurityOptions& options() const { return options_; }

private:
    bool own_origin(const std::string& origin, std::string_view host) const;
    std::string own_origin_for(std::string_view host) const;

    WebSecurityOptions options_;
    bool secure_;
    std::vector<std::pair<std::string, std::string>> html_headers_, every_reply_;
};

}  // namespace skolnav
