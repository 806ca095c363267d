// Reading a JSON request body strictly: an object, only the known fields, each of the
// right type and length. Every failure is a 400 naming the field.
//
// Every body passes here, so the rules for the whole body are kept here too, checked
// while parsing (nested fields included): no key twice in one object, no number
// outside what a double holds (1e999, a 400-digit integer), and text only as
// acceptable_text() allows. Dates must lie within the bounds of check_date_bounds().
#pragma once
#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <string_view>
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
    // A date-and-time field's date (eTest's instants) within the same bounds.
    static void check_date_bounds(const std::string& field, const Date& date);
    // A list of strings (ids, links…), each at most max_chars.
    std::vector<std::string> string_list(const char* field, std::size_t max_items, std::size_t max_chars) const;
    bool has(const char* field) const { return body_.contains(field) && !body_[field].is_null(); }
    // For nested structures the caller checks itself (eTest questions): the raw value.
    const nlohmann::json& raw(const char* field) const;

    // For the route-table tests: while a set is installed here, every body read on this
    // thread adds the names of the fields it knows (none is installed in production).
    static void record_known_fields(std::set<std::string>* into);

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

// The dates a body may carry: from kEarliestBodyDate to kBodyYearsAhead years after
// the request's day (UTC). Nothing a school plans or records lies outside these; a
// date like 9999-12-31 is a typing error or an attack on the views that walk days.
inline constexpr Date kEarliestBodyDate{2000, 1, 1};
inline constexpr int kBodyYearsAhead = 5;
// The request being handled sets "today" for the bounds (api.cpp's handle()); outside
// a request the upper bound is kEarliestBodyDate + 100 years.
class RequestDay {
public:
    explicit RequestDay(UnixSeconds now);
    ~RequestDay();
    RequestDay(const RequestDay&) = delete;
    RequestDay& operator=(const RequestDay&) = delete;
private:
    UnixSeconds previous_;
};
Date latest_body_date();

// Fields whose text may span lines (a news body, a comment, a hand-in's message…).
// Every other string field is one line: a title, a name, a place, an id. A line break
// there would break the lists, headings and calendar feeds that show it on one line.
bool takes_line_breaks(std::string_view field);

// Text a body may hold: valid UTF-8 (the parser checks) without C0/C1 control
// characters other than \n and \t, and without the bidirectional embedding, override
// and isolate controls (U+202A–U+202E, U+2066–U+2069) that make text show other than
// it reads. Emoji, combining marks and every other character pass unchanged.
bool acceptable_text(std::string_view text);

// Number of Unicode code points in valid UTF-8 text.
std::size_t utf8_length(const std::string& text);

}  // namespace skolnav
