// The start page: a greeting, the child switcher (guardians with several children), and
// one card per box the child's school has enabled, in a responsive grid.
#include <algorithm>

#include "app/app.hpp"
#include "app/i18n.hpp"
#include "app/icons.hpp"
#include "app/theme.hpp"
#include "app/ui.hpp"
#include "app/widget_registry.hpp"
#include "imgui.h"

namespace app {

void App::draw_child_switcher() {
    if (me_.pupils.size() < 2) return;
    ui::Text(tr("Välj barn"), theme::colors().muted_text, fonts::Face::Small);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 4);
    float right = ImGui::GetWindowContentRegionMax().x;
    for (size_t i = 0; i < me_.pupils.size(); ++i) {
        const Pupil& p = me_.pupils[i];
        std::string label = p.first_name + "##child_" + p.id;
        if (i > 0) {
            ImGui::SameLine();
            // Wrap to a new row when the next name does not fit.
            float w = ImGui::CalcTextSize(p.first_name.c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
            if (ImGui::GetCursorPosX() + w > right) ImGui::NewLine();
        }
        if (ui::Tab(label.c_str(), !combined_ && p.id == pupil_id_) && (combined_ || p.id != pupil_id_)) navigate(p.id, "");
    }
    // Every child at once: each line on the cards says whose it is.
    std::string all = std::string(icons::kAllChildren) + "  " + tr("Alla barn") + "##children_all";
    ImGui::SameLine();
    if (ImGui::GetCursorPosX() + ui::ButtonWidth(all.c_str()) > right) ImGui::NewLine();
    if (ui::Tab(all.c_str(), combined_) && !combined_) navigate_to("#/alla");
    ui::Space(4);
}

void App::load_start_page(const std::string& pupil_id) {
    StartPageState& state = start_pages_[pupil_id];
    state.loading = true;
    state.stale = false;
    api_.get("/api/v1/pupils/" + url_segment(pupil_id) + "/start", [this, pupil_id](const ApiReply& reply) {
        StartPageState& s = start_pages_[pupil_id];
        s.loading = false;
        if (!reply.ok()) {
            s.error = reply.error.message;
            return;
        }
        s.error.clear();
        s.reply = parse_start_page(reply.body);
        s.loaded = true;
    });
}

void App::draw_box_grid(const Pupil& pupil) {
    StartPageState& page = start_pages_[pupil.id];
    if (page.stale && !page.loading) load_start_page(pupil.id);
    // Until the first reply: the boxes from /me, each card "Hämtar …".
    std::vector<Card> cards = page.reply.cards;
    if (!page.loaded)
        for (const std::string& b : pupil.boxes) cards.push_back(Card{b, "", 0, 0});
    if (!page.error.empty()) ui::Note(page.error, ui::Tone::Error);
    if (cards.empty()) {
        if (page.loaded) ui::Note(tr("Skolan har inte aktiverat några delar i Skolnav ännu."), ui::Tone::Info);
        return;
    }
    const float gap = 16.0f;
    float avail = ImGui::GetContentRegionAvail().x;
    int columns = avail < theme::kNarrowWidth - 32 ? 1 : std::max(1, static_cast<int>((avail + gap) / (280.0f + gap)));
    columns = std::min(columns, 3);
    float card_w = (avail - gap * (columns - 1)) / columns;
    const float card_h = 132.0f;
    ImVec2 origin = ImGui::GetCursorScreenPos();
    std::string open;
    for (size_t i = 0; i < cards.size(); ++i) {
        const Card& card = cards[i];
        const boxes::BoxInfo& info = boxes::box_info(card.box);
        std::string title = info.title[0] ? boxes::box_title(card.box) : card.box;
        int row = static_cast<int>(i) / columns, col = static_cast<int>(i) % columns;
        ImVec2 pos(origin.x + col * (card_w + gap), origin.y + row * (card_h + gap));
        ImGui::SetCursorScreenPos(pos);
        ImGui::PushID(card.box.c_str());
        ui::CardResult clicked = ui::CardButton((title + "##card").c_str(), ImVec2(card_w, card_h));
        if (clicked.clicked) open = card.box;

        // Icon in a soft circle, title beside it, the unread count and a chevron at the
        // right, the server's summary below (clipped to the card).
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const float pad = 20.0f, circle = 44.0f;
        ImVec2 c(pos.x + pad + circle * 0.5f, pos.y + pad + circle * 0.5f);
        dl->AddCircleFilled(c, circle * 0.5f, theme::colors().accent_soft, 32);
        ImFont* icon_font = fonts::get(fonts::Face::IconLarge);
        float icon_size = icon_font->FontSize * ImGui::GetIO().FontGlobalScale;
        ImVec2 icon_ext = icon_font->CalcTextSizeA(icon_size, FLT_MAX, 0, info.icon);
        dl->AddText(icon_font, icon_size, ImVec2(c.x - icon_ext.x * 0.5f, c.y - icon_ext.y * 0.5f), theme::colors().accent,
                    info.icon);
        float right = pos.x + card_w - pad - 10;
        dl->AddText(ImVec2(right, c.y - ImGui::GetFontSize() * 0.5f), theme::colors().muted_text, icons::kChevronRight);
        if (card.unread > 0)
            right = ui::Badge(card.unread == 1 ? std::string(tr("1 ny")) : trf("%d nya", card.unread),
                              ImVec2(right - 8, c.y), true);
        ImGui::PushClipRect(pos, ImVec2(right - 4, pos.y + card_h), true);
        ImGui::SetCursorScreenPos(ImVec2(pos.x + pad + circle + 14, c.y - ImGui::GetFontSize() * 0.75f));
        ui::Text(title, 0, fonts::Face::Heading);
        ImGui::PopClipRect();
        ImGui::PushClipRect(pos, ImVec2(pos.x + card_w, pos.y + card_h - 10), true);
        ImGui::SetCursorScreenPos(ImVec2(pos.x + pad, pos.y + pad + circle + 14));
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + card_w - pad * 2);
        ImGui::BeginGroup();
        if (!page.loaded) ui::Loading(tr("Hämtar …"));
        else if (card.summary.empty()) ui::MutedText(tr("Öppna för att se mer"));
        else ui::Text(card.summary);
        ImGui::EndGroup();
        ImGui::PopTextWrapPos();
        ImGui::PopClipRect();
        ImGui::PopID();
    }
    int rows = (static_cast<int>(cards.size()) + columns - 1) / columns;
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(avail, rows * card_h + (rows - 1) * gap));
    if (!open.empty()) navigate(pupil.id, open);
}

void App::draw_greeting() {
    ui::Title(trf("Hej %s!", (me_.first_name.empty() ? me_.name : me_.first_name).c_str()));
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 6);
}

void App::draw_start_page() {
    draw_greeting();
    if (me_.pupils.empty()) {
        ui::MutedText(tr("Det finns inga elever kopplade till ditt konto."));
        return;
    }
    ui::Space(4);
    draw_child_switcher();
    const Pupil* pupil = selected_pupil();
    if (!pupil) return;
    std::string about = pupil->name;
    if (!pupil->group.empty()) about += " · " + pupil->group;
    if (!pupil->school.name.empty()) about += " · " + pupil->school.name;
    ui::Text(about, theme::colors().muted_text);
    ui::Space(6);
    if (!pupil->insyn) {
        ui::Note(trf("Eleven har inte gett insyn. %s är myndig och har valt att inte dela sina skoluppgifter "
                     "med vårdnadshavare.",
                     pupil->first_name.c_str()),
                 ui::Tone::Info);
        return;
    }
    draw_box_grid(*pupil);
}

namespace {
const EnglishText kEnglish[] = {
    {"Välj barn", "Choose child"},
    {"Skolan har inte aktiverat några delar i Skolnav ännu.", "The school has not turned on any parts of Skolnav yet."},
    {"%d nya", "%d new"},
    {"1 ny", "1 new"},
    {"Hämtar …", "Loading …"},
    {"Öppna för att se mer", "Open to see more"},
    {"Hej %s!", "Hello %s!"},
    {"Alla barn", "All children"},
    {"Det finns inga elever kopplade till ditt konto.", "There are no pupils linked to your account."},
    {"Eleven har inte gett insyn. %s är myndig och har valt att inte dela sina skoluppgifter med vårdnadshavare.", "The pupil has not given access. %s is of age and has chosen not to share their school information with guardians."},
};
const EnglishTexts kRegistered(kEnglish);
}  // namespace

}  // namespace app
