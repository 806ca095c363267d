#include "app/calendar_feed_view.hpp"

#include "app/i18n.hpp"
#include "app/swedish_dates.hpp"
#include "app/ui.hpp"
#include "imgui.h"
#include "platform/browser.hpp"

namespace app {

namespace {
constexpr const char* kFeeds = "/api/v1/calendar-feeds";
}  // namespace

void CalendarFeedView::load(ApiClient& api) {
    fetch_.start();
    api.get(kFeeds, [this](const ApiReply& reply) {
        if (!fetch_.succeeded(reply)) return;
        rows_.clear();
        const Json& feeds = field(reply.body, "feeds");
        if (feeds.is_array())
            for (const Json& f : feeds) {
                const Json& pupil = field(f, "pupil");
                rows_.push_back({text(f, "id"), text(pupil, "id"), text(pupil, "first_name"), text(f, "created_at")});
            }
        fetch_.done();
    });
}

void CalendarFeedView::create(ApiClient& api) {
    creating_ = true;
    error_.clear();
    copied_ = false;
    Json body = Json::object();
    if (!choice_.empty()) body["pupil"] = choice_;
    api.post(kFeeds, body, [this](const ApiReply& reply) {
        creating_ = false;
        if (!reply.ok()) {
            error_ = reply.error.message;
            return;
        }
        const Json& feed = field(reply.body, "feed");
        new_id_ = text(feed, "id");
        new_url_ = platform::page_origin() + text(feed, "path");
        const Json& pupil = field(feed, "pupil");
        rows_.push_back({new_id_, text(pupil, "id"), text(pupil, "first_name"), text(feed, "created_at")});
    });
}

void CalendarFeedView::revoke(ApiClient& api, const std::string& feed_id) {
    revoking_ = feed_id;
    error_.clear();
    api.del(std::string(kFeeds) + "/" + url_segment(feed_id), [this, feed_id](const ApiReply& reply) {
        revoking_.clear();
        // 404: already gone (removed in another window); either way it is no more.
        if (!reply.ok() && reply.status != 404) {
            error_ = reply.error.message;
            return;
        }
        std::erase_if(rows_, [&](const Row& r) { return r.id == feed_id; });
        if (feed_id == new_id_) {
            new_id_.clear();
            new_url_.clear();
        }
    });
}

void CalendarFeedView::draw_new_link() {
    if (new_url_.empty()) return;
    ui::Note(tr("Länken är skapad. Kopiera den nu: den visas bara en gång."), ui::Tone::Success);
    ui::Text(new_url_);
    if (ui::SecondaryButton(tr("Kopiera länk"))) {
        ImGui::SetClipboardText(new_url_.c_str());
        copied_ = true;
    }
    if (copied_) {
        ImGui::SameLine();
        ui::MutedText(tr("Kopierad."));
    }
    ui::MutedText(tr("Lägg till den i mobilens kalender som en prenumererad kalender (i iPhone: Inställningar > "
                     "Kalender > Konton > Lägg till konto > Annat; i Google Kalender: Lägg till kalender > "
                     "Från webbadress)."));
    ui::Space(4);
}

void CalendarFeedView::draw_list(ApiClient& api, const Me& me) {
    ui::Heading(tr("Dina länkar"));
    if (!fetch_.loaded_once) {
        if (ui::LoadingOrError(fetch_.failed(), fetch_.error, tr("Hämtar …"), true, tr("Försök igen##feeds"))) load(api);
        return;
    }
    if (rows_.empty()) ui::MutedText(tr("Du har inga prenumerationslänkar."));
    for (const Row& row : rows_) {
        std::string who;
        if (!row.pupil_id.empty()) who = row.pupil_name.empty() ? tr("Ett barn") : row.pupil_name;
        else who = me.is_guardian() ? tr("Alla barn") : tr("Mitt schema och min kalender");
        const std::string detail = trf("Skapad %s", dates::date_time(row.created_at).c_str());
        std::string button = std::string(revoking_ == row.id ? tr("Tar bort …") : tr("Ta bort")) + "##" + row.id;
        if (ui::NamedAction(who, detail, button) && revoking_.empty()) revoke(api, row.id);
    }
}

void CalendarFeedView::draw(ApiClient& api, const Me& me) {
    if (me.pupils.empty()) return;  // staff: no feed
    if (person_ != me.id) {
        *this = CalendarFeedView{};
        person_ = me.id;
    }
    // Each visit to the settings page asks again (links may have gone in another window).
    if (ImGui::GetFrameCount() > last_frame_ + 1) fetch_.refresh();
    last_frame_ = ImGui::GetFrameCount();
    if (fetch_.load == Load::NotStarted) load(api);

    ui::BeginPanel("calendar-feeds");
    ui::Heading(tr("Kalenderprenumeration"));
    ui::Text(tr("Se schemat, skolans kalender, inlämningar och bokade utvecklingssamtal i mobilens kalender. "
                "Länken är personlig: den som har den kan se händelserna, så dela den inte. Ta bort en länk "
                "som inte behövs längre."));
    ui::Space(4);
    if (me.is_guardian() && me.pupils.size() > 1) {
        if (ui::Radio(tr("Alla barn##feedfor"), choice_.empty())) choice_.clear();
        for (const Pupil& p : me.pupils) {
            const std::string label = p.first_name + "##feedfor" + p.id;
            if (ui::Radio(label.c_str(), choice_ == p.id)) choice_ = p.id;
        }
    }
    if (ui::PrimaryButton(creating_ ? tr("Skapar …##feed") : tr("Skapa länk##feed"), !creating_)) create(api);
    if (!error_.empty()) ui::Note(error_, ui::Tone::Error);
    ui::Space(4);
    draw_new_link();
    draw_list(api, me);
    ui::EndPanel();
}

namespace {
const EnglishText kEnglish[] = {
    {"Länken är skapad. Kopiera den nu: den visas bara en gång.", "The link is ready. Copy it now: it is shown only once."},
    {"Kopiera länk", "Copy link"},
    {"Kopierad.", "Copied."},
    {"Lägg till den i mobilens kalender som en prenumererad kalender (i iPhone: Inställningar > Kalender > Konton > "
     "Lägg till konto > Annat; i Google Kalender: Lägg till kalender > Från webbadress).",
     "Add it to your phone's calendar as a subscribed calendar (on an iPhone: Settings > Calendar > Accounts > Add "
     "Account > Other; in Google Calendar: Add calendar > From URL)."},
    {"Dina länkar", "Your links"},
    {"Hämtar …", "Loading …"},
    {"Försök igen", "Try again"},
    {"Du har inga prenumerationslänkar.", "You have no subscription links."},
    {"Ett barn", "A child"},
    {"Alla barn", "All children"},
    {"Mitt schema och min kalender", "My timetable and calendar"},
    {"Skapad %s", "Created %s"},
    {"Tar bort …", "Removing …"},
    {"Ta bort", "Remove"},
    {"Kalenderprenumeration", "Calendar subscription"},
    {"Se schemat, skolans kalender, inlämningar och bokade utvecklingssamtal i mobilens kalender. Länken är "
     "personlig: den som har den kan se händelserna, så dela den inte. Ta bort en länk som inte behövs längre.",
     "See the timetable, the school's calendar, due dates and booked development talks in your phone's calendar. "
     "The link is personal: whoever has it can see the events, so do not share it. Remove a link you no longer "
     "need."},
    {"Skapar …", "Creating …"},
    {"Skapa länk", "Create link"},
};
const EnglishTexts kRegistered(kEnglish);
}  // namespace

}  // namespace app
