#include "app/app.hpp"

#include <algorithm>
#include <vector>

#include "app/i18n.hpp"
#include "app/selectable_text.hpp"
#include "app/theme.hpp"
#include "app/ui.hpp"
#include "imgui.h"
#include "imgui_internal.h"
#include "platform/browser.hpp"
#include "platform/connection.hpp"
#include "platform/frame_scheduler.hpp"
#include "platform/live.hpp"

namespace app {
namespace {

std::vector<std::string> split_path(const std::string& hash) {
    std::vector<std::string> parts;
    std::string current;
    for (char c : hash) {
        if (c == '#') continue;
        if (c == '/') {
            if (!current.empty()) parts.push_back(current);
            current.clear();
        } else {
            current.push_back(c);
        }
    }
    if (!current.empty()) parts.push_back(current);
    return parts;
}

}  // namespace

void App::start() {
    api_.on_signed_out = [this] {
        bool was_signed_in = screen_ == Screen::Home;
        forget_session();
        if (was_signed_in) sign_in_notice_ = tr("Du har loggats ut. Logga in igen för att fortsätta.");
    };
    platform::on_location_hash_change([this] { apply_location(); });
    load_me(false);
}

void App::load_me(bool after_sign_in) {
    if (!after_sign_in) screen_ = Screen::Starting;
    start_error_.clear();
    api_.get("/api/v1/me", [this, after_sign_in](const ApiReply& reply) {
        signing_in_ = false;
        if (!reply.ok()) {
            if (after_sign_in) {
                sign_in_error_ = reply.error.message;
            } else {
                start_error_ = reply.error.message;
            }
            return;
        }
        me_ = parse_me(reply.body);
        screen_ = Screen::Home;
        password_[0] = 0;
        sign_in_error_.clear();
        sign_in_notice_.clear();
        pupil_id_ = me_.pupils.empty() ? "" : me_.pupils.front().id;
        open_box_.clear();
        open_item_.clear();
        start_live();
        apply_location();
    });
}

void App::forget_session() {
    api_.forget_pending();
    boxes_.clear();
    start_pages_.clear();
    me_ = Me{};
    pupil_id_.clear();
    open_box_.clear();
    open_item_.clear();
    combined_ = settings_open_ = not_found_ = false;
    insyn_ = InsynState{};
    platform::live_close();
    notices_.clear();
    notices_open_ = notices_loading_ = notices_again_ = false;
    notices_error_.clear();
    screen_ = Screen::SignIn;
    signing_out_ = false;
    focus_username_ = true;
    update_title();
    platform::request_frames();
}

void App::sign_out() {
    signing_out_ = true;
    api_.del("/api/v1/session", [this](const ApiReply& reply) {
        if (!reply.ok() && reply.status != 401) {
            signing_out_ = false;
            sign_in_notice_.clear();
            start_error_ = reply.error.message;  // shown under the header
            return;
        }
        forget_session();
        platform::set_location_hash("#/", true);
    });
}

void App::apply_location() {
    if (screen_ != Screen::Home) return;  // applied once signed in
    std::vector<std::string> parts = split_path(platform::location_hash());
    const bool was_aside = combined_ || settings_open_ || notices_open_;
    settings_open_ = !parts.empty() && parts[0] == "installningar";
    combined_ = !parts.empty() && parts[0] == "alla" && me_.is_guardian() && me_.pupils.size() > 1;
    notices_open_ = !parts.empty() && parts[0] == "notiser" && (parts.size() < 2 || me_.find_pupil(parts[1]));
    notices_pupil_ = notices_open_ && parts.size() >= 2 ? parts[1] : "";
    if (settings_open_ || combined_ || notices_open_) {
        not_found_ = false;
        if (!open_box_.empty() || !was_aside) {
            // Cards may have changed in a box; settings may have changed the language.
            for (auto& [id, page] : start_pages_) page.stale = true;
        }
        open_box_.clear();
        if (settings_open_ && !insyn_.loaded && !insyn_.loading) load_insyn();
        if (ImGuiWindow* page = ImGui::FindWindowByName("##page")) ImGui::SetScrollY(page, 0);
        update_title();
        return;
    }
    std::string pupil = pupil_id_, box_name;
    // A pupil this user does not see, or a box that pupil does not have, is "not found"
    // exactly like an address that never existed: it must not tell which it was.
    not_found_ = !parts.empty() && parts[0] != "elev";
    if (parts.size() >= 2 && parts[0] == "elev") {
        if (me_.find_pupil(parts[1])) pupil = parts[1];
        else not_found_ = true;
        if (parts.size() >= 3) box_name = parts[2];
    }
    const std::string item = parts.size() >= 4 ? parts[3] : "";
    if (parts.size() > 4) not_found_ = true;
    const Pupil* p = me_.find_pupil(pupil);
    bool box_enabled = false;
    if (p)
        for (const std::string& b : p->boxes) box_enabled |= b == box_name;
    if (!box_name.empty() && !(box_enabled && p->insyn)) not_found_ = true;
    const std::string previous_box = open_box_, previous_pupil = pupil_id_;
    pupil_id_ = pupil;
    open_box_ = !not_found_ && box_enabled && p->insyn ? box_name : "";
    const bool new_box = !open_box_.empty() && (open_box_ != previous_box || pupil_id_ != previous_pupil);
    if (new_box) {
        boxes::BoxContext ctx = box_context();
        box(pupil_id_, open_box_).on_open(ctx);
    }
    // The item in the box (the box does nothing when it shows it already): a box that has
    // no such item is "not found" like any other address; one the server does not give
    // this user turns "not found" when it answers (box_item_missing).
    if (!open_box_.empty()) {
        boxes::BoxContext ctx = box_context();
        if (!box(pupil_id_, open_box_).show_item(ctx, item)) not_found_ = true;
    }
    open_item_ = open_box_.empty() ? "" : item;
    if (!not_found_ && !open_item_.empty()) read_notices_about(pupil_id_, open_box_, open_item_);
    // Back on the start page after a box: what was done there may change the cards.
    if (open_box_.empty() && (!previous_box.empty() || was_aside)) start_pages_[pupil_id_].stale = true;
    if (ImGuiWindow* page = ImGui::FindWindowByName("##page")) ImGui::SetScrollY(page, 0);  // a new view starts at its top
    update_title();
}

void App::navigate(const std::string& pupil_id, const std::string& box_name) {
    navigate_to("#/elev/" + pupil_id + (box_name.empty() ? "" : "/" + box_name));
}

void App::navigate_to(const std::string& hash) {
    platform::set_location_hash(hash);
    apply_location();
    platform::request_frames();
}

boxes::Box& App::box(const std::string& pupil_id, const std::string& wire_name) {
    auto& slot = boxes_[pupil_id][wire_name];
    if (!slot) {
        const Pupil* p = me_.find_pupil(pupil_id);
        slot = boxes::make_box(wire_name, p ? *p : Pupil{});
    }
    return *slot;
}

boxes::BoxContext App::box_context() {
    return boxes::BoxContext{api_, me_, [this] { navigate(pupil_id_, ""); },
                             [this](const std::string& item_id) { show_box_item(item_id); }};
}

// A box opened or closed an item: a new history entry for it (the box shows it already).
void App::show_box_item(const std::string& item_id) {
    if (open_box_.empty() || item_id == open_item_) return;
    std::string hash = "#/elev/" + pupil_id_ + "/" + open_box_;
    if (!item_id.empty()) hash += "/" + item_id;
    navigate_to(hash);
}

// The box's item turned out not to be this user's (the server's 404): the address shows
// "Hittades inte" from now on, the title too.
bool App::box_item_missing() {
    if (not_found_ || open_box_.empty() || open_item_.empty()) return false;
    if (!box(pupil_id_, open_box_).item_missing()) return false;
    not_found_ = true;
    update_title();
    return true;
}

const Pupil* App::selected_pupil() const { return me_.find_pupil(pupil_id_); }

void App::update_title() {
    std::string title = "Skolnav";
    if (screen_ == Screen::Home && not_found_) title = std::string(tr("Hittades inte")) + " – Skolnav";
    else if (screen_ == Screen::Home && settings_open_) title = std::string(tr("Inställningar")) + " – Skolnav";
    else if (screen_ == Screen::Home && notices_open_) title = std::string(tr("Notiser")) + " – Skolnav";
    else if (screen_ == Screen::Home && combined_) title = std::string(tr("Alla barn")) + " – Skolnav";
    else if (screen_ == Screen::Home && !open_box_.empty())
        title = std::string(boxes::box_title(open_box_)) + " – Skolnav";
    platform::set_document_title(title);
}

namespace {
// The scrollbar sits in the page's right margin instead of narrowing the content: the
// column keeps its width and place whether the view scrolls or not.
void keep_column_under_scrollbar() {
    ImGuiWindow* w = ImGui::GetCurrentWindow();
    const float bar = w->ScrollbarSizes.x;  // the vertical scrollbar's width, 0 when none
    if (bar <= 0 || w->WindowPadding.x < bar) return;
    w->ContentRegionRect.Max.x += bar;
    w->WorkRect.Max.x += bar;
    // Content may reach the scrollbar's edge (ImGui clips half a padding before it).
    w->InnerClipRect.Max.x = std::max(w->InnerClipRect.Max.x, w->InnerRect.Max.x);
    ImGui::PopClipRect();
    ImGui::PushClipRect(w->InnerClipRect.Min, w->InnerClipRect.Max, false);
}
}  // namespace

void App::draw() {
    ImGuiViewport* viewport = ImGui::GetMainViewport();
    float width = viewport->Size.x;
    // Content is a centred column; the window's padding makes the margins.
    float side = width < theme::kNarrowWidth ? 16.0f : 32.0f;
    float margin = std::max(side, (width - theme::kContentMaxWidth) * 0.5f);
    const ImGuiWindowFlags fixed = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImVec2 page_pos = viewport->Pos, page_size = viewport->Size;
    ui::BeginFrameRetries();
    if (ui::RetryingAfterReconnect())  // contact is back: the cards that failed are fetched again
        for (auto& [id, page] : start_pages_)
            if (!page.error.empty()) page.stale = true;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(margin, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
    if (screen_ == Screen::Home) {
        ImGui::SetNextWindowPos(page_pos);
        ImGui::SetNextWindowSize(ImVec2(page_size.x, kHeaderHeight + 1));
        ImGui::Begin("##header", nullptr, fixed | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
        draw_header();
        ImGui::End();
        page_pos.y += kHeaderHeight + 1;
        page_size.y -= kHeaderHeight + 1;
    }
    if (platform::connection_lost()) {
        ImGui::SetNextWindowPos(page_pos);
        ImGui::SetNextWindowSize(ImVec2(page_size.x, kBannerHeight));
        ImGui::Begin("##connection", nullptr, fixed | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
        draw_connection_banner();
        ImGui::End();
        page_pos.y += kBannerHeight;
        page_size.y -= kBannerHeight;
    }
    ImGui::SetNextWindowPos(page_pos);
    ImGui::SetNextWindowSize(page_size);
    // A phone scrolls with the finger and shows no scrollbar (as its browser does).
    const bool touch = ImGui::GetIO().MouseSource == ImGuiMouseSource_TouchScreen;
    ImGui::Begin("##page", nullptr, fixed | (touch ? ImGuiWindowFlags_NoScrollbar : 0));
    ImGui::PopStyleVar(2);
    keep_column_under_scrollbar();
    ui::ClearSelectionOnOutsideClick();
    switch (screen_) {
        case Screen::Starting: draw_starting(); break;
        case Screen::SignIn: draw_sign_in(); break;
        case Screen::Home:
            draw_under_header();
            box_item_missing();
            if (not_found_) draw_not_found();
            else if (settings_open_) draw_settings();
            else if (notices_open_) draw_notifications();
            else if (combined_) draw_combined_view();
            else if (open_box_.empty()) draw_start_page();
            else draw_box_view();
            break;
    }
    ImGui::Dummy(ImVec2(1, 32));  // breathing room at the bottom
    ImGui::End();
    ui::SelectionMenu();
}

namespace {
const EnglishText kEnglish[] = {
    {"Du har loggats ut. Logga in igen för att fortsätta.", "You have been signed out. Sign in again to continue."},
    {"Inställningar", "Settings"},
    {"Alla barn", "All children"},
    {"Hittades inte", "Not found"},
    {"Notiser", "Notifications"},
};
const EnglishTexts kRegistered(kEnglish);
}  // namespace

}  // namespace app
