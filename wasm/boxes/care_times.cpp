#include "app/text_area.hpp"
#include "boxes/care_times.hpp"

#include <algorithm>
#include <cfloat>
#include <cstdio>
#include <cstring>
#include <optional>

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
using app::tr;
using app::trf;
namespace ui = app::ui;
namespace theme = app::theme;
namespace icons = app::icons;
using app::fonts::Face;
using app::dates::capitalized;

constexpr size_t kCommentMaxChars = 500;  // the server's limit (core/boxes/care_times.hpp)
constexpr int kStepMinutes = 15;

// --- Days and weeks -----------------------------------------------------------------------
// Only to name the weeks before and after the one on screen; app::calendar counts the days.

using app::calendar::Day;

// "2026-W50" for the ISO week `weeks` weeks from the one holding `iso_day`.
std::string iso_week_from(const std::string& iso_day, int weeks) {
    const Day v = app::calendar::parse_day(iso_day);
    return v.ok() ? app::calendar::iso_week_of(app::calendar::plus_days(v, 7L * weeks)) : std::string();
}

// "30 november – 4 december 2026" (years on both sides when they differ).
std::string range_title(const std::string& from, const std::string& to) {
    const Day a = app::calendar::parse_day(from), b = app::calendar::parse_day(to);
    if (!a.ok() || !b.ok()) return from + " – " + to;
    std::string left = std::to_string(a.d) + " " + app::dates::month_name(a.m);
    if (a.y != b.y) left += " " + std::to_string(a.y);
    return left + " – " + std::to_string(b.d) + " " + app::dates::month_name(b.m) + " " + std::to_string(b.y);
}

// --- Times ----------------------------------------------------------------------------------

// Minutes after midnight from what a person types: "7:30", "07.30", "0730", "730", "7".
std::optional<int> parse_time(const char* text) {
    std::string s;
    for (const char* p = text; *p; ++p)
        if (*p != ' ') s.push_back(*p);
    if (s.empty()) return std::nullopt;
    int h = -1, m = 0;
    const size_t sep = s.find_first_of(":.");
    auto digits = [](const std::string& part) {
        return !part.empty() && std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    if (sep != std::string::npos) {
        const std::string hs = s.substr(0, sep), ms = s.substr(sep + 1);
        if (!digits(hs) || hs.size() > 2 || !digits(ms) || ms.size() != 2) return std::nullopt;
        h = std::atoi(hs.c_str());
        m = std::atoi(ms.c_str());
    } else {
        if (!digits(s) || s.size() > 4) return std::nullopt;
        if (s.size() <= 2) {
            h = std::atoi(s.c_str());
        } else {
            h = std::atoi(s.substr(0, s.size() - 2).c_str());
            m = std::atoi(s.substr(s.size() - 2).c_str());
        }
    }
    if (h < 0 || h > 23 || m < 0 || m > 59) return std::nullopt;
    return h * 60 + m;
}

std::string format_time(int minutes) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d:%02d", minutes / 60, minutes % 60);
    return buf;
}

void copy_to(char* buffer, size_t size, const std::string& s) {
    std::snprintf(buffer, size, "%s", s.c_str());
}

size_t utf8_chars(const char* s) {
    size_t n = 0;
    for (; *s; ++s)
        if ((static_cast<unsigned char>(*s) & 0xC0) != 0x80) ++n;
    return n;
}

std::string trimmed(const char* s) {
    std::string out(s);
    const size_t b = out.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return {};
    return out.substr(b, out.find_last_not_of(" \t\r\n") - b + 1);
}

CareDay parse_day(const Json& j) {
    CareDay d;
    d.date = app::text(j, "date");
    d.arrival = app::text(j, "arrival");  // null: no times
    d.pickup = app::text(j, "pickup");
    d.comment = app::text(j, "comment");
    d.staff_comment = app::text(j, "staff_comment");
    d.staff_name = app::text(app::field(j, "staff_comment_by"), "name");
    d.locked = app::flag(j, "locked");
    d.can_edit = app::flag(j, "can_edit");
    return d;
}

std::string base_path(const std::string& pupil_id) {
    return "/api/v1/pupils/" + app::url_segment(pupil_id) + "/care-times";
}

// A square button with a drawn minus or plus; `name` is what it is called for screen
// readers and tests ("Tidigare lämning").
bool step_button(const char* name, bool plus, float size) {
    const std::string label = std::string("##") + name;
    ImGui::PushStyleColor(ImGuiCol_Button, theme::colors().surface);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, theme::colors().accent_soft);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, theme::colors().accent_soft_hover);
    app::registry::hint_next("button");
    const bool clicked = ImGui::Button(label.c_str(), ImVec2(size, size));
    ImGui::PopStyleColor(3);
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    const ImVec2 c((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f);
    const float r = size * 0.22f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddLine(ImVec2(c.x - r, c.y), ImVec2(c.x + r, c.y), theme::colors().accent, 2.0f);
    if (plus) dl->AddLine(ImVec2(c.x, c.y - r), ImVec2(c.x, c.y + r), theme::colors().accent, 2.0f);
    if (clicked) platform::request_frames();
    return clicked;
}

// A block on a tinted background (the staff's comment): call begin, draw, then end.
struct TintedBlock {
    ImVec2 start;
    float pad = 12.0f;
};

TintedBlock begin_tinted() {
    TintedBlock b;
    b.start = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    const float right = ImGui::GetContentRegionMax().x;  // window-local
    ImGui::SetCursorScreenPos(ImVec2(b.start.x + b.pad, b.start.y + b.pad));
    ImGui::PushTextWrapPos(right - b.pad);
    ImGui::BeginGroup();
    return b;
}

void end_tinted(const TintedBlock& b, ImU32 fill) {
    ImGui::EndGroup();
    ImGui::PopTextWrapPos();
    const float bottom = ImGui::GetItemRectMax().y + b.pad;
    const float width = ImGui::GetContentRegionMax().x + ImGui::GetWindowPos().x - b.start.x;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSetCurrent(0);
    dl->AddRectFilled(b.start, ImVec2(b.start.x + width, bottom), fill, 10.0f);
    dl->ChannelsMerge();
    ImGui::SetCursorScreenPos(b.start);
    ImGui::Dummy(ImVec2(width, bottom - b.start.y));
}

}  // namespace

CareTimesBox::CareTimesBox(std::string pupil_id, std::string wire_name)
    : pupil_id_(std::move(pupil_id)), preschool_(wire_name != "fritidsschema") {}

CareDay* CareTimesBox::find_day(const std::string& date) {
    for (CareDay& d : days_)
        if (d.date == date) return &d;
    return nullptr;
}

// --- Data -------------------------------------------------------------------------------------

void CareTimesBox::load(BoxContext& ctx, const std::string& week) {
    fetch_.start();
    requested_week_ = week;
    std::string path = base_path(pupil_id_);
    if (!week.empty()) path += "?week=" + week;
    ctx.api.get(path, [this, week](const app::ApiReply& reply) {
        if (week != requested_week_) return;  // a later week was asked for meanwhile
        if (!fetch_.succeeded(reply)) {
            load_forbidden_ = reply.status == 403 || reply.status == 404;
            return;
        }
        const Json& b = reply.body;
        week_ = app::text(b, "week");
        from_ = app::text(b, "from");
        to_ = app::text(b, "to");
        today_ = app::text(b, "today");
        open_ = app::text(app::field(b, "opening_hours"), "open");
        close_ = app::text(app::field(b, "opening_hours"), "close");
        may_edit_ = app::flag(b, "can_edit");
        const std::string box = app::text(b, "box");
        if (!box.empty()) preschool_ = box != "fritidsschema";
        days_.clear();
        const Json& list = app::field(b, "days");
        if (list.is_array())
            for (const Json& d : list) days_.push_back(parse_day(d));
        std::stable_sort(days_.begin(), days_.end(), [](const CareDay& a, const CareDay& c) { return a.date < c.date; });
        // A day that can no longer be changed closes its editor.
        if (!editing_.empty()) {
            const CareDay* d = find_day(editing_);
            if (!d || !d->can_edit) editing_.clear();
        }
        fetch_.done();
    });
}

void CareTimesBox::start_editing(const CareDay& day) {
    editing_ = day.date;
    copy_to(arrival_, sizeof arrival_, day.arrival);
    copy_to(pickup_, sizeof pickup_, day.pickup);
    copy_to(comment_, sizeof comment_, day.comment);
    notes_.erase(day.date);
}

void CareTimesBox::save(BoxContext& ctx, const std::string& date) {
    notes_.erase(date);
    const auto arrival = parse_time(arrival_);
    const auto pickup = parse_time(pickup_);
    if (!arrival || !pickup) {
        notes_[date] = {!arrival ? tr("Skriv lämningstiden som TT:MM, till exempel 07:30.")
                                 : tr("Skriv hämtningstiden som TT:MM, till exempel 16:30."),
                        true};
        return;
    }
    // What was typed, written the way the server and the screen show it.
    copy_to(arrival_, sizeof arrival_, format_time(*arrival));
    copy_to(pickup_, sizeof pickup_, format_time(*pickup));
    const std::string comment = trimmed(comment_);
    if (utf8_chars(comment.c_str()) > kCommentMaxChars) {
        notes_[date] = {trf("Kommentaren får vara högst %d tecken; din är %d tecken.", static_cast<int>(kCommentMaxChars),
                            static_cast<int>(utf8_chars(comment.c_str()))),
                        true};
        return;
    }
    busy_date_ = date;
    busy_removing_ = false;
    const Json body = {{"arrival", format_time(*arrival)}, {"pickup", format_time(*pickup)}, {"comment", comment}};
    ctx.api.put(base_path(pupil_id_) + "/" + app::url_segment(date), body, [this, date](const app::ApiReply& reply) {
        busy_date_.clear();
        if (!reply.ok()) {
            notes_[date] = {reply.error.message, true};
            // A day staff locked meanwhile: show the week as it is now (the note stays).
            if (reply.status == 409) fetch_.load = Load::NotStarted;  // fetched again next frame
            return;
        }
        CareDay fresh = parse_day(app::field(reply.body, "day"));
        if (CareDay* d = find_day(date)) {
            if (fresh.date == date) *d = fresh;
        }
        if (editing_ == date) editing_.clear();
        notes_[date] = {tr("Sparat. Tiderna är registrerade."), false};
    });
}

void CareTimesBox::remove_times(BoxContext& ctx, const std::string& date) {
    notes_.erase(date);
    busy_date_ = date;
    busy_removing_ = true;
    ctx.api.del(base_path(pupil_id_) + "/" + app::url_segment(date), [this, date](const app::ApiReply& reply) {
        busy_date_.clear();
        busy_removing_ = false;
        if (!reply.ok() && reply.status != 404) {
            notes_[date] = {reply.error.message, true};
            if (reply.status == 409) fetch_.load = Load::NotStarted;  // fetched again next frame
            return;
        }
        // The server drops the day's times and the guardian's comment (a staff comment stays).
        if (CareDay* d = find_day(date)) {
            d->arrival.clear();
            d->pickup.clear();
            d->comment.clear();
        }
        if (editing_ == date) editing_.clear();
        notes_[date] = {tr("Sparat. Ingen omsorg den här dagen."), false};
    });
}

bool CareTimesBox::show_item(BoxContext& ctx, const std::string& item_id) {
    if (item_id == linked_) return true;
    if (!item_id.empty()) {
        const app::calendar::Day day = app::calendar::parse_day(item_id);
        if (!day.ok() || app::calendar::iso(day) != item_id) return false;  // not a day
        load(ctx, app::calendar::iso_week_of(day));
        linked_scroll_ = 4;
    }
    linked_ = item_id;
    return true;
}

void CareTimesBox::on_open(BoxContext&) {
    // Fresh data on every visit; the week chosen stays.
    fetch_.refresh();
    editing_.clear();
    notes_.clear();
}

// --- Drawing ----------------------------------------------------------------------------------

void CareTimesBox::draw_intro(const app::Pupil& pupil) {
    const char* name = pupil.first_name.c_str();
    if (may_edit_) {
        ui::MutedText(preschool_ ? trf("Här registrerar du de tider %s ska vara på förskolan. Du kan skriva en kommentar och se om personalen har skrivit något.",
                                       name)
                                 : trf("Här registrerar du de tider %s ska vara på fritids. Du kan skriva en kommentar och se om läraren har skrivit något.",
                                       name));
    } else {
        ui::Note(preschool_ ? tr("Tiderna registreras av vårdnadshavare. Här ser du dem och personalens kommentarer.")
                            : tr("Tiderna registreras av vårdnadshavare. Här ser du dem och lärarens kommentarer."),
                 ui::Tone::Info);
    }
    if (!open_.empty() && !close_.empty()) {
        const std::string hours = preschool_ ? trf("Förskolan har öppet %s–%s, måndag till fredag.", open_.c_str(), close_.c_str())
                                             : trf("Fritids har öppet %s–%s, måndag till fredag.", open_.c_str(), close_.c_str());
        ui::Text(std::string(icons::kTidsregistrering) + "  " + hours, theme::colors().muted_text, Face::Small);
    }
}

void CareTimesBox::draw_week_navigation(BoxContext& ctx, bool narrow) {
    const std::string prev = std::string(icons::kChevronLeft) + "  " + tr("Föregående vecka");
    const std::string next = std::string(tr("Nästa vecka")) + "  " + icons::kChevronRight;
    const std::string current_week = iso_week_from(today_, 0);
    const bool away = !week_.empty() && !current_week.empty() && week_ != current_week;
    const char* this_week = tr("Denna vecka");

    // While another week is on its way its number is shown already, without the old dates.
    const bool busy = fetch_.load == Load::Loading;
    const bool switching = busy && !requested_week_.empty() && requested_week_ != week_;
    ImGui::BeginGroup();
    ui::Heading(trf("Vecka %d", app::calendar::week_number(switching ? requested_week_ : week_)));
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 6);
    ui::Text(switching ? std::string(" ") : range_title(from_, to_), theme::colors().muted_text);
    ImGui::EndGroup();

    bool go_prev = false, go_next = false, go_current = false;
    const float gap = 8;
    if (!narrow) {
        float w = ui::ButtonWidth(prev.c_str()) + ui::ButtonWidth(next.c_str()) + gap;
        if (away) w += ui::ButtonWidth(this_week) + gap;
        ImGui::SameLine(0, 0);
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(16.0f, ImGui::GetContentRegionAvail().x - w));
        go_prev = ui::SecondaryButton(prev.c_str(), !busy);
        if (away) {
            ImGui::SameLine(0, gap);
            go_current = ui::SecondaryButton(this_week, !busy);
        }
        ImGui::SameLine(0, gap);
        go_next = ui::SecondaryButton(next.c_str(), !busy);
    } else {
        // A phone: the week's name on its own line, then the two buttons at the edges.
        if (away) {
            ImGui::SameLine(0, 0);
            ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - ui::ButtonWidth(this_week));
            go_current = ui::SecondaryButton(this_week, !busy);
        }
        ui::Space(2);
        const float wn = ui::ButtonWidth(next.c_str());
        go_prev = ui::SecondaryButton(prev.c_str(), !busy);
        ImGui::SameLine(0, 0);
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(gap, ImGui::GetContentRegionAvail().x - wn));
        go_next = ui::SecondaryButton(next.c_str(), !busy);
    }
    if (go_prev || go_next || go_current) {
        editing_.clear();
        notes_.clear();
        load(ctx, go_current ? "" : iso_week_from(from_, go_prev ? -1 : 1));
        platform::request_frames();
    }
}

void CareTimesBox::draw_day_details(const CareDay& day) {
    const auto& c = theme::colors();
    if (day.has_times()) {
        ui::Text(trf("Lämning %s", day.arrival.c_str()), 0, Face::Strong);
        const float after = ImGui::GetItemRectMax().x;
        const std::string pickup = trf("Hämtning %s", day.pickup.c_str());
        if (ImGui::GetContentRegionMax().x + ImGui::GetWindowPos().x - after > ui::TextSize(Face::Strong, pickup, FLT_MAX).x + 40)
            ImGui::SameLine(0, 28);
        ui::Text(pickup, 0, Face::Strong);
        // Times registered before the school changed its hours.
        const auto a = parse_time(day.arrival.c_str()), p = parse_time(day.pickup.c_str());
        const auto o = parse_time(open_.c_str()), cl = parse_time(close_.c_str());
        if (a && p && o && cl && (*a < *o || *p > *cl))
            ui::Text(std::string(icons::kError) + "  " +
                         trf("Tiden ligger utanför öppettiderna (%s–%s).", open_.c_str(), close_.c_str()),
                     c.warning_text, Face::Small);
    } else {
        ui::Text(tr("Ingen tid registrerad"), c.muted_text);
    }
    if (!day.comment.empty()) {
        ui::Space(2);
        ui::Text(tr("Vårdnadshavarens kommentar"), c.muted_text, Face::Small);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 4);
        ui::Text(day.comment);
    }
    if (!day.staff_comment.empty()) {
        ui::Space(4);
        draw_staff_comment(day);
    }
}

void CareTimesBox::draw_staff_comment(const CareDay& day) {
    const auto& c = theme::colors();
    const TintedBlock block = begin_tinted();
    std::string who = preschool_ ? tr("Kommentar från personalen") : tr("Kommentar från läraren");
    if (!day.staff_name.empty()) who += " · " + day.staff_name;
    ui::Text(std::string(icons::kInfo) + "  " + who, c.text, Face::Small);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 2);
    ui::Text(day.staff_comment);
    end_tinted(block, c.info_soft);
}

bool CareTimesBox::time_field(const char* label, const char* earlier, const char* later, char* buffer, size_t size,
                              int fallback_minutes) {
    ui::Text(label, 0, Face::Strong);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - ImGui::GetStyle().ItemSpacing.y * 0.5f);
    const float h = ImGui::GetFrameHeight();
    int step = 0;
    if (step_button(earlier, false, h)) step = -1;
    ImGui::SameLine(0, 6);
    ImGui::SetNextItemWidth(ImGui::CalcTextSize("00:00").x + ImGui::GetStyle().FramePadding.x * 2 + 16);
    app::registry::hint_next("input");
    const std::string id = std::string("##") + label;
    const bool enter =
        ImGui::InputTextWithHint(id.c_str(), tr("TT:MM"), buffer, size, ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine(0, 6);
    if (step_button(later, true, h)) step = 1;
    if (step != 0) {
        // To the next quarter in that direction; from the opening hour when the field is empty.
        const auto now = parse_time(buffer);
        int m = now ? *now : fallback_minutes;
        if (now) m = step > 0 ? (m / kStepMinutes + 1) * kStepMinutes : ((m + kStepMinutes - 1) / kStepMinutes - 1) * kStepMinutes;
        m = std::clamp(m, 0, 23 * 60 + 45);
        copy_to(buffer, size, format_time(m));
    }
    return enter;
}

void CareTimesBox::draw_editor(BoxContext& ctx, CareDay& day, bool narrow) {
    const bool busy = busy_date_ == day.date;
    const int open = parse_time(open_.c_str()).value_or(6 * 60 + 30);
    const int close = parse_time(close_.c_str()).value_or(18 * 60);
    bool submit = false;

    const ImVec2 top = ImGui::GetCursorPos();
    ImGui::BeginGroup();
    submit |= time_field(tr("Lämning"), tr("Tidigare lämning"), tr("Senare lämning"), arrival_, sizeof arrival_, open);
    ImGui::EndGroup();
    if (!narrow)  // side by side; placed, as SameLine would lower the label to the fields' baseline
        ImGui::SetCursorPos(ImVec2(top.x + ImGui::GetItemRectSize().x + 36, top.y));
    ImGui::BeginGroup();
    submit |= time_field(tr("Hämtning"), tr("Tidigare hämtning"), tr("Senare hämtning"), pickup_, sizeof pickup_, close);
    ImGui::EndGroup();
    ui::Text(preschool_ ? trf("Skriv tiderna som TT:MM, till exempel 07:30. Förskolan har öppet %s–%s.", open_.c_str(),
                              close_.c_str())
                        : trf("Skriv tiderna som TT:MM, till exempel 07:30. Fritids har öppet %s–%s.", open_.c_str(),
                              close_.c_str()),
             theme::colors().muted_text, Face::Small);
    ui::Space(2);
    ui::TextArea(tr("Kommentar"), comment_, sizeof comment_, 2, 6,
                 preschool_ ? tr("Till exempel: Mormor hämtar") : tr("Till exempel: Går hem själv kl. 15"));
    ui::Text(trf("Valfri, högst %d tecken. Personalen ser den.", static_cast<int>(kCommentMaxChars)),
             theme::colors().muted_text, Face::Small);
    ui::Space(4);

    const bool save_clicked = ui::PrimaryButton(tr("Spara"), !busy);
    ImGui::SameLine(0, 8);
    if (ui::SecondaryButton(tr("Avbryt"), !busy)) {
        editing_.clear();
        notes_.erase(day.date);
    }
    if (day.has_times()) {
        const char* none = tr("Ingen omsorg denna dag");
        if (!narrow) ImGui::SameLine(0, 8);
        else ImGui::SetCursorPosX(ImGui::GetCursorPosX() - ImGui::GetStyle().FramePadding.x);
        if (ui::QuietButton(none) && !busy) remove_times(ctx, day.date);
    }
    if (busy) ui::Loading(busy_removing_ ? tr("Tar bort tiderna …") : tr("Sparar …"));
    if ((save_clicked || submit) && !busy) save(ctx, day.date);
}

void CareTimesBox::draw_day(BoxContext& ctx, CareDay& day, bool narrow) {
    ImGui::PushID(day.date.c_str());
    const auto& c = theme::colors();
    const bool today = day.date == today_;
    const bool editing = editing_ == day.date && day.can_edit;
    const bool editable = day.can_edit && may_edit_ && !editing;
    ui::BeginPanel("##day");

    // Wide: the day's name and state in a column at the left, what it holds beside it.
    // A phone: one column.
    constexpr float kDayColumn = 270.0f;
    const ImVec2 origin = ImGui::GetCursorPos();
    const float x0 = origin.x;
    ImGui::BeginGroup();
    if (!narrow) ImGui::PushTextWrapPos(x0 + kDayColumn - 20);
    ui::Text(capitalized(app::dates::long_day(day.date)), 0, Face::Heading);
    const ImVec2 hmin = ImGui::GetItemRectMin(), hmax = ImGui::GetItemRectMax();
    const float heading_h = hmax.y - hmin.y;
    if (today) {
        const char* label = tr("Idag");
        const float w = ui::TextSize(Face::Small, label, FLT_MAX).x + 16;
        ui::Badge(label, ImVec2(hmax.x + 10 + w, (hmin.y + hmax.y) * 0.5f), true);
    }
    if (may_edit_) {
        std::string lock;
        if (day.locked && !today_.empty() && day.date < today_) lock = tr("Låst: dagen har passerat.");
        else if (day.locked && day.date == today_) lock = tr("Låst: dagen har redan börjat. Kontakta personalen för ändringar.");
        else if (day.locked) lock = tr("Låst av personalen. Kontakta dem för ändringar.");
        else if (!day.can_edit) lock = tr("Tider kan registreras högst åtta veckor framåt.");
        if (!lock.empty()) {
            ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 4);
            ui::Text(std::string(icons::kLock) + "  " + lock, c.muted_text, Face::Small);
        }
    }
    if (!narrow) ImGui::PopTextWrapPos();
    ImGui::EndGroup();

    if (narrow) {
        ui::Space(2);
    } else {
        // The first line beside the name sits on the name's middle. (Placed, not SameLine:
        // that would lower the column's text to the name's baseline.)
        const float line_h = ui::TextSize(Face::Strong, "0", FLT_MAX).y;
        ImGui::SetCursorPos(ImVec2(x0 + kDayColumn, origin.y + std::max(0.0f, (heading_h - line_h) * 0.5f)));
    }
    ImGui::BeginGroup();
    const std::string edit_label = std::string(day.has_times() ? tr("Ändra") : tr("Registrera tider")) + "##edit";
    bool edit_clicked = false;
    if (editable && !narrow) {
        // At the panel's right edge on the first line.
        const ImVec2 here = ImGui::GetCursorPos();
        const float bw = ui::ButtonWidth(edit_label.c_str());
        ImGui::SetCursorPos(ImVec2(ImGui::GetContentRegionMax().x - bw,
                                   here.y - (ImGui::GetFrameHeight() - ui::TextSize(Face::Strong, "0", FLT_MAX).y) * 0.5f));
        edit_clicked = ui::SecondaryButton(edit_label.c_str(), busy_date_.empty());
        ImGui::SetCursorPos(here);
    }
    if (editing) {
        draw_editor(ctx, day, narrow);
        if (!day.staff_comment.empty()) {
            // The staff's words stay in sight while the guardian answers them.
            ui::Space(4);
            draw_staff_comment(day);
        }
    } else {
        draw_day_details(day);
        if (editable && narrow) {
            ui::Space(4);
            edit_clicked = ui::SecondaryButton(edit_label.c_str(), busy_date_.empty());
        }
    }
    if (auto it = notes_.find(day.date); it != notes_.end()) {
        ui::Space(4);
        ui::Note(it->second.text, it->second.error ? ui::Tone::Error : ui::Tone::Success);
    }
    ImGui::EndGroup();
    if (edit_clicked) start_editing(day);
    ui::EndPanel();
    ImGui::PopID();
}

void CareTimesBox::draw_full_view(BoxContext& ctx, const app::Pupil& pupil) {
    if (fetch_.load == Load::NotStarted) load(ctx, requested_week_);
    if (!fetch_.loaded_once) {
        if (ui::LoadingOrError(fetch_.failed(), fetch_.error, tr("Hämtar tiderna …"), !load_forbidden_))
            load(ctx, requested_week_);
        return;
    }
    const bool narrow = ImGui::GetContentRegionAvail().x < 560.0f;
    draw_intro(pupil);
    ui::Space(10);
    draw_week_navigation(ctx, narrow);
    ui::Space(6);
    if (fetch_.load == Load::Loading) {
        ui::Loading(tr("Hämtar tiderna …"));
        return;
    }
    if (fetch_.failed()) {
        if (ui::ErrorAndRetry(fetch_.error)) load(ctx, requested_week_);
        return;
    }
    if (days_.empty()) {
        ui::MutedText(tr("Det finns inga dagar att visa den här veckan."));
        return;
    }
    for (CareDay& day : days_) {
        const float top = ImGui::GetCursorScreenPos().y;
        draw_day(ctx, day, narrow);
        if (day.date == linked_) {  // the day a link named
            ui::LinkedFrame(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
            if (linked_scroll_ > 0) {
                --linked_scroll_;
                ui::ScrollPageTo(top);
                platform::request_frames();
            }
        }
        ui::Space(4);
    }
}

namespace {

const app::EnglishText kEnglish[] = {
    {"Skriv lämningstiden som TT:MM, till exempel 07:30.", "Write the drop-off time as HH:MM, for example 07:30."},
    {"Skriv hämtningstiden som TT:MM, till exempel 16:30.", "Write the pick-up time as HH:MM, for example 16:30."},
    {"Kommentaren får vara högst %d tecken; din är %d tecken.", "The comment may be at most %d characters; yours is %d."},
    {"Sparat. Tiderna är registrerade.", "Saved. The times are registered."},
    {"Sparat. Ingen omsorg den här dagen.", "Saved. No care this day."},
    {"Här registrerar du de tider %s ska vara på förskolan. Du kan skriva en kommentar och se om personalen har skrivit något.",
     "Here you register the times %s will be at preschool. You can add a comment and see whether the staff wrote anything."},
    {"Här registrerar du de tider %s ska vara på fritids. Du kan skriva en kommentar och se om läraren har skrivit något.",
     "Here you register the times %s will be at after-school care. You can add a comment and see whether the teacher wrote anything."},
    {"Tiderna registreras av vårdnadshavare. Här ser du dem och personalens kommentarer.",
     "Guardians register the times. Here you see them and the staff's comments."},
    {"Tiderna registreras av vårdnadshavare. Här ser du dem och lärarens kommentarer.",
     "Guardians register the times. Here you see them and the teacher's comments."},
    {"Förskolan har öppet %s–%s, måndag till fredag.", "The preschool is open %s–%s, Monday to Friday."},
    {"Fritids har öppet %s–%s, måndag till fredag.", "After-school care is open %s–%s, Monday to Friday."},
    {"Föregående vecka", "Previous week"},
    {"Nästa vecka", "Next week"},
    {"Denna vecka", "This week"},
    {"Vecka %d", "Week %d"},
    {"Lämning %s", "Drop-off %s"},
    {"Hämtning %s", "Pick-up %s"},
    {"Tiden ligger utanför öppettiderna (%s–%s).", "The time is outside the opening hours (%s–%s)."},
    {"Ingen tid registrerad", "No times registered"},
    {"Vårdnadshavarens kommentar", "Guardian's comment"},
    {"Kommentar från personalen", "Comment from the staff"},
    {"Kommentar från läraren", "Comment from the teacher"},
    {"TT:MM", "HH:MM"},
    {"Lämning", "Drop-off"},
    {"Hämtning", "Pick-up"},
    {"Tidigare lämning", "Earlier drop-off"},
    {"Senare lämning", "Later drop-off"},
    {"Tidigare hämtning", "Earlier pick-up"},
    {"Senare hämtning", "Later pick-up"},
    {"Skriv tiderna som TT:MM, till exempel 07:30. Förskolan har öppet %s–%s.",
     "Write the times as HH:MM, for example 07:30. The preschool is open %s–%s."},
    {"Skriv tiderna som TT:MM, till exempel 07:30. Fritids har öppet %s–%s.",
     "Write the times as HH:MM, for example 07:30. After-school care is open %s–%s."},
    {"Kommentar", "Comment"},
    {"Till exempel: Mormor hämtar", "For example: Grandma picks up"},
    {"Till exempel: Går hem själv kl. 15", "For example: Walks home alone at 15:00"},
    {"Valfri, högst %d tecken. Personalen ser den.", "Optional, at most %d characters. The staff see it."},
    {"Spara", "Save"},
    {"Avbryt", "Cancel"},
    {"Ingen omsorg denna dag", "No care this day"},
    {"Tar bort tiderna …", "Removing the times …"},
    {"Sparar …", "Saving …"},
    {"Idag", "Today"},
    {"Låst: dagen har passerat.", "Locked: the day has passed."},
    {"Låst: dagen har redan börjat. Kontakta personalen för ändringar.",
     "Locked: the day has already begun. Contact the staff for changes."},
    {"Låst av personalen. Kontakta dem för ändringar.", "Locked by the staff. Contact them for changes."},
    {"Tider kan registreras högst åtta veckor framåt.", "Times can be registered at most eight weeks ahead."},
    {"Ändra", "Change"},
    {"Registrera tider", "Register times"},
    {"Hämtar tiderna …", "Fetching the times …"},
    {"Det finns inga dagar att visa den här veckan.", "There are no days to show this week."},
};
const app::EnglishTexts kRegistered(kEnglish);

}  // namespace

}  // namespace boxes
