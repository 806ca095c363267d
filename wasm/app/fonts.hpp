// Fonts: Inter for text, Font Awesome 4.7 merged in for icons, rasterised at the device
// pixel ratio (size x DPR) and drawn at 1/DPR scale, so text is crisp on every screen.
// The atlas holds only the glyphs texts need: Latin-1 and common punctuation from the
// start, then every code point a text brings (note_text: API replies, live messages,
// typed and pasted text). A code point Inter lacks fetches the fallback file that has it
// (font_manifest.hpp: Noto for other scripts, Symbola for symbols and emoji) and the
// atlas is rebuilt once it arrives. What no file has is drawn as a box, never as "?";
// invisible marks (zero-width joiner, variation selectors) take no space.
#pragma once
#include <string>
#include <string_view>

#include "imgui.h"

namespace app::fonts {

enum class Face { Body, Small, Strong, Heading, Title, IconLarge, Count };

// Builds the atlas for this pixel ratio if it changed or texts need new glyphs; true when
// it was rebuilt (the renderer must then upload the new texture).
bool ensure(float pixel_ratio);

ImFont* get(Face face);

// Text (UTF-8, or JSON with \u escapes) that may be drawn: its glyphs join the atlas on
// the next frame, and the fallback files holding them are fetched.
void note_text(std::string_view text);

// For the browser tests: {"baked":[code points beyond ASCII], "missing":[those no font
// has, drawn as a box], "files":["fonts/emoji-faces.ttf", …], "atlas":[width, height]}.
std::string state_json();

}  // namespace app::fonts
