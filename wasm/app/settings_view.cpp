// The settings page (#/installningar): language and appearance for this browser, links
// for a phone's calendar (Kalenderprenumeration, calendar_feed_view.cpp), for an adult
// pupil the choice whether guardians may see their school data (insyn), and one's
// sign-ins and password (sessions_view.cpp).
#include "app/app.hpp"
#include "app/i18n.hpp"
#include "app/icons.hpp"
#include "app/preferences.hpp"
#include "app/theme.hpp"
#include "app/ui.hpp"
#include "imgui.h"
#include "platform/browser.hpp"

namespace app {
namespace {

using preferences::Appearance;

// Each language is named in itself, whatever the UI language is: someone who cannot
// read the current one must still find their own.
struct LanguageChoice {
    Language language;
    const char* own_name;
};
const LanguageChoice kLanguages[] = {{Language::Swedish, "Svenska"}, {Language::English, "English"}};

struct AppearanceChoice {
    Appearance appearance;
    const char* label;
};
const AppearanceChoice kAppearances[] = {
    {Appearance::System, N_("Som enheten (ljust eller mörkt)")},
    {Appearance::Light, N_("Ljust")},
    {Appearance::Dark, N_("Mörkt")},
};

}  // namespace

void App::load_insyn() {
    const Pupil* self = me_.pupils.size() == 1 ? &me_.pupils.front() : nullptr;
    if (me_.role != "pupil" || !self || !self->adult) return;
    insyn_.loading = true;
    api_.get("/api/v1/me/insyn", [this](const ApiReply& reply) {
        insyn_.loading = false;
        if (!reply.ok()) {
            insyn_.error = reply.error.message;
            return;
        }
        insyn_.error.clear();
        insyn_.consent = flag(reply.body, "consent");
        insyn_.loaded = true;
    });
}

void App::save_insyn(bool consent) {
    insyn_.saving = true;
    insyn_.error.clear();
    insyn_.saved_note.clear();
    api_.put("/api/v1/me/insyn", Json{{"consent", consent}}, [this](const ApiReply& reply) {
        insyn_.saving = false;
        if (!reply.ok()) {
            insyn_.error = reply.error.message;
            return;
        }
        insyn_.consent = flag(reply.body, "consent");
        insyn_.saved_note = insyn_.consent ? tr("Sparat. Dina vårdnadshavare kan nu se dina skoluppgifter.")
                                           : tr("Sparat. Dina vårdnadshavare kan inte längre se dina skoluppgifter.");
    });
}

void App::draw_settings() {
    if (ui::BackButton(tr("Tillbaka"))) navigate_to(pupil_id_.empty() ? "#/" : "#/elev/" + pupil_id_);
    ui::Title(tr("Inställningar"));
    ui::MutedText(tr("Språk och utseende sparas i den här webbläsaren."));
    ui::Space(8);

    ui::BeginPanel("language");
    ui::Heading(tr("Språk"));
    for (const LanguageChoice& choice : kLanguages) {
        std::string label = std::string(choice.own_name) + "##language";
        if (ui::Radio(label.c_str(), language() == choice.language) && language() != choice.language) {
            preferences::set_language(choice.language);
            for (auto& [id, page] : start_pages_) page.stale = true;  // summaries come in the new language
            boxes_.clear();  // and so does every box's content
            update_title();
        }
    }
    ui::EndPanel();
    ui::Space(8);

    ui::BeginPanel("appearance");
    ui::Heading(tr("Utseende"));
    for (const AppearanceChoice& choice : kAppearances) {
        std::string label = std::string(tr(choice.label)) + "##appearance";
        if (ui::Radio(label.c_str(), preferences::appearance() == choice.appearance))
            preferences::set_appearance(choice.appearance);
    }
    ui::EndPanel();

    // Insyn before the calendar links: the adult pupil's one decision comes first.
    const Pupil* self = me_.pupils.size() == 1 ? &me_.pupils.front() : nullptr;
    if (me_.role == "pupil" && self && self->adult) {
        ui::Space(8);
        ui::BeginPanel("insyn");
        ui::Heading(tr("Insyn för vårdnadshavare"));
        ui::Text(tr("Du är myndig och bestämmer själv om dina vårdnadshavare får se dina skoluppgifter i "
                    "Skolnav: frånvaro, bedömningar, uppgifter, schema och annat."));
        if (insyn_.loading && !insyn_.loaded) {
            ui::Loading(tr("Hämtar …"));
        } else if (insyn_.loaded) {
            ui::Note(insyn_.consent ? tr("Dina vårdnadshavare har insyn.") : tr("Dina vårdnadshavare har inte insyn."),
                     ui::Tone::Info);
            const char* action = insyn_.consent ? tr("Ta tillbaka insyn##insyn") : tr("Ge insyn##insyn");
            if (insyn_.saving) action = tr("Sparar …##insyn");
            if (ui::PrimaryButton(action, !insyn_.saving)) save_insyn(!insyn_.consent);
            if (!insyn_.saved_note.empty()) ui::Note(insyn_.saved_note, ui::Tone::Success);
        }
        if (!insyn_.error.empty()) {
            ui::Note(insyn_.error, ui::Tone::Error);
            if (!insyn_.loaded && ui::SecondaryButton(tr("Försök igen##insyn"))) load_insyn();
        }
        ui::EndPanel();
    }
    if (!me_.pupils.empty()) {
        ui::Space(8);
        calendar_feeds_.draw(api_, me_);
    }
    ui::Space(8);
    sessions_.draw(api_, me_, [this] {
        forget_session();
        platform::set_location_hash("#/", true);
    });
}

namespace {
const EnglishText kEnglish[] = {
    {"Som enheten (ljust eller mörkt)", "Same as this device (light or dark)"},
    {"Ljust", "Light"},
    {"Mörkt", "Dark"},
    {"Sparat. Dina vårdnadshavare kan nu se dina skoluppgifter.", "Saved. Your guardians can now see your school information."},
    {"Sparat. Dina vårdnadshavare kan inte längre se dina skoluppgifter.",
     "Saved. Your guardians can no longer see your school information."},
    {"Tillbaka", "Back"},
    {"Inställningar", "Settings"},
    {"Språk och utseende sparas i den här webbläsaren.", "Language and appearance are saved in this browser."},
    {"Språk", "Language"},
    {"Utseende", "Appearance"},
    {"Insyn för vårdnadshavare", "Guardian access"},
    {"Du är myndig och bestämmer själv om dina vårdnadshavare får se dina skoluppgifter i Skolnav: frånvaro, "
     "bedömningar, uppgifter, schema och annat.",
     "You are of age and decide yourself whether your guardians may see your school information in Skolnav: "
     "absence, assessments, assignments, timetable and more."},
    {"Hämtar …", "Loading …"},
    {"Dina vårdnadshavare har insyn.", "Your guardians have access."},
    {"Dina vårdnadshavare har inte insyn.", "Your guardians do not have access."},
    {"Ta tillbaka insyn", "Withdraw access"},
    {"Ge insyn", "Give access"},
    {"Sparar …", "Saving …"},
    {"Försök igen", "Try again"},
};
const EnglishTexts kRegistered(kEnglish);
}  // namespace

}  // namespace app
