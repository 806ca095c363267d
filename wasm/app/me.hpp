// Who is signed in and which pupils they see (GET /api/v1/me).
#pragma once
#include <string>
#include <vector>

#include "app/json_util.hpp"

namespace app {

struct School {
    std::string id, name, form;  // form: forskola | grundskola | gymnasieskola
};

struct Pupil {
    std::string id, name, first_name, group;
    bool adult = false;
    bool insyn = true;  // false: an adult pupil who has not let guardians see their data
    School school;
    std::vector<std::string> boxes;  // wire names, in start-page order
};

struct Me {
    std::string id, name, first_name, role;  // role: guardian | pupil | staff | school_admin
    std::vector<Pupil> pupils;

    bool is_guardian() const { return role == "guardian"; }
    const Pupil* find_pupil(const std::string& pupil_id) const;
};

Me parse_me(const Json& body);

}  // namespace app
