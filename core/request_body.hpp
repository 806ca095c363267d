// Reading a JSON request body strictly: an object, only the known fields, each of the
// right type and length. Every failure is a 400 naming the field.
#pragma once
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "api_error.hpp"
#include "date_time.hpp"

namespace skolnav {

class RequestBody {
public:
    // Throws ApiError(400) when `text` is not a JSON object or has a field not in `known`.
    RequestBody(const std::string& text, std::initializer_list<const char*> known);

    std::string required_string(const char* field, std::size_t max_chars) const;
    std::string optional_string(const char* field, std::size_t max_chars) const;  // "" when absent or null
    Date required_date(const char* field) const;
    std::optional<Date> optional_date(const char* field) const;
    // "HH:MM" (00:00–23:59) as minutes after midnight.
    int required_time(const char* field) const;
    std::optional<int> optional_time(const char* field) const;
    long long required_int(const char* field, long long min, long long max) const;
    std::optional<bool> optional_bool(const char* field) const;
    // A list of strings (ids, links…), each at most max_chars.
    std::vector<std::string> string_list(const char* field, std::size_t max_items, std::size_t max_chars) const;
    bool has(const char* field) const { return body_.contains(field) && !body_[field].is_null(); }
    // For nested structures the caller checks itself (eTest questions): the raw value.
    const nlohmann::json& raw(const char* field) const;

private:
    std::optional<std::string> string_field(const char* field, std::size_t max_chars) const;
    nlohmann::json body_;
};

// The errors for a field that is missing, or is not a date or a week ("Fältet date
// saknas.", "Fältet date ska vara ett datum på formen ÅÅÅÅ-MM-DD."), in both languages:
// for the checks handlers make themselves on query parameters and nested fields.
ApiError missing(const std::string& field);
ApiError not_a_date(const std::string& field);
ApiError not_a_week(const std::string& field);  // "2026-W49"

// "HH:MM" -> minutes after midnight; nullopt if not a valid time of day.
std::optional<int> parse_time_of_day(const std::string& text);
std::string format_time_of_day(int minutes);  // 450 -> "07:30"

// Number of Unicode code points in valid UTF-8 text.
std::size_t utf8_length(const std::string& text);

}  // namespace skolnav
