#include "app/start_page_reply.hpp"

namespace app {

namespace {
int number(const Json& j, const char* key) {
    const Json& v = field(j, key);
    return v.is_number_integer() ? v.get<int>() : 0;
}
}  // namespace

StartPageReply parse_start_page(const Json& body) {
    StartPageReply page;
    page.unread = number(body, "unread");
    const Json& boxes = field(body, "boxes");
    if (!boxes.is_array()) return page;
    for (const Json& b : boxes) {
        const Json& card = field(b, "card");
        // The badge: the box's own count of what is new when its card has one (news not
        // opened, assessments not seen: the count its summary speaks of), else the
        // caller's unread notifications about the box ("unread" beside "card"). Both
        // come fresh with the page, which the live stream makes fetch again.
        const int unread = field(card, "unread").is_number_integer() ? number(card, "unread") : number(b, "unread");
        page.cards.push_back(Card{text(b, "box"), text(card, "summary"), number(card, "count"), unread});
    }
    return page;
}

}  // namespace app
