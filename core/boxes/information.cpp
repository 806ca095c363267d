// Information.
#include "core/boxes/information.hpp"

#include "core/box_module.hpp"

namespace skolnav {

extern const BoxModule information_module{"information", {Box::Information}, {}};

}  // namespace skolnav
