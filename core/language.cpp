#include "language.hpp"

#include <cctype>

namespace skolnav {

const char* language_code(Language language) { return language == Language::en ? "en" : "sv"; }

namespace {
std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
    return true;
}

// "q=0", "q=0.0", "q=0.000": the tag is not acceptable at all.
bool refused(std::string_view params) {
    while (!params.empty()) {
        const auto semi = params.find(';');
        std::string_view p = trim(params.substr(0, semi));
        params = semi == std::string_view::npos ? std::string_view() : params.substr(semi + 1);
        if (p.size() < 2 || (p[0] != 'q' && p[0] != 'Q') || p[1] != '=') continue;
        p.remove_prefix(2);
        if (p.empty() || p[0] != '0') return false;
        for (char c : p.substr(1))
            if (c != '.' && c != '0') return false;
        return true;
    }
    return false;
}
}  // namespace

Language language_from_accept_language(std::string_view header) {
    while (!header.empty()) {
        const auto comma = header.find(',');
        const std::string_view item = header.substr(0, comma);
        header = comma == std::string_view::npos ? std::string_view() : header.substr(comma + 1);
        const auto semi = item.find(';');
        const std::string_view tag = trim(item.substr(0, semi));
        const std::string_view primary = tag.substr(0, tag.find('-'));
        if (semi != std::string_view::npos && refused(item.substr(semi + 1))) continue;
        if (equals_ignoring_case(primary, "en")) return Language::en;
        if (equals_ignoring_case(primary, "sv")) return Language::sv;
    }
    return Language::sv;
}

}  // namespace skolnav
