#include <string>

#include "app/icons.hpp"
#include "boxes/blogg.hpp"
#include "boxes/box.hpp"
#include "boxes/franvaro.hpp"
#include "boxes/information.hpp"
#include "boxes/kalender.hpp"
#include "boxes/placeholder_box.hpp"
#include "boxes/planeringar.hpp"
#include "boxes/schema.hpp"
#include "boxes/uppgifter.hpp"
#include "boxes/utvecklingssamtal.hpp"

namespace boxes {
namespace {

namespace icons = app::icons;

// SPEC.md's boxes with their Swedish names.
const BoxInfo kBoxes[] = {
    {"franvaro", "Frånvaro", icons::kFranvaro},
    {"information", "Information", icons::kInformation},
    {"kalender", "Kalender", icons::kKalender},
    {"kontaktlista", "Kontaktlista", icons::kKontaktlista},
    {"dokumentation", "Dokumentation", icons::kDokumentation},
    {"blogg", "Blogg", icons::kBlogg},
    {"tidsregistrering", "Tidsregistrering", icons::kTidsregistrering},
    {"utvecklingssamtal", "Utvecklingssamtal", icons::kUtvecklingssamtal},
    {"bedomningar", "Bedömningar", icons::kBedomningar},
    {"etest", "eTest", icons::kETest},
    {"fritidsschema", "Fritidsschema", icons::kFritidsschema},
    {"planeringar", "Planeringar", icons::kPlaneringar},
    {"schema", "Schema", icons::kSchema},
    {"uppgifter", "Uppgifter", icons::kUppgifter},
};

}  // namespace

const BoxInfo& box_info(const std::string& wire_name) {
    for (const BoxInfo& info : kBoxes)
        if (wire_name == info.wire_name) return info;
    static BoxInfo unknown{"", "", icons::kBox};
    unknown.wire_name = "";
    return unknown;
}

std::unique_ptr<Box> make_box(const std::string& wire_name, const app::Pupil& pupil) {
    if (wire_name == "franvaro") return std::make_unique<FranvaroBox>(pupil.id);
    if (wire_name == "information") return std::make_unique<InformationBox>(pupil.id);
    if (wire_name == "kalender") return std::make_unique<KalenderBox>(pupil.id);
    if (wire_name == "schema") return std::make_unique<SchemaBox>(pupil.id);
    if (wire_name == "planeringar") return std::make_unique<PlaneringarBox>(pupil.id);
    if (wire_name == "blogg") return std::make_unique<BloggBox>(pupil.id);
    if (wire_name == "utvecklingssamtal") return std::make_unique<UtvecklingssamtalBox>(pupil.id);
    if (wire_name == "uppgifter") return std::make_unique<UppgifterBox>(pupil.id);
    return std::make_unique<PlaceholderBox>(wire_name);
}

}  // namespace boxes
