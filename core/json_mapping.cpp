#include "json_mapping.hpp"

#include <stdexcept>

namespace skolnav {

namespace {
template <class E>
struct Names {
    E value;
    const char* name;
};
const Names<SchoolForm> kForms[] = {
    {SchoolForm::Forskola, "forskola"}, {SchoolForm::Grundskola, "grundskola"}, {SchoolForm::Gymnasieskola, "gymnasieskola"}};
const Names<Role> kRoles[] = {
    {Role::Guardian, "guardian"}, {Role::Pupil, "pupil"}, {Role::Staff, "staff"}, {Role::SchoolAdmin, "school_admin"}};
const Names<Box> kBoxes[] = {
    {Box::Franvaro, "franvaro"},         {Box::Information, "information"},
    {Box::Kalender, "kalender"},         {Box::Kontaktlista, "kontaktlista"},
    {Box::Dokumentation, "dokumentation"}, {Box::Blogg, "blogg"},
    {Box::Tidsregistrering, "tidsregistrering"}, {Box::Utvecklingssamtal, "utvecklingssamtal"},
    {Box::Bedomningar, "bedomningar"},   {Box::ETest, "etest"},
    {Box::Fritidsschema, "fritidsschema"}, {Box::Planeringar, "planeringar"},
    {Box::Schema, "schema"},             {Box::Uppgifter, "uppgifter"}};

template <class Table, class E>
std::string name_of(const Table& table, E v) {
    for (const auto& entry : table)
        if (entry.value == v) return entry.name;
    throw std::logic_error("enum value without a wire name");
}
template <class E, class Table>
std::optional<E> value_of(const Table& table, std::string_view s) {
    for (const auto& entry : table)
        if (s == entry.name) return entry.value;
    return std::nullopt;
}
template <class E, class Table>
E required(const Table& table, const json& j, const char* what) {
    auto v = value_of<E>(table, j.get<std::string>());
    if (!v) throw std::runtime_error(std::string("unknown ") + what + ": " + j.get<std::string>());
    return *v;
}
}  // namespace

std::string to_string(SchoolForm f) { return name_of(kForms, f); }
std::string to_string(Role r) { return name_of(kRoles, r); }
std::string to_string(Box b) { return name_of(kBoxes, b); }
std::optional<SchoolForm> school_form_from(std::string_view s) { return value_of<SchoolForm>(kForms, s); }
std::optional<Role> role_from(std::string_view s) { return value_of<Role>(kRoles, s); }
std::optional<Box> box_from(std::string_view s) { return value_of<Box>(kBoxes, s); }

void to_json(json& j, const Date& d) { j = d.iso(); }
void from_json(const json& j, Date& d) {
    auto parsed = Date::parse(j.get<std::string>());
    if (!parsed) throw std::runtime_error("not a date: " + j.get<std::string>());
    d = *parsed;
}

void to_json(json& j, const School& s) {
    json boxes = json::array();
    for (Box b : s.enabled_boxes) boxes.push_back(to_string(b));
    j = {{"id", s.id}, {"name", s.name}, {"form", to_string(s.form)}, {"time_zone", s.time_zone}, {"boxes", boxes}};
}
void from_json(const json& j, School& s) {
    s.id = j.at("id").get<std::string>();
    s.name = j.at("name").get<std::string>();
    s.form = required<SchoolForm>(kForms, j.at("form"), "school form");
    s.time_zone = j.at("time_zone").get<std::string>();
    if (!TimeZone::named(s.time_zone)) throw std::runtime_error("unsupported time zone: " + s.time_zone);
    s.enabled_boxes.clear();
    for (const auto& b : j.at("boxes")) s.enabled_boxes.push_back(required<Box>(kBoxes, b, "box"));
}

void to_json(json& j, const Group& g) {
    j = {{"id", g.id}, {"school_id", g.school_id}, {"name", g.name}, {"staff_ids", g.staff_ids}, {"mentor_id", g.mentor_id}};
}
void from_json(const json& j, Group& g) {
    g.id = j.at("id").get<std::string>();
    g.school_id = j.at("school_id").get<std::string>();
    g.name = j.at("name").get<std::string>();
    g.staff_ids = j.value("staff_ids", std::vector<std::string>{});
    g.mentor_id = j.value("mentor_id", "");
}

void to_json(json& j, const Person& p) {
    j = {{"id", p.id},
         {"role", to_string(p.role)},
         {"first_name", p.first_name},
         {"last_name", p.last_name},
         {"username", p.username},
         {"password_hash", p.password_hash},
         {"personal_number", p.personal_number},
         {"email", p.email},
         {"phone", p.phone},
         {"school_id", p.school_id},
         {"group_id", p.group_id},
         {"insyn_consent", p.insyn_consent},
         {"children", p.children}};
    j["birth_date"] = p.birth_date ? json(p.birth_date->iso()) : json(nullptr);
}
void from_json(const json& j, Person& p) {
    p.id = j.at("id").get<std::string>();
    p.role = required<Role>(kRoles, j.at("role"), "role");
    p.first_name = j.at("first_name").get<std::string>();
    p.last_name = j.at("last_name").get<std::string>();
    p.username = j.value("username", "");
    p.password_hash = j.value("password_hash", "");
    p.personal_number = j.value("personal_number", "");
    p.email = j.value("email", "");
    p.phone = j.value("phone", "");
    p.school_id = j.value("school_id", "");
    p.group_id = j.value("group_id", "");
    p.insyn_consent = j.value("insyn_consent", false);
    p.children = j.value("children", std::vector<std::string>{});
    p.birth_date.reset();
    if (j.contains("birth_date") && !j["birth_date"].is_null()) p.birth_date = j["birth_date"].get<Date>();
}

void to_json(json& j, const Session& s) {
    j = {{"token_digest", s.token_digest}, {"id", s.id}, {"person_id", s.person_id}, {"created_at", s.created_at},
         {"expires_at", s.expires_at}, {"last_used_at", s.last_used_at}, {"browser", s.browser}, {"platform", s.platform}};
}
void from_json(const json& j, Session& s) {
    s.token_digest = j.at("token_digest").get<std::string>();
    s.person_id = j.at("person_id").get<std::string>();
    s.created_at = j.at("created_at").get<UnixSeconds>();
    s.expires_at = j.at("expires_at").get<UnixSeconds>();
    // Sessions from before the session list had no public id, use stamp or device: a
    // stable id from what they do have (never the digest), last used when started.
    s.id = j.value("id", "ses-" + std::to_string(s.created_at) + "-" + s.person_id);
    s.last_used_at = j.value("last_used_at", s.created_at);
    s.browser = j.value("browser", "");
    s.platform = j.value("platform", "");
}

}  // namespace skolnav
