// Uppgifter's full view: the list of the pupil's assignments by status, one assignment
// with the teacher's files, the hand-in (and its form) and the thread with the teacher.
#include "app/selectable_text.hpp"
#include "app/text_area.hpp"
#include "boxes/uppgifter.hpp"

#include <algorithm>
#include <cfloat>
#include <cstdint>
#include <cstdio>

#include "app/i18n.hpp"
#include "app/icons.hpp"
#include "app/swedish_dates.hpp"
#include "app/theme.hpp"
#include "app/ui.hpp"
#include "app/widget_registry.hpp"
#include "imgui.h"
#include "platform/browser.hpp"
#include "platform/file_picker.hpp"

namespace boxes {
namespace {

using app::Json;
using app::N_;
using app::tr;
using app::trf;
namespace ui = app::ui;
namespace theme = app::theme;
namespace icons = app::icons;
using app::fonts::Face;

// The server's limits (core/boxes/assignments.hpp, core/boxes/attachments.hpp).
constexpr size_t kMessageMaxChars = 4000;
constexpr size_t kHandInTextMaxChars = 10000;
constexpr long long kFileMaxBytes = 10 * 1024 * 1024;
// Files a little over the limit are still sent, so the server's own word refuses them;
// far larger ones are not even read into memory.
constexpr long long kReadMaxBytes = kFileMaxBytes + 64 * 1024;

AssignmentFile parse_file(const Json& f) {
    const Json& size = app::field(f, "size");
    return {app::text(f, "id"), app::text(f, "filename"), app::text(f, "url"),
            size.is_number_integer() ? size.get<long long>() : 0};
}

std::vector<AssignmentFile> parse_files(const Json& list) {
    std::vector<AssignmentFile> files;
    if (list.is_array())
        for (const Json& f : list) {
            AssignmentFile file = parse_file(f);
            if (!file.url.empty()) files.push_back(std::move(file));
        }
    return files;
}

AssignmentMessage parse_message(const Json& j) {
    AssignmentMessage m;
    m.id = app::text(j, "id");
    m.author = app::text(app::field(j, "author"), "name");
    m.text = app::text(j, "text");
    m.sent_at = app::text(j, "sent_at");
    m.from_pupil = app::text(j, "from") == "pupil";
    return m;
}

Assignment parse_assignment(const Json& j) {
    Assignment a;
    a.id = app::text(j, "id");
    a.title = app::text(j, "title");
    a.description = app::text(j, "description");
    a.group = app::text(app::field(j, "group"), "name");
    a.teacher = app::text(app::field(j, "created_by"), "name");
    a.due_at = app::text(j, "due_at");
    a.status = app::text(j, "status");
    a.overdue = app::flag(j, "overdue");
    a.files = parse_files(app::field(j, "attachments"));
    const Json& h = app::field(j, "hand_in");
    a.has_hand_in = h.is_object();
    if (a.has_hand_in) {
        a.hand_in.text = app::text(h, "text");
        a.hand_in.handed_in_at = app::text(h, "handed_in_at");
        a.hand_in.late = app::flag(h, "late");
        a.hand_in.returned = app::flag(h, "returned");
        a.hand_in.feedback = app::text(h, "feedback");
        a.hand_in.returned_by = app::text(app::field(h, "returned_by"), "name");
        a.hand_in.returned_at = app::text(h, "returned_at");
        a.hand_in.files = parse_files(app::field(h, "attachments"));
    }
    const Json& count = app::field(j, "message_count");
    a.message_count = count.is_number_integer() ? count.get<int>() : 0;
    const Json& messages = app::field(j, "messages");
    if (messages.is_array()) {
        for (const Json& m : messages) a.messages.push_back(parse_message(m));
        a.message_count = static_cast<int>(a.messages.size());
    }
    a.can_write = app::flag(j, "can_write");
    a.can_hand_in = app::flag(j, "can_hand_in");
    return a;
}

std::string list_path(const std::string& pupil_id) {
    return "/api/v1/pupils/" + app::url_segment(pupil_id) + "/assignments";
}

bool is_handed_in(const Assignment& a) { return a.status == "handed_in" || a.status == "late"; }

// "fredag 4 december kl. 16:00"
std::string long_date_time(const std::string& iso) {
    std::string out = app::dates::long_day(iso);
    if (iso.size() >= 16 && iso[10] == 'T') out += " kl. " + iso.substr(11, 5);
    return out;
}

// What is left to do, in words with an icon (never by colour alone).
struct StatusLook {
    const char* label;  // N_(): translated when drawn
    const char* icon;
    ImU32 fill, text;
};

StatusLook status_look(const Assignment& a) {
    const theme::Palette& c = theme::colors();
    if (a.status == "returned") return {N_("Bedömd"), icons::kSuccess, c.accent_soft, c.accent};
    if (a.status == "late") return {N_("Inlämnad för sent"), icons::kClock, c.warning_soft, c.warning_text};
    if (a.status == "handed_in") return {N_("Inlämnad"), icons::kSuccess, c.success_soft, c.success_text};
    if (a.overdue) return {N_("Försenad, inte inlämnad"), icons::kWarning, c.error_soft, c.error_text};
    return {N_("Att göra"), icons::kClock, c.info_soft, c.text};
}

// The line beside the status: when it is due, or when it was handed in or assessed.
std::string status_line(const Assignment& a, bool long_form) {
    auto when = [&](const std::string& iso) { return long_form ? long_date_time(iso) : app::dates::date_time(iso); };
    if (a.status == "returned" && !a.hand_in.returned_at.empty())
        return trf("Återlämnad %s", when(a.hand_in.returned_at).c_str());
    if (is_handed_in(a) && !a.hand_in.handed_in_at.empty())
        return trf("Lämnades in %s", when(a.hand_in.handed_in_at).c_str());
    if (a.overdue) return trf("Skulle ha lämnats in senast %s", when(a.due_at).c_str());
    return trf("Lämnas in senast %s", when(a.due_at).c_str());
}

ImVec2 tag_size(const StatusLook& s) {
    const std::string text = std::string(s.icon) + "  " + tr(s.label);
    const ImVec2 t = ui::TextSize(Face::Small, text, FLT_MAX);
    return ImVec2(t.x + 20, t.y + 8);
}

// A status tag "[icon] Inlämnad" at `pos` (screen), registered as text.
void draw_tag(const StatusLook& s, ImVec2 pos) {
    const std::string label = tr(s.label);
    const std::string text = std::string(s.icon) + "  " + label;
    const ImVec2 size = tag_size(s);
    const ImVec2 max(pos.x + size.x, pos.y + size.y);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, max, s.fill, size.y * 0.5f);
    ImGui::PushFont(app::fonts::get(Face::Small));
    dl->AddText(ImVec2(pos.x + 10, pos.y + 4), s.text, text.c_str());
    ImGui::PopFont();
    app::registry::add_text(label, pos, max);
}

// The tag and the status line: side by side where they fit, else the line below.
// Returns the height used; draws nothing when `draw` is false (measuring).
float status_row(const Assignment& a, ImVec2 pos, float width, bool long_form, bool draw) {
    const StatusLook look = status_look(a);
    const ImVec2 tag = tag_size(look);
    const std::string line = status_line(a, long_form);
    const Face face = long_form ? Face::Body : Face::Small;
    const ImVec2 one_line = ui::TextSize(face, line, FLT_MAX);
    const bool beside = tag.x + 10 + one_line.x <= width;
    const float line_w = beside ? width - tag.x - 10 : width;
    const ImVec2 text = ui::TextSize(face, line, line_w);
    if (draw) {
        draw_tag(look, pos);
        const ImU32 color = a.overdue ? theme::colors().error_text : theme::colors().muted_text;
        if (beside)
            ui::TextAt(ImVec2(pos.x + tag.x + 10, pos.y + (tag.y - text.y) * 0.5f), line_w, line, color, face);
        else
            ui::TextAt(ImVec2(pos.x, pos.y + tag.y + 6), line_w, line, color, face);
    }
    return beside ? std::max(tag.y, text.y) : tag.y + 6 + text.y;
}

// "Elsas", "Lars" (Swedish genitive); "Elsa's" in English.
std::string genitive(const std::string& name) {
    if (app::language() == app::Language::English) return name + "'s";
    const char last = name.empty() ? 0 : name.back();
    return last == 's' || last == 'x' || last == 'z' ? name : name + "s";
}

// "7A · Lena Forsberg"
std::string group_and_teacher(const Assignment& a) {
    std::string s = a.group;
    if (!a.teacher.empty()) s += (s.empty() ? "" : " · ") + a.teacher;
    return s;
}

std::string messages_text(int n) {
    if (n == 1) return tr("1 meddelande");
    return trf("%d meddelanden", n);
}

std::string files_text(size_t n) {
    if (n == 1) return tr("1 fil från läraren");
    return trf("%d filer från läraren", static_cast<int>(n));
}

size_t utf8_chars(const char* s) {
    size_t n = 0;
    for (; *s; ++s)
        if ((static_cast<unsigned char>(*s) & 0xC0) != 0x80) ++n;
    return n;
}

bool blank(const char* s) {
    for (; *s; ++s)
        if (*s != ' ' && *s != '\n' && *s != '\r' && *s != '\t') return false;
    return true;
}

// The Content-Type to upload a picked file with. The server checks it against the
// content and reads every text file as text/plain (.csv, .md, …); other types go as the
// browser named them, and the server refuses what it does not take.
std::string upload_type(const std::string& browser_type) {
    if (browser_type.rfind("text/", 0) == 0) return "text/plain";
    return browser_type.empty() ? "application/octet-stream" : browser_type;
}

void section_heading(const std::string& text) {
    ui::Space(6);
    ui::Text(text, 0, Face::Strong);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 4);
}

// A file with its size and "Öppna" (downloads through the browser, with the session).
void file_row(const AssignmentFile& file, size_t index) {
    ImGui::PushID(static_cast<int>(index));
    const std::string open_label = std::string(icons::kDownload) + "  " + tr("Öppna##file");
    const std::string name = file.filename.empty() ? trf("Fil %d", static_cast<int>(index + 1)) : file.filename;
    if (ui::LinkRow(name, ui::FileSize(file.size), open_label, file.url)) platform::open_url(file.url);
    ImGui::PopID();
}

}  // namespace

// --- Data -----------------------------------------------------------------------------

void UppgifterBox::load(BoxContext& ctx) {
    load_ = Load::Loading;
    load_error_.clear();
    ctx.api.get(list_path(pupil_id_), [this](const app::ApiReply& reply) {
        if (!reply.ok()) {
            load_ = Load::Failed;
            load_error_ = reply.error.message;
            return;
        }
        assignments_.clear();
        can_write_ = app::flag(reply.body, "can_write");
        const Json& list = app::field(reply.body, "assignments");
        if (list.is_array())
            for (const Json& j : list) assignments_.push_back(parse_assignment(j));
        load_ = Load::Ready;
        loaded_once_ = true;
    });
}

void UppgifterBox::update_in_list(const Assignment& a) {
    for (Assignment& x : assignments_)
        if (x.id == a.id) {
            x = a;
            x.messages.clear();  // the list keeps counts, not threads
        }
}

void UppgifterBox::open_assignment(const Assignment& a) {
    // The list carries the assignment: show it at once; the fetch brings its thread.
    list_scroll_ = ui::PageScrollY();
    scroll_to_ = 0;
    scroll_pending_ = true;
    open_id_ = a.id;
    open_ = a;
    open_.can_write = false;  // until the server says so for this assignment
    open_.can_hand_in = false;
    open_gone_ = false;
    message_[0] = 0;
    message_error_.clear();
    message_success_.clear();
    reset_hand_in_form();
    hand_in_success_.clear();
    fetch_assignment();
}

void UppgifterBox::fetch_assignment() {
    open_load_ = Load::Loading;
    open_error_.clear();
    const std::string id = open_id_;
    api_->get(list_path(pupil_id_) + "/" + app::url_segment(id), [this, id](const app::ApiReply& reply) {
        if (!reply.ok()) {
            if (reply.status == 404)
                assignments_.erase(std::remove_if(assignments_.begin(), assignments_.end(),
                                                  [&](const Assignment& a) { return a.id == id; }),
                                   assignments_.end());
            if (open_id_ != id) return;
            open_load_ = Load::Failed;
            open_gone_ = reply.status == 404;
            open_error_ = open_gone_ ? tr("Uppgiften finns inte längre. Läraren kan ha tagit bort den.")
                                     : reply.error.message;
            return;
        }
        Assignment fresh = parse_assignment(app::field(reply.body, "assignment"));
        update_in_list(fresh);
        if (open_id_ != id) return;
        open_ = std::move(fresh);
        open_load_ = Load::Ready;
    });
}

void UppgifterBox::close_assignment() {
    open_id_.clear();
    open_ = Assignment{};
    open_error_.clear();
    open_gone_ = false;
    open_load_ = Load::NotStarted;
    message_[0] = 0;
    message_error_.clear();
    message_success_.clear();
    reset_hand_in_form();
    hand_in_success_.clear();
    scroll_to_ = list_scroll_;
    scroll_pending_ = true;
    // The teacher may have answered or assessed meanwhile: the list is fetched afresh,
    // and what is known stays on screen until it comes.
    if (load_ != Load::Loading) load_ = Load::NotStarted;
}

void UppgifterBox::send_message(BoxContext& ctx) {
    message_error_.clear();
    message_success_.clear();
    if (blank(message_)) {
        message_error_ = tr("Skriv något i meddelandet innan du skickar det.");
        return;
    }
    if (utf8_chars(message_) > kMessageMaxChars) {
        message_error_ = trf("Meddelandet är för långt: det får vara högst %d tecken, och ditt är %d tecken.",
                             static_cast<int>(kMessageMaxChars), static_cast<int>(utf8_chars(message_)));
        return;
    }
    sending_message_ = true;
    const std::string id = open_id_;
    Json body = {{"text", std::string(message_)}};
    ctx.api.post(list_path(pupil_id_) + "/" + app::url_segment(id) + "/messages", body,
                 [this, id](const app::ApiReply& reply) {
                     sending_message_ = false;
                     if (open_id_ != id) return;
                     if (!reply.ok()) {
                         message_error_ = reply.error.message;
                         return;
                     }
                     open_.messages.push_back(parse_message(app::field(reply.body, "message")));
                     open_.message_count = static_cast<int>(open_.messages.size());
                     update_in_list(open_);
                     message_[0] = 0;
                     message_success_ = tr("Ditt meddelande är skickat. Läraren får veta att du har skrivit.");
                 });
}

void UppgifterBox::reset_hand_in_form() {
    form_open_ = false;
    draft_files_.clear();
    hand_in_text_[0] = 0;
    if (upload_id_ && api_) api_->cancel_upload(upload_id_);  // leaving the form stops its upload
    upload_id_ = 0;
    step_ = HandInStep::Idle;
    step_file_.clear();
    hand_in_error_.clear();
    hand_in_note_.clear();
}

void UppgifterBox::start_hand_in_again() {
    // A new hand-in replaces the earlier one: start from its text and files.
    reset_hand_in_form();
    form_open_ = true;
    hand_in_success_.clear();
    const AssignmentHandIn& h = open_.hand_in;
    std::snprintf(hand_in_text_, sizeof(hand_in_text_), "%s", h.text.c_str());
    for (const AssignmentFile& f : h.files) {
        HandInDraftFile d;
        d.name = f.filename;
        d.size = f.size;
        d.attachment_id = f.id;
        d.kept = true;
        draft_files_.push_back(std::move(d));
    }
}

void UppgifterBox::choose_file() {
    hand_in_error_.clear();
    hand_in_success_.clear();
    std::weak_ptr<int> alive = alive_;
    const std::string id = open_id_;
    platform::pick_file(kReadMaxBytes, [this, alive, id](platform::PickedFile file) {
        if (alive.expired() || open_id_ != id || step_ != HandInStep::Idle) return;
        using Read = platform::PickedFile::Read;
        if (file.read == Read::TooLarge) {
            hand_in_error_ = trf("%s: Filen är större än 10 MB (den är %s).", file.name.c_str(),
                                 ui::FileSize(file.size).c_str());
            return;
        }
        if (file.read == Read::Failed) {
            hand_in_error_ = trf("%s: Filen kunde inte läsas. Välj den igen.", file.name.c_str());
            return;
        }
        HandInDraftFile d;
        d.name = file.name;
        d.type = file.type;
        d.size = file.size;
        d.bytes = std::move(file.bytes);
        draft_files_.push_back(std::move(d));
    });
}

void UppgifterBox::hand_in() {
    hand_in_error_.clear();
    hand_in_note_.clear();
    hand_in_success_.clear();
    if (draft_files_.empty() && blank(hand_in_text_)) {
        hand_in_error_ = tr("Välj en fil eller skriv en text innan du lämnar in.");
        return;
    }
    if (utf8_chars(hand_in_text_) > kHandInTextMaxChars) {
        hand_in_error_ = trf("Texten är för lång: den får vara högst %d tecken, och din är %d tecken.",
                             static_cast<int>(kHandInTextMaxChars), static_cast<int>(utf8_chars(hand_in_text_)));
        return;
    }
    for (HandInDraftFile& f : draft_files_) f.refused = false;
    step_ = HandInStep::Uploading;
    upload_next();
}

// The files first, one at a time: a refused one stops the hand-in before anything links.
void UppgifterBox::upload_next() {
    auto next = std::find_if(draft_files_.begin(), draft_files_.end(),
                             [](const HandInDraftFile& f) { return f.attachment_id.empty(); });
    if (next == draft_files_.end()) {
        save_hand_in();
        return;
    }
    const size_t index = static_cast<size_t>(next - draft_files_.begin());
    step_file_ = next->name + " (" + ui::FileSize(next->size) + ")";
    upload_sent_ = 0;
    upload_total_ = static_cast<double>(next->bytes.size());
    const std::string id = open_id_;
    upload_id_ = api_->upload(
        "/api/v1/attachments?filename=" + app::url_segment(next->name), upload_type(next->type), next->bytes,
                   [this, id, index](const app::ApiReply& reply) {
                       upload_id_ = 0;
                       if (open_id_ != id || index >= draft_files_.size()) {
                           step_ = HandInStep::Idle;
                           return;
                       }
                       HandInDraftFile& file = draft_files_[index];
                       if (!reply.ok()) {
                           step_ = HandInStep::Idle;
                           file.refused = true;
                           // httplib's own limit answers before the API does, in general words.
                           const std::string why = reply.error.code == "payload_too_large"
                                                       ? std::string(tr("Filen är större än 10 MB."))
                                                       : reply.error.message;
                           hand_in_error_ = file.name + ": " + why;
                           return;
                       }
                       file.attachment_id = app::text(app::field(reply.body, "attachment"), "id");
                       file.bytes.clear();
                       file.bytes.shrink_to_fit();
                       upload_next();
                   },
        [this](double sent, double total) {
            upload_sent_ = sent;
            upload_total_ = total;
        });
}

// "Avbryt" while a file is sent: nothing is handed in, the form stays as it was.
void UppgifterBox::cancel_upload() {
    if (upload_id_) api_->cancel_upload(upload_id_);
    upload_id_ = 0;
    step_ = HandInStep::Idle;
    hand_in_note_ = tr("Inlämningen avbröts. Inget lämnades in; filerna och texten finns kvar.");
}

void UppgifterBox::save_hand_in() {
    step_ = HandInStep::Saving;
    Json ids = Json::array();
    for (const HandInDraftFile& f : draft_files_) ids.push_back(f.attachment_id);
    Json body = {{"text", std::string(hand_in_text_)}, {"attachment_ids", ids}};
    const std::string id = open_id_;
    api_->post(list_path(pupil_id_) + "/" + app::url_segment(id) + "/hand-in", body,
                 [this, id](const app::ApiReply& reply) {
                     step_ = HandInStep::Idle;
                     if (open_id_ != id) return;
                     if (!reply.ok()) {
                         hand_in_error_ = reply.error.message;
                         if (reply.status == 409) fetch_assignment();  // returned meanwhile
                         return;
                     }
                     Assignment fresh = parse_assignment(app::field(reply.body, "assignment"));
                     // The hand-in's reply is the pupil's view without the permissions.
                     fresh.can_write = open_.can_write;
                     fresh.can_hand_in = fresh.status != "returned";
                     open_ = std::move(fresh);
                     update_in_list(open_);
                     reset_hand_in_form();
                     hand_in_success_ = tr("Uppgiften är inlämnad. Läraren får veta det.");
                 });
}

bool UppgifterBox::show_item(BoxContext& ctx, const std::string& item_id) {
    api_ = &ctx.api;
    if (item_id == open_id_) return true;
    if (item_id.empty()) {
        close_assignment();
        return true;
    }
    // From the list when it has the assignment; else (a link, before the list came) the
    // fetch brings it, or the server's 404 makes the address "not found".
    for (const Assignment& a : assignments_)
        if (a.id == item_id) {
            Assignment chosen = a;
            open_assignment(chosen);
            return true;
        }
    Assignment only_id;
    only_id.id = item_id;
    open_assignment(only_id);
    return true;
}

void UppgifterBox::on_open(BoxContext& ctx) {
    api_ = &ctx.api;
    // Every visit starts at the list, fetched afresh; what is known stays on screen meanwhile.
    open_id_.clear();
    open_error_.clear();
    open_gone_ = false;
    open_load_ = Load::NotStarted;
    scroll_pending_ = false;
    reset_hand_in_form();
    hand_in_success_.clear();
    if (load_ != Load::Loading) load_ = Load::NotStarted;
}

// --- Drawing --------------------------------------------------------------------------

namespace {
// An upload's bar, "45 % skickat" and "Avbryt" on one row. True when "Avbryt" was pressed.
bool draw_upload_progress(double sent, double total) {
    const float fraction = total > 0 ? static_cast<float>(std::clamp(sent / total, 0.0, 1.0)) : 0.0f;
    const std::string percent = trf("%d %% skickat", static_cast<int>(fraction * 100.0f));
    const char* cancel = tr("Avbryt##upload");
    const float avail = ImGui::GetContentRegionAvail().x, gap = 12.0f;
    const float button_w = ui::ButtonWidth(cancel), button_h = ImGui::GetFrameHeight();
    const ImVec2 text = ui::TextSize(Face::Small, percent, FLT_MAX);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float bar_w = std::max(40.0f, avail - button_w - text.x - gap * 2);
    const ImVec2 bar_min(pos.x, pos.y + button_h * 0.5f - 4), bar_max(pos.x + bar_w, pos.y + button_h * 0.5f + 4);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(bar_min, bar_max, theme::colors().accent_soft, 4.0f);
    if (fraction > 0)
        dl->AddRectFilled(bar_min, ImVec2(bar_min.x + bar_w * fraction, bar_max.y), theme::colors().accent, 4.0f);
    ui::TextAt(ImVec2(bar_max.x + gap, pos.y + (button_h - text.y) * 0.5f), text.x + 1, percent,
               theme::colors().muted_text, Face::Small);
    ImGui::SetCursorScreenPos(ImVec2(pos.x + avail - button_w, pos.y));
    return ui::SecondaryButton(cancel);
}
}  // namespace

void UppgifterBox::draw_list(BoxContext& ctx, const app::Pupil& pupil) {
    if (load_ == Load::Failed) {
        if (ui::ErrorAndRetry(load_error_)) load(ctx);
        ui::Space(8);
    }
    if (assignments_.empty()) {
        ui::Heading(tr("Uppgifter"));
        ui::MutedText(tr("Lärarna har inte gett några uppgifter ännu."));
        return;
    }
    ui::Text(can_write_ ? std::string(tr("Öppna en uppgift för att läsa den, lämna in och skriva till läraren."))
                        : trf("%s uppgifter. Bara %s själv kan lämna in och skriva till läraren.",
                              genitive(pupil.first_name).c_str(), pupil.first_name.c_str()),
             theme::colors().muted_text);

    // To do: the most urgent first (the server sends them by due time). Done: the latest first.
    std::vector<const Assignment*> todo, handed_in, returned;
    for (const Assignment& a : assignments_) {
        if (a.status == "returned") returned.push_back(&a);
        else if (is_handed_in(a)) handed_in.push_back(&a);
        else todo.push_back(&a);
    }
    std::reverse(handed_in.begin(), handed_in.end());
    std::reverse(returned.begin(), returned.end());

    const float width = ImGui::GetContentRegionAvail().x;
    const bool narrow = width < 520.0f;
    const float pad_x = narrow ? 16.0f : 22.0f, pad_y = narrow ? 14.0f : 16.0f;
    const float chevron_column = 24.0f;
    const float gap = 12.0f;
    const float text_w = width - pad_x * 2 - chevron_column;

    const Assignment* to_open = nullptr;
    auto section = [&](const char* heading, const std::vector<const Assignment*>& list, const char* empty) {
        ui::Space(8);
        ui::Heading(std::string(tr(heading)) + " (" + std::to_string(list.size()) + ")");
        if (list.empty()) {
            ui::MutedText(tr(empty));
            return;
        }
        ui::Space(2);
        for (const Assignment* a : list) {
            ImGui::PushID(a->id.c_str());
            const std::string meta = group_and_teacher(*a);
            std::string extra;
            if (a->message_count > 0) extra = std::string(icons::kComment) + "  " + messages_text(a->message_count);
            if (!a->files.empty())
                extra += (extra.empty() ? "" : "     ") + std::string(icons::kPaperclip) + "  " + files_text(a->files.size());
            const float title_h = ui::TextSize(Face::Strong, a->title, text_w).y;
            const float meta_h = meta.empty() ? 0.0f : ui::TextSize(Face::Small, meta, text_w).y;
            const float status_h = status_row(*a, ImVec2(0, 0), text_w, false, false);
            const float extra_h = extra.empty() ? 0.0f : ui::TextSize(Face::Small, extra, text_w).y;
            const float height = pad_y + title_h + (meta.empty() ? 0.0f : 4 + meta_h) + 10 + status_h +
                                 (extra.empty() ? 0.0f : 8 + extra_h) + pad_y;

            const ImVec2 pos = ImGui::GetCursorScreenPos();
            ui::CardResult card = ui::CardButton((a->title + "##assignment").c_str(), ImVec2(width, height));
            if (card.clicked) to_open = a;

            ImDrawList* dl = ImGui::GetWindowDrawList();
            const float right = pos.x + width - pad_x;
            dl->AddText(ImVec2(right - ImGui::CalcTextSize(icons::kChevronRight).x, pos.y + pad_y + 1),
                        theme::colors().muted_text, icons::kChevronRight);

            const float x = pos.x + pad_x;
            float y = pos.y + pad_y;
            ui::TextAt(ImVec2(x, y), text_w, a->title, 0, Face::Strong);
            y += title_h;
            if (!meta.empty()) {
                ui::TextAt(ImVec2(x, y + 4), text_w, meta, theme::colors().muted_text, Face::Small);
                y += 4 + meta_h;
            }
            y += 10;
            status_row(*a, ImVec2(x, y), text_w, false, true);
            y += status_h;
            if (!extra.empty()) ui::TextAt(ImVec2(x, y + 8), text_w, extra, theme::colors().accent, Face::Small);

            ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + height));
            ImGui::Dummy(ImVec2(width, gap - ImGui::GetStyle().ItemSpacing.y));
            ImGui::PopID();
        }
    };
    section(N_("Att göra"), todo, N_("Inget att lämna in just nu."));
    section(N_("Inlämnade"), handed_in, N_("Inget inlämnat som väntar på bedömning."));
    section(N_("Bedömda"), returned, N_("Ingen uppgift är bedömd ännu."));
    if (to_open) {
        Assignment chosen = *to_open;
        open_assignment(chosen);
        ctx.item_shown(chosen.id);
    }
}

void UppgifterBox::draw_hand_in_form() {
    const bool busy = step_ != HandInStep::Idle;
    if (open_.has_hand_in) {
        ui::Space(4);
        ui::Text(tr("Ny inlämning"), 0, Face::Strong);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 4);
        ui::Text(tr("Den nya inlämningen ersätter den förra."), theme::colors().muted_text, Face::Small);
    }

    // The chosen files, each with its name and size, before anything is sent.
    size_t to_remove = SIZE_MAX;
    for (size_t i = 0; i < draft_files_.size(); ++i) {
        const HandInDraftFile& f = draft_files_[i];
        ImGui::PushID(static_cast<int>(i));
        std::string detail = ui::FileSize(f.size);
        if (f.refused) detail += " · " + std::string(tr("togs inte emot"));
        else if (f.kept) detail += " · " + std::string(tr("från förra inlämningen"));
        else detail += " · " + std::string(tr("inte inlämnad ännu"));
        const std::string remove = std::string(icons::kTrash) + "  " + tr("Ta bort##draft");
        ImGui::BeginDisabled(busy);
        if (ui::NamedAction(f.name, detail, remove)) to_remove = i;
        ImGui::EndDisabled();
        ImGui::PopID();
    }
    if (to_remove < draft_files_.size() && !busy) {
        draft_files_.erase(draft_files_.begin() + static_cast<std::ptrdiff_t>(to_remove));
        hand_in_error_.clear();
    }

    const std::string choose = std::string(icons::kPaperclip) + "  " +
                               (draft_files_.empty() ? tr("Välj fil …##choose") : tr("Välj en fil till …##choose"));
    if (ui::SecondaryButton(choose.c_str(), !busy)) choose_file();
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 4);
    ui::Text(tr("PDF, bilder, text, Word, Excel, PowerPoint eller OpenDocument-text; högst 10 MB per fil."),
             theme::colors().muted_text, Face::Small);

    ui::Space(2);
    ImGui::BeginDisabled(busy);
    ui::TextArea(tr("Text till läraren (valfri)"), hand_in_text_, sizeof(hand_in_text_), 3);
    ImGui::EndDisabled();

    ui::Space(2);
    const std::string submit = std::string(icons::kUpload) + "  " + tr("Lämna in##submit");
    const bool clicked = ui::PrimaryButton(submit.c_str(), !busy);
    bool cancel = false;
    if (open_.has_hand_in && !busy) {
        ImGui::SameLine();
        cancel = ui::SecondaryButton(tr("Avbryt##hand-in"));
    }
    if (busy) {
        if (ImGui::GetContentRegionAvail().x > 200) ImGui::SameLine(0, 16);
        ui::Loading(step_ == HandInStep::Uploading ? trf("Skickar %s …", step_file_.c_str()) : std::string(tr("Lämnar in …")));
    }
    if (step_ == HandInStep::Uploading && draw_upload_progress(upload_sent_, upload_total_)) cancel_upload();
    if (!hand_in_note_.empty()) ui::Note(hand_in_note_, ui::Tone::Info);
    if (!hand_in_error_.empty()) ui::Note(hand_in_error_, ui::Tone::Error);
    if (clicked && !busy) hand_in();
    if (cancel) reset_hand_in_form();
}

void UppgifterBox::draw_hand_in(BoxContext& ctx, const app::Pupil& pupil) {
    const bool is_pupil = ctx.me.id == pupil.id;
    ui::Heading(is_pupil ? std::string(tr("Din inlämning")) : trf("%s inlämning", genitive(pupil.first_name).c_str()));
    const AssignmentHandIn& h = open_.hand_in;
    if (open_.has_hand_in) {
        std::string when = trf("Inlämnad %s", long_date_time(h.handed_in_at).c_str());
        if (h.late) when += std::string(", ") + tr("efter sista dagen");
        ui::Text(when, theme::colors().muted_text);
        if (!h.text.empty()) ui::SelectableText(h.text);
        for (size_t i = 0; i < h.files.size(); ++i) file_row(h.files[i], 100 + i);
        if (h.returned) {
            ui::Divider();
            std::string by = trf("Bedömd %s", long_date_time(h.returned_at).c_str());
            if (!h.returned_by.empty()) by += " " + trf("av %s", h.returned_by.c_str());
            ui::Text(by, 0, Face::Strong);
            if (!h.feedback.empty()) {
                ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 4);
                ui::Text(tr("Omdöme:"), theme::colors().muted_text, Face::Small);
                ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 4);
                ui::SelectableText(h.feedback);
            }
        }
    } else {
        ui::MutedText(is_pupil ? tr("Du har inte lämnat in något ännu.") : tr("Inget är inlämnat ännu."));
    }
    if (!hand_in_success_.empty()) ui::Note(hand_in_success_, ui::Tone::Success);

    if (open_load_ != Load::Ready) return;  // the server's word on who may hand in comes with the fetch
    if (open_.can_hand_in) {
        if (!open_.has_hand_in || form_open_) {
            ui::Divider();
            draw_hand_in_form();
        } else {
            ui::Space(2);
            const std::string again = std::string(icons::kUpload) + "  " + tr("Lämna in igen");
            if (ui::SecondaryButton(again.c_str())) start_hand_in_again();
        }
    } else if (is_pupil && open_.status == "returned") {
        ui::Space(2);
        ui::Note(tr("Läraren har bedömt uppgiften, så den kan inte lämnas in igen."), ui::Tone::Info);
    } else if (!is_pupil) {
        ui::Space(2);
        ui::Note(trf("Bara %s själv kan lämna in uppgiften.", pupil.first_name.c_str()), ui::Tone::Info);
    }
}

void UppgifterBox::draw_thread(BoxContext& ctx, const app::Pupil& pupil) {
    ui::Heading(tr("Samtal med läraren"));
    if (open_load_ == Load::Loading && open_.messages.empty()) {
        ui::Loading(tr("Hämtar samtalet …"));
        return;
    }
    if (open_.messages.empty())
        ui::MutedText(open_.can_write ? tr("Inga meddelanden ännu. Fråga läraren här om något är oklart.")
                                      : tr("Inga meddelanden ännu."));

    // Oldest first, like a chat: the pupil's messages to the right, the teacher's to the left.
    const float avail = ImGui::GetContentRegionAvail().x;
    const float bubble_w = std::max(160.0f, std::min(avail * 0.85f, 640.0f));
    const float pad = 12.0f;
    const float inner_w = bubble_w - pad * 2;
    for (const AssignmentMessage& m : open_.messages) {
        const std::string who = m.author.empty() ? std::string(tr("Okänd")) : m.author;
        const std::string when = app::dates::date_time(m.sent_at);
        const float who_h = ui::TextSize(Face::Strong, who, inner_w).y;
        const float when_h = ui::TextSize(Face::Small, when, inner_w).y;
        const float text_h = ui::TextSize(Face::Body, m.text, inner_w).y;
        const float height = pad + who_h + 2 + when_h + 6 + text_h + pad;
        const ImVec2 start = ImGui::GetCursorScreenPos();
        const ImVec2 pos(m.from_pupil ? start.x + avail - bubble_w : start.x, start.y);
        const ImVec2 max(pos.x + bubble_w, pos.y + height);
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddRectFilled(pos, max, m.from_pupil ? theme::colors().accent_soft : theme::colors().surface_alt, 12.0f);
        dl->AddRect(pos, max, theme::colors().border, 12.0f);
        float y = pos.y + pad;
        ui::TextAt(ImVec2(pos.x + pad, y), inner_w, who, 0, Face::Strong);
        y += who_h + 2;
        ui::TextAt(ImVec2(pos.x + pad, y), inner_w, when, theme::colors().muted_text, Face::Small);
        y += when_h + 6;
        ui::TextAt(ImVec2(pos.x + pad, y), inner_w, m.text, theme::colors().text, Face::Body);
        ImGui::SetCursorScreenPos(start);
        ImGui::Dummy(ImVec2(avail, height));
    }

    if (open_load_ == Load::Failed && !open_gone_) {
        ui::Note(open_error_, ui::Tone::Error);
        if (ui::SecondaryButton(tr("Försök igen##thread"))) fetch_assignment();
        return;
    }
    if (open_load_ != Load::Ready) return;
    if (!open_.can_write) {
        ui::Space(2);
        ui::Note(trf("Du kan läsa samtalet. Bara %s själv kan skriva till läraren.", pupil.first_name.c_str()), ui::Tone::Info);
        return;
    }
    ui::Divider();
    ui::TextArea(tr("Ditt meddelande"), message_, sizeof(message_), 4);
    ui::Space(2);
    const bool clicked = ui::PrimaryButton(tr("Skicka meddelande"), !sending_message_);
    if (sending_message_) {
        ImGui::SameLine(0, 16);
        ui::Loading(tr("Skickar …"));
    }
    if (clicked && !sending_message_) send_message(ctx);
    if (!message_error_.empty()) ui::Note(message_error_, ui::Tone::Error);
    if (!message_success_.empty()) ui::Note(message_success_, ui::Tone::Success);
}

void UppgifterBox::draw_assignment(BoxContext& ctx, const app::Pupil& pupil) {
    const std::string back = std::string(icons::kBack) + "  " + tr("Tillbaka till uppgifterna");
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() - ImGui::GetStyle().FramePadding.x);
    if (ui::QuietButton(back.c_str())) {
        close_assignment();
        ctx.item_shown("");
        return;
    }
    ui::Space(4);
    if (open_gone_) {
        ui::Note(open_error_, ui::Tone::Error);
        return;
    }
    if (open_.title.empty() && open_load_ != Load::Ready) {  // opened by its address: nothing to show yet
        if (ui::LoadingOrError(open_load_ == Load::Failed, open_error_, tr("Hämtar uppgiften …"))) fetch_assignment();
        return;
    }

    ui::BeginPanel("##assignment");
    ui::Heading(open_.title);
    const std::string meta = group_and_teacher(open_);
    if (!meta.empty()) {
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 4);
        ui::Text(meta, theme::colors().muted_text);
    }
    {
        const float width = ImGui::GetContentRegionAvail().x;
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        const float h = status_row(open_, pos, width, true, true);
        ImGui::SetCursorScreenPos(pos);
        ImGui::Dummy(ImVec2(width, h));
    }
    if (open_.status != "not_started") {
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 4);
        ui::Text(trf("Sista dag: %s", long_date_time(open_.due_at).c_str()), theme::colors().muted_text, Face::Small);
    }
    ui::Divider();
    if (open_.description.empty()) ui::MutedText(tr("Uppgiften har ingen beskrivning."));
    else {
        ui::SelectableText(open_.description);
        ui::CopyButton("##description", open_.title + "\n\n" + open_.description);
    }
    if (!open_.files.empty()) {
        section_heading(open_.files.size() == 1 ? tr("Fil från läraren") : tr("Filer från läraren"));
        for (size_t i = 0; i < open_.files.size(); ++i) file_row(open_.files[i], i);
    }
    ui::EndPanel();

    ui::Space(8);
    ui::BeginPanel("##hand-in");
    draw_hand_in(ctx, pupil);
    ui::EndPanel();

    ui::Space(8);
    ui::BeginPanel("##thread");
    draw_thread(ctx, pupil);
    ui::EndPanel();
}

void UppgifterBox::draw_full_view(BoxContext& ctx, const app::Pupil& pupil) {
    api_ = &ctx.api;  // the app's client, which outlives every reply this box waits for
    if (load_ == Load::NotStarted) load(ctx);
    if (scroll_pending_) {
        ImGui::SetScrollY(scroll_to_);
        scroll_pending_ = false;
    }
    if (!open_id_.empty()) {
        draw_assignment(ctx, pupil);
        return;
    }
    if (!loaded_once_) {
        if (load_ == Load::Failed) {
            if (ui::ErrorAndRetry(load_error_)) load(ctx);
        } else {
            ui::Loading(tr("Hämtar uppgifterna …"));
        }
        return;
    }
    draw_list(ctx, pupil);
}

namespace {

const app::EnglishText kEnglish[] = {
    {"Hämtar uppgiften …", "Loading the assignment …"},
    {"Bedömd", "Assessed"},
    {"Inlämnad för sent", "Handed in late"},
    {"Inlämnad", "Handed in"},
    {"Försenad, inte inlämnad", "Overdue, not handed in"},
    {"Att göra", "To do"},
    {"Återlämnad %s", "Returned %s"},
    {"Lämnades in %s", "Handed in %s"},
    {"Skulle ha lämnats in senast %s", "Was due %s"},
    {"Lämnas in senast %s", "Due %s"},
    {"1 meddelande", "1 message"},
    {"%d meddelanden", "%d messages"},
    {"1 fil från läraren", "1 file from the teacher"},
    {"%d filer från läraren", "%d files from the teacher"},
    {"Öppna", "Open"},
    {"Fil %d", "File %d"},
    {"Uppgiften finns inte längre. Läraren kan ha tagit bort den.",
     "The assignment no longer exists. The teacher may have removed it."},
    {"Skriv något i meddelandet innan du skickar det.", "Write something in the message before sending it."},
    {"Meddelandet är för långt: det får vara högst %d tecken, och ditt är %d tecken.",
     "The message is too long: it may be at most %d characters, and yours is %d characters."},
    {"Ditt meddelande är skickat. Läraren får veta att du har skrivit.",
     "Your message has been sent. The teacher is told that you have written."},
    {"%s: Filen är större än 10 MB (den är %s).", "%s: The file is larger than 10 MB (it is %s)."},
    {"%s: Filen kunde inte läsas. Välj den igen.", "%s: The file could not be read. Choose it again."},
    {"Välj en fil eller skriv en text innan du lämnar in.", "Choose a file or write a text before handing in."},
    {"Texten är för lång: den får vara högst %d tecken, och din är %d tecken.",
     "The text is too long: it may be at most %d characters, and yours is %d characters."},
    {"Filen är större än 10 MB.", "The file is larger than 10 MB."},
    {"Uppgiften är inlämnad. Läraren får veta det.", "The assignment has been handed in. The teacher is told."},
    {"Försök igen", "Try again"},
    {"%d %% skickat", "%d %% sent"},
    {"Inlämningen avbröts. Inget lämnades in; filerna och texten finns kvar.",
     "The hand-in was cancelled. Nothing was handed in; the files and the text are still here."},
    {"Uppgifter", "Assignments"},
    {"Lärarna har inte gett några uppgifter ännu.", "The teachers have not given any assignments yet."},
    {"Öppna en uppgift för att läsa den, lämna in och skriva till läraren.",
     "Open an assignment to read it, hand in and write to the teacher."},
    {"%s uppgifter. Bara %s själv kan lämna in och skriva till läraren.",
     "%s assignments. Only %s can hand in and write to the teacher."},
    {"Inget att lämna in just nu.", "Nothing to hand in right now."},
    {"Inlämnade", "Handed in"},
    {"Inget inlämnat som väntar på bedömning.", "Nothing handed in is waiting to be assessed."},
    {"Bedömda", "Assessed"},
    {"Ingen uppgift är bedömd ännu.", "No assignment has been assessed yet."},
    {"Ny inlämning", "New hand-in"},
    {"Lämna in", "Hand in"},
    {"inte inlämnad ännu", "not handed in yet"},
    {"Den nya inlämningen ersätter den förra.", "The new hand-in replaces the earlier one."},
    {"togs inte emot", "not accepted"},
    {"från förra inlämningen", "from the earlier hand-in"},
    {"Ta bort", "Remove"},
    {"Välj fil …", "Choose file …"},
    {"Välj en fil till …", "Choose another file …"},
    {"PDF, bilder, text, Word, Excel, PowerPoint eller OpenDocument-text; högst 10 MB per fil.",
     "PDF, pictures, text, Word, Excel, PowerPoint or OpenDocument text; at most 10 MB per file."},
    {"Text till läraren (valfri)", "Text for the teacher (optional)"},
    {"Avbryt", "Cancel"},
    {"Skickar %s …", "Sending %s …"},
    {"Lämnar in …", "Handing in …"},
    {"Din inlämning", "Your hand-in"},
    {"%s inlämning", "%s hand-in"},
    {"Inlämnad %s", "Handed in %s"},
    {"efter sista dagen", "after the due date"},
    {"Bedömd %s", "Assessed %s"},
    {"av %s", "by %s"},
    {"Omdöme:", "Feedback:"},
    {"Du har inte lämnat in något ännu.", "You have not handed in anything yet."},
    {"Inget är inlämnat ännu.", "Nothing has been handed in yet."},
    {"Lämna in igen", "Hand in again"},
    {"Läraren har bedömt uppgiften, så den kan inte lämnas in igen.",
     "The teacher has assessed the assignment, so it cannot be handed in again."},
    {"Bara %s själv kan lämna in uppgiften.", "Only %s can hand in the assignment."},
    {"Samtal med läraren", "Conversation with the teacher"},
    {"Hämtar samtalet …", "Fetching the conversation …"},
    {"Inga meddelanden ännu. Fråga läraren här om något är oklart.",
     "No messages yet. Ask the teacher here if something is unclear."},
    {"Inga meddelanden ännu.", "No messages yet."},
    {"Okänd", "Unknown"},
    {"Du kan läsa samtalet. Bara %s själv kan skriva till läraren.",
     "You can read the conversation. Only %s can write to the teacher."},
    {"Ditt meddelande", "Your message"},
    {"Skicka meddelande", "Send message"},
    {"Skickar …", "Sending …"},
    {"Tillbaka till uppgifterna", "Back to the assignments"},
    {"Sista dag: %s", "Due: %s"},
    {"Uppgiften har ingen beskrivning.", "The assignment has no description."},
    {"Fil från läraren", "File from the teacher"},
    {"Filer från läraren", "Files from the teacher"},
    {"Hämtar uppgifterna …", "Fetching the assignments …"},
};
const app::EnglishTexts kRegistered(kEnglish);

}  // namespace

}  // namespace boxes
