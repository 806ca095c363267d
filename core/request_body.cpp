#include "request_body.hpp"

#include <cstdint>
#include <cstdio>
#include <functional>
#include <set>

#include "api_error.hpp"

namespace skolnav {

ApiError missing(const std::string& field) {
    return bad_request(field, "Fältet " + field + " saknas.", "The field " + field + " is missing.");
}

ApiError not_a_date(const std::string& field) {
    return bad_request(field, "Fältet " + field + " ska vara ett datum på formen ÅÅÅÅ-MM-DD.",
                       "The field " + field + " must be a date written YYYY-MM-DD.");
}

ApiError not_a_week(const std::string& field) {
    return bad_request(field, "Fältet " + field + " ska vara en vecka på formen ÅÅÅÅ-Vnn, till exempel 2026-W49.",
                       "The field " + field + " must be a week written YYYY-Wnn, for example 2026-W49.");
}

namespace {

thread_local UnixSeconds request_now = 0;  // 0: outside a request
thread_local std::set<std::string>* known_fields_recorder = nullptr;

// Decodes one UTF-8 sequence at text[i] (the parser has checked the encoding).
std::uint32_t code_point_at(std::string_view text, std::size_t& i) {
    const unsigned char c = static_cast<unsigned char>(text[i++]);
    if (c < 0x80) return c;
    const int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
    std::uint32_t cp = c & (0x3F >> extra);
    for (int k = 0; k < extra && i < text.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i++]) & 0x3F);
    return cp;
}

ApiError bad_text(const std::string& f) {
    return bad_request(f, "Fältet " + f + " innehåller otillåtna tecken (styrtecken eller tecken som vänder textens riktning).",
                       "The field " + f + " contains characters that are not allowed (control characters or characters "
                       "that reverse the text's direction).");
}

// Follows the parser through the body: where it is (the field path, for messages),
// and the keys each open object has had, to refuse one given twice (nlohmann would
// keep the last silently, so what a check saw and what is stored could differ).
struct BodyWalk {
    struct Level {
        bool object;
        std::set<std::string> keys;
        std::string key;
    };
    std::vector<Level> levels;

    std::string path() const {
        std::string p;
        for (const Level& l : levels)
            if (l.object && !l.key.empty()) p += (p.empty() ? "" : ".") + l.key;
        return p;
    }

    bool operator()(int, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
        using E = nlohmann::json::parse_event_t;
        switch (event) {
            case E::object_start: levels.push_back({true, {}, {}}); break;
            case E::array_start: levels.push_back({false, {}, {}}); break;
            case E::object_end:
            case E::array_end:
                if (!levels.empty()) levels.pop_back();
                break;
            case E::key: {
                const std::string key = parsed.get<std::string>();
                if (levels.empty()) break;
                levels.back().key = key;
                const std::string f = path();
                if (!acceptable_text(key)) throw bad_text(f);
                if (!levels.back().keys.insert(key).second)
                    throw bad_request(f, "Fältet " + f + " finns två gånger.", "The field " + f + " is given twice.");
                break;
            }
            case E::value:
                if (parsed.is_string() && !acceptable_text(parsed.get_ref<const std::string&>())) throw bad_text(path());
                break;
        }
        return true;
    }
};

}  // namespace

RequestDay::RequestDay(UnixSeconds now) : previous_(request_now) { request_now = now; }
RequestDay::~RequestDay() { request_now = previous_; }

Date latest_body_date() {
    if (request_now == 0) return {kEarliestBodyDate.year + 100, 12, 31};
    Date today = Date::from_days_since_epoch(request_now / 86400);
    today.year += kBodyYearsAhead;
    if (today.month == 2 && today.day == 29) today.day = 28;
    return today;
}

bool takes_line_breaks(std::string_view field) {
    for (std::string_view f : {"body", "text", "comment", "note", "description", "instructions", "feedback"})
        if (field == f) return true;
    return false;
}

bool acceptable_text(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const std::uint32_t cp = code_point_at(text, i);
        if ((cp < 0x20 && cp != '\n' && cp != '\t') || (cp >= 0x7F && cp <= 0x9F)) return false;
        if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) return false;
    }
    return true;
}

void RequestBody::record_known_fields(std::set<std::string>* into) { known_fields_recorder = into; }

RequestBody::RequestBody(const std::string& text, std::initializer_list<const char*> known) {
    if (known_fields_recorder) known_fields_recorder->insert(known.begin(), known.end());
    BodyWalk walk;
    try {
        body_ = nlohmann::json::parse(text.empty() ? std::string("{}") : text, std::ref(walk));
    } catch (const nlohmann::json::out_of_range&) {
        // 1e999, -1e400 or an integer of hundreds of digits: no double holds it.
        const std::string f = walk.path();
        throw bad_request(f, "Fältet " + f + " innehåller ett tal som är för stort.",
                          "The field " + f + " contains a number that is too large.");
    } catch (const nlohmann::json::parse_error& e) {
        const std::string f = walk.path();
        if (std::string(e.what()).find("UTF-8") != std::string::npos || std::string(e.what()).find("surrogate") != std::string::npos)
            throw bad_request(f, "Fältet " + f + " är inte giltig text (UTF-8).", "The field " + f + " is not valid text (UTF-8).");
        throw bad_request("", "Förfrågan är inte giltig JSON.", "The request is not valid JSON.");
    } catch (const nlohmann::json::exception&) {
        throw bad_request(walk.path(), "Förfrågan är inte giltig JSON.", "The request is not valid JSON.");
    }
    if (!body_.is_object()) throw bad_request("", "Förfrågan ska vara ett JSON-objekt.", "The request must be a JSON object.");
    for (const auto& [name, value] : body_.items()) {
        bool ok = false;
        for (const char* k : known) ok = ok || name == k;
        if (!ok) throw bad_request(name, "Okänt fält: " + name + ".", "Unknown field: " + name + ".");
    }
}

std::optional<std::string> RequestBody::string_field(const char* field, std::size_t max_chars) const {
    auto it = body_.find(field);
    if (it == body_.end() || it->is_null()) return std::nullopt;
    const std::string f = field;
    if (!it->is_string()) throw bad_request(f, "Fältet " + f + " ska vara text.", "The field " + f + " must be text.");
    std::string s = it->get<std::string>();
    if (utf8_length(s) > max_chars)
        throw bad_request(f, "Fältet " + f + " får vara högst " + std::to_string(max_chars) + " tecken.",
                          "The field " + f + " can be at most " + std::to_string(max_chars) + " characters.");
    if (!takes_line_breaks(f) && s.find_first_of("\n\t") != std::string::npos)
        throw bad_request(f, "Fältet " + f + " ska vara en enda rad, utan radbrytningar eller tabbar.",
                          "The field " + f + " must be a single line, without line breaks or tabs.");
    return s;  // its other characters were checked while parsing
}

std::string RequestBody::required_string(const char* field, std::size_t max_chars) const {
    auto s = string_field(field, max_chars);
    if (!s || s->empty()) throw missing(field);
    return *s;
}

std::string RequestBody::optional_string(const char* field, std::size_t max_chars) const {
    return string_field(field, max_chars).value_or("");
}

Date RequestBody::required_date(const char* field) const {
    const std::string s = required_string(field, 10);
    auto d = Date::parse(s);
    if (!d) throw not_a_date(field);
    check_date_bounds(field, *d);
    return *d;
}

void RequestBody::check_date_bounds(const std::string& f, const Date& d) {
    const Date latest = latest_body_date();
    if (d < kEarliestBodyDate || latest < d)
        throw bad_request(f, "Fältet " + f + " ska vara ett datum mellan " + kEarliestBodyDate.iso() + " och " + latest.iso() + ".",
                          "The field " + f + " must be a date between " + kEarliestBodyDate.iso() + " and " + latest.iso() + ".");
}

std::optional<Date> RequestBody::optional_date(const char* field) const {
    if (!has(field)) return std::nullopt;
    return required_date(field);
}

std::optional<int> parse_time_of_day(const std::string& t) {
    if (t.size() != 5 || t[2] != ':') return std::nullopt;
    for (int i : {0, 1, 3, 4})
        if (t[i] < '0' || t[i] > '9') return std::nullopt;
    const int h = (t[0] - '0') * 10 + (t[1] - '0'), m = (t[3] - '0') * 10 + (t[4] - '0');
    if (h > 23 || m > 59) return std::nullopt;
    return h * 60 + m;
}

std::string format_time_of_day(int minutes) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d:%02d", minutes / 60 % 24, minutes % 60);
    return buf;
}

int RequestBody::required_time(const char* field) const {
    auto t = parse_time_of_day(required_string(field, 5));
    if (!t)
        throw bad_request(field, std::string("Fältet ") + field + " ska vara en tid på formen TT:MM.",
                          std::string("The field ") + field + " must be a time written HH:MM.");
    return *t;
}

std::optional<int> RequestBody::optional_time(const char* field) const {
    if (!has(field)) return std::nullopt;
    return required_time(field);
}

long long RequestBody::required_int(const char* field, long long min, long long max) const {
    auto it = body_.find(field);
    if (it == body_.end() || it->is_null()) throw missing(field);
    if (!it->is_number_integer())
        throw bad_request(field, std::string("Fältet ") + field + " ska vara ett heltal.",
                          std::string("The field ") + field + " must be a whole number.");
    const long long v = it->get<long long>();
    if (v < min || v > max)
        throw bad_request(field,
                          std::string("Fältet ") + field + " ska vara mellan " + std::to_string(min) + " och " +
                              std::to_string(max) + ".",
                          std::string("The field ") + field + " must be between " + std::to_string(min) + " and " +
                              std::to_string(max) + ".");
    return v;
}

std::optional<bool> RequestBody::optional_bool(const char* field) const {
    if (!has(field)) return std::nullopt;
    if (!body_[field].is_boolean())
        throw bad_request(field, std::string("Fältet ") + field + " ska vara true eller false.",
                          std::string("The field ") + field + " must be true or false.");
    return body_[field].get<bool>();
}

std::vector<std::string> RequestBody::string_list(const char* field, std::size_t max_items, std::size_t max_chars) const {
    std::vector<std::string> out;
    if (!has(field)) return out;
    const auto& v = body_[field];
    const std::string f = field;
    if (!v.is_array()) throw bad_request(f, "Fältet " + f + " ska vara en lista.", "The field " + f + " must be a list.");
    if (v.size() > max_items)
        throw bad_request(f, "Fältet " + f + " får ha högst " + std::to_string(max_items) + " delar.",
                          "The field " + f + " can have at most " + std::to_string(max_items) + " items.");
    for (const auto& item : v) {
        if (!item.is_string() || item.get<std::string>().empty() || utf8_length(item.get<std::string>()) > max_chars ||
            item.get<std::string>().find_first_of("\n\t") != std::string::npos)
            throw bad_request(f, "Fältet " + f + " ska innehålla en rad text per del, högst " + std::to_string(max_chars) + " tecken.",
                              "The field " + f + " must contain one line of text per item, at most " +
                                  std::to_string(max_chars) + " characters.");
        out.push_back(item.get<std::string>());
    }
    return out;
}

const nlohmann::json& RequestBody::raw(const char* field) const {
    static const nlohmann::json null_value;
    auto it = body_.find(field);
    return it == body_.end() ? null_value : *it;
}

std::size_t utf8_length(const std::string& text) {
    std::size_t n = 0;
    for (unsigned char c : text) n += (c & 0xC0) != 0x80;
    return n;
}

}  // namespace skolnav
