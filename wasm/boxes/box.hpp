// A box: one area of the start page (Frånvaro, Kalender, …) for one pupil. Its card on
// the start page shows the server's summary (app/start_page_reply.hpp); the box draws
// its full view, from data it fetches itself.
#pragma once
#include <functional>
#include <memory>
#include <string>

#include "app/api_client.hpp"
#include "app/me.hpp"

namespace boxes {

// What a box may use of the app around it.
struct BoxContext {
    app::ApiClient& api;
    const app::Me& me;                  // the signed-in user
    std::function<void()> go_back;      // leave the full view
    // The user opened an item inside the box (its id), or went back to the box's list or
    // overview (""): the app puts it in the address, "#/elev/<pupil>/<box>/<item>", as a
    // new history entry, and hands it back through Box::show_item.
    std::function<void(const std::string& item_id)> item_shown;
};

class Box {
public:
    virtual ~Box() = default;
    // The full view, below the app header and the view's title row.
    virtual void draw_full_view(BoxContext& ctx, const app::Pupil& pupil) = 0;
    // The full view is being opened (refresh what it shows).
    virtual void on_open(BoxContext&) {}
    // The address names this item of the box ("": its list or overview). Called after
    // on_open and whenever the address's item changes (a deep link, a notification, the
    // back and forward buttons); showing what is already shown changes nothing. The id is
    // the one the server's notifications carry for this box. Returns false when the box
    // has no item addressed like that (the app shows "Hittades inte").
    virtual bool show_item(BoxContext&, const std::string& item_id) { return item_id.empty(); }
    // The item the address names is not this pupil's (the server answered 404: another
    // family's, made up, or taken away): the app shows "Hittades inte", exactly as for any
    // address the user may not see.
    virtual bool item_missing() const { return false; }
};

struct BoxInfo {
    const char* wire_name;  // "franvaro"
    const char* title;      // "Frånvaro" (Swedish: show box_title())
    const char* icon;       // Font Awesome glyph
};

// The box's Swedish name and icon; a generic entry for names this client does not know.
const BoxInfo& box_info(const std::string& wire_name);
// The box's name in the UI's language ("Frånvaro" / "Absence"); "" when unknown.
const char* box_title(const std::string& wire_name);

// A new box for this pupil: the real one where built, a placeholder otherwise.
std::unique_ptr<Box> make_box(const std::string& wire_name, const app::Pupil& pupil);

}  // namespace boxes
