#include "request_body.hpp"

#include "api_error.hpp"

namespace skolnav {

RequestBody::RequestBody(const std::string& text, std::initializer_list<const char*> known) {
    try {
        body_ = nlohmann::json::parse(text.empty() ? std::string("{}") : text);
    } catch (const nlohmann::json::parse_error&) {
        throw bad_request("", "Förfrågan är inte giltig JSON.");
    }
    if (!body_.is_object()) throw bad_request("", "Förfrågan ska vara ett JSON-objekt.");
    for (const auto& [name, value] : body_.items()) {
        bool ok = false;
        for (const char* k : known) ok = ok || name == k;
        if (!ok) throw bad_request(name, "Okänt fält: " + name + ".");
    }
}

std::optional<std::string> RequestBody::string_field(const char* field, std::size_t max_chars) const {
    auto it = body_.find(field);
    if (it == body_.end() || it->is_null()) return std::nullopt;
    if (!it->is_string()) throw bad_request(field, std::string("Fältet ") + field + " ska vara text.");
    std::string s = it->get<std::string>();
    if (utf8_length(s) > max_chars)
        throw bad_request(field, std::string("Fältet ") + field + " får vara högst " + std::to_string(max_chars) + " tecken.");
    for (unsigned char c : s)
        if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F)
            throw bad_request(field, std::string("Fältet ") + field + " innehåller otillåtna tecken.");
    return s;
}

std::string RequestBody::required_string(const char* field, std::size_t max_chars) const {
    auto s = string_field(field, max_chars);
    if (!s || s->empty()) throw bad_request(field, std::string("Fältet ") + field + " saknas.");
    return *s;
}

std::string RequestBody::optional_string(const char* field, std::size_t max_chars) const {
    return string_field(field, max_chars).value_or("");
}

Date RequestBody::required_date(const char* field) const {
    const std::string s = required_string(field, 10);
    auto d = Date::parse(s);
    if (!d) throw bad_request(field, std::string("Fältet ") + field + " ska vara ett datum på formen ÅÅÅÅ-MM-DD.");
    return *d;
}

std::size_t utf8_length(const std::string& text) {
    std::size_t n = 0;
    for (unsigned char c : text) n += (c & 0xC0) != 0x80;
    return n;
}

}  // namespace skolnav
