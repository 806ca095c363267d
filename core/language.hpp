// The language the server writes its own words in: Swedish unless the request asks for
// English (the HTTP transport reads Accept-Language, the web client sends "en" when the
// user chose English). Only the server's own words change; names and texts people wrote
// stay as they were written.
//
//   ctx.say("Inga nyheter", "No news")    in a handler (Context) or a card (CardContext)
//   say(language, "Inga nyheter", "No news")   where only the language is at hand
//
// Errors carry both languages (ApiError takes a Text), and the reply picks one.
#pragma once
#include <string>
#include <string_view>

namespace skolnav {

enum class Language { sv, en };

// "sv" or "en".
const char* language_code(Language language);

// The language an Accept-Language header asks for: the first tag, in the header's order,
// whose primary subtag is "sv" or "en" (q-values other than 0 do not reorder); Swedish
// when none is, or when the header is empty. "fr, en;q=0.5" is English, "de" Swedish.
Language language_from_accept_language(std::string_view header);

// The one helper: the Swedish or the English text, as the language asks.
inline std::string say(Language language, std::string swedish, std::string english) {
    return language == Language::en ? std::move(english) : std::move(swedish);
}

// A text in both languages, for what is written before the reader's language is known
// (errors, notifications). Both are required.
struct Text {
    std::string sv, en;
    Text(std::string swedish, std::string english) : sv(std::move(swedish)), en(std::move(english)) {}
    const std::string& in(Language language) const { return language == Language::en ? en : sv; }
};

}  // namespace skolnav
