// Uppgifter.
#include "core/boxes/assignments.hpp"

#include "core/box_module.hpp"

namespace skolnav {

extern const BoxModule assignments_module{"assignments", {Box::Uppgifter}, {}};

}  // namespace skolnav
