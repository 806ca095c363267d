#include "app/preferences.hpp"

#include <string>

#include "app/theme.hpp"
#include "platform/browser.hpp"
#include "platform/http.hpp"

namespace app::preferences {
namespace {

constexpr const char* kLanguageKey = "skolnav.language";
constexpr const char* kAppearanceKey = "skolnav.appearance";

Appearance g_appearance = Appearance::System;

void apply_theme() {
    const bool dark = g_appearance == Appearance::Dark ||
                      (g_appearance == Appearance::System && platform::system_prefers_dark());
    theme::set_mode(dark ? theme::Mode::Dark : theme::Mode::Light);
}

void apply_language(Language language) {
    app::set_language(language);
    platform::http_set_language(language_code());
    platform::set_document_language(language_code());
}

}  // namespace

void load() {
    apply_language(platform::stored_setting(kLanguageKey) == "en" ? Language::English : Language::Swedish);
    const std::string look = platform::stored_setting(kAppearanceKey);
    g_appearance = look == "dark" ? Appearance::Dark : look == "light" ? Appearance::Light : Appearance::System;
    apply_theme();
    platform::on_system_color_scheme_change([] { apply_theme(); });
}

Appearance appearance() { return g_appearance; }

void set_appearance(Appearance appearance) {
    g_appearance = appearance;
    platform::store_setting(kAppearanceKey, appearance == Appearance::Dark    ? "dark"
                                            : appearance == Appearance::Light ? "light"
                                                                              : "system");
    apply_theme();
}

void set_language(Language language) {
    apply_language(language);
    platform::store_setting(kLanguageKey, language_code());
}

}  // namespace app::preferences
