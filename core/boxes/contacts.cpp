// Kontaktlista.
#include "core/boxes/contacts.hpp"

#include "core/box_module.hpp"

namespace skolnav {

extern const BoxModule contacts_module{"contacts", {Box::Kontaktlista}, {}};

}  // namespace skolnav
