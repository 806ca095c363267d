// eTest's full view: the pupil's tests by state, one test taken a question at a time,
// reviewed, confirmed and submitted once; a submitted test read-only. See etest.hpp.
#include "app/text_area.hpp"
#include "boxes/etest.hpp"

#include <algorithm>
#include <cfloat>
#include <cctype>

#include "app/i18n.hpp"
#include "app/icons.hpp"
#include "app/swedish_dates.hpp"
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
using app::N_;
namespace ui = app::ui;
namespace theme = app::theme;
namespace icons = app::icons;
using app::fonts::Face;

constexpr size_t kAnswerMaxChars = 5000;                 // the server's limit (core/boxes/etests.cpp)
constexpr size_t kAnswerBufferBytes = kAnswerMaxChars * 4 + 1;  // UTF-8: up to 4 bytes a character

int integer(const Json& j, const char* key) {
    const Json& v = app::field(j, key);
    return v.is_number_integer() ? v.get<int>() : 0;
}

ETestGiven parse_given(const Json& j) {
    ETestGiven g;
    const Json& choices = app::field(j, "choices");
    if (choices.is_array())
        for (const Json& c : choices)
            if (c.is_number_integer()) g.choices.push_back(c.get<int>());
    g.text = app::text(j, "text");
    return g;
}

ETestItem parse_test(const Json& j) {
    ETestItem t;
    t.id = app::text(j, "id");
    t.title = app::text(j, "title");
    t.group = app::text(app::field(j, "group"), "name");
    t.opens_at = app::text(j, "opens_at");
    t.closes_at = app::text(j, "closes_at");
    t.submitted_at = app::text(j, "submitted_at");  // null until submitted: empty
    t.status = app::text(j, "status");
    t.instructions = app::text(j, "instructions");
    t.question_count = integer(j, "question_count");
    const Json& questions = app::field(j, "questions");
    if (questions.is_array())
        for (const Json& q : questions) {
            ETestQuestionView v;
            v.type = app::text(q, "type");
            v.text = app::text(q, "text");
            const Json& options = app::field(q, "options");
            if (options.is_array())
                for (const Json& o : options) v.options.push_back(o.is_string() ? o.get<std::string>() : std::string());
            t.questions.push_back(std::move(v));
        }
    const Json& answers = app::field(j, "answers");
    if (answers.is_array())
        for (const Json& a : answers) t.answers.push_back(parse_given(a));
    return t;
}

std::string list_path(const std::string& pupil_id) {
    return "/api/v1/pupils/" + app::url_segment(pupil_id) + "/etests";
}

std::string questions_text(int n) { return n == 1 ? tr("1 fråga") : trf("%d frågor", n); }

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

// The server's messages carry times as ISO text ("Provet stängde 2026-12-08T09:00."):
// the same words with the time as people read it ("… tis 8 dec kl. 09:00.").
std::string plain_times(const std::string& message) {
    auto digit = [&](size_t i) { return i < message.size() && std::isdigit(static_cast<unsigned char>(message[i])); };
    std::string out;
    for (size_t i = 0; i < message.size();) {
        const bool iso = i + 16 <= message.size() && digit(i) && digit(i + 1) && digit(i + 2) && digit(i + 3) &&
                         message[i + 4] == '-' && message[i + 7] == '-' && message[i + 10] == 'T' && message[i + 13] == ':';
        if (!iso) {
            out += message[i++];
            continue;
        }
        size_t end = i + 16;
        if (end + 3 <= message.size() && message[end] == ':' && digit(end + 1) && digit(end + 2)) end += 3;
        if (end < message.size() && message[end] == 'Z') end += 1;
        else if (end + 6 <= message.size() && (message[end] == '+' || message[end] == '-') && digit(end + 1) &&
                 message[end + 3] == ':')
            end += 6;
        out += app::dates::date_time(message.substr(i, 16));
        i = end;
    }
    return out;
}

// "2, 3 och 4"
std::string number_list(const std::vector<int>& numbers) {
    std::string out;
    for (size_t i = 0; i < numbers.size(); ++i) {
        if (i > 0) out += i + 1 == numbers.size() ? std::string(" ") + tr("och") + " " : std::string(", ");
        out += std::to_string(numbers[i]);
    }
    return out;
}

// --- The states, as tags -------------------------------------------------------------

struct StatusStyle {
    const char* status;
    const char* label;
    const char* icon;
};
const StatusStyle kStatuses[] = {
    {"open", N_("Öppet"), icons::kCalHomework},
    {"upcoming", N_("Kommande"), icons::kTidsregistrering},
    {"submitted", N_("Inlämnat"), icons::kSuccess},
    {"closed", N_("Stängt"), icons::kLock},
};

const StatusStyle& status_style(const std::string& status) {
    for (const StatusStyle& s : kStatuses)
        if (status == s.status) return s;
    return kStatuses[3];
}

theme::Tint status_tint(const std::string& status) {
    const theme::Palette& c = theme::colors();
    if (status == "open") return {c.accent_soft, c.accent};
    if (status == "upcoming") return {c.warning_soft, c.warning_text};
    if (status == "submitted") return {c.success_soft, c.success_text};
    return {c.info_soft, c.muted_text};
}

constexpr ImVec2 kTagPad(9, 4);

ImVec2 tag_size(const std::string& status) {
    const StatusStyle& s = status_style(status);
    const std::string text = std::string(s.icon) + "  " + tr(s.label);
    return ImVec2(ui::TextSize(Face::Small, text, FLT_MAX).x + kTagPad.x * 2,
                  ui::TextSize(Face::Small, text, FLT_MAX).y + kTagPad.y * 2);
}

// "[icon] Öppet" at `pos` (screen): the state in words and colour; registered as text.
void draw_tag(const std::string& status, ImVec2 pos) {
    const StatusStyle& s = status_style(status);
    const theme::Tint t = status_tint(status);
    const ImVec2 size = tag_size(status);
    const ImVec2 max(pos.x + size.x, pos.y + size.y);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, max, t.soft, 6.0f);
    ImFont* font = app::fonts::get(Face::Small);
    const float font_size = font->FontSize * ImGui::GetIO().FontGlobalScale;
    const std::string text = std::string(s.icon) + "  " + tr(s.label);
    dl->AddText(font, font_size, ImVec2(pos.x + kTagPad.x, pos.y + kTagPad.y), t.strong, text.c_str());
    app::registry::add_text(tr(s.label), pos, max);
}

// When the test opens or closes, as the list and the header say it.
std::string when_text(const ETestItem& t) {
    if (t.status == "open") return trf("Stänger %s", app::dates::date_time(t.closes_at).c_str());
    if (t.status == "upcoming") return trf("Öppnar %s", app::dates::date_time(t.opens_at).c_str());
    if (t.status == "submitted") return trf("Inlämnat %s", app::dates::date_time(t.submitted_at).c_str());
    return trf("Stängde %s · inte inlämnat", app::dates::date_time(t.closes_at).c_str());
}

// --- Answer rows ---------------------------------------------------------------------

// A full-width answer row: a round (single choice) or square (multiple choice) marker
// and the option's text, wrapped. Registered as a radio or checkbox labelled with the
// text. Returns true when clicked.
bool choice_row(const std::string& id_label, const std::string& text, bool selected, bool square) {
    const theme::Palette& c = theme::colors();
    ImGui::PushFont(app::fonts::get(Face::Body));
    const float font = ImGui::GetFontSize();
    const float width = ImGui::GetContentRegionAvail().x;
    const float pad_x = 14, pad_y = 11;
    const float marker = font * 0.95f;
    const float text_x = pad_x + marker + 12;
    const float wrap = std::max(40.0f, width - text_x - pad_x);
    const ImVec2 text_size = ImGui::CalcTextSize(text.c_str(), nullptr, false, wrap);
    const float height = std::max(text_size.y, font) + pad_y * 2;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    app::registry::hint_next(square ? "checkbox" : "radio", selected ? 1 : 0);
    const bool clicked = ImGui::InvisibleButton(id_label.c_str(), ImVec2(width, height));
    const bool hovered = ImGui::IsItemHovered();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 max(pos.x + width, pos.y + height);
    const float rounding = ImGui::GetStyle().FrameRounding;
    dl->AddRectFilled(pos, max, selected ? c.accent_soft : (hovered ? c.hover : c.surface), rounding);
    dl->AddRect(pos, max, selected ? c.accent : (hovered ? c.border_hover : c.border), rounding, 0, selected ? 1.5f : 1.0f);
    const ImVec2 centre(pos.x + pad_x + marker * 0.5f, pos.y + pad_y + font * 0.5f);
    if (square) {
        const ImVec2 a(centre.x - marker * 0.5f, centre.y - marker * 0.5f), b(centre.x + marker * 0.5f, centre.y + marker * 0.5f);
        if (selected) {
            dl->AddRectFilled(a, b, c.accent, 4.0f);
            // A tick, drawn: two strokes.
            const float s = marker;
            const ImVec2 p1(a.x + s * 0.22f, a.y + s * 0.52f), p2(a.x + s * 0.42f, a.y + s * 0.72f), p3(a.x + s * 0.78f, a.y + s * 0.30f);
            dl->AddLine(p1, p2, c.on_accent, 2.0f);
            dl->AddLine(p2, p3, c.on_accent, 2.0f);
        } else {
            dl->AddRect(a, b, c.muted_text, 4.0f, 0, 1.5f);
        }
    } else {
        dl->AddCircle(centre, marker * 0.5f, selected ? c.accent : c.muted_text, 24, 1.5f);
        if (selected) dl->AddCircleFilled(centre, marker * 0.28f, c.accent, 24);
    }
    dl->AddText(nullptr, 0.0f, ImVec2(pos.x + text_x, pos.y + pad_y), c.text, text.c_str(), nullptr, wrap);
    ImGui::PopFont();
    if (clicked) platform::request_frames();
    return clicked;
}

// What the pupil answered, in words: the chosen options, the text, or "Inget svar".
void draw_given(const ETestQuestionView& q, const std::vector<int>& choices, const std::string& text) {
    const theme::Palette& c = theme::colors();
    if (q.type == "text") {
        if (blank(text.c_str())) ui::Text(tr("Inget svar"), c.muted_text);
        else ui::Text(text);
        return;
    }
    bool any = false;
    for (int i : choices) {
        if (i < 0 || i >= static_cast<int>(q.options.size())) continue;
        ui::Text(std::string(icons::kSuccess) + "  " + q.options[i], 0, Face::Strong);
        any = true;
    }
    if (!any) ui::Text(tr("Inget svar"), c.muted_text);
}

// A section's heading, a little apart from what came before.
void section_heading(const char* text, bool first) {
    if (!first) ui::Space(10);
    ui::Heading(text);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 4);
}

}  // namespace

// --- Data -----------------------------------------------------------------------------

void ETestBox::load(BoxContext& ctx) {
    fetch_.start();
    ctx.api.get(list_path(pupil_id_), [this](const app::ApiReply& reply) {
        if (!fetch_.succeeded(reply)) {
            load_not_found_ = reply.status == 404 || reply.status == 403;
            return;
        }
        tests_.clear();
        const Json& list = app::field(reply.body, "etests");
        if (list.is_array())
            for (const Json& j : list) tests_.push_back(parse_test(j));
        // Answers kept for a test that can no longer be handed in (it closed, or another
        // tab handed it in) are of no use: the browser lets them go.
        for (const ETestItem& t : tests_)
            if (t.status == "submitted" || t.status == "closed") forget_draft(t.id);
        fetch_.done();
    });
}

void ETestBox::set_list_entry(const ETestItem& test) {
    for (ETestItem& t : tests_)
        if (t.id == test.id) {
            t.status = test.status;
            t.submitted_at = test.submitted_at;
            t.opens_at = test.opens_at;
            t.closes_at = test.closes_at;
        }
}

void ETestBox::open_test(BoxContext& ctx, const ETestItem& test) {
    // The list carries the test's summary: show it at once; the fetch brings the questions.
    scroll_.open_item();
    open_.open(test.id);
    test_ = test;
    confirming_ = false;
    submit_error_.clear();
    status_note_.clear();
    submitted_note_.clear();
    fetch_test(ctx);
}

void ETestBox::fetch_test(BoxContext& ctx) {
    open_.fetching();
    const std::string id = open_.id;
    ctx.api.get(list_path(pupil_id_) + "/" + app::url_segment(id), [this, id](const app::ApiReply& reply) {
        if (!reply.ok()) {
            if (reply.status == 404)
                tests_.erase(std::remove_if(tests_.begin(), tests_.end(), [&](const ETestItem& t) { return t.id == id; }),
                             tests_.end());
            open_.failed(id, reply, tr("Provet finns inte längre. Det kan ha tagits bort av skolan."));
            return;
        }
        ETestItem fresh = parse_test(app::field(reply.body, "etest"));
        set_list_entry(fresh);
        if (open_.id != id) return;
        test_ = std::move(fresh);
        open_.load = Load::Ready;
    });
}

void ETestBox::close_test() {
    open_.close();
    test_ = ETestItem{};
    confirming_ = false;
    submit_error_.clear();
    status_note_.clear();
    submitted_note_.clear();
    scroll_.back_to_list();
    fetch_.refresh();  // states may have changed meanwhile
}

namespace {

// A draft as the browser keeps it: {"page","reviewing","answers":[{"single"}|{"multiple":[…]}|{"text"}]}.
std::string draft_key(const std::string& person, const std::string& test_id) {
    return "skolnav.etest." + person + "." + test_id;
}

Json draft_json(const ETestDraft& d) {
    Json answers = Json::array();
    for (const ETestDraft::Answer& a : d.answers) {
        Json chosen = Json::array();
        for (size_t o = 0; o < a.multiple.size(); ++o)
            if (a.multiple[o]) chosen.push_back(static_cast<int>(o));
        answers.push_back(Json{{"single", a.single}, {"multiple", chosen}, {"text", a.text.empty() ? "" : a.text.data()}});
    }
    return Json{{"page", d.page}, {"reviewing", d.reviewing}, {"answers", answers}};
}

// A kept draft back into `d` (sized for the test's questions): what no longer fits the
// test (it was changed meanwhile) is left out.
void apply_kept(ETestDraft& d, const Json& j, const std::vector<ETestQuestionView>& questions) {
    d.page = integer(j, "page");
    const Json& reviewing = app::field(j, "reviewing");
    d.reviewing = reviewing.is_boolean() && reviewing.get<bool>();
    const Json& answers = app::field(j, "answers");
    if (!answers.is_array()) return;
    for (size_t i = 0; i < answers.size() && i < d.answers.size() && i < questions.size(); ++i) {
        ETestDraft::Answer& a = d.answers[i];
        const ETestQuestionView& q = questions[i];
        const size_t options = q.options.size();
        const Json& single = app::field(answers[i], "single");
        if (q.type == "single" && single.is_number_integer() && single.get<int>() >= 0 &&
            static_cast<size_t>(single.get<int>()) < options)
            a.single = single.get<int>();
        const Json& chosen = app::field(answers[i], "multiple");
        if (q.type == "multiple" && chosen.is_array())
            for (const Json& o : chosen)
                if (o.is_number_integer() && o.get<int>() >= 0 && static_cast<size_t>(o.get<int>()) < a.multiple.size())
                    a.multiple[static_cast<size_t>(o.get<int>())] = true;
        const std::string text = app::text(answers[i], "text");
        if (q.type == "text" && !a.text.empty()) {
            const size_t n = std::min(text.size(), a.text.size() - 1);
            std::copy(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(n), a.text.begin());
            a.text[n] = '\0';
        }
    }
}

}  // namespace

ETestDraft& ETestBox::draft() {
    const bool fresh = drafts_.find(open_.id) == drafts_.end();
    ETestDraft& d = drafts_[open_.id];
    d.answers.resize(test_.questions.size());
    for (size_t i = 0; i < test_.questions.size(); ++i) {
        const ETestQuestionView& q = test_.questions[i];
        ETestDraft::Answer& a = d.answers[i];
        if (q.type == "multiple") a.multiple.resize(q.options.size(), false);
        if (q.type == "text" && a.text.size() != kAnswerBufferBytes) a.text.assign(kAnswerBufferBytes, '\0');
    }
    if (fresh && !person_id_.empty()) {  // after a reload: what this browser kept
        const std::string kept = platform::stored_setting(draft_key(person_id_, open_.id));
        if (!kept.empty()) {
            apply_kept(d, app::parse_json(kept), test_.questions);
            kept_[open_.id] = kept;
        }
    }
    const int n = static_cast<int>(test_.questions.size());
    d.page = std::clamp(d.page, 0, std::max(0, n - 1));
    return d;
}

void ETestBox::keep_draft(const ETestDraft& d) {
    if (person_id_.empty()) return;
    std::string now = draft_json(d).dump(-1, ' ', false, Json::error_handler_t::replace);
    std::string& kept = kept_[open_.id];
    if (now == kept) return;
    kept = std::move(now);
    platform::store_setting(draft_key(person_id_, open_.id), kept);
}

void ETestBox::forget_draft(const std::string& test_id) {
    drafts_.erase(test_id);
    kept_.erase(test_id);
    if (!person_id_.empty()) platform::store_setting(draft_key(person_id_, test_id), "");
}

bool ETestBox::answered(const ETestDraft& d, size_t i) const {
    if (i >= d.answers.size() || i >= test_.questions.size()) return false;
    const ETestQuestionView& q = test_.questions[i];
    const ETestDraft::Answer& a = d.answers[i];
    if (q.type == "single") return a.single >= 0;
    if (q.type == "multiple") return std::find(a.multiple.begin(), a.multiple.end(), true) != a.multiple.end();
    return !a.text.empty() && !blank(a.text.data());
}

std::vector<int> ETestBox::unanswered(const ETestDraft& d) const {
    std::vector<int> out;
    for (size_t i = 0; i < test_.questions.size(); ++i)
        if (!answered(d, i)) out.push_back(static_cast<int>(i) + 1);
    return out;
}

void ETestBox::submit(BoxContext& ctx) {
    ETestDraft& d = draft();
    submit_error_.clear();
    Json answers = Json::array();
    for (size_t i = 0; i < test_.questions.size(); ++i) {
        const ETestQuestionView& q = test_.questions[i];
        const ETestDraft::Answer& a = d.answers[i];
        if (!answered(d, i)) {
            answers.push_back(nullptr);  // the server's word for a skipped question
        } else if (q.type == "single") {
            answers.push_back(Json{{"choice", a.single}});
        } else if (q.type == "multiple") {
            Json chosen = Json::array();
            for (size_t o = 0; o < a.multiple.size(); ++o)
                if (a.multiple[o]) chosen.push_back(static_cast<int>(o));
            answers.push_back(Json{{"choices", chosen}});
        } else {
            if (utf8_chars(a.text.data()) > kAnswerMaxChars) {
                submit_error_ = trf("Svaret på fråga %d är för långt: högst %d tecken.", static_cast<int>(i) + 1,
                                    static_cast<int>(kAnswerMaxChars));
                confirming_ = false;
                return;
            }
            answers.push_back(Json{{"text", std::string(a.text.data())}});
        }
    }
    submitting_ = true;
    const std::string id = open_.id;
    ctx.api.post(list_path(pupil_id_) + "/" + app::url_segment(id) + "/submission", Json{{"answers", answers}},
                 [this, id](const app::ApiReply& reply) {
                     submitting_ = false;
                     confirming_ = false;
                     if (!reply.ok()) {
                         const std::string& code = reply.error.code;
                         if (reply.status == 409 && (code == "closed" || code == "already_submitted" || code == "not_open")) {
                             // The test is no longer open to this pupil: say why, then show
                             // it as it now is (closed, or the answers already handed in).
                             forget_draft(id);
                             if (open_.id != id) return;
                             status_note_ = plain_times(reply.error.message);
                             if (code == "closed") status_note_ += std::string(" ") + tr("Dina svar kunde inte lämnas in.");
                             scroll_.to_top();
                             open_.load = Load::NotStarted;  // fetched as it now is, next frame
                             fetch_.load = Load::NotStarted;
                             return;
                         }
                         if (open_.id != id) return;
                         submit_error_ = reply.error.message.empty()
                                             ? std::string(tr("Provet kunde inte lämnas in. Försök igen."))
                                             : plain_times(reply.error.message);
                         return;
                     }
                     ETestItem done = parse_test(app::field(reply.body, "etest"));
                     set_list_entry(done);
                     forget_draft(id);
                     if (open_.id != id) return;
                     done.questions = test_.questions;
                     done.instructions = test_.instructions;
                     test_ = std::move(done);
                     submitted_note_ = tr("Provet är inlämnat.");
                     open_.load = Load::Ready;
                     scroll_.to_top();
                 });
}

bool ETestBox::show_item(BoxContext& ctx, const std::string& item_id) {
    return app::show_listed_item(
        item_id, open_, tests_, [&](const auto& item) { open_test(ctx, item); }, [&] { close_test(); });
}

void ETestBox::on_open(BoxContext&) {
    // Every visit starts at the list, fetched afresh; answers being written are kept.
    open_.close();
    scroll_.cancel();
    confirming_ = false;
    submit_error_.clear();
    status_note_.clear();
    submitted_note_.clear();
    fetch_.refresh();
}

// --- The list -------------------------------------------------------------------------

bool ETestBox::draw_cards(const std::vector<const ETestItem*>& tests, const ETestItem** to_open) {
    const theme::Palette& c = theme::colors();
    const float width = ImGui::GetContentRegionAvail().x;
    const bool narrow = width < 520.0f;
    const float pad_x = narrow ? 16.0f : 22.0f, pad_y = narrow ? 14.0f : 16.0f;
    const float chevron_column = 24.0f;
    const float gap = 12.0f;
    const float text_w = width - pad_x * 2 - chevron_column;
    for (const ETestItem* t : tests) {
        ImGui::PushID(t->id.c_str());
        const ImVec2 tag = tag_size(t->status);
        const float title_w = text_w - tag.x - 12.0f;
        std::string meta = t->group;
        meta += (meta.empty() ? "" : " · ") + questions_text(t->question_count);
        const std::string when = when_text(*t);
        std::string progress;
        auto d = drafts_.find(t->id);
        if (t->status == "open" && d != drafts_.end()) {
            int n = 0;
            for (size_t i = 0; i < d->second.answers.size(); ++i) {
                const ETestDraft::Answer& a = d->second.answers[i];
                n += a.single >= 0 || std::find(a.multiple.begin(), a.multiple.end(), true) != a.multiple.end() ||
                     (!a.text.empty() && !blank(a.text.data()));
            }
            if (n > 0) progress = trf("Påbörjat: %d av %d besvarade, inte inlämnat", n, t->question_count);
        }
        const float title_h = std::max(ui::TextSize(Face::Strong, t->title, title_w).y, tag.y);
        const float meta_h = ui::TextSize(Face::Small, meta, text_w).y;
        const float when_h = ui::TextSize(Face::Body, when, text_w).y;
        const float progress_h = progress.empty() ? 0.0f : ui::TextSize(Face::Small, progress, text_w).y + 4;
        const float height = pad_y + title_h + 4 + meta_h + 6 + when_h + progress_h + pad_y;

        const ImVec2 pos = ImGui::GetCursorScreenPos();
        ui::CardResult card = ui::CardButton((t->title + "##etest").c_str(), ImVec2(width, height));
        if (card.clicked) *to_open = t;

        const float text_x = pos.x + pad_x;
        ui::Chevron(ImVec2(pos.x + width - pad_x, pos.y + height * 0.5f));

        float y = pos.y + pad_y;
        ui::TextAt(ImVec2(text_x, y), title_w, t->title, 0, Face::Strong);
        draw_tag(t->status, ImVec2(pos.x + pad_x + text_w - tag.x, y - 2));
        y += title_h + 4;
        ui::TextAt(ImVec2(text_x, y), text_w, meta, c.muted_text, Face::Small);
        y += meta_h + 6;
        ui::TextAt(ImVec2(text_x, y), text_w, when, t->status == "open" ? c.accent : c.text, Face::Body);
        y += when_h;
        if (!progress.empty()) ui::TextAt(ImVec2(text_x, y + 4), text_w, progress, c.warning_text, Face::Small);

        ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + height));
        ImGui::Dummy(ImVec2(width, gap - ImGui::GetStyle().ItemSpacing.y));
        ImGui::PopID();
    }
    return *to_open != nullptr;
}

void ETestBox::draw_list(BoxContext& ctx, const app::Pupil&) {
    if (fetch_.failed()) {
        if (ui::ErrorAndRetry(fetch_.error)) load(ctx);
        ui::Space(8);
    }
    if (tests_.empty()) {
        ui::Heading(tr("Prov"));
        ui::MutedText(tr("Du har inga prov just nu. När läraren lägger ut ett prov syns det här."));
        return;
    }
    std::vector<const ETestItem*> open, upcoming, submitted, closed;
    for (const ETestItem& t : tests_) {
        if (t.status == "open") open.push_back(&t);
        else if (t.status == "upcoming") upcoming.push_back(&t);
        else if (t.status == "submitted") submitted.push_back(&t);
        else closed.push_back(&t);
    }
    // Soonest first where the pupil has something to do; latest first for what is done.
    std::stable_sort(open.begin(), open.end(), [](const ETestItem* a, const ETestItem* b) { return a->closes_at < b->closes_at; });
    std::stable_sort(upcoming.begin(), upcoming.end(), [](const ETestItem* a, const ETestItem* b) { return a->opens_at < b->opens_at; });
    std::stable_sort(submitted.begin(), submitted.end(),
                     [](const ETestItem* a, const ETestItem* b) { return a->submitted_at > b->submitted_at; });
    std::stable_sort(closed.begin(), closed.end(), [](const ETestItem* a, const ETestItem* b) { return a->closes_at > b->closes_at; });

    const ETestItem* to_open = nullptr;
    section_heading(tr("Öppna nu"), true);
    if (open.empty()) {
        ui::MutedText(tr("Inga prov är öppna just nu."));
    } else {
        ui::Text(tr("Gör provet och lämna in det innan det stänger."), theme::colors().muted_text);
        ui::Space(2);
        draw_cards(open, &to_open);
    }
    if (!upcoming.empty()) {
        section_heading(tr("Kommande"), false);
        draw_cards(upcoming, &to_open);
    }
    if (!submitted.empty()) {
        section_heading(tr("Inlämnade"), false);
        draw_cards(submitted, &to_open);
    }
    if (!closed.empty()) {
        section_heading(tr("Stängda"), false);
        draw_cards(closed, &to_open);
    }
    if (to_open) {
        ETestItem chosen = *to_open;
        open_test(ctx, chosen);
        ctx.item_shown(chosen.id);
    }
}

// --- One test -------------------------------------------------------------------------

void ETestBox::draw_header() {
    const theme::Palette& c = theme::colors();
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const ImVec2 tag = tag_size(test_.status);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - tag.x - 12);
    ui::Text(test_.group.empty() ? std::string(tr("Prov")) : test_.group, c.accent, Face::Strong);
    ImGui::PopTextWrapPos();
    draw_tag(test_.status, ImVec2(pos.x + width - tag.x, pos.y - 2));
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 4);
    ui::Heading(test_.title);
    const int n = test_.questions.empty() ? test_.question_count : static_cast<int>(test_.questions.size());
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 4);
    ui::Text(when_text(test_) + " · " + questions_text(n), c.muted_text);
    if (!test_.instructions.empty()) {
        ui::Space(2);
        ui::Text(test_.instructions);
    }
}

void ETestBox::draw_question(ETestDraft& d) {
    const theme::Palette& c = theme::colors();
    const int n = static_cast<int>(test_.questions.size());
    const ETestQuestionView& q = test_.questions[d.page];
    ETestDraft::Answer& a = d.answers[d.page];
    ImGui::PushID(d.page);
    ui::Text(trf("Fråga %d av %d", d.page + 1, n), c.accent, Face::Strong);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 4);
    ui::Heading(q.text);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 4);
    if (q.type == "single") {
        ui::MutedText(tr("Välj ett svar."));
        for (size_t o = 0; o < q.options.size(); ++o) {
            const std::string id = q.options[o] + "##o" + std::to_string(o);
            if (choice_row(id, q.options[o], a.single == static_cast<int>(o), false)) a.single = static_cast<int>(o);
        }
    } else if (q.type == "multiple") {
        ui::MutedText(tr("Välj ett eller flera svar."));
        for (size_t o = 0; o < q.options.size(); ++o) {
            const std::string id = q.options[o] + "##o" + std::to_string(o);
            if (choice_row(id, q.options[o], a.multiple[o], true)) a.multiple[o] = !a.multiple[o];
        }
    } else {
        ui::MutedText(tr("Skriv ditt svar med egna ord."));
        ui::TextArea(tr("Ditt svar"), a.text.data(), a.text.size(), 5, 14);
        const int used = static_cast<int>(utf8_chars(a.text.data()));
        ui::Text(trf("%d av %d tecken", used, static_cast<int>(kAnswerMaxChars)),
                 used > static_cast<int>(kAnswerMaxChars) ? c.error_text : c.muted_text, Face::Small);
    }
    ImGui::PopID();
}

void ETestBox::draw_review(BoxContext& ctx, ETestDraft& d) {
    const theme::Palette& c = theme::colors();
    const std::vector<int> missing = unanswered(d);
    ui::Heading(tr("Granska och lämna in"));
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 4);
    ui::MutedText(tr("Kontrollera dina svar. Du kan gå tillbaka och ändra dem tills du lämnar in."));
    if (!missing.empty()) {
        const std::string list = number_list(missing);
        ui::Note(missing.size() == 1 ? trf("Du har inte besvarat fråga %s.", list.c_str())
                                     : trf("Du har inte besvarat frågorna %s.", list.c_str()),
                 ui::Tone::Error);
    }
    int go_to = -1;
    for (size_t i = 0; i < test_.questions.size(); ++i) {
        const ETestQuestionView& q = test_.questions[i];
        const ETestDraft::Answer& a = d.answers[i];
        ImGui::PushID(static_cast<int>(i));
        ui::Divider();
        // "Fråga 2" with "Ändra" at the right.
        const std::string change = std::string(tr("Ändra")) + "##change";
        const float bw = ui::ButtonWidth(change.c_str());
        const float row_top = ImGui::GetCursorPosY();
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - bw - 12);
        ui::Text(trf("Fråga %d", static_cast<int>(i) + 1), c.accent, Face::Small);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 6);
        ui::Text(q.text, 0, Face::Strong);
        ImGui::PopTextWrapPos();
        const float after = ImGui::GetCursorPosY();
        ImGui::SetCursorPosY(row_top);
        ImGui::SetCursorPosX(ImGui::GetContentRegionMax().x - bw);
        if (ui::SecondaryButton(change.c_str(), !submitting_)) go_to = static_cast<int>(i);
        ImGui::SetCursorPosY(std::max(after, ImGui::GetCursorPosY()));
        if (!answered(d, i)) {
            ui::Text(std::string(icons::kError) + "  " + tr("Inte besvarad"), c.error_text, Face::Strong);
        } else {
            std::vector<int> chosen;
            if (q.type == "single") chosen.push_back(a.single);
            for (size_t o = 0; o < a.multiple.size(); ++o)
                if (a.multiple[o]) chosen.push_back(static_cast<int>(o));
            draw_given(q, chosen, q.type == "text" ? std::string(a.text.data()) : std::string());
        }
        ImGui::PopID();
    }
    ui::Divider();
    ui::Space(4);
    if (!confirming_) {
        if (ui::PrimaryButton(tr("Lämna in provet"), !submitting_)) {
            confirming_ = true;
            submit_error_.clear();
        }
    } else {
        // The confirmation, in place of the button.
        ImGui::PushStyleColor(ImGuiCol_ChildBg, c.warning_soft);
        ui::BeginPanel("##confirm");
        ui::Text(tr("Lämna in provet?"), 0, Face::Heading);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 4);
        ui::Text(tr("Du kan inte ändra dina svar efteråt."));
        if (!missing.empty())
            ui::Text(missing.size() == 1 ? std::string(tr("1 fråga är obesvarad."))
                                         : trf("%d frågor är obesvarade.", static_cast<int>(missing.size())),
                     c.error_text, Face::Strong);
        ui::Space(2);
        const bool yes = ui::PrimaryButton(tr("Ja, lämna in"), !submitting_);
        ImGui::SameLine();
        if (ui::SecondaryButton(tr("Avbryt"), !submitting_)) confirming_ = false;
        if (submitting_) {
            if (ImGui::GetContentRegionAvail().x > 140) ImGui::SameLine(0, 16);
            ui::Loading(tr("Lämnar in …"));
        }
        ui::EndPanel();
        ImGui::PopStyleColor();
        if (yes && !submitting_) submit(ctx);
    }
    if (!submit_error_.empty()) ui::Note(submit_error_, ui::Tone::Error);
    if (go_to >= 0) {
        d.page = go_to;
        d.reviewing = false;
        confirming_ = false;
        scroll_.to_top();
    }
}

void ETestBox::draw_submitted() {
    const theme::Palette& c = theme::colors();
    ui::Heading(tr("Dina svar"));
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 4);
    ui::MutedText(tr("Provet är inlämnat och svaren kan inte ändras."));
    for (size_t i = 0; i < test_.questions.size(); ++i) {
        const ETestQuestionView& q = test_.questions[i];
        const ETestGiven given = i < test_.answers.size() ? test_.answers[i] : ETestGiven{};
        ImGui::PushID(static_cast<int>(i));
        ui::Divider();
        ui::Text(trf("Fråga %d", static_cast<int>(i) + 1), c.accent, Face::Small);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 6);
        ui::Text(q.text, 0, Face::Strong);
        draw_given(q, given.choices, given.text);
        ImGui::PopID();
    }
}

void ETestBox::draw_test(BoxContext& ctx) {
    if (ui::BackButton(tr("Tillbaka till proven"))) {
        close_test();
        ctx.item_shown("");
        return;
    }
    ui::Space(4);
    if (open_.gone) {
        ui::Note(open_.error, ui::Tone::Error);
        return;
    }
    if (test_.title.empty() && open_.load != Load::Ready) {  // opened by its address: nothing to show yet
        if (ui::LoadingOrError(open_.load == Load::Failed, open_.error, tr("Hämtar provet …"))) fetch_test(ctx);
        return;
    }
    if (!status_note_.empty()) ui::Note(status_note_, ui::Tone::Error);
    if (!submitted_note_.empty()) ui::Note(submitted_note_, ui::Tone::Success);

    ui::BeginPanel("##test");
    draw_header();
    if (open_.load == Load::Failed) {
        ui::Space(4);
        if (ui::ErrorAndRetry(open_.error)) fetch_test(ctx);
    }
    ui::EndPanel();
    ui::Space(8);

    const bool fetched = open_.load == Load::Ready;
    if (!fetched && open_.load != Load::Failed) {
        ui::Loading(tr("Hämtar provet …"));
        return;
    }
    if (!fetched) return;

    if (test_.status == "upcoming") {
        ui::Note(trf("Provet öppnar %s. Frågorna visas när provet har öppnat.", app::dates::date_time(test_.opens_at).c_str()),
                 ui::Tone::Info);
        return;
    }
    if (test_.status == "closed") {
        ui::Note(trf("Provet stängde %s. Du lämnade inte in det.", app::dates::date_time(test_.closes_at).c_str()),
                 ui::Tone::Info);
        return;
    }
    if (test_.status == "submitted") {
        if (submitted_note_.empty())
            ui::Note(trf("Du lämnade in provet %s.", app::dates::date_time(test_.submitted_at).c_str()), ui::Tone::Success);
        ui::BeginPanel("##answers");
        draw_submitted();
        ui::EndPanel();
        return;
    }
    if (test_.questions.empty()) {
        ui::MutedText(tr("Provet har inga frågor."));
        return;
    }

    // Open: one question a page, a row of question numbers, then the review.
    ETestDraft& d = draft();
    const int n = static_cast<int>(test_.questions.size());
    const int done = n - static_cast<int>(unanswered(d).size());
    ui::Text(trf("%d av %d frågor besvarade", done, n), theme::colors().muted_text, Face::Small);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 6);
    {
        // Question numbers (a tick on those answered) and the review, wrapping as needed.
        const float right = ImGui::GetWindowContentRegionMax().x;
        int go_to = -2;  // -1: the review
        for (int i = 0; i <= n; ++i) {
            const bool review = i == n;
            std::string label = review ? std::string(tr("Granska")) + "##review"
                                       : (answered(d, i) ? std::string(icons::kSuccess) + " " : std::string()) +
                                             std::to_string(i + 1) + "##q" + std::to_string(i);
            if (i > 0) {
                ImGui::SameLine(0, 8);
                const float w = ImGui::CalcTextSize(label.c_str(), nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
                if (ImGui::GetCursorPosX() + w > right) ImGui::NewLine();
            }
            const bool selected = review ? d.reviewing : (!d.reviewing && d.page == i);
            if (ui::Tab(label.c_str(), selected) && !selected) go_to = review ? -1 : i;
        }
        if (go_to != -2) {
            d.reviewing = go_to == -1;
            if (go_to >= 0) d.page = go_to;
            confirming_ = false;
        }
    }
    ui::Space(4);

    ui::BeginPanel("##question");
    if (d.reviewing) {
        draw_review(ctx, d);
    } else {
        draw_question(d);
        ui::Space(6);
        const bool first = d.page == 0, last = d.page == n - 1;
        const std::string previous = std::string(icons::kChevronLeft) + "  " + tr("Föregående");
        if (ui::SecondaryButton(previous.c_str(), !first)) {
            --d.page;
            scroll_.to_top();
        }
        const std::string next = last ? std::string(tr("Granska och lämna in"))
                                      : std::string(tr("Nästa")) + "  " + icons::kChevronRight;
        // Side by side where both fit; on a narrow phone the next step goes below.
        const float both = ui::ButtonWidth(previous.c_str()) + ImGui::GetStyle().ItemSpacing.x + ui::ButtonWidth(next.c_str());
        if (both + 8.0f <= ImGui::GetContentRegionAvail().x) ImGui::SameLine();  // + 8: the bold label is wider
        if (ui::PrimaryButton(next.c_str())) {
            if (last) d.reviewing = true;
            else ++d.page;
            scroll_.to_top();
        }
    }
    ui::EndPanel();
    keep_draft(d);
    ui::Space(4);
    ui::Text(trf("Svaren skickas först när du lämnar in provet. Lämna in innan det stänger %s.",
                 app::dates::date_time(test_.closes_at).c_str()),
             theme::colors().muted_text, Face::Small);
}

void ETestBox::draw_full_view(BoxContext& ctx, const app::Pupil& pupil) {
    person_id_ = ctx.me.id;
    if (fetch_.load == Load::NotStarted) load(ctx);
    scroll_.apply();
    if (open_.is_open()) {
        if (open_.load == Load::NotStarted) fetch_test(ctx);
        draw_test(ctx);
        return;
    }
    if (!fetch_.loaded_once) {
        if (ui::LoadingOrError(fetch_.failed(), fetch_.error, tr("Hämtar proven …"), !load_not_found_)) load(ctx);
        return;
    }
    draw_list(ctx, pupil);
}

namespace {

const app::EnglishText kEnglish[] = {
    {"1 fråga", "1 question"},
    {"%d frågor", "%d questions"},
    {"och", "and"},
    {"Öppet", "Open"},
    {"Kommande", "Upcoming"},
    {"Inlämnat", "Handed in"},
    {"Stängt", "Closed"},
    {"Stänger %s", "Closes %s"},
    {"Öppnar %s", "Opens %s"},
    {"Inlämnat %s", "Handed in %s"},
    {"Stängde %s · inte inlämnat", "Closed %s · not handed in"},
    {"Inget svar", "No answer"},
    {"Provet finns inte längre. Det kan ha tagits bort av skolan.", "The test no longer exists. The school may have removed it."},
    {"Svaret på fråga %d är för långt: högst %d tecken.", "The answer to question %d is too long: at most %d characters."},
    {"Dina svar kunde inte lämnas in.", "Your answers could not be handed in."},
    {"Provet kunde inte lämnas in. Försök igen.", "The test could not be handed in. Try again."},
    {"Provet är inlämnat.", "The test is handed in."},
    {"Påbörjat: %d av %d besvarade, inte inlämnat", "Started: %d of %d answered, not handed in"},
    {"Prov", "Tests"},
    {"Du har inga prov just nu. När läraren lägger ut ett prov syns det här.",
     "You have no tests right now. When your teacher publishes a test, it appears here."},
    {"Öppna nu", "Open now"},
    {"Inga prov är öppna just nu.", "No tests are open right now."},
    {"Gör provet och lämna in det innan det stänger.", "Take the test and hand it in before it closes."},
    {"Inlämnade", "Handed in"},
    {"Stängda", "Closed"},
    {"Fråga %d av %d", "Question %d of %d"},
    {"Välj ett svar.", "Choose one answer."},
    {"Välj ett eller flera svar.", "Choose one or more answers."},
    {"Skriv ditt svar med egna ord.", "Write your answer in your own words."},
    {"Ditt svar", "Your answer"},
    {"%d av %d tecken", "%d of %d characters"},
    {"Granska och lämna in", "Review and hand in"},
    {"Kontrollera dina svar. Du kan gå tillbaka och ändra dem tills du lämnar in.",
     "Check your answers. You can go back and change them until you hand in."},
    {"Du har inte besvarat fråga %s.", "You have not answered question %s."},
    {"Du har inte besvarat frågorna %s.", "You have not answered questions %s."},
    {"Ändra", "Change"},
    {"Fråga %d", "Question %d"},
    {"Inte besvarad", "Not answered"},
    {"Lämna in provet", "Hand in the test"},
    {"Lämna in provet?", "Hand in the test?"},
    {"Du kan inte ändra dina svar efteråt.", "You cannot change your answers afterwards."},
    {"1 fråga är obesvarad.", "1 question is unanswered."},
    {"%d frågor är obesvarade.", "%d questions are unanswered."},
    {"Ja, lämna in", "Yes, hand in"},
    {"Avbryt", "Cancel"},
    {"Lämnar in …", "Handing in …"},
    {"Dina svar", "Your answers"},
    {"Provet är inlämnat och svaren kan inte ändras.", "The test is handed in and the answers cannot be changed."},
    {"Tillbaka till proven", "Back to the tests"},
    {"Hämtar provet …", "Loading the test …"},
    {"Provet öppnar %s. Frågorna visas när provet har öppnat.", "The test opens %s. The questions appear when it opens."},
    {"Provet stängde %s. Du lämnade inte in det.", "The test closed %s. You did not hand it in."},
    {"Du lämnade in provet %s.", "You handed in the test %s."},
    {"Provet har inga frågor.", "The test has no questions."},
    {"%d av %d frågor besvarade", "%d of %d questions answered"},
    {"Granska", "Review"},
    {"Föregående", "Previous"},
    {"Nästa", "Next"},
    {"Svaren skickas först när du lämnar in provet. Lämna in innan det stänger %s.",
     "Your answers are sent only when you hand in the test. Hand it in before it closes %s."},
    {"Hämtar proven …", "Loading the tests …"},
};
const app::EnglishTexts kRegistered(kEnglish);

}  // namespace

}  // namespace boxes
