// Schema.
#include "core/boxes/timetable.hpp"

#include "core/box_module.hpp"

namespace skolnav {

extern const BoxModule timetable_module{"timetable", {Box::Schema}, {}};

}  // namespace skolnav
