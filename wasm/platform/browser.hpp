// Small pieces of the browser the app needs: the URL's #fragment (deep links and the
// back button), the document title, and opening a link or file in a new tab.
#pragma once
#include <functional>
#include <string>

namespace platform {

std::string location_hash();  // "#/elev/p1/franvaro" or ""
// Pushes a history entry (back button returns), or replaces the current one.
void set_location_hash(const std::string& hash, bool replace = false);
void on_location_hash_change(std::function<void()> handler);
void set_document_title(const std::string& title);
// Opens `url` (absolute, or relative to the page: an attachment's download address) in
// a new tab. Call it from a click: browsers allow new tabs only right after a gesture.
void open_url(const std::string& url);

}  // namespace platform
