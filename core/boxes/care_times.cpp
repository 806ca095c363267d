// Tidsregistrering and Fritidsschema.
#include "core/boxes/care_times.hpp"

#include "core/box_module.hpp"

namespace skolnav {

extern const BoxModule care_times_module{"care_times", {Box::Tidsregistrering, Box::Fritidsschema}, {}};

}  // namespace skolnav
