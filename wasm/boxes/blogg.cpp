#include "app/selectable_text.hpp"
#include "app/text_area.hpp"
#include "boxes/blogg.hpp"

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

constexpr size_t kCommentMaxChars = 2000;  // the server's limit (core/boxes/blog.hpp)

BlogComment parse_comment(const Json& j) {
    BlogComment c;
    c.id = app::text(j, "id");
    c.author = app::text(app::field(j, "author"), "name");
    c.body = app::text(j, "body");
    c.created_at = app::text(j, "created_at");
    c.can_delete = app::flag(j, "can_delete");
    return c;
}

BlogPost parse_post(const Json& j) {
    BlogPost p;
    p.id = app::text(j, "id");
    p.title = app::text(j, "title");
    p.body = app::text(j, "body");
    p.author = app::text(app::field(j, "author"), "name");
    p.published_at = app::text(j, "published_at");
    p.changed_at = app::text(j, "changed_at");
    p.can_comment = app::flag(j, "can_comment");
    const Json& count = app::field(j, "comment_count");
    p.comment_count = count.is_number_integer() ? count.get<int>() : 0;
    const Json& files = app::field(j, "attachments");
    if (files.is_array())
        for (const Json& f : files) {
            const Json& size = app::field(f, "size");
            BlogFile file{app::text(f, "filename"), app::text(f, "url"), size.is_number_integer() ? size.get<long long>() : 0};
            if (!file.url.empty()) p.files.push_back(std::move(file));
        }
    const Json& comments = app::field(j, "comments");
    if (comments.is_array()) {
        for (const Json& c : comments) p.comments.push_back(parse_comment(c));
        p.comment_count = static_cast<int>(p.comments.size());
    }
    return p;
}

std::string list_path(const std::string& pupil_id) {
    return "/api/v1/pupils/" + app::url_segment(pupil_id) + "/blog";
}

std::string comments_text(int n) {
    if (n == 0) return app::tr("Inga kommentarer");
    if (n == 1) return app::tr("1 kommentar");
    return app::trf("%d kommentarer", n);
}

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






void section_heading(const std::string& text) {
    ui::Space(6);
    ui::Text(text, 0, Face::Strong);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 4);
}


}  // namespace

// --- Data -----------------------------------------------------------------------------

void BloggBox::load(BoxContext& ctx) {
    fetch_.start();
    ctx.api.get(list_path(pupil_id_), [this](const app::ApiReply& reply) {
        if (!fetch_.succeeded(reply)) return;
        posts_.clear();
        can_comment_ = app::flag(reply.body, "can_comment");
        const Json& list = app::field(reply.body, "posts");
        if (list.is_array())
            for (const Json& j : list) posts_.push_back(parse_post(j));
        // The server sends newest first; keep it so even if that ever changes.
        std::stable_sort(posts_.begin(), posts_.end(),
                         [](const BlogPost& a, const BlogPost& b) { return a.published_at > b.published_at; });
        fetch_.done();
    });
}

void BloggBox::set_count_here(const std::string& post_id, int count) {
    for (BlogPost& p : posts_)
        if (p.id == post_id) p.comment_count = count;
}

void BloggBox::open_post(BoxContext& ctx, const BlogPost& post) {
    // The list carries the post's text: show it at once; the fetch brings its comments.
    scroll_.open_item();
    open_.open(post.id);
    post_ = post;
    post_.comments.clear();
    post_.can_comment = false;  // until the server says so for this post
    comment_[0] = 0;
    form_error_.clear();
    form_success_.clear();
    comments_error_.clear();
    confirm_id_.clear();
    fetch_post(ctx);
}

void BloggBox::fetch_post(BoxContext& ctx) {
    open_.fetching();
    const std::string id = open_.id;
    ctx.api.get(list_path(pupil_id_) + "/" + app::url_segment(id), [this, id](const app::ApiReply& reply) {
        if (!reply.ok()) {
            if (reply.status == 404)
                posts_.erase(std::remove_if(posts_.begin(), posts_.end(), [&](const BlogPost& p) { return p.id == id; }),
                             posts_.end());
            open_.failed(id, reply, app::tr("Inlägget finns inte längre. Det kan ha tagits bort av skolan."));
            return;
        }
        BlogPost fresh = parse_post(app::field(reply.body, "post"));
        set_count_here(id, fresh.comment_count);
        if (open_.id != id) return;
        post_ = std::move(fresh);
        open_.load = Load::Ready;
    });
}

void BloggBox::close_post() {
    open_.close();
    post_ = BlogPost{};
    comment_[0] = 0;
    form_error_.clear();
    form_success_.clear();
    comments_error_.clear();
    confirm_id_.clear();
    scroll_.back_to_list();
}

void BloggBox::send_comment(BoxContext& ctx) {
    form_error_.clear();
    form_success_.clear();
    if (blank(comment_)) {
        form_error_ = app::tr("Skriv något i kommentaren innan du skickar den.");
        return;
    }
    if (utf8_chars(comment_) > kCommentMaxChars) {
        form_error_ = app::trf("Kommentaren är för lång: den får vara högst %d tecken, och din är %d tecken.",
                               static_cast<int>(kCommentMaxChars), static_cast<int>(utf8_chars(comment_)));
        return;
    }
    sending_ = true;
    const std::string id = open_.id;
    Json body = {{"body", std::string(comment_)}};
    ctx.api.post(list_path(pupil_id_) + "/" + app::url_segment(id) + "/comments", body,
                 [this, id](const app::ApiReply& reply) {
                     sending_ = false;
                     if (open_.id != id) return;
                     if (!reply.ok()) {
                         form_error_ = reply.error.message.empty() ? app::tr("Kommentaren kunde inte skickas. Försök igen.")
                                                                   : reply.error.message;
                         return;
                     }
                     post_.comments.push_back(parse_comment(app::field(reply.body, "comment")));
                     post_.comment_count = static_cast<int>(post_.comments.size());
                     set_count_here(id, post_.comment_count);
                     comment_[0] = 0;
                     form_success_ = app::tr("Din kommentar är skickad.");
                 });
}

void BloggBox::delete_comment(BoxContext& ctx, const std::string& comment_id) {
    deleting_id_ = comment_id;
    comments_error_.clear();
    form_success_.clear();
    const std::string id = open_.id;
    ctx.api.del(list_path(pupil_id_) + "/" + app::url_segment(id) + "/comments/" + app::url_segment(comment_id),
                [this, id, comment_id](const app::ApiReply& reply) {
                    deleting_id_.clear();
                    confirm_id_.clear();
                    if (open_.id != id) return;
                    if (!reply.ok() && reply.status != 404) {
                        comments_error_ = reply.error.message.empty()
                                              ? app::tr("Kommentaren kunde inte tas bort. Försök igen.")
                                              : reply.error.message;
                        return;
                    }
                    post_.comments.erase(std::remove_if(post_.comments.begin(), post_.comments.end(),
                                                        [&](const BlogComment& c) { return c.id == comment_id; }),
                                         post_.comments.end());
                    post_.comment_count = static_cast<int>(post_.comments.size());
                    set_count_here(id, post_.comment_count);
                });
}

bool BloggBox::show_item(BoxContext& ctx, const std::string& item_id) {
    return app::show_listed_item(
        item_id, open_, posts_, [&](const auto& item) { open_post(ctx, item); }, [&] { close_post(); });
}

void BloggBox::on_open(BoxContext&) {
    // Every visit starts at the list, fetched afresh; what is known stays on screen meanwhile.
    open_.close();
    scroll_.cancel();
    confirm_id_.clear();
    fetch_.refresh();
}

// --- Drawing --------------------------------------------------------------------------

void BloggBox::draw_list(BoxContext& ctx) {
    if (fetch_.failed()) {
        if (ui::ErrorAndRetry(fetch_.error)) load(ctx);
        ui::Space(8);
    }
    ui::Heading(app::tr("Inlägg"));
    if (posts_.empty()) {
        ui::MutedText(app::tr("Lärarna har inte skrivit några inlägg ännu."));
        return;
    }
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 4);
    ui::Text(can_comment_ ? app::tr("Lärarnas inlägg. Öppna ett inlägg för att läsa och kommentera.")
                          : app::tr("Lärarnas inlägg. Öppna ett inlägg för att läsa det och kommentarerna."),
             app::theme::colors().muted_text);
    ui::Space(6);

    const float width = ImGui::GetContentRegionAvail().x;
    const bool narrow = width < 520.0f;
    const float pad_x = narrow ? 16.0f : 22.0f, pad_y = narrow ? 14.0f : 16.0f;
    const float chevron_column = 24.0f;
    const float gap = 14.0f;
    const float text_w = width - pad_x * 2 - chevron_column;

    const BlogPost* to_open = nullptr;
    for (const BlogPost& p : posts_) {
        ImGui::PushID(p.id.c_str());
        std::string meta = app::dates::date_time(p.published_at);
        if (!p.author.empty()) meta += " · " + p.author;
        const std::string count = std::string(app::icons::kBlogg) + "  " + comments_text(p.comment_count);
        std::string excerpt;
        if (!p.body.empty()) {
            ImGui::PushFont(app::fonts::get(Face::Body));
            excerpt = ui::ClipToLines(collapse_whitespace(p.body), text_w, narrow ? 3 : 2);
            ImGui::PopFont();
        }
        const float title_h = ui::TextSize(Face::Strong, p.title, text_w).y;
        const float meta_h = ui::TextSize(Face::Small, meta, text_w).y;
        const float excerpt_h = excerpt.empty() ? 0.0f : ui::TextSize(Face::Body, excerpt, text_w).y;
        const float count_h = ui::TextSize(Face::Small, count, text_w).y;
        const float height = pad_y + title_h + 4 + meta_h + (excerpt.empty() ? 0.0f : 8 + excerpt_h) + 8 + count_h + pad_y;

        const ImVec2 pos = ImGui::GetCursorScreenPos();
        ui::CardResult card = ui::CardButton((p.title + "##post").c_str(), ImVec2(width, height));
        if (card.clicked) to_open = &p;

        const float text_x = pos.x + pad_x;
        ui::Chevron(ImVec2(pos.x + width - pad_x, pos.y + pad_y + ImGui::GetFontSize() * 0.5f + 1));  // by the title

        float y = pos.y + pad_y;
        ui::TextAt(ImVec2(text_x, y), text_w, p.title, 0, Face::Strong);
        y += title_h + 4;
        ui::TextAt(ImVec2(text_x, y), text_w, meta, app::theme::colors().muted_text, Face::Small);
        y += meta_h;
        if (!excerpt.empty()) {
            ui::TextAt(ImVec2(text_x, y + 8), text_w, excerpt, app::theme::colors().text, Face::Body);
            y += 8 + excerpt_h;
        }
        ui::TextAt(ImVec2(text_x, y + 8), text_w, count, app::theme::colors().accent, Face::Small);

        ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + height));
        ImGui::Dummy(ImVec2(width, gap - ImGui::GetStyle().ItemSpacing.y));
        ImGui::PopID();
    }
    if (to_open) {
        BlogPost chosen = *to_open;
        open_post(ctx, chosen);
        ctx.item_shown(chosen.id);
    }
}

void BloggBox::draw_comments(BoxContext& ctx) {
    ui::Text(app::trf("Kommentarer (%d)", static_cast<int>(post_.comments.size())), 0, Face::Strong);
    ui::Space(2);
    if (open_.load == Load::Loading && post_.comments.empty()) {
        ui::Loading(app::tr("Hämtar kommentarerna …"));
        return;
    }
    if (post_.comments.empty()) {
        ui::MutedText(post_.can_comment ? app::tr("Inga kommentarer ännu. Skriv den första!") : app::tr("Inga kommentarer ännu."));
    }
    std::string to_delete;
    for (const BlogComment& c : post_.comments) {
        ImGui::PushID(c.id.c_str());
        ui::BeginPanel("##comment");
        const std::string who = c.author.empty() ? std::string(app::tr("Okänd")) : c.author;
        ui::Text(who, 0, Face::Strong);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 4);
        ui::Text(app::dates::date_time(c.created_at), app::theme::colors().muted_text, Face::Small);
        ui::SelectableText(c.body);
        if (c.can_delete) {
            const bool busy = deleting_id_ == c.id;
            if (confirm_id_ == c.id) {
                ui::Space(2);
                ui::Text(app::tr("Vill du ta bort din kommentar? Det går inte att ångra."), app::theme::colors().error_text);
                const std::string yes = std::string(app::icons::kTrash) + "  " + app::tr("Ja, ta bort") + "##yes" + c.id;
                const std::string no = std::string(app::tr("Avbryt")) + "##no" + c.id;
                if (ui::PrimaryButton(yes.c_str(), !busy)) to_delete = c.id;
                ImGui::SameLine();
                if (ui::SecondaryButton(no.c_str(), !busy)) confirm_id_.clear();
                if (busy) {
                    if (ImGui::GetContentRegionAvail().x > 140) ImGui::SameLine(0, 16);
                    ui::Loading(app::tr("Tar bort …"));
                }
            } else {
                const std::string label = std::string(app::icons::kTrash) + "  " + app::tr("Ta bort") + "##del" + c.id;
                ImGui::SetCursorPosX(ImGui::GetCursorPosX() - ImGui::GetStyle().FramePadding.x);
                if (ui::QuietButton(label.c_str())) {
                    confirm_id_ = c.id;
                    comments_error_.clear();
                }
            }
        }
        ui::EndPanel();
        ImGui::PopID();
    }
    if (!comments_error_.empty()) ui::Note(comments_error_, ui::Tone::Error);
    if (!to_delete.empty()) delete_comment(ctx, to_delete);
}

void BloggBox::draw_form(BoxContext& ctx) {
    ui::Space(6);
    ui::TextArea(app::tr("Din kommentar"), comment_, sizeof(comment_), 4);
    ui::Text(app::trf("Högst %d tecken. Läraren får veta att du har kommenterat.", static_cast<int>(kCommentMaxChars)),
             app::theme::colors().muted_text, Face::Small);
    ui::Space(2);
    const bool clicked = ui::PrimaryButton(app::tr("Skicka kommentar"), !sending_);
    if (sending_) {
        ImGui::SameLine(0, 16);
        ui::Loading(app::tr("Skickar …"));
    }
    if (clicked && !sending_) send_comment(ctx);
    if (!form_error_.empty()) ui::Note(form_error_, ui::Tone::Error);
    if (!form_success_.empty()) ui::Note(form_success_, ui::Tone::Success);
}

void BloggBox::draw_post(BoxContext& ctx) {
    if (ui::BackButton(app::tr("Tillbaka till inläggen"))) {
        close_post();
        ctx.item_shown("");
        return;
    }
    ui::Space(4);
    if (open_.gone) {
        ui::Note(open_.error, ui::Tone::Error);
        return;
    }
    if (post_.title.empty() && open_.load != Load::Ready) {  // opened by its address: nothing to show yet
        if (ui::LoadingOrError(open_.load == Load::Failed, open_.error, app::tr("Hämtar inlägget …"))) fetch_post(ctx);
        return;
    }

    ui::BeginPanel("##post");
    ui::ArticleHeading(post_.title, app::dates::published(post_.published_at, post_.author),
                       post_.changed_at.empty() ? std::string() : app::dates::changed(post_.changed_at));
    if (open_.load == Load::Failed) {
        ui::Space(4);
        if (ui::ErrorAndRetry(open_.error)) fetch_post(ctx);
    }
    ui::Divider();
    if (post_.body.empty()) ui::MutedText(app::tr("Inlägget har ingen text."));
    else ui::SelectableText(post_.body);
    ui::CopyButton("##post", post_.title + "\n\n" + post_.body);

    if (!post_.files.empty()) {
        section_heading(post_.files.size() == 1 ? app::tr("Bifogad fil") : app::tr("Bifogade filer"));
        for (size_t i = 0; i < post_.files.size(); ++i) {
            const BlogFile& file = post_.files[i];
            ImGui::PushID(static_cast<int>(i));
            const std::string open_label = std::string(app::icons::kDownload) + "  " + app::tr("Öppna##file");
            if (ui::LinkRow(file.filename.empty() ? app::trf("Fil %d", static_cast<int>(i + 1)) : file.filename,
                            ui::FileSize(file.size), open_label, file.url))
                platform::open_url(file.url);
            ImGui::PopID();
        }
    }
    ui::EndPanel();

    ui::Space(8);
    ui::BeginPanel("##comments");
    draw_comments(ctx);
    if (open_.load == Load::Ready) {
        if (post_.can_comment) {
            ui::Divider();
            draw_form(ctx);
        } else {
            ui::Space(4);
            ui::Note(ctx.me.role == "pupil"
                         ? app::tr("Du kan inte kommentera det här inlägget.")
                         : app::tr("Bara eleven själv kan kommentera inläggen. Du kan läsa dem och kommentarerna."),
                     ui::Tone::Info);
        }
    }
    ui::EndPanel();
}

void BloggBox::draw_full_view(BoxContext& ctx, const app::Pupil&) {
    if (fetch_.load == Load::NotStarted) load(ctx);
    scroll_.apply();
    if (open_.is_open()) {
        draw_post(ctx);
        return;
    }
    if (!fetch_.loaded_once) {
        if (ui::LoadingOrError(fetch_.failed(), fetch_.error, app::tr("Hämtar inläggen …"))) load(ctx);
        return;
    }
    draw_list(ctx);
}

namespace {

const app::EnglishText kEnglish[] = {
    {"Inga kommentarer", "No comments"},
    {"1 kommentar", "1 comment"},
    {"%d kommentarer", "%d comments"},
    {"Inlägget finns inte längre. Det kan ha tagits bort av skolan.",
     "This post is no longer there. The school may have removed it."},
    {"Skriv något i kommentaren innan du skickar den.", "Write something in the comment before you send it."},
    {"Kommentaren är för lång: den får vara högst %d tecken, och din är %d tecken.",
     "The comment is too long: it may be at most %d characters, and yours is %d characters."},
    {"Kommentaren kunde inte skickas. Försök igen.", "The comment could not be sent. Try again."},
    {"Din kommentar är skickad.", "Your comment has been sent."},
    {"Kommentaren kunde inte tas bort. Försök igen.", "The comment could not be removed. Try again."},
    {"Inlägg", "Posts"},
    {"Lärarna har inte skrivit några inlägg ännu.", "The teachers have not written any posts yet."},
    {"Lärarnas inlägg. Öppna ett inlägg för att läsa och kommentera.",
     "The teachers' posts. Open a post to read and comment on it."},
    {"Lärarnas inlägg. Öppna ett inlägg för att läsa det och kommentarerna.",
     "The teachers' posts. Open a post to read it and its comments."},
    {"Kommentarer (%d)", "Comments (%d)"},
    {"Hämtar kommentarerna …", "Loading the comments …"},
    {"Hämtar inlägget …", "Loading the post …"},
    {"Inga kommentarer ännu. Skriv den första!", "No comments yet. Write the first one!"},
    {"Inga kommentarer ännu.", "No comments yet."},
    {"Okänd", "Unknown"},
    {"Vill du ta bort din kommentar? Det går inte att ångra.", "Do you want to remove your comment? This cannot be undone."},
    {"Ja, ta bort", "Yes, remove"},
    {"Avbryt", "Cancel"},
    {"Tar bort …", "Removing …"},
    {"Ta bort", "Remove"},
    {"Din kommentar", "Your comment"},
    {"Högst %d tecken. Läraren får veta att du har kommenterat.",
     "At most %d characters. The teacher is told that you have commented."},
    {"Skicka kommentar", "Send comment"},
    {"Skickar …", "Sending …"},
    {"Tillbaka till inläggen", "Back to the posts"},
    {"Inlägget har ingen text.", "This post has no text."},
    {"Bifogad fil", "Attached file"},
    {"Bifogade filer", "Attached files"},
    {"Öppna", "Open"},
    {"Fil %d", "File %d"},
    {"Du kan inte kommentera det här inlägget.", "You cannot comment on this post."},
    {"Bara eleven själv kan kommentera inläggen. Du kan läsa dem och kommentarerna.",
     "Only the pupil can comment on the posts. You can read them and the comments."},
    {"Hämtar inläggen …", "Loading the posts …"},
};
const app::EnglishTexts kRegistered(kEnglish);

}  // namespace

}  // namespace boxes
