// unread count, and their page (#/notiser, #/notiser/<pupil>): newest first, a guardian's
// children together (each line tagged with the child) or one child, read or unread,
// "Markera alla som lästa", and one opens its item (#/elev/<pupil>/<box>/<item>).
// While the tab is in the background, each new one is also a system notification (once
// the user has allowed them with the button on this page).
#include <algorithm>
#include <ctime>

#include "app/app.hpp"
#include "app/fonts.hpp"
#include "app/i18n.hpp"
#include "app/icons.hpp"
#include "app/relative_time.hpp"
#include "app/swedish_dates.hpp"
#include "app/theme.hpp"
#include "app/tooltip.hpp"
#include "app/ui.hpp"
#include "app/widget_registry.hpp"
#include "imgui.h"
#include "platform/frame_scheduler.hpp"
#include "platform/frame_timer.hpp"
#include "platform/live.hpp"
#include "platform/system_notifications.hpp"
// Notifications: live from the server while signed in, the bell in the header with the

namespace app {
namespace {

using fonts::Face;

// A burst of messages (a teacher publishing to several groups) refreshes the cards once.
constexpr double kStartPageRefreshDelayMs = 300;
// More new ones than this at once while away: one summary instead of a pile.
constexpr size_t kMaxSystemNotifications = 3;

}  // namespace

void App::start_live() {
    notices_.clear();
    load_notifications();
    platform::live_open("/api/v1/events", "notifications", me_.id,
                        platform::LiveHandlers{
                            [this](const std::string& data) { on_live_message(data); },
                            // The stream failed for good for now: catch up with the list
                            // (a 401 there signs out as every request does).
                            [this] { load_notifications(); },
                        });
}

void App::load_notifications() {
    if (screen_ != Screen::Home) return;
    if (notices_loading_) {
        notices_again_ = true;  // once this reply is in
        return;
    }
    notices_loading_ = true;
    api_.get("/api/v1/notifications", [this](const ApiReply& reply) {
        notices_loading_ = false;
        if (!reply.ok()) {
            notices_error_ = reply.error.message;
        } else {
            notices_error_.clear();
            const int unread = notices_.unread();
            notices_.take_list(reply.body);
            if (unread != notices_.unread()) refresh_start_pages_soon();
        }
        if (notices_again_) {
            notices_again_ = false;
            load_notifications();
        }
    });
}

void App::on_live_message(const std::string& data) {
    fonts::note_text(data);
    if (screen_ != Screen::Home) return;
    const Json body = parse_json(data);
    if (!body.is_object()) return;
    const int unread = notices_.unread();
    const size_t held = notices_.items().size();
    const std::vector<Notice> fresh = notices_.take_message(body);
    if (notices_.behind()) load_notifications();
    if (unread != notices_.unread() || held != notices_.items().size()) refresh_start_pages_soon();

    // Told outside the page only while it is out of sight; the bell says it otherwise.
    if (fresh.empty() || !platform::document_hidden() ||
        platform::notification_permission() != platform::NotificationPermission::Granted)
        return;
    if (fresh.size() > kMaxSystemNotifications) {
        platform::show_system_notification("Skolnav", trf("%d nya notiser", static_cast<int>(fresh.size())), "skolnav",
                                           "#/notiser");
        return;
    }
    for (const Notice& n : fresh) {
        std::string about = boxes::box_title(n.box);
        if (about.empty()) about = n.box;
        const Pupil* child = me_.find_pupil(n.pupil_id);
        if (child && me_.pupils.size() > 1) about += " · " + child->first_name;
        platform::show_system_notification(n.title, about, n.id, n.address());
    }
}

void App::refresh_start_pages_soon() {
    if (pages_refresh_pending_) return;
    pages_refresh_pending_ = true;
    platform::call_later(kStartPageRefreshDelayMs, [this] {
        pages_refresh_pending_ = false;
        for (auto& [id, page] : start_pages_) page.stale = true;  // drawn pages fetch again
        platform::request_frames();
    });
}

float App::bell_width() const {
    const float h = ImGui::GetFontSize() + ImGui::GetStyle().FramePadding.y * 2;
    return h + (notices_.unread() > 0 ? 14.0f : 0.0f);
}

void App::draw_bell(float x, float y, float height) {
    const int unread = notices_.unread();
    // The name says the count for screen readers and tests; "###bell" keeps its identity.
    std::string label = unread > 0 ? trf("Notiser, %d olästa", unread) : std::string(tr("Notiser"));
    label += "###bell";
    const float w = bell_width();
    ImGui::SameLine();
    ImGui::SetCursorPos(ImVec2(x, y));
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    registry::hint_next("button");
    const bool clicked = ImGui::InvisibleButton(label.c_str(), ImVec2(w, height));
    const bool hovered = ImGui::IsItemHovered();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const theme::Palette& colors = theme::colors();
    if (hovered || notices_open_)
        dl->AddRectFilled(pos, ImVec2(pos.x + w, pos.y + height),
                          ImGui::IsItemActive() ? colors.accent_soft_hover : colors.accent_soft,
                          ImGui::GetStyle().FrameRounding);
    const ImVec2 icon = ImGui::CalcTextSize(icons::kBell);
    const float icon_x = pos.x + (height - icon.x) * 0.5f;
    dl->AddText(ImVec2(icon_x, pos.y + (height - icon.y) * 0.5f), colors.accent, icons::kBell);
    if (unread > 0) {
        // The count on the bell's shoulder, a filled pill.
        const std::string count = unread > 99 ? "99+" : std::to_string(unread);
        ImFont* font = fonts::get(Face::Small);
        const float size = font->FontSize * ImGui::GetIO().FontGlobalScale;
        const ImVec2 ext = font->CalcTextSizeA(size, FLT_MAX, 0, count.c_str());
        const float pill_h = ext.y + 2, pill_w = std::max(pill_h, ext.x + 10);
        const ImVec2 min(icon_x + icon.x - 4, pos.y + 2);
        const ImVec2 max(min.x + pill_w, min.y + pill_h);
        dl->AddRectFilled(min, max, colors.error_text, pill_h * 0.5f);
        dl->AddText(font, size, ImVec2(min.x + (pill_w - ext.x) * 0.5f, min.y + 1), colors.on_accent, count.c_str());
    }
    if (hovered) ui::Tooltip(registry::visible_label(label).c_str());
    if (clicked && !notices_open_) navigate_to("#/notiser");
    if (clicked) platform::request_frames();
}

void App::open_notice(const Notice& notice) {
    // Its own id too, in case its item cannot be shown any more (then nothing else reads it).
    read_notices_about(notice.pupil_id, notice.box, notice.item_id, notice.id);
    navigate_to(notice.address());
}

void App::read_notices_about(const std::string& pupil_id, const std::string& box, const std::string& item_id,
                             const std::string& also_id) {
    Json ids = Json::array();
    for (const Notice& n : notices_.items())
        if (!n.read && (n.id == also_id || (n.pupil_id == pupil_id && n.box == box && n.item_id == item_id)))
            ids.push_back(n.id);
    if (ids.empty()) return;
    for (const auto& id : ids) notices_.mark_read(id.get<std::string>());
    api_.post("/api/v1/notifications/read", Json{{"ids", ids}}, [this](const ApiReply& reply) {
        if (!reply.ok()) notices_error_ = reply.error.message;
        load_notifications();  // the server's word on what is read
    });
    refresh_start_pages_soon();
}

void App::mark_all_notices_read() {
    notices_.mark_all_read();
    api_.post("/api/v1/notifications/read", Json{{"all", true}}, [this](const ApiReply& reply) {
        if (!reply.ok()) notices_error_ = reply.error.message;
        load_notifications();
    });
    refresh_start_pages_soon();
}

void App::draw_notifications() {
    const theme::Palette& colors = theme::colors();
    if (ui::BackButton(tr("Tillbaka"))) navigate_to(pupil_id_.empty() ? "#/" : "#/elev/" + pupil_id_);
    ui::Title(tr("Notiser"));
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 6);
    const int unread = notices_.unread();
    ui::Text(unread == 0 ? std::string(tr("Inga olästa notiser.")) : unread == 1 ? std::string(tr("1 oläst notis"))
                                                                   : trf("%d olästa notiser", unread),
             colors.muted_text);
    ui::Space(4);
    if (unread > 0 && ui::SecondaryButton(tr("Markera alla som lästa"))) mark_all_notices_read();

    // The desktop's notifications: asked for only when the user presses the button.
    switch (platform::notification_permission()) {
        case platform::NotificationPermission::Default:
            if (unread > 0) ImGui::SameLine();
            if (ui::SecondaryButton((std::string(icons::kBell) + "  " + tr("Visa notiser på skrivbordet")).c_str()))
                platform::request_notification_permission([] {});
            break;
        case platform::NotificationPermission::Granted:
            ui::Text(tr("Nya notiser visas på skrivbordet när Skolnav ligger i bakgrunden."), colors.muted_text,
                     Face::Small);
            break;
        case platform::NotificationPermission::Denied:
            ui::Text(tr("Notiser på skrivbordet är avstängda i webbläsarens inställningar."), colors.muted_text,
                     Face::Small);
            break;
        case platform::NotificationPermission::Unsupported: break;
    }
    ui::Space(8);

    // A guardian with several children: all together, or one.
    const bool several = me_.is_guardian() && me_.pupils.size() > 1;
    if (several) {
        const float right = ImGui::GetWindowContentRegionMax().x;
        const std::string all = std::string(icons::kAllChildren) + "  " + tr("Alla barn") + "##notices_all";
        if (ui::Tab(all.c_str(), notices_pupil_.empty()) && !notices_pupil_.empty()) navigate_to("#/notiser");
        for (const Pupil& p : me_.pupils) {
            const std::string label = p.first_name + "##notices_" + p.id;
            ImGui::SameLine();
            if (ImGui::GetCursorPosX() + ui::ButtonWidth(label.c_str()) > right) ImGui::NewLine();
            if (ui::Tab(label.c_str(), notices_pupil_ == p.id) && notices_pupil_ != p.id) navigate_to("#/notiser/" + p.id);
        }
        ui::Space(8);
    }
    if (!notices_error_.empty()) {
        if (ui::ErrorAndRetry(notices_error_)) {
            notices_error_.clear();
            load_notifications();
        }
        ui::Space(8);
    }

    std::vector<const Notice*> shown;
    for (const Notice& n : notices_.items())
        if (notices_pupil_.empty() || n.pupil_id == notices_pupil_) shown.push_back(&n);
    if (shown.empty()) {
        if (!notices_.list_loaded()) ui::Loading(tr("Hämtar notiser …"));
        else ui::MutedText(notices_pupil_.empty() ? tr("Du har inga notiser ännu.") : tr("Inga notiser om det här barnet."));
        return;
    }

    const float width = ImGui::GetContentRegionAvail().x;
    const bool narrow = width < 520.0f;
    const float pad_x = narrow ? 14.0f : 20.0f, pad_y = narrow ? 12.0f : 14.0f;
    const float dot_column = 16.0f, chevron_column = 24.0f, gap = 10.0f;
    const float text_w = width - pad_x * 2 - dot_column - chevron_column;
    const char* unread_label = tr("Oläst");
    const float badge_w = ui::TextSize(Face::Small, unread_label, FLT_MAX).x + 16.0f + 10.0f;
    const long long now = static_cast<long long>(std::time(nullptr));
    long long next_change = -1;  // seconds until the soonest "för 5 min sedan" changes

    const Notice* to_open = nullptr;
    for (const Notice* n : shown) {
        ImGui::PushID(n->id.c_str());
        const Face title_face = n->read ? Face::Body : Face::Strong;
        const float title_w = text_w - (n->read ? 0.0f : badge_w);
        ImGui::PushFont(fonts::get(title_face));
        const std::string title = ui::ClipToLines(n->title, title_w, 3);
        ImGui::PopFont();
        std::string box = boxes::box_title(n->box);
        if (box.empty()) box = n->box;
        const Pupil* child = several && notices_pupil_.empty() ? me_.find_pupil(n->pupil_id) : nullptr;
        const std::string tag = child ? child->first_name : "";
        const std::string meta = box + " · " + dates::relative(n->created_at, now);
        const long long changes_in = dates::relative_changes_in(n->created_at, now);
        if (changes_in > 0 && (next_change < 0 || changes_in < next_change)) next_change = changes_in;
        const float tag_w = tag.empty() ? 0.0f : ui::TextSize(Face::Small, tag, FLT_MAX).x + 16.0f + 8.0f;
        const float title_h = ui::TextSize(title_face, title, title_w).y;
        const float meta_h = std::max(ui::TextSize(Face::Small, meta, text_w - tag_w).y, tag.empty() ? 0.0f : 22.0f);
        const float height = pad_y + title_h + 6 + meta_h + pad_y;

        const ImVec2 pos = ImGui::GetCursorScreenPos();
        ui::CardResult card = ui::CardButton((n->title + "##notice").c_str(), ImVec2(width, height));
        if (card.clicked) to_open = n;
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const float first_line_mid = pos.y + pad_y + ImGui::GetFontSize() * 0.5f + 1;
        const float text_x = pos.x + pad_x + dot_column;
        const float right = pos.x + width - pad_x;
        if (!n->read) {
            // Unread: a dot, the title in bold and the word itself (never colour alone).
            dl->AddCircleFilled(ImVec2(pos.x + pad_x + 4.5f, first_line_mid), 4.5f, colors.accent, 16);
            ui::Badge(unread_label, ImVec2(right - chevron_column, first_line_mid), true);
        }
        ui::Chevron(ImVec2(right, first_line_mid));
        float y = pos.y + pad_y;
        ui::TextAt(ImVec2(text_x, y), title_w, title, 0, title_face);
        y += title_h + 6;
        float meta_x = text_x;
        if (!tag.empty()) {
            ui::Badge(tag, ImVec2(text_x + tag_w - 8.0f, y + 9.0f), false);
            meta_x += tag_w;
        }
        ui::TextAt(ImVec2(meta_x, y), text_w - tag_w, meta, colors.muted_text, Face::Small);

        ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + height));
        ImGui::Dummy(ImVec2(width, gap - ImGui::GetStyle().ItemSpacing.y));
        ImGui::PopID();
    }
    // The relative times stay true while the page is open: one redraw when the soonest
    // would change (a little after, so the clock has passed it), no ticking loop.
    if (next_change > 0) platform::request_frames_after(static_cast<double>(next_change) * 1000.0 + 200.0);
    if (to_open) {
        const Notice chosen = *to_open;  // marking it read changes the list
        open_notice(chosen);
    }
}

namespace {
const EnglishText kEnglish[] = {
    {"%d nya notiser", "%d new notifications"},
    {"Notiser, %d olästa", "Notifications, %d unread"},
    {"Notiser", "Notifications"},
    {"Inga olästa notiser.", "No unread notifications."},
    {"1 oläst notis", "1 unread notification"},
    {"%d olästa notiser", "%d unread notifications"},
    {"Markera alla som lästa", "Mark all as read"},
    {"Visa notiser på skrivbordet", "Show notifications on the desktop"},
    {"Nya notiser visas på skrivbordet när Skolnav ligger i bakgrunden.",
     "New notifications are shown on the desktop while Skolnav is in the background."},
    {"Notiser på skrivbordet är avstängda i webbläsarens inställningar.",
     "Desktop notifications are turned off in the browser's settings."},
    {"Alla barn", "All children"},
    {"Hämtar notiser …", "Loading notifications …"},
    {"Du har inga notiser ännu.", "You have no notifications yet."},
    {"Inga notiser om det här barnet.", "No notifications about this child."},
    {"Oläst", "Unread"},
};
const EnglishTexts kRegistered(kEnglish);
}  // namespace

}  // namespace app
