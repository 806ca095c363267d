#include "boxes/franvaro.hpp"

#include <algorithm>

#include "app/i18n.hpp"
#include "app/icons.hpp"
#include "app/swedish_dates.hpp"
#include "app/theme.hpp"
#include "app/ui.hpp"
#include "imgui.h"

namespace boxes {
namespace {

using app::Json;
namespace ui = app::ui;

AbsenceReport parse_report(const Json& j) {
    AbsenceReport r;
    r.id = app::text(j, "id");
    r.date = app::text(j, "date");
    r.comment = app::text(j, "comment");
    r.reported_by = app::text(app::field(j, "reported_by"), "name");
    r.reported_at = app::text(j, "reported_at");
    r.can_withdraw = app::flag(j, "can_withdraw");
    return r;
}

std::string path_for(const std::string& pupil_id) {
    return "/api/v1/pupils/" + app::url_segment(pupil_id) + "/absence";
}

}  // namespace

void FranvaroBox::load(BoxContext& ctx) {
    fetch_.start();
    ctx.api.get(path_for(pupil_id_), [this](const app::ApiReply& reply) {
        if (!fetch_.succeeded(reply)) return;
        today_ = app::text(reply.body, "today");
        tomorrow_ = app::text(reply.body, "tomorrow");
        can_report_ = app::flag(reply.body, "can_report");
        reports_.clear();
        const Json& list = app::field(reply.body, "reports");
        if (list.is_array())
            for (const Json& r : list) reports_.push_back(parse_report(r));
        // Newest day first: what is coming matters most.
        std::stable_sort(reports_.begin(), reports_.end(),
                         [](const AbsenceReport& a, const AbsenceReport& b) { return a.date > b.date; });
        fetch_.done();
    });
}

void FranvaroBox::submit(BoxContext& ctx) {
    submitting_ = true;
    form_error_.clear();
    form_success_.clear();
    Json body = {{"date", day_ == 0 ? today_ : tomorrow_}};
    if (comment_[0]) body["comment"] = comment_;
    ctx.api.post(path_for(pupil_id_), body, [this](const app::ApiReply& reply) {
        submitting_ = false;
        if (!reply.ok()) {
            form_error_ = reply.error.message;
            return;
        }
        AbsenceReport added = parse_report(app::field(reply.body, "report"));
        form_success_ = app::trf("Frånvaron är anmäld för %s.", app::dates::long_day(added.date).c_str());
        comment_[0] = 0;
        reports_.insert(reports_.begin(), added);
        std::stable_sort(reports_.begin(), reports_.end(),
                         [](const AbsenceReport& a, const AbsenceReport& b) { return a.date > b.date; });
    });
}

void FranvaroBox::withdraw(BoxContext& ctx, const AbsenceReport& report) {
    withdrawing_id_ = report.id;
    list_error_.clear();
    form_success_.clear();
    std::string id = report.id;
    ctx.api.del(path_for(pupil_id_) + "/" + app::url_segment(id), [this, id](const app::ApiReply& reply) {
        withdrawing_id_.clear();
        if (!reply.ok()) {
            list_error_ = reply.error.message;
            return;
        }
        reports_.erase(std::remove_if(reports_.begin(), reports_.end(),
                                      [&](const AbsenceReport& r) { return r.id == id; }),
                       reports_.end());
    });
}

void FranvaroBox::draw_form(BoxContext& ctx) {
    ui::BeginPanel("##report_form");
    ui::Heading(app::tr("Anmäl frånvaro"));
    ui::MutedText(app::tr("Gäller hela dagen. Du kan anmäla frånvaro för idag eller i morgon."));
    ui::Space(4);
    std::string today_label = app::trf("Idag (%s)", app::dates::short_day(today_).c_str());
    std::string tomorrow_label = app::trf("I morgon (%s)", app::dates::short_day(tomorrow_).c_str());
    if (ui::Radio(today_label.c_str(), day_ == 0)) day_ = 0;
    ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x < ImGui::CalcTextSize(tomorrow_label.c_str()).x + 70) ImGui::NewLine();
    if (ui::Radio(tomorrow_label.c_str(), day_ == 1)) day_ = 1;
    ui::Space(2);
    bool enter = ui::InputField(app::tr("Kommentar (valfri)"), comment_, sizeof(comment_), false,
                                app::tr("Till exempel: sjuk, tandläkare"));
    ui::Space(2);
    bool clicked = ui::PrimaryButton(app::tr("Anmäl frånvaro"), !submitting_);
    if (submitting_) {
        ImGui::SameLine(0, 16);
        ui::Loading(app::tr("Skickar …"));
    }
    if ((clicked || (enter && !submitting_)) && !submitting_) submit(ctx);
    if (!form_error_.empty()) ui::Note(form_error_, ui::Tone::Error);
    if (!form_success_.empty()) ui::Note(form_success_, ui::Tone::Success);
    ui::EndPanel();
}

void FranvaroBox::draw_reports(BoxContext& ctx) {
    ui::Heading(app::tr("Anmäld frånvaro"));
    if (!list_error_.empty()) ui::Note(list_error_, ui::Tone::Error);
    if (reports_.empty()) {
        ui::MutedText(app::tr("Ingen anmäld frånvaro."));
        return;
    }
    const AbsenceReport* to_withdraw = nullptr;
    for (const AbsenceReport& r : reports_) {
        ImGui::PushID(r.id.c_str());
        ui::BeginPanel("##report");
        std::string day = app::dates::capitalized(app::dates::long_day(r.date));
        if (r.date == today_) day = app::trf("%s (idag)", day.c_str());
        else if (r.date == tomorrow_) day = app::trf("%s (i morgon)", day.c_str());
        float row_start = ImGui::GetCursorPosY();
        ui::Text(day, 0, app::fonts::Face::Strong);
        if (!r.comment.empty()) ui::Text(r.comment);
        std::string by = app::trf("Anmäld av %s", r.reported_by.empty() ? app::tr("okänd") : r.reported_by.c_str());
        if (!r.reported_at.empty()) by += ", " + app::dates::date_time(r.reported_at);
        ui::Text(by, app::theme::colors().muted_text, app::fonts::Face::Small);
        if (r.can_withdraw) {
            std::string label = std::string(app::icons::kTrash) + "  " + app::tr("Ta bort") + "##" + r.id;
            float w = ImGui::CalcTextSize(label.c_str(), nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
            float avail = ImGui::GetContentRegionAvail().x;
            float y_after = ImGui::GetCursorPosY();
            if (avail > 420) {  // wide: button at the right of the row; narrow: below it
                ImGui::SetCursorPos(ImVec2(ImGui::GetCursorPosX() + avail - w, row_start));
            }
            bool busy = withdrawing_id_ == r.id;
            if (ui::SecondaryButton(label.c_str(), withdrawing_id_.empty())) to_withdraw = &r;
            if (busy) {
                ImGui::SameLine();
                ui::Loading(app::tr("Tar bort …"));
            }
            if (avail > 420) ImGui::SetCursorPosY(std::max(y_after, ImGui::GetCursorPosY()));
        }
        ui::EndPanel();
        ImGui::PopID();
    }
    if (to_withdraw) withdraw(ctx, *to_withdraw);
}

void FranvaroBox::on_open(BoxContext&) {
    // Fresh data on every visit; what is already known stays on screen meanwhile.
    fetch_.refresh();
    form_error_.clear();
    form_success_.clear();
    list_error_.clear();
}

void FranvaroBox::draw_full_view(BoxContext& ctx, const app::Pupil&) {
    if (fetch_.load == Load::NotStarted) load(ctx);
    if (!fetch_.loaded_once) {
        if (ui::LoadingOrError(fetch_.failed(), fetch_.error, app::tr("Hämtar frånvaro …"))) load(ctx);
        return;
    }
    if (can_report_) {
        draw_form(ctx);
    } else {
        ui::Note(ctx.me.role == "pupil" ? app::tr("Frånvaro anmäls av vårdnadshavare")
                                        : app::tr("Du kan inte anmäla frånvaro för den här eleven."),
                 ui::Tone::Info);
    }
    ui::Space(8);
    draw_reports(ctx);
}

namespace {

const app::EnglishText kEnglish[] = {
    {"Frånvaron är anmäld för %s.", "Absence reported for %s."},
    {"Anmäl frånvaro", "Report absence"},
    {"Gäller hela dagen. Du kan anmäla frånvaro för idag eller i morgon.",
     "For the whole day. You can report absence for today or tomorrow."},
    {"Idag (%s)", "Today (%s)"},
    {"I morgon (%s)", "Tomorrow (%s)"},
    {"Kommentar (valfri)", "Comment (optional)"},
    {"Till exempel: sjuk, tandläkare", "For example: ill, dentist"},
    {"Skickar …", "Sending …"},
    {"Anmäld frånvaro", "Reported absence"},
    {"Ingen anmäld frånvaro.", "No absence reported."},
    {"%s (idag)", "%s (today)"},
    {"%s (i morgon)", "%s (tomorrow)"},
    {"Anmäld av %s", "Reported by %s"},
    {"okänd", "unknown"},
    {"Ta bort", "Remove"},
    {"Tar bort …", "Removing …"},
    {"Hämtar frånvaro …", "Loading absence …"},
    {"Frånvaro anmäls av vårdnadshavare", "Absence is reported by a guardian."},
    {"Du kan inte anmäla frånvaro för den här eleven.", "You cannot report absence for this pupil."},
};
const app::EnglishTexts kRegistered(kEnglish);

}  // namespace

}  // namespace boxes
