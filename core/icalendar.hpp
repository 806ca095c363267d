// An iCalendar (RFC 5545) writer with no knowledge of schools: components, properties
// with parameters, TEXT escaping, CRLF line ends and lines folded at 75 octets
// (never inside a UTF-8 character), and a VTIMEZONE for a zone that follows the EU
// summer-time rule.
//
//   ical::Writer w;
//   w.begin("VCALENDAR");
//   w.property("VERSION", "2.0");
//   w.text("SUMMARY", "Möte, rum 3; ta med");   // escaped: "Möte\, rum 3\; ta med"
//   w.property("DTSTART", ical::local_date_time(day, 8 * 60), {{"TZID", "Europe/Stockholm"}});
//   w.end("VCALENDAR");
//   std::string bytes = w.str();
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "date_time.hpp"

namespace skolnav::ical {

constexpr std::size_t kMaxLineOctets = 75;  // excluding the CRLF

using Parameters = std::vector<std::pair<std::string, std::string>>;

// A TEXT value: backslash, semicolon and comma escaped, every line break (CRLF, LF,
// CR) as "\n", other control characters dropped.
std::string escape_text(std::string_view text);
// A parameter value: quoted when it holds ':', ';' or ','; quotes and control
// characters dropped.
std::string parameter_value(std::string_view value);
// One content line, folded: at most 75 octets a line, continuation lines starting with
// a space, each line ending in CRLF; a multi-byte UTF-8 character is never split.
std::string fold(std::string_view line);

// Values.
std::string date_value(const Date& day);                   // "20261201" (with VALUE=DATE)
std::string local_date_time(const Date& day, int minutes);  // "20261201T081500" (with TZID)
std::string utc_date_time(UnixSeconds t);                  // "20261201T071500Z"
std::string utc_offset(int minutes);                       // "+0100"

class Writer {
public:
    void begin(std::string_view component);
    void end(std::string_view component);
    // A property whose value is already in its type's form (dates, numbers, URIs).
    void property(std::string_view name, std::string_view value, const Parameters& parameters = {});
    // A TEXT property: the value is escaped.
    void text(std::string_view name, std::string_view value, const Parameters& parameters = {});
    // A VTIMEZONE for a zone `standard_offset_minutes` east of UTC that, if
    // `eu_summer_time`, is an hour ahead from the last Sunday of March to the last
    // Sunday of October, switching at 01:00 UTC.
    void eu_time_zone(std::string_view tzid, int standard_offset_minutes, bool eu_summer_time,
                      std::string_view standard_name, std::string_view summer_name);
    const std::string& str() const { return out_; }

private:
    std::string out_;
};

}  // namespace skolnav::ical
