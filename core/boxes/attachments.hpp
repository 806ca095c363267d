// uploaded files (metadata; the bytes are kept by the platform's BlobStore): data.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "../date_time.hpp"
#include "../id.hpp"

namespace skolnav {

struct AttachmentState {};

}  // namespace skolnav
