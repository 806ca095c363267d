#include "app/notifications.hpp"

#include <algorithm>

namespace app {

std::string Notice::address() const {
    std::string hash = "#/elev/" + pupil_id + "/" + box;
    if (!item_id.empty()) hash += "/" + item_id;
    return hash;
}

Notice parse_notice(const Json& j) {
    Notice n;
    n.id = text(j, "id");
    n.pupil_id = text(j, "pupil_id");
    n.box = text(j, "box");
    n.kind = text(j, "kind");
    n.item_id = text(j, "item_id");
    n.title = text(j, "title");
    n.created_at = text(j, "created_at");
    n.read = flag(j, "read");
    const Json& seq = field(j, "seq");
    if (seq.is_number_integer()) {
        n.seq = seq.get<long long>();
    } else {
        // "not-123": the server's counter is the number in the id.
        size_t digits = n.id.find_last_not_of("0123456789");
        std::string tail = digits == std::string::npos ? n.id : n.id.substr(digits + 1);
        if (!tail.empty() && tail.size() < 18) n.seq = std::stoll(tail);
    }
    return n;
}

bool NotificationList::add(const Notice& n, bool again) {
    if (n.id.empty()) return false;
    if (!seen_.insert(n.id).second) {
        if (!again) return false;
        for (const Notice& held : items_)
            if (held.id == n.id) return false;
    }
    // Newest first; most arrive newest, so the place is usually the front.
    auto at = std::find_if(items_.begin(), items_.end(), [&](const Notice& o) { return o.seq < n.seq; });
    items_.insert(at, n);
    newest_ = std::max(newest_, n.seq);
    return true;
}

void NotificationList::take_list(const Json& body) {
    const Json& list = field(body, "notifications");
    if (!list.is_array()) return;
    // The server's list is the truth up to its newest (read flags, and what may no longer
    // be seen: insyn withdrawn); what the stream brought after it stays.
    std::vector<Notice> taken;
    long long list_newest = 0;
    for (const Json& j : list) {
        taken.push_back(parse_notice(j));
        list_newest = std::max(list_newest, taken.back().seq);
    }
    std::vector<Notice> later;
    for (const Notice& held : items_)
        if (held.seq > list_newest) later.push_back(held);
    items_.clear();
    for (const Notice& n : later) add(n, true);
    for (const Notice& n : taken) add(n, true);
    const Json& unread = field(body, "unread");
    if (unread.is_number_integer()) unread_ = unread.get<int>();
    if (baseline_ < 0) baseline_ = newest_;
    list_loaded_ = true;
}

std::vector<Notice> NotificationList::take_message(const Json& body) {
    std::vector<Notice> fresh;
    const Json& cursor = field(body, "cursor");
    const long long message_cursor = cursor.is_number_integer() ? cursor.get<long long>() : 0;
    const Json& list = field(body, "new");
    if (list.is_array()) {
        for (const Json& j : list) {
            Notice n = parse_notice(j);
            if (!add(n)) continue;
            if (baseline_ >= 0 && n.seq > baseline_ && !n.read) fresh.push_back(n);
        }
    }
    server_cursor_ = std::max(server_cursor_, std::max(message_cursor, newest_));
    // The first message (before the list came) says where "now" is: what is up to it is
    // the first load, not news.
    if (baseline_ < 0) {
        baseline_ = server_cursor_;
        fresh.clear();
    }
    const Json& unread = field(body, "unread");
    if (unread.is_number_integer()) unread_ = unread.get<int>();
    return fresh;
}

void NotificationList::mark_read(const std::string& id) {
    for (Notice& n : items_)
        if (n.id == id && !n.read) {
            n.read = true;
            unread_ = std::max(0, unread_ - 1);
        }
}

void NotificationList::mark_all_read() {
    for (Notice& n : items_) n.read = true;
    unread_ = 0;
}

void NotificationList::clear() { *this = NotificationList{}; }

bool NotificationList::behind() const {
    return list_loaded_ && (server_cursor_ > newest_ || unread_ != unread_held());
}

int NotificationList::unread_held() const {
    return static_cast<int>(std::count_if(items_.begin(), items_.end(), [](const Notice& n) { return !n.read; }));
}

}  // namespace app
