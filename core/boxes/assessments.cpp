// Bedömningar and Betyg.
#include "core/boxes/assessments.hpp"

#include "core/box_module.hpp"

namespace skolnav {

extern const BoxModule assessments_module{"assessments", {Box::Bedomningar}, {}};

}  // namespace skolnav
