#include "icalendar.hpp"

#include <cstdio>

namespace skolnav::ical {

std::string escape_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        switch (c) {
            case '\\': out += "\\\\"; break;
            case ';': out += "\\;"; break;
            case ',': out += "\\,"; break;
            case '\r':
                if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
                out += "\\n";
                break;
            case '\n': out += "\\n"; break;
            default:
                // RFC 5545 3.3.11: no control characters other than HTAB in TEXT.
                if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7f) break;
                out += c;
        }
    }
    return out;
}

std::string parameter_value(std::string_view value) {
    std::string clean;
    bool quote = false;
    for (char c : value) {
        const unsigned char u = static_cast<unsigned char>(c);
        if (c == '"' || (u < 0x20 && c != '\t') || u == 0x7f) continue;
        if (c == ':' || c == ';' || c == ',') quote = true;
        clean += c;
    }
    return quote ? "\"" + clean + "\"" : clean;
}

std::string fold(std::string_view line) {
    std::string out;
    out.reserve(line.size() + line.size() / 70 * 3 + 2);
    std::size_t pos = 0;
    std::size_t room = kMaxLineOctets;  // the first line has 75 octets; later ones 74 after the space
    while (line.size() - pos > room) {
        std::size_t cut = pos + room;
        // Back up to the first byte of a UTF-8 character (continuation bytes are 10xxxxxx).
        while (cut > pos && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
        if (cut == pos) cut = pos + room;  // not UTF-8 at all: cut where the octets run out
        out.append(line.substr(pos, cut - pos));
        out += "\r\n ";
        pos = cut;
        room = kMaxLineOctets - 1;
    }
    out.append(line.substr(pos));
    out += "\r\n";
    return out;
}

std::string date_value(const Date& day) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d%02d%02d", day.year, day.month, day.day);
    return buf;
}

std::string local_date_time(const Date& day, int minutes) {
    // Minutes past midnight may run into the next day (an event ending at 24:00).
    const Date d = day.plus_days(minutes / (24 * 60));
    minutes %= 24 * 60;
    char buf[24];
    std::snprintf(buf, sizeof buf, "T%02d%02d00", minutes / 60, minutes % 60);
    return date_value(d) + buf;
}

std::string utc_date_time(UnixSeconds t) {
    // utc_iso: "YYYY-MM-DDTHH:MM:SSZ"
    const std::string iso = utc_iso(t);
    std::string out;
    for (char c : iso)
        if (c != '-' && c != ':') out += c;
    return out;
}

std::string utc_offset(int minutes) {
    const char sign = minutes < 0 ? '-' : '+';
    if (minutes < 0) minutes = -minutes;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%c%02d%02d", sign, minutes / 60, minutes % 60);
    return buf;
}

void Writer::begin(std::string_view component) { property("BEGIN", component); }
void Writer::end(std::string_view component) { property("END", component); }

void Writer::property(std::string_view name, std::string_view value, const Parameters& parameters) {
    std::string line(name);
    for (const auto& [key, v] : parameters) {
        line += ';';
        line += key;
        line += '=';
        line += parameter_value(v);
    }
    line += ':';
    line += value;
    out_ += fold(line);
}

void Writer::text(std::string_view name, std::string_view value, const Parameters& parameters) {
    property(name, escape_text(value), parameters);
}

void Writer::eu_time_zone(std::string_view tzid, int standard_offset_minutes, bool eu_summer_time,
                          std::string_view standard_name, std::string_view summer_name) {
    const int summer = standard_offset_minutes + 60;
    begin("VTIMEZONE");
    property("TZID", tzid);
    if (eu_summer_time) {
        // The switch is at 01:00 UTC: in local wall-clock time, 01:00 plus the offset in
        // force before it.
        begin("DAYLIGHT");
        property("TZOFFSETFROM", utc_offset(standard_offset_minutes));
        property("TZOFFSETTO", utc_offset(summer));
        if (!summer_name.empty()) text("TZNAME", summer_name);
        property("DTSTART", local_date_time(Date{1981, 3, 29}, 60 + standard_offset_minutes));
        property("RRULE", "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU");
        end("DAYLIGHT");
    }
    begin("STANDARD");
    property("TZOFFSETFROM", utc_offset(eu_summer_time ? summer : standard_offset_minutes));
    property("TZOFFSETTO", utc_offset(standard_offset_minutes));
    if (!standard_name.empty()) text("TZNAME", standard_name);
    if (eu_summer_time) {
        property("DTSTART", local_date_time(Date{1996, 10, 27}, 60 + summer));
        property("RRULE", "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU");
    } else {
        property("DTSTART", "19700101T000000");
    }
    end("STANDARD");
    end("VTIMEZONE");
}

}  // namespace skolnav::ical
