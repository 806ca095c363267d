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
        // "unread" beside "card": the caller's unread notifications about this box (the
        // live contract); a box's own card may count its unread too (news not opened).
        const int unread = field(b, "unread").is_number_integer() ? number(b, "unread") : number(card, "unread");
        page.cards.push_back(Card{text(b, "box"), text(card, "summary"), number(card, "count"), unread});
    }
    return page;
}

}  // namespace app
