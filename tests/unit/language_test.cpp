// The language of the server's own words: read from Accept-Language by the HTTP
// transport (the web client sends "Accept-Language: en" when the user chose English).
#include <catch2/catch.hpp>

#include "core/language.hpp"

using namespace skolnav;

TEST_CASE("Accept-Language: the first Swedish or English tag wins, else Swedish", "[language]") {
    CHECK(language_from_accept_language("en") == Language::en);
    CHECK(language_from_accept_language("en-GB,en;q=0.9") == Language::en);
    CHECK(language_from_accept_language("EN-us") == Language::en);
    CHECK(language_from_accept_language("sv-SE") == Language::sv);
    CHECK(language_from_accept_language("sv-SE,sv;q=0.9,en-US;q=0.8,en;q=0.7") == Language::sv);
    CHECK(language_from_accept_language("de") == Language::sv);
    CHECK(language_from_accept_language("") == Language::sv);
    CHECK(language_from_accept_language("*") == Language::sv);
    CHECK(language_from_accept_language("fr, en;q=0.5") == Language::en);
    CHECK(language_from_accept_language("fr-CA, de;q=0.8, sv;q=0.5, en;q=0.9") == Language::sv);  // order, not q
    CHECK(language_from_accept_language(" en ; q=0.8 ") == Language::en);
    CHECK(language_from_accept_language("english, eng, se") == Language::sv);  // only the tags sv and en
    CHECK(language_from_accept_language("en;q=0, sv") == Language::sv);         // q=0: not acceptable
    CHECK(language_from_accept_language("en;q=0.000") == Language::sv);
    CHECK(language_from_accept_language("en;q=0.001") == Language::en);
}

TEST_CASE("say picks the text in the language asked for", "[language]") {
    CHECK(say(Language::sv, "Inga nyheter", "No news") == "Inga nyheter");
    CHECK(say(Language::en, "Inga nyheter", "No news") == "No news");
    const Text t("Hittades inte.", "Not found.");
    CHECK(t.in(Language::sv) == "Hittades inte.");
    CHECK(t.in(Language::en) == "Not found.");
    CHECK(std::string(language_code(Language::en)) == "en");
    CHECK(std::string(language_code(Language::sv)) == "sv");
}
