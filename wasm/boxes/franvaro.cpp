// Frånvaro's full view: the report form (whole day or chosen lessons), the reports made,
// and the absence the pupil's teachers registered.
#include "app/text_area.hpp"
#include "boxes/franvaro.hpp"

#include <algorithm>
#include <cfloat>

#include "app/i18n.hpp"
#include "app/icons.hpp"
#include "app/swedish_dates.hpp"
#include "app/theme.hpp"
#include "app/ui.hpp"
#include "app/widget_registry.hpp"
#include "imgui.h"

namespace boxes {
namespace {

using app::Json;
namespace ui = app::ui;
namespace theme = app::theme;
using app::fonts::Face;
using app::N_;

// The validity tags as drawn in the light theme (theme::tint adapts them to dark).
constexpr theme::Tint kValidTint{IM_COL32(226, 244, 232, 255), IM_COL32(24, 110, 60, 255)};
constexpr theme::Tint kInvalidTint{IM_COL32(253, 234, 226, 255), IM_COL32(170, 60, 20, 255)};
constexpr ImVec2 kTagPad(9, 4);

AbsenceLesson parse_lesson(const Json& j) {
    AbsenceLesson l;
    l.id = app::text(j, "id");
    l.subject = app::text(j, "subject");
    l.start = app::text(j, "start");
    l.end = app::text(j, "end");
    l.reported = app::flag(j, "reported");
    return l;
}

std::vector<AbsenceLesson> parse_lessons(const Json& list) {
    std::vector<AbsenceLesson> out;
    if (list.is_array())
        for (const Json& l : list) out.push_back(parse_lesson(l));
    return out;
}

AbsenceReport parse_report(const Json& j) {
    AbsenceReport r;
    r.id = app::text(j, "id");
    r.date = app::text(j, "date");
    r.comment = app::text(j, "comment");
    r.reported_by = app::text(app::field(j, "reported_by"), "name");
    r.reported_at = app::text(j, "reported_at");
    r.lessons = parse_lessons(app::field(j, "lessons"));
    r.can_withdraw = app::flag(j, "can_withdraw");
    return r;
}

RegisteredAbsence parse_registered(const Json& j) {
    RegisteredAbsence r;
    r.id = app::text(j, "id");
    r.date = app::text(j, "date");
    r.note = app::text(j, "note");
    r.registered_by = app::text(app::field(j, "registered_by"), "name");
    r.registered_at = app::text(j, "registered_at");
    const Json& lesson = app::field(j, "lesson");
    r.whole_day = !lesson.is_object();
    if (!r.whole_day) r.lesson = parse_lesson(lesson);
    const Json& minutes = app::field(j, "minutes");
    if (minutes.is_number_integer()) r.minutes = minutes.get<int>();
    r.valid = app::flag(j, "valid");
    return r;
}

// "NO 08:10–09:00": as the timetable names a lesson.
std::string lesson_label(const AbsenceLesson& l) { return l.subject + " " + l.start + "–" + l.end; }

std::string lessons_text(const std::vector<AbsenceLesson>& lessons) {
    std::string out;
    for (const AbsenceLesson& l : lessons) out += (out.empty() ? "" : ", ") + lesson_label(l);
    return out;
}

// "Fredag 27 november": a list row's day, capitalised as the row's first word.
std::string row_day(const std::string& iso) {
    return app::dates::capitalized(app::dates::long_day(iso));
}

const char* validity_word(bool valid) { return valid ? N_("Giltig") : N_("Ogiltig"); }

ImVec2 tag_size(bool valid) {
    const std::string text = std::string(valid ? app::icons::kSuccess : app::icons::kError) + "  " + app::tr(validity_word(valid));
    const ImVec2 t = ui::TextSize(Face::Small, text, FLT_MAX);
    return ImVec2(t.x + kTagPad.x * 2, t.y + kTagPad.y * 2);
}

// "[icon] Giltig" at `pos` (screen): validity in words and an icon, the colour only adds.
void draw_validity_tag(bool valid, ImVec2 pos) {
    const theme::Tint t = theme::tint(valid ? kValidTint : kInvalidTint);
    const ImVec2 size = tag_size(valid);
    const ImVec2 max(pos.x + size.x, pos.y + size.y);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, max, t.soft, 6.0f);
    ImFont* font = app::fonts::get(Face::Small);
    const float font_size = font->FontSize * ImGui::GetIO().FontGlobalScale;
    const std::string text = std::string(valid ? app::icons::kSuccess : app::icons::kError) + "  " + app::tr(validity_word(valid));
    dl->AddText(font, font_size, ImVec2(pos.x + kTagPad.x, pos.y + kTagPad.y), t.strong, text.c_str());
    app::registry::add_text(app::tr(validity_word(valid)), pos, max);
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
        timetable_in_skolnav_ = app::flag(reply.body, "timetable_in_skolnav");
        lessons_today_ = parse_lessons(app::field(reply.body, "lessons_today"));
        lessons_tomorrow_ = parse_lessons(app::field(reply.body, "lessons_tomorrow"));
        if (!timetable_in_skolnav_) some_lessons_ = false;
        reports_.clear();
        const Json& list = app::field(reply.body, "reports");
        if (list.is_array())
            for (const Json& r : list) reports_.push_back(parse_report(r));
        // Newest day first: what is coming matters most.
        std::stable_sort(reports_.begin(), reports_.end(),
                         [](const AbsenceReport& a, const AbsenceReport& b) { return a.date > b.date; });
        registered_.clear();
        const Json& registered = app::field(reply.body, "registered");
        if (registered.is_array())
            for (const Json& r : registered) registered_.push_back(parse_registered(r));
        // Newest day first; within a day the server's order (by lesson) stays.
        std::stable_sort(registered_.begin(), registered_.end(),
                         [](const RegisteredAbsence& a, const RegisteredAbsence& b) { return a.date > b.date; });
        fetch_.done();
    });
}

const std::vector<AbsenceLesson>& FranvaroBox::chosen_day_lessons() const {
    return day_ == 0 ? lessons_today_ : lessons_tomorrow_;
}

void FranvaroBox::submit(BoxContext& ctx) {
    form_error_.clear();
    form_success_.clear();
    Json body = {{"date", day_ == 0 ? today_ : tomorrow_}};
    if (comment_[0]) body["comment"] = comment_;
    if (some_lessons_) {
        // Only the shown day's ticked lessons that no report covers yet.
        Json ids = Json::array();
        for (const AbsenceLesson& l : chosen_day_lessons())
            if (!l.reported && chosen_lessons_.count(l.id)) ids.push_back(l.id);
        if (ids.empty()) {
            form_error_ = app::tr("Välj minst en lektion, eller anmäl frånvaro för hela dagen.");
            return;
        }
        body["lessons"] = ids;
    }
    submitting_ = true;
    ctx.api.post(path_for(pupil_id_), body, [this](const app::ApiReply& reply) {
        submitting_ = false;
        if (!reply.ok()) {
            form_error_ = reply.error.message;
            return;
        }
        AbsenceReport added = parse_report(app::field(reply.body, "report"));
        const std::string day = app::dates::long_day(added.date);
        form_success_ = added.lessons.empty()
                            ? app::trf("Frånvaron är anmäld för %s.", day.c_str())
                            : app::trf("Frånvaron är anmäld för %s: %s.", day.c_str(), lessons_text(added.lessons).c_str());
        comment_[0] = 0;
        chosen_lessons_.clear();
        // Mark the lessons now covered at once; the reload below brings the server's word.
        std::vector<AbsenceLesson>& that_day = added.date == today_ ? lessons_today_ : lessons_tomorrow_;
        for (AbsenceLesson& l : that_day) {
            bool covered = added.lessons.empty();
            for (const AbsenceLesson& a : added.lessons) covered = covered || a.id == l.id;
            l.reported = l.reported || covered;
        }
        reports_.insert(reports_.begin(), added);
        std::stable_sort(reports_.begin(), reports_.end(),
                         [](const AbsenceReport& a, const AbsenceReport& b) { return a.date > b.date; });
        fetch_.refresh();
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
        fetch_.refresh();  // its lessons may be chosen again: fetch them afresh
    });
}

void FranvaroBox::draw_form(BoxContext& ctx) {
    ui::BeginPanel("##report_form");
    ui::Heading(app::tr("Anmäl frånvaro"));
    ui::MutedText(timetable_in_skolnav_
                      ? app::tr("Du kan anmäla frånvaro för idag eller i morgon, för hela dagen eller för vissa lektioner.")
                      : app::tr("Gäller hela dagen. Du kan anmäla frånvaro för idag eller i morgon."));
    ui::Space(4);
    std::string today_label = app::trf("Idag (%s)", app::dates::short_day(today_).c_str());
    std::string tomorrow_label = app::trf("I morgon (%s)", app::dates::short_day(tomorrow_).c_str());
    if (ui::Radio(today_label.c_str(), day_ == 0)) day_ = 0;
    ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x < ImGui::CalcTextSize(tomorrow_label.c_str()).x + 70) ImGui::NewLine();
    if (ui::Radio(tomorrow_label.c_str(), day_ == 1)) day_ = 1;
    if (timetable_in_skolnav_) {
        if (ui::Radio(app::tr("Hela dagen"), !some_lessons_)) some_lessons_ = false;
        ImGui::SameLine();
        if (ImGui::GetContentRegionAvail().x < ImGui::CalcTextSize(app::tr("Vissa lektioner")).x + 70) ImGui::NewLine();
        if (ui::Radio(app::tr("Vissa lektioner"), some_lessons_)) some_lessons_ = true;
        if (some_lessons_) draw_lesson_choice();
    }
    ui::Space(2);
    ui::TextArea(app::tr("Kommentar (valfri)"), comment_, sizeof(comment_), 2, 6, app::tr("Till exempel: sjuk, tandläkare"));
    ui::Space(2);
    bool clicked = ui::PrimaryButton(app::tr("Anmäl frånvaro"), !submitting_);
    if (submitting_) {
        ImGui::SameLine(0, 16);
        ui::Loading(app::tr("Skickar …"));
    }
    if (clicked && !submitting_) submit(ctx);
    if (!form_error_.empty()) ui::Note(form_error_, ui::Tone::Error);
    if (!form_success_.empty()) ui::Note(form_success_, ui::Tone::Success);
    ui::EndPanel();
}

// The chosen day's lessons as checkboxes, in columns when the form is wide; lessons a
// report already covers stay ticked but cannot be chosen.
void FranvaroBox::draw_lesson_choice() {
    const std::vector<AbsenceLesson>& lessons = chosen_day_lessons();
    if (lessons.empty()) {
        ui::MutedText(app::tr("Inga lektioner den dagen."));
        return;
    }
    ui::Text(app::tr("Välj lektioner:"), 0, Face::Strong);
    std::vector<std::string> labels;
    float widest = 0;
    const ImGuiStyle& style = ImGui::GetStyle();
    const float box_and_padding = ImGui::GetFontSize() + style.FramePadding.x * 2 + style.ItemInnerSpacing.x;
    const float avail = ImGui::GetContentRegionAvail().x;
    // On a phone "redan anmäld" goes under the lesson when it would not fit beside it.
    bool reported_below = false;
    for (const AbsenceLesson& l : lessons)
        if (l.reported && ImGui::CalcTextSize(app::trf("%s (redan anmäld)", lesson_label(l).c_str()).c_str()).x +
                                  box_and_padding > avail)
            reported_below = true;
    for (const AbsenceLesson& l : lessons) {
        labels.push_back(l.reported && !reported_below ? app::trf("%s (redan anmäld)", lesson_label(l).c_str())
                                                       : lesson_label(l));
        widest = std::max(widest, ImGui::CalcTextSize(labels.back().c_str()).x);
    }
    const float column = widest + box_and_padding + 16;
    const int columns = reported_below ? 1 : std::clamp(static_cast<int>(avail / column), 1, 3);
    const float x0 = ImGui::GetCursorPosX();
    // Column by column (down, then across), so the lessons read in time order.
    const int rows = (static_cast<int>(lessons.size()) + columns - 1) / columns;
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(style.ItemSpacing.x, 4));
    for (int row = 0; row < rows; ++row) {
        for (int col = 0; col < columns; ++col) {
            const std::size_t i = static_cast<std::size_t>(col * rows + row);
            if (i >= lessons.size()) break;
            if (col > 0) ImGui::SameLine(x0 + col * column);
            const AbsenceLesson& l = lessons[i];
            const std::string label = labels[i] + "##" + l.id;
            if (l.reported) {
                bool ticked = true;
                ui::Checkbox(label.c_str(), &ticked, false);
                if (reported_below) {
                    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 8);
                    // Under the label's text: past the checkbox's padding, box and gap.
                    ImGui::SetCursorPosX(x0 + style.FramePadding.x + ImGui::GetFontSize() * 0.95f + style.ItemInnerSpacing.x);
                    ui::Text(app::tr("redan anmäld"), theme::colors().muted_text, Face::Small);
                }
            } else {
                bool ticked = chosen_lessons_.count(l.id) > 0;
                if (ui::Checkbox(label.c_str(), &ticked)) {
                    if (ticked) chosen_lessons_.insert(l.id);
                    else chosen_lessons_.erase(l.id);
                    form_error_.clear();
                }
            }
        }
    }
    ImGui::PopStyleVar();
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
        std::string day = row_day(r.date);
        if (r.date == today_) day = app::trf("%s (idag)", day.c_str());
        else if (r.date == tomorrow_) day = app::trf("%s (i morgon)", day.c_str());
        float row_start = ImGui::GetCursorPosY();
        ui::Text(day, 0, app::fonts::Face::Strong);
        ui::Text(r.lessons.empty() ? std::string(app::tr("Hela dagen"))
                                   : app::trf("Lektioner: %s", lessons_text(r.lessons).c_str()));
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

// What the pupil's teachers registered: day, lesson (or the whole day), minutes,
// validity as a worded tag, the note and who registered it.
void FranvaroBox::draw_registered() {
    ui::Heading(app::tr("Registrerad frånvaro"));
    if (registered_.empty()) {
        ui::MutedText(app::tr("Ingen registrerad frånvaro."));
        return;
    }
    ui::MutedText(app::tr("Frånvaro som skolan har registrerat."));
    for (const RegisteredAbsence& r : registered_) {
        ImGui::PushID(r.id.c_str());
        ui::BeginPanel("##registered");
        const ImVec2 row = ImGui::GetCursorScreenPos();
        const float avail = ImGui::GetContentRegionAvail().x;
        const std::string day = row_day(r.date);
        const ImVec2 tag = tag_size(r.valid);
        const float day_w = ui::TextSize(Face::Strong, day, FLT_MAX).x;
        ui::Text(day, 0, Face::Strong);
        if (day_w + 16 + tag.x <= avail) {  // the tag at the row's right; too narrow: under the day
            draw_validity_tag(r.valid, ImVec2(row.x + avail - tag.x, row.y - 2));
        } else {
            draw_validity_tag(r.valid, ImGui::GetCursorScreenPos());
            ImGui::Dummy(tag);
        }
        std::string what = r.whole_day ? std::string(app::tr("Hela dagen")) : lesson_label(r.lesson);
        if (r.minutes > 0) what += " · " + app::trf("%d minuter", r.minutes);
        ui::Text(what);
        if (!r.note.empty()) ui::Text(r.note);
        std::string by = app::trf("Registrerad av %s", r.registered_by.empty() ? app::tr("okänd") : r.registered_by.c_str());
        if (!r.registered_at.empty()) by += ", " + app::dates::date_time(r.registered_at);
        ui::Text(by, theme::colors().muted_text, Face::Small);
        ui::EndPanel();
        ImGui::PopID();
    }
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
    ui::Space(8);
    draw_registered();
}

namespace {

const app::EnglishText kEnglish[] = {
    {"Frånvaron är anmäld för %s.", "Absence reported for %s."},
    {"Anmäl frånvaro", "Report absence"},
    {"Gäller hela dagen. Du kan anmäla frånvaro för idag eller i morgon.",
     "For the whole day. You can report absence for today or tomorrow."},
    {"Du kan anmäla frånvaro för idag eller i morgon, för hela dagen eller för vissa lektioner.",
     "You can report absence for today or tomorrow, for the whole day or for some lessons."},
    {"Hela dagen", "Whole day"},
    {"Vissa lektioner", "Some lessons"},
    {"Inga lektioner den dagen.", "No lessons that day."},
    {"Välj lektioner:", "Choose lessons:"},
    {"%s (redan anmäld)", "%s (already reported)"},
    {"redan anmäld", "already reported"},
    {"Välj minst en lektion, eller anmäl frånvaro för hela dagen.",
     "Choose at least one lesson, or report absence for the whole day."},
    {"Frånvaron är anmäld för %s: %s.", "Absence reported for %s: %s."},
    {"Lektioner: %s", "Lessons: %s"},
    {"Registrerad frånvaro", "Registered absence"},
    {"Ingen registrerad frånvaro.", "No registered absence."},
    {"Frånvaro som skolan har registrerat.", "Absence registered by the school."},
    {"Giltig", "Valid"},
    {"Ogiltig", "Not valid"},
    {"%d minuter", "%d minutes"},
    {"Registrerad av %s", "Registered by %s"},
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
