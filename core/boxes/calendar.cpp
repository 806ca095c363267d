// Kalender.
#include "core/boxes/calendar.hpp"

#include "core/box_module.hpp"

namespace skolnav {

extern const BoxModule calendar_module{"calendar", {Box::Kalender}, {}};

}  // namespace skolnav
