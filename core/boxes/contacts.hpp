// Kontaktlista: data. Each guardian chooses which of their own contact details the
// class list shows to others; the address lives here (Person has none).
#pragma once
#include <map>
#include <string>
#include <vector>

#include "../date_time.hpp"
#include "../id.hpp"

namespace skolnav {

struct ContactVisibility {
    bool phone = false;
    bool email = true;
    bool address = false;
};

struct ContactState {
    std::map<Id, ContactVisibility> visibility;  // guardian -> their choice (absent: the default)
    std::map<Id, std::string> addresses;         // guardian -> postal address
};

}  // namespace skolnav
