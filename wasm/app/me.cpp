#include "app/me.hpp"

namespace app {

const Pupil* Me::find_pupil(const std::string& pupil_id) const {
    for (const Pupil& p : pupils)
        if (p.id == pupil_id) return &p;
    return nullptr;
}

Me parse_me(const Json& body) {
    Me me;
    const Json& person = field(body, "person");
    me.id = text(person, "id");
    me.name = text(person, "name");
    me.first_name = text(person, "first_name");
    me.role = text(person, "role");
    const Json& pupils = field(body, "pupils");
    if (!pupils.is_array()) return me;
    for (const Json& p : pupils) {
        Pupil pupil;
        pupil.id = text(p, "id");
        pupil.name = text(p, "name");
        pupil.first_name = text(p, "first_name");
        if (pupil.first_name.empty()) pupil.first_name = pupil.name.substr(0, pupil.name.find(' '));
        pupil.group = text(p, "group");
        pupil.adult = flag(p, "adult");
        pupil.insyn = flag(p, "insyn", true);
        const Json& school = field(p, "school");
        pupil.school = School{text(school, "id"), text(school, "name"), text(school, "form")};
        const Json& boxes = field(p, "boxes");
        if (boxes.is_array())
            for (const Json& b : boxes)
                if (b.is_string()) pupil.boxes.push_back(b.get<std::string>());
        me.pupils.push_back(std::move(pupil));
    }
    return me;
}

}  // namespace app
