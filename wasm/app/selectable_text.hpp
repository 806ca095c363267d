// Text a user can select and copy, as on a web page (see selectable_text.cpp).
#pragma once
#include <string>
#include <string_view>

#include "app/fonts.hpp"
#include "imgui.h"

namespace app::ui {

// Text the user can select (drag, double-click a word, triple-click a paragraph, hold a
// finger on it) and copy with Ctrl+C: an article's body, a comment. Otherwise like Text.
void SelectableText(std::string_view text, ImU32 color = 0, fonts::Face face = fonts::Face::Body);
// "Kopiera texten": puts a whole item's text on the clipboard; says "Texten är kopierad"
// once pressed. Returns true when pressed.
bool CopyButton(const char* id, const std::string& text);
// A link's or a file's row (NamedAction: its name, a muted detail, the button that opens
// it) that a finger held on offers a small menu, "Öppna" and "Kopiera länk", as a phone's
// browser does for a link. `url` is the address opened (relative: on this origin).
// Returns true when the row's button was pressed.
bool LinkRow(const std::string& name, const std::string& detail, const std::string& button_label,
             const std::string& url);
// Once a frame, before the page: a press outside the selected text ends the selection
// (and one outside a link's menu closes it).
void ClearSelectionOnOutsideClick();
// Once a frame, after the page: "Kopiera" beside a selection made with a finger, and a
// held link's menu.
void SelectionMenu();

}  // namespace app::ui
