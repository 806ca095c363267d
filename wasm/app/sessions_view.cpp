#include "app/sessions_view.hpp"

#include <cstring>
#include <ctime>

#include "app/i18n.hpp"
#include "app/swedish_dates.hpp"
#include "app/ui.hpp"
#include "imgui.h"

namespace app {

namespace {
constexpr const char* kSessions = "/api/v1/sessions";
constexpr size_t kMinPasswordChars = 8;  // as the server requires

size_t utf8_chars(const char* s) {
    size_t n = 0;
    for (; *s; ++s)
        if ((static_cast<unsigned char>(*s) & 0xC0) != 0x80) ++n;
    return n;
}
}  // namespace

void SessionsView::load(ApiClient& api) {
    fetch_.start();
    api.get(kSessions, [this](const ApiReply& reply) {
        if (!fetch_.succeeded(reply)) return;
        rows_.clear();
        const Json& list = field(reply.body, "sessions");
        if (list.is_array())
            for (const Json& s : list)
                rows_.push_back({text(s, "id"), text(s, "device"), text(s, "last_used_at"), text(s, "created_at"),
                                 flag(s, "current")});
        const Json& idle = field(reply.body, "idle_days");
        idle_days_ = idle.is_number_integer() ? idle.get<int>() : 0;
        fetch_.done();
    });
}

void SessionsView::end_one(ApiClient& api, const std::string& id) {
    ending_ = id;
    error_.clear();
    note_.clear();
    api.del(std::string(kSessions) + "/" + url_segment(id), [this, id](const ApiReply& reply) {
        ending_.clear();
        // 404: it ended already (signed out there, or timed out); either way it is gone.
        if (!reply.ok() && reply.status != 404) {
            error_ = reply.error.message;
            return;
        }
        std::erase_if(rows_, [&](const Row& r) { return r.id == id; });
        note_ = tr("Den enheten är utloggad.");
    });
}

void SessionsView::end_all(ApiClient& api, bool include_current, const std::function<void()>& signed_out_here) {
    ending_ = include_current ? "**" : "*";
    error_.clear();
    note_.clear();
    const std::string path = std::string(kSessions) + (include_current ? "?include_current=true" : "");
    api.del(path, [this, include_current, signed_out_here](const ApiReply& reply) {
        ending_.clear();
        if (!reply.ok()) {
            error_ = reply.error.message;
            return;
        }
        if (include_current) {
            signed_out_here();
            return;
        }
        std::erase_if(rows_, [](const Row& r) { return !r.current; });
        note_ = tr("Du är utloggad på alla andra enheter.");
    });
}

void SessionsView::change_password(ApiClient& api) {
    password_error_.clear();
    password_note_.clear();
    if (!*current_) {
        password_error_ = tr("Skriv ditt nuvarande lösenord.");
        return;
    }
    if (utf8_chars(fresh_) < kMinPasswordChars) {
        password_error_ = tr("Det nya lösenordet måste ha minst 8 tecken.");
        return;
    }
    if (std::strcmp(fresh_, again_) != 0) {
        password_error_ = tr("De två nya lösenorden är inte lika. Skriv samma lösenord i båda fälten.");
        return;
    }
    saving_ = true;
    api.put("/api/v1/me/password", Json{{"current_password", current_}, {"new_password", fresh_}},
            [this, &api](const ApiReply& reply) {
                saving_ = false;
                if (!reply.ok()) {
                    password_error_ = reply.error.message;
                    if (reply.error.field == "current_password") current_[0] = '\0';
                    return;
                }
                current_[0] = fresh_[0] = again_[0] = '\0';
                password_note_ = tr("Lösenordet är bytt. Du är utloggad på alla andra enheter.");
                fetch_.refresh();
                load(api);
            });
}

void SessionsView::draw_sessions(ApiClient& api, const std::function<void()>& signed_out_here) {
    ui::BeginPanel("sessions");
    ui::Heading(tr("Inloggningar"));
    if (idle_days_ > 0)
        ui::Text(trf("Här är de webbläsare där du är inloggad. En inloggning som inte används på %d dagar avslutas av sig "
                     "själv. Logga ut en enhet du inte känner igen och byt lösenord.",
                     idle_days_));
    ui::Space(4);
    if (!fetch_.loaded_once) {
        if (ui::LoadingOrError(fetch_.failed(), fetch_.error, tr("Hämtar …"), true, tr("Försök igen##sessions"))) load(api);
        ui::EndPanel();
        return;
    }
    const long long now = static_cast<long long>(std::time(nullptr));
    bool others = false;
    for (const Row& row : rows_) {
        if (row.current) {  // no "Logga ut" of its own: the header has one
            ui::Text(row.device);
            ui::MutedText(trf("Den här enheten · inloggad %s", dates::date_time(row.created_at).c_str()));
            ui::Space(4);
            continue;
        }
        others = true;
        const std::string detail = trf("Senast använd %s", dates::relative(row.last_used_at, now).c_str());
        const std::string button = std::string(ending_ == row.id ? tr("Loggar ut …") : tr("Logga ut")) + "##" + row.id;
        if (ui::NamedAction(row.device, detail, button) && ending_.empty()) end_one(api, row.id);
    }
    if (!others) ui::MutedText(tr("Du är inte inloggad någon annanstans."));
    ui::Space(4);
    if (others &&
        ui::SecondaryButton(ending_ == "*" ? tr("Loggar ut …##others") : tr("Logga ut på alla andra enheter"), ending_.empty()))
        end_all(api, false, signed_out_here);
    if (ui::SecondaryButton(ending_ == "**" ? tr("Loggar ut …##everywhere") : tr("Logga ut överallt (även här)"),
                            ending_.empty()))
        end_all(api, true, signed_out_here);
    if (!note_.empty()) ui::Note(note_, ui::Tone::Success);
    if (!error_.empty()) ui::Note(error_, ui::Tone::Error);
    ui::EndPanel();
}

void SessionsView::draw_password(ApiClient& api) {
    ui::BeginPanel("password");
    ui::Heading(tr("Byt lösenord"));
    ui::MutedText(tr("När lösenordet är bytt loggas du ut på alla andra enheter."));
    bool enter = ui::InputField(tr("Nuvarande lösenord"), current_, sizeof(current_), /*password=*/true);
    enter |= ui::InputField(tr("Nytt lösenord (minst 8 tecken)"), fresh_, sizeof(fresh_), /*password=*/true);
    enter |= ui::InputField(tr("Nytt lösenord igen"), again_, sizeof(again_), /*password=*/true);
    ui::Space(4);
    if ((ui::PrimaryButton(saving_ ? tr("Sparar …##password") : tr("Byt lösenord##save"), !saving_) || enter) && !saving_)
        change_password(api);
    if (!password_error_.empty()) ui::Note(password_error_, ui::Tone::Error);
    if (!password_note_.empty()) ui::Note(password_note_, ui::Tone::Success);
    ui::EndPanel();
}

void SessionsView::draw(ApiClient& api, const Me& me, const std::function<void()>& signed_out_here) {
    if (person_ != me.id) {
        *this = SessionsView{};
        person_ = me.id;
    }
    // Each visit to the settings page asks again (sessions come and go elsewhere).
    if (ImGui::GetFrameCount() > last_frame_ + 1) fetch_.refresh();
    last_frame_ = ImGui::GetFrameCount();
    if (fetch_.load == Load::NotStarted) load(api);
    draw_sessions(api, signed_out_here);
    ui::Space(8);
    draw_password(api);
}

namespace {
const EnglishText kEnglish[] = {
    {"Den enheten är utloggad.", "That device is signed out."},
    {"Du är utloggad på alla andra enheter.", "You are signed out on all other devices."},
    {"Skriv ditt nuvarande lösenord.", "Enter your current password."},
    {"Det nya lösenordet måste ha minst 8 tecken.", "The new password must have at least 8 characters."},
    {"De två nya lösenorden är inte lika. Skriv samma lösenord i båda fälten.",
     "The two new passwords differ. Enter the same password in both fields."},
    {"Lösenordet är bytt. Du är utloggad på alla andra enheter.",
     "Your password is changed. You are signed out on all other devices."},
    {"Inloggningar", "Sign-ins"},
    {"Här är de webbläsare där du är inloggad. En inloggning som inte används på %d dagar avslutas av sig själv. "
     "Logga ut en enhet du inte känner igen och byt lösenord.",
     "These are the browsers where you are signed in. A sign-in unused for %d days ends by itself. Sign out a device "
     "you do not recognise and change your password."},
    {"Hämtar …", "Loading …"},
    {"Försök igen", "Try again"},
    {"Den här enheten · inloggad %s", "This device · signed in %s"},
    {"Senast använd %s", "Last used %s"},
    {"Loggar ut …", "Signing out …"},
    {"Logga ut", "Sign out"},
    {"Du är inte inloggad någon annanstans.", "You are not signed in anywhere else."},
    {"Logga ut på alla andra enheter", "Sign out on all other devices"},
    {"Logga ut överallt (även här)", "Sign out everywhere (here too)"},
    {"Byt lösenord", "Change password"},
    {"När lösenordet är bytt loggas du ut på alla andra enheter.",
     "When the password is changed, you are signed out on all other devices."},
    {"Nuvarande lösenord", "Current password"},
    {"Nytt lösenord (minst 8 tecken)", "New password (at least 8 characters)"},
    {"Nytt lösenord igen", "New password again"},
    {"Sparar …", "Saving …"},
};
const EnglishTexts kRegistered(kEnglish);
}  // namespace

}  // namespace app
