#include <catch2/catch.hpp>

#include "core/boxes/blog.hpp"
#include "core/permissions.hpp"
#include "test_support.hpp"

using namespace skolnav;
using namespace skolnav::test;

namespace {

const std::string kSchoolBlog = school_route(kEkbyskolan, "blog");

std::string blog_path(const Id& pupil) { return pupil_route(pupil, "blog"); }

json post(const std::string& title, std::vector<Id> groups) {
    return {{"title", title}, {"body", "Vi har haft en fin dag."}, {"group_ids", groups}};
}

std::string comment(const std::string& text) { return json{{"body", text}}.dump(); }

const PublishedBox kBlog{"blog", "/api/v1/blog/", "posts", "blog_post",
                         [](const std::vector<Id>& groups) { return post("Veckan som gått", groups); }};

json card_of(const ApiFixture& f, const std::string& viewer, const Id& pupil) {
    return f.card("blog", Box::Blogg, viewer, pupil);
}

// The cast, and a post demo.personal has published to 7A.
struct BlogWorld : ApiFixture, DemoCast {
    Id post_id;
    BlogWorld() : DemoCast(static_cast<ApiFixture&>(*this)) {
        post_id = call("POST", kSchoolBlog, post("Besök på biblioteket", {class_7a}).dump(), staff).body["post"]["id"];
    }
    std::string comments_path(const Id& pupil) const { return blog_path(pupil) + "/" + post_id + "/comments"; }
};

}  // namespace

TEST_CASE("staff post to their group; pupils and guardians read; pupils comment", "[blog]") {
    BlogWorld w;
    ApiFixture& f = w;
    const auto& p = f.store.unsafe_state().blog.posts.at(w.post_id);
    CHECK(p.author_id == f.id_of("demo.personal"));
    check_reaches_7a(f, kBlog, w.post_id);

    auto list = f.call("GET", blog_path(w.elsa), "", w.vh);
    REQUIRE(list.status == 200);
    CHECK(list.body["posts"][0]["id"] == w.post_id);
    CHECK(list.body["posts"][0]["author"]["name"] == "Lena Forsberg");
    CHECK(list.body["can_comment"] == false);
    CHECK(f.call("GET", blog_path(w.elsa), "", w.elev).body["can_comment"] == true);

    f.clock.set(at("2026-11-30T13:00:00Z"));
    auto c = f.call("POST", w.comments_path(w.elsa), comment("Jag lånade en deckare!"), w.elev);
    REQUIRE(c.status == 201);
    const Id cid = c.body["comment"]["id"];
    CHECK(c.body["comment"]["author"]["name"] == "Elsa Lindqvist");
    CHECK(c.body["comment"]["created_at"] == "2026-11-30T14:00:00+01:00");
    CHECK(f.journal.durable == f.journal.records.size());
    CHECK(f.stored_notifications(f.id_of("demo.personal"), "blog_comment", w.post_id) == 1);
    for (const auto& n : f.store.unsafe_state().notifications.by_recipient.at(f.id_of("demo.personal")))
        if (n.kind == "blog_comment") CHECK(n.pupil_id == w.elsa);

    // Amira's guardian reads Elsa's comment on the class's post.
    auto seen = f.call("GET", blog_path(w.amira) + "/" + w.post_id, "", w.vh2);
    REQUIRE(seen.status == 200);
    REQUIRE(seen.body["post"]["comments"].size() == 1);
    CHECK(seen.body["post"]["comments"][0]["body"] == "Jag lånade en deckare!");
    CHECK(seen.body["post"]["comments"][0]["own"] == false);
    CHECK(seen.body["post"]["can_comment"] == false);
    CHECK(seen.body["post"]["comment_count"] == 1);
    auto own = f.call("GET", blog_path(w.elsa) + "/" + w.post_id, "", w.elev);
    CHECK(own.body["post"]["comments"][0]["own"] == true);
    CHECK(own.body["post"]["comments"][0]["can_delete"] == true);
    CHECK(f.call("GET", blog_path(w.elsa), "", w.elev).body["posts"][0]["comment_count"] == 1);
    (void)cid;
}

TEST_CASE("only the pupil themself comments, on posts that reach them", "[blog]") {
    BlogWorld w;
    ApiFixture& f = w;
    const auto before = f.store.snapshot()["state"]["blog_posts"];
    auto guardian = f.call("POST", w.comments_path(w.elsa), comment("Hej"), w.vh);
    CHECK(guardian.status == 403);
    CHECK(f.call("POST", w.comments_path(w.amira), comment("Hej"), w.elev).status == 404);  // a classmate
    CHECK(f.call("POST", w.comments_path(w.elsa), comment("Hej"), w.staff).status == 404);
    CHECK(f.call("POST", w.comments_path(w.elsa), comment("Hej")).status == 401);
    // A post for 7B does not reach Elsa.
    const Id other = f.call("POST", kSchoolBlog, post("7B", {w.class_7b}).dump(), w.teacher_7b).body["post"]["id"];
    CHECK(f.call("POST", blog_path(w.elsa) + "/" + other + "/comments", comment("Hej"), w.elev).status == 404);
    CHECK(f.call("GET", blog_path(w.elsa) + "/" + other, "", w.elev).status == 404);
    CHECK(f.call("POST", blog_path(w.elsa) + "/blg-999999/comments", comment("Hej"), w.elev).status == 404);
    // Bad input names the field.
    for (const auto& [body, field] : std::vector<std::pair<std::string, std::string>>{
             {"{}", "body"}, {R"({"body":""})", "body"}, {comment(std::string(2001, 'a')), "body"},
             {R"({"body":5})", "body"}, {R"({"body":"x","mood":"glad"})", "mood"}, {"nej", ""}}) {
        auto r = f.call("POST", w.comments_path(w.elsa), body, w.elev);
        INFO(body);
        CHECK(r.status == 400);
        CHECK(r.body["error"]["field"] == (field.empty() ? json(nullptr) : json(field)));
    }
    CHECK(f.store.snapshot()["state"]["blog_posts"].size() == before.size() + 1);  // only the 7B post was added
    CHECK(f.store.unsafe_state().blog.posts.at(w.post_id).comments.empty());
}

TEST_CASE("the comment's author deletes their own comment, nobody else's", "[blog]") {
    BlogWorld w;
    ApiFixture& f = w;
    // A whole-school post, so that another pupil of the school who signs in can comment.
    w.post_id = f.call("POST", kSchoolBlog, post("Skolans blogg", {}).dump(), w.admin).body["post"]["id"];
    const Id mine = f.call("POST", w.comments_path(w.elsa), comment("Min"), w.elev).body["comment"]["id"];
    std::string other;
    Id other_id;
    for (const auto& [id, p] : f.store.unsafe_state().people)
        if (p.role == Role::Pupil && p.school_id == kEkbyskolan && id != w.elsa && !p.username.empty()) {
            other = p.username;
            other_id = id;
            break;
        }
    REQUIRE_FALSE(other.empty());
    const auto ot = f.sign_in(other);
    const Id theirs = f.call("POST", w.comments_path(other_id), comment("Deras"), ot).body["comment"]["id"];
    CHECK(f.call("DELETE", w.comments_path(w.elsa) + "/" + theirs, "", w.elev).status == 403);
    CHECK(f.call("DELETE", w.comments_path(other_id) + "/" + mine, "", w.elev).status == 404);  // not Elsa's path
    CHECK(f.call("DELETE", w.comments_path(w.elsa) + "/" + mine, "", w.vh).status == 403);  // guardians neither
    CHECK(f.call("DELETE", w.comments_path(w.elsa) + "/bcm-999999", "", w.elev).status == 404);
    CHECK(f.call("DELETE", w.comments_path(w.elsa) + "/" + mine, "", w.elev).status == 204);
    CHECK(f.store.unsafe_state().blog.posts.at(w.post_id).comments.size() == 1);
    CHECK(f.call("DELETE", w.comments_path(w.elsa) + "/" + mine, "", w.elev).status == 404);
    // Elsa sees the other pupil's comment, not as her own.
    auto seen = f.call("GET", blog_path(w.elsa) + "/" + w.post_id, "", w.elev);
    CHECK(seen.body["post"]["comments"][0]["own"] == false);
    CHECK(seen.body["post"]["comments"][0]["can_delete"] == false);
}

TEST_CASE("staff of the group moderate: hidden comments are not shown to pupils and guardians", "[blog]") {
    BlogWorld w;
    ApiFixture& f = w;
    const Id cid = f.call("POST", w.comments_path(w.elsa), comment("Olämpligt"), w.elev).body["comment"]["id"];
    const std::string staff_comment = "/api/v1/blog/" + w.post_id + "/comments/" + cid;

    CHECK(f.call("PUT", staff_comment, R"({"hidden":"ja"})", w.staff).body["error"]["field"] == "hidden");
    CHECK(f.call("PUT", staff_comment, "{}", w.staff).body["error"]["field"] == "hidden");
    CHECK(f.call("PUT", staff_comment, R"({"hidden":true})", w.teacher_7b).status == 404);  // not their post
    CHECK(f.call("PUT", staff_comment, R"({"hidden":true})", w.vh).status == 404);
    CHECK(f.call("PUT", staff_comment, R"({"hidden":true})", w.elev).status == 404);
    CHECK_FALSE(f.store.unsafe_state().blog.posts.at(w.post_id).comments[0].hidden);

    auto hidden = f.call("PUT", staff_comment, R"({"hidden":true})", w.staff);
    REQUIRE(hidden.status == 200);
    CHECK(hidden.body["comment"]["hidden"] == true);
    CHECK(hidden.body["comment"]["hidden_by"]["name"] == "Lena Forsberg");
    for (const auto& [who, pupil] : std::vector<std::pair<std::string, Id>>{{w.elev, w.elsa}, {w.vh2, w.amira}}) {
        auto r = f.call("GET", blog_path(pupil) + "/" + w.post_id, "", who);
        CHECK(r.body["post"]["comments"].empty());
        CHECK(r.body["post"]["comment_count"] == 0);
    }
    // Staff see it, marked hidden; the author cannot delete what they cannot see.
    auto staff_view = f.call("GET", "/api/v1/blog/" + w.post_id, "", w.staff);
    REQUIRE(staff_view.status == 200);
    CHECK(staff_view.body["post"]["comments"][0]["hidden"] == true);
    CHECK(staff_view.body["post"]["hidden_comment_count"] == 1);
    CHECK(f.call("DELETE", w.comments_path(w.elsa) + "/" + cid, "", w.elev).status == 404);
    // Shown again, then deleted by staff.
    CHECK(f.call("PUT", staff_comment, R"({"hidden":false})", w.admin).status == 200);
    CHECK(f.call("GET", blog_path(w.elsa) + "/" + w.post_id, "", w.elev).body["post"]["comments"].size() == 1);
    CHECK(f.call("DELETE", staff_comment, "", w.teacher_7b).status == 404);
    CHECK(f.call("DELETE", staff_comment, "", w.staff).status == 204);
    CHECK(f.store.unsafe_state().blog.posts.at(w.post_id).comments.empty());
}

TEST_CASE("on a whole-school post, staff of the commenting pupil moderate", "[blog]") {
    BlogWorld w;
    ApiFixture& f = w;
    const Id whole = f.call("POST", kSchoolBlog, post("Skolans blogg", {}).dump(), w.admin).body["post"]["id"];
    CHECK(f.call("POST", kSchoolBlog, post("Hela skolan", {}).dump(), w.staff).status == 403);
    const Id cid = f.call("POST", blog_path(w.elsa) + "/" + whole + "/comments", comment("Kul"), w.elev).body["comment"]["id"];
    CHECK(f.stored_notifications(f.id_of("demo.admin"), "blog_comment", whole) == 1);
    const std::string path = "/api/v1/blog/" + whole + "/comments/" + cid;
    auto staff_view = f.call("GET", "/api/v1/blog/" + whole, "", w.teacher_7b);
    REQUIRE(staff_view.status == 200);  // they see the school's post …
    CHECK(staff_view.body["post"]["comments"][0]["can_moderate"] == false);
    CHECK(f.call("PUT", path, R"({"hidden":true})", w.teacher_7b).status == 403);  // … but Elsa is not theirs
    CHECK(f.call("PUT", path, R"({"hidden":true})", w.staff).status == 200);
}

TEST_CASE("changing and deleting posts: only with the publisher's rights", "[blog]") {
    BlogWorld w;
    ApiFixture& f = w;
    const std::string path = "/api/v1/blog/" + w.post_id;
    f.call("POST", w.comments_path(w.elsa), comment("Kommentar"), w.elev);
    auto r = f.call("PUT", path, R"({"title":"Biblioteksbesöket"})", w.staff);
    REQUIRE(r.status == 200);
    CHECK(r.body["post"]["title"] == "Biblioteksbesöket");
    CHECK(r.body["post"]["body"] == "Vi har haft en fin dag.");
    CHECK(r.body["post"]["comments"].size() == 1);  // comments survive a change
    CHECK(f.call("PUT", path, "{}", w.staff).status == 400);
    CHECK(f.call("PUT", path, R"({"body":""})", w.staff).body["error"]["field"] == "body");
    CHECK(f.call("PUT", path, json{{"attachment_ids", std::vector<std::string>(11, "a")}}.dump(), w.staff).status == 400);
    CHECK(f.call("PUT", path, json{{"group_ids", {w.class_7b}}}.dump(), w.staff).status == 403);
    check_only_publishers_change(f, kBlog, w.post_id, {{"title", "x"}});
    CHECK(f.call("GET", path, "", w.teacher_7b).status == 404);
    CHECK(f.call("GET", path, "", w.elev).status == 404);

    CHECK(f.call("DELETE", path, "", w.admin).status == 204);
    CHECK(f.call("GET", blog_path(w.elsa) + "/" + w.post_id, "", w.elev).status == 404);
    CHECK(f.call("POST", w.comments_path(w.elsa), comment("Sen"), w.elev).status == 404);
}

TEST_CASE("bad post input names the field", "[blog]") {
    BlogWorld w;
    ApiFixture& f = w;
    const json before = f.store.snapshot()["state"];
    for (const auto& [body, field] : std::vector<std::pair<json, std::string>>{
             {{{"body", "x"}, {"group_ids", {w.class_7a}}}, "title"},
             {{{"title", "x"}, {"group_ids", {w.class_7a}}}, "body"},
             {{{"title", std::string(201, 'x')}, {"body", "x"}, {"group_ids", {w.class_7a}}}, "title"},
             {{{"title", "x"}, {"body", "x"}, {"group_ids", {"grp-999"}}}, "group_ids"},
             {{{"title", "x"}, {"body", "x"}, {"group_ids", {w.class_7a}}, {"attachment_ids", {""}}}, "attachment_ids"},
             {{{"title", "x"}, {"body", "x"}, {"group_ids", {w.class_7a}}, {"tags", {"a"}}}, "tags"}}) {
        auto r = f.call("POST", kSchoolBlog, body.dump(), w.staff);
        INFO(body.dump());
        CHECK(r.status == 400);
        CHECK(r.body["error"]["field"] == field);
    }
    CHECK(f.store.snapshot()["state"] == before);
}

TEST_CASE("Blogg denials for readers", "[blog]") {
    BlogWorld w;
    ApiFixture& f = w;
    check_reader_denials(f, "blog");
    CHECK(f.call("GET", blog_path(w.amira) + "/" + w.post_id, "", w.elev).status == 404);
    f.switch_box_off(kEkbyskolan, Box::Blogg);
    CHECK(f.call("GET", blog_path(w.elsa), "", w.vh).status == 404);
    CHECK(f.call("POST", w.comments_path(w.elsa), comment("Hej"), w.elev).status == 404);
}

TEST_CASE("the Blogg card shows the newest post", "[blog]") {
    BlogWorld w;
    ApiFixture& f = w;
    auto c = card_of(f, "demo.vh", w.elsa);
    CHECK(c["summary"] == "Senaste: Besök på biblioteket");
    CHECK(c["next"]["id"] == w.post_id);
    CHECK(c["count"].get<int>() >= 2);  // the demo's posts too
}

TEST_CASE("the blog events replay into the same state", "[blog]") {
    ApiFixtureWithFiles f;
    const json before = f.store.snapshot();
    const Id elsa = f.child_of("demo.vh", "Elsa");
    const Id class_7a = f.group_of(elsa);
    const auto staff = f.sign_in("demo.personal"), elev = f.sign_in("demo.elev");
    const Id p = f.call("POST", kSchoolBlog, post("A", {class_7a}).dump(), staff).body["post"]["id"];
    const std::string comments = blog_path(elsa) + "/" + p + "/comments";
    const Id c1 = f.call("POST", comments, comment("ett"), elev).body["comment"]["id"];
    const Id c2 = f.call("POST", comments, comment("två"), elev).body["comment"]["id"];
    REQUIRE(f.call("PUT", "/api/v1/blog/" + p + "/comments/" + c1, R"({"hidden":true})", staff).status == 200);
    REQUIRE(f.call("DELETE", comments + "/" + c2, "", elev).status == 204);
    const Id file = f.upload(staff, "bild.txt", "Text\n", "text/plain").body["attachment"]["id"];
    REQUIRE(f.call("PUT", "/api/v1/blog/" + p, json{{"title", "B"}, {"attachment_ids", {file}}}.dump(), staff).status == 200);
    const Id q = f.call("POST", kSchoolBlog, post("C", {class_7a}).dump(), staff).body["post"]["id"];
    REQUIRE(f.call("DELETE", "/api/v1/blog/" + q, "", staff).status == 204);
    const auto again = check_replay(f, before);
    CHECK(again->unsafe_state().blog.posts.at(p).comments.size() == 1);
    check_snapshot_round_trip(f);
}

TEST_CASE("demo blog: posts per group with pupils' comments", "[blog]") {
    ApiFixture f;
    const State& s = f.store.unsafe_state();
    CHECK(s.blog.posts.size() >= s.groups.size());
    CHECK(s.blog.posts.size() <= 2 * s.groups.size());
    int comments = 0;
    for (const auto& [id, p] : s.blog.posts)
        for (const auto& c : p.comments) {
            ++comments;
            const Person& author = s.people.at(c.author_id);
            CHECK(author.role == Role::Pupil);
            CHECK_FALSE(author.username.empty());
            CHECK(reaches_pupil(author, p.school_id, p.group_ids));
        }
    CHECK(comments > 0);
    const Id elsa = f.child_of("demo.vh", "Elsa"), olle = f.child_of("demo.vh", "Olle");
    const auto t = f.sign_in("demo.vh");
    CHECK_FALSE(f.call("GET", blog_path(elsa), "", t).body["posts"].empty());
    CHECK_FALSE(f.call("GET", blog_path(olle), "", t).body["posts"].empty());
}
