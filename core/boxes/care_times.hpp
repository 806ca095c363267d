// Tidsregistrering (förskola) and Fritidsschema (grundskola): data.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "../date_time.hpp"
#include "../id.hpp"

namespace skolnav {

struct CareTimeState {};

}  // namespace skolnav
