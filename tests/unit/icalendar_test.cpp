// The RFC 5545 writer on its own: TEXT escaping, CRLF line ends, folding at exactly 75
// octets without splitting a UTF-8 character, values and the EU VTIMEZONE.
#include <catch2/catch.hpp>

#include "core/icalendar.hpp"

using namespace skolnav;

namespace {
// The physical lines of written text (each must end in CRLF; a bare LF or CR fails).
std::vector<std::string> physical_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const auto crlf = text.find("\r\n", pos);
        REQUIRE(crlf != std::string::npos);
        lines.push_back(text.substr(pos, crlf - pos));
        CHECK(lines.back().find('\n') == std::string::npos);
        CHECK(lines.back().find('\r') == std::string::npos);
        pos = crlf + 2;
    }
    return lines;
}
// Undoes folding: a CRLF followed by a space disappears with the space.
std::string unfold(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text.compare(i, 3, "\r\n ") == 0) {
            i += 2;
            continue;
        }
        out += text[i];
    }
    return out;
}
bool starts_utf8_character(unsigned char c) { return (c & 0xC0) != 0x80; }
}  // namespace

TEST_CASE("TEXT escaping", "[icalendar]") {
    CHECK(ical::escape_text("Möte; rum 3, ta med\\penna") == "Möte\\; rum 3\\, ta med\\\\penna");
    CHECK(ical::escape_text("rad 1\nrad 2\r\nrad 3\rrad 4") == "rad 1\\nrad 2\\nrad 3\\nrad 4");
    CHECK(ical::escape_text(std::string("bell\x07 and\ttab")) == "bell and\ttab");
    CHECK(ical::escape_text("Läxa: glosor") == "Läxa: glosor");  // colons need no escape in TEXT
    CHECK(ical::parameter_value("Europe/Stockholm") == "Europe/Stockholm");
    CHECK(ical::parameter_value("a:b") == "\"a:b\"");
    CHECK(ical::parameter_value("say \"hi\"") == "say hi");
}

TEST_CASE("lines are folded at exactly 75 octets, never inside a UTF-8 character", "[icalendar]") {
    const std::string s75(75, 'x');
    CHECK(ical::fold(s75) == s75 + "\r\n");  // fits: not folded
    CHECK(ical::fold(s75 + "y") == s75 + "\r\n y\r\n");
    // 74 ASCII octets then "å" (2 octets): the å may not be split, so the line is 74.
    const std::string a74(74, 'a');
    CHECK(ical::fold(a74 + "åb") == a74 + "\r\n åb\r\n");
    // 73 + "ä" is exactly 75: no fold.
    CHECK(ical::fold(std::string(73, 'a') + "ä") == std::string(73, 'a') + "ä\r\n");
    // 73 + "ö" + "z": the fold comes right after the ö.
    CHECK(ical::fold(std::string(73, 'a') + "öz") == std::string(73, 'a') + "ö\r\n z\r\n");
    // Continuation lines hold 74 octets after their space: 75 + 74 + 1.
    const std::string long_line = s75 + std::string(74, 'y') + "z";
    CHECK(ical::fold(long_line) == s75 + "\r\n " + std::string(74, 'y') + "\r\n z\r\n");

    // Every offset of multi-byte characters against the boundary: 1- to 4-octet characters.
    for (int pad = 0; pad < 8; ++pad) {
        std::string text = "DESCRIPTION:" + std::string(pad, '-');
        for (int i = 0; i < 80; ++i) text += i % 4 == 0 ? "å" : i % 4 == 1 ? "€" : i % 4 == 2 ? "😀" : "ö,";
        const std::string folded = ical::fold(text);
        INFO("pad " << pad);
        int lines = 0;
        for (const std::string& line : physical_lines(folded)) {
            CHECK(line.size() <= 75);
            if (lines > 0) {
                REQUIRE(line.size() >= 2);
                CHECK(line[0] == ' ');
                CHECK(starts_utf8_character(static_cast<unsigned char>(line[1])));
            }
            ++lines;
        }
        CHECK(lines >= 3);
        CHECK(unfold(folded) == text + "\r\n");
    }
}

TEST_CASE("the writer ends every line in CRLF and writes values in their forms", "[icalendar]") {
    ical::Writer w;
    w.begin("VEVENT");
    w.text("SUMMARY", "Elsa: Utflykt, buss; matsäck\nTa med kläder");
    w.property("DTSTART", ical::local_date_time(*Date::parse("2026-12-01"), 8 * 60 + 15), {{"TZID", "Europe/Stockholm"}});
    w.property("DTEND", ical::date_value(*Date::parse("2026-12-02")), {{"VALUE", "DATE"}});
    w.end("VEVENT");
    CHECK(w.str() ==
          "BEGIN:VEVENT\r\n"
          "SUMMARY:Elsa: Utflykt\\, buss\\; matsäck\\nTa med kläder\r\n"
          "DTSTART;TZID=Europe/Stockholm:20261201T081500\r\n"
          "DTEND;VALUE=DATE:20261202\r\n"
          "END:VEVENT\r\n");
    CHECK(ical::local_date_time(*Date::parse("2026-12-31"), 24 * 60) == "20270101T000000");
    CHECK(ical::utc_date_time(1796029200) == "20261130T090000Z");
    CHECK(ical::utc_offset(60) == "+0100");
    CHECK(ical::utc_offset(-330) == "-0530");
}

TEST_CASE("a VTIMEZONE for Europe/Stockholm with the EU summer-time rule", "[icalendar]") {
    ical::Writer w;
    w.eu_time_zone("Europe/Stockholm", 60, true, "CET", "CEST");
    CHECK(w.str() ==
          "BEGIN:VTIMEZONE\r\n"
          "TZID:Europe/Stockholm\r\n"
          "BEGIN:DAYLIGHT\r\n"
          "TZOFFSETFROM:+0100\r\n"
          "TZOFFSETTO:+0200\r\n"
          "TZNAME:CEST\r\n"
          "DTSTART:19810329T020000\r\n"
          "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"
          "END:DAYLIGHT\r\n"
          "BEGIN:STANDARD\r\n"
          "TZOFFSETFROM:+0200\r\n"
          "TZOFFSETTO:+0100\r\n"
          "TZNAME:CET\r\n"
          "DTSTART:19961027T030000\r\n"
          "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"
          "END:STANDARD\r\n"
          "END:VTIMEZONE\r\n");
}
