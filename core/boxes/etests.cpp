// eTest.
#include "core/boxes/etests.hpp"

#include "core/box_module.hpp"

namespace skolnav {

extern const BoxModule etests_module{"etests", {Box::ETest}, {}};

}  // namespace skolnav
