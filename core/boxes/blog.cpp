// Blogg.
#include "core/boxes/blog.hpp"

#include "core/box_module.hpp"

namespace skolnav {

extern const BoxModule blog_module{"blog", {Box::Blogg}, {}};

}  // namespace skolnav
