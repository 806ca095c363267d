// Utvecklingssamtal.
#include "core/boxes/meetings.hpp"

#include "core/box_module.hpp"

namespace skolnav {

extern const BoxModule meetings_module{"meetings", {Box::Utvecklingssamtal}, {}};

}  // namespace skolnav
