#include "boxes/schema.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <ctime>

#include "app/calendar_days.hpp"
#include "app/i18n.hpp"
#include "app/icons.hpp"
#include "app/swedish_dates.hpp"
#include "app/theme.hpp"
#include "app/ui.hpp"
#include "app/widget_registry.hpp"
#include "imgui.h"
#include "platform/frame_scheduler.hpp"

#ifdef __EMSCRIPTEN__
#include <emscripten/eventloop.h>
#endif

namespace boxes {
namespace {

using app::Json;
namespace ui = app::ui;
namespace theme = app::theme;
using app::fonts::Face;
using app::dates::capitalized;

// ---- days and weeks (app::calendar does the arithmetic) ---------------------------------

using app::calendar::Day;
using app::calendar::iso;
using app::calendar::iso_week_of;
using app::calendar::monday_of_week;
using app::calendar::parse_day;
using app::calendar::plus_days;

std::string add_days(const std::string& day, int n) {
    const Day d = parse_day(day);
    return d.ok() ? iso(plus_days(d, n)) : day;
}

std::string week_of(const std::string& day) { return iso_week_of(parse_day(day)); }

std::string add_weeks(const std::string& week, int n) {
    const Day monday = monday_of_week(week);
    return monday.ok() ? iso_week_of(plus_days(monday, 7L * n)) : week;
}

// "49" from "2026-W49" (the label itself when it names no week).
std::string week_number(const std::string& week) {
    return week.find('W') == std::string::npos ? week : std::to_string(app::calendar::week_number(week));
}

// "2026-11-30T08:10:00+01:00" -> seconds since the epoch (the offset makes it exact).
bool parse_instant(const std::string& s, double& out) {
    const Day day = parse_day(s);
    int h = 0, mi = 0, sec = 0;
    if (!day.ok() || s.size() < 19 || s[10] != 'T') return false;
    if (std::sscanf(s.c_str() + 11, "%d:%d:%d", &h, &mi, &sec) != 3) return false;
    long offset = 0;
    if (s.size() >= 25 && (s[19] == '+' || s[19] == '-')) {
        int oh = 0, om = 0;
        if (std::sscanf(s.c_str() + 20, "%d:%d", &oh, &om) != 2) return false;
        offset = (oh * 3600L + om * 60L) * (s[19] == '-' ? -1 : 1);
    }
    out = static_cast<double>(app::calendar::days_from_civil(day)) * 86400.0 + h * 3600.0 + mi * 60.0 + sec - static_cast<double>(offset);
    return true;
}

double now_seconds() { return static_cast<double>(std::time(nullptr)); }

bool is_ongoing(const SchemaLesson& l, double now) {
    double a, b;
    return parse_instant(l.starts_at, a) && parse_instant(l.ends_at, b) && now >= a && now < b;
}

int minutes_of(const std::string& hhmm) {
    int h = 0, m = 0;
    if (std::sscanf(hhmm.c_str(), "%d:%d", &h, &m) != 2) return 0;
    return h * 60 + m;
}

std::string time_range(const SchemaLesson& l) { return l.start + "–" + l.end; }  // en dash

std::string details(const SchemaLesson& l) {
    std::string out = l.room;
    if (!l.teacher.empty()) out += (out.empty() ? "" : " · ") + l.teacher;
    return out;
}

// ---- drawing text with the draw list, registered like ui::Text --------------------------

struct Font {
    ImFont* font;
    float size;
};

Font font(Face face) {
    ImFont* f = app::fonts::get(face);
    return {f, f->FontSize * ImGui::GetIO().FontGlobalScale};
}

ImVec2 measure(Font f, const std::string& text, float wrap = 0.0f) {
    return f.font->CalcTextSizeA(f.size, FLT_MAX, wrap, text.data(), text.data() + text.size());
}

void put(ImDrawList* dl, Font f, ImVec2 pos, ImU32 color, const std::string& text, float wrap = 0.0f) {
    if (text.empty()) return;
    dl->AddText(f.font, f.size, pos, color, text.data(), text.data() + text.size(), wrap);
    ImVec2 size = measure(f, text, wrap);
    app::registry::add_text(text, pos, ImVec2(pos.x + size.x, pos.y + size.y));
}

// The text cut to `width` with an ellipsis (whole UTF-8 characters).
std::string fitted(Font f, std::string text, float width) {
    if (measure(f, text).x <= width) return text;
    while (!text.empty()) {
        do text.pop_back();
        while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80);
        if (!text.empty() && static_cast<unsigned char>(text.back()) >= 0xC0) text.pop_back();
        while (!text.empty() && text.back() == ' ') text.pop_back();
        if (measure(f, text + "…").x <= width) return text + "…";
    }
    return {};
}

// A square button with only an icon; its label (after ##) is what tests and assistive
// tech read.
bool IconButton(const char* icon, const char* label) {
    const float h = ImGui::GetFontSize() + ImGui::GetStyle().FramePadding.y * 2;
    std::string id = std::string("##") + label;
    ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(0, ImGui::GetStyle().FramePadding.y));
    ImGui::PushStyleColor(ImGuiCol_Button, theme::colors().surface);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, theme::colors().accent_soft);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, theme::colors().accent_soft_hover);
    app::registry::hint_next("button");
    bool clicked = ImGui::Button(id.c_str(), ImVec2(h, h));
    ImGui::PopStyleColor(3);
    ImGui::PopStyleVar();
    ImVec2 size = ImGui::CalcTextSize(icon);
    ImGui::GetWindowDrawList()->AddText(ImVec2(pos.x + (h - size.x) * 0.5f, pos.y + (h - size.y) * 0.5f),
                                        theme::colors().accent, icon);
    if (clicked) platform::request_frames();
    return clicked;
}

// ---- one lesson as a row (day view, and the week on a phone) -----------------------------

struct RowLayout {
    float pad_x = 16, pad_y = 12, time_w = 0, gap = 16;
    bool stacked = false;  // time above the subject (narrow)
};

RowLayout row_layout(float width) {
    RowLayout r;
    r.time_w = measure(font(Face::Strong), "00:00–00:00").x;
    r.stacked = width < 340;
    if (width < 420) r.pad_x = 14;
    return r;
}

const char* ongoing_label() { return app::tr("Pågår nu"); }

float badge_width() { return measure(font(Face::Small), ongoing_label()).x + 16; }

float row_height(const SchemaLesson& l, float width, const RowLayout& r, bool ongoing) {
    Font strong = font(Face::Strong), small = font(Face::Small);
    float text_x = r.stacked ? 0 : r.time_w + r.gap;
    float text_w = width - r.pad_x * 2 - text_x;
    float subject_w = text_w - (ongoing && !r.stacked ? badge_width() + 8 : 0);
    float h = r.pad_y * 2 + measure(strong, l.subject, subject_w).y;
    if (r.stacked) h += strong.size + 4;
    std::string d = details(l);
    if (!d.empty()) h += 3 + measure(small, d, text_w).y;
    return h;
}

void draw_row(ImDrawList* dl, ImVec2 pos, float width, float height, const SchemaLesson& l, const RowLayout& r,
              bool ongoing) {
    Font strong = font(Face::Strong), small = font(Face::Small);
    if (ongoing) {
        ImVec2 a(pos.x + 6, pos.y + 4), b(pos.x + width - 6, pos.y + height - 4);
        dl->AddRectFilled(a, b, theme::colors().accent_soft, 8.0f);
        dl->AddRectFilled(a, ImVec2(a.x + 4, b.y), theme::colors().accent, 8.0f, ImDrawFlags_RoundCornersLeft);
    }
    float x = pos.x + r.pad_x, y = pos.y + r.pad_y;
    float text_x = r.stacked ? 0 : r.time_w + r.gap;
    float text_w = width - r.pad_x * 2 - text_x;
    put(dl, strong, ImVec2(x, y), ongoing ? theme::colors().accent : theme::colors().text, time_range(l));
    if (ongoing) ui::Badge(ongoing_label(), ImVec2(pos.x + width - r.pad_x, y + strong.size * 0.5f), true);
    if (r.stacked) y += strong.size + 4;
    float subject_w = text_w - (ongoing && !r.stacked ? badge_width() + 8 : 0);
    put(dl, strong, ImVec2(x + text_x, y), theme::colors().text, l.subject, subject_w);
    y += measure(strong, l.subject, subject_w).y + 3;
    put(dl, small, ImVec2(x + text_x, y), theme::colors().muted_text, details(l), text_w);
}

// A white card holding the lessons of one day, one row each, separated by thin lines.
void draw_lesson_card(const SchemaDay& day, double now) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float width = ImGui::GetContentRegionAvail().x;
    const RowLayout r = row_layout(width);
    std::vector<float> heights;
    float total = 8;  // a little air above the first row and below the last
    for (const SchemaLesson& l : day.lessons) {
        heights.push_back(row_height(l, width, r, is_ongoing(l, now)));
        total += heights.back();
    }
    ImVec2 pos = ImGui::GetCursorScreenPos();
    dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + total), theme::colors().surface, theme::kCardRounding);
    dl->AddRect(pos, ImVec2(pos.x + width, pos.y + total), theme::colors().border, theme::kCardRounding);
    float y = pos.y + 4;
    for (size_t i = 0; i < day.lessons.size(); ++i) {
        if (i > 0) dl->AddLine(ImVec2(pos.x + r.pad_x, y), ImVec2(pos.x + width - r.pad_x, y), theme::colors().border);
        draw_row(dl, ImVec2(pos.x, y), width, heights[i], day.lessons[i], r, is_ongoing(day.lessons[i], now));
        y += heights[i];
    }
    ImGui::Dummy(ImVec2(width, total));
}

// ---- waking up when a lesson starts or ends (the only timed redraw) ----------------------

#ifdef __EMSCRIPTEN__
long g_timer = 0;
double g_timer_at = 0;
void on_timer(void*) {
    g_timer = 0;
    platform::request_frames();
}
#endif

void wake_at(double when, double now) {
#ifdef __EMSCRIPTEN__
    if (g_timer && g_timer_at <= when) return;
    if (g_timer) emscripten_clear_timeout(g_timer);
    g_timer_at = when;
    g_timer = emscripten_set_timeout(on_timer, (when - now) * 1000.0 + 250.0, nullptr);
#else
    (void)when;
    (void)now;
#endif
}

std::string path_for(const std::string& pupil_id, const std::string& key) {
    return "/api/v1/pupils/" + app::url_segment(pupil_id) + "/timetable" + (key.empty() ? "" : "?" + key);
}

}  // namespace

// ---- data ---------------------------------------------------------------------------------

void SchemaBox::fetch(BoxContext& ctx, const std::string& key) {
    pending_.insert(key);
    errors_.erase(key);
    unsigned generation = generation_;
    ctx.api.get(path_for(pupil_id_, key), [this, generation, key](const app::ApiReply& reply) {
        if (generation != generation_) return;
        pending_.erase(key);
        if (!reply.ok()) {
            errors_[key] = reply.error.message.empty() ? app::tr("Schemat kunde inte hämtas.") : reply.error.message;
            return;
        }
        take_reply(reply.body, key);
    });
}

void SchemaBox::take_reply(const Json& body, const std::string& key) {
    today_ = app::text(body, "today");
    in_skolnav_ = app::flag(body, "in_skolnav", true);
    const Json& days = app::field(body, "days");
    if (days.is_array()) {
        for (const Json& d : days) {
            SchemaDay day;
            day.date = app::text(d, "date");
            const Json& wd = app::field(d, "weekday");
            day.weekday = wd.is_number_integer() ? wd.get<int>() : 0;
            const Json& lessons = app::field(d, "lessons");
            if (lessons.is_array()) {
                for (const Json& j : lessons) {
                    SchemaLesson l;
                    l.id = app::text(j, "id");
                    l.subject = app::text(j, "subject");
                    l.date = app::text(j, "date");
                    l.start = app::text(j, "start");
                    l.end = app::text(j, "end");
                    l.room = app::text(j, "room");
                    l.teacher = app::text(app::field(j, "teacher"), "name");
                    l.starts_at = app::text(j, "starts_at");
                    l.ends_at = app::text(j, "ends_at");
                    day.lessons.push_back(std::move(l));
                }
            }
            std::stable_sort(day.lessons.begin(), day.lessons.end(), [](const SchemaLesson& a, const SchemaLesson& b) {
                return a.start != b.start ? a.start < b.start : a.end < b.end;
            });
            if (!day.date.empty()) days_[day.date] = std::move(day);
        }
    }
    const std::string week = app::text(body, "week");
    if (key.rfind("date=", 0) != 0 && !week.empty()) weeks_.insert(week);
    if (shown_day_.empty()) shown_day_ = today_;
    if (shown_week_.empty()) shown_week_ = week_of(today_);
    known_ = true;
}

void SchemaBox::on_open(BoxContext&) {
    // Fresh data on every visit, starting at today.
    ++generation_;
    known_ = false;
    days_.clear();
    weeks_.clear();
    pending_.clear();
    errors_.clear();
    shown_day_.clear();
    shown_week_.clear();
}

bool SchemaBox::ensure(BoxContext& ctx, const std::string& key, const char* what) {
    auto err = errors_.find(key);
    if (err != errors_.end()) {
        if (ui::ErrorAndRetry(err->second)) fetch(ctx, key);
        return false;
    }
    if (!pending_.count(key)) fetch(ctx, key);
    ui::Space(8);
    ui::Loading(what);
    return false;
}

// ---- the view -------------------------------------------------------------------------------

void SchemaBox::draw_controls() {
    const bool day_view = view_ == View::Day;
    const ImGuiStyle& style = ImGui::GetStyle();
    const float button_h = ImGui::GetFontSize() + style.FramePadding.y * 2;

    // What is shown: "Tisdag 1 december" / "Idag · vecka 49", or "Vecka 49" / "30 nov – 4 dec".
    std::string heading, sub;
    if (day_view) {
        heading = capitalized(app::dates::long_day(shown_day_));
        const std::string week = week_number(week_of(shown_day_));
        sub = shown_day_ == today_ ? app::trf("Idag · vecka %s", week.c_str()) : app::trf("Vecka %s", week.c_str());
    } else {
        heading = app::trf("Vecka %s", week_number(shown_week_).c_str());
        auto strip = [](const std::string& s) {  // "mån 30 nov" -> "30 nov"
            size_t sp = s.find(' ');
            return sp == std::string::npos ? s : s.substr(sp + 1);
        };
        const Day monday = monday_of_week(shown_week_);
        if (monday.ok())
            sub = strip(app::dates::short_day(iso(monday))) + " – " +
                  strip(app::dates::short_day(iso(plus_days(monday, 4))));
        if (shown_week_ == week_of(today_)) sub = app::trf("Denna vecka · %s", sub.c_str());
    }
    const Font heading_font = font(Face::Heading), body = font(Face::Body), strong = font(Face::Strong);
    const float heading_w = std::max(measure(heading_font, heading).x, measure(body, sub).x);
    const char* today_label = app::tr("Idag");
    const char* day_tab = app::tr("Dag");
    const char* week_tab = app::tr("Vecka");
    const float today_w = measure(strong, today_label).x + style.FramePadding.x * 2;
    const float tabs_w = measure(strong, day_tab).x + measure(strong, week_tab).x + style.FramePadding.x * 4 + 8;
    const float arrows_w = button_h * 2 + 6;
    // Wide: everything on one row; narrow: the switch (and "Idag") above the arrows.
    const bool one_row = tabs_w + 28 + arrows_w + 14 + heading_w + 16 + today_w <= ImGui::GetContentRegionAvail().x;

    auto draw_tabs = [&] {
        if (ui::Tab(day_tab, day_view) && !day_view) {
            view_ = View::Day;
            // Stay in the week that was shown: today if it is in it, else its Monday.
            const Day monday = monday_of_week(shown_week_);
            if (week_of(shown_day_) != shown_week_ && monday.ok())
                shown_day_ = week_of(today_) == shown_week_ ? today_ : iso(monday);
        }
        ImGui::SameLine(0, 8);
        if (ui::Tab(week_tab, !day_view) && day_view) {
            view_ = View::Week;
            shown_week_ = week_of(shown_day_);
        }
    };
    auto draw_today = [&] {
        const bool at_today = day_view ? shown_day_ == today_ : shown_week_ == week_of(today_);
        ImGui::SameLine(0, 16);
        float avail = ImGui::GetContentRegionAvail().x;
        if (avail > today_w) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + avail - today_w);
        if (ui::SecondaryButton(today_label, !at_today)) {
            shown_day_ = today_;
            shown_week_ = week_of(today_);
        }
    };
    auto draw_arrows = [&] {
        if (IconButton(app::icons::kChevronLeft, day_view ? app::tr("Föregående dag") : app::tr("Föregående vecka"))) {
            if (day_view) shown_day_ = add_days(shown_day_, -1);
            else shown_week_ = add_weeks(shown_week_, -1);
        }
        ImGui::SameLine(0, 6);
        if (IconButton(app::icons::kChevronRight, day_view ? app::tr("Nästa dag") : app::tr("Nästa vecka"))) {
            if (day_view) shown_day_ = add_days(shown_day_, 1);
            else shown_week_ = add_weeks(shown_week_, 1);
        }
    };
    // Heading and subline as one block, centred on the buttons' row.
    auto draw_heading = [&] {
        ImGui::SameLine(0, 14);
        ImDrawList* dl = ImGui::GetWindowDrawList();
        ImVec2 pos = ImGui::GetCursorScreenPos();
        float block_h = heading_font.size + 2 + body.size;
        float top = pos.y + (button_h - block_h) * 0.5f;
        put(dl, heading_font, ImVec2(pos.x, top), theme::colors().text, heading);
        put(dl, body, ImVec2(pos.x, top + heading_font.size + 2), theme::colors().muted_text, sub);
        ImGui::Dummy(ImVec2(heading_w, button_h));
    };

    if (one_row) {
        draw_tabs();
        ImGui::SameLine(0, 28);
        draw_arrows();
        draw_heading();
        draw_today();
        ui::Space(2);
        return;
    }
    draw_tabs();
    draw_today();
    ui::Space(2);
    draw_arrows();
    if (ImGui::GetContentRegionAvail().x - arrows_w - 14 >= heading_w) {
        draw_heading();
    } else {
        ui::Heading(heading);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 8);
        ui::MutedText(sub);
    }
    ui::Space(4);
}

void SchemaBox::schedule_wake_up(const SchemaDay& day) {
    if (day.date != today_) return;
    const double now = now_seconds();
    double next = 0;
    for (const SchemaLesson& l : day.lessons) {
        double a, b;
        if (parse_instant(l.starts_at, a) && a > now && (next == 0 || a < next)) next = a;
        if (parse_instant(l.ends_at, b) && b > now && (next == 0 || b < next)) next = b;
    }
    if (next > 0) wake_at(next, now);
}

void SchemaBox::draw_day(BoxContext& ctx) {
    auto it = days_.find(shown_day_);
    if (it == days_.end()) {
        ensure(ctx, "date=" + shown_day_, app::tr("Hämtar schemat …"));
        return;
    }
    const SchemaDay& day = it->second;
    if (day.lessons.empty()) {
        std::string weekday = app::dates::long_day(day.date);
        ui::Note(app::trf("Inga lektioner %s.", weekday.c_str()), ui::Tone::Info);
        return;
    }
    schedule_wake_up(day);
    draw_lesson_card(day, now_seconds());
}

void SchemaBox::draw_week(BoxContext& ctx) {
    if (!weeks_.count(shown_week_)) {
        ensure(ctx, "week=" + shown_week_, app::tr("Hämtar veckans schema …"));
        return;
    }
    const Day monday = monday_of_week(shown_week_);
    if (!monday.ok()) return;
    std::vector<const SchemaDay*> days;
    bool any = false;
    for (int i = 0; i < 7; ++i) {
        auto it = days_.find(iso(plus_days(monday, i)));
        if (it == days_.end()) continue;
        // Monday to Friday always; a weekend day only when it has lessons.
        if (i >= 5 && it->second.lessons.empty()) continue;
        days.push_back(&it->second);
        any = any || !it->second.lessons.empty();
        schedule_wake_up(it->second);
    }
    if (!any) {
        ui::Note(app::trf("Inga lektioner vecka %s.", week_number(shown_week_).c_str()), ui::Tone::Info);
        return;
    }
    // Columns need room for a subject like "Idrott och hälsa"; below that, a list per day.
    const float axis_w = measure(font(Face::Small), "00:00").x + 12;
    const float col_w = (ImGui::GetContentRegionAvail().x - axis_w - 8 * (days.size() - 1)) / days.size();
    const bool narrow = ImGui::GetMainViewport()->Size.x < theme::kNarrowWidth || col_w < 150;
    if (narrow) draw_week_list(days);
    else draw_week_grid(days);
}

// Wide: one column per day, each lesson a block placed and sized by its time.
void SchemaBox::draw_week_grid(const std::vector<const SchemaDay*>& days) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    Font strong = font(Face::Strong), small = font(Face::Small);
    const double now = now_seconds();
    const float width = ImGui::GetContentRegionAvail().x;
    const float axis_w = measure(small, "00:00").x + 12;
    const float gap = 8;
    const int n = static_cast<int>(days.size());
    const float col_w = (width - axis_w - gap * (n - 1)) / n;
    const float header_h = strong.size + 14;
    const float block_pad = 5;

    int first = 24 * 60, last = 0;
    for (const SchemaDay* d : days)
        for (const SchemaLesson& l : d->lessons) {
            first = std::min(first, minutes_of(l.start));
            last = std::max(last, minutes_of(l.end));
        }
    first = first / 60 * 60;          // from the hour before the first lesson
    last = (last + 14) / 5 * 5;       // to a little after the last one
    // Enough height for a 50-minute lesson's three lines.
    const float per_min = std::max(1.0f, (strong.size + small.size * 2 + 4 + block_pad * 2) / 50.0f);
    const float body_h = (last - first) * per_min + 8;

    ImVec2 origin = ImGui::GetCursorScreenPos();
    const float top = origin.y + header_h;
    auto y_of = [&](int minutes) { return top + 4 + (minutes - first) * per_min; };

    // Hour labels and lines behind the columns.
    for (int m = first; m <= last - 15; m += 60) {
        char label[8];
        std::snprintf(label, sizeof(label), "%02d:00", m / 60);
        float y = y_of(m);
        dl->AddText(small.font, small.size, ImVec2(origin.x, y - small.size * 0.5f), theme::colors().muted_text, label);
    }

    for (int i = 0; i < n; ++i) {
        const SchemaDay& day = *days[i];
        const bool is_today = day.date == today_;
        float x0 = origin.x + axis_w + i * (col_w + gap), x1 = x0 + col_w;
        // Header: "Mån 30 nov", today's marked with a pill.
        std::string head = capitalized(app::dates::short_day(day.date));
        ImVec2 hs = measure(strong, head);
        ImVec2 hp(x0 + (col_w - hs.x) * 0.5f, origin.y + (header_h - hs.y) * 0.5f - 4);
        if (is_today) {
            dl->AddRectFilled(ImVec2(hp.x - 10, hp.y - 4), ImVec2(hp.x + hs.x + 10, hp.y + hs.y + 4), theme::colors().accent,
                              (hs.y + 8) * 0.5f);
        }
        put(dl, strong, hp, is_today ? theme::colors().surface : theme::colors().text, head);
        // The column.
        dl->AddRectFilled(ImVec2(x0, top), ImVec2(x1, top + body_h), theme::colors().surface, 10.0f);
        dl->AddRect(ImVec2(x0, top), ImVec2(x1, top + body_h), is_today ? theme::colors().accent : theme::colors().border, 10.0f);
        for (int m = first + 60; m < last; m += 60)
            dl->AddLine(ImVec2(x0 + 1, y_of(m)), ImVec2(x1 - 1, y_of(m)), theme::colors().grid_line);
        if (day.lessons.empty()) {
            std::string none = app::tr("Inga lektioner");
            ImVec2 s = measure(small, none);
            put(dl, small, ImVec2(x0 + (col_w - s.x) * 0.5f, top + 14), theme::colors().muted_text, none);
            continue;
        }
        // Lessons that overlap share the column side by side.
        std::vector<int> lane(day.lessons.size(), 0);
        std::vector<int> lane_end;
        for (size_t k = 0; k < day.lessons.size(); ++k) {
            int s = minutes_of(day.lessons[k].start);
            size_t j = 0;
            while (j < lane_end.size() && lane_end[j] > s) ++j;
            if (j == lane_end.size()) lane_end.push_back(0);
            lane_end[j] = minutes_of(day.lessons[k].end);
            lane[k] = static_cast<int>(j);
        }
        const int lanes = std::max<int>(1, static_cast<int>(lane_end.size()));
        const float lane_w = (col_w - 8 - (lanes - 1) * 4) / lanes;
        for (size_t k = 0; k < day.lessons.size(); ++k) {
            const SchemaLesson& l = day.lessons[k];
            const bool ongoing = is_ongoing(l, now);
            ImVec2 a(x0 + 4 + lane[k] * (lane_w + 4), y_of(minutes_of(l.start)) + 1);
            ImVec2 b(a.x + lane_w, y_of(minutes_of(l.end)) - 1);
            dl->AddRectFilled(a, b, ongoing ? theme::colors().accent : theme::colors().accent_soft, 6.0f);
            dl->AddRectFilled(a, ImVec2(a.x + 4, b.y), theme::colors().accent, 6.0f, ImDrawFlags_RoundCornersLeft);
            const ImU32 text = ongoing ? theme::colors().surface : theme::colors().text;
            const ImU32 muted = ongoing ? theme::colors().on_accent : theme::colors().muted_text;
            const float inner = lane_w - block_pad - 6 - 4;
            float y = a.y + block_pad - 1;
            dl->PushClipRect(a, b, true);
            // As many lines as the block's height holds: the teacher only in long lessons.
            std::string lines[4] = {l.subject, time_range(l), l.room, l.teacher};
            Font fonts[4] = {strong, small, small, small};
            ImU32 colors[4] = {text, text, muted, muted};
            for (int li = 0; li < 4; ++li) {
                if (lines[li].empty()) continue;
                if (li > 0 && y + fonts[li].size > b.y - 1) break;
                put(dl, fonts[li], ImVec2(a.x + 4 + block_pad, y), colors[li], fitted(fonts[li], lines[li], inner));
                y += fonts[li].size + 2;
            }
            dl->PopClipRect();
        }
    }
    ImGui::Dummy(ImVec2(width, header_h + body_h));
}

// Narrow: each day's heading and its lessons, one under the other.
void SchemaBox::draw_week_list(const std::vector<const SchemaDay*>& days) {
    const double now = now_seconds();
    bool first = true;
    for (const SchemaDay* day : days) {
        if (!first) ui::Space(6);
        first = false;
        std::string head = capitalized(app::dates::long_day(day->date));
        if (day->date == today_) head += std::string(" · ") + app::tr("idag");
        ui::Text(head, day->date == today_ ? theme::colors().accent : 0, Face::Strong);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 4);
        if (day->lessons.empty()) {
            ui::MutedText(app::tr("Inga lektioner"));
            continue;
        }
        draw_lesson_card(*day, now);
    }
}

void SchemaBox::draw_full_view(BoxContext& ctx, const app::Pupil&) {
    if (!known_) {
        ensure(ctx, "", app::tr("Hämtar schemat …"));
        return;
    }
    if (!in_skolnav_) {
        // One literal: tests/i18n/check_english.mjs reads keys as single literals.
        ui::Note(app::tr("Skolan har inte sitt schema i Skolnav, så det finns inget schema att visa här. Fråga skolan var du hittar schemat."),
                 ui::Tone::Info);
        return;
    }
    ImGui::PushID("schema");
    draw_controls();
    if (view_ == View::Day) draw_day(ctx);
    else draw_week(ctx);
    ImGui::PopID();
}

namespace {

const app::EnglishText kEnglish[] = {
    {"Pågår nu", "Now"},
    {"Schemat kunde inte hämtas.", "The timetable could not be loaded."},
    {"Idag · vecka %s", "Today · week %s"},
    {"Vecka %s", "Week %s"},
    {"Denna vecka · %s", "This week · %s"},
    {"Idag", "Today"},
    {"Dag", "Day"},
    {"Vecka", "Week"},
    {"Föregående dag", "Previous day"},
    {"Föregående vecka", "Previous week"},
    {"Nästa dag", "Next day"},
    {"Nästa vecka", "Next week"},
    {"Hämtar schemat …", "Loading the timetable …"},
    {"Inga lektioner %s.", "No lessons on %s."},
    {"Hämtar veckans schema …", "Loading the week's timetable …"},
    {"Inga lektioner vecka %s.", "No lessons in week %s."},
    {"Inga lektioner", "No lessons"},
    {"idag", "today"},
    {"Skolan har inte sitt schema i Skolnav, så det finns inget schema att visa här. Fråga skolan var du hittar schemat.",
     "The school does not keep its timetable in Skolnav, so there is no timetable to show here. Ask the school where to find it."},
};
const app::EnglishTexts kRegistered(kEnglish);

}  // namespace

}  // namespace boxes
