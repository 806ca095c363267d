// Bedömningar and Betyg for one pupil (see bedomningar.hpp). The symbols are drawn
// with the draw list: a warning triangle with "!" (red), a half-filled circle (yellow),
// a filled circle with a check (green) and a dashed empty ring (not yet covered), so
// they differ in shape for readers who do not tell the colours apart. Each symbol is a
// widget labelled with the school's meaning (role "symbol").
#include "app/selectable_text.hpp"
#include "boxes/bedomningar.hpp"

#include <algorithm>
#include <cfloat>

#include "app/i18n.hpp"
#include "app/swedish_dates.hpp"
#include "app/theme.hpp"
#include "app/tooltip.hpp"
#include "app/ui.hpp"
#include "app/widget_registry.hpp"
#include "imgui.h"
#include "imgui_internal.h"
#include "platform/frame_scheduler.hpp"

namespace boxes {

const std::string& SymbolLegend::meaning(AssessmentLevel level) const {
    switch (level) {
        case AssessmentLevel::Red: return red;
        case AssessmentLevel::Yellow: return yellow;
        case AssessmentLevel::Green: return green;
        case AssessmentLevel::None: break;
    }
    return not_assessed;
}

namespace {

using app::Json;
using app::N_;
using app::tr;
using app::trf;
namespace ui = app::ui;
namespace theme = app::theme;
using app::fonts::Face;

// The symbols' colours as drawn in the light theme (theme::tint adapts them to dark):
// the strong hue fills the symbol, the soft one is behind a shown meaning.
// The soft hues are fairly saturated because the dark theme fills the symbols with them.
constexpr theme::Tint kRed{IM_COL32(248, 192, 186, 255), IM_COL32(190, 38, 38, 255)};
constexpr theme::Tint kYellow{IM_COL32(250, 222, 140, 255), IM_COL32(181, 122, 0, 255)};
constexpr theme::Tint kGreen{IM_COL32(176, 226, 190, 255), IM_COL32(28, 124, 62, 255)};

constexpr float kSymbolBox = 34.0f;   // the symbol's touch target (CSS px)
constexpr float kSymbolRadius = 11.0f;
constexpr float kSymbolGap = 10.0f;   // between the symbol and its text

AssessmentLevel level_from(const Json& j) {
    if (!j.is_string()) return AssessmentLevel::None;
    const std::string s = j.get<std::string>();
    if (s == "red") return AssessmentLevel::Red;
    if (s == "yellow") return AssessmentLevel::Yellow;
    if (s == "green") return AssessmentLevel::Green;
    return AssessmentLevel::None;
}

// The symbol's name, as the legend and the tooltip give it.
const char* level_name(AssessmentLevel level) {
    switch (level) {
        case AssessmentLevel::Red: return N_("Röd symbol");
        case AssessmentLevel::Yellow: return N_("Gul symbol");
        case AssessmentLevel::Green: return N_("Grön symbol");
        case AssessmentLevel::None: break;
    }
    return N_("Ingen symbol");
}

theme::Tint level_tint(AssessmentLevel level) {
    switch (level) {
        case AssessmentLevel::Red: return theme::tint(kRed);
        case AssessmentLevel::Yellow: return theme::tint(kYellow);
        case AssessmentLevel::Green: return theme::tint(kGreen);
        case AssessmentLevel::None: break;
    }
    return {theme::colors().surface_alt, theme::colors().muted_text};
}

AssessedCriterion parse_criterion(const Json& j) {
    AssessedCriterion c;
    c.id = app::text(j, "id");
    c.title = app::text(j, "title");
    c.group = app::text(app::field(j, "group"), "name");
    c.comment = app::text(j, "comment");
    c.assessed_at = app::text(j, "assessed_at");
    c.assessed_by = app::text(app::field(j, "assessed_by"), "name");
    c.is_new = app::flag(j, "new");
    const Json& parts = app::field(j, "parts");
    if (parts.is_array())
        for (const Json& p : parts) {
            const Json& index = app::field(p, "index");
            c.parts.push_back({index.is_number_integer() ? index.get<int>() : static_cast<int>(c.parts.size()),
                               app::text(p, "text"), level_from(app::field(p, "level"))});
        }
    return c;
}

std::string pupil_path(const std::string& pupil_id) { return "/api/v1/pupils/" + app::url_segment(pupil_id); }

// "VT2026" -> "Vårterminen 2026".
std::string term_name(const std::string& term) {
    if (term.size() == 6 && term.rfind("VT", 0) == 0) return trf("Vårterminen %s", term.substr(2).c_str());
    if (term.size() == 6 && term.rfind("HT", 0) == 0) return trf("Höstterminen %s", term.substr(2).c_str());
    return term;
}

// --- The symbols ------------------------------------------------------------------------

void draw_symbol(ImDrawList* dl, ImVec2 c, float r, AssessmentLevel level) {
    const theme::Palette& col = theme::colors();
    const theme::Tint t = level_tint(level);
    switch (level) {
        case AssessmentLevel::Red: {
            // A warning triangle, point up, with "!" cut out of it.
            const ImVec2 top(c.x, c.y - r * 1.08f), right(c.x + r * 1.15f, c.y + r * 0.9f),
                left(c.x - r * 1.15f, c.y + r * 0.9f);
            dl->AddTriangleFilled(top, right, left, t.strong);
            dl->AddTriangle(top, right, left, t.strong, 2.0f);  // softens the corners a little
            const float w = r * 0.13f;
            dl->AddRectFilled(ImVec2(c.x - w, c.y - r * 0.42f), ImVec2(c.x + w, c.y + r * 0.28f), col.surface, w);
            dl->AddCircleFilled(ImVec2(c.x, c.y + r * 0.58f), w * 1.15f, col.surface, 12);
            break;
        }
        case AssessmentLevel::Yellow: {
            // A ring with its left half filled: "part of the way".
            dl->PathArcTo(c, r, IM_PI * 0.5f, IM_PI * 1.5f, 20);
            dl->PathFillConvex(t.strong);
            dl->AddCircle(c, r - 1.0f, t.strong, 28, 2.2f);
            break;
        }
        case AssessmentLevel::Green: {
            // A filled disc with a check mark.
            dl->AddCircleFilled(c, r, t.strong, 28);
            const ImVec2 check[] = {ImVec2(c.x - r * 0.48f, c.y + r * 0.02f), ImVec2(c.x - r * 0.14f, c.y + r * 0.36f),
                                    ImVec2(c.x + r * 0.5f, c.y - r * 0.34f)};
            dl->AddPolyline(check, 3, col.surface, 0, r * 0.24f);
            break;
        }
        case AssessmentLevel::None: {
            // An empty dashed ring: nothing assessed yet.
            const int dashes = 10;
            for (int i = 0; i < dashes; ++i) {
                const float a0 = IM_PI * 2.0f * i / dashes;
                dl->PathArcTo(c, r - 1.0f, a0, a0 + IM_PI / dashes, 4);
                dl->PathStroke(col.muted_text, 0, 1.6f);
            }
            break;
        }
    }
}

// A symbol the reader can point at or tap: registered as a "symbol" labelled with its
// meaning; hovering with a mouse shows the meaning in a tooltip. Returns true when
// tapped or clicked.
bool symbol_button(const std::string& id, AssessmentLevel level, const std::string& meaning) {
    const ImVec2 size(kSymbolBox, kSymbolBox);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    // A hint left unconsumed by a clipped button would go to the next widget.
    if (!ImGui::GetCurrentWindow()->SkipItems && ImGui::IsRectVisible(size)) app::registry::hint_next("symbol");
    const bool clicked = ImGui::InvisibleButton((meaning + "##" + id).c_str(), size);
    const bool hovered = ImGui::IsItemHovered();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 c(pos.x + size.x * 0.5f, pos.y + size.y * 0.5f);
    if (hovered) dl->AddCircleFilled(c, size.x * 0.5f, theme::colors().accent_soft, 28);
    draw_symbol(dl, c, kSymbolRadius, level);
    if (hovered && ImGui::GetIO().MouseSource != ImGuiMouseSource_TouchScreen) {
        ui::PushTooltipStyle();
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 20.0f);
        ui::Text(tr(level_name(level)), 0, Face::Strong);
        ui::Text(meaning);
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
        ui::PopTooltipStyle();
    }
    return clicked;
}

// A shown meaning under a part: the meaning on the symbol's soft colour.
void meaning_chip(ImVec2 pos, float width, AssessmentLevel level, const std::string& meaning, float* height) {
    const ImVec2 pad(10, 6);
    const float text_h = ui::TextSize(Face::Small, meaning, width - pad.x * 2).y;
    const ImVec2 max(pos.x + width, pos.y + text_h + pad.y * 2);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const theme::Tint t = level_tint(level);
    dl->AddRectFilled(pos, max, level == AssessmentLevel::None ? theme::colors().surface_alt : t.soft, 8.0f);
    ui::TextAt(ImVec2(pos.x + pad.x, pos.y + pad.y), width - pad.x * 2, meaning, theme::colors().text, Face::Small);
    *height = max.y - pos.y;
}

}  // namespace

// --- Data -------------------------------------------------------------------------------

void BedomningarBox::load(BoxContext& ctx) {
    fetch_.start();
    ctx.api.get(pupil_path(pupil_id_) + "/assessments", [this](const app::ApiReply& reply) {
        if (!fetch_.succeeded(reply)) return;
        const Json& legend = app::field(reply.body, "legend");
        legend_ = {app::text(legend, "red"), app::text(legend, "yellow"), app::text(legend, "green"),
                   app::text(legend, "not_assessed")};
        grades_published_ = app::flag(reply.body, "grades_published");
        const Json& unread = app::field(reply.body, "unread");
        unread_ = unread.is_number_integer() ? unread.get<int>() : 0;
        subjects_.clear();
        const Json& subjects = app::field(reply.body, "subjects");
        if (subjects.is_array())
            for (const Json& s : subjects) {
                SubjectAssessments subject{app::text(s, "subject"), {}};
                const Json& criteria = app::field(s, "criteria");
                if (criteria.is_array())
                    for (const Json& c : criteria) subject.criteria.push_back(parse_criterion(c));
                subjects_.push_back(std::move(subject));
            }
        if (!grades_published_) page_ = Page::Assessments;
        fetch_.done();
        find_linked();
    });
}

void BedomningarBox::mark_read(BoxContext& ctx) {
    // The markers stay on screen for this visit; the server forgets them for the next.
    read_marked_ = true;
    ctx.api.post(pupil_path(pupil_id_) + "/assessments/read", Json::object(), [](const app::ApiReply&) {});
}

void BedomningarBox::load_grades(BoxContext& ctx) {
    grades_fetch_.start();
    ctx.api.get(pupil_path(pupil_id_) + "/grades", [this](const app::ApiReply& reply) {
        if (!grades_fetch_.succeeded(reply)) return;
        terms_.clear();
        const Json& terms = app::field(reply.body, "terms");
        if (terms.is_array())
            for (const Json& t : terms) {
                TermGrades term{app::text(t, "term"), {}};
                const Json& grades = app::field(t, "grades");
                if (grades.is_array())
                    for (const Json& g : grades) term.grades.emplace_back(app::text(g, "subject"), app::text(g, "grade"));
                terms_.push_back(std::move(term));
            }
        grades_fetch_.done();
    });
}

bool BedomningarBox::show_item(BoxContext& ctx, const std::string& item_id) {
    const std::string id = item_id == school_id_ && !school_id_.empty() ? "betyg" : item_id;
    if (id == linked_) return true;
    linked_ = id;
    linked_missing_ = false;
    linked_scroll_ = 0;
    if (id.empty()) {
        page_ = Page::Assessments;
        return true;
    }
    // Checked against the assessments fetched afresh (a new one may be what is named).
    if (fetch_.load != Load::Loading) load(ctx);
    return true;
}

void BedomningarBox::find_linked() {
    if (linked_.empty()) return;
    if (linked_ == "betyg") {
        linked_missing_ = !grades_published_;
        if (grades_published_) page_ = Page::Grades;
        grades_fetch_.refresh();
        return;
    }
    for (const SubjectAssessments& s : subjects_)
        for (const AssessedCriterion& c : s.criteria)
            if (c.id == linked_) {
                page_ = Page::Assessments;
                linked_scroll_ = 4;
                platform::request_frames();
                return;
            }
    linked_missing_ = true;
}

void BedomningarBox::on_open(BoxContext&) {
    // Every visit starts at the assessments, fetched afresh; what is known stays meanwhile.
    page_ = Page::Assessments;
    read_marked_ = false;
    shown_meanings_.clear();
    fetch_.refresh();
}

// --- Drawing ----------------------------------------------------------------------------

void BedomningarBox::draw_tabs(BoxContext& ctx) {
    if (ui::Tab(tr("Bedömningar##page"), page_ == Page::Assessments) && page_ != Page::Assessments) {
        page_ = Page::Assessments;
        linked_.clear();
        ctx.item_shown("");
    }
    ImGui::SameLine(0, 8);
    if (ui::Tab(tr("Betyg##page"), page_ == Page::Grades) && page_ != Page::Grades) {
        page_ = Page::Grades;
        if (grades_fetch_.load != Load::Loading) load_grades(ctx);
        linked_ = "betyg";
        ctx.item_shown("betyg");
    }
    ui::Space(4);
}

void BedomningarBox::draw_legend() {
    ui::BeginPanel("##legend");
    ui::Text(tr("Symbolernas betydelse"), 0, Face::Strong);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 6);
    ui::Text(tr("Så använder skolan symbolerna. Peka på en symbol, eller tryck på den, för att se vad den betyder."),
             theme::colors().muted_text, Face::Small);
    ui::Space(2);
    const AssessmentLevel levels[] = {AssessmentLevel::Red, AssessmentLevel::Yellow, AssessmentLevel::Green,
                                      AssessmentLevel::None};
    const float width = ImGui::GetContentRegionAvail().x;
    const int columns = width >= 560.0f ? 2 : 1;
    const float col_gap = 24.0f;
    const float col_w = (width - col_gap * (columns - 1)) / columns;
    const float text_w = col_w - kSymbolBox - kSymbolGap;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    float y = origin.y, row_h = 0;
    for (int i = 0; i < 4; ++i) {
        const int col = i % columns;
        if (col == 0 && i > 0) {
            y += row_h + 12.0f;
            row_h = 0;
        }
        const AssessmentLevel level = levels[i];
        const ImVec2 pos(origin.x + col * (col_w + col_gap), y);
        const std::string name = tr(level_name(level));
        const std::string& meaning = legend_.meaning(level);
        // The symbol sits beside the name line, the meaning under the name.
        const float name_h = ui::TextSize(Face::Strong, name, text_w).y;
        const float meaning_h = ui::TextSize(Face::Small, meaning, text_w).y;
        const float line_h = ImGui::GetTextLineHeight();
        ImDrawList* dl = ImGui::GetWindowDrawList();
        draw_symbol(dl, ImVec2(pos.x + kSymbolBox * 0.5f, pos.y + line_h * 0.5f + 1.0f), kSymbolRadius, level);
        const float tx = pos.x + kSymbolBox + kSymbolGap;
        ui::TextAt(ImVec2(tx, pos.y), text_w, name, 0, Face::Strong);
        ui::TextAt(ImVec2(tx, pos.y + name_h + 2.0f), text_w, meaning, theme::colors().text, Face::Small);
        row_h = std::max(row_h, std::max(kSymbolBox - 8.0f, name_h + 2.0f + meaning_h));
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x, y + row_h));
    ImGui::Dummy(ImVec2(width, 1));
    ui::EndPanel();
}

void BedomningarBox::draw_part(const AssessedCriterion& c, const AssessedPart& part) {
    const std::string key = c.id + "#" + std::to_string(part.index);
    const std::string& meaning = legend_.meaning(part.level);
    const ImVec2 row = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const float text_x = row.x + kSymbolBox + kSymbolGap;
    const float text_w = width - kSymbolBox - kSymbolGap;
    const float line_h = ImGui::GetTextLineHeight();
    // The part's first line is centred on the symbol.
    const float text_top = row.y + (kSymbolBox - line_h) * 0.5f;

    if (symbol_button(key, part.level, meaning)) {
        if (shown_meanings_.count(key)) shown_meanings_.erase(key);
        else shown_meanings_.insert(key);
    }
    const float text_h = ui::TextSize(Face::Body, part.text, text_w).y;
    ui::TextAt(ImVec2(text_x, text_top), text_w, part.text, theme::colors().text, Face::Body);
    float bottom = text_top + text_h;
    if (part.level == AssessmentLevel::None) {
        // Unassessed: said in words, not only by the empty ring.
        const float h = ui::TextSize(Face::Small, meaning, text_w).y;
        ui::TextAt(ImVec2(text_x, bottom + 2.0f), text_w, meaning, theme::colors().muted_text, Face::Small);
        bottom += 2.0f + h;
    } else if (shown_meanings_.count(key)) {
        float h = 0;
        meaning_chip(ImVec2(text_x, bottom + 6.0f), text_w, part.level, meaning, &h);
        bottom += 6.0f + h;
    }
    ImGui::SetCursorScreenPos(ImVec2(row.x, std::max(row.y + kSymbolBox, bottom)));
    ImGui::Dummy(ImVec2(width, 2.0f));
}

void BedomningarBox::draw_criterion(const AssessedCriterion& c) {
    ImGui::PushID(c.id.c_str());
    ui::BeginPanel("##criterion");
    const float width = ImGui::GetContentRegionAvail().x;
    const ImVec2 top = ImGui::GetCursorScreenPos();
    const std::string badge = tr("Ny");
    const float badge_w = c.is_new ? ui::TextSize(Face::Small, badge, FLT_MAX).x + 16.0f + 12.0f : 0.0f;
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - badge_w);
    ui::Text(c.title, 0, Face::Strong);
    ImGui::PopTextWrapPos();
    if (c.is_new) ui::Badge(badge, ImVec2(top.x + width, top.y + ImGui::GetTextLineHeight() * 0.5f + 1.0f), true);

    int assessed = 0;
    for (const AssessedPart& p : c.parts) assessed += p.level != AssessmentLevel::None;
    std::string meta = trf("%d av %d delar bedömda", assessed, static_cast<int>(c.parts.size()));
    if (assessed > 0 && !c.assessed_at.empty()) {
        meta += " · " + (c.assessed_by.empty() ? trf("Bedömd %s", app::dates::short_day(c.assessed_at).c_str())
                                               : trf("Bedömd %s av %s", app::dates::short_day(c.assessed_at).c_str(),
                                                     c.assessed_by.c_str()));
    }
    if (!c.group.empty()) meta += " · " + c.group;
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 6);
    ui::Text(meta, theme::colors().muted_text, Face::Small);
    ui::Divider();
    for (const AssessedPart& part : c.parts) draw_part(c, part);
    if (!c.comment.empty()) {
        ui::Divider();
        ui::Text(tr("Lärarens kommentar"), 0, Face::Strong);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 6);
        ui::SelectableText(c.comment);
    }
    ui::EndPanel();
    ImGui::PopID();
}

void BedomningarBox::draw_assessments(BoxContext& ctx) {
    if (fetch_.failed()) {
        if (ui::ErrorAndRetry(fetch_.error)) load(ctx);
        ui::Space(8);
    }
    ui::MutedText(ctx.me.role == "pupil" ? tr("Här visas alla dina bedömningar.") : tr("Här visas elevens alla bedömningar."));
    if (unread_ > 0) {
        ui::Note(unread_ == 1 ? std::string(tr("1 ny bedömning sedan du tittade senast. Den är märkt med ”Ny”."))
                              : trf("%d nya bedömningar sedan du tittade senast. De är märkta med ”Ny”.", unread_),
                 ui::Tone::Info);
    }
    draw_legend();
    if (subjects_.empty()) {
        ui::Space(8);
        ui::MutedText(tr("Det finns inga bedömningar ännu."));
        return;
    }
    for (const SubjectAssessments& s : subjects_) {
        ImGui::PushID(s.subject.c_str());
        ui::Space(8);
        ui::Heading(s.subject);
        for (const AssessedCriterion& c : s.criteria) {
            const float top = ImGui::GetCursorScreenPos().y;
            draw_criterion(c);
            if (c.id != linked_) continue;  // the assessment a link named
            ui::LinkedFrame(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
            if (linked_scroll_ > 0 && fetch_.load == Load::Ready) {
                --linked_scroll_;
                ui::ScrollPageTo(top);
                platform::request_frames();
            }
        }
        ImGui::PopID();
    }
}

void BedomningarBox::draw_grades(BoxContext& ctx) {
    if (grades_fetch_.load == Load::NotStarted) load_grades(ctx);
    if (!grades_fetch_.loaded_once) {
        if (ui::LoadingOrError(grades_fetch_.failed(), grades_fetch_.error,
                               tr("Hämtar betygen …"), true, tr("Försök igen##grades")))
            load_grades(ctx);
        return;
    }
    if (grades_fetch_.failed()) {
        if (ui::ErrorAndRetry(grades_fetch_.error, true, tr("Försök igen##grades"))) load_grades(ctx);
    }
    ui::MutedText(tr("Betygen som skolan har publicerat, den senaste terminen först."));
    if (terms_.empty()) {
        ui::Space(4);
        ui::MutedText(tr("Det finns inga publicerade betyg ännu."));
        return;
    }
    for (const TermGrades& term : terms_) {
        ImGui::PushID(term.term.c_str());
        ui::Space(8);
        ui::Heading(term_name(term.term));
        ui::BeginPanel("##term");
        const float width = ImGui::GetContentRegionAvail().x;
        const float grade_box = 40.0f;
        for (size_t i = 0; i < term.grades.size(); ++i) {
            const auto& [subject, grade] = term.grades[i];
            if (i > 0) ui::Divider();
            const ImVec2 row = ImGui::GetCursorScreenPos();
            const float text_w = width - grade_box - 16.0f;
            const bool dash = grade == "-";
            const std::string detail = dash ? tr("Underlag saknas") : "";
            const float subject_h = ui::TextSize(Face::Strong, subject, text_w).y;
            const float detail_h = detail.empty() ? 0.0f : 2.0f + ui::TextSize(Face::Small, detail, text_w).y;
            const float row_h = std::max(grade_box, subject_h + detail_h);
            const float text_top = row.y + (row_h - subject_h - detail_h) * 0.5f;
            ui::TextAt(ImVec2(row.x, text_top), text_w, subject, 0, Face::Strong);
            if (!detail.empty())
                ui::TextAt(ImVec2(row.x, text_top + subject_h + 2.0f), text_w, detail, theme::colors().muted_text, Face::Small);
            // The grade in a rounded square at the right.
            const ImVec2 gmin(row.x + width - grade_box, row.y + (row_h - grade_box) * 0.5f);
            const ImVec2 gmax(gmin.x + grade_box, gmin.y + grade_box);
            ImGui::GetWindowDrawList()->AddRectFilled(gmin, gmax, theme::colors().accent_soft, 10.0f);
            const std::string shown = dash ? "–" : grade;
            const ImVec2 gs = ui::TextSize(Face::Heading, shown, FLT_MAX);
            ui::TextAt(ImVec2(gmin.x + (grade_box - gs.x) * 0.5f, gmin.y + (grade_box - gs.y) * 0.5f), gs.x + 1.0f, shown,
                       theme::colors().accent, Face::Heading);
            ImGui::SetCursorScreenPos(ImVec2(row.x, row.y + row_h));
            ImGui::Dummy(ImVec2(width, 1.0f));
        }
        ui::EndPanel();
        ImGui::PopID();
    }
}

void BedomningarBox::draw_full_view(BoxContext& ctx, const app::Pupil&) {
    if (fetch_.load == Load::NotStarted) load(ctx);
    if (!fetch_.loaded_once) {
        if (ui::LoadingOrError(fetch_.failed(), fetch_.error, tr("Hämtar bedömningarna …"))) load(ctx);
        return;
    }
    if (fetch_.load == Load::Ready && unread_ > 0 && !read_marked_) mark_read(ctx);
    if (grades_published_) draw_tabs(ctx);
    if (page_ == Page::Grades) draw_grades(ctx);
    else draw_assessments(ctx);
}

namespace {

const app::EnglishText kEnglish[] = {
    {"Röd symbol", "Red symbol"},
    {"Gul symbol", "Yellow symbol"},
    {"Grön symbol", "Green symbol"},
    {"Ingen symbol", "No symbol"},
    {"Vårterminen %s", "Spring term %s"},
    {"Höstterminen %s", "Autumn term %s"},
    {"Bedömningar", "Assessments"},
    {"Betyg", "Grades"},
    {"Symbolernas betydelse", "What the symbols mean"},
    {"Så använder skolan symbolerna. Peka på en symbol, eller tryck på den, för att se vad den betyder.",
     "How the school uses the symbols. Point at a symbol, or tap it, to see what it means."},
    {"Ny", "New"},
    {"%d av %d delar bedömda", "%d of %d parts assessed"},
    {"Bedömd %s", "Assessed %s"},
    {"Bedömd %s av %s", "Assessed %s by %s"},
    {"Lärarens kommentar", "The teacher's comment"},
    {"Försök igen", "Try again"},
    {"Här visas alla dina bedömningar.", "All your assessments are shown here."},
    {"Här visas elevens alla bedömningar.", "All of the pupil's assessments are shown here."},
    {"1 ny bedömning sedan du tittade senast. Den är märkt med ”Ny”.",
     "1 new assessment since you last looked. It is marked “New”."},
    {"%d nya bedömningar sedan du tittade senast. De är märkta med ”Ny”.",
     "%d new assessments since you last looked. They are marked “New”."},
    {"Det finns inga bedömningar ännu.", "There are no assessments yet."},
    {"Hämtar betygen …", "Fetching the grades …"},
    {"Betygen som skolan har publicerat, den senaste terminen först.",
     "The grades the school has published, latest term first."},
    {"Det finns inga publicerade betyg ännu.", "No grades have been published yet."},
    {"Underlag saknas", "Insufficient basis for a grade"},
    {"Hämtar bedömningarna …", "Fetching the assessments …"},
};
const app::EnglishTexts kRegistered(kEnglish);

}  // namespace

}  // namespace boxes
