// Reading a JSON request body strictly: an object, only the known fields, each of the
// right type and length. Every failure is a 400 naming the field.
#pragma once
#include <initializer_list>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "date_time.hpp"

namespace skolnav {

class RequestBody {
public:
    // Throws ApiError(400) when `text` is not a JSON object or has a field not in `known`.
    RequestBody(const std::string& text, std::initializer_list<const char*> known);

    std::string required_string(const char* field, std::size_t max_chars) const;
    std::string optional_string(const char* field, std::size_t max_chars) const;  // "" when absent or null
    Date required_date(const char* field) const;

private:
    std::optional<std::string> string_field(const char* field, std::size_t max_chars) const;
    nlohmann::json body_;
};

// Number of Unicode code points in valid UTF-8 text.
std::size_t utf8_length(const std::string& text);

}  // namespace skolnav
