// One pupil's start page as the server sends it (GET /api/v1/pupils/{pupil}/start):
// the boxes shown, in order, each with its card's summary and unread count.
#pragma once
#include <string>
#include <vector>

#include "app/json_util.hpp"

namespace app {

struct Card {
    std::string box;      // wire name, "franvaro"
    std::string summary;  // one line, Swedish, from the server
    int count = 0;        // what the card counts (reports ahead, unread news, …)
    int unread = 0;       // new since the user last looked: the card's own count, else unread notifications
};

struct StartPageReply {
    std::vector<Card> cards;
    int unread = 0;  // unread notifications about this pupil
};

StartPageReply parse_start_page(const Json& body);

}  // namespace app
