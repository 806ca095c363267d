// Kalenderprenumeration on the settings page: private links to a calendar feed
// (iCalendar) a phone's calendar subscribes to, for every child or one child. A new
// link is shown once, with "Kopiera länk" (the server keeps only its digest); earlier
// links are listed by when they were made and for whom, each with "Ta bort".
#pragma once
#include <string>
#include <vector>

#include "app/api_client.hpp"
#include "app/fetch_state.hpp"
#include "app/me.hpp"

namespace app {

class CalendarFeedView {
public:
    // One panel, for pupils and guardians (staff have no feed: nothing is drawn).
    void draw(ApiClient& api, const Me& me);

private:
    struct Row {
        std::string id, pupil_id, pupil_name, created_at;
    };
    void load(ApiClient& api);
    void create(ApiClient& api);
    void revoke(ApiClient& api, const std::string& feed_id);
    void draw_new_link();
    void draw_list(ApiClient& api, const Me& me);

    std::string person_;  // whose links these are: a new sign-in starts over
    int last_frame_ = -10;
    Fetch fetch_;
    std::vector<Row> rows_;
    std::string choice_;  // "" every child; else a pupil id
    bool creating_ = false;
    std::string revoking_;  // the feed being removed
    std::string new_url_, new_id_;
    bool copied_ = false;
    std::string error_;  // of the last create or remove
};

}  // namespace app
