// The user's choices for this browser: language and appearance. Kept in localStorage,
// applied at start-up before the first frame, changed on the settings page.
#pragma once
#include "app/i18n.hpp"

namespace app::preferences {

enum class Appearance { System, Light, Dark };  // System: follows prefers-color-scheme

// Reads the stored choices and applies them (language to the UI, the server's replies
// and <html lang>; appearance to the theme), and follows later system changes.
void load();

Appearance appearance();
void set_appearance(Appearance appearance);
void set_language(Language language);

}  // namespace app::preferences
