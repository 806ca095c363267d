// How a view's fetches stand, for the boxes that fetch what they show.
#pragma once
#include <string>
#include <vector>

#include "app/api_client.hpp"

namespace app {

enum class Load { NotStarted, Loading, Ready, Failed };

// A view's own fetch (its list, its week, its page): how it goes, the server's message
// when it failed, and whether anything has come yet (what came stays on screen while it
// is fetched again).
struct Fetch {
    Load load = Load::NotStarted;
    std::string error;
    bool loaded_once = false;

    bool failed() const { return load == Load::Failed; }
    void start() {
        load = Load::Loading;
        error.clear();
    }
    // The reply has come: true when it brought the content; else Failed with the
    // server's message.
    bool succeeded(const ApiReply& reply) {
        if (reply.ok()) return true;
        load = Load::Failed;
        error = reply.error.message;
        return false;
    }
    // The content is taken in.
    void done() {
        load = Load::Ready;
        loaded_once = true;
    }
    // Fetch again at the next draw, unless a fetch is under way.
    void refresh() {
        if (load != Load::Loading) load = Load::NotStarted;
    }
};

// The item a list view has open (Information's news item, Blogg's post, Planeringar's
// plan, E-test's test) and how fetching it goes. The list already carries the item, so
// the view shows it at once and fetches it meanwhile; by then the school may have taken
// it away (404), and then the view says so instead of showing it.
struct OpenItem {
    std::string id;  // empty: the list is shown
    Load load = Load::NotStarted;
    std::string error;
    bool gone = false;  // the server no longer has it; `error` says so

    bool is_open() const { return !id.empty(); }
    void open(const std::string& item_id) {
        id = item_id;
        gone = false;
    }
    // Nothing open, nothing fetched: back at the list.
    void close() {
        id.clear();
        error.clear();
        gone = false;
        load = Load::NotStarted;
    }
    void fetching() {
        load = Load::Loading;
        error.clear();
    }
    // A fetch of `item_id` failed. Unless another item is open by now: Failed, with
    // `gone_text` ("Nyheten finns inte längre. …") when the server no longer has the item,
    // else the server's message.
    void failed(const std::string& item_id, const ApiReply& reply, const char* gone_text) {
        if (id != item_id) return;
        load = Load::Failed;
        gone = reply.status == 404;
        error = gone ? gone_text : reply.error.message;
    }
};

// A list view's Box::show_item: the item the address names ("" = the list). Opened from
// the list when the list has it; else (a link, before the list came) with only its id,
// and the item's fetch brings the rest, or the server's 404 makes the address "not
// found". `open(item)` and `close()` are the view's own.
template <class Item, class Open, class Close>
bool show_listed_item(const std::string& item_id, const OpenItem& open_item, const std::vector<Item>& list,
                      Open open, Close close) {
    if (item_id == open_item.id) return true;
    if (item_id.empty()) {
        close();
        return true;
    }
    for (const Item& item : list)
        if (item.id == item_id) {
            Item chosen = item;  // open() may refetch the list this refers to
            open(chosen);
            return true;
        }
    Item only_id;
    only_id.id = item_id;
    open(only_id);
    return true;
}

}  // namespace app
