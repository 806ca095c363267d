// The signed-in person's notifications as the client keeps them: the list (newest
// first), the unread count and every id seen, fed by the full list
// (GET /api/v1/notifications) and by the live stream's messages (GET /api/v1/events:
// {"cursor", "unread", "new": [...]}, oldest first). Each id is taken once, ever: a
// message repeated after a reconnect adds nothing.
#pragma once
#include <set>
#include <string>
#include <vector>

#include "app/json_util.hpp"

namespace app {

struct Notice {
    std::string id, pupil_id, box, kind, item_id, title, created_at;
    long long seq = 0;  // grows with every notification the server makes
    bool read = false;

    // Where it opens: "#/elev/<pupil>/<box>/<item>".
    std::string address() const;
};

Notice parse_notice(const Json& j);

class NotificationList {
public:
    // GET /api/v1/notifications (newest first): the list as the server has it (read
    // flags, the unread count), plus what the stream brought since.
    void take_list(const Json& body);
    // One stream message. Returns the notices it brought that were never seen before
    // and came after the first load (oldest first): those worth telling about.
    std::vector<Notice> take_message(const Json& body);

    // Marked read here (the server is told separately).
    void mark_read(const std::string& id);
    void mark_all_read();
    void clear();

    const std::vector<Notice>& items() const { return items_; }  // newest first
    int unread() const { return unread_; }
    // Unread among the notices held (the server's count may include older ones).
    int unread_held() const;
    bool list_loaded() const { return list_loaded_; }
    // The list held misses something the server has: notices made between the list and
    // the stream's start, or read flags changed elsewhere (another tab). Fetch it again.
    bool behind() const;

private:
    // False when its id was seen before; `again`: unless it is no longer held (the
    // server's list brings back what it lists).
    bool add(const Notice& n, bool again = false);

    std::vector<Notice> items_;
    std::set<std::string> seen_;
    int unread_ = 0;
    long long newest_ = 0;         // the highest seq held
    long long server_cursor_ = 0;  // the highest seq the server has told of
    long long baseline_ = -1;  // the cursor of the first load: notices up to it are not news
    bool list_loaded_ = false;
};

}  // namespace app
