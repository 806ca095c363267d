#pragma once
#include <string>

namespace skolnav {
// Ids are readable text with a prefix per kind: "per-12", "sch-1", "abs-40".
using Id = std::string;
}  // namespace skolnav
