#include "app/selectable_text.hpp"
#include "boxes/planeringar.hpp"

#include <algorithm>
#include <cfloat>
#include <cstdio>

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
using app::fonts::Face;

TeachingPlan parse_plan(const Json& j) {
    TeachingPlan p;
    p.id = app::text(j, "id");
    p.subject = app::text(j, "subject");
    p.title = app::text(j, "title");
    p.body = app::text(j, "body");
    p.from = app::text(j, "from");
    p.to = app::text(j, "to");
    p.period = app::text(j, "period");
    p.author = app::text(app::field(j, "author"), "name");
    p.changed_at = app::text(j, "changed_at");  // null when never changed: empty
    p.groups = app::scope_text(app::field(j, "scope"));
    return p;
}

std::string list_path(const std::string& pupil_id) {
    return "/api/v1/pupils/" + app::url_segment(pupil_id) + "/plans";
}

int year_of(const std::string& iso) {
    int y = 0;
    if (iso.size() >= 4) std::sscanf(iso.substr(0, 4).c_str(), "%d", &y);
    return y;
}

// "mån 30 nov" → "30 nov"; "måndag 30 november" stays whole (long form).
std::string day_month(const std::string& iso, bool long_form) {
    if (long_form) return app::dates::long_day(iso);
    std::string s = app::dates::short_day(iso);
    const size_t space = s.find(' ');
    return space == std::string::npos ? s : s.substr(space + 1);
}

// A plan's period as readers write it: "30 nov – 18 dec"; the year is added
// where it is not this year ("30 nov – 18 dec 2027", "15 dec 2026 – 20 jan 2027").
std::string period_text(const std::string& from, const std::string& to, const std::string& today, bool long_form) {
    const int fy = year_of(from), ty = year_of(to), now = year_of(today);
    std::string a = day_month(from, long_form), b = day_month(to, long_form);
    if (fy != ty) {
        a += " " + std::to_string(fy);
        b += " " + std::to_string(ty);
    } else if (now != 0 && ty != now) {
        b += " " + std::to_string(ty);
    }
    if (from == to) return b;
    return a + " – " + b;
}

const char* period_label(const std::string& period) {
    if (period == "current") return app::tr("Pågående");
    if (period == "upcoming") return app::tr("Kommande");
    if (period == "past") return app::tr("Avslutad");
    return "";
}



// A section's heading, a little apart from what came before.
void section_heading(const char* text, bool first) {
    if (!first) ui::Space(10);
    ui::Heading(text);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 4);
}

}  // namespace

void PlaneringarBox::load(BoxContext& ctx) {
    fetch_.start();
    ctx.api.get(list_path(pupil_id_), [this](const app::ApiReply& reply) {
        if (!fetch_.succeeded(reply)) return;
        plans_.clear();
        today_ = app::text(reply.body, "today");
        const Json& list = app::field(reply.body, "plans");
        if (list.is_array())
            for (const Json& j : list) plans_.push_back(parse_plan(j));
        fetch_.done();
    });
}

void PlaneringarBox::open_plan(BoxContext& ctx, const TeachingPlan& plan) {
    // The list already carries the whole plan: show it at once, and fetch it for any
    // change since the list came.
    scroll_.open_item();
    open_.open(plan.id);
    plan_ = plan;
    fetch_plan(ctx);
}

void PlaneringarBox::fetch_plan(BoxContext& ctx) {
    open_.fetching();
    const std::string id = open_.id;
    ctx.api.get(list_path(pupil_id_) + "/" + app::url_segment(id), [this, id](const app::ApiReply& reply) {
        if (!reply.ok()) {
            if (reply.status == 404)  // taken away since the list came: gone from the list too
                plans_.erase(std::remove_if(plans_.begin(), plans_.end(),
                                            [&](const TeachingPlan& p) { return p.id == id; }),
                             plans_.end());
            open_.failed(id, reply, app::tr("Planeringen finns inte längre. Den kan ha tagits bort av skolan."));
            return;
        }
        TeachingPlan fresh = parse_plan(app::field(reply.body, "plan"));
        for (TeachingPlan& p : plans_)
            if (p.id == id) p = fresh;
        if (open_.id != id) return;
        plan_ = std::move(fresh);
        open_.load = Load::Ready;
    });
}

void PlaneringarBox::close_plan() {
    open_.close();
    plan_ = TeachingPlan{};
    scroll_.back_to_list();
}

bool PlaneringarBox::show_item(BoxContext& ctx, const std::string& item_id) {
    return app::show_listed_item(
        item_id, open_, plans_, [&](const auto& item) { open_plan(ctx, item); }, [&] { close_plan(); });
}

void PlaneringarBox::on_open(BoxContext&) {
    // Every visit starts at the list, freshly fetched; what is known stays on screen meanwhile.
    open_.close();
    scroll_.cancel();
    fetch_.refresh();
}

// Cards for `plans`; sets *to_open to the one clicked.
bool PlaneringarBox::draw_cards(const std::vector<const TeachingPlan*>& plans, const TeachingPlan** to_open) {
    const float width = ImGui::GetContentRegionAvail().x;
    const bool narrow = width < 520.0f;
    const float pad_x = narrow ? 16.0f : 22.0f, pad_y = narrow ? 14.0f : 16.0f;
    const float chevron_column = 24.0f;
    const float gap = 12.0f;
    const float text_w = width - pad_x * 2 - chevron_column;
    for (const TeachingPlan* p : plans) {
        ImGui::PushID(p->id.c_str());
        const std::string subject = p->subject.empty() ? app::tr("Planering") : p->subject;
        std::string meta = period_text(p->from, p->to, today_, false);
        if (!p->groups.empty()) meta += " · " + p->groups;
        const float subject_h = ui::TextSize(Face::Small, subject, text_w).y;
        const float title_h = ui::TextSize(Face::Strong, p->title, text_w).y;
        const float meta_h = ui::TextSize(Face::Small, meta, text_w).y;
        const float height = pad_y + subject_h + 2 + title_h + 4 + meta_h + pad_y;

        const ImVec2 pos = ImGui::GetCursorScreenPos();
        ui::CardResult card = ui::CardButton((p->title + "##plan").c_str(), ImVec2(width, height));
        if (card.clicked) *to_open = p;

        const float text_x = pos.x + pad_x;
        ui::Chevron(ImVec2(pos.x + width - pad_x, pos.y + height * 0.5f));

        float y = pos.y + pad_y;
        ui::TextAt(ImVec2(text_x, y), text_w, subject, app::theme::colors().accent, Face::Small);
        y += subject_h + 2;
        ui::TextAt(ImVec2(text_x, y), text_w, p->title, 0, Face::Strong);
        y += title_h + 4;
        ui::TextAt(ImVec2(text_x, y), text_w, meta, app::theme::colors().muted_text, Face::Small);

        ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + height));
        ImGui::Dummy(ImVec2(width, gap - ImGui::GetStyle().ItemSpacing.y));
        ImGui::PopID();
    }
    return *to_open != nullptr;
}

void PlaneringarBox::draw_list(BoxContext& ctx, const app::Pupil& pupil) {
    if (fetch_.failed()) {
        if (ui::ErrorAndRetry(fetch_.error)) load(ctx);
        ui::Space(8);
    }
    if (plans_.empty()) {
        ui::Heading(app::tr("Planeringar"));
        const char* who = pupil.first_name.empty() ? app::tr("eleven") : pupil.first_name.c_str();
        ui::MutedText(app::trf("Det finns inga planeringar för %s just nu. När lärarna publicerar en planering syns den här.", who));
        return;
    }
    std::vector<const TeachingPlan*> current, upcoming, past;
    for (const TeachingPlan& p : plans_) {
        if (p.period == "upcoming") upcoming.push_back(&p);
        else if (p.period == "past") past.push_back(&p);
        else current.push_back(&p);
    }

    const TeachingPlan* to_open = nullptr;
    section_heading(app::tr("Pågående"), true);
    if (current.empty()) ui::MutedText(app::tr("Inga planeringar pågår just nu."));
    else draw_cards(current, &to_open);

    section_heading(app::tr("Kommande"), false);
    if (upcoming.empty()) ui::MutedText(app::tr("Inga kommande planeringar ännu."));
    else draw_cards(upcoming, &to_open);

    if (!past.empty()) {
        section_heading(app::tr("Avslutade"), false);
        ui::Space(4);
        const std::string label =
            show_past_ ? std::string(app::icons::kChevronDown) + "  " + app::tr("Dölj avslutade planeringar") + "##past"
                       : std::string(app::icons::kChevronRight) + "  " +
                             app::trf("Visa avslutade planeringar (%d)", static_cast<int>(past.size())) + "##past";
        if (ui::SecondaryButton(label.c_str())) show_past_ = !show_past_;
        if (show_past_) {
            ui::Space(6);
            draw_cards(past, &to_open);
        }
    }
    if (to_open) {
        TeachingPlan chosen = *to_open;
        open_plan(ctx, chosen);
        ctx.item_shown(chosen.id);
    }
}

void PlaneringarBox::draw_plan(BoxContext& ctx) {
    if (ui::BackButton(app::tr("Tillbaka till planeringarna"))) {
        close_plan();
        ctx.item_shown("");
        return;
    }
    ui::Space(4);
    if (open_.gone) {
        ui::Note(open_.error, ui::Tone::Error);
        return;
    }
    if (plan_.title.empty() && open_.load != Load::Ready) {  // opened by its address: nothing to show yet
        if (ui::LoadingOrError(open_.load == Load::Failed, open_.error, app::tr("Hämtar planeringen …"))) fetch_plan(ctx);
        return;
    }

    ui::BeginPanel("##plan");
    {
        // The subject, and at the right where in time the plan is.
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        const float width = ImGui::GetContentRegionAvail().x;
        const char* when = period_label(plan_.period);
        const float badge_w = *when ? ui::TextSize(Face::Small, when, FLT_MAX).x + 16.0f + 12.0f : 0.0f;
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - badge_w);
        ui::Text(plan_.subject.empty() ? app::tr("Planering") : plan_.subject, app::theme::colors().accent, Face::Strong);
        ImGui::PopTextWrapPos();
        if (*when) ui::Badge(when, ImVec2(pos.x + width, pos.y + ImGui::GetFontSize() * 0.5f + 2), plan_.period == "current");
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 4);
    }
    std::string about;
    if (!plan_.author.empty()) about = app::trf("Skriven av %s", plan_.author.c_str());
    if (!plan_.groups.empty()) {
        const char* groups = plan_.groups.c_str();
        // app::scope_text's words for the whole school, whether or not it translates them.
        const bool whole_school = plan_.groups == "Hela skolan" || plan_.groups == app::tr("Hela skolan");
        const bool many = plan_.groups.find(", ") != std::string::npos;
        about += (about.empty() ? "" : " · ") + (whole_school ? app::trf("För: %s", groups)
                                                 : many       ? app::trf("Grupper: %s", groups)
                                                              : app::trf("Grupp: %s", groups));
    }
    if (!plan_.changed_at.empty()) about += (about.empty() ? "" : " · ") + app::dates::changed(plan_.changed_at);
    ui::ArticleHeading(plan_.title, app::trf("Period: %s", period_text(plan_.from, plan_.to, today_, true).c_str()),
                       about);

    if (open_.load == Load::Loading) {
        ui::Space(2);
        ui::Loading(app::tr("Hämtar planeringen …"));
    } else if (open_.load == Load::Failed) {
        ui::Space(4);
        if (ui::ErrorAndRetry(open_.error)) fetch_plan(ctx);
    }

    ui::Divider();
    if (plan_.body.empty()) ui::MutedText(app::tr("Planeringen har ingen text."));
    else ui::SelectableText(plan_.body);
    ui::CopyButton("##plan", plan_.title + "\n\n" + plan_.body);
    ui::EndPanel();
}

void PlaneringarBox::draw_full_view(BoxContext& ctx, const app::Pupil& pupil) {
    if (fetch_.load == Load::NotStarted) load(ctx);
    scroll_.apply();
    if (open_.is_open()) {
        draw_plan(ctx);
        return;
    }
    if (!fetch_.loaded_once) {
        if (ui::LoadingOrError(fetch_.failed(), fetch_.error, app::tr("Hämtar planeringar …"))) load(ctx);
        return;
    }
    draw_list(ctx, pupil);
}

namespace {

const app::EnglishText kEnglish[] = {
    {"Pågående", "Current"},
    {"Kommande", "Upcoming"},
    {"Avslutad", "Past"},
    {"Planeringen finns inte längre. Den kan ha tagits bort av skolan.",
     "This plan is no longer there. The school may have removed it."},
    {"Planering", "Plan"},
    {"Planeringar", "Plans"},
    {"eleven", "the pupil"},
    {"Det finns inga planeringar för %s just nu. När lärarna publicerar en planering syns den här.",
     "There are no plans for %s right now. When the teachers publish a plan, it shows up here."},
    {"Inga planeringar pågår just nu.", "No plans are running right now."},
    {"Inga kommande planeringar ännu.", "No upcoming plans yet."},
    {"Avslutade", "Past"},
    {"Dölj avslutade planeringar", "Hide past plans"},
    {"Visa avslutade planeringar (%d)", "Show past plans (%d)"},
    {"Tillbaka till planeringarna", "Back to the plans"},
    {"Period: %s", "Period: %s"},
    {"Skriven av %s", "Written by %s"},
    {"Hela skolan", "Whole school"},
    {"För: %s", "For: %s"},
    {"Grupper: %s", "Groups: %s"},
    {"Grupp: %s", "Group: %s"},
    {"Hämtar planeringen …", "Loading the plan …"},
    {"Planeringen har ingen text.", "This plan has no text."},
    {"Hämtar planeringar …", "Loading plans …"},
};
const app::EnglishTexts kRegistered(kEnglish);

}  // namespace

}  // namespace boxes
