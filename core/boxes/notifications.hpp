// Notifications as data: one per recipient for each thing published or changed that
// they may see. Live delivery (later) reads the same records.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "../date_time.hpp"
#include "../id.hpp"

namespace skolnav {

struct Notification {
    Id id;
    Id recipient_id;
    Id pupil_id;          // the child it concerns (empty for staff-only notices)
    std::string box;      // wire name of the box that opens it: "information", …
    std::string kind;     // "news", "blog_post", "assessment", "grade", …
    Id item_id;           // the item to open
    std::string title;    // Swedish one-liner shown in the list
    std::string title_en; // the English, when it differs (empty in notifications made before: the Swedish is shown)
    UnixSeconds created_at = 0;
    bool read = false;
};

struct NotificationState {
    std::map<Id, std::vector<Notification>> by_recipient;  // oldest first
};

}  // namespace skolnav
