#include "boxes/kalender.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "app/calendar_days.hpp"
#include "app/i18n.hpp"
#include "app/icons.hpp"
#include "app/swedish_dates.hpp"
#include "app/theme.hpp"
#include "app/ui.hpp"
#include "app/widget_registry.hpp"
#include "imgui.h"
#include "platform/frame_scheduler.hpp"

namespace boxes {
namespace {

using app::Json;
namespace ui = app::ui;
namespace theme = app::theme;
namespace icons = app::icons;
using app::fonts::Face;
using app::dates::capitalized;
using app::N_;

// --- Days -----------------------------------------------------------------------------
// The arithmetic is app::calendar's; what follows is how Kalender says days and weeks.

using app::calendar::Day;
using app::calendar::days_in_month;
using app::calendar::iso;
using app::calendar::iso_week_of;
using app::calendar::parse_day;
using app::calendar::plus_days;
using app::calendar::weekday;

// "Vecka 49" from "2026-W49".
std::string week_title(const std::string& week) {
    if (week.find('W') == std::string::npos) return app::tr("Vecka");
    return app::trf("Vecka %s", std::to_string(app::calendar::week_number(week)).c_str());
}

std::string month(int m) { return app::dates::month_name(m); }  // "november"

std::string month_title(int y, int m) { return capitalized(month(m)) + " " + std::to_string(y); }

// "30 november – 6 december 2026" (years on both sides when they differ).
std::string range_title(const std::string& from_iso, const std::string& to_iso) {
    Day a = parse_day(from_iso), b = parse_day(to_iso);
    if (!a.ok() || !b.ok()) return from_iso + " – " + to_iso;
    std::string left = std::to_string(a.d) + " " + month(a.m);
    if (a.y != b.y) left += " " + std::to_string(a.y);
    return left + " – " + std::to_string(b.d) + " " + month(b.m) + " " + std::to_string(b.y);
}

// "28 december – 1 januari" for an event over several days.
std::string event_days(const CalendarEvent& e) {
    Day a = parse_day(e.date), b = parse_day(e.end_date);
    if (!a.ok() || !b.ok()) return {};
    return std::to_string(a.d) + " " + month(a.m) + " – " + std::to_string(b.d) + " " + month(b.m);
}

std::string event_time(const CalendarEvent& e) {
    if (e.start_time.empty()) return app::tr("Heldag");
    return e.end_time.empty() ? app::dates::clock(e.start_time) : e.start_time + "–" + e.end_time;
}

// --- Event types ----------------------------------------------------------------------
// Each type has a name (in Swedish the server's type_label wins; ours is translated where
// drawn), an icon and a colour: the icon and the name carry the meaning, the colour only helps.

struct TypeStyle {
    const char* type;
    const char* label;  // Swedish: show tr(label)
    const char* icon;
    theme::Tint light;  // as drawn in the light theme; theme::tint adapts it
};

const TypeStyle kTypes[] = {
    {"planning_day", N_("Planeringsdag"), icons::kCalPlanningDay, {IM_COL32(238, 233, 252, 255), IM_COL32(88, 48, 160, 255)}},
    {"activity", N_("Aktivitet"), icons::kCalActivity, {IM_COL32(218, 242, 236, 255), IM_COL32(16, 98, 84, 255)}},
    {"holiday", N_("Lovdag"), icons::kCalHoliday, {IM_COL32(253, 240, 207, 255), IM_COL32(138, 72, 8, 255)}},
    {"homework", N_("Läxa"), icons::kCalHomework, {IM_COL32(225, 236, 253, 255), IM_COL32(30, 70, 170, 255)}},
    {"study_day", N_("Studiedag"), icons::kCalStudyDay, {IM_COL32(252, 232, 242, 255), IM_COL32(150, 30, 90, 255)}},
    {"term_dates", N_("Terminsdatum"), icons::kCalTermDates, {IM_COL32(232, 235, 240, 255), IM_COL32(52, 62, 78, 255)}},
    {"national_test", N_("Nationellt prov"), icons::kCalNationalTest, {IM_COL32(253, 230, 228, 255), IM_COL32(150, 32, 32, 255)}},
};
const TypeStyle kOtherType = {"", N_("Händelse"), icons::kKalender, {IM_COL32(232, 235, 240, 255), IM_COL32(52, 62, 78, 255)}};

const TypeStyle& style_of(const std::string& type) {
    for (const TypeStyle& s : kTypes)
        if (type == s.type) return s;
    return kOtherType;
}

// The server names types in Swedish: in another language a type this client knows gets
// its own translated name.
std::string label_of(const CalendarEvent& e) {
    const TypeStyle& s = style_of(e.type);
    const bool ours = e.type_label.empty() || (app::language() != app::Language::Swedish && &s != &kOtherType);
    return ours ? app::tr(s.label) : e.type_label;
}

ImFont* small_font(float* size) {
    ImFont* font = app::fonts::get(Face::Small);
    *size = font->FontSize * ImGui::GetIO().FontGlobalScale;
    return font;
}

constexpr ImVec2 kTagPad(9, 4);

ImVec2 tag_size(const std::string& label, const char* icon) {
    float size;
    ImFont* font = small_font(&size);
    std::string text = std::string(icon) + "  " + label;
    ImVec2 ext = font->CalcTextSizeA(size, FLT_MAX, 0, text.c_str());
    return ImVec2(ext.x + kTagPad.x * 2, ext.y + kTagPad.y * 2);
}

// The widest tag: in the wide layout titles line up after it.
float widest_tag() {
    float w = 0;
    for (const TypeStyle& s : kTypes) w = std::max(w, tag_size(app::tr(s.label), s.icon).x);
    return w;
}

// A coloured tag "[icon] Läxa" at `pos` (screen); registered as text with the type's name.
ImVec2 draw_tag(const std::string& type, const std::string& label, ImVec2 pos) {
    const TypeStyle& s = style_of(type);
    float size;
    ImFont* font = small_font(&size);
    ImVec2 sz = tag_size(label, s.icon);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 max(pos.x + sz.x, pos.y + sz.y);
    const theme::Tint t = theme::tint(s.light);
    dl->AddRectFilled(pos, max, t.soft, 6.0f);
    dl->AddRect(pos, max, (t.strong & 0x00FFFFFF) | (60u << 24), 6.0f);
    std::string text = std::string(s.icon) + "  " + label;
    dl->AddText(font, size, ImVec2(pos.x + kTagPad.x, pos.y + kTagPad.y), t.strong, text.c_str());
    app::registry::add_text(label, pos, max);
    return sz;
}

// Tags in a row that wraps (the month's legend).
void tag_row(const std::vector<std::pair<std::string, std::string>>& tags) {
    const float gap = 8;
    float x0 = ImGui::GetCursorScreenPos().x, right = x0 + ImGui::GetContentRegionAvail().x;
    ImVec2 pos = ImGui::GetCursorScreenPos();
    float line_h = 0;
    for (const auto& [type, label] : tags) {
        ImVec2 sz = tag_size(label, style_of(type).icon);
        if (pos.x > x0 && pos.x + sz.x > right) {
            pos = ImVec2(x0, pos.y + line_h + gap);
            line_h = 0;
        }
        draw_tag(type, label, pos);
        pos.x += sz.x + gap;
        line_h = std::max(line_h, sz.y);
    }
    ImGui::SetCursorScreenPos(ImVec2(x0, ImGui::GetCursorScreenPos().y));
    ImGui::Dummy(ImVec2(right - x0, pos.y + line_h - ImGui::GetCursorScreenPos().y));
}

CalendarEvent parse_event(const Json& j) {
    CalendarEvent e;
    e.id = app::text(j, "id");
    e.type = app::text(j, "type");
    e.type_label = app::text(j, "type_label");
    e.title = app::text(j, "title");
    e.description = app::text(j, "description");
    e.date = app::text(j, "date");
    e.end_date = app::text(j, "end_date");
    if (e.end_date.empty()) e.end_date = e.date;
    e.start_time = app::text(j, "start_time");
    e.end_time = app::text(j, "end_time");
    e.author = app::text(app::field(j, "author"), "name");
    e.scope = app::scope_text(app::field(j, "scope"));
    return e;
}

std::vector<CalendarEvent> parse_events(const Json& body) {
    std::vector<CalendarEvent> out;
    const Json& list = app::field(body, "events");
    if (list.is_array())
        for (const Json& j : list) out.push_back(parse_event(j));
    return out;
}

std::string path_for(const std::string& pupil_id) {
    return "/api/v1/pupils/" + app::url_segment(pupil_id) + "/calendar";
}

bool on_day(const CalendarEvent& e, const std::string& day) { return e.date <= day && day <= e.end_date; }


// Built when drawn (the language can change), from a translated text.
std::string previous_label(const char* text) { return std::string(icons::kChevronLeft) + "  " + text; }
std::string next_label(const char* text) { return std::string(text) + "  " + icons::kChevronRight; }

}  // namespace

// --- Loading --------------------------------------------------------------------------

void KalenderBox::load_week(BoxContext& ctx, const std::string& week) {
    week_wanted_ = week;
    week_load_ = Load::Loading;
    week_error_.clear();
    const unsigned seq = ++week_seq_;
    std::string path = path_for(pupil_id_);
    if (!week.empty()) path += "?week=" + week;
    ctx.api.get(path, [this, seq](const app::ApiReply& reply) {
        if (seq != week_seq_) return;  // a later request replaced this one
        if (!reply.ok()) {
            week_load_ = Load::Failed;
            week_error_ = reply.error.message.empty() ? app::tr("Kalendern kunde inte hämtas.") : reply.error.message;
            return;
        }
        today_ = app::text(reply.body, "today");
        week_ = app::text(reply.body, "week");
        week_from_ = app::text(reply.body, "from");
        week_to_ = app::text(reply.body, "to");
        previous_week_ = app::text(reply.body, "previous_week");
        next_week_ = app::text(reply.body, "next_week");
        week_events_ = parse_events(reply.body);
        week_shown_ = true;
        week_load_ = Load::Ready;
    });
}

void KalenderBox::load_month(BoxContext& ctx, int year, int month) {
    month_year_ = year;
    month_ = month;
    month_load_ = Load::Loading;
    month_error_.clear();
    const unsigned seq = ++month_seq_;
    const std::string from = iso(Day{year, month, 1});
    const std::string to = iso(Day{year, month, days_in_month(year, month)});
    ctx.api.get(path_for(pupil_id_) + "?from=" + from + "&to=" + to,
                [this, seq, year, month](const app::ApiReply& reply) {
                    if (seq != month_seq_) return;
                    if (!reply.ok()) {
                        month_load_ = Load::Failed;
                        month_error_ =
                            reply.error.message.empty() ? app::tr("Kalendern kunde inte hämtas.") : reply.error.message;
                        return;
                    }
                    std::string today = app::text(reply.body, "today");
                    if (!today.empty()) today_ = today;
                    month_events_ = parse_events(reply.body);
                    shown_year_ = year;
                    shown_month_ = month;
                    month_load_ = Load::Ready;
                });
}

bool KalenderBox::show_item(BoxContext& ctx, const std::string& item_id) {
    if (item_id == linked_) return true;
    linked_ = item_id;
    linked_missing_ = false;
    linked_error_.clear();
    linked_load_ = Load::NotStarted;
    if (item_id.empty()) return true;  // the weeks stay where they are
    linked_load_ = Load::Loading;
    ctx.api.get(path_for(pupil_id_) + "/" + app::url_segment(item_id), [this, item_id](const app::ApiReply& reply) {
        if (linked_ != item_id) return;
        if (!reply.ok()) {
            linked_load_ = Load::Failed;
            linked_missing_ = reply.status == 404;
            linked_error_ = reply.error.message.empty() ? app::tr("Kalendern kunde inte hämtas.") : reply.error.message;
            return;
        }
        linked_load_ = Load::Ready;
        mode_ = Mode::Week;
        week_wanted_ = app::text(reply.body, "week");
        week_load_ = Load::NotStarted;  // fetched at the next draw (a fetch under way is dropped)
        week_shown_ = false;
        open_events_.insert(item_id);
        linked_framed_ = true;
        linked_scroll_ = 4;
        platform::request_frames();
    });
    return true;
}

void KalenderBox::on_open(BoxContext&) {
    // Fresh data on every visit; the week or month chosen stays.
    if (week_load_ != Load::Loading) week_load_ = Load::NotStarted;
    if (month_load_ != Load::Loading) month_load_ = Load::NotStarted;
}

// --- Drawing --------------------------------------------------------------------------

void KalenderBox::draw_tabs(BoxContext& ctx, bool narrow) {
    const bool week = mode_ == Mode::Week;
    if (ui::Tab(app::tr("Vecka"), week) && !week) {
        mode_ = Mode::Week;
        platform::request_frames();
    }
    ImGui::SameLine(0, 8);
    if (ui::Tab(app::tr("Månad"), !week) && week) {
        mode_ = Mode::Month;
        // The month of the week on screen (its Thursday decides, as ISO weeks do).
        Day d = parse_day(week_from_);
        if (!d.ok()) d = parse_day(today_);
        if (d.ok()) {
            Day thursday = plus_days(d, 3);
            if (thursday.y != month_year_ || thursday.m != month_) load_month(ctx, thursday.y, thursday.m);
        }
        platform::request_frames();
    }

    // Navigation: at the right of the tabs when wide; below them when narrow.
    const bool is_week = mode_ == Mode::Week;
    const std::string prev = previous_label(is_week ? app::tr("Föregående vecka") : app::tr("Föregående månad"));
    const std::string next = next_label(is_week ? app::tr("Nästa vecka") : app::tr("Nästa månad"));
    const char* today = app::tr("Idag");
    bool go_prev = false, go_next = false, go_today = false;
    if (!narrow) {
        float w = ui::ButtonWidth(prev.c_str()) + ui::ButtonWidth(today) + ui::ButtonWidth(next.c_str()) + 16;
        ImGui::SameLine(0, 0);
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(16.0f, ImGui::GetContentRegionAvail().x - w));
        go_prev = ui::SecondaryButton(prev.c_str());
        ImGui::SameLine(0, 8);
        go_today = ui::SecondaryButton(today);
        ImGui::SameLine(0, 8);
        go_next = ui::SecondaryButton(next.c_str());
    } else {
        ImGui::SameLine(0, 0);
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - ui::ButtonWidth(today));
        go_today = ui::SecondaryButton(today);
        ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(10, 10));
        float wp = ui::ButtonWidth(prev.c_str()), wn = ui::ButtonWidth(next.c_str());
        go_prev = ui::SecondaryButton(prev.c_str());
        if (ImGui::GetContentRegionAvail().x >= wp + wn + 8) {
            ImGui::SameLine(0, 0);
            ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - wn);
        }
        go_next = ui::SecondaryButton(next.c_str());
        ImGui::PopStyleVar();
    }

    if (is_week) {
        if (go_prev && !previous_week_.empty()) load_week(ctx, previous_week_);
        if (go_next && !next_week_.empty()) load_week(ctx, next_week_);
        if (go_today) load_week(ctx, "");
    } else if (month_year_ > 0) {
        int y = month_year_, m = month_;
        if (go_prev) --m;
        if (go_next) ++m;
        if (m < 1) m = 12, --y;
        if (m > 12) m = 1, ++y;
        if (go_today) {
            Day t = parse_day(today_);
            if (t.ok()) y = t.y, m = t.m;
        }
        if (go_prev || go_next || go_today) load_month(ctx, y, m);
    }
    if (go_prev || go_next || go_today) platform::request_frames();
}

void KalenderBox::draw_event(const CalendarEvent& e) {
    ImGui::PushID(e.id.c_str());
    const bool open = open_events_.count(e.id) > 0;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const bool wide = width >= 520;
    const float pad_y = 6, chevron_w = 22, line_h = ImGui::GetTextLineHeight();
    const std::string label = label_of(e);
    const ImVec2 tag = tag_size(label, style_of(e.type).icon);
    const float right = start.x + width - chevron_w;

    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(12, 4));
    const float top = start.y + pad_y;
    float text_x, text_y, bottom = top + tag.y;
    if (wide) {
        const float time_w = 112;
        ImGui::SetCursorScreenPos(ImVec2(start.x, top + (tag.y - line_h) * 0.5f));
        ui::Text(event_time(e), theme::colors().muted_text);
        draw_tag(e.type, label, ImVec2(start.x + time_w, top));
        text_x = start.x + time_w + widest_tag() + 16;
        text_y = top + (tag.y - line_h) * 0.5f;
    } else {
        draw_tag(e.type, label, ImVec2(start.x, top));
        ImGui::SetCursorScreenPos(ImVec2(start.x + tag.x + 10, top + (tag.y - line_h) * 0.5f));
        ui::Text(event_time(e), theme::colors().muted_text);
        text_x = start.x;
        text_y = top + tag.y + 8;
    }
    // Chevron: the row opens to show the description.
    dl->AddText(ImVec2(right + 6, top + (tag.y - line_h) * 0.5f), theme::colors().muted_text,
                open ? icons::kChevronDown : icons::kChevronRight);

    ImGui::SetCursorScreenPos(ImVec2(text_x, text_y));
    ImGui::PushTextWrapPos(right - ImGui::GetWindowPos().x + ImGui::GetScrollX());
    ImGui::BeginGroup();
    ui::Text(e.title, 0, Face::Strong);
    if (e.end_date != e.date) ui::Text(event_days(e), theme::colors().muted_text, Face::Small);
    if (open) {
        ui::Space(2);
        ui::Text(e.description.empty() ? app::tr("Ingen beskrivning.") : e.description,
                 e.description.empty() ? theme::colors().muted_text : 0);
        std::string meta;
        if (!e.author.empty()) meta = app::trf("Från %s", e.author.c_str());
        if (!e.scope.empty()) meta += (meta.empty() ? "" : " · ") + e.scope;
        if (!meta.empty()) ui::Text(meta, theme::colors().muted_text, Face::Small);
    }
    ImGui::EndGroup();
    ImGui::PopTextWrapPos();
    bottom = std::max(bottom, ImGui::GetItemRectMax().y) + pad_y;

    // The whole row is the button; its background goes behind what was drawn.
    ImGui::SetCursorScreenPos(start);
    const std::string button = e.title + "##row";
    bool clicked = ImGui::InvisibleButton(button.c_str(), ImVec2(width, bottom - start.y));
    bool hovered = ImGui::IsItemHovered();
    ImGui::PopStyleVar();
    dl->ChannelsSetCurrent(0);
    if (hovered || open)
        dl->AddRectFilled(ImVec2(start.x - 8, start.y), ImVec2(start.x + width + 8, bottom),
                          open ? theme::colors().hover : theme::colors().surface_alt, 8.0f);
    if (e.id == linked_ && linked_framed_) {  // the event a link named
        dl->AddRect(ImVec2(start.x - 7, start.y + 1), ImVec2(start.x + width + 7, bottom - 1), theme::colors().accent, 8.0f,
                    0, 2.0f);
        if (linked_scroll_ > 0 && week_load_ == Load::Ready) {
            --linked_scroll_;
            ui::ScrollPageTo(start.y - 56);  // its day's heading in view too
            platform::request_frames();
        }
    }
    dl->ChannelsMerge();
    if (clicked) {
        if (open) open_events_.erase(e.id);
        else open_events_.insert(e.id);
        if (!open) tapped_address_ = e.id;             // an opened event has its own address
        else if (e.id == linked_) tapped_address_ = "";  // closing it: back to the box's
        platform::request_frames();
    }
    ImGui::PopID();
}

void KalenderBox::draw_day(const std::string& day, const std::vector<const CalendarEvent*>& events) {
    ImGui::PushID(day.c_str());
    const bool today = day == today_;
    ui::BeginPanel("##day");
    ui::Text(capitalized(app::dates::long_day(day)), 0, Face::Strong);
    float heading_end = ImGui::GetItemRectMax().x;
    if (today) {
        ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
        float size;
        ImFont* font = small_font(&size);
        const char* badge = app::tr("Idag");
        float w = font->CalcTextSizeA(size, FLT_MAX, 0, badge).x + 16;
        ui::Badge(badge, ImVec2(max.x + 10 + w, (min.y + max.y) * 0.5f), true);
        heading_end += 10 + w;
    }
    if (events.empty()) {  // said on the heading's line when it fits
        const char* nothing = app::tr("Inget i kalendern.");
        float x = heading_end + 16 - ImGui::GetWindowPos().x;
        if (x + ImGui::CalcTextSize(nothing).x < ImGui::GetWindowContentRegionMax().x) ImGui::SameLine(x);
        ui::MutedText(nothing);
    } else {
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 6);
        for (const CalendarEvent* e : events) draw_event(*e);
    }
    ui::EndPanel();
    if (today) {  // today stands out: an accent frame around its panel
        ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
        ImGui::GetWindowDrawList()->AddRect(min, max, theme::colors().accent, theme::kCardRounding, 0, 2.0f);
    }
    ImGui::PopID();
}

void KalenderBox::draw_week(BoxContext& ctx) {
    // The heading follows what was asked for at once; the days follow the reply.
    const std::string& week = week_load_ == Load::Loading && !week_wanted_.empty() ? week_wanted_ : week_;
    ui::Heading(week.empty() ? app::tr("Vecka") : week_title(week));
    const bool fresh = week_shown_ && week_load_ != Load::Loading && week_load_ != Load::Failed;
    if (fresh) {
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 8);
        std::string range = range_title(week_from_, week_to_);
        if (week_from_ <= today_ && today_ <= week_to_) range += std::string(" · ") + app::tr("denna vecka");
        ui::MutedText(range);
    }
    ui::Space(2);

    if (week_load_ == Load::Failed) {
        if (ui::ErrorAndRetry(week_error_)) load_week(ctx, week_wanted_);
        return;
    }
    if (!fresh) {
        ui::Loading(app::tr("Hämtar kalendern …"));
        return;
    }
    if (week_events_.empty()) {
        ui::Note(app::tr("Inget i kalendern den här veckan."), ui::Tone::Info);
        return;
    }
    Day d = parse_day(week_from_);
    if (!d.ok()) return;
    for (int i = 0; i < 7; ++i) {
        const std::string day = iso(plus_days(d, i));
        std::vector<const CalendarEvent*> on;
        for (const CalendarEvent& e : week_events_)
            if (on_day(e, day)) on.push_back(&e);
        if (i >= 5 && on.empty()) continue;  // weekend days only when something is on
        draw_day(day, on);
    }
}

void KalenderBox::draw_month_grid(BoxContext& ctx) {
    const int y = shown_year_, m = shown_month_;
    const float avail = ImGui::GetContentRegionAvail().x;
    const bool narrow = avail < 480;
    const float cell_w = std::floor(avail / 7), cell_h = narrow ? 50.0f : 62.0f, head_h = 26.0f, inset = 2.0f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    float small_size;
    ImFont* small = small_font(&small_size);

    for (int c = 0; c < 7; ++c) {
        const std::string name = app::dates::short_weekday(c);
        ImVec2 ext = small->CalcTextSizeA(small_size, FLT_MAX, 0, name.c_str());
        dl->AddText(small, small_size, ImVec2(origin.x + c * cell_w + (cell_w - ext.x) * 0.5f, origin.y + 2),
                    theme::colors().muted_text, name.c_str());
    }

    const int first = weekday(Day{y, m, 1}), count = days_in_month(y, m);
    const int rows = (first + count + 6) / 7;
    std::string open_week;
    for (int d = 1; d <= count; ++d) {
        const int idx = first + d - 1, r = idx / 7, c = idx % 7;
        const std::string day = iso(Day{y, m, d});
        std::vector<const CalendarEvent*> on;
        for (const CalendarEvent& e : month_events_)
            if (on_day(e, day)) on.push_back(&e);
        const ImVec2 min(origin.x + c * cell_w + inset, origin.y + head_h + r * cell_h + inset);
        const ImVec2 max(min.x + cell_w - inset * 2, min.y + cell_h - inset * 2);
        std::string label = capitalized(app::dates::long_day(day));
        if (!on.empty())
            label += std::string(", ") +
                     (on.size() == 1 ? app::tr("1 händelse") : app::trf("%d händelser", static_cast<int>(on.size())));
        label += "##" + day;
        ImGui::SetCursorScreenPos(min);
        if (ImGui::InvisibleButton(label.c_str(), ImVec2(max.x - min.x, max.y - min.y))) open_week = iso_week_of(Day{y, m, d});
        const bool hovered = ImGui::IsItemHovered();
        ImU32 bg = !on.empty() ? theme::colors().accent_soft : (c >= 5 ? theme::colors().surface_alt : theme::colors().surface);
        dl->AddRectFilled(min, max, bg, 8.0f);
        dl->AddRect(min, max, hovered ? theme::colors().accent : theme::colors().border, 8.0f);

        // The day's number; today's in a filled circle.
        const std::string num = std::to_string(d);
        const ImVec2 ext = ImGui::CalcTextSize(num.c_str());
        const ImVec2 num_pos = narrow ? ImVec2((min.x + max.x - ext.x) * 0.5f, min.y + 5) : ImVec2(min.x + 12, min.y + 9);
        if (day == today_) {
            const float rad = std::max(ext.x, ext.y) * 0.5f + 4;
            dl->AddCircleFilled(ImVec2(num_pos.x + ext.x * 0.5f, num_pos.y + ext.y * 0.5f), rad, theme::colors().accent, 24);
            dl->AddText(num_pos, theme::colors().on_accent, num.c_str());
        } else {
            dl->AddText(num_pos, c >= 5 ? theme::colors().muted_text : theme::colors().text, num.c_str());
        }

        // The types on the day as their icons (the list below names them).
        std::vector<std::string> types;
        for (const CalendarEvent* e : on)
            if (std::find(types.begin(), types.end(), e->type) == types.end()) types.push_back(e->type);
        const size_t shown = std::min<size_t>(types.size(), narrow ? 2 : 4);
        const float icon_w = small_size * 1.35f;
        float ix = narrow ? (min.x + max.x - icon_w * shown) * 0.5f : min.x + 10;
        const float iy = max.y - small_size - 7;
        for (size_t i = 0; i < shown; ++i) {
            const TypeStyle& s = style_of(types[i]);
            dl->AddText(small, small_size, ImVec2(ix, iy), theme::tint(s.light).strong, s.icon);
            ix += icon_w;
        }
        if (types.size() > shown) dl->AddText(small, small_size, ImVec2(ix, iy), theme::colors().muted_text, "+");
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + head_h + rows * cell_h));
    ImGui::Dummy(ImVec2(avail, 1));

    if (!open_week.empty()) {
        mode_ = Mode::Week;
        load_week(ctx, open_week);
        platform::request_frames();
    }
}

void KalenderBox::draw_month(BoxContext& ctx) {
    if (month_load_ == Load::NotStarted) {
        if (month_year_ > 0) {
            load_month(ctx, month_year_, month_);
        } else {
            Day t = parse_day(today_);
            if (t.ok()) load_month(ctx, t.y, t.m);
        }
    }
    const int y = month_year_ > 0 ? month_year_ : shown_year_, m = month_year_ > 0 ? month_ : shown_month_;
    ui::Heading(m >= 1 && m <= 12 ? month_title(y, m) : app::tr("Månad"));
    ui::Space(2);
    if (month_load_ == Load::Failed) {
        if (ui::ErrorAndRetry(month_error_)) load_month(ctx, month_year_, month_);
        return;
    }
    if (month_load_ != Load::Ready || shown_year_ != month_year_ || shown_month_ != month_) {
        ui::Loading(app::tr("Hämtar kalendern …"));
        return;
    }

    ui::BeginPanel("##month_grid");
    draw_month_grid(ctx);
    if (mode_ != Mode::Month) {  // a day was chosen: its week is on its way
        ui::EndPanel();
        return;
    }
    // What the icons mean: the types that occur this month.
    std::vector<std::pair<std::string, std::string>> legend;
    for (const CalendarEvent& e : month_events_) {
        bool seen = false;
        for (const auto& l : legend) seen |= l.first == e.type;
        if (!seen) legend.emplace_back(e.type, label_of(e));
    }
    if (!legend.empty()) {
        ui::Space(2);
        tag_row(legend);
    }
    ui::EndPanel();

    ui::Space(6);
    if (month_events_.empty()) {
        ui::Note(app::tr("Inget i kalendern den här månaden."), ui::Tone::Info);
        return;
    }
    ui::Heading(app::trf("Händelser i %s", month(m).c_str()));
    // Each event once, under its first day in the month.
    const std::string first = iso(Day{y, m, 1});
    std::map<std::string, std::vector<const CalendarEvent*>> by_day;
    for (const CalendarEvent& e : month_events_) by_day[std::max(e.date, first)].push_back(&e);
    for (const auto& [day, events] : by_day) draw_day(day, events);
}

void KalenderBox::draw_full_view(BoxContext& ctx, const app::Pupil&) {
    if (linked_load_ == Load::Loading || linked_load_ == Load::Failed) {  // which week is not known yet
        if (ui::LoadingOrError(linked_load_ == Load::Failed, linked_error_, app::tr("Hämtar kalendern …"))) {
            const std::string id = linked_;
            linked_.clear();
            show_item(ctx, id);
        }
        return;
    }
    if (week_load_ == Load::NotStarted) load_week(ctx, week_wanted_);
    const bool narrow = ImGui::GetContentRegionAvail().x < theme::kNarrowWidth - 32;
    draw_tabs(ctx, narrow);
    ui::Space(4);
    if (mode_ == Mode::Week) draw_week(ctx);
    else draw_month(ctx);
    if (tapped_address_) {
        linked_ = *tapped_address_;  // shown already: show_item() leaves it as it is
        linked_framed_ = false;
        tapped_address_.reset();
        if (ctx.item_shown) ctx.item_shown(linked_);
    }
}

namespace {

const app::EnglishText kEnglish[] = {
    {"Vecka", "Week"},
    {"Vecka %s", "Week %s"},
    {"Heldag", "All day"},
    {"Planeringsdag", "Planning day"},
    {"Aktivitet", "Activity"},
    {"Lovdag", "Holiday"},
    {"Läxa", "Homework"},
    {"Studiedag", "Study day"},
    {"Terminsdatum", "Term dates"},
    {"Nationellt prov", "National test"},
    {"Händelse", "Event"},
    {"Föregående vecka", "Previous week"},
    {"Nästa vecka", "Next week"},
    {"Föregående månad", "Previous month"},
    {"Nästa månad", "Next month"},
    {"Kalendern kunde inte hämtas.", "The calendar could not be loaded."},
    {"Månad", "Month"},
    {"Idag", "Today"},
    {"Ingen beskrivning.", "No description."},
    {"Från %s", "From %s"},
    {"Inget i kalendern.", "Nothing in the calendar."},
    {"denna vecka", "this week"},
    {"Hämtar kalendern …", "Loading the calendar …"},
    {"Inget i kalendern den här veckan.", "Nothing in the calendar this week."},
    {"1 händelse", "1 event"},
    {"%d händelser", "%d events"},
    {"Inget i kalendern den här månaden.", "Nothing in the calendar this month."},
    {"Händelser i %s", "Events in %s"},
};
const app::EnglishTexts kRegistered(kEnglish);

}  // namespace

}  // namespace boxes
