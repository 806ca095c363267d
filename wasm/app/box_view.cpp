// A box's full view: a back button, the box's name and the child's, then the box.
#include "app/app.hpp"
#include "app/i18n.hpp"
#include "app/theme.hpp"
#include "app/ui.hpp"
#include "imgui.h"

namespace app {

void App::draw_box_view() {
    const Pupil* pupil = selected_pupil();
    if (!pupil) return;
    if (ui::BackButton(tr("Tillbaka"))) navigate(pupil->id, "");
    const boxes::BoxInfo& info = boxes::box_info(open_box_);
    ui::Title(info.title[0] ? boxes::box_title(open_box_) : open_box_);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 6);
    std::string about = pupil->name + (pupil->group.empty() ? "" : " · " + pupil->group);
    ui::Text(about, theme::colors().muted_text);
    ui::Space(6);
    boxes::BoxContext ctx = box_context();
    box(pupil->id, open_box_).draw_full_view(ctx, *pupil);
}

void App::draw_not_found() {
    ui::Title(tr("Hittades inte"));
    ui::Text(tr("Det finns inget att visa på den här adressen. Länken kan vara fel, eller så är det "
                "inget du har tillgång till."));
    ui::Space(8);
    if (ui::PrimaryButton(tr("Till startsidan"))) navigate_to(pupil_id_.empty() ? "#/" : "#/elev/" + pupil_id_);
}

bool App::shown() const { return screen_ != Screen::Starting || !start_error_.empty(); }

// Until GET /me answers, nothing: the page's loading screen (shell.html) is the one shown.
void App::draw_starting() {
    if (start_error_.empty()) return;
    ImVec2 size = ImGui::GetMainViewport()->Size;
    ImGui::SetCursorPosY(size.y * 0.4f);
    if (ui::ErrorAndRetry(start_error_)) load_me(false);
}

namespace {
const EnglishText kEnglish[] = {
    {"Tillbaka", "Back"},
    {"Hittades inte", "Not found"},
    {"Det finns inget att visa på den här adressen. Länken kan vara fel, eller så är det inget du har tillgång till.",
     "There is nothing to show at this address. The link may be wrong, or it is something you do not have access to."},
    {"Till startsidan", "To the start page"},
};
const EnglishTexts kRegistered(kEnglish);
}  // namespace

}  // namespace app
