// A multi-line text field that wraps as you type (see text_area.cpp).
#pragma once
#include <cstddef>

namespace app::ui {

// A multi-line text field with its label above: wraps as you type, grows from
// `min_lines` to `max_lines` lines with its text and then scrolls with the caret in view.
// `buffer` holds the text as typed (no wrap breaks); `hint` is shown greyed while the
// field is empty. Returns true when the text changed.
bool TextArea(const char* label, char* buffer, size_t size, int min_lines = 3, int max_lines = 10,
              const char* hint = nullptr);

}  // namespace app::ui
