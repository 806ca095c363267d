// Planeringar.
#include "core/boxes/plans.hpp"

#include "core/box_module.hpp"

namespace skolnav {

extern const BoxModule plans_module{"plans", {Box::Planeringar}, {}};

}  // namespace skolnav
