// Small pieces of the browser the app needs: the URL's #fragment (deep links and the
// back button), the document title, opening a link or file in a new tab, settings kept
// in this browser, and the system's light/dark preference.
#pragma once
#include <functional>
#include <string>

namespace platform {

std::string location_hash();  // "#/elev/p1/franvaro" or ""
// Pushes a history entry (back button returns), or replaces the current one.
void set_location_hash(const std::string& hash, bool replace = false);
void on_location_hash_change(std::function<void()> handler);
// The page's origin, "https://skolnav.example.se": to make a full address of an API path.
std::string page_origin();
void set_document_title(const std::string& title);
// Opens `url` (absolute, or relative to the page: an attachment's download address) in
// a new tab. Call it from a click: browsers allow new tabs only right after a gesture.
void open_url(const std::string& url);
// Hands `url` to the app that handles its scheme ("bankid:///?autostarttoken=…"), in
// this tab: the page stays, the app opens. Call it soon after a click.
void launch_app(const std::string& url);

// A small setting kept in this browser (localStorage); "" when unset or unavailable
// (private mode, an intranet page that blocks storage).
std::string stored_setting(const std::string& key);
// An empty value removes the key.
void store_setting(const std::string& key, const std::string& value);

// Whether the system asks for dark colours (prefers-color-scheme), and a handler for
// when that changes.
bool system_prefers_dark();
void on_system_color_scheme_change(std::function<void()> handler);

// The page's language (<html lang>), for screen readers and the browser's translation.
void set_document_language(const char* code);

}  // namespace platform
