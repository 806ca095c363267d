// uploaded files, checked and stored under generated ids.
#include "core/boxes/attachments.hpp"

#include "core/box_module.hpp"

namespace skolnav {

extern const BoxModule attachments_module{"attachments", {}, {}};

}  // namespace skolnav
