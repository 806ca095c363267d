#include "boxes/utvecklingssamtal.hpp"

#include <algorithm>

#include "app/i18n.hpp"
#include "app/icons.hpp"
#include "app/swedish_dates.hpp"
#include "app/theme.hpp"
#include "app/ui.hpp"
#include "imgui.h"
#include "platform/frame_scheduler.hpp"

namespace boxes {
namespace {

using app::Json;
namespace ui = app::ui;
namespace theme = app::theme;
using app::fonts::Face;
using app::dates::capitalized;

TalkTime parse_slot(const Json& j) {
    TalkTime t;
    t.id = app::text(j, "id");
    t.date = app::text(j, "date");
    t.start = app::text(j, "start");
    t.end = app::text(j, "end");
    t.place = app::text(j, "place");
    t.staff = app::text(app::field(j, "staff"), "name");
    const Json& d = app::field(j, "duration_minutes");
    t.duration_minutes = d.is_number_integer() ? d.get<int>() : 0;
    return t;
}

std::string base_path(const std::string& pupil_id) {
    return "/api/v1/pupils/" + app::url_segment(pupil_id) + "/meetings";
}

std::string time_range(const TalkTime& t) { return t.start + "–" + t.end; }

std::string minutes_text(int m) { return m == 1 ? app::tr("1 minut") : app::trf("%d minuter", m); }

// "Klassrummet, A204 · Anna Lind"
std::string place_and_staff(const TalkTime& t) {
    std::string s = t.place;
    if (!t.staff.empty()) s += (s.empty() ? "" : " · ") + t.staff;
    return s;
}


// A thin line across the panel between rows.
void separator() {
    ImVec2 p = ImGui::GetCursorScreenPos();
    float w = ImGui::GetContentRegionAvail().x;
    ImGui::GetWindowDrawList()->AddLine(ImVec2(p.x, p.y), ImVec2(p.x + w, p.y), theme::colors().border, 1.0f);
    ui::Space(6);
}

}  // namespace

void UtvecklingssamtalBox::load(BoxContext& ctx) {
    fetch_.start();
    ctx.api.get(base_path(pupil_id_), [this](const app::ApiReply& reply) {
        if (!fetch_.succeeded(reply)) {
            load_forbidden_ = reply.status == 403;
            return;
        }
        const Json& b = app::field(reply.body, "booking");
        has_booking_ = b.is_object();
        if (has_booking_) {
            booking_ = parse_slot(b);
            booked_by_ = app::text(app::field(b, "booked_by"), "name");
            booked_at_ = app::text(b, "booked_at");
            can_change_ = app::flag(b, "can_change");
        } else {
            confirm_cancel_ = false;
        }
        slots_.clear();
        const Json& list = app::field(reply.body, "slots");
        if (list.is_array())
            for (const Json& s : list) slots_.push_back(parse_slot(s));
        std::stable_sort(slots_.begin(), slots_.end(), [](const TalkTime& a, const TalkTime& c) {
            return a.date != c.date ? a.date < c.date : a.start < c.start;
        });
        fetch_.done();
        find_linked();
    });
}

void UtvecklingssamtalBox::book(BoxContext& ctx, const TalkTime& slot) {
    booking_slot_id_ = slot.id;
    list_error_.clear();
    booking_error_.clear();
    booking_success_.clear();
    confirm_cancel_ = false;
    std::string path = base_path(pupil_id_) + "/" + app::url_segment(slot.id) + "/booking";
    ctx.api.post(path, Json::object(), [this](const app::ApiReply& reply) {
        booking_slot_id_.clear();
        if (!reply.ok()) {
            if (reply.status == 409) {
                list_error_ = app::tr("Tiden hann bokas av någon annan. Välj en annan tid.");
                fetch_.load = Load::NotStarted;  // fetch the list as it is now (next frame)
            } else {
                list_error_ = reply.error.message;
            }
            return;
        }
        const Json& b = app::field(reply.body, "booking");
        const bool changed = app::flag(reply.body, "changed");
        if (b.is_object()) {
            has_booking_ = true;
            booking_ = parse_slot(b);
            booked_by_ = app::text(app::field(b, "booked_by"), "name");
            booked_at_ = app::text(b, "booked_at");
            can_change_ = app::flag(b, "can_change");
        }
        show_list_ = false;
        booking_success_ = changed ? app::tr("Tiden är ändrad.") : app::tr("Tiden är bokad.");
        fetch_.load = Load::NotStarted;  // the old time (when changed) is free again
    });
}

void UtvecklingssamtalBox::cancel(BoxContext& ctx) {
    cancelling_ = true;
    booking_error_.clear();
    booking_success_.clear();
    list_error_.clear();
    ctx.api.del(base_path(pupil_id_) + "/booking", [this](const app::ApiReply& reply) {
        cancelling_ = false;
        confirm_cancel_ = false;
        if (!reply.ok()) {
            booking_error_ = reply.error.message;
            fetch_.load = Load::NotStarted;
            return;
        }
        has_booking_ = false;
        show_list_ = false;
        booking_success_ = app::tr("Tiden är avbokad. Du kan boka en ny tid nedan.");
        fetch_.load = Load::NotStarted;
    });
}

void UtvecklingssamtalBox::draw_booking(BoxContext& ctx) {
    ui::Heading(app::tr("Bokad tid"));
    ui::BeginPanel("##booking");
    // An accent bar at the left edge marks the booked time (drawn over the padding).
    {
        ImVec2 wmin = ImGui::GetWindowPos();
        ImVec2 wsize = ImGui::GetWindowSize();
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->PushClipRect(wmin, ImVec2(wmin.x + wsize.x, wmin.y + wsize.y), false);
        dl->AddRectFilled(ImVec2(wmin.x + 1, wmin.y + 14), ImVec2(wmin.x + 6, wmin.y + wsize.y - 14), theme::colors().accent, 3.0f);
        dl->PopClipRect();
    }
    ui::Text(app::icons::kSuccess, theme::colors().success_text, Face::Heading);
    ImGui::SameLine(0, 10);
    ui::Text(capitalized(app::dates::long_day(booking_.date)), theme::colors().text, Face::Heading);
    std::string when = app::dates::clock(time_range(booking_));
    if (booking_.duration_minutes > 0) when += " (" + minutes_text(booking_.duration_minutes) + ")";
    ui::Text(when, 0, Face::Strong);
    if (!booking_.place.empty()) ui::Text(app::trf("Plats: %s", booking_.place.c_str()));
    if (!booking_.staff.empty()) ui::Text(app::trf("Med: %s", booking_.staff.c_str()));
    if (!booked_by_.empty()) {
        std::string by = app::trf("Bokad av %s", booked_by_.c_str());
        if (!booked_at_.empty()) by += ", " + app::dates::date_time(booked_at_);
        ui::Text(by, theme::colors().muted_text, Face::Small);
    }
    ui::Space(6);
    const bool busy = cancelling_ || !booking_slot_id_.empty();
    if (!can_change_) {
        ui::MutedText(app::tr("Samtalet har börjat och kan inte längre ändras eller avbokas."));
    } else if (confirm_cancel_) {
        ui::Text(app::trf("Vill du avboka tiden %s kl. %s?", app::dates::short_day(booking_.date).c_str(),
                          booking_.start.c_str()),
                 0, Face::Strong);
        ui::Space(2);
        if (ui::PrimaryButton(app::tr("Ja, avboka"), !busy)) cancel(ctx);
        ImGui::SameLine();
        if (ui::SecondaryButton(app::tr("Nej"), !cancelling_)) confirm_cancel_ = false;
        if (cancelling_) {
            ImGui::SameLine(0, 16);
            ui::Loading(app::tr("Avbokar …"));
        }
    } else {
        const char* change = show_list_ ? app::tr("Stäng lediga tider##byt") : app::tr("Byt tid##byt");
        if (ui::SecondaryButton(change, !busy)) {
            show_list_ = !show_list_;
            list_error_.clear();
            booking_success_.clear();
        }
        ImGui::SameLine();
        if (ui::SecondaryButton(app::tr("Avboka"), !busy)) {
            confirm_cancel_ = true;
            show_list_ = false;
            booking_success_.clear();
        }
    }
    if (!booking_error_.empty()) ui::Note(booking_error_, ui::Tone::Error);
    if (!booking_success_.empty()) ui::Note(booking_success_, ui::Tone::Success);
    ui::EndPanel();
    if (booking_.id == linked_) frame_linked(ImGui::GetItemRectMin().y - 40);
}

void UtvecklingssamtalBox::draw_free_times(BoxContext& ctx) {
    ui::Heading(has_booking_ ? app::tr("Välj en ny tid") : app::tr("Lediga tider"));
    if (has_booking_)
        ui::MutedText(app::tr("När du bokar en ny tid flyttas din bokning dit och den gamla tiden blir ledig."));
    else
        ui::MutedText(app::tr("Välj en tid som passar. Samtalet hålls med elevens mentor eller lärare."));
    if (!list_error_.empty()) ui::Note(list_error_, ui::Tone::Error);
    if (slots_.empty()) {
        ui::Space(4);
        ui::MutedText(app::tr("Det finns inga lediga tider just nu."));
        return;
    }
    const TalkTime* to_book = nullptr;
    const bool busy = !booking_slot_id_.empty() || cancelling_;
    size_t i = 0;
    while (i < slots_.size()) {
        const std::string day = slots_[i].date;
        ImGui::PushID(day.c_str());
        ui::Space(4);
        ui::Text(capitalized(app::dates::long_day(day)), 0, Face::Strong);
        ui::BeginPanel("##day");
        bool first = true;
        for (; i < slots_.size() && slots_[i].date == day; ++i) {
            const TalkTime& t = slots_[i];
            if (!first) separator();
            first = false;
            const std::string label = std::string(app::tr("Boka")) + "##" + t.id;
            const float bw = ui::ButtonWidth(label.c_str());
            const float text_w = ImGui::GetContentRegionAvail().x - bw - ImGui::GetStyle().ItemSpacing.x * 2;
            const bool pending = booking_slot_id_ == t.id;
            const float row_left = ImGui::GetCursorScreenPos().x, row_right = row_left + ImGui::GetContentRegionAvail().x;
            ImGui::BeginGroup();
            ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + text_w);
            ui::Text(time_range(t), 0, Face::Strong);
            std::string detail = place_and_staff(t);
            if (!detail.empty()) ui::Text(detail, theme::colors().muted_text, Face::Small);
            if (pending) ui::Loading(app::tr("Bokar …"));
            ImGui::PopTextWrapPos();
            ImGui::EndGroup();
            const float row_h = ImGui::GetItemRectSize().y;
            const float row_top = ImGui::GetItemRectMin().y;
            if (t.id == linked_) {  // the time a link named: a frame round its row
                ImGui::GetWindowDrawList()->AddRect(ImVec2(row_left - 10, row_top - 6),
                                                    ImVec2(row_right + 10, row_top + std::max(row_h, ImGui::GetFrameHeight()) + 6),
                                                    theme::colors().accent, 8.0f, 0, 2.0f);
                if (linked_scroll_ > 0 && fetch_.load == Load::Ready) {
                    --linked_scroll_;
                    ui::ScrollPageTo(row_top - 40);
                    platform::request_frames();
                }
            }
            ImGui::SameLine(ImGui::GetContentRegionMax().x - bw);
            const float bh = ImGui::GetFrameHeight();
            if (row_h > bh) ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, row_top + (row_h - bh) * 0.5f));
            if (ui::PrimaryButton(label.c_str(), !busy)) to_book = &t;
            // Continue below the taller of the two.
            ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x,
                                             std::max(ImGui::GetCursorScreenPos().y, row_top + row_h + ImGui::GetStyle().ItemSpacing.y)));
        }
        ui::EndPanel();
        ImGui::PopID();
    }
    if (to_book) book(ctx, *to_book);
}

bool UtvecklingssamtalBox::show_item(BoxContext& ctx, const std::string& item_id) {
    if (item_id == linked_) return true;
    linked_ = item_id;
    linked_gone_ = false;
    // A link is a fresh start: what the last action here said is old news.
    list_error_.clear();
    booking_error_.clear();
    booking_success_.clear();
    linked_scroll_ = 0;
    // Checked against the times fetched afresh (new times may be what is named).
    if (!item_id.empty() && fetch_.load != Load::Loading) load(ctx);
    return true;
}

void UtvecklingssamtalBox::find_linked() {
    if (linked_.empty()) return;
    bool found = has_booking_ && booking_.id == linked_;
    for (const TalkTime& t : slots_) found |= t.id == linked_;
    // A cancelled talk's notification names a time that is gone, a "new times" one the
    // first time offered, which someone may have booked since: the box is still the
    // right place (to book another time), so it says so instead of "Hittades inte".
    linked_gone_ = !found;
    if (!found) return;
    if (has_booking_ && booking_.id != linked_) show_list_ = true;  // a free time: the list open to change to it
    linked_scroll_ = 4;
    platform::request_frames();
}

// After the block of the linked time: a frame around it, and into view.
void UtvecklingssamtalBox::frame_linked(float top) {
    ui::LinkedFrame(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    if (linked_scroll_ > 0 && fetch_.load == Load::Ready) {
        --linked_scroll_;
        ui::ScrollPageTo(top);
        platform::request_frames();
    }
}

void UtvecklingssamtalBox::on_open(BoxContext&) {
    // Fresh data on every visit; what is already known stays on screen meanwhile.
    fetch_.refresh();
    show_list_ = false;
    confirm_cancel_ = false;
    booking_error_.clear();
    booking_success_.clear();
    list_error_.clear();
}

void UtvecklingssamtalBox::draw_full_view(BoxContext& ctx, const app::Pupil&) {
    if (fetch_.load == Load::NotStarted) load(ctx);
    if (!fetch_.loaded_once) {
        if (ui::LoadingOrError(fetch_.failed(), fetch_.error,
                               app::tr("Hämtar tider för utvecklingssamtal …"), !load_forbidden_))
            load(ctx);
        return;
    }
    if (fetch_.failed()) {
        if (ui::ErrorAndRetry(fetch_.error)) load(ctx);
    }
    if (linked_gone_)
        ui::Note(app::tr("Tiden i länken finns inte längre: den har ställts in eller bokats av någon annan. "
                         "Här är tiderna som gäller nu."),
                 ui::Tone::Info);
    if (has_booking_) {
        draw_booking(ctx);
        if (show_list_) {
            ui::Space(8);
            draw_free_times(ctx);
        }
    } else {
        if (!booking_success_.empty()) ui::Note(booking_success_, ui::Tone::Success);
        if (!booking_error_.empty()) ui::Note(booking_error_, ui::Tone::Error);
        draw_free_times(ctx);
    }
}

namespace {

const app::EnglishText kEnglish[] = {
    {"1 minut", "1 minute"},
    {"%d minuter", "%d minutes"},
    {"Tiden hann bokas av någon annan. Välj en annan tid.", "Someone else booked that time first. Choose another time."},
    {"Tiden i länken finns inte längre: den har ställts in eller bokats av någon annan. Här är tiderna som gäller nu.",
     "The time in the link is no longer there: it was cancelled or someone else booked it. Here are the times as they are now."},
    {"Tiden är ändrad.", "Your time has been changed."},
    {"Tiden är bokad.", "Your time is booked."},
    {"Tiden är avbokad. Du kan boka en ny tid nedan.", "Your booking is cancelled. You can book a new time below."},
    {"Bokad tid", "Booked time"},
    {"Plats: %s", "Place: %s"},
    {"Med: %s", "With: %s"},
    {"Bokad av %s", "Booked by %s"},
    {"Samtalet har börjat och kan inte längre ändras eller avbokas.",
     "The talk has started and can no longer be changed or cancelled."},
    {"Vill du avboka tiden %s kl. %s?", "Do you want to cancel your time on %s at %s?"},
    {"Ja, avboka", "Yes, cancel it"},
    {"Nej", "No"},
    {"Avbokar …", "Cancelling …"},
    {"Stäng lediga tider", "Hide free times"},
    {"Byt tid", "Change time"},
    {"Avboka", "Cancel booking"},
    {"Välj en ny tid", "Choose a new time"},
    {"Lediga tider", "Free times"},
    {"När du bokar en ny tid flyttas din bokning dit och den gamla tiden blir ledig.",
     "When you book a new time, your booking moves there and the old time becomes free."},
    {"Välj en tid som passar. Samtalet hålls med elevens mentor eller lärare.",
     "Choose a time that suits you. The talk is held with the pupil's mentor or teacher."},
    {"Det finns inga lediga tider just nu.", "There are no free times right now."},
    {"Boka", "Book"},
    {"Bokar …", "Booking …"},
    {"Hämtar tider för utvecklingssamtal …", "Loading times for development talks …"},
};
const app::EnglishTexts kRegistered(kEnglish);

}  // namespace

}  // namespace boxes
