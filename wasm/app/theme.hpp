// The calm light theme: colours and spacing in one place.
#pragma once
#include "imgui.h"

namespace app::theme {

// Colours as packed ABGR for draw lists.
inline constexpr ImU32 kPage = IM_COL32(244, 246, 249, 255);
inline constexpr ImU32 kSurface = IM_COL32(255, 255, 255, 255);
inline constexpr ImU32 kBorder = IM_COL32(222, 227, 234, 255);
inline constexpr ImU32 kText = IM_COL32(28, 37, 51, 255);
inline constexpr ImU32 kMutedText = IM_COL32(96, 108, 124, 255);
inline constexpr ImU32 kAccent = IM_COL32(31, 102, 150, 255);
inline constexpr ImU32 kAccentHover = IM_COL32(25, 86, 128, 255);
inline constexpr ImU32 kAccentSoft = IM_COL32(228, 240, 248, 255);
inline constexpr ImU32 kErrorText = IM_COL32(160, 33, 33, 255);
inline constexpr ImU32 kErrorSoft = IM_COL32(253, 236, 234, 255);
inline constexpr ImU32 kSuccessText = IM_COL32(24, 110, 60, 255);
inline constexpr ImU32 kSuccessSoft = IM_COL32(230, 245, 235, 255);
inline constexpr ImU32 kInfoSoft = IM_COL32(238, 241, 246, 255);

inline constexpr float kCardRounding = 14.0f;
inline constexpr float kContentMaxWidth = 980.0f;
inline constexpr float kNarrowWidth = 600.0f;  // under this: one column, phone spacing

void apply(ImGuiStyle& style);

}  // namespace app::theme
