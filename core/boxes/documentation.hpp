// Dokumentation's data: documentation staff keep on a pupil, of four kinds — Portfolio
// (pictures and files with a description), IUP (individuell utvecklingsplan),
// Åtgärdsprogram and Anteckningar — each kind used only where the school enables it.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "../date_time.hpp"
#include "../id.hpp"

namespace skolnav {

struct DocumentationItem {
    Id id;
    Id pupil_id;
    std::string kind;  // "portfolio", "iup", "atgardsprogram", "anteckningar"
    std::string title;
    std::string body;  // the description (portfolio) or the document's text
    std::vector<Id> attachment_ids;
    Date date;
    bool published = true;
    Id created_by;
    UnixSeconds created_at = 0, changed_at = 0;
};

struct DocumentationState {
    std::map<Id, DocumentationItem> items;
    std::map<Id, std::vector<std::string>> kinds_by_school;  // set by the admin; absent: the form's default
    std::map<Id, std::vector<Id>> by_pupil;                   // derived: pupil id -> item ids
};

}  // namespace skolnav

namespace skolnav {

struct State;
struct Person;
struct School;
enum class SchoolForm;

constexpr std::size_t kDocumentTitleMaxChars = 200;
constexpr std::size_t kDocumentBodyMaxChars = 20000;

// The kinds a school form offers (grundskola all four; förskola and gymnasieskola
// Portfolio and Anteckningar), and the ones the school uses (its admin's choice, by
// default all offered).
std::vector<std::string> offered_documentation_kinds(SchoolForm form);
std::vector<std::string> enabled_documentation_kinds(const State& state, const School& school);
// "Portfolio", "IUP", "Åtgärdsprogram", "Anteckningar"; in English "Portfolio",
// "Development plan (IUP)", "Action programme", "Notes".
std::string documentation_kind_name(const std::string& kind, Language language);

// Attachment rule (see attachments.cpp): may `viewer` read this item (and its files)?
bool may_read_documentation_item(const State& state, const Person& viewer, const Id& item_id, UnixSeconds now);

}  // namespace skolnav
