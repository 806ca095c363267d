#include "boxes/kontaktlista.hpp"

#include <algorithm>
#include <cfloat>
#include <functional>

#include "app/i18n.hpp"
#include "app/icons.hpp"
#include "app/theme.hpp"
#include "app/ui.hpp"
#include "app/widget_registry.hpp"
#include "imgui.h"
#include "platform/browser.hpp"
#include "platform/frame_scheduler.hpp"

namespace boxes {
namespace {

using app::Json;
using app::tr;
using app::trf;
namespace ui = app::ui;
namespace theme = app::theme;
using app::fonts::Face;

constexpr float kIconColumn = 24.0f;  // icons of detail lines sit in a column of their own
constexpr float kColumnGap = 28.0f;

const char* const kVisibilityPath = "/api/v1/me/contact-visibility";

std::string list_path(const std::string& pupil_id) {
    return "/api/v1/pupils/" + app::url_segment(pupil_id) + "/contacts";
}

ListedGuardian parse_guardian(const Json& j) {
    ListedGuardian g;
    g.id = app::text(j, "id");
    g.name = app::text(j, "name");
    g.email = app::text(j, "email");
    g.phone = app::text(j, "phone");
    g.address = app::text(j, "address");
    g.me = app::flag(j, "me");
    return g;
}

ShownDetails parse_shown(const Json& j) {
    ShownDetails v;
    v.phone = app::flag(j, "phone", false);
    v.email = app::flag(j, "email", true);
    v.address = app::flag(j, "address", false);
    return v;
}

// An address as it may stand in a mailto: URL (RFC 6068): unreserved characters and
// "@" as they are, everything else percent-encoded.
std::string mailto_escape(const std::string& s) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '@' ||
                           c == '.' || c == '-' || c == '_' || c == '~';
        if (plain) out.push_back(static_cast<char>(c));
        else out += {'%', hex[c >> 4], hex[c & 15]};
    }
    return out;
}

// Many guardians at once go as blind copies: nobody's reply-all reaches the whole class.
std::string mailto_all(const std::vector<std::string>& addresses) {
    std::string url = "mailto:?bcc=";
    for (size_t i = 0; i < addresses.size(); ++i) url += (i ? "," : "") + mailto_escape(addresses[i]);
    return url;
}

void pop_utf8_char(std::string& s) {
    while (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0x80) s.pop_back();
    if (!s.empty()) s.pop_back();
}

// An e-mail address as a link: envelope, address in the accent colour, underlined under
// the pointer. A long address on a phone gets the small face, and is cut only if it
// still does not fit (the link still opens the whole address).
bool mail_link(const std::string& address, float width) {
    const float text_room = std::max(40.0f, width - kIconColumn);
    Face face = ui::TextSize(Face::Body, address, FLT_MAX).x > text_room ? Face::Small : Face::Body;
    std::string shown = address;
    if (ui::TextSize(face, shown, FLT_MAX).x > text_room) {
        while (!shown.empty() && ui::TextSize(face, shown + "…", FLT_MAX).x > text_room) pop_utf8_char(shown);
        shown += "…";
    }
    const ImVec2 text_size = ui::TextSize(face, shown, FLT_MAX);
    const float h = ImGui::GetTextLineHeight() + 4;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    app::registry::hint_next("link");
    const bool clicked = ImGui::InvisibleButton((address + "##mail").c_str(), ImVec2(kIconColumn + text_size.x, h));
    const bool hovered = ImGui::IsItemHovered();
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    const ImU32 color = hovered ? theme::colors().accent_hover : theme::colors().accent;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float body_h = ImGui::GetTextLineHeight();
    dl->AddText(ImVec2(pos.x, pos.y + (h - body_h) * 0.5f), color, app::icons::kEnvelope);
    ImGui::PushFont(app::fonts::get(face));
    const ImVec2 text_pos(pos.x + kIconColumn, pos.y + (h - text_size.y) * 0.5f);
    dl->AddText(text_pos, color, shown.c_str());
    ImGui::PopFont();
    if (hovered)
        dl->AddLine(ImVec2(text_pos.x, text_pos.y + text_size.y), ImVec2(text_pos.x + text_size.x, text_pos.y + text_size.y),
                    color, 1.0f);
    if (clicked) platform::request_frames();
    return clicked;
}

// A detail (phone, address): an icon in its column, the text wrapped beside it.
void detail_line(const char* icon, const std::string& text, float width) {
    const float x0 = ImGui::GetCursorPosX();
    const float screen_x0 = ImGui::GetCursorScreenPos().x;
    ui::Text(icon, theme::colors().muted_text);
    // SameLine(x) would count from the group's indent too: place the text by screen x.
    ImGui::SameLine(0, 0);
    ImGui::SetCursorScreenPos(ImVec2(screen_x0 + kIconColumn, ImGui::GetCursorScreenPos().y));
    ImGui::PushTextWrapPos(x0 + width);
    ui::Text(text);
    ImGui::PopTextWrapPos();
}

// A small tag right after the item just drawn ("Du", "Ditt barn"), if it fits the line.
void tag_after_last_item(const char* text, float right_edge) {
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    const float w = ui::TextSize(Face::Small, text, FLT_MAX).x + 16;
    const float right = max.x + 10 + w;
    if (right <= right_edge) ui::Badge(text, ImVec2(right, (min.y + max.y) * 0.5f), false);
}

// Cells laid out in `columns` columns, row by row; each cell gets its width.
void grid(size_t count, int columns, const std::function<void(size_t, float)>& cell) {
    const float avail = ImGui::GetContentRegionAvail().x;
    const float col_w = (avail - kColumnGap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    float row_top = origin.y, row_bottom = origin.y;
    for (size_t i = 0; i < count; ++i) {
        const int c = static_cast<int>(i % static_cast<size_t>(columns));
        if (c == 0 && i > 0) row_top = row_bottom + 12;
        ImGui::SetCursorScreenPos(ImVec2(origin.x + static_cast<float>(c) * (col_w + kColumnGap), row_top));
        ImGui::PushID(static_cast<int>(i));
        ImGui::BeginGroup();
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + col_w);
        cell(i, col_w);
        ImGui::PopTextWrapPos();
        ImGui::EndGroup();
        ImGui::PopID();
        row_bottom = std::max(row_bottom, ImGui::GetItemRectMax().y);
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x, row_bottom));
    ImGui::Dummy(ImVec2(avail, 0));
}

// One guardian: the name, then each detail they show. Without links (the preview of
// the guardian's own entry) the e-mail is plain text.
void draw_guardian(const ListedGuardian& g, float width, bool links) {
    ui::Text(g.name, 0, Face::Strong);
    if (g.me) tag_after_last_item(tr("Du"), ImGui::GetCursorScreenPos().x + width);
    if (!g.email.empty()) {
        if (!links) detail_line(app::icons::kEnvelope, g.email, width);
        else if (mail_link(g.email, width)) platform::open_url("mailto:" + mailto_escape(g.email));
    }
    if (!g.phone.empty()) detail_line(app::icons::kPhone, g.phone, width);
    if (!g.address.empty()) detail_line(app::icons::kHome, g.address, width);
    if (g.email.empty() && g.phone.empty() && g.address.empty())
        ui::Text(tr("Visar inga kontaktuppgifter"), theme::colors().muted_text, Face::Small);
}

void section_heading(const char* text, const std::string& aside) {
    ui::Space(6);
    ui::Heading(text);
    if (!aside.empty()) {
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 6);
        ui::MutedText(aside);
    }
    ui::Space(2);
}

// "ditt namn, din e-post och ditt telefonnummer"
std::string shown_summary(const ShownDetails& v) {
    std::vector<const char*> parts = {tr("ditt namn")};
    if (v.email) parts.push_back(tr("din e-post"));
    if (v.phone) parts.push_back(tr("ditt telefonnummer"));
    if (v.address) parts.push_back(tr("din adress"));
    std::string out;
    for (size_t i = 0; i < parts.size(); ++i) {
        if (i > 0) out += i + 1 == parts.size() ? std::string(" ") + tr("och") + " " : std::string(", ");
        out += parts[i];
    }
    return out;
}

}  // namespace

// --- Data -----------------------------------------------------------------------------

void KontaktlistaBox::load_list(BoxContext& ctx) {
    list_fetch_.start();
    ctx.api.get(list_path(pupil_id_), [this](const app::ApiReply& reply) {
        if (!list_fetch_.succeeded(reply)) {
            list_forbidden_ = reply.status == 403;
            return;
        }
        group_name_ = app::text(app::field(reply.body, "group"), "name");
        school_name_ = app::text(app::field(reply.body, "school"), "name");
        staff_.clear();
        const Json& staff = app::field(reply.body, "staff");
        if (staff.is_array())
            for (const Json& s : staff)
                staff_.push_back({app::text(s, "id"), app::text(s, "name"), app::text(s, "email"), app::text(s, "title"),
                                  app::flag(s, "mentor")});
        // The class teacher (mentor, ansvarig pedagog) first: the one most parents look for.
        std::stable_sort(staff_.begin(), staff_.end(),
                         [](const ListedStaff& a, const ListedStaff& b) { return a.mentor && !b.mentor; });
        pupils_.clear();
        const Json& pupils = app::field(reply.body, "pupils");
        if (pupils.is_array())
            for (const Json& p : pupils) {
                ListedPupil lp{app::text(p, "id"), app::text(p, "name"), {}};
                const Json& guardians = app::field(p, "guardians");
                if (guardians.is_array())
                    for (const Json& g : guardians) lp.guardians.push_back(parse_guardian(g));
                pupils_.push_back(std::move(lp));
            }
        list_fetch_.done();
    });
}

void KontaktlistaBox::load_settings(BoxContext& ctx) {
    settings_fetch_.start();
    ctx.api.get(kVisibilityPath, [this](const app::ApiReply& reply) {
        if (!settings_fetch_.succeeded(reply)) return;
        saved_ = parse_shown(app::field(reply.body, "visibility"));
        if (!saving_) chosen_ = saved_;
        const Json& details = app::field(reply.body, "details");
        my_email_ = app::text(details, "email");
        my_phone_ = app::text(details, "phone");
        my_address_ = app::text(details, "address");
        settings_fetch_.done();
    });
}

void KontaktlistaBox::save_settings(BoxContext& ctx) {
    saving_ = true;
    save_error_.clear();
    save_success_.clear();
    const Json body = {{"phone", chosen_.phone}, {"email", chosen_.email}, {"address", chosen_.address}};
    ctx.api.put(kVisibilityPath, body, [this](const app::ApiReply& reply) {
        saving_ = false;
        if (!reply.ok()) {
            save_error_ = reply.error.message;
            return;
        }
        saved_ = parse_shown(app::field(reply.body, "visibility"));
        chosen_ = saved_;
        save_success_ = trf("Sparat. Andra ser nu %s.", shown_summary(saved_).c_str());
        // The list shows the guardian's own entry as others see it: fetch it again.
        list_fetch_.refresh();
    });
}

void KontaktlistaBox::on_open(BoxContext&) {
    // Every visit starts at the list, fetched afresh; what is known stays on screen meanwhile.
    tab_ = Tab::List;
    list_fetch_.refresh();
    if (settings_fetch_.load != Load::Loading && !saving_) settings_fetch_.load = Load::NotStarted;
    save_error_.clear();
    save_success_.clear();
}

// --- Drawing --------------------------------------------------------------------------

void KontaktlistaBox::draw_tabs(const app::Pupil& pupil) {
    const char* list_label = pupil.school.form == "forskola" ? tr("Barngruppen") : tr("Klasslistan");
    const char* settings_label = tr("Mina kontaktuppgifter");
    if (ui::Tab(list_label, tab_ == Tab::List) && tab_ != Tab::List) {
        tab_ = Tab::List;
        platform::request_frames();
    }
    // Side by side when they fit (tabs use the bolder face: some room to spare); on a
    // narrow phone the second goes below.
    const float room = ImGui::GetContentRegionMax().x + ImGui::GetWindowPos().x - ImGui::GetItemRectMax().x;
    if (room > ui::ButtonWidth(settings_label) + 8 + 24) ImGui::SameLine(0, 8);
    if (ui::Tab(settings_label, tab_ == Tab::Settings) && tab_ != Tab::Settings) {
        tab_ = Tab::Settings;
        platform::request_frames();
    }
}

void KontaktlistaBox::draw_staff(bool narrow) {
    section_heading(tr("Personal"), "");
    if (staff_.empty()) {
        ui::MutedText(tr("Ingen personal är kopplad till gruppen."));
        return;
    }
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(12, 5));
    ui::BeginPanel("##staff");
    grid(staff_.size(), narrow ? 1 : 2, [this](size_t i, float width) {
        const ListedStaff& s = staff_[i];
        ui::Text(s.name, 0, Face::Strong);
        if (!s.title.empty()) {
            ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 4);
            ui::Text(s.title, theme::colors().muted_text, Face::Small);
        }
        if (!s.email.empty() && mail_link(s.email, width)) platform::open_url("mailto:" + mailto_escape(s.email));
    });
    ui::EndPanel();
    ImGui::PopStyleVar();
}

void KontaktlistaBox::draw_pupil(const ListedPupil& p, bool guardian_view, bool narrow) {
    ImGui::PushID(p.id.c_str());
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(12, 5));
    ui::BeginPanel("##pupil");
    const float right_edge = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
    ui::Heading(p.name);
    if (p.id == pupil_id_) tag_after_last_item(guardian_view ? tr("Ditt barn") : tr("Du"), right_edge);
    if (p.guardians.empty()) {
        ui::MutedText(tr("Inga vårdnadshavare visas i listan."));
    } else {
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 2);
        ui::Text(tr("Vårdnadshavare"), theme::colors().muted_text, Face::Small);
        ui::Space(4);
        grid(p.guardians.size(), narrow ? 1 : 2,
             [&p](size_t i, float width) { draw_guardian(p.guardians[i], width, true); });
    }
    ui::EndPanel();
    ImGui::PopStyleVar();
    ImGui::PopID();
    ui::Space(2);
}

void KontaktlistaBox::draw_list(BoxContext& ctx, const app::Pupil& pupil) {
    if (!list_fetch_.loaded_once) {
        if (ui::LoadingOrError(list_fetch_.failed(), list_fetch_.error, tr("Hämtar kontaktlistan …"), !list_forbidden_))
            load_list(ctx);
        return;
    }
    if (list_fetch_.failed()) {
        if (ui::ErrorAndRetry(list_fetch_.error)) load_list(ctx);
        ui::Space(4);
    }
    const bool preschool = pupil.school.form == "forskola";
    const bool guardian = ctx.me.is_guardian();
    const bool narrow = ImGui::GetContentRegionAvail().x < 560.0f;

    ui::MutedText(std::string(preschool ? trf("Kontaktlistan för %s på %s.", group_name_.c_str(), school_name_.c_str())
                                        : trf("Klasslistan för %s på %s.", group_name_.c_str(), school_name_.c_str())) +
                  " " + tr("Vårdnadshavarna väljer själva vilka av sina kontaktuppgifter som visas här."));

    draw_staff(narrow);

    // Everyone else's guardian addresses, once each, for "E-posta alla vårdnadshavare".
    std::vector<std::string> addresses;
    if (guardian)
        for (const ListedPupil& p : pupils_)
            for (const ListedGuardian& g : p.guardians)
                if (!g.me && !g.email.empty() && std::find(addresses.begin(), addresses.end(), g.email) == addresses.end())
                    addresses.push_back(g.email);

    const int n = static_cast<int>(pupils_.size());
    ui::Space(6);
    const float heading_y = ImGui::GetCursorPosY();
    ui::Heading(preschool ? tr("Barn och vårdnadshavare") : tr("Elever och vårdnadshavare"));
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 6);
    ui::MutedText(preschool ? (n == 1 ? std::string(tr("1 barn")) : trf("%d barn", n))
                            : (n == 1 ? std::string(tr("1 elev")) : trf("%d elever", n)));
    if (!addresses.empty()) {
        // Wide: at the right of the heading; narrow: under it.
        const std::string label = std::string(app::icons::kEnvelope) + "  " + tr("E-posta alla vårdnadshavare");
        const std::string note = trf("%d adresser, som hemlig kopia", static_cast<int>(addresses.size()));
        const float below_heading = ImGui::GetCursorPosY();
        const float right = ImGui::GetContentRegionMax().x;
        if (!narrow) ImGui::SetCursorPos(ImVec2(right - ui::ButtonWidth(label.c_str()), heading_y));
        if (ui::SecondaryButton(label.c_str())) platform::open_url(mailto_all(addresses));
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 8);
        if (!narrow) ImGui::SetCursorPosX(right - ui::TextSize(Face::Small, note, FLT_MAX).x);
        ui::Text(note, theme::colors().muted_text, Face::Small);
        ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY(), below_heading));
    }
    ui::Space(2);
    if (pupils_.empty()) {
        ui::MutedText(preschool ? tr("Det finns inga barn i gruppen.") : tr("Det finns inga elever i klassen."));
        return;
    }
    for (const ListedPupil& p : pupils_) draw_pupil(p, guardian, narrow);
}

void KontaktlistaBox::draw_settings(BoxContext& ctx) {
    if (!settings_fetch_.loaded_once) {
        if (ui::LoadingOrError(settings_fetch_.failed(), settings_fetch_.error,
                               tr("Hämtar dina val …"), true, tr("Försök igen##settings")))
            load_settings(ctx);
        return;
    }
    ui::MutedText(tr("Välj vilka av dina kontaktuppgifter som andra vårdnadshavare, elever och personal ser i kontaktlistan. Ditt namn visas alltid. Valet gäller i alla klasser och barngrupper där dina barn går."));
    ui::Space(4);

    ui::BeginPanel("##settings");
    ui::Text(tr("Visa i kontaktlistan"), 0, Face::Strong);
    ui::Space(2);
    struct Row {
        const char* label;
        bool* value;
        const std::string* detail;
        const char* missing;
    };
    const Row rows[] = {
        {tr("E-post"), &chosen_.email, &my_email_, tr("Skolan har ingen e-postadress till dig.")},
        {tr("Telefon"), &chosen_.phone, &my_phone_, tr("Skolan har inget telefonnummer till dig.")},
        {tr("Adress"), &chosen_.address, &my_address_, tr("Skolan har ingen adress till dig.")},
    };
    // The details stand in one column after the widest label (ui::Checkbox's layout).
    const ImGuiStyle& style = ImGui::GetStyle();
    float label_column = 0;
    for (const Row& r : rows)
        label_column = std::max(label_column, style.FramePadding.x * 2 + ImGui::GetFontSize() * 0.95f +
                                                  style.ItemInnerSpacing.x + ImGui::CalcTextSize(r.label).x);
    // Beside the labels when every detail fits there (one look for all three), else under.
    const float room = ImGui::GetContentRegionAvail().x - label_column - 8;
    bool beside = true;
    for (const Row& r : rows)
        beside = beside && ui::TextSize(Face::Body, r.detail->empty() ? r.missing : *r.detail, FLT_MAX).x <= room;
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(12, 4));
    for (const Row& r : rows) {
        if (ui::Checkbox(r.label, r.value, !saving_)) {
            save_success_.clear();
            save_error_.clear();
        }
        const std::string detail = r.detail->empty() ? std::string(r.missing) : *r.detail;
        const ImVec2 box_min = ImGui::GetItemRectMin();
        const ImU32 color = theme::colors().muted_text;
        if (beside) {
            ImGui::SameLine(0, 0);
            ImGui::SetCursorScreenPos(ImVec2(box_min.x + label_column + 8, box_min.y + style.FramePadding.y));
            ui::Text(detail, color);
        } else {
            ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 8);
            ImGui::SetCursorPosX(ImGui::GetCursorPosX() + style.FramePadding.x + ImGui::GetFontSize() * 0.95f +
                                 style.ItemInnerSpacing.x);
            ui::Text(detail, color);
            ui::Space(2);
        }
    }
    ImGui::PopStyleVar();
    ui::Divider();
    const bool changed = chosen_ != saved_;
    if (ui::PrimaryButton(tr("Spara"), changed && !saving_)) save_settings(ctx);
    ImGui::SameLine();
    if (ui::SecondaryButton(tr("Ångra ändringarna"), changed && !saving_)) {
        chosen_ = saved_;
        save_error_.clear();
    }
    if (saving_) {
        if (ImGui::GetContentRegionAvail().x > 120) ImGui::SameLine(0, 16);
        ui::Loading(tr("Sparar …"));
    }
    if (!save_error_.empty()) {
        ui::Space(2);
        if (ui::ErrorAndRetry(trf("Dina val kunde inte sparas: %s", save_error_.c_str()), true, tr("Försök igen##save")) &&
            !saving_)
            save_settings(ctx);
    } else if (!save_success_.empty()) {
        ui::Space(2);
        ui::Note(save_success_, ui::Tone::Success);
    } else if (changed && !saving_) {
        ui::Text(tr("Du har ändringar som inte är sparade."), theme::colors().warning_text, Face::Small);
    }
    ui::EndPanel();

    // What the others will see with the boxes as they are ticked now.
    section_heading(changed ? tr("Så här visas du för andra när du har sparat") : tr("Så här visas du för andra"), "");
    ListedGuardian preview;
    preview.name = ctx.me.name;
    if (chosen_.email) preview.email = my_email_;
    if (chosen_.phone) preview.phone = my_phone_;
    if (chosen_.address) preview.address = my_address_;
    ui::BeginPanel("##preview");
    draw_guardian(preview, ImGui::GetContentRegionAvail().x, false);
    ui::EndPanel();
}

void KontaktlistaBox::draw_full_view(BoxContext& ctx, const app::Pupil& pupil) {
    const bool guardian = ctx.me.is_guardian();
    if (list_fetch_.load == Load::NotStarted) load_list(ctx);
    // Only guardians choose what others see (the server refuses everyone else).
    if (guardian && settings_fetch_.load == Load::NotStarted) load_settings(ctx);
    if (!guardian) tab_ = Tab::List;
    if (guardian) {
        draw_tabs(pupil);
        ui::Space(6);
    }
    if (tab_ == Tab::Settings) draw_settings(ctx);
    else draw_list(ctx, pupil);
}

namespace {

const app::EnglishText kEnglish[] = {
    {"Du", "You"},
    {"Ditt barn", "Your child"},
    {"Visar inga kontaktuppgifter", "Shows no contact details"},
    {"ditt namn", "your name"},
    {"din e-post", "your e-mail"},
    {"ditt telefonnummer", "your phone number"},
    {"din adress", "your address"},
    {"och", "and"},
    {"Sparat. Andra ser nu %s.", "Saved. Others now see %s."},
    {"Barngruppen", "The group"},
    {"Klasslistan", "Class list"},
    {"Mina kontaktuppgifter", "My contact details"},
    {"Personal", "Staff"},
    {"Ingen personal är kopplad till gruppen.", "No staff are linked to the group."},
    {"Inga vårdnadshavare visas i listan.", "No guardians are shown in the list."},
    {"Vårdnadshavare", "Guardians"},
    {"Försök igen", "Try again"},
    {"Hämtar kontaktlistan …", "Fetching the contact list …"},
    {"Kontaktlistan för %s på %s.", "The contact list of %s at %s."},
    {"Klasslistan för %s på %s.", "The class list of %s at %s."},
    {"Vårdnadshavarna väljer själva vilka av sina kontaktuppgifter som visas här.",
     "Each guardian chooses which of their contact details are shown here."},
    {"E-posta alla vårdnadshavare", "E-mail all guardians"},
    {"%d adresser, som hemlig kopia", "%d addresses, as blind copies"},
    {"Barn och vårdnadshavare", "Children and guardians"},
    {"Elever och vårdnadshavare", "Pupils and guardians"},
    {"1 barn", "1 child"},
    {"%d barn", "%d children"},
    {"1 elev", "1 pupil"},
    {"%d elever", "%d pupils"},
    {"Det finns inga barn i gruppen.", "There are no children in the group."},
    {"Det finns inga elever i klassen.", "There are no pupils in the class."},
    {"Hämtar dina val …", "Fetching your choices …"},
    {"Välj vilka av dina kontaktuppgifter som andra vårdnadshavare, elever och personal ser i kontaktlistan. Ditt namn visas alltid. Valet gäller i alla klasser och barngrupper där dina barn går.",
     "Choose which of your contact details other guardians, pupils and staff see in the contact list. Your name is always shown. The choice applies to every class and group your children are in."},
    {"Visa i kontaktlistan", "Show in the contact list"},
    {"E-post", "E-mail"},
    {"Telefon", "Phone"},
    {"Adress", "Address"},
    {"Skolan har ingen e-postadress till dig.", "The school has no e-mail address for you."},
    {"Skolan har inget telefonnummer till dig.", "The school has no phone number for you."},
    {"Skolan har ingen adress till dig.", "The school has no address for you."},
    {"Spara", "Save"},
    {"Ångra ändringarna", "Undo the changes"},
    {"Sparar …", "Saving …"},
    {"Dina val kunde inte sparas: %s", "Your choices could not be saved: %s"},
    {"Du har ändringar som inte är sparade.", "You have changes that are not saved."},
    {"Så här visas du för andra när du har sparat", "How others will see you once you save"},
    {"Så här visas du för andra", "How others see you"},
};
const app::EnglishTexts kRegistered(kEnglish);

}  // namespace

}  // namespace boxes
