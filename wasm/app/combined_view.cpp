// A guardian's children together (#/alla): one card per box any child has, and on it
// one line per child, tagged with the child's name, showing that child's summary.
// A line opens the box for that child. Built from each child's start-page reply.
#include <algorithm>
#include <vector>

#include "app/app.hpp"
#include "app/i18n.hpp"
#include "app/icons.hpp"
#include "app/theme.hpp"
#include "app/ui.hpp"
#include "app/widget_registry.hpp"
#include "imgui.h"

namespace app {
namespace {

struct ChildLine {
    const Pupil* pupil;
    const Card* card;  // null while the child's start page is on its way
};

struct CombinedCard {
    std::string box;
    std::vector<ChildLine> lines;
};

}  // namespace

void App::draw_combined_view() {
    draw_greeting();
    ui::Space(4);
    draw_child_switcher();

    // Boxes in the order the children's schools list them, first child first.
    std::vector<CombinedCard> cards;
    std::vector<std::string> waiting, without_insyn;
    for (const Pupil& pupil : me_.pupils) {
        if (!pupil.insyn) {
            without_insyn.push_back(pupil.first_name);
            continue;
        }
        StartPageState& page = start_pages_[pupil.id];
        if (page.stale && !page.loading) load_start_page(pupil.id);
        if (!page.error.empty()) ui::Note(pupil.first_name + ": " + page.error, ui::Tone::Error);
        if (!page.loaded) waiting.push_back(pupil.first_name);
        auto add = [&](const std::string& box, const Card* card) {
            auto it = std::find_if(cards.begin(), cards.end(), [&](const CombinedCard& c) { return c.box == box; });
            if (it == cards.end()) it = cards.insert(cards.end(), CombinedCard{box, {}});
            it->lines.push_back(ChildLine{&pupil, card});
        };
        if (page.loaded)
            for (const Card& card : page.reply.cards) add(card.box, &card);
        else
            for (const std::string& box : pupil.boxes) add(box, nullptr);
    }
    for (const std::string& name : without_insyn)
        ui::Note(trf("%s är myndig och har inte gett insyn; hen visas inte här.", name.c_str()), ui::Tone::Info);
    if (cards.empty()) return;

    const float gap = 16.0f, pad = 18.0f, header_h = 56.0f, line_h = 60.0f;
    const float avail = ImGui::GetContentRegionAvail().x;
    const int columns = avail < theme::kNarrowWidth - 32 ? 1 : 2;
    const float card_w = (avail - gap * (columns - 1)) / columns;
    // Cards side by side share their height: that of the one with the most children.
    const int rows = (static_cast<int>(cards.size()) + columns - 1) / columns;
    std::vector<float> row_top(rows + 1, 0.0f);
    for (int r = 0; r < rows; ++r) {
        size_t most = 0;
        for (int c = 0; c < columns && r * columns + c < static_cast<int>(cards.size()); ++c)
            most = std::max(most, cards[r * columns + c].lines.size());
        row_top[r + 1] = row_top[r] + header_h + most * line_h + pad * 0.5f + gap;
    }
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const theme::Palette& colors = theme::colors();
    std::string open_pupil, open_box;

    for (size_t i = 0; i < cards.size(); ++i) {
        const CombinedCard& card = cards[i];
        const boxes::BoxInfo& info = boxes::box_info(card.box);
        const std::string title = info.title[0] ? boxes::box_title(card.box) : card.box;
        const int row = static_cast<int>(i) / columns, col = static_cast<int>(i) % columns;
        const ImVec2 pos(origin.x + col * (card_w + gap), origin.y + row_top[row]);
        const ImVec2 end(pos.x + card_w, origin.y + row_top[row + 1] - gap);
        dl->AddRectFilled(ImVec2(pos.x, pos.y + 2), ImVec2(end.x, end.y + 2), colors.shadow, theme::kCardRounding);
        dl->AddRectFilled(pos, end, colors.surface, theme::kCardRounding);
        dl->AddRect(pos, end, colors.border, theme::kCardRounding);

        // Header: icon and the box's name (each child's line has its own unread count).
        ImFont* icon_font = fonts::get(fonts::Face::Heading);  // the icons are merged into every face
        const float icon_size = icon_font->FontSize * ImGui::GetIO().FontGlobalScale;
        const float mid = pos.y + header_h * 0.5f + 4;
        dl->AddText(icon_font, icon_size, ImVec2(pos.x + pad, mid - icon_size * 0.5f), colors.accent, info.icon);
        const float right = end.x - pad;
        ImGui::PushClipRect(pos, ImVec2(right, end.y), true);
        ui::TextAt(ImVec2(pos.x + pad + icon_size + 12, mid - ImGui::GetFontSize() * 0.6f), right - pos.x, title,
                   colors.text, fonts::Face::Heading);
        ImGui::PopClipRect();

        // One line per child: the name as a tag, the summary, a chevron; the whole line
        // is the button.
        for (size_t l = 0; l < card.lines.size(); ++l) {
            const ChildLine& line = card.lines[l];
            const ImVec2 a(pos.x + 6, pos.y + header_h + l * line_h);
            const ImVec2 b(end.x - 6, a.y + line_h - 4);
            ImGui::SetCursorScreenPos(a);
            ImGui::PushID(card.box.c_str());
            ImGui::PushID(line.pupil->id.c_str());
            registry::hint_next("link");
            const std::string label = title + " – " + line.pupil->first_name;
            if (ImGui::InvisibleButton(label.c_str(), ImVec2(b.x - a.x, b.y - a.y))) {
                open_pupil = line.pupil->id;
                open_box = card.box;
            }
            const bool hovered = ImGui::IsItemHovered();
            ImGui::PopID();
            ImGui::PopID();
            if (hovered) dl->AddRectFilled(a, b, colors.hover, 10.0f);
            if (l > 0) dl->AddLine(ImVec2(pos.x + pad, a.y), ImVec2(end.x - pad, a.y), colors.border);

            const float tag_left = a.x + pad - 6;
            const std::string summary = !line.card ? tr("Hämtar …")
                                        : line.card->summary.empty() ? tr("Öppna för att se mer")
                                                                     : line.card->summary;
            const float name_w = ui::TextSize(fonts::Face::Small, line.pupil->first_name, FLT_MAX).x + 16;  // Badge's padding
            ui::Badge(line.pupil->first_name, ImVec2(tag_left + name_w, a.y + 20), false);
            float text_right = b.x - pad - 10;
            dl->AddText(ImVec2(text_right, a.y + 10), colors.muted_text, icons::kChevronRight);
            if (line.card && line.card->unread > 0)
                text_right = ui::Badge(
                    line.card->unread == 1 ? std::string(tr("1 ny")) : trf("%d nya", line.card->unread),
                    ImVec2(text_right - 8, a.y + 20), true);
            const float text_left = tag_left + name_w + 10;
            const float width = text_right - 8 - text_left;
            ImGui::PushFont(fonts::get(fonts::Face::Body));
            const std::string shown = ui::ClipToLines(summary, width, 2);
            ImGui::PopFont();
            ui::TextAt(ImVec2(text_left, a.y + 10), width, shown, line.card ? colors.text : colors.muted_text,
                       fonts::Face::Body);
        }
    }
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(avail, row_top[rows] - gap));
    if (!open_box.empty()) navigate(open_pupil, open_box);
}

namespace {
const EnglishText kEnglish[] = {
    {"%s är myndig och har inte gett insyn; hen visas inte här.",
     "%s is of age and has not given you access, so they are not shown here."},
    {"%d nya", "%d new"},
    {"1 ny", "1 new"},
    {"Hämtar …", "Loading …"},
    {"Öppna för att se mer", "Open to see more"},
};
const EnglishTexts kRegistered(kEnglish);
}  // namespace

}  // namespace app
