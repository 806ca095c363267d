#include "app/i18n.hpp"

#include <cstdarg>
#include <cstdio>
#include <string_view>
#include <unordered_map>

namespace app {
namespace {

Language g_language = Language::Swedish;

// Function-local so that tables registered from other files' static initialisers find
// it constructed.
std::unordered_map<std::string_view, const char*>& english() {
    static std::unordered_map<std::string_view, const char*> table;
    return table;
}

// "Text##id" keys: the translated text with the same id, built once per key.
std::unordered_map<std::string_view, std::string>& with_ids() {
    static std::unordered_map<std::string_view, std::string> cache;
    return cache;
}

}  // namespace

Language language() { return g_language; }
void set_language(Language language) { g_language = language; }
const char* language_code() { return g_language == Language::English ? "en" : "sv"; }

void add_english(const EnglishText* texts, size_t count) {
    for (size_t i = 0; i < count; ++i) english().emplace(texts[i].swedish, texts[i].english);
}

const char* tr(const char* swedish) {
    if (g_language == Language::Swedish || !swedish) return swedish;
    std::string_view key(swedish);
    if (auto it = english().find(key); it != english().end()) return it->second;
    const size_t id = key.find("##");
    if (id == std::string_view::npos || id == 0) return swedish;
    if (auto it = with_ids().find(key); it != with_ids().end()) return it->second.c_str();
    auto text = english().find(key.substr(0, id));
    if (text == english().end()) return swedish;
    std::string& built = with_ids()[key];
    built = std::string(text->second) + std::string(key.substr(id));
    return built.c_str();
}

std::string trf(const char* swedish_format, ...) {
    const char* format = tr(swedish_format);
    va_list args;
    va_start(args, swedish_format);
    va_list copy;
    va_copy(copy, args);
    const int n = std::vsnprintf(nullptr, 0, format, copy);
    va_end(copy);
    std::string out(n > 0 ? static_cast<size_t>(n) : 0, '\0');
    if (n > 0) std::vsnprintf(out.data(), out.size() + 1, format, args);
    va_end(args);
    return out;
}

}  // namespace app
