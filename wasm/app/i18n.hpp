// The UI's language: Swedish by default, English selectable. Swedish source strings are
// the keys (as in gettext): tr("Lämna in") is "Hand in" in English. Each file keeps the
// English for its own strings in a table next to the code that uses them:
//
//   const app::EnglishText kEnglish[] = {{"Lämna in", "Hand in"}, …};
//   const app::EnglishTexts kRegistered(kEnglish);
//
// tests/i18n/check_english.mjs fails the build's tests when a tr() key has no English.
#pragma once
#include <cstddef>
#include <string>

namespace app {

enum class Language { Swedish, English };

Language language();
void set_language(Language language);
const char* language_code();  // "sv" or "en": sent to the server as Accept-Language

// The text in the chosen language. A "##id" suffix is kept as it is, so a widget keeps
// its identity when the language changes. Falls back to the Swedish key.
const char* tr(const char* swedish);
// printf-style formatting of a translated format: trf("%d nya", n).
std::string trf(const char* swedish_format, ...);

// Marks a Swedish text that is translated later, where it is shown (tables of labels):
// N_("Lovdag") stays Swedish here, tr(label) translates it when drawn.
constexpr const char* N_(const char* swedish) { return swedish; }

struct EnglishText {
    const char* swedish;
    const char* english;
};
void add_english(const EnglishText* texts, size_t count);

// Registers a file's table at static initialisation.
struct EnglishTexts {
    template <size_t N>
    explicit EnglishTexts(const EnglishText (&texts)[N]) {
        add_english(texts, N);
    }
};

}  // namespace app
