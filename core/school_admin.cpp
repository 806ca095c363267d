// A school admin's configuration of their school: which boxes it shows.
//   PUT /api/v1/schools/{school}/boxes   {"boxes": ["franvaro", "information", …]}
#include <algorithm>

#include "api_error.hpp"
#include "json_mapping.hpp"
#include "permissions.hpp"
#include "request_body.hpp"
#include "routes.hpp"

namespace skolnav {

namespace {
// The boxes SPEC.md offers each school form.
std::vector<Box> offered(SchoolForm form) {
    using B = Box;
    switch (form) {
        case SchoolForm::Forskola:
            return {B::Franvaro, B::Information, B::Kalender, B::Kontaktlista, B::Dokumentation, B::Blogg,
                    B::Tidsregistrering, B::Utvecklingssamtal};
        case SchoolForm::Grundskola:
            return {B::Bedomningar, B::Blogg, B::ETest, B::Fritidsschema, B::Franvaro, B::Information, B::Kalender,
                    B::Kontaktlista, B::Planeringar, B::Dokumentation, B::Schema, B::Uppgifter, B::Utvecklingssamtal};
        case SchoolForm::Gymnasieskola:
            return {B::Bedomningar, B::Blogg, B::ETest, B::Franvaro, B::Information, B::Kalender, B::Kontaktlista,
                    B::Planeringar, B::Dokumentation, B::Schema, B::Uppgifter, B::Utvecklingssamtal};
    }
    return {};
}
}  // namespace

Response set_school_boxes(Context& ctx) {
    RequestBody body(ctx.request.body, {"boxes"});
    const auto names = body.string_list("boxes", 20, 40);
    if (!body.has("boxes")) throw missing("boxes");
    std::uint64_t seq;
    json reply;
    {
        auto txn = ctx.services.store.begin();
        auto school = txn.state().schools.find(ctx.params.at("school"));
        if (school == txn.state().schools.end() || !is_admin_of_school(*ctx.me, school->first)) throw not_found();
        const auto allowed = offered(school->second.form);
        std::vector<std::string> chosen;
        for (const auto& name : names) {
            auto box = box_from(name);
            if (!box || std::find(allowed.begin(), allowed.end(), *box) == allowed.end())
                throw bad_request("boxes", "Boxen " + name + " finns inte för " + school->second.name + ".",
                                  "The box " + name + " is not available for " + school->second.name + ".");
            if (std::find(chosen.begin(), chosen.end(), name) != chosen.end())
                throw bad_request("boxes", "Boxen " + name + " står två gånger.", "The box " + name + " is listed twice.");
            chosen.push_back(name);
        }
        seq = txn.commit({{"type", "school_boxes_set"}, {"school_id", school->first}, {"boxes", chosen}});
        reply = {{"school", txn.state().schools.at(school->first)}};
    }
    ctx.services.store.make_durable(seq);
    Response r;
    r.body = std::move(reply);
    return r;
}

}  // namespace skolnav
