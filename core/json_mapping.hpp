// JSON for the model: the wire names of enums, and the full mapping of each struct as
// the snapshot stores it. (What the API shows a user is shaped in the handlers; this
// is the storage form.)
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "model.hpp"

namespace skolnav {

using json = nlohmann::json;

std::string to_string(SchoolForm f);
std::string to_string(Role r);
std::string to_string(Box b);
std::optional<SchoolForm> school_form_from(std::string_view s);
std::optional<Role> role_from(std::string_view s);
std::optional<Box> box_from(std::string_view s);

void to_json(json& j, const Date& d);
void from_json(const json& j, Date& d);
void to_json(json& j, const School& s);
void from_json(const json& j, School& s);
void to_json(json& j, const Group& g);
void from_json(const json& j, Group& g);
void to_json(json& j, const Person& p);
void from_json(const json& j, Person& p);
void to_json(json& j, const Session& s);
void from_json(const json& j, Session& s);

}  // namespace skolnav
