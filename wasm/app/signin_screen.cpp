// The sign-in screen: username and password, and beside it (below it on a phone) BankID
// (bankid_view.hpp). While a BankID sign-in is under way on a narrow screen, the
// password form steps aside so the QR code and BankID's message are in view.
#include <algorithm>

#include "app/app.hpp"
#include "app/i18n.hpp"
#include "app/icons.hpp"
#include "app/preferences.hpp"
#include "app/theme.hpp"
#include "app/ui.hpp"
#include "imgui.h"
#include "imgui_internal.h"

namespace app {

void App::submit_sign_in() {
    if (signing_in_) return;
    if (!username_[0] || !password_[0]) {
        sign_in_error_ = tr("Fyll i både användarnamn och lösenord.");
        return;
    }
    signing_in_ = true;
    sign_in_error_.clear();
    sign_in_notice_.clear();
    Json body = {{"username", username_}, {"password", password_}};
    api_.post("/api/v1/session", body, [this](const ApiReply& reply) {
        if (!reply.ok()) {
            signing_in_ = false;
            sign_in_error_ = reply.error.message;
            password_[0] = 0;
            return;
        }
        bankid_.close(api_);  // a BankID sign-in left running is cancelled at BankID
        load_me(true);  // the reply's person is enough to greet, /me has the pupils
    });
}

void App::draw_password_form() {
    ui::Heading(tr("Logga in"));
    if (!sign_in_notice_.empty()) ui::Note(sign_in_notice_, ui::Tone::Info);
    if (!start_error_.empty()) ui::Note(start_error_, ui::Tone::Error);
    ui::Space(2);
    bool enter = ui::InputField(tr("Användarnamn"), username_, sizeof(username_));
    // The page opens ready for typing: the field is activated as a text input (what
    // SetKeyboardFocusHere() ends in, without its tabbing search, which the panel's
    // first, self-sizing frames drop). Asked again until it is active or the user
    // chose a place with the mouse.
    if (focus_username_) {
        if (ImGui::IsItemActive() || ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
            focus_username_ = false;
        } else {
            ImGui::ActivateItemByID(ImGui::GetItemID());
            ImGui::GetCurrentContext()->NavNextActivateFlags = ImGuiActivateFlags_PreferInput;
        }
    }
    enter |= ui::InputField(tr("Lösenord"), password_, sizeof(password_), /*password=*/true);
    ui::Space(4);
    bool clicked = ui::PrimaryButton(signing_in_ ? tr("Loggar in …##login") : tr("Logga in"), !signing_in_,
                                     ImGui::GetContentRegionAvail().x);
    if (clicked || enter) submit_sign_in();
    if (signing_in_) ui::Loading(tr("Kontrollerar uppgifterna …"));
    if (!sign_in_error_.empty()) ui::Note(sign_in_error_, ui::Tone::Error);
}

void App::draw_sign_in() {
    float width = ImGui::GetContentRegionAvail().x;
    float panel_w = std::min(width, 420.0f);
    float top = std::max(24.0f, ImGui::GetMainViewport()->Size.y * 0.12f);
    ImGui::SetCursorPosY(top);

    // Brand above the panel, centred.
    ImGui::PushFont(fonts::get(fonts::Face::Title));
    std::string brand = std::string(icons::kLogo) + "  Skolnav";
    float brand_w = ImGui::CalcTextSize(brand.c_str()).x;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (width - brand_w) * 0.5f);
    ImGui::PushStyleColor(ImGuiCol_Text, theme::colors().accent);
    ImGui::TextUnformatted(brand.c_str());
    ImGui::PopStyleColor();
    ImGui::PopFont();
    const char* tagline = tr("Skolan och förskolan på ett ställe");
    float tag_w = ImGui::CalcTextSize(tagline).x;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, (width - tag_w) * 0.5f));
    ui::MutedText(tagline);
    ui::Space(12);

    const float gap = 24.0f;
    const bool side_by_side = width >= 2 * panel_w + gap;
    const bool show_password = side_by_side || !bankid_.active();
    const float row_w = side_by_side ? 2 * panel_w + gap : panel_w;
    float x0 = ImGui::GetCursorPosX() + (width - row_w) * 0.5f;
    ImGui::SetCursorPosX(x0);
    ImGui::BeginGroup();
    ImGui::PushItemWidth(panel_w);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(24, 22));
    ImGui::PushStyleColor(ImGuiCol_Border, theme::colors().border);
    const ImGuiChildFlags panel_flags =
        ImGuiChildFlags_Border | ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_AlwaysUseWindowPadding;
    const ImGuiWindowFlags panel_window_flags = ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse;
    if (show_password) {
        ImGui::BeginChild("signin_panel", ImVec2(panel_w, 0), panel_flags, panel_window_flags);
        draw_password_form();
        ImGui::EndChild();
        if (side_by_side) ImGui::SameLine(0, gap);
        else ui::Space(gap * 0.5f);
    }
    ImGui::BeginChild("bankid_panel", ImVec2(panel_w, 0), panel_flags, panel_window_flags);
    bankid_.draw(api_, ImGui::GetContentRegionAvail().x, [this] { load_me(true); });
    ImGui::EndChild();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
    ImGui::PopItemWidth();
    // The other language, named in itself, for those who do not read this one.
    ui::Space(6);
    const bool swedish = language() == Language::Swedish;
    const char* other = swedish ? "English##language" : "Svenska##language";
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (row_w - ui::ButtonWidth(other)) * 0.5f);
    if (ui::QuietButton(other)) preferences::set_language(swedish ? Language::English : Language::Swedish);
    ImGui::EndGroup();
}

namespace {
const EnglishText kEnglish[] = {
    {"Fyll i både användarnamn och lösenord.", "Enter both your username and your password."},
    {"Skolan och förskolan på ett ställe", "School and preschool in one place"},
    {"Logga in", "Sign in"},
    {"Användarnamn", "Username"},
    {"Lösenord", "Password"},
    {"Loggar in …", "Signing in …"},
    {"Kontrollerar uppgifterna …", "Checking your details …"},
};
const EnglishTexts kRegistered(kEnglish);
}  // namespace

}  // namespace app
