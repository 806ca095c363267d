// Fonts: Inter for text, Font Awesome 4.7 merged in for icons, rasterised at the device
// pixel ratio (size x DPR) and drawn at 1/DPR scale, so text is crisp on every screen.
#pragma once
#include "imgui.h"

namespace app::fonts {

enum class Face { Body, Small, Strong, Heading, Title, IconLarge, Count };

// Builds the atlas for this pixel ratio if it changed; true when it was rebuilt (the
// renderer must then upload the new texture).
bool ensure(float pixel_ratio);

ImFont* get(Face face);

}  // namespace app::fonts
