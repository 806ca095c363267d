#include "server/static_files.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <sstream>

namespace skolnav {
namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

std::string trim(const std::string& s) {
    auto b = s.find_first_not_of(" \t");
    if (b == std::string::npos) return "";
    auto e = s.find_last_not_of(" \t");
    return s.substr(b, e - b + 1);
}

bool regular_file(const std::filesystem::path& p, struct stat& st) {
    return ::stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

bool read_file(const std::filesystem::path& p, std::string& out) {
    std::ifstream in(p, std::ios::binary);
    if (!in) return false;
    std::ostringstream s;
    s << in.rdbuf();
    out = std::move(s).str();
    return true;
}

}  // namespace

std::string content_type_for(const std::filesystem::path& file) {
    static const std::map<std::string, std::string> types = {
        {".html", "text/html; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".mjs", "text/javascript; charset=utf-8"},
        {".wasm", "application/wasm"},
        {".data", "application/octet-stream"},
        {".css", "text/css; charset=utf-8"},
        {".json", "application/json; charset=utf-8"},
        {".webmanifest", "application/manifest+json; charset=utf-8"},
        {".map", "application/json; charset=utf-8"},
        {".txt", "text/plain; charset=utf-8"},
        {".png", "image/png"},
        {".svg", "image/svg+xml"},
        {".ico", "image/x-icon"},
        {".jpg", "image/jpeg"},
        {".jpeg", "image/jpeg"},
        {".webp", "image/webp"},
        {".ttf", "font/ttf"},
        {".otf", "font/otf"},
        {".woff", "font/woff"},
        {".woff2", "font/woff2"},
    };
    auto it = types.find(lower(file.extension().string()));
    return it == types.end() ? "application/octet-stream" : it->second;
}

bool accepts_gzip(const std::string& accept_encoding) {
    // "gzip", "gzip, br", "gzip;q=0.8", "*" — but not "gzip;q=0".
    std::stringstream list(accept_encoding);
    std::string item;
    bool star = false, gzip = false, gzip_listed = false;
    while (std::getline(list, item, ',')) {
        std::string coding = item, params;
        if (auto semi = item.find(';'); semi != std::string::npos) {
            coding = item.substr(0, semi);
            params = item.substr(semi + 1);
        }
        coding = lower(trim(coding));
        bool refused = false;
        std::string q = lower(trim(params));
        if (q.rfind("q=", 0) == 0) {
            try {
                refused = std::stod(q.substr(2)) <= 0.0;
            } catch (...) {
                refused = true;
            }
        }
        if (coding == "gzip" || coding == "x-gzip") {
            gzip_listed = true;
            gzip = !refused;
        } else if (coding == "*") {
            star = !refused;
        }
    }
    return gzip_listed ? gzip : star;
}

std::filesystem::path safe_relative_path(const std::string& url_path) {
    if (url_path.empty() || url_path[0] != '/') return {};
    std::string rel = url_path.substr(1);
    if (rel.empty() || rel.back() == '/') rel += "index.html";
    if (rel.find('\0') != std::string::npos || rel.find('\\') != std::string::npos) return {};
    std::filesystem::path out;
    std::stringstream parts(rel);
    std::string part;
    while (std::getline(parts, part, '/')) {
        // No "..", no ".", no empty segments ("//"), no hidden files.
        if (part.empty() || part[0] == '.') return {};
        out /= part;
    }
    return out;
}

StaticReply StaticFiles::get(const std::string& url_path, const std::string& accept_encoding,
                             const std::string& if_none_match) const {
    StaticReply reply;
    reply.headers.emplace_back("X-Content-Type-Options", "nosniff");
    auto rel = safe_relative_path(url_path);
    if (rel.empty() || rel.extension() == ".gz") {
        reply.body = "Not found\n";
        reply.headers.emplace_back("Content-Type", "text/plain; charset=utf-8");
        return reply;
    }
    auto file = root_ / rel;
    struct stat st {};
    if (!regular_file(file, st)) {
        reply.body = "Not found\n";
        reply.headers.emplace_back("Content-Type", "text/plain; charset=utf-8");
        return reply;
    }
    auto gz = file;
    gz += ".gz";
    struct stat gz_st {};
    bool has_gz = regular_file(gz, gz_st);
    bool send_gz = has_gz && accepts_gzip(accept_encoding);
    const struct stat& sent = send_gz ? gz_st : st;

    // The names are not content-hashed, so browsers revalidate every time (cheap: 304).
    std::string etag = "\"" + std::to_string(static_cast<long long>(sent.st_mtim.tv_sec)) + "-" +
                       std::to_string(static_cast<long long>(sent.st_mtim.tv_nsec)) + "-" +
                       std::to_string(static_cast<long long>(sent.st_size)) +
                       (send_gz ? "-gz" : "") + "\"";
    reply.headers.emplace_back("Content-Type", content_type_for(file));
    reply.headers.emplace_back("Cache-Control", "no-cache");
    reply.headers.emplace_back("ETag", etag);
    if (has_gz) reply.headers.emplace_back("Vary", "Accept-Encoding");
    if (send_gz) reply.headers.emplace_back("Content-Encoding", "gzip");

    if (!if_none_match.empty() &&
        (if_none_match == "*" || if_none_match.find(etag) != std::string::npos)) {
        reply.status = 304;
        return reply;
    }
    if (!read_file(send_gz ? gz : file, reply.body)) {
        reply.status = 404;
        reply.headers.clear();
        reply.headers.emplace_back("X-Content-Type-Options", "nosniff");
        reply.headers.emplace_back("Content-Type", "text/plain; charset=utf-8");
        reply.body = "Not found\n";
        return reply;
    }
    reply.status = 200;
    return reply;
}

}  // namespace skolnav
