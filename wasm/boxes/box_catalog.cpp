#include <string>

#include "app/i18n.hpp"
#include "app/icons.hpp"
#include "boxes/bedomningar.hpp"
#include "boxes/blogg.hpp"
#include "boxes/box.hpp"
#include "boxes/care_times.hpp"
#include "boxes/dokumentation.hpp"
#include "boxes/etest.hpp"
#include "boxes/franvaro.hpp"
#include "boxes/information.hpp"
#include "boxes/kalender.hpp"
#include "boxes/kontaktlista.hpp"
#include "boxes/placeholder_box.hpp"
#include "boxes/planeringar.hpp"
#include "boxes/schema.hpp"
#include "boxes/uppgifter.hpp"
#include "boxes/utvecklingssamtal.hpp"

namespace boxes {
namespace {

namespace icons = app::icons;
using app::N_;

// SPEC.md's boxes with their Swedish names (translated where drawn: box_title).
const BoxInfo kBoxes[] = {
    {"franvaro", N_("Frånvaro"), icons::kFranvaro},
    {"information", N_("Information"), icons::kInformation},
    {"kalender", N_("Kalender"), icons::kKalender},
    {"kontaktlista", N_("Kontaktlista"), icons::kKontaktlista},
    {"dokumentation", N_("Dokumentation"), icons::kDokumentation},
    {"blogg", N_("Blogg"), icons::kBlogg},
    {"tidsregistrering", N_("Tidsregistrering"), icons::kTidsregistrering},
    {"utvecklingssamtal", N_("Utvecklingssamtal"), icons::kUtvecklingssamtal},
    {"bedomningar", N_("Bedömningar"), icons::kBedomningar},
    {"etest", N_("eTest"), icons::kETest},
    {"fritidsschema", N_("Fritidsschema"), icons::kFritidsschema},
    {"planeringar", N_("Planeringar"), icons::kPlaneringar},
    {"schema", N_("Schema"), icons::kSchema},
    {"uppgifter", N_("Uppgifter"), icons::kUppgifter},
};

}  // namespace

const BoxInfo& box_info(const std::string& wire_name) {
    for (const BoxInfo& info : kBoxes)
        if (wire_name == info.wire_name) return info;
    static BoxInfo unknown{"", "", icons::kBox};
    unknown.wire_name = "";
    return unknown;
}

const char* box_title(const std::string& wire_name) { return app::tr(box_info(wire_name).title); }

std::unique_ptr<Box> make_box(const std::string& wire_name, const app::Pupil& pupil) {
    if (wire_name == "franvaro") return std::make_unique<FranvaroBox>(pupil.id);
    if (wire_name == "information") return std::make_unique<InformationBox>(pupil.id);
    if (wire_name == "kalender") return std::make_unique<KalenderBox>(pupil.id);
    if (wire_name == "schema") return std::make_unique<SchemaBox>(pupil.id);
    if (wire_name == "planeringar") return std::make_unique<PlaneringarBox>(pupil.id);
    if (wire_name == "blogg") return std::make_unique<BloggBox>(pupil.id);
    if (wire_name == "kontaktlista") return std::make_unique<KontaktlistaBox>(pupil.id);
    if (wire_name == "etest") return std::make_unique<ETestBox>(pupil.id);
    if (wire_name == "dokumentation") return std::make_unique<DokumentationBox>(pupil.id);
    if (wire_name == "utvecklingssamtal") return std::make_unique<UtvecklingssamtalBox>(pupil.id);
    if (wire_name == "bedomningar") return std::make_unique<BedomningarBox>(pupil.id, pupil.school.id);
    if (wire_name == "tidsregistrering" || wire_name == "fritidsschema") return std::make_unique<CareTimesBox>(pupil.id, wire_name);
    if (wire_name == "uppgifter") return std::make_unique<UppgifterBox>(pupil.id);
    return std::make_unique<PlaceholderBox>(wire_name);
}

namespace {

const app::EnglishText kEnglish[] = {
    {"Frånvaro", "Absence"},
    {"Information", "News"},
    {"Kalender", "Calendar"},
    {"Kontaktlista", "Contacts"},
    {"Dokumentation", "Documentation"},
    {"Blogg", "Blog"},
    {"Tidsregistrering", "Care times"},
    {"Utvecklingssamtal", "Development talk"},
    {"Bedömningar", "Assessments"},
    {"eTest", "eTest"},
    {"Fritidsschema", "After-school care"},
    {"Planeringar", "Plans"},
    {"Schema", "Timetable"},
    {"Uppgifter", "Assignments"},
};
const app::EnglishTexts kRegistered(kEnglish);

}  // namespace

}  // namespace boxes
