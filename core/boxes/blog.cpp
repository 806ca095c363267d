// Blogg: posts by staff to their groups (the admin: the whole school). Pupils and
// guardians read the posts that reach the pupil; pupils (not guardians) comment on
// them and may delete their own comments; staff of the group moderate (hide or delete).
//   GET    /api/v1/pupils/{pupil}/blog                                 posts, newest first
//   GET    /api/v1/pupils/{pupil}/blog/{post}                          one post with its visible comments
//   POST   /api/v1/pupils/{pupil}/blog/{post}/comments                 the pupil themself comments
//   DELETE /api/v1/pupils/{pupil}/blog/{post}/comments/{comment}       … and deletes their own comment
//   GET    /api/v1/schools/{school}/blog                               staff: posts they see
//   POST   /api/v1/schools/{school}/blog                               staff: publish (notifies, "blog_post")
//   GET    /api/v1/blog/{post}                                         staff: a post with every comment
//   PUT    /api/v1/blog/{post}                                         staff: change
//   DELETE /api/v1/blog/{post}                                         staff: delete
//   PUT    /api/v1/blog/{post}/comments/{comment}                      staff: {"hidden": bool}
//   DELETE /api/v1/blog/{post}/comments/{comment}                      staff: delete a comment
#include "core/boxes/blog.hpp"

#include <algorithm>

#include "core/api_error.hpp"
#include "core/box_module.hpp"
#include "core/boxes/attachments.hpp"
#include "core/json_mapping.hpp"
#include "core/notifications.hpp"
#include "core/permissions.hpp"
#include "core/publishing.hpp"
#include "core/pupil_access.hpp"
#include "core/request_body.hpp"

namespace skolnav {

void to_json(json& j, const BlogComment& c) {
    j = {{"id", c.id},       {"author_id", c.author_id}, {"body", c.body},
         {"created_at", c.created_at}, {"hidden", c.hidden}, {"hidden_by", c.hidden_by}};
}
void from_json(const json& j, BlogComment& c) {
    c.id = j.at("id").get<std::string>();
    c.author_id = j.at("author_id").get<std::string>();
    c.body = j.at("body").get<std::string>();
    c.created_at = j.at("created_at").get<UnixSeconds>();
    c.hidden = j.at("hidden").get<bool>();
    c.hidden_by = j.at("hidden_by").get<std::string>();
}

void to_json(json& j, const BlogPost& p) {
    j = {{"id", p.id},
         {"school_id", p.school_id},
         {"group_ids", p.group_ids},
         {"title", p.title},
         {"body", p.body},
         {"attachment_ids", p.attachment_ids},
         {"author_id", p.author_id},
         {"published_at", p.published_at},
         {"changed_at", p.changed_at},
         {"comments", p.comments}};
}
void from_json(const json& j, BlogPost& p) {
    p.id = j.at("id").get<std::string>();
    p.school_id = j.at("school_id").get<std::string>();
    p.group_ids = j.at("group_ids").get<std::vector<Id>>();
    p.title = j.at("title").get<std::string>();
    p.body = j.at("body").get<std::string>();
    p.attachment_ids = j.at("attachment_ids").get<std::vector<Id>>();
    p.author_id = j.at("author_id").get<std::string>();
    p.published_at = j.at("published_at").get<UnixSeconds>();
    p.changed_at = j.at("changed_at").get<UnixSeconds>();
    p.comments = j.value("comments", json::array()).get<std::vector<BlogComment>>();
}

namespace {

// --- Look-ups and rules -----------------------------------------------------------------

const BlogPost& find_post(const State& state, const Id& id) {
    auto it = state.blog.posts.find(id);
    if (it == state.blog.posts.end()) throw not_found();
    return it->second;
}

const BlogComment& find_comment(const BlogPost& post, const Id& id) {
    for (const auto& c : post.comments)
        if (c.id == id) return c;
    throw not_found();
}

bool post_reaches(const BlogPost& p, const Person& pupil) { return reaches_pupil(pupil, p.school_id, p.group_ids); }

// Staff who moderate a comment: the school's admin, staff of one of the post's groups,
// or staff of the commenting pupil's group.
bool may_moderate(const State& state, const Person& me, const BlogPost& post, const BlogComment& c) {
    if (is_admin_of_school(me, post.school_id)) return true;
    for (const Id& g : post.group_ids)
        if (is_staff_of_group(state, me, g)) return true;
    const Person* author = find_person(state, c.author_id);
    return author && is_staff_of_pupil(state, me, *author);
}

int visible_comments(const BlogPost& p) {
    return static_cast<int>(std::count_if(p.comments.begin(), p.comments.end(), [](const BlogComment& c) { return !c.hidden; }));
}

// --- Wire form ----------------------------------------------------------------------------

json post_json(const State& state, const BlogPost& p, const School& school, int comment_count) {
    return {{"id", p.id},
            {"title", p.title},
            {"body", p.body},
            {"attachment_ids", p.attachment_ids},
            {"attachments", attachments_json(state, p.attachment_ids)},
            {"author", person_ref(state, p.author_id)},
            {"published_at", school_time(school, p.published_at)},
            {"changed_at", p.changed_at ? json(school_time(school, p.changed_at)) : json(nullptr)},
            {"scope", scope_json(state, p.group_ids)},
            {"comment_count", comment_count}};
}

json comment_json(const State& state, const BlogComment& c, const School& school) {
    return {{"id", c.id},
            {"author", person_ref(state, c.author_id)},
            {"body", c.body},
            {"created_at", school_time(school, c.created_at)}};
}

bool newest_first(const BlogPost* a, const BlogPost* b) {
    return a->published_at != b->published_at ? a->published_at > b->published_at : a->id > b->id;
}

std::vector<const BlogPost*> posts_for_pupil(const State& state, const Person& pupil) {
    std::vector<const BlogPost*> out;
    for (const auto& [id, p] : state.blog.posts)
        if (post_reaches(p, pupil)) out.push_back(&p);
    std::sort(out.begin(), out.end(), newest_first);
    return out;
}

// --- Reader handlers ----------------------------------------------------------------------

Response list_posts(Context& ctx) {
    auto txn = ctx.services.store.begin();
    const State& state = txn.state();
    const auto access = pupil_box(state, ctx.params.at("pupil"), *ctx.me, ctx.now, Box::Blogg);
    json posts = json::array();
    for (const BlogPost* p : posts_for_pupil(state, access.pupil))
        posts.push_back(post_json(state, *p, access.school, visible_comments(*p)));
    Response res;
    res.body = {{"pupil", {{"id", access.pupil.id}, {"name", access.pupil.full_name()}}},
                {"can_comment", ctx.me->id == access.pupil.id},
                {"posts", std::move(posts)}};
    return res;
}

json reader_post(const State& state, const Person& me, const BlogPost& p, const School& school, bool may_comment) {
    json j = post_json(state, p, school, visible_comments(p));
    json comments = json::array();
    for (const auto& c : p.comments) {
        if (c.hidden) continue;
        json cj = comment_json(state, c, school);
        cj["own"] = c.author_id == me.id;
        cj["can_delete"] = may_comment && c.author_id == me.id;
        comments.push_back(std::move(cj));
    }
    j["comments"] = std::move(comments);
    j["can_comment"] = may_comment;
    return j;
}

Response get_post(Context& ctx) {
    auto txn = ctx.services.store.begin();
    const State& state = txn.state();
    const auto access = pupil_box(state, ctx.params.at("pupil"), *ctx.me, ctx.now, Box::Blogg);
    const BlogPost& p = find_post(state, ctx.params.at("post"));
    if (!post_reaches(p, access.pupil)) throw not_found();
    Response res;
    res.body = {{"post", reader_post(state, *ctx.me, p, access.school, ctx.me->id == access.pupil.id)}};
    return res;
}

// The pupil of the path, who must be the caller: guardians read but do not comment.
PupilAccess commenting_pupil(const State& state, const Context& ctx) {
    const auto access = pupil_box(state, ctx.params.at("pupil"), *ctx.me, ctx.now, Box::Blogg);
    if (ctx.me->id != access.pupil.id)
        throw ApiError(403, "forbidden",
                       {"Bara eleven själv kan kommentera i bloggen.", "Only the pupil can comment in the blog."});
    return access;
}

Response add_comment(Context& ctx) {
    RequestBody body(ctx.request.body, {"body"});
    const std::string text = body.required_string("body", kBlogCommentMaxChars);

    json reply;
    std::uint64_t seq;
    {
        auto txn = ctx.services.store.begin();
        const State& state = txn.state();
        const auto access = commenting_pupil(state, ctx);
        const BlogPost& post = find_post(state, ctx.params.at("post"));
        if (!post_reaches(post, access.pupil)) throw not_found();
        const BlogComment comment{txn.new_id("bcm"), access.pupil.id, text, ctx.now, false, ""};
        const Id post_id = post.id, author = post.author_id;
        const Text title(access.pupil.first_name + " kommenterade ”" + post.title + "”",
                         access.pupil.first_name + " commented on “" + post.title + "”");
        seq = txn.commit({{"type", "blog_comment_added"}, {"post_id", post_id}, {"comment", comment}});
        if (author != access.pupil.id)
            seq = std::max(seq, notify_people(txn, {author}, access.pupil.id, {Box::Blogg, "blog_comment", post_id, title},
                                              ctx.now));
        reply = comment_json(state, comment, access.school);
        reply["own"] = true;
        reply["can_delete"] = true;
    }
    ctx.services.store.make_durable(seq);
    Response res;
    res.status = 201;
    res.body = {{"comment", std::move(reply)}};
    return res;
}

Response delete_own_comment(Context& ctx) {
    std::uint64_t seq;
    {
        auto txn = ctx.services.store.begin();
        const State& state = txn.state();
        const auto access = commenting_pupil(state, ctx);
        const BlogPost& post = find_post(state, ctx.params.at("post"));
        if (!post_reaches(post, access.pupil)) throw not_found();
        const BlogComment& c = find_comment(post, ctx.params.at("comment"));
        if (c.hidden) throw not_found();  // hidden comments are not shown to pupils
        if (c.author_id != access.pupil.id)
            throw ApiError(403, "forbidden",
                           {"Du kan bara ta bort dina egna kommentarer.", "You can only delete your own comments."});
        seq = txn.commit({{"type", "blog_comment_deleted"}, {"post_id", post.id}, {"comment_id", c.id}});
    }
    ctx.services.store.make_durable(seq);
    Response res;
    res.status = 204;
    return res;
}

// --- Staff handlers -----------------------------------------------------------------------

json staff_post(const State& state, const Person& me, const BlogPost& p, const School& school, bool with_comments) {
    json j = post_json(state, p, school, static_cast<int>(p.comments.size()));
    j["hidden_comment_count"] = static_cast<int>(p.comments.size()) - visible_comments(p);
    j["can_change"] = may_publish_to(state, me, p.school_id, p.group_ids);
    if (with_comments) {
        json comments = json::array();
        for (const auto& c : p.comments) {
            json cj = comment_json(state, c, school);
            cj["hidden"] = c.hidden;
            cj["hidden_by"] = c.hidden ? person_ref(state, c.hidden_by) : json(nullptr);
            cj["can_moderate"] = may_moderate(state, me, p, c);
            comments.push_back(std::move(cj));
        }
        j["comments"] = std::move(comments);
    }
    return j;
}

Response list_school_posts(Context& ctx) {
    auto txn = ctx.services.store.begin();
    const State& state = txn.state();
    const School& school = school_for_staff(state, ctx.params.at("school"), *ctx.me);
    std::vector<const BlogPost*> mine;
    for (const auto& [id, p] : state.blog.posts)
        if (p.school_id == school.id && staff_sees(state, *ctx.me, school.id, p.group_ids)) mine.push_back(&p);
    std::sort(mine.begin(), mine.end(), newest_first);
    json posts = json::array();
    for (const BlogPost* p : mine) posts.push_back(staff_post(state, *ctx.me, *p, school, false));
    Response res;
    res.body = {{"school", {{"id", school.id}, {"name", school.name}}}, {"posts", std::move(posts)}};
    return res;
}

const BlogPost& staff_find_post(const State& state, const Person& me, const Id& id) {
    const BlogPost& p = find_post(state, id);
    if (!staff_sees(state, me, p.school_id, p.group_ids)) throw not_found();
    return p;
}

Response get_staff_post(Context& ctx) {
    auto txn = ctx.services.store.begin();
    const State& state = txn.state();
    const BlogPost& p = staff_find_post(state, *ctx.me, ctx.params.at("post"));
    Response res;
    res.body = {{"post", staff_post(state, *ctx.me, p, state.schools.at(p.school_id), true)}};
    return res;
}

Response publish_post(Context& ctx) {
    RequestBody body(ctx.request.body, {"title", "body", "attachment_ids", "group_ids"});
    BlogPost post;
    post.title = body.required_string("title", kBlogTitleMaxChars);
    post.body = body.required_string("body", kBlogBodyMaxChars);
    post.attachment_ids = read_attachment_ids(body);
    post.group_ids = read_group_ids(body);

    json reply;
    std::uint64_t seq;
    {
        auto txn = ctx.services.store.begin();
        const State& state = txn.state();
        const School& school = school_for_staff(state, ctx.params.at("school"), *ctx.me);
        require_may_publish(state, *ctx.me, school.id, post.group_ids);
        check_attachments(state, *ctx.me, post.attachment_ids, "attachment_ids");
        post.id = txn.new_id("blg");
        post.school_id = school.id;
        post.author_id = ctx.me->id;
        post.published_at = ctx.now;
        seq = txn.commit({{"type", "blog_post_published"}, {"post", post}});
        seq = std::max(seq, notify_pupils(txn, audience_of(state, school.id, post.group_ids),
                                          {Box::Blogg, "blog_post", post.id, {post.title, post.title}}, ctx.now,
                                          ctx.me->id));
        reply = staff_post(state, *ctx.me, state.blog.posts.at(post.id), school, true);
    }
    ctx.services.store.make_durable(seq);
    Response res;
    res.status = 201;
    res.body = {{"post", std::move(reply)}};
    return res;
}

Response change_post(Context& ctx) {
    RequestBody body(ctx.request.body, {"title", "body", "attachment_ids", "group_ids"});
    const bool new_title = body.has("title"), new_body = body.has("body"), new_attachments = body.has("attachment_ids"),
               new_groups = body.has("group_ids");
    if (!(new_title || new_body || new_attachments || new_groups))
        throw bad_request("", "Ange något att ändra: title, body, attachment_ids eller group_ids.",
                          "Give something to change: title, body, attachment_ids or group_ids.");
    const std::string title = new_title ? body.required_string("title", kBlogTitleMaxChars) : "";
    const std::string text = new_body ? body.required_string("body", kBlogBodyMaxChars) : "";
    const auto attachments = read_attachment_ids(body);
    const auto groups = read_new_group_ids(body);

    json reply;
    std::uint64_t seq;
    {
        auto txn = ctx.services.store.begin();
        const State& state = txn.state();
        const BlogPost& old = find_post(state, ctx.params.at("post"));
        require_may_change(state, *ctx.me, old.school_id, old.group_ids, groups);
        if (new_attachments) check_attachments(state, *ctx.me, attachments, "attachment_ids", old.attachment_ids);
        json changes = {{"type", "blog_post_changed"},
                        {"id", old.id},
                        {"title", new_title ? title : old.title},
                        {"body", new_body ? text : old.body},
                        {"attachment_ids", new_attachments ? attachments : old.attachment_ids},
                        {"group_ids", groups ? *groups : old.group_ids},
                        {"changed_at", ctx.now}};
        const Id id = old.id;
        seq = txn.commit(changes);
        const BlogPost& now = state.blog.posts.at(id);
        reply = staff_post(state, *ctx.me, now, state.schools.at(now.school_id), true);
    }
    ctx.services.store.make_durable(seq);
    Response res;
    res.body = {{"post", std::move(reply)}};
    return res;
}

Response delete_post(Context& ctx) { return delete_published(ctx, find_post, "post", "blog_post_deleted"); }

// The comment a staff member moderates: 404 if they do not see the post, 403 if they
// see it but may not moderate this comment.
std::pair<const BlogPost*, const BlogComment*> moderated(const State& state, const Context& ctx) {
    const BlogPost& p = staff_find_post(state, *ctx.me, ctx.params.at("post"));
    const BlogComment& c = find_comment(p, ctx.params.at("comment"));
    if (!may_moderate(state, *ctx.me, p, c))
        throw ApiError(403, "forbidden",
                       {"Bara personal i gruppen kan hantera kommentarerna.",
                        "Only the group's staff can manage the comments."});
    return {&p, &c};
}

Response moderate_comment(Context& ctx) {
    RequestBody body(ctx.request.body, {"hidden"});
    const auto hidden = body.optional_bool("hidden");
    if (!hidden) throw missing("hidden");

    json reply;
    std::uint64_t seq = 0;
    {
        auto txn = ctx.services.store.begin();
        const State& state = txn.state();
        const auto [post, comment] = moderated(state, ctx);
        const Id post_id = post->id, comment_id = comment->id;
        if (comment->hidden != *hidden)
            seq = txn.commit({{"type", "blog_comment_hidden"},
                              {"post_id", post_id},
                              {"comment_id", comment_id},
                              {"hidden", *hidden},
                              {"by", ctx.me->id}});
        const BlogPost& p = state.blog.posts.at(post_id);
        const BlogComment& c = find_comment(p, comment_id);
        const School& school = state.schools.at(p.school_id);
        reply = comment_json(state, c, school);
        reply["hidden"] = c.hidden;
        reply["hidden_by"] = c.hidden ? person_ref(state, c.hidden_by) : json(nullptr);
        reply["can_moderate"] = true;
    }
    ctx.services.store.make_durable(seq);
    Response res;
    res.body = {{"comment", std::move(reply)}};
    return res;
}

Response delete_comment(Context& ctx) {
    std::uint64_t seq;
    {
        auto txn = ctx.services.store.begin();
        const State& state = txn.state();
        const auto [post, comment] = moderated(state, ctx);
        seq = txn.commit({{"type", "blog_comment_deleted"}, {"post_id", post->id}, {"comment_id", comment->id}});
    }
    ctx.services.store.make_durable(seq);
    Response res;
    res.status = 204;
    return res;
}

// --- Events, snapshot, card ---------------------------------------------------------------

BlogComment* comment_in(State& state, const json& event) {
    auto p = state.blog.posts.find(event.at("post_id").get<std::string>());
    if (p == state.blog.posts.end()) return nullptr;
    const Id id = event.at("comment_id").get<std::string>();
    for (auto& c : p->second.comments)
        if (c.id == id) return &c;
    return nullptr;
}

bool apply(State& state, const std::string& type, const json& event) {
    auto& posts = state.blog.posts;
    if (type == "blog_post_published") {
        auto p = event.at("post").get<BlogPost>();
        Id id = p.id;
        posts[id] = std::move(p);
    } else if (type == "blog_post_changed") {
        auto it = posts.find(event.at("id").get<std::string>());
        if (it == posts.end()) throw std::runtime_error("blog_post_changed for an unknown post");
        BlogPost& p = it->second;
        p.title = event.at("title").get<std::string>();
        p.body = event.at("body").get<std::string>();
        p.attachment_ids = event.at("attachment_ids").get<std::vector<Id>>();
        p.group_ids = event.at("group_ids").get<std::vector<Id>>();
        p.changed_at = event.at("changed_at").get<UnixSeconds>();
    } else if (type == "blog_post_deleted") {
        posts.erase(event.at("id").get<std::string>());
    } else if (type == "blog_comment_added") {
        auto it = posts.find(event.at("post_id").get<std::string>());
        if (it == posts.end()) throw std::runtime_error("blog_comment_added for an unknown post");
        it->second.comments.push_back(event.at("comment").get<BlogComment>());
    } else if (type == "blog_comment_hidden") {
        if (BlogComment* c = comment_in(state, event)) {
            c->hidden = event.at("hidden").get<bool>();
            c->hidden_by = c->hidden ? event.at("by").get<std::string>() : "";
        }
    } else if (type == "blog_comment_deleted") {
        auto it = posts.find(event.at("post_id").get<std::string>());
        if (it != posts.end()) {
            const Id id = event.at("comment_id").get<std::string>();
            auto& cs = it->second.comments;
            cs.erase(std::remove_if(cs.begin(), cs.end(), [&](const BlogComment& c) { return c.id == id; }), cs.end());
        }
    } else {
        return false;
    }
    return true;
}

void save(const State& state, json& out) {
    json list = json::array();
    for (const auto& [id, p] : state.blog.posts) list.push_back(p);
    out["blog_posts"] = std::move(list);
}

void load(const json& in, State& state) {
    state.blog.posts.clear();
    for (const auto& j : in.value("blog_posts", json::array())) {
        auto p = j.get<BlogPost>();
        Id id = p.id;
        state.blog.posts.emplace(std::move(id), std::move(p));
    }
}

json card(const CardContext& ctx, Box) {
    const auto posts = posts_for_pupil(ctx.state, ctx.pupil);
    if (posts.empty()) return {{"summary", ctx.say("Inga blogginlägg", "No blog posts")}, {"count", 0}};
    const BlogPost& newest = *posts.front();
    return {{"summary", ctx.say("Senaste: ", "Latest: ") + newest.title},
            {"count", posts.size()},
            {"next",
             {{"id", newest.id},
              {"title", newest.title},
              {"author", person_ref(ctx.state, newest.author_id)},
              {"published_at", school_time(ctx.school, newest.published_at)},
              {"comment_count", visible_comments(newest)}}}};
}

// --- Demo -----------------------------------------------------------------------------------

struct DemoPost {
    const char* title;
    const char* body;
};

void make_demo(DemoContext& ctx) {
    State& state = ctx.state;
    auto new_id = [&](const char* prefix) { return std::string(prefix) + "-" + std::to_string(state.next_id++); };
    const DemoPost preschool[] = {
        {"Vi byggde kojor i skogen", "I dag byggde barnen kojor av granris vid stora stenen. Alla hjälptes åt och "
                                      "sedan åt vi frukt i kojan. Titta gärna på bilderna tillsammans hemma!"},
        {"Höstpyssel med löv", "Vi har samlat löv i alla färger och gjort tavlor som sitter uppe i hallen."},
        {"Sångsamling", "Veckans sång är ”Imse vimse spindel”. Sjung gärna med hemma!"},
    };
    const DemoPost school[] = {
        {"Besök på stadsbiblioteket", "I dag besökte vi stadsbiblioteket. Alla fick låna en bok att läsa hemma och "
                                      "bibliotekarien berättade om sina favoritböcker. Vilken bok valde du?"},
        {"Vårt arbete om vikingatiden", "Vi har byggt en modell av en vikingaby och skrivit faktatexter. Fråga gärna "
                                        "ditt barn om hur vikingarna levde!"},
        {"Experiment i NO", "Vi har undersökt vad som flyter och sjunker. Skriv gärna i kommentarerna vad som "
                            "förvånade dig mest."},
    };
    const DemoPost upper[] = {
        {"Studiebesök på Tekniska museet", "Tack för en bra dag på Tekniska museet! Reflektera gärna i kommentarerna "
                                           "över vad ni tar med er till projektarbetet."},
        {"Tips inför provveckan", "Planera din repetition, sov ordentligt och ät frukost. Fråga i kommentarerna om "
                                  "något är oklart inför proven."},
        {"Debatt i samhällskunskap", "Bra debatt i dag om ungas inflytande i politiken. Fortsätt gärna diskussionen här."},
    };
    const char* const comments[] = {"Det var jättekul!", "Jag vill göra det igen!", "Tack för en rolig dag.",
                                    "Jag lärde mig mycket.", "Kan vi åka dit i vår också?", "Bästa lektionen hittills!"};

    for (const auto& [gid, g] : state.groups) {
        auto school_it = state.schools.find(g.school_id);
        if (school_it == state.schools.end() || g.staff_ids.empty()) continue;
        const SchoolForm form = school_it->second.form;
        const DemoPost* pool = form == SchoolForm::Forskola ? preschool : form == SchoolForm::Grundskola ? school : upper;
        const int count = 1 + ctx.rng.below(2);
        const int first = ctx.rng.below(3);
        const auto& members = pupils_of_group(state, gid);
        for (int i = 0; i < count; ++i) {
            BlogPost post;
            post.id = new_id("blg");
            post.school_id = g.school_id;
            post.group_ids = {gid};
            post.title = pool[(first + i) % 3].title;
            post.body = pool[(first + i) % 3].body;
            post.author_id = g.mentor_id.empty() ? g.staff_ids.front() : g.mentor_id;
            const int days_ago = 1 + i * 6 + ctx.rng.below(5);
            const int seconds_earlier = ctx.rng.below(6 * 3600);
            post.published_at = ctx.now - days_ago * 86400 - seconds_earlier;
            // A couple of comments by pupils of the group who sign in.
            if (form != SchoolForm::Forskola && !members.empty()) {
                const int n = 1 + ctx.rng.below(2);
                for (int k = 0; k < n; ++k) {
                    const Id& pupil = members[ctx.rng.below(static_cast<int>(members.size()))];
                    if (state.people.at(pupil).username.empty()) continue;
                    post.comments.push_back(BlogComment{new_id("bcm"), pupil, ctx.rng.pick(comments),
                                                        post.published_at + (k + 1) * 3 * 3600, false, ""});
                }
            }
            state.blog.posts.emplace(post.id, std::move(post));
        }
    }
}

}  // namespace

extern const BoxModule blog_module{
    "blog",
    {Box::Blogg},
    {
        {"GET", "/api/v1/pupils/{pupil}/blog", true, list_posts, Access::PupilData},
        {"GET", "/api/v1/pupils/{pupil}/blog/{post}", true, get_post, Access::PupilData},
        {"POST", "/api/v1/pupils/{pupil}/blog/{post}/comments", true, add_comment, Access::PupilOnly},
        {"DELETE", "/api/v1/pupils/{pupil}/blog/{post}/comments/{comment}", true, delete_own_comment, Access::PupilOnly},
        {"GET", "/api/v1/schools/{school}/blog", true, list_school_posts, Access::StaffOfSchool},
        {"POST", "/api/v1/schools/{school}/blog", true, publish_post, Access::StaffOfSchool},
        {"GET", "/api/v1/blog/{post}", true, get_staff_post, Access::StaffOfSchool},
        {"PUT", "/api/v1/blog/{post}", true, change_post, Access::StaffOfSchool},
        {"DELETE", "/api/v1/blog/{post}", true, delete_post, Access::StaffOfSchool},
        {"PUT", "/api/v1/blog/{post}/comments/{comment}", true, moderate_comment, Access::StaffOfSchool},
        {"DELETE", "/api/v1/blog/{post}/comments/{comment}", true, delete_comment, Access::StaffOfSchool},
    },
    apply,
    save,
    load,
    make_demo,
    card,
};

}  // namespace skolnav
