#include "app/swedish_dates.hpp"

#include <cctype>

#include "app/calendar_days.hpp"
#include "app/i18n.hpp"
#include "app/relative_time.hpp"

namespace app::dates {
namespace {

// Names by language rather than through tr(): the short and long Swedish month names
// share words ("mars", "maj", "juni", "juli") that differ in English.
struct Names {
    const char* short_days[7];
    const char* long_days[7];
    const char* short_months[12];
    const char* long_months[12];
};

const Names kSwedish = {
    {"mån", "tis", "ons", "tors", "fre", "lör", "sön"},
    {"måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"},
    {"jan", "feb", "mars", "apr", "maj", "juni", "juli", "aug", "sep", "okt", "nov", "dec"},
    {"januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
     "november", "december"},
};

const Names kEnglish = {
    {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"},
    {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"},
    {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
    {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
     "November", "December"},
};

bool english() { return app::language() == app::Language::English; }
const Names& names() { return english() ? kEnglish : kSwedish; }

// "21:04" from a timestamp, or empty when it has no time.
std::string_view time_of(std::string_view iso) {
    return iso.size() >= 16 && iso[10] == 'T' ? iso.substr(11, 5) : std::string_view();
}

}  // namespace

std::string short_day(std::string_view iso) {
    const calendar::Day v = calendar::parse_day(iso);
    if (!v.ok()) return std::string(iso);
    const Names& n = names();
    return std::string(n.short_days[calendar::weekday(v)]) + " " + std::to_string(v.d) + " " + n.short_months[v.m - 1];
}

std::string long_day(std::string_view iso) {
    const calendar::Day v = calendar::parse_day(iso);
    if (!v.ok()) return std::string(iso);
    const Names& n = names();
    return std::string(n.long_days[calendar::weekday(v)]) + " " + std::to_string(v.d) + " " + n.long_months[v.m - 1];
}

std::string date_time(std::string_view iso) {
    std::string day = short_day(iso);
    std::string_view time = time_of(iso);
    if (!time.empty()) day += " " + clock(time);
    return day;
}

std::string long_date_time(std::string_view iso) {
    std::string day = long_day(iso);
    std::string_view time = time_of(iso);
    if (!time.empty()) day += (english() ? " at " : " kl. ") + std::string(time);
    return day;
}

std::string published(std::string_view iso, std::string_view author) {
    const std::string when = long_date_time(iso);
    return author.empty() ? trf("Publicerad %s", when.c_str())
                          : trf("Publicerad %s av %s", when.c_str(), std::string(author).c_str());
}

std::string changed(std::string_view iso) { return trf("Ändrad %s", date_time(iso).c_str()); }

namespace {

// The instant of an ISO timestamp and its UTC offset in seconds.
bool instant(std::string_view iso, long long* out, long long* utc_offset) {
    const calendar::Day day = calendar::parse_day(iso);
    if (!day.ok() || iso.size() < 19 || iso[10] != 'T') return false;
    auto digits = [&](size_t at, size_t n, int* value) {
        *value = 0;
        for (size_t i = at; i < at + n; ++i) {
            if (i >= iso.size() || iso[i] < '0' || iso[i] > '9') return false;
            *value = *value * 10 + (iso[i] - '0');
        }
        return true;
    };
    int h = 0, mi = 0, s = 0;
    if (!digits(11, 2, &h) || !digits(14, 2, &mi) || !digits(17, 2, &s)) return false;
    size_t at = 19;
    if (at < iso.size() && iso[at] == '.')
        for (++at; at < iso.size() && iso[at] >= '0' && iso[at] <= '9';) ++at;  // fractions of a second
    long long offset = 0;
    if (at < iso.size() && (iso[at] == '+' || iso[at] == '-')) {
        int oh = 0, om = 0;
        if (!digits(at + 1, 2, &oh) || !digits(at + 4, 2, &om)) return false;
        offset = (oh * 60LL + om) * 60 * (iso[at] == '-' ? -1 : 1);
    } else if (at >= iso.size() || iso[at] != 'Z') {
        return false;
    }
    *out = calendar::days_from_civil(day) * 86400LL + h * 3600LL + mi * 60LL + s - offset;
    *utc_offset = offset;
    return true;
}

}  // namespace

std::string relative(std::string_view iso, long long now_unix) {
    long long then = 0, offset = 0;
    if (!instant(iso, &then, &offset)) return date_time(iso);
    const long long ago = now_unix - then;
    if (ago < -60) return date_time(iso);
    if (ago < 60) return tr("nyss");
    if (ago < 3600) return trf("för %d min sedan", static_cast<int>(ago / 60));
    // Today and yesterday as the timestamp's own clock (the school's) counts days.
    const long long today = (now_unix + offset) / 86400, day = (then + offset) / 86400;
    const std::string at = clock(time_of(iso));
    if (day == today) return trf("i dag %s", at.c_str());
    if (day == today - 1) return trf("i går %s", at.c_str());
    return date_time(iso);
}

long long relative_changes_in(std::string_view iso, long long now_unix) {
    long long then = 0, offset = 0;
    if (!instant(iso, &then, &offset)) return -1;
    const long long ago = now_unix - then;
    if (ago < -60) return -60 - ago;
    if (ago < 60) return 60 - ago;
    if (ago < 3600) return 60 - ago % 60;
    const long long today = (now_unix + offset) / 86400, day = (then + offset) / 86400;
    if (day >= today - 1) return 86400 - (now_unix + offset) % 86400;  // at midnight
    return -1;
}

std::string clock(std::string_view hh_mm) {
    return english() ? std::string(hh_mm) : "kl. " + std::string(hh_mm);
}

std::string month_name(int month) {
    return month >= 1 && month <= 12 ? names().long_months[month - 1] : std::string();
}

std::string short_weekday(int weekday) {
    return weekday >= 0 && weekday <= 6 ? names().short_days[weekday] : std::string();
}

std::string capitalized(std::string s) {
    if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    return s;
}

namespace {

const EnglishText kSentences[] = {
    {"Publicerad %s", "Published %s"},
    {"Publicerad %s av %s", "Published %s by %s"},
    {"Ändrad %s", "Updated %s"},
    {"nyss", "just now"},
    {"för %d min sedan", "%d min ago"},
    {"i dag %s", "today at %s"},
    {"i går %s", "yesterday at %s"},
};
const EnglishTexts kRegistered(kSentences);

}  // namespace

}  // namespace app::dates
