// Dokumentation.
#include "core/boxes/documentation.hpp"

#include "core/box_module.hpp"

namespace skolnav {

extern const BoxModule documentation_module{"documentation", {Box::Dokumentation}, {}};

}  // namespace skolnav
