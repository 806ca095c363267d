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
// Once a frame, before the page: a press outside the selected text ends the selection.
void ClearSelectionOnOutsideClick();
// Once a frame, after the page: "Kopiera" beside a selection made with a finger.
void SelectionMenu();

}  // namespace app::ui
