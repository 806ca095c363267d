// Inloggningar and Byt lösenord on the settings page. The first lists the browsers
// where one is signed in (GET /api/v1/sessions): this one marked, every other with its
// device and when it was last used and "Logga ut"; below, "Logga ut på alla andra
// enheter" (keeps this one) and "Logga ut överallt (även här)". The second changes the
// password: the current one, the new one twice; the server ends the other sessions.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "app/api_client.hpp"
#include "app/fetch_state.hpp"
#include "app/me.hpp"

namespace app {

class SessionsView {
public:
    // Two panels. `signed_out_here` runs when this browser's own session was ended here.
    void draw(ApiClient& api, const Me& me, const std::function<void()>& signed_out_here);

private:
    struct Row {
        std::string id, device, last_used_at, created_at;
        bool current = false;
    };
    void load(ApiClient& api);
    void end_one(ApiClient& api, const std::string& id);
    void end_all(ApiClient& api, bool include_current, const std::function<void()>& signed_out_here);
    void change_password(ApiClient& api);
    void draw_sessions(ApiClient& api, const std::function<void()>& signed_out_here);
    void draw_password(ApiClient& api);

    std::string person_;  // whose sessions these are: a new sign-in starts over
    int last_frame_ = -10;
    Fetch fetch_;
    std::vector<Row> rows_;
    int idle_days_ = 0;
    std::string ending_;  // the session being ended, "*" for all others, "**" for all
    std::string error_, note_;

    char current_[201] = {}, fresh_[201] = {}, again_[201] = {};
    bool saving_ = false;
    std::string password_error_, password_note_;
};

}  // namespace app
