// The app shell: who is signed in, which child and view are shown, and the frame's UI
// (header, sign-in, start page, a box's full view, settings). Views are addressed by the
// URL's fragment, "#/elev/<pupil id>", "#/elev/<pupil id>/<box>", an item in a box
// "#/elev/<pupil id>/<box>/<item id>" (boxes::Box::show_item), "#/alla" (a guardian's
// children together) and "#/installningar", so reloads, deep links and the back button
// work. "#/notiser" is the notifications page.
#pragma once
#include <map>
#include <memory>
#include <string>

#include "app/api_client.hpp"
#include "app/bankid_view.hpp"
#include "app/calendar_feed_view.hpp"
#include "app/me.hpp"
#include "app/notifications.hpp"
#include "app/sessions_view.hpp"
#include "app/start_page_reply.hpp"
#include "boxes/box.hpp"

namespace app {

class App {
public:
    void start();  // asks the server who is signed in
    void draw();   // one frame of UI, inside ImGui::NewFrame/Render
    // Something is drawn: the sign-in, a page, or why starting failed. Until then the
    // canvas is empty and the page's own loading screen (shell.html) shows.
    bool shown() const;

private:
    enum class Screen { Starting, SignIn, Home };

    // app.cpp: session and routing
    void load_me(bool after_sign_in);
    void apply_location();
    void navigate(const std::string& pupil_id, const std::string& box);
    void navigate_to(const std::string& hash);
    void show_box_item(const std::string& item_id);
    bool box_item_missing();
    void sign_out();
    void forget_session();
    boxes::Box& box(const std::string& pupil_id, const std::string& wire_name);
    boxes::BoxContext box_context();
    const Pupil* selected_pupil() const;
    void update_title();

    // header_bar.cpp
    // The header is its own window above the page, so it stays while the page scrolls.
    static constexpr float kHeaderHeight = 64.0f;
    void draw_header();
    void draw_under_header();  // the space under it and a start-up error, on the page
    // "Ingen kontakt med servern – försöker igen …": a quiet band under the header (at the
    // top without one) while the server does not answer (platform/connection).
    static constexpr float kBannerHeight = 34.0f;
    void draw_connection_banner();
    // signin_screen.cpp
    void draw_sign_in();
    void draw_password_form();
    void submit_sign_in();
    // start_page.cpp
    void draw_start_page();
    void draw_greeting();
    void draw_child_switcher();
    void draw_box_grid(const Pupil& pupil);
    void load_start_page(const std::string& pupil_id);
    // combined_view.cpp: every child's cards together, each line tagged with the child
    void draw_combined_view();
    // settings_view.cpp
    void draw_settings();
    void load_insyn();
    void save_insyn(bool consent);
    // notifications_view.cpp: the notifications, live from the server, and their page
    // (#/notiser, #/notiser/<pupil>)
    void start_live();
    void on_live_message(const std::string& data);
    void load_notifications();
    void refresh_start_pages_soon();
    void draw_bell(float x, float y, float height);  // the header's bell, at a cursor position
    float bell_width() const;
    void draw_notifications();
    void open_notice(const Notice& notice);
    // An item is shown (from a system notification, a link, the box's own list): the
    // unread notices about it are read now.
    void read_notices_about(const std::string& pupil_id, const std::string& box, const std::string& item_id,
                            const std::string& also_id = "");
    void mark_all_notices_read();
    // box_view.cpp
    void draw_box_view();
    void draw_not_found();
    void draw_starting();

    ApiClient api_;
    Screen screen_ = Screen::Starting;
    Me me_;
    std::string pupil_id_;  // the child shown
    std::string open_box_;  // wire name of the full view shown; empty: start page
    std::string open_item_;  // the item the address names in open_box_; empty: its list
    bool combined_ = false;       // a guardian's children together (#/alla)
    bool settings_open_ = false;  // the settings page (#/installningar)
    bool not_found_ = false;      // an address that shows nothing this user may see
    bool notices_open_ = false;   // the notifications page (#/notiser)
    std::string notices_pupil_;   // its child filter (#/notiser/<pupil>); empty: all
    std::map<std::string, std::map<std::string, std::unique_ptr<boxes::Box>>> boxes_;
    std::string start_error_;  // GET /me failed for another reason than "not signed in"

    // Each pupil's start page from the server; kept while a fresh one is fetched, so
    // coming back to the start page shows the last cards at once.
    struct StartPageState {
        StartPageReply reply;
        bool loaded = false, loading = false, stale = true;
        std::string error;
    };
    std::map<std::string, StartPageState> start_pages_;

    // An adult pupil's insyn consent on the settings page (GET/PUT /me/insyn).
    struct InsynState {
        bool loaded = false, loading = false, saving = false, consent = false;
        std::string error, saved_note;
    };
    InsynState insyn_;
    // Kalenderprenumeration on the settings page (calendar_feed_view.cpp).
    CalendarFeedView calendar_feeds_;
    // Inloggningar and Byt lösenord on the settings page (sessions_view.cpp).
    SessionsView sessions_;

    // The notifications: the list, how fetching it goes, a start-page refresh on its way.
    NotificationList notices_;
    bool notices_loading_ = false, notices_again_ = false, pages_refresh_pending_ = false;
    std::string notices_error_;

    // Sign-in form.
    char username_[128] = {};
    char password_[128] = {};
    bool signing_in_ = false;
    bool focus_username_ = true;
    std::string sign_in_error_;
    std::string sign_in_notice_;
    BankIdView bankid_;
    bool signing_out_ = false;
};

}  // namespace app
