#include "app/selectable_text.hpp"
#include "boxes/information.hpp"

#include <algorithm>
#include <cfloat>

#include "app/i18n.hpp"
#include "app/icons.hpp"
#include "app/swedish_dates.hpp"
#include "app/theme.hpp"
#include "app/ui.hpp"
#include "app/widget_registry.hpp"
#include "imgui.h"
#include "platform/browser.hpp"

namespace boxes {
namespace {

using app::Json;
namespace ui = app::ui;
using app::fonts::Face;

NewsItem parse_item(const Json& j) {
    NewsItem n;
    n.id = app::text(j, "id");
    n.title = app::text(j, "title");
    n.body = app::text(j, "body");
    n.author = app::text(app::field(j, "author"), "name");
    n.published_at = app::text(j, "published_at");
    n.changed_at = app::text(j, "changed_at");  // null when never changed: empty
    n.read = app::flag(j, "read");
    n.scope = app::scope_text(app::field(j, "scope"));
    const Json& links = app::field(j, "links");
    if (links.is_array())
        for (const Json& l : links) {
            NewsLink link{app::text(l, "title"), app::text(l, "url")};
            if (!link.url.empty()) n.links.push_back(std::move(link));
        }
    const Json& files = app::field(j, "attachments");
    if (files.is_array())
        for (const Json& f : files) {
            const Json& size = app::field(f, "size");
            NewsFile file{app::text(f, "filename"), app::text(f, "url"), size.is_number_integer() ? size.get<long long>() : 0};
            if (!file.url.empty()) n.files.push_back(std::move(file));
        }
    return n;
}

std::string list_path(const std::string& pupil_id) {
    return "/api/v1/pupils/" + app::url_segment(pupil_id) + "/news";
}

// The body as one line of words, for the list's excerpt.
std::string collapse_whitespace(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    bool space = false;
    for (char c : s) {
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}







// An address the user can select and copy: a read-only field, and a button beside it
// that puts it on the clipboard. Returns true when the button was pressed.
bool copyable_address(const char* id, const std::string& address, bool copied) {
    const std::string copy_label = app::tr("Kopiera##copy");
    const std::string done_label = std::string(app::icons::kSuccess) + "  " + app::tr("Kopierad##copy");
    const float pad = ImGui::GetStyle().FramePadding.x * 2;
    const float button_w = std::max(ImGui::CalcTextSize(copy_label.c_str(), nullptr, true).x,
                                    ImGui::CalcTextSize(done_label.c_str(), nullptr, true).x) + pad;
    const float spacing = ImGui::GetStyle().ItemSpacing.x * 0.75f;
    std::string buffer = address;  // read-only: never written through
    ImGui::PushStyleColor(ImGuiCol_FrameBg, app::theme::colors().info_soft);
    ImGui::PushStyleColor(ImGuiCol_FrameBgHovered, app::theme::colors().accent_soft);
    ImGui::PushStyleColor(ImGuiCol_FrameBgActive, app::theme::colors().accent_soft);
    ImGui::PushStyleColor(ImGuiCol_Text, app::theme::colors().accent);
    ImGui::SetNextItemWidth(std::max(80.0f, ImGui::GetContentRegionAvail().x - button_w - spacing));
    app::registry::hint_next("input");
    ImGui::InputText(id, buffer.data(), buffer.size() + 1,
                     ImGuiInputTextFlags_ReadOnly | ImGuiInputTextFlags_AutoSelectAll);
    ImGui::PopStyleColor(4);
    app::registry::add_text(address, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    // One width for both labels, the text centred: the button keeps its place and its
    // right edge in line with "Öppna länken" above (the labels differ more in English).
    ImGui::SameLine(0, spacing);
    const std::string& label = copied ? done_label : copy_label;
    const float text_w = ImGui::CalcTextSize(label.c_str(), nullptr, true).x;
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                        ImVec2((button_w - text_w) * 0.5f, ImGui::GetStyle().FramePadding.y));
    const bool clicked = ui::SecondaryButton(label.c_str());
    ImGui::PopStyleVar();
    if (!clicked) return false;
    ImGui::SetClipboardText(address.c_str());
    return true;
}

// A section of the article: a bold heading close to what follows it.
void section_heading(const char* text) {
    ui::Space(6);
    ui::Text(text, 0, Face::Strong);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 4);
}

std::string unread_summary(int unread, size_t total) {
    if (total == 0) return "";
    if (unread == 0) return app::tr("Du har läst alla nyheter.");
    if (unread == 1) return app::tr("1 oläst nyhet");
    return app::trf("%d olästa nyheter", unread);
}

}  // namespace

void InformationBox::load(BoxContext& ctx) {
    fetch_.start();
    ctx.api.get(list_path(pupil_id_), [this](const app::ApiReply& reply) {
        if (!fetch_.succeeded(reply)) return;
        items_.clear();
        const Json& list = app::field(reply.body, "items");
        if (list.is_array())
            for (const Json& j : list) items_.push_back(parse_item(j));
        // The server sends newest first; keep it so even if that ever changes.
        std::stable_sort(items_.begin(), items_.end(),
                         [](const NewsItem& a, const NewsItem& b) { return a.published_at > b.published_at; });
        unread_ = static_cast<int>(std::count_if(items_.begin(), items_.end(), [](const NewsItem& n) { return !n.read; }));
        fetch_.done();
    });
}

void InformationBox::mark_read_here(const std::string& id) {
    for (NewsItem& n : items_)
        if (n.id == id) n.read = true;
    unread_ = static_cast<int>(std::count_if(items_.begin(), items_.end(), [](const NewsItem& n) { return !n.read; }));
}

void InformationBox::open_item(BoxContext& ctx, const NewsItem& item) {
    // The list already carries the whole item: show it at once, and fetch it, which is
    // what marks it read on the server (and brings any change since the list came).
    scroll_.open_item();
    open_.open(item.id);
    article_ = item;
    copied_.clear();
    fetch_item(ctx);
}

void InformationBox::fetch_item(BoxContext& ctx) {
    open_.fetching();
    const std::string id = open_.id;
    ctx.api.get(list_path(pupil_id_) + "/" + app::url_segment(id), [this, id](const app::ApiReply& reply) {
        if (!reply.ok()) {
            if (reply.status == 404) {
                // Taken away since the list came: it goes from the list too.
                items_.erase(std::remove_if(items_.begin(), items_.end(), [&](const NewsItem& n) { return n.id == id; }),
                             items_.end());
                mark_read_here("");
            }
            open_.failed(id, reply, app::tr("Nyheten finns inte längre. Den kan ha tagits bort av skolan."));
            return;
        }
        NewsItem fresh = parse_item(app::field(reply.body, "item"));
        fresh.read = true;
        for (NewsItem& n : items_)
            if (n.id == id) n = fresh;
        mark_read_here(id);
        if (open_.id != id) return;
        article_ = std::move(fresh);
        open_.load = Load::Ready;
    });
}

void InformationBox::close_item() {
    open_.close();
    copied_.clear();
    article_ = NewsItem{};
    scroll_.back_to_list();
}

bool InformationBox::show_item(BoxContext& ctx, const std::string& item_id) {
    return app::show_listed_item(
        item_id, open_, items_, [&](const auto& item) { open_item(ctx, item); }, [&] { close_item(); });
}

void InformationBox::on_open(BoxContext&) {
    // Every visit starts at the list, with fresh read marks; what is known stays on
    // screen meanwhile.
    open_.close();
    scroll_.cancel();
    fetch_.refresh();
}

void InformationBox::draw_list(BoxContext& ctx) {
    if (fetch_.failed()) {
        if (ui::ErrorAndRetry(fetch_.error)) load(ctx);
        ui::Space(8);
    }
    ui::Heading(app::tr("Nyheter"));
    if (items_.empty()) {
        ui::MutedText(app::tr("Skolan har inte publicerat några nyheter ännu."));
        return;
    }
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 4);
    ui::Text(unread_summary(unread_, items_.size()), app::theme::colors().muted_text);
    ui::Space(6);

    const float width = ImGui::GetContentRegionAvail().x;
    const bool narrow = width < 520.0f;
    const float pad_x = narrow ? 16.0f : 22.0f, pad_y = narrow ? 14.0f : 16.0f;
    const float dot_column = 16.0f;    // the unread dot sits here; titles line up either way
    const float chevron_column = 24.0f;
    const float gap = 14.0f;  // between cards
    const float text_w = width - pad_x * 2 - dot_column - chevron_column;
    const char* unread_label = app::tr("Oläst");
    const float badge_w = ui::TextSize(Face::Small, unread_label, FLT_MAX).x + 16.0f + 10.0f;

    const NewsItem* to_open = nullptr;
    for (const NewsItem& n : items_) {
        ImGui::PushID(n.id.c_str());
        const float title_w = text_w - (n.read ? 0.0f : badge_w);
        std::string meta = app::dates::date_time(n.published_at);
        if (!n.author.empty()) meta += " · " + n.author;
        std::string excerpt;
        if (!n.body.empty()) {
            ImGui::PushFont(app::fonts::get(Face::Body));
            excerpt = ui::ClipToLines(collapse_whitespace(n.body), text_w, narrow ? 3 : 2);
            ImGui::PopFont();
        }
        const float title_h = ui::TextSize(Face::Strong, n.title, title_w).y;
        const float meta_h = ui::TextSize(Face::Small, meta, text_w).y;
        const float excerpt_h = excerpt.empty() ? 0.0f : ui::TextSize(Face::Body, excerpt, text_w).y;
        const float height = pad_y + title_h + 4 + meta_h + (excerpt.empty() ? 0.0f : 8 + excerpt_h) + pad_y;

        const ImVec2 pos = ImGui::GetCursorScreenPos();
        ui::CardResult card = ui::CardButton((n.title + "##news").c_str(), ImVec2(width, height));
        if (card.clicked) to_open = &n;

        ImDrawList* dl = ImGui::GetWindowDrawList();
        const float line_h = ImGui::GetFontSize();
        const float first_line_mid = pos.y + pad_y + line_h * 0.5f + 1;
        const float text_x = pos.x + pad_x + dot_column;
        if (!n.read) dl->AddCircleFilled(ImVec2(pos.x + pad_x + 4.5f, first_line_mid), 4.5f, app::theme::colors().accent, 16);
        const float right = pos.x + width - pad_x;
        ui::Chevron(ImVec2(right, first_line_mid));
        if (!n.read) ui::Badge(unread_label, ImVec2(right - chevron_column, first_line_mid), true);

        float y = pos.y + pad_y;
        ui::TextAt(ImVec2(text_x, y), title_w, n.title, 0, Face::Strong);
        y += title_h + 4;
        ui::TextAt(ImVec2(text_x, y), text_w, meta, app::theme::colors().muted_text, Face::Small);
        y += meta_h;
        if (!excerpt.empty()) ui::TextAt(ImVec2(text_x, y + 8), text_w, excerpt, app::theme::colors().muted_text, Face::Body);

        ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + height));
        ImGui::Dummy(ImVec2(width, gap - ImGui::GetStyle().ItemSpacing.y));
        ImGui::PopID();
    }
    if (to_open) {
        NewsItem chosen = *to_open;
        open_item(ctx, chosen);
        ctx.item_shown(chosen.id);
    }
}

void InformationBox::draw_article(BoxContext& ctx) {
    if (ui::BackButton(app::tr("Tillbaka till nyheterna"))) {
        close_item();
        ctx.item_shown("");
        return;
    }
    ui::Space(4);
    if (open_.gone) {
        ui::Note(open_.error, ui::Tone::Error);
        return;
    }
    if (article_.title.empty() && open_.load != Load::Ready) {  // opened by its address: nothing to show yet
        if (ui::LoadingOrError(open_.load == Load::Failed, open_.error, app::tr("Hämtar nyheten …"))) fetch_item(ctx);
        return;
    }

    ui::BeginPanel("##article");
    std::string about;
    if (!article_.scope.empty()) about = app::trf("Till: %s", article_.scope.c_str());
    if (!article_.changed_at.empty()) about += (about.empty() ? "" : " · ") + app::dates::changed(article_.changed_at);
    ui::ArticleHeading(article_.title, app::dates::published(article_.published_at, article_.author), about);

    if (open_.load == Load::Loading) {
        ui::Space(2);
        ui::Loading(app::tr("Hämtar nyheten …"));
    } else if (open_.load == Load::Failed) {
        ui::Space(4);
        if (ui::ErrorAndRetry(open_.error)) fetch_item(ctx);
    }

    ui::Divider();
    if (article_.body.empty()) ui::MutedText(app::tr("Nyheten har ingen text."));
    else ui::SelectableText(article_.body);
    ui::CopyButton("##article", article_.title + "\n\n" + article_.body);

    std::string copy;  // which address to mark copied
    if (!article_.links.empty()) {
        section_heading(article_.links.size() == 1 ? app::tr("Länk") : app::tr("Länkar"));
        for (size_t i = 0; i < article_.links.size(); ++i) {
            const NewsLink& link = article_.links[i];
            const std::string key = "link" + std::to_string(i);
            ImGui::PushID(key.c_str());
            const std::string open_label = std::string(app::icons::kExternalLink) + "  " + app::tr("Öppna länken##open");
            if (ui::LinkRow(link.title.empty() ? link.url : link.title, "", open_label, link.url))
                platform::open_url(link.url);
            ImGui::PopID();
            ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 4);
            ImGui::PushID(key.c_str());
            std::string id = "##" + (link.title.empty() ? link.url : link.title);  // named like the link
            if (copyable_address(id.c_str(), link.url, copied_ == key)) copy = key;
            ImGui::PopID();
        }
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 4);
        ui::Text(app::tr("Länkar öppnas i en ny flik."), app::theme::colors().muted_text, Face::Small);
    }

    if (!article_.files.empty()) {
        section_heading(article_.files.size() == 1 ? app::tr("Bifogad fil") : app::tr("Bifogade filer"));
        for (size_t i = 0; i < article_.files.size(); ++i) {
            const NewsFile& file = article_.files[i];
            ImGui::PushID(static_cast<int>(i));
            const std::string open_label = std::string(app::icons::kDownload) + "  " + app::tr("Öppna##file");
            if (ui::LinkRow(file.filename.empty() ? app::trf("Fil %d", static_cast<int>(i + 1)) : file.filename,
                            ui::FileSize(file.size), open_label, file.url))
                platform::open_url(file.url);
            ImGui::PopID();
        }
    }
    if (!copy.empty()) copied_ = copy;
    ui::EndPanel();
}

void InformationBox::draw_full_view(BoxContext& ctx, const app::Pupil&) {
    if (fetch_.load == Load::NotStarted) load(ctx);
    scroll_.apply();
    if (open_.is_open()) {
        draw_article(ctx);
        return;
    }
    if (!fetch_.loaded_once) {
        if (ui::LoadingOrError(fetch_.failed(), fetch_.error, app::tr("Hämtar nyheter …"))) load(ctx);
        return;
    }
    draw_list(ctx);
}

namespace {

const app::EnglishText kEnglish[] = {
    {"Kopierad", "Copied"},
    {"Du har läst alla nyheter.", "You have read all the news."},
    {"1 oläst nyhet", "1 unread news item"},
    {"%d olästa nyheter", "%d unread news items"},
    {"Nyheten finns inte längre. Den kan ha tagits bort av skolan.",
     "This news item is no longer there. The school may have removed it."},
    {"Nyheter", "News"},
    {"Skolan har inte publicerat några nyheter ännu.", "The school has not published any news yet."},
    {"Oläst", "Unread"},
    {"Tillbaka till nyheterna", "Back to the news"},
    {"Till: %s", "To: %s"},
    {"Hämtar nyheten …", "Loading the news item …"},
    {"Nyheten har ingen text.", "This news item has no text."},
    {"Länk", "Link"},
    {"Länkar", "Links"},
    {"Öppna länken", "Open link"},
    {"Länkar öppnas i en ny flik.", "Links open in a new tab."},
    {"Bifogad fil", "Attached file"},
    {"Bifogade filer", "Attached files"},
    {"Öppna", "Open"},
    {"Fil %d", "File %d"},
    {"Hämtar nyheter …", "Loading news …"},
};
const app::EnglishTexts kRegistered(kEnglish);

}  // namespace

}  // namespace boxes
